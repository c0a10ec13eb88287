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
