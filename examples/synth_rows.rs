//! Writes a synthetic province as IndexedDB rows (`{id, updated_ms, keys,
//! json}`, the app's own row format), one JSON array per record kind:
//! `enterprise.json`, `survey.json` (3 visits each), `assessment.json`
//! (3 self-assessments each) and `activity.json` (2021-2026), for tests and
//! benchmarks that load a whole province straight into the store.
//! Usage: cargo run --release --example synth_rows -- <out dir> [enterprises] [seed] [activities]
//! With `activities`, at least that many activities: further years' worth are drawn with
//! the next seeds (the dashboard's benchmark wants 3,000 beside 5,000 enterprises).

use nscl_tracker::form::library::{FormLibrary, FIELD_SURVEY, ISO9001_READINESS};
use nscl_tracker::model::record::{Record, RecordKind};
use nscl_tracker::store::Row;
use nscl_tracker::synth::{activities, assessments, province, surveys};
use serde::Serialize;
use std::path::Path;

fn write<T: RecordKind + Serialize>(dir: &Path, records: &[Record<T>]) {
    let rows: Vec<Row> = records.iter().map(|r| Row::from_record(r).expect("encodes")).collect();
    let path = dir.join(format!("{}.json", T::KIND));
    std::fs::write(&path, serde_json::to_string(&rows).expect("encodes")).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: synth_rows <out dir> [enterprises] [seed]");
    let count: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5000);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1322);
    let min_activities: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).expect("out dir");
    let forms = FormLibrary::shipped();
    let enterprises = province(count, seed);
    write(dir, &enterprises);
    write(dir, &surveys(&enterprises, 3, &forms.latest(FIELD_SURVEY).expect("the field survey ships"), seed));
    write(dir, &assessments(&enterprises, 3, &forms.latest(ISO9001_READINESS).expect("the questionnaire ships"), seed));
    let mut all = activities(&enterprises, 2026, seed);
    let mut next = seed;
    while all.len() < min_activities {
        next += 1;
        all.extend(activities(&enterprises, 2026, next));
    }
    write(dir, &all);
}
