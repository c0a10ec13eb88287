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
use super::state::{Flash, FormsState, LegacyNotMoved, LoadStatus, Register};
use crate::i18n::{Lang, Msg};
use crate::web::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;
use super::router::{provide_router, Route, Routes};

#[component]
pub fn App() -> impl IntoView {
    // A `?lang=` link wins and is remembered; otherwise the saved choice; otherwise Vietnamese.
    // English only once its texts are in (`main` waits for them); without them the page shows
    // Vietnamese, says why, and keeps the choice for the next open.
    let wanted = browser::wanted_lang();
    browser::save_lang(wanted);
    let english_missing = wanted == Lang::En && !crate::i18n::english::available();
    let lang = RwSignal::new(if english_missing { Lang::Vi } else { wanted });
    provide_context(lang);
    // Saved when the language really changes: not the Vietnamese a page falls back to, nor a
    // failed switch's setting of it again (`lang_choice`).
    Effect::new(move |before: Option<Lang>| {
        let l: Lang = lang.get();
        if before.is_some_and(|b| b != l) {
            browser::save_lang(l);
        }
        browser::apply_document_lang(l, l.t(Msg::AppTitle));
        l
    });

    let register = Register::new();
    provide_context(register);
    let flash = Flash(RwSignal::new(None));
    provide_context(flash);
    if english_missing {
        let why = crate::web::english_texts::start_failure().map_or(Msg::EnglishUnavailable, |e| e.message());
        flash.show(crate::ui::state::FlashKind::Error, vec![why]);
    }
    provide_context(Rescued::restored());
    provide_context(Role::load());
    spawn_local(register.start());
    // The register's pages' code once every kind is read and the form definitions are in, never
    // beside the start's own work (`split_pages::warm_after_start`).
    once_when(move || register.start_over(), pages::warm_after_start);
    let sync_status = SyncStatus::new();
    provide_context(sync_status);
    // Once the first screen is drawn: the count's code comes with the chunk the start fetches
    // then (`split_pages::conflict_counter`), which must not compete with the first screen's.
    // Asking for a chunk's files takes the page itself 20-30 ms (about 25 fetches).
    once_when(
        move || register.start_shown(),
        move || {
            spawn_local(async move {
                crate::web::browser::after_paint().await;
                sync_status.refresh();
            })
        },
    );

    // Another tab wrote to the store: show its changes instead of overwriting them later.
    crate::web::broadcast::on_changed(move |changed| match changed {
        crate::web::broadcast::Changed::Enterprise(id) => spawn_local(register.reload_enterprise(id)),
        // A kind the lists hold: read by code in the chunk of what runs after the start. Without it
        // the record is not shown (lists read empty without the chunk, on a new laptop), and every
        // page says to reload.
        one @ (crate::web::broadcast::Changed::Survey(_) | crate::web::broadcast::Changed::Assessment(_) | crate::web::broadcast::Changed::Activity(_)) => spawn_local(async move {
            match pages::record_reloader().await {
                Ok(reload) => reload(register, one).await,
                Err(_) => register.lists_unavailable.set(true),
            }
        }),
        crate::web::broadcast::Changed::All => {
            // Another tab imported, undid or resolved: counts and panels read again too.
            sync_status.changed();
            spawn_local(register.reload())
        }
    });

    provide_router(PAGE_ROUTES);
    view! {
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
            <Routes fallback=|| view! { <NotFound/> }.into_any()/>
        </main>
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
            // Stored data this build could not upgrade, or a register whose reading code could not be
            // fetched, is read again by a reload, once the cause is gone.
            let reload = matches!(e, crate::store::StoreError::UpgradeFailed { .. } | crate::store::StoreError::CodeNotLoaded).then(|| view! {
                " "{reload_button("storage-error-reload")}
            });
            Some(view! {
                <p class="banner banner-error" role="alert" data-testid="storage-error">{move || e.message(lang.get())}{reload}</p>
            }.into_any())
        }
        LoadStatus::Ready => {
            let n = register.quarantined_count();
            let legacy = register.legacy_error.get();
            let no_forms = register.forms_state.get() == FormsState::Unavailable;
            let no_lists = register.lists_unavailable.get();
            let change_unread = register.enterprise_change_unread.get();
            let older_unread = register.older_unread.get();
            (n > 0 || legacy.is_some() || no_forms || no_lists || older_unread || change_unread).then(|| view! {
                {no_lists.then(|| unavailable_banner("lists-unavailable", Msg::ListsUnavailable))}
                {change_unread.then(|| unavailable_banner("enterprise-change-unread", Msg::EnterpriseChangeUnread))}
                {older_unread.then(|| unavailable_banner("older-unread", Msg::OlderRecordsUnread))}
                {no_forms.then(|| unavailable_banner("forms-unavailable", Msg::FormsUnavailable))}
                {(n > 0).then(|| view! {
                    <p class="banner banner-warning" role="alert" data-testid="quarantine-warning">{move || lang.get().quarantined(n)}</p>
                })}
                {legacy.map(|why| {
                    let code_missing = why == LegacyNotMoved::CodeNotLoaded;
                    view! {
                        <p class="banner banner-warning" role="alert" data-testid="legacy-warning">
                            {move || lang.get().t(Msg::LegacyNotMoved)}" "
                            {move || match &why {
                                LegacyNotMoved::Store(e) => e.message(lang.get()),
                                LegacyNotMoved::CodeNotLoaded => lang.get().t(Msg::LegacyCodeNotLoaded),
                            }}
                            {code_missing.then(|| view! {
                                " "{reload_button("legacy-warning-reload")}
                            })}
                        </p>
                    }
                })}
            }.into_any())
        }
    }
}

/// Runs `then` once, the first time `ready` (which reads signals, and runs again when they
/// change) is true.
fn once_when(ready: impl Fn() -> bool + 'static, then: impl Fn() + 'static) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let now = ready();
        if now {
            then();
        }
        now
    });
}

/// Code or files fetched after the start could not be had: what is missing, and a reload, which
/// fetches them again. The button's test id is the banner's with `-reload`.
fn unavailable_banner(testid: &'static str, msg: Msg) -> impl IntoView {
    view! {
        <p class="banner banner-warning" role="alert" data-testid=testid>
            {tr(msg)}" "
            {reload_button(format!("{testid}-reload"))}
        </p>
    }
}

/// "Reload now", as a banner's last words.
fn reload_button(testid: impl Into<String>) -> impl IntoView {
    let testid: String = testid.into();
    view! {
        <button type="button" class="link-button" data-testid=testid on:click=|_| crate::web::browser::reload()>{tr(Msg::ReloadNow)}</button>
    }
}

// A page from a chunk: each loader's future is its own type, boxed by `LazyPage`.
macro_rules! lazy {
    ($load:path) => {
        (|| view! { <LazyPage load=$load/> }.into_any()) as fn() -> AnyView
    };
}

/// Every page and the path it answers to, matched in this order (`router::Routes`).
const PAGE_ROUTES: &[Route] = &[
    ("/", || view! { <HomePage/> }.into_any()),
    ("/enterprises", lazy!(pages::enterprise_list)),
    ("/enterprises/new", lazy!(pages::new_enterprise)),
    ("/enterprises/import", lazy!(pages::enterprise_import)),
    ("/enterprises/:id/edit", lazy!(pages::edit_enterprise)),
    ("/enterprises/:id", lazy!(pages::enterprise_detail)),
    ("/deleted", lazy!(pages::recently_deleted)),
    ("/surveys", lazy!(pages::survey_list)),
    ("/surveys/:id", lazy!(pages::survey)),
    ("/self-assessment", lazy!(pages::self_assessment)),
    ("/readiness-report/:id", lazy!(pages::readiness_report)),
    ("/profile", lazy!(pages::profile)),
    ("/self-assessment/:id", lazy!(pages::assessment)),
    ("/activities", lazy!(pages::activity_list)),
    ("/activities/new", lazy!(pages::new_activity)),
    ("/activities/:id", lazy!(pages::activity)),
    ("/report", lazy!(pages::report)),
    ("/indicators/:id", lazy!(pages::indicator_behind)),
    ("/sync", lazy!(pages::sync)),
    ("/settings", lazy!(pages::settings)),
];
