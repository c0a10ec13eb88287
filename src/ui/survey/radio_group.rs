//! One choice out of several, as radio buttons: the building block of
//! single choice, yes/no and the 0–4 scale.

use super::context::use_form;
use crate::form::{LocalText, Slot};
use crate::i18n::Msg;
use crate::ui::i18n::{tr, use_lang};
use leptos::prelude::*;

#[derive(Clone)]
pub struct RadioOption {
    pub value: String,
    pub label: LocalText,
    pub description: Option<LocalText>,
}

#[component]
pub fn RadioGroup(at: Slot, options: Vec<RadioOption>, #[prop(optional)] wide: bool) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let key = at.key();
    let current = ctx.text(&at);
    let clear_slot = at.clone();
    let items = options
        .into_iter()
        .map(|o| {
            let value = o.value.clone();
            let set_slot = at.clone();
            let set_value = o.value.clone();
            let testid = format!("opt-{key}-{}", o.value);
            view! {
                <label class="choice" class:checked=move || current.with(|c| *c == value)>
                    <input type="radio" name=format!("r-{key}") value=o.value.clone() data-testid=testid
                        prop:checked={ let v = o.value.clone(); move || current.with(|c| *c == v) }
                        on:change=move |_| ctx.set_text(&set_slot, set_value.clone())
                        disabled=move || ctx.read_only.get()/>
                    <span class="choice-label">{move || o.label.get(lang.get()).to_string()}</span>
                    {o.description.map(|d| view! { <span class="choice-desc">{move || d.get(lang.get()).to_string()}</span> })}
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="choices" class:wide=wide role="radiogroup">
            {items}
            <button type="button" class="link-button clear" data-testid=format!("clear-{}", at.key())
                hidden=move || current.with(String::is_empty) || ctx.read_only.get()
                on:click=move |_| ctx.set(&clear_slot, None)>{tr(Msg::ClearAnswer)}</button>
        </div>
    }
}
