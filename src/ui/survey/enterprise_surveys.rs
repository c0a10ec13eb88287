//! An enterprise's surveys over time, on its page, and a button to start one.

use super::start::start_survey_and_open;
use crate::format::{format_iso_date, iso_date};
use crate::i18n::Msg;
use crate::model::survey::{listed_date, of_enterprise, SurveyStatus};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use crate::web::browser;
use leptos::prelude::*;

#[component]
pub fn EnterpriseSurveys(enterprise_id: String) -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let start = start_survey_and_open();
    let offset = browser::utc_offset_minutes();
    let id = enterprise_id.clone();
    let rows = move || {
        let l = lang.get();
        let day = move |ms: i64| iso_date(ms, offset);
        register.surveys.records.with(|all| {
            of_enterprise(all, &id, &day)
                .into_iter()
                .map(|s| {
                    let complete = s.payload.status == SurveyStatus::Complete;
                    view! {
                        <tr data-testid="enterprise-survey-row">
                            <td><a href=format!("/surveys/{}", s.id) data-testid="enterprise-survey-link">{format_iso_date(&listed_date(s, &day))}</a></td>
                            <td><span class="badge" class:badge-done=complete data-testid="enterprise-survey-status">{l.survey_status(s.payload.status)}</span></td>
                            <td class="num">{l.answered_of(s.payload.answered, s.payload.total)}</td>
                            <td>{s.officer.clone()}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let start_id = enterprise_id.clone();
    view! {
        <section class="subsection" data-testid="enterprise-surveys">
            <div class="page-heading">
                <h2>{tr(Msg::SurveysOfEnterprise)}</h2>
                <button type="button" class="button primary no-print" data-testid="start-survey" disabled=move || register.read_only()
                    on:click=move |_| start(start_id.clone())>{tr(Msg::StartSurvey)}</button>
            </div>
            {move || {
                if !register.surveys.ready.get() {
                    return view! { <p class="muted" role="status">{tr(Msg::Loading)}</p> }.into_any();
                }
                let rows = rows();
                if rows.is_empty() {
                    view! { <p class="muted" data-testid="no-enterprise-surveys">{tr(Msg::NoSurveysOfEnterprise)}</p> }.into_any()
                } else {
                    view! {
                        <table class="data-table small">
                            <thead><tr>
                                <th scope="col">{tr(Msg::ColSurveyDate)}</th><th scope="col">{tr(Msg::ColStatus)}</th>
                                <th scope="col" class="num">{tr(Msg::ColProgress)}</th><th scope="col">{tr(Msg::ColOfficer)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }.into_any()
                }
            }}
        </section>
    }
}
