//! Form definitions: the data file an author writes (`data/forms/*.json`),
//! checked and compiled into a `Form` the engine can run.
//!
//! A definition is loaded whole or not at all: `Form::parse` returns every
//! problem it finds, each naming the file, the question and what is wrong.

use super::expr::{self, Expr};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The `format` every definition file declares.
pub const FORM_FORMAT: &str = "nscl-form";

/// The most decimals a computed question may show (as many as `round()` keeps).
pub const MAX_DECIMALS: u32 = 12;

/// Text in Vietnamese and English, side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct LocalText {
    pub vi: String,
    pub en: String,
}

impl LocalText {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: LocalText,
    /// In a self-assessment, what the choice is worth, 0 to 1; none leaves its item out of the score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// In an award pre-check, the percent band the choice stands for, such as `[30, 45]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<[f64; 2]>,
}

/// What to do about a readiness statement that is not yet met: the gap report's action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    /// The programme support that fits (section 2.3.3 of the plan): an id of `data/support_kinds.json`.
    pub support: String,
    /// A sensible first step, in a small-business owner's words.
    pub first_step: LocalText,
    /// Items of the same form (matrix rows or questions) to put in place first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<String>,
}

/// What kind of readiness module a self-assessment form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModuleKind {
    /// A management system (ISO 9001, 14001…, GAP): the met / partly / not met checklist.
    System,
    /// An improvement tool (5S, Kaizen, Lean…): the 0–4 scale.
    Tool,
    /// Organisational maturity in the spirit of ISO 9004: the 0–4 scale.
    Maturity,
    /// The National Quality Award pre-check: weighted criteria placed in percent bands.
    Award,
}

/// Another module that should be ready before this one is worth starting (5S before Lean).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prerequisite {
    pub form: String,
    /// The readiness the other module needs, 0 to 100.
    pub percent: f64,
}

/// The award's thresholds, kept with its criteria so a new award year is a data change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AwardRules {
    /// Points at which an enterprise looks eligible to enter.
    pub eligible_points: f64,
    /// Points at which gold is in reach.
    pub gold_points: f64,
    /// Months of operation an entrant needs.
    pub min_months: f64,
    /// The integer question that asks for the months of operation.
    pub months_question: String,
}

/// A self-assessment form as a readiness module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Module {
    pub kind: ModuleKind,
    /// A short name for charts and lists: "ISO 9001", "5S".
    pub short: LocalText,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<Prerequisite>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub award: Option<AwardRules>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixRow {
    pub id: String,
    pub label: LocalText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<Advice>,
}

/// What a matrix asks of every row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cells {
    /// The 0–4 scale, with a description of each level.
    Levels(Vec<LocalText>),
    Choices(Vec<Choice>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Text,
    LongText,
    /// A Vietnamese phone number, typed with any spaces or dots, stored as digits (`model::phone`).
    Phone,
    Integer,
    Decimal,
    Date,
    Single(Vec<Choice>),
    Multiple(Vec<Choice>),
    Ranking { choices: Vec<Choice>, max_ranked: Option<usize> },
    YesNo,
    Scale(Vec<LocalText>),
    Matrix { rows: Vec<MatrixRow>, cells: Cells },
    Repeat { questions: Vec<Question>, max_rows: Option<usize>, add_label: Option<LocalText> },
    Computed { calculate: Expr, decimals: Option<u32> },
    Note,
}

impl Kind {
    /// Whether the question takes an answer from the person filling the form.
    pub fn is_answered(&self) -> bool {
        !matches!(self, Kind::Computed { .. } | Kind::Note)
    }

    pub fn choices(&self) -> &[Choice] {
        match self {
            Kind::Single(c) | Kind::Multiple(c) | Kind::Ranking { choices: c, .. } => c,
            Kind::Matrix { cells: Cells::Choices(c), .. } => c,
            _ => &[],
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::LongText => "long_text",
            Kind::Phone => "phone",
            Kind::Integer => "integer",
            Kind::Decimal => "decimal",
            Kind::Date => "date",
            Kind::Single(_) => "single",
            Kind::Multiple(_) => "multiple",
            Kind::Ranking { .. } => "ranking",
            Kind::YesNo => "yes_no",
            Kind::Scale(_) => "scale",
            Kind::Matrix { .. } => "matrix",
            Kind::Repeat { .. } => "repeat",
            Kind::Computed { .. } => "computed",
            Kind::Note => "note",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Requirement {
    Never,
    Always,
    When(Expr),
}

#[derive(Debug, Clone)]
pub struct Pattern {
    pub source: String,
    /// `source` anchored (`pattern::anchored`): what an answer is matched against.
    pub anchored: String,
    pub message: LocalText,
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source && self.message == other.message
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub label: LocalText,
    pub hint: Option<LocalText>,
    pub required: Requirement,
    pub relevant: Option<Expr>,
    pub constraint: Option<(Expr, LocalText)>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub max_length: Option<usize>,
    pub pattern: Option<Pattern>,
    pub unit: Option<LocalText>,
    /// In an award pre-check, the criterion's points.
    pub points: Option<f64>,
    /// In a self-assessment, what to do when this item is not met.
    pub advice: Option<Advice>,
    /// The register figure a new response starts from (`form::prefill`).
    pub prefill: Option<super::prefill::Prefill>,
}

impl Question {
    pub fn sub_questions(&self) -> &[Question] {
        match &self.kind {
            Kind::Repeat { questions, .. } => questions,
            _ => &[],
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: LocalText,
    pub description: Option<LocalText>,
    pub relevant: Option<Expr>,
    pub questions: Vec<Question>,
}

/// Who fills a form, and about whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// An officer, about a register enterprise.
    #[default]
    Survey,
    /// An enterprise, about itself; scored (`form::score`).
    SelfAssessment,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub id: String,
    pub version: u32,
    pub purpose: Purpose,
    pub title: LocalText,
    pub description: Option<LocalText>,
    pub sections: Vec<Section>,
    /// For a self-assessment: which readiness module it is.
    pub module: Option<Module>,
    /// The definition as written, kept so an installed form can be stored and re-read.
    pub source: String,
    /// Top-level question id → (section index, question index).
    index: HashMap<String, (usize, usize)>,
}

/// One thing wrong with a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefError {
    pub file: String,
    /// The question (or section) the problem is in, when there is one.
    pub at: Option<String>,
    pub message: String,
}

impl fmt::Display for DefError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.at {
            Some(at) => write!(f, "{}: {}: {}", self.file, at, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

// ---- The file as written ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForm {
    format: String,
    id: String,
    version: u32,
    #[serde(default)]
    purpose: Purpose,
    title: LocalText,
    #[serde(default)]
    description: Option<LocalText>,
    #[serde(default)]
    module: Option<Module>,
    sections: Vec<RawSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
    title: LocalText,
    #[serde(default)]
    description: Option<LocalText>,
    #[serde(default)]
    relevant: Option<String>,
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawRequired {
    Flag(bool),
    When(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    label: LocalText,
    hint: Option<LocalText>,
    required: Option<RawRequired>,
    relevant: Option<String>,
    constraint: Option<String>,
    constraint_message: Option<LocalText>,
    min: Option<f64>,
    max: Option<f64>,
    max_length: Option<usize>,
    pattern: Option<String>,
    pattern_message: Option<LocalText>,
    unit: Option<LocalText>,
    choices: Option<Vec<Choice>>,
    max_ranked: Option<usize>,
    levels: Option<Vec<LocalText>>,
    rows: Option<Vec<MatrixRow>>,
    questions: Option<Vec<RawQuestion>>,
    max_rows: Option<usize>,
    add_label: Option<LocalText>,
    calculate: Option<String>,
    decimals: Option<u32>,
    points: Option<f64>,
    advice: Option<Advice>,
    prefill: Option<String>,
}

fn valid_id(id: &str) -> bool {
    // Words of the expression language could never be named in a rule.
    if matches!(id, "and" | "or" | "not" | "true" | "false") {
        return false;
    }
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase()) && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn valid_value(v: &str) -> bool {
    !v.is_empty() && v.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The id of the question nearest before a byte offset, to name where a syntax error is.
fn question_near(source: &str, line: usize) -> Option<String> {
    let upto: usize = source.split_inclusive('\n').take(line).map(str::len).sum();
    let before = &source[..upto.min(source.len())];
    let at = before.rfind("\"id\"")?;
    let rest = before[at + 4..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

struct Checker<'a> {
    file: &'a str,
    errors: Vec<DefError>,
}

impl Checker<'_> {
    fn error(&mut self, at: &str, message: impl Into<String>) {
        self.errors.push(DefError { file: self.file.to_string(), at: (!at.is_empty()).then(|| at.to_string()), message: message.into() });
    }

    fn text(&mut self, at: &str, what: &str, t: &LocalText) {
        if t.vi.trim().is_empty() || t.en.trim().is_empty() {
            let missing = if t.vi.trim().is_empty() { "Vietnamese" } else { "English" };
            self.error(at, format!("{what} has no {missing} text"));
        }
    }

    fn expr(&mut self, at: &str, what: &str, src: &str) -> Option<Expr> {
        match expr::parse(src) {
            Ok(e) => {
                let mut patterns = Vec::new();
                e.match_patterns(&mut patterns);
                for p in patterns {
                    match p {
                        // A computed pattern would be compiled from whatever the answers make of it,
                        // anew for every distinct text: only patterns known at load are allowed.
                        None => self.error(at, format!("{what}: the pattern of matches() must be text in quotes, such as matches(., '^0[0-9]{{9}}$')")),
                        Some(p) => {
                            if let Err(err) = super::pattern::check(&p) {
                                self.error(at, format!("{what}: pattern '{p}' is not a valid regular expression: {err}"));
                            }
                        }
                    }
                }
                Some(e)
            }
            Err(err) => {
                self.error(at, format!("{what} '{src}': {err}"));
                None
            }
        }
    }

    fn choices(&mut self, at: &str, choices: &[Choice]) {
        if choices.is_empty() {
            self.error(at, "has no choices");
        }
        let mut seen = HashSet::new();
        for c in choices {
            if !valid_value(&c.value) {
                self.error(at, format!("choice value '{}' must be lowercase letters, digits and _", c.value));
            }
            if !seen.insert(c.value.as_str()) {
                self.error(at, format!("choice value '{}' appears twice", c.value));
            }
            self.text(at, &format!("choice '{}'", c.value), &c.label);
            if let Some(score) = c.score.filter(|s| !(0.0..=1.0).contains(s)) {
                self.error(at, format!("choice '{}' has score {score}; a score is from 0 to 1", c.value));
            }
            if let Some([lo, hi]) = c.band.filter(|[lo, hi]| !(0.0 <= *lo && lo <= hi && *hi <= 100.0)) {
                self.error(at, format!("choice '{}' has band [{lo}, {hi}]; a band is two percents from 0 to 100, low first", c.value));
            }
        }
    }

    fn levels(&mut self, at: &str, levels: Option<Vec<LocalText>>) -> Vec<LocalText> {
        let levels = levels.unwrap_or_default();
        if levels.len() != 5 {
            self.error(at, format!("needs 5 levels (0 to 4), has {}", levels.len()));
        }
        for (i, l) in levels.iter().enumerate() {
            self.text(at, &format!("level {i}"), l);
        }
        levels
    }

    fn question(&mut self, raw: RawQuestion, in_repeat: bool) -> Option<Question> {
        let at = format!("question '{}'", raw.id);
        let at = at.as_str();
        if !valid_id(&raw.id) {
            self.error(at, "an id must start with a lowercase letter and use only lowercase letters, digits and _");
        }
        self.text(at, "label", &raw.label);
        if let Some(h) = &raw.hint {
            self.text(at, "hint", h);
        }
        let kind = match raw.kind.as_str() {
            "text" => Kind::Text,
            "long_text" => Kind::LongText,
            "phone" => Kind::Phone,
            "integer" => Kind::Integer,
            "decimal" => Kind::Decimal,
            "date" => Kind::Date,
            "yes_no" => Kind::YesNo,
            "note" => Kind::Note,
            "single" | "multiple" | "ranking" => {
                let choices = raw.choices.clone().unwrap_or_default();
                self.choices(at, &choices);
                if raw.kind != "single" && choices.iter().any(|c| c.score.is_some()) {
                    self.error(at, format!("a {} question is not scored; scores belong on a single question or a matrix's choices", raw.kind));
                }
                match raw.kind.as_str() {
                    "single" => Kind::Single(choices),
                    "multiple" => Kind::Multiple(choices),
                    _ => Kind::Ranking { choices, max_ranked: raw.max_ranked },
                }
            }
            "scale" => Kind::Scale(self.levels(at, raw.levels.clone())),
            "matrix" => {
                if in_repeat {
                    self.error(at, "a matrix cannot be inside a repeat");
                }
                let rows = raw.rows.clone().unwrap_or_default();
                if rows.is_empty() {
                    self.error(at, "a matrix needs rows");
                }
                let mut seen = HashSet::new();
                for r in &rows {
                    if !valid_id(&r.id) || !seen.insert(r.id.clone()) {
                        self.error(at, format!("row id '{}' is not valid or appears twice", r.id));
                    }
                    self.text(at, &format!("row '{}'", r.id), &r.label);
                }
                let cells = match (&raw.levels, &raw.choices) {
                    (Some(_), None) => Cells::Levels(self.levels(at, raw.levels.clone())),
                    (None, Some(c)) => {
                        self.choices(at, c);
                        Cells::Choices(c.clone())
                    }
                    _ => {
                        self.error(at, "a matrix needs either 'levels' or 'choices', not both or neither");
                        Cells::Choices(Vec::new())
                    }
                };
                Kind::Matrix { rows, cells }
            }
            "repeat" => {
                if in_repeat {
                    self.error(at, "a repeat cannot be inside a repeat");
                }
                let subs = raw.questions.unwrap_or_default();
                if subs.is_empty() {
                    self.error(at, "a repeat needs questions");
                }
                let questions: Vec<Question> = subs.into_iter().filter_map(|q| self.question(q, true)).collect();
                if let Some(l) = &raw.add_label {
                    self.text(at, "add_label", l);
                }
                Kind::Repeat { questions, max_rows: raw.max_rows, add_label: raw.add_label }
            }
            "computed" => match &raw.calculate {
                // A broken expression is reported once; the question stays so rules naming it do not add false errors.
                Some(src) => Kind::Computed { calculate: self.expr(at, "calculate", src).unwrap_or(Expr::Bool(false)), decimals: raw.decimals },
                None => {
                    self.error(at, "a computed question needs 'calculate'");
                    return None;
                }
            },
            other => {
                self.error(at, format!("unknown type '{other}'"));
                return None;
            }
        };
        let numeric = matches!(kind, Kind::Integer | Kind::Decimal);
        if (raw.min.is_some() || raw.max.is_some()) && !numeric {
            self.error(at, "min and max apply only to integer and decimal questions");
        }
        if let (Some(lo), Some(hi)) = (raw.min, raw.max) {
            if lo > hi {
                self.error(at, format!("min {lo} is greater than max {hi}"));
            }
        }
        let textual = matches!(kind, Kind::Text | Kind::LongText);
        if (raw.max_length.is_some() || raw.pattern.is_some()) && !textual {
            self.error(at, "max_length and pattern apply only to text questions");
        }
        if raw.calculate.is_some() && !matches!(kind, Kind::Computed { .. }) {
            self.error(at, "only a computed question has 'calculate'");
        }
        // The value is shown with this many decimals: billions of them would never finish.
        if let Some(d) = raw.decimals.filter(|d| *d > MAX_DECIMALS) {
            self.error(at, format!("decimals is {d}; it is from 0 to {MAX_DECIMALS}"));
        }
        let pattern = match (raw.pattern, raw.pattern_message) {
            (None, None) => None,
            (Some(source), Some(message)) => {
                self.text(at, "pattern_message", &message);
                // Anchored, so the whole answer must match, not a part of it.
                let anchored = super::pattern::anchored(&source);
                match super::pattern::check(&anchored) {
                    Ok(()) => Some(Pattern { source, anchored, message }),
                    Err(e) => {
                        self.error(at, format!("pattern '{source}' is not a valid regular expression: {e}"));
                        None
                    }
                }
            }
            (Some(_), None) => {
                self.error(at, "a pattern needs a pattern_message");
                None
            }
            (None, Some(_)) => {
                self.error(at, "pattern_message without a pattern");
                None
            }
        };
        let constraint = match (raw.constraint, raw.constraint_message) {
            (None, None) => None,
            (Some(src), Some(msg)) => {
                self.text(at, "constraint_message", &msg);
                self.expr(at, "constraint", &src).map(|e| (e, msg))
            }
            (Some(_), None) => {
                self.error(at, "a constraint needs a constraint_message");
                None
            }
            (None, Some(_)) => {
                self.error(at, "constraint_message without a constraint");
                None
            }
        };
        let required = match raw.required {
            None | Some(RawRequired::Flag(false)) => Requirement::Never,
            Some(RawRequired::Flag(true)) => Requirement::Always,
            Some(RawRequired::When(src)) => self.expr(at, "required", &src).map_or(Requirement::Never, Requirement::When),
        };
        if !kind.is_answered() && required != Requirement::Never {
            self.error(at, format!("a {} question cannot be required", kind.name()));
        }
        if raw.points.is_some() && !matches!(kind, Kind::Single(_)) {
            self.error(at, "only a single-choice question has 'points'");
        }
        if let Some(p) = raw.points.filter(|p| !(p.is_finite() && *p > 0.0)) {
            self.error(at, format!("points is {p}; it must be above 0"));
        }
        if raw.points.is_some() && kind.choices().iter().any(|c| c.band.is_none()) {
            self.error(at, "every choice of a question with 'points' needs a 'band'");
        }
        if raw.advice.is_some() && !matches!(kind, Kind::Single(_) | Kind::Scale(_)) {
            self.error(at, "only a single-choice or scale question has 'advice'; a matrix gives it per row");
        }
        if let Some(a) = &raw.advice {
            self.advice(at, a);
        }
        if let Kind::Matrix { rows, .. } = &kind {
            for r in rows {
                if let Some(a) = &r.advice {
                    self.advice(&format!("{at}, row '{}'", r.id), a);
                }
            }
        }
        let prefill = raw.prefill.as_deref().and_then(|key| match super::prefill::Prefill::parse(key) {
            Some(p) if p.fits(&kind) => Some(p),
            Some(_) => {
                self.error(at, format!("prefill '{key}' does not fit a {} question", kind.name()));
                None
            }
            None => {
                let known: Vec<&str> = super::prefill::Prefill::ALL.iter().map(|p| p.key()).collect();
                self.error(at, format!("unknown prefill '{key}' (known: {})", known.join(", ")));
                None
            }
        });
        let relevant = raw.relevant.and_then(|src| self.expr(at, "relevant", &src));
        Some(Question {
            id: raw.id,
            kind,
            label: raw.label,
            hint: raw.hint,
            required,
            relevant,
            constraint,
            min: raw.min,
            max: raw.max,
            max_length: raw.max_length,
            pattern,
            unit: raw.unit,
            points: raw.points,
            advice: raw.advice,
            prefill,
        })
    }

    fn advice(&mut self, at: &str, a: &Advice) {
        if !valid_value(&a.support) {
            self.error(at, format!("advice support '{}' must be a topic id: lowercase letters, digits and _", a.support));
        }
        self.text(at, "advice first_step", &a.first_step);
    }

    /// The module block: only on a self-assessment, with its award rules when it is the award.
    fn module(&mut self, m: &Module, purpose: Purpose, questions: &HashMap<&str, &Question>) {
        if purpose != Purpose::SelfAssessment {
            self.error("module", "only a self_assessment form is a readiness module");
        }
        self.text("module", "short", &m.short);
        for r in &m.requires {
            if !(0.0..=100.0).contains(&r.percent) {
                self.error("module", format!("requires '{}' at {} %; a percent is from 0 to 100", r.form, r.percent));
            }
        }
        match (m.kind, &m.award) {
            (ModuleKind::Award, None) => self.error("module", "an award module needs 'award' rules"),
            (ModuleKind::Award, Some(rules)) => {
                if !matches!(questions.get(rules.months_question.as_str()).map(|q| &q.kind), Some(Kind::Integer)) {
                    self.error("module", format!("award months_question '{}' is not an integer question of the form", rules.months_question));
                }
                if !(rules.eligible_points > 0.0 && rules.eligible_points <= rules.gold_points) {
                    self.error("module", "award eligible_points must be above 0 and at most gold_points");
                }
                if !questions.values().any(|q| q.points.is_some()) {
                    self.error("module", "an award module needs criteria: single questions with 'points'");
                }
            }
            (_, Some(_)) => self.error("module", "only an award module has 'award' rules"),
            (_, None) => {}
        }
    }
}

/// Which questions an expression may name, and what they are.
struct Names<'a> {
    top: HashMap<&'a str, &'a Question>,
    /// Position of each top-level question in the form.
    order: HashMap<&'a str, usize>,
}

impl Names<'_> {
    fn check(&self, checker: &mut Checker, at: &str, what: &str, e: &Expr, row_of: Option<&Question>) {
        let mut refs = Vec::new();
        e.references(&mut refs);
        for (id, cell) in refs {
            let sub = row_of.and_then(|r| r.sub_questions().iter().find(|q| q.id == id));
            let Some(q) = sub.or_else(|| self.top.get(id.as_str()).copied()) else {
                checker.error(at, format!("{what} names '{id}', which is not a question in this form"));
                continue;
            };
            if let Some(row) = cell {
                match &q.kind {
                    Kind::Matrix { rows, .. } if rows.iter().any(|r| r.id == row) => {}
                    Kind::Matrix { .. } => checker.error(at, format!("{what} names row '{row}' of '{id}', which has no such row")),
                    _ => checker.error(at, format!("{what} names '{id}.{row}', but '{id}' is not a matrix")),
                }
            }
        }
        if let Expr::Call(_, _) | Expr::Binary(..) | Expr::Not(_) | Expr::Neg(_) = e {
            self.check_sums(checker, at, what, e);
        }
    }

    /// `sum(repeat, 'sub')` must name a repeat and one of its number questions.
    fn check_sums(&self, checker: &mut Checker, at: &str, what: &str, e: &Expr) {
        match e {
            Expr::Call(expr::Func::Sum, args) => {
                if let Some(Expr::Ref(id, Some(row))) = args.first() {
                    checker.error(at, format!("{what}: sum({id}.{row}, …) needs a repeat, not a matrix cell"));
                }
                if let (Some(Expr::Ref(id, None)), Some(Expr::Text(sub))) = (args.first(), args.get(1)) {
                    let ok = self.top.get(id.as_str()).is_some_and(|q| {
                        q.sub_questions().iter().any(|s| s.id == *sub && matches!(s.kind, Kind::Integer | Kind::Decimal | Kind::Computed { .. }))
                    });
                    if !ok {
                        checker.error(at, format!("{what}: sum({id}, '{sub}') needs a repeat and one of its number questions"));
                    }
                }
            }
            Expr::Call(_, args) => args.iter().for_each(|a| self.check_sums(checker, at, what, a)),
            Expr::Binary(_, a, b) => {
                self.check_sums(checker, at, what, a);
                self.check_sums(checker, at, what, b);
            }
            Expr::Not(x) | Expr::Neg(x) => self.check_sums(checker, at, what, x),
            _ => {}
        }
    }

    /// Relevance may name only questions before the one it belongs to (`before`
    /// is its position; in a repeat, that of the repeat, with `earlier_subs` the
    /// sub-questions before it): whether a question shows is then settled in
    /// document order, and a hidden answer never leaks into a rule.
    fn check_order(&self, checker: &mut Checker, at: &str, e: &Expr, before: usize, earlier_subs: &[&str], row_of: Option<&Question>) {
        let mut refs = Vec::new();
        e.references(&mut refs);
        for (id, _) in refs {
            let is_sub = row_of.is_some_and(|r| r.sub_questions().iter().any(|s| s.id == id));
            let fine = if is_sub { earlier_subs.contains(&id.as_str()) } else { self.order.get(id.as_str()).is_none_or(|&i| i < before) };
            if !fine {
                checker.error(at, format!("relevant names '{id}', which comes later in the form; relevance may use only earlier questions"));
            }
        }
    }

    fn check_question(&self, checker: &mut Checker, q: &Question, row_of: Option<&Question>) {
        let at = format!("question '{}'", q.id);
        if let Some(e) = &q.relevant {
            self.check(checker, &at, "relevant", e, row_of);
            let holder = row_of.map_or(q.id.as_str(), |r| r.id.as_str());
            let before = self.order.get(holder).copied().unwrap_or(usize::MAX);
            let earlier: Vec<&str> = row_of.map_or(Vec::new(), |r| r.sub_questions().iter().take_while(|s| s.id != q.id).map(|s| s.id.as_str()).collect());
            self.check_order(checker, &at, e, before, &earlier, row_of);
        }
        if let Requirement::When(e) = &q.required {
            self.check(checker, &at, "required", e, row_of);
        }
        if let Some((e, _)) = &q.constraint {
            self.check(checker, &at, "constraint", e, row_of);
        }
        if let Kind::Computed { calculate, .. } = &q.kind {
            self.check(checker, &at, "calculate", calculate, row_of);
        }
        for sub in q.sub_questions() {
            self.check_question(checker, sub, Some(q));
        }
    }
}

/// Finds a cycle among computed questions (`a` uses `b` uses `a`), if any,
/// counting computed questions inside repeats (`repeat.sub`) and the ones a
/// `sum()` adds up.
fn computed_cycles(top: &HashMap<&str, &Question>) -> Vec<Vec<String>> {
    // Node name → (its expression, the repeat it is in).
    let mut nodes: HashMap<String, (&Expr, Option<&Question>)> = HashMap::new();
    for q in top.values() {
        if let Kind::Computed { calculate, .. } = &q.kind {
            nodes.insert(q.id.clone(), (calculate, None));
        }
        for sub in q.sub_questions() {
            if let Kind::Computed { calculate, .. } = &sub.kind {
                nodes.insert(format!("{}.{}", q.id, sub.id), (calculate, Some(*q)));
            }
        }
    }
    let uses = |name: &str| -> Vec<String> {
        let Some((e, repeat)) = nodes.get(name) else { return Vec::new() };
        let mut refs = Vec::new();
        e.references(&mut refs);
        let mut out: Vec<String> = refs
            .into_iter()
            .map(|(id, _)| match repeat {
                Some(rep) if rep.sub_questions().iter().any(|s| s.id == id) => format!("{}.{id}", rep.id),
                _ => id,
            })
            .collect();
        let mut sums = Vec::new();
        e.sums(&mut sums);
        out.extend(sums.into_iter().map(|(rep, sub)| format!("{rep}.{sub}")));
        out
    };
    // Depth first from `root`, with the path kept on a stack of its own rather
    // than the call stack: a file can chain thousands of computed questions.
    fn cycle_from(root: &str, uses: &dyn Fn(&str) -> Vec<String>, done: &mut HashSet<String>) -> Option<Vec<String>> {
        if !done.insert(root.to_string()) {
            return None;
        }
        // Each question on the path, with the names it uses not yet followed.
        let mut path: Vec<(String, std::vec::IntoIter<String>)> = vec![(root.to_string(), uses(root).into_iter())];
        let mut on_path: HashSet<String> = HashSet::from([root.to_string()]);
        while let Some((_, pending)) = path.last_mut() {
            let Some(next) = pending.next() else {
                if let Some((id, _)) = path.pop() {
                    on_path.remove(&id);
                }
                continue;
            };
            if on_path.contains(&next) {
                let start = path.iter().position(|(p, _)| *p == next).unwrap_or(0);
                let mut cycle: Vec<String> = path[start..].iter().map(|(p, _)| p.clone()).collect();
                cycle.push(next);
                return Some(cycle);
            }
            if done.insert(next.clone()) {
                let further = uses(&next).into_iter();
                on_path.insert(next.clone());
                path.push((next, further));
            }
        }
        None
    }
    let mut names: Vec<&String> = nodes.keys().collect();
    crate::sort::sort(&mut names);
    let mut done = HashSet::new();
    names.into_iter().filter_map(|id| cycle_from(id, &uses, &mut done)).collect()
}

impl Form {
    /// Checks and compiles a definition. `file` names it in error messages.
    pub fn parse(file: &str, source: &str) -> Result<Form, Vec<DefError>> {
        if crate::json_nesting::too_deep(source) {
            let message = format!("the file nests more than {} levels of brackets; a form needs about ten", crate::json_nesting::MAX_NESTING);
            return Err(vec![DefError { file: file.to_string(), at: None, message }]);
        }
        let raw: RawForm = serde_json::from_str(source).map_err(|e| {
            let near = question_near(source, e.line()).map(|id| format!("near '{id}'"));
            vec![DefError { file: file.to_string(), at: near, message: format!("line {}, column {}: {e}", e.line(), e.column()) }]
        })?;
        let mut checker = Checker { file, errors: Vec::new() };
        if raw.format != FORM_FORMAT {
            checker.error("", format!("format is '{}', expected '{FORM_FORMAT}'", raw.format));
        }
        if raw.id.is_empty() || !raw.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            checker.error("", format!("form id '{}' must be lowercase letters, digits and -", raw.id));
        }
        if raw.version == 0 {
            checker.error("", "version must be 1 or more");
        }
        checker.text("", "title", &raw.title);
        if raw.sections.is_empty() {
            checker.error("", "the form has no sections");
        }
        let mut sections = Vec::new();
        let mut section_relevance = Vec::new();
        let mut section_ids = HashSet::new();
        for s in raw.sections {
            let at = format!("section '{}'", s.id);
            if !valid_id(&s.id) || !section_ids.insert(s.id.clone()) {
                checker.error(&at, "section id is not valid or appears twice");
            }
            checker.text(&at, "title", &s.title);
            if s.questions.is_empty() {
                checker.error(&at, "the section has no questions");
            }
            let relevant = s.relevant.as_deref().and_then(|src| checker.expr(&at, "relevant", src));
            if let Some(e) = &relevant {
                section_relevance.push((sections.len(), at.clone(), e.clone()));
            }
            let questions = s.questions.into_iter().filter_map(|q| checker.question(q, false)).collect();
            sections.push(Section { id: s.id, title: s.title, description: s.description, relevant, questions });
        }
        let mut index = HashMap::new();
        let mut top: HashMap<&str, &Question> = HashMap::new();
        for (si, s) in sections.iter().enumerate() {
            for (qi, q) in s.questions.iter().enumerate() {
                if index.insert(q.id.clone(), (si, qi)).is_some() {
                    checker.error(&format!("question '{}'", q.id), "this id appears twice in the form");
                }
                top.insert(q.id.as_str(), q);
            }
        }
        for s in &sections {
            for q in &s.questions {
                let mut subs = HashSet::new();
                for sub in q.sub_questions() {
                    if !subs.insert(sub.id.as_str()) || top.contains_key(sub.id.as_str()) {
                        checker.error(&format!("question '{}'", sub.id), format!("this id appears twice (in repeat '{}')", q.id));
                    }
                }
            }
        }
        let order = sections.iter().flat_map(|s| s.questions.iter()).enumerate().map(|(i, q)| (q.id.as_str(), i)).collect();
        let names = Names { top, order };
        for (si, at, e) in &section_relevance {
            names.check(&mut checker, at, "relevant", e, None);
            let first_of_section = sections[..*si].iter().map(|s| s.questions.len()).sum();
            names.check_order(&mut checker, at, e, first_of_section, &[], None);
        }
        for s in &sections {
            for q in &s.questions {
                names.check_question(&mut checker, q, None);
            }
        }
        for cycle in computed_cycles(&names.top) {
            checker.error(&format!("question '{}'", cycle[0]), format!("computed questions use each other in a cycle: {}", cycle.join(" → ")));
        }
        // An action waits for items of the same form: they must exist.
        let items: HashSet<&str> = names.top.values().flat_map(|q| match &q.kind {
            Kind::Matrix { rows, .. } => rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            _ => vec![q.id.as_str()],
        }).collect();
        for q in names.top.values() {
            let rows: Vec<(String, &Advice)> = match &q.kind {
                Kind::Matrix { rows, .. } => rows.iter().filter_map(|r| r.advice.as_ref().map(|a| (format!("question '{}', row '{}'", q.id, r.id), a))).collect(),
                _ => q.advice.iter().map(|a| (format!("question '{}'", q.id), a)).collect(),
            };
            for (at, a) in rows {
                for after in &a.after {
                    if !items.contains(after.as_str()) {
                        checker.error(&at, format!("advice after '{after}': no such row or question in this form"));
                    }
                }
            }
        }
        if let Some(m) = &raw.module {
            checker.module(m, raw.purpose, &names.top);
        }
        if !checker.errors.is_empty() {
            return Err(checker.errors);
        }
        Ok(Form { id: raw.id, version: raw.version, purpose: raw.purpose, title: raw.title, description: raw.description, sections, module: raw.module, source: source.to_string(), index })
    }

    /// A top-level question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index.get(id).map(|&(s, q)| &self.sections[s].questions[q])
    }

    /// The section a top-level question is in.
    pub fn section_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).map(|&(s, _)| s)
    }

    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// Every question, sub-questions of repeats included.
    pub fn question_count(&self) -> usize {
        self.questions().map(|q| 1 + q.sub_questions().len()).sum()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn form_json(questions: serde_json::Value) -> String {
        serde_json::json!({
            "format": "nscl-form", "id": "test-form", "version": 1,
            "title": {"vi": "Phiếu thử", "en": "Test form"},
            "sections": [{"id": "main", "title": {"vi": "Chính", "en": "Main"}, "questions": questions}]
        })
        .to_string()
    }

    fn errors(questions: serde_json::Value) -> Vec<String> {
        Form::parse("test.json", &form_json(questions)).unwrap_err().into_iter().map(|e| e.to_string()).collect()
    }

    fn q(id: &str, kind: &str) -> serde_json::Value {
        serde_json::json!({"id": id, "type": kind, "label": {"vi": "Câu hỏi", "en": "Question"}})
    }

    #[test]
    fn a_good_definition_compiles() {
        let mut revenue = q("revenue", "decimal");
        revenue["min"] = 0.into();
        let mut va = q("value_added", "decimal");
        va["constraint"] = ". <= revenue".into();
        va["constraint_message"] = serde_json::json!({"vi": "Không lớn hơn doanh thu", "en": "Not above revenue"});
        let form = Form::parse("ok.json", &form_json(serde_json::json!([revenue, va]))).unwrap();
        assert_eq!((form.id.as_str(), form.version, form.question_count()), ("test-form", 1, 2));
        assert!(form.question("value_added").unwrap().constraint.is_some());
        assert_eq!(form.section_of("revenue"), Some(0));
    }

    #[test]
    fn each_mistake_names_file_question_and_problem() {
        let mut bad_rel = q("b", "text");
        bad_rel["relevant"] = "revnue > 0".into();
        let mut bad_expr = q("c", "integer");
        bad_expr["relevant"] = "a >".into();
        let mut no_msg = q("d", "integer");
        no_msg["constraint"] = ". > 0".into();
        let mut min_max = q("e", "integer");
        min_max["min"] = 10.into();
        min_max["max"] = 1.into();
        let mut dup_choice = q("f", "single");
        dup_choice["choices"] = serde_json::json!([{"value": "x", "label": {"vi": "X", "en": "X"}}, {"value": "x", "label": {"vi": "Y", "en": "Y"}}]);
        let mut no_en = q("g", "text");
        no_en["label"]["en"] = "".into();
        let mut bad_regex = q("h", "text");
        bad_regex["pattern"] = "([0-9]".into();
        bad_regex["pattern_message"] = serde_json::json!({"vi": "Sai", "en": "Wrong"});
        let mut cyc1 = q("x1", "computed");
        cyc1["calculate"] = "x2 + 1".into();
        let mut cyc2 = q("x2", "computed");
        cyc2["calculate"] = "x1 * 2".into();
        let dup = q("a", "text");
        let mut rep = q("rows", "repeat");
        rep["questions"] = serde_json::json!([
            {"id": "amount", "type": "computed", "label": {"vi": "Số", "en": "Amount"}, "calculate": "total + 1"},
        ]);
        let mut total = q("total", "computed");
        total["calculate"] = "sum(rows, 'amount')".into();
        let mut early = q("early", "text");
        early["relevant"] = "answered(late)".into();
        let late = q("late", "text");
        let errs = errors(serde_json::json!([q("a", "text"), bad_rel, bad_expr, no_msg, min_max, dup_choice, no_en, bad_regex, cyc1, cyc2, dup, q("i", "slider"), rep, total, early, late]));
        let expect = [
            "test.json: question 'b': relevant names 'revnue', which is not a question in this form",
            "test.json: question 'c': relevant 'a >': column 4: the expression ends too early",
            "test.json: question 'd': a constraint needs a constraint_message",
            "test.json: question 'e': min 10 is greater than max 1",
            "test.json: question 'f': choice value 'x' appears twice",
            "test.json: question 'g': label has no English text",
            "test.json: question 'h': pattern '([0-9]' is not a valid regular expression",
            "test.json: question 'a': this id appears twice in the form",
            "test.json: question 'x1': computed questions use each other in a cycle: x1 → x2 → x1",
            "test.json: question 'i': unknown type 'slider'",
            "computed questions use each other in a cycle: rows.amount → total → rows.amount",
            "test.json: question 'early': relevant names 'late', which comes later in the form; relevance may use only earlier questions",
        ];
        for e in expect {
            assert!(errs.iter().any(|got| got.starts_with(e) || got.ends_with(e)), "missing {e:?} in {errs:#?}");
        }
    }

    #[test]
    fn scores_are_from_0_to_1_and_the_purpose_is_known() {
        let mut m = q("clause_4", "matrix");
        m["rows"] = serde_json::json!([{"id": "c4_1", "label": {"vi": "4.1", "en": "4.1"}}]);
        m["choices"] = serde_json::json!([
            {"value": "met", "label": {"vi": "Đạt", "en": "Met"}, "score": 1.5},
            {"value": "na", "label": {"vi": "Không áp dụng", "en": "N/A"}}
        ]);
        assert!(errors(serde_json::json!([m.clone()])).iter().any(|e| e == "test.json: question 'clause_4': choice 'met' has score 1.5; a score is from 0 to 1"));
        m["choices"][0]["score"] = 1.into();
        let mut raw: serde_json::Value = serde_json::from_str(&form_json(serde_json::json!([m]))).unwrap();
        let form = Form::parse("ok.json", &raw.to_string()).unwrap();
        assert_eq!(form.purpose, Purpose::Survey, "the default");
        assert_eq!(form.question("clause_4").unwrap().kind.choices()[0].score, Some(1.0));
        raw["purpose"] = "self_assessment".into();
        assert_eq!(Form::parse("ok.json", &raw.to_string()).unwrap().purpose, Purpose::SelfAssessment);
        raw["purpose"] = "quiz".into();
        assert!(Form::parse("ok.json", &raw.to_string()).unwrap_err()[0].message.contains("unknown variant `quiz`"));
        // A misspelt score would silently leave its choice out of the score: it is refused.
        let mut typo = m.clone();
        typo["choices"][0] = serde_json::json!({"value": "met", "label": {"vi": "Đạt", "en": "Met"}, "scroe": 1});
        let err = &Form::parse("typo.json", &form_json(serde_json::json!([typo]))).unwrap_err()[0];
        assert!(err.message.contains("unknown field `scroe`"), "{err}");
        let mut multiple = q("tools", "multiple");
        multiple["choices"] = serde_json::json!([{"value": "five_s", "label": {"vi": "5S", "en": "5S"}, "score": 1}]);
        assert!(errors(serde_json::json!([multiple])).iter().any(|e| e == "test.json: question 'tools': a multiple question is not scored; scores belong on a single question or a matrix's choices"));
    }

    #[test]
    fn syntax_errors_and_unknown_keys_say_where() {
        let src = form_json(serde_json::json!([q("ok", "text"), {"id": "revenue", "type": "decimal", "label": {"vi": "a", "en": "b"}, "requird": true}]))
            .replace(",\"", ",\n\"");
        let err = &Form::parse("survey.json", &src).unwrap_err()[0];
        assert_eq!(err.at.as_deref(), Some("near 'revenue'"));
        assert!(err.message.contains("unknown field `requird`"), "{err}");
        let err = &Form::parse("survey.json", "{\"format\": ").unwrap_err()[0];
        assert!(err.to_string().starts_with("survey.json: line 1"), "{err}");
    }

    #[test]
    fn a_matches_pattern_must_be_a_literal_that_compiles() {
        let rule = |id: &str, constraint: &str| {
            let mut t = q(id, "text");
            t["constraint"] = constraint.into();
            t["constraint_message"] = serde_json::json!({"vi": "Sai", "en": "Wrong"});
            t
        };
        let errs = errors(serde_json::json!([
            q("pat", "text"),
            rule("computed_pattern", "matches(., pat)"),
            rule("joined_pattern", "matches(., '^0' + pat)"),
            rule("nested", "not matches(., if(answered(pat), pat, '^0'))"),
            rule("broken", "matches(., '([0-9]')"),
            rule("fine", "matches(., '^0[0-9]{9}$')"),
        ]));
        for e in [
            "test.json: question 'computed_pattern': constraint: the pattern of matches() must be text in quotes",
            "test.json: question 'joined_pattern': constraint: the pattern of matches() must be text in quotes",
            "test.json: question 'nested': constraint: the pattern of matches() must be text in quotes",
            "test.json: question 'broken': constraint: pattern '([0-9]' is not a valid regular expression",
        ] {
            assert!(errs.iter().any(|got| got.starts_with(e)), "missing {e:?} in {errs:#?}");
        }
        assert!(!errs.iter().any(|got| got.contains("'fine'")), "{errs:#?}");
        assert_eq!(errs.len(), 4, "{errs:#?}");
    }

    #[test]
    fn files_that_would_take_too_much_to_check_are_refused() {
        // Repeats nested far past anything real: refused before serde recurses into it.
        let mut deep = q("leaf", "text");
        for i in 0..60 {
            deep = serde_json::json!({"id": format!("r{i}"), "type": "repeat", "label": {"vi": "Lặp", "en": "Repeat"}, "questions": [deep]});
        }
        let errs = errors(serde_json::json!([deep]));
        assert_eq!(errs, vec!["test.json: the file nests more than 32 levels of brackets; a form needs about ten".to_string()]);
        let mut shown = q("share", "computed");
        shown["calculate"] = "1 / 3".into();
        shown["decimals"] = 4_000_000_000u32.into();
        assert!(errors(serde_json::json!([shown])).contains(&"test.json: question 'share': decimals is 4000000000; it is from 0 to 12".to_string()));
    }

    #[test]
    fn a_long_chain_of_computed_questions_is_checked_without_recursion() {
        let n = 3_000;
        let chain = |last: &str| {
            let mut qs: Vec<serde_json::Value> = (0..n)
                .map(|i| {
                    let mut c = q(&format!("c{i}"), "computed");
                    c["calculate"] = format!("c{} + 1", i + 1).into();
                    c
                })
                .collect();
            let mut end = q(&format!("c{n}"), "computed");
            end["calculate"] = last.into();
            qs.push(end);
            serde_json::json!(qs)
        };
        let form = Form::parse("chain.json", &form_json(chain("1"))).unwrap();
        // Evaluating it stops at a depth, leaving the far end of the chain unknown, rather than overflowing.
        let e = crate::form::evaluate(&form, &crate::form::Answers::new(), "2026-11-24");
        assert_eq!(e.computed.get(&format!("c{n}")), Some(&crate::form::eval::Value::Num(1.0)));
        let errs = errors(chain("c0 * 2"));
        assert_eq!(errs.len(), 1, "{:?}", errs.iter().map(|e| e.chars().take(120).collect::<String>()).collect::<Vec<_>>());
        assert!(errs[0].starts_with("test.json: question 'c0': computed questions use each other in a cycle: c0 → c1 → c2 → "), "{}", &errs[0][..200]);
        assert!(errs[0].ends_with(&format!(" → c{} → c{n} → c0", n - 1)), "{}", &errs[0][errs[0].len() - 100..]);
    }

    #[test]
    fn repeats_matrices_and_sums_are_checked() {
        let mut rep = q("certs", "repeat");
        let mut expiry = q("expiry", "date");
        expiry["constraint"] = ". > issued and issued > nope".into();
        expiry["constraint_message"] = serde_json::json!({"vi": "Sau ngày cấp", "en": "After issue"});
        rep["questions"] = serde_json::json!([q("issued", "date"), expiry, q("n", "integer")]);
        let mut m = q("tools", "matrix");
        m["rows"] = serde_json::json!([{"id": "s5", "label": {"vi": "5S", "en": "5S"}}]);
        m["levels"] = serde_json::json!([{"vi": "0", "en": "0"}]);
        let mut uses = q("u", "computed");
        uses["calculate"] = "sum(certs, 'n') + tools.s5 + tools.kaizen + sum(certs, 'issued')".into();
        let errs = errors(serde_json::json!([rep, m, uses]));
        for e in [
            "question 'expiry': constraint names 'nope'",
            "question 'tools': needs 5 levels (0 to 4), has 1",
            "question 'u': calculate names row 'kaizen' of 'tools'",
            "question 'u': calculate: sum(certs, 'issued') needs a repeat and one of its number questions",
        ] {
            assert!(errs.iter().any(|got| got.contains(e)), "missing {e:?} in {errs:#?}");
        }
        assert!(!errs.iter().any(|e| e.contains("names 'issued'")), "sub-questions are visible inside their row: {errs:#?}");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::{altered, damaged, long_text, text};
    use crate::form::library::SHIPPED;
    use proptest::prelude::*;

    fn shipped() -> impl Strategy<Value = &'static str> {
        proptest::sample::select(SHIPPED.iter().map(|(_, src)| *src).collect::<Vec<_>>())
    }

    /// A definition either loads, and then runs, or each error names the file.
    fn check(source: &str) -> Result<(), TestCaseError> {
        match Form::parse("fuzz.json", source) {
            Ok(form) => {
                let e = crate::form::evaluate(&form, &crate::form::Answers::new(), "2026-11-24");
                prop_assert!(e.progress.len() == form.sections.len());
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                prop_assert!(errors.iter().all(|e| e.file == "fuzz.json" && !e.message.is_empty()));
            }
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn any_text_is_refused_with_a_reason(source in text()) {
            prop_assert!(Form::parse("fuzz.json", &source).is_err());
        }

        #[test]
        fn a_damaged_definition_loads_or_says_why(source in shipped().prop_flat_map(|s| damaged(s.to_string()))) {
            check(&source)?;
        }

        #[test]
        fn a_definition_with_odd_values_loads_or_says_why(value in shipped().prop_flat_map(|s| altered(serde_json::from_str(s).unwrap_or_default()))) {
            check(&value.to_string())?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

        #[test]
        fn long_text_is_refused_with_a_reason(source in long_text()) {
            prop_assert!(Form::parse("fuzz.json", &source).is_err());
        }
    }
}
