//! The one-page result to print (A4): the enterprise's profile, the radar, a
//! band per module, the first actions, and the award pre-check. The print
//! stylesheet drops the navigation and controls.

use super::action_plan::ActionPlan;
use super::award_card::AwardCard;
use super::summary::ReadinessSummary;
use crate::format::format_iso_date;
use crate::i18n::Msg;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::{LoadStatus, Register};
use crate::web::browser;
use leptos::prelude::*;
use crate::ui::router::use_params_map;

/// How many actions the printed page lists: the first ones, in order.
const PRINTED_ACTIONS: usize = 5;

#[component]
pub fn ReadinessReport() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let today = browser::today();
    // Made once for the page: made in the view below, every change of the register or the
    // language would read the whole assessments again.
    let of = super::data::EnterpriseReadiness::new(register, Signal::derive(move || id.get()));
    move || {
        if register.status.with(|s| *s == LoadStatus::Loading) {
            return view! { <p class="muted" role="status">{tr(Msg::Loading)}</p> }.into_any();
        }
        let Some(me) = register.registry.with(|r| r.get(&id.get()).cloned()) else {
            return view! { <section class="page"><p class="empty" data-testid="not-found">{tr(Msg::EnterpriseNotFound)}</p></section> }.into_any();
        };
        let l = lang.get();
        let unit = me.payload.admin_unit_id.as_deref().and_then(|u| register.units.with(|list| list.get(u).map(|x| x.label(l))));
        let size = me.payload.size_class().map(|c| l.t(crate::i18n::size_msg(Some(c))).to_string());
        view! {
            <section class="page readiness-report" data-testid="readiness-report">
                <div class="actions no-print">
                    <button type="button" class="button primary" data-testid="print-result" on:click=move |_| browser::print_page()>{tr(Msg::PrintResult)}</button>
                </div>
                <header class="report-head">
                    <h1>{tr(Msg::ReportTitle)}</h1>
                    <p class="report-enterprise"><strong data-testid="report-name">{me.payload.name.clone()}</strong></p>
                    <p class="small">
                        {tr(Msg::ColTaxCode)}": "<span data-testid="report-tax-code">{me.payload.tax_code.clone().unwrap_or_else(|| "—".into())}</span>
                        {unit.map(|u| format!(" · {u}"))}
                        {size.map(|s| format!(" · {s}"))}
                        " · "{tr(Msg::PrintedOn)}" "{format_iso_date(&today)}
                    </p>
                </header>
                <ReadinessSummary of=of history=false radar_size=280/>
                <ActionPlan of=of limit=Some(PRINTED_ACTIONS)/>
                <AwardCard of=of/>
            </section>
        }.into_any()
    }
}
