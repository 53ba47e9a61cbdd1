// Sixty days of use ending yesterday (24 November 2026), written in the
// saved layout and put in place before the app loads. The app's own parser
// reads it, so a drift from the real layout fails the tests that use it.
//
// Shape of the history, chosen so every part of Progress has something to show:
// - a routine at 07:00 most days, pain 6 before and 3 after;
// - a rest day every Sunday, a flare day on 10 November, missed days on 3 and 17 November,
//   a routine stopped at 40 % on 12 November;
// - the last five routines have an hour-later answer of 6: the pain is back (warning sign 1);
// - a check-in every evening, pain 4;
// - two red-flag screenings, all "no": before the first routine and yesterday.
import { MORNING, sessionRecord } from "./fixtures.mjs";

const DAY_MS = 86_400_000;

function isoDay(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function sixtyDayStore() {
  const sessions = [];
  const checkins = [];
  const followups = [];
  const days_off = [];
  for (let k = 60; k >= 1; k--) {
    const date = new Date(MORNING.getTime() - k * DAY_MS);
    const day = isoDay(date);
    checkins.push({ day, pain: 4, stiffness: 3, note: k === 5 ? "Long drive, stiff after." : "", updated_ms: date.getTime() + 12 * 3_600_000 });
    if (date.getDay() === 0) {
      days_off.push({ day, kind: "Rest" });
      continue;
    }
    if (day === "2026-11-10") {
      days_off.push({ day, kind: "Flare" });
      continue;
    }
    if (day === "2026-11-03" || day === "2026-11-17") continue;
    const started = date.getTime();
    sessions.push(sessionRecord(started, day, { done_percent: day === "2026-11-12" ? 40 : 100, pain_before: 6, pain_after: 3 }));
  }
  for (const session of sessions.slice(-5)) {
    followups.push({ session: session.started_ms, kind: "HourLater", pain: 6, answered_ms: session.ended_ms + 3_600_000 });
  }
  // The first check before the first routine, and the latest a day ago, after the
  // flare: no safety check is due on the seeded "today" (25 November).
  const last = sessions[sessions.length - 1];
  const screenings = [
    { at_ms: sessions[0].started_ms - 60_000, day: sessions[0].day, yes: [] },
    { at_ms: last.started_ms - 60_000, day: last.day, yes: [] },
  ];
  return JSON.stringify({ schema_version: 3, revision: 1, generation: 0, sessions, checkins, days_off, followups, screenings, active: null });
}

/** Puts the sixty-day history in place before the first load of this page. */
export async function seedHistory(page) {
  await page.addInitScript((raw) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("spinewise/v1", raw);
      sessionStorage.setItem("seeded", "1");
    }
  }, sixtyDayStore());
}
