//! Tones, buzzes and speech for the player's cues, all made on the device.
//! Each channel is feature-detected and fails silently: a cue is a help,
//! never a reason for the routine to stop.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AudioContext, AudioContextState, OscillatorType, SpeechSynthesisUtterance};

use crate::domain::cue::Cue;
use crate::domain::settings::Settings;

thread_local! {
    // One context for the whole visit: iOS only lets audio start from a tap,
    // so it is created (or resumed) by the Start and Resume taps.
    static AUDIO: RefCell<Option<AudioContext>> = const { RefCell::new(None) };
}

/// Creates or wakes the audio context; call it from a tap handler.
pub fn unlock_audio() {
    AUDIO.with(|audio| {
        let mut audio = audio.borrow_mut();
        let usable = audio
            .as_ref()
            .is_some_and(|ctx| ctx.state() != AudioContextState::Closed);
        if !usable {
            *audio = AudioContext::new().ok();
        }
        if let Some(ctx) = audio.as_ref() {
            // After a screen lock iOS can leave it "interrupted": resume either way.
            let _ = ctx.resume();
        }
    });
}

/// (frequency Hz, start ms, length ms) of each beep; every cue sounds different.
fn tones(cue: Cue) -> &'static [(f32, f64, f64)] {
    match cue {
        Cue::Countdown(_) => &[(660.0, 0.0, 110.0)],
        Cue::Go => &[(880.0, 0.0, 380.0)],
        Cue::SwitchSides => &[
            (660.0, 0.0, 140.0),
            (880.0, 200.0, 140.0),
            (660.0, 400.0, 140.0),
        ],
        Cue::ExerciseDone => &[(880.0, 0.0, 160.0), (587.0, 220.0, 260.0)],
        Cue::HoldDone => &[(587.0, 0.0, 260.0)],
        Cue::PhaseDone => &[
            (523.0, 0.0, 160.0),
            (659.0, 200.0, 160.0),
            (784.0, 400.0, 300.0),
        ],
        Cue::RoutineDone => &[
            (523.0, 0.0, 180.0),
            (659.0, 220.0, 180.0),
            (784.0, 440.0, 180.0),
            (1047.0, 660.0, 500.0),
        ],
    }
}

/// Buzz pattern in ms (on, off, on…).
fn buzz(cue: Cue) -> &'static [u32] {
    match cue {
        Cue::Countdown(_) => &[60],
        Cue::Go => &[250],
        Cue::SwitchSides => &[120, 80, 120, 80, 120],
        Cue::ExerciseDone => &[200, 100, 200],
        Cue::HoldDone => &[150, 100, 150],
        Cue::PhaseDone | Cue::RoutineDone => &[400, 150, 400],
    }
}

fn play_tones(cue: Cue) -> Result<(), JsValue> {
    AUDIO.with(|audio| {
        let audio = audio.borrow();
        let Some(ctx) = audio.as_ref() else {
            return Ok(());
        };
        if ctx.state() != AudioContextState::Running {
            let _ = ctx.resume();
        }
        let now = ctx.current_time();
        for &(freq, start_ms, len_ms) in tones(cue) {
            let osc = ctx.create_oscillator()?;
            let gain = ctx.create_gain()?;
            osc.set_type(OscillatorType::Sine);
            osc.frequency().set_value(freq);
            let start = now + start_ms / 1000.0;
            let end = start + len_ms / 1000.0;
            // A short fade in and out: loud, but no clicks.
            gain.gain().set_value_at_time(0.0, start)?;
            gain.gain()
                .linear_ramp_to_value_at_time(0.8, start + 0.01)?;
            gain.gain().set_value_at_time(0.8, end - 0.03)?;
            gain.gain().linear_ramp_to_value_at_time(0.0, end)?;
            osc.connect_with_audio_node(&gain)?;
            gain.connect_with_audio_node(&ctx.destination())?;
            osc.start_with_when(start)?;
            osc.stop_with_when(end)?;
        }
        Ok(())
    })
}

fn vibrate(cue: Cue) {
    let navigator = web_sys::window().map(|w| w.navigator());
    // Absent on iOS: detect rather than call and fail.
    let Some(navigator) =
        navigator.filter(|n| js_sys::Reflect::has(n, &"vibrate".into()).unwrap_or(false))
    else {
        return;
    };
    let pattern: js_sys::Array = buzz(cue).iter().map(|&ms| JsValue::from(ms)).collect();
    navigator.vibrate_with_pattern(&pattern);
}

/// Reads `text` aloud after anything already being read, never cutting it
/// off, at the patient's speed and in their chosen voice (when the phone
/// still has it).
pub fn say(text: &str, settings: &Settings) {
    let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return;
    };
    if let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) {
        utterance.set_rate(settings.speech_rate());
        if let Some(name) = settings.voice_name.as_ref().map(|v| v.as_str()) {
            let chosen = voices(&synth).into_iter().find(|v| v.name() == name);
            utterance.set_voice(chosen.as_ref());
        }
        synth.speak(&utterance);
    }
}

/// The voices the phone offers (an empty list until the browser has loaded them).
pub fn voices(synth: &web_sys::SpeechSynthesis) -> Vec<web_sys::SpeechSynthesisVoice> {
    synth
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into().ok())
        .collect()
}

/// Plays a cue on every channel the patient has switched on.
pub fn play(cue: Cue, settings: &Settings) {
    if settings.sound {
        let _ = play_tones(cue);
    }
    if settings.vibration {
        vibrate(cue);
    }
}
