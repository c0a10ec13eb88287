//! The National Quality Award pre-check's result: points at the band
//! midpoints with their range, whether the enterprise looks eligible and
//! whether gold is in reach, and the criteria to work on first.

use super::data::{latest_award, EnterpriseReadiness};
use crate::format::format_decimal;
use crate::i18n::{Lang, Msg};
use crate::readiness::award::{AwardResult, Eligibility};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use leptos::prelude::*;

fn points(x: f64, lang: Lang) -> String {
    format_decimal(x, 1, lang)
}

fn verdict(r: &AwardResult, lang: Lang) -> String {
    match r.eligibility {
        Eligibility::Incomplete => lang.t(Msg::AwardIncomplete).to_string(),
        Eligibility::Eligible => lang.award_eligible(&points(r.rules.eligible_points, lang), r.rules.min_months),
        Eligibility::TooFewPoints => lang.award_too_few(&points(r.rules.eligible_points, lang)),
        Eligibility::TooYoung => lang.award_too_young(r.rules.min_months),
    }
}

#[component]
pub fn AwardCard(of: EnterpriseReadiness) -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let result = Memo::new(move |_| of.assessments.with(|list| latest_award(register, list)).map(|(_, r)| r));
    move || {
        let l = lang.get();
        result.get().map(|r| {
            let weakest: Vec<String> = r.weakest.iter().filter_map(|id| r.criteria.iter().find(|c| c.id == *id)).map(|c| c.label.get(l).to_string()).collect();
            let eligible = r.eligibility == Eligibility::Eligible;
            view! {
                <section class="award-card card" data-testid="award-result">
                    <h2>{tr(Msg::AwardTitle)}</h2>
                    <p class="award-total">
                        <strong data-testid="award-points">{points(r.total, l)}</strong>" / "{points(r.max, l)}" "{tr(Msg::Points)}
                        " ("<span data-testid="award-range">{format!("{}–{}", points(r.low, l), points(r.high, l))}</span>")"
                    </p>
                    <p class:good=eligible data-testid="award-eligibility">{verdict(&r, l)}</p>
                    <p data-testid="award-gold">{if r.gold_in_reach { l.award_gold_in_reach(&points(r.rules.gold_points, l)) } else { l.award_gold_needs(&points(r.rules.gold_points, l)) }}</p>
                    <table class="data-table small award-criteria">
                        <thead><tr><th scope="col">{tr(Msg::AwardCriterion)}</th><th scope="col" class="num">{tr(Msg::ColPoints)}</th><th scope="col" class="num">{tr(Msg::AwardScore)}</th></tr></thead>
                        <tbody>
                            {r.criteria.iter().map(|c| view! {
                                <tr data-testid=format!("award-criterion-{}", c.id)>
                                    <th scope="row">{c.label.get(l).to_string()}</th>
                                    <td class="num">{points(c.points, l)}</td>
                                    <td class="num">{c.score().map(|s| points(s, l)).unwrap_or_else(|| "—".into())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    {(!weakest.is_empty()).then(|| view! {
                        <p data-testid="award-weakest">{tr(Msg::AwardWorkOn)}": "{weakest.join("; ")}</p>
                    })}
                </section>
            }
        })
    }
}
