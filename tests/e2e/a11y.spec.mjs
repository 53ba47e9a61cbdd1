import AxeBuilder from "@axe-core/playwright";
import { test, expect, openAt, startRoutine, passFirstChecks, routineWithPain } from "./fixtures.mjs";
import { seedHistory } from "./history.mjs";

/** Every screen, reached the way a patient reaches it. */
const SCREENS = {
  today: async (page) => openAt(page, "/"),
  overview: async (page) => openAt(page, "/routine"),
  "exercise preview": async (page) => {
    await openAt(page, "/routine");
    await page.getByText("How to do it: Glute bridge").click();
    await expect(page.getByRole("img", { name: "Drawing: Glute bridge" })).toBeVisible();
  },
  player: async (page) => {
    await openAt(page, "/");
    await startRoutine(page);
    await page.clock.fastForward(30_000);
  },
  end: async (page) => {
    await openAt(page, "/");
    await startRoutine(page);
    await page.clock.fastForward(20 * 60_000);
    await expect(page.locator("main h1")).toHaveText("Routine complete");
  },
  checkin: async (page) => {
    await openAt(page, "/");
    await page.getByText("Daily check-in").click();
  },
  settings: async (page) => {
    await openAt(page, "/settings");
    await page.getByRole("button", { name: "Delete all data…" }).click();
  },
  "safety check": async (page) => openAt(page, "/safety"),
  "urgent care advice": async (page) => {
    await openAt(page, "/safety");
    // An emergency "yes" shows the advice at once, before the other answers.
    await page.getByRole("radio", { name: "Yes" }).first().check();
    await expect(page.getByRole("heading", { name: "Please get emergency care now" })).toBeVisible();
  },
  "not found": async (page) => openAt(page, "/no-such-page"),
  "today with a warning sign": async (page) => {
    await seedHistory(page);
    await openAt(page, "/");
    await expect(page.locator(".signs.firing")).toBeVisible();
  },
  "follow-up question": async (page) => {
    await seedHistory(page);
    // The morning after the seeded history's last routine.
    await openAt(page, "/", new Date(2026, 10, 25, 8, 0, 0));
    await expect(page.locator(".followup")).toBeVisible();
  },
  history: async (page) => {
    await seedHistory(page);
    await openAt(page, "/history");
  },
  trends: async (page) => {
    await seedHistory(page);
    await openAt(page, "/trends");
    await page.getByText("Show the numbers").click();
  },
  report: async (page) => {
    await seedHistory(page);
    await openAt(page, "/report");
  },
  "pattern check result": async (page) => {
    await openAt(page, "/assessment");
    const yes = page.getByRole("radio", { name: "Yes" });
    for (let i = 0; i < (await yes.count()); i++) await yes.nth(i).check();
    await page.getByRole("button", { name: "See my result" }).click();
  },
  "pain spike answer": async (page) => {
    await openAt(page, "/");
    await routineWithPain(page, "3 — mild", "6 — moderate");
    await page.getByRole("button", { name: "Bird-dog" }).click();
    await expect(page.getByRole("button", { name: "Bird-dog" })).toHaveAttribute("aria-pressed", "true");
  },
  "set-up": async (page) => {
    await openAt(page, "/setup");
    await expect(page.getByRole("button", { name: "Finish set-up" })).toBeVisible();
  },
  "two-week try offer": async (page) => {
    await seedHistory(page);
    await openAt(page, "/trial");
    await expect(page.locator(".trial-offer")).toBeVisible();
  },
  "two-week try result": async (page) => {
    await seedHistory(page);
    await openAt(page, "/trial");
    await page.getByRole("button", { name: "Try it for two weeks" }).click();
    await page.clock.pauseAt(new Date(2026, 10, 25 + 15, 7, 0, 0));
    await page.reload();
    await expect(page.getByRole("button", { name: "Keep the change" })).toBeVisible();
  },
  "routine builder": async (page) => {
    await openAt(page, "/plan");
    await page.getByRole("button", { name: "Copy and edit" }).click();
  },
};

/** Controls smaller than 44 × 44 CSS px (links inside sentences are exempt). */
async function smallTargets(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("button, .button, nav a, summary, .pain-option, .toggle, .segment, select, input[type=range], input[type=time], .brand")]
      .filter((el) => el.offsetParent !== null || getComputedStyle(el).position === "fixed")
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
      .map(({ el, box }) => `${el.textContent.trim().slice(0, 30) || el.className} ${box.width.toFixed(0)}x${box.height.toFixed(0)}`),
  );
}

for (const width of [375, 320]) {
  for (const scheme of ["light", "dark"]) {
    test.describe(`${width} px, ${scheme}`, () => {
      test.use({ viewport: { width, height: 740 }, colorScheme: scheme });
      for (const [name, reach] of Object.entries(SCREENS)) {
        test(`${name}: no serious axe violation, no sideways scroll, 44 px targets`, async ({ page }) => {
          await reach(page);
          // axe schedules work with timers, which the paused fake clock would hold.
          await page.clock.resume();
          const { violations } = await new AxeBuilder({ page })
            .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
            .analyze();
          const serious = violations
            .filter((v) => ["serious", "critical"].includes(v.impact))
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
          expect(serious).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          expect(await smallTargets(page)).toEqual([]);
        });
      }
    });
  }
}

test.describe("text at 200 % on a 320 px screen", () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const [name, reach] of Object.entries(SCREENS)) {
    test(`${name}: reflows without sideways scrolling`, async ({ page }) => {
      await reach(page);
      await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  }
});

/** Words of the controls under `selector` that wrap inside themselves. */
async function wordsBrokenMidway(page, selector) {
  return page.evaluate((selector) => {
    const broken = [];
    for (const control of document.querySelectorAll(selector)) {
      const text = control.firstChild?.nodeType === Node.TEXT_NODE ? control.firstChild : null;
      if (!text) continue;
      for (const match of text.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  }, selector);
}

test("the player's controls keep whole words at 200 % text on a 320 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openAt(page, "/");
  await startRoutine(page);
  await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
  await expect(page.getByRole("button", { name: "Back" })).toBeVisible();
  expect(await wordsBrokenMidway(page, ".controls .button")).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test("a new page gets its own title and focus moves to its heading", async ({ page }) => {
  await openAt(page, "/");
  await page.clock.resume(); // focus moves after the next frame
  await expect(page).toHaveTitle("Today · Spinewise");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveTitle("Settings · Spinewise");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeFocused();
  await page.getByRole("link", { name: "Routine", exact: true }).click();
  await expect(page).toHaveTitle("Routine · Spinewise");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
});

test("the first Tab reaches a skip link to the content", async ({ page }) => {
  await openAt(page, "/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(page.locator("header")).toHaveCount(1);
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});

test("the colour choice in Settings overrides the phone's", async ({ page }) => {
  await openAt(page, "/settings");
  await page.getByRole("radio", { name: "Dark" }).check();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe("rgb(18, 23, 22)");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

/** How the 0–10 scale on screen wraps, as scores a row ("6+5"). */
async function scaleRows(page) {
  return page.locator(".pain-options").first().evaluate((options) => {
    const tops = [...options.children].map((c) => c.offsetTop);
    return [...new Set(tops)].map((t) => tops.filter((x) => x === t).length).join("+");
  });
}

for (const width of [320, 375]) {
  test(`the 0–10 scale wraps the same in the check-in and before a routine at ${width} px, never leaving a score alone`, async ({ page }) => {
    await page.setViewportSize({ width, height: 740 });
    await openAt(page, "/");
    await page.getByText("Daily check-in").click();
    const checkin = await scaleRows(page);
    await page.getByRole("button", { name: "Start routine" }).click();
    await passFirstChecks(page);
    await expect(page.getByRole("group", { name: "Pain right now (optional)" })).toBeVisible();
    const before = await scaleRows(page);
    expect(before).toBe(checkin);
    expect(["6+5", "4+4+3", "11"]).toContain(checkin);
  });
}
