//! A yes/no answer, kept as "yes" or "no".

use super::radio_group::{RadioGroup, RadioOption};
use crate::form::display::yes_no_label;
use crate::form::Slot;
use leptos::prelude::*;

#[component]
pub fn YesNo(at: Slot) -> impl IntoView {
    let options = vec![
        RadioOption { value: "yes".into(), label: yes_no_label("yes"), description: None },
        RadioOption { value: "no".into(), label: yes_no_label("no"), description: None },
    ];
    view! { <RadioGroup at=at options=options/> }
}
