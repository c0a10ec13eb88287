//! What the dashboard shows below its record counts, from a chunk of its own
//! (`split_pages::dashboard_indicators`): the plan's indicators against their targets for a
//! period and unit (`ui/indicators/`), year by year, by unit, the survey and self-assessment
//! view, the charts; then the register's counts by size class and by unit.

use super::dashboard::{counted, DashboardCounts};
use super::i18n::{tr, use_lang};
use super::indicators::{period_choices, DashboardFigures, IndicatorCharts, IndicatorData, ProgressTable, SurveyTables, TrendTable, UnitTable};
use super::state::Register;
use crate::format::format_int;
use crate::i18n::{size_msg, Msg};
use crate::indicators::Period;
use crate::model::size_class::SizeClass;
use leptos::prelude::*;

/// The period and unit filters, the indicators' tables and charts, and the register's counts by
/// size class and by unit.
#[component]
pub fn DashboardIndicators() -> impl IntoView {
    let register = expect_context::<Register>();
    let DashboardCounts { by_size } = expect_context::<DashboardCounts>();
    let lang = use_lang();
    let this_year = crate::web::browser::today().get(..4).and_then(|y| y.parse::<i32>().ok()).unwrap_or(2026);
    let chosen_period = RwSignal::new(Period::term_of_year(this_year.clamp(Period::TERM_2021.from, Period::TERM_2026.to)));
    let chosen_unit = RwSignal::new(None::<String>);
    let (period, unit): (Signal<Period>, Signal<Option<String>>) = (chosen_period.into(), chosen_unit.into());
    let data = IndicatorData::new(register);
    let figures = DashboardFigures::new(data, period, unit);
    let by_unit = Memo::new(move |_| {
        let counts = register.registry.with(|r| r.count_by_unit());
        let mut rows: Vec<(Option<String>, usize)> = counts.into_iter().collect();
        crate::sort::sort_by(&mut rows, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        rows
    });
    let register_count = move |n: usize| counted(register.register_read.get(), n, lang.get());
    view! {
            <section class="ind-dashboard" data-testid="indicators">
                <div class="filters no-print">
                    <div class="field">
                        <label for="ind-period">{tr(Msg::IndPeriod)}</label>
                        <select id="ind-period" data-testid="ind-period" on:change=move |ev| { if let Some(p) = Period::parse(&event_target_value(&ev)) { chosen_period.set(p); } }>
                            {period_choices().into_iter().map(|p| view! { <option value=p.key() prop:selected=move || period.get() == p>{p.key()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="ind-unit">{tr(Msg::IndUnit)}</label>
                        <select id="ind-unit" data-testid="ind-unit" on:change=move |ev| { let v = event_target_value(&ev); chosen_unit.set((!v.is_empty()).then_some(v)); }>
                            <option value="" prop:selected=move || unit.get().is_none()>{tr(Msg::IndWholeProvince)}</option>
                            {move || register.units.with(|u| u.units.iter().map(|x| (x.id.clone(), x.label(lang.get()))).collect::<Vec<_>>()).into_iter().map(|(id, name)| {
                                let v = id.clone();
                                view! { <option value=id prop:selected=move || unit.get().as_deref() == Some(v.as_str())>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <ProgressTable data=data figures=figures period=period unit=unit/>
                <TrendTable figures=figures period=period unit=unit/>
                <UnitTable figures=figures period=period/>
                <SurveyTables data=data figures=figures period=period unit=unit/>
                <IndicatorCharts data=data figures=figures period=period/>
            </section>
            <div class="two-columns">
                <table class="data-table compact">
                    <caption>{tr(Msg::BySize)}</caption>
                    <tbody>
                        {move || {
                            let counts = by_size.get();
                            SizeClass::ALL.iter().map(|s| Some(*s)).chain([None]).map(|s| {
                                let n = counts.get(&s).copied().unwrap_or(0);
                                view! { <tr data-testid="by-size-row" data-size=s.map_or("", SizeClass::key)><th scope="row">{tr(size_msg(s))}</th><td class="num">{register_count(n)}</td></tr> }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
                <table class="data-table compact">
                    <caption>{tr(Msg::ByUnit)}</caption>
                    <tbody>
                        {move || by_unit.get().into_iter().map(|(unit, n)| {
                            let key = unit.clone().unwrap_or_default();
                            let name = move || match &unit {
                                Some(id) => register.units.with(|u| u.display_name(id, lang.get())),
                                None => lang.get().t(Msg::NoUnit).to_string(),
                            };
                            view! { <tr data-testid="by-unit-row" data-unit=key><th scope="row">{name}</th><td class="num">{move || format_int(n as i64, lang.get())}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
    }
}
