//! Browser adapters: each wraps one web API behind plain Rust calls and
//! holds no rule of its own (the rules are in `domain`). Nothing here uses
//! `state`, `pages` or `components`.

pub mod a11y;
pub(crate) mod clock;
pub(crate) mod cues;
pub(crate) mod files;
pub(crate) mod folder;
pub mod marks;
pub(crate) mod pwa;
pub(crate) mod route;
pub mod storage;
pub mod tasks;
pub(crate) mod wake_lock;
