// Shared e2e fixtures: every test fails on a console error, an uncaught
// exception, or any request that leaves 127.0.0.1.
import { test as base, expect } from "@playwright/test";

/** 2026-11-25 07:00 local time: a weekday morning. */
export const MORNING = new Date(2026, 10, 25, 7, 0, 0);

/** A finished seed routine as the app saves it: started at `startedMs`,
 * 18 minutes long, on `day` (YYYY-MM-DD); `fields` add or override the rest. */
export function sessionRecord(startedMs, day, fields = {}) {
  return { started_ms: startedMs, ended_ms: startedMs + 1_080_000, day, plan: "Daily spine routine",
    planned_secs: 1080, done_percent: 100, ...fields };
}

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

/** Opens a check by the link `open`, answers "No" to every question, saves
 * with `save` and goes on by the link `back`. The check's page loads its own
 * code on first use: wait for its heading first. */
async function answerNoToAll(page, { open, heading, save, back }) {
  await page.getByRole("link", { name: open }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  const noes = page.getByRole("radio", { name: "No" });
  for (let i = 0; i < (await noes.count()); i++) await noes.nth(i).check();
  await page.getByRole("button", { name: save }).click();
  await page.getByRole("link", { name: back }).click();
}

/** Answers "No" to every red-flag question and returns to the routine page
 * (or, with other link names, to where it was opened from). */
export async function passSafetyCheck(page, { open = "Start the safety check", back = "Continue to the routine" } = {}) {
  await answerNoToAll(page, { open, heading: "Safety check", save: "Done", back });
}

/** Answers "No" to every exercise-readiness question and returns to the routine page. */
export async function passReadinessCheck(page, { open = "Answer the exercise questions", back = "Continue to the routine" } = {}) {
  await answerNoToAll(page, { open, heading: "Exercise check", save: "Save answers", back });
}

/** On the routine page: the first-run safety and exercise checks if due. */
export async function passFirstChecks(page) {
  await expect(page.getByRole("heading", { level: 1, name: "Daily spine routine" })).toBeVisible();
  if (await page.getByRole("link", { name: "Start the safety check" }).isVisible()) await passSafetyCheck(page);
  if (await page.getByRole("link", { name: "Answer the exercise questions" }).isVisible()) await passReadinessCheck(page);
}

/** On the routine page: the first-run checks if due, then Begin. */
export async function beginRoutine(page) {
  await passFirstChecks(page);
  await page.getByRole("button", { name: "Begin routine" }).click();
}

/** From Today: a whole routine with pain `before` (e.g. "4 — moderate")
 * and `after` it, saved; ends back on Today. */
export async function routineWithPain(page, before, after) {
  await page.getByRole("button", { name: "Start routine" }).click();
  await passFirstChecks(page);
  await page.getByRole("radio", { name: before }).check();
  await page.getByRole("button", { name: "Begin routine" }).click();
  await page.clock.fastForward(20 * 60_000);
  await expect(page.locator("main h1")).toHaveText("Routine complete");
  await page.getByRole("radio", { name: after }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
}

/** From Today: open the routine, then begin it (no pain score before). */
export async function startRoutine(page) {
  await page.getByRole("button", { name: "Start routine" }).click();
  await beginRoutine(page);
}

/** The saved data as one document, put together from its parts the way the
 * app reads them (src/domain/commits.rs): for each part, the newest version
 * whose commit the index names, or older than the commits it names. Null
 * when nothing is saved. */
export async function savedStore(page, prefix = "spinewise/") {
  return page.evaluate((prefix) => {
    const raw = localStorage.getItem(`${prefix}v2`);
    if (!raw) return null;
    const index = JSON.parse(raw);
    const commit = (text) => ({ revision: Number(text.split(".")[0]), writer: text.slice(text.indexOf(".") + 1) });
    const current = commit(index.commits[0]).revision;
    const oldest = commit(index.commits.at(-1)).revision;
    const newer = (a, b) => a.revision > b.revision || (a.revision === b.revision && a.writer > b.writer);
    const chosen = {};
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith(`${prefix}v2/`)) continue;
      const [part, text] = key.slice(prefix.length + 3).split("@");
      const c = commit(text);
      const committed = c.revision < oldest || index.commits.includes(text);
      if (c.revision > current || !committed) continue;
      if (!chosen[part] || newer(c, chosen[part])) chosen[part] = { ...c, key };
    }
    const doc = { revision: current };
    for (const part of Object.keys(chosen).sort()) {
      const value = JSON.parse(localStorage.getItem(chosen[part].key));
      if (part === "head") Object.assign(doc, value);
      else if (part === "active") doc.active = value;
      else (doc[part.split("/")[0]] ??= []).push(...value);
    }
    return doc;
  }, prefix);
}

/** Every key stored under `prefix`, with its value: to show nothing changed. */
export async function storedData(page, prefix = "spinewise/") {
  return page.evaluate((prefix) => {
    const keys = Object.keys(localStorage).filter((key) => key.startsWith(prefix)).sort();
    return Object.fromEntries(keys.map((key) => [key, localStorage.getItem(key)]));
  }, prefix);
}

export { expect };

/** Saves today's check-in on Today with `pain` and, if given, a `note`. */
export async function checkIn(page, pain, note) {
  const form = page.locator("details.checkin");
  if (!(await form.evaluate((details) => details.open))) await page.getByText("Daily check-in").click();
  await page.getByRole("group", { name: "Pain today" }).getByRole("radio", { name: new RegExp(`^${pain} —`) }).check();
  if (note !== undefined) await page.getByLabel("Note (optional)").fill(note);
  await page.getByRole("button", { name: /check-in$/ }).click();
  await expect(page.getByText(`Today: ${pain} —`)).toBeVisible();
}

/** Ticks every extra in Settings, so the seed routine runs as written (dead
 * hang first): a new patient starts with the floor only. Ends on Today. */
export async function haveEveryExtra(page) {
  await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
  for (const name of [/^Pull-up bar/, "An open doorway", "Foam roller", "A clear wall"]) {
    await page.getByRole("checkbox", { name }).check();
  }
  await page.getByRole("navigation").getByRole("link", { name: "Today" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
}

/** Puts the saved document `raw` in storage before the app's first start
 * in this tab (a reload keeps what the app saved since). */
export async function seedStore(page, raw) {
  await page.addInitScript((raw) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("spinewise/v1", raw);
      sessionStorage.setItem("seeded", "1");
    }
  }, raw);
}

/** A saved document with one finished routine the day before MORNING: a
 * streak of 1, so Today offers rest and flare days. */
export function oneRoutineYesterday(extra = {}) {
  return JSON.stringify({
    schema_version: 4,
    revision: 1,
    generation: 0,
    sessions: [sessionRecord(new Date(2026, 10, 24, 7, 0, 0).getTime(), "2026-11-24")],
    ...extra,
  });
}
