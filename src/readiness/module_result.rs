//! One module's result: its score, band, and the statements not yet fully met.

use super::band::Band;
use crate::form::definition::{Advice, Kind, LocalText, ModuleKind};
use crate::form::{evaluate, score, Answers, Form};

/// A statement answered below the full score, with what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct GapItem {
    /// `question` or `question.row`: the key the action plan keeps its state under.
    pub key: String,
    pub label: LocalText,
    /// 0 to 1: 0 is not met at all.
    pub score: f64,
    pub advice: Option<Advice>,
    /// Place in the form, for a stable order among equal scores.
    pub order: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ModuleResult {
    pub form_id: String,
    pub kind: ModuleKind,
    pub short: LocalText,
    /// 0 to 100; `None` until a scored statement is answered.
    pub percent: Option<f64>,
    pub band: Option<Band>,
    /// Statements answered, and statements in all (not applicable ones count as answered).
    pub answered: usize,
    pub total: usize,
    pub gaps: Vec<GapItem>,
}

/// The key of a scored item in the action plan.
pub fn item_key(question: &str, row: Option<&str>) -> String {
    match row {
        Some(r) => format!("{question}.{r}"),
        None => question.to_string(),
    }
}

/// Scores a module's answers. A form without a module block is taken as a system checklist
/// named by its title. `today` is YYYY-MM-DD, for the form's date rules.
pub fn module_result(form: &Form, answers: &Answers, today: &str) -> ModuleResult {
    module_result_of(form, &score::readiness(form, answers, &evaluate(form, answers, today)))
}

/// A module's result from a form's scores already worked out (the editor has its evaluation).
pub fn module_result_of(form: &Form, readiness: &score::Readiness) -> ModuleResult {
    let mut order = 0;
    let mut positions = std::collections::HashMap::new();
    for q in form.questions() {
        match &q.kind {
            Kind::Matrix { rows, .. } => {
                for r in rows {
                    positions.insert(item_key(&q.id, Some(&r.id)), (order, r.label.clone(), r.advice.clone()));
                    order += 1;
                }
            }
            _ => {
                positions.insert(q.id.clone(), (order, q.label.clone(), q.advice.clone()));
                order += 1;
            }
        }
    }
    let gaps = readiness
        .gaps
        .iter()
        .filter_map(|g| {
            let key = item_key(&g.question, g.row.as_deref());
            let (order, label, advice) = positions.get(&key)?.clone();
            Some(GapItem { key, label, score: g.score, advice, order })
        })
        .collect();
    let t = readiness.overall;
    let percent = t.percent();
    let (kind, short) = match &form.module {
        Some(m) => (m.kind, m.short.clone()),
        None => (ModuleKind::System, form.title.clone()),
    };
    ModuleResult {
        form_id: form.id.clone(),
        kind,
        short,
        percent,
        band: percent.and_then(Band::of),
        answered: t.scored + t.not_applicable,
        total: t.scored + t.not_applicable + t.unanswered,
        gaps,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::form::definition::tests::form_json;
    use crate::form::Answer;

    /// A tool module of four statements on the 0–4 scale; `s3` waits for `s1`.
    pub(crate) fn tool_module(id: &str, requires: Option<(&str, f64)>) -> Form {
        let advice = |after: &[&str]| serde_json::json!({"support": "systems_tools", "first_step": {"vi": "Bắt đầu", "en": "Start"}, "after": after});
        let row = |id: &str, after: &[&str]| serde_json::json!({"id": id, "label": {"vi": format!("Câu {id}"), "en": format!("Statement {id}")}, "advice": advice(after)});
        let levels: Vec<serde_json::Value> = (0..5).map(|i| serde_json::json!({"vi": format!("Mức {i}"), "en": format!("Level {i}")})).collect();
        let mut raw: serde_json::Value = serde_json::from_str(&form_json(serde_json::json!([
            {"id": "tool", "type": "matrix", "label": {"vi": "Công cụ", "en": "Tool"}, "levels": levels,
             "rows": [row("s1", &[]), row("s2", &[]), row("s3", &["s1"]), row("s4", &[])]}
        ])))
        .unwrap();
        raw["id"] = id.into();
        raw["purpose"] = "self_assessment".into();
        raw["module"] = serde_json::json!({"kind": "tool", "short": {"vi": id, "en": id}});
        if let Some((form, percent)) = requires {
            raw["module"]["requires"] = serde_json::json!([{"form": form, "percent": percent}]);
        }
        Form::parse("t.json", &raw.to_string()).unwrap_or_else(|e| panic!("{e:?}"))
    }

    pub(crate) fn levels(pairs: &[(&str, &str)]) -> Answers {
        let mut answers = Answers::new();
        answers.insert("tool".into(), Answer::Cells(pairs.iter().map(|(r, v)| (r.to_string(), v.to_string())).collect()));
        answers
    }

    #[test]
    fn levels_score_in_quarters_and_gaps_carry_their_advice() {
        let form = tool_module("five-s", None);
        let r = module_result(&form, &levels(&[("s1", "4"), ("s2", "2"), ("s3", "0")]), "2026-12-01");
        assert_eq!(r.percent, Some(100.0 * 1.5 / 3.0));
        assert_eq!(r.band, Some(Band::Preparing));
        assert_eq!((r.answered, r.total), (3, 4));
        let keys: Vec<&str> = r.gaps.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, ["tool.s2", "tool.s3"]);
        assert_eq!(r.gaps[1].advice.as_ref().map(|a| a.after.clone()), Some(vec!["s1".to_string()]));
        assert_eq!(r.gaps[1].label.en, "Statement s3");
        // A level that is not 0–4 counts as unanswered, never as a score.
        let odd = module_result(&form, &levels(&[("s1", "7"), ("s2", "-1"), ("s3", "x")]), "2026-12-01");
        assert_eq!((odd.percent, odd.answered), (None, 0));
    }
}
