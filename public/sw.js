// Spinewise service worker: precaches the whole release build so the app
// runs with no network, and serves every navigation from the cached shell.
// The post-build hook (scripts/post-build.mjs) fills in the two constants
// below from trunk's output; this file is never edited by hand for a release.
const VERSION = "dev";
const PRECACHE = [];

// Named per deployment, so two copies of the app on one origin (say /app/
// and /beta/) never delete each other's caches.
const PREFIX = `spinewise-${self.registration.scope}-`;
const CACHE = `${PREFIX}${VERSION}`;

self.addEventListener("install", (event) => {
  // No skipWaiting here: a new version waits until the patient taps Reload,
  // so it never swaps code under a routine in progress.
  // cache: "reload" skips the HTTP cache: a host that caches index.html must
  // not hand the new worker an old page naming files it never cached.
  const requests = PRECACHE.map((url) => new Request(url, { cache: "reload" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener("activate", (event) => {
  // The previous version's cache is kept one update longer: a tab still
  // running that version loads its pages' code from it (hashed names).
  event.waitUntil(
    caches
      .keys()
      .then((keys) => {
        const ours = keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE);
        const previous = ours.at(-1);
        return Promise.all(ours.filter((key) => key !== previous).map((key) => caches.delete(key)));
      })
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Any route of the app: the shell, which routes on the device.
    const shell = new URL("index.html", self.registration.scope).href;
    event.respondWith(caches.match(shell, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
    return;
  }
  event.respondWith(
    caches
      .match(request, { cacheName: CACHE })
      .then((hit) => hit ?? caches.match(request))
      .then((hit) => hit ?? fetch(request)),
  );
});
