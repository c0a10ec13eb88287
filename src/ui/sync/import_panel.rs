//! Import: choose files (one, or every district's at once), open encrypted
//! ones with a passphrase, see each file checked and the preview of what
//! they change together, then write it all in one step, or undo the last
//! import.

use super::preview_view::PreviewView;
use super::status::SyncStatus;
use crate::drop_in_parts::DropInParts;
use crate::i18n::Msg;
use crate::sync::error::ImportError;
use crate::sync::local::{self, Held, Incoming, KindView, Preview, UndoRefused, Verdict};
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::{FlashKind, Register};
use crate::ui::typed_text::typed_text;
use crate::web::{browser, sync_io};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// How many changed records of each kind the preview lists (the counts cover all).
const LISTED_PER_KIND: usize = 100;

#[derive(Debug, Clone, PartialEq)]
enum FileOutcome {
    Read { records: usize, verdict: Verdict },
    Refused(ImportError),
}

#[derive(Debug, Clone, PartialEq)]
struct FileRow {
    name: String,
    outcome: FileOutcome,
}

#[derive(Debug, Clone, PartialEq)]
enum Note {
    Text(FlashKind, Msg),
    Imported(usize, usize, usize, usize),
    Failed(crate::store::StoreError),
}

/// Frees what an import worked with (a province's files, what the laptop held, the preview:
/// each tens of thousands of records) a part at a time with the page free between, instead of
/// in the task that is done with them (the preview alone held the page 200-260 ms).
fn drop_later(incoming: Vec<Incoming>, worked_out: Option<(Held, Preview)>) {
    let mut parts = DropInParts::new();
    for file in incoming {
        file.drop_into(&mut parts);
    }
    if let Some((held, preview)) = worked_out {
        held.drop_into(&mut parts);
        preview.drop_into(&mut parts);
    }
    if !parts.is_empty() {
        spawn_local(parts.run(browser::next_task));
    }
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let register = expect_context::<Register>();
    let status = expect_context::<SyncStatus>();
    let lang = use_lang();
    let picked = StoredValue::new_local(Vec::<web_sys::File>::new());
    let incoming = StoredValue::new(Vec::<Incoming>::new());
    let worked_out = StoredValue::new(None::<(Held, Preview)>);
    let rows = RwSignal::new(Vec::<FileRow>::new());
    let kinds = RwSignal::new(None::<Vec<KindView>>);
    let changes = RwSignal::new(false);
    let duplicates = RwSignal::new(0usize);
    let result_notes = RwSignal::new(Vec::<(bool, local::Matched)>::new());
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(None::<Msg>);
    let note = RwSignal::new(None::<Note>);
    let undo_open = RwSignal::new(false);

    let clear = move || {
        drop_later(incoming.try_update_value(std::mem::take).unwrap_or_default(), worked_out.try_update_value(Option::take).flatten());
        kinds.set(None);
        changes.set(false);
    };

    // Works out the preview of the files read, against what is held now. It runs after an
    // await (files read, an import refused as stale): the officer may have left the page, and
    // its values with it; then there is nothing to preview.
    let make_preview = move || async move {
        if incoming.try_with_value(Vec::is_empty).unwrap_or(true) {
            return;
        }
        // Taken out for the steps (choosing or opening files waits while busy) and put back. The
        // files are not copied (a province's copy and its drop were a third of a second).
        let files = incoming.try_update_value(std::mem::take).unwrap_or_default();
        // Only the records the files may change are read: the page's own copies tell the rest.
        let held = sync_io::load_held_for_import(&files, register.known_versions().await).await;
        match held {
            Ok(held) => {
                // Each part of working out a province's preview is tens of milliseconds: the
                // page gets a turn between them.
                browser::next_task().await;
                let preview = local::preview_in_steps(&held, &files, browser::next_task).await;
                // Left meanwhile: the rest (duplicates, the preview's view) would show nowhere.
                if incoming.try_with_value(|_| ()).is_none() {
                    drop_later(files, Some((held, preview)));
                    return;
                }
                incoming.set_value(files);
                let mut verdicts = preview.verdicts.clone().into_iter();
                rows.update(|rs| {
                    for r in rs.iter_mut() {
                        if let FileOutcome::Read { verdict, .. } = &mut r.outcome {
                            *verdict = verdicts.next().unwrap_or(Verdict::Fresh);
                        }
                    }
                });
                changes.set(preview.changes_anything());
                // Every enterprise's tax code, held and arriving, is read again for this: a
                // province's is a task of its own.
                browser::next_task().await;
                duplicates.set(local::duplicates_after(&held, &preview));
                browser::next_task().await;
                // An enterprise's result file: say under which register enterprise it goes, or that it creates one.
                let notes = preview.matched.iter().map(|m| (true, m.clone())).chain(preview.created.iter().map(|c| (false, c.clone()))).collect();
                result_notes.set(notes);
                // Named by their forms' titles: a file chosen in the app's first seconds waits
                // for the shipped definitions (at once when they are in).
                register.wait_for_forms().await;
                let forms = register.forms.with_untracked(|f| local::form_titles(f, lang.get_untracked()));
                kinds.set(Some(local::preview_view(&preview, &held, &forms, lang.get_untracked(), LISTED_PER_KIND)));
                let earlier = worked_out.try_update_value(|w| w.replace((held, preview))).flatten();
                drop_later(Vec::new(), earlier);
                browser::mark("nscl-import-previewed");
            }
            Err(e) => {
                incoming.set_value(files);
                note.set(Some(Note::Failed(e)));
            }
        }
    };

    let read_all = move || {
        busy.set(Some(Msg::ReadingFiles));
        note.set(None);
        clear();
        spawn_local(async move {
            let pass = passphrase.get_untracked();
            let files = picked.get_value();
            // A result file is checked against the questionnaires it was filled on.
            register.wait_for_forms().await;
            let mut read_rows = Vec::new();
            let mut read = Vec::new();
            for f in files.iter() {
                let name = f.name();
                // An enterprise's result file must also fit the questionnaires it was filled on.
                let checked = sync_io::read(f, Some(pass.as_str())).await.and_then(|file| {
                    register.forms.with_untracked(|lib| crate::sync::result_check::check_result_file(lib, &file.file)).map(|()| file)
                });
                match checked {
                    Ok(file) => {
                        read_rows.push(FileRow { name, outcome: FileOutcome::Read { records: file.file.record_count(), verdict: Verdict::Fresh } });
                        read.push(file);
                    }
                    Err(e) => read_rows.push(FileRow { name, outcome: FileOutcome::Refused(e) }),
                }
                browser::next_task().await;
            }
            // The passphrase opened these files; it is not kept for the next ones.
            if !needs_passphrase_now(&read_rows) {
                passphrase.set(String::new());
            }
            rows.set(read_rows);
            incoming.set_value(read);
            make_preview().await;
            busy.set(None);
            browser::mark("nscl-import-read");
        });
    };

    let on_files = move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(list) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        // Cleared, so choosing the same file again is a new choice.
        input.set_value("");
        if files.is_empty() {
            return;
        }
        picked.set_value(files);
        read_all();
    };

    let apply = move |_| {
        // Taken out rather than copied (a province's preview holds every record it brings),
        // and put back unless it was written, so Apply still answers if the preview cannot
        // be made again.
        let Some((held, preview)) = worked_out.try_update_value(Option::take).flatten() else { return };
        busy.set(Some(Msg::Importing));
        spawn_local(async move {
            let written = sync_io::apply(&held, &preview).await;
            let c = preview.counts();
            if matches!(written, Ok(Ok(()))) {
                drop_later(Vec::new(), Some((held, preview)));
            } else {
                worked_out.set_value(Some((held, preview)));
            }
            match written {
                Ok(Ok(())) => {
                    let sum = |f: fn(&local::AuditCount) -> usize| c.iter().map(f).sum::<usize>();
                    note.set(Some(Note::Imported(sum(|x| x.new), sum(|x| x.updated), sum(|x| x.conflicts), sum(|x| x.deleted))));
                    clear();
                    rows.set(Vec::new());
                    status.changed();
                    register.reload().await;
                    // The import dropped the export packs of what it wrote: a coordinator's next
                    // step is often the province's file, which then finds them built. Once the
                    // page has read everything again (beside it, that read took 15 % longer).
                    spawn_local(crate::web::export_packs::refresh());
                }
                Ok(Err(_stale)) => {
                    note.set(Some(Note::Text(FlashKind::Warning, Msg::ImportStale)));
                    make_preview().await;
                }
                Err(e) => note.set(Some(Note::Failed(e))),
            }
            busy.set(None);
        });
    };

    let undo = Callback::new(move |()| {
        busy.set(Some(Msg::Importing));
        spawn_local(async move {
            match sync_io::undo().await {
                Ok(Ok(())) => {
                    note.set(Some(Note::Text(FlashKind::Success, Msg::Undone)));
                    status.changed();
                    register.reload().await;
                    spawn_local(crate::web::export_packs::refresh());
                }
                Ok(Err(UndoRefused::Nothing)) => note.set(Some(Note::Text(FlashKind::Warning, Msg::UndoNothing))),
                Ok(Err(UndoRefused::ChangedSince(_))) => note.set(Some(Note::Text(FlashKind::Error, Msg::UndoChanged))),
                Ok(Err(UndoRefused::SyncedSince)) => note.set(Some(Note::Text(FlashKind::Error, Msg::UndoSyncedSince))),
                Err(e) => note.set(Some(Note::Failed(e))),
            }
            busy.set(None);
        });
    });

    let needs_passphrase = move || rows.with(|rs| needs_passphrase_now(rs));
    let file_rows = move || {
        let l = lang.get();
        let list = rows.get();
        let names: Vec<String> = list.iter().filter(|r| matches!(r.outcome, FileOutcome::Read { .. })).map(|r| r.name.clone()).collect();
        list.into_iter()
            .map(|r| {
                let (class, text) = match &r.outcome {
                    FileOutcome::Read { records, verdict: Verdict::Fresh } => ("file-ok", l.verdict_fresh(*records)),
                    FileOutcome::Read { verdict: Verdict::Repeat { of }, .. } => ("file-repeat", l.verdict_repeat(names.get(*of).map_or("", String::as_str))),
                    FileOutcome::Read { verdict: Verdict::NothingNew, .. } => ("file-held", l.t(Msg::VerdictNothingNew).to_string()),
                    FileOutcome::Refused(e) => ("file-refused", e.message(l)),
                };
                view! {
                    <tr data-testid="import-file" class=class>
                        <td class="mono" data-testid="import-file-name">{r.name}</td>
                        <td data-testid="import-file-status">{text}</td>
                    </tr>
                }
            })
            .collect_view()
    };

    view! {
        <section class="card" data-testid="sync-import">
            <h2>{tr(Msg::SyncImportTitle)}</h2>
            <p class="hint">{tr(Msg::SyncImportHelp)}</p>
            <div class="form-actions">
                <label class="button primary file-button">
                    {tr(Msg::ChooseFiles)}
                    <input type="file" multiple accept=".json,.gz,.enc,application/json,application/gzip" data-testid="import-files"
                        on:change=on_files disabled=move || register.read_only() || busy.get().is_some()/>
                </label>
                {move || status.can_undo.get().then(|| view! {
                    <button type="button" class="button" data-testid="undo-import" disabled=move || busy.get().is_some() || register.read_only()
                        on:click=move |_| undo_open.set(true)>{tr(Msg::UndoImport)}</button>
                })}
            </div>
            {move || busy.get().map(|m| view! { <p class="banner" role="status" data-testid="import-busy">{tr(m)}</p> })}
            {move || note.get().map(|n| match n {
                Note::Text(kind, m) => view! { <p class=banner_class(kind) role="status" data-testid="import-note">{tr(m)}</p> }.into_any(),
                Note::Imported(new, updated, conflicts, deleted) => view! {
                    <p class="banner banner-success" role="status" data-testid="import-note">{move || lang.get().imported(new, updated, conflicts, deleted)}</p>
                }.into_any(),
                Note::Failed(e) => view! { <p class="banner banner-error" role="alert" data-testid="import-note">{move || e.message(lang.get())}</p> }.into_any(),
            })}
            {move || (!rows.with(Vec::is_empty)).then(|| view! {
                <table class="data-table" data-testid="import-files-table">
                    <thead><tr><th scope="col">{tr(Msg::ColFile)}</th><th scope="col">{tr(Msg::ColStatus)}</th></tr></thead>
                    <tbody>{file_rows}</tbody>
                </table>
            })}
            {move || needs_passphrase().then(|| view! {
                <div class="field-row">
                    <div class="field">
                        <label for="import-passphrase">{tr(Msg::Passphrase)}</label>
                        <input id="import-passphrase" type="password" autocomplete="off" data-testid="import-passphrase"
                            prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(typed_text(&ev))/>
                    </div>
                    <button type="button" class="button" data-testid="import-decrypt" disabled=move || busy.get().is_some() on:click=move |_| read_all()>{tr(Msg::OpenEncrypted)}</button>
                </div>
            })}
            {move || kinds.get().map(|k| view! {
                <section class="preview" data-testid="import-preview">
                    <h3>{tr(Msg::PreviewTitle)}</h3>
                    <PreviewView kinds=k/>
                    {move || result_notes.get().into_iter().map(|(matched, m)| {
                        // Another name under the same tax code: a warning, the officer looks before filing it there.
                        let differs = matched && m.names_differ();
                        let (class, id) = match (matched, differs) {
                            (true, true) => ("banner banner-warning", "preview-name-differs"),
                            (true, false) => ("banner", "preview-filed-under"),
                            (false, _) => ("banner", "preview-creates-enterprise"),
                        };
                        view! {
                            <p class=class data-testid=id>
                                {move || match (matched, differs) {
                                    (true, true) => lang.get().filed_under_other_name(&m.sent_name, &m.name, &m.tax_code),
                                    (true, false) => lang.get().filed_under(&m.name, &m.tax_code),
                                    (false, _) => lang.get().creates_enterprise(&m.name, &m.tax_code),
                                }}
                            </p>
                        }
                    }).collect_view()}
                    {move || (duplicates.get() > 0).then(|| view! {
                        <p class="banner banner-warning" data-testid="preview-duplicates">{move || lang.get().duplicates_after_import(duplicates.get())}</p>
                    })}
                    {move || (!changes.get()).then(|| view! { <p class="banner" data-testid="preview-nothing">{tr(Msg::PreviewNothing)}</p> })}
                    <div class="form-actions">
                        <button type="button" class="button primary" data-testid="apply-import"
                            disabled=move || !changes.get() || busy.get().is_some() || register.read_only() on:click=apply>{tr(Msg::ApplyImport)}</button>
                        <button type="button" class="button" data-testid="cancel-import" disabled=move || busy.get().is_some()
                            on:click=move |_| { clear(); rows.set(Vec::new()); }>{tr(Msg::Cancel)}</button>
                    </div>
                </section>
            })}
            <ConfirmDialog open=undo_open title=Msg::UndoImportTitle body=Signal::derive(move || lang.get().t(Msg::UndoImportBody).to_string())
                confirm_label=Msg::UndoImport on_confirm=undo/>
        </section>
    }
}

/// Whether a file is still waiting for the right passphrase.
fn needs_passphrase_now(rows: &[FileRow]) -> bool {
    rows.iter().any(|r| matches!(r.outcome, FileOutcome::Refused(ImportError::NeedsPassphrase | ImportError::WrongPassphrase)))
}

fn banner_class(kind: FlashKind) -> &'static str {
    match kind {
        FlashKind::Success => "banner banner-success",
        FlashKind::Warning => "banner banner-warning",
        FlashKind::Error => "banner banner-error",
    }
}
