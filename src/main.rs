//! Browser entry point: mounts the app. Native builds have nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    nscl_tracker::web::panic_guard::install();
    // The database's open is asked for first and the shell built just after, in the same turn
    // (spawned futures run in order, and the open's request goes out at its first poll): the
    // browser opens the database while the page builds and lays out the first screen.
    nscl_tracker::web::idb::open_early();
    wasm_bindgen_futures::spawn_local(async {
        // A page that opens in English first fetches the English texts, which the first
        // download leaves out (src/i18n/english.rs); a Vietnamese page does not wait at all.
        if nscl_tracker::web::browser::wanted_lang() == nscl_tracker::i18n::Lang::En {
            nscl_tracker::web::english_texts::load_at_start().await;
        }
        leptos::mount::mount_to_body(nscl_tracker::ui::App)
    });
}

/// A crash on purpose, for the end-to-end test of the panic guard
/// (`window.wasmBindings.nscl_panic_for_test()`); nothing in the app calls it,
/// and only the end-to-end build has it.
#[cfg(all(target_arch = "wasm32", feature = "test-hooks"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn nscl_panic_for_test() {
    panic!("test panic requested by nscl_panic_for_test");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("nscl-tracker is a web app: build it with `make run`.");
}
