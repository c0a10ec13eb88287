//! The kept versions of a survey or self-assessment: when it was finished,
//! reopened and changed, by whom, and which questions changed each time.

use super::editor::EditorTexts;
use super::open_record::Version;
use crate::form::{Answers, Form};
use crate::i18n::{Lang, Msg};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use crate::web::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Labels of the questions whose answers differ between two versions.
fn changed_labels(form: &Form, newer: &Answers, older: &Answers, lang: Lang) -> Vec<String> {
    let mut ids: Vec<&String> = newer.keys().chain(older.keys()).collect();
    crate::sort::sort(&mut ids);
    ids.dedup();
    ids.into_iter()
        .filter(|id| newer.get(*id) != older.get(*id))
        .map(|id| form.question(id).map_or_else(|| id.clone(), |q| q.label.get(lang).to_string()))
        .collect()
}

#[component]
pub fn SurveyHistory(
    /// The record as opened: which record, and of which kind.
    record: Version,
    form: Arc<Form>,
    /// Finished or not: a version is kept on each change of it.
    done: RwSignal<bool>,
    texts: EditorTexts,
) -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let versions = RwSignal::new(Vec::<Version>::new());
    let load = record.clone();
    Effect::new(move |_| {
        done.track();
        let history = load.history();
        spawn_local(async move {
            if let Ok(h) = history.await {
                let _ = versions.try_set(h);
            }
        });
    });
    // The saved version heads the list. The register lists only a summary of it, whose version
    // says when to read the whole version again (every autosave, another tab's save).
    let current = RwSignal::new(None::<Version>);
    let listed = {
        let record = record.clone();
        Memo::new(move |_| record.listed_version(&register))
    };
    let read = record.clone();
    Effect::new(move |_| {
        let asked = listed.get();
        let stored = read.stored();
        spawn_local(async move {
            let version = stored.await;
            // Autosaves follow each other quickly: only the read for the version listed now lands.
            if listed.try_get_untracked().is_some_and(|now| now == asked) {
                let _ = current.try_set(version);
            }
        });
    });
    let offset = browser::utc_offset_minutes();
    let rows = move || {
        let l = lang.get();
        let current = current.get();
        let older = versions.get();
        let mut chain: Vec<Version> = current.into_iter().chain(older).collect();
        chain.dedup_by(|a, b| a.version() == b.version());
        (0..chain.len())
            .map(|i| {
                let v = chain[i].filled();
                let changed = match chain.get(i + 1) {
                    Some(prev) => changed_labels(&form, v.answers(), prev.filled().answers(), l).join("; "),
                    None => l.t(Msg::HistoryFirst).to_string(),
                };
                let (who, when) = (chain[i].author().to_string(), chain[i].updated_ms());
                let summary = v.summary();
                view! {
                    <tr data-testid="survey-history-row">
                        <td>{crate::format::format_date_time(when, offset)}</td>
                        <td>{who}</td>
                        <td data-testid="history-status">{l.t(if v.is_done() { texts.done } else { Msg::StatusDraft })}</td>
                        <td>{l.answered_of(summary.answered, summary.total)}</td>
                        <td class="wrap">{changed}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <details class="record-info" data-testid="survey-history">
            <summary>{tr(texts.history)}</summary>
            <table class="table small">
                <thead><tr>
                    <th>{tr(Msg::UpdatedAt)}</th><th>{tr(Msg::ColOfficer)}</th><th>{tr(Msg::ColStatus)}</th>
                    <th>{tr(Msg::ColProgress)}</th><th>{tr(Msg::HistoryTitle)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}
