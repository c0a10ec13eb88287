//! The app shell: contexts, routes, header and navigation.

use super::app_status::AppStatus;
use super::lazy_page::LazyPage;
use super::readiness::{HomePage, Role, RoleChoice};
use super::split_pages as pages;
use super::crash_rescue::{CrashRescueBanner, Rescued};
use super::flash::FlashBanner;
use super::i18n::tr;
use super::nav::NavBar;
use super::placeholder::NotFound;
use super::sync::SyncStatus;
use super::state::{Flash, FormsState, ListState, LoadStatus, Register};
use crate::i18n::{Lang, Msg};
use crate::web::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    // A `?lang=` link wins and is remembered; otherwise the saved choice; otherwise Vietnamese.
    let initial = browser::url_lang().or_else(browser::saved_lang).unwrap_or_default();
    browser::save_lang(initial);
    let lang = RwSignal::new(initial);
    provide_context(lang);
    Effect::new(move |_| {
        let l: Lang = lang.get();
        browser::save_lang(l);
        browser::apply_document_lang(l, l.t(Msg::AppTitle));
    });

    let register = Register::new();
    provide_context(register);
    provide_context(ListState::restored());
    provide_context(Flash(RwSignal::new(None)));
    provide_context(Rescued::restored());
    provide_context(Role::load());
    spawn_local(register.start());
    // The register's pages' code once every kind is read and the form definitions are in, never
    // beside the start's own work (`split_pages::warm_after_start`).
    Effect::new(move |warmed: Option<bool>| {
        if warmed == Some(true) {
            return true;
        }
        let lists = [register.surveys.ready, register.assessments.ready, register.activities.ready, register.targets.ready];
        let over = register.forms_settled() && lists.iter().all(|ready| ready.get());
        if over {
            pages::warm_after_start();
        }
        over
    });
    let sync_status = SyncStatus::new();
    provide_context(sync_status);
    sync_status.refresh();

    // Another tab wrote to the store: show its changes instead of overwriting them later.
    crate::web::broadcast::on_changed(move |changed| match changed {
        crate::web::broadcast::Changed::Survey(id) => spawn_local(register.reload_survey(id)),
        crate::web::broadcast::Changed::Assessment(id) => spawn_local(register.reload_assessment(id)),
        crate::web::broadcast::Changed::Enterprise(id) => spawn_local(register.reload_enterprise(id)),
        crate::web::broadcast::Changed::Activity(id) => spawn_local(register.reload_activity(id)),
        crate::web::broadcast::Changed::All => {
            // Another tab imported, undid or resolved: counts and panels read again too.
            sync_status.changed();
            spawn_local(register.reload())
        }
    });

    view! {
        <Router>
            <super::page_focus::PageFocus/>
            <super::started_on::CountPageChanges/>
            <a class="skip-link" href="#main">{tr(Msg::SkipToContent)}</a>
            <NavBar/>
            <main id="main" tabindex="-1">
                <AppStatus/>
                <FlashBanner/>
                <CrashRescueBanner/>
                <RoleChoice/>
                <LoadBanner/>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/enterprises") view=|| view! { <LazyPage load=pages::enterprise_list/> }/>
                    <Route path=path!("/enterprises/new") view=|| view! { <LazyPage load=pages::new_enterprise/> }/>
                    <Route path=path!("/enterprises/import") view=|| view! { <LazyPage load=pages::enterprise_import/> }/>
                    <Route path=path!("/enterprises/:id/edit") view=|| view! { <LazyPage load=pages::edit_enterprise/> }/>
                    <Route path=path!("/enterprises/:id") view=|| view! { <LazyPage load=pages::enterprise_detail/> }/>
                    <Route path=path!("/deleted") view=|| view! { <LazyPage load=pages::recently_deleted/> }/>
                    <Route path=path!("/surveys") view=|| view! { <LazyPage load=pages::survey_list/> }/>
                    <Route path=path!("/surveys/:id") view=|| view! { <LazyPage load=pages::survey/> }/>
                    <Route path=path!("/self-assessment") view=|| view! { <LazyPage load=pages::self_assessment/> }/>
                    <Route path=path!("/readiness-report/:id") view=|| view! { <LazyPage load=pages::readiness_report/> }/>
                    <Route path=path!("/profile") view=|| view! { <LazyPage load=pages::profile/> }/>
                    <Route path=path!("/self-assessment/:id") view=|| view! { <LazyPage load=pages::assessment/> }/>
                    <Route path=path!("/activities") view=|| view! { <LazyPage load=pages::activity_list/> }/>
                    <Route path=path!("/activities/new") view=|| view! { <LazyPage load=pages::new_activity/> }/>
                    <Route path=path!("/activities/:id") view=|| view! { <LazyPage load=pages::activity/> }/>
                    <Route path=path!("/report") view=|| view! { <LazyPage load=pages::report/> }/>
                    <Route path=path!("/indicators/:id") view=|| view! { <LazyPage load=pages::indicator_behind/> }/>
                    <Route path=path!("/sync") view=|| view! { <LazyPage load=pages::sync/> }/>
                    <Route path=path!("/settings") view=|| view! { <LazyPage load=pages::settings/> }/>
                </Routes>
            </main>
        </Router>
    }
}

/// Loading state and storage problems that concern every page.
#[component]
fn LoadBanner() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = super::i18n::use_lang();
    move || match register.status.get() {
        LoadStatus::Loading => Some(view! {
            <p class="banner" role="status" data-testid="loading">{tr(Msg::Loading)}</p>
        }.into_any()),
        LoadStatus::Failed(e) => {
            // Stored data this build could not upgrade is read again by a reload, once the cause is gone.
            let reload = matches!(e, crate::store::StoreError::UpgradeFailed { .. }).then(|| view! {
                " "<button type="button" class="link-button" data-testid="storage-error-reload" on:click=|_| crate::web::browser::reload()>{tr(Msg::ReloadNow)}</button>
            });
            Some(view! {
                <p class="banner banner-error" role="alert" data-testid="storage-error">{move || e.message(lang.get())}{reload}</p>
            }.into_any())
        }
        LoadStatus::Ready => {
            let n = register.quarantined_count();
            let legacy = register.legacy_error.get();
            let no_forms = register.forms_state.get() == FormsState::Unavailable;
            (n > 0 || legacy.is_some() || no_forms).then(|| view! {
                {no_forms.then(|| view! {
                    <p class="banner banner-warning" role="alert" data-testid="forms-unavailable">
                        {tr(Msg::FormsUnavailable)}" "
                        <button type="button" class="link-button" data-testid="forms-unavailable-reload" on:click=|_| crate::web::browser::reload()>{tr(Msg::ReloadNow)}</button>
                    </p>
                })}
                {(n > 0).then(|| view! {
                    <p class="banner banner-warning" role="alert" data-testid="quarantine-warning">{move || lang.get().quarantined(n)}</p>
                })}
                {legacy.map(|e| view! {
                    <p class="banner banner-warning" role="alert" data-testid="legacy-warning">
                        {move || lang.get().t(Msg::LegacyNotMoved)}" "{move || e.message(lang.get())}
                    </p>
                })}
            }.into_any())
        }
    }
}
