//! Several choices from the form's list, kept in the list's order.

use super::context::use_form;
use crate::form::definition::Choice;
use crate::form::{Answer, Slot};
use crate::ui::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn MultipleChoice(choices: Vec<Choice>, at: Slot) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let key = at.key();
    let current = ctx.answer(&at);
    let order: Vec<String> = choices.iter().map(|c| c.value.clone()).collect();
    let items = choices
        .into_iter()
        .map(|c| {
            let (value, at, order) = (c.value.clone(), at.clone(), order.clone());
            let checked = { let v = value.clone(); move || current.with(|a| a.as_ref().is_some_and(|a| a.list().contains(&v))) };
            let checked_class = checked.clone();
            let toggle = move |ev| {
                let on = event_target_checked(&ev);
                let mut list: Vec<String> = current.with_untracked(|a| a.as_ref().map(|a| a.list().to_vec()).unwrap_or_default());
                list.retain(|v| *v != value);
                if on {
                    list.push(value.clone());
                }
                crate::sort::sort_by_key(&mut list, |v| order.iter().position(|o| o == v));
                ctx.set(&at, Some(Answer::List(list)));
            };
            view! {
                <label class="choice" class:checked=checked_class>
                    <input type="checkbox" data-testid=format!("opt-{key}-{}", c.value) prop:checked=checked on:change=toggle
                        disabled=move || ctx.read_only.get()/>
                    <span class="choice-label">{move || c.label.get(lang.get()).to_string()}</span>
                </label>
            }
        })
        .collect_view();
    view! { <div class="choices" role="group">{items}</div> }
}
