//! One question: label, hint, the input for its type, and what is wrong
//! with the answer. Hidden questions stay in the page, out of sight, so a
//! typed answer is never thrown away by a relevance rule.

use super::computed_value::ComputedValue;
use super::context::{input_id, use_form};
use super::date_input::DateInput;
use super::matrix::Matrix;
use super::multiple_choice::MultipleChoice;
use super::number_input::NumberInput;
use super::ranking::Ranking;
use super::repeat_group::RepeatGroup;
use super::scale::Scale;
use super::single_choice::SingleChoice;
use super::text_input::{PhoneInput, TextInput};
use super::yes_no::YesNo;
use crate::form::definition::Requirement;
use crate::form::{Kind, Question, Slot};
use crate::ui::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn QuestionView(q: Question, at: Slot) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let key = at.key();
    let status = ctx.status(&at);
    let visible = move || status.with(|s| s.0);
    let shown_issue = move || status.with(|s| s.1.clone()).filter(|i| !i.is_missing() || ctx.show_missing.get());
    let has_issue = move || shown_issue().is_some();
    let labelled_input = matches!(q.kind, Kind::Text | Kind::LongText | Kind::Phone | Kind::Integer | Kind::Decimal | Kind::Date);
    let required = q.required == Requirement::Always;
    let label = q.label.clone();
    let hint = q.hint.clone();
    let label_text = move || label.get(lang.get()).to_string();
    let label_view = if labelled_input {
        view! { <label class="q-label" for=input_id(&at)>{label_text}{required.then_some(" *")}</label> }.into_any()
    } else {
        view! { <p class="q-label" id=format!("label-{key}")>{label_text}{required.then_some(" *")}</p> }.into_any()
    };
    let input = match q.kind.clone() {
        Kind::Text => view! { <TextInput q=q.clone() at=at.clone()/> }.into_any(),
        Kind::LongText => view! { <TextInput q=q.clone() at=at.clone() multiline=true/> }.into_any(),
        Kind::Phone => view! { <PhoneInput at=at.clone()/> }.into_any(),
        Kind::Integer | Kind::Decimal => view! { <NumberInput q=q.clone() at=at.clone()/> }.into_any(),
        Kind::Date => view! { <DateInput at=at.clone()/> }.into_any(),
        Kind::Single(choices) => view! { <SingleChoice choices=choices at=at.clone()/> }.into_any(),
        Kind::Multiple(choices) => view! { <MultipleChoice choices=choices at=at.clone()/> }.into_any(),
        Kind::Ranking { choices, max_ranked } => view! { <Ranking choices=choices max_ranked=max_ranked at=at.clone()/> }.into_any(),
        Kind::YesNo => view! { <YesNo at=at.clone()/> }.into_any(),
        Kind::Scale(levels) => view! { <Scale levels=levels at=at.clone()/> }.into_any(),
        Kind::Matrix { rows, cells } => view! { <Matrix rows=rows cells=cells at=at.clone()/> }.into_any(),
        Kind::Repeat { add_label, max_rows, .. } => view! { <RepeatGroup q=q.clone() add_label=add_label max_rows=max_rows/> }.into_any(),
        Kind::Computed { decimals, .. } => view! { <ComputedValue at=at.clone() decimals=decimals unit=q.unit.clone()/> }.into_any(),
        Kind::Note => ().into_any(),
    };
    let kind_class = format!("question q-{}", q.kind.name());
    let (dom_id, issue_key) = (format!("q-{key}"), key.clone());
    view! {
        <div class=kind_class id=dom_id.clone() data-testid=dom_id class:has-issue=has_issue
            style:display=move || if visible() { "" } else { "none" }>
            {label_view}
            {hint.map(|h| view! { <p class="hint">{move || h.get(lang.get()).to_string()}</p> })}
            {input}
            {move || shown_issue().map(|i| view! { <p class="issue" role="alert" data-testid=format!("issue-{issue_key}")>{move || lang.get().issue(&i)}</p> })}
        </div>
    }
}
