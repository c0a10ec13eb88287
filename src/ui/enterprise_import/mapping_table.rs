//! The column mapping: a select per column above a preview of the header row
//! and the first data rows, as the file has them.

use leptos::prelude::*;

use super::page::Table;
use crate::i18n::Msg;
use crate::model::import_columns::{Mapping, Target};
use crate::ui::i18n::{tr, use_lang};

/// Data rows shown under the header.
const PREVIEW_ROWS: usize = 5;

#[component]
pub fn MappingTable(
    table: RwSignal<Table>,
    mapping: RwSignal<Mapping>,
    disabled: Signal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    // The preview's rows: the header and the next few, with their spreadsheet row numbers.
    let preview = Memo::new(move |_| {
        let header_row = mapping.with(|m| m.header_row);
        table.with(|t| {
            t.iter()
                .enumerate()
                .skip(header_row)
                .take(PREVIEW_ROWS + 1)
                .map(|(i, r)| (i + 1, r.clone()))
                .collect::<Vec<_>>()
        })
    });
    let width = Memo::new(move |_| {
        let w = preview.with(|p| p.iter().map(|(_, r)| r.len()).max().unwrap_or(0));
        w.max(mapping.with(|m| m.columns.len()))
    });
    let set_header = move |ev: leptos::ev::Event| {
        let Ok(n) = event_target_value(&ev).parse::<usize>() else {
            return;
        };
        let rows = table.with_untracked(|t| t.len());
        if n >= 1 && n <= rows {
            // A new header row: guess its columns afresh.
            let guessed =
                table.with_untracked(|t| crate::model::import_columns::map_header(&t[n - 1]).0);
            let w = width.get_untracked();
            let mut columns = guessed;
            columns.resize(w.max(columns.len()), None);
            mapping.set(Mapping {
                header_row: n - 1,
                columns,
            });
        }
    };

    view! {
        <div class="import-mapping">
            <h2>{tr(Msg::ImportMappingTitle)}</h2>
            <p class="hint">{tr(Msg::ImportMappingHint)}</p>
            <div class="field header-row-field">
                <label for="import-header-row">{tr(Msg::ImportHeaderRow)}</label>
                <input id="import-header-row" type="number" min="1" class="narrow" data-testid="import-header-row"
                    prop:value=move || mapping.with(|m| (m.header_row + 1).to_string())
                    disabled=move || disabled.get() on:change=set_header/>
            </div>
            <div class="table-scroll">
                <table class="data-table import-preview" data-testid="import-preview">
                    <caption>{tr(Msg::ImportPreviewCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr(Msg::ImportColRow)}</th>
                            {move || (0..width.get()).map(|c| {
                                let current = move || mapping.with(|m| m.columns.get(c).copied().flatten().map(|t| t.key()).unwrap_or(""));
                                view! {
                                    <th scope="col">
                                        <select data-testid=format!("map-col-{c}") prop:value=current aria-label=move || lang.get().import_column_field(c + 1)
                                            disabled=move || disabled.get()
                                            on:change=move |ev| {
                                                let v = event_target_value(&ev);
                                                mapping.update(|m| m.set(c, Target::from_key(&v)));
                                            }>
                                            <option value="" selected=move || current().is_empty()>{tr(Msg::ImportNotImported)}</option>
                                            {Target::ALL.into_iter().map(|t| view! {
                                                <option value=t.key() selected=move || current() == t.key()>{move || lang.get().t(t.label())}</option>
                                            }).collect_view()}
                                        </select>
                                    </th>
                                }
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || preview.get().into_iter().enumerate().map(|(k, (n, row))| {
                            let w = width.get();
                            let class = if k == 0 { "header-row" } else { "" };
                            view! {
                                <tr class=class>
                                    <td class="num">{n}</td>
                                    {(0..w).map(|c| view! { <td>{row.get(c).cloned().unwrap_or_default()}</td> }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}
