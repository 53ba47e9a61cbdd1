//! User Timing marks: the start-up stages the benchmark and the load-time
//! test read from the page.

/// Marks this moment as `name` on the page's performance timeline.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
