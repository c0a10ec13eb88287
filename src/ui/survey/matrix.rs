//! A matrix: the same scale or choice list for several rows, one answer per row.

use super::context::use_form;
use crate::form::definition::{Cells, MatrixRow};
use crate::form::{Answer, LocalText, Slot};
use crate::ui::i18n::use_lang;
use leptos::prelude::*;
use std::collections::BTreeMap;

#[component]
pub fn Matrix(rows: Vec<MatrixRow>, cells: Cells, at: Slot) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let key = at.key();
    let current = ctx.answer(&at);
    let (columns, legend): (Vec<(String, LocalText)>, Option<Vec<LocalText>>) = match cells {
        Cells::Levels(levels) => ((0..levels.len()).map(|i| (i.to_string(), LocalText { vi: i.to_string(), en: i.to_string() })).collect(), Some(levels)),
        Cells::Choices(choices) => (choices.into_iter().map(|c| (c.value, c.label)).collect(), None),
    };
    let head = columns.iter().map(|(_, label)| {
        let label = label.clone();
        view! { <th scope="col">{move || label.get(lang.get()).to_string()}</th> }
    }).collect_view();
    let body = rows
        .into_iter()
        .map(|row| {
            let row_label = row.label.clone();
            let cells = columns
                .iter()
                .map(|(value, col_label)| {
                    let (row_id, value, at) = (row.id.clone(), value.clone(), at.clone());
                    let checked = { let (r, v) = (row_id.clone(), value.clone()); move || current.with(|a| a.as_ref().and_then(|a| a.cell(&r)) == Some(v.as_str())) };
                    let aria = { let (rl, cl) = (row.label.clone(), col_label.clone()); move || format!("{}: {}", rl.get(lang.get()), cl.get(lang.get())) };
                    let testid = format!("opt-{key}.{}-{value}", row.id);
                    let pick = move |_| {
                        let mut map: BTreeMap<String, String> = match current.get_untracked() {
                            Some(Answer::Cells(m)) => m,
                            _ => BTreeMap::new(),
                        };
                        map.insert(row_id.clone(), value.clone());
                        ctx.set(&at, Some(Answer::Cells(map)));
                    };
                    view! {
                        <td><input type="radio" name=format!("r-{key}.{}", row.id) data-testid=testid aria-label=aria
                            prop:checked=checked on:change=pick disabled=move || ctx.read_only.get()/></td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{move || row_label.get(lang.get()).to_string()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="matrix-wrap">
            <table class="matrix">
                <thead><tr><th></th>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
            {legend.map(|levels| view! {
                <ol class="levels" start="0">
                    {levels.into_iter().map(|l| view! { <li>{move || l.get(lang.get()).to_string()}</li> }).collect_view()}
                </ol>
            })}
        </div>
    }
}
