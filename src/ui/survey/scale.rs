//! The 0–4 scale, each level with its description.

use super::radio_group::{RadioGroup, RadioOption};
use crate::form::{LocalText, Slot};
use leptos::prelude::*;

#[component]
pub fn Scale(levels: Vec<LocalText>, at: Slot) -> impl IntoView {
    let options = levels
        .into_iter()
        .enumerate()
        .map(|(i, d)| RadioOption { value: i.to_string(), label: LocalText { vi: i.to_string(), en: i.to_string() }, description: Some(d) })
        .collect();
    view! { <RadioGroup at=at options=options wide=true/> }
}
