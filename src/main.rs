use spinewise::app::{App, AppProps};
use spinewise::web::storage::Loaded;
use spinewise::web::{marks, tasks};

fn main() {
    console_error_panic_hook::set_once();
    marks::mark("spinewise:start");
    // Instantiating the wasm is one task, reading what is saved the next,
    // drawing the app the one after (src/web/tasks.rs); the static shell
    // stays on screen until then.
    tasks::next_task(|| {
        let loaded = spinewise::persist::load();
        tasks::next_task(move || draw(loaded));
    });
}

fn draw(loaded: Loaded) {
    leptos::mount::mount_to_body(move || App(AppProps { loaded }));
    // The static shell in index.html has done its job.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("shell") {
        shell.remove();
    }
    // The top of Today is built synchronously, so it is on screen now (the
    // rest follows in later tasks). Other pages load their own code first,
    // src/pages/lazy.rs: for those few milliseconds only the header and the
    // navigation show.
    marks::mark("spinewise:ready");
}
