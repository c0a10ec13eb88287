//! A record that is one set of answers to one version of a form: a field
//! survey (`Survey`, filled by an officer) or a self-assessment
//! (`Assessment`, filled by an enterprise). The editor, its autosave and the
//! page that opens it work on this trait, so both kinds are filled the same
//! way and that code exists once.
//!
//! The trait is object safe: the editor holds the record it writes behind a
//! trait object, so the bulk of the editor is compiled once rather than once
//! per kind.

use crate::form::{migrate, score, Answers, Evaluation, Form, Orphan};

/// What lists show of a filled form without running the form again, as of its last save.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Summary {
    pub answered: usize,
    pub total: usize,
    /// The readiness score, 0 to 100, of a scored form; `None` for a form
    /// that is not scored, or before a scored item is answered.
    pub readiness: Option<f64>,
}

impl Summary {
    pub fn of(form: &Form, answers: &Answers, evaluation: &Evaluation) -> Summary {
        let (answered, total) = evaluation.answered_total();
        // Scoring walks the whole form again: only worth it where there is a score to keep.
        let readiness = if score::is_scored(form) { score::readiness(form, answers, evaluation).overall.percent() } else { None };
        Summary { answered, total, readiness }
    }
}

/// The parts of a filled form its editor writes; everything else the record
/// holds (whom it is about, a self-assessment's action plan) is carried over
/// from the stored version unchanged.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FilledParts {
    pub answers: Answers,
    pub orphans: Vec<Orphan>,
    pub form_version: u32,
    /// Finished: complete (a survey) or submitted (a self-assessment).
    pub done: bool,
    pub summary: Summary,
}

/// The answers of a filled form, borrowed to be changed in place.
pub struct AnswersMut<'a> {
    pub answers: &'a mut Answers,
    pub orphans: &'a mut Vec<Orphan>,
    pub form_version: &'a mut u32,
}

pub trait FilledForm {
    fn form_id(&self) -> &str;
    fn form_version(&self) -> u32;
    fn answers(&self) -> &Answers;
    /// Answers from an earlier form version that the current one cannot hold.
    fn orphans(&self) -> &[Orphan];
    /// Finished: every rule passed when it was marked complete (a survey) or submitted (a self-assessment).
    fn is_done(&self) -> bool;
    fn set_done(&mut self, done: bool);
    /// The register enterprise it is about; a self-assessment may not be linked to one yet.
    fn enterprise_id(&self) -> Option<&str>;
    fn summary(&self) -> Summary;
    /// Keeps a summary; a kind that has nowhere to keep part of it (a survey's readiness) drops that part.
    fn set_summary(&mut self, summary: Summary);
    fn answers_mut(&mut self) -> AnswersMut<'_>;

    /// Keeps the progress (and a scored form's readiness) of these answers for lists.
    fn record_summary(&mut self, form: &Form, evaluation: &Evaluation) {
        let summary = Summary::of(form, self.answers(), evaluation);
        self.set_summary(summary);
    }

    /// Moves the answers onto a newer version of the form, keeping what no longer fits.
    fn move_to(&mut self, from: &Form, to: &Form) {
        let (answers, orphans) = migrate(self.answers(), from, to);
        let parts = self.answers_mut();
        *parts.answers = answers;
        parts.orphans.extend(orphans);
        *parts.form_version = to.version;
    }

    /// Whether this should move to `latest` when opened: a draft on an older
    /// version. A finished one stays on the version it was finished on.
    fn needs_upgrade(&self, latest: &Form) -> bool {
        !self.is_done() && self.form_id() == latest.id && self.form_version() < latest.version
    }

    /// The parts the editor would write now.
    fn parts(&self) -> FilledParts {
        FilledParts {
            answers: self.answers().clone(),
            orphans: self.orphans().to_vec(),
            form_version: self.form_version(),
            done: self.is_done(),
            summary: self.summary(),
        }
    }

    /// Takes what the editor writes, leaving every other field as it was.
    fn set_parts(&mut self, parts: FilledParts) {
        let place = self.answers_mut();
        *place.answers = parts.answers;
        *place.orphans = parts.orphans;
        *place.form_version = parts.form_version;
        self.set_done(parts.done);
        self.set_summary(parts.summary);
    }
}
