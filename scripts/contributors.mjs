// The top contributors to the main wasm's size, grouped by crate: twiggy on
// wasm-bindgen's output (which still has function names) after the same
// `wasm-opt -Oz` the release runs, keeping the names. Part of `make bench`;
// needs a release build (trunk leaves wasm-bindgen's output in target/).
// Usage: node scripts/contributors.mjs [wasm] [count]
import { execFileSync } from "node:child_process";
import { brotliCompressSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { WASM_OPT_FLAGS } from "./tools.mjs";

const input = process.argv[2] ?? "target/wasm-bindgen/release/spinewise_bg.wasm";
const count = Number(process.argv[3] ?? 12);
const named = "target/contributors.wasm";
execFileSync("wasm-opt", [...WASM_OPT_FLAGS, "--debuginfo", input, "-o", named]);
const csv = execFileSync("twiggy", ["top", "-n", "1000000", "--format", "csv", named], {
  maxBuffer: 256 * 1024 * 1024,
}).toString();

// A function's crate is the first path segment of its name; a generic
// instantiation (`<F as leptos_router::…>`) counts for the crate of the trait.
function group(name) {
  if (/^data segment/.test(name)) return "data segments (strings, tables, panic locations)";
  if (/^(elem|table|type|import|export|global|func|code|memory)\b/.test(name)) return "wasm sections and tables";
  const path = name
    .replace(/^(<|&|mut |dyn |\(|\[)+/, "")
    .replace(/^[A-Z]\w* as /, "")
    .replace(/\[[0-9a-f]+\]/g, "");
  const crate = path.match(/^([a-z_][a-z0-9_]*)::/)?.[1];
  return crate ?? "other (unnamed, compiler helpers)";
}

const totals = new Map();
let all = 0;
for (const line of csv.split("\n").slice(1)) {
  if (!line.trim()) continue;
  // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent
  const cols = line.match(/^(.*),(\d+),([\d.]+),[^,]*,[^,]*$/);
  if (!cols) continue;
  const name = cols[1].replace(/^"|"$/g, "").replaceAll('""', '"');
  const size = Number(cols[2]);
  // The names section exists only because names were kept for this count.
  if (/names"* subsection|^custom section/.test(name)) continue;
  all += size;
  const crate = group(name);
  totals.set(crate, (totals.get(crate) ?? 0) + size);
}
const raw = readFileSync(named);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`${input}: ${kib(raw.length)} raw after wasm-opt -Oz (names kept), ${kib(brotliCompressSync(raw).length)} brotli`);
console.log("contributor".padEnd(52), "shallow bytes".padStart(14), "share".padStart(7));
for (const [name, size] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, count)) {
  console.log(name.padEnd(52), kib(size).padStart(14), `${((100 * size) / all).toFixed(1)} %`.padStart(7));
}
