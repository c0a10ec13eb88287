//! The log of exports, imports, undos and resolved conflicts: who, when,
//! which files (name and checksum), and what changed.

use super::kind_label::kind_msg;
use super::status::SyncStatus;
use crate::i18n::Msg;
use crate::sync::local::{self, AuditAction, AuditEntry};
use crate::ui::i18n::{tr, use_lang};
use crate::web::{browser, record_store};
use leptos::prelude::*;
use leptos::task::spawn_local;

fn action_msg(a: AuditAction) -> Msg {
    match a {
        AuditAction::Export => Msg::ActionExport,
        AuditAction::Import => Msg::ActionImport,
        AuditAction::Undo => Msg::ActionUndo,
        AuditAction::Resolve => Msg::ActionResolve,
        AuditAction::Merge => Msg::ActionMerge,
    }
}

#[component]
pub fn AuditLog() -> impl IntoView {
    let status = expect_context::<SyncStatus>();
    let lang = use_lang();
    let log = RwSignal::new(Vec::<AuditEntry>::new());
    Effect::new(move |_| {
        status.revision.track();
        spawn_local(async move {
            // An unreadable log shows as empty; the records themselves are unaffected.
            log.set(local::load_audit(&record_store()).await.unwrap_or_default());
        });
    });
    let offset = browser::utc_offset_minutes();
    view! {
        <section class="card" data-testid="audit-log">
            <h2>{tr(Msg::AuditTitle)}</h2>
            {move || {
                let entries = log.get();
                if entries.is_empty() {
                    return view! { <p class="muted">{tr(Msg::AuditEmpty)}</p> }.into_any();
                }
                let l = lang.get();
                view! {
                    <table class="data-table small">
                        <thead><tr>
                            <th scope="col">{tr(Msg::ColWhen)}</th><th scope="col">{tr(Msg::ColAction)}</th>
                            <th scope="col">{tr(Msg::ColWho)}</th><th scope="col">{tr(Msg::ColFile)}</th><th scope="col">{tr(Msg::ColChanges)}</th>
                        </tr></thead>
                        <tbody>
                            {entries.into_iter().rev().map(|e| {
                                let who = if e.officer.is_empty() { e.device_id.clone() } else { e.officer.clone() };
                                let files = e.files.iter().map(|f| format!("{} (SHA-256 {}…)", f.name, f.checksum.get(..12).unwrap_or(&f.checksum))).collect::<Vec<_>>().join("; ");
                                let changes = e.counts.iter().filter_map(|c| {
                                    let kind = l.t(kind_msg(&c.kind));
                                    if e.action == AuditAction::Export {
                                        return (c.exported > 0).then(|| format!("{kind}: {}", crate::format::format_int(c.exported as i64, l)));
                                    }
                                    // Kinds the import left as they were are not listed.
                                    (c.new + c.updated + c.conflicts + c.deleted > 0).then(|| format!("{kind}: {}", l.imported(c.new, c.updated, c.conflicts, c.deleted).split_once(": ").map_or(String::new(), |(_, rest)| rest.trim_end_matches('.').to_string())))
                                }).collect::<Vec<_>>().join("; ");
                                // An undo lists what the import it took back had changed.
                                let changes = if e.action == AuditAction::Undo && !changes.is_empty() { format!("{}: {changes}", l.t(Msg::AuditTakenBack)) } else { changes };
                                view! {
                                    <tr data-testid="audit-entry">
                                        <td>{crate::format::format_date_time(e.at_ms, offset)}</td>
                                        <td data-testid="audit-action">{l.t(action_msg(e.action))}</td>
                                        <td>{who}</td>
                                        <td class="mono small" data-testid="audit-files">{files}</td>
                                        <td data-testid="audit-changes">{changes}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
