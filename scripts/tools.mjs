// The one place the Node scripts and the Playwright tests take their tool
// constants from (the shell scripts take theirs from scripts/env.sh).
//
// Chromium: the Debian browser and its flags come from webdriver.json, the
// file wasm-bindgen-test-runner reads for the browser tests, so every layer
// runs the same browser the same way. Playwright and Lighthouse add their own
// headless switch; a script that starts Chromium itself adds HEADLESS.
import { readFileSync } from "node:fs";

const webdriver = JSON.parse(readFileSync(new URL("../webdriver.json", import.meta.url), "utf8"));
const chrome = webdriver["goog:chromeOptions"];

export const HEADLESS = "--headless=new";
export const CHROMIUM = chrome.binary;
export const CHROMIUM_FLAGS = chrome.args.filter((flag) => flag !== HEADLESS);

// wasm-opt as the release runs it on the lazily loaded page modules
// (scripts/post-build.mjs) and as the size report re-runs it on the main
// module (scripts/contributors.mjs). trunk optimises the main module itself
// at the level index.html names (data-wasm-opt="z"). The features are the
// ones rustc's wasm32 target emits; wasm-opt refuses a module that uses one
// it was not told about.
export const WASM_OPT_FLAGS = ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
  "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];
