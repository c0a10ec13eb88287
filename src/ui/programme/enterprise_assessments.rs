//! An enterprise's self-assessments, on its page: when, on which
//! questionnaire, how far it got and its readiness score.

use crate::format::{format_iso_date, format_percent};
use crate::i18n::Msg;
use crate::model::assessment::AssessmentStatus;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use leptos::prelude::*;

#[component]
pub fn EnterpriseAssessments(enterprise_id: String) -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let readiness = crate::ui::readiness::EnterpriseReadiness::new(register, Signal::stored(enterprise_id.clone()));
    let report_href = format!("/readiness-report/{enterprise_id}");
    let rows = move || {
        let l = lang.get();
        readiness.listed.with(|list| {
            list.iter()
                .map(|a| {
                    let p = &a.payload;
                    let submitted = p.status == AssessmentStatus::Submitted;
                    let title = register.forms.with(|f| f.get(&p.form_id, p.form_version).map(|form| form.title.get(l).to_string())).unwrap_or_else(|| p.form_id.clone());
                    view! {
                        <tr data-testid="enterprise-assessment-row">
                            <td>{p.assessed_on().map(format_iso_date).unwrap_or_else(|| "—".into())}</td>
                            <td>{title}</td>
                            <td><span class="badge" class:badge-done=submitted>{l.assessment_status(p.status)}</span></td>
                            <td class="num">{l.answered_of(p.answered, p.total)}</td>
                            <td class="num" data-testid="enterprise-assessment-readiness">{p.readiness.map(|x| format_percent(x, l)).unwrap_or_else(|| "—".into())}</td>
                            <td class="no-print"><a href=format!("/self-assessment/{}", a.id)>{tr(Msg::Open)}</a></td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="subsection" data-testid="enterprise-assessments">
            <h2>{tr(Msg::AssessmentsOfEnterprise)}</h2>
            {move || {
                if !register.assessments.ready.get() {
                    return view! { <p class="muted" role="status">{tr(Msg::Loading)}</p> }.into_any();
                }
                let rows = rows();
                if rows.is_empty() {
                    return view! { <p class="muted" data-testid="no-enterprise-assessments">{tr(Msg::NoAssessmentsOfEnterprise)}</p> }.into_any();
                }
                view! {
                    <table class="data-table small">
                        <thead><tr>
                            <th scope="col">{tr(Msg::ColAssessmentDate)}</th><th scope="col">{tr(Msg::ColQuestionnaire)}</th>
                            <th scope="col">{tr(Msg::ColStatus)}</th><th scope="col" class="num">{tr(Msg::ColProgress)}</th>
                            <th scope="col" class="num">{tr(Msg::ColReadiness)}</th><th scope="col" class="no-print"></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <crate::ui::readiness::ReadinessSummary of=readiness/>
                    <p class="no-print"><a href=report_href.clone() class="button" data-testid="open-report">{tr(Msg::PrintResult)}</a></p>
                }.into_any()
            }}
        </section>
    }
}
