//! "Recently deleted": every deleted record of every kind this laptop holds,
//! newest deletion first, each with a button that brings it back as it was
//! (a new version, `deletion::Register::restore`). The tombstones are what
//! file sync already keeps, so nothing extra is stored for this page.

use super::deletion::{Restorable, RestoreError};
use super::i18n::{tr, use_lang};
use super::state::{Flash, FlashKind, Register};
use crate::format::format_date_time;
use crate::i18n::Msg;
use crate::model::enterprise::Enterprise;
use crate::model::assessment::Assessment;
use crate::model::record::Record;
use crate::model::survey::Survey;
use crate::store::summary::SummaryOf;
use crate::sync::kinds::SyncKind;
use crate::web::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use std::sync::Arc;

/// The most rows shown at once; older deletions are counted below them.
const SHOWN: usize = 200;

/// One deleted record, of whichever kind.
#[derive(Clone)]
struct DeletedRow {
    kind: Msg,
    id: String,
    label: String,
    /// When it was deleted (the tombstone's stamp, which orders deletions made in the same millisecond too).
    deleted: crate::model::clock::Hlc,
    by: String,
    restore: Arc<dyn Fn() + Send + Sync>,
}

#[component]
pub fn RecentlyDeletedPage() -> impl IntoView {
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    let lang = use_lang();
    let offset = browser::utc_offset_minutes();
    let restore = move |run: Pending| {
        spawn_local(async move {
            match run.await {
                Ok(()) => flash.show(FlashKind::Success, vec![Msg::RestoredDeleted]),
                Err(e) => flash.show(FlashKind::Warning, vec![e.msg()]),
            }
        });
    };

    // Forms are named by their titles, from the definitions.
    let ready = move || {
        register.register_read.get() && register.surveys.ready.get() && register.assessments.ready.get() && register.activities.ready.get() && register.forms_settled()
    };
    let rows = move || {
        if !ready() {
            return Vec::new();
        }
        let l = lang.get();
        // Deleted enterprises are kept beside the register, which lists the living.
        let gone_names: HashMap<String, String> =
            register.registry.with(|r| r.tombstones().map(|r| (r.id.clone(), format!("{} {}", r.payload.name, l.t(Msg::DeletedMark)))).collect());
        let name = |id: &str| register.registry.with_untracked(|r| r.get(id).map(|e| e.payload.name.clone())).or_else(|| gone_names.get(id).cloned());
        // A form is named by its title, not its id: "Công ty X · Phiếu khảo sát…".
        let form_title = |form_id: &str| register.forms.with_untracked(|f| f.latest(form_id).map(|f| f.title.get(l).to_string()));
        let mut rows = Vec::new();
        let label = |r: &Record<Enterprise>| r.payload.label(&name);
        register.registry.with(|r| push::<Enterprise, _>(&mut rows, r.tombstones(), &label, register, restore));
        // Surveys and self-assessments are listed from their summaries; a restore reads the whole tombstone.
        let survey_label = |r: &Record<SummaryOf<Survey>>| filled_label(r.payload.as_ref(), &name, &form_title);
        register.surveys.records.with(|all| push::<Survey, _>(&mut rows, all.iter().filter(|r| r.deleted), &survey_label, register, restore));
        let assessment_label = |r: &Record<SummaryOf<Assessment>>| filled_label(r.payload.as_ref(), &name, &form_title);
        register.assessments.records.with(|all| push::<Assessment, _>(&mut rows, all.iter().filter(|r| r.deleted), &assessment_label, register, restore));
        let activity_label = |r: &Record<crate::model::activity::Activity>| r.payload.label(&name);
        register.activities.records.with(|all| push::<crate::model::activity::Activity, _>(&mut rows, all.iter().filter(|r| r.deleted), &activity_label, register, restore));
        crate::sort::sort_by(&mut rows, |a, b| b.deleted.cmp(&a.deleted));
        rows
    };

    view! {
        <section class="page">
            <p class="no-print"><a href="/enterprises">{tr(Msg::BackToList)}</a></p>
            <h1 data-testid="page-title" tabindex="-1">{tr(Msg::RecentlyDeletedTitle)}</h1>
            <p class="hint">{tr(Msg::RecentlyDeletedHelp)}</p>
            {move || {
                if !ready() {
                    return view! { <p class="muted" role="status">{tr(Msg::Loading)}</p> }.into_any();
                }
                let all = rows();
                if all.is_empty() {
                    return view! { <p class="empty" data-testid="nothing-deleted">{tr(Msg::NothingDeleted)}</p> }.into_any();
                }
                let more = all.len().saturating_sub(SHOWN);
                view! {
                    <table class="data-table deleted-table" data-testid="deleted-table">
                        <thead><tr>
                            <th scope="col">{tr(Msg::ColKind)}</th>
                            <th scope="col">{tr(Msg::ColRecord)}</th>
                            <th scope="col">{tr(Msg::ColDeletedAt)}</th>
                            <th scope="col">{tr(Msg::ColDeletedBy)}</th>
                            <th scope="col"><span class="visually-hidden">{tr(Msg::RestoreDeleted)}</span></th>
                        </tr></thead>
                        <tbody>
                            {all.into_iter().take(SHOWN).map(|row| {
                                let run = row.restore.clone();
                                view! {
                                    <tr data-testid="deleted-row" data-id=row.id.clone()>
                                        <td>{tr(row.kind)}</td>
                                        <td data-testid="deleted-label">{row.label.clone()}</td>
                                        <td>{format_date_time(row.deleted.ms, offset)}</td>
                                        <td>{row.by.clone()}</td>
                                        <td><button type="button" class="button" data-testid="restore" disabled=move || register.read_only()
                                            on:click=move |_| run()>{tr(Msg::RestoreDeleted)}</button></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    {(more > 0).then(|| view! { <p class="muted">{move || lang.get().more_deleted(more)}</p> })}
                }.into_any()
            }}
        </section>
    }
}

type Pending = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), RestoreError>>>>;

/// A survey or self-assessment as the page names it: whom it is about, and the form's title.
fn filled_label(payload: &dyn crate::model::filled::FilledForm, name: &dyn Fn(&str) -> Option<String>, title: &dyn Fn(&str) -> Option<String>) -> String {
    let who = payload.enterprise_id().map(|id| name(id).unwrap_or_else(|| id.to_string())).unwrap_or_else(|| "—".to_string());
    format!("{who} · {}", title(payload.form_id()).unwrap_or_else(|| payload.form_id().to_string()))
}

/// Adds the deleted records of one kind `T` (as its list holds them, `L`) to the page's rows.
fn push<'a, T: Restorable, L: 'a>(
    rows: &mut Vec<DeletedRow>,
    deleted: impl Iterator<Item = &'a Record<L>>,
    label: &dyn Fn(&Record<L>) -> String,
    register: Register,
    restore: impl Fn(Pending) + Copy + Send + Sync + 'static,
) {
    for tomb in deleted {
        let (id, seen) = (tomb.id.clone(), tomb.version.clone());
        rows.push(DeletedRow {
            kind: T::NAME,
            id: tomb.id.clone(),
            label: label(tomb),
            deleted: tomb.updated.clone(),
            by: tomb.author().to_string(),
            restore: Arc::new(move || {
                let (id, seen) = (id.clone(), seen.clone());
                restore(Box::pin(async move { register.restore::<T>(&id, &seen).await.map(|_| ()) }))
            }),
        });
    }
}
