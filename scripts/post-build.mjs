// trunk post-build hook (Trunk.toml). In trunk's staging folder it:
// 1. adds the lazily loaded page modules that scripts/split/wasm-bindgen cut
//    out of the wasm, optimised and content-hashed, with their loader;
// 2. inlines the stylesheet trunk minified, so the first paint waits for no
//    second request;
// 3. hashes the inline script trunk injects and the inlined styles and
//    writes them into the Content-Security-Policy, so the app runs under a
//    strict policy;
// 4. copies the shell to 404.html, so deep links work on plain static hosts;
// 5. fills the service worker's precache list and version from the files
//    trunk actually wrote (hashed names; never a hand-kept list).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { WASM_OPT_FLAGS } from "./tools.mjs";

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error("run by trunk: TRUNK_STAGING_DIR is not set");

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const indexPath = join(stage, "index.html");
let index = readFileSync(indexPath, "utf8");
const contentHash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

// 1. Lazily loaded pages. The wasm-bindgen glue imports the loader only when
// the wasm was split; the loader imports the glue back under trunk's hashed
// name and fetches each page module relative to itself. Every name carries a
// content hash, so no cache can pair a new file with an old one.
const glueName = index.match(/from '\.\/(spinewise-[0-9a-f]+\.js)'/)?.[1];
if (!glueName) throw new Error("index.html does not load the wasm-bindgen glue");
let glue = readFileSync(join(stage, glueName), "utf8");
if (glue.includes("__wasm_split_placeholder__")) {
  throw new Error("the wasm has split points but was not split: build with `make build` (scripts/split/ first on PATH)");
}
if (glue.includes("./__wasm_split.js")) {
  const split = join(process.env.TRUNK_SOURCE_DIR ?? ".", "target", "wasm-split");
  let loader = readFileSync(join(split, "__wasm_split.js"), "utf8");
  loader = loader.replace('from "./spinewise.js"', `from "./${glueName}"`);
  if (!loader.includes(glueName)) throw new Error("the split loader does not import the glue");
  // Hosts that serve .wasm with another content type make streaming
  // instantiation fail; the modules are small, so read them whole instead.
  const streaming = "WebAssembly.instantiateStreaming(src, imports)";
  if (!loader.includes(streaming)) throw new Error("the split loader no longer instantiates as expected");
  loader = loader.replaceAll(
    streaming,
    "src.then((response) => response.arrayBuffer()).then((bytes) => WebAssembly.instantiate(bytes, imports))",
  );
  for (const chunk of readdirSync(split).filter((name) => name.endsWith(".wasm") && name !== "spinewise.wasm")) {
    const optimised = join(split, `opt-${chunk}`);
    if (process.env.TRUNK_PROFILE === "release") {
      // stderr is piped, not shown: wasm-opt warns about the splitter's name
      // section, which -Oz drops anyway; a failure still throws with it.
      execFileSync("wasm-opt", [...WASM_OPT_FLAGS, join(split, chunk), "-o", optimised], { stdio: ["ignore", "ignore", "pipe"] });
    } else {
      copyFileSync(join(split, chunk), optimised);
    }
    const hashed = chunk.replace(/\.wasm$/, `-${contentHash(readFileSync(optimised))}.wasm`);
    copyFileSync(optimised, join(stage, hashed));
    if (!loader.includes(`"./${chunk}"`)) throw new Error(`the split loader does not fetch ${chunk}`);
    loader = loader.replaceAll(`"./${chunk}"`, `"./${hashed}"`);
  }
  const loaderName = `__wasm_split-${contentHash(loader)}.js`;
  writeFileSync(join(stage, loaderName), loader);
  // The glue changes with the loader's name, so its integrity does too.
  glue = glue.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`);
  writeFileSync(join(stage, glueName), glue);
  const integrity = `sha384-${createHash("sha384").update(glue).digest("base64")}`;
  const preload = new RegExp(`(<link rel="modulepreload" href="\\./${glueName.replace(".", "\\.")}"[^>]*integrity=")[^"]*"`);
  if (!preload.test(index)) throw new Error("index.html has no modulepreload with integrity for the glue");
  index = index.replace(preload, `$1${integrity}"`);
}

// 2. The stylesheet, inlined in place of its <link>.
const stylesheets = [...index.matchAll(/<link rel="stylesheet" href="(?:\.\/)?([^"]+\.css)"[^>]*>/g)];
if (stylesheets.length !== 1) throw new Error(`expected one stylesheet link, found ${stylesheets.length}`);
for (const [link, file] of stylesheets) {
  const css = readFileSync(join(stage, file), "utf8");
  index = index.replace(link, () => `<style>${css}</style>`);
  rmSync(join(stage, file));
}

// 3. CSP: hash every inline <script> (trunk's module loader) and <style>.
const sha256 = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const inline = (tag) =>
  [...index.matchAll(new RegExp(`<${tag}(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)<\\/${tag}>`, "g"))].map(([, body]) =>
    sha256(body),
  );
const scriptHashes = inline("script");
const styleHashes = inline("style");
for (const placeholder of ["__SCRIPT_HASHES__", "__STYLE_HASHES__"]) {
  if (!index.includes(placeholder)) throw new Error(`index.html has no CSP placeholder ${placeholder}`);
}
index = index.replace("__SCRIPT_HASHES__", scriptHashes.join(" ")).replace("__STYLE_HASHES__", styleHashes.join(" "));
writeFileSync(indexPath, index);

// 4. Static-host fallback.
writeFileSync(join(stage, "404.html"), index);

// 5. Precache everything a visit can need, except the worker itself.
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
  `post-build: ${assets.length} files precached (${(bytes / 1024).toFixed(1)} KiB), ` +
    `${scriptHashes.length} inline script and ${styleHashes.length} inline style hashed`,
);
