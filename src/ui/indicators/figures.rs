//! The dashboard's numbers for its period and unit, each worked out once per
//! change and shared: a table and the chart beside it show the same figures,
//! and at the merged province's scale working them out twice was half of a
//! change's time. Each memo compares its new value with the old, so a view
//! whose numbers did not change is not drawn again.

use super::data::IndicatorData;
use crate::indicators::{progress, shipped, Behind, Figure, Period, Progress, SurveyCounts};
use leptos::prelude::*;

/// The units of a breakdown, each with a value per shipped indicator (`None`: nothing counted there).
pub type UnitRows = Vec<(Option<String>, Vec<Option<u64>>)>;

#[derive(Clone, Copy)]
pub struct DashboardFigures {
    /// Per shipped indicator: its id and progress in the period and unit.
    pub progress: Memo<Vec<(String, Progress)>>,
    /// Per shipped indicator: its value in each year of the period's term.
    pub trend: Memo<Vec<(String, Vec<(i32, Figure)>)>>,
    /// The province's units in the period (the unit chosen does not narrow it).
    pub units: Memo<UnitRows>,
    pub surveys: Memo<SurveyCounts>,
    /// Per module of `AssessmentFacts::modules`: assessments in each band.
    pub bands: Memo<Vec<[usize; 3]>>,
}

impl DashboardFigures {
    pub fn new(data: IndicatorData, period: Signal<Period>, unit: Signal<Option<String>>) -> DashboardFigures {
        let defs = shipped();
        let progress = Memo::new(move |_| {
            let (p, u) = (period.get(), unit.get());
            let today = data.today.get_value();
            data.facts.with(|f| data.targets.with(|t| defs.indicators.iter().map(|i| (i.id.clone(), progress(defs, i, f, t, (p, u.as_deref()), &today, Behind::CountOnly))).collect()))
        });
        let trend = Memo::new(move |_| {
            let (term, u) = (period.get().term_or_self(), unit.get());
            data.facts.with(|f| defs.indicators.iter().map(|i| (i.id.clone(), f.trend(i, term, u.as_deref()))).collect())
        });
        let units = Memo::new(move |_| {
            let p = period.get();
            let per: Vec<_> = data.facts.with(|f| defs.indicators.iter().map(|i| f.breakdown(i, p, Behind::CountOnly)).collect());
            let mut units: Vec<Option<String>> = per.iter().flat_map(|b| b.keys().cloned()).collect();
            crate::sort::sort(&mut units);
            units.dedup();
            units.into_iter().map(|u| {
                let values = per.iter().map(|b| b.get(&u).map(|f| f.value)).collect();
                (u, values)
            }).collect()
        });
        let surveys = Memo::new(move |_| {
            let (p, u) = (period.get(), unit.get());
            data.surveys.with(|s| s.counts(p, u.as_deref()))
        });
        let bands = Memo::new(move |_| {
            let (p, u) = (period.get(), unit.get());
            data.assessments.with(|a| a.band_counts(p, u.as_deref()))
        });
        DashboardFigures { progress, trend, units, surveys, bands }
    }
}
