//! The import page's steps: pick → mapping → check → summary → written.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::mapping_table::MappingTable;
use super::summary::Summary;
use crate::i18n::Msg;
use crate::model::enterprise_import::{
    check_rows, counts, mapping_is_usable, writes, Context, Progress, RowResult,
};
use crate::model::import_cells::NumberSource;
use crate::model::import_columns::{guess, Mapping};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::{LoadStatus, Register};
use crate::table::MAX_FILE_BYTES;
use crate::web::{browser, enterprise_import, file_codec, spreadsheet};

/// Where the import is.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Pick,
    Reading,
    Mapping,
    /// Rows checked so far, of how many.
    Checking(usize, usize),
    Summary,
    Writing,
    /// The message with the counts written.
    Done(String),
}

/// The table as read, shared by the steps without copying 5,000 rows.
pub type Table = Arc<Vec<Vec<String>>>;

/// How many milliseconds of checking before the browser gets a turn.
const SLICE_MS: f64 = 12.0;

#[component]
pub fn EnterpriseImportPage() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let step = RwSignal::new(Step::Pick);
    let error = RwSignal::new(None::<String>);
    let table: RwSignal<Table> = RwSignal::new(Arc::new(Vec::new()));
    let file_name = RwSignal::new(String::new());
    let mapping = RwSignal::new(Mapping::default());
    let results: RwSignal<Arc<Vec<RowResult>>> = RwSignal::new(Arc::new(Vec::new()));
    let fill = RwSignal::new(false);
    // Bumped by every new file or cancel: a check still running for an older one stops.
    let generation = StoredValue::new(0u64);

    let reset = move || {
        generation.update_value(|g| *g += 1);
        table.set(Arc::new(Vec::new()));
        results.set(Arc::new(Vec::new()));
        mapping.set(Mapping::default());
        file_name.set(String::new());
        fill.set(false);
        error.set(None);
        step.set(Step::Pick);
    };

    let on_file = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Cleared, so choosing the same file again is a new choice.
        input.set_value("");
        reset();
        // Refused before it is read: a huge file (a video picked by mistake) would not fit in
        // the page's memory, and the worker refuses more than this anyway.
        if file.size() > MAX_FILE_BYTES as f64 {
            error.set(Some(lang.get_untracked().t(Msg::SheetErrTooLarge).to_string()));
            return;
        }
        let this = generation.get_value();
        step.set(Step::Reading);
        browser::mark("nscl-sheet-read-start");
        spawn_local(async move {
            let name = file.name();
            let bytes = match file_codec::read_file(&file).await {
                Ok(b) => b.to_vec(),
                Err(_) => {
                    let _ = error.try_set(Some(
                        lang.get_untracked()
                            .t(Msg::SheetErrNotASpreadsheet)
                            .to_string(),
                    ));
                    let _ = step.try_set(Step::Pick);
                    return;
                }
            };
            let read = spreadsheet::read_table(bytes, &name).await;
            if generation.try_get_value() != Some(this) {
                return;
            }
            match read {
                Ok(rows) => {
                    let guessed = guess(&rows);
                    let _ = file_name.try_set(name);
                    let _ = table.try_set(Arc::new(rows));
                    let _ = mapping.try_set(guessed);
                    let _ = step.try_set(Step::Mapping);
                    browser::mark("nscl-sheet-preview");
                }
                Err(e) => {
                    let _ = error.try_set(Some(e.message(lang.get_untracked()).to_string()));
                    let _ = step.try_set(Step::Pick);
                }
            }
        });
    };

    // Checks every data row, a slice of about SLICE_MS at a time, then shows the summary.
    let run_check = move || {
        let this = generation.get_value();
        let rows = table.get_untracked();
        let m = mapping.get_untracked();
        let header = rows.get(m.header_row).cloned().unwrap_or_default();
        let lower = file_name.get_untracked().to_ascii_lowercase();
        let source = if lower.ends_with(".xlsx") || lower.ends_with(".xlsm") {
            NumberSource::Machine
        } else {
            NumberSource::Typed
        };
        let ctx = Context::new(
            m,
            &header,
            source,
            lang.get_untracked(),
            register.units.get_untracked(),
        );
        let range = ctx.data_rows(rows.len());
        let total = range.len();
        step.set(Step::Checking(0, total));
        error.set(None);
        browser::mark("nscl-import-check-start");
        spawn_local(async move {
            let mut progress = Progress::default();
            let mut at = range.start;
            while at < range.end {
                let started = browser::page_clock_ms();
                while at < range.end && browser::page_clock_ms() - started < SLICE_MS {
                    let end = (at + 50).min(range.end);
                    let Some(()) = register
                        .registry
                        .try_with_untracked(|r| check_rows(&ctx, &rows, at..end, r, &mut progress))
                    else {
                        return;
                    };
                    at = end;
                }
                if step
                    .try_set(Step::Checking(at - range.start, total))
                    .is_some()
                {
                    return;
                }
                browser::next_task().await;
                if generation.try_get_value() != Some(this) {
                    return;
                }
            }
            let _ = results.try_set(Arc::new(progress.results));
            let _ = step.try_set(Step::Summary);
            browser::mark("nscl-import-checked");
        });
    };

    let confirm = move |_| {
        let this = generation.get_value();
        let checked = results.get_untracked();
        let fill_empty = fill.get_untracked();
        let (new, updates) = register
            .registry
            .with_untracked(|r| writes(&checked, fill_empty, r));
        // A tax code the check found free may have been registered since, in another tab or by
        // a sync import (the register here follows them): check again rather than write a twin.
        let taken = register.registry.with_untracked(|r| {
            new.iter().any(|e| e.tax_code.as_deref().is_some_and(|t| r.owner_of_tax_code(t, None).is_some()))
        });
        if taken {
            error.set(Some(lang.get_untracked().t(Msg::ImportListStale).to_string()));
            run_check();
            return;
        }
        let c = counts(&checked);
        step.set(Step::Writing);
        spawn_local(async move {
            let written = enterprise_import::write(new, updates).await;
            if generation.try_get_value() != Some(this) {
                return;
            }
            let l = lang.get_untracked();
            match written {
                Ok(Ok(w)) => {
                    let skipped = c.matches - w.filled;
                    let _ = step.try_set(Step::Done(
                        l.import_written(w.created, w.filled, skipped, c.invalid),
                    ));
                    register.reload().await;
                }
                Ok(Err(_stale)) => {
                    // Another tab wrote meanwhile: check again against the register as it is now.
                    register.reload().await;
                    if generation.try_get_value() != Some(this) {
                        return; // the officer left the page or began again while it reloaded
                    }
                    let _ = error.try_set(Some(l.t(Msg::ImportListStale).to_string()));
                    run_check();
                }
                Err(e) => {
                    let _ = error.try_set(Some(e.message(l).to_string()));
                    let _ = step.try_set(Step::Summary);
                }
            }
        });
    };

    let busy = move || {
        matches!(
            step.get(),
            Step::Reading | Step::Checking(..) | Step::Writing
        )
    };
    let checked_counts = Memo::new(move |_| results.with(|r| counts(r)));
    let to_write = Memo::new(move |_| {
        let fill_empty = fill.get();
        results.with(|r| {
            register.registry.with(|reg| {
                let (new, updates) = writes(r, fill_empty, reg);
                (new.len(), fill_empty.then_some(updates.len()))
            })
        })
    });

    view! {
        <section class="page enterprise-import">
            <div class="page-heading">
                <h1 data-testid="page-title">{tr(Msg::ImportEnterprisesTitle)}</h1>
                <a href="/enterprises" class="button" data-testid="back-to-register">{tr(Msg::ImportBackToRegister)}</a>
            </div>
            <p class="hint">{tr(Msg::ImportEnterprisesIntro)}</p>

            {move || error.get().map(|e| view! { <p class="flash flash-error" role="alert" data-testid="import-error">{e}</p> })}

            {move || match step.get() {
                Step::Done(message) => view! {
                    <div class="import-done">
                        <p class="flash flash-success" role="status" data-testid="import-done">{message}</p>
                        <div class="actions">
                            <a href="/enterprises" class="button primary" data-testid="done-to-register">{tr(Msg::ImportBackToRegister)}</a>
                            <button type="button" class="button" data-testid="import-another" on:click=move |_| reset()>{tr(Msg::ImportAnother)}</button>
                        </div>
                    </div>
                }.into_any(),
                _ => view! {
                    <div class="field import-pick">
                        <label for="import-file">{tr(Msg::ImportPickFile)}</label>
                        <input id="import-file" type="file" data-testid="import-file"
                            accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                            disabled=busy on:change=on_file/>
                    </div>
                }.into_any(),
            }}

            {move || match step.get() {
                Step::Reading => Some(view! { <p class="busy" role="status" data-testid="import-busy">{tr(Msg::ImportReading)}</p> }.into_any()),
                Step::Checking(done, total) => Some(view! {
                    <p class="busy" role="status" data-testid="import-busy">{move || lang.get().import_checking(done, total)}</p>
                }.into_any()),
                Step::Writing => Some(view! { <p class="busy" role="status" data-testid="import-busy">{tr(Msg::ImportWriting)}</p> }.into_any()),
                _ => None,
            }}

            <Show when=move || matches!(step.get(), Step::Mapping | Step::Summary | Step::Checking(..))>
                <p data-testid="import-read">{move || lang.get().import_read(table.with(|t| t.len()), mapping.with(|m| m.header_row + 1))}</p>
                <MappingTable table=table mapping=mapping disabled=Signal::derive(move || step.get() != Step::Mapping)/>
                <div class="actions">
                    <Show when=move || step.get() == Step::Mapping>
                        <Show when=move || !mapping.with(mapping_is_usable)>
                            <p class="field-error" data-testid="import-needs-name">{tr(Msg::ImportNeedsName)}</p>
                        </Show>
                        <button type="button" class="button primary" data-testid="import-check"
                            // Rows are matched against the whole register: not before it is all read.
                            disabled=move || !mapping.with(mapping_is_usable) || register.status.with(|s| *s == LoadStatus::Loading)
                            on:click=move |_| run_check()>{tr(Msg::ImportCheck)}</button>
                        <button type="button" class="button" data-testid="import-cancel-mapping" on:click=move |_| reset()>{tr(Msg::Cancel)}</button>
                    </Show>
                    <Show when=move || step.get() == Step::Summary>
                        <button type="button" class="button" data-testid="import-remap" on:click=move |_| { results.set(Arc::new(Vec::new())); step.set(Step::Mapping); }>
                            {tr(Msg::ImportChangeMapping)}
                        </button>
                    </Show>
                </div>
            </Show>

            <Show when=move || matches!(step.get(), Step::Summary | Step::Writing)>
                <Summary results=results counts=checked_counts/>
                <div class="import-policy">
                    <p>{tr(Msg::ImportMatchPolicy)}</p>
                    <label class="checkbox">
                        <input type="checkbox" data-testid="import-fill-empty" prop:checked=move || fill.get()
                            disabled=move || step.get() != Step::Summary
                            on:change=move |ev| fill.set(event_target_checked(&ev))/>
                        {tr(Msg::ImportFillEmpty)}
                    </label>
                    <p>{tr(Msg::ImportInvalidSkipped)}</p>
                    <Show when=move || { checked_counts.get().missing_tax_code > 0 }>
                        <p>{move || lang.get().import_missing_tax_codes(checked_counts.get().missing_tax_code)}</p>
                    </Show>
                </div>
                <div class="actions">
                    {move || {
                        let (new, filled) = to_write.get();
                        let nothing = new == 0 && filled.unwrap_or(0) == 0;
                        view! {
                            <button type="button" class="button primary" data-testid="import-confirm"
                                disabled=move || nothing || step.get() != Step::Summary || register.read_only()
                                on:click=confirm>{move || lang.get().import_confirm(new, filled)}</button>
                            {nothing.then(|| view! { <span class="hint" data-testid="import-nothing">{tr(Msg::ImportNothingToWrite)}</span> })}
                        }
                    }}
                    <button type="button" class="button" data-testid="import-cancel" disabled=move || step.get() == Step::Writing
                        on:click=move |_| reset()>{tr(Msg::Cancel)}</button>
                </div>
            </Show>
        </section>
    }
}
