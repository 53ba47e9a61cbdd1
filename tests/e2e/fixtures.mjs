// Shared e2e fixtures: every test fails on a console error, an uncaught
// exception, or any request that leaves 127.0.0.1.
import { test as base, expect } from "@playwright/test";

/** 2026-11-25 07:00 local time: a weekday morning. */
export const MORNING = new Date(2026, 10, 25, 7, 0, 0);

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`uncaught: ${err.message}`));
    page.on("request", (req) => {
      const url = new URL(req.url());
      if (!["http:", "https:"].includes(url.protocol)) return;
      if (url.hostname !== "127.0.0.1") problems.push(`request left the device: ${req.url()}`);
    });
    await use(page);
    expect(problems, "console errors and foreign requests").toEqual([]);
  },
});

/** Loads the app at `path` with a fake clock paused at `time`. */
export async function openAt(page, path, time = MORNING) {
  await page.clock.install({ time });
  await page.goto(path);
  await page.clock.pauseAt(new Date(time.getTime() + 10_000));
  await appReady(page);
}

/** Waits until the app has replaced the static loading shell. */
export async function appReady(page) {
  await page.locator("#shell").waitFor({ state: "detached" });
  await expect(page.locator("main h1")).toBeVisible();
}

/** Answers "No" to every red-flag question and returns to the routine page. */
export async function passSafetyCheck(page) {
  await page.getByRole("link", { name: "Start the safety check" }).click();
  // The safety page loads its own code on first use: wait for it to open.
  await expect(page.getByRole("heading", { level: 1, name: "Safety check" })).toBeVisible();
  const noes = page.getByRole("radio", { name: "No" });
  for (let i = 0; i < (await noes.count()); i++) await noes.nth(i).check();
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("link", { name: "Continue to the routine" }).click();
}

/** Answers "No" to every exercise-readiness question and returns to the routine page. */
export async function passReadinessCheck(page) {
  await page.getByRole("link", { name: "Answer the exercise questions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Exercise check" })).toBeVisible();
  const noes = page.getByRole("radio", { name: "No" });
  for (let i = 0; i < (await noes.count()); i++) await noes.nth(i).check();
  await page.getByRole("button", { name: "Save answers" }).click();
  await page.getByRole("link", { name: "Continue to the routine" }).click();
}

/** On the routine page: the first-run safety and exercise checks if due, then Begin. */
export async function beginRoutine(page) {
  await expect(page.getByRole("heading", { level: 1, name: "Daily spine routine" })).toBeVisible();
  if (await page.getByRole("link", { name: "Start the safety check" }).isVisible()) await passSafetyCheck(page);
  if (await page.getByRole("link", { name: "Answer the exercise questions" }).isVisible()) await passReadinessCheck(page);
  await page.getByRole("button", { name: "Begin routine" }).click();
}

/** From Today: open the routine, then begin it (no pain score before). */
export async function startRoutine(page) {
  await page.getByRole("button", { name: "Start routine" }).click();
  await beginRoutine(page);
}

/** The saved document, parsed. */
export async function savedStore(page) {
  const raw = await page.evaluate(() => localStorage.getItem("spinewise/v1"));
  return raw && JSON.parse(raw);
}

export { expect };
