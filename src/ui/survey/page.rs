//! The route of one survey: opens it (`open::FilledPage`) in the editor,
//! headed by the enterprise surveyed.

use super::editor::{EditorTexts, FilledEditor};
use super::open::{FilledPage, Opening};
use super::open_record::{load, Pending, Version};
use crate::model::record::RecordKind;
use crate::web::record_store;
use std::sync::Arc;
use crate::i18n::Msg;
use crate::model::survey::Survey;
use crate::ui::i18n::use_lang;
use crate::ui::state::Register;
use leptos::prelude::*;

const TEXTS: EditorTexts = EditorTexts {
    testid: "survey-editor",
    back_href: "/surveys",
    back: Msg::BackToSurveys,
    not_found: Msg::SurveyNotFound,
    form_missing: Msg::FormMissing,
    done: Msg::StatusComplete,
    finish: Msg::MarkComplete,
    finished: Msg::SurveyCompleted,
    done_read_only: Msg::CompleteReadOnly,
    reopen: Msg::EditSurvey,
    conflict: Msg::ConflictSurveyTitle,
    history: Msg::SurveyHistory,
};

#[component]
pub fn SurveyPage() -> impl IntoView {
    view! { <FilledPage load={load::<Survey>} texts=TEXTS editor=editor fresh=fresh/> }
}

/// The new survey a "survey this enterprise" address names, not stored yet.
fn fresh(register: Register, id: String, enterprise_id: String) -> Pending<Option<Version>> {
    Box::pin(async move {
        // An id from the address that no record can have (`..%2Fx` decodes to `../x`): stored, it
        // would have no page, and every file this laptop writes would be refused.
        if !crate::sync::file::is_record_id(&id) {
            return None;
        }
        // An id already stored (a deleted survey's tombstone, or a row this build cannot read) is never made afresh.
        if record_store().get_row(Survey::KIND, &id).await.ok()?.is_some() {
            return None;
        }
        register.fresh_survey(id, &enterprise_id).map(|r| Arc::new(r) as Version)
    })
}

fn editor(opening: Opening) -> AnyView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let enterprise_id = opening.record.filled().enterprise_id().unwrap_or_default().to_string();
    let (title, version) = (opening.form.title.clone(), opening.form.version);
    let heading = move || {
        let id = enterprise_id.clone();
        let id_for_facts = enterprise_id.clone();
        let name = move || register.registry.with(|r| r.get(&id).map(|e| e.payload.name.clone())).unwrap_or_else(|| lang.get().t(Msg::UnknownEnterprise).to_string());
        let title = title.clone();
        // Who is surveyed, as the register has them: the survey does not ask again.
        let facts_id = id_for_facts.clone();
        let facts = move || register.registry.with(|r| r.get(&facts_id).map(|e| {
            let e = &e.payload;
            [e.tax_code.as_ref().map(|t| format!("{} {t}", lang.get().t(Msg::FieldTaxCode))), Some(e.address.clone()).filter(|a| !a.is_empty())]
                .into_iter().flatten().collect::<Vec<_>>().join(" · ")
        })).unwrap_or_default();
        view! {
            <h1>
                <a href=format!("/enterprises/{enterprise_id}") data-testid="survey-enterprise">{name}</a>
            </h1>
            <p class="muted" data-testid="survey-enterprise-facts">{facts}</p>
            <p class="muted" data-testid="survey-form-title">{move || lang.get().form_version(title.get(lang.get()), version)}</p>
        }
    };
    view! { <FilledEditor opening=opening texts=TEXTS heading=heading/> }.into_any()
}
