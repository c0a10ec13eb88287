//! What every question component of an open survey shares.

use crate::form::{Answer, Answers, Evaluation, Slot};
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
}

pub fn use_form() -> FormCtx {
    expect_context::<FormCtx>()
}

impl FormCtx {
    /// One answer, as a memo: its readers update only when it changes.
    pub fn answer(&self, at: &Slot) -> Memo<Option<Answer>> {
        let (answers, at) = (self.answers, at.clone());
        Memo::new(move |_| answers.with(|a| at.get(a).cloned()))
    }

    pub fn text(&self, at: &Slot) -> Memo<String> {
        let (answers, at) = (self.answers, at.clone());
        Memo::new(move |_| answers.with(|a| at.get(a).and_then(Answer::text).unwrap_or_default().to_string()))
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
