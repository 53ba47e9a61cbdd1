use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::components::checkin_form::CheckInForm;
use crate::components::concern_banner::ConcernBanner;
use crate::components::day_tags::DayTagsCard;
use crate::components::flare_plan::FlarePlan;
use crate::components::folder_notice::FolderNotice;
use crate::components::followup_prompt::FollowUpPrompt;
use crate::components::later::Later;
use crate::components::pain_spike::{PainSpike, use_spike};
use crate::components::peg_card::PegCard;
use crate::components::trial_card::TrialCard;
use crate::components::warning_signs::WarningSigns;
use crate::domain::day;
use crate::domain::journal::DayOff;
use crate::domain::recheck::{self, Recheck};
use crate::domain::settings::SettingChange;
use crate::state::use_app_state;
use crate::web::a11y::use_page;
use crate::web::clock;
use crate::web::route::Route;

/// Route `/`: the day, the streak, and the way into today's routine. Drawn
/// afresh when the day changes under an open page, so marks and check-ins
/// land on the day the patient sees (data review §1 #4).
#[component]
pub fn TodayPage() -> impl IntoView {
    use_page("Today");
    let current_day = clock::use_current_day();
    move || {
        let today = current_day.get();
        view! { <TodayOn today /> }
    }
}

#[component]
fn TodayOn(today: NaiveDate) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let streak = Memo::new(move |_| state.store.with(|s| s.journal.streak(today)));
    let done_today = Memo::new(move |_| state.store.with(|s| s.journal.done_on(today)));
    let part_done = Memo::new(move |_| state.store.with(|s| s.journal.most_done_on(today)));
    let running = Memo::new(move |_| state.store.with(|s| s.active.is_some()));
    let spike = use_spike(today);
    let offers_set_up = Memo::new(move |_| state.store.with(|s| s.offers_set_up()));
    let last_pain = Memo::new(move |_| state.store.with(|s| s.journal.last_pain(clock::day_of)));
    let backup_due = Memo::new(move |_| state.store.with(|s| s.backup_due(clock::now_ms())));
    // A trial started or ended on this page changes the routine's length.
    let minutes = Memo::new(move |_| {
        state
            .store
            .with(|s| s.session_plan().minutes(s.settings.pacing()))
    });
    let open_routine = move |_| navigate(&Route::Routine.href(), Default::default());
    let best = Memo::new(move |_| state.store.with(|s| s.journal.best_streak(today)));
    let consistency = Memo::new(move |_| state.store.with(|s| s.journal.consistency_label(today)));
    let day_off = Memo::new(move |_| state.store.with(|s| s.journal.day_off(today)));
    let streak_kept = Memo::new(move |_| state.store.with(|s| s.journal.keeps_streak(today)));
    let mark = move |kind: Option<DayOff>| state.mark_day(today, kind);
    let recheck = Memo::new(move |_| {
        state
            .store
            .with(|s| recheck::shown_on_today(&s.screenings, &s.journal, today))
    });
    // Past the reminder time with nothing done: a gentle nudge, once the page opens.
    let now = clock::local(clock::now_ms()).time();
    let reminder_passed = Memo::new(move |_| state.store.with(|s| s.reminder_due(now, today)));

    view! {
        <section class="page today">
            <p class="today-date">{day::long_label(today)}</p>
            <h1>"Today"</h1>
            <ConcernBanner />
            {move || recheck.get().map(|why| view! {
                <div class="card nudge recheck">
                    <p>{why.reason()}</p>
                    <A href=Route::Safety.href() attr:class="button">"Answer the safety questions"</A>
                </div>
            })}
            <FollowUpPrompt />
            <PainSpike spike />
            <TrialCard />
            // A flare is one of the moments to look for warning signs first.
            <FlarePlan check_first=Signal::derive(move || recheck.get() == Some(Recheck::Flare)) />
            <Show when=move || offers_set_up.get()>
                <div class="card welcome">
                    <h2>"Welcome to Spinewise"</h2>
                    <p>
                        "Set up in about a minute: a few safety questions, what you have at home, and a reminder. Or skip it, and start with floor exercises."
                    </p>
                    <div class="button-row">
                        <A href=Route::SetUp.href() attr:class="button">"Set up"</A>
                        <button class="button quiet" on:click=move |_| state.change_setting(SettingChange::SetUpEnded)>
                            "Skip for now"
                        </button>
                    </div>
                </div>
            </Show>
            <div class="today-cards">
                <div class="card stat">
                    <span class="stat-value">{streak}</span>
                    <span class="stat-label">
                        {move || if streak.get() == 1 { "day streak" } else { "days streak" }}
                    </span>
                    <span class="stat-label">{move || format!("best {}", best.get())}</span>
                    {move || consistency.get().map(|label| view! {
                        <span class="stat-label consistency">{label}</span>
                    })}
                </div>
                <div class="card stat">
                    <span class="stat-value">
                        {move || last_pain.get().map_or("–".to_string(), |l| l.pain.score().to_string())}
                    </span>
                    <span class="stat-label">
                        {move || {
                            last_pain
                                .get()
                                .map_or(
                                    "no pain score yet".to_string(),
                                    |l| format!("last pain, {}", day::short_label(l.day)),
                                )
                        }}
                    </span>
                </div>
            </div>
            <p class="today-status">
                {move || {
                    if done_today.get() {
                        "Today's routine is done. Well done.".to_string()
                    } else if running.get() {
                        "Your routine is under way.".to_string()
                    } else if let Some(percent) = part_done.get().filter(|&p| p > 0) {
                        format!("You did {percent}% of a routine today. 80% or more keeps your streak.")
                    } else {
                        "Not done yet today.".to_string()
                    }
                }}
            </p>
            // Rest and flare marks once there is a streak to keep (or a mark
            // to undo): on day 1, Start leads.
            <Show when=move || {
                !done_today.get() && !running.get() && (streak.get() > 0 || day_off.get().is_some())
            }>
                <div class="day-off">
                    {move || match day_off.get() {
                        Some(kind) => {
                            let text = kind.today_note(streak_kept.get());
                            view! {
                                <p>{text}</p>
                                <button class="button quiet" on:click=move |_| mark(None)>"Undo"</button>
                            }
                                .into_any()
                        }
                        None => view! {
                            <div class="button-row">
                                <button class="button" on:click=move |_| mark(Some(DayOff::Rest))>"Rest day"</button>
                                <button class="button" on:click=move |_| mark(Some(DayOff::Flare))>"Flare day"</button>
                            </div>
                        }
                            .into_any(),
                    }}
                    <p class="muted small">"One rest day a week, and any day the pain is too high to train, keep your streak."</p>
                </div>
            </Show>
            <Show when=move || reminder_passed.get()>
                <p class="card nudge">"It is past your reminder time: a good moment for today's routine."</p>
            </Show>
            // Start leads only when a routine is today's next step: not once
            // it is done, on a flare day, or after a pain spike (walkthrough #20).
            <button
                class=move || {
                    let leads = !done_today.get() && !spike.with(Option::is_some)
                        && day_off.get() != Some(DayOff::Flare);
                    if leads { "button primary start" } else { "button start" }
                }
                on:click=open_routine
            >
                {move || match (running.get(), spike.with(Option::is_some)) {
                    (true, _) => "Resume routine",
                    (false, true) => "Start a routine anyway",
                    (false, false) => "Start routine",
                }}
            </button>
            <p class="today-plan">
                {move || format!("{} minutes: decompress, then activate, then mobilize.", minutes.get())}
            </p>
            <p class="something-new">
                <A href=Route::Safety.href()>"Something new? Check for warning signs"</A>
            </p>
            // Below the first screen on a phone: each drawn in a task of its own.
            <Later>
                <CheckInForm />
                <DayTagsCard day=today />
                <PegCard />
            </Later>
            <Later>
                <WarningSigns only_when_firing=true />
            </Later>
            <Later>
                <FolderNotice />
                <Show when=move || backup_due.get()>
                    <p class="card nudge">
                        "Your history lives only on this phone. "
                        <A href=Route::Settings.href()>"Send a backup file"</A>
                        " somewhere else now and then (email or cloud storage), so a lost phone does not lose it. A file kept on this phone is lost with it."
                    </p>
                </Show>
            </Later>
        </section>
    }
}
