//! Who uses the app on this device: a department officer (the whole
//! programme) or an enterprise (its own profile and self-assessment only).
//! Asked once, on first start; changed in Settings.

use crate::i18n::Msg;
use crate::ui::i18n::tr;
use crate::web::browser;
use leptos::prelude::*;
use crate::ui::router::use_navigate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserRole {
    Officer,
    Enterprise,
}

impl UserRole {
    /// The role chosen on this device, as stored; `None` until asked.
    pub fn stored() -> Option<UserRole> {
        match browser::user_role().as_deref() {
            Some("enterprise") => Some(UserRole::Enterprise),
            Some("officer") => Some(UserRole::Officer),
            _ => None,
        }
    }

    fn key(self) -> &'static str {
        match self {
            UserRole::Officer => "officer",
            UserRole::Enterprise => "enterprise",
        }
    }
}

/// The role context: `None` until the person has chosen.
#[derive(Debug, Clone, Copy)]
pub struct Role(pub RwSignal<Option<UserRole>>);

impl Role {
    pub fn load() -> Role {
        Role(RwSignal::new(UserRole::stored()))
    }

    pub fn set(self, role: UserRole) {
        browser::save_user_role(role.key());
        self.0.set(Some(role));
    }

    /// Until asked, the app works as it always has: for officers.
    pub fn is_enterprise(self) -> bool {
        self.0.get() == Some(UserRole::Enterprise)
    }
}

/// The first-start welcome, above every page until answered: who uses the
/// app, then (for an officer) their name and unit, which lists and history
/// show as who made each record, and then the first enterprise.
#[component]
pub fn RoleChoice() -> impl IntoView {
    let role = expect_context::<Role>();
    let navigate = use_navigate();
    let welcomed = RwSignal::new(browser::welcomed() || !browser::officer_name().is_empty());
    // A welcome due at this start (put off before) waits for the start to be over; one that
    // follows the role question answered now shows its form at once.
    let due_at_start = role.0.get_untracked() == Some(UserRole::Officer);
    let officer_step = move || role.0.get() == Some(UserRole::Officer) && !welcomed.get();
    move || {
        if officer_step() {
            return Some(view! { <OfficerWelcome done=welcomed wait_for_start=due_at_start/> }.into_any());
        }
        role.0.get().is_none().then(|| {
            let navigate = navigate.clone();
            view! {
                <section class="card role-choice no-print" data-testid="role-choice" aria-labelledby="role-choice-title">
                    <h2 id="role-choice-title">{tr(Msg::RoleQuestion)}</h2>
                    <p class="muted">{tr(Msg::RoleHelp)}</p>
                    <div class="actions">
                        <button type="button" class="button primary" data-testid="role-officer" on:click=move |_| role.set(UserRole::Officer)
                            on:pointerenter=|_| crate::ui::split_pages::warm_welcome() on:focusin=|_| crate::ui::split_pages::warm_welcome()>{tr(Msg::RoleOfficer)}</button>
                        <button type="button" class="button primary" data-testid="role-enterprise" on:click=move |_| {
                            role.set(UserRole::Enterprise);
                            navigate("/self-assessment", Default::default());
                        }>{tr(Msg::RoleEnterprise)}</button>
                    </div>
                </section>
            }.into_any()
        })
    }
}

/// The officer's part of the welcome: its heading here, drawn at once (what the tests and a
/// screen reader find when it is due); the form (name, needed, and unit, optional) from a chunk
/// (`split_pages::welcome_form`). After the role question the chunk is usually in: it is fetched
/// once the start is over while the question waits for a click (`split_pages::warm_after_start`),
/// or when the officer points at the answer. An officer who put the welcome off meets it at a
/// later start (`wait_for_start`): the form then waits for the start to be over, or to have
/// failed, not to slow the first screen.
#[component]
fn OfficerWelcome(done: RwSignal<bool>, wait_for_start: bool) -> impl IntoView {
    let register = expect_context::<crate::ui::state::Register>();
    // Latched: once shown, the form stays, whatever the start's flags do next.
    let started = Memo::new(move |was: Option<&bool>| {
        was == Some(&true)
            || !wait_for_start
            || register.start_over()
            || register.lists_unavailable.get()
            || register.status.with(|s| matches!(s, crate::ui::state::LoadStatus::Failed(_)))
    });
    provide_context(WelcomeDone(done));
    view! {
        <section class="card role-choice no-print" data-testid="welcome" aria-labelledby="welcome-title">
            <h2 id="welcome-title">{tr(Msg::WelcomeTitle)}</h2>
            <p class="muted">{tr(Msg::WelcomeHelp)}</p>
            {move || started.get().then(|| view! {
                <crate::ui::lazy_page::LazyPage load=crate::ui::split_pages::welcome_form part=true/>
            })}
        </section>
    }
}

/// Set once the officer has given a name or put the welcome off: the form in its chunk takes it
/// from context, as a view loaded on demand takes no props.
#[derive(Clone, Copy)]
pub struct WelcomeDone(pub RwSignal<bool>);

/// The choice again, in Settings.
#[component]
pub fn RoleSetting() -> impl IntoView {
    let role = expect_context::<Role>();
    view! {
        <fieldset class="card" data-testid="role-setting">
            <legend>{tr(Msg::RoleSettingTitle)}</legend>
            <div class="radio-row">
                {[(UserRole::Officer, Msg::RoleOfficer, "role-setting-officer"), (UserRole::Enterprise, Msg::RoleEnterprise, "role-setting-enterprise")].into_iter().map(|(r, msg, testid)| view! {
                    <label class="radio" for=testid>
                        <input type="radio" name="user-role" id=testid data-testid=testid
                            prop:checked=move || role.0.get() == Some(r)
                            on:change=move |_| role.set(r)/>
                        {tr(msg)}
                    </label>
                }).collect_view()}
            </div>
        </fieldset>
    }
}
