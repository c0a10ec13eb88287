//! Runs a form over a set of answers: which questions show, what computed
//! fields come to, which rules fail, and how far each section is.
//!
//! It runs on every keystroke, so it is one pass in document order over
//! pre-parsed expressions; computed fields are evaluated when first needed
//! and remembered for the pass.

use super::answer::{is_date, number, Answer, Answers, Row};
use super::definition::{Cells, Form, Kind, LocalText, Question, Requirement};
use super::eval::{eval, Scope, Value};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// What is wrong with one answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    Required,
    NotANumber,
    NotAWholeNumber,
    NotAPhone,
    NotADate,
    BelowMin(f64),
    AboveMax(f64),
    TooLong(usize),
    /// The author's message for a pattern or a constraint.
    Rule(LocalText),
    UnknownChoice,
    TooManyRows(usize),
    TooManyRanked(usize),
    /// A required matrix with this many rows unanswered.
    RowsMissing(usize),
}

impl Issue {
    pub fn is_missing(&self) -> bool {
        matches!(self, Issue::Required | Issue::RowsMissing(_))
    }
}

/// How far a section is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub visible: bool,
    pub answered: usize,
    pub total: usize,
    pub issues: usize,
}

/// The path of an answer: `id` at the top level, `repeat[2].sub` in row 2 of a repeat.
pub fn row_path(repeat: &str, row: usize, sub: &str) -> String {
    format!("{repeat}[{row}].{sub}")
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evaluation {
    /// Paths of questions that are not shown (their answers are kept, and ignored).
    pub hidden: HashSet<String>,
    pub hidden_sections: HashSet<usize>,
    /// Computed values by path.
    pub computed: HashMap<String, Value>,
    /// Problems by path, in document order.
    pub issues: Vec<(String, Issue)>,
    /// Path → position in `issues`: every question looks its own up on every keystroke.
    issue_at: HashMap<String, usize>,
    pub progress: Vec<Progress>,
}

impl Evaluation {
    pub fn is_visible(&self, path: &str) -> bool {
        !self.hidden.contains(path)
    }

    pub fn issue(&self, path: &str) -> Option<&Issue> {
        self.issue_at.get(path).map(|&i| &self.issues[i].1)
    }

    /// Every rule passes: the response may be marked complete.
    pub fn is_complete(&self) -> bool {
        self.issues.is_empty()
    }

    /// The first required question still unanswered, in document order.
    pub fn first_missing(&self) -> Option<&str> {
        self.issues.iter().find(|(_, i)| i.is_missing()).map(|(p, _)| p.as_str())
    }

    /// The first problem of any kind (unanswered, or answered wrongly), in
    /// document order: where "mark complete" and "go to the first problem" take the officer.
    pub fn first_problem(&self) -> Option<&str> {
        self.issues.first().map(|(p, _)| p.as_str())
    }

    pub fn answered_total(&self) -> (usize, usize) {
        self.progress.iter().filter(|p| p.visible).fold((0, 0), |(a, t), p| (a + p.answered, t + p.total))
    }
}

struct Pass<'a> {
    form: &'a Form,
    answers: &'a Answers,
    today: &'a str,
    hidden: RefCell<HashSet<String>>,
    computed: RefCell<HashMap<String, Value>>,
}

/// The value a stored answer has in expressions.
pub fn value_of(q: &Question, answer: Option<&Answer>) -> Value {
    let Some(a) = answer.filter(|a| !a.is_empty()) else { return Value::Empty };
    match (&q.kind, a) {
        (Kind::Integer | Kind::Decimal | Kind::Scale(_), Answer::Text(t)) => number(t).map_or(Value::Empty, Value::Num),
        (Kind::YesNo, Answer::Text(t)) => match t.as_str() {
            "yes" => Value::Bool(true),
            "no" => Value::Bool(false),
            _ => Value::Empty,
        },
        (Kind::Text | Kind::LongText | Kind::Phone | Kind::Date | Kind::Single(_), Answer::Text(t)) => Value::Text(t.clone()),
        (Kind::Multiple(_) | Kind::Ranking { .. }, Answer::List(l)) => Value::List(l.clone()),
        (Kind::Matrix { rows, .. }, Answer::Cells(_)) => Value::List(rows.iter().filter(|r| a.cell(&r.id).is_some()).map(|r| r.id.clone()).collect()),
        (Kind::Repeat { .. }, Answer::Rows(r)) => Value::Num(r.len() as f64),
        _ => Value::Empty,
    }
}

fn cell_value(q: &Question, answer: Option<&Answer>, row: &str) -> Value {
    let Some(v) = answer.and_then(|a| a.cell(row)) else { return Value::Empty };
    match &q.kind {
        Kind::Matrix { cells: Cells::Levels(_), .. } => number(v).map_or(Value::Empty, Value::Num),
        _ => Value::Text(v.to_string()),
    }
}

struct At<'p, 'a> {
    pass: &'p Pass<'a>,
    /// The repeat, row index and row when evaluating inside a repeat row.
    row: Option<(&'a Question, usize, Option<&'a Row>)>,
    this: Value,
}

impl At<'_, '_> {
    fn sub(&self, id: &str) -> Option<(&Question, String)> {
        let (rep, i, _) = self.row?;
        rep.sub_questions().iter().find(|q| q.id == id).map(|q| (q, row_path(&rep.id, i, id)))
    }
}

impl Scope for At<'_, '_> {
    fn value(&self, id: &str, cell: Option<&str>) -> Value {
        if let Some((q, path)) = self.sub(id) {
            if self.pass.hidden.borrow().contains(&path) {
                return Value::Empty;
            }
            let row = self.row.and_then(|(_, _, r)| r);
            return match &q.kind {
                Kind::Computed { calculate, .. } => self.pass.computed_at(&path, calculate, self.row),
                _ => value_of(q, row.and_then(|r| r.get(id))),
            };
        }
        self.pass.top_value(id, cell)
    }

    fn count(&self, id: &str) -> usize {
        let answer = if self.sub(id).is_some() { self.row.and_then(|(_, _, r)| r).and_then(|r| r.get(id)) } else { self.pass.visible_answer(id) };
        match answer {
            Some(Answer::List(l)) => l.len(),
            Some(Answer::Rows(r)) => r.len(),
            Some(a @ Answer::Cells(c)) => c.keys().filter(|k| a.cell(k).is_some()).count(),
            Some(a) => usize::from(!a.is_empty()),
            None => 0,
        }
    }

    fn sum(&self, repeat: &str, sub: &str) -> Value {
        let Some(q) = self.pass.form.question(repeat) else { return Value::Empty };
        let Some(sq) = q.sub_questions().iter().find(|s| s.id == sub) else { return Value::Empty };
        let rows = self.pass.visible_answer(repeat).map(Answer::rows).unwrap_or(&[]);
        let mut total = 0.0;
        for (i, row) in rows.iter().enumerate() {
            if self.pass.hidden.borrow().contains(&row_path(repeat, i, sub)) {
                continue;
            }
            let v = match &sq.kind {
                Kind::Computed { calculate, .. } => self.pass.computed_at(&row_path(repeat, i, sub), calculate, Some((q, i, Some(row)))),
                _ => value_of(sq, row.get(sub)),
            };
            total += v.num().unwrap_or(0.0);
        }
        Value::Num(total)
    }

    fn this(&self) -> Value {
        self.this.clone()
    }

    fn today(&self) -> &str {
        self.pass.today
    }
}

impl<'a> Pass<'a> {
    fn at(&self, row: Option<(&'a Question, usize, Option<&'a Row>)>, this: Value) -> At<'_, 'a> {
        At { pass: self, row, this }
    }

    fn visible_answer(&self, id: &str) -> Option<&'a Answer> {
        if self.hidden.borrow().contains(id) {
            return None;
        }
        self.answers.get(id)
    }

    fn top_value(&self, id: &str, cell: Option<&str>) -> Value {
        let Some(q) = self.form.question(id) else { return Value::Empty };
        if self.hidden.borrow().contains(id) {
            return Value::Empty;
        }
        match (&q.kind, cell) {
            (Kind::Computed { calculate, .. }, _) => self.computed_at(id, calculate, None),
            (_, Some(row)) => cell_value(q, self.answers.get(id), row),
            _ => value_of(q, self.answers.get(id)),
        }
    }

    fn computed_at(&self, path: &str, calculate: &super::expr::Expr, row: Option<(&'a Question, usize, Option<&'a Row>)>) -> Value {
        if let Some(v) = self.computed.borrow().get(path) {
            return v.clone();
        }
        // Definitions are checked for cycles; should one slip through, the value
        // being computed reads as empty rather than recursing without end.
        self.computed.borrow_mut().insert(path.to_string(), Value::Empty);
        let v = eval(calculate, &self.at(row, Value::Empty));
        self.computed.borrow_mut().insert(path.to_string(), v.clone());
        v
    }

    fn rule_holds(&self, e: &Option<super::expr::Expr>, row: Option<(&'a Question, usize, Option<&'a Row>)>) -> bool {
        e.as_ref().is_none_or(|e| eval(e, &self.at(row, Value::Empty)).holds())
    }

    /// Checks one answer; returns whether it counts as answered.
    fn check(&self, q: &'a Question, path: &str, answer: Option<&'a Answer>, row: Option<(&'a Question, usize, Option<&'a Row>)>, issues: &mut Vec<(String, Issue)>) -> bool {
        let required = match &q.required {
            Requirement::Never => false,
            Requirement::Always => true,
            Requirement::When(e) => eval(e, &self.at(row, Value::Empty)).holds(),
        };
        let mut push = |issue: Issue| issues.push((path.to_string(), issue));
        let Some(a) = answer.filter(|a| !a.is_empty()) else {
            if required {
                push(Issue::Required);
            }
            return false;
        };
        let text = a.text().map(str::trim).unwrap_or("");
        let well_formed = match &q.kind {
            Kind::Integer | Kind::Decimal => match number(text) {
                None => {
                    push(Issue::NotANumber);
                    false
                }
                Some(n) if matches!(q.kind, Kind::Integer) && n.fract() != 0.0 => {
                    push(Issue::NotAWholeNumber);
                    false
                }
                Some(n) => {
                    if let Some(min) = q.min.filter(|m| n < *m) {
                        push(Issue::BelowMin(min));
                    } else if let Some(max) = q.max.filter(|m| n > *m) {
                        push(Issue::AboveMax(max));
                    }
                    true
                }
            },
            Kind::Phone if crate::model::phone::normalise_phone(text).is_none() => {
                push(Issue::NotAPhone);
                false
            }
            Kind::Date if !is_date(text) => {
                push(Issue::NotADate);
                false
            }
            Kind::Text | Kind::LongText => {
                let len = text.chars().count();
                if let Some(max) = q.max_length.filter(|m| len > *m) {
                    push(Issue::TooLong(max));
                } else if let Some(p) = q.pattern.as_ref().filter(|p| !super::pattern::is_match(&p.anchored, text)) {
                    push(Issue::Rule(p.message.clone()));
                }
                true
            }
            Kind::Single(choices) if !choices.iter().any(|c| c.value == text) => {
                push(Issue::UnknownChoice);
                false
            }
            Kind::Multiple(choices) | Kind::Ranking { choices, .. } if a.list().iter().any(|v| !choices.iter().any(|c| &c.value == v)) => {
                push(Issue::UnknownChoice);
                false
            }
            Kind::Ranking { max_ranked: Some(max), .. } if a.list().len() > *max => {
                push(Issue::TooManyRanked(*max));
                false
            }
            Kind::YesNo if !matches!(text, "yes" | "no") => {
                push(Issue::UnknownChoice);
                false
            }
            Kind::Scale(_) if !matches!(text, "0" | "1" | "2" | "3" | "4") => {
                push(Issue::UnknownChoice);
                false
            }
            Kind::Matrix { rows, .. } => {
                let missing = rows.iter().filter(|r| a.cell(&r.id).is_none()).count();
                if required && missing > 0 {
                    push(Issue::RowsMissing(missing));
                }
                true
            }
            Kind::Repeat { max_rows: Some(max), .. } if a.rows().len() > *max => {
                push(Issue::TooManyRows(*max));
                true
            }
            _ => true,
        };
        if well_formed {
            if let Some((rule, message)) = &q.constraint {
                if eval(rule, &self.at(row, value_of(q, Some(a)))).fails() {
                    push(Issue::Rule(message.clone()));
                }
            }
        }
        true
    }
}

/// Computed value, rules and progress of one shown top-level question and its rows.
fn check_question<'a>(pass: &Pass<'a>, q: &'a Question, issues: &mut Vec<(String, Issue)>, p: &mut Progress) {
    if let Kind::Computed { calculate, .. } = &q.kind {
        pass.computed_at(&q.id, calculate, None);
        return;
    }
    if !q.kind.is_answered() {
        return;
    }
    let before = issues.len();
    let answer = pass.answers.get(&q.id);
    p.total += 1;
    if pass.check(q, &q.id, answer, None, issues) {
        p.answered += 1;
    }
    for (i, row) in answer.map(Answer::rows).unwrap_or(&[]).iter().enumerate() {
        let at = Some((q, i, Some(row)));
        for sub in q.sub_questions() {
            let path = row_path(&q.id, i, &sub.id);
            if pass.hidden.borrow().contains(&path) {
                continue;
            }
            match &sub.kind {
                Kind::Computed { calculate, .. } => {
                    pass.computed_at(&path, calculate, at);
                }
                _ if sub.kind.is_answered() => {
                    pass.check(sub, &path, row.get(&sub.id), at, issues);
                }
                _ => {}
            }
        }
    }
    p.issues += issues.len() - before;
}

/// Evaluates every rule of `form` over `answers`. `today` is "YYYY-MM-DD".
pub fn evaluate(form: &Form, answers: &Answers, today: &str) -> Evaluation {
    let pass = Pass { form, answers, today, hidden: RefCell::new(HashSet::new()), computed: RefCell::new(HashMap::new()) };
    // First pass: what is shown. Relevance names only earlier questions (checked when the
    // form loads), so document order settles it.
    let mut hidden_sections = HashSet::new();
    for (si, section) in form.sections.iter().enumerate() {
        let shown = pass.rule_holds(&section.relevant, None);
        if !shown {
            hidden_sections.insert(si);
        }
        for q in &section.questions {
            let rows = answers.get(&q.id).map(Answer::rows).unwrap_or(&[]);
            if !shown || !pass.rule_holds(&q.relevant, None) {
                pass.hidden.borrow_mut().insert(q.id.clone());
                for i in 0..rows.len() {
                    for sub in q.sub_questions() {
                        pass.hidden.borrow_mut().insert(row_path(&q.id, i, &sub.id));
                    }
                }
                continue;
            }
            for (i, row) in rows.iter().enumerate() {
                for sub in q.sub_questions() {
                    if !pass.rule_holds(&sub.relevant, Some((q, i, Some(row)))) {
                        pass.hidden.borrow_mut().insert(row_path(&q.id, i, &sub.id));
                    }
                }
            }
        }
    }
    // Computed values met during the first pass may have counted answers that turned out hidden.
    pass.computed.borrow_mut().clear();

    // Second pass: computed fields, rules and progress, with every hidden answer known.
    let mut issues = Vec::new();
    let mut progress = Vec::with_capacity(form.sections.len());
    for (si, section) in form.sections.iter().enumerate() {
        let mut p = Progress { visible: !hidden_sections.contains(&si), ..Default::default() };
        for q in &section.questions {
            if !pass.hidden.borrow().contains(&q.id) {
                check_question(&pass, q, &mut issues, &mut p);
            }
        }
        progress.push(p);
    }
    let mut issue_at = HashMap::with_capacity(issues.len());
    for (i, (p, _)) in issues.iter().enumerate() {
        issue_at.entry(p.clone()).or_insert(i);
    }
    Evaluation { hidden: pass.hidden.into_inner(), hidden_sections, computed: pass.computed.into_inner(), issues, issue_at, progress }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::form::definition::tests::form_json;

    pub fn sample_form() -> Form {
        let src = form_json(serde_json::json!([
            {"id": "employees", "type": "integer", "label": {"vi": "Số lao động", "en": "Employees"}, "required": true, "min": 1},
            {"id": "revenue", "type": "decimal", "label": {"vi": "Doanh thu", "en": "Revenue"}, "required": true},
            {"id": "value_added", "type": "decimal", "label": {"vi": "Giá trị gia tăng", "en": "Value added"}, "required": true,
             "constraint": ". <= revenue", "constraint_message": {"vi": "Giá trị gia tăng không thể lớn hơn doanh thu.", "en": "Value added cannot exceed revenue."}},
            {"id": "productivity", "type": "computed", "label": {"vi": "Năng suất lao động", "en": "Labour productivity"}, "calculate": "round(value_added / employees, 1)"},
            {"id": "exports", "type": "yes_no", "label": {"vi": "Có xuất khẩu?", "en": "Exports?"}},
            {"id": "export_share", "type": "decimal", "label": {"vi": "Tỷ trọng xuất khẩu", "en": "Export share"}, "relevant": "exports", "required": true, "min": 0, "max": 100},
            {"id": "phone", "type": "text", "label": {"vi": "Điện thoại", "en": "Phone"}, "pattern": "0[0-9]{9}", "pattern_message": {"vi": "10 chữ số, bắt đầu bằng 0", "en": "10 digits starting with 0"}},
            {"id": "tools", "type": "matrix", "label": {"vi": "Công cụ", "en": "Tools"}, "required": "productivity > 1",
             "rows": [{"id": "s5", "label": {"vi": "5S", "en": "5S"}}, {"id": "kaizen", "label": {"vi": "Kaizen", "en": "Kaizen"}}],
             "levels": [{"vi": "0", "en": "0"}, {"vi": "1", "en": "1"}, {"vi": "2", "en": "2"}, {"vi": "3", "en": "3"}, {"vi": "4", "en": "4"}]},
            {"id": "certs", "type": "repeat", "label": {"vi": "Chứng chỉ", "en": "Certificates"}, "questions": [
                {"id": "body", "type": "text", "label": {"vi": "Tổ chức chứng nhận", "en": "Certification body"}, "required": true},
                {"id": "issued", "type": "date", "label": {"vi": "Ngày cấp", "en": "Issued"}},
                {"id": "expiry", "type": "date", "label": {"vi": "Ngày hết hạn", "en": "Expiry"}, "relevant": "answered(issued)",
                 "constraint": ". > issued", "constraint_message": {"vi": "Phải sau ngày cấp", "en": "Must be after the issue date"}}
            ]},
            {"id": "cert_count", "type": "computed", "label": {"vi": "Số chứng chỉ", "en": "Certificates held"}, "calculate": "count(certs)"}
        ]));
        Form::parse("sample.json", &src).unwrap()
    }

    pub fn text(s: &str) -> Answer {
        Answer::Text(s.into())
    }

    fn issue_paths(e: &Evaluation) -> Vec<(&str, &Issue)> {
        e.issues.iter().map(|(p, i)| (p.as_str(), i)).collect()
    }

    #[test]
    fn required_answers_are_reported_in_document_order() {
        let form = sample_form();
        let e = evaluate(&form, &Answers::new(), "2026-11-24");
        assert_eq!(e.first_missing(), Some("employees"));
        assert_eq!(e.first_problem(), Some("employees"));
        // An answer given wrongly before the first unanswered question is the first problem.
        let wrong = Answers::from([("employees".to_string(), text("0")), ("revenue".to_string(), text("nhiều"))]);
        let w = evaluate(&form, &wrong, "2026-11-24");
        assert_eq!((w.first_problem(), w.first_missing()), (Some("employees"), Some("value_added")));
        let paths: Vec<&str> = e.issues.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, vec!["employees", "revenue", "value_added"], "hidden export share is not required");
        assert!(!e.is_complete());
        assert_eq!(e.progress[0], Progress { visible: true, answered: 0, total: 7, issues: 3 });
    }

    #[test]
    fn constraints_computed_fields_and_relevance() {
        let form = sample_form();
        let mut a = Answers::new();
        a.insert("employees".into(), text("40"));
        a.insert("revenue".into(), text("1000"));
        a.insert("value_added".into(), text("1200"));
        let e = evaluate(&form, &a, "2026-11-24");
        let rule = form.question("value_added").unwrap().constraint.clone().unwrap().1;
        assert_eq!(issue_paths(&e), vec![("value_added", &Issue::Rule(rule)), ("tools", &Issue::Required)], "tools is required once productivity > 1");
        assert_eq!(e.computed.get("productivity"), Some(&Value::Num(30.0)));
        assert!(!e.is_visible("export_share"));

        a.insert("value_added".into(), text("200"));
        a.insert("exports".into(), text("yes"));
        a.insert("export_share".into(), text("140"));
        a.insert("phone".into(), text("091234567"));
        let e = evaluate(&form, &a, "2026-11-24");
        assert!(e.is_visible("export_share"));
        assert_eq!(e.computed.get("productivity"), Some(&Value::Num(5.0)));
        assert_eq!(e.issue("export_share"), Some(&Issue::AboveMax(100.0)));
        assert!(matches!(e.issue("phone"), Some(Issue::Rule(m)) if m.en == "10 digits starting with 0"));
        assert_eq!(e.issue("tools"), Some(&Issue::Required), "required because productivity > 1");

        a.insert("export_share".into(), text("35.5"));
        a.insert("phone".into(), text("0912345678"));
        a.insert("tools".into(), Answer::Cells([("s5".to_string(), "2".to_string())].into()));
        let e = evaluate(&form, &a, "2026-11-24");
        assert_eq!(issue_paths(&e), vec![("tools", &Issue::RowsMissing(1))]);
        a.insert("tools".into(), Answer::Cells([("s5".to_string(), "2".to_string()), ("kaizen".to_string(), "0".to_string())].into()));
        let e = evaluate(&form, &a, "2026-11-24");
        assert!(e.is_complete(), "{:?}", e.issues);
        assert_eq!(e.answered_total(), (7, 8));
    }

    #[test]
    fn a_hidden_answer_is_kept_but_ignored() {
        let form = sample_form();
        let mut a = Answers::new();
        a.insert("export_share".into(), text("not a number"));
        let e = evaluate(&form, &a, "2026-11-24");
        assert!(e.issue("export_share").is_none());
        assert!(a.contains_key("export_share"));
    }

    #[test]
    fn bad_numbers_and_dates_are_issues_not_crashes() {
        let form = sample_form();
        let mut a = Answers::new();
        a.insert("employees".into(), text("12,5x"));
        a.insert("revenue".into(), text("-"));
        a.insert("value_added".into(), text("10"));
        let row: Row = [("body".to_string(), text("QUACERT")), ("issued".to_string(), text("2025-02-30"))].into();
        a.insert("certs".into(), Answer::Rows(vec![row]));
        let e = evaluate(&form, &a, "2026-11-24");
        assert_eq!(e.issue("employees"), Some(&Issue::NotANumber));
        assert_eq!(e.issue("revenue"), Some(&Issue::NotANumber));
        assert_eq!(e.issue("value_added"), None, "revenue unknown: the constraint cannot fail");
        assert_eq!(e.issue("certs[0].issued"), Some(&Issue::NotADate));
        a.insert("employees".into(), text("2.5"));
        assert_eq!(evaluate(&form, &a, "2026-11-24").issue("employees"), Some(&Issue::NotAWholeNumber));
    }

    #[test]
    fn repeat_rows_are_checked_row_by_row() {
        let form = sample_form();
        let mut a = Answers::new();
        let ok: Row = [("body".to_string(), text("QUACERT")), ("issued".to_string(), text("2024-01-10")), ("expiry".to_string(), text("2027-01-09"))].into();
        let bad: Row = [("issued".to_string(), text("2024-01-10")), ("expiry".to_string(), text("2023-01-09"))].into();
        let no_issue_date: Row = [("body".to_string(), text("Vinacert")), ("expiry".to_string(), text("2000-01-01"))].into();
        a.insert("certs".into(), Answer::Rows(vec![ok, bad, no_issue_date]));
        let e = evaluate(&form, &a, "2026-11-24");
        let rows: Vec<_> = issue_paths(&e).into_iter().filter(|(p, _)| p.starts_with("certs")).collect();
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(rows[0], ("certs[1].body", &Issue::Required));
        assert!(matches!(rows[1], ("certs[1].expiry", Issue::Rule(_))));
        assert!(!e.is_visible("certs[2].expiry"), "expiry shows only once the issue date is answered");
        assert_eq!(e.computed.get("cert_count"), Some(&Value::Num(3.0)));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::{numberish, text};
    use crate::form::library::SHIPPED;
    use crate::form::{migrate, score, Form};
    use crate::i18n::Lang;
    use proptest::prelude::*;
    use proptest::sample::select;
    use std::sync::OnceLock;

    fn forms() -> &'static [Form] {
        static FORMS: OnceLock<Vec<Form>> = OnceLock::new();
        FORMS.get_or_init(|| SHIPPED.iter().filter_map(|(file, src)| Form::parse(file, src).ok()).collect())
    }

    /// The words the forms use (question ids, choice values, row ids), and a few they do not.
    fn words(form: &Form) -> Vec<String> {
        let mut out: Vec<String> = vec!["".into(), "yes".into(), "no".into(), "4".into(), "9".into(), "unknown_id".into()];
        for q in form.questions().flat_map(|q| std::iter::once(q).chain(q.sub_questions())) {
            out.push(q.id.clone());
            out.extend(q.kind.choices().iter().map(|c| c.value.clone()));
            if let Kind::Matrix { rows, .. } = &q.kind {
                out.extend(rows.iter().map(|r| r.id.clone()));
            }
        }
        out
    }

    /// Any answer: text and numbers, the form's own values, lists, matrix cells and repeat rows.
    fn answer(words: Vec<String>) -> impl Strategy<Value = Answer> {
        let word = move || select(words.clone());
        let value = {
            let word = word.clone();
            move || prop_oneof![word(), text(), numberish()]
        };
        let leaf = prop_oneof![value().prop_map(Answer::Text), proptest::collection::vec(value(), 0..5).prop_map(Answer::List)];
        prop_oneof![
            3 => leaf.clone(),
            1 => proptest::collection::btree_map(word(), value(), 0..6).prop_map(Answer::Cells),
            1 => proptest::collection::vec(proptest::collection::btree_map(word(), leaf, 0..4), 0..4).prop_map(Answer::Rows),
        ]
    }

    fn answers() -> impl Strategy<Value = (usize, Answers)> {
        (0..forms().len()).prop_flat_map(|i| {
            let words = words(&forms()[i]);
            (Just(i), proptest::collection::btree_map(select(words.clone()), answer(words), 0..24))
        })
    }

    proptest! {
        #[test]
        fn any_answers_evaluate_score_move_and_read(
            (i, answers) in answers(),
            today in prop_oneof![Just("2026-11-24".to_string()), text()],
        ) {
            let form = &forms()[i];
            let e = evaluate(form, &answers, &today);
            let (answered, total) = e.answered_total();
            prop_assert!(answered <= total);
            prop_assert!(e.issues.iter().all(|(path, _)| e.issue(path).is_some()));
            let r = score::readiness(form, &answers, &e);
            prop_assert!(r.overall.percent().is_none_or(|p| (0.0..=100.0).contains(&p)), "{:?}", r.overall);
            for other in forms() {
                let (moved, _) = migrate(&answers, form, other);
                prop_assert!(moved.keys().all(|id| other.question(id).is_some()));
            }
            for (id, a) in &answers {
                if let Some(q) = form.question(id) {
                    for lang in Lang::ALL {
                        let _ = crate::form::display::describe(q, a, lang);
                    }
                }
            }
        }
    }
}
