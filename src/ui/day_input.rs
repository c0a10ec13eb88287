//! A day, shown and typed as `dd/mm/yyyy` whatever the browser's locale (its
//! own date input would show `mm/dd/yyyy` in an en-US browser). The value
//! handed on is `YYYY-MM-DD` once the text reads as a day, or the text as
//! typed until then, so the form that owns it can say what is wrong and
//! nothing typed is lost.

use crate::format::{format_iso_date, parse_day};
use leptos::prelude::*;

pub const DAY_PLACEHOLDER: &str = "dd/mm/yyyy";

#[component]
pub fn DayInput(
    /// The day as stored (`YYYY-MM-DD`), or text that is not a day yet.
    #[prop(into)]
    value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional)] testid: Option<&'static str>,
    #[prop(optional, into)] disabled: Option<Signal<bool>>,
    #[prop(optional)] required: bool,
    /// Leaving the field (a form marks it touched, to show its problems).
    #[prop(optional)] on_blur: Option<Callback<()>>,
    /// The id of the field's message, and whether the form finds the field wrong.
    #[prop(optional, into)] described_by: Option<String>,
    #[prop(optional, into)] invalid: Option<Signal<bool>>,
) -> impl IntoView {
    // What is in the box: typing is never rewritten under the cursor; a value
    // set from outside (another tab, a cleared filter) is shown as a day.
    let shown = RwSignal::new(format_iso_date(&value.get_untracked()));
    Effect::new(move |_| {
        let v = value.get();
        let typed = shown.get_untracked();
        let same = parse_day(&typed).map_or(typed == v, |iso| iso == v);
        if !same {
            shown.set(format_iso_date(&v));
        }
    });
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        shown.set(typed.clone());
        on_change.run(parse_day(&typed).unwrap_or(typed));
    };
    let not_a_day = move || shown.with(|t| !t.trim().is_empty() && parse_day(t).is_none());
    view! {
        <input type="text" inputmode="numeric" autocomplete="off" class="day-input" class:invalid=not_a_day id=id data-testid=testid
            aria-invalid=move || (not_a_day() || invalid.is_some_and(|i| i.get())).to_string() aria-describedby=described_by
            on:blur=move |_| if let Some(b) = on_blur { b.run(()) }
            placeholder=DAY_PLACEHOLDER maxlength="10" required=required
            prop:value=move || shown.get() on:input=on_input
            disabled=move || disabled.is_some_and(|d| d.get())/>
    }
}
