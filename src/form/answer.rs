//! Answers as they are stored in a response: by question id, as the person
//! gave them. Numbers are kept as text in a canonical form ("1234.5"), and
//! text that is not a number yet is kept as typed, so a half-typed or wrong
//! answer is saved with the draft rather than lost.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    fn dates_are_checked_against_the_calendar() {
        assert!(is_date("2024-02-29") && is_date("2026-12-31"));
        assert!(!is_date("2025-02-29") && !is_date("2026-13-01") && !is_date("26-1-1") && !is_date("2026-04-31"));
        assert_eq!(number(&canonical_number(1234.5)), Some(1234.5));
    }
}
