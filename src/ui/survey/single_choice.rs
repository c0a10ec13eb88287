//! One choice from the form's list.

use super::radio_group::{RadioGroup, RadioOption};
use crate::form::definition::Choice;
use crate::form::Slot;
use leptos::prelude::*;

#[component]
pub fn SingleChoice(choices: Vec<Choice>, at: Slot) -> impl IntoView {
    let options = choices.into_iter().map(|c| RadioOption { value: c.value, label: c.label, description: None }).collect();
    view! { <RadioGroup at=at options=options/> }
}
