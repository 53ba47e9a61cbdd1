//! Component tests in headless Chromium: mount, act, `tick().await`, assert.
#![cfg(target_arch = "wasm32")]

use leptos::{mount::mount_to, prelude::*, task::tick};
use leptos_router::components::Router;
use spinewise::components::exercise_notes::ExerciseNotes;
use spinewise::components::pain_scale::PainScale;
use spinewise::domain::exercise::LIBRARY;
use spinewise::domain::pain::Pain;
use spinewise::domain::plan::{Pacing, Plan};
use spinewise::domain::readiness::Readiness;
use spinewise::domain::red_flags::Screening;
use spinewise::domain::session::ActiveSession;
use spinewise::domain::store::Store;
use spinewise::domain::timeline::Action;
use spinewise::pages::{routine::RoutinePage, today::TodayPage};
use spinewise::state::AppState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> HtmlElement {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

fn find(host: &HtmlElement, selector: &str) -> HtmlElement {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

/// Every element matching `selector`.
fn find_all(host: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let found = host.query_selector_all(selector).unwrap();
    (0..found.length())
        .filter_map(|i| found.item(i))
        .map(|e| e.unchecked_into::<HtmlElement>())
        .collect()
}

/// The button whose whole text is `text`, if there is one.
fn find_button(host: &HtmlElement, text: &str) -> Option<HtmlElement> {
    find_all(host, "button")
        .into_iter()
        .find(|b| b.text_content().as_deref() == Some(text))
}

fn button(host: &HtmlElement, text: &str) -> HtmlElement {
    find_button(host, text).unwrap_or_else(|| panic!("no button {text:?}"))
}

/// The browser's local date, so a check answered "today" is never 28 days old.
fn today() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap()
}

#[wasm_bindgen_test]
async fn every_exercise_shows_its_caution_and_its_easier_way_and_its_harder_one_once_earned() {
    for exercise in LIBRARY {
        let not_yet = host();
        let _early = mount_to(not_yet.clone(), move || {
            view! { <ExerciseNotes exercise good_sessions=1 easier_now=false hurt_on=None /> }
        });
        let early_text = not_yet.text_content().unwrap_or_default();
        assert!(!early_text.contains(exercise.harder), "{}", exercise.id);
        assert!(early_text.contains("(1 of 2 so far)"), "{}", exercise.id);

        let host = host();
        let _app = mount_to(host.clone(), move || {
            view! { <ExerciseNotes exercise good_sessions=2 easier_now=false hurt_on=None /> }
        });
        let text = host.text_content().unwrap_or_default();
        if let Some(caution) = exercise.caution {
            assert!(text.contains(caution), "{}", exercise.id);
            assert_eq!(
                find(&host, ".caution").get_attribute("role").as_deref(),
                Some("note")
            );
        }
        assert!(text.contains(exercise.easier), "{}", exercise.id);
        assert!(text.contains(exercise.harder), "{}", exercise.id);
        assert!(!text.contains("This hurt on"), "{}", exercise.id);
    }
    // An exercise that hurt last time says so and opens its easier way.
    let hurt = host();
    let bridge = &LIBRARY[0];
    let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 24);
    let _hurt = mount_to(hurt.clone(), move || {
        view! { <ExerciseNotes exercise=bridge good_sessions=0 easier_now=false hurt_on=on /> }
    });
    let text = hurt.text_content().unwrap_or_default();
    assert!(
        text.contains("This hurt on 24 Nov. Try the easier way: "),
        "{text}"
    );
    assert!(find(&hurt, ".variations").has_attribute("open"));
}

#[wasm_bindgen_test]
async fn tapping_a_score_on_the_pain_scale_chooses_it() {
    let host = host();
    let score = RwSignal::new(None::<Pain>);
    let _app = mount_to(host.clone(), move || {
        view! { <PainScale legend="How is your back?" name="pain-test" score /> }
    });
    find(&host, "[data-score='4'] input").click();
    tick().await;
    assert_eq!(score.get_untracked(), Pain::new(4));
    assert_eq!(
        find(&host, ".pain-chosen").text_content().as_deref(),
        Some("Chosen: 4 — moderate")
    );
}

#[wasm_bindgen_test]
async fn begin_on_the_routine_page_starts_a_session_with_the_pain_before() {
    let host = host();
    // Screened already: the first-run safety and exercise checks do not stand in the way.
    let mut store = Store {
        screenings: vec![Screening::answered(0, today(), vec![])],
        ..Store::default()
    };
    store.settings.readiness = Readiness::answered(today(), []);
    let state = AppState::new(store);
    let _app = mount_to(host.clone(), move || {
        provide_context(state);
        view! { <Router><RoutinePage /></Router> }
    });
    find(&host, "[data-score='6'] input").click();
    tick().await;
    button(&host, "Begin routine").click();
    tick().await;
    let pain_before = state
        .store
        .with_untracked(|s| s.active.as_ref().and_then(|a| a.pain_before));
    assert_eq!(pain_before, Pain::new(6));
    // A new patient's first exercise: nothing but the floor is assumed.
    assert_eq!(
        find(&host, "h1").text_content().as_deref(),
        Some("Supported child's pose")
    );
}

#[wasm_bindgen_test]
async fn today_shows_no_streak_and_the_start_button_for_a_new_patient() {
    let host = host();
    let state = AppState::new(Store::default());
    let _app = mount_to(host.clone(), move || {
        provide_context(state);
        view! { <Router><TodayPage /></Router> }
    });
    assert_eq!(
        find(&host, ".stat-value").text_content().as_deref(),
        Some("0")
    );
    assert_eq!(
        find(&host, ".today-status").text_content().as_deref(),
        Some("Not done yet today.")
    );
    assert!(find_button(&host, "Start routine").is_some());
}

#[wasm_bindgen_test]
async fn the_player_shows_the_first_exercise_and_records_a_pause() {
    let host = host();
    let state = AppState::new(Store {
        active: Some(ActiveSession::start(
            Plan::seed(),
            Pacing::default(),
            js_sys::Date::now() as i64,
        )),
        ..Store::default()
    });
    let _app = mount_to(host.clone(), move || {
        provide_context(state);
        view! { <Router><RoutinePage /></Router> }
    });
    tick().await;
    assert_eq!(
        find(&host, "h1").text_content().as_deref(),
        Some("Dead hang")
    );
    assert_eq!(
        find(&host, ".player-phase").text_content().as_deref(),
        Some("Phase 1 of 3 · Decompress")
    );
    button(&host, "Pause").click();
    tick().await;
    let actions = state.store.with_untracked(|s| {
        s.active
            .as_ref()
            .unwrap()
            .controls
            .iter()
            .map(|c| c.action)
            .collect::<Vec<_>>()
    });
    assert_eq!(actions, [Action::Pause]);
    // The one control toggles: paused, it offers to resume.
    assert!(find_button(&host, "Pause").is_none());
    assert!(find_button(&host, "Resume").is_some());
}

#[wasm_bindgen_test]
async fn turning_voice_off_in_settings_changes_the_stored_setting() {
    use spinewise::pages::settings::SettingsPage;
    let host = host();
    let state = AppState::new(Store::default());
    let _app = mount_to(host.clone(), move || {
        provide_context(state);
        view! { <Router><SettingsPage /></Router> }
    });
    let voice = find_all(&host, "label.toggle")
        .into_iter()
        .find(|l| find(l, "strong").text_content().as_deref() == Some("Voice"))
        .expect("a Voice toggle");
    find(&voice, "input[type=checkbox]").click();
    tick().await;
    assert!(!state.store.with_untracked(|s| s.settings.voice));
    assert!(state.store.with_untracked(|s| s.settings.sound));
}

#[wasm_bindgen_test]
fn stored_text_reads_back_exactly_whatever_its_characters() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let long_ascii = "Stiff after sitting; better after the walk. ".repeat(2_000);
    for text in [
        String::new(),
        "plain".to_string(),
        long_ascii.clone(),
        // One byte a unit fills the first buffer before the text ends.
        format!("{long_ascii}Ça va — mieux après la marche"),
        "😀 at the start, ü in the middle, 日本語 at the end".to_string(),
        format!("{}😀", "a".repeat(1_023)),
    ] {
        storage.set_item("web-test/text", &text).unwrap();
        assert_eq!(
            spinewise::web::storage::read_raw("web-test/text").as_deref(),
            Some(text.as_str())
        );
    }
    storage.remove_item("web-test/text").unwrap();
    assert_eq!(spinewise::web::storage::read_raw("web-test/text"), None);
}
