//! An import's preview: per kind, how many records are new, updated, in
//! conflict, deleted or unchanged; each kind opens to its records and the
//! fields that change. Every name and value is shown as text.

use super::kind_label::kind_msg;
use crate::i18n::{Lang, Msg};
use crate::sync::diff::FieldRow;
use crate::sync::local::{KindView, VersionView};
use crate::sync::plan::Effect;
use crate::ui::i18n::{tr, use_lang};
use crate::web::browser;
use leptos::prelude::*;

pub fn effect_msg(effect: Effect) -> Msg {
    match effect {
        Effect::New => Msg::EffectNew,
        Effect::Updated => Msg::EffectUpdated,
        Effect::Conflict => Msg::EffectConflict,
        Effect::Deleted => Msg::EffectDeleted,
    }
}

/// A version's column heading: who, when, and whether it is a deletion.
pub fn version_heading(v: &VersionView, lang: Lang) -> String {
    let when = crate::format::format_date_time(v.updated_ms, browser::utc_offset_minutes());
    let deleted = if v.deleted { format!(" · {}", lang.t(Msg::VersionDeleted)) } else { String::new() };
    format!("{} · {when}{deleted}", v.author)
}

/// The fields that differ, one column per version.
#[component]
pub fn FieldTable(versions: Vec<VersionView>, fields: Vec<FieldRow>, #[prop(optional)] arrow: bool) -> impl IntoView {
    let lang = use_lang();
    view! {
        <table class="data-table small field-diff" data-testid="field-diff">
            <thead><tr>
                <th scope="col">{tr(Msg::ColField)}</th>
                {versions.into_iter().enumerate().map(|(i, v)| view! {
                    <th scope="col">{move || format!("{}{}", if arrow && i > 0 { "→ " } else { "" }, version_heading(&v, lang.get()))}</th>
                }).collect_view()}
            </tr></thead>
            <tbody>
                {fields.into_iter().map(|f| view! {
                    <tr data-testid="field-diff-row">
                        <th scope="row">{f.label}</th>
                        {f.values.into_iter().map(|v| view! { <td>{if v.is_empty() { "—".to_string() } else { v }}</td> }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn PreviewView(kinds: Vec<KindView>) -> impl IntoView {
    let lang = use_lang();
    let totals = kinds.iter().map(|k| k.count.clone()).collect::<Vec<_>>();
    view! {
        <table class="data-table" data-testid="preview-counts">
            <thead><tr>
                <th scope="col">{tr(Msg::ColKind)}</th>
                <th scope="col" class="num">{tr(Msg::EffectNew)}</th>
                <th scope="col" class="num">{tr(Msg::EffectUpdated)}</th>
                <th scope="col" class="num">{tr(Msg::EffectConflict)}</th>
                <th scope="col" class="num">{tr(Msg::EffectDeleted)}</th>
                <th scope="col" class="num">{tr(Msg::EffectUnchanged)}</th>
            </tr></thead>
            <tbody>
                {totals.into_iter().map(|c| {
                    let testid = format!("preview-row-{}", c.kind);
                    view! {
                        <tr data-testid=testid>
                            <th scope="row">{tr(kind_msg(&c.kind))}</th>
                            <td class="num" data-testid="count-new">{c.new}</td>
                            <td class="num" data-testid="count-updated">{c.updated}</td>
                            <td class="num" data-testid="count-conflicts">{c.conflicts}</td>
                            <td class="num" data-testid="count-deleted">{c.deleted}</td>
                            <td class="num" data-testid="count-unchanged">{c.unchanged}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <p class="hint">{tr(Msg::PreviewHelp)}</p>
        {kinds.into_iter().filter(|k| !k.items.is_empty()).map(|k| {
            let testid = format!("preview-kind-{}", k.kind);
            let more = k.more;
            let listed = k.items.len();
            // A kind's records are drawn when it is first opened: a province's four kinds of a
            // hundred records each, with their field tables, held the page 40-70 ms when drawn
            // with the counts, closed.
            let items = StoredValue::new(k.items);
            let opened = RwSignal::new(false);
            view! {
                <details class="preview-kind" data-testid=testid
                    on:toggle=move |ev| {
                        let open = event_target::<web_sys::Element>(&ev).has_attribute("open");
                        if open && !opened.get_untracked() {
                            opened.set(true);
                        }
                    }>
                    <summary>{tr(kind_msg(k.kind))}" ("{listed + more}")"</summary>
                    {move || opened.get().then(|| view! {
                        <ul class="preview-items">
                            {items.get_value().into_iter().map(|item| {
                                let arrow = item.effect == Effect::Updated;
                                view! {
                                    <li data-testid="preview-item">
                                        <span class="badge" data-testid="preview-effect">{tr(effect_msg(item.effect))}</span>" "
                                        <span data-testid="preview-label">{item.label}</span>
                                        {(!item.fields.is_empty()).then(|| view! { <FieldTable versions=item.versions fields=item.fields arrow=arrow/> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })}
                    {(more > 0).then(|| view! { <p class="hint">{move || format!("… +{}", crate::format::format_int(more as i64, lang.get()))}</p> })}
                </details>
            }
        }).collect_view()}
    }
}
