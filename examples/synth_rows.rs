//! Writes a synthetic province as IndexedDB rows (`{id, updated_ms, keys,
//! json}`, the app's own row format), one JSON array per record kind:
//! `enterprise.json`, `survey.json` (3 visits each), `assessment.json`
//! (3 self-assessments each) and `activity.json` (2021-2026), for tests and
//! benchmarks that load a whole province straight into the store; beside surveys and
//! self-assessments, their summaries as the store keeps them (`survey_summary.json`,
//! `assessment_summary.json`).
//! Usage: cargo run --release --example synth_rows -- <out dir> [enterprises] [seed] [activities] [merged]
//! With `activities`, at least that many activities: further years' worth are drawn with
//! the next seeds (the dashboard's benchmark wants 3,000 beside 5,000 enterprises).
//! With `merged`, the enterprises and activities are spread over the merged
//! province's 102 communes and wards (`synth::merged_units`), and that list is
//! written too, as `admin_units.json`: the value of the store's `admin_units` setting.

use nscl_tracker::form::library::{FormLibrary, FIELD_SURVEY, ISO9001_READINESS};
use nscl_tracker::model::admin_unit::AdminUnitList;
use nscl_tracker::model::record::{Record, RecordKind};
use nscl_tracker::store::summary::{summary_row, summary_store};
use nscl_tracker::store::Row;
use nscl_tracker::synth::{activities_in, assessments, merged_units, province_in, surveys};
use serde::Serialize;
use std::path::Path;

fn write<T: RecordKind + Serialize>(dir: &Path, records: &[Record<T>]) {
    let rows: Vec<Row> = records.iter().map(|r| Row::from_record(r).expect("encodes")).collect();
    write_rows(dir, T::KIND, &rows);
    // The summaries the app's backend writes beside surveys and self-assessments, for benchmarks
    // that put rows straight into the store; `<kind>_summary.json`.
    if let Some(store) = summary_store(T::KIND) {
        let summaries: Vec<Row> = rows.iter().filter_map(|r| summary_row(T::KIND, r)).collect();
        write_rows(dir, store, &summaries);
    }
}

fn write_rows(dir: &Path, name: &str, rows: &[Row]) {
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, serde_json::to_string(rows).expect("encodes")).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: synth_rows <out dir> [enterprises] [seed] [activities] [merged]");
    let count: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5000);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1322);
    let min_activities: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let merged = args.next().as_deref() == Some("merged");
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).expect("out dir");
    let units = if merged { merged_units() } else { AdminUnitList::default_list() };
    if merged {
        std::fs::write(dir.join("admin_units.json"), serde_json::to_string(&units).expect("encodes")).expect("admin_units.json");
    }
    let forms = FormLibrary::shipped();
    let enterprises = province_in(&units, count, seed);
    write(dir, &enterprises);
    write(dir, &surveys(&enterprises, 3, &forms.latest(FIELD_SURVEY).expect("the field survey ships"), seed));
    write(dir, &assessments(&enterprises, 3, &forms.latest(ISO9001_READINESS).expect("the questionnaire ships"), seed));
    let mut all = activities_in(&units, &enterprises, 2026, seed);
    let mut next = seed;
    while all.len() < min_activities {
        next += 1;
        all.extend(activities_in(&units, &enterprises, 2026, next));
    }
    write(dir, &all);
}
