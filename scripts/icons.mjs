// Draws the app icons (a stack of vertebrae on the accent colour) and writes
// them as PNG into public/icons/. Committed output; rerun after a design change:
//   node scripts/icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const ACCENT = [0x1f, 0x5f, 0x5b];
const BONE = [0xf6, 0xf7, 0xf5];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0;
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Signed distance to a rounded box centred at (cx, cy). */
function roundedBox(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Coverage of the icon at unit coordinates: background, then vertebrae. */
function shade(u, v, { rounded, scale }) {
  const inBackground = rounded ? roundedBox(u, v, 0.5, 0.5, 0.5, 0.5, 0.22) <= 0 : true;
  if (!inBackground) return null;
  // Five vertebrae on a gentle S-curve, largest at the bottom.
  for (let i = 0; i < 5; i++) {
    const t = i / 4;
    const cy = 0.5 + (t - 0.5) * 0.62 * scale;
    const cx = 0.5 + (Math.sin(t * Math.PI) - 0.6) * 0.06 * scale;
    const hw = (0.13 + 0.05 * t) * scale;
    const hh = 0.05 * scale;
    if (roundedBox(u, v, cx, cy, hw, hh, 0.04 * scale) <= 0) return BONE;
  }
  return ACCENT;
}

function draw(size, options) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size, options);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 255;
        }
      }
      const n = samples * samples;
      const cover = a / 255;
      const at = (y * size + x) * 4;
      rgba[at] = cover ? Math.round(r / cover) : 0;
      rgba[at + 1] = cover ? Math.round(g / cover) : 0;
      rgba[at + 2] = cover ? Math.round(b / cover) : 0;
      rgba[at + 3] = Math.round(a / n);
    }
  }
  return png(size, rgba);
}

const out = new URL("../public/icons/", import.meta.url);
writeFileSync(new URL("icon-192.png", out), draw(192, { rounded: true, scale: 1 }));
writeFileSync(new URL("icon-512.png", out), draw(512, { rounded: true, scale: 1 }));
// Maskable: full bleed, artwork inside the central 80 % safe zone.
writeFileSync(new URL("maskable-512.png", out), draw(512, { rounded: false, scale: 0.8 }));
// iOS adds its own rounding and dislikes transparency.
writeFileSync(new URL("apple-touch-icon.png", out), draw(180, { rounded: false, scale: 0.9 }));
console.log("icons written to public/icons/");
