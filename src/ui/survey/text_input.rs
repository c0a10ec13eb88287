//! Short and long text answers.

use super::context::{input_id, use_form};
use crate::form::{Question, Slot};
use leptos::prelude::*;
use crate::ui::typed_text::typed_text;

/// A phone number: kept as digits once it reads as one (`0913 456 789` →
/// `0913456789`), as typed until then, so nothing typed is lost.
#[component]
pub fn PhoneInput(at: Slot) -> impl IntoView {
    let ctx = use_form();
    let id = input_id(&at);
    let stored = ctx.text_now(&at);
    let initial = crate::model::phone::normalise_phone(&stored).map_or(stored, |n| crate::model::phone::format_phone(&n));
    let on_input = move |ev| {
        let typed = typed_text(&ev);
        let value = crate::model::phone::normalise_phone(&typed).unwrap_or(typed);
        ctx.set_text(&at, value);
    };
    view! { <input type="tel" inputmode="tel" autocomplete="tel" id=id prop:value=initial on:input=on_input disabled=move || ctx.read_only.get()/> }
}

#[component]
pub fn TextInput(q: Question, at: Slot, #[prop(optional)] multiline: bool) -> impl IntoView {
    let ctx = use_form();
    let id = input_id(&at);
    let initial = ctx.text_now(&at);
    let max = q.max_length.map(|m| m.to_string());
    let on_input = move |ev| ctx.set_text(&at, typed_text(&ev));
    let disabled = move || ctx.read_only.get();
    if multiline {
        view! { <textarea id=id rows="4" maxlength=max prop:value=initial on:input=on_input disabled=disabled></textarea> }.into_any()
    } else {
        view! { <input type="text" id=id maxlength=max prop:value=initial on:input=on_input disabled=disabled/> }.into_any()
    }
}
