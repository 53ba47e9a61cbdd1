use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_use_document_visibility::use_document_visibility;
use leptos_use_interval_fn::{Pausable, use_interval_fn};
use web_sys::VisibilityState;

use crate::components::concern_banner::{ConcernBanner, emergency_open};
use crate::components::exercise_notes::{Caution, ExerciseNotes, HurtLastTime, StopRule};
use crate::components::figure::ExerciseFigure;
use crate::components::followup_reminders::FollowUpReminders;
use crate::components::later::Later;
use crate::components::pain_scale::{PainAnswer, PainScale};
use crate::domain::countdown::{mm_ss, seconds_shown, spoken};
use crate::domain::cue::{cues_between, jumped, words_for};
use crate::domain::pain::Pain;
use crate::domain::phase::Phase;
use crate::domain::plan::Plan;
use crate::domain::progression;
use crate::domain::recheck;
use crate::domain::session::{percent_done, share_counts};
use crate::domain::spike;
use crate::domain::timeline::{Action, Position, SegmentKind, Timeline};
use crate::pages::readiness::Swaps;
use crate::state::use_app_state;
use crate::web::a11y::use_page;
use crate::web::clock;
use crate::web::cues;
use crate::web::route::Route;
use crate::web::wake_lock::{WakeLockState, use_wake_lock};

/// Redraw rate while the player is on screen; time itself comes from the clock.
const REDRAW_MS: u64 = 250;
/// Time added by the +15 s button.
const EXTEND_SECS: u32 = 15;

/// Route `/routine`: the plan before starting, the player while running,
/// and the pain check when it is over.
#[component]
pub fn RoutinePage() -> impl IntoView {
    use_page("Routine");
    let state = use_app_state();
    // Keyed on the start time, so taps inside a session do not rebuild the player.
    let running = Memo::new(move |_| {
        state
            .store
            .with(|s| s.active.as_ref().map(|a| a.started_ms))
    });
    move || match running.get() {
        Some(_) => view! { <Player /> }.into_any(),
        None => view! { <RoutineOverview /> }.into_any(),
    }
}

/// The routine laid out by phase, with a Start button.
#[component]
fn RoutineOverview() -> impl IntoView {
    let state = use_app_state();
    let plan = state.store.with_untracked(|s| s.session_plan());
    let listed = plan.clone();
    let pain_before = RwSignal::new(None::<Pain>);
    let pain_high = Signal::derive(move || progression::easier_advised(pain_before.get()));
    let gentler_try = state.store.with_untracked(|s| s.easier_way_first());
    let easier_now = Signal::derive(move || gentler_try || pain_high.get());
    let minutes = state
        .store
        .with_untracked(|s| plan.minutes(s.settings.pacing()));
    let today = clock::today();
    let recheck = Memo::new(move |_| {
        state
            .store
            .with(|s| recheck::due(&s.screenings, &s.journal, today))
    });
    let emergency = emergency_open();
    let readiness_asked =
        Memo::new(move |_| state.store.with(|s| s.settings.readiness.day().is_some()));
    // Pain far above the usual is a moment to look for warning signs first.
    let spike = Memo::new(move |_| {
        pain_before.get().and_then(|pain| {
            state
                .store
                .with(|s| recheck::pain_spike(&s.journal, today, pain))
        })
    });
    let begin = move |_| {
        // This tap is the user gesture iOS needs before any sound can play.
        cues::unlock_audio();
        state.start_routine(pain_before.get_untracked());
    };
    view! {
        <section class="page overview">
            <h1>{plan.name.clone()}</h1>
            <p>{format!("{minutes} minutes, always in this order.")}</p>
            <ConcernBanner />
            {move || recheck.get().map(|why| view! {
                <div class="card">
                    <p>
                        <strong>{why.reason()}</strong>
                        " Some back pain needs a doctor, not exercise."
                    </p>
                    <A href=Route::Safety.href() attr:class="button primary">"Start the safety check"</A>
                </div>
            })}
            <Show when=move || recheck.get().is_none() && !readiness_asked.get()>
                <div class="card">
                    <p>
                        <strong>"Seven questions about your health"</strong>
                        " choose exercises that suit you, such as after a hip replacement or in pregnancy."
                    </p>
                    <A href=Route::Readiness.href() attr:class="button primary">"Answer the exercise questions"</A>
                </div>
            </Show>
            <Swaps />
            <Show when=move || recheck.get().is_none() && readiness_asked.get() && !emergency.get()>
                <PainScale legend="Pain right now (optional)" name="pain-before" score=pain_before />
                {move || spike.get().map(|usual| view! {
                    <div class="card nudge" role="note">
                        <p>
                            {format!("This is much higher than your usual pain (about {usual:.0} in the last two weeks). Check for warning signs before you start.")}
                        </p>
                        <A href=Route::Safety.href() attr:class="button">"Check for warning signs"</A>
                    </div>
                })}
                <Show when=move || pain_high.get()>
                    <div class="card nudge" role="note">
                        <p>"Your pain is above 5 today. Try the easier way of each exercise: it is open under each one below. Ease off if pain builds."</p>
                    </div>
                </Show>
                <button class="button primary start" on:click=begin>
                    "Begin routine"
                </button>
            </Show>
            {gentler_try.then(|| view! {
                <p class="card nudge" role="note">
                    "Your two-week try of a gentler routine: the easier way of each exercise is open under each one below."
                </p>
            })}
            <StopRule />
            // Nine exercises with their notes, mostly below the first
            // screen: drawn in a task of their own.
            <Later>
                <PhaseList plan=listed.clone() easier_now />
                <p class="card">
                    <A href=Route::Plan.href()>"Change the routine"</A>
                    " or "
                    <A href=Route::Assessment.href()>"take the two-minute pattern check"</A>
                    " to suit it to what is behind your pain."
                </p>
            </Later>
        </section>
    }
}

/// The routine's exercises by phase, each with its notes.
#[component]
fn PhaseList(plan: Plan, easier_now: Signal<bool>) -> impl IntoView {
    let state = use_app_state();
    let phases = Phase::ALL.map(|phase| {
        let items = plan
            .resolved()
            .filter(|(_, e)| e.phase == phase)
            .map(|(step, e)| {
                let secs = i64::from(step.box_secs(e));
                let sides = step.sides_note(e);
                let dose = e.dose_label().map(|d| format!(", {d}")).unwrap_or_default();
                let (good_sessions, hurt_on) = state.store.with_untracked(|s| {
                    (
                        progression::good_sessions(&s.journal, e.id),
                        spike::hurt_last_time(&s.journal, e.id),
                    )
                });
                view! {
                    <li>
                        <div class="exercise-line">
                            <span>{e.name}</span>
                            <span class="muted">{format!("{}{sides}{dose}", spoken(secs))}</span>
                        </div>
                        <ExerciseNotes exercise=e good_sessions easier_now hurt_on />
                    </li>
                }
            })
            .collect_view();
        view! {
            <li class="phase-block">
                <h2>{format!("{}. {}", phase.number(), phase.name())}</h2>
                <p class="muted">{phase.purpose()}</p>
                <ul class="exercise-list">{items}</ul>
            </li>
        }
    });
    view! { <ol class="phase-list">{phases.into_iter().collect_view()}</ol> }
}

/// The running session, or its end.
#[component]
fn Player() -> impl IntoView {
    let state = use_app_state();
    let timeline = Memo::new(move |_| {
        state.store.with(|s| {
            s.active.as_ref().map_or_else(
                || Timeline::new(&s.session_plan(), s.settings.pacing()),
                |a| a.timeline(),
            )
        })
    });
    let now = RwSignal::new(clock::now_ms());
    let position = Memo::new(move |_| {
        let now = now.get();
        timeline.with(|t| {
            state
                .store
                .with(|s| s.active.as_ref().map(|a| a.position(t, now)))
        })
    });
    let ended_early = Memo::new(move |_| {
        state.store.with(|s| {
            s.active
                .as_ref()
                .is_some_and(|a| a.ended_early_ms.is_some())
        })
    });
    let over =
        Memo::new(move |_| ended_early.get() || position.get().is_none_or(|p| p.is_finished()));
    let settings = Memo::new(move |_| state.store.with(|s| s.settings));

    // Ticks only redraw, and only while something on screen is moving:
    // nothing runs while the page is hidden, paused or finished.
    let visibility = use_document_visibility();
    let Pausable { pause, resume, .. } =
        use_interval_fn(move || now.set(clock::now_ms()), REDRAW_MS);
    // Its own Memo, so this effect does not re-run (and restart the
    // interval) on every tick of `position`.
    let paused = Memo::new(move |_| position.with(|p| p.is_some_and(|p| p.paused)));
    Effect::new(move |_| {
        if visibility.get() == VisibilityState::Visible && !paused.get() && !over.get() {
            // Catch up at once on return instead of waiting for the next tick.
            now.set(clock::now_ms());
            resume();
        } else {
            pause();
        }
    });

    let keep_awake = Signal::derive(move || settings.get().keep_awake && !over.get());
    let wake_lock = use_wake_lock(keep_awake);

    // Cues come from comparing each position with the one before it.
    let announcement = RwSignal::new(String::new());
    let previous = StoredValue::new(None::<Position>);
    Effect::new(move |_| {
        let Some(after) = position.get() else {
            return;
        };
        let before = previous.get_value();
        previous.set_value(Some(after));
        let settings = settings.get_untracked();
        timeline.with_untracked(|t| {
            let jumped = before.is_some_and(|b| jumped(&b, &after));
            let cues = match before {
                Some(before) if !jumped => cues_between(t, &before, &after),
                _ => Vec::new(),
            };
            for cue in &cues {
                cues::play(*cue, &settings);
            }
            let words = words_for(t, before.as_ref(), &after, &cues, jumped);
            if let Some(text) = words.announce {
                announcement.set(text);
            }
            if settings.voice
                && let Some(text) = words.speak
            {
                cues::say(&text, &settings);
            }
        });
    });

    Effect::new(move |_| {
        if ended_early.get() {
            announcement.set("Routine ended early.".into());
        }
    });

    view! {
        <p class="sr-only" aria-live="polite" aria-atomic="true">{announcement}</p>
        {move || {
            if over.get() {
                view! { <SessionEnd position=position.get_untracked() /> }.into_any()
            } else {
                view! { <PlayerScreen timeline position wake_lock /> }.into_any()
            }
        }}
    }
}

#[component]
fn PlayerScreen(
    timeline: Memo<Timeline>,
    position: Memo<Option<Position>>,
    wake_lock: ReadSignal<WakeLockState>,
) -> impl IntoView {
    let state = use_app_state();
    let step = Memo::new(move |_| position.with(|p| p.map_or(0, |p| p.step)));
    let exercise = Memo::new(move |_| timeline.with(|t| t.exercises().get(step.get()).copied()));
    let segment = Memo::new(move |_| position.with(|p| p.and_then(|p| p.segment)));
    let kind = Memo::new(move |_| segment.get().map_or(SegmentKind::GetReady, |s| s.kind));
    // High pain at the start keeps the easier way open for the whole session.
    // So does a two-week try of a gentler routine.
    let easier_today = state.store.with_untracked(|s| {
        s.easier_way_first()
            || progression::easier_advised(s.active.as_ref().and_then(|a| a.pain_before))
    });
    // "+15 s" stops at the exercise's safe limit, and the screen says why.
    let can_extend = Memo::new(move |_| {
        position.with(|p| p.is_some_and(|p| timeline.with(|t| t.can_extend(&p, EXTEND_SECS))))
    });
    let secs_left =
        Memo::new(move |_| position.with(|p| p.map_or(0, |p| seconds_shown(p.segment_left_ms))));
    let session_left =
        Memo::new(move |_| position.with(|p| p.map_or(0, |p| seconds_shown(p.session_left_ms))));
    let phase_share = Memo::new(move |_| {
        position.with(|p| {
            p.filter(|p| p.phase_total_ms > 0)
                .map_or(0, |p| (p.phase_done_ms * 100 / p.phase_total_ms) as u32)
        })
    });
    let paused = Memo::new(move |_| position.with(|p| p.is_some_and(|p| p.paused)));
    let total_secs = Memo::new(move |_| {
        let planned = timeline.with(|t| t.total_ms() / 1000);
        planned
            + state
                .store
                .with(|s| s.active.as_ref().map_or(0, |a| a.extra_secs()))
    });
    let phase = move || exercise.get().map_or(Phase::Decompress, |e| e.phase);
    let resting = move || kind.get() == SegmentKind::Rest;
    let next_exercise =
        Memo::new(move |_| timeline.with(|t| t.exercises().get(step.get() + 1).copied()));

    let toggle_pause = move |_| {
        if paused.get_untracked() {
            cues::unlock_audio();
            state.act(Action::Resume);
        } else {
            state.act(Action::Pause);
        }
    };
    let end_now = move |_| state.end_routine_early();
    // The player opening under a scrolled overview, or a new exercise (its
    // time up, or Skip, Back or End tapped below the controls), leaves the
    // page scrolled where it was: bring its name and timer into view
    // (walkthrough #9).
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |shown: Option<usize>| {
        let now = step.get();
        if shown != Some(now)
            && let Some(heading) = heading.get_untracked()
            && heading.get_bounding_client_rect().top() < 0.0
        {
            heading.scroll_into_view();
        }
        now
    });

    view! {
        <section class="page player" data-paused=move || paused.get().to_string()>
            <p class="player-phase">
                {move || format!("Phase {} of 3 · {}", phase().number(), phase().name())}
            </p>
            <div
                class="bar phase-bar"
                role="progressbar"
                aria-label="Phase progress"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || phase_share.get()
            >
                <span style:width=move || format!("{}%", phase_share.get())></span>
            </div>
            <h1 class="player-exercise" node_ref=heading>
                {move || if resting() { "Rest" } else { exercise.get().map_or("", |e| e.name) }}
            </h1>
            <p class="player-instruction">
                {move || {
                    if paused.get() {
                        "Paused".to_string()
                    } else if resting() {
                        "Rest".to_string()
                    } else {
                        segment.get().zip(exercise.get()).map_or("", |(s, e)| s.instruction(e)).to_string()
                    }
                }}
                {move || {
                    let work = matches!(kind.get(), SegmentKind::Work(_)) && !paused.get();
                    let dose = segment.get().zip(exercise.get()).and_then(|(s, e)| s.dose_note(e));
                    dose.filter(|_| work).map(|dose| format!(" · {dose}"))
                }}
            </p>
            <p class="countdown" role="timer" aria-label=move || format!("{} left", spoken(secs_left.get()))>
                {move || mm_ss(secs_left.get())}
            </p>
            // Always in sight, not only in the rests (walkthrough #8).
            <p class="player-next">
                {move || next_exercise.get().map_or("Last exercise".to_string(), |e| format!("Up next: {}", e.name))}
            </p>
            {move || exercise.get().map(|exercise| view! { <ExerciseFigure exercise /> })}
            {move || exercise.get().map(|exercise| {
                let hurt_on = state.store.with_untracked(|s| spike::hurt_last_time(&s.journal, exercise.id));
                view! { <HurtLastTime exercise hurt_on /> <Caution exercise /> }
            })}
            <ul class="cues">
                {move || {
                    exercise
                        .get()
                        .map(|e| e.cues.iter().map(|cue| view! { <li>{*cue}</li> }).collect_view())
                }}
            </ul>
            <details class="easier" open=easier_today>
                <summary>"Easier option"</summary>
                <p>{move || exercise.get().map(|e| e.easier)}</p>
            </details>
            <p class="equipment muted">
                {move || exercise.get().and_then(|e| e.equipment.label()).map(|l| format!("You need: {l}"))}
            </p>
            <div class="session-progress">
                <div class="bar" aria-hidden="true">
                    <span style:width=move || {
                        let total = total_secs.get().max(1);
                        format!("{}%", (total - session_left.get()) * 100 / total)
                    }></span>
                </div>
                <p class="muted">
                    {move || format!("{} left of {}", mm_ss(session_left.get()), mm_ss(total_secs.get()))}
                </p>
            </div>
            <div class="controls">
                <button class="button" on:click=move |_| state.act(Action::Back)>"Back"</button>
                <button class="button primary" on:click=toggle_pause>
                    {move || if paused.get() { "Resume" } else { "Pause" }}
                </button>
                <button class="button" on:click=move |_| state.act(Action::Skip)>"Skip"</button>
            </div>
            <div class="controls secondary">
                <button
                    class="button"
                    disabled=move || !can_extend.get()
                    aria-describedby="extend-limit"
                    on:click=move |_| state.act(Action::Extend { secs: EXTEND_SECS })
                >
                    "+15 s"
                </button>
                <button class="button" on:click=end_now>"End routine"</button>
            </div>
            <p class="muted small">
                "Ending early keeps the session in your history; it counts for your streak when at least 80% is done."
            </p>
            <p id="extend-limit" class="muted small" hidden=move || can_extend.get()>
                {move || segment.get().zip(exercise.get()).map(|(s, e)| s.limit_reason(e))}
            </p>
            <details class="stop-rule-details">
                <summary>"Stop for sharp, spreading or building pain"</summary>
                <StopRule />
            </details>
            <p class="muted small">
                <A href=Route::Safety.href()>"Something new? Check for warning signs"</A>
                " · Spinewise is not medical advice."
            </p>
            {move || match wake_lock.get() {
                WakeLockState::Unsupported => Some("This browser cannot keep the screen on: the timer stays right, but you may need to wake the phone to see it."),
                WakeLockState::Refused => Some("The phone did not allow keeping the screen on (battery saver?). The timer stays right even if the screen turns off."),
                _ => None,
            }
                .map(|text| view! { <p class="note">{text}</p> })}
        </section>
    }
}

/// Shown when the routine is over: how much was done, and the pain check.
#[component]
fn SessionEnd(position: Option<Position>) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    // Rounded as the saved record is, so the screen and the streak agree.
    let percent = percent_done(position.map_or(0.0, |p| p.done_fraction));
    let counts = share_counts(percent);
    let finished_at = position.and_then(|p| p.finished_at_ms);
    let away = finished_at.is_some_and(|at| clock::now_ms() - at > 60_000);
    let save = move |pain: Option<Pain>| {
        state.finish_routine(pain);
        // Within the tap, so the browser may ask for its OK to write.
        state.back_up_to_folder();
        navigate(&Route::Today.href(), Default::default());
    };
    let carry_on = move |_| {
        cues::unlock_audio();
        state.carry_on();
    };
    view! {
        <section class="page session-end">
            <h1>
                {match (finished_at.is_some(), counts) {
                    (true, true) => "Routine complete",
                    (true, false) => "Routine finished, with skips",
                    (false, _) => "Routine ended",
                }}
            </h1>
            <p class="done-summary">
                {
                    let done = if percent >= 1 {
                        format!("You did {percent}% of it.")
                    } else {
                        "It ended in its first few seconds.".to_string()
                    };
                    match finished_at {
                        Some(at) if away => format!("Finished at {} while you were away. {done}", clock::time_label(at)),
                        Some(at) => format!("Finished at {}. {done}", clock::time_label(at)),
                        None => done,
                    }
                }
            </p>
            <p class="muted">
                {if counts {
                    "It counts towards your streak."
                } else {
                    "Sessions count towards your streak when at least 80% is done. This one is still kept in your history."
                }}
            </p>
            {finished_at.is_none().then(|| view! {
                <button class="button" on:click=carry_on>"Carry on with the routine"</button>
            })}
            <PainAnswer
                legend="How is your back now? 0 is no pain, 10 the worst."
                name="pain-after"
                save_label="Save"
                skip_label="Save without a pain score"
                answer=save
            />
            // Only after a routine the follow-up questions will ask about.
            {(percent >= 1).then(|| view! { <FollowUpReminders ended_ms=finished_at.unwrap_or_else(clock::now_ms) /> })}
        </section>
    }
}
