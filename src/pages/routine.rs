use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_use_document_visibility::use_document_visibility;
use leptos_use_interval_fn::{Pausable, use_interval_fn};
use web_sys::VisibilityState;

use crate::clock;
use crate::components::pain_scale::PainScale;
use crate::domain::countdown::{mm_ss, seconds_shown, spoken};
use crate::domain::pain::Pain;
use crate::domain::phase::Phase;
use crate::domain::plan::{Pacing, Plan};
use crate::domain::session::STREAK_SHARE;
use crate::domain::timeline::{Action, Position, SegmentKind, Side, Timeline};
use crate::state::{AppState, use_app_state};

/// Redraw rate while the player is on screen; time itself comes from the clock.
const REDRAW_MS: u64 = 250;

/// Route `/routine`: the plan before starting, the player while running,
/// and the pain check when it is over.
#[component]
pub fn RoutinePage() -> impl IntoView {
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
    let plan = Plan::seed();
    let minutes = plan.total_secs(Pacing::default()) / 60;
    let phases = Phase::ALL.map(|phase| {
        let items = plan
            .resolved()
            .filter(|(_, e)| e.phase == phase)
            .map(|(step, e)| {
                let secs = i64::from(if e.per_side { 2 * step.secs } else { step.secs });
                let sides = if e.per_side { " (each side)" } else { "" };
                view! {
                    <li>
                        <span>{e.name}</span>
                        <span class="muted">{format!("{}{sides}", spoken(secs))}</span>
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
    view! {
        <section class="page overview">
            <h1>{plan.name.clone()}</h1>
            <p>{format!("{minutes} minutes, always in this order.")}</p>
            <ol class="phase-list">{phases.into_iter().collect_view()}</ol>
            <button class="button primary start" on:click=move |_| state.start_routine()>
                "Start routine"
            </button>
        </section>
    }
}

/// The running session, or its end.
#[component]
fn Player() -> impl IntoView {
    let state = use_app_state();
    let timeline = Memo::new(move |_| {
        state
            .store
            .with(|s| s.active.as_ref().map(|a| a.timeline()))
            .unwrap_or_else(|| Timeline::new(&Plan::seed(), Pacing::default()))
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

    // Ticks only redraw, and only while something on screen is moving:
    // nothing runs while the page is hidden, paused or finished.
    let visibility = use_document_visibility();
    let Pausable { pause, resume, .. } =
        use_interval_fn(move || now.set(clock::now_ms()), REDRAW_MS);
    Effect::new(move |_| {
        let paused = position.with(|p| p.is_some_and(|p| p.paused));
        if visibility.get() == VisibilityState::Visible && !paused && !over.get() {
            // Catch up at once on return instead of waiting for the next tick.
            now.set(clock::now_ms());
            resume();
        } else {
            pause();
        }
    });

    move || {
        if over.get() {
            view! { <SessionEnd position=position.get_untracked() /> }.into_any()
        } else {
            view! { <PlayerScreen timeline position /> }.into_any()
        }
    }
}

fn act(state: AppState, action: Action) {
    state.store.update(|s| {
        if let Some(active) = s.active.as_mut() {
            active.act(action, clock::now_ms());
        }
    });
}

/// What to do during a segment, under the exercise name.
fn instruction(kind: SegmentKind) -> &'static str {
    match kind {
        SegmentKind::GetReady => "Get ready",
        SegmentKind::Work(Side::Both) => "Go",
        SegmentKind::Work(Side::Left) => "Left side",
        SegmentKind::Work(Side::Right) => "Right side",
        SegmentKind::SwitchSides => "Switch sides",
    }
}

#[component]
fn PlayerScreen(timeline: Memo<Timeline>, position: Memo<Option<Position>>) -> impl IntoView {
    let state = use_app_state();
    let step = Memo::new(move |_| position.with(|p| p.map_or(0, |p| p.step)));
    let exercise = Memo::new(move |_| timeline.with(|t| t.exercises().get(step.get()).copied()));
    let kind = Memo::new(move |_| {
        position.with(|p| {
            p.and_then(|p| p.segment)
                .map_or(SegmentKind::GetReady, |s| s.kind)
        })
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
    let total_secs = Memo::new(move |_| timeline.with(|t| t.total_ms() / 1000));
    let phase = move || exercise.get().map_or(Phase::Decompress, |e| e.phase);

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
            <h1 class="player-exercise">{move || exercise.get().map(|e| e.name)}</h1>
            <p class="player-instruction" data-kind=move || format!("{:?}", kind.get())>
                {move || instruction(kind.get())}
                {move || {
                    exercise
                        .get()
                        .and_then(|e| e.dose_label())
                        .filter(|_| matches!(kind.get(), SegmentKind::Work(_)))
                        .map(|dose| format!(" · {dose}"))
                }}
            </p>
            <p
                class="countdown"
                role="timer"
                aria-label=move || format!("{} left", spoken(secs_left.get()))
            >
                {move || mm_ss(secs_left.get())}
            </p>
            <ul class="cues">
                {move || {
                    exercise
                        .get()
                        .map(|e| e.cues.iter().map(|cue| view! { <li>{*cue}</li> }).collect_view())
                }}
            </ul>
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
                <button
                    class="button primary"
                    on:click=move |_| act(state, if paused.get() { Action::Resume } else { Action::Pause })
                >
                    {move || if paused.get() { "Resume" } else { "Pause" }}
                </button>
                <button class="button" on:click=move |_| act(state, Action::Skip)>
                    "Skip exercise"
                </button>
            </div>
            <button
                class="button quiet end-early"
                on:click=move |_| {
                    state.store.update(|s| {
                        if let Some(active) = s.active.as_mut() {
                            active.ended_early_ms = Some(clock::now_ms());
                        }
                    })
                }
            >
                "End routine now"
            </button>
            <p class="sr-only" aria-live="polite">
                {move || exercise.get().map(|e| format!("{}: {}", e.name, instruction(kind.get())))}
            </p>
        </section>
    }
}

/// Shown when the routine is over: how much was done, and the pain check.
#[component]
fn SessionEnd(position: Option<Position>) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let pain_after = RwSignal::new(None::<Pain>);
    let share = position.map_or(0.0, |p| p.done_fraction);
    let counts = share >= STREAK_SHARE;
    let percent = (share * 100.0).round();
    let finished_at = position.and_then(|p| p.finished_at_ms);
    let save = move |pain: Option<Pain>| {
        let now = clock::now_ms();
        state.store.update(|s| {
            if let Some(active) = s.active.take() {
                let record = active.finish(now, clock::day_of(now), pain);
                s.journal.record(record);
            }
        });
        navigate("/", Default::default());
    };
    let save_with_score = save.clone();
    view! {
        <section class="page session-end">
            <h1>{if finished_at.is_some() { "Routine complete" } else { "Routine ended" }}</h1>
            <p class="done-summary">
                {match finished_at {
                    Some(at) => format!("Finished at {}. You did {percent}% of it.", clock::time_label(at)),
                    None => format!("You did {percent}% of it."),
                }}
            </p>
            <p class="muted">
                {if counts {
                    "It counts towards your streak."
                } else {
                    "Sessions count towards your streak when at least 80% is done. It is still kept in your history."
                }}
            </p>
            <PainScale legend="How is your back now? 0 is no pain, 10 the worst." name="pain-after" score=pain_after />
            <button
                class="button primary"
                disabled=move || pain_after.get().is_none()
                on:click=move |_| save_with_score(pain_after.get())
            >
                "Save"
            </button>
            <button class="button quiet" on:click=move |_| save(None)>
                "Save without a pain score"
            </button>
        </section>
    }
}
