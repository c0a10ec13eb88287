//! An open survey or self-assessment: the form, its autosave state,
//! finishing it, reopening a finished one, answers kept from an earlier form
//! version, and history. One component for both kinds, which differ only in
//! words, links and heading (`EditorTexts`, `heading`); it holds the record
//! as a trait object, so it is compiled once.

use super::autosave::{Autosave, SaveState};
use super::context::FormCtx;
use super::history::SurveyHistory;
use super::open::Opening;
use super::section_view::{focus_question, SectionView};
use crate::form::evaluate;
use crate::i18n::Msg;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::started_on::StartedOn;
use crate::ui::state::{DeleteError, Flash, FlashKind, Register};
use crate::web::browser;
use leptos::prelude::*;

/// The words and places that differ between the kinds the editor opens.
/// Test ids stay the same for both (one Playwright page object drives
/// both), except the section's own.
#[derive(Debug, Clone, Copy)]
pub struct EditorTexts {
    /// The editor section's test id.
    pub testid: &'static str,
    /// The list the "back" link goes to, and its words.
    pub back_href: &'static str,
    pub back: Msg,
    pub not_found: Msg,
    pub form_missing: Msg,
    /// The status badge of a finished one ("complete", "sent").
    pub done: Msg,
    /// The button that finishes it, and what is said once it is.
    pub finish: Msg,
    pub finished: Msg,
    /// Said of a finished one, beside the button that reopens it.
    pub done_read_only: Msg,
    pub reopen: Msg,
    pub conflict: Msg,
    pub history: Msg,
}

#[component]
pub fn FilledEditor(
    /// The record as stored, the form to fill it on and what to start from.
    opening: Opening,
    texts: EditorTexts,
    /// The page's heading: what the record is about, and on which form.
    #[prop(into)]
    heading: ViewFn,
    /// Shown below the form, inside the editor: it may read the form's answers
    /// and evaluation (`FormCtx`), such as a live readiness result.
    #[prop(optional, into)]
    aside: Option<ViewFn>,
) -> impl IntoView {
    let Opening { record, form, start, upgraded_from, rescued, is_new } = opening;
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    let lang = use_lang();
    let today = browser::today();
    let must_write = start.is_some();
    let (start_answers, start_orphans) = match start {
        Some(parts) => (parts.answers, parts.orphans),
        None => (record.filled().answers().clone(), record.filled().orphans().to_vec()),
    };
    let answers = RwSignal::new(start_answers);
    let eval_form = form.clone();
    let eval = Memo::new(move |_| answers.with(|a| evaluate(&eval_form, a, &today)));
    let autosave = Autosave::new(register, form.clone(), answers, eval, record.clone(), start_orphans, rescued.clone(), !is_new);
    let (done, editing, save_state, orphan_list, completed, generation, merged) =
        (autosave.done, autosave.editing, autosave.state, autosave.orphans, autosave.completed, autosave.generation, autosave.merged);
    let autosave_stored = autosave.stored;
    if rescued.is_some() {
        autosave.keep_replaced();
    }
    if must_write {
        autosave.request(false);
    }
    // Handed to event handlers by copy; the autosave itself outlives this page if a write is under way.
    let saver = StoredValue::new(autosave.clone());
    let in_conflict = move || save_state.with(|s| matches!(s, SaveState::Conflict(..)));
    let ctx = FormCtx {
        answers,
        eval,
        read_only: Signal::derive(move || !editing.get() || register.read_only() || in_conflict()),
        show_missing: RwSignal::new(false),
        generation,
        section: RwSignal::new(0),
        printing: RwSignal::new(false),
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
        let target = eval.with_untracked(|e| e.first_problem().map(str::to_string));
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
            flash.show(FlashKind::Success, vec![texts.finished]);
        }
    });

    let version = form.version;
    let status_text = move || lang.get().t(if done.get() { texts.done } else { Msg::StatusDraft });
    let overall = move || eval.with(|e| { let (a, t) = e.answered_total(); lang.get().answered_questions(a, t) });
    let issues_left = move || eval.with(|e| e.issues.len());
    let save_text = move || {
        let l = lang.get();
        match save_state.get() {
            SaveState::Idle => String::new(),
            SaveState::Saving => l.t(Msg::SavingDraft).to_string(),
            SaveState::Saved(ms) => l.draft_saved(crate::format::format_date_time(ms, browser::utc_offset_minutes()).get(11..).unwrap_or_default()),
            SaveState::Failed(e) => e.message(l).to_string(),
            SaveState::Conflict(..) => String::new(),
        }
    };
    let failed = move || save_state.with(|s| matches!(s, SaveState::Failed(_)));
    let labels = StoredValue::new(form.clone());
    let conflict = move || match save_state.get() {
        SaveState::Conflict(theirs, _) if theirs.is_deleted() => {
            let when = crate::format::format_date_time(theirs.updated_ms(), browser::utc_offset_minutes());
            let who = theirs.author().to_string();
            Some(view! {
                <div class="banner banner-warning" role="alert" data-testid="survey-deleted-elsewhere">
                    <p><strong>{tr(Msg::FilledDeletedElsewhere)}</strong>" "{move || lang.get().conflict_by(&who, &when)}</p>
                    <p>{tr(Msg::FilledDeletedElsewhereHelp)}</p>
                    <div class="actions">
                        <button type="button" class="button primary" data-testid="keep-mine" on:click=move |_| saver.with_value(Autosave::keep_mine)>{tr(Msg::FilledKeepDeleted)}</button>
                        <a href=texts.back_href class="button" data-testid="accept-deletion">{tr(Msg::FilledAcceptDeletion)}</a>
                    </div>
                </div>
            }.into_any())
        }
        SaveState::Conflict(theirs, merge) => {
            let when = crate::format::format_date_time(theirs.updated_ms(), browser::utc_offset_minutes());
            let who = theirs.author().to_string();
            let both = merge.both_changed.clone();
            let questions = move || {
                let l = lang.get();
                labels.with_value(|f| both.iter().map(|id| f.question(id).map(|q| q.label.get(l).to_string()).unwrap_or_else(|| id.clone())).collect::<Vec<_>>())
            };
            Some(view! {
                <div class="banner banner-warning" role="alert" data-testid="survey-conflict">
                    <p><strong>{tr(texts.conflict)}</strong>" "{move || lang.get().conflict_by(&who, &when)}</p>
                    <p>{tr(Msg::ConflictSurveyHelp)}</p>
                    <ul data-testid="conflict-questions">
                        {move || questions().into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}
                    </ul>
                    <div class="actions">
                        <button type="button" class="button primary" data-testid="keep-mine" on:click=move |_| saver.with_value(Autosave::keep_mine)>{tr(Msg::KeepMine)}</button>
                        <button type="button" class="button" data-testid="load-theirs" on:click=move |_| saver.with_value(Autosave::load_theirs)>{tr(Msg::LoadTheirs)}</button>
                    </div>
                </div>
            }.into_any())
        }
        _ => merged.get().map(|theirs| {
            let when = crate::format::format_date_time(theirs.updated_ms(), browser::utc_offset_minutes());
            let who = theirs.author().to_string();
            view! {
                <p class="banner" role="status" data-testid="survey-merged">
                    {tr(Msg::SurveyMergedTitle)}" "{move || lang.get().conflict_by(&who, &when)}" "{tr(Msg::SurveyMergedHelp)}
                    " "<button type="button" class="button link" data-testid="survey-merged-dismiss" on:click=move |_| merged.set(None)>{tr(Msg::Dismiss)}</button>
                </p>
            }.into_any()
        }),
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
    let stored = autosave_stored;
    let confirm_delete = RwSignal::new(false);
    let navigate = crate::ui::router::use_navigate();
    let on_delete = Callback::new(move |_| {
        let Some(base) = saver.with_value(Autosave::hold_for_delete) else {
            flash.show(FlashKind::Warning, vec![Msg::FilledChangedMeanwhile]);
            return;
        };
        let navigate = navigate.clone();
        let started_on = StartedOn::here();
        leptos::task::spawn_local(async move {
            match base.delete(register).await {
                Ok(()) => started_on.finish(&navigate, flash, texts.back_href, FlashKind::Success, vec![Msg::FilledDeleted]),
                Err(e) => {
                    // The officer may have left meanwhile: the editor's saver is then gone.
                    let _ = saver.try_with_value(Autosave::resume);
                    let (here, left) = match e {
                        DeleteError::Changed => (Msg::FilledChangedMeanwhile, Msg::LeftChangedElsewhere),
                        DeleteError::InConflict => (Msg::EditInConflict, Msg::LeftChangedElsewhere),
                        DeleteError::Store(e) => (e.msg(), e.left_msg()),
                    };
                    started_on.deletion_failed(flash, FlashKind::Warning, here, left);
                }
            }
        });
    });
    view! {
        <section class="page survey-page" data-testid=texts.testid id="survey-top">
            <p class="no-print"><a href=texts.back_href>{tr(texts.back)}</a></p>
            <div class="page-heading">
                <div>{heading.run()}</div>
                <div class="survey-state">
                    <span class="badge" class:badge-done=move || done.get() data-testid="survey-status">{status_text}</span>
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
                        <p class="muted">{tr(texts.done_read_only)}</p>
                        <button type="button" class="button" data-testid="edit-survey" disabled=move || register.read_only()
                            on:click=move |_| editing.set(true)>{tr(texts.reopen)}</button>
                    }>
                    <button type="button" class="button" data-testid="first-missing" on:click=move |_| jump_to_missing()>{tr(Msg::GoToFirstMissing)}</button>
                    <button type="button" class="button" data-testid="print-survey" on:click=move |_| {
                        // Every section drawn first, then the browser's print: it lays the page out at once.
                        ctx.printing.set(true);
                        request_animation_frame(browser::print_page);
                    }>{tr(Msg::PrintForm)}</button>
                    <button type="button" class="button primary" data-testid="mark-complete" disabled=move || ctx.read_only.get() on:click=on_complete>{tr(texts.finish)}</button>
                    <span class="muted" data-testid="issues-left" hidden=move || !ctx.show_missing.get() || issues_left() == 0>{move || lang.get().issues_left(issues_left())}</span>
                </Show>
            </div>
            <SectionView form=form/>
            // A new one is not stored until its first answer: there is nothing to delete before.
            <Show when=move || stored.get()>
                <div class="actions no-print">
                    <button type="button" class="button danger" data-testid="delete-filled"
                        disabled=move || register.read_only() on:click=move |_| confirm_delete.set(true)>{tr(Msg::DeleteFilled)}</button>
                </div>
            </Show>
            <ConfirmDialog open=confirm_delete title=Msg::ConfirmDeleteFilledTitle confirm_label=Msg::DeleteFilled on_confirm=on_delete
                body=Signal::derive(move || lang.get().t(Msg::ConfirmDeleteFilledBody).to_string())/>
            {aside.map(|aside| view! { <aside class="editor-aside">{aside.run()}</aside> })}
            <SurveyHistory record=record form=history_form done=done texts=texts/>
        </section>
    }
}
