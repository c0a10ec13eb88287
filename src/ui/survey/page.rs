//! The route of one survey: finds it and its form, moves a draft to the
//! latest form version, and opens the editor.

use super::editor::SurveyEditor;
use crate::i18n::Msg;
use crate::ui::i18n::tr;
use crate::model::record::Record;
use crate::model::survey::Survey;
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
        let mut form = own.clone();
        let mut upgraded = None;
        if let Some(latest) = latest.filter(|l| record.payload.needs_upgrade(l)) {
            // The editor writes the moved draft at once, keeping the old version in history.
            let mut payload = record.payload.clone();
            payload.move_to(&own, &latest);
            upgraded = Some(payload);
            form = latest;
        }
        Some(view! { <SurveyEditor record=record form=form upgraded=upgraded/> }.into_any())
    }
}
