//! Date answers, kept as YYYY-MM-DD and typed and shown day first
//! (`crate::ui::day_input`), whatever the browser's locale.

use super::context::{input_id, use_form};
use crate::form::Slot;
use crate::ui::day_input::DayInput;
use leptos::prelude::*;

#[component]
pub fn DateInput(at: Slot) -> impl IntoView {
    let ctx = use_form();
    let id = input_id(&at);
    let value = ctx.text(&at);
    view! {
        <DayInput value=value id=id on_change=Callback::new(move |v: String| ctx.set_text(&at, v))
            disabled=Signal::derive(move || ctx.read_only.get())/>
    }
}
