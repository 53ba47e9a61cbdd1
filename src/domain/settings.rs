//! The patient's choices for how the player guides them.

use serde::{Deserialize, Serialize};

use super::plan::Pacing;

/// Player settings; every field has a default so older saved data loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Short tones for the count-in, switching sides and the end of each exercise.
    pub sound: bool,
    /// Buzz patterns where the phone supports them.
    pub vibration: bool,
    /// Read out each exercise's name and first cue.
    pub voice: bool,
    /// Keep the screen on while a routine runs.
    pub keep_awake: bool,
    /// Count-in before each exercise, 0–10 s.
    pub get_ready_secs: u32,
    pub theme: Theme,
}

/// Light or dark colours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the phone's setting.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// Every choice, in the order offered.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The `data-theme` value the stylesheet reads.
    pub fn attribute(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Label in Settings.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Same as the phone",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

/// Longest count-in offered.
pub const MAX_GET_READY_SECS: u32 = 10;
/// Pause between the two sides of an exercise.
const SWITCH_SECS: u32 = 5;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            sound: true,
            vibration: true,
            voice: true,
            keep_awake: true,
            get_ready_secs: 5,
            theme: Theme::System,
        }
    }
}

impl Settings {
    /// The pauses a new session runs with.
    pub fn pacing(&self) -> Pacing {
        Pacing {
            get_ready_secs: self.get_ready_secs.min(MAX_GET_READY_SECS),
            switch_secs: SWITCH_SECS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_settings_give_the_default_pacing() {
        assert_eq!(Settings::default().pacing(), Pacing::default());
    }

    #[test]
    fn an_out_of_range_count_in_is_capped() {
        let settings = Settings {
            get_ready_secs: 99,
            ..Settings::default()
        };
        assert_eq!(settings.pacing().get_ready_secs, MAX_GET_READY_SECS);
    }

    #[test]
    fn settings_saved_before_a_field_existed_still_load() {
        let settings: Settings = serde_json::from_str(r#"{"sound":false}"#).unwrap();
        assert!(!settings.sound);
        assert!(settings.voice);
    }
}
