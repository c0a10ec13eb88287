//! A yes/no answer, kept as "yes" or "no".

use super::radio_group::{RadioGroup, RadioOption};
use crate::form::{LocalText, Slot};
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

fn text(msg: Msg) -> LocalText {
    LocalText { vi: Lang::Vi.t(msg).into(), en: Lang::En.t(msg).into() }
}

#[component]
pub fn YesNo(at: Slot) -> impl IntoView {
    let options = vec![
        RadioOption { value: "yes".into(), label: text(Msg::AnswerYes), description: None },
        RadioOption { value: "no".into(), label: text(Msg::AnswerNo), description: None },
    ];
    view! { <RadioGroup at=at options=options/> }
}
