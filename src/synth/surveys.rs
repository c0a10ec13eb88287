//! Field surveys of a synthetic province.

use super::{Rng, NOW_MS, FAMILY, GIVEN};
use crate::model::clock::Hlc;
use crate::model::enterprise::Enterprise;
use crate::model::record::{uuid_v4, Change, Record};

/// Field surveys of the given enterprises on `form`: `per_enterprise` visits
/// each, answers drawn from the form's own choices, figures that hang
/// together. Surveys whose answers pass every rule are complete, the rest
/// drafts, as in the field.
pub fn surveys(enterprises: &[Record<Enterprise>], per_enterprise: usize, form: &crate::form::Form, seed: u64) -> Vec<Record<crate::model::survey::Survey>> {
    use crate::form::{evaluate, Answer, Answers, Kind};
    use crate::model::filled::FilledForm;
    use crate::model::survey::{Survey, SurveyStatus};
    let mut rng = Rng::new(seed ^ 0x5eed_5eed);
    let mut out = Vec::with_capacity(enterprises.len() * per_enterprise);
    let year_ms: i64 = 365 * 86_400_000;
    for e in enterprises {
        for visit in 0..per_enterprise {
            let day_ms = (e.created_ms() + visit as i64 * year_ms / 2 + rng.below(60 * 86_400_000) as i64).min(NOW_MS);
            let today = crate::format::iso_date(day_ms, 420);
            let filled = 40 + rng.below(61); // percent of questions answered
            let mut answers = Answers::new();
            for q in form.questions() {
                if !rng.chance(filled) {
                    continue;
                }
                let answer = match &q.kind {
                    Kind::Phone => Some(Answer::Text(format!("09{:08}", rng.below(100_000_000)))),
                    Kind::Text | Kind::LongText => Some(Answer::Text(format!("{} {}", rng.pick(&FAMILY), rng.pick(&GIVEN)))),
                    Kind::Single(c) => Some(Answer::Text(rng.pick(c).value.clone())),
                    Kind::Multiple(c) | Kind::Ranking { choices: c, .. } => {
                        Some(Answer::List(c.iter().filter(|_| rng.chance(30)).take(3).map(|c| c.value.clone()).collect()))
                    }
                    Kind::YesNo => Some(Answer::Text(if rng.chance(50) { "yes" } else { "no" }.into())),
                    Kind::Scale(_) => Some(Answer::Text(rng.below(5).to_string())),
                    Kind::Matrix { rows, cells } => Some(Answer::Cells(
                        rows.iter()
                            .map(|r| {
                                let v = match cells {
                                    crate::form::definition::Cells::Levels(_) => rng.below(5).to_string(),
                                    crate::form::definition::Cells::Choices(c) => rng.pick(c).value.clone(),
                                };
                                (r.id.clone(), v)
                            })
                            .collect(),
                    )),
                    _ => None,
                };
                if let Some(a) = answer.filter(|a| !a.is_empty()) {
                    answers.insert(q.id.clone(), a);
                }
            }
            let employees = e.payload.employees.unwrap_or(10).max(1);
            let revenue = e.payload.revenue_bn_vnd.unwrap_or(1.0) * 1000.0;
            let value_added = (revenue * (0.1 + rng.below(35) as f64 / 100.0)).round();
            for (id, v) in [
                ("survey_date", today.clone()),
                ("fin_year", (today[..4].parse::<i64>().unwrap_or(2025) - 1).to_string()),
                ("employees", employees.to_string()),
                ("revenue", crate::form::answer::canonical_number(revenue.round())),
                ("value_added", crate::form::answer::canonical_number(value_added)),
                ("respondent_phone", format!("09{:08}", rng.below(100_000_000))),
            ] {
                if form.question(id).is_some() {
                    answers.insert(id.to_string(), Answer::Text(v));
                }
            }
            let mut survey = Survey::new(form, &e.id);
            survey.answers = answers;
            let evaluation = evaluate(form, &survey.answers, &today);
            survey.status = if evaluation.is_complete() { SurveyStatus::Complete } else { SurveyStatus::Draft };
            survey.record_summary(form, &evaluation);
            let at = Change { at: Hlc { ms: day_ms, counter: 0, device: "synthetic-province".into() }, officer: format!("{} {}", rng.pick(&FAMILY), rng.pick(&GIVEN)) };
            out.push(Record::new(uuid_v4(rng.bytes16()), &at, survey));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::province;
    use crate::form::library::{FormLibrary, FIELD_SURVEY};

    #[test]
    fn surveys_are_deterministic_and_follow_the_form() {
        let form = FormLibrary::shipped().latest(FIELD_SURVEY).unwrap();
        let ents = province(60, 3);
        let a = surveys(&ents, 3, &form, 9);
        assert_eq!(a, surveys(&ents, 3, &form, 9));
        assert_eq!(a.len(), 180);
        assert!(a.iter().all(|s| ents.iter().any(|e| e.id == s.payload.enterprise_id)));
        let complete = a.iter().filter(|s| s.payload.status == crate::model::survey::SurveyStatus::Complete).count();
        assert!(complete < 180, "some stay drafts: {complete}");
        for s in &a {
            let e = crate::form::evaluate(&form, &s.payload.answers, s.payload.survey_date().unwrap());
            assert_eq!(e.issue("value_added"), None, "value added never exceeds revenue");
        }
    }
}
