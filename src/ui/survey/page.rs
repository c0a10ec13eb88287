//! The route of one survey: finds it and its form, moves a draft to the
//! latest form version, and opens the editor.

use super::editor::SurveyEditor;
use crate::i18n::Msg;
use crate::ui::i18n::tr;
use crate::ui::state::{LoadStatus, Register};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SurveyPage() -> impl IntoView {
    let register = expect_context::<Register>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    move || {
        if register.status.with(|s| *s == LoadStatus::Loading) || !register.surveys_ready.get() {
            return None;
        }
        let id = id.get();
        // Read once: the editor keeps its own copy, and its saves must not rebuild it.
        let Some(record) = register.surveys.with_untracked(|s| s.iter().find(|r| r.id == id && !r.deleted).cloned()) else {
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
