//! Native timing of register search at province scale (no DOM): the lower bound for a keystroke.
//! Usage: cargo run --release --example search_bench
use nscl_tracker::model::registry::{Query, Registry};
use nscl_tracker::synth::province;
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let registry = Registry::new(province(5000, 1322));
    println!("index 5,000: {:?}", t.elapsed());
    let query = "cong ty thuy san sa dec";
    let mut times = Vec::new();
    for round in 0..20 {
        for i in 0..=query.len() {
            let q = Query { text: query[..i].to_string(), ..Default::default() };
            let t = Instant::now();
            let hits = registry.search_positions(&q);
            let page: Vec<_> = hits.iter().take(50).filter_map(|&p| registry.at(p).cloned()).collect();
            std::hint::black_box(page);
            if round > 0 {
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let p = |q: f64| times[((q * times.len() as f64).ceil() as usize).min(times.len()) - 1];
    println!("search + first page, {} keystrokes: p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms", times.len(), p(0.5), p(0.95), times[times.len() - 1]);
}
