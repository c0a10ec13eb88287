//! NSCL Tracker's spreadsheet module: reads the first sheet of an XLSX file or a
//! CSV file as rows of text, and writes a workbook as XLSX.
//!
//! It runs in a module Web Worker of its own (`src/main.rs`), built by Trunk as a
//! second wasm file that the app fetches the first time an officer imports or
//! exports a spreadsheet: calamine and rust_xlsxwriter would otherwise add a few
//! hundred kilobytes to the bundle every page load pays for, and parsing a large
//! file here never blocks the page.
//!
//! The protocol is JSON text (`protocol`), with file bytes beside it as a
//! transferable `ArrayBuffer`. Nothing here may panic on any input: a panic in
//! wasm aborts the worker, so every reader returns an error code instead.

pub mod cell_text;
pub mod csv;
pub mod limits;
pub mod protocol;
pub mod sniff;
pub mod xlsx_read;
pub mod xlsx_write;

pub use protocol::{
    handle, split_rows, Cell, ErrorCode, Request, Response, Sheet, Workbook, ROWS_PER_PART,
};
