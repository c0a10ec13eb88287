//! The route of one self-assessment: opens it (`survey::FilledPage`) in the
//! survey's editor, headed by the questionnaire and the enterprise it is
//! about. The editor's `aside` is where a live readiness result goes.

use crate::i18n::Msg;
use crate::model::assessment::Assessment;
use crate::ui::i18n::use_lang;
use crate::ui::state::Register;
use crate::ui::survey::{load, EditorTexts, FilledEditor, FilledPage, Opening};
use leptos::prelude::*;

const TEXTS: EditorTexts = EditorTexts {
    testid: "assessment-editor",
    back_href: "/self-assessment",
    back: Msg::BackToAssessments,
    not_found: Msg::AssessmentNotFound,
    form_missing: Msg::AssessmentFormMissing,
    done: Msg::StatusComplete,
    finish: Msg::FinishAssessment,
    finished: Msg::AssessmentFinished,
    done_read_only: Msg::AssessmentReadOnly,
    reopen: Msg::EditAssessment,
    conflict: Msg::ConflictAssessmentTitle,
    history: Msg::AssessmentHistory,
};

#[component]
pub fn AssessmentPage() -> impl IntoView {
    view! { <FilledPage load={load::<Assessment>} texts=TEXTS editor=editor/> }
}

fn editor(opening: Opening) -> AnyView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    // Not linked to a register enterprise yet (filled on the enterprise's own device): no name to show.
    let enterprise_id = opening.record.filled().enterprise_id().map(str::to_string);
    let (title, version) = (opening.form.title.clone(), opening.form.version);
    let heading = move || {
        let title = title.clone();
        let enterprise = enterprise_id.clone().map(|id| {
            let href = format!("/enterprises/{id}");
            let name = move || register.registry.with(|r| r.get(&id).map(|e| e.payload.name.clone())).unwrap_or_else(|| lang.get().t(Msg::UnknownEnterprise).to_string());
            view! { <a href=href data-testid="survey-enterprise">{name}</a> }
        });
        view! {
            <h1 data-testid="survey-form-title">{move || lang.get().form_version(title.get(lang.get()), version)}</h1>
            <p class="muted">
                {match enterprise {
                    Some(link) => link.into_any(),
                    None => view! { <span data-testid="survey-enterprise">"—"</span> }.into_any(),
                }}
            </p>
        }
    };
    let form = opening.form.clone();
    let aside = move || view! { <crate::ui::readiness::LiveResult form=form.clone()/> };
    view! { <FilledEditor opening=opening texts=TEXTS heading=heading aside=aside/> }.into_any()
}
