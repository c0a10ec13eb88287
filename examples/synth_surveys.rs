//! Prints field surveys of a synthetic province as IndexedDB rows (JSON array
//! of `{id, updated_ms, keys, json}`), for benchmarks that load a whole
//! province straight into the store.
//! Usage: cargo run --release --example synth_surveys -- [enterprises] [per enterprise] [seed]

use nscl_tracker::form::library::{FormLibrary, FIELD_SURVEY};
use nscl_tracker::store::Row;
use nscl_tracker::synth::{province, surveys};

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5000);
    let per: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(3);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1322);
    let form = FormLibrary::shipped().latest(FIELD_SURVEY).expect("the field survey ships");
    let rows: Vec<Row> = surveys(&province(count, seed), per, &form, seed).iter().map(|r| Row::from_record(r).expect("encodes")).collect();
    println!("{}", serde_json::to_string(&rows).expect("encodes"));
}
