//! The field survey: list, picker, the form renderer (one component per
//! question type) with autosave, and the form definitions panel.

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

pub use enterprise_surveys::EnterpriseSurveys;
pub use form_library_panel::FormLibraryPanel;
pub use list::SurveyList;
pub use page::SurveyPage;
