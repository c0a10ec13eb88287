//! Labelled inputs bound to one field of the enterprise draft. Every input has
//! a `<label>`, its error is tied to it with `aria-describedby`, and the text
//! typed stays in the draft whatever the validation says.

use super::i18n::{tr, use_lang};
use crate::i18n::Msg;
use crate::model::enterprise_draft::{EnterpriseDraft, Field, Problem};
use leptos::prelude::*;
use crate::ui::typed_text::typed_text;

/// How a field is shown: which element, and hints for the on-screen keyboard.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Text,
    Numeric,
    Decimal,
    Email,
    Tel,
    TextArea,
}

/// Which problems to show: those of fields the officer has left, or all after a save attempt.
#[derive(Clone, Copy)]
pub struct FieldErrors {
    pub problem: Signal<Option<Problem>>,
    pub touch: Callback<Field>,
}

#[component]
pub fn TextField(
    draft: RwSignal<EnterpriseDraft>,
    field: Field,
    label: Msg,
    testid: &'static str,
    errors: FieldErrors,
    #[prop(default = Input::Text)] input: Input,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] warning: Option<Signal<Option<Msg>>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("f-{testid}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() { ids.push(hint_id.clone()); }
            if errors.problem.with(Option::is_some) { ids.push(error_id.clone()); }
            ids.join(" ")
        }
    };
    let value = move || draft.with(|d| d.text(field).to_string());
    let on_input = move |ev: leptos::ev::Event| {
        let v = typed_text(&ev);
        draft.update(|d| *d.text_mut(field) = v);
    };
    let invalid = move || errors.problem.with(Option::is_some);
    let control = match input {
        Input::TextArea => view! {
            <textarea id=id.clone() rows="4" data-testid=testid
                aria-invalid=move || invalid().to_string() aria-describedby=described_by.clone()
                prop:value=value on:input=on_input on:blur=move |_| errors.touch.run(field)></textarea>
        }.into_any(),
        _ => {
            let (kind, mode) = match input {
                Input::Numeric => ("text", "numeric"),
                Input::Decimal => ("text", "decimal"),
                Input::Email => ("email", "email"),
                Input::Tel => ("tel", "tel"),
                _ => ("text", "text"),
            };
            view! {
                <input id=id.clone() type=kind inputmode=mode data-testid=testid autocomplete="off"
                    required=required aria-required=required.to_string()
                    aria-invalid=move || invalid().to_string() aria-describedby=described_by.clone()
                    prop:value=value on:input=on_input on:blur=move |_| errors.touch.run(field)/>
            }.into_any()
        }
    };
    view! {
        <div class="field" class:has-error=invalid>
            <label for=id.clone()>
                {tr(label)}
                {required.then(|| view! { <span class="required" title=tr(Msg::RequiredMark)>" *"</span> })}
            </label>
            {control}
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{tr(h)}</p> })}
            <ProblemText problem=errors.problem id=error_id testid=testid/>
            {(input == Input::Decimal).then(|| view! { <AmountEcho draft field testid/> })}
            {move || warning.and_then(|w| w.get()).map(|m| view! {
                <p class="field-warning" data-testid=format!("{testid}-warning")>{move || lang.get().t(m)}</p>
            })}
        </div>
    }
}

/// Beside an amount that means different numbers in the two conventions
/// (`2.500`): the value as read, in words of the current language, so a
/// thousandfold slip shows before saving.
#[component]
fn AmountEcho(draft: RwSignal<EnterpriseDraft>, field: Field, testid: &'static str) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let text = draft.with(|d| d.text(field).to_string());
        let value = crate::format::is_ambiguous(&text).then(|| crate::format::parse_decimal(&text, l)).flatten()?;
        Some(view! {
            <p class="field-echo" role="status" data-testid=format!("{testid}-echo")>
                {format!("= {} {}", crate::format::format_amount(value, 6, l), l.t(Msg::AmountUnit))}
            </p>
        })
    }
}

/// The message for a field's problem, with a link when the problem points at another record.
#[component]
pub fn ProblemText(problem: Signal<Option<Problem>>, id: String, testid: &'static str) -> impl IntoView {
    let lang = use_lang();
    move || {
        problem.get().map(|p| {
            let link = match &p {
                Problem::DuplicateTaxCode { existing_id } => Some(view! {
                    " " <a href=format!("/enterprises/{existing_id}") data-testid="duplicate-link">{tr(Msg::OpenExisting)}</a>
                }),
                _ => None,
            };
            let text = move || p.message(lang.get());
            view! {
                <p class="field-error" id=id.clone() data-testid=format!("{testid}-error")>{text}{link}</p>
            }
        })
    }
}

/// A drop-down bound to a draft field. `options` are (value, label) pairs;
/// the current value stays selectable even when it is no longer offered
/// (a retired unit), so editing never silently changes it.
#[component]
pub fn SelectField(
    draft: RwSignal<EnterpriseDraft>,
    field: Field,
    label: Msg,
    testid: &'static str,
    errors: FieldErrors,
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let id = format!("f-{testid}");
    let error_id = format!("{id}-error");
    let value = move || draft.with(|d| d.text(field).to_string());
    view! {
        <div class="field" class:has-error=move || errors.problem.with(Option::is_some)>
            <label for=id.clone()>{tr(label)}</label>
            <select id=id.clone() data-testid=testid aria-describedby=error_id.clone()
                on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| *d.text_mut(field) = v); errors.touch.run(field); }>
                <option value="" prop:selected=move || value().is_empty()>{tr(Msg::ChooseOption)}</option>
                {move || options.get().into_iter().map(|(v, text)| {
                    let mine = v.clone();
                    view! { <option value=v prop:selected=move || value() == mine>{text}</option> }
                }).collect_view()}
            </select>
            <ProblemText problem=errors.problem id=error_id testid=testid/>
        </div>
    }
}
