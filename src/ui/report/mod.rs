//! The annual report page (`/report`): period, the document's heading and
//! signature as the officer edits them, the document laid out for A4 print
//! under Decree 30/2020/NĐ-CP, and its tables as XLSX and CSV.

mod charts;
mod document;
mod downloads;
mod heading_form;
mod page;
mod table_view;

pub use page::ReportPage;
