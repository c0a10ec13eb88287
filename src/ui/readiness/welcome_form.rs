//! The officer's part of the first-start welcome: name and unit, which lists and history show
//! as who made each record. Drawn below the welcome's heading (`role::OfficerWelcome`), from a
//! chunk of its own, fetched once the start is over while the role question (in the first
//! download) waits for a click.

use super::role::WelcomeDone;
use crate::i18n::Msg;
use crate::ui::i18n::tr;
use crate::web::browser;
use leptos::prelude::*;
use crate::ui::router::use_navigate;

/// The officer's name (needed) and unit (optional), below the welcome's heading.
#[component]
pub fn WelcomeForm() -> impl IntoView {
    let WelcomeDone(done) = expect_context::<WelcomeDone>();
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
    }
}
