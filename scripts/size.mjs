// Prints the raw and brotli size of every file a first visit loads from dist/,
// then of the page modules that load the first time their page opens (the
// service worker precaches those in the background), and with --check
// compares the first-load totals with the enforced budget in budgets.json,
// failing when over.
// Usage: node scripts/size.mjs [--check] [--json]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const budgets = JSON.parse(readFileSync(new URL("../budgets.json", import.meta.url), "utf8"));
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

// 404.html is only fetched by hosts without a rewrite rule, for unknown paths.
const all = files(dist)
  .filter((path) => !path.endsWith("404.html"))
  .map((path) => {
    const raw = readFileSync(path);
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return { name: relative(dist, path), raw: raw.length, br };
  });
// Page modules cut out by scripts/split/: split_<page>-<hash>.wasm and the
// chunk_<n>-<hash>.wasm code that several pages share.
const isPageModule = (r) => /^(split|chunk)_.*\.wasm$/.test(r.name);
const rows = all.filter((r) => !isPageModule(r));
const later = all.filter(isPageModule);
const sum = (list) => list.reduce((t, r) => ({ raw: t.raw + r.raw, br: t.br + r.br }), { raw: 0, br: 0 });
const total = sum(rows);
const wasm = rows.find((r) => r.name.endsWith(".wasm"));
const measured = { first_load_brotli: total.br, wasm_brotli: wasm.br };

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ files: rows, later, ...measured }));
  process.exit(0);
}
const print = (r) => console.log(r.name.padEnd(44), kib(r.raw).padStart(11), kib(r.br).padStart(11));
console.log("file".padEnd(44), "raw".padStart(11), "brotli".padStart(11));
[...rows, { name: "total (first load)", ...total }].forEach(print);
if (later.length) {
  console.log("\nloaded when their page first opens (precached after the first load)");
  [...later, { name: "total (pages)", ...sum(later) }].forEach(print);
}
if (process.argv.includes("--check")) {
  let over = false;
  console.log("\nbudget".padEnd(24), "size".padStart(12), "enforced".padStart(12), "target".padStart(12));
  for (const key of Object.keys(measured)) {
    const [size, enforced, target] = [measured[key], budgets.enforced[key], budgets.target[key]];
    const verdict = size > enforced ? "OVER" : size > target ? "within budget, above target" : "meets target";
    console.log(key.padEnd(24), kib(size).padStart(12), kib(enforced).padStart(12), kib(target).padStart(12), verdict);
    over ||= size > enforced;
  }
  if (over) {
    console.log("\nsize budget exceeded: make it smaller, or raise budgets.json with the reason and figures");
    process.exit(1);
  }
}
