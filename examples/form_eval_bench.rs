//! Times `form::evaluate` natively on a form definition and a set of answers
//! (the survey benchmark writes both to target/bench/).
//! Usage: cargo run --release --example form_eval_bench -- form.json answers.json

use nscl_tracker::form::{evaluate, Answers, Form};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let (form_path, answers_path) = (args.next().expect("form.json"), args.next().expect("answers.json"));
    let form = Form::parse(&form_path, &std::fs::read_to_string(&form_path).expect("readable")).unwrap_or_else(|e| panic!("{e:?}"));
    let answers: Answers = serde_json::from_str(&std::fs::read_to_string(&answers_path).expect("readable")).expect("answers");
    let mut times: Vec<f64> = (0..200)
        .map(|_| {
            let t0 = Instant::now();
            std::hint::black_box(evaluate(&form, &answers, "2026-11-24"));
            t0.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("evaluate, {} questions: p50 {:.3} ms, p95 {:.3} ms", form.question_count(), times[100], times[190]);
}
