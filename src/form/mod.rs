//! The form engine: definitions as data (`data/forms/*.json`), an expression
//! language for rules, evaluation of a response, and moving a response to a
//! newer version of its form. Pure Rust, no browser.
//!
//! `docs/form-definitions.md` is the reference for people who write forms.

pub mod answer;
pub mod answer_merge;
pub mod definition;
pub mod display;
pub mod eval;
pub mod evaluate;
pub mod expr;
pub mod library;
pub mod migrate;
pub mod pattern;
pub mod prefill;
#[cfg(test)]
mod modules_tests;
pub mod score;

pub use answer::{Answer, Answers, Row, Slot};
pub use definition::{DefError, Form, Kind, LocalText, Purpose, Question};
pub use evaluate::{evaluate, Evaluation, Issue};
pub use library::FormLibrary;
pub use migrate::{migrate, Orphan};
