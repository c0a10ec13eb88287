//! Native timing of the dashboard's indicator work at province scale (no DOM):
//! 5,000 enterprises, 15,000 surveys, 15,000 self-assessments, 3,000 activities
//! from `make synth-bench`. Two costs: reading the records into facts (once per
//! change of records), and recounting for a period and unit (each choice).
//! Usage: cargo run --release --example indicators_bench [target/synth/province-5000]
use nscl_tracker::form::library::FIELD_SURVEY;
use nscl_tracker::form::FormLibrary;
use nscl_tracker::indicators::{Behind, progress, shipped, AssessmentFacts, Facts, Period, StoredTargets, SurveyFacts};
use nscl_tracker::model::record::Record;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::time::Instant;

#[derive(serde::Deserialize)]
struct Row {
    json: String,
}

fn load<T: DeserializeOwned>(dir: &str, kind: &str) -> Vec<Record<T>> {
    let rows: Vec<Row> = serde_json::from_str(&std::fs::read_to_string(format!("{dir}/{kind}.json")).expect("make synth-bench")).unwrap();
    rows.iter().map(|r| serde_json::from_str(&r.json).unwrap()).collect()
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/synth/province-5000".into());
    let enterprises: Vec<Record<nscl_tracker::model::enterprise::Enterprise>> = load(&dir, "enterprise");
    let activities = load(&dir, "activity");
    // What the dashboard works from: the summaries the store keeps (a summary reads as its record).
    let surveys: Vec<Record<nscl_tracker::model::survey::Survey>> = load(&dir, "survey_summary");
    let assessments: Vec<Record<nscl_tracker::model::assessment::Assessment>> = load(&dir, "assessment_summary");
    println!("{} enterprises, {} surveys, {} self-assessments, {} activities", enterprises.len(), surveys.len(), assessments.len(), activities.len());
    let lib = FormLibrary::shipped();
    let form = lib.latest(FIELD_SURVEY).unwrap();
    let defs = shipped();
    let stored = StoredTargets::new(&[]);
    let mut build = Vec::new();
    let mut recount = Vec::new();
    for round in 0..12 {
        let t = Instant::now();
        let units: HashMap<String, String> = enterprises.iter().filter_map(|e| e.payload.admin_unit_id.clone().map(|u| (e.id.clone(), u))).collect();
        let unit_of = |e: &str| units.get(e).cloned();
        let facts = Facts::new(&activities, &unit_of);
        let sf = SurveyFacts::new(&form, &surveys, &unit_of);
        let af = AssessmentFacts::new(&lib, &assessments, &unit_of);
        let built = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        for (p, u) in [(Period::TERM_2021, None), (Period::year(2024), Some("tp-sa-dec")), (Period::TERM_2026, None)] {
            for i in &defs.indicators {
                std::hint::black_box(progress(defs, i, &facts, &stored, (p, u), "2026-12-02", Behind::CountOnly));
                std::hint::black_box(facts.trend(i, p.term().unwrap_or(p), u));
                std::hint::black_box(facts.breakdown(i, p, Behind::CountOnly));
            }
            std::hint::black_box(sf.shares(p, u));
            std::hint::black_box(af.bands(p, u));
        }
        let counted = t.elapsed().as_secs_f64() * 1000.0 / 3.0;
        if round > 1 {
            build.push(built);
            recount.push(counted);
        }
    }
    let med = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v[v.len() / 2]
    };
    println!("read records into facts: median {:.1} ms", med(&mut build));
    println!("recount every table for a period and unit: median {:.2} ms", med(&mut recount));
}
