//! Integer and decimal answers. Officers type numbers their way ("1.250,5"
//! in Vietnamese); the answer is kept in canonical form ("1250.5"), or as
//! typed while it is not a number yet, so nothing typed is lost.

use super::context::{input_id, use_form};
use crate::form::answer::{canonical_number, number};
use crate::form::{Question, Slot};
use crate::format::{format_amount, format_answer_number, in_language, is_ambiguous, parse_decimal};
use crate::ui::i18n::{figures_language, use_lang};
use leptos::prelude::*;

#[component]
pub fn NumberInput(q: Question, at: Slot) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let id = input_id(&at);
    let stored = ctx.text_now(&at);
    let initial = number(&stored).map_or(stored, |n| format_answer_number(n, lang.get_untracked()));
    let unit = q.unit.clone();
    let echo_unit = q.unit.clone();
    // What is in the box now, for the read-back of an entry the two conventions read differently.
    // With the language it was read in: after a language switch the value stored stays what it was read as.
    let typed = RwSignal::new((initial.clone(), lang.get_untracked()));
    let echo_id = format!("echo-{id}");
    // After a language switch, an entry the two conventions read differently is written again
    // the new language's way (`2.500` read in Vietnamese shows as `2,500` in English), so what
    // the box shows is what is stored, and an edit to it is read as the officer now sees it.
    let input_ref = NodeRef::<leptos::html::Input>::new();
    figures_language(move |_, now| {
        // From the language the box's text was last read in.
        let Some((text, read_in)) = typed.try_get_untracked() else { return };
        let moved = in_language(&text, read_in, now);
        if let Some(input) = input_ref.get_untracked().filter(|_| moved != text) {
            input.set_value(&moved);
        }
        typed.set((moved, now));
    });
    let on_input = move |ev| {
        let raw = event_target_value(&ev);
        typed.set((raw.clone(), lang.get_untracked()));
        let value = parse_decimal(&raw, lang.get_untracked()).map_or(raw, canonical_number);
        ctx.set_text(&at, value);
    };
    view! {
        <span class="number-input">
            <input type="text" inputmode="decimal" id=id node_ref=input_ref prop:value=initial on:input=on_input disabled=move || ctx.read_only.get()/>
            {unit.map(|u| view! { <span class="unit">{move || u.get(lang.get()).to_string()}</span> })}
            {move || {
                let l = lang.get();
                let value = typed.with(|(t, read_in)| is_ambiguous(t).then(|| parse_decimal(t, *read_in)).flatten())?;
                let unit = echo_unit.as_ref().map(|u| format!(" {}", u.get(l))).unwrap_or_default();
                Some(view! { <span class="field-echo" role="status" data-testid=echo_id.clone()>{format!("= {}{unit}", format_amount(value, 6, l))}</span> })
            }}
        </span>
    }
}
