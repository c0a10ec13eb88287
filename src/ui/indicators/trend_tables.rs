//! Year by year, and by administrative unit: each indicator's actual value,
//! every cell a link to the records behind it.

use super::data::{behind_href, NO_UNIT};
use super::data::unit_row_label;
use super::figures::DashboardFigures;
use crate::format::format_int;
use crate::i18n::Msg;
use crate::indicators::{shipped, Period};
use crate::ui::i18n::{tr, use_lang};
use crate::table::HtmlRows;
use crate::ui::state::Register;
use leptos::prelude::*;

#[component]
pub fn TrendTable(figures: DashboardFigures, period: Signal<Period>, unit: Signal<Option<String>>) -> impl IntoView {
    let lang = use_lang();
    let defs = shipped();
    // The years change with the term only: a row's cells are made again then, and a change
    // of year or unit sets their numbers and links (`ProgressTable` says why).
    let term = Memo::new(move |_| period.get().term_or_self());
    let rows = defs.indicators.iter().enumerate().map(|(k, def)| {
        let id = def.id.as_str();
        let cells = move || term.get().years().map(|y| {
            let value = move || {
                let l = lang.get();
                let v = figures.trend.with(|rows| rows.get(k).and_then(|(_, years)| years.iter().find(|(x, _)| *x == y)).map_or(0, |(_, f)| f.value));
                format_int(v as i64, l)
            };
            view! {
                <td class="num"><a href=move || behind_href(id, Period::year(y), unit.get().as_deref()) data-testid=format!("trend-{id}-{y}")>{value}</a></td>
            }
        }).collect_view();
        view! {
            <tr>
                <th scope="row">{move || def.label.get(lang.get()).to_string()}</th>
                {cells}
            </tr>
        }
    }).collect_view();
    view! {
        <table class="data-table compact ind-trend" data-testid="indicator-trend">
            <caption>{tr(Msg::IndTrendTitle)}</caption>
            <thead><tr>
                <th scope="col">{tr(Msg::IndIndicator)}</th>
                {move || term.get().years().map(|y| view! { <th scope="col" class="num">{y}</th> }).collect_view()}
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
pub fn UnitTable(figures: DashboardFigures, period: Signal<Period>) -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let defs = shipped();
    view! {
        <table class="data-table compact ind-units" data-testid="indicator-units">
            <caption>{tr(Msg::IndBreakdownTitle)}</caption>
            <thead><tr>
                <th scope="col">{tr(Msg::IndUnit)}</th>
                {move || { let l = lang.get(); defs.indicators.iter().map(|i| view! { <th scope="col" class="num">{i.label.get(l).to_string()}</th> }).collect_view() }}
            </tr></thead>
            // A row per unit, a link per indicator: set as escaped markup (`HtmlRows` says why).
            <tbody inner_html=move || {
                let l = lang.get();
                let p = period.get();
                let mut rows = HtmlRows::new();
                figures.units.with(|table| register.units.with(|units| {
                    for (u, values) in table {
                        rows.row().header(&unit_row_label(units, u.as_deref(), l));
                        let key = u.as_deref().unwrap_or(NO_UNIT);
                        // Nothing counted in a unit lists nothing: a plain 0, which also keeps the
                        // province's table small (about 600 of its 1,122 cells at 13,000 enterprises
                        // over a term). A figure of 0 with records behind it (a course with no
                        // expert qualified) keeps its link.
                        for (i, v) in defs.indicators.iter().zip(values) {
                            match v {
                                None => rows.number(&format_int(0, l)),
                                Some(n) => rows.number_link(&behind_href(&i.id, p, Some(key)), &format_int(*n as i64, l)),
                            };
                        }
                    }
                }));
                rows.finish()
            }></tbody>
        </table>
        <p class="muted">{tr(Msg::IndBreakdownNote)}</p>
    }
}
