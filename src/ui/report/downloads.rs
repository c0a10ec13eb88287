//! The report's tables as files: the whole workbook as XLSX, written by the
//! spreadsheet worker (loaded only when asked), and one table as CSV with a
//! byte-order mark, chosen in a select (a browser cannot zip several files
//! without a library, and one CSV of several tables would not sort or add up
//! in Excel).

use crate::i18n::{Lang, Msg};
use crate::indicators::Period;
use crate::report::{to_sheet, to_workbook, Table, TableId};
use crate::ui::i18n::{tr, use_lang};
use crate::web::backup::{blob_of, download_blob};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn file_name(period: Period, table: Option<TableId>, ext: &str) -> String {
    match table {
        Some(t) => format!("bao-cao-{}-{}.{ext}", period.key(), t.key()),
        None => format!("bao-cao-{}.{ext}", period.key()),
    }
}

fn save(name: &str, part: &JsValue, mime: &str) -> Result<(), JsValue> {
    download_blob(name, &blob_of(&js_sys::Array::of1(part), mime)?)
}

#[component]
pub fn Downloads(tables: Memo<Vec<Table>>, period: Signal<Period>) -> impl IntoView {
    let lang = use_lang();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<&'static str>);
    let csv_table = RwSignal::new(TableId::Indicators);

    let xlsx = move |_| {
        if busy.get_untracked() {
            return;
        }
        let l: Lang = lang.get_untracked();
        let book = tables.with_untracked(|t| to_workbook(t, l));
        let name = file_name(period.get_untracked(), None, "xlsx");
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let outcome = crate::web::spreadsheet::write_xlsx(&book).await;
            // The page may be gone by now: its signals only through try_ methods.
            let failed = match outcome {
                Ok(bytes) => save(
                    &name,
                    &js_sys::Uint8Array::from(&bytes[..]).into(),
                    XLSX_MIME,
                )
                .err()
                .map(|_| l.t(Msg::ReportFileFailed)),
                Err(e) => Some(e.message(l)),
            };
            let _ = error.try_set(failed);
            let _ = busy.try_set(false);
        });
    };
    let csv = move |_| {
        let l = lang.get_untracked();
        let id = csv_table.get_untracked();
        let Some(sheet) =
            tables.with_untracked(|t| t.iter().find(|t| t.id == id).map(|t| to_sheet(t, l)))
        else {
            return;
        };
        let text = crate::table::to_csv(&sheet);
        let failed = save(
            &file_name(period.get_untracked(), Some(id), "csv"),
            &JsValue::from_str(&text),
            "text/csv;charset=utf-8",
        )
        .is_err();
        error.set(failed.then(|| l.t(Msg::ReportFileFailed)));
    };
    view! {
        <button type="button" class="button" data-testid="report-xlsx" prop:disabled=move || busy.get() on:click=xlsx>
            {move || if busy.get() { tr(Msg::ReportPreparing)() } else { tr(Msg::ReportDownloadXlsx)() }}
        </button>
        <div class="field">
            <label for="report-csv-table">{tr(Msg::ReportCsvTable)}</label>
            <select id="report-csv-table" data-testid="report-csv-table" aria-describedby="report-csv-help"
                on:change=move |ev| if let Some(t) = TableId::from_key(&event_target_value(&ev)) { csv_table.set(t) }>
                {TableId::ALL.into_iter().map(|t| view! {
                    <option value=t.key() prop:selected=move || csv_table.get() == t>{move || lang.get().t(t.sheet_name())}</option>
                }).collect_view()}
            </select>
        </div>
        <button type="button" class="button" data-testid="report-csv" on:click=csv>{tr(Msg::ReportDownloadCsv)}</button>
        <p class="hint" id="report-csv-help">{tr(Msg::ReportCsvHelp)}</p>
        {move || error.get().map(|m| view! { <p class="field-error" role="alert" data-testid="report-file-error">{m}</p> })}
    }
}
