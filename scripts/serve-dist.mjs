// Serves the release build in dist/ like a static host: real files by path,
// and the app shell for any other route, so deep links work.
// The same files are also served under /sub/, to check sub-path deployment.
//
// Usage: node scripts/serve-dist.mjs [port] [--test-hooks] [--brotli]   (binds 127.0.0.1)
// --brotli compresses responses as a real static host does (for benchmarks).
// --test-hooks adds POST /__test/new-build, after which sw.js carries another
// version: to the browser that is a new release (the e2e update test uses it).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../dist/", import.meta.url));
const args = process.argv.slice(2);
const port = Number(args.find((a) => /^\d+$/.test(a)) ?? process.env.PORT ?? 8081);
const testHooks = args.includes("--test-hooks");
const brotli = args.includes("--brotli");
const compressed = new Map();
const SUB = "/sub/";
let build = 0;
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

async function resolve(urlPath) {
  let path = decodeURIComponent(urlPath.split("?")[0]);
  if (path.startsWith(SUB)) path = path.slice(SUB.length - 1);
  const file = join(root, normalize(path));
  if (file.startsWith(root)) {
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return { file, status: 200 };
    if (info?.isDirectory()) return { file: join(file, "index.html"), status: 200 };
  }
  // Like a host with an SPA rewrite rule; hosts without one serve 404.html
  // (the same shell) with status 404, which browsers log as an error.
  return { file: join(root, "index.html"), status: 200 };
}

createServer(async (req, res) => {
  try {
    if (testHooks && req.method === "POST" && req.url === "/__test/new-build") {
      build += 1;
      res.writeHead(204).end();
      return;
    }
    const { file, status } = await resolve(req.url ?? "/");
    let body = await readFile(file);
    if (build > 0 && file.endsWith("sw.js")) {
      body = Buffer.from(body.toString().replace('const VERSION = "', `const VERSION = "test-build-${build}-`));
    }
    const headers = {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
    };
    if (brotli && /\bbr\b/.test(req.headers["accept-encoding"] ?? "") && !file.endsWith(".png")) {
      if (!compressed.has(file)) {
        compressed.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
      body = compressed.get(file);
      headers["content-encoding"] = "br";
    }
    res.writeHead(status, headers);
    res.end(body);
  } catch (err) {
    res.writeHead(500, { "content-type": "text/plain" });
    res.end(String(err));
  }
}).listen(port, "127.0.0.1", () => console.log(`serving dist/ on http://127.0.0.1:${port}`));
