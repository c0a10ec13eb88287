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

/// The first-start question, above every page until answered.
#[component]
pub fn RoleChoice() -> impl IntoView {
    let role = expect_context::<Role>();
    let navigate = use_navigate();
    move || {
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
            }
        })
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
