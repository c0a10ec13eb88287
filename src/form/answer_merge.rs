//! Putting the answers typed in one editor on top of a version someone else
//! saved meanwhile (another tab, or an imported file), question by question,
//! as the enterprise form already does field by field: a question only one
//! side changed takes that side's answer, so two people who filled different
//! questions both keep theirs; only a question both changed, to different
//! answers, is asked about.
//!
//! A question is the unit: a repeat group's rows or a matrix's cells are one
//! answer, because their rows are positions, and merging positions of two
//! different edits could pair one person's row with another's cells.

use super::answer::{Answer, Answers};

#[derive(Debug, Clone, PartialEq)]
pub struct AnswerMerge {
    /// Each side's one-sided changes, and mine where both changed.
    pub keep_mine: Answers,
    /// Each side's one-sided changes, and theirs where both changed.
    pub keep_theirs: Answers,
    /// Questions both sides changed to different answers, by id.
    pub both_changed: Vec<String>,
}

impl AnswerMerge {
    /// Nothing to ask: both results are the same.
    pub fn is_clean(&self) -> bool {
        self.both_changed.is_empty()
    }
}

/// An answer that holds nothing reads as no answer, so a field cleared on one
/// side and never filled on the other is not a difference.
fn given<'a>(answers: &'a Answers, id: &str) -> Option<&'a Answer> {
    answers.get(id).filter(|a| !a.is_empty())
}

/// `mine` and `theirs` were both edited from `base`.
pub fn merge_answers(base: &Answers, mine: &Answers, theirs: &Answers) -> AnswerMerge {
    let mut keep_mine = Answers::new();
    let mut keep_theirs = Answers::new();
    let mut both_changed = Vec::new();
    let ids = crate::sort::sorted_unique(base.keys().chain(mine.keys()).chain(theirs.keys()));
    for id in ids {
        let (was, m, t) = (given(base, id), given(mine, id), given(theirs, id));
        let (for_mine, for_theirs) = if m == was || m == t {
            (t, t)
        } else if t == was {
            (m, m)
        } else {
            both_changed.push(id.clone());
            (m, t)
        };
        // An emptied answer is left out, as an unanswered question is.
        if let Some(a) = for_mine {
            keep_mine.insert(id.clone(), a.clone());
        }
        if let Some(a) = for_theirs {
            keep_theirs.insert(id.clone(), a.clone());
        }
    }
    AnswerMerge { keep_mine, keep_theirs, both_changed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), Answer::Text(v.to_string()))).collect()
    }

    #[test]
    fn different_questions_both_stay() {
        let base = answers(&[("name", "Lan")]);
        let mine = answers(&[("name", "Lan"), ("phone", "0913456789")]);
        let theirs = answers(&[("name", "Lan"), ("products", "Gạch")]);
        let m = merge_answers(&base, &mine, &theirs);
        assert!(m.is_clean());
        assert_eq!(m.keep_mine, answers(&[("name", "Lan"), ("phone", "0913456789"), ("products", "Gạch")]));
        assert_eq!(m.keep_mine, m.keep_theirs);
    }

    #[test]
    fn only_a_question_both_changed_is_asked() {
        let base = answers(&[("name", "Lan"), ("role", "Kế toán")]);
        let mine = answers(&[("name", "Lan Anh"), ("role", "Giám đốc")]);
        let theirs = answers(&[("name", "Ngọc Lan"), ("role", "Kế toán"), ("phone", "0277")]);
        let m = merge_answers(&base, &mine, &theirs);
        assert_eq!(m.both_changed, vec!["name".to_string()]);
        assert_eq!(m.keep_mine, answers(&[("name", "Lan Anh"), ("phone", "0277"), ("role", "Giám đốc")]));
        assert_eq!(m.keep_theirs, answers(&[("name", "Ngọc Lan"), ("phone", "0277"), ("role", "Giám đốc")]));
    }

    #[test]
    fn a_clearing_is_a_change_and_the_same_change_twice_is_not_a_conflict() {
        let base = answers(&[("name", "Lan"), ("role", "Kế toán")]);
        let mine = answers(&[("role", "Giám đốc")]);
        let theirs = answers(&[("name", "Lan"), ("role", "Giám đốc")]);
        let m = merge_answers(&base, &mine, &theirs);
        assert!(m.is_clean());
        assert_eq!(m.keep_mine, answers(&[("role", "Giám đốc")]));
    }

    #[test]
    fn an_emptied_answer_equals_none() {
        let base = answers(&[]);
        let mine = answers(&[("name", " ")]);
        let theirs = answers(&[("phone", "1")]);
        let m = merge_answers(&base, &mine, &theirs);
        assert!(m.is_clean());
        assert_eq!(m.keep_mine, answers(&[("phone", "1")]));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn answer() -> impl Strategy<Value = Option<Answer>> {
        prop_oneof![
            Just(None),
            Just(Some(Answer::Text(String::new()))),
            "[a-c]{1,2}".prop_map(|s| Some(Answer::Text(s))),
            proptest::collection::vec("[a-c]", 0..3).prop_map(|l| Some(Answer::List(l))),
        ]
    }

    fn answers() -> impl Strategy<Value = Answers> {
        proptest::collection::btree_map("q[0-5]", answer(), 0..6)
            .prop_map(|m| m.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect())
    }

    fn same(a: Option<&Answer>, b: Option<&Answer>) -> bool {
        a.filter(|x| !x.is_empty()) == b.filter(|x| !x.is_empty())
    }

    proptest! {
        #[test]
        fn no_one_sided_change_is_lost_and_only_real_clashes_are_asked(base in answers(), mine in answers(), theirs in answers()) {
            let m = merge_answers(&base, &mine, &theirs);
            let ids: std::collections::BTreeSet<&String> = base.keys().chain(mine.keys()).chain(theirs.keys()).collect();
            for id in ids {
                let (b, my, th) = (base.get(id), mine.get(id), theirs.get(id));
                let (km, kt) = (m.keep_mine.get(id), m.keep_theirs.get(id));
                let asked = m.both_changed.contains(id);
                prop_assert_eq!(asked, !same(my, b) && !same(th, b) && !same(my, th));
                if !same(my, b) {
                    prop_assert!(same(km, my), "my change to {} is kept when I keep mine", id);
                    if !asked { prop_assert!(same(kt, my)); }
                }
                if !same(th, b) {
                    prop_assert!(same(kt, th), "their change to {} is kept when I keep theirs", id);
                    if !asked { prop_assert!(same(km, th)); }
                }
                if same(my, b) && same(th, b) {
                    prop_assert!(same(km, b) && same(kt, b));
                }
            }
            // Symmetric: swapping the sides swaps the results.
            let swapped = merge_answers(&base, &theirs, &mine);
            prop_assert_eq!(&swapped.both_changed, &m.both_changed);
            prop_assert_eq!(&swapped.keep_mine, &m.keep_theirs);
            if m.is_clean() { prop_assert_eq!(&m.keep_mine, &m.keep_theirs); }
            // Merging again from the result changes nothing.
            let again = merge_answers(&base, &m.keep_mine, &m.keep_mine);
            prop_assert_eq!(&again.keep_mine, &m.keep_mine);
        }
    }
}
