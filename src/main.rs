fn main() {
    console_error_panic_hook::set_once();
    spinewise::web::marks::mark("spinewise:start");
    leptos::mount::mount_to_body(spinewise::app::App);
    // The static shell in index.html has done its job.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("shell") {
        shell.remove();
    }
    // Today is built synchronously, so it is on screen now. (Other pages load
    // their own code first, src/pages/lazy.rs: for those few milliseconds
    // only the header and the navigation show.)
    spinewise::web::marks::mark("spinewise:ready");
}
