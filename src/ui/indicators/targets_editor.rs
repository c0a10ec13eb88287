//! Settings › Targets: each indicator's default and current target per term,
//! edited and saved as a record version (validated; a refusal says why),
//! reset to the default, and the history of changes.

use super::progress_table::{number, target_text};
use super::target_history::TargetHistory;
use super::target_store::save_target;
use crate::i18n::Msg;
use crate::format::in_language;
use crate::indicators::{default_target, parse_target_pair, shipped, target_with, Period, StoredTargets, TargetInputError, TargetSource};
use crate::model::clock::VersionVector;
use crate::model::indicator_target::record_id;
use crate::ui::i18n::{figures_language, tr, use_lang};
use crate::ui::state::{Flash, FlashKind, Register};
use crate::ui::typed_text::typed_text;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn input_msg(e: TargetInputError) -> Msg {
    match e {
        TargetInputError::Empty => Msg::TargetErrEmpty,
        TargetInputError::NotANumber => Msg::TargetErrNotNumber,
        TargetInputError::Negative => Msg::TargetErrNegative,
        TargetInputError::TooLarge => Msg::TargetErrTooLarge,
        TargetInputError::NotWhole => Msg::TargetErrNotWhole,
        TargetInputError::StretchBelow => Msg::TargetErrStretchBelow,
    }
}

#[component]
pub fn TargetsEditor() -> impl IntoView {
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    let lang = use_lang();
    let defs = shipped();
    let stored = Memo::new_with_compare(move |_| register.targets.records.with(|t| StoredTargets::new(t)), |_, _| true);
    // The row being edited (indicator, period) and what is typed.
    let editing = RwSignal::new(None::<(String, Period)>);
    let value = RwSignal::new(String::new());
    let stretch = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Msg>);
    let busy = RwSignal::new(false);
    // The stored version the edit began from, so a save elsewhere meanwhile is not written over.
    let seen = StoredValue::new(VersionVector::default());
    // The version of the target this page shows now (none stored: the default).
    let shown_version = move |id: &str, p: Period| {
        let record = record_id(id, &p.key());
        register.targets.records.with_untracked(|all| all.iter().find(|r| r.id == record).map(|r| r.version.clone()).unwrap_or_default())
    };

    // A language switch with a row open: `1.000` typed in Vietnamese (a thousand) must not be
    // saved as English's 1.
    let written_in = figures_language(move |was, now| {
        value.update(|v| *v = in_language(v, was, now));
        stretch.update(|v| *v = in_language(v, was, now));
    });

    let start = move |id: String, p: Period| {
        let l = written_in.get_value();
        let (current, kept) = stored.with_untracked(|s| {
            let def = defs.get(&id);
            (def.and_then(|d| target_with(defs, d, p, s)), s.get(&id, p).cloned())
        });
        value.set(current.as_ref().map(|t| number(t.value, l)).unwrap_or_default());
        stretch.set(current.and_then(|t| t.stretch).map(|x| number(x, l)).unwrap_or_default());
        note.set(kept.map(|k| k.note).unwrap_or_default());
        error.set(None);
        seen.set_value(shown_version(&id, p));
        editing.set(Some((id, p)));
    };
    let write = move |id: String, p: Period, seen: VersionVector, parsed: Option<(f64, Option<f64>)>, text: String| {
        busy.set(true);
        spawn_local(async move {
            let result = save_target(register, &id, &p.key(), seen, parsed.map(|x| x.0), parsed.and_then(|x| x.1), text).await;
            let _ = busy.try_set(false);
            match result {
                Ok(()) => {
                    let _ = editing.try_set(None);
                    flash.show(FlashKind::Success, vec![if parsed.is_some() { Msg::TargetSaved } else { Msg::TargetResetDone }]);
                }
                Err(m) => {
                    let _ = error.try_set(Some(m));
                }
            }
        });
    };
    let save = move |_| {
        let Some((id, p)) = editing.get_untracked() else { return };
        match parse_target_pair(&value.get_untracked(), &stretch.get_untracked(), written_in.get_value()) {
            Ok(pair) => write(id, p, seen.get_value(), Some(pair), note.get_untracked().trim().to_string()),
            Err(e) => error.set(Some(input_msg(e))),
        }
    };

    view! {
        <section class="card ind-targets" data-testid="targets-editor">
            <h2>{tr(Msg::TargetsTitle)}</h2>
            <p class="muted">{tr(Msg::TargetsHelp)}</p>
            <table class="data-table compact">
                <thead><tr>
                    <th scope="col">{tr(Msg::IndIndicator)}</th>
                    <th scope="col">{tr(Msg::IndPeriod)}</th>
                    <th scope="col" class="num">{tr(Msg::TargetDefault)}</th>
                    <th scope="col" class="num">{tr(Msg::TargetCurrent)}</th>
                    <th scope="col"></th>
                </tr></thead>
                <tbody>
                    {move || {
                        let l = lang.get();
                        let s = stored.get();
                        defs.indicators.iter().flat_map(|d| [Period::TERM_2021, Period::TERM_2026].map(move |p| (d, p))).map(|(d, p)| {
                            let key = format!("{}-{}", d.id, p.key());
                            let default = default_target(defs, d, p).map(|t| target_text(&t, l)).unwrap_or_else(|| "—".into());
                            let current = target_with(defs, d, p, &s);
                            let is_stored = matches!(current.as_ref().map(|t| &t.source), Some(TargetSource::Stored { .. }));
                            let current = current.map(|t| target_text(&t, l)).unwrap_or_else(|| "—".into());
                            let (id1, id2) = (d.id.clone(), d.id.clone());
                            let this = (d.id.clone(), p);
                            let is_editing = move || editing.get().as_ref() == Some(&this);
                            view! {
                                <tr data-testid=format!("target-row-{key}") class:stored=is_stored>
                                    <th scope="row">{d.label.get(l).to_string()}</th>
                                    <td class="period">{p.key()}</td>
                                    <td class="num">{default}</td>
                                    <td class="num" data-testid=format!("target-current-{key}")>{current}</td>
                                    <td class="actions">
                                        <button type="button" class="button small" data-testid=format!("target-edit-{key}") on:click=move |_| start(id1.clone(), p)>{l.t(Msg::TargetEdit)}</button>
                                        {is_stored.then(|| view! {
                                            <button type="button" class="button small secondary" data-testid=format!("target-reset-{key}") disabled=move || busy.get()
                                                on:click=move |_| write(id2.clone(), p, shown_version(&id2, p), None, String::new())>{l.t(Msg::TargetReset)}</button>
                                        })}
                                    </td>
                                </tr>
                                {move || is_editing().then(|| view! {
                                    <tr class="ind-target-form" data-testid="target-form">
                                        <td colspan="5">
                                            <div class="form-row">
                                                <div class="field narrow-field">
                                                    <label for="target-value">{tr(Msg::TargetFieldValue)}</label>
                                                    <input id="target-value" type="text" inputmode="decimal" data-testid="target-value"
                                                        prop:value=move || value.get() on:input=move |ev| value.set(typed_text(&ev))
                                                        aria-invalid=move || error.get().is_some().to_string()/>
                                                </div>
                                                <div class="field narrow-field">
                                                    <label for="target-stretch">{tr(Msg::TargetFieldStretch)}</label>
                                                    <input id="target-stretch" type="text" inputmode="decimal" data-testid="target-stretch"
                                                        prop:value=move || stretch.get() on:input=move |ev| stretch.set(typed_text(&ev))/>
                                                </div>
                                                <div class="field">
                                                    <label for="target-note">{tr(Msg::TargetFieldNote)}</label>
                                                    <input id="target-note" type="text" data-testid="target-note" maxlength="300"
                                                        prop:value=move || note.get() on:input=move |ev| note.set(typed_text(&ev))/>
                                                </div>
                                            </div>
                                            {move || error.get().map(|m| view! { <p class="field-error" role="alert" data-testid="target-error">{tr(m)}</p> })}
                                            <div class="actions">
                                                <button type="button" class="button primary" data-testid="target-save" disabled=move || busy.get() on:click=save>{tr(Msg::TargetSave)}</button>
                                                <button type="button" class="button" data-testid="target-cancel" on:click=move |_| editing.set(None)>{tr(Msg::TargetCancel)}</button>
                                            </div>
                                        </td>
                                    </tr>
                                })}
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
            <TargetHistory/>
        </section>
    }
}
