//! Self-assessments: an enterprise's answers to a readiness questionnaire,
//! filled in the same editor, with the same autosave, as a field survey.

mod page;

pub use page::AssessmentPage;
