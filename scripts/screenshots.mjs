// Screenshots of each main screen at phone widths, light and dark. Needs a
// release build in dist/ (make build).
// Usage: node scripts/screenshots.mjs            -> target/screenshots/, 375 and 320 px
//        node scripts/screenshots.mjs --readme   -> docs/screenshots/, 375 px (shown in README)
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";

const port = 8093;
const base = `http://127.0.0.1:${port}`;
const readme = process.argv.includes("--readme");
const out = readme ? "docs/screenshots" : "target/screenshots";
const widths = readme ? [375] : [375, 320];
mkdirSync(out, { recursive: true });
const server = spawn("node", ["scripts/serve-dist.mjs", String(port)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const morning = new Date(2026, 10, 25, 7, 0, 0);

async function shoot(width, scheme) {
  const context = await browser.newContext({
    viewport: { width, height: 740 }, deviceScaleFactor: 1, colorScheme: scheme, isMobile: true,
  });
  const page = await context.newPage();
  await page.clock.install({ time: morning });
  const snap = async (name) => {
    await page.screenshot({ path: `${out}/${name}-${width}-${scheme}.png`, fullPage: !readme });
  };
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
  await context.close();
}

try {
  for (const width of widths) for (const scheme of ["light", "dark"]) await shoot(width, scheme);
} finally {
  await browser.close();
  server.kill();
}
console.log(`screenshots in ${out}/`);
