import { test, expect, openAt, savedStore, startRoutine, beginRoutine, haveEveryExtra, seedStore, sessionRecord } from "./fixtures.mjs";

// A new patient's routine: the seed with its bar, roller and wall
// exercises swapped for floor ones (nothing is assumed at first).
const EXERCISES = [
  ["Decompress", "Supported child's pose"],
  ["Decompress", "Legs up on a chair"],
  ["Decompress", "Knees to chest"],
  ["Activate", "Glute bridge"],
  ["Activate", "Bird-dog"],
  ["Activate", "Lying Y and T raises"],
  ["Mobilize", "Half-kneeling hip flexor"],
  ["Mobilize", "Open book rotation"],
  ["Mobilize", "Cat-cow"],
];

test("a whole routine runs in phase order, logs pain and starts a streak that survives a reload", async ({
  page,
}) => {
  await openAt(page, "/");
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expect(page.getByText("Not done yet today.")).toBeVisible();
  await expect(page.locator(".stat").first()).toContainText("0days streak");

  await page.getByRole("button", { name: "Start routine" }).click();
  await expect(page).toHaveURL(/\/routine$/);
  await expect(page.getByRole("heading", { level: 1, name: "Daily spine routine" })).toBeVisible();
  await beginRoutine(page);
  const startedAt = await page.evaluate(() => Date.now());

  // Walk the clock in 5 s jumps, noting each exercise shown. fastForward fires
  // a due timer once per jump, as a throttled phone does, so this also shows
  // that the player keeps time from the clock rather than by counting ticks.
  const seen = [];
  const heading = page.locator("main h1");
  const phaseLabel = page.locator(".player-phase");
  for (let i = 0; i < 400; i++) {
    const name = await heading.textContent();
    if (name === "Routine complete") break;
    const phase = (await phaseLabel.textContent()).split("· ")[1];
    const last = seen[seen.length - 1];
    if (name !== "Rest" && (!last || last[1] !== name)) seen.push([phase, name]);
    await page.clock.fastForward(5_000);
  }
  await expect(heading).toHaveText("Routine complete");
  expect(seen).toEqual(EXERCISES);

  const finishedAfterMs = (await page.evaluate(() => Date.now())) - startedAt;
  expect(finishedAfterMs).toBeGreaterThanOrEqual(15 * 60_000);
  expect(finishedAfterMs).toBeLessThanOrEqual(20 * 60_000 + 5_000);
  await expect(page.getByText(/You did 100% of it/)).toBeVisible();

  // The pain scale is a radio group: pick 2, then move to 3 with the keyboard.
  const save = page.getByRole("button", { name: "Save", exact: true });
  await expect(save).toBeDisabled();
  await page.getByRole("radio", { name: "2 — mild" }).check();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "3 — mild" })).toBeChecked();
  await save.click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("Today's routine is done. Well done.")).toBeVisible();
  await expect(page.locator(".stat").first()).toContainText("1day streak");
  await expect(page.locator(".stat").nth(1)).toContainText("3last pain, 25 Nov");
  // Done for today: starting again is no longer the main action.
  await expect(page.getByRole("button", { name: "Start routine" })).not.toHaveClass(/primary/);

  const saved = await savedStore(page);
  expect(saved.schema_version).toBe(9);
  expect(saved.active).toBeNull();
  expect(saved.sessions).toHaveLength(1);
  expect(saved.sessions[0]).toMatchObject({ day: "2026-11-25", done_percent: 100, pain_after: 3 });

  await page.reload();
  await expect(page.locator(".stat").first()).toContainText("1day streak");
  await expect(page.getByText("Today's routine is done. Well done.")).toBeVisible();
});

test("pause stops the countdown and resume carries on from the same second", async ({ page }) => {
  await openAt(page, "/routine");
  await beginRoutine(page);
  const timer = page.getByRole("timer");
  await page.clock.runFor(10_000); // 5 s count-in, then 5 s into the 90 s child's pose
  await expect(timer).toHaveText("1:25");
  await page.getByRole("button", { name: "Pause" }).click();
  await page.clock.runFor(5 * 60_000);
  await expect(timer).toHaveText("1:25");
  await page.getByRole("button", { name: "Resume" }).click();
  await page.clock.runFor(5_000);
  await expect(timer).toHaveText("1:20");
});

test("a reload mid-routine resumes at the same place", async ({ page }) => {
  await openAt(page, "/");
  await haveEveryExtra(page);
  await startRoutine(page);
  await page.clock.fastForward(4 * 60_000); // 4 min: into the foam roller
  await expect(page.locator("main h1")).toHaveText("Lie along a foam roller");
  const before = await page.getByRole("timer").textContent();
  await page.reload();
  await expect(page.locator("main h1")).toHaveText("Lie along a foam roller");
  await expect(page.getByRole("timer")).toHaveText(before);
});

test("ending early keeps a partial session that does not count for the streak, with one share on every screen", async ({ page }) => {
  await openAt(page, "/");
  await startRoutine(page);
  await page.clock.fastForward(8 * 60_000);
  // The share done is the timer's own measure (walkthrough #11).
  const [left, total] = (await page.locator(".session-progress p").textContent())
    .match(/(\d+:\d\d) left of (\d+:\d\d)/)
    .slice(1)
    .map((t) => t.split(":").reduce((m, s) => Number(m) * 60 + Number(s)));
  const percent = Math.round(((total - left) / total) * 100);
  expect(percent).toBeGreaterThan(40);
  await page.getByRole("button", { name: "End routine" }).click();
  await expect(page.locator("main h1")).toHaveText("Routine ended");
  await expect(page.locator(".done-summary")).toHaveText(`You did ${percent}% of it.`);
  await expect(page.getByText(/at least 80% is done/)).toBeVisible();
  await page.getByRole("button", { name: "Save without a pain score" }).click();
  await expect(page.getByText(`You did ${percent}% of a routine today. 80% or more keeps your streak.`)).toBeVisible();
  await expect(page.locator(".stat").first()).toContainText("0days streak");
  const saved = await savedStore(page);
  expect(saved.sessions).toHaveLength(1);
  expect(saved.sessions[0].done_percent).toBe(percent);
  await page.getByRole("link", { name: "Progress" }).first().click();
  await page.getByRole("button", { name: /: partly done/ }).click();
  await expect(page.locator(".day-details")).toContainText(new RegExp(`Routine at .*: ${percent} % done`));
});

test("a rest day keeps the streak; a missed day breaks it", async ({ page }) => {
  await openAt(page, "/");
  // Day 1: nothing to keep yet, so Start leads and there are no day-off marks.
  await expect(page.getByRole("button", { name: "Start routine" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rest day" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Flare day" })).toHaveCount(0);
  await startRoutine(page);
  await page.clock.fastForward(20 * 60_000);
  await page.getByRole("button", { name: "Save without a pain score" }).click();
  await expect(page.locator(".stat").first()).toContainText("1day streak");

  await page.clock.fastForward(24 * 60 * 60_000); // Thursday: a rest day
  await page.reload();
  await page.getByRole("button", { name: "Rest day" }).click();
  await expect(page.getByText("Today is a rest day: your streak is kept.")).toBeVisible();

  await page.clock.fastForward(24 * 60 * 60_000); // Friday: still 1
  await page.reload();
  await expect(page.locator(".stat").first()).toContainText("1day streak");
  await expect(page.locator(".stat").first()).toContainText("best 1");
  expect((await savedStore(page)).days_off).toEqual([{ day: "2026-11-26", kind: "Rest", clock: 1 }]);

  await page.clock.fastForward(24 * 60 * 60_000); // Saturday: Friday was missed
  await page.reload();
  await expect(page.locator(".stat").first()).toContainText("0days streak");
});

test("a second rest day within a week says it does not keep the streak, and the streak agrees", async ({ page }) => {
  await openAt(page, "/");
  await startRoutine(page);
  await page.clock.fastForward(20 * 60_000);
  await page.getByRole("button", { name: "Save without a pain score" }).click();
  await expect(page.locator(".stat").first()).toContainText("1day streak");

  await page.clock.fastForward(24 * 60 * 60_000); // Thursday: the week's rest day
  await page.reload();
  await page.getByRole("button", { name: "Rest day" }).click();
  await expect(page.getByText("Today is a rest day: your streak is kept.")).toBeVisible();
  await expect(page.locator(".stat").first()).toContainText("1day streak");

  await page.clock.fastForward(24 * 60 * 60_000); // Friday: a second one (walkthrough #12)
  await page.reload();
  await page.getByRole("button", { name: "Rest day" }).click();
  await expect(page.getByText(/does not keep your streak/)).toBeVisible();
  await expect(page.getByText("your streak is kept")).toHaveCount(0);
  await expect(page.locator(".stat").first()).toContainText("0days streak");
});

test("every exercise can be previewed from the overview: its drawing, what it is for and how it goes", async ({ page }) => {
  await openAt(page, "/routine");
  const previews = page.locator(".phase-list details.preview");
  await expect(previews).toHaveCount(EXERCISES.length);
  const bridge = previews.filter({ hasText: "How to do it: Glute bridge" });
  await expect(bridge.getByRole("img", { name: "Drawing: Glute bridge" })).toBeHidden();
  await bridge.getByText("How to do it: Glute bridge").click();
  await expect(bridge.getByRole("img", { name: "Drawing: Glute bridge" })).toBeVisible();
  await expect(bridge).toContainText("What it is for: Your buttock muscles");
  await expect(bridge.getByRole("listitem").first()).toHaveText(/^Feet flat, squeeze your buttocks/);
  // Before any count-in: the routine has not started.
  await expect(page.getByRole("button", { name: "Begin routine" }).or(page.getByRole("link", { name: "Start the safety check" }))).toBeVisible();
});

test("a forgotten day filled in afterwards mends the streak, is kept as added later, and the score beside the streak agrees", async ({ page }) => {
  // Routines on 20 to 23 November, nothing on the 24th; today is the 25th.
  const days = [20, 21, 22, 23].map((d) => sessionRecord(new Date(2026, 10, d, 7, 0, 0).getTime(), `2026-11-${d}`));
  await seedStore(page, JSON.stringify({ schema_version: 6, revision: 1, generation: 0, sessions: days }));
  await openAt(page, "/");
  const streak = page.locator(".stat").first();
  await expect(streak).toContainText("0days streak");
  await expect(streak).toContainText("4 of 5 days done, since you started");

  await page.getByRole("navigation").getByRole("link", { name: "Progress" }).click();
  // Five days in: two weeks of calendar, not twelve.
  await expect(page.locator("table.calendar tbody td")).toHaveCount(14);
  await page.getByRole("button", { name: /^Tuesday 24 November: missed/ }).click();
  const details = page.locator(".day-details");
  await details.getByRole("button", { name: "I did my routine this day" }).click();
  await expect(details).toContainText("Routine (added later): 100 % done");
  await expect(details.getByRole("button", { name: "I did my routine this day" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Tuesday 24 November: done/ })).toBeVisible();
  // A week back at most, never today: the 17th and today offer nothing.
  await page.getByRole("button", { name: /^Tuesday 17 November/ }).click();
  await expect(details.getByRole("button", { name: "I did my routine this day" })).toHaveCount(0);
  await page.getByRole("button", { name: /^Wednesday 25 November/ }).click();
  await expect(details.getByRole("button", { name: "I did my routine this day" })).toHaveCount(0);

  const saved = await savedStore(page);
  const added = saved.sessions.find((s) => s.day === "2026-11-24");
  expect(added.added_ms).toBeGreaterThan(0);
  await page.getByRole("navigation").getByRole("link", { name: "Today" }).click();
  await expect(streak).toContainText("5days streak");
  await expect(streak).toContainText("5 of 5 days done, since you started");
});
