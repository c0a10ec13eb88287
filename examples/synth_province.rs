//! Prints a synthetic province as a stored enterprise collection (JSON).
//! Usage: cargo run --release --example synth_province -- [count] [seed]

use nscl_tracker::store::Collection;
use nscl_tracker::synth::province;

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5000);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1322);
    let collection = Collection { records: province(count, seed), quarantined: Vec::new() };
    match collection.encode() {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("could not encode: {e:?}");
            std::process::exit(1);
        }
    }
}
