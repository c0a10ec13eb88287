//! What changed in one version of a record, field by field: the list every
//! record's history shows (enterprises, activities).

use super::i18n::{tr, use_lang};
use crate::i18n::Msg;
use crate::model::enterprise_fields::FieldChange;
use leptos::prelude::*;

/// `diff` is `None` for the oldest version kept: "first version" when it is
/// the record's first (`first`), nothing when older versions were let go.
#[component]
pub fn ChangeList(diff: Option<Vec<FieldChange>>, first: bool) -> impl IntoView {
    let lang = use_lang();
    match diff {
        None => view! { <p class="muted">{move || if first { lang.get().t(Msg::HistoryFirst) } else { "" }}</p> }.into_any(),
        Some(d) if d.is_empty() => view! { <p class="muted">{tr(Msg::HistoryNoChange)}</p> }.into_any(),
        Some(d) => view! {
            <ul class="changes">
                {d.into_iter().map(|c| view! {
                    <li data-testid="history-change">
                        <span class="change-label">{move || lang.get().t(c.label)}": "</span>
                        <del>{if c.before.is_empty() { "—".to_string() } else { c.before }}</del>
                        " → "
                        <ins>{if c.after.is_empty() { "—".to_string() } else { c.after }}</ins>
                    </li>
                }).collect_view()}
            </ul>
        }.into_any(),
    }
}
