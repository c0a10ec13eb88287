//! Moving a response to a newer version of its form.
//!
//! Answers move over by question id. An answer the new version cannot take
//! (the question is gone, changed type, or a choice was removed) is kept as an
//! `Orphan` with its old label and readable text, so nothing the officer
//! entered is dropped; the response page shows them.

use super::answer::{is_date, number, Answer, Answers, Row};
use super::definition::{Cells, Form, Kind, LocalText, Question};
use super::display::describe_both;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An answer kept from an earlier form version that the current one cannot hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Orphan {
    /// The question id (or `repeat[row].sub`) in the version it came from.
    pub question: String,
    pub from_version: u32,
    pub label: LocalText,
    /// The answer as text, in both languages.
    pub text: LocalText,
    /// The answer as it was stored, in case it is wanted again.
    pub answer: Answer,
}

fn fits_text(q: &Question, t: &str) -> bool {
    match &q.kind {
        Kind::Text | Kind::LongText => true,
        Kind::Phone => crate::model::phone::normalise_phone(t).is_some(),
        Kind::Integer => number(t).is_some_and(|n| n.fract() == 0.0),
        Kind::Decimal => number(t).is_some(),
        Kind::Date => is_date(t),
        Kind::Single(choices) => choices.iter().any(|c| c.value == t),
        Kind::YesNo => matches!(t, "yes" | "no"),
        Kind::Scale(_) => matches!(t, "0" | "1" | "2" | "3" | "4"),
        _ => false,
    }
}

struct Mover<'a> {
    from: &'a Form,
    orphans: Vec<Orphan>,
}

impl Mover<'_> {
    fn orphan(&mut self, path: String, old: &Question, answer: &Answer) {
        if answer.is_empty() {
            return;
        }
        self.orphans.push(Orphan { question: path, from_version: self.from.version, label: old.label.clone(), text: describe_both(old, answer), answer: answer.clone() });
    }

    /// An answer to a question neither version knows (kept from an even older
    /// one, or written by hand): kept under its id.
    fn orphan_unknown(&mut self, path: String, answer: &Answer) {
        if answer.is_empty() {
            return;
        }
        let raw = match answer {
            Answer::Text(t) => t.clone(),
            Answer::List(l) => l.join("; "),
            Answer::Cells(c) => c.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join("; "),
            Answer::Rows(r) => format!("{} rows", r.len()),
        };
        let id = LocalText { vi: path.clone(), en: path.clone() };
        self.orphans.push(Orphan { question: path, from_version: self.from.version, label: id, text: LocalText { vi: raw.clone(), en: raw }, answer: answer.clone() });
    }

    /// The part of `answer` that `new` can take; the rest becomes orphans.
    fn carry(&mut self, path: &str, old: &Question, new: Option<&Question>, answer: &Answer) -> Option<Answer> {
        let Some(new) = new.filter(|n| n.kind.is_answered()) else {
            self.orphan(path.to_string(), old, answer);
            return None;
        };
        match (answer, &new.kind) {
            (Answer::Text(t), _) if fits_text(new, t) => Some(answer.clone()),
            // A half-typed answer to a question of the same type stays where it was.
            (Answer::Text(_), k) if k.name() == old.kind.name() => Some(answer.clone()),
            (Answer::List(values), Kind::Multiple(choices) | Kind::Ranking { choices, .. }) => {
                let (keep, drop): (Vec<String>, Vec<String>) = values.iter().cloned().partition(|v| choices.iter().any(|c| &c.value == v));
                if !drop.is_empty() {
                    self.orphan(path.to_string(), old, &Answer::List(drop));
                }
                (!keep.is_empty()).then_some(Answer::List(keep))
            }
            (Answer::Cells(cells), Kind::Matrix { rows, cells: kind }) => {
                let mut keep = BTreeMap::new();
                let mut drop = BTreeMap::new();
                for (row, v) in cells {
                    let fits = rows.iter().any(|r| &r.id == row)
                        && match kind {
                            Cells::Levels(_) => matches!(v.as_str(), "0" | "1" | "2" | "3" | "4"),
                            Cells::Choices(c) => c.iter().any(|c| &c.value == v),
                        };
                    if fits { &mut keep } else { &mut drop }.insert(row.clone(), v.clone());
                }
                if !drop.is_empty() {
                    self.orphan(path.to_string(), old, &Answer::Cells(drop));
                }
                (!keep.is_empty()).then_some(Answer::Cells(keep))
            }
            (Answer::Rows(rows), Kind::Repeat { questions, .. }) => {
                let moved: Vec<Row> = rows
                    .iter()
                    .enumerate()
                    .map(|(i, row)| {
                        let mut out = Row::new();
                        for (id, a) in row {
                            let sub_path = format!("{path}[{i}].{id}");
                            let old_sub = old.sub_questions().iter().find(|q| &q.id == id);
                            let new_sub = questions.iter().find(|q| &q.id == id);
                            match old_sub {
                                Some(os) => {
                                    if let Some(kept) = self.carry(&sub_path, os, new_sub, a) {
                                        out.insert(id.clone(), kept);
                                    }
                                }
                                None if new_sub.is_some() => {
                                    out.insert(id.clone(), a.clone());
                                }
                                None => self.orphan_unknown(sub_path, a),
                            }
                        }
                        out
                    })
                    .collect();
                Some(Answer::Rows(moved))
            }
            _ => {
                self.orphan(path.to_string(), old, answer);
                None
            }
        }
    }
}

/// Moves `answers` given on `from` to `to`. Returns the answers `to` can hold
/// and the ones it cannot.
pub fn migrate(answers: &Answers, from: &Form, to: &Form) -> (Answers, Vec<Orphan>) {
    let mut mover = Mover { from, orphans: Vec::new() };
    let mut out = Answers::new();
    for (id, answer) in answers {
        let Some(old) = from.question(id) else {
            // Not in the old form either (written by hand, or from an even older version).
            if to.question(id).is_some() {
                out.insert(id.clone(), answer.clone());
            } else {
                mover.orphan_unknown(id.clone(), answer);
            }
            continue;
        };
        if let Some(kept) = mover.carry(id, old, to.question(id), answer) {
            out.insert(id.clone(), kept);
        }
    }
    (out, mover.orphans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::evaluate::tests::{sample_form, text};

    fn newer(old: &Form, edit: impl Fn(&mut serde_json::Value)) -> Form {
        let mut v: serde_json::Value = serde_json::from_str(&old.source).unwrap();
        v["version"] = 2.into();
        edit(&mut v);
        Form::parse("v2.json", &v.to_string()).unwrap()
    }

    #[test]
    fn answers_move_by_id_and_misfits_are_kept_with_their_old_label() {
        let v1 = sample_form();
        let v2 = newer(&v1, |v| {
            let qs = v["sections"][0]["questions"].as_array_mut().unwrap();
            qs.retain(|q| q["id"] != "phone"); // removed
            for q in qs.iter_mut() {
                if q["id"] == "exports" {
                    // yes/no becomes a choice list: the old "yes" no longer fits
                    q["type"] = "single".into();
                    q["choices"] = serde_json::json!([{"value": "none", "label": {"vi": "Không", "en": "None"}}, {"value": "some", "label": {"vi": "Có", "en": "Some"}}]);
                }
                if q["id"] == "tools" {
                    q["rows"].as_array_mut().unwrap().retain(|r| r["id"] != "kaizen");
                }
                if q["id"] == "certs" {
                    q["questions"].as_array_mut().unwrap().retain(|s| s["id"] != "issued" && s["id"] != "expiry");
                }
            }
        });
        let mut a = Answers::new();
        a.insert("employees".into(), text("40"));
        a.insert("old_question_2019".into(), text("giữ lại"));
        a.insert("revenue".into(), text("12a"));
        a.insert("phone".into(), text("0912345678"));
        a.insert("exports".into(), text("yes"));
        a.insert("tools".into(), Answer::Cells([("s5".to_string(), "2".to_string()), ("kaizen".to_string(), "4".to_string())].into()));
        let row: Row = [("body".to_string(), text("QUACERT")), ("issued".to_string(), text("2024-01-10"))].into();
        a.insert("certs".into(), Answer::Rows(vec![row]));

        let (moved, orphans) = migrate(&a, &v1, &v2);
        assert_eq!(moved.get("employees"), Some(&text("40")));
        assert_eq!(moved.get("revenue"), Some(&text("12a")), "a half-typed answer keeps its place");
        assert_eq!(moved.get("tools"), Some(&Answer::Cells([("s5".to_string(), "2".to_string())].into())));
        assert_eq!(moved.get("certs").unwrap().rows()[0].get("body"), Some(&text("QUACERT")));
        assert!(!moved.contains_key("phone") && !moved.contains_key("exports"));

        let found: Vec<(&str, &str, &str)> = orphans.iter().map(|o| (o.question.as_str(), o.label.vi.as_str(), o.text.vi.as_str())).collect();
        assert_eq!(
            found,
            vec![
                ("certs[0].issued", "Ngày cấp", "2024-01-10"),
                ("exports", "Có xuất khẩu?", "Có"),
                ("old_question_2019", "old_question_2019", "giữ lại"),
                ("phone", "Điện thoại", "0912345678"),
                ("tools", "Công cụ", "Kaizen: 4 – 4"),
            ]
        );
        assert!(orphans.iter().all(|o| o.from_version == 1));
    }

    #[test]
    fn same_version_moves_everything() {
        let form = sample_form();
        let mut a = Answers::new();
        a.insert("employees".into(), text("40"));
        a.insert("exports".into(), text("no"));
        let (moved, orphans) = migrate(&a, &form, &form);
        assert_eq!(moved, a);
        assert!(orphans.is_empty());
    }
}
