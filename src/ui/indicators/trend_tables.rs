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
    view! {
        <table class="data-table compact ind-trend" data-testid="indicator-trend">
            <caption>{tr(Msg::IndTrendTitle)}</caption>
            <thead><tr>
                <th scope="col">{tr(Msg::IndIndicator)}</th>
                {move || period.get().term_or_self().years().map(|y| view! { <th scope="col" class="num">{y}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {move || {
                    let l = lang.get();
                    let u = unit.get();
                    figures.trend.with(|rows| rows.iter().map(|(id, years)| {
                        let label = defs.get(id).map(|d| d.label.get(l).to_string()).unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{label}</th>
                                {years.iter().map(|(y, fig)| view! {
                                    <td class="num"><a href=behind_href(id, Period::year(*y), u.as_deref()) data-testid=format!("trend-{id}-{y}")>{format_int(fig.value as i64, l)}</a></td>
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view())
                }}
            </tbody>
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
                        for (i, v) in defs.indicators.iter().zip(values) {
                            rows.number_link(&behind_href(&i.id, p, Some(key)), &format_int(v.unwrap_or(0) as i64, l));
                        }
                    }
                }));
                rows.finish()
            }></tbody>
        </table>
        <p class="muted">{tr(Msg::IndBreakdownNote)}</p>
    }
}
