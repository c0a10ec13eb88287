//! An enterprise's readiness across modules and over time: the latest
//! result of each module, the one before it (the change since the last
//! assessment), and every assessment in date order for the history chart.
//!
//! Read from the score each assessment keeps as of its last save
//! (`Assessment::readiness`), so a profile never re-runs a questionnaire.

use super::band::Band;
use crate::form::definition::{LocalText, ModuleKind};
use crate::form::FormLibrary;
use crate::model::assessment::Assessment;
use crate::model::record::Record;

/// One assessment of one module.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub assessment_id: String,
    /// YYYY-MM-DD: the date the enterprise gave, else the day it was last saved (UTC).
    pub date: String,
    pub percent: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ModuleProfile {
    pub form_id: String,
    pub kind: ModuleKind,
    pub short: LocalText,
    /// Oldest first.
    pub history: Vec<Entry>,
}

impl ModuleProfile {
    pub fn latest(&self) -> Option<&Entry> {
        self.history.last()
    }

    pub fn previous(&self) -> Option<&Entry> {
        self.history.len().checked_sub(2).map(|i| &self.history[i])
    }

    pub fn band(&self) -> Option<Band> {
        self.latest().and_then(|e| Band::of(e.percent))
    }

    /// Points gained (or lost) since the assessment before the latest.
    pub fn change(&self) -> Option<f64> {
        Some(self.latest()?.percent - self.previous()?.percent)
    }
}

/// Every module's form id in the order people meet them: systems, then tools, then maturity,
/// then the award; within each, the order the app ships them in (then installed ones by id).
pub fn module_order(library: &FormLibrary) -> Vec<String> {
    let rank = |k: ModuleKind| match k {
        ModuleKind::System => 0,
        ModuleKind::Tool => 1,
        ModuleKind::Maturity => 2,
        ModuleKind::Award => 3,
    };
    let shipped = |id: &str| library.shipped_rank(id).unwrap_or(usize::MAX);
    let mut ids: Vec<(u8, usize, String)> = Vec::new();
    for form in library.all() {
        if ids.iter().any(|(_, _, id)| *id == form.id) {
            continue;
        }
        let Some(latest) = library.latest(&form.id) else { continue };
        if let Some(m) = &latest.module {
            ids.push((rank(m.kind), shipped(&form.id), form.id.clone()));
        }
    }
    crate::sort::sort(&mut ids);
    ids.into_iter().map(|(_, _, id)| id).collect()
}

/// The date an assessment counts on.
pub fn date_of<P: AsRef<Assessment>>(record: &Record<P>) -> String {
    record.payload.as_ref().assessed_on().map(str::to_string).unwrap_or_else(|| crate::format::iso_date(record.updated.ms, 0))
}

/// Every readiness module (the award pre-check aside) the library ships, systems first, then
/// tools, then maturity; with the history of `assessments` (one enterprise's, any order) in
/// each. Modules never assessed have an empty history: the radar still shows their axis.
pub fn profile<P: AsRef<Assessment>>(library: &FormLibrary, assessments: &[&Record<P>]) -> Vec<ModuleProfile> {
    let mut modules: Vec<ModuleProfile> = module_order(library)
        .into_iter()
        .filter_map(|id| {
            let form = library.latest(&id)?;
            let module = form.module.as_ref().filter(|m| m.kind != ModuleKind::Award)?;
            Some(ModuleProfile { form_id: id, kind: module.kind, short: module.short.clone(), history: Vec::new() })
        })
        .collect();
    for m in &mut modules {
        let mut entries: Vec<(String, i64, Entry)> = assessments
            .iter()
            .filter(|a| !a.deleted && a.payload.as_ref().form_id == m.form_id)
            .filter_map(|a| {
                let percent = a.payload.as_ref().readiness.filter(|p| p.is_finite())?;
                Some((date_of(a), a.updated.ms, Entry { assessment_id: a.id.clone(), date: date_of(a), percent }))
            })
            .collect();
        // Same day: the one saved later is the later assessment.
        crate::sort::sort_by(&mut entries, |a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        m.history = entries.into_iter().map(|(_, _, e)| e).collect();
    }
    modules
}

/// The latest assessment of each form among `assessments`, any form (the award too).
pub fn latest_of<'a, P: AsRef<Assessment>>(assessments: &[&'a Record<P>], form_id: &str) -> Option<&'a Record<P>> {
    assessments.iter().filter(|a| !a.deleted && a.payload.as_ref().form_id == form_id).max_by(|a, b| (date_of(a), a.updated.ms).cmp(&(date_of(b), b.updated.ms))).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Answer;
    use crate::model::clock::Hlc;
    use crate::model::record::Change;

    fn assessment(id: &str, form: &str, date: &str, percent: Option<f64>, ms: i64) -> Record<Assessment> {
        let mut a = Assessment { form_id: form.into(), form_version: 1, enterprise_id: Some("e1".into()), readiness: percent, ..Default::default() };
        if !date.is_empty() {
            a.answers.insert(crate::model::assessment::ASSESSMENT_DATE.into(), Answer::Text(date.into()));
        }
        Record::new(id.into(), &Change { at: Hlc { ms, counter: 0, device: "d".into() }, officer: String::new() }, a)
    }

    fn library() -> FormLibrary {
        let mut lib = FormLibrary::default();
        lib.install("five.json", &crate::readiness::module_result::tests::tool_module("five-s", None).source).unwrap();
        lib.install("lean.json", &crate::readiness::module_result::tests::tool_module("lean", Some(("five-s", 70.0))).source).unwrap();
        lib
    }

    #[test]
    fn latest_previous_and_change_per_module_in_date_order() {
        let lib = library();
        let records = [
            assessment("a2", "five-s", "2026-11-01", Some(55.0), 10),
            assessment("a1", "five-s", "2026-10-01", Some(40.0), 20),
            assessment("a3", "five-s", "2026-11-01", Some(60.0), 30),
            assessment("draft", "five-s", "2026-12-01", None, 40),
            assessment("other", "unknown-form", "2026-12-01", Some(90.0), 50),
        ];
        let refs: Vec<&Record<Assessment>> = records.iter().collect();
        let p = profile(&lib, &refs);
        assert_eq!(p.iter().map(|m| m.form_id.as_str()).collect::<Vec<_>>(), ["five-s", "lean"]);
        let five = &p[0];
        assert_eq!(five.history.iter().map(|e| e.assessment_id.as_str()).collect::<Vec<_>>(), ["a1", "a2", "a3"], "same day: saved later is later; nothing answered: no point");
        assert_eq!(five.change(), Some(5.0));
        assert_eq!(five.band(), Some(Band::Preparing));
        assert!(p[1].history.is_empty() && p[1].change().is_none() && p[1].band().is_none());
        assert_eq!(latest_of(&refs, "five-s").map(|r| r.id.as_str()), Some("draft"));
    }

    #[test]
    fn an_assessment_without_a_date_counts_on_the_day_it_was_saved() {
        let r = assessment("x", "five-s", "", Some(10.0), 86_400_000 * 3);
        assert_eq!(date_of(&r), "1970-01-04");
        let mut bad = assessment("y", "five-s", "2026-02-30", Some(10.0), 0);
        assert_eq!(date_of(&bad), "1970-01-01", "not a real date");
        bad.deleted = true;
        assert!(profile(&library(), &[&bad])[0].history.is_empty());
    }
}
