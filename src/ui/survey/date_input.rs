//! Date answers, kept as YYYY-MM-DD (what the browser's date input gives).

use super::context::{input_id, use_form};
use crate::form::Slot;
use leptos::prelude::*;

#[component]
pub fn DateInput(at: Slot) -> impl IntoView {
    let ctx = use_form();
    let id = input_id(&at);
    let initial = ctx.text_now(&at);
    view! {
        <input type="date" id=id prop:value=initial on:input=move |ev| ctx.set_text(&at, event_target_value(&ev))
            disabled=move || ctx.read_only.get()/>
    }
}
