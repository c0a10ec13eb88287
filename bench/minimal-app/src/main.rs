//! A counter: the least a Leptos app does, to compare cold opens against.
use leptos::prelude::*;

#[component]
fn App() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <h1 data-testid="app-title">"Minimal Leptos"</h1>
        <button data-testid="increment" on:click=move |_| count.update(|n| *n += 1)>{move || count.get()}</button>
    }
}

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
