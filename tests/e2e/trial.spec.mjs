// The two-week "try one change" loop: a sign that fired on Today leads to
// one change (on its own page, /trial), accepting runs it for 14 days with
// its mark set on day 1, and on day 15 the result offers to keep the
// change or go back to the routine before.
import { test, expect, openAt, appReady, savedStore, checkIn, routineWithPain, MORNING } from "./fixtures.mjs";
import { seedHistory } from "./history.mjs";

const DAY_MS = 86_400_000;

/** Moves the fake clock on to `days` after MORNING and reloads the page,
 * as a patient opening the app that morning. */
async function morningAfter(page, days) {
  await page.clock.pauseAt(new Date(MORNING.getTime() + days * DAY_MS));
  await page.reload();
  await appReady(page);
}

test("a fired sign offers one change; two weeks of it end with the figures, and going back restores the routine", async ({ page }) => {
  await seedHistory(page);
  await openAt(page, "/");
  const before = await savedStore(page);
  const signs = page.locator(".signs.firing");
  await signs.getByRole("link", { name: "Try one change for two weeks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Two-week try" })).toBeVisible();
  const offer = page.locator(".trial-offer");
  await expect(offer.getByRole("heading", { name: "Two more minutes of strength work" })).toBeVisible();
  await expect(offer).toContainText("For the sign “The pain comes back within an hour”");
  // The mark is set before the patient agrees: the sixty-day history's check-ins are 4 every
  // day, and today (the 25th, the baseline's last day) has none yet.
  await expect(offer).toContainText("at least 2.0 points lower than the two weeks before: 4.0 on average, from 13 days.");
  await offer.getByRole("button", { name: "Try it for two weeks" }).click();
  await expect(page.getByRole("heading", { name: "Two more minutes of strength work (day 1 is tomorrow)" })).toBeVisible();
  await expect(page.locator(".card.trial")).toContainText("The result comes on Thursday 10 December");
  await expect(offer).toHaveCount(0);

  // Today says how far the try has got, on its card and beside the sign.
  await page.getByRole("link", { name: "Back to Today" }).click();
  const card = page.locator(".card.trial");
  await expect(card.getByRole("heading", { name: "Two-week try: day 1 is tomorrow" })).toBeVisible();
  await expect(signs).toContainText("You are trying a change for this: day 1 is tomorrow.");
  await expect(signs.getByRole("link", { name: "Try one change for two weeks" })).toHaveCount(0);
  // The routine in use is the changed one: two more minutes of activation, as long as before.
  const trying = await savedStore(page);
  expect(trying.active_plan).toBe("Daily spine routine, two-week try: more strength");
  const work = (plan, ids) => plan.steps.filter((s) => ids.includes(s.exercise)).reduce((sum, s) => sum + s.secs * (s.exercise === "bird-dog" ? 2 : 1), 0);
  // The seed routine on the floor: the wall slide is done as prone Y-T.
  const activation = ["glute-bridge", "bird-dog", "prone-y-t"];
  const seedActivation = 120 + 2 * 60 + 90;
  expect(work(trying.plans[0], activation)).toBe(seedActivation + 120);
  expect(trying.trials).toHaveLength(1);
  expect(trying.trials[0].baseline).toEqual({ days: 13, tenths: 40 });

  // A week of mornings with a check-in of 1; the card counts the days.
  // On the first three, a pain medicine too, tagged in one tap.
  for (let day = 1; day <= 7; day++) {
    await morningAfter(page, day);
    await checkIn(page, 1);
    if (day <= 3) await page.getByRole("button", { name: "Took pain medicine", pressed: false }).click();
  }
  await expect(page.getByRole("button", { name: "Took pain medicine" })).toHaveAttribute("aria-pressed", "false");
  await expect(card.getByRole("heading", { name: "Two-week try: day 7 of 14" })).toBeVisible();
  await morningAfter(page, 14);
  await expect(card.getByRole("heading", { name: "Two-week try: day 14 of 14" })).toBeVisible();

  // Day 15: the figures, the verdict against the mark, and the choice.
  await morningAfter(page, 15);
  await expect(card.getByRole("heading", { name: "Your two-week try is over" })).toBeVisible();
  await card.getByRole("link", { name: "See the result" }).click();
  const result = page.locator(".card.trial.result");
  await expect(result.getByRole("heading", { name: "Your two-week try is over" })).toBeVisible();
  await expect(result).toContainText("The two weeks before4.0 on average, from 13 days");
  await expect(result).toContainText("The two weeks of the try1.0 on average, from 7 days");
  await expect(result).toContainText("The change met the mark set at the start");
  // The medicine is set beside the result: it may explain the drop as well.
  await expect(result).toContainText("Another thing changed too: pain medicine on 3 days of the try and 0 before.");
  await result.getByRole("button", { name: "Go back to my old routine" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your routine from before the try is back." })).toBeVisible();
  const after = await savedStore(page);
  expect(after.active_plan ?? null).toBe(before.active_plan ?? null);
  expect(after.plans ?? []).toEqual(before.plans ?? []);
  expect(after.trials[0].ended).toMatchObject({ kept: false, outcome: { verdict: "Working", during: { days: 7, tenths: 10 } } });
  // The ended try is kept on the page, with its figures and what was chosen.
  const earlier = page.locator(".trial-history");
  await expect(earlier).toContainText("26 November 2026 to 10 December 2026: went back");
  await expect(earlier).toContainText("The change met the mark set at the start");
  // The routine page runs the seed routine again.
  await page.goto("/routine");
  await expect(page.getByText("Daily spine routine, two-week try")).toHaveCount(0);
});

test("another routine done during the try is named on the page and in the result, and keeping the change puts it back in use", async ({ page }) => {
  await seedHistory(page);
  await openAt(page, "/trial");
  await page.locator(".trial-offer").getByRole("button", { name: "Try it for two weeks" }).click();
  await expect(page.getByRole("heading", { name: "Two more minutes of strength work (day 1 is tomorrow)" })).toBeVisible();
  await morningAfter(page, 2);
  await page.getByRole("navigation").getByRole("link", { name: "Routine" }).click();
  await page.getByRole("link", { name: "Change the routine" }).click();
  await page.getByRole("radio", { name: /^Suggested:/ }).check();
  // Chosen, not yet done: choosing the try's routine again would carry on.
  await page.goto("/trial");
  await expect(page.locator(".card.trial")).toContainText("Another routine was used on day 2, so this try can no longer say if the change helped. To carry on, choose the try's routine again");
  await page.getByRole("link", { name: "Back to Today" }).click();
  await routineWithPain(page, "4 — moderate", "2 — mild");
  await page.goto("/trial");
  await expect(page.locator(".card.trial")).toContainText("Another routine was used on day 2, so this try can no longer say if the change helped. You can stop the try");
  // Day 15, on the try's own page: the result is there.
  await morningAfter(page, 15);
  const result = page.locator(".card.trial.result");
  await expect(result).toContainText("Another routine was used during the two weeks, so this try cannot say if the change helped.");
  await result.getByRole("button", { name: "Keep the change" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You kept the change." })).toBeVisible();
  expect((await savedStore(page)).active_plan).toBe("Daily spine routine, two-week try: more strength");
});

test("stopping the try early puts the routine back and says the try could not tell", async ({ page }) => {
  await seedHistory(page);
  await openAt(page, "/trial");
  await page.locator(".trial-offer").getByRole("button", { name: "Try it for two weeks" }).click();
  await morningAfter(page, 3);
  await page.getByRole("button", { name: "Stop the try and go back" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your routine from before the try is back." })).toBeVisible();
  await expect(page.locator(".trial-history")).toContainText("The try was stopped before the two weeks were up");
  expect((await savedStore(page)).active_plan ?? null).toBe(null);
});

/** Answers the weekly PEG-3 on Today with `scores` (pain, enjoyment, activity). */
async function answerPeg(page, scores) {
  const card = page.locator(".peg");
  await expect(card.getByRole("heading", { name: "Your week, in three questions" })).toBeVisible();
  const groups = card.getByRole("group");
  for (const [i, score] of scores.entries()) {
    await groups.nth(i).getByRole("radio", { name: new RegExp(`^${score} —`) }).check();
  }
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card).toHaveCount(0);
}

test("the weekly PEG is asked on Today and shown on Trends; the report shows it, the flares and the try, and still prints to one page on A4 and on Letter", async ({ page }) => {
  await seedHistory(page);
  await openAt(page, "/");
  await answerPeg(page, [6, 5, 5]);
  await page.goto("/trial");
  await page.locator(".trial-offer").getByRole("button", { name: "Try it for two weeks" }).click();
  // Asked again a week on; not before.
  await morningAfter(page, 6);
  await page.goto("/");
  await expect(page.locator(".day-off, .today-cards").first()).toBeVisible();
  await expect(page.locator(".peg")).toHaveCount(0);
  await morningAfter(page, 7);
  await page.goto("/");
  await answerPeg(page, [3, 3, 2]);
  // Every tag on this day, so the printed page holds the longest rows.
  for (const name of ["Took pain medicine", "Other care", "Long drive or sitting", "Poor sleep", "Heavy lifting", "Stressful day"]) {
    await page.getByRole("button", { name, pressed: false }).click();
  }
  // Trends shows it beside the pain, each week and the change against the mark.
  await page.goto("/trends");
  const trend = page.locator(".peg-trend");
  await expect(trend).toContainText("5.3 (25 Nov) → 2.7 (2 Dec): 2.6 lower, meets the 1-point and 30 % mark");
  await expect(trend.getByRole("listitem")).toHaveText(["25 Nov: 5.3", "2 Dec: 2.7"]);
  await page.goto("/report");
  const report = page.locator(".report");
  await expect(report.getByRole("row", { name: /PEG-3/ })).toContainText("5.3 (25 Nov) → 2.7 (2 Dec): 2.6 lower, meets the 1-point and 30 % mark · 2 weeks answered, 0 skipped");
  await expect(report.getByRole("row", { name: /Flares/ })).toContainText("1 flare: 10 Nov, 1 day, highest pain 4, no routine");
  // The routines the figures come from, not only today's.
  await expect(report.getByRole("row", { name: /Routines used/ })).toContainText("Daily spine routine, 4 Nov – 24 Nov, 16 sessions");
  await expect(report.getByRole("row", { name: /Diary completeness/ })).toContainText("22 of 30 days with a pain score");
  await expect(report.getByRole("row", { name: /Tagged days/ })).toContainText(
    "pain medicine 1 day, other care 1 day, long sitting 1 day, poor sleep 1 day, heavy lifting 1 day, stress 1 day",
  );
  const tries = report.locator(".report-section").filter({ hasText: "Two-week tries of one change" });
  await expect(tries).toContainText("26 Nov – 9 Dec: Two more minutes of strength work, for “The pain comes back within an hour”. Daily pain 4.0 (13 days) → no scores so far. Running: day 7 of 14.");
  for (const format of ["A4", "Letter"]) {
    const pdf = (await page.pdf({ format, printBackground: true })).toString("latin1");
    expect((pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length, format).toBe(1);
  }
});
