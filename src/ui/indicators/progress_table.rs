//! Target against actual for each indicator: % achieved, on track or behind,
//! the 2012-2020 result beside it, and how it is counted. Every actual value
//! links to the records behind it.

use super::data::{behind_href, IndicatorData};
use super::figures::DashboardFigures;
use crate::format::{format_decimal, format_int, format_percent};
use crate::i18n::{Lang, Msg};
use crate::indicators::{shipped, Pace, Period, Progress, Target};
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
    // A row per shipped indicator, built once; a change of period or unit sets the texts and
    // links that changed. Rebuilt rows would have every attribute removed and set again
    // (`erase_components`), a sizeable part of a change at the merged province's scale.
    let rows = defs.indicators.iter().enumerate().map(|(k, def)| {
        let id = def.id.as_str();
        // This row's progress: the memo lists the shipped indicators in their order.
        let text = move |f: fn(&Progress, Lang) -> String| move || {
            let l = lang.get();
            figures.progress.with(|rows| rows.get(k).map(|(_, pr)| f(pr, l)).unwrap_or_default())
        };
        let pace = move || figures.progress.with(|rows| rows.get(k).map_or(Pace::NoTarget, |(_, pr)| pr.pace));
        let href = move || behind_href(id, period.get(), unit.get().as_deref());
        let unit_text = move || {
            let l = lang.get();
            // The plan's own yearly figure is its first term's: the later term's is raised from it.
            let per_year = def.target.filter(|t| t.per == crate::indicators::Per::Year).map(|t| format!(", {} {} {}", number(t.value, l), l.t(Msg::IndPerYearNote), defs.uplift.from_term));
            format!("({}{})", def.unit.get(l), per_year.unwrap_or_default())
        };
        let baseline = move || defs.baseline_of(id).map(|b| format!("{}{}", number(b.value, lang.get()), if b.or_more { "+" } else { "" })).unwrap_or_default();
        view! {
            <tr data-testid=format!("indicator-row-{id}")>
                <th scope="row">
                    {move || def.label.get(lang.get()).to_string()}
                    <span class="muted">" "{unit_text}</span>
                    <p class="ind-how"><strong>{tr(Msg::IndHow)}": "</strong>{move || def.how.get(lang.get()).to_string()}</p>
                </th>
                <td class="num" data-testid=format!("indicator-target-{id}")>{text(|pr, l| pr.target.as_ref().map_or_else(|| "—".into(), |t| target_text(t, l)))}</td>
                // While the activities are still read, "…": a 0 with "behind" would be a figure of nothing.
                <Show
                    when=move || data.facts_counted.get()
                    fallback=move || view! {
                        <td class="num" data-testid=format!("indicator-actual-{id}")>"…"</td>
                        <td class="num" data-testid=format!("indicator-percent-{id}")>"…"</td>
                        <td data-testid=format!("indicator-pace-{id}")></td>
                    }
                >
                    <td class="num"><a href=href data-testid=format!("indicator-actual-{id}")>{text(|pr, l| format_int(pr.actual.value as i64, l))}</a></td>
                    <td class="num" data-testid=format!("indicator-percent-{id}")>{text(|pr, l| pr.percent.map_or_else(|| "—".into(), |x| format_percent(x, l)))}</td>
                    <td><span class=move || format!("badge pace-{}", pace().key()) data-testid=format!("indicator-pace-{id}")>{move || lang.get().t(pace_msg(pace()))}</span></td>
                </Show>
                <td class="num">{baseline}</td>
            </tr>
        }
    }).collect_view();
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
            <tbody>{rows}</tbody>
        </table>
        {move || unit.get().is_some().then(|| view! { <p class="muted">{tr(Msg::IndUnitTargetNote)}</p> })}
    }
}
