use super::audit_log::AuditLog;
use super::conflicts_panel::ConflictsPanel;
use super::duplicates_panel::DuplicatesPanel;
use super::export_panel::ExportPanel;
use super::import_panel::ImportPanel;
use crate::i18n::Msg;
use crate::ui::i18n::tr;
use leptos::prelude::*;

#[component]
pub fn SyncPage() -> impl IntoView {
    // An export is what this page is opened for, often: its packs are built meanwhile.
    leptos::task::spawn_local(async {
        crate::web::browser::next_task().await;
        crate::web::export_packs::refresh().await;
    });
    view! {
        <section class="page sync-page">
            <h1 data-testid="page-title">{tr(Msg::SyncTitle)}</h1>
            <p class="hint">{tr(Msg::SyncIntro)}</p>
            <ConflictsPanel/>
            <DuplicatesPanel/>
            <ImportPanel/>
            <ExportPanel/>
            <AuditLog/>
        </section>
    }
}
