//! Tables to export as spreadsheets, pure (no browser): the `Workbook` the
//! spreadsheet worker writes as XLSX (`web::spreadsheet::write_xlsx`), and CSV
//! text with a UTF-8 byte-order mark so Excel shows Vietnamese correctly;
//! and the rows of a large on-screen table as escaped HTML (`HtmlRows`).

pub mod csv_writer;
pub mod html_rows;
pub mod workbook;
pub mod worker_protocol;

pub use csv_writer::{to_csv, to_csv_bytes, to_csv_with};
pub use html_rows::HtmlRows;
pub use workbook::{Cell, Sheet, Workbook};
pub use worker_protocol::{ErrorCode, SpreadsheetError};

/// The spreadsheet worker's own limits, the very file it compiles (the worker's crate is a
/// separate wasm module the app must not link): the page refuses a file over
/// `MAX_FILE_BYTES` before reading it into memory, with the number the worker would use.
#[allow(dead_code)] // the app needs only the file size; the rest bound the worker's tables
#[path = "../../crates/spreadsheet/src/limits.rs"]
mod spreadsheet_limits;
pub use spreadsheet_limits::MAX_FILE_BYTES;
