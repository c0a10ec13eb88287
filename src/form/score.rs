//! Scores a self-assessment: how far an enterprise meets the requirements a
//! questionnaire lists.
//!
//! A questionnaire is scored when its choices carry a `score` from 0 to 1
//! (`docs/form-definitions.md`). Each scored item (a single-choice question,
//! or one row of a matrix) counts once; a choice with no score, such as "not
//! applicable", leaves its item out. Hidden questions and sections count for
//! nothing, like their answers.
//!
//! In a self-assessment form, a `scale` question and each row of a `levels`
//! matrix are scored too: level 0 to 4 counts 0 to 1 in quarters (4 is
//! "measured and improved", the full score).

use super::answer::Answers;
use super::definition::{Cells, Choice, Form, Kind, Purpose};
use super::evaluate::Evaluation;

/// What a set of scored items comes to.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Tally {
    /// The sum of the scores of the answered, applicable items.
    pub points: f64,
    /// Answered items with a score.
    pub scored: usize,
    /// Answered "not applicable".
    pub not_applicable: usize,
    pub unanswered: usize,
}

impl Tally {
    /// Points as a share of the applicable answered items, 0 to 100; `None` when there are none.
    pub fn percent(&self) -> Option<f64> {
        (self.scored > 0).then(|| 100.0 * self.points / self.scored as f64)
    }

    fn add(&mut self, other: &Tally) {
        self.points += other.points;
        self.scored += other.scored;
        self.not_applicable += other.not_applicable;
        self.unanswered += other.unanswered;
    }
}

/// An item answered below the full score: what to work on.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub question: String,
    /// The matrix row, for an item of a matrix.
    pub row: Option<String>,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Readiness {
    pub overall: Tally,
    /// Per section index, the sections that hold scored items, in form order.
    pub sections: Vec<(usize, Tally)>,
    /// In document order.
    pub gaps: Vec<Gap>,
    /// Every scored item shown, in document order.
    pub items: Vec<Item>,
}

/// A scored item and what it scores: `None` when unanswered or not applicable.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub question: String,
    pub row: Option<String>,
    pub score: Option<f64>,
}

fn scored(choices: &[Choice]) -> bool {
    choices.iter().any(|c| c.score.is_some())
}

/// Whether a question's answers are scored in this form.
fn scores(form: &Form, kind: &Kind) -> bool {
    match kind {
        Kind::Single(c) | Kind::Matrix { cells: Cells::Choices(c), .. } => scored(c),
        Kind::Scale(_) | Kind::Matrix { cells: Cells::Levels(_), .. } => form.purpose == Purpose::SelfAssessment,
        _ => false,
    }
}

/// Whether any of the form's items is scored.
pub fn is_scored(form: &Form) -> bool {
    form.questions().any(|q| scores(form, &q.kind))
}

/// What an answer to a scored item is worth: `Some(None)` for "not applicable", `None` when unanswered.
fn worth(kind: &Kind, value: Option<&str>) -> Option<Option<f64>> {
    let value = value?;
    match kind {
        Kind::Scale(_) | Kind::Matrix { cells: Cells::Levels(_), .. } => value.trim().parse::<u8>().ok().filter(|l| *l <= 4).map(|l| Some(f64::from(l) / 4.0)),
        _ => kind.choices().iter().find(|c| c.value == value).map(|c| c.score),
    }
}

/// Scores the answers. `evaluation` is the form's evaluation of these answers (for what is shown).
pub fn readiness(form: &Form, answers: &Answers, evaluation: &Evaluation) -> Readiness {
    let mut out = Readiness::default();
    for (si, section) in form.sections.iter().enumerate() {
        if evaluation.hidden_sections.contains(&si) {
            continue;
        }
        let mut tally = Tally::default();
        let mut any = false;
        for q in &section.questions {
            if !evaluation.is_visible(&q.id) {
                continue;
            }
            if !scores(form, &q.kind) {
                continue;
            }
            let items: Vec<(Option<&str>, Option<&str>)> = match &q.kind {
                Kind::Matrix { rows, .. } => {
                    let answer = answers.get(&q.id);
                    rows.iter().map(|r| (Some(r.id.as_str()), answer.and_then(|a| a.cell(&r.id)))).collect()
                }
                _ => vec![(None, answers.get(&q.id).and_then(|a| a.text()))],
            };
            any = true;
            for (row, value) in items {
                let worth = worth(&q.kind, value);
                out.items.push(Item { question: q.id.clone(), row: row.map(str::to_string), score: worth.flatten() });
                match worth {
                    None => tally.unanswered += 1,
                    Some(None) => tally.not_applicable += 1,
                    Some(Some(s)) => {
                        tally.points += s;
                        tally.scored += 1;
                        if s < 1.0 {
                            out.gaps.push(Gap { question: q.id.clone(), row: row.map(str::to_string), score: s });
                        }
                    }
                }
            }
        }
        if any {
            out.overall.add(&tally);
            out.sections.push((si, tally));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::definition::tests::form_json;
    use crate::form::evaluate::evaluate;
    use crate::form::Answer;

    fn questionnaire() -> Form {
        let scale = serde_json::json!([
            {"value": "met", "label": {"vi": "Đã đáp ứng", "en": "Met"}, "score": 1},
            {"value": "partial", "label": {"vi": "Một phần", "en": "Partly"}, "score": 0.5},
            {"value": "no", "label": {"vi": "Chưa", "en": "Not met"}, "score": 0},
            {"value": "na", "label": {"vi": "Không áp dụng", "en": "Not applicable"}}
        ]);
        let row = |id: &str| serde_json::json!({"id": id, "label": {"vi": id, "en": id}});
        Form::parse(
            "q.json",
            &form_json(serde_json::json!([
                {"id": "design", "type": "yes_no", "label": {"vi": "Có thiết kế?", "en": "Designs?"}},
                {"id": "clause_8", "type": "matrix", "label": {"vi": "Điều 8", "en": "Clause 8"}, "rows": [row("c1"), row("c2"), row("c3"), row("c4")], "choices": scale},
                {"id": "design_control", "type": "single", "label": {"vi": "Kiểm soát thiết kế", "en": "Design control"}, "choices": scale, "relevant": "design = true"},
                {"id": "notes", "type": "text", "label": {"vi": "Ghi chú", "en": "Notes"}}
            ])),
        )
        .unwrap()
    }

    #[test]
    fn met_counts_one_partly_half_and_not_applicable_nothing() {
        let form = questionnaire();
        assert!(is_scored(&form));
        let mut answers = Answers::new();
        answers.insert("clause_8".into(), Answer::Cells([("c1", "met"), ("c2", "partial"), ("c3", "na")].iter().map(|(r, v)| (r.to_string(), v.to_string())).collect()));
        answers.insert("design_control".into(), Answer::Text("no".into()));
        let r = readiness(&form, &answers, &evaluate(&form, &answers, "2026-12-01"));
        assert_eq!(r.overall, Tally { points: 1.5, scored: 2, not_applicable: 1, unanswered: 1 }, "design_control is hidden: design is not yes");
        assert_eq!(r.overall.percent(), Some(75.0));
        assert_eq!(r.gaps, vec![Gap { question: "clause_8".into(), row: Some("c2".into()), score: 0.5 }]);

        answers.insert("design".into(), Answer::Text("yes".into()));
        let r = readiness(&form, &answers, &evaluate(&form, &answers, "2026-12-01"));
        assert_eq!((r.overall.scored, r.overall.percent()), (3, Some(50.0)), "shown now, and scored 0");
        assert_eq!(r.gaps.last().map(|g| (g.question.as_str(), g.row.clone())), Some(("design_control", None)));
        assert_eq!(r.sections.len(), 1);
    }

    #[test]
    fn nothing_answered_has_no_percent_and_an_unscored_form_no_items() {
        let form = questionnaire();
        let empty = Answers::new();
        let r = readiness(&form, &empty, &evaluate(&form, &empty, "2026-12-01"));
        assert_eq!((r.overall.percent(), r.overall.unanswered), (None, 4));
        let survey = crate::form::FormLibrary::shipped().latest(crate::form::library::FIELD_SURVEY).unwrap();
        assert!(!is_scored(&survey));
        assert_eq!(readiness(&survey, &empty, &evaluate(&survey, &empty, "2026-12-01")), Readiness::default());
    }
}
