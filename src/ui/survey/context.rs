//! What every question component of an open survey shares.

use crate::form::eval::Value;
use crate::form::{Answer, Answers, Evaluation, Issue, Row, Slot};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct FormCtx {
    pub answers: RwSignal<Answers>,
    /// The form run over the answers; recomputed once per change.
    pub eval: Memo<Evaluation>,
    pub read_only: Signal<bool>,
    /// Required-question errors show only once the officer asks to complete or to find them.
    pub show_missing: RwSignal<bool>,
    /// Bumped when the answers are replaced wholesale, so inputs re-read them.
    pub generation: RwSignal<u32>,
    /// The section on screen.
    pub section: RwSignal<usize>,
    /// Every section is drawn, for a print.
    pub printing: RwSignal<bool>,
}

/// One row of a repeat group, sliced out of the form's answers and evaluation.
/// A keystroke in one row re-runs one small memo per row; only the row that
/// changed reaches its questions, so a 100-row repeat types as fast as a short form.
#[derive(Clone, Copy)]
pub struct RowCtx {
    pub answers: Memo<Option<Row>>,
    pub eval: Memo<RowEval>,
}

/// What the evaluation says about each sub-question of one row, by sub-question id.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RowEval {
    pub hidden: Vec<String>,
    pub issues: Vec<(String, Issue)>,
    pub computed: Vec<(String, Value)>,
}

pub fn use_form() -> FormCtx {
    expect_context::<FormCtx>()
}

impl FormCtx {
    /// One answer, as a memo: its readers update only when it changes.
    pub fn answer(&self, at: &Slot) -> Memo<Option<Answer>> {
        if let (Slot::Cell { sub, .. }, Some(row)) = (at, use_context::<RowCtx>()) {
            let sub = sub.clone();
            return Memo::new(move |_| row.answers.with(|r| r.as_ref().and_then(|r| r.get(&sub)).cloned()));
        }
        let (answers, at) = (self.answers, at.clone());
        Memo::new(move |_| answers.with(|a| at.get(a).cloned()))
    }

    pub fn text(&self, at: &Slot) -> Memo<String> {
        let answer = self.answer(at);
        Memo::new(move |_| answer.with(|a| a.as_ref().and_then(Answer::text).unwrap_or_default().to_string()))
    }

    /// Whether a question is shown, and what is wrong with its answer.
    pub fn status(&self, at: &Slot) -> Memo<(bool, Option<Issue>)> {
        if let (Slot::Cell { sub, .. }, Some(row)) = (at, use_context::<RowCtx>()) {
            let sub = sub.clone();
            return Memo::new(move |_| {
                row.eval.with(|e| (!e.hidden.contains(&sub), e.issues.iter().find(|(s, _)| *s == sub).map(|(_, i)| i.clone())))
            });
        }
        let (eval, key) = (self.eval, at.key());
        Memo::new(move |_| eval.with(|e| (e.is_visible(&key), e.issue(&key).cloned())))
    }

    pub fn computed(&self, at: &Slot) -> Memo<Value> {
        if let (Slot::Cell { sub, .. }, Some(row)) = (at, use_context::<RowCtx>()) {
            let sub = sub.clone();
            return Memo::new(move |_| row.eval.with(|e| e.computed.iter().find(|(s, _)| *s == sub).map_or(Value::Empty, |(_, v)| v.clone())));
        }
        let (eval, key) = (self.eval, at.key());
        Memo::new(move |_| eval.with(|e| e.computed.get(&key).cloned().unwrap_or(Value::Empty)))
    }

    /// The answer's text now, without subscribing: for an input's starting value.
    pub fn text_now(&self, at: &Slot) -> String {
        self.answers.with_untracked(|a| at.get(a).and_then(Answer::text).unwrap_or_default().to_string())
    }

    pub fn set(&self, at: &Slot, value: Option<Answer>) {
        self.answers.update(|a| at.set(a, value));
    }

    pub fn set_text(&self, at: &Slot, text: String) {
        self.set(at, Some(Answer::Text(text)));
    }
}

/// The DOM id of a question's input, so its label can point at it.
pub fn input_id(at: &Slot) -> String {
    format!("in-{}", at.key())
}
