//! The dashboard's indicators against targets, the page listing the records
//! behind a number, and the targets in Settings. The numbers come from the
//! pure `crate::indicators`; these components only show them.

mod behind_page;
mod charts;
mod data;
mod figures;
mod progress_table;
mod survey_tables;
mod target_history;
mod target_store;
mod targets_editor;
mod trend_tables;

pub use behind_page::IndicatorBehindPage;
pub use charts::IndicatorCharts;
pub use data::{period_choices, IndicatorData};
pub use figures::DashboardFigures;
pub use progress_table::ProgressTable;
pub use survey_tables::SurveyTables;
pub use targets_editor::TargetsEditor;
pub use trend_tables::{TrendTable, UnitTable};
