//! Records two laptops edited without seeing each other: every version
//! side by side, field by field. The officer keeps one version, or picks
//! each field; either way the result is a new version that travels.

use super::preview_view::version_heading;
use super::kind_label::kind_msg;
use super::status::SyncStatus;
use crate::i18n::Msg;
use crate::sync::local::{self, Choice, ConflictView};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use crate::web::{broadcast, browser, record_store};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

#[component]
pub fn ConflictsPanel() -> impl IntoView {
    let register = expect_context::<Register>();
    let status = expect_context::<SyncStatus>();
    let lang = use_lang();
    let list = RwSignal::new(None::<Vec<ConflictView>>);
    let note = RwSignal::new(None::<Msg>);
    let busy = RwSignal::new(false);
    Effect::new(move |_| {
        status.revision.track();
        let l = lang.get();
        // Named by their forms' titles once the definitions are in.
        let forms = register.forms.with(|f| local::form_titles(f, l));
        spawn_local(async move {
            // A store that cannot be read shows an empty list; the page's load banner says why.
            list.set(Some(local::open_conflicts(&record_store(), &forms, l).await.unwrap_or_default()));
            browser::mark("nscl-conflicts-loaded");
        });
    });
    let resolve = move |kind: &'static str, id: String, seen: local::Seen, choice: Choice| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let change = browser::change();
            match local::resolve_choice(&record_store(), kind, &id, &seen, choice, &change, browser::now_ms()).await {
                Ok(Ok(())) => {
                    note.set(Some(Msg::ConflictResolved));
                    broadcast::notify_changed();
                }
                Ok(Err(_)) => note.set(Some(Msg::ConflictStale)),
                Err(e) => note.set(Some(e.msg())),
            }
            busy.set(false);
            status.changed();
            register.reload().await;
        });
    };
    view! {
        <section class="card" data-testid="conflicts">
            <h2>{tr(Msg::ConflictsTitle)}" "
                {move || (status.conflicts.get() > 0).then(|| view! { <span class="badge badge-alert" data-testid="conflicts-count">{status.conflicts.get()}</span> })}
            </h2>
            {move || note.get().map(|m| view! { <p class="banner" role="status" data-testid="conflict-note">{tr(m)}</p> })}
            {move || match list.get() {
                None => view! { <p class="muted">{tr(Msg::Loading)}</p> }.into_any(),
                Some(items) if items.is_empty() => view! { <p class="muted" data-testid="no-conflicts">{tr(Msg::NoConflicts)}</p> }.into_any(),
                Some(items) => view! {
                    <p class="hint">{tr(Msg::ConflictsHelp)}</p>
                    {items.into_iter().map(|c| view! { <ConflictCard conflict=c resolve=resolve/> }).collect_view()}
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ConflictCard(conflict: ConflictView, resolve: impl Fn(&'static str, String, local::Seen, Choice) + Copy + Send + Sync + 'static) -> impl IntoView {
    let lang = use_lang();
    let picks = RwSignal::new(BTreeMap::<String, usize>::new());
    let ConflictView { kind, id, label, versions, fields, seen } = conflict;
    let seen = StoredValue::new(seen);
    let n = versions.len();
    let id_keep = id.clone();
    view! {
        <article class="conflict" data-testid="conflict">
            <h3><span class="badge">{tr(kind_msg(kind))}</span>" "<span data-testid="conflict-label">{label}</span></h3>
            <table class="data-table small field-diff">
                <thead><tr>
                    <th scope="col">{tr(Msg::ColField)}</th>
                    {versions.iter().enumerate().map(|(i, v)| {
                        let v = v.clone();
                        let id = id_keep.clone();
                        view! {
                            <th scope="col" data-testid="conflict-version">
                                {move || version_heading(&v, lang.get())}
                                {(i == 0).then(|| view! { " " <span class="badge">{tr(Msg::VersionShown)}</span> })}
                                <br/>
                                <button type="button" class="button small" data-testid="keep-version"
                                    on:click=move |_| resolve(kind, id.clone(), seen.get_value(), Choice::Version(i))>{tr(Msg::KeepVersion)}</button>
                            </th>
                        }
                    }).collect_view()}
                </tr></thead>
                <tbody>
                    {fields.into_iter().map(|f| {
                        let key = f.key.clone();
                        view! {
                            <tr data-testid="conflict-field">
                                <th scope="row">{f.label}</th>
                                {f.values.into_iter().enumerate().map(|(i, value)| {
                                    let (key, name) = (key.clone(), format!("pick-{id}-{}", f.key));
                                    let key2 = key.clone();
                                    view! {
                                        <td>
                                            <label class="radio">
                                                <input type="radio" name=name data-testid="pick-field"
                                                    prop:checked=move || picks.with(|p| p.get(&key).copied().unwrap_or(0) == i)
                                                    on:change=move |_| picks.update(|p| { p.insert(key2.clone(), i); })/>
                                                {if value.is_empty() { "—".to_string() } else { value }}
                                            </label>
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {(n > 1).then(|| view! {
                <button type="button" class="button primary" data-testid="keep-picked"
                    on:click=move |_| resolve(kind, id.clone(), seen.get_value(), Choice::Fields(picks.get_untracked()))>{tr(Msg::KeepPicked)}</button>
            })}
        </article>
    }
}
