//! Answers as they are stored in a response: by question id, as the person
//! gave them. Numbers are kept as text in a canonical form ("1234.5"), and
//! text that is not a number yet is kept as typed, so a half-typed or wrong
//! answer is saved with the draft rather than lost.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// Text, numbers, dates, a single choice, yes/no ("yes" / "no"), a scale level ("0"–"4").
    Text(String),
    /// Multiple choice, or a ranking in order of importance.
    List(Vec<String>),
    /// A repeat group: one map of sub-answers per row.
    Rows(Vec<Row>),
    /// A matrix: row id → the level or choice value.
    Cells(BTreeMap<String, String>),
}

pub type Row = BTreeMap<String, Answer>;
pub type Answers = BTreeMap<String, Answer>;

/// Reads what `#[serde(untagged)]` would, in one pass: text; a list of texts (an empty
/// list too); a list of rows, each a map of answers; a map of texts. The derived reader
/// buffers every answer and tries each shape in turn, and was a third of the time a
/// province's file took to parse (a CPU profile of a test build). A property test
/// compares the two on any JSON, which is all answers are read from (stored rows hold
/// their record as JSON text); a reader of other formats may differ at the edges (bytes,
/// a single character).
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AnswerVisitor)
    }
}

/// The derived reader's error, for a value no shape takes.
const NO_SHAPE: &str = "data did not match any variant of untagged enum Answer";

struct AnswerVisitor;

impl<'de> serde::de::Visitor<'de> for AnswerVisitor {
    type Value = Answer;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an answer: text, a list of texts or of rows, or a map of texts")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Answer, E> {
        Ok(Answer::Text(v.to_string()))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Answer, E> {
        Ok(Answer::Text(v))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Answer, A::Error> {
        let (mut texts, mut rows) = (Vec::new(), Vec::new());
        while let Some(item) = seq.next_element::<ListItem>()? {
            match item {
                ListItem::Text(t) if rows.is_empty() => texts.push(t),
                ListItem::Row(r) if texts.is_empty() => rows.push(r),
                // Texts and rows in one list: neither shape.
                _ => return Err(serde::de::Error::custom(NO_SHAPE)),
            }
        }
        Ok(if rows.is_empty() { Answer::List(texts) } else { Answer::Rows(rows) })
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Answer, A::Error> {
        // The map's own error goes on as it is: a file cut inside it is still cut, not misshapen.
        BTreeMap::<String, String>::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Answer::Cells)
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Answer, E> {
        Err(E::custom(NO_SHAPE))
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Answer, E> {
        Err(E::custom(NO_SHAPE))
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Answer, E> {
        Err(E::custom(NO_SHAPE))
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Answer, E> {
        Err(E::custom(NO_SHAPE))
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Answer, E> {
        Err(E::custom(NO_SHAPE))
    }
}

/// One item of a list answer: a text, or a row of a repeat group.
enum ListItem {
    Text(String),
    Row(Row),
}

impl<'de> Deserialize<'de> for ListItem {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = ListItem;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text or a row of answers")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ListItem, E> {
                Ok(ListItem::Text(v.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<ListItem, E> {
                Ok(ListItem::Text(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<ListItem, A::Error> {
                Row::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(ListItem::Row)
            }
        }
        d.deserialize_any(V)
    }
}

impl Answer {
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Text(t) => t.trim().is_empty(),
            Answer::List(l) => l.is_empty(),
            Answer::Rows(r) => r.is_empty(),
            Answer::Cells(c) => c.values().all(|v| v.is_empty()),
        }
    }

    pub fn text(&self) -> Option<&str> {
        match self {
            Answer::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn list(&self) -> &[String] {
        match self {
            Answer::List(l) => l,
            _ => &[],
        }
    }

    /// Rows of a repeat. An empty list reads back as `List([])`, which is no rows.
    pub fn rows(&self) -> &[Row] {
        match self {
            Answer::Rows(r) => r,
            _ => &[],
        }
    }

    pub fn cell(&self, row: &str) -> Option<&str> {
        match self {
            Answer::Cells(c) => c.get(row).map(String::as_str).filter(|v| !v.is_empty()),
            _ => None,
        }
    }
}

/// Where one answer lives: a top-level question, or a question in one row of a repeat.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Slot {
    Top(String),
    Cell { repeat: String, row: usize, sub: String },
}

impl Slot {
    /// The path evaluation results are keyed by: `id` or `repeat[row].sub`.
    pub fn key(&self) -> String {
        match self {
            Slot::Top(id) => id.clone(),
            Slot::Cell { repeat, row, sub } => super::evaluate::row_path(repeat, *row, sub),
        }
    }

    pub fn get<'a>(&self, answers: &'a Answers) -> Option<&'a Answer> {
        match self {
            Slot::Top(id) => answers.get(id),
            Slot::Cell { repeat, row, sub } => answers.get(repeat)?.rows().get(*row)?.get(sub),
        }
    }

    /// Sets or (with `None` or an empty answer) clears the answer. A row that does not exist yet is not created.
    pub fn set(&self, answers: &mut Answers, value: Option<Answer>) {
        let value = value.filter(|v| !v.is_empty());
        match self {
            Slot::Top(id) => match value {
                Some(v) => {
                    answers.insert(id.clone(), v);
                }
                None => {
                    answers.remove(id);
                }
            },
            Slot::Cell { repeat, row, sub } => {
                if let Some(Answer::Rows(rows)) = answers.get_mut(repeat) {
                    if let Some(r) = rows.get_mut(*row) {
                        match value {
                            Some(v) => r.insert(sub.clone(), v),
                            None => r.remove(sub),
                        };
                    }
                }
            }
        }
    }
}

/// Adds an empty row to a repeat; returns the new row count.
pub fn add_row(answers: &mut Answers, repeat: &str) -> usize {
    let entry = answers.entry(repeat.to_string()).or_insert_with(|| Answer::Rows(Vec::new()));
    if !matches!(entry, Answer::Rows(_)) {
        *entry = Answer::Rows(Vec::new());
    }
    match entry {
        Answer::Rows(rows) => {
            rows.push(Row::new());
            rows.len()
        }
        _ => 0,
    }
}

/// Removes one row of a repeat; the rows after it move up.
pub fn remove_row(answers: &mut Answers, repeat: &str, row: usize) {
    if let Some(Answer::Rows(rows)) = answers.get_mut(repeat) {
        if row < rows.len() {
            rows.remove(row);
        }
        if rows.is_empty() {
            answers.remove(repeat);
        }
    }
}

/// The canonical text of a number: what the engine parses back.
pub fn canonical_number(x: f64) -> String {
    format!("{x}")
}

/// Reads a canonical number.
pub fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Whether text is a real calendar date written YYYY-MM-DD.
pub fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 || !text.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d) && y >= 1900
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_through_json() {
        let mut a = Answers::new();
        a.insert("name".into(), Answer::Text("Công ty Sa Đéc".into()));
        a.insert("tools".into(), Answer::List(vec!["s5".into(), "kaizen".into()]));
        let row: Row = [("body".to_string(), Answer::Text("QUACERT".into()))].into();
        a.insert("certs".into(), Answer::Rows(vec![row]));
        a.insert("m".into(), Answer::Cells([("s5".to_string(), "3".to_string())].into()));
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), a);
        assert!(Answer::List(vec![]).rows().is_empty());
    }

    #[test]
    fn slots_read_and_write_top_level_and_row_answers() {
        let mut a = Answers::new();
        Slot::Top("name".into()).set(&mut a, Some(Answer::Text("A".into())));
        let cell = Slot::Cell { repeat: "certs".into(), row: 1, sub: "body".into() };
        cell.set(&mut a, Some(Answer::Text("lost".into())));
        assert!(cell.get(&a).is_none(), "no row 1 yet");
        assert_eq!((add_row(&mut a, "certs"), add_row(&mut a, "certs")), (1, 2));
        cell.set(&mut a, Some(Answer::Text("QUACERT".into())));
        assert_eq!(cell.get(&a), Some(&Answer::Text("QUACERT".into())));
        assert_eq!(cell.key(), "certs[1].body");
        remove_row(&mut a, "certs", 0);
        assert_eq!(Slot::Cell { repeat: "certs".into(), row: 0, sub: "body".into() }.get(&a), Some(&Answer::Text("QUACERT".into())));
        remove_row(&mut a, "certs", 0);
        assert!(!a.contains_key("certs"));
        Slot::Top("name".into()).set(&mut a, Some(Answer::Text("  ".into())));
        assert!(a.is_empty(), "a blank answer is no answer");
    }

    /// The reader `#[serde(untagged)]` derives, which `Answer`'s own must match.
    #[derive(Debug, Deserialize)]
    #[serde(untagged)]
    enum Derived {
        Text(String),
        List(Vec<String>),
        Rows(Vec<BTreeMap<String, Derived>>),
        Cells(BTreeMap<String, String>),
    }

    impl From<Derived> for Answer {
        fn from(d: Derived) -> Answer {
            match d {
                Derived::Text(t) => Answer::Text(t),
                Derived::List(l) => Answer::List(l),
                Derived::Rows(r) => Answer::Rows(r.into_iter().map(|row| row.into_iter().map(|(k, v)| (k, v.into())).collect()).collect()),
                Derived::Cells(c) => Answer::Cells(c),
            }
        }
    }

    /// Any JSON value, answers' shapes more often than not, a few levels deep.
    fn json_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::Value;
        let key = prop_oneof![Just("a".to_string()), Just("b".to_string()), crate::arbitrary_text::text()];
        let leaf = prop_oneof![
            4 => crate::arbitrary_text::text().prop_map(Value::String),
            1 => any::<i64>().prop_map(Value::from),
            1 => any::<f64>().prop_filter("JSON has no NaN", |x| x.is_finite()).prop_map(Value::from),
            1 => any::<bool>().prop_map(Value::Bool),
            1 => Just(Value::Null),
        ];
        leaf.prop_recursive(4, 48, 6, move |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                proptest::collection::vec((key.clone(), inner), 0..5).prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        /// On any JSON, as a value or as text (duplicate keys included), `Answer` reads what the
        /// derived untagged reader reads, and refuses what it refuses.
        #[test]
        fn answer_reads_as_the_derived_untagged_reader(value in json_value(), dup in proptest::bool::ANY) {
            let mut text = serde_json::to_string(&value).unwrap();
            if dup {
                // The same key twice in a map: the later value wins in both.
                text = text.replacen("{\"a\":", "{\"a\":\"x\",\"a\":", 1);
            }
            let ours = serde_json::from_str::<Answer>(&text).ok();
            let derived = serde_json::from_str::<Derived>(&text).ok().map(Answer::from);
            proptest::prop_assert_eq!(ours, derived, "{}", text);
        }
    }

    #[test]
    fn answer_shapes_and_refusals() {
        let read = |t: &str| serde_json::from_str::<Answer>(t).ok();
        assert_eq!(read("[]"), Some(Answer::List(vec![])), "an empty list is a list of texts");
        assert_eq!(read(r#"[{"a":"1"},{}]"#).map(|a| a.rows().len()), Some(2));
        assert_eq!(read(r#"{"r1":"3"}"#), Some(Answer::Cells([("r1".to_string(), "3".to_string())].into())));
        for refused in ["1", "true", "null", r#"["a",{}]"#, r#"[{},"a"]"#, r#"{"r":1}"#, r#"[[]]"#, r#"[{"a":1}]"#] {
            assert_eq!(read(refused), None, "{refused}");
        }
        // A text cut short is still cut short, whatever shape it had begun (a file's reader
        // tells a truncated file from a misshapen record by this).
        for cut in [r#"{"a":"b"#, r#"["a","#, r#"[{"a":"b"}"#] {
            assert!(serde_json::from_str::<Answer>(cut).unwrap_err().is_eof(), "{cut}");
        }
    }

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert!(is_date("2024-02-29") && is_date("2026-12-31"));
        assert!(!is_date("2025-02-29") && !is_date("2026-13-01") && !is_date("26-1-1") && !is_date("2026-04-31"));
        assert_eq!(number(&canonical_number(1234.5)), Some(1234.5));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::{numberish, text};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn numbers_and_dates_are_read_or_refused(s in prop_oneof![text(), numberish(), "[0-9]{4}-[0-9]{2}-[0-9]{2}"]) {
            if let Some(x) = number(&s) {
                prop_assert!(x.is_finite());
                prop_assert_eq!(number(&canonical_number(x)), Some(x), "the canonical text reads back");
            }
            if is_date(&s) {
                prop_assert_eq!(s.len(), 10);
                prop_assert!(crate::format::parse_iso_date_ms(&s).is_some());
            }
        }
    }
}
