//! An answer as a person reads it: choice labels rather than values, numbers
//! in the language's format. Used for kept answers after a form update and
//! for the history of a response.

use super::answer::{number, Answer};
use super::definition::{Cells, Choice, Kind, LocalText, Question};
use crate::i18n::Lang;

fn choice_label(choices: &[Choice], value: &str, lang: Lang) -> String {
    choices.iter().find(|c| c.value == value).map_or_else(|| value.to_string(), |c| c.label.get(lang).to_string())
}

fn yes_no(text: &str, lang: Lang) -> String {
    match (text, lang) {
        ("yes", Lang::Vi) => "Có".into(),
        ("yes", Lang::En) => "Yes".into(),
        ("no", Lang::Vi) => "Không".into(),
        ("no", Lang::En) => "No".into(),
        (other, _) => other.into(),
    }
}

/// The label of a yes/no answer's value in both languages: the survey's radio buttons show it
/// in whichever the page switches to, and the English of fixed texts may not be loaded yet
/// when they are built (`i18n::english`).
pub fn yes_no_label(value: &str) -> LocalText {
    LocalText { vi: yes_no(value, Lang::Vi), en: yes_no(value, Lang::En) }
}

fn level(levels: &[LocalText], text: &str, lang: Lang) -> String {
    match text.parse::<usize>().ok().and_then(|i| levels.get(i)) {
        Some(l) => format!("{text} – {}", l.get(lang)),
        None => text.to_string(),
    }
}

/// The answer to `q` as text in `lang`; empty when unanswered.
pub fn describe(q: &Question, answer: &Answer, lang: Lang) -> String {
    match (&q.kind, answer) {
        (Kind::Integer | Kind::Decimal, Answer::Text(t)) => {
            let n = number(t).map_or_else(|| t.clone(), |n| crate::format::format_answer_number(n, lang));
            match &q.unit {
                Some(u) if !t.is_empty() => format!("{n} {}", u.get(lang)),
                _ => n,
            }
        }
        (Kind::Single(c), Answer::Text(t)) => choice_label(c, t, lang),
        (Kind::YesNo, Answer::Text(t)) => yes_no(t, lang),
        (Kind::Scale(levels), Answer::Text(t)) => level(levels, t, lang),
        (Kind::Multiple(c), Answer::List(l)) => l.iter().map(|v| choice_label(c, v, lang)).collect::<Vec<_>>().join("; "),
        (Kind::Ranking { choices, .. }, Answer::List(l)) => {
            l.iter().enumerate().map(|(i, v)| format!("{}. {}", i + 1, choice_label(choices, v, lang))).collect::<Vec<_>>().join("; ")
        }
        (Kind::Matrix { rows, cells }, Answer::Cells(_)) => rows
            .iter()
            .filter_map(|r| {
                let v = answer.cell(&r.id)?;
                let shown = match cells {
                    Cells::Levels(levels) => level(levels, v, lang),
                    Cells::Choices(c) => choice_label(c, v, lang),
                };
                Some(format!("{}: {shown}", r.label.get(lang)))
            })
            .collect::<Vec<_>>()
            .join("; "),
        (Kind::Repeat { questions, .. }, Answer::Rows(rows)) => rows
            .iter()
            .map(|row| {
                questions
                    .iter()
                    .filter_map(|sq| row.get(&sq.id).filter(|a| !a.is_empty()).map(|a| describe(sq, a, lang)))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect::<Vec<_>>()
            .join(" | "),
        (_, Answer::Text(t)) => t.clone(),
        (_, Answer::List(l)) => l.join("; "),
        (_, Answer::Cells(c)) => c.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join("; "),
        (_, Answer::Rows(r)) => format!("{} rows", r.len()),
    }
}

/// The same text in both languages.
pub fn describe_both(q: &Question, answer: &Answer) -> LocalText {
    LocalText { vi: describe(q, answer, Lang::Vi), en: describe(q, answer, Lang::En) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::evaluate::tests::{sample_form, text};

    #[test]
    fn answers_read_as_people_write_them() {
        let form = sample_form();
        let q = |id| form.question(id).unwrap();
        assert_eq!(describe(q("revenue"), &text("1234567.5"), Lang::Vi), "1.234.567,5");
        assert_eq!(describe(q("revenue"), &text("1234567.5"), Lang::En), "1,234,567.5");
        assert_eq!(describe(q("exports"), &text("yes"), Lang::Vi), "Có");
        let cells = Answer::Cells([("kaizen".to_string(), "3".to_string())].into());
        assert_eq!(describe(q("tools"), &cells, Lang::En), "Kaizen: 3 – 3");
    }
}
