//! What a new response starts with, taken from the enterprise register, so an
//! officer does not type again what the department already holds: a question
//! names the register figure it starts from (`"prefill": "employees"`). The
//! register keeps money in billions of VND; a question may ask in millions,
//! and the name says which, so no figure is ever off by a factor of 1,000.

use super::answer::{canonical_number, Answer, Answers};
use super::definition::{Form, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefill {
    Employees,
    RevenueMillionVnd,
    RevenueBillionVnd,
    CapitalMillionVnd,
    CapitalBillionVnd,
}

/// A register figure as the register holds it: employees, or money in billions of VND.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterFigure {
    Employees,
    Revenue,
    Capital,
}

impl Prefill {
    pub const ALL: [Prefill; 5] = [Prefill::Employees, Prefill::RevenueMillionVnd, Prefill::RevenueBillionVnd, Prefill::CapitalMillionVnd, Prefill::CapitalBillionVnd];

    pub fn key(self) -> &'static str {
        match self {
            Prefill::Employees => "employees",
            Prefill::RevenueMillionVnd => "revenue_million_vnd",
            Prefill::RevenueBillionVnd => "revenue_billion_vnd",
            Prefill::CapitalMillionVnd => "capital_million_vnd",
            Prefill::CapitalBillionVnd => "capital_billion_vnd",
        }
    }

    pub fn parse(key: &str) -> Option<Prefill> {
        Prefill::ALL.into_iter().find(|p| p.key() == key)
    }

    /// Which register figure, and what to multiply it by for the question's unit.
    fn source(self) -> (RegisterFigure, f64) {
        match self {
            Prefill::Employees => (RegisterFigure::Employees, 1.0),
            Prefill::RevenueMillionVnd => (RegisterFigure::Revenue, 1000.0),
            Prefill::RevenueBillionVnd => (RegisterFigure::Revenue, 1.0),
            Prefill::CapitalMillionVnd => (RegisterFigure::Capital, 1000.0),
            Prefill::CapitalBillionVnd => (RegisterFigure::Capital, 1.0),
        }
    }

    /// Whether a question of this kind can take the figure.
    pub fn fits(self, kind: &Kind) -> bool {
        match self {
            Prefill::Employees => matches!(kind, Kind::Integer | Kind::Decimal),
            _ => matches!(kind, Kind::Decimal),
        }
    }
}

/// The answers a new response on `form` starts with; `figure` gives what the
/// register holds (`None` when the enterprise has no such figure).
pub fn prefilled(form: &Form, figure: impl Fn(RegisterFigure) -> Option<f64>) -> Answers {
    let mut answers = Answers::new();
    for q in form.questions() {
        let Some(p) = q.prefill else { continue };
        let (which, scale) = p.source();
        if let Some(x) = figure(which).map(|x| x * scale).filter(|x| x.is_finite()) {
            // Rounded to what a typed figure could hold: 2.345 billion is 2,345 million, not 2,345.0000000000005.
            let rounded = (x * 1e6).round() / 1e6;
            answers.insert(q.id.clone(), Answer::Text(canonical_number(rounded)));
        }
    }
    answers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::definition::tests::form_json;

    #[test]
    fn figures_start_in_the_question_unit() {
        let form = Form::parse(
            "t.json",
            &form_json(serde_json::json!([
                {"id": "staff", "type": "integer", "label": {"vi": "Lao động", "en": "Staff"}, "prefill": "employees"},
                {"id": "revenue", "type": "decimal", "label": {"vi": "Doanh thu", "en": "Revenue"}, "unit": {"vi": "triệu đồng", "en": "million VND"}, "prefill": "revenue_million_vnd"},
                {"id": "capital", "type": "decimal", "label": {"vi": "Vốn", "en": "Capital"}, "prefill": "capital_billion_vnd"},
                {"id": "other", "type": "decimal", "label": {"vi": "Khác", "en": "Other"}}
            ])),
        )
        .unwrap();
        let answers = prefilled(&form, |f| match f {
            RegisterFigure::Employees => Some(42.0),
            RegisterFigure::Revenue => Some(2.345),
            RegisterFigure::Capital => None,
        });
        assert_eq!(answers.get("staff"), Some(&Answer::Text("42".into())));
        assert_eq!(answers.get("revenue"), Some(&Answer::Text("2345".into())));
        assert_eq!((answers.get("capital"), answers.get("other")), (None, None));
    }

    #[test]
    fn a_prefill_must_name_a_figure_the_question_can_hold() {
        let bad = |q: serde_json::Value| Form::parse("t.json", &form_json(serde_json::json!([q]))).unwrap_err().into_iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ");
        assert!(bad(serde_json::json!({"id": "a", "type": "decimal", "label": {"vi": "A", "en": "A"}, "prefill": "turnover"})).contains("prefill"));
        assert!(bad(serde_json::json!({"id": "a", "type": "text", "label": {"vi": "A", "en": "A"}, "prefill": "employees"})).contains("prefill"));
    }
}
