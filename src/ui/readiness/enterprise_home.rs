//! The enterprise's own page (enterprise mode): its profile in brief, the
//! modules to assess, its readiness, the award pre-check, its action plan,
//! and the result to print or send to the department.

use super::action_plan::ActionPlan;
use super::award_card::AwardCard;
use super::data::{own_enterprise, EnterpriseReadiness};
use super::module_chooser::ModuleChooser;
use super::result_export::ResultExport;
use super::summary::ReadinessSummary;
use crate::i18n::Msg;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::{LoadStatus, Register};
use leptos::prelude::*;

#[component]
pub fn EnterpriseHome() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let own = Memo::new(move |_| own_enterprise(register));
    // Made once for the page: made in the view below, every change of the register or the
    // language would read the whole assessments again.
    let of = EnterpriseReadiness::new(register, Signal::derive(move || own.with(|me| me.as_ref().map(|m| m.id.clone()).unwrap_or_default())));
    move || {
        if register.status.with(|s| *s == LoadStatus::Loading) {
            return view! { <p class="muted" role="status">{tr(Msg::Loading)}</p> }.into_any();
        }
        let Some(me) = own.get() else {
            return view! {
                <section class="page" data-testid="enterprise-home">
                    <h1 data-testid="page-title">{tr(Msg::MyReadinessTitle)}</h1>
                    <div class="card">
                        <p>{tr(Msg::FillProfileFirst)}</p>
                        <a href="/profile" class="button primary" data-testid="fill-profile">{tr(Msg::FillProfile)}</a>
                    </div>
                </section>
            }.into_any();
        };
        let tax = me.payload.tax_code.clone().unwrap_or_default();
        let size = me.payload.size_class().map(|c| lang.get().t(crate::i18n::size_msg(Some(c))).to_string());
        view! {
            <section class="page" data-testid="enterprise-home">
                <div class="page-heading">
                    <div>
                        <h1 data-testid="page-title">{tr(Msg::MyReadinessTitle)}</h1>
                        <p class="muted"><strong data-testid="own-name">{me.payload.name.clone()}</strong>
                            " · "{tr(Msg::ColTaxCode)}" "<span data-testid="own-tax-code">{tax.clone()}</span>
                            {size.map(|s| format!(" · {s}"))}
                            " · "<a href="/profile" data-testid="edit-profile">{tr(Msg::EditProfile)}</a></p>
                    </div>
                    <div class="actions no-print">
                        <a href=format!("/readiness-report/{}", me.id) class="button" data-testid="open-report">{tr(Msg::PrintResult)}</a>
                    </div>
                </div>
                <ModuleChooser of=of/>
                <h2>{tr(Msg::MyResultsTitle)}</h2>
                <ReadinessSummary of=of/>
                <AwardCard of=of/>
                <ActionPlan of=of editable=true/>
                <ResultExport enterprise_id=of.id tax_code=Signal::derive(move || tax.clone())/>
            </section>
        }.into_any()
    }
}
