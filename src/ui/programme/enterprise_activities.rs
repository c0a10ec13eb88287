//! The programme activities that concern an enterprise, on its page: support
//! it received, award entries, classes its people attended.

use crate::format::format_iso_date;
use crate::i18n::Msg;
use crate::model::activity::{activity_type, of_enterprise};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use leptos::prelude::*;

#[component]
pub fn EnterpriseActivities(enterprise_id: String) -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    // The new-activity form opens with this enterprise linked, as a support engagement (the kind can be changed).
    let add_href = format!("/activities/new?kind=enterprise_support&enterprise={enterprise_id}");
    let rows = move || {
        let l = lang.get();
        register.activities.records.with(|all| {
            of_enterprise(all, &enterprise_id)
                .into_iter()
                .map(|a| {
                    let p = &a.payload;
                    let kind = activity_type(&p.activity_type).map_or_else(|| p.activity_type.clone(), |t| t.label.get(l).to_string());
                    let href = format!("/activities/{}", a.id);
                    view! {
                        <tr data-testid="enterprise-activity-row">
                            <td>{format_iso_date(&p.start_date)}</td>
                            <td>{kind}</td>
                            <td><a href=href data-testid="enterprise-activity-title">{p.title.clone()}</a></td>
                            <td>{p.award_result.map(|r| l.award_result(r)).or_else(|| (p.certified == Some(true)).then(|| l.t(Msg::FieldCertified)))}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="subsection" data-testid="enterprise-activities">
            <div class="section-heading">
                <h2>{tr(Msg::ActivitiesOfEnterprise)}</h2>
                <a class="button no-print" href=add_href data-testid="add-enterprise-activity">{tr(Msg::NewActivity)}</a>
            </div>
            {move || {
                if !register.activities.ready.get() {
                    return view! { <p class="muted" role="status">{tr(Msg::Loading)}</p> }.into_any();
                }
                let rows = rows();
                if rows.is_empty() {
                    return view! { <p class="muted" data-testid="no-enterprise-activities">{tr(Msg::NoActivitiesOfEnterprise)}</p> }.into_any();
                }
                view! {
                    <table class="data-table small">
                        <thead><tr>
                            <th scope="col">{tr(Msg::ColActivityDate)}</th><th scope="col">{tr(Msg::ColActivityType)}</th>
                            <th scope="col">{tr(Msg::ColActivityTitle)}</th><th scope="col">{tr(Msg::ColResult)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
