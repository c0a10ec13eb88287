//! The Sync page: export a file, import files with a preview, resolve
//! conflicts, and the log of both. The logic is in `sync`; these
//! components show it and pass on what the officer chooses.

mod audit_log;
mod conflicts_panel;
mod duplicates_panel;
mod export_panel;
mod import_panel;
mod kind_label;
mod page;
mod preview_view;
mod status;

pub use page::SyncPage;
pub use status::SyncStatus;
