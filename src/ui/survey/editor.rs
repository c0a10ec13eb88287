//! An open survey: the form, its autosave state, completing it, reopening a
//! completed one, answers kept from an earlier form version, and history.

use super::autosave::{Autosave, SaveState};
use super::context::FormCtx;
use super::history::SurveyHistory;
use super::section_view::{focus_question, SectionView};
use crate::form::{evaluate, Form};
use crate::i18n::Msg;
use crate::model::record::Record;
use crate::model::survey::{Survey, SurveyStatus};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::{Flash, FlashKind, Register};
use crate::web::browser;
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

#[component]
pub fn SurveyEditor(
    /// The survey as stored.
    record: Record<Survey>,
    /// The form to fill it on: its own version, or the latest for a draft being moved.
    form: Arc<Form>,
    /// What to start from when it differs from the stored payload: a draft
    /// moved onto `form` from an older version, rescued answers, or both.
    #[prop(default = None)]
    start: Option<Survey>,
    /// The form version the stored draft was on, when it was moved to `form`.
    #[prop(default = None)]
    upgraded_from: Option<u32>,
    /// The key of the rescued answers `start` holds; removed once they are written.
    #[prop(default = None)]
    rescued: Option<String>,
) -> impl IntoView {
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    let lang = use_lang();
    let today = browser::today();
    let must_write = start.is_some();
    let start = start.unwrap_or_else(|| record.payload.clone());
    let answers = RwSignal::new(start.answers.clone());
    let eval_form = form.clone();
    let eval = Memo::new(move |_| answers.with(|a| evaluate(&eval_form, a, &today)));
    let autosave = Autosave::new(register, answers, eval, record.clone(), form.version, start.orphans, rescued.clone());
    let (status, editing, save_state, orphan_list, completed, generation) =
        (autosave.status, autosave.editing, autosave.state, autosave.orphans, autosave.completed, autosave.generation);
    if rescued.is_some() {
        autosave.keep_replaced();
    }
    if must_write {
        autosave.request(false);
    }
    // Handed to event handlers by copy; the autosave itself outlives this page if a write is under way.
    let saver = StoredValue::new(autosave.clone());
    let in_conflict = move || save_state.with(|s| matches!(s, SaveState::Conflict(_)));
    let ctx = FormCtx {
        answers,
        eval,
        read_only: Signal::derive(move || !editing.get() || register.read_only() || in_conflict()),
        show_missing: RwSignal::new(false),
        generation,
        section: RwSignal::new(0),
    };
    provide_context(ctx);

    // Every change is written; the first run only subscribes.
    Effect::new(move |first: Option<()>| {
        answers.track();
        if first.is_some() {
            saver.with_value(Autosave::changed);
        }
    });
    // Hiding or leaving the page (or the app, on a phone) writes what is pending at once.
    let (on_hide, on_hidden) = (autosave.clone(), autosave.clone());
    let hide = window_event_listener(leptos::ev::pagehide, move |_| on_hide.flush());
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| on_hidden.flush());
    on_cleanup(move || {
        autosave.flush();
        hide.remove();
        hidden.remove();
    });

    let sections = StoredValue::new(form.clone());
    let jump_to_missing = move || {
        ctx.show_missing.set(true);
        let target = eval.with_untracked(|e| e.first_missing().or_else(|| e.issues.first().map(|(p, _)| p.as_str())).map(str::to_string));
        if let Some(path) = target {
            let top = path.split('[').next().unwrap_or(&path).to_string();
            if let Some(i) = sections.with_value(|f| f.section_of(&top)) {
                ctx.section.set(i);
            }
            // After the section is on screen.
            request_animation_frame(move || focus_question(&path));
        }
    };
    let on_complete = move |_| {
        if eval.with_untracked(|e| e.is_complete()) {
            saver.with_value(|s| s.request(true));
        } else {
            flash.show(FlashKind::Warning, vec![Msg::SurveyCannotComplete]);
            jump_to_missing();
        }
    };
    Effect::new(move |_| {
        if completed.get() > 0 {
            flash.show(FlashKind::Success, vec![Msg::SurveyCompleted]);
        }
    });

    let enterprise_id = record.payload.enterprise_id.clone();
    let enterprise_name = {
        let id = enterprise_id.clone();
        move || register.registry.with(|r| r.get(&id).map(|e| e.payload.name.clone())).unwrap_or_else(|| lang.get().t(Msg::UnknownEnterprise).to_string())
    };
    let title = form.title.clone();
    let version = form.version;
    let status_text = move || lang.get().survey_status(status.get());
    let overall = move || eval.with(|e| { let (a, t) = e.answered_total(); lang.get().answered_of(a, t) });
    let issues_left = move || eval.with(|e| e.issues.len());
    let save_text = move || {
        let l = lang.get();
        match save_state.get() {
            SaveState::Idle => String::new(),
            SaveState::Saving => l.t(Msg::SavingDraft).to_string(),
            SaveState::Saved(ms) => l.draft_saved(crate::format::format_date_time(ms, browser::utc_offset_minutes()).get(11..).unwrap_or_default()),
            SaveState::Failed(e) => e.message(l).to_string(),
            SaveState::Conflict(_) => String::new(),
        }
    };
    let failed = move || save_state.with(|s| matches!(s, SaveState::Failed(_)));
    let conflict = move || match save_state.get() {
        SaveState::Conflict(theirs) => {
            let when = crate::format::format_date_time(theirs.updated_ms(), browser::utc_offset_minutes());
            let who = theirs.author().to_string();
            Some(view! {
                <div class="banner banner-warning" role="alert" data-testid="survey-conflict">
                    <p><strong>{tr(Msg::ConflictSurveyTitle)}</strong>" "{move || lang.get().conflict_by(&who, &when)}</p>
                    <p>{tr(Msg::ConflictSurveyHelp)}</p>
                    <div class="actions">
                        <button type="button" class="button primary" data-testid="keep-mine" on:click=move |_| saver.with_value(Autosave::keep_mine)>{tr(Msg::KeepMine)}</button>
                        <button type="button" class="button" data-testid="load-theirs" on:click=move |_| saver.with_value(Autosave::load_theirs)>{tr(Msg::LoadTheirs)}</button>
                    </div>
                </div>
            })
        }
        _ => None,
    };
    let orphans = move || {
        let list = orphan_list.get();
        (!list.is_empty()).then(|| view! {
            <details class="orphans" open data-testid="orphans">
                <summary>{tr(Msg::OrphansTitle)}" ("{list.len()}")"</summary>
                <p class="hint">{tr(Msg::OrphansHelp)}</p>
                <dl class="details small">
                    {list.into_iter().map(|o| {
                        let (label, text, from) = (o.label.clone(), o.text.clone(), o.from_version);
                        view! {
                            <div class="detail-row" data-testid=format!("orphan-{}", o.question)>
                                <dt>{move || label.get(lang.get()).to_string()}" ("{move || lang.get().orphan_from(from)}")"</dt>
                                <dd>{move || text.get(lang.get()).to_string()}</dd>
                            </div>
                        }
                    }).collect_view()}
                </dl>
            </details>
        })
    };
    let history_form = form.clone();
    view! {
        <section class="page survey-page" data-testid="survey-editor" id="survey-top">
            <p class="no-print"><A href="/surveys">{tr(Msg::BackToSurveys)}</A></p>
            <div class="page-heading">
                <div>
                    <h1>
                        <A href=format!("/enterprises/{enterprise_id}") attr:data-testid="survey-enterprise">{enterprise_name}</A>
                    </h1>
                    <p class="muted" data-testid="survey-form-title">{move || lang.get().form_version(title.get(lang.get()), version)}</p>
                </div>
                <div class="survey-state">
                    <span class="badge" class:badge-done=move || status.get() == SurveyStatus::Complete data-testid="survey-status">{status_text}</span>
                    <span class="muted" data-testid="survey-progress">{overall}</span>
                    <span class="save-state" class:error=failed role="status" data-testid="save-state">{save_text}</span>
                </div>
            </div>
            {upgraded_from.map(|from| view! { <p class="banner" data-testid="form-upgraded">{move || lang.get().form_upgraded(from, version)}</p> })}
            {conflict}
            {orphans}
            <div class="actions survey-actions no-print">
                <Show when=move || editing.get()
                    fallback=move || view! {
                        <p class="muted">{tr(Msg::CompleteReadOnly)}</p>
                        <button type="button" class="button" data-testid="edit-survey" disabled=move || register.read_only()
                            on:click=move |_| editing.set(true)>{tr(Msg::EditSurvey)}</button>
                    }>
                    <button type="button" class="button" data-testid="first-missing" on:click=move |_| jump_to_missing()>{tr(Msg::GoToFirstMissing)}</button>
                    <button type="button" class="button primary" data-testid="mark-complete" disabled=move || ctx.read_only.get() on:click=on_complete>{tr(Msg::MarkComplete)}</button>
                    <span class="muted" data-testid="issues-left" hidden=move || !ctx.show_missing.get() || issues_left() == 0>{move || lang.get().issues_left(issues_left())}</span>
                </Show>
            </div>
            <SectionView form=form/>
            <SurveyHistory id=record.id.clone() form=history_form status=status/>
        </section>
    }
}
