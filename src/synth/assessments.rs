//! Self-assessments of a synthetic province: each enterprise assesses itself
//! a few times against a scored questionnaire, readier each time, and most
//! of them send a finished one.

use super::{Rng, NOW_MS, FAMILY, GIVEN, MIDDLE};
use crate::form::{evaluate, Answer, Answers, Form, Kind};
use crate::model::assessment::{Assessment, AssessmentStatus, ASSESSMENT_DATE, ENTERPRISE_NAME, TAX_CODE};
use crate::model::clock::Hlc;
use crate::model::filled::FilledForm;
use crate::model::enterprise::Enterprise;
use crate::model::record::{uuid_v4, Change, Record};

const POSITIONS: [&str; 4] = ["Giám đốc", "Phó Giám đốc", "Trưởng phòng Quản lý chất lượng", "Thư ký ISO"];

/// `per_enterprise` self-assessments of each enterprise on `form`, from `seed`.
pub fn assessments(enterprises: &[Record<Enterprise>], per_enterprise: usize, form: &Form, seed: u64) -> Vec<Record<Assessment>> {
    let mut rng = Rng::new(seed ^ 0xa55e_55ed);
    let mut out = Vec::with_capacity(enterprises.len() * per_enterprise);
    let half_year_ms: i64 = 182 * 86_400_000;
    for e in enterprises {
        // How far along the enterprise starts, in percent of requirements met.
        let start = 15 + rng.below(60);
        for round in 0..per_enterprise {
            let day_ms = (e.created_ms() + round as i64 * half_year_ms + rng.below(45 * 86_400_000) as i64).min(NOW_MS);
            let today = crate::format::iso_date(day_ms, 420);
            let met = (start + round as u64 * 12).min(95);
            let unfinished = rng.chance(15);
            let mut answers = Answers::new();
            let person = format!("{} {} {}", rng.pick(&FAMILY), rng.pick(&MIDDLE), rng.pick(&GIVEN));
            let mut text = |id: &str, v: String| {
                answers.insert(id.to_string(), Answer::Text(v));
            };
            text(ENTERPRISE_NAME, e.payload.name.clone());
            if let Some(code) = &e.payload.tax_code {
                text(TAX_CODE, code.clone());
            }
            text("respondent_name", person);
            text("respondent_position", rng.pick(&POSITIONS).to_string());
            text(ASSESSMENT_DATE, today.clone());
            for q in form.questions() {
                let Kind::Matrix { rows, .. } = &q.kind else { continue };
                if unfinished && rng.chance(40) {
                    continue;
                }
                let cells = rows
                    .iter()
                    .map(|r| {
                        let roll = rng.below(100);
                        let v = if r.id == "c8_3" && roll < 50 {
                            "not_applicable"
                        } else if roll < met {
                            "compliant"
                        } else if roll < met + (100 - met) / 2 {
                            "partial"
                        } else {
                            "not_met"
                        };
                        (r.id.clone(), v.to_string())
                    })
                    .collect();
                answers.insert(q.id.clone(), Answer::Cells(cells));
            }
            if let Some(q) = form.question("certification_plan") {
                let choice = &q.kind.choices()[if met > 80 { 0 } else { rng.below(q.kind.choices().len() as u64) as usize }];
                answers.insert(q.id.clone(), Answer::Text(choice.value.clone()));
            }
            let mut assessment = Assessment::new(form, Some(&e.id));
            assessment.answers = answers;
            let evaluation = evaluate(form, &assessment.answers, &today);
            assessment.status = if evaluation.is_complete() { AssessmentStatus::Submitted } else { AssessmentStatus::Draft };
            assessment.record_summary(form, &evaluation);
            let at = Change { at: Hlc { ms: day_ms, counter: 0, device: "synthetic-province".into() }, officer: String::new() };
            out.push(Record::new(uuid_v4(rng.bytes16()), &at, assessment));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::library::{FormLibrary, ISO9001_READINESS};

    #[test]
    fn deterministic_scored_and_mostly_submitted() {
        let form = FormLibrary::shipped().latest(ISO9001_READINESS).unwrap();
        let ents = super::super::province(80, 5);
        let a = assessments(&ents, 3, &form, 11);
        assert_eq!(a, assessments(&ents, 3, &form, 11));
        assert_eq!(a.len(), 240);
        let submitted = a.iter().filter(|r| r.payload.status == AssessmentStatus::Submitted).count();
        assert!(submitted > 120 && submitted < 240, "most are sent, some are drafts: {submitted}");
        for r in &a {
            let e = ents.iter().find(|e| Some(e.id.as_str()) == r.payload.enterprise_id.as_deref()).expect("linked to a register enterprise");
            assert_eq!(r.payload.enterprise_name(), Some(e.payload.name.as_str()));
            assert_eq!(r.payload.tax_code(), e.payload.tax_code.as_deref());
            let readiness = r.payload.readiness.expect("every one answers something scored");
            assert!((0.0..=100.0).contains(&readiness));
        }
        // The same enterprise is readier later.
        let mean = |round: usize| a.iter().skip(round).step_by(3).map(|r| r.payload.readiness.unwrap()).sum::<f64>() / 80.0;
        assert!(mean(2) > mean(0) + 10.0, "{} then {}", mean(0), mean(2));
    }
}
