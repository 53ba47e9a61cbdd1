// A saved document holding ten years of daily use: a session, a check-in
// and both follow-up answers every day, each session linked to its logged
// routine (about 1.8 M characters, as data review probe p10 measured). The
// app's own parser reads it, so if this drifts from the real layout the
// tests that use it fail.
import { sessionRecord } from "./fixtures.mjs";

const ROUTINE_KEY = "ten-year-routine";

export function tenYearStore(endDay = new Date(Date.UTC(2026, 10, 24))) {
  const sessions = [];
  const checkins = [];
  const followups = [];
  const days = 3650;
  for (let k = days - 1; k >= 0; k--) {
    const date = new Date(endDay.getTime() - k * 86_400_000);
    const day = date.toISOString().slice(0, 10);
    const started = date.getTime() + 7 * 3_600_000;
    const pain = 3 + ((k * 7) % 5);
    sessions.push(sessionRecord(started, day, {
      done_percent: (k + 1) % 11 === 0 ? 60 : 100,
      pain_before: pain,
      pain_after: Math.max(0, pain - 2),
      plan_key: ROUTINE_KEY,
    }));
    followups.push({ session: started, kind: "HourLater", pain: pain - 1, answered_ms: started + 4_000_000 });
    followups.push({ session: started, kind: "NextMorning", pain, answered_ms: started + 86_400_000 });
    checkins.push({
      day,
      pain,
      stiffness: (k * 3) % 10,
      note: k % 3 === 0 ? "Stiff after sitting at work; better after the walk." : "",
      updated_ms: started + 3_600_000,
    });
  }
  const routines_run = [{ key: ROUTINE_KEY, steps: [{ exercise: "dead-hang", secs: 90, rest_secs: 0 }, { exercise: "cat-cow", secs: 120, rest_secs: 0 }] }];
  // The safety and exercise checks answered on the last day, so a routine can start.
  const last = sessions[sessions.length - 1];
  const screenings = [{ at_ms: last.started_ms - 60_000, day: last.day, yes: [] }];
  const settings = { readiness: { yes: [], day: last.day } };
  return JSON.stringify({ schema_version: 3, revision: 1, generation: 0, sessions, checkins, followups, routines_run, screenings, settings, active: null });
}

/** An init script (for `page.addInitScript(seedOnceAndCountWrites, doc)`):
 * stores `doc` as version-5 data on the tab's first load only, and counts
 * the characters every later write puts into localStorage in
 * `window.written`. */
export function seedOnceAndCountWrites(doc) {
  if (!sessionStorage.getItem("seeded")) {
    localStorage.setItem("spinewise/v1", doc);
    sessionStorage.setItem("seeded", "1");
  }
  window.written = 0;
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    window.written += key.length + String(value).length;
    return setItem.call(this, key, value);
  };
}
