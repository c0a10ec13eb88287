//! The field survey: list, picker, the form renderer (one component per
//! question type) with autosave, and the form definitions panel. The editor,
//! its autosave and the page that opens a record serve self-assessments too
//! (`ui::assessment`).

mod autosave;
mod computed_value;
mod context;
mod date_input;
mod editor;
mod enterprise_picker;
mod enterprise_surveys;
mod form_library_panel;
mod history;
mod list;
mod matrix;
mod multiple_choice;
mod number_input;
mod open;
mod open_record;
mod page;
mod question;
mod radio_group;
mod ranking;
mod repeat_group;
mod repeat_row;
mod scale;
mod section_view;
mod single_choice;
mod start;
mod text_input;
mod yes_no;

pub use context::FormCtx;
pub use editor::{EditorTexts, FilledEditor};
pub use enterprise_surveys::EnterpriseSurveys;
pub use form_library_panel::FormLibraryPanel;
pub use list::SurveyList;
pub use open::{FilledPage, Opening};
pub use open_record::load;
pub use page::SurveyPage;
