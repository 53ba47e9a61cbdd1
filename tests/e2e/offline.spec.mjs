import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS } from "../../scripts/tools.mjs";
import { test, expect, openAt, savedStore, startRoutine } from "./fixtures.mjs";

test.use({ serviceWorkers: "allow" });

/** Waits until the service worker controls the page; returns the ms it took. */
async function offlineReady(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
    return performance.now();
  });
}

const ROUTES = [
  ["/", "Today"],
  ["/routine", "Daily spine routine"],
  ["/settings", "Settings"],
  ["/no-such-page", "Page not found"],
];

test("after one visit every route and a whole routine work with no network", async ({ page, context }) => {
  await openAt(page, "/");
  await offlineReady(page);
  const cached = await page.evaluate(async () => {
    const [key] = (await caches.keys()).filter((k) => k.startsWith("spinewise-"));
    return (await (await caches.open(key)).keys()).length;
  });
  // Every file the build listed in the worker, and nothing short of it.
  const listed = JSON.parse(readFileSync(new URL("../../dist/sw.js", import.meta.url), "utf8").match(/const PRECACHE = (\[.*\]);/)[1]);
  expect(listed.length).toBeGreaterThan(9);
  expect(cached).toBe(listed.length);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  for (const [path, heading] of ROUTES) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
  await page.goto("/");
  await startRoutine(page);
  await page.clock.fastForward(20 * 60_000);
  await page.getByRole("radio", { name: "2 — mild" }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator(".stat").first()).toContainText("1day streak");
  expect((await savedStore(page)).sessions[0].pain_after).toBe(2);
});

test("a new version waits for the patient, never interrupts a routine, and resumes it", async ({ page, request }) => {
  await openAt(page, "/");
  await offlineReady(page);
  const cacheBefore = await page.evaluate(async () => (await caches.keys()).join());
  await startRoutine(page);
  await page.clock.fastForward(3 * 60_000);

  await request.post("/__test/new-build");
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await expect
    .poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting))
    .toBe(true);
  // Not while the routine runs.
  await expect(page.getByText("A new version of Spinewise is ready.")).toHaveCount(0);

  // A reload mid-routine (the phone killed the tab) lands on the same exercise.
  const exercise = await page.locator("main h1").textContent();
  const timer = await page.getByRole("timer").textContent();
  await page.reload();
  await expect(page.locator("main h1")).toHaveText(exercise);
  await expect(page.getByRole("timer")).toHaveText(timer);

  await page.getByRole("button", { name: "End routine" }).click();
  await page.getByRole("button", { name: "Save without a pain score" }).click();
  await expect(page.getByText("A new version of Spinewise is ready.")).toBeVisible();
  await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Reload" }).click()]);
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  const cacheAfter = await page.evaluate(async () => (await caches.keys()).join());
  expect(cacheAfter).not.toBe(cacheBefore);
  // The previous version stays one update longer, for tabs still running it.
  expect(cacheAfter.split(",")).toEqual([cacheBefore, expect.any(String)]);
  expect((await savedStore(page)).sessions).toHaveLength(1);
});

test("the app runs under its Content-Security-Policy with no violation", async ({ page }) => {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  for (const [path, heading] of ROUTES) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
  }
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("default-src 'self'");
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).not.toMatch(/'unsafe-eval'/);
});

test("Chrome finds the app installable", async ({ baseURL }, testInfo) => {
  // Chrome never offers installation in incognito, which is what ordinary
  // test contexts are, so this one gets a real profile.
  const context = await chromium.launchPersistentContext(testInfo.outputPath("profile"), {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    // Real clock here, so this is the time a first visit takes to work offline.
    console.log(`offline-ready ${(await offlineReady(page)).toFixed(0)} ms after navigation`);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
    const manifest = await (await page.request.get(`${baseURL}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ start_url: "./", scope: "./", display: "standalone" });
    const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
    expect(sizes).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  } finally {
    await context.close();
  }
});

test("served from a sub-path, links, reloads and the worker stay under it", async ({ page }) => {
  await page.goto("/sub/");
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/sub\/settings$/);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe("/sub/");
});
