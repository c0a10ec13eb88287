//! The department's shortlist for support: enterprises ranked by how ready
//! they are and how much support would move them. The plan asks for at
//! least 15 enterprises a term helped to build and apply a system or tool.
//!
//! The order: enterprises preparing (40–69 %) first, since support is most
//! likely to carry them over the line; then the ready ones (≥ 70 %), who
//! need help to certify; then those not ready, who need the basics first.
//! Within a group, the readier first. Readiness is the mean of the latest
//! score of each module the enterprise assessed.

use super::band::Band;
use super::profile::{profile, ModuleProfile};
use crate::form::FormLibrary;
use crate::model::assessment::Assessment;
use crate::model::record::Record;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub enterprise_id: String,
    pub readiness: f64,
    pub band: Band,
    /// The modules assessed, with their latest scores.
    pub modules: Vec<ModuleProfile>,
    /// The form id of the least ready module: where support would start.
    pub weakest: String,
    /// The date of the latest assessment.
    pub latest: String,
}

fn group(band: Band) -> u8 {
    match band {
        Band::Preparing => 0,
        Band::Ready => 1,
        Band::NotReady => 2,
    }
}

/// Every enterprise with a scored assessment, in the order to consider them.
pub fn shortlist<P: AsRef<Assessment>>(library: &FormLibrary, assessments: &[Record<P>]) -> Vec<Candidate> {
    let mut by_enterprise: BTreeMap<&str, Vec<&Record<P>>> = BTreeMap::new();
    for a in assessments.iter().filter(|a| !a.deleted) {
        if let Some(e) = a.payload.as_ref().enterprise_id.as_deref() {
            by_enterprise.entry(e).or_default().push(a);
        }
    }
    let mut out: Vec<Candidate> = by_enterprise
        .into_iter()
        .filter_map(|(id, list)| {
            let modules: Vec<ModuleProfile> = profile(library, &list).into_iter().filter(|m| m.latest().is_some()).collect();
            let scores: Vec<f64> = modules.iter().filter_map(|m| m.latest().map(|e| e.percent)).collect();
            if scores.is_empty() {
                return None;
            }
            let readiness = scores.iter().sum::<f64>() / scores.len() as f64;
            let weakest = modules.iter().min_by(|a, b| a.latest().map(|e| e.percent).unwrap_or(0.0).total_cmp(&b.latest().map(|e| e.percent).unwrap_or(0.0)))?.form_id.clone();
            let latest = modules.iter().filter_map(|m| m.latest().map(|e| e.date.clone())).max().unwrap_or_default();
            Some(Candidate { enterprise_id: id.to_string(), readiness, band: Band::of(readiness)?, modules, weakest, latest })
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| group(a.band).cmp(&group(b.band)).then(b.readiness.total_cmp(&a.readiness)).then(a.enterprise_id.cmp(&b.enterprise_id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::clock::Hlc;
    use crate::model::record::Change;

    fn a(id: &str, ent: &str, form: &str, percent: f64, ms: i64) -> Record<Assessment> {
        let p = Assessment { form_id: form.into(), form_version: 1, enterprise_id: Some(ent.into()), readiness: Some(percent), ..Default::default() };
        Record::new(id.into(), &Change { at: Hlc { ms, counter: 0, device: "d".into() }, officer: String::new() }, p)
    }

    #[test]
    fn preparing_first_then_ready_then_not_ready_readier_first_within() {
        let mut lib = FormLibrary::default();
        lib.install("five.json", &crate::readiness::module_result::tests::tool_module("five-s", None).source).unwrap();
        lib.install("lean.json", &crate::readiness::module_result::tests::tool_module("lean", None).source).unwrap();
        let all = vec![
            a("1", "ready", "five-s", 90.0, 1),
            a("2", "prep-low", "five-s", 41.0, 1),
            a("3", "prep-high", "five-s", 80.0, 1),
            a("4", "prep-high", "lean", 50.0, 1),
            a("5", "low", "five-s", 10.0, 1),
            // An older, better score does not count: the latest does.
            a("6", "low", "lean", 95.0, 1),
            a("7", "low", "lean", 5.0, 2),
            a("8", "prep-low", "five-s", 99.0, 0),
        ];
        let list = shortlist(&lib, &all);
        let order: Vec<(&str, Band)> = list.iter().map(|c| (c.enterprise_id.as_str(), c.band)).collect();
        assert_eq!(order, [("prep-high", Band::Preparing), ("prep-low", Band::Preparing), ("ready", Band::Ready), ("low", Band::NotReady)]);
        assert_eq!((list[0].readiness, list[0].weakest.as_str(), list[0].modules.len()), (65.0, "lean", 2));
        assert_eq!(list[3].readiness, 7.5);
    }
}
