// A saved document holding ten years of daily use: a session and a
// check-in every day. The app's own parser reads it, so if this drifts from
// the real layout the tests that use it fail.
export function tenYearStore(endDay = new Date(Date.UTC(2026, 10, 24))) {
  const sessions = [];
  const checkins = [];
  const days = 3650;
  for (let k = days - 1; k >= 0; k--) {
    const date = new Date(endDay.getTime() - k * 86_400_000);
    const day = date.toISOString().slice(0, 10);
    const started = date.getTime() + 7 * 3_600_000;
    const pain = 3 + ((k * 7) % 5);
    sessions.push({
      started_ms: started,
      ended_ms: started + 1_080_000,
      day,
      plan: "Daily spine routine",
      planned_secs: 1080,
      done_percent: (k + 1) % 11 === 0 ? 60 : 100,
      pain_before: pain,
      pain_after: Math.max(0, pain - 2),
    });
    checkins.push({
      day,
      pain,
      stiffness: (k * 3) % 10,
      note: k % 3 === 0 ? "Stiff after sitting at work; better after the walk." : "",
      updated_ms: started + 3_600_000,
    });
  }
  return JSON.stringify({ schema_version: 3, revision: 1, generation: 0, sessions, checkins, active: null });
}
