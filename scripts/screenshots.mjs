// Screenshots of each main screen at phone widths, light and dark. Needs a
// release build in dist/ (make build).
// Usage: node scripts/screenshots.mjs            -> target/screenshots/, 375 and 320 px
//        node scripts/screenshots.mjs --readme   -> docs/screenshots/, 375 px (shown in README)
// Both also draw the clinician report as printed on A4 (report-print.png).
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { sixtyDayStore } from "../tests/e2e/history.mjs";
import { CHROMIUM, CHROMIUM_FLAGS } from "./tools.mjs";

const port = 8093;
const base = `http://127.0.0.1:${port}`;
const readme = process.argv.includes("--readme");
const out = readme ? "docs/screenshots" : "target/screenshots";
const widths = readme ? [375] : [375, 320];
mkdirSync(out, { recursive: true });
const server = spawn("node", ["scripts/serve-dist.mjs", String(port)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
const morning = new Date(2026, 10, 25, 7, 0, 0);

/** A phone-sized page at 07:00 on 25 November with `seed` run before the
 * app starts, and `snap(name)` to take its screenshot. */
async function phone(width, scheme, seed, arg) {
  const context = await browser.newContext({
    viewport: { width, height: 740 }, deviceScaleFactor: 1, colorScheme: scheme, isMobile: true,
  });
  const page = await context.newPage();
  await page.clock.install({ time: morning });
  await page.addInitScript(seed, arg);
  const snap = async (name) => {
    await page.screenshot({ path: `${out}/${name}-${width}-${scheme}.png`, fullPage: !readme });
  };
  return { context, page, snap };
}

/** The safety and exercise checks answered yesterday, so the routine can
 * begin; floor only, as a new patient starts. */
function checkedYesterday() {
  if (!localStorage.getItem("spinewise/v1")) {
    const screening = { at_ms: Date.now() - 86_400_000, day: "2026-11-24", yes: [] };
    const settings = { readiness: { yes: [], day: "2026-11-24" }, equipment: ["Mat"] };
    localStorage.setItem("spinewise/v1", JSON.stringify({ schema_version: 5, screenings: [screening], settings }));
  }
}

async function shoot(width, scheme) {
  const { context, page, snap } = await phone(width, scheme, checkedYesterday);
  await page.goto(`${base}/`);
  await page.locator("main h1").waitFor();
  await snap("today");
  await page.goto(`${base}/routine`);
  await page.locator("main h1").waitFor();
  await snap("overview");
  await page.getByRole("button", { name: "Begin routine" }).click();
  await page.clock.fastForward(30_000);
  await snap("player");
  await page.clock.fastForward(30 * 60_000);
  await page.getByRole("radio", { name: "3 — mild" }).check();
  await snap("end");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.locator("main h1").waitFor();
  await snap("today-done");
  await page.goto(`${base}/settings`);
  await page.locator("main h1").waitFor();
  await snap("settings");
  await page.goto(`${base}/setup`);
  await page.locator("main h1").waitFor();
  await snap("setup");
  await context.close();
}

/** A routine that ended worse than it began, the answer on Today, and the
 * start-then-end drawing of the pose it opens with. */
async function shootSpike(width, scheme) {
  const { context, page, snap } = await phone(width, scheme, checkedYesterday);
  await page.goto(`${base}/routine`);
  await page.getByText("How to do it: Supported child's pose").click();
  await page.getByRole("img", { name: /Supported child's pose, where to start/ }).scrollIntoViewIfNeeded();
  await snap("preview");
  await page.getByRole("radio", { name: "4 — moderate" }).check();
  await page.getByRole("button", { name: "Begin routine" }).click();
  await page.clock.fastForward(30 * 60_000);
  await page.getByRole("radio", { name: "7 — severe" }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByRole("button", { name: "Bird-dog" }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap("spike");
  await context.close();
}

/** The progress, report and plan screens, over the sixty-day history the e2e tests use. */
async function shootWithHistory(width, scheme) {
  const { context, page, snap } = await phone(width, scheme, (raw) => localStorage.setItem("spinewise/v1", raw), sixtyDayStore());
  for (const [name, path] of [["history", "/history"], ["trends", "/trends"], ["report", "/report"], ["assessment", "/assessment"]]) {
    await page.goto(`${base}${path}`);
    await page.locator("main h1").waitFor();
    await snap(name);
  }
  await page.goto(`${base}/plan`);
  await page.getByRole("button", { name: "Copy and edit" }).click();
  await snap("plan");
  await context.close();
}

/** The report as printed, after the sixty-day history and a two-week try
 * with a check-in each day and a few tagged days, kept: on A4's printable
 * width (186 mm). */
async function shootPrintedReport() {
  const context = await browser.newContext({ viewport: { width: 703, height: 980 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.clock.install({ time: morning });
  await page.addInitScript((raw) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("spinewise/v1", raw);
      sessionStorage.setItem("seeded", "1");
    }
  }, sixtyDayStore());
  await page.goto(`${base}/trial`);
  await page.getByRole("button", { name: "Try it for two weeks" }).click();
  for (let day = 1; day <= 15; day++) {
    await page.clock.pauseAt(new Date(morning.getTime() + day * 86_400_000));
    await page.goto(`${base}/`);
    await page.locator("main h1").waitFor();
    if (day === 15) break;
    // The weekly PEG-3 (pain, enjoyment, activity), when Today asks it.
    const peg = page.locator(".peg");
    if (await peg.isVisible()) {
      const scores = day < 7 ? [5, 5, 4] : [2, 3, 2];
      for (const [i, score] of scores.entries()) {
        await peg.getByRole("group").nth(i).getByRole("radio", { name: new RegExp(`^${score} —`) }).check();
      }
      await peg.getByRole("button", { name: "Save" }).click();
    }
    await page.getByText("Daily check-in").click();
    const pain = [3, 2, 3, 2, 2, 3, 1, 2, 2, 1, 2, 1, 1, 2][day - 1];
    await page.getByRole("group", { name: "Pain today" }).getByRole("radio", { name: new RegExp(`^${pain} —`) }).check();
    await page.getByRole("button", { name: /check-in$/ }).click();
    // A pain medicine on the first four days and a long drive once: tags the report counts.
    if (day <= 4) await page.getByRole("button", { name: "Took pain medicine" }).click();
    if (day === 9) await page.getByRole("button", { name: "Long drive or sitting" }).click();
  }
  await page.goto(`${base}/trial`);
  await page.getByRole("button", { name: "Keep the change" }).click();
  await page.goto(`${base}/report`);
  await page.getByRole("radio", { name: "3 months" }).check();
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: `${out}/report-print.png`, fullPage: true });
  await context.close();
}

try {
  await shootPrintedReport();
  for (const width of widths) {
    for (const scheme of ["light", "dark"]) {
      await shoot(width, scheme);
      await shootSpike(width, scheme);
      await shootWithHistory(width, scheme);
    }
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`screenshots in ${out}/`);
