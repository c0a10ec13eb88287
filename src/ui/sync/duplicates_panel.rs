//! Enterprises that share a tax code (registered on two laptops before
//! either saw the other's): shown side by side, field by field; the officer
//! keeps one, picking fields from the others, and the others merge into it.

use super::status::SyncStatus;
use crate::i18n::Msg;
use crate::model::enterprise::Enterprise;
use crate::model::record::Record;
use crate::sync::{diff, local};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use crate::web::{broadcast, browser, record_store};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

#[component]
pub fn DuplicatesPanel() -> impl IntoView {
    let register = expect_context::<Register>();
    let status = expect_context::<SyncStatus>();
    let note = RwSignal::new(None::<Msg>);
    let groups = Memo::new(move |_| {
        register.registry.with(|r| local::likely_duplicates(r.records()).into_iter().map(|g| g.into_iter().cloned().collect::<Vec<_>>()).collect::<Vec<_>>())
    });
    let merge = move |keep: String, payload: Enterprise, others: Vec<(String, local::Seen)>| {
        spawn_local(async move {
            let store = record_store();
            let mut outcome = Msg::EnterprisesMerged;
            for (away, seen) in others {
                match local::merge_enterprises(&store, &keep, &away, &seen, payload.clone(), &browser::change(), browser::now_ms()).await {
                    Ok(Ok(())) => {}
                    Ok(Err(_)) => outcome = Msg::ConflictStale,
                    Err(e) => outcome = e.msg(),
                }
            }
            note.set(Some(outcome));
            broadcast::notify_changed();
            status.changed();
            register.reload().await;
        });
    };
    view! {
        {move || {
            let all = groups.get();
            (!all.is_empty() || note.get().is_some()).then(|| view! {
                <section class="card" data-testid="duplicates">
                    <h2>{tr(Msg::DuplicatesTitle)}</h2>
                    {move || note.get().map(|m| view! { <p class="banner" role="status" data-testid="duplicates-note">{tr(m)}</p> })}
                    {(!all.is_empty()).then(|| view! { <p class="hint">{tr(Msg::DuplicatesHelp)}</p> })}
                    {all.into_iter().map(|g| view! { <DuplicateGroup group=g merge=merge/> }).collect_view()}
                </section>
            })
        }}
    }
}

#[component]
fn DuplicateGroup(group: Vec<Record<Enterprise>>, merge: impl Fn(String, Enterprise, Vec<(String, local::Seen)>) + Copy + Send + Sync + 'static) -> impl IntoView {
    let lang = use_lang();
    let picks = RwSignal::new(BTreeMap::<String, usize>::new());
    let payloads: Vec<&Enterprise> = group.iter().map(|r| &r.payload).collect();
    let fields = diff::field_table(&payloads, lang.get_untracked());
    let group = StoredValue::new(group);
    let name = format!("dup-{}", group.with_value(|g| g[0].id.clone()));
    view! {
        <article class="conflict" data-testid="duplicate-group">
            <table class="data-table small field-diff">
                <thead><tr>
                    <th scope="col">{tr(Msg::ColField)}</th>
                    {group.with_value(|g| g.iter().enumerate().map(|(i, r)| {
                        let who = format!("{} · {}", r.author(), crate::format::format_date_time(r.updated_ms(), browser::utc_offset_minutes()));
                        view! {
                            <th scope="col" data-testid="duplicate-record">
                                {who}<br/>
                                <button type="button" class="button small" data-testid="keep-enterprise" on:click=move |_| {
                                    let (keep, payload, others) = group.with_value(|g| {
                                        let payloads: Vec<&Enterprise> = g.iter().map(|r| &r.payload).collect();
                                        // Fields not picked come from the record kept.
                                        let mut chosen: BTreeMap<String, usize> = picks.get_untracked();
                                        for f in diff::field_table(&payloads, crate::i18n::Lang::Vi) {
                                            chosen.entry(f.key).or_insert(i);
                                        }
                                        let payload = diff::merge_fields(&g[i].payload, &payloads, &chosen).unwrap_or_else(|| g[i].payload.clone());
                                        (g[i].id.clone(), payload, g.iter().filter(|r| r.id != g[i].id).enumerate().map(|(n, r)| {
                                            // The kept record is checked once: after the first merge it is that merge's result.
                                            let seen = if n == 0 { local::versions_seen(&[g[i].clone(), r.clone()]) } else { local::versions_seen(std::slice::from_ref(r)) };
                                            (r.id.clone(), seen)
                                        }).collect::<Vec<_>>())
                                    });
                                    merge(keep, payload, others);
                                }>{tr(Msg::KeepThisEnterprise)}</button>
                            </th>
                        }
                    }).collect_view())}
                </tr></thead>
                <tbody>
                    {fields.into_iter().map(|f| {
                        let key = f.key.clone();
                        view! {
                            <tr data-testid="duplicate-field">
                                <th scope="row">{f.label}</th>
                                {f.values.into_iter().enumerate().map(|(i, value)| {
                                    let (k1, k2, n) = (key.clone(), key.clone(), format!("{name}-{key}"));
                                    view! {
                                        <td><label class="radio">
                                            <input type="radio" name=n data-testid="pick-duplicate-field"
                                                prop:checked=move || picks.with(|p| p.get(&k1) == Some(&i))
                                                on:change=move |_| picks.update(|p| { p.insert(k2.clone(), i); })/>
                                            {if value.is_empty() { "—".to_string() } else { value }}
                                        </label></td>
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </article>
    }
}
