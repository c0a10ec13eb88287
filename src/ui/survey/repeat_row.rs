//! One row of a repeat group: its sub-questions, and the row's own slice of
//! the answers and evaluation (`RowCtx`) for them to read.

use super::context::{use_form, RowCtx, RowEval};
use super::question::QuestionView;
use crate::form::answer::remove_row;
use crate::form::evaluate::row_path;
use crate::form::{Question, Slot};
use crate::i18n::Msg;
use crate::ui::i18n::{tr, use_lang};
use leptos::prelude::*;

#[component]
pub fn RepeatRow(repeat: String, index: usize, subs: Vec<Question>, on_removed: Callback<()>) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let row_answers = {
        let repeat = repeat.clone();
        Memo::new(move |_| ctx.answers.with(|a| a.get(&repeat).and_then(|x| x.rows().get(index)).cloned()))
    };
    let ids: Vec<(String, String)> = subs.iter().map(|q| (q.id.clone(), row_path(&repeat, index, &q.id))).collect();
    let row_eval = Memo::new(move |_| {
        ctx.eval.with(|e| {
            let mut out = RowEval::default();
            for (id, path) in &ids {
                if !e.is_visible(path) {
                    out.hidden.push(id.clone());
                }
                if let Some(issue) = e.issue(path) {
                    out.issues.push((id.clone(), issue.clone()));
                }
                if let Some(v) = e.computed.get(path) {
                    out.computed.push((id.clone(), v.clone()));
                }
            }
            out
        })
    });
    provide_context(RowCtx { answers: row_answers, eval: row_eval });
    let remove_id = repeat.clone();
    view! {
        <fieldset class="repeat-row" data-testid=format!("row-{repeat}-{index}")>
            <legend>{move || lang.get().row_number(index + 1)}</legend>
            {subs.into_iter().map(|sq| {
                let at = Slot::Cell { repeat: repeat.clone(), row: index, sub: sq.id.clone() };
                view! { <QuestionView q=sq at=at/> }
            }).collect_view()}
            <button type="button" class="button small danger" data-testid=format!("remove-row-{repeat}-{index}")
                disabled=move || ctx.read_only.get()
                on:click=move |_| { ctx.answers.update(|a| remove_row(a, &remove_id, index)); on_removed.run(()); }>
                {tr(Msg::RemoveRow)}
            </button>
        </fieldset>
    }
}
