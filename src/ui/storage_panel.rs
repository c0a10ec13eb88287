//! Settings: what the browser promises about this device's data, how much
//! space it uses, what has not been exported, and the export button.

use super::i18n::{tr, use_lang};
use super::state::{Flash, FlashKind, Register};
use crate::i18n::Msg;
use crate::web::{backup, browser};
use crate::store::StoreError;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Exports a backup and reports the outcome; shared by Settings, the reminder and the quota error.
pub fn export_now(register: Register, flash: Flash) {
    spawn_local(async move {
        // The export's code comes with a chunk; one that cannot be fetched is an export that failed.
        let exported = match super::split_pages::backup_export().await {
            Ok(export) => export(register).await,
            Err(_) => Err(StoreError::Other("the export's code could not be loaded".into())),
        };
        match exported {
            Ok(()) => flash.show(FlashKind::Success, vec![Msg::Exported]),
            // A file that could not be made is said so, never offered empty; the reminder stays.
            Err(StoreError::Other(_)) => flash.show(FlashKind::Error, vec![Msg::ExportFailed]),
            Err(e) => flash.show(FlashKind::Error, vec![e.msg(), Msg::ExportFailed]),
        }
    });
}

#[component]
pub fn ExportButton(#[prop(default = "export-backup")] testid: &'static str) -> impl IntoView {
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    view! {
        <button type="button" class="button primary" data-testid=testid on:click=move |_| export_now(register, flash)>
            {tr(Msg::ExportBackup)}
        </button>
    }
}

#[component]
pub fn StoragePanel() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let persisted = RwSignal::new(None::<bool>);
    let usage = RwSignal::new(None::<(f64, f64)>);
    let refresh = move || {
        spawn_local(async move {
            usage.set(backup::estimate().await);
        })
    };
    refresh();
    spawn_local(async move {
        persisted.set(backup::request_persistence().await);
    });
    let offset = browser::utc_offset_minutes();
    let unexported_text = move || {
        let (n, _) = register.unexported();
        if n == 0 {
            return lang.get().t(Msg::NothingUnexported).to_string();
        }
        let since = register.last_export.get().map(|t| crate::format::format_date_time(t.ms, offset));
        lang.get().unexported(n, since.as_deref())
    };

    view! {
        <section class="card" data-testid="storage-panel">
            <h2>{tr(Msg::StorageTitle)}</h2>
            <p data-testid="storage-persisted">
                {move || match persisted.get() {
                    Some(true) => lang.get().t(Msg::StoragePersisted),
                    _ => lang.get().t(Msg::StorageNotPersisted),
                }}
            </p>
            {move || (persisted.get() != Some(true)).then(|| view! {
                <button type="button" class="button" data-testid="request-persistence"
                    on:click=move |_| spawn_local(async move { persisted.set(backup::request_persistence().await); })>
                    {tr(Msg::RequestPersistence)}
                </button>
            })}
            <p data-testid="storage-usage">{move || usage.get().map(|(u, q)| lang.get().usage(u, q))}</p>
            <p data-testid="unexported">{unexported_text}</p>
            <ExportButton/>
        </section>
    }
}
