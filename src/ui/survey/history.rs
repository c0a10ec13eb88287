//! The kept versions of a survey: when it was completed, reopened and
//! changed, by whom, and which questions changed each time.

use crate::form::{Answers, Form};
use crate::i18n::{Lang, Msg};
use crate::model::record::Record;
use crate::model::survey::{Survey, SurveyStatus};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use crate::web::{browser, record_store};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Labels of the questions whose answers differ between two versions.
fn changed_labels(form: &Form, newer: &Answers, older: &Answers, lang: Lang) -> Vec<String> {
    let mut ids: Vec<&String> = newer.keys().chain(older.keys()).collect();
    ids.sort();
    ids.dedup();
    ids.into_iter()
        .filter(|id| newer.get(*id) != older.get(*id))
        .map(|id| form.question(id).map_or_else(|| id.clone(), |q| q.label.get(lang).to_string()))
        .collect()
}

#[component]
pub fn SurveyHistory(id: String, form: Arc<Form>, status: RwSignal<SurveyStatus>) -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let versions = RwSignal::new(Vec::<Record<Survey>>::new());
    let load_id = id.clone();
    Effect::new(move |_| {
        status.track();
        let id = load_id.clone();
        spawn_local(async move {
            if let Ok(h) = record_store().history::<Survey>(&id).await {
                versions.set(h);
            }
        });
    });
    let offset = browser::utc_offset_minutes();
    let rows = move || {
        let l = lang.get();
        // The saved version changes on every keystroke; the list needs it only when a version is kept.
        let current = register.surveys.records.with_untracked(|s| s.iter().find(|r| r.id == id).cloned());
        let older = versions.get();
        let mut chain: Vec<Record<Survey>> = current.into_iter().chain(older).collect();
        chain.dedup_by(|a, b| a.version == b.version);
        (0..chain.len())
            .map(|i| {
                let v = &chain[i];
                let changed = match chain.get(i + 1) {
                    Some(prev) => changed_labels(&form, &v.payload.answers, &prev.payload.answers, l).join("; "),
                    None => l.t(Msg::HistoryFirst).to_string(),
                };
                let who = v.author().to_string();
                view! {
                    <tr data-testid="survey-history-row">
                        <td>{crate::format::format_date_time(v.updated_ms(), offset)}</td>
                        <td>{who}</td>
                        <td data-testid="history-status">{l.survey_status(v.payload.status)}</td>
                        <td>{l.answered_of(v.payload.answered, v.payload.total)}</td>
                        <td class="wrap">{changed}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <details class="record-info" data-testid="survey-history">
            <summary>{tr(Msg::SurveyHistory)}</summary>
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
