//! The pages of one activity: a new one (`/activities/new`, optionally
//! `?kind=…&enterprise=…`), and a recorded one (`/activities/:id`) with its
//! history and deletion.

use super::form::ActivityForm;
use super::history::ActivityHistory;
use super::store::ActivitySaveError;
use crate::i18n::Msg;
use crate::model::activity::{activity_type, Activity};
use crate::model::activity_draft::ActivityDraft;
use crate::model::record::Record;
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::started_on::StartedOn;
use crate::ui::state::{Flash, FlashKind, LoadStatus, Register};
use crate::web::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;
use crate::ui::router::{use_navigate, use_page_query, use_params_map};

#[component]
pub fn NewActivityPage() -> impl IntoView {
    let register = expect_context::<Register>();
    let query = use_page_query();
    let loaded = Memo::new(move |_| register.status.with(|s| *s != LoadStatus::Loading));
    move || {
        if !loaded.get() {
            return None;
        }
        let (kind, enterprise) = query.with(|q| (q.get("kind").unwrap_or_default(), q.get("enterprise").unwrap_or_default()));
        // Only a kind still offered; anything else leaves the choice to the officer.
        let kind = activity_type(&kind).filter(|t| !t.retired).map(|t| t.id.clone()).unwrap_or_default();
        let mut draft = ActivityDraft::new(&kind, &browser::today());
        // Opened from an enterprise's page: linked to it, in its unit.
        if let Some(unit) = register.registry.with_untracked(|r| r.get(&enterprise).map(|e| e.payload.admin_unit_id.clone())) {
            draft.enterprise_ids.push(enterprise);
            draft.unit = unit.unwrap_or_default();
        }
        Some(view! {
            <section class="page narrow" data-testid="activity-page">
                <p><a href="/activities" data-testid="back-to-activities">{tr(Msg::NavActivities)}</a></p>
                <h1 data-testid="page-title">{tr(Msg::NewActivityTitle)}</h1>
                <ActivityForm draft current=RwSignal::new(None)/>
            </section>
        })
    }
}

#[component]
pub fn ActivityPage() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    move || {
        if !register.activities.ready.get() {
            return view! { <p class="banner" role="status">{tr(Msg::Loading)}</p> }.into_any();
        }
        let id = id.get();
        // Untracked: a save elsewhere must not rebuild the form the officer is typing in.
        let record = register.activities.records.with_untracked(|all| all.iter().find(|r| r.id == id && !r.deleted).cloned());
        match record {
            Some(r) => {
                let draft = ActivityDraft::from_activity(&r.payload, lang.get_untracked());
                view! { <ActivityEditor record=r draft/> }.into_any()
            }
            None => view! {
                <section class="page">
                    <p><a href="/activities">{tr(Msg::NavActivities)}</a></p>
                    <p class="empty" data-testid="activity-not-found">{tr(Msg::ActivityNotFound)}</p>
                </section>
            }
            .into_any(),
        }
    }
}

#[component]
fn ActivityEditor(record: Record<Activity>, draft: ActivityDraft) -> impl IntoView {
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    let lang = use_lang();
    let navigate = use_navigate();
    let current = RwSignal::new(Some(record));
    let confirm_open = RwSignal::new(false);
    let title = move || current.with(|c| c.as_ref().map(|r| r.payload.title.clone()).unwrap_or_default());
    let on_delete = Callback::new(move |_| {
        let navigate = navigate.clone();
        let Some(seen) = current.get_untracked() else { return };
        let started_on = StartedOn::here();
        spawn_local(async move {
            match register.delete_activity(seen).await {
                Ok(()) => started_on.finish(&navigate, flash, "/activities", FlashKind::Success, vec![Msg::ActivityDeleted]),
                Err(ActivitySaveError::Changed(stored)) => {
                    let _ = current.try_set(Some(*stored));
                    started_on.deletion_failed(flash, FlashKind::Warning, Msg::ActivityDeleteChanged, Msg::LeftChangedElsewhere);
                }
                Err(ActivitySaveError::InConflict) => started_on.deletion_failed(flash, FlashKind::Warning, Msg::EditInConflict, Msg::LeftChangedElsewhere),
                Err(ActivitySaveError::Store(e)) => started_on.deletion_failed(flash, FlashKind::Error, e.msg(), e.left_msg()),
            }
        });
    });
    view! {
        <section class="page narrow" data-testid="activity-page">
            <p><a href="/activities" data-testid="back-to-activities">{tr(Msg::NavActivities)}</a></p>
            <div class="page-heading">
                <h1 data-testid="page-title">{move || { let t = title(); if t.is_empty() { lang.get().t(Msg::EditActivityTitle).to_string() } else { t } }}</h1>
                <div class="actions">
                    <button type="button" class="button danger" data-testid="delete-activity"
                        disabled=move || register.read_only() on:click=move |_| confirm_open.set(true)>{tr(Msg::Delete)}</button>
                </div>
            </div>
            <ActivityForm draft current/>
            <ActivityHistory current/>
            <ConfirmDialog open=confirm_open title=Msg::ConfirmDeleteActivityTitle confirm_label=Msg::Delete on_confirm=on_delete
                body=Signal::derive(move || lang.get().confirm_delete_activity(&title()))/>
        </section>
    }
}
