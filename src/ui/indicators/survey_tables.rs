//! The survey and self-assessment view: the share of surveyed enterprises
//! applying each system or tool, and the readiness bands per module. Each
//! count links to the enterprises or assessments behind it.

use super::data::{behind_href, IndicatorData};
use super::figures::DashboardFigures;
use crate::format::{format_int, format_percent};
use crate::i18n::Msg;
use crate::indicators::Period;
use crate::readiness::Band;
use crate::ui::i18n::{tr, use_lang};
use leptos::prelude::*;

/// The id in a link for a survey row: `survey--iso_9001`.
pub fn survey_link_id(row: &str) -> String {
    format!("survey--{row}")
}

/// The id in a link for a readiness band: `readiness--<form>--<band>`.
pub fn readiness_link_id(form: &str, band: Band) -> String {
    format!("readiness--{form}--{}", band.key())
}

#[component]
pub fn SurveyTables(data: IndicatorData, figures: DashboardFigures, period: Signal<Period>, unit: Signal<Option<String>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <table class="data-table compact ind-survey" data-testid="indicator-survey">
            <caption>{tr(Msg::IndSurveyTitle)}</caption>
            <thead><tr>
                <th scope="col">{tr(Msg::IndSystemOrTool)}</th>
                <th scope="col" class="num">{tr(Msg::IndApplying)}</th>
                <th scope="col" class="num">{tr(Msg::IndShare)}</th>
                <th scope="col" class="num">{tr(Msg::IndCertified)}</th>
            </tr></thead>
            // The rows are made again when the surveys read change (their form gives the rows);
            // a change of period or unit sets only their numbers and links (`ProgressTable` says why).
            <tbody>
                {move || data.surveys.with(|facts| facts.rows.iter().enumerate().map(|(i, row)| {
                    let applying = move || figures.surveys.with(|s| s.applying.get(i).copied().unwrap_or(0));
                    let systems = row.question == crate::indicators::survey_view::SYSTEMS;
                    let link = survey_link_id(&row.id);
                    let label = row.label.clone();
                    view! {
                        <tr>
                            <th scope="row">{move || label.get(lang.get()).to_string()}</th>
                            <td class="num"><a href=move || behind_href(&link, period.get(), unit.get().as_deref()) data-testid=format!("survey-applying-{}", row.id)>{move || format_int(applying() as i64, lang.get())}</a></td>
                            <td class="num">{move || figures.surveys.with(|s| s.share(applying())).map_or_else(|| "—".into(), |x| format_percent(x, lang.get()))}</td>
                            <td class="num">{move || if systems { format_int(figures.surveys.with(|s| s.certified.get(i).copied().unwrap_or(0)) as i64, lang.get()) } else { "—".into() }}</td>
                        </tr>
                    }
                }).collect_view())}
            </tbody>
            <tfoot><tr>
                <th scope="row">{tr(Msg::IndSurveyed)}</th>
                <td class="num" data-testid="survey-surveyed">{move || format_int(figures.surveys.with(|s| s.surveyed) as i64, lang.get())}</td>
                <td></td><td></td>
            </tr></tfoot>
        </table>
        <p class="muted">{tr(Msg::IndSurveyNote)}</p>
        <table class="data-table compact ind-readiness" data-testid="indicator-readiness">
            <caption>{tr(Msg::IndReadinessTitle)}</caption>
            <thead><tr>
                <th scope="col">{tr(Msg::IndModule)}</th>
                {Band::ALL.into_iter().map(|b| view! { <th scope="col" class="num">{move || lang.get().band(b)}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {move || {
                    let l = lang.get();
                    let (p, u) = (period.get(), unit.get());
                    figures.bands.with(|counts| data.assessments.with(|a| a.with_counts(counts).map(|((form_id, short), c)| view! {
                        <tr>
                            <th scope="row">{short.get(l).to_string()}</th>
                            {Band::ALL.into_iter().zip(c).map(|(b, n)| view! {
                                <td class="num"><a href=behind_href(&readiness_link_id(form_id, b), p, u.as_deref())>{format_int(*n as i64, l)}</a></td>
                            }).collect_view()}
                        </tr>
                    }).collect_view()))
                }}
            </tbody>
        </table>
        <p class="muted">{tr(Msg::IndReadinessNote)}</p>
    }
}
