// The browser half of `make bench`: Lighthouse (mobile preset: simulated slow
// 4G and 4x CPU slowdown) on / and /routine, three runs each with the median
// of every figure (one run's TBT varies by a factor of two on this machine),
// then load timings in headless Chromium from the app's own performance
// marks. Prints figures and the targets beside them; asserts nothing. Needs a
// release build in dist/.
import { spawn, execFileSync } from "node:child_process";
import { chromium } from "@playwright/test";
import { seedOnceAndCountWrites, tenYearStore } from "../tests/e2e/ten-years.mjs";
import { CHROMIUM, CHROMIUM_FLAGS, HEADLESS } from "./tools.mjs";

const port = 8099;
const base = `http://127.0.0.1:${port}`;
const server = spawn("node", ["scripts/serve-dist.mjs", String(port), "--brotli"], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));

const RUNS = 3;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function lighthouseRun(path) {
  const out = execFileSync("npx", ["lighthouse", `${base}${path}`, "--quiet", "--output=json",
    "--only-categories=performance,best-practices,accessibility",
    `--chrome-flags=${[HEADLESS, ...CHROMIUM_FLAGS].join(" ")}`], {
    env: { ...process.env, CHROME_PATH: CHROMIUM },
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = JSON.parse(out);
  const audit = (id) => report.audits[id].numericValue;
  return {
    path,
    performance: report.categories.performance.score,
    bestPractices: report.categories["best-practices"].score,
    accessibility: report.categories.accessibility.score,
    fcp: audit("first-contentful-paint"),
    lcp: audit("largest-contentful-paint"),
    tbt: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    transfer: audit("total-byte-weight"),
  };
}

function lighthouse(path) {
  const runs = Array.from({ length: RUNS }, () => lighthouseRun(path));
  const row = { path };
  for (const key of Object.keys(runs[0]).filter((k) => k !== "path")) row[key] = median(runs.map((r) => r[key]));
  row.tbtRuns = runs.map((r) => r.tbt.toFixed(0)).join("/");
  return row;
}

async function marks(seed) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage();
    if (seed) await page.addInitScript(seedOnceAndCountWrites, seed);
    // The first start moves a version-5 document into parts; every later
    // start is the one measured.
    await page.goto(`${base}/`);
    await page.locator(".today-date").waitFor();
    await page.reload();
    await page.locator(".today-date").waitFor();
    runs.push(
      await page.evaluate(() => {
        const m = Object.fromEntries(performance.getEntriesByType("mark").map((e) => [e.name, e.startTime]));
        return { nav: m["spinewise:ready"], loaded: m["spinewise:loaded"] - m["spinewise:start"], render: m["spinewise:ready"] - m["spinewise:start"] };
      }),
    );
    await page.close();
  }
  await browser.close();
  const of = (key) => median(runs.map((r) => r[key]));
  return { nav: of("nav"), loaded: of("loaded"), render: of("render") };
}

/** Main-thread tasks during start-up on `/`, a first visit with the CPU
 * slowed 4× (as Lighthouse's mobile preset counts them): the longest, and
 * how many run over 50 ms, from a Chromium trace up to Today on screen and
 * a second after. Median of 3. */
async function startupTasks() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
    await page.goto(`${base}/`);
    await page.locator(".today-date").waitFor();
    await page.waitForTimeout(1000);
    const trace = JSON.parse((await browser.stopTracing()).toString());
    const events = trace.traceEvents ?? trace;
    const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
    const tasks = events
      .filter((e) => e.name === "RunTask" && e.ph === "X" && (!main || (e.pid === main.pid && e.tid === main.tid)))
      .map((e) => e.dur / 1000);
    runs.push({ longest: Math.max(0, ...tasks), over50: tasks.filter((ms) => ms > 50).length });
    await context.close();
  }
  await browser.close();
  return { longest: median(runs.map((r) => r.longest)), over50: median(runs.map((r) => r.over50)) };
}

/** How soon a tap shows something, at 4x CPU on a first visit (the
 * page's code not yet fetched): from the click to the first frame after
 * the page's <main> changes (the pending state or the page). Median of 3
 * for each tap. */
async function tapResponses() {
  const taps = [
    ["Start routine", (page) => page.getByRole("button", { name: "Start routine" })],
    ["Routine (nav)", (page) => page.getByRole("navigation").getByRole("link", { name: "Routine" })],
    ["Progress (nav)", (page) => page.getByRole("navigation").getByRole("link", { name: "Progress" })],
    ["Settings (nav)", (page) => page.getByRole("navigation").getByRole("link", { name: "Settings" })],
  ];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const results = [];
  for (const [name, target] of taps) {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await page.locator(".today-date").waitFor();
      await page.waitForTimeout(1000);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.evaluate(() => {
        window.tapShown = new Promise((resolve) => {
          document.addEventListener("click", () => {
            const tapped = performance.now();
            const seen = new MutationObserver(() => {
              seen.disconnect();
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - tapped)));
            });
            seen.observe(document.querySelector("main"), { subtree: true, childList: true, attributes: true, characterData: true });
          }, { capture: true, once: true });
        });
      });
      await target(page).click();
      runs.push(await page.evaluate(() => window.tapShown));
      await context.close();
    }
    results.push({ name, ms: median(runs) });
  }
  await browser.close();
  return results;
}

/** Characters written to localStorage at ten years: per tap in the player,
 * and for saving a finished routine (targets: < 2 KB a tap, < 50 KB a routine). */
async function writes(seed) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const page = await browser.newPage();
  await page.addInitScript(seedOnceAndCountWrites, seed);
  await page.clock.install({ time: new Date(2026, 10, 25, 7, 0, 0) });
  await page.goto(`${base}/routine`);
  await page.getByRole("button", { name: "Begin routine" }).click();
  await page.getByRole("button", { name: "Pause" }).waitFor();
  const written = () => page.evaluate(() => window.written);
  const taps = [["Pause"], ["Resume"], ["Skip"], ["Back"], ["Skip"]];
  const before = await written();
  for (const [name] of taps) {
    await page.getByRole("button", { name, exact: true }).click();
    await page.waitForTimeout(100);
  }
  const perTap = ((await written()) - before) / taps.length;
  await page.getByRole("button", { name: /^End/ }).click();
  const atEnd = await written();
  await page.getByRole("radio", { name: /^3 —/ }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByRole("heading", { name: "Today" }).waitFor();
  await page.waitForTimeout(200);
  const finish = (await written()) - atEnd;
  await browser.close();
  return { perTap, finish };
}

try {
  const rows = ["/", "/routine"].map(lighthouse);
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`\nLighthouse, mobile preset, median of ${RUNS} runs (targets: perf 1.00, FCP <= 0.9 s, LCP <= 1.0 s, TBT <= 50 ms, CLS 0)`);
  console.log("route      perf  best  a11y    FCP      LCP      TBT     CLS   transfer   TBT of each run");
  for (const r of rows) {
    console.log(
      `${r.path.padEnd(9)} ${r.performance.toFixed(2)}  ${r.bestPractices.toFixed(2)}  ${r.accessibility.toFixed(2)}  ${s(r.fcp).padStart(7)}  ${s(r.lcp).padStart(7)}  ${`${r.tbt.toFixed(0)} ms`.padStart(6)}  ${r.cls.toFixed(3)}  ${(r.transfer / 1024).toFixed(1)} KiB  ${r.tbtRuns} ms`,
    );
  }
  const tasks = await startupTasks();
  console.log(`\nStart-up on / at 4x CPU, first visit, median of 3 (targets: longest task <= 50 ms, none over 50 ms)`);
  console.log(`longest main-thread task ${tasks.longest.toFixed(0)} ms; tasks over 50 ms: ${tasks.over50}`);
  const tapped = await tapResponses();
  console.log(`\nA tap on Today at 4x CPU, first visit, to the first frame that shows a response, median of 3 (target <= 100 ms)`);
  console.log(tapped.map((t) => `${t.name} ${t.ms.toFixed(0)} ms`).join("; "));
  const empty = await marks(null);
  const full = await marks(tenYearStore());
  console.log("\nHeadless Chromium, median of 5 (targets: 10-year store read and Today on screen < 100 ms after wasm start)");
  console.log(`empty store:    Today interactive ${empty.nav.toFixed(0)} ms after navigation; store read ${empty.loaded.toFixed(1)} ms; Today on screen ${empty.render.toFixed(1)} ms after wasm start`);
  console.log(`10-year store:  Today interactive ${full.nav.toFixed(0)} ms after navigation; store read ${full.loaded.toFixed(1)} ms; Today on screen ${full.render.toFixed(1)} ms after wasm start`);
  const ten = tenYearStore();
  const written = await writes(ten);
  const kb = (chars) => `${(chars / 1024).toFixed(1)} K characters`;
  console.log(`\nlocalStorage writes at ten years (${kb(ten.length)} stored; targets: < 2 KB a tap, < 50 KB a finished routine)`);
  console.log(`one tap in the player: ${kb(written.perTap)}; saving a finished routine: ${kb(written.finish)}`);
} finally {
  server.kill();
}
