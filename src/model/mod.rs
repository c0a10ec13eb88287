//! The domain: plain Rust types and rules, no browser APIs.

pub mod activity;
pub mod activity_draft;
pub mod activity_fields;
pub mod activity_query;
pub mod admin_unit;
pub mod assessment;
pub mod clock;
pub mod draft_rescue;
pub mod enterprise;
pub mod enterprise_draft;
pub mod enterprise_fields;
/// An enterprise list from a spreadsheet: columns, cells, and the check before import.
pub mod enterprise_import;
pub mod import_cells;
pub mod import_columns;
pub mod filled;
pub mod indicator_target;
pub mod phone;
pub mod record;
mod record_deserialize;
pub mod record_counts;
pub mod registry;
pub mod search_text;
pub mod size_class;
pub mod support_kind;
pub mod survey;
pub mod tax_code;
pub mod vsic;
