//! One report table as HTML: numbers right-aligned and formatted in the
//! page's language, group and total rows marked. Every cell is text.

use crate::report::{Cell, RowKind, Table};
use crate::ui::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn ReportTable(table: Table) -> impl IntoView {
    let lang = use_lang();
    let l = lang.get_untracked();
    let key = table.id.key();
    let columns = table.columns.len();
    let rows = table
        .rows
        .into_iter()
        .map(|row| {
            let class = match row.kind {
                RowKind::Body => "",
                RowKind::Group => "report-group",
                RowKind::Total => "report-total",
            };
            let cells = if row.kind == RowKind::Group {
                // A plan item's heading across the whole row (its second cell, which names the item).
                let heading = row.cells.get(1).map(|c| c.display(l)).unwrap_or_default();
                view! { <td colspan=columns.to_string()>{heading}</td> }.into_any()
            } else {
                row.cells
                    .into_iter()
                    .map(|c| {
                        let numeric = c.is_number();
                        match c {
                            Cell::Lines(lines) => view! { <td>{lines.into_iter().map(|x| view! { <span class="report-line">{x}</span> }).collect_view()}</td> }.into_any(),
                            other => view! { <td class:num=numeric>{other.display(l)}</td> }.into_any(),
                        }
                    })
                    .collect_view()
                    .into_any()
            };
            view! { <tr class=class>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="data-table report-table" data-testid=format!("report-table-{key}")>
            <thead><tr>{table.columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
