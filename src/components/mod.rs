//! Widgets used by more than one page.

pub mod checkin_form;
pub mod figure;
pub mod notice;
pub mod pain_scale;
pub mod update_banner;
