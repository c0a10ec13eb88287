use super::i18n::{tr, use_lang};
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;
use crate::ui::router::use_path;

const LINKS: [(&str, Msg, &str); 8] = [
    ("/", Msg::NavDashboard, "nav-dashboard"),
    ("/enterprises", Msg::NavEnterprises, "nav-enterprises"),
    ("/surveys", Msg::NavSurveys, "nav-surveys"),
    ("/self-assessment", Msg::NavSelfAssessment, "nav-self-assessment"),
    ("/activities", Msg::NavActivities, "nav-activities"),
    ("/report", Msg::NavReport, "nav-report"),
    ("/sync", Msg::NavSync, "nav-sync"),
    ("/settings", Msg::NavSettings, "nav-settings"),
];

/// An enterprise using the app on its own sees its profile, its readiness and Settings.
const ENTERPRISE_LINKS: [(&str, Msg, &str); 3] = [
    ("/self-assessment", Msg::NavMyReadiness, "nav-self-assessment"),
    ("/profile", Msg::NavProfile, "nav-profile"),
    ("/settings", Msg::NavSettings, "nav-settings"),
];

#[component]
pub fn NavBar() -> impl IntoView {
    let lang = use_lang();
    let flash = expect_context::<super::state::Flash>();
    let role = expect_context::<super::readiness::Role>();
    let sync = expect_context::<super::sync::SyncStatus>();
    let path = use_path();
    view! {
        <header class="app-header">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true">{tr(Msg::AppTitleShort)}</span>
                <span class="brand-text">
                    <span class="brand-title" data-testid="app-title">{tr(Msg::AppTitle)}</span>
                    <span class="brand-subtitle">{tr(Msg::AppSubtitle)}</span>
                </span>
            </div>
            <nav aria-label=tr(Msg::MainMenu)>
                <ul class="nav-links">
                    {move || if role.is_enterprise() { &ENTERPRISE_LINKS[..] } else { &LINKS[..] }.iter().copied().map(|(href, msg, testid)| {
                        let exact = href == "/";
                        let is_sync = href == "/sync";
                        view! {
                        <li on:pointerenter=move |_| super::split_pages::warm(href) on:focusin=move |_| super::split_pages::warm(href)>
                            // A plain link: the router takes its clicks (`router::own_link`).
                            <a href=href data-testid=testid aria-current=move || path.with(|p| crate::current_page::is_current(p, href, exact)).then_some("page")>
                                {tr(msg)}
                                {is_sync.then(|| move || (sync.conflicts.get() > 0).then(|| view! {
                                    " " <span class="badge badge-alert" data-testid="nav-conflicts"
                                        aria-label=move || format!("{} {}", sync.conflicts.get(), lang.get().t(Msg::ConflictsInNav))>{move || sync.conflicts.get()}</span>
                                }))}
                            </a>
                        </li>
                    }}).collect_view()}
                </ul>
            </nav>
            <div class="lang-switch" role="group" aria-label=tr(Msg::Language)>
                {Lang::ALL.into_iter().map(|l| view! {
                    <button type="button"
                        class:active=move || lang.get() == l
                        aria-pressed=move || (lang.get() == l).to_string()
                        data-testid=format!("header-lang-{}", l.code())
                        on:click=move |_| super::lang_choice::choose_lang(lang, flash, l)>
                        {l.code().to_ascii_uppercase()}
                    </button>
                }).collect_view()}
            </div>
        </header>
    }
}
