//! The department's list of self-assessments: its filters (module, readiness
//! band, the enterprise's unit, a date range) over an index worked out once
//! per change of the assessments or the register, so a filter change at
//! province scale (39,000 assessments) neither reads the register nor sorts.

use super::band::Band;
use super::profile::date_of;
use crate::model::assessment::Assessment;
use crate::model::record::Record;

/// The list's filters; an empty one admits everything. Dates are "YYYY-MM-DD", inclusive.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AssessmentFilters {
    pub module: String,
    pub band: String,
    pub unit: String,
    pub from: String,
    pub to: String,
}

/// Live assessments, newest assessment date first (then the later change).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AssessmentIndex {
    rows: Vec<AssessmentKey>,
}

#[derive(Debug, Clone, PartialEq)]
struct AssessmentKey {
    position: usize,
    module: String,
    band: Option<&'static str>,
    unit: Option<String>,
    /// `profile::date_of`.
    date: String,
}

impl AssessmentIndex {
    /// `unit_of` gives a register enterprise's unit by id.
    pub fn build<P: AsRef<Assessment>>(assessments: &[Record<P>], unit_of: &dyn Fn(&str) -> Option<String>) -> AssessmentIndex {
        let mut rows: Vec<(i64, AssessmentKey)> = assessments
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.deleted)
            .map(|(position, a)| {
                let p = a.payload.as_ref();
                let key = AssessmentKey {
                    position,
                    module: p.form_id.clone(),
                    band: p.readiness.and_then(Band::of).map(Band::key),
                    unit: p.enterprise_id.as_deref().and_then(unit_of),
                    date: date_of(a),
                };
                (a.updated.ms, key)
            })
            .collect();
        crate::sort::sort_by(&mut rows, |(ams, a), (bms, b)| (&b.date, bms).cmp(&(&a.date, ams)));
        AssessmentIndex { rows: rows.into_iter().map(|(_, k)| k).collect() }
    }

    /// The positions (in the assessments the index was built from) that pass every filter.
    pub fn positions(&self, f: &AssessmentFilters) -> Vec<usize> {
        self.rows
            .iter()
            .filter(|k| f.module.is_empty() || k.module == f.module)
            .filter(|k| f.band.is_empty() || k.band == Some(f.band.as_str()))
            .filter(|k| f.unit.is_empty() || k.unit.as_deref() == Some(f.unit.as_str()))
            .filter(|k| (f.from.is_empty() || k.date >= f.from) && (f.to.is_empty() || k.date <= f.to))
            .map(|k| k.position)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Answer;
    use crate::model::clock::Hlc;
    use crate::model::record::Change;

    fn assessment(id: &str, form: &str, enterprise: &str, date: &str, percent: Option<f64>, ms: i64) -> Record<Assessment> {
        let mut a = Assessment { form_id: form.into(), form_version: 1, enterprise_id: Some(enterprise.into()), readiness: percent, ..Default::default() };
        if !date.is_empty() {
            a.answers.insert(crate::model::assessment::ASSESSMENT_DATE.into(), Answer::Text(date.into()));
        }
        Record::new(id.into(), &Change { at: Hlc { ms, counter: 0, device: "d".into() }, officer: String::new() }, a)
    }

    #[test]
    fn filters_combine_newest_first_deleted_left_out() {
        let mut gone = assessment("a5", "iso9001", "e1", "2026-09-01", Some(90.0), 9);
        gone.deleted = true;
        let all = vec![
            assessment("a1", "iso9001", "e1", "2026-03-01", Some(20.0), 1),
            assessment("a2", "five-s", "e2", "2026-05-01", Some(55.0), 2),
            assessment("a3", "iso9001", "e2", "2026-05-01", Some(80.0), 3),
            assessment("a4", "iso9001", "gone", "2025-12-31", None, 4),
            gone,
        ];
        let unit_of = |id: &str| match id {
            "e1" => Some("tp-sa-dec".to_string()),
            "e2" => Some("tp-cao-lanh".to_string()),
            _ => None,
        };
        let index = AssessmentIndex::build(&all, &unit_of);
        let ids = |f: AssessmentFilters| index.positions(&f).into_iter().map(|i| all[i].id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids(AssessmentFilters::default()), ["a3", "a2", "a1", "a4"], "by date, then the later change");
        assert_eq!(ids(AssessmentFilters { module: "iso9001".into(), ..Default::default() }), ["a3", "a1", "a4"]);
        assert_eq!(ids(AssessmentFilters { band: "ready".into(), ..Default::default() }), ["a3"]);
        assert_eq!(ids(AssessmentFilters { band: "not_ready".into(), ..Default::default() }), ["a1"]);
        assert_eq!(ids(AssessmentFilters { unit: "tp-cao-lanh".into(), ..Default::default() }), ["a3", "a2"]);
        assert_eq!(ids(AssessmentFilters { from: "2026-03-01".into(), to: "2026-04-30".into(), ..Default::default() }), ["a1"]);
        assert_eq!(ids(AssessmentFilters { unit: "tp-sa-dec".into(), module: "five-s".into(), ..Default::default() }), Vec::<&str>::new());
    }
}
