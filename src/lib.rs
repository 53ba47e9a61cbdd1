//! Spinewise: a daily decompress → activate → mobilize routine for chronic
//! back pain, kept entirely on the patient's phone.
//!
//! `domain` is pure Rust tested natively; everything else is the browser app.

pub mod a11y;
pub mod app;
mod clock;
pub mod components;
mod cues;
pub mod domain;
mod files;
mod folder;
pub mod pages;
mod persist;
mod pwa;
pub mod state;
pub mod storage;
mod wake_lock;
