//! Year by year, and by administrative unit: each indicator's actual value,
//! every cell a link to the records behind it.

use super::data::{behind_href, IndicatorData, NO_UNIT};
use crate::format::format_int;
use crate::i18n::Msg;
use crate::indicators::{shipped, Period};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use leptos::prelude::*;

/// The years of the term the period lies in.
fn term_years(p: Period) -> Period {
    p.term().unwrap_or(p)
}

#[component]
pub fn TrendTable(data: IndicatorData, period: Signal<Period>, unit: Signal<Option<String>>) -> impl IntoView {
    let lang = use_lang();
    let defs = shipped();
    let rows = Memo::new(move |_| {
        let (p, u) = (term_years(period.get()), unit.get());
        data.facts.with(|f| defs.indicators.iter().map(|i| (i.id.clone(), f.trend(i, p, u.as_deref()))).collect::<Vec<_>>())
    });
    view! {
        <table class="data-table compact ind-trend" data-testid="indicator-trend">
            <caption>{tr(Msg::IndTrendTitle)}</caption>
            <thead><tr>
                <th scope="col">{tr(Msg::IndIndicator)}</th>
                {move || term_years(period.get()).years().map(|y| view! { <th scope="col" class="num">{y}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {move || {
                    let l = lang.get();
                    let u = unit.get();
                    rows.get().into_iter().map(|(id, years)| {
                        let label = defs.get(&id).map(|d| d.label.get(l).to_string()).unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{label}</th>
                                {years.into_iter().map(|(y, fig)| view! {
                                    <td class="num"><a href=behind_href(&id, Period::year(y), u.as_deref()) data-testid=format!("trend-{id}-{y}")>{format_int(fig.value as i64, l)}</a></td>
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()
                }}
            </tbody>
        </table>
    }
}

#[component]
pub fn UnitTable(data: IndicatorData, period: Signal<Period>) -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let defs = shipped();
    let table = Memo::new(move |_| {
        let p = period.get();
        let per: Vec<_> = data.facts.with(|f| defs.indicators.iter().map(|i| f.breakdown(i, p)).collect());
        let mut units: Vec<Option<String>> = per.iter().flat_map(|b| b.keys().cloned()).collect();
        units.sort();
        units.dedup();
        units.into_iter().map(|u| { let values = per.iter().map(|b| b.get(&u).map_or(0, |f| f.value)).collect::<Vec<_>>(); (u, values) }).collect::<Vec<_>>()
    });
    view! {
        <table class="data-table compact ind-units" data-testid="indicator-units">
            <caption>{tr(Msg::IndBreakdownTitle)}</caption>
            <thead><tr>
                <th scope="col">{tr(Msg::IndUnit)}</th>
                {move || { let l = lang.get(); defs.indicators.iter().map(|i| view! { <th scope="col" class="num">{i.label.get(l).to_string()}</th> }).collect_view() }}
            </tr></thead>
            <tbody>
                {move || {
                    let l = lang.get();
                    let p = period.get();
                    table.get().into_iter().map(|(u, values)| {
                        let name = match &u {
                            Some(id) => register.units.with(|x| x.display_label(id, l)),
                            None => l.t(Msg::IndNoUnit).to_string(),
                        };
                        let key = u.clone().unwrap_or_else(|| NO_UNIT.to_string());
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                {defs.indicators.iter().zip(values).map(|(i, v)| view! {
                                    <td class="num"><a href=behind_href(&i.id, p, Some(&key))>{format_int(v as i64, l)}</a></td>
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()
                }}
            </tbody>
        </table>
        <p class="muted">{tr(Msg::IndBreakdownNote)}</p>
    }
}
