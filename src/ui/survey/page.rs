//! The route of one survey: finds it and its form, moves a draft to the
//! latest form version, and opens the editor.

use super::editor::SurveyEditor;
use crate::i18n::Msg;
use crate::ui::i18n::tr;
use crate::model::record::Record;
use crate::form::{Form, FormLibrary};
use crate::model::survey::{DraftRescue, Survey};
use crate::web::browser;
use crate::ui::state::{LoadStatus, Register};
use crate::web::record_store;
use leptos::task::spawn_local;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SurveyPage() -> impl IntoView {
    let register = expect_context::<Register>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // Read from the store, not the in-memory list: that may lag behind another tab's save,
    // and the page should not wait for every survey of the province to load.
    let opened = RwSignal::new(None::<(String, Option<Record<Survey>>)>);
    Effect::new(move |_| {
        let id = id.get();
        if register.status.with(|s| *s == LoadStatus::Loading) {
            return;
        }
        spawn_local(async move {
            let record = record_store().get::<Survey>(&id).await.ok().flatten().filter(|r| !r.deleted);
            let _ = opened.try_set(Some((id, record)));
        });
    });
    move || {
        // Read once per survey: the editor keeps its own copy, and its saves must not rebuild it.
        let (opened_id, record) = opened.get()?;
        if opened_id != id.get_untracked() {
            return None;
        }
        let Some(record) = record else {
            return Some(view! {
                <section class="page">
                    <p><A href="/surveys">{tr(Msg::BackToSurveys)}</A></p>
                    <p class="empty" data-testid="not-found">{tr(Msg::SurveyNotFound)}</p>
                </section>
            }.into_any());
        };
        let (own, latest) = register.forms.with_untracked(|f| (f.get(&record.payload.form_id, record.payload.form_version), f.latest(&record.payload.form_id)));
        let Some(own) = own else {
            return Some(view! {
                <section class="page">
                    <p><A href="/surveys">{tr(Msg::BackToSurveys)}</A></p>
                    <p class="banner banner-warning" data-testid="form-missing">{tr(Msg::FormMissing)}</p>
                </section>
            }.into_any());
        };
        // Answers typed just before a page on this survey went away (this tab's or a closed
        // tab's), if their write did not land: applied on the form version they were typed on,
        // then moved with the draft to the latest form, never dropped for being older.
        let rescue = register.forms.with_untracked(|f| find_rescue(&record, f));
        let mut payload = record.payload.clone();
        let mut form = own.clone();
        if let Some((_, r, on)) = &rescue {
            payload.answers = r.answers.clone();
            payload.orphans = r.orphans.clone();
            payload.form_version = on.version;
            form = on.clone();
        }
        if let Some(latest) = latest.filter(|l| payload.needs_upgrade(l)) {
            payload.move_to(&form, &latest);
            form = latest;
        }
        let upgraded_from = (record.payload.form_version < form.version).then_some(record.payload.form_version);
        let rescued = rescue.map(|(key, _, _)| key);
        let start = (payload != record.payload).then_some(payload);
        Some(view! { <SurveyEditor record=record form=form start=start upgraded_from=upgraded_from rescued=rescued/> }.into_any())
    }
}

/// The rescued answers that apply to the stored survey, with their key and
/// the form they were typed on. Rescues that can never apply (another tab or
/// device saved since, the survey was deleted, their form is unknown) are
/// proven stale and removed; one that is already stored is removed too.
fn find_rescue(record: &Record<Survey>, forms: &FormLibrary) -> Option<(String, DraftRescue, std::sync::Arc<Form>)> {
    let mut found: Option<(String, DraftRescue, std::sync::Arc<Form>)> = None;
    for (key, value) in browser::rescues_of(&record.id) {
        let Some(rescue) = read_rescue(value, record) else {
            browser::clear_rescue(&key);
            continue;
        };
        match forms.get(&record.payload.form_id, rescue.form_version) {
            // Of two that apply (two pages closed unwritten on the same version), the later
            // one is taken; the other waits: once the first is written it no longer applies.
            Some(form) if rescue.applies_to(record) => {
                if found.as_ref().is_none_or(|(_, f, _)| rescue.saved_ms > f.saved_ms) {
                    found = Some((key, rescue, form));
                }
            }
            _ => browser::clear_rescue(&key),
        }
    }
    found
}

/// A rescue as this build writes it, or as builds before per-tab rescues
/// wrote it (its base a version vector, which applies only to that exact version).
fn read_rescue(value: serde_json::Value, record: &Record<Survey>) -> Option<DraftRescue> {
    #[derive(serde::Deserialize)]
    struct Legacy {
        base: crate::model::clock::VersionVector,
        form_version: u32,
        answers: crate::form::Answers,
        orphans: Vec<crate::form::Orphan>,
    }
    match serde_json::from_value::<DraftRescue>(value.clone()) {
        Ok(r) => Some(r),
        Err(_) => {
            let old: Legacy = serde_json::from_value(value).ok()?;
            (old.base == record.version).then(|| DraftRescue {
                base: record.updated.clone(),
                in_flight: None,
                form_version: old.form_version,
                answers: old.answers,
                orphans: old.orphans,
                saved_ms: 0,
            })
        }
    }
}
