//! Browser entry point: mounts the app. Native builds have nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(nscl_tracker::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("nscl-tracker is a web app: build it with `make run`.");
}
