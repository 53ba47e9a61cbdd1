import { test, expect, openAt, savedStore, passSafetyCheck, passReadinessCheck, routineWithPain, sessionRecord, seedStore, checkIn } from "./fixtures.mjs";

const DAY_MS = 86_400_000;

/** A store whose only safety check, all "no", was `daysAgo` days before 25 November,
 * with the exercise questions answered all "no". */
function screenedStore(daysAgo, extra = {}) {
  const day = new Date(2026, 10, 25 - daysAgo, 7, 0, 0);
  const pad = (n) => String(n).padStart(2, "0");
  const iso = `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
  return JSON.stringify({
    schema_version: 4,
    revision: 1,
    generation: 0,
    screenings: [{ at_ms: day.getTime(), day: iso, yes: [] }],
    settings: { readiness: { yes: [], day: "2026-10-01" } },
    ...extra,
  });
}

test("an emergency answer shows the call button at once, offers no routine, and its banner stays until checked", async ({
  page,
}) => {
  await openAt(page, "/");
  await page.getByRole("button", { name: "Start routine" }).click();
  await expect(page.getByRole("button", { name: "Begin routine" })).toHaveCount(0);
  await page.getByRole("link", { name: "Start the safety check" }).click();
  await expect(page).toHaveURL(/\/safety$/);
  const groups = page.getByRole("group");
  await expect(groups).toHaveCount(15);
  await expect(page.getByRole("button", { name: "Done" })).toBeDisabled();
  // The second question (bladder) answered yes, before any other answer.
  await groups.nth(1).getByRole("radio", { name: "Yes" }).check();
  await expect(page.getByRole("heading", { name: "Please get emergency care now" })).toBeVisible();
  // The browser here says en-US, so the number is 911; 112 where unknown.
  const call = page.getByRole("link", { name: "Call 911" });
  await expect(call).toHaveAttribute("href", "tel:911");
  await expect(page.getByText("Pain, numbness or weakness in both legs", { exact: true })).toBeVisible();
  await expect(page.locator("main").getByRole("link", { name: /routine/i })).toHaveCount(0);
  const [screening] = (await savedStore(page)).screenings;
  expect(screening).toMatchObject({ day: "2026-11-25", yes: ["bladder-bowel"] });

  // The routine page and Today keep the warning, after a reload too.
  await page.goto("/routine");
  await expect(page.getByRole("heading", { name: "Please get emergency care now" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Begin routine" })).toHaveCount(0);
  await page.reload();
  await page.getByRole("link", { name: "Spinewise" }).click();
  await expect(page.getByRole("heading", { name: "Please get emergency care now" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Call 911" })).toBeVisible();
  await page.getByRole("button", { name: "I have been checked" }).click();
  await expect(page.getByRole("heading", { name: "Please get emergency care now" })).toHaveCount(0);
  expect((await savedStore(page)).screenings[0].checked_ms).toBeGreaterThan(0);
  await page.reload();
  await expect(page.getByRole("button", { name: "I have been checked" })).toHaveCount(0);
  await page.getByRole("button", { name: "Start routine" }).click();
  await passReadinessCheck(page);
  await expect(page.getByRole("button", { name: "Begin routine" })).toBeVisible();
});

test("a yes tapped by mistake can be taken back", async ({ page }) => {
  await openAt(page, "/safety");
  await page.getByRole("group").first().getByRole("radio", { name: "Yes" }).check();
  await expect(page.getByRole("heading", { name: "Please get emergency care now" })).toBeVisible();
  await page.getByRole("button", { name: "I tapped yes by mistake" }).click();
  await expect(page.getByRole("group").first().getByRole("radio", { name: "Yes" })).not.toBeChecked();
  expect((await savedStore(page)).screenings).toHaveLength(0);
});

test("a same-day answer says to phone today and keeps a banner; all 'no' promises nothing", async ({ page }) => {
  await openAt(page, "/safety");
  const groups = page.getByRole("group");
  for (let i = 0; i < 15; i++) {
    const id = await groups.nth(i).getByRole("radio").first().getAttribute("name");
    await groups.nth(i).getByRole("radio", { name: id === "cancer-new-pain" ? "Yes" : "No" }).check();
  }
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("heading", { name: "Please speak to a doctor today" })).toBeVisible();
  await expect(page.getByText(/Do not start a new exercise routine until you have been checked/)).toBeVisible();
  await page.getByRole("link", { name: "Continue to the routine" }).click();
  await expect(page.getByRole("heading", { name: "Please speak to a doctor today" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Answer the exercise questions" })).toBeVisible();

  await page.clock.runFor(60_000);
  await page.goto("/settings");
  await page.getByRole("link", { name: "Check for warning signs again" }).click();
  const noes = page.getByRole("radio", { name: "No" });
  for (let i = 0; i < 15; i++) await noes.nth(i).check();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("heading", { name: "None of these warning signs today" })).toBeVisible();
  await expect(page.getByText("This check does not replace an examination.", { exact: false })).toBeVisible();
  await expect(page.getByText(/Nothing here needs a doctor/)).toHaveCount(0);
  expect((await savedStore(page)).screenings).toHaveLength(2);
});

test("the check is asked again after 28 days", async ({ page }) => {
  await seedStore(page, screenedStore(27));
  await openAt(page, "/routine");
  await expect(page.getByRole("button", { name: "Begin routine" })).toBeVisible();
  await page.clock.fastForward(DAY_MS);
  await page.goto("/");
  await expect(page.getByText("It is four weeks since your last safety check.")).toBeVisible();
  await page.getByRole("button", { name: "Start routine" }).click();
  await expect(page.getByRole("button", { name: "Begin routine" })).toHaveCount(0);
  await passSafetyCheck(page);
  await expect(page.getByRole("button", { name: "Begin routine" })).toBeVisible();
});

test("marking a flare day asks the safety questions again and keeps moving gently", async ({ page }) => {
  // A routine yesterday: a streak to keep, so Today offers the flare mark.
  const yesterday = sessionRecord(new Date(2026, 10, 24, 7, 0, 0).getTime(), "2026-11-24");
  await seedStore(page, screenedStore(2, { sessions: [yesterday] }));
  await openAt(page, "/");
  await expect(page.getByRole("button", { name: "Start routine" })).toHaveClass(/primary/);
  await page.getByRole("button", { name: "Flare day" }).click();
  await expect(page.getByText(/keep moving gently/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Start routine" })).not.toHaveClass(/primary/);
  await expect(page.getByText("You marked a flare day. Check for warning signs first.")).toBeVisible();
  // The flare plan: the safety questions first, then what may help.
  const plan = page.locator(".flare-plan");
  await expect(plan.getByRole("heading", { name: "Your flare plan" })).toBeVisible();
  await expect(plan).toContainText("Day 1 of this flare.");
  await expect(plan.getByRole("listitem")).toHaveCount(4);
  await plan.getByRole("link", { name: "Check for warning signs first" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Safety check" })).toBeVisible();
});

test("a flare of days in a row counts its days and its highest pain", async ({ page }) => {
  const yesterday = sessionRecord(new Date(2026, 10, 24, 7, 0, 0).getTime(), "2026-11-24");
  await seedStore(page, screenedStore(2, { sessions: [yesterday] }));
  await openAt(page, "/");
  await page.getByRole("button", { name: "Flare day" }).click();
  await checkIn(page, 7);
  await page.clock.pauseAt(new Date(2026, 10, 26, 7, 0, 0));
  await page.reload();
  await page.getByRole("button", { name: "Flare day" }).click();
  await expect(page.locator(".flare-plan")).toContainText("Day 2 of this flare. Highest pain so far: 7.");
  await checkIn(page, 5);
  await expect(page.locator(".flare-plan")).toContainText("Day 2 of this flare. Highest pain so far: 7.");
});

test("a pain score far above the usual suggests the check before starting", async ({ page }) => {
  const checkins = [22, 23, 24].map((d) => ({ day: `2026-11-${d}`, pain: 3, stiffness: null, note: "", updated_ms: 1 }));
  await seedStore(page, screenedStore(1, { checkins }));
  await openAt(page, "/routine");
  await page.getByRole("radio", { name: "5 — moderate" }).check();
  await expect(page.getByText(/much higher than your usual pain/)).toHaveCount(0);
  await page.getByRole("radio", { name: "6 — moderate" }).check();
  await expect(page.getByText(/much higher than your usual pain \(about 3/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Begin routine" })).toBeVisible();
});

test("every caution of the routine is on the overview", async ({ page }) => {
  await seedStore(page, screenedStore(0));
  await openAt(page, "/routine");
  const notes = page.getByRole("note");
  // Seed routine: dead hang, foam roller, knees to chest, wall slides, hip flexor, cat-cow.
  await expect(notes).toHaveCount(6);
  await expect(notes.first()).toContainText("Check that the bar is fixed firmly");
  await expect(page.getByText(/weak bones \(osteoporosis\)/).first()).toBeVisible();
  await expect(page.getByText("How much is too much")).toBeVisible();
});

test("the harder way opens after two good routines, the easier way when pain is high", async ({ page }) => {
  // Two dead-hang routines (23 and 24 November), pain 4 → 3, each next morning 3.
  const sessions = [23, 24].map((d) => {
    const started = new Date(2026, 10, d, 7, 0, 0).getTime();
    return sessionRecord(started, `2026-11-${d}`, { pain_before: 4, pain_after: 3, plan_key: "two-good" });
  });
  const followups = sessions.map((s) => ({ session: s.started_ms, kind: "NextMorning", pain: 3, answered_ms: s.ended_ms + 86_400_000 }));
  const routines_run = [{ key: "two-good", steps: [{ exercise: "dead-hang", secs: 90, rest_secs: 0 }] }];
  await seedStore(page, screenedStore(0, { sessions, followups, routines_run }));
  await openAt(page, "/routine");
  const hang = page.locator("details.variations").filter({ hasText: "Easier or harder: Dead hang" });
  await hang.getByText("Easier or harder: Dead hang").click();
  await expect(hang).toContainText("Ready for a harder way");
  await expect(hang).toContainText("Lift your feet off");
  const roller = page.locator("details.variations").filter({ hasText: "Easier or harder: Lie along a foam roller" });
  await expect(roller).not.toHaveAttribute("open");
  await expect(roller).toContainText("(0 of 2 so far)");
  await expect(roller).not.toContainText("Ready for a harder way");

  await page.getByRole("radio", { name: "5 — moderate" }).check();
  await expect(page.getByText(/Your pain is above 5 today/)).toHaveCount(0);
  await page.getByRole("radio", { name: "7 — severe" }).check();
  await expect(page.getByText(/Your pain is above 5 today/)).toBeVisible();
  await expect(roller).toHaveAttribute("open");
  await page.getByRole("button", { name: "Begin routine" }).click();
  await expect(page.locator("details.easier")).toHaveAttribute("open");
});

test("a hip replacement answer swaps knees to chest and the overview says why", async ({ page }) => {
  await seedStore(page, screenedStore(0));
  await openAt(page, "/routine");
  await expect(page.locator(".phase-list")).toContainText("Knees to chest");
  await passReadinessCheckWith(page, "hip-replacement");
  const swaps = page.getByRole("status").filter({ hasText: "Changed to suit you" });
  await expect(swaps).toContainText("Knees to chest → Legs up on a chair");
  await expect(swaps).toContainText("after a hip replacement");
  await expect(page.locator(".phase-list")).not.toContainText("Knees to chest");
  await expect(page.getByRole("button", { name: "Begin routine" })).toBeVisible();
  expect((await savedStore(page)).settings.readiness).toEqual({ yes: ["hip-replacement"], day: "2026-11-25" });
});

test("a hip replacement answer swaps 90/90 and figure-4 out of the mobility routine", async ({ page }) => {
  await seedStore(page, screenedStore(0, { settings: { emphasis: "Mobilize", readiness: { yes: [], day: "2026-10-01" } } }));
  await openAt(page, "/routine");
  await expect(page.locator(".phase-list")).toContainText("90/90 hip switch");
  await passReadinessCheckWith(page, "hip-replacement");
  const swaps = page.getByRole("status").filter({ hasText: "Changed to suit you" });
  await expect(swaps).toContainText("90/90 hip switch → ");
  await expect(swaps).toContainText("Figure-4 stretch → ");
  await expect(page.locator(".phase-list")).not.toContainText("90/90 hip switch");
  await expect(page.locator(".phase-list")).not.toContainText("Figure-4 stretch");
});

/** Opens the exercise questions from Settings and answers yes to `id` only. */
async function passReadinessCheckWith(page, id) {
  await page.goto("/settings");
  await page.getByRole("link", { name: "Change your health answers" }).click();
  const groups = page.getByRole("group");
  await expect(groups).toHaveCount(7);
  for (let i = 0; i < 7; i++) {
    const name = await groups.nth(i).getByRole("radio").first().getAttribute("name");
    await groups.nth(i).getByRole("radio", { name: name === id ? "Yes" : "No" }).check();
  }
  await page.getByRole("button", { name: "Save answers" }).click();
  await expect(page.getByRole("status")).toContainText("Changed to suit you");
  await page.getByRole("link", { name: "Continue to the routine" }).click();
}

test("the emergency number can be set in Settings, and a typo is refused with the number still in use", async ({ page }) => {
  await seedStore(page, screenedStore(0));
  await openAt(page, "/settings");
  const field = page.getByLabel("Emergency number");
  await expect(page.getByText("The call button dials 911, the number for your region.")).toBeVisible();
  await field.fill("11two");
  await field.blur();
  await expect(page.locator("#emergency-number-problem")).toContainText('"11two" is not a phone number. Use 2 to 15 digits, such as 112. The button still calls 911.');
  await field.fill("+44 20 7946 0000");
  await field.blur();
  await expect(page.getByText("The call button dials +442079460000, the number you set.")).toBeVisible();
  expect((await savedStore(page)).settings.emergency_number).toBe("+442079460000");
  await field.fill("");
  await field.blur();
  await expect(page.getByText("The call button dials 911, the number for your region.")).toBeVisible();
  expect((await savedStore(page)).settings.emergency_number ?? null).toBeNull();
});

test("pain worse right after a routine gets a calm answer: stop, which exercise hurt, the easier way next time", async ({ page }) => {
  await openAt(page, "/");
  await routineWithPain(page, "4 — moderate", "7 — severe");

  const card = page.getByRole("region", { name: "Take it easy today" });
  await expect(card).toContainText("Your pain went up from 4 to 7 during today's routine.");
  await expect(card).toContainText("Stop the routine for today.");
  await expect(card.getByRole("link", { name: "Answer the safety questions" })).toBeVisible();
  // Starting again is the quiet choice now.
  await expect(page.getByRole("button", { name: "Start a routine anyway" })).not.toHaveClass(/primary/);
  const birdDog = card.getByRole("button", { name: "Bird-dog" });
  await expect(birdDog).toHaveAttribute("aria-pressed", "false");
  await birdDog.click();
  await expect(birdDog).toHaveAttribute("aria-pressed", "true");
  expect((await savedStore(page)).sessions[0].hurt).toEqual(["bird-dog"]);

  // Marked in the history.
  await page.getByRole("navigation").getByRole("link", { name: "Progress" }).click();
  await page.getByRole("button", { name: /^Wednesday 25 November/ }).click();
  await expect(page.locator(".day-details")).toContainText("hurt: Bird-dog");

  // The next day: the card is gone, and bird-dog offers its easier way first.
  await page.clock.fastForward(24 * 3_600_000);
  await page.getByRole("navigation").getByRole("link", { name: "Today" }).click();
  await expect(page.getByRole("region", { name: "Take it easy today" })).toHaveCount(0);
  await page.getByRole("button", { name: "Start routine" }).click();
  const note = page.locator(".hurt-last-time");
  await expect(note).toHaveCount(1);
  await expect(note).toContainText("This hurt on 25 Nov. Try the easier way: Slide only the leg back");
  await page.getByRole("button", { name: "Begin routine" }).click();
  for (let i = 0; i < 4; i++) await page.getByRole("button", { name: "Skip" }).click();
  await expect(page.locator("main h1")).toHaveText("Bird-dog");
  await expect(page.locator(".hurt-last-time")).toBeVisible();
});

test("a very high pain score in a check-in brings the same calm answer", async ({ page }) => {
  await openAt(page, "/");
  await page.getByText("Daily check-in").click();
  await page.getByRole("group", { name: "Pain today" }).getByRole("radio", { name: "9 — severe" }).check();
  await page.getByRole("button", { name: "Save check-in" }).click();
  const card = page.getByRole("region", { name: "Take it easy today" });
  await expect(card).toContainText("Your pain is 9 out of 10 today.");
  await expect(card.getByRole("group", { name: /Which exercise hurt/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Start a routine anyway" })).toBeVisible();
});

test("the safety check's Done says why it waits until every question is answered", async ({ page }) => {
  await openAt(page, "/safety");
  const done = page.getByRole("button", { name: "Done" });
  await expect(done).toBeDisabled();
  await expect(page.getByText("Answer every question, yes or no, to finish.")).toBeVisible();
  const noes = page.getByRole("radio", { name: "No" });
  for (let i = 0; i < (await noes.count()); i++) await noes.nth(i).check();
  await expect(done).toBeEnabled();
  await expect(page.getByText("Answer every question, yes or no, to finish.")).toBeHidden();
});
