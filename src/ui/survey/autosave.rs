//! Saving an open survey or self-assessment: every change is written, one write at a time, the
//! latest answers always last. Changes made while typing are gathered for a
//! moment (`QUIET_MS`, never longer than `MAX_WAIT_MS`) so the write, which
//! serialises the whole response, is not paid on every keystroke; leaving or
//! hiding the page writes at once. A draft replaces itself without filling
//! the history; completing, and the first change to a completed one, keep
//! the version they replace.
//!
//! The write outlives the page that asked for it (the officer may type and
//! click away at once), so what it needs is held here, outside the page's
//! reactive signals, and the page's signals are only updated while they exist.
//!
//! The record is held as a trait object (`OpenRecord`), so this is compiled
//! once for both kinds.

use super::open_record::{OpenSaveError, Version};
use crate::form::answer_merge::{merge_answers, AnswerMerge};
use crate::form::{Answers, Evaluation, Form, Orphan};
use crate::model::draft_rescue::DraftRescue;
use crate::model::filled::{FilledParts, Summary};
use crate::store::StoreError;
use crate::ui::state::Register;
use crate::web::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::{Arc, Mutex};

/// Typing pauses this long before the draft is written.
const QUIET_MS: u64 = 300;
/// Continuous typing still writes at least this often.
const MAX_WAIT_MS: f64 = 1500.0;

#[derive(Clone)]
pub enum SaveState {
    Idle,
    Saving,
    Saved(i64),
    Failed(StoreError),
    /// Someone else saved this record and changed some of the same answers;
    /// nothing more is written until the officer chooses for those.
    Conflict(Version, Arc<AnswerMerge>),
}

/// The answers to write, taken when the write was asked for.
struct Snapshot {
    answers: Answers,
    orphans: Vec<Orphan>,
    summary: Summary,
    /// Mark complete (every rule passed when asked).
    finishing: bool,
}

struct Shared {
    /// The version last written (or read), which the next write must replace.
    base: Version,
    /// The form version being filled (newer than the stored one while a draft moves up).
    form_version: u32,
    next: Option<Snapshot>,
    in_flight: bool,
    /// Keep the replaced version in history even for a draft (after "keep mine").
    keep_next: bool,
    conflict: bool,
    timer: Option<TimeoutHandle>,
    /// When the oldest change not yet asked to be written was made.
    pending_since: Option<f64>,
    /// Answers on screen that are not stored yet (a write failed, or is
    /// waiting, or met a conflict); cleared only by a write that went through.
    unsaved: bool,
    /// The change stamp of the write under way, which a rescue names: if it
    /// lands after the page is gone, the rescue still applies on top of it.
    writing: Option<crate::model::clock::Hlc>,
    /// This tab's rescue key, and that of rescued answers this page started
    /// from (perhaps a closed tab's): both go once everything is written.
    rescue_keys: Vec<String>,
}

#[derive(Clone)]
pub struct Autosave {
    register: Register,
    /// The form being filled, for the summary each write keeps.
    form: Arc<Form>,
    answers: RwSignal<Answers>,
    eval: Memo<Evaluation>,
    shared: Arc<Mutex<Shared>>,
    pub orphans: RwSignal<Vec<Orphan>>,
    /// Finished: complete (a survey) or submitted (a self-assessment).
    pub done: RwSignal<bool>,
    pub editing: RwSignal<bool>,
    pub state: RwSignal<SaveState>,
    /// Counts "mark complete" writes that went through.
    pub completed: RwSignal<u32>,
    /// Bumped when answers are replaced wholesale, so inputs re-read them.
    pub generation: RwSignal<u32>,
    /// The version saved elsewhere whose answers were merged in without a question (none clashed).
    pub merged: RwSignal<Option<Version>>,
    /// Whether the record is in the store: a new one is written at its first answer.
    pub stored: RwSignal<bool>,
}

impl Autosave {
    pub fn new(register: Register, form: Arc<Form>, answers: RwSignal<Answers>, eval: Memo<Evaluation>, record: Version, orphans: Vec<Orphan>, rescued: Option<String>, stored: bool) -> Autosave {
        let rescue_keys = std::iter::once(browser::rescue_key(record.id())).chain(rescued).collect();
        let (done, form_version) = (record.filled().is_done(), form.version);
        Autosave {
            register,
            form,
            answers,
            eval,
            done: RwSignal::new(done),
            editing: RwSignal::new(!done),
            orphans: RwSignal::new(orphans),
            state: RwSignal::new(SaveState::Idle),
            completed: RwSignal::new(0),
            generation: RwSignal::new(0),
            merged: RwSignal::new(None),
            stored: RwSignal::new(stored),
            shared: Arc::new(Mutex::new(Shared {
                base: record,
                form_version,
                next: None,
                in_flight: false,
                keep_next: false,
                conflict: false,
                timer: None,
                pending_since: None,
                unsaved: false,
                writing: None,
                rescue_keys,
            })),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The next write keeps the version it replaces in the history (answers
    /// brought back from a rescue may be older than another tab's save).
    pub fn keep_replaced(&self) {
        self.lock().keep_next = true;
    }

    /// A change was made: write it soon.
    pub fn changed(&self) {
        let now = js_sys::Date::now();
        let since = {
            let mut s = self.lock();
            s.unsaved = true;
            *s.pending_since.get_or_insert(now)
        };
        if now - since >= MAX_WAIT_MS {
            self.request(false);
            return;
        }
        if let Some(t) = self.lock().timer.take() {
            t.clear();
        }
        let me = self.clone();
        let timer = set_timeout_with_handle(move || me.request(false), std::time::Duration::from_millis(QUIET_MS)).ok();
        self.lock().timer = timer;
    }

    /// Writes what is pending now (the page is being hidden or left). The
    /// write is asynchronous and may not finish if the page is going away, so
    /// the answers are also put aside synchronously (`browser::save_rescue`).
    pub fn flush(&self) {
        let (unsaved, key, base, in_flight, form_version) = {
            let s = self.lock();
            (s.unsaved || s.pending_since.is_some() || s.in_flight, s.rescue_keys[0].clone(), s.base.updated().clone(), s.writing.clone(), s.form_version)
        };
        if !unsaved {
            return;
        }
        if let Some(answers) = self.answers.try_get_untracked() {
            let orphans = self.orphans.try_get_untracked().unwrap_or_default();
            browser::save_rescue(&key, &DraftRescue { base, in_flight, form_version, answers, orphans, saved_ms: browser::now_ms() });
            // This page started from another page's rescue: what is on screen holds it, so it goes.
            let started_from: Vec<String> = self.lock().rescue_keys.iter().skip(1).cloned().collect();
            for other in started_from {
                browser::clear_rescue(&other);
            }
        }
        self.request(false);
    }

    /// Asks for the current answers to be written; with `complete`, as complete
    /// if every rule passes. Reads the page's answers now, while they exist.
    pub fn request(&self, complete: bool) {
        {
            let mut s = self.lock();
            s.pending_since = None;
            if let Some(t) = s.timer.take() {
                t.clear();
            }
            if s.conflict {
                return;
            }
        }
        let Some(answers) = self.answers.try_get_untracked() else { return };
        let Some((all_pass, summary)) = self.eval.try_with_untracked(|e| (e.is_complete(), Summary::of(&self.form, &answers, e))) else { return };
        let orphans = self.orphans.try_get_untracked().unwrap_or_default();
        let start = {
            let mut s = self.lock();
            // A completion still waiting stays one only while the answers still pass.
            let finishing = (complete || s.next.as_ref().is_some_and(|n| n.finishing)) && all_pass;
            s.next = Some(Snapshot { answers, orphans, summary, finishing });
            s.unsaved = true;
            !std::mem::replace(&mut s.in_flight, true)
        };
        if start {
            let me = self.clone();
            spawn_local(async move { me.drain().await });
        }
    }

    async fn drain(self) {
        loop {
            let (record, base_version, keep_previous, finishing) = {
                let mut s = self.lock();
                let Some(next) = s.next.take() else {
                    s.in_flight = false;
                    return;
                };
                let old = s.base.filled();
                // Onto a version deleted elsewhere, any write is the officer keeping the record (after the conflict prompt).
                let changed = next.answers != *old.answers() || next.orphans != old.orphans() || s.form_version != old.form_version() || s.base.is_deleted();
                // Only a change of answers makes a completed one a draft again; a late write with nothing new must not.
                if !next.finishing && !changed {
                    continue;
                }
                let keep = s.keep_next || next.finishing || old.is_done() || old.form_version() != s.form_version;
                let finishing = next.finishing;
                // Everything else the record holds (whom it is about, an action plan) is carried over as stored.
                let parts = FilledParts { answers: next.answers, orphans: next.orphans, form_version: s.form_version, done: finishing, summary: next.summary };
                let Some(revised) = s.base.with_parts(parts) else { continue };
                let write = (revised.clone(), s.base.version().clone(), keep, finishing);
                s.keep_next = false;
                s.writing = Some(revised.updated().clone());
                write
            };
            let _ = self.state.try_set(SaveState::Saving);
            match record.save(self.register, base_version, keep_previous).await {
                Ok(saved) => {
                    let finished = saved.filled().is_done();
                    let written = {
                        let mut s = self.lock();
                        s.base = saved;
                        s.writing = None;
                        let done = s.next.is_none() && s.pending_since.is_none();
                        if done {
                            s.unsaved = false;
                        }
                        done.then(|| s.rescue_keys.clone())
                    };
                    for key in written.iter().flatten() {
                        browser::clear_rescue(key);
                    }
                    let _ = self.done.try_set(finished);
                    let _ = self.stored.try_set(true);
                    let _ = self.state.try_set(SaveState::Saved(browser::now_ms()));
                    if finishing {
                        let _ = self.editing.try_set(false);
                        let _ = self.completed.try_update(|n| *n += 1);
                    }
                }
                Err(OpenSaveError::Conflict(theirs)) => {
                    let mut s = self.lock();
                    s.writing = None;
                    // What this page holds now; if it is gone, the last write it asked for, else this one.
                    let queued = s.next.take();
                    let mine = self.answers.try_get_untracked().or_else(|| queued.as_ref().map(|q| q.answers.clone())).unwrap_or_else(|| record.filled().answers().clone());
                    let orphans = self.orphans.try_get_untracked().or_else(|| queued.as_ref().map(|q| q.orphans.clone())).unwrap_or_else(|| record.filled().orphans().to_vec());
                    let same_form = theirs.filled().form_version() == s.form_version;
                    let merge = merge_answers(s.base.filled().answers(), &mine, theirs.filled().answers());
                    // Merged without a question only onto a live draft, and not while completing: a deletion
                    // or a completion made elsewhere, and this page's own "mark complete", are the officer's to decide.
                    let quiet = same_form && merge.is_clean() && !theirs.is_deleted() && !theirs.filled().is_done() && !finishing;
                    if quiet {
                        // Different questions changed on each side: both kept, nothing to ask.
                        s.base = theirs.clone();
                        s.keep_next = true;
                        let snapshot = self.snapshot(merge.keep_mine.clone(), orphans);
                        s.next = Some(snapshot);
                        drop(s);
                        self.show_answers(merge.keep_mine);
                        let _ = self.merged.try_set(Some(theirs));
                        continue;
                    }
                    s.conflict = true;
                    s.in_flight = false;
                    drop(s);
                    let _ = self.state.try_set(SaveState::Conflict(theirs, Arc::new(merge)));
                    return;
                }
                Err(OpenSaveError::Store(e)) => {
                    // The answers stay on screen and in memory; the next change tries again.
                    let mut s = self.lock();
                    s.writing = None;
                    s.next = None;
                    s.in_flight = false;
                    drop(s);
                    let _ = self.state.try_set(SaveState::Failed(e));
                    return;
                }
            }
        }
    }

    /// Stops writing, for a deletion: returns the version stored, which the
    /// deletion must find still there, or `None` while a write is under way
    /// (its outcome is not known yet). `resume` undoes this if the deletion fails.
    pub fn hold_for_delete(&self) -> Option<Version> {
        let mut s = self.lock();
        if s.in_flight {
            return None;
        }
        if let Some(t) = s.timer.take() {
            t.clear();
        }
        s.conflict = true;
        s.next = None;
        s.pending_since = None;
        s.unsaved = false;
        for key in &s.rescue_keys {
            browser::clear_rescue(key);
        }
        Some(s.base.clone())
    }

    /// The deletion did not happen: writing goes on, the answers on screen first.
    pub fn resume(&self) {
        self.lock().conflict = false;
        self.request(false);
    }

    /// A write of `answers` as they are, with the orphans on screen; built
    /// without the page's signals, which may be gone while a write finishes.
    fn snapshot(&self, answers: Answers, orphans: Vec<Orphan>) -> Snapshot {
        let eval = crate::form::evaluate(&self.form, &answers, &browser::today());
        let summary = Summary::of(&self.form, &answers, &eval);
        Snapshot { answers, orphans, summary, finishing: false }
    }

    /// Puts answers on screen in place of the ones there, if the page is still open.
    fn show_answers(&self, answers: Answers) {
        if self.answers.try_set(answers).is_none() {
            let _ = self.generation.try_update(|g| *g += 1);
        }
    }

    /// After a conflict: the other version's answers, with this page's
    /// answers where both changed the same question; the other version goes to history.
    pub fn keep_mine(&self) {
        self.resolve(|m| m.keep_mine.clone());
    }

    /// After a conflict: the other version's answers where both changed the
    /// same question; this page's other changes stay.
    pub fn load_theirs(&self) {
        self.resolve(|m| m.keep_theirs.clone());
    }

    fn resolve(&self, pick: impl Fn(&AnswerMerge) -> Answers) {
        let SaveState::Conflict(theirs, merge) = self.state.get_untracked() else { return };
        let theirs_filled = theirs.filled();
        if theirs_filled.form_version() != self.lock().form_version {
            // Their version is on another form version: open the page afresh so it is moved properly.
            let _ = window().location().reload();
            return;
        }
        {
            let mut s = self.lock();
            s.base = theirs.clone();
            s.keep_next = true;
            s.conflict = false;
            s.pending_since = None;
        }
        let answers = pick(&merge);
        let only_theirs = answers == *theirs_filled.answers() && !theirs.is_deleted();
        self.show_answers(answers);
        if only_theirs {
            // Nothing of this page's is left to write: their version stands as it is, finished or not.
            self.orphans.set(theirs_filled.orphans().to_vec());
            self.done.set(theirs_filled.is_done());
            self.editing.set(!theirs_filled.is_done());
            self.lock().unsaved = false;
            self.state.set(SaveState::Idle);
            return;
        }
        self.state.set(SaveState::Idle);
        self.request(false);
    }
}
