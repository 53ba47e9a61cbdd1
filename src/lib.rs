//! Spinewise: a daily decompress → activate → mobilize routine for chronic
//! back pain, kept entirely on the patient's phone.
//!
//! Four layers, each using only those below it (docs/architecture.md):
//! `pages` (routes) → `components` (shared widgets) → `state`/`persist`
//! (the store in context) → `web` (browser adapters) → `domain` (pure
//! rules, tested natively). `app` wires them together.

pub mod app;
pub mod components;
pub mod domain;
pub mod pages;
pub mod persist;
pub mod state;
pub mod web;
