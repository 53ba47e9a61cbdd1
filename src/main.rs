fn main() {
    console_error_panic_hook::set_once();
    spinewise::app::mark("spinewise:start");
    leptos::mount::mount_to_body(spinewise::app::App);
    // The static shell in index.html has done its job.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("shell") {
        shell.remove();
    }
    // The first view is built synchronously, so Today is on screen now.
    spinewise::app::mark("spinewise:ready");
}
