//! Tables to export as spreadsheets, pure (no browser): the `Workbook` the
//! spreadsheet worker writes as XLSX (`web::spreadsheet::write_xlsx`), and CSV
//! text with a UTF-8 byte-order mark so Excel shows Vietnamese correctly.

pub mod csv_writer;
pub mod workbook;
pub mod worker_protocol;

pub use csv_writer::{to_csv, to_csv_bytes, to_csv_with};
pub use workbook::{Cell, Sheet, Workbook};
pub use worker_protocol::{ErrorCode, SpreadsheetError};

/// The largest spreadsheet file read, as the worker's own limit
/// (`crates/spreadsheet/src/limits.rs`): the page refuses a larger one before
/// reading it into memory.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;
