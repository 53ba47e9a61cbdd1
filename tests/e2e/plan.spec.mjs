import { readFileSync } from "node:fs";
import { test, expect, openAt, savedStore, seedStore, oneRoutineYesterday, passSafetyCheck, passReadinessCheck } from "./fixtures.mjs";

/** "17 minutes, always in this order." → 17 */
async function routineMinutes(page) {
  const text = await page.getByText(/minutes, always in this order/).textContent();
  return Number(text.match(/(\d+) minutes/)[1]);
}

test("the pattern check points to compression and the routine gains decompression time, still 15–20 minutes", async ({ page }) => {
  await openAt(page, "/routine");
  await page.getByRole("link", { name: "take the two-minute pattern check" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pattern check" })).toBeVisible();
  const questions = page.locator(".yes-no");
  const count = await questions.count();
  expect(count).toBe(9); // the nine questions of assessment.rs
  for (let i = 0; i < count; i++) {
    const text = await questions.nth(i).locator("legend").textContent();
    const compression = /hang from a bar or lie down|sitting or standing for a long time|squashed|lying/i.test(text);
    await questions.nth(i).getByRole("radio", { name: compression ? "Yes" : "No" }).check();
  }
  await page.getByRole("button", { name: "See my result" }).click();
  await expect(page.getByText(/Your answers point most to compression/)).toBeVisible();
  await expect(page.getByText("Suggested: More decompression.")).toBeVisible();
  await page.getByRole("button", { name: "Use this emphasis" }).click();
  // The balanced routine has 6 minutes of decompression (plan.rs pins it).
  await expect(page.getByText(/Your routine: \d+ minutes in all: Decompress 8 min,/)).toBeVisible();
  expect((await savedStore(page)).settings.emphasis).toBe("Decompress");
  // The answers are kept with their day, for the report.
  const checks = (await savedStore(page)).pattern_checks;
  expect(checks).toHaveLength(1);
  expect(checks[0].day).toBe("2026-11-25");
  expect(checks[0].answers.filter(Boolean)).toHaveLength(2);

  await page.getByRole("link", { name: "See the routine" }).click();
  const minutes = await routineMinutes(page);
  expect(minutes).toBeGreaterThanOrEqual(15);
  expect(minutes).toBeLessThanOrEqual(20);
  await expect(page.locator(".phase-block h2")).toHaveText(["1. Decompress", "2. Activate", "3. Mobilize"]);
  await page.goto("/report");
  await expect(page.getByRole("row", { name: /Pattern check/ })).toContainText(
    "25 November 2026: points to compression (2 of 9 yes)",
  );
});

test("builder edits are checked live, undone on request, and persist across a reload", async ({ page }) => {
  await openAt(page, "/plan");
  await page.clock.resume(); // focus is restored after the next frame
  await page.getByRole("button", { name: "Copy and edit" }).click();
  const builder = page.locator(".builder");
  // 17 min 55 s: bird-dog's sides take turns, with no switch pause.
  await expect(builder.getByRole("status").first()).toHaveText("Total: 17 min 55 s");
  await builder.getByRole("button", { name: "Supported child's pose: 15 seconds more" }).click();
  await expect(builder.getByRole("button", { name: "Supported child's pose: 15 seconds more" })).toBeFocused();
  await expect(builder.getByText("Total: 18 min 10 s")).toBeVisible();
  await builder.getByRole("button", { name: "Move Glute bridge down" }).click();
  await builder.getByRole("button", { name: "Remove Cat-cow" }).click();
  await expect(builder.getByText("Cat-cow removed.")).toBeVisible();
  await builder.getByRole("button", { name: "Undo" }).click();
  await expect(builder.getByRole("button", { name: "Remove Cat-cow" })).toBeVisible();

  // Taking out every Activate exercise blocks saving and says why.
  for (const name of await builder.locator(".builder-step .builder-name").allTextContents()) {
    if (["Glute bridge", "Bird-dog", "Lying Y and T raises"].includes(name)) {
      await builder.getByRole("button", { name: `Remove ${name}` }).click();
    }
  }
  await expect(builder.getByText("Add at least one Activate exercise.", { exact: false })).toBeVisible();
  await expect(builder.getByRole("button", { name: "Save and use" })).toBeDisabled();
  await builder.getByLabel("Add to Activate").selectOption({ label: "Clamshell" });
  await builder.getByRole("button", { name: "Add", exact: true }).nth(1).click();
  await expect(builder.getByRole("button", { name: "Remove Clamshell" })).toBeVisible();
  // A tight left hip: the hip flexor stretch on that side only, 65 s shorter (one side and the switch).
  // "Total: 18 min 15 s" → 1095
  const total = async () => {
    const text = await builder.locator(".builder-total").textContent();
    const [, min, , secs] = text.match(/(\d+) min( (\d+) s)?/);
    return Number(min) * 60 + Number(secs ?? 0);
  };
  const before = await total();
  await builder.getByLabel("Half-kneeling hip flexor: sides").selectOption({ label: "Left side only" });
  await expect(builder.getByText(/left side only/)).toBeVisible();
  expect(before - (await total())).toBe(65);
  await builder.getByLabel("Name").fill("Morning");
  await builder.getByRole("button", { name: "Save and use" }).click();

  await page.reload();
  await expect(page.getByRole("radio", { name: "Morning" })).toBeChecked();
  const saved = (await savedStore(page)).plans[0];
  expect(saved.name).toBe("Morning");
  expect(saved.steps.find((s) => s.exercise === "supported-childs-pose").secs).toBe(105);
  expect(saved.steps.some((s) => s.exercise === "clamshell")).toBe(true);
  expect(saved.steps.find((s) => s.exercise === "hip-flexor-kneel").sides).toBe("LeftOnly");
  // Deleting can be undone, and the routine stays in use.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await page.getByRole("button", { name: "Delete this routine" }).click();
  await expect(page.getByRole("radio", { name: "Morning" })).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("radio", { name: "Morning" })).toBeChecked();
  await page.getByRole("link", { name: "Routine", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Morning" })).toBeVisible();
  await expect(page.getByText("Clamshell", { exact: true })).toBeVisible();
  await expect(page.getByText(/left side only/)).toBeVisible();
});

test("a new patient's routine needs only the floor; ticking a bar brings the dead hang in", async ({ page }) => {
  // Nothing is assumed (walkthrough #4): no extra is ticked at first.
  await openAt(page, "/settings");
  for (const name of [/^Pull-up bar/, "An open doorway", "Foam roller", "A clear wall"]) {
    await expect(page.getByRole("checkbox", { name })).not.toBeChecked();
  }
  await page.getByRole("link", { name: "Routine", exact: true }).click();
  // The routine runs without them, and the overview says what stands in.
  const list = page.locator(".phase-list");
  await expect(list.getByText("Supported child's pose").first()).toBeVisible();
  for (const needsAnExtra of ["Dead hang", "Lie along a foam roller", "Scapular wall slides"]) {
    await expect(list.getByText(needsAnExtra)).toHaveCount(0);
  }
  await expect(page.getByRole("status").filter({ hasText: "Changed to suit you" })).toContainText("Lie along a foam roller → ");
  await expect(page.getByText("18 minutes, always in this order.")).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
  await page.getByRole("checkbox", { name: /^Pull-up bar/ }).check();
  await page.getByRole("link", { name: "Routine", exact: true }).click();
  await expect(list.getByText("Dead hang").first()).toBeVisible();
});

test("a daily reminder downloads a calendar file and nudges on Today after its time", async ({ page }) => {
  await seedStore(page, oneRoutineYesterday());
  await openAt(page, "/settings");
  await page.getByLabel("Reminder time").fill("06:30");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Add to my calendar" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("spinewise-reminder.ics");
  const ics = readFileSync(await download.path(), "utf8");
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(ics).toContain("RRULE:FREQ=DAILY");
  expect(ics).toMatch(/DTSTART:20261125T063000\r\n/);
  expect(ics).toContain("BEGIN:VALARM");
  await page.getByRole("link", { name: "Today" }).click();
  await expect(page.getByText("It is past your reminder time")).toBeVisible();
  await page.getByRole("button", { name: "Rest day" }).click();
  await expect(page.getByText("It is past your reminder time")).toHaveCount(0);
});

test("a new patient's set-up: safety, health, equipment with nothing assumed, a reminder, then Start leads", async ({ page }) => {
  await openAt(page, "/");
  const welcome = page.locator(".welcome");
  await expect(welcome).toContainText("Set up in about a minute");
  await welcome.getByRole("link", { name: "Set up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Set up Spinewise" })).toBeVisible();

  // The safety questions come back to the set-up…
  await passSafetyCheck(page, { open: "Answer the safety questions", back: "Continue the set-up" });
  await expect(page.getByRole("heading", { level: 1, name: "Set up Spinewise" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Answer them again" })).toBeVisible();
  // …and so do the exercise questions.
  await passReadinessCheck(page, { open: "Answer the exercise questions", back: "Continue the set-up" });
  await expect(page.getByText("✓ Done")).toHaveCount(2);

  // Equipment: nothing ticked unless the patient says so.
  const extras = page.getByRole("group", { name: "What you have at home" }).getByRole("checkbox");
  await expect(extras).toHaveCount(4);
  for (let i = 0; i < 4; i++) await expect(extras.nth(i)).not.toBeChecked();
  await page.getByLabel("Reminder time").fill("07:30");
  await page.getByLabel("Reminder time").dispatchEvent("change");
  await page.getByRole("button", { name: "Finish set-up" }).click();

  // Today: the set-up is over and Start leads.
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expect(page.locator(".welcome")).toHaveCount(0);
  // The one main action on screen (the check-in's Save is folded away).
  await expect(page.locator("main .button.primary:visible")).toHaveCount(1);
  await expect(page.locator("main .button.primary:visible")).toHaveText("Start routine");
  const saved = await savedStore(page);
  expect(saved.settings.set_up).toBe(true);
  expect(saved.settings.reminder).toMatch(/^07:30/);

  // The routine needs no bar, roller or wall; the checks are already done.
  await page.getByRole("button", { name: "Start routine" }).click();
  await expect(page.getByRole("link", { name: "Start the safety check" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Answer the exercise questions" })).toHaveCount(0);
  const list = page.locator(".phase-list");
  await expect(list).toContainText("Supported child's pose");
  await expect(list).not.toContainText(/Dead hang|foam roller|wall slide/i);

  // Settings can bring the set-up back.
  await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Go through the set-up again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Set up Spinewise" })).toBeVisible();
});

test("the set-up can be skipped, and stays skipped after a reload", async ({ page }) => {
  await openAt(page, "/");
  await page.getByRole("button", { name: "Skip for now" }).click();
  await expect(page.locator(".welcome")).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expect(page.locator(".welcome")).toHaveCount(0);
});

test("Settings opens with an index of its parts, each one tap away", async ({ page }) => {
  await openAt(page, "/settings");
  const index = page.getByRole("navigation", { name: "On this page" });
  await expect(index.getByRole("link")).toHaveCount(7);
  await index.getByRole("link", { name: "Safety" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Safety" })).toBeInViewport();
  await index.getByRole("link", { name: "Daily reminder" }).click();
  await expect(page.getByLabel("Reminder time")).toBeInViewport();
});

test("this morning's answer starts the day's check-in, which still saves only when asked", async ({ page }) => {
  await seedStore(page, oneRoutineYesterday());
  await openAt(page, "/", new Date(2026, 10, 25, 8, 0, 0));
  const question = page.locator(".followup");
  await expect(question.getByRole("heading", { name: /The morning after your routine/ })).toBeVisible();
  await question.getByRole("radio", { name: /^5 —/ }).check();
  await question.getByRole("button", { name: "Save answer" }).click();
  await page.getByText("Daily check-in").click();
  const scale = page.getByRole("group", { name: "Pain today" });
  await expect(scale.getByRole("radio", { name: "5 — moderate" })).toBeChecked();
  await expect(page.getByText("Filled in from the score you gave earlier today.")).toBeVisible();
  expect((await savedStore(page)).checkins ?? []).toHaveLength(0);
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByText("Today: 5 — moderate")).toBeVisible();
  expect((await savedStore(page)).checkins).toContainEqual(expect.objectContaining({ day: "2026-11-25", pain: 5 }));
});
