//! Widgets used by more than one page.

pub mod checkin_form;
pub mod concern_banner;
pub mod day_tags;
pub mod exercise_notes;
pub mod figure;
pub mod flare_plan;
pub mod folder_notice;
pub mod followup_prompt;
pub mod followup_reminders;
pub mod later;
pub mod notice;
pub mod pain_chart;
pub mod pain_scale;
pub mod pain_spike;
pub mod peg_card;
pub mod range_picker;
pub mod trial_card;
pub mod update_banner;
pub mod warning_signs;
pub mod yes_no;
