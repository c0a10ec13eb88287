//! The annual report ("báo cáo sơ kết") on the provincial plan: for a year
//! or a term, the indicators against their targets, the enterprises
//! supported, the activities by plan item and the budget by funding source.
//!
//! Pure: `Report::build` works the content out from the records, and
//! `table::tables` turns it into the tables that the page, its print, the
//! XLSX workbook and the CSV file all show, so they can never disagree.

mod charts;
pub mod content;
mod heading;
mod indicator_rows;
mod period_text;
pub mod table;
#[cfg(test)]
mod tests;
mod workbook;

pub use charts::{budget_chart, progress_chart};
pub use content::{Budget, PlanItemActivities, SupportedEnterprise, SUPPORT_KINDS};
pub use heading::{date_line, default_title, Heading};
pub use indicator_rows::{indicator_rows, pace_msg, IndicatorRow};
pub use period_text::{period_choices, period_label};
pub use table::{tables, Cell, Row, RowKind, Table, TableId};
pub use workbook::{to_sheet, to_workbook};

use crate::i18n::Lang;
use crate::indicators::{Facts, Indicators, Period, StoredTargets};
use crate::model::activity::Activity;
use crate::model::admin_unit::AdminUnitList;
use crate::model::record::Record;
use crate::model::registry::Registry;

/// What the report is made from.
pub struct Sources<'a> {
    pub activities: &'a [Record<Activity>],
    pub registry: &'a Registry,
    pub units: &'a AdminUnitList,
    pub indicators: &'a Indicators,
    pub targets: &'a StoredTargets,
    /// `YYYY-MM-DD`: how much of the period has passed, for the indicators' pace.
    pub today: &'a str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub period: Period,
    pub indicators: Vec<IndicatorRow>,
    pub supported: Vec<SupportedEnterprise>,
    pub plan_items: Vec<PlanItemActivities>,
    pub budget: Budget,
    /// How many live activities started in the period.
    pub activity_count: usize,
}

impl Report {
    pub fn build(sources: &Sources, period: Period, lang: Lang) -> Report {
        let activities = content::in_period(sources.activities, period);
        let plan_items = content::by_plan_item(&activities, sources.units, lang);
        Report {
            period,
            indicators: {
                let unit_of = |id: &str| {
                    sources
                        .registry
                        .get(id)
                        .and_then(|e| e.payload.admin_unit_id.clone())
                };
                let facts = Facts::new(sources.activities, &unit_of);
                indicator_rows(
                    sources.indicators,
                    &facts,
                    sources.targets,
                    period,
                    sources.today,
                    lang,
                )
            },
            supported: content::supported(&activities, sources.registry, sources.units, lang),
            budget: content::budget(&plan_items),
            plan_items,
            activity_count: activities.len(),
        }
    }
}
