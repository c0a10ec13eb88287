//! Leptos components: the app shell and its pages. Components read and change
//! state only through the contexts in `state.rs`.

mod activity;
mod app;
mod app_status;
mod lang_choice;
mod assessment;
mod assessment_store;
pub(crate) mod charts;
mod change_list;
mod confirm_dialog;
mod crash_rescue;
mod deletion;
mod recently_deleted;
mod dashboard;
mod dashboard_indicators;
mod day_input;
mod enterprise_detail;
mod enterprise_form;
mod enterprise_history;
mod enterprise_import;
mod enterprise_list;
mod flash;
mod filled_store;
mod filter_select;
mod form_fields;
mod i18n;
mod lazy_page;
mod indicators;
mod nav;
mod page_focus;
mod pager;
mod rows_in_parts;
/// Public for the browser tests of `navigate` (tests/web.rs).
pub mod router;
mod placeholder;
mod programme;
pub(crate) mod readiness;
mod report;
mod record_list;
mod list_source;
mod settings;
pub(crate) mod split_pages;
mod started_on;
mod state;
mod typed_text;
mod storage_panel;
mod survey;
mod survey_store;
mod sync;
mod unit_editor;
mod unsaved_form;

pub use app::App;
