//! A value the form computes from other answers, shown read-only.

use super::context::use_form;
use crate::form::eval::Value;
use crate::form::{LocalText, Slot};
use crate::format::format_decimal;
use crate::i18n::{Lang, Msg};
use crate::ui::i18n::use_lang;
use leptos::prelude::*;

pub fn show_value(v: &Value, decimals: usize, lang: Lang) -> Option<String> {
    match v {
        Value::Empty => None,
        Value::Num(n) => Some(format_decimal(*n, decimals, lang)),
        Value::Text(t) => Some(t.clone()),
        Value::Bool(b) => Some(lang.t(if *b { Msg::AnswerYes } else { Msg::AnswerNo }).to_string()),
        Value::List(l) => Some(l.join("; ")),
    }
}

#[component]
pub fn ComputedValue(at: Slot, decimals: Option<u32>, unit: Option<LocalText>) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let key = at.key();
    let testid = format!("computed-{key}");
    let value = ctx.computed(&at);
    let text = move || {
        let l = lang.get();
        value.with(|v| show_value(v, decimals.unwrap_or(2) as usize, l)).map_or_else(
            || "—".to_string(),
            |s| match &unit {
                Some(u) => format!("{s} {}", u.get(l)),
                None => s,
            },
        )
    };
    view! { <output class="computed" data-testid=testid>{text}</output> }
}
