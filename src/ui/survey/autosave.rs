//! Saving an open survey: on every change, one write at a time, the latest
//! answers always written last. A draft replaces itself without filling the
//! history; completing, and the first change to a completed survey, keep
//! the version they replace.

use crate::form::{Answers, Evaluation, Orphan};
use crate::model::record::Record;
use crate::model::survey::{Survey, SurveyStatus};
use crate::store::StoreError;
use crate::ui::state::Register;
use crate::ui::survey_store::SurveySaveError;
use crate::web::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Idle,
    Saving,
    Saved(i64),
    Failed(StoreError),
    /// Someone else saved this survey; nothing more is written until the officer chooses.
    Conflict(Box<Record<Survey>>),
}

#[derive(Default)]
struct Flags {
    in_flight: bool,
    dirty: bool,
    complete: bool,
    keep_next: bool,
}

#[derive(Clone, Copy)]
pub struct Autosave {
    pub register: Register,
    pub answers: RwSignal<Answers>,
    pub eval: Memo<Evaluation>,
    /// Bumped when answers are replaced wholesale, so inputs re-read them.
    pub generation: RwSignal<u32>,
    /// The version last written (or read), which the next write must replace.
    pub base: StoredValue<Record<Survey>>,
    pub orphans: StoredValue<Vec<Orphan>>,
    pub status: RwSignal<SurveyStatus>,
    pub editing: RwSignal<bool>,
    pub state: RwSignal<SaveState>,
    /// Set when a "mark complete" write has gone through.
    pub completed: RwSignal<u32>,
    /// The form version being filled (newer than the stored one while a draft moves up).
    form_version: u32,
    flags: StoredValue<Flags>,
}

impl Autosave {
    pub fn new(register: Register, answers: RwSignal<Answers>, eval: Memo<Evaluation>, record: Record<Survey>, form_version: u32) -> Autosave {
        Autosave {
            register,
            answers,
            eval,
            generation: RwSignal::new(0),
            status: RwSignal::new(record.payload.status),
            editing: RwSignal::new(record.payload.status == SurveyStatus::Draft),
            orphans: StoredValue::new(record.payload.orphans.clone()),
            base: StoredValue::new(record),
            state: RwSignal::new(SaveState::Idle),
            completed: RwSignal::new(0),
            form_version,
            flags: StoredValue::new(Flags::default()),
        }
    }

    pub fn in_conflict(&self) -> bool {
        self.state.with(|s| matches!(s, SaveState::Conflict(_)))
    }

    /// Asks for the current answers to be written; with `complete`, as complete.
    pub fn request(self, complete: bool) {
        if self.in_conflict() {
            return;
        }
        self.flags.update_value(|f| {
            f.dirty = true;
            f.complete |= complete;
        });
        if self.flags.with_value(|f| f.in_flight) {
            return;
        }
        self.flags.update_value(|f| f.in_flight = true);
        spawn_local(async move { self.drain().await });
    }

    async fn drain(self) {
        while self.flags.with_value(|f| f.dirty) {
            let complete = self.flags.with_value(|f| f.complete);
            self.flags.update_value(|f| {
                f.dirty = false;
                f.complete = false;
            });
            let evaluation = self.eval.get_untracked();
            let finishing = complete && evaluation.is_complete();
            let old = self.base.get_value();
            let mut payload = old.payload.clone();
            payload.answers = self.answers.get_untracked();
            payload.orphans = self.orphans.get_value();
            payload.form_version = self.form_version;
            let changed = payload.answers != old.payload.answers || payload.orphans != old.payload.orphans || payload.form_version != old.payload.form_version;
            // Only a change of answers makes a completed survey a draft again; a late save with nothing new must not.
            if !finishing && !changed {
                continue;
            }
            payload.status = if finishing { SurveyStatus::Complete } else { SurveyStatus::Draft };
            payload.record_summary(&evaluation);
            if payload == old.payload {
                continue;
            }
            let keep_previous = self.flags.try_update_value(|f| std::mem::take(&mut f.keep_next)).unwrap_or(false) || finishing || old.payload.status == SurveyStatus::Complete || old.payload.form_version != payload.form_version;
            let record = old.revised(&browser::change(), payload);
            self.state.set(SaveState::Saving);
            match self.register.save_survey(record, old.version.clone(), keep_previous).await {
                Ok(saved) => {
                    self.status.set(saved.payload.status);
                    self.base.set_value(saved);
                    self.state.set(SaveState::Saved(browser::now_ms()));
                    if finishing {
                        self.editing.set(false);
                        self.completed.update(|n| *n += 1);
                    }
                }
                Err(SurveySaveError::Conflict(theirs)) => {
                    self.state.set(SaveState::Conflict(theirs));
                    break;
                }
                Err(SurveySaveError::Store(e)) => {
                    // The answers stay on screen and in memory; the next change tries again.
                    self.state.set(SaveState::Failed(e));
                    break;
                }
            }
        }
        self.flags.update_value(|f| {
            f.in_flight = false;
            f.dirty = false;
        });
    }

    /// After a conflict: write these answers over the other version (which stays in history).
    pub fn keep_mine(self) {
        let theirs = match self.state.get_untracked() {
            SaveState::Conflict(theirs) => theirs,
            _ => return,
        };
        // Their version goes to history rather than being replaced outright.
        self.flags.update_value(|f| f.keep_next = true);
        self.base.set_value(*theirs);
        self.state.set(SaveState::Idle);
        self.request(false);
    }

    /// After a conflict: show the other version and carry on from it.
    pub fn load_theirs(self) {
        let theirs = match self.state.get_untracked() {
            SaveState::Conflict(theirs) => theirs,
            _ => return,
        };
        self.answers.set(theirs.payload.answers.clone());
        self.orphans.set_value(theirs.payload.orphans.clone());
        self.status.set(theirs.payload.status);
        self.editing.set(theirs.payload.status == SurveyStatus::Draft);
        self.base.set_value(*theirs);
        self.generation.update(|g| *g += 1);
        self.state.set(SaveState::Idle);
    }
}
