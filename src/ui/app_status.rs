//! Banners about the app itself: a waiting update, and working offline.

use super::i18n::tr;
use crate::i18n::Msg;
use super::state::Register;
use super::storage_panel::ExportButton;
use crate::store::export;
use crate::web::service_worker;
use leptos::prelude::*;

#[component]
pub fn AppStatus() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = super::i18n::use_lang();
    let reminder = Memo::new(move |_| {
        let (n, oldest) = register.unexported();
        export::needs_reminder(n, oldest, crate::web::browser::now_ms()).then_some(n)
    });
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
        {move || reminder.get().map(|n| view! {
            <div class="banner banner-warning no-print reminder" role="status" data-testid="backup-reminder">
                <span>{move || lang.get().backup_reminder(n)}</span>
                <ExportButton testid="reminder-export"/>
            </div>
        })}
        <Show when=move || !online.get()>
            <p class="banner offline-notice no-print" role="status" data-testid="offline-notice">{tr(Msg::OfflineNotice)}</p>
        </Show>
    }
}
