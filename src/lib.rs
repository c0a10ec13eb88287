//! NSCL Tracker: an offline-first register and tracker for Vietnam's national
//! productivity and quality programme (Decision 1322/QĐ-TTg).
//!
//! The pure modules (`model`, `text`, `format`, `i18n`, `store`) have no
//! browser dependency and are tested natively. The browser edge (`web`) and the
//! Leptos components (`ui`) exist only in the wasm build.

/// The page's address: routes matched, queries read (`ui::router`).
pub mod address;
pub mod both;
/// Lower and upper case without the standard library's case tables (24 KB of the first download).
pub mod case;
mod case_table;
pub mod current_page;
pub mod drop_in_parts;
pub mod charts;
pub mod form;
pub mod format;
pub mod i18n;
pub mod indicators;
pub mod json_nesting;
pub mod keyed_rows;
pub mod model;
/// How much of a list's changed page of rows is drawn before the next frame.
pub mod page_parts;
pub mod readiness;
pub mod report;
/// The one sort every list is sorted with (one copy of the sort's code in the module).
pub mod sort;
pub mod store;
pub mod sync;
pub mod synth;
/// Tables to export as XLSX (through the spreadsheet worker) and CSV.
pub mod table;
pub mod text;
pub mod utf8_in_parts;

/// Strategies for the property tests of the parsers.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod arbitrary_text;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
