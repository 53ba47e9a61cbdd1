//! Host benchmark of the domain over ten years of daily use.
//! Run: `cargo bench --bench domain` (prints figures; asserts nothing).

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use spinewise::domain::checkin::CheckIn;
use spinewise::domain::day::Span;
use spinewise::domain::followup::{FollowUp, FollowUpKind};
use spinewise::domain::pain::Pain;
use spinewise::domain::plan::Plan;
use spinewise::domain::session::SessionRecord;
use spinewise::domain::store::Store;
use spinewise::domain::trends;
use spinewise::domain::{backup, calendar, chart, plan_log, report, shards, tidy, warning};

fn ten_years() -> (Store, NaiveDate) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut store = Store::default();
    let seed = Plan::seed().steps;
    let shorter = seed[1..].to_vec();
    store.journal.remember_plan(&seed);
    store.journal.remember_plan(&shorter);
    for k in (1..=3650u64).rev() {
        let day = today.checked_sub_days(Days::new(k)).unwrap();
        let started_ms = 1_795_600_000_000 - k as i64 * 86_400_000;
        let pain = Pain::new(3 + (k % 5) as u8);
        store.journal.sessions.push(SessionRecord {
            started_ms,
            ended_ms: started_ms + 1_080_000,
            day,
            plan: "Daily spine routine".into(),
            planned_secs: 1080,
            done_percent: if k % 11 == 0 { 60 } else { 100 },
            pain_before: pain,
            pain_after: pain.and_then(|p| Pain::new(p.score().saturating_sub(2))),
            plan_key: Some(plan_log::key_of(if k % 4 == 0 { &shorter } else { &seed })),
            extended_secs: if k % 7 == 0 { 15 } else { 0 },
            hurt: Vec::new(),
            added_ms: None,
        });
        for (kind, after_ms) in [
            (FollowUpKind::HourLater, 4_000_000),
            (FollowUpKind::NextMorning, 86_000_000),
        ] {
            store.journal.followups.push(FollowUp {
                session: started_ms,
                kind,
                pain: Pain::new(2 + (k % 6) as u8),
                answered_ms: started_ms + after_ms,
                clock: 0,
            });
        }
        store.journal.checkins.push(CheckIn {
            day,
            pain: pain.unwrap(),
            stiffness: Pain::new((k % 10) as u8),
            note: if k % 3 == 0 {
                "Stiff after sitting; better after the walk.".into()
            } else {
                String::new()
            },
            updated_ms: started_ms + 3_600_000,
            clock: 0,
        });
    }
    (store, today)
}

/// Median of `runs` timings of `f`.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let (store, today) = ten_years();
    let json = store.to_json();
    let export = backup::export_json(&store, 0);
    println!(
        "ten years: {} sessions, {} check-ins, store {} bytes",
        store.journal.sessions.len(),
        store.journal.checkins.len(),
        json.len()
    );
    let journal = &store.journal;
    let year = Span::ending(today, 365);
    let progress = || {
        let daily = trends::daily_pain(journal, year);
        let average = trends::rolling_mean(&daily, trends::ROLLING_DAYS);
        let chart = chart::pain_chart(year, &daily, &average, trends::sessions_in(journal, year));
        (
            chart,
            calendar::weeks(journal, today, 12),
            warning::check(journal, today),
            trends::relief_by_exercise(journal, year),
            trends::relief_by_phase(journal, year),
            report::summarize(journal, year, today),
        )
    };
    let parts: Vec<_> = shards::all_parts(&store)
        .into_iter()
        .map(|part| (part, shards::encode(&store, part)))
        .collect();
    let mut tapped = store.clone();
    tapped.active = Some(spinewise::domain::session::ActiveSession::start(
        Plan::seed(),
        Default::default(),
        0,
    ));
    let rows: [(&str, Duration); 15] = [
        ("store serialise", time(21, || store.to_json())),
        ("store parse", time(21, || Store::parse(&json).unwrap())),
        (
            "parts: put together at start-up",
            time(21, || shards::assemble(&parts, 1).unwrap()),
        ),
        (
            "parts: what one tap changed",
            time(101, || shards::changed(&store, &tapped)),
        ),
        (
            "tidy at start-up",
            time(21, || tidy::tidy(&mut store.clone(), today)),
        ),
        (
            "backup read (validate)",
            time(21, || backup::read(&export, today).unwrap()),
        ),
        ("streak", time(101, || store.journal.streak(today))),
        (
            "last pain",
            time(101, || {
                store
                    .journal
                    .last_pain(|at| spinewise::domain::day::local_day(at, 0))
            }),
        ),
        ("merge two copies", time(21, || store.merge(&store))),
        (
            "warning signs (today)",
            time(101, || warning::check(journal, today)),
        ),
        (
            "calendar (12 weeks)",
            time(101, || calendar::weeks(journal, today, 12)),
        ),
        (
            "pain chart (1 year)",
            time(101, || {
                let daily = trends::daily_pain(journal, year);
                let average = trends::rolling_mean(&daily, trends::ROLLING_DAYS);
                chart::pain_chart(year, &daily, &average, trends::sessions_in(journal, year))
            }),
        ),
        (
            "relief by exercise/phase",
            time(101, || {
                (
                    trends::relief_by_exercise(journal, year),
                    trends::relief_by_phase(journal, year),
                )
            }),
        ),
        (
            "report (1 year)",
            time(101, || report::summarize(journal, year, today)),
        ),
        ("all progress pages (target < 20 ms)", time(101, progress)),
    ];
    println!("{:<38} {:>12}", "operation", "median");
    for (name, took) in rows {
        println!("{name:<38} {:>9.3} ms", took.as_secs_f64() * 1000.0);
    }
}
