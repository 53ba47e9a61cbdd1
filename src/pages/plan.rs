use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::domain::builder::{self, Direction, Removed};
use crate::domain::countdown::spoken;
use crate::domain::exercise::{self, LIBRARY};
use crate::domain::phase::Phase;
use crate::domain::plan::{Plan, Sides};
use crate::domain::routines::Deleted;
use crate::state::use_app_state;
use crate::web::a11y::use_page;
use crate::web::route::Route;

/// Seconds one tap on − or + changes an exercise's time by.
const TIME_STEP: u32 = 15;

/// Route `/plan`: which routine is in use, and a builder for the patient's
/// own: choose and order exercises within each phase and set their times,
/// with the total and any problem shown as they edit.
#[component]
pub fn PlanPage() -> impl IntoView {
    use_page("Plan");
    let state = use_app_state();
    let draft = RwSignal::new(None::<Draft>);
    let deleted = RwSignal::new(None::<Deleted>);
    let edit = move |name: Option<String>| {
        let plan = state.store.with_untracked(|s| match &name {
            Some(name) => s.routines.named(name).cloned(),
            None => Some(Plan {
                name: s.routines.new_name(),
                ..s.suggested_plan()
            }),
        });
        draft.set(plan.map(|plan| Draft {
            saved_as: name,
            plan,
            removed: None,
        }));
    };
    let routines = move || {
        state.store.with(|s| {
            let suggested = format!("Suggested: {}", s.settings.emphasis.label());
            std::iter::once((None, suggested))
                .chain(s.routines.saved.iter().map(|p| (Some(p.name.clone()), p.name.clone())))
                .map(|(name, label)| {
                    let active = s.routines.in_use == name;
                    // A routine that cannot run as things are now (say, too long after
                    // the rest setting grew) gives way to the suggested one: say so.
                    let blocked = name
                        .as_deref()
                        .and_then(|n| s.routines.named(n))
                        .map(|p| s.check_plan(p))
                        .filter(|check| active && !check.can_save())
                        .map(|check| {
                            let why: Vec<String> = check.blocking.iter().map(|i| i.message()).collect();
                            format!(
                                "This routine cannot run as it is, so today's routine is the suggested one. {}",
                                why.join(" ")
                            )
                        });
                    let choose = name.clone();
                    let open = name.clone();
                    view! {
                        <li class="routine-choice">
                            <label class="toggle">
                                <input
                                    type="radio"
                                    name="routine"
                                    prop:checked=active
                                    on:change=move |_| state.choose_routine(choose.clone())
                                />
                                <span>{label}</span>
                            </label>
                            <button class="button" on:click=move |_| edit(open.clone())>
                                {if name.is_some() { "Edit" } else { "Copy and edit" }}
                            </button>
                            {blocked.map(|text| view! { <p class="alert">{text}</p> })}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="page plan">
            <h1>"Your routine"</h1>
            <p>
                "Choose the routine you do each day. The suggested one follows your "
                <A href=Route::Assessment.href()>"pattern check"</A>
                " and the equipment you have ("
                <A href=Route::Settings.href()>"Settings"</A>
                ")."
            </p>
            <fieldset class="settings-group">
                <legend>"Routine in use"</legend>
                <ul class="plain-list">{routines}</ul>
            </fieldset>
            {move || {
                deleted.get().map(|gone| {
                    let name = gone.plan.name.clone();
                    let restore = move |_| {
                        state.restore_routine(gone.clone());
                        deleted.set(None);
                    };
                    view! {
                        <p class="notice" role="status">
                            {format!("“{name}” deleted. ")}
                            <button id="undo-delete" class="button" on:click=restore>"Undo"</button>
                        </p>
                    }
                })
            }}
            {move || draft.get().is_some().then(|| view! { <Builder draft deleted /> })}
        </section>
    }
}

/// A routine being edited, not yet saved.
#[derive(Clone, PartialEq)]
struct Draft {
    /// The name it is saved under, `None` for a new routine.
    saved_as: Option<String>,
    plan: Plan,
    /// The last step taken out, for Undo.
    removed: Option<Removed>,
}

/// Applies an edit to the routine being built. Any edit ends the chance to
/// undo the last removal: putting a step back into a changed list could
/// land it out of order or twice.
fn edit_draft(draft: RwSignal<Option<Draft>>, edit: &dyn Fn(&mut Draft)) {
    draft.update(|d| {
        if let Some(d) = d {
            d.removed = None;
            edit(d);
        }
    });
}

/// Focuses the control with `id` once the list has been redrawn, so a
/// keyboard user stays where they were.
fn refocus(id: String) {
    request_animation_frame(move || {
        let element = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// The editor for one routine.
#[component]
fn Builder(
    draft: RwSignal<Option<Draft>>,
    /// Set to the routine deleted here (and whether it was in use), for Undo.
    deleted: RwSignal<Option<Deleted>>,
) -> impl IntoView {
    let state = use_app_state();
    let change = move |f: &dyn Fn(&mut Draft)| edit_draft(draft, f);
    // Judged as it would run: with the rest, count-in and equipment swaps from Settings.
    let checked = Memo::new(move |_| {
        draft.with(|d| {
            d.as_ref().map(|d| {
                state.store.with(|s| {
                    let runs = s.settings.session_plan(&d.plan);
                    (runs.total_secs(s.settings.pacing()), s.check_plan(&d.plan))
                })
            })
        })
    });
    let name_taken = Memo::new(move |_| {
        draft.with(|d| {
            d.as_ref().is_some_and(|d| {
                state
                    .store
                    .with(|s| s.routines.name_taken(&d.plan.name, d.saved_as.as_deref()))
            })
        })
    });
    let can_save = move || {
        checked.with(|c| c.as_ref().is_some_and(|(_, c)| c.can_save()))
            && !name_taken.get()
            && draft.with(|d| d.as_ref().is_some_and(|d| !d.plan.name.trim().is_empty()))
    };
    let save = move |_| {
        let Some(Draft { saved_as, plan, .. }) = draft.get_untracked() else {
            return;
        };
        state.save_routine(saved_as.as_deref(), plan);
        draft.set(None);
    };
    let delete = move |_| {
        let Some(Draft {
            saved_as: Some(name),
            ..
        }) = draft.get_untracked()
        else {
            return;
        };
        deleted.set(state.delete_routine(&name));
        draft.set(None);
        refocus("undo-delete".into());
    };
    let phases = move || {
        let plan = draft.with(|d| d.as_ref().map(|d| d.plan.clone()))?;
        Some(
            Phase::ALL
                .map(|phase| phase_editor(&plan, phase, draft))
                .into_iter()
                .collect_view(),
        )
    };
    let undo = move |_| {
        draft.update(|d| {
            if let Some(d) = d
                && let Some(removed) = d.removed.take()
            {
                d.plan.restore(removed);
            }
        })
    };
    view! {
        <section class="card builder" aria-labelledby="builder-title">
            <h2 id="builder-title">"Build your routine"</h2>
            <label class="note-field">
                <span>"Name"</span>
                <input
                    type="text"
                    maxlength="40"
                    prop:value=move || draft.with(|d| d.as_ref().map(|d| d.plan.name.clone()).unwrap_or_default())
                    on:input=move |ev| {
                        let name = event_target_value(&ev);
                        change(&|d| d.plan.name = name.clone());
                    }
                />
            </label>
            <Show when=move || name_taken.get()>
                <p class="alert">"You already have a routine with this name. Choose another."</p>
            </Show>
            {phases}
            <p class="builder-total" role="status">
                {move || checked.with(|c| c.as_ref().map(|(secs, _)| format!("Total: {}", spoken(i64::from(*secs)))))}
            </p>
            <ul class="plain-list builder-issues">
                {move || {
                    checked.with(|c| {
                        c.as_ref().map(|(_, check)| {
                            let blocking = check.blocking.iter().map(|i| view! { <li class="alert">{i.message()}</li> });
                            let warnings = check.warnings.iter().map(|i| view! { <li class="nudge">{i.message()}</li> });
                            (blocking.collect_view(), warnings.collect_view())
                        })
                    })
                }}
            </ul>
            {move || {
                draft.with(|d| d.as_ref().and_then(|d| d.removed.as_ref()).map(|r| {
                    let name = exercise::by_id(&r.step.exercise).map_or("The exercise", |e| e.name);
                    view! {
                        <p class="notice" role="status">
                            {format!("{name} removed. ")}
                            <button id="undo-remove" class="button" on:click=undo>"Undo"</button>
                        </p>
                    }
                }))
            }}
            <div class="button-row">
                <button class="button primary" disabled=move || !can_save() on:click=save>"Save and use"</button>
                <button class="button quiet" on:click=move |_| draft.set(None)>"Cancel"</button>
                <Show when=move || draft.with(|d| d.as_ref().is_some_and(|d| d.saved_as.is_some()))>
                    <button class="button danger" on:click=delete>"Delete this routine"</button>
                </Show>
            </div>
        </section>
    }
}

/// One phase of the builder: its steps with time, order and remove
/// controls, and a way to add another of its exercises.
fn phase_editor(
    plan: &Plan,
    phase: Phase,
    draft: RwSignal<Option<Draft>>,
) -> impl IntoView + use<> {
    let change = move |f: &dyn Fn(&mut Draft)| edit_draft(draft, f);
    let steps = plan
        .steps
        .iter()
        .enumerate()
        .filter_map(|(index, step)| exercise::by_id(&step.exercise).map(|e| (index, step, e)))
        .filter(|(_, _, e)| e.phase == phase)
        .map(|(index, step, e)| {
            let id = e.id;
            let can_up = plan.move_target(index, Direction::Up).is_some();
            let can_down = plan.move_target(index, Direction::Down).is_some();
            let secs = step.secs;
            let set_secs = move |secs: u32, control: &'static str| {
                change(&|d| {
                    d.plan.set_secs(index, secs);
                });
                refocus(format!("{id}-{control}"));
            };
            let shift = move |direction: Direction, control: &'static str| {
                change(&|d| {
                    d.plan.move_step(index, direction);
                });
                refocus(format!("{id}-{control}"));
            };
            let sides = step.sides_note(e);
            let step_sides = step.sides;
            let at_limit = secs >= builder::longest_secs(id);
            view! {
                <li class="builder-step">
                    <span class="builder-name">{e.name}</span>
                    <span class="builder-time">
                        <button
                            id=format!("{id}-less")
                            class="button"
                            aria-label=format!("{}: {TIME_STEP} seconds less", e.name)
                            disabled={secs <= *builder::STEP_SECS.start()}
                            on:click=move |_| set_secs(secs.saturating_sub(TIME_STEP), "less")
                        >"−"</button>
                        <span>{format!("{}{sides}", spoken(i64::from(secs)))}</span>
                        <button
                            id=format!("{id}-more")
                            class="button"
                            aria-label=format!("{}: {TIME_STEP} seconds more", e.name)
                            disabled={at_limit}
                            on:click=move |_| set_secs(secs + TIME_STEP, "more")
                        >"+"</button>
                    </span>
                    {at_limit.then(|| view! { <p class="muted small builder-limit">{e.limit_reason()}</p> })}
                    {e.per_side.then(|| {
                        let current = step_sides;
                        let options = Sides::ALL
                            .map(|choice| view! { <option value=choice.label() selected=choice == current>{choice.label()}</option> })
                            .collect_view();
                        view! {
                            <select
                                class="builder-sides"
                                aria-label=format!("{}: sides", e.name)
                                on:change=move |ev| {
                                    let label = event_target_value(&ev);
                                    if let Some(choice) = Sides::ALL.into_iter().find(|c| c.label() == label) {
                                        change(&|d| d.plan.steps[index].sides = choice);
                                    }
                                }
                            >
                                {options}
                            </select>
                        }
                    })}
                    <span class="builder-order">
                        <button
                            id=format!("{id}-up")
                            class="button"
                            aria-label=format!("Move {} up", e.name)
                            disabled=!can_up
                            on:click=move |_| shift(Direction::Up, "up")
                        >"↑"</button>
                        <button
                            id=format!("{id}-down")
                            class="button"
                            aria-label=format!("Move {} down", e.name)
                            disabled=!can_down
                            on:click=move |_| shift(Direction::Down, "down")
                        >"↓"</button>
                        <button
                            class="button"
                            aria-label=format!("Remove {}", e.name)
                            on:click=move |_| {
                                let removed = draft.with_untracked(|d| d.as_ref().and_then(|d| {
                                    let mut plan = d.plan.clone();
                                    plan.remove_step(index).map(|r| (plan, r))
                                }));
                                if let Some((plan, removed)) = removed {
                                    change(&|d| d.plan = plan.clone());
                                    draft.update(|d| d.iter_mut().for_each(|d| d.removed = Some(removed.clone())));
                                    refocus("undo-remove".into());
                                }
                            }
                        >"✕"</button>
                    </span>
                </li>
            }
        })
        .collect_view();
    let available: Vec<&'static exercise::Exercise> = LIBRARY
        .iter()
        .filter(|e| e.phase == phase && !plan.steps.iter().any(|s| s.exercise == e.id))
        .collect();
    let picked = RwSignal::new(available.first().map(|e| e.id));
    let select_id = format!("add-{}", phase.name().to_lowercase());
    let add = move |_| {
        if let Some(id) = picked.get_untracked() {
            change(&|d| {
                d.plan.add_exercise(id);
            });
        }
    };
    let options = available
        .iter()
        .map(|e| view! { <option value=e.id>{e.name}</option> })
        .collect_view();
    view! {
        <h3>{format!("{}. {}", phase.number(), phase.name())}</h3>
        <ul class="plain-list">{steps}</ul>
        {(!available.is_empty()).then(|| view! {
            <div class="builder-add">
                <label for=select_id.clone()>{format!("Add to {}", phase.name())}</label>
                <select
                    id=select_id.clone()
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        picked.set(exercise::by_id(&value).map(|e| e.id));
                    }
                >
                    {options}
                </select>
                <button class="button" on:click=add>"Add"</button>
            </div>
        })}
    }
}
