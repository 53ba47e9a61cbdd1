//! The patient's choices for how the player guides them.

use std::fmt;
use std::ops::RangeInclusive;

use chrono::NaiveTime;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::exercise::{Equipment, EquipmentSet};
use super::plan::{Emphasis, Pacing, Plan, Swap};
use super::readiness::Readiness;

/// Player settings; every field has a default so older saved data loads.
/// `Copy`, so two tabs' settings merge by plain assignment.
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
    /// Breather of at least this long after every exercise but the last, 0–30 s.
    pub rest_secs: u32,
    /// Speaking speed in percent of normal, 50–200.
    pub voice_rate: u16,
    /// The voice the patient picked; `None` for the phone's default.
    #[serde(deserialize_with = "voice_name_or_none")]
    pub voice_name: Option<VoiceName>,
    /// The extras the patient has; exercises needing others are swapped.
    /// A new patient starts with none, so the first routine needs no pull-up
    /// bar or foam roller they may not have (walkthrough #4). Settings saved
    /// before this field existed (schema 1 and 2) ran the routine with every
    /// extra, and keep doing so.
    #[serde(default = "every_extra")]
    pub equipment: EquipmentSet,
    /// Time of day for the calendar reminder, in local time.
    pub reminder: Option<NaiveTime>,
    /// Which part of the routine gets extra time.
    pub emphasis: Emphasis,
    /// The emergency number the patient set; `None` uses the locale's.
    #[serde(
        deserialize_with = "phone_number_or_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub emergency_number: Option<PhoneNumber>,
    /// The exercise-readiness answers; exercises they rule out are swapped.
    #[serde(default)]
    pub readiness: Readiness,
    /// The first-run set-up was finished or skipped (absent before version 7).
    #[serde(default, skip_serializing_if = "is_false")]
    pub set_up: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

// Settings must stay `Copy` (no heap field): two tabs' settings merge by
// plain assignment. A field that breaks this stops the build here.
const _: () = {
    const fn stays_copy<T: Copy>() {}
    stays_copy::<Settings>()
};

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

/// A short text kept inline (not in a `String`) so that `Settings` stays
/// `Copy`. Saved as a plain string.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct InlineText<const CAPACITY: usize> {
    len: u8,
    bytes: [u8; CAPACITY],
}

/// A speech voice's name; real voice names are well under half this long.
pub type VoiceName = InlineText<127>;

/// The phone number the emergency button calls: digits, and a leading +.
pub type PhoneNumber = InlineText<15>;

impl<const CAPACITY: usize> InlineText<CAPACITY> {
    /// Longest text kept, in bytes.
    pub const CAPACITY: usize = CAPACITY;

    /// `None` for an empty text or one too long to keep.
    pub fn new(text: &str) -> Option<Self> {
        let len = u8::try_from(text.len())
            .ok()
            .filter(|&len| len > 0 && usize::from(len) <= CAPACITY)?;
        let mut bytes = [0; CAPACITY];
        bytes[..text.len()].copy_from_slice(text.as_bytes());
        Some(InlineText { len, bytes })
    }

    pub fn as_str(&self) -> &str {
        // The bytes were copied whole from a `&str`, so they are valid UTF-8.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl PhoneNumber {
    /// The number typed in Settings, spaces and dashes dropped; `None`
    /// unless it is 2 to 15 digits (a leading + allowed).
    pub fn parse(typed: &str) -> Option<PhoneNumber> {
        let number: String = typed.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        let digits = number.strip_prefix('+').unwrap_or(&number);
        (digits.len() >= 2 && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| PhoneNumber::new(&number))
            .flatten()
    }
}

impl<const CAPACITY: usize> fmt::Debug for InlineText<CAPACITY> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl<const CAPACITY: usize> Serialize for InlineText<CAPACITY> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A saved name that cannot be kept falls back to the default voice
/// instead of making the whole document unreadable.
fn voice_name_or_none<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<VoiceName>, D::Error> {
    let name = Option::<String>::deserialize(deserializer)?;
    Ok(name.as_deref().and_then(VoiceName::new))
}

/// A saved number that is not a phone number falls back to the locale's.
fn phone_number_or_none<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<PhoneNumber>, D::Error> {
    let number = Option::<String>::deserialize(deserializer)?;
    Ok(number.as_deref().and_then(PhoneNumber::parse))
}

/// Longest count-in offered.
pub const MAX_GET_READY_SECS: u32 = 10;
/// Longest rest between exercises offered.
pub const MAX_REST_SECS: u32 = 30;
/// Speaking speeds offered, in percent of normal.
pub const VOICE_RATE_PERCENT: RangeInclusive<u16> = 50..=200;
/// Pause between the two sides of an exercise.
const SWITCH_SECS: u32 = 5;

/// The equipment of settings saved before patients could say what they have.
fn every_extra() -> EquipmentSet {
    EquipmentSet::ALL
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            sound: true,
            vibration: true,
            voice: true,
            keep_awake: true,
            get_ready_secs: 5,
            theme: Theme::System,
            rest_secs: 0,
            voice_rate: 100,
            voice_name: None,
            equipment: EquipmentSet::FLOOR_ONLY,
            reminder: None,
            emphasis: Emphasis::Balanced,
            emergency_number: None,
            readiness: Readiness::default(),
            set_up: false,
        }
    }
}

/// One change the patient makes on the Settings page. Numbers are kept
/// inside the range the player supports, whatever the control sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingChange {
    Sound(bool),
    Vibration(bool),
    Voice(bool),
    KeepAwake(bool),
    GetReadySecs(u32),
    RestSecs(u32),
    VoiceRatePercent(u32),
    VoiceName(Option<VoiceName>),
    Theme(Theme),
    /// Whether the patient has this piece of equipment.
    Equipment(Equipment, bool),
    Reminder(Option<NaiveTime>),
    /// The first-run set-up was finished or skipped.
    SetUpEnded,
}

impl Settings {
    /// Makes one change the patient chose.
    pub fn apply(&mut self, change: SettingChange) {
        match change {
            SettingChange::SetUpEnded => self.set_up = true,
            SettingChange::Sound(on) => self.sound = on,
            SettingChange::Vibration(on) => self.vibration = on,
            SettingChange::Voice(on) => self.voice = on,
            SettingChange::KeepAwake(on) => self.keep_awake = on,
            SettingChange::GetReadySecs(secs) => self.get_ready_secs = secs.min(MAX_GET_READY_SECS),
            SettingChange::RestSecs(secs) => self.rest_secs = secs.min(MAX_REST_SECS),
            SettingChange::VoiceRatePercent(percent) => {
                let (low, high) = (*VOICE_RATE_PERCENT.start(), *VOICE_RATE_PERCENT.end());
                self.voice_rate = u16::try_from(percent).map_or(high, |p| p.clamp(low, high));
            }
            SettingChange::VoiceName(name) => self.voice_name = name,
            SettingChange::Theme(theme) => self.theme = theme,
            SettingChange::Equipment(item, have) => {
                self.equipment = self.equipment.with(item, have)
            }
            SettingChange::Reminder(time) => self.reminder = time,
        }
    }

    /// Two tabs' settings in one, field by field: each field this tab
    /// changed since `base` keeps this tab's value, every other field takes
    /// `theirs`. Two tabs that changed different settings keep both changes.
    pub fn three_way(&self, base: &Settings, theirs: &Settings) -> Settings {
        use serde_json::Value;
        let fields = |s: &Settings| match serde_json::to_value(s) {
            Ok(Value::Object(map)) => map,
            _ => serde_json::Map::new(),
        };
        let (mine, base) = (fields(self), fields(base));
        let mut merged = fields(theirs);
        let mut names: std::collections::BTreeSet<&String> = std::collections::BTreeSet::new();
        names.extend(mine.keys().chain(base.keys()));
        for name in names {
            match (mine.get(name), base.get(name)) {
                (mine, base) if mine == base => {}
                (Some(value), _) => {
                    merged.insert(name.clone(), value.clone());
                }
                // An optional field this tab cleared.
                (None, _) => {
                    merged.remove(name);
                }
            }
        }
        serde_json::from_value(Value::Object(merged)).unwrap_or(*self)
    }

    /// The pauses a new session runs with.
    pub fn pacing(&self) -> Pacing {
        Pacing {
            get_ready_secs: self.get_ready_secs.min(MAX_GET_READY_SECS),
            switch_secs: SWITCH_SECS,
        }
    }

    /// The plan a new session runs: exercises the patient lacks the
    /// equipment for or that a readiness answer rules out swapped, and
    /// their rest between exercises added.
    pub fn session_plan(&self, plan: &Plan) -> Plan {
        plan.for_patient(self.equipment, &self.readiness)
            .0
            .with_rest_between(self.rest_secs.min(MAX_REST_SECS))
    }

    /// The number the emergency button calls: the patient's own, else the
    /// usual one for the phone's locale.
    pub fn emergency_number(&self, locale: &str) -> String {
        self.emergency_number.map_or_else(
            || super::red_flags::emergency_number_for(locale).to_string(),
            |n| n.as_str().to_string(),
        )
    }

    /// What [`Settings::session_plan`] swaps in `plan`, and why, for the
    /// routine overview to show.
    pub fn session_swaps(&self, plan: &Plan) -> Vec<Swap> {
        plan.for_patient(self.equipment, &self.readiness).1
    }

    /// The speech rate to give the speech engine, 1.0 being normal.
    pub fn speech_rate(&self) -> f32 {
        let percent = self
            .voice_rate
            .clamp(*VOICE_RATE_PERCENT.start(), *VOICE_RATE_PERCENT.end());
        f32::from(percent) / 100.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_setting_change_keeps_numbers_in_the_range_the_player_supports() {
        let mut settings = Settings::default();
        settings.apply(SettingChange::GetReadySecs(MAX_GET_READY_SECS + 1));
        settings.apply(SettingChange::RestSecs(MAX_REST_SECS + 1));
        assert_eq!(
            (settings.get_ready_secs, settings.rest_secs),
            (MAX_GET_READY_SECS, MAX_REST_SECS)
        );
        settings.apply(SettingChange::GetReadySecs(3));
        assert_eq!(settings.get_ready_secs, 3);
        let (low, high) = (*VOICE_RATE_PERCENT.start(), *VOICE_RATE_PERCENT.end());
        for (sent, kept) in [
            (0, low),
            (u32::from(high) + 1, high),
            (u32::MAX, high),
            (120, 120),
        ] {
            settings.apply(SettingChange::VoiceRatePercent(sent));
            assert_eq!(settings.voice_rate, kept, "sent {sent}");
        }
    }

    #[test]
    fn a_setting_change_touches_only_its_own_field() {
        let before = Settings::default();
        let mut after = before;
        after.apply(SettingChange::Equipment(
            Equipment::Bar,
            !before.equipment.has(Equipment::Bar),
        ));
        assert_ne!(after.equipment, before.equipment);
        assert_eq!(
            Settings {
                equipment: before.equipment,
                ..after
            },
            before
        );
        after.apply(SettingChange::Theme(Theme::Dark));
        after.apply(SettingChange::Sound(!before.sound));
        assert_eq!((after.theme, after.sound), (Theme::Dark, !before.sound));
    }

    #[test]
    fn two_tabs_that_changed_different_settings_keep_both_changes() {
        let base = Settings::default();
        let mine = Settings {
            sound: !base.sound,
            ..base
        };
        let theirs = Settings {
            rest_secs: base.rest_secs + 5,
            emergency_number: PhoneNumber::parse("112"),
            ..base
        };
        let merged = mine.three_way(&base, &theirs);
        assert_eq!(merged.sound, mine.sound);
        assert_eq!(merged.rest_secs, theirs.rest_secs);
        assert_eq!(merged.emergency_number, theirs.emergency_number);
        // The same field changed in both: this tab's stands, as before.
        let also_sound = Settings {
            sound: base.sound,
            voice: !base.voice,
            ..mine
        };
        let merged = also_sound.three_way(&mine, &theirs);
        assert_eq!((merged.sound, merged.voice), (base.sound, !base.voice));
        // An optional setting cleared here stays cleared.
        let cleared = Settings {
            emergency_number: None,
            ..theirs
        };
        assert_eq!(cleared.three_way(&theirs, &theirs).emergency_number, None);
        assert_eq!(base.three_way(&base, &base), base);
    }

    #[test]
    fn the_emergency_number_is_the_patients_own_or_the_locales() {
        let mut settings = Settings::default();
        assert_eq!(settings.emergency_number("en-GB"), "999");
        settings.emergency_number = PhoneNumber::parse("+44 20 7946-0000");
        assert_eq!(settings.emergency_number("en-GB"), "+442079460000");
        assert_eq!(PhoneNumber::parse("1"), None);
        assert_eq!(PhoneNumber::parse("call 112"), None);
        assert_eq!(PhoneNumber::parse("1234567890123456"), None);
        assert_eq!(
            PhoneNumber::parse("000")
                .map(|n| n.as_str().to_string())
                .as_deref(),
            Some("000")
        );
        let saved: Settings =
            serde_json::from_str(r#"{"emergency_number":"not a number"}"#).unwrap();
        assert_eq!(saved.emergency_number, None);
        let json = serde_json::to_string(&Settings::default()).unwrap();
        assert!(!json.contains("emergency_number"));
    }

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

    #[test]
    fn settings_saved_by_schema_v2_load_with_the_new_defaults() {
        let v2 = r#"{"sound":true,"vibration":true,"voice":true,"keep_awake":true,"get_ready_secs":5,"theme":"System"}"#;
        let settings: Settings = serde_json::from_str(v2).unwrap();
        assert_eq!(
            settings,
            Settings {
                equipment: EquipmentSet::ALL,
                ..Settings::default()
            }
        );
        assert_eq!(settings.rest_secs, 0);
        assert_eq!(settings.voice_rate, 100);
        assert_eq!(settings.voice_name, None);
        assert_eq!(settings.equipment, EquipmentSet::ALL);
        assert_eq!(settings.reminder, None);
        assert_eq!(settings.emphasis, Emphasis::Balanced);
        assert_eq!(settings.readiness, Readiness::default());
    }

    #[test]
    fn every_new_setting_survives_a_save_and_load() {
        let settings = Settings {
            rest_secs: 20,
            voice_rate: 125,
            voice_name: VoiceName::new("Daniel (English (United Kingdom))"),
            equipment: EquipmentSet::FLOOR_ONLY.with(Equipment::Wall, true),
            reminder: NaiveTime::from_hms_opt(7, 30, 0),
            emphasis: Emphasis::Activate,
            readiness: Readiness::answered(
                NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
                ["leg-pain"],
            ),
            ..Settings::default()
        };
        let json = serde_json::to_string(&settings).unwrap();
        assert!(json.contains(r#""readiness":{"yes":["leg-pain"],"day":"2025-03-01"}"#));
        assert!(json.contains(r#""voice_name":"Daniel (English (United Kingdom))""#));
        assert!(json.contains(r#""equipment":["Wall"]"#));
        assert!(json.contains(r#""reminder":"07:30:00""#));
        assert_eq!(serde_json::from_str::<Settings>(&json).unwrap(), settings);
    }

    #[test]
    fn a_voice_name_keeps_any_script_and_refuses_empty_or_overlong_names() {
        let name = VoiceName::new("Amélie (français – Canada)").unwrap();
        assert_eq!(name.as_str(), "Amélie (français – Canada)");
        assert_eq!(format!("{name:?}"), r#""Amélie (français – Canada)""#);
        assert_eq!(VoiceName::new(""), None);
        let longest = "é".repeat(VoiceName::CAPACITY / 2) + "a";
        assert_eq!(
            VoiceName::new(&longest).map(|n| n.as_str().len()),
            Some(127)
        );
        assert_eq!(VoiceName::new(&(longest + "a")), None);
    }

    #[test]
    fn an_overlong_saved_voice_name_falls_back_to_the_default_voice() {
        let json = format!(r#"{{"sound":false,"voice_name":"{}"}}"#, "x".repeat(200));
        let settings: Settings = serde_json::from_str(&json).unwrap();
        assert_eq!(settings.voice_name, None);
        assert!(!settings.sound);
        let cleared: Settings = serde_json::from_str(r#"{"voice_name":null}"#).unwrap();
        assert_eq!(cleared.voice_name, None);
    }

    #[test]
    fn the_speech_rate_is_a_factor_kept_between_half_and_double() {
        let rate = |voice_rate| {
            Settings {
                voice_rate,
                ..Settings::default()
            }
            .speech_rate()
        };
        assert_eq!(rate(100), 1.0);
        assert_eq!(rate(150), 1.5);
        assert_eq!(rate(10), 0.5);
        assert_eq!(rate(500), 2.0);
    }

    #[test]
    fn a_new_patients_routine_needs_nothing_but_the_floor() {
        let seed = Plan::seed();
        let first = Settings::default().session_plan(&seed);
        assert_eq!(first.steps.len(), seed.steps.len());
        for (step, exercise) in first.resolved() {
            assert!(
                EquipmentSet::FLOOR_ONLY.has(exercise.equipment),
                "{} needs {:?}",
                step.exercise,
                exercise.equipment
            );
        }
        assert_eq!(
            first.total_secs(Pacing::default()),
            seed.total_secs(Pacing::default())
        );
        let everything = Settings {
            equipment: EquipmentSet::ALL,
            ..Settings::default()
        };
        assert_eq!(everything.session_plan(&seed), seed);
    }

    #[test]
    fn the_session_plan_swaps_missing_equipment_and_adds_capped_rest() {
        let settings = Settings {
            rest_secs: 99,
            equipment: EquipmentSet::ALL.with(Equipment::Bar, false),
            ..Settings::default()
        };
        let plan = settings.session_plan(&Plan::seed());
        assert_eq!(plan.steps[0].exercise, "supported-childs-pose");
        assert_eq!(plan.steps[0].rest_secs, MAX_REST_SECS);
        assert_eq!(plan.steps.last().map(|s| s.rest_secs), Some(0));
    }

    #[test]
    fn settings_saved_before_the_readiness_check_load_with_nothing_ruled_out() {
        let settings: Settings = serde_json::from_str(r#"{"emphasis":"Mobilize"}"#).unwrap();
        assert_eq!(settings.readiness, Readiness::default());
        assert_eq!(settings.readiness.day(), None);
        let json = serde_json::to_string(&Settings::default()).unwrap();
        assert!(json.ends_with(r#""readiness":{"yes":[]}}"#), "{json}");
    }

    #[test]
    fn the_session_plan_swaps_what_an_answer_rules_out_and_lists_why() {
        let everything = Settings {
            equipment: EquipmentSet::ALL,
            ..Settings::default()
        };
        let settings = Settings {
            readiness: Readiness::answered(
                NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
                ["hip-replacement"],
            ),
            ..everything
        };
        let seed = Plan::seed();
        let plan = settings.session_plan(&seed);
        assert!(plan.steps.iter().all(|s| s.exercise != "knees-to-chest"));
        let swaps = settings.session_swaps(&seed);
        assert_eq!(swaps.len(), 1);
        assert_eq!(
            (swaps[0].from, swaps[0].to),
            ("knees-to-chest", "legs-on-chair")
        );
        assert!(swaps[0].reason.contains("hip replacement"));
        assert_eq!(everything.session_swaps(&seed), []);
    }
}
