//! Who uses the app on this device: a department officer (the whole
//! programme) or an enterprise (its own profile and self-assessment only).
//! Asked once, on first start; changed in Settings.

use crate::i18n::Msg;
use crate::ui::i18n::tr;
use crate::web::browser;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserRole {
    Officer,
    Enterprise,
}

impl UserRole {
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
        let role = match browser::user_role().as_deref() {
            Some("enterprise") => Some(UserRole::Enterprise),
            Some("officer") => Some(UserRole::Officer),
            _ => None,
        };
        Role(RwSignal::new(role))
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
    let officer_step = move || role.0.get() == Some(UserRole::Officer) && !welcomed.get();
    move || {
        if officer_step() {
            return Some(view! { <OfficerWelcome done=welcomed/> }.into_any());
        }
        role.0.get().is_none().then(|| {
            let navigate = navigate.clone();
            view! {
                <section class="card role-choice no-print" data-testid="role-choice" aria-labelledby="role-choice-title">
                    <h2 id="role-choice-title">{tr(Msg::RoleQuestion)}</h2>
                    <p class="muted">{tr(Msg::RoleHelp)}</p>
                    <div class="actions">
                        <button type="button" class="button primary" data-testid="role-officer" on:click=move |_| role.set(UserRole::Officer)>{tr(Msg::RoleOfficer)}</button>
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

/// The officer's part of the welcome: name (needed) and unit (optional).
#[component]
fn OfficerWelcome(done: RwSignal<bool>) -> impl IntoView {
    let register = expect_context::<crate::ui::state::Register>();
    let lang = crate::ui::i18n::use_lang();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let missing = move || name.with(|n| n.trim().is_empty());
    let later = move |_| {
        browser::save_welcome_put_off();
        done.set(true);
    };
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if missing() {
            return;
        }
        browser::save_officer_name(&name.get_untracked());
        browser::save_officer_unit(&unit.get_untracked());
        browser::save_welcomed();
        done.set(true);
        navigate("/", Default::default());
    };
    view! {
        <section class="card role-choice no-print" data-testid="welcome" aria-labelledby="welcome-title">
            <h2 id="welcome-title">{tr(Msg::WelcomeTitle)}</h2>
            <p class="muted">{tr(Msg::WelcomeHelp)}</p>
            <form class="welcome-form" on:submit=start novalidate>
                <div class="field">
                    <label for="welcome-name">{tr(Msg::OfficerName)}<span class="required">" *"</span></label>
                    <input id="welcome-name" type="text" data-testid="welcome-name" autocomplete="name" maxlength="100" required
                        aria-invalid=move || (tried.get() && missing()).to_string()
                        prop:value=move || name.get() on:input=move |ev| name.set(crate::ui::typed_text::typed_text(&ev))/>
                    {move || (tried.get() && missing()).then(|| view! { <p class="field-error" data-testid="welcome-name-error">{tr(Msg::ErrRequired)}</p> })}
                </div>
                <div class="field">
                    <label for="welcome-unit">{tr(Msg::WelcomeUnit)}</label>
                    <select id="welcome-unit" data-testid="welcome-unit" on:change=move |ev| unit.set(event_target_value(&ev))>
                        <option value="">{tr(Msg::ChooseOption)}</option>
                        {move || register.units.with(|u| u.active().map(|x| view! { <option value=x.id.clone()>{x.label(lang.get())}</option> }).collect_view())}
                    </select>
                </div>
                <div class="actions">
                    <button type="submit" class="button primary" data-testid="welcome-start">{tr(Msg::WelcomeStart)}</button>
                    <button type="button" class="button" data-testid="welcome-later" on:click=later>{tr(Msg::WelcomeLater)}</button>
                </div>
            </form>
        </section>
    }
}

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
