//! Figures from the register and the records beside it: the plan's
//! indicators against their targets for a period and unit (`ui/indicators/`),
//! year by year, by unit, the survey and self-assessment view, and the
//! record counts.

use super::i18n::{tr, use_lang};
use super::state::Register;
use crate::format::format_int;
use crate::i18n::{size_msg, Msg};
use crate::model::size_class::SizeClass;
use super::indicators::{period_choices, DashboardFigures, IndicatorCharts, IndicatorData, ProgressTable, SurveyTables, TrendTable, UnitTable};
use super::lazy_page::LazyPage;
use crate::indicators::Period;
use leptos::prelude::*;

#[component]
pub fn Dashboard() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let total = move || register.registry.with(|r| r.len());
    let with_tax = move || register.registry.with(|r| r.with_tax_code());
    let by_size = Memo::new(move |_| register.registry.with(|r| r.count_by_size()));
    let sme = move || {
        by_size.with(|m| [SizeClass::Micro, SizeClass::Small, SizeClass::Medium].iter().map(|s| m.get(&Some(*s)).copied().unwrap_or(0)).sum::<usize>())
    };
    let by_unit = Memo::new(move |_| {
        let counts = register.registry.with(|r| r.count_by_unit());
        let mut rows: Vec<(Option<String>, usize)> = counts.into_iter().collect();
        crate::sort::sort_by(&mut rows, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        rows
    });
    let num = move |n: usize| format_int(n as i64, lang.get());
    // A count once its kind has been read whole; "…" until then, never a count of a part or a 0.
    let counted = move |ready: bool, n: &dyn Fn() -> usize| if ready { num(n()) } else { "…".to_string() };
    let register_count = move |n: usize| counted(register.register_read.get(), &|| n);
    // The other kinds are read after the register.
    let count_of = move |ready: RwSignal<bool>, n: Memo<usize>| move || counted(ready.get(), &|| n.get());
    let surveys = count_of(register.surveys.ready, Memo::new(move |_| register.surveys.live_count()));
    let assessments = count_of(register.assessments.ready, Memo::new(move |_| register.assessments.live_count()));
    let activities = count_of(register.activities.ready, Memo::new(move |_| register.activities.live_count()));
    // Forms kept when their enterprise was deleted (or that name one this laptop lacks) still count,
    // and the cards say how many, rather than count them silently.
    let unlinked = Memo::new(move |_| {
        // Counted once both kinds are read whole, not at each part of the first read.
        if !(register.surveys.ready.get() && register.assessments.ready.get()) {
            return (0, 0);
        }
        register.registry.with(|r| {
            let gone = |id: Option<&str>| id.is_some_and(|id| r.get(id).is_none());
            let surveys = register.surveys.records.with(|all| all.iter().filter(|s| !s.deleted && gone(Some(&s.payload.enterprise_id))).count());
            let assessments = register.assessments.records.with(|all| all.iter().filter(|a| !a.deleted && gone(a.payload.enterprise_id.as_deref())).count());
            (surveys, assessments)
        })
    });
    let unlinked_note = move |n: usize| (n > 0).then(|| view! { <span class="stat-note" data-testid="stat-unlinked">{move || lang.get().unlinked_forms(n)}</span> });
    let this_year = crate::web::browser::today().get(..4).and_then(|y| y.parse::<i32>().ok()).unwrap_or(2026);
    let period = RwSignal::new(Period::term_of_year(this_year.clamp(Period::TERM_2021.from, Period::TERM_2026.to)));
    let unit = RwSignal::new(None::<String>);
    provide_context(DashboardFilters { period: period.into(), unit: unit.into() });

    // What the page shows under its heading. The counts (and with them the indicators' chunk, about
    // 20 files) once there is something to count: the register's first rows, the other kinds once
    // read, or what could be read under the shell's error. The first steps on a device with nothing
    // on it. Nothing while that is not known yet: drawing the counts at once fetched the indicators'
    // chunk beside the store's first reads on every start, a new device's too, which never shows it.
    let shown = Memo::new(move |_| {
        use super::state::LoadStatus;
        // A large register's first rows count already: its counts say "…" until it is read whole.
        if register.registry.with(|r| !r.is_empty()) || register.still_reading().is_some_and(|(read, _)| read > 0) {
            return Shown::Counts;
        }
        let (loading, failed) = register.status.with(|s| (matches!(s, LoadStatus::Loading), matches!(s, LoadStatus::Failed(_))));
        if loading {
            return Shown::Nothing;
        }
        // What could be read, under the shell's error, or beside enterprises not read yet (an
        // earlier build's, whose reading code is missing): not a device with nothing on it.
        if failed || register.older_unread.get() {
            return Shown::Counts;
        }
        // No enterprise: the first steps only once the other kinds are read and hold nothing either.
        if ![register.surveys.ready, register.assessments.ready, register.activities.ready].iter().all(|r| r.get()) {
            Shown::Nothing
        } else if register.surveys.live_count() + register.assessments.live_count() + register.activities.live_count() == 0 {
            Shown::FirstSteps
        } else {
            Shown::Counts
        }
    });

    view! {
        <section class="page">
            <h1 data-testid="page-title">{tr(Msg::NavDashboard)}</h1>
            <Show when=move || shown.get() == Shown::FirstSteps>
                <DashboardEmpty/>
            </Show>
            <Show when=move || shown.get() == Shown::Counts>
            <p class="muted">{tr(Msg::DashboardIntro)}</p>
            <div class="stat-cards">
                <div class="stat-card"><span class="stat-value" data-testid="stat-enterprises">{move || register_count(total())}</span><span class="stat-label">{tr(Msg::StatEnterprises)}</span></div>
                <div class="stat-card"><span class="stat-value" data-testid="stat-with-tax-code">{move || register_count(with_tax())}</span><span class="stat-label">{tr(Msg::StatWithTaxCode)}</span></div>
                <div class="stat-card"><span class="stat-value" data-testid="stat-sme">{move || register_count(sme())}</span><span class="stat-label">{tr(Msg::StatSmeShare)}</span></div>
                <div class="stat-card"><span class="stat-value" data-testid="stat-surveys">{surveys}</span><span class="stat-label">{tr(Msg::StatSurveys)}</span>{move || unlinked_note(unlinked.get().0)}</div>
                <div class="stat-card"><span class="stat-value" data-testid="stat-assessments">{assessments}</span><span class="stat-label">{tr(Msg::StatAssessments)}</span>{move || unlinked_note(unlinked.get().1)}</div>
                <div class="stat-card"><span class="stat-value" data-testid="stat-activities">{activities}</span><span class="stat-label">{tr(Msg::StatActivities)}</span></div>
            </div>
            <section class="ind-dashboard" data-testid="indicators">
                <div class="filters no-print">
                    <div class="field">
                        <label for="ind-period">{tr(Msg::IndPeriod)}</label>
                        <select id="ind-period" data-testid="ind-period" on:change=move |ev| { if let Some(p) = Period::parse(&event_target_value(&ev)) { period.set(p); } }>
                            {period_choices().into_iter().map(|p| view! { <option value=p.key() prop:selected=move || period.get() == p>{p.key()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="ind-unit">{tr(Msg::IndUnit)}</label>
                        <select id="ind-unit" data-testid="ind-unit" on:change=move |ev| { let v = event_target_value(&ev); unit.set((!v.is_empty()).then_some(v)); }>
                            <option value="" prop:selected=move || unit.get().is_none()>{tr(Msg::IndWholeProvince)}</option>
                            {move || register.units.with(|u| u.units.iter().map(|x| (x.id.clone(), x.label(lang.get()))).collect::<Vec<_>>()).into_iter().map(|(id, name)| {
                                let v = id.clone();
                                view! { <option value=id prop:selected=move || unit.get().as_deref() == Some(v.as_str())>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                // The indicators' tables and charts (their counting, the readiness bands, plotters)
                // come from a chunk of their own, a moment after the first screen.
                <LazyPage load=super::split_pages::dashboard_indicators part=true/>
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
                            view! { <tr data-testid="by-unit-row" data-unit=key><th scope="row">{name}</th><td class="num">{num(n)}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            </Show>
        </section>
    }
}

/// What the dashboard shows under its heading.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// Not known yet: the register's first rows are not in, or it is empty and the other kinds are not read.
    Nothing,
    /// Nothing on this device: what to do first, instead of a page of zeros.
    FirstSteps,
    Counts,
}

/// The first steps, where a new device's dashboard would show only zeros.
#[component]
fn DashboardEmpty() -> impl IntoView {
    use leptos_router::components::A;
    view! {
        <div class="card empty-start" data-testid="dashboard-empty">
            <h2>{tr(Msg::DashboardEmptyTitle)}</h2>
            <p class="muted">{tr(Msg::DashboardEmptyHelp)}</p>
            <div class="actions">
                <A href="/enterprises/new" attr:class="button primary" attr:data-testid="add-first-enterprise">{tr(Msg::AddFirstEnterprise)}</A>
                <A href="/enterprises/import" attr:class="button" attr:data-testid="empty-import-list">{tr(Msg::EmptyImportList)}</A>
                <A href="/sync" attr:class="button" attr:data-testid="empty-import-sync">{tr(Msg::EmptyImportSync)}</A>
            </div>
        </div>
    }
}

/// The dashboard's period and unit filters: its indicator chunk's view reads them from
/// context, as a view loaded on demand takes no props.
#[derive(Clone, Copy)]
pub struct DashboardFilters {
    pub period: Signal<Period>,
    pub unit: Signal<Option<String>>,
}

/// The dashboard's indicators, for their chunk (`split_pages::dashboard_indicators`): the
/// targets against the records, year by year, by unit, the surveyed enterprises, the charts.
#[component]
pub fn DashboardIndicators() -> impl IntoView {
    let DashboardFilters { period, unit } = expect_context::<DashboardFilters>();
    let data = IndicatorData::new(expect_context::<Register>());
    let figures = DashboardFigures::new(data, period, unit);
    view! {
        <ProgressTable data=data figures=figures period=period unit=unit/>
        <TrendTable figures=figures period=period unit=unit/>
        <UnitTable figures=figures period=period/>
        <SurveyTables data=data figures=figures period=period unit=unit/>
        <IndicatorCharts data=data figures=figures period=period/>
    }
}
