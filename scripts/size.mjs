// Prints the raw and brotli size of every file a first visit loads from dist/.
// Usage: node scripts/size.mjs
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const rows = [];
for (const name of readdirSync(dist).sort()) {
  const path = join(dist, name);
  if (!statSync(path).isFile()) continue;
  const raw = readFileSync(path);
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  rows.push({ name, raw: raw.length, br });
}
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, br: t.br + r.br }), { raw: 0, br: 0 });
console.log("file".padEnd(44), "raw".padStart(11), "brotli".padStart(11));
for (const r of [...rows, { name: "total", ...total }]) {
  console.log(r.name.padEnd(44), kib(r.raw).padStart(11), kib(r.br).padStart(11));
}
