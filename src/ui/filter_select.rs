//! A filter drop-down whose first choice is "All".

use super::i18n::tr;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn FilterSelect(
    label: Msg,
    testid: &'static str,
    options: Signal<Vec<(String, String)>>,
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let id = format!("{testid}-select");
    // Each option's `selected` follows the value. Lists derive the value from their whole query,
    // which every keystroke in a search box changes: through a memo, the options' `selected`
    // (102 units) is looked at only when the filter's own value changes, not on every letter
    // typed elsewhere. The options themselves follow `options`.
    let value = Memo::new(move |_| value.get());
    view! {
        <div class="field">
            <label for=id.clone()>{tr(label)}</label>
            <select id=id data-testid=testid on:change=move |ev| on_change.run(event_target_value(&ev))>
                <option value="" prop:selected=move || value.get().is_empty()>{tr(Msg::FilterAll)}</option>
                {move || options.get().into_iter().map(|(v, text)| {
                    let selected_value = v.clone();
                    view! { <option value=v prop:selected=move || value.get() == selected_value>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
