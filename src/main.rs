fn main() {
    console_error_panic_hook::set_once();
    spinewise::app::mark("spinewise:start");
    leptos::mount::mount_to_body(spinewise::app::App);
    // The first view is built synchronously, so Today is on screen now.
    spinewise::app::mark("spinewise:ready");
}
