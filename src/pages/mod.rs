//! One file per route.

pub mod assessment;
pub mod lazy;
pub mod not_found;
pub mod plan;
pub mod progress;
pub mod readiness;
pub mod report;
pub mod routine;
pub mod safety;
pub mod settings;
pub mod setup;
pub mod today;
pub mod trial;
