import { readFileSync, writeFileSync } from "node:fs";
import { test, expect, openAt, savedStore, storedData, MORNING, sessionRecord, startRoutine, seedStore, oneRoutineYesterday, checkIn } from "./fixtures.mjs";
import { CHROMIUM, CHROMIUM_FLAGS, HEADLESS } from "../../scripts/tools.mjs";

// The single document versions before 6 kept; the app moves it into parts.
const KEY = "spinewise/v1";

/** Runs a whole routine quickly and saves it with a pain score. */
async function doRoutine(page, pain) {
  await startRoutine(page);
  await page.clock.fastForward(20 * 60_000);
  await page.getByRole("radio", { name: new RegExp(`^${pain} —`) }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
}

async function downloadFrom(page, buttonName) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: buttonName, exact: true }).first().click(),
  ]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
}

test("unreadable saved data is kept aside, explained and offered for download", async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, '{"schema_version":3,"sessions":[{"started_ms":');
      sessionStorage.setItem("seeded", "1");
    }
  }, KEY);
  await openAt(page, "/");
  await expect(page.getByText(/could not be read, so Spinewise started afresh/)).toBeVisible();
  const kept = await page.evaluate(() => localStorage.getItem("spinewise/recovery"));
  expect(kept).toBe('{"schema_version":3,"sessions":[{"started_ms":');
  const file = await downloadFrom(page, "Download the unreadable data");
  expect(file.text).toBe(kept);
  // From now on writes go to the main key again, and the kept copy stays.
  await checkIn(page, 3, "first note after the fresh start");
  expect((await savedStore(page)).checkins).toHaveLength(1);
  expect(await page.evaluate(() => localStorage.getItem("spinewise/recovery"))).toBe(kept);
});

test("after unreadable data, the notice offers the newest daily copy, and restoring it brings the history back", async ({ page }) => {
  const good = JSON.stringify({ schema_version: 5, checkins: [{ day: "2026-11-23", pain: 4, note: "from the copy", updated_ms: 1 }] });
  await page.addInitScript(([key, good]) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, '{"schema_version":5,"checkins":[{"day":');
      localStorage.setItem("spinewise/backup/2026-11-24", good);
      sessionStorage.setItem("seeded", "1");
    }
  }, [KEY, good]);
  await openAt(page, "/");
  await expect(page.getByText(/could not be read, so Spinewise started afresh/)).toBeVisible();
  await page.getByRole("link", { name: /^Go to the daily copy of 24\sNov$/ }).click();
  const restore = page.getByRole("button", { name: "Restore 24 Nov" });
  await expect(restore).toBeVisible();
  // The fake clock is paused: let the next animation frame, which scrolls, run.
  await page.clock.runFor(100);
  await expect(restore).toBeInViewport();
  await restore.click();
  await page.getByRole("button", { name: "Replace my data" }).click();
  await expect(page.getByText("Imported: your data now matches the backup.")).toBeVisible();
  expect((await savedStore(page)).checkins.map((c) => c.note)).toEqual(["from the copy"]);
});

/** A v4 document with 3,000 rest-day marks, two of them at the ends of the calendar,
 * and three sessions, one with an impossible pain score. */
function craftedDocument() {
  const days_off = [{ day: "-262143-01-01", kind: "Rest" }, { day: "+262142-12-31", kind: "Flare" }];
  for (let k = 1; days_off.length < 3000; k++) {
    const date = new Date(Date.UTC(2026, 10, 24 - k));
    days_off.push({ day: date.toISOString().slice(0, 10), kind: "Rest" });
  }
  days_off.reverse();
  const sessions = [21, 22, 23].map((d) => {
    const started = new Date(2026, 10, d, 7, 0, 0).getTime();
    return sessionRecord(started, `2026-11-${d}`, { pain_before: 5, pain_after: d === 22 ? 42 : 3 });
  });
  return JSON.stringify({ schema_version: 4, revision: 3, generation: 0, sessions, days_off });
}

test("a stored record that cannot be used is left out, said, and kept; the rest loads at once", async ({ page }) => {
  const crafted = craftedDocument();
  await page.addInitScript(([key, raw]) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, raw);
      sessionStorage.setItem("seeded", "1");
    }
  }, [KEY, crafted]);
  await page.clock.install({ time: MORNING });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible({ timeout: 2_000 });
  await expect(page.getByText(/^3 saved records could not be used/)).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("spinewise/recovery"))).toBe(crafted);
  const file = await downloadFrom(page, "Download your data as it was");
  expect(file.text).toBe(crafted);
  await checkIn(page, 3, "after the tidy");
  const saved = await savedStore(page);
  expect(saved.sessions.map((s) => s.day)).toEqual(["2026-11-21", "2026-11-23"]);
  expect(saved.days_off).toHaveLength(2998);
  expect(await page.evaluate(() => localStorage.getItem("spinewise/recovery"))).toBe(crafted);
});

test("an import with impossible dates says what it leaves out, and Today stays quick", async ({ page }) => {
  await openAt(page, "/settings");
  const file = JSON.stringify({ app: "spinewise", exported_ms: 1, store: JSON.parse(craftedDocument()) });
  await page.getByLabel("Choose a backup file").setInputFiles({ name: "crafted.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await expect(page.getByText("2 sessions and 0 check-ins, from 21 Nov to 23 Nov.", { exact: false })).toBeVisible();
  await expect(page.getByText("3 records could not be used (damaged, repeated, or with a date that cannot be right) and will be left out.")).toBeVisible();
  await page.getByRole("button", { name: "Replace my data" }).click();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible({ timeout: 2_000 });
  expect((await savedStore(page)).days_off).toHaveLength(2998);
});

test("data from a newer app version is never overwritten", async ({ page }) => {
  const newer = '{"schema_version":99,"whatever":"future"}';
  await page.addInitScript(([key, newer]) => localStorage.setItem(key, newer), [KEY, newer]);
  await openAt(page, "/");
  await expect(page.getByText(/saved by a newer version of Spinewise/)).toBeVisible();
  await checkIn(page, 4, "a change that must not be written");
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(newer);
});

test("a full storage keeps the change, says so, and saves once there is room", async ({ page }) => {
  await openAt(page, "/");
  // Fill localStorage to the brim with junk.
  await page.evaluate(() => {
    const chunk = "x".repeat(256 * 1024);
    let i = 0;
    try {
      for (;;) localStorage.setItem(`junk/${i++}`, chunk);
    } catch {}
    for (const size of [16 * 1024, 1024, 64, 8, 1]) {
      try {
        for (;;) localStorage.setItem(`junk/${i++}`, "x".repeat(size));
      } catch {}
    }
  });
  await checkIn(page, 5, "written while full");
  await expect(page.getByText(/storage for Spinewise is full/)).toBeVisible();
  expect(await savedStore(page)).toBeNull();
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("junk/")) localStorage.removeItem(key);
  });
  await checkIn(page, 6, "written once there was room");
  await expect(page.getByText(/storage for Spinewise is full/)).toHaveCount(0);
  const saved = await savedStore(page);
  expect(saved.checkins[0]).toMatchObject({ pain: 6, note: "written once there was room" });
});

test("two tabs see each other's changes and neither loses the other's", async ({ context, page }) => {
  await openAt(page, "/");
  const other = await context.newPage();
  // Lets the test make this tab deaf to the other's storage events, as a
  // tab whose event has not arrived yet is.
  await other.addInitScript(() => {
    addEventListener("storage", (event) => {
      if (window.deaf) event.stopImmediatePropagation();
    });
  });
  await other.clock.install({ time: MORNING });
  await other.goto("/");
  await expect(other.getByRole("heading", { name: "Today" })).toBeVisible();

  // A tab in the background gets no animation frames, and Playwright waits
  // for frames before each click: the tab in use comes to the front.
  await page.bringToFront();
  await doRoutine(page, 3);
  await expect(other.locator(".stat").first()).toContainText("1day streak");
  await other.bringToFront();
  await checkIn(other, 2, "from the second tab");
  await expect(page.locator(".stat").nth(1)).toContainText("2last pain");

  const a = await savedStore(page);
  expect(a.sessions).toHaveLength(1);
  expect(a.checkins).toHaveLength(1);
  // Settings changed in one tab while the other, not yet told, saves
  // something else: its save merges what is stored instead of writing its
  // older settings over it.
  await other.evaluate(() => (window.deaf = true));
  await page.bringToFront();
  await page.goto("/settings");
  await page.getByRole("checkbox", { name: /Sound/ }).uncheck();
  await expect.poll(async () => (await savedStore(page)).settings.sound).toBe(false);
  await other.bringToFront();
  await checkIn(other, 4, "saved before it heard");
  const both = await savedStore(other);
  expect(both.settings.sound).toBe(false);
  expect(both.checkins.map((c) => [c.pain, c.note])).toEqual([[4, "saved before it heard"]]);
  await other.goto("/settings");
  await expect(other.getByRole("checkbox", { name: /Sound/ })).not.toBeChecked();
  await page.goto("/");
  await expect(page.locator(".stat").nth(1)).toContainText("4last pain");
  await other.close();
});

test("each kind of bad import file gets its own message and changes nothing", async ({ page }) => {
  await openAt(page, "/");
  await checkIn(page, 4, "before any import");
  const before = await storedData(page);
  await page.goto("/settings");
  const picker = page.getByLabel("Choose a backup file");
  const alert = page.getByRole("alert");
  const cases = [
    ["notes.csv", "day,pain\n2026-11-25,4\n", /not a Spinewise backup/],
    ["cut.json", '{"app":"spinewise","exported_ms":1,"store":{"schema_version":3,"sessions":[{"star', /incomplete/],
    ["future.json", '{"app":"spinewise","store":{"schema_version":99}}', /newer version of Spinewise/],
    ["broken.json", '{"app":"spinewise","store":{"schema_version":3,"checkins":[{"day":"nope"}]}}', /damaged/],
  ];
  for (const [name, text, message] of cases) {
    await picker.setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
    await expect(alert).toHaveText(message);
  }
  const huge = test.info().outputPath("huge.json");
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 32));
  await picker.setInputFiles(huge);
  await expect(alert).toHaveText(/over 20 MB/);
  expect(await storedData(page)).toEqual(before);
});

test("export, delete everything, import: every record comes back", async ({ page }) => {
  await openAt(page, "/");
  await doRoutine(page, 3);
  await checkIn(page, 4, 'Sore, "better" by noon,\nslept fine');
  const original = await savedStore(page);
  await page.goto("/settings");
  const backup = await downloadFrom(page, "Export backup");
  expect(backup.name).toBe("spinewise-backup-2026-11-25.json");
  const sessionsCsv = await downloadFrom(page, "Sessions (CSV)");
  expect(sessionsCsv.text.split("\r\n")[0]).toBe(
    "started_utc,ended_utc,day,plan,planned_minutes,done_percent,pain_before,pain_after",
  );
  expect(sessionsCsv.text.split("\r\n")).toHaveLength(3);
  const checkinsCsv = await downloadFrom(page, "Check-ins (CSV)");
  expect(checkinsCsv.text).toContain('2026-11-25,4,,"Sore, ""better"" by noon,\nslept fine"');

  await page.getByRole("button", { name: "Delete all data…" }).click();
  await expect(page.getByText("This deletes 1 session, 1 check-in")).toBeVisible();
  await page.getByRole("button", { name: "Delete everything" }).click();
  await expect(page.getByText("You have 0 sessions and 0 check-ins saved.")).toBeVisible();

  await page.getByLabel("Choose a backup file").setInputFiles({
    name: backup.name,
    mimeType: "application/json",
    buffer: Buffer.from(backup.text),
  });
  await expect(page.getByText(/1 session and 1 check-in, on 25 Nov/)).toBeVisible();
  await page.getByRole("button", { name: "Replace my data" }).click();
  await expect(page.getByText("You have 1 session and 1 check-in saved.")).toBeVisible();
  // The file is a backup made on 25 Nov: importing it must not say "never" (walkthrough #16).
  await expect(page.getByText("Last backup file: 25 Nov.")).toBeVisible();
  const restored = await savedStore(page);
  expect(restored.sessions).toEqual(original.sessions);
  expect(restored.checkins).toEqual(original.checkins);
  await page.goto("/");
  await expect(page.locator(".stat").first()).toContainText("1day streak");
});

test("a daily copy keeps yesterday's data and can be restored from Settings", async ({ page }) => {
  await openAt(page, "/");
  await checkIn(page, 5, "Wednesday's note");
  // The next morning, a change is made that the patient wants to undo.
  await page.clock.fastForward(24 * 60 * 60_000);
  await page.reload();
  await checkIn(page, 2, "Thursday's note");
  await page.goto("/settings");
  await page.getByRole("button", { name: "Restore 26 Nov" }).click();
  await expect(page.getByText(/In the copy from 26 Nov: 0 sessions and 1 check-in, on 25 Nov/)).toBeVisible();
  await page.getByRole("button", { name: "Replace my data" }).click();
  await expect(page.getByText("Imported: your data now matches the backup.")).toBeVisible();
  const saved = await savedStore(page);
  expect(saved.checkins.map((c) => c.note)).toEqual(["Wednesday's note"]);
  // Today's check-in is not lost: the undo point took it before the Replace.
  await page.getByRole("button", { name: "Undo the last import or delete" }).click();
  await expect(page.getByText("Undone: your data is back as it was before.")).toBeVisible();
  expect((await savedStore(page)).checkins.map((c) => c.note)).toEqual(["Wednesday's note", "Thursday's note"]);
  await expect(page.getByRole("button", { name: "Undo the last import or delete" })).toHaveCount(0);
});

test("Delete everything can be undone until midnight, and not after", async ({ page }) => {
  await openAt(page, "/");
  await checkIn(page, 4, "keep me");
  await page.goto("/settings");
  await page.getByRole("button", { name: "Delete all data…" }).click();
  await expect(page.getByText(/You can undo it until midnight/)).toBeVisible();
  // Focus moves to Cancel, which must not sit under the fixed tab bar.
  const cancel = await page.getByRole("button", { name: "Cancel" }).boundingBox();
  const tabs = await page.locator(".bottom-nav").boundingBox();
  expect(cancel.y + cancel.height).toBeLessThanOrEqual(tabs.y);
  await page.getByRole("button", { name: "Delete everything" }).click();
  await expect(page.getByText("You have 0 sessions and 0 check-ins saved.")).toBeVisible();
  // Still offered after a reload the same day.
  await page.reload();
  await page.getByRole("button", { name: "Undo the last import or delete" }).click();
  await expect(page.getByText("You have 0 sessions and 1 check-in saved.")).toBeVisible();
  expect((await savedStore(page)).checkins.map((c) => c.note)).toEqual(["keep me"]);

  await page.getByRole("button", { name: "Delete all data…" }).click();
  await page.getByRole("button", { name: "Delete everything" }).click();
  await page.clock.fastForward(24 * 60 * 60_000);
  await page.reload();
  await expect(page.getByText("You have 0 sessions and 0 check-ins saved.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo the last import or delete" })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem("spinewise/undo"))).toBeNull();
  expect(await page.evaluate(() => localStorage.getItem("spinewise/undo-day"))).toBeNull();
});

test("an import too large to save is refused up front, with the daily copies kept", async ({ page }) => {
  const copies = ["2026-11-22", "2026-11-23", "2026-11-24"];
  await page.addInitScript((copies) => {
    if (!sessionStorage.getItem("seeded")) {
      for (const day of copies) localStorage.setItem(`spinewise/backup/${day}`, '{"schema_version":4}');
      sessionStorage.setItem("seeded", "1");
    }
  }, copies);
  await openAt(page, "/");
  await checkIn(page, 4, "before the import");
  const before = await storedData(page);
  await page.goto("/settings");
  const note = "x".repeat(6_000_000);
  const store = { schema_version: 4, checkins: [{ day: "2026-11-20", pain: 3, note, updated_ms: 1 }] };
  await page.getByLabel("Choose a backup file").setInputFiles({
    name: "huge-note.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ app: "spinewise", exported_ms: 1, store })),
  });
  await page.getByRole("button", { name: "Add to my data" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "more than the 2.5 million" })).toContainText("Nothing was changed.");
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("spinewise/backup/")).sort());
  expect(keys).toEqual(copies.map((day) => `spinewise/backup/${day}`));
  expect(await storedData(page)).toEqual(before);
  expect(await page.evaluate(() => localStorage.getItem("spinewise/undo"))).toBeNull();
});

/** Seeds ten years of version-5 data once, and counts the characters written to localStorage. */
async function seedTenYears(page) {
  const { seedOnceAndCountWrites, tenYearStore } = await import("./ten-years.mjs");
  const doc = tenYearStore();
  await page.addInitScript(seedOnceAndCountWrites, doc);
  return doc;
}

test("ten years of daily data loads and Today shows it", async ({ page }) => {
  const doc = await seedTenYears(page);
  // Real clock here: the marks measure real time. The first start moves the
  // version-5 document into parts; the second is every later start.
  await page.goto("/");
  await expect(page.locator(".today-date")).toBeVisible();
  const marks = () =>
    page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])));
  const moved = await marks();
  await page.reload();
  await expect(page.locator(".today-date")).toBeVisible();
  const later = await marks();
  const ms = (m, name) => (m[name] - m["spinewise:start"]).toFixed(1);
  console.log(
    `ten-year store: ${doc.length} characters (${(doc.length / 1024).toFixed(0)} KiB); moved into parts at the first start ` +
      `in ${ms(moved, "spinewise:loaded")} ms; later starts read and parse it in ${ms(later, "spinewise:loaded")} ms, ` +
      `Today on screen ${ms(later, "spinewise:ready")} ms after the wasm started`,
  );
  // Figures worked out from all ten years, whatever today's real date:
  // every 11th session is 60 % done and breaks the chain, so the best run
  // is 10 days; the last check-in (2026-11-24) scored 3.
  await expect(page.locator(".today-cards .stat").first()).toContainText("best 10");
  await expect(page.locator(".stat-value").nth(1)).toHaveText("3");
  const saved = await savedStore(page);
  expect(saved.sessions).toHaveLength(3650);
  expect(saved.followups).toHaveLength(7300);
});

test("at ten years a tap in the player writes under 2 KB and a finished routine under 50 KB", async ({ page }) => {
  await seedTenYears(page);
  await openAt(page, "/routine");
  await page.getByRole("button", { name: "Begin routine" }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  const written = () => page.evaluate(() => window.written);
  const taps = ["Pause", "Resume", "Skip", "Back", "Skip"];
  const before = await written();
  for (const name of taps) await page.getByRole("button", { name, exact: true }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  const perTap = ((await written()) - before) / taps.length;
  await page.getByRole("button", { name: /^End/ }).click();
  const atEnd = await written();
  await page.getByRole("radio", { name: /^3 —/ }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  const finish = (await written()) - atEnd;
  console.log(`ten years: ${perTap.toFixed(0)} characters written a tap, ${finish} for a finished routine`);
  expect(perTap).toBeLessThan(2_048);
  expect(finish).toBeLessThan(50 * 1024);
  expect((await savedStore(page)).sessions).toHaveLength(3651);
});

test("version-5 data is moved into parts, checked, and the old document gives way to a marker", async ({ page }) => {
  const v5 = readFileSync(new URL("../fixtures/store-v5.json", import.meta.url), "utf8");
  await page.addInitScript(([key, raw]) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, raw);
      sessionStorage.setItem("seeded", "1");
    }
  }, [KEY, v5]);
  const old = JSON.parse(v5);
  // An hour into the routine the fixture has running, so nothing changes on loading.
  await openAt(page, "/", new Date(old.active.started_ms + 3_600_000));
  await expect(page.locator(".notice")).toHaveCount(0);
  const saved = await savedStore(page);
  for (const field of ["sessions", "checkins", "days_off", "days_cleared", "followups", "screenings", "plans", "routines_run", "active"]) {
    expect(saved[field], field).toEqual(old[field]);
  }
  // Every setting kept (a setting the fixture predates is added with its default).
  expect(saved.settings).toMatchObject(old.settings);
  expect(saved.generation).toBe(old.generation);
  // A version-5 app still open finds a newer document and changes nothing.
  const marker = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  expect(marker.schema_version).toBe(6);
  expect(Object.keys(marker)).not.toContain("sessions");
});

test("a save cut short is ignored: the data stays as the last whole save left it", async ({ page }) => {
  await openAt(page, "/");
  await checkIn(page, 4, "saved whole");
  // As if the phone died half-way through the next save: a part written, the index not.
  const orphan = await page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem("spinewise/v2"));
    const next = Number(index.commits[0].split(".")[0]) + 1;
    const key = `spinewise/v2/checkins/2026q4@${next}.dead`;
    localStorage.setItem(key, '[{"day":"2026-11-25","pain":9,"note":"half-written","updated_ms":1}]');
    return key;
  });
  await page.reload();
  await expect(page.getByText("Today: 4 —", { exact: false })).toBeVisible();
  await expect(page.locator(".notice")).toHaveCount(0);
  // The next whole save makes the cut one a loser, and it is removed.
  await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
  await page.getByRole("checkbox", { name: /Sound/ }).uncheck();
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), orphan)).toBeNull();
  expect((await savedStore(page)).checkins.map((c) => c.note)).toEqual(["saved whole"]);
});

test("parts saved by a newer app version are never overwritten", async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem("spinewise/v2", '{"schema_version":99,"commits":["5.future"]}');
    localStorage.setItem("spinewise/v2/head@5.future", '{"schema_version":99}');
  });
  await openAt(page, "/");
  await expect(page.getByText(/saved by a newer version of Spinewise/)).toBeVisible();
  const before = await storedData(page);
  await checkIn(page, 4, "a change that must not be written");
  expect(await storedData(page)).toEqual(before);
});

test("persistence is asked for at every start until the browser grants it", async ({ page }) => {
  await page.addInitScript(() => {
    const granted = sessionStorage.getItem("granted") === "1";
    Object.defineProperty(navigator.storage, "persisted", { value: async () => granted });
    Object.defineProperty(navigator.storage, "persist", {
      value: async () => {
        sessionStorage.setItem("persist-calls", String(Number(sessionStorage.getItem("persist-calls") ?? 0) + 1));
        return false;
      },
    });
  });
  const calls = () => page.evaluate(() => Number(sessionStorage.getItem("persist-calls") ?? 0));
  await openAt(page, "/");
  await expect.poll(calls).toBe(1);
  await page.reload();
  await expect.poll(calls).toBe(2);
  await page.evaluate(() => sessionStorage.setItem("granted", "1"));
  await page.reload();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await page.waitForTimeout(300);
  expect(await calls()).toBe(2);
});

test("a routine started at 23:55 and reloaded at 00:05 carries on and counts for the evening", async ({ page }) => {
  await openAt(page, "/", new Date(2026, 10, 24, 23, 55, 0));
  await startRoutine(page);
  await page.clock.fastForward(10 * 60_000);
  await page.reload();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  expect((await savedStore(page)).sessions ?? []).toEqual([]);
  await page.clock.fastForward(15 * 60_000);
  await page.getByRole("radio", { name: /^3 —/ }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  const [session] = (await savedStore(page)).sessions;
  expect(session.day).toBe("2026-11-24");
  expect(session.done_percent).toBe(100);
});

test("Today moves to the new day without a reload, and its marks land on it", async ({ page }) => {
  await seedStore(page, oneRoutineYesterday());
  await openAt(page, "/", new Date(2026, 10, 24, 23, 50, 0));
  await expect(page.locator(".today-date")).toContainText("24 November");
  await page.clock.fastForward("08:00:00");
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(page.locator(".today-date")).toContainText("25 November");
  await page.getByRole("button", { name: "Rest day" }).click();
  expect((await savedStore(page)).days_off).toEqual([{ day: "2026-11-25", kind: "Rest", clock: 1 }]);
});

test("a backup counts only once it is shared or the patient says the file saved", async ({ page }) => {
  await page.addInitScript(() => {
    // A phone with a share sheet; the first share is cancelled, the second goes through.
    let shares = 0;
    Object.defineProperty(navigator, "canShare", { value: (data) => data.files?.length === 1 });
    Object.defineProperty(navigator, "share", {
      value: async (data) => {
        shares += 1;
        window.sharedName = data.files[0].name;
        if (shares === 1) throw new DOMException("Share canceled", "AbortError");
      },
    });
  });
  await openAt(page, "/");
  for (const pain of [3, 4, 5, 4, 3, 4, 3]) {
    await checkIn(page, pain, "");
    await page.clock.fastForward(24 * 60 * 60_000);
    await page.reload();
  }
  // Seven check-ins and no backup: Today suggests sending one off the phone.
  await expect(page.getByText(/A file kept on this phone is lost with it/)).toBeVisible();
  await page.goto("/settings");
  await page.getByRole("button", { name: "Export backup" }).click();
  await expect(page.getByText("The backup was not sent, so it does not count yet.")).toBeVisible();
  await expect(page.getByText("No backup file exported yet.")).toBeVisible();
  await page.getByRole("button", { name: "Export backup" }).click();
  await expect(page.getByText("Backup kept. The reminder comes back in a month.")).toBeVisible();
  expect(await page.evaluate(() => window.sharedName)).toBe("spinewise-backup-2026-12-02.json");
  await expect(page.getByText("Last backup file: 2 Dec.")).toBeVisible();
  await page.goto("/");
  await expect(page.getByText(/A file kept on this phone is lost with it/)).toHaveCount(0);
});

test("without a share sheet the file is downloaded, and counts once the patient says it saved", async ({ page }) => {
  await openAt(page, "/settings");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export backup" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("spinewise-backup-2026-11-25.json");
  await expect(page.getByText(/A file on this phone is lost with the phone/)).toBeVisible();
  await expect(page.getByText("No backup file exported yet.")).toBeVisible();
  await page.getByRole("button", { name: "It did not save" }).click();
  await expect(page.getByText("No backup file exported yet.")).toBeVisible();
  await page.getByRole("button", { name: "Export backup" }).click();
  await page.getByRole("button", { name: "The file is saved" }).click();
  await expect(page.getByText("Last backup file: 25 Nov.")).toBeVisible();
});

test("a copy served under /sub/ keeps its own data and never touches the data at /", async ({ page }) => {
  await openAt(page, "/");
  await checkIn(page, 4, "the real patient's note");
  const real = await storedData(page);
  await page.goto("/sub/");
  await expect(page.getByText("This copy of Spinewise, at /sub/, keeps its own data, apart from the copy at / on this site")).toBeVisible();
  await expect(page.getByText("How is your back today?")).toBeVisible();
  await checkIn(page, 2, "a tester's note");
  const sub = await savedStore(page, "spinewise@/sub/");
  expect(sub.checkins.map((c) => c.note)).toEqual(["a tester's note"]);
  expect(await storedData(page)).toEqual(real);
  // Data from a newer build under /sub/ leaves / alone too.
  await page.evaluate(() => localStorage.setItem("spinewise@/sub/v2", '{"schema_version":99}'));
  await page.reload();
  await expect(page.getByText(/saved by a newer version of Spinewise/)).toBeVisible();
  await page.goto("/");
  await expect(page.getByText("Today: 4 —", { exact: false })).toBeVisible();
  expect(await storedData(page)).toEqual(real);
});

test("a rest day undone in one tab stays undone in the other", async ({ context, page }) => {
  await seedStore(page, oneRoutineYesterday());
  await openAt(page, "/");
  const other = await context.newPage();
  await other.clock.install({ time: MORNING });
  await other.goto("/");
  await other.clock.pauseAt(new Date(MORNING.getTime() + 10_000));
  await expect(other.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await page.getByRole("button", { name: "Rest day" }).click();
  await expect(other.getByText("Today is a rest day: your streak is kept.")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(other.getByRole("button", { name: "Rest day" })).toBeVisible();
  // The other tab saves something of its own; the undone mark must not come back.
  await checkIn(other, 3, "from the other tab");
  await expect(page.getByText("Today: 3 —", { exact: false })).toBeVisible();
  for (const tab of [page, other]) {
    const saved = await savedStore(tab);
    expect(saved.days_off).toEqual([]);
    expect(saved.days_cleared).toEqual([{ day: "2026-11-25", clock: 2 }]);
  }
  await expect(page.getByRole("button", { name: "Rest day" })).toBeVisible();
  await other.close();
});

/** Starts the Debian Chromium on its own profile folder, so the test can kill it as a crash would. */
async function launchOwnChromium(profile) {
  const { spawn } = await import("node:child_process");
  const { chromium } = await import("@playwright/test");
  const flags = [HEADLESS, ...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, "--remote-debugging-port=0"];
  const child = spawn(CHROMIUM, [...flags, "about:blank"], { stdio: ["ignore", "ignore", "pipe"] });
  const endpoint = await new Promise((resolve, reject) => {
    let text = "";
    child.stderr.on("data", (chunk) => {
      text += chunk;
      const found = text.match(/DevTools listening on (ws:\S+)/);
      if (found) resolve(found[1]);
    });
    child.on("exit", () => reject(new Error(`chromium exited: ${text}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  return { child, browser, context: browser.contexts()[0] };
}

test("ten years in, a routine saved 10 s before the browser is killed is there after a restart", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const { tenYearStore } = await import("./ten-years.mjs");
  const profile = test.info().outputPath("profile");
  const first = await launchOwnChromium(profile);
  const page = await first.context.newPage();
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(baseURL);
  await page.evaluate(([key, doc]) => localStorage.setItem(key, doc), [KEY, tenYearStore()]);
  await page.clock.install({ time: MORNING });
  await page.goto(`${baseURL}/routine`);
  await page.getByRole("button", { name: "Begin routine" }).click();
  for (const name of ["Pause", "Resume", "Skip"]) await page.getByRole("button", { name, exact: true }).click();
  await page.getByRole("button", { name: /^End/ }).click();
  await page.getByRole("radio", { name: /^3 —/ }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await page.waitForTimeout(10_000);
  first.child.kill("SIGKILL");
  await new Promise((resolve) => first.child.on("exit", resolve));

  const again = await launchOwnChromium(profile);
  try {
    const reopened = await again.context.newPage();
    await reopened.goto(baseURL);
    await expect(reopened.getByRole("heading", { name: "Today" })).toBeVisible();
    const saved = await savedStore(reopened);
    expect(saved.sessions).toHaveLength(3651);
    expect(saved.sessions.at(-1)).toMatchObject({ day: "2026-11-25", pain_after: 3 });
    expect(saved.active).toBeNull();
  } finally {
    await again.browser.close();
    again.child.kill("SIGKILL");
  }
});
