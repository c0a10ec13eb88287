//! Target against actual for each indicator: % achieved, on track or behind,
//! the 2012-2020 result beside it, and how it is counted. Every actual value
//! links to the records behind it.

use super::data::{behind_href, IndicatorData};
use super::figures::DashboardFigures;
use crate::format::{format_decimal, format_percent};
use crate::i18n::{Lang, Msg};
use crate::indicators::{shipped, Pace, Period, Target};
use crate::ui::i18n::{tr, use_lang};
use leptos::prelude::*;

/// A target or count: whole numbers without decimals, shares of a term with one.
pub fn number(x: f64, lang: Lang) -> String {
    format_decimal(x, 1, lang)
}

pub fn pace_msg(p: Pace) -> Msg {
    match p {
        Pace::NoTarget => Msg::IndPaceNoTarget,
        Pace::NotStarted => Msg::IndPaceNotStarted,
        Pace::Achieved => Msg::IndPaceAchieved,
        Pace::OnTrack => Msg::IndPaceOnTrack,
        Pace::Behind => Msg::IndPaceBehind,
        Pace::Missed => Msg::IndPaceMissed,
    }
}

/// "≥ 10", "~ 20", with the 2026-2030 range and its stretch end.
pub fn target_text(t: &Target, lang: Lang) -> String {
    let sign = match t.comparison {
        crate::indicators::Comparison::AtLeast => "≥ ",
        crate::indicators::Comparison::About => "~ ",
    };
    let mut out = format!("{sign}{}", number(t.value, lang));
    match (t.range, t.stretch) {
        // A range that rounds to one number is that number.
        (Some((a, b)), _) if a >= b => {}
        (Some((a, b)), _) => out.push_str(&format!(" ({} {}–{}; {} {})", lang.t(Msg::IndRange), number(a, lang), number(b, lang), lang.t(Msg::IndStretch), number(b, lang))),
        (None, Some(s)) if s > t.value => out.push_str(&format!(" ({} {})", lang.t(Msg::IndStretch), number(s, lang))),
        _ => {}
    }
    out
}

#[component]
pub fn ProgressTable(data: IndicatorData, figures: DashboardFigures, period: Signal<Period>, unit: Signal<Option<String>>) -> impl IntoView {
    let lang = use_lang();
    let defs = shipped();
    view! {
        <table class="data-table ind-progress" data-testid="indicator-progress">
            <caption>{tr(Msg::IndTitle)}</caption>
            <thead><tr>
                <th scope="col">{tr(Msg::IndIndicator)}</th>
                <th scope="col" class="num">{tr(Msg::IndTarget)}</th>
                <th scope="col" class="num">{tr(Msg::IndActual)}</th>
                <th scope="col" class="num">{tr(Msg::IndPercent)}</th>
                <th scope="col">{tr(Msg::IndPace)}</th>
                <th scope="col" class="num">{tr(Msg::IndBaseline)}</th>
            </tr></thead>
            <tbody>
                {move || {
                    let l = lang.get();
                    let (p, u) = (period.get(), unit.get());
                    let counted = data.facts_counted.get();
                    figures.progress.with(|rows| rows.iter().map(|(id, pr)| {
                        let id = id.clone();
                        let Some(def) = defs.get(&id) else { return ().into_any() };
                        let per_year = def.target.filter(|t| t.per == crate::indicators::Per::Year).map(|t| number(t.value, l));
                        let target = pr.target.as_ref().map(|t| target_text(t, l)).unwrap_or_else(|| "—".into());
                        let baseline = defs.baseline_of(&id).map(|b| format!("{}{}", number(b.value, l), if b.or_more { "+" } else { "" })).unwrap_or_default();
                        let href = behind_href(&id, p, u.as_deref());
                        let pace = pr.pace;
                        view! {
                            <tr data-testid=format!("indicator-row-{id}")>
                                <th scope="row">
                                    {def.label.get(l).to_string()}
                                    <span class="muted">" ("{def.unit.get(l).to_string()}{per_year.map(|v| format!(", {v} {}", l.t(Msg::IndPerYearNote)))}")"</span>
                                    <p class="ind-how"><strong>{l.t(Msg::IndHow)}": "</strong>{def.how.get(l).to_string()}</p>
                                </th>
                                <td class="num" data-testid=format!("indicator-target-{id}")>{target}</td>
                                // While the activities are still read, "…": a 0 with "behind" would be a figure of nothing.
                                {if counted {
                                    view! {
                                        <td class="num"><a href=href data-testid=format!("indicator-actual-{id}")>{crate::format::format_int(pr.actual.value as i64, l)}</a></td>
                                        <td class="num" data-testid=format!("indicator-percent-{id}")>{pr.percent.map(|x| format_percent(x, l)).unwrap_or_else(|| "—".into())}</td>
                                        <td><span class=format!("badge pace-{}", pace.key()) data-testid=format!("indicator-pace-{id}")>{l.t(pace_msg(pace))}</span></td>
                                    }.into_any()
                                } else {
                                    view! {
                                        <td class="num" data-testid=format!("indicator-actual-{id}")>"…"</td>
                                        <td class="num" data-testid=format!("indicator-percent-{id}")>"…"</td>
                                        <td data-testid=format!("indicator-pace-{id}")></td>
                                    }.into_any()
                                }}
                                <td class="num">{baseline}</td>
                            </tr>
                        }.into_any()
                    }).collect_view())
                }}
            </tbody>
        </table>
        {move || unit.get().is_some().then(|| view! { <p class="muted">{tr(Msg::IndUnitTargetNote)}</p> })}
    }
}
