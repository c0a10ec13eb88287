//! `/report`: the period, the heading form, the buttons (print, XLSX, CSV)
//! and the document. The content is worked out once per change of records,
//! period or language (`report::Report::build`), and the same tables feed
//! the page, its print and both downloads.

use super::charts::ReportCharts;
use super::document::ReportDocument;
use super::downloads::Downloads;
use super::heading_form::{save_heading, saved_heading, HeadingForm};
use crate::i18n::Msg;
use crate::indicators::{Period, StoredTargets};
use crate::report::{period_choices, period_label, tables, Report, Sources};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::{LoadStatus, Register};
use crate::web::browser;
use leptos::prelude::*;

#[component]
pub fn ReportPage() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let today = browser::today();
    let this_year: i32 = today.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026);
    let period = RwSignal::new(Period::year(this_year.clamp(2021, 2030)));
    let heading = RwSignal::new(saved_heading());
    Effect::new(move |_| heading.with(save_heading));

    let today_for_build = today.clone();
    let report = Memo::new(move |_| {
        // The report counts every activity or none: not the part read so far on a first start.
        let mut activities = if register.activities.ready.get() { register.activities.records.get() } else { Vec::new() };
        register.follow_aliases(&mut activities);
        let targets = register.targets.records.with(|t| StoredTargets::new(t));
        register.registry.with(|registry| {
            register.units.with(|units| {
                let sources = Sources {
                    activities: &activities,
                    registry,
                    units,
                    indicators: crate::indicators::shipped(),
                    targets: &targets,
                    today: &today_for_build,
                };
                Report::build(&sources, period.get(), lang.get())
            })
        })
    });
    let report_tables = Memo::new(move |_| tables(&report.get(), lang.get()));
    let ready = move || {
        register.status.with(|s| *s != LoadStatus::Loading) && register.activities.ready.get()
    };

    let choices = period_choices(this_year);
    view! {
        <section class="page report-page" data-testid="report-page">
            <div class="no-print">
                <h1>{tr(Msg::ReportPageTitle)}</h1>
                <p class="muted">{tr(Msg::ReportPageHelp)}</p>
                <div class="toolbar report-toolbar">
                    <div class="field">
                        <label for="report-period">{tr(Msg::ReportPeriod)}</label>
                        <select id="report-period" data-testid="report-period"
                            on:change=move |ev| if let Some(p) = Period::parse(&event_target_value(&ev)) { period.set(p) }>
                            {choices.into_iter().map(|p| {
                                let key = p.key();
                                view! { <option value=key prop:selected=move || period.get() == p>{move || period_label(p, lang.get())}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="button" class="button primary" data-testid="report-print" on:click=move |_| browser::print_page()>{tr(Msg::ReportPrint)}</button>
                    <Downloads tables=report_tables period=period.into()/>
                </div>
                <HeadingForm heading/>
            </div>
            {move || if ready() {
                view! {
                    <ReportDocument heading period=period.into() tables=report_tables today=today.clone()
                        charts=view! { <ReportCharts report tables=report_tables today=today.clone()/> }.into_any()/>
                }.into_any()
            } else {
                view! { <p class="muted" role="status">{tr(Msg::Loading)}</p> }.into_any()
            }}
        </section>
    }
}
