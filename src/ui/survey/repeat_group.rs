//! A repeat group: the same sub-questions once per row (one row per
//! certificate held). Rows are rendered as they are added, so a long list
//! does not re-render on every keystroke.

use super::context::use_form;
use super::repeat_row::RepeatRow;
use crate::form::answer::add_row;
use crate::form::{LocalText, Question};
use crate::i18n::Msg;
use crate::ui::i18n::{tr, use_lang};
use leptos::prelude::*;

#[component]
pub fn RepeatGroup(q: Question, add_label: Option<LocalText>, max_rows: Option<usize>) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let id = q.id.clone();
    let count = { let id = id.clone(); Memo::new(move |_| ctx.answers.with(|a| a.get(&id).map_or(0, |x| x.rows().len()))) };
    // Removing a row moves the ones after it up: re-render them all then.
    let shifted = RwSignal::new(0u32);
    let subs = StoredValue::new(q.sub_questions().to_vec());
    let rows_id = id.clone();
    let testid = format!("repeat-{id}");
    let add_id = id.clone();
    let add_text = move || add_label.as_ref().map_or_else(|| lang.get().t(Msg::AddRow).to_string(), |l| format!("+ {}", l.get(lang.get())));
    view! {
        <div class="repeat" data-testid=testid>
            <Show when=move || count.get() == 0>
                <p class="muted">{tr(Msg::NoRows)}</p>
            </Show>
            <For each=move || { let g = shifted.get(); (0..count.get()).map(move |i| (g, i)).collect::<Vec<_>>() } key=|k| *k
                children=move |(_, i)| view! {
                    <RepeatRow repeat=rows_id.clone() index=i subs=subs.get_value() on_removed=Callback::new(move |_| shifted.update(|g| *g += 1))/>
                }/>
            <button type="button" class="button" data-testid=format!("add-row-{add_id}")
                disabled=move || { ctx.read_only.get() || max_rows.is_some_and(|m| count.get() >= m) }
                on:click=move |_| { ctx.answers.update(|a| { add_row(a, &id); }); }>{add_text}</button>
        </div>
    }
}
