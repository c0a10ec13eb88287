//! Every register record's search text and tax code in one buffer, in name order.
//!
//! A keystroke looks for a word in thousands of records' texts. Held one
//! string per record beside its record, the texts lay scattered through
//! memory and a scan waited on fetching them: in a wasm microbenchmark of
//! 13,000 texts of about 100 bytes (opt-level "z", as the release), a scan
//! took 3.3-3.9 ms with `str::contains` over scattered strings, 2.1 ms with
//! `text::holds`, and 0.9 ms with `holds` over the same texts in one buffer.
//! Built again whenever the register's index is (`Registry::indexed`), in name
//! order: the order a search of the default sort scans, and a narrowing
//! search scans its earlier hits in.

use std::ops::Range;

#[derive(Debug, Clone, Default)]
pub struct SearchText {
    folded: String,
    exact: String,
    codes: String,
    /// By record position: where its folded text, exact text and tax code are.
    spans: Vec<[Range<usize>; 3]>,
}

/// One record's: its folded text, its exact text, and its tax code ("" for none).
pub type Texts<'a> = (&'a str, &'a str, &'a str);

impl SearchText {
    /// `count` records' texts, laid out in `order` (a permutation of
    /// `0..count`); `text_of(i)` is record `i`'s.
    pub fn new<'a>(count: usize, order: &[usize], text_of: impl Fn(usize) -> Texts<'a>) -> SearchText {
        debug_assert_eq!(order.len(), count, "order is a permutation of the records");
        let mut lengths = [0; 3];
        for i in 0..count {
            let (f, x, c) = text_of(i);
            for (n, t) in lengths.iter_mut().zip([f, x, c]) {
                *n += t.len();
            }
        }
        let mut out = SearchText {
            folded: String::with_capacity(lengths[0]),
            exact: String::with_capacity(lengths[1]),
            codes: String::with_capacity(lengths[2]),
            spans: vec![[0..0, 0..0, 0..0]; count],
        };
        let put = |buffer: &mut String, t: &str| {
            let at = buffer.len();
            buffer.push_str(t);
            at..buffer.len()
        };
        for &i in order {
            let (f, x, c) = text_of(i);
            out.spans[i] = [put(&mut out.folded, f), put(&mut out.exact, x), put(&mut out.codes, c)];
        }
        out
    }

    /// Record `i`'s texts.
    pub fn of(&self, i: usize) -> Texts<'_> {
        let [f, x, c] = &self.spans[i];
        (&self.folded[f.clone()], &self.exact[x.clone()], &self.codes[c.clone()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_record_gets_its_own_text_back_whatever_the_order() {
        let texts = [("cong ty", "công ty", "1400100593"), ("", "", ""), ("htx xoai", "htx xoài", "")];
        let t = SearchText::new(3, &[2, 0, 1], |i| texts[i]);
        for (i, want) in texts.iter().enumerate() {
            assert_eq!(t.of(i), *want);
        }
        // Laid out in the order given: the third record's text comes first.
        assert!(t.folded.starts_with("htx xoai"));
    }
}
