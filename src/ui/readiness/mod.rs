//! The self-assessment product: who uses the app (officer or enterprise),
//! the enterprise's own page (modules, readiness, award pre-check, action
//! plan, print and send), the department's list and shortlist, and the
//! readiness views an enterprise's page in the register shows too.

mod action_plan;
mod award_card;
mod data;
pub(crate) mod enterprise_home;
mod live_result;
mod module_chooser;
mod officer_page;
mod profile_page;
mod report_page;
mod result_export;
mod role;
mod summary;
pub(crate) mod welcome_form;

pub use data::EnterpriseReadiness;
pub use live_result::LiveResult;
pub use profile_page::ProfilePage;
pub use report_page::ReadinessReport;
pub use role::{Role, RoleChoice, RoleSetting, UserRole};
pub use summary::ReadinessSummary;

use leptos::prelude::*;

/// `/self-assessment`: the enterprise's own page, or the department's list.
#[component]
pub fn SelfAssessmentPage() -> impl IntoView {
    let role = expect_context::<Role>();
    move || if role.is_enterprise() { enterprise_home::EnterpriseHome().into_any() } else { officer_page::OfficerAssessments().into_any() }
}

/// `/`: an enterprise's home is its readiness; an officer's the dashboard.
#[component]
pub fn HomePage() -> impl IntoView {
    let role = expect_context::<Role>();
    // An enterprise's home is its own chunk: officers, who land here most, never fetch it.
    move || if role.is_enterprise() {
        view! { <crate::ui::lazy_page::LazyPage load=crate::ui::split_pages::enterprise_home/> }.into_any()
    } else {
        crate::ui::dashboard::Dashboard().into_any()
    }
}
