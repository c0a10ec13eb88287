//! The browser edge: the few places that touch web APIs. Kept thin so that
//! everything else stays testable natively.

pub mod backup;
pub mod broadcast;
pub mod enterprise_import;
pub mod browser;
pub mod export_packs;
/// The English texts, fetched before the page shows English.
pub mod english_texts;
pub mod file_codec;
pub mod idb;
pub mod local_storage;
pub mod panic_guard;
mod row_puts;
pub mod service_worker;
/// The form definitions that come with the app, fetched after start-up.
pub mod shipped_forms;
/// The on-demand spreadsheet worker (XLSX/CSV read, XLSX write).
pub mod spreadsheet;
pub mod svg_png;
pub mod table_rows;
pub mod sync_io;

pub use idb::IdbBackend;
pub use local_storage::LegacyLocalStorage;

use crate::store::RecordStore;

/// The record store the app uses on this device.
pub fn record_store() -> RecordStore<IdbBackend> {
    RecordStore::new(IdbBackend).with_history_depth(browser::history_depth())
}
