//! Banners about the app itself: a waiting update, and working offline.

use super::i18n::tr;
use crate::i18n::Msg;
use crate::web::service_worker;
use leptos::prelude::*;

#[component]
pub fn AppStatus() -> impl IntoView {
    let update_ready = RwSignal::new(false);
    service_worker::register(move || update_ready.set(true));

    let online = RwSignal::new(web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true));
    let _ = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let _ = window_event_listener(leptos::ev::offline, move |_| online.set(false));

    view! {
        <Show when=move || update_ready.get()>
            <div class="banner banner-update no-print" role="status" data-testid="update-banner">
                <span>{tr(Msg::UpdateAvailable)}</span>
                <button type="button" class="button primary" data-testid="update-reload"
                    on:click=move |_| service_worker::activate_update()>{tr(Msg::ReloadNow)}</button>
            </div>
        </Show>
        <Show when=move || !online.get()>
            <p class="banner offline-notice no-print" role="status" data-testid="offline-notice">{tr(Msg::OfflineNotice)}</p>
        </Show>
    }
}
