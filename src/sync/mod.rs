//! File sync: records move between laptops as files.
//!
//! Pure parts, tested natively: the file format (`file`, read a part at a
//! time by `file_steps`), the record kinds that travel (`kinds`), how
//! versions from several laptops merge (`merge`), what an import would
//! change (`plan`), and the import's errors (`error`).
//! The browser edge (file picker, compression, encryption, the
//! one-transaction apply) is in `web::sync_io`.

pub mod diff;
pub mod envelope;
pub mod error;
pub mod fault;
pub mod file;
pub mod file_steps;
pub mod kinds;
pub mod known;
pub mod local;
pub mod merge;
pub mod pack;
pub mod plan;
pub mod result_check;

#[cfg(test)]
mod scenario_tests;
