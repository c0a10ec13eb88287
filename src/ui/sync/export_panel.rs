//! Export: everything, or what changed since the last file to a
//! recipient, narrowed by kind, unit and date; compressed and, with a
//! passphrase, encrypted.

use super::kind_label::kind_msg;
use super::status::SyncStatus;
use crate::i18n::Msg;
use crate::sync::file::Scope;
use crate::sync::kinds::KINDS;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::{Flash, FlashKind, Register};
use crate::ui::typed_text::typed_text;
use crate::web::{browser, sync_io};
use crate::ui::day_input::DayInput;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Shorter passphrases fall to guessing even at 600,000 PBKDF2 rounds.
const MIN_PASSPHRASE_CHARS: usize = 8;

#[component]
pub fn ExportPanel() -> impl IntoView {
    let register = expect_context::<Register>();
    let status = expect_context::<SyncStatus>();
    let flash = expect_context::<Flash>();
    let lang = use_lang();
    let since_mode = RwSignal::new(false);
    let recipient = RwSignal::new(String::new());
    let kinds = RwSignal::new(KINDS.iter().map(|k| k.to_string()).collect::<Vec<_>>());
    let unit = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let compress = RwSignal::new(true);
    let passphrase = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<sync_io::Exported, ()>>);
    // When the last file to the recipient typed was made, read from the log.
    let last_sent = RwSignal::new(None::<Option<i64>>);
    Effect::new(move |_| {
        let who = recipient.get();
        status.revision.track();
        if !since_mode.get() {
            return;
        }
        spawn_local(async move {
            let log = crate::sync::local::load_audit(&crate::web::record_store()).await.unwrap_or_default();
            last_sent.set(Some(crate::sync::local::last_export_in(&log, &who).map(|t| t.ms)));
        });
    });
    let problem = move || {
        let (p, r) = (passphrase.get(), repeat.get());
        if kinds.with(Vec::is_empty) {
            // No kind would mean every kind (an empty list is "all" in a file's scope): say so instead.
            Some(Msg::NoKindChosen)
        } else if p.is_empty() {
            None
        } else if p.chars().count() < MIN_PASSPHRASE_CHARS {
            Some(Msg::PassphraseTooShort)
        } else if p != r {
            Some(Msg::PassphraseMismatch)
        } else {
            None
        }
    };
    let export = move |_| {
        if problem().is_some() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        outcome.set(None);
        // The file is what the form says at the click. Read now: the officer may leave the page
        // while the records are read (seconds for a province), and its signals go with it.
        let who = recipient.get_untracked().trim().to_string();
        let chosen = kinds.get_untracked();
        let unit_id = unit.get_untracked();
        let since_last = since_mode.get_untracked();
        let date = |s: String| (!s.is_empty()).then_some(s);
        let (from_day, to_day) = (date(from.get_untracked()), date(to.get_untracked()));
        let l = lang.get_untracked();
        let unit_label = if unit_id.is_empty() { "tinh".to_string() } else { register.units.with_untracked(|u| u.display_name(&unit_id, l)) };
        let pass = passphrase.get_untracked();
        let packing = sync_io::Packing { compress: compress.get_untracked(), passphrase: (!pass.is_empty()).then_some(pass) };
        spawn_local(async move {
            let result = async {
                // Only the log, to know where the changes since the last file start.
                let since = match since_last {
                    true => crate::sync::local::last_export_in(&crate::sync::local::load_audit(&crate::web::record_store()).await?, &who),
                    false => None,
                };
                let scope = Scope {
                    since,
                    recipient: who,
                    kinds: if chosen.len() == KINDS.len() { Vec::new() } else { chosen },
                    units: if unit_id.is_empty() { Vec::new() } else { vec![unit_id] },
                    from: from_day,
                    to: to_day,
                    from_enterprise: false,
                };
                // Everything is made of the export packs; a part, of the records read and chosen.
                if scope.is_everything() {
                    sync_io::export_everything(scope, &unit_label, &packing).await
                } else {
                    sync_io::export(sync_io::load_held().await?, scope, &unit_label, &packing).await
                }
            }
            .await;
            busy.set(false);
            match result {
                Ok(done) => {
                    // The passphrase should not stay in the page; a full backup moves the reminder's time.
                    passphrase.set(String::new());
                    repeat.set(String::new());
                    register.set_last_export();
                    outcome.set(Some(Ok(done)));
                    status.changed();
                }
                Err(e) => {
                    outcome.set(Some(Err(())));
                    flash.show(FlashKind::Error, vec![e.msg(), Msg::ExportFailed]);
                }
            }
        });
    };
    view! {
        <section class="card" data-testid="sync-export">
            <h2>{tr(Msg::SyncExportTitle)}</h2>
            <fieldset class="radio-row">
                <label class="radio"><input type="radio" name="sync-scope" data-testid="scope-everything" prop:checked=move || !since_mode.get() on:change=move |_| since_mode.set(false)/>{tr(Msg::ScopeEverything)}</label>
                <label class="radio"><input type="radio" name="sync-scope" data-testid="scope-since" prop:checked=move || since_mode.get() on:change=move |_| since_mode.set(true)/>{tr(Msg::ScopeSince)}</label>
            </fieldset>
            <div class="field">
                <label for="sync-recipient">{tr(Msg::Recipient)}</label>
                <input id="sync-recipient" type="text" data-testid="sync-recipient" placeholder=tr(Msg::RecipientHint)
                    prop:value=move || recipient.get() on:input=move |ev| recipient.set(typed_text(&ev))/>
                {move || since_mode.get().then(|| view! {
                    <p class="hint" data-testid="last-sent">{move || match last_sent.get() {
                        Some(Some(ms)) => lang.get().last_sent(&crate::format::format_date_time(ms, browser::utc_offset_minutes())),
                        _ => lang.get().t(Msg::NeverSentBefore).to_string(),
                    }}</p>
                })}
            </div>
            <fieldset class="checkbox-row">
                <legend>{tr(Msg::RecordKinds)}</legend>
                {KINDS.iter().map(|k| {
                    let k = k.to_string();
                    let (k2, testid, msg) = (k.clone(), format!("export-kind-{k}"), kind_msg(&k));
                    view! {
                        <label class="checkbox">
                            <input type="checkbox" data-testid=testid prop:checked=move || kinds.with(|ks| ks.contains(&k))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    kinds.update(|ks| { ks.retain(|x| *x != k2); if on { ks.push(k2.clone()); crate::sort::sort_by_key(ks, |x| KINDS.iter().position(|y| y == x)); } });
                                }/>
                            {tr(msg)}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field-row">
                <div class="field">
                    <label for="sync-unit">{tr(Msg::FilterUnit)}</label>
                    <select id="sync-unit" data-testid="export-unit" on:change=move |ev| unit.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || unit.get().is_empty()>{tr(Msg::AllUnits)}</option>
                        {move || { let l = lang.get(); register.units.with(|u| u.units.iter().map(|x| {
                            let id = x.id.clone();
                            let selected = id.clone();
                            view! { <option value=id prop:selected=move || unit.get() == selected>{x.label(l)}</option> }
                        }).collect_view()) }}
                    </select>
                </div>
                <div class="field narrow-field">
                    <label for="sync-from">{tr(Msg::ChangedFrom)}</label>
                    <DayInput id="sync-from" testid="export-from" value=Signal::derive(move || from.get())
                        on_change=Callback::new(move |v: String| if v.is_empty() || crate::form::answer::is_date(&v) { from.set(v) })/>
                </div>
                <div class="field narrow-field">
                    <label for="sync-to">{tr(Msg::ChangedTo)}</label>
                    <DayInput id="sync-to" testid="export-to" value=Signal::derive(move || to.get())
                        on_change=Callback::new(move |v: String| if v.is_empty() || crate::form::answer::is_date(&v) { to.set(v) })/>
                </div>
            </div>
            <label class="checkbox">
                <input type="checkbox" data-testid="export-compress" prop:checked=move || compress.get() on:change=move |ev| compress.set(event_target_checked(&ev))/>
                {tr(Msg::CompressFile)}
            </label>
            <div class="field-row">
                <div class="field">
                    <label for="sync-passphrase">{tr(Msg::Passphrase)}</label>
                    <input id="sync-passphrase" type="password" autocomplete="new-password" data-testid="export-passphrase"
                        prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(typed_text(&ev))/>
                </div>
                <div class="field">
                    <label for="sync-passphrase-repeat">{tr(Msg::PassphraseRepeat)}</label>
                    <input id="sync-passphrase-repeat" type="password" autocomplete="new-password" data-testid="export-passphrase-repeat"
                        prop:value=move || repeat.get() on:input=move |ev| repeat.set(typed_text(&ev))/>
                </div>
            </div>
            <p class="hint">{tr(Msg::PassphraseHint)}</p>
            {move || problem().map(|m| view! { <p class="field-error" role="alert" data-testid="passphrase-problem">{tr(m)}</p> })}
            <button type="button" class="button primary" data-testid="export-file" disabled=move || busy.get() || problem().is_some() on:click=export>
                {move || if busy.get() { tr(Msg::Exporting)() } else { tr(Msg::ExportFileButton)() }}
            </button>
            {move || outcome.get().and_then(|o| o.ok()).map(|done| view! {
                <p class="banner banner-success" role="status" data-testid="export-done">{move || lang.get().sync_exported(&done.name, done.records, done.bytes)}</p>
            })}
        </section>
    }
}
