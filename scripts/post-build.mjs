// trunk post-build hook (Trunk.toml). In trunk's staging folder it:
// 1. fills the service worker's precache list and version from the files
//    trunk actually wrote (hashed names; never a hand-kept list);
// 2. hashes the inline script trunk injects and writes it into the
//    Content-Security-Policy, so the app runs under a strict policy;
// 3. copies the shell to 404.html, so deep links work on plain static hosts.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error("run by trunk: TRUNK_STAGING_DIR is not set");

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// 2. CSP: hash every inline <script> (trunk's module loader).
const indexPath = join(stage, "index.html");
let index = readFileSync(indexPath, "utf8");
const hashes = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`,
);
if (!index.includes("__SCRIPT_HASHES__")) throw new Error("index.html has no CSP placeholder");
index = index.replace("__SCRIPT_HASHES__", hashes.join(" "));
writeFileSync(indexPath, index);

// 3. Static-host fallback.
writeFileSync(join(stage, "404.html"), index);

// 1. Precache everything a visit can need, except the worker itself.
const assets = files(stage)
  .map((path) => relative(stage, path).split(sep).join("/"))
  .filter((path) => path !== "sw.js" && path !== "404.html" && !path.startsWith("."))
  .sort();
const version = createHash("sha256");
for (const asset of assets) version.update(asset).update(readFileSync(join(stage, asset)));
const swPath = join(stage, "sw.js");
const sw = readFileSync(swPath, "utf8")
  .replace('const VERSION = "dev";', `const VERSION = "${version.digest("hex").slice(0, 16)}";`)
  .replace("const PRECACHE = [];", `const PRECACHE = ${JSON.stringify(["./", ...assets])};`);
if (!sw.includes("const PRECACHE = [\"./\"")) throw new Error("sw.js placeholders not found");
writeFileSync(swPath, sw);
const bytes = assets.reduce((sum, asset) => sum + statSync(join(stage, asset)).size, 0);
console.log(
  `post-build: ${assets.length} files precached (${(bytes / 1024).toFixed(1)} KiB), ${hashes.length} inline script hashed`,
);
