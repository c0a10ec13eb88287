//! The enterprise list import (`/enterprises/import`): pick an .xlsx or .csv
//! file, check the column mapping against a preview, see each row as new,
//! matching or invalid with its row number, then confirm, and only then is
//! anything written (one transaction). The file is parsed in the spreadsheet
//! worker; the rows are checked here in short chunks, the browser free between.

mod mapping_table;
mod page;
mod summary;

pub use page::EnterpriseImportPage;
