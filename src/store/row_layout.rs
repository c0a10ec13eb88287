//! Rows laid out to cross into the browser in one piece: every string of a
//! step's rows one after another in one text, with where each ends counted
//! in UTF-16 units (JavaScript's string indices).
//!
//! A row handed to IndexedDB one at a time became a JavaScript object field
//! by field, and each of its strings, field names included, was decoded from
//! wasm memory on its own: at a province's import, 76,000 rows and summaries
//! spent about 0.7 s in the decoder's calls alone and as long again in the
//! crossings (`docs/benchmarks.md`, 2026-12-06 fourth session). Laid out
//! here, a step's strings are decoded once and cut out by index
//! (`web::row_puts`), and the rows stored are the same objects: `id`,
//! `updated_ms`, `keys` (in the map's order), `json`, as serde wrote them.

use super::{Row, StoreError};

/// The largest integer a JavaScript number holds exactly: a row's time past it
/// is refused, as the serde writer of rows refused it.
const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// One row of the layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LaidRow {
    /// Its store: an index into `RowLayout::stores`.
    pub store: usize,
    pub updated_ms: f64,
    /// How many index keys it has (each is two strings: name, value).
    pub keys: usize,
}

/// The rows of a step, in the order they are to be written.
#[derive(Debug, Default)]
pub struct RowLayout {
    /// The stores the rows go to, each named once.
    pub stores: Vec<String>,
    pub rows: Vec<LaidRow>,
    /// Every string of every row: its id, its JSON, then each key's name and value.
    pub text: String,
    /// Where each string of `text` ends, in UTF-16 units from the start of `text`.
    pub ends: Vec<u32>,
    utf16: u32,
}

/// Where each string of a laid-out row starts and ends in the text, in UTF-16 units.
#[derive(Debug, Clone, PartialEq)]
pub struct RowSpans {
    pub store: usize,
    pub updated_ms: f64,
    pub id: (u32, u32),
    pub json: (u32, u32),
    pub keys: Vec<((u32, u32), (u32, u32))>,
}

impl RowLayout {
    /// Adds `row`, to be written into `store`.
    pub fn push(&mut self, store: &str, row: &Row) -> Result<(), StoreError> {
        if !(-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&row.updated_ms) {
            return Err(StoreError::Other(format!("{}: time {} cannot be a JavaScript number", row.id, row.updated_ms)));
        }
        let store = match self.stores.iter().position(|s| s == store) {
            Some(i) => i,
            None => {
                self.stores.push(store.to_string());
                self.stores.len() - 1
            }
        };
        self.rows.push(LaidRow { store, updated_ms: row.updated_ms as f64, keys: row.keys.len() });
        self.push_str(&row.id);
        self.push_str(&row.json);
        for (name, value) in &row.keys {
            self.push_str(name);
            self.push_str(value);
        }
        Ok(())
    }

    fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
        self.utf16 += utf16_len(s);
        self.ends.push(self.utf16);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The bytes of text laid out so far.
    pub fn text_bytes(&self) -> usize {
        self.text.len()
    }

    /// Empties the layout for the next step (the stores stay named).
    pub fn clear(&mut self) {
        self.rows.clear();
        self.text.clear();
        self.ends.clear();
        self.utf16 = 0;
    }

    /// Each row's strings as spans of the text.
    pub fn spans(&self) -> impl Iterator<Item = RowSpans> + '_ {
        let mut next = 0usize;
        let mut start = 0u32;
        let mut span = move |ends: &[u32]| {
            let end = ends[next];
            next += 1;
            let s = (start, end);
            start = end;
            s
        };
        self.rows.iter().map(move |r| {
            let id = span(&self.ends);
            let json = span(&self.ends);
            let keys = (0..r.keys).map(|_| (span(&self.ends), span(&self.ends))).collect();
            RowSpans { store: r.store, updated_ms: r.updated_ms, id, json, keys }
        })
    }
}

/// The length of `s` in UTF-16 units: one per character, two for those past
/// U+FFFF (four bytes in UTF-8), counted from the bytes that start characters.
pub fn utf16_len(s: &str) -> u32 {
    s.bytes().map(|b| match b {
        0x80..=0xBF => 0,
        0xF0..=0xFF => 2,
        _ => 1,
    }).sum()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn cut(units: &[u16], (a, b): (u32, u32)) -> String {
        String::from_utf16(&units[a as usize..b as usize]).expect("a span ends at a character's end")
    }

    fn row() -> impl Strategy<Value = Row> {
        // Any text: Vietnamese, emoji (two UTF-16 units), controls, empty.
        let text = "\\PC{0,40}";
        (text, -MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER, proptest::collection::btree_map(text, text, 0..4), "\\PC{0,200}")
            .prop_map(|(id, updated_ms, keys, json): (String, i64, BTreeMap<String, String>, String)| Row { id, updated_ms, keys, json })
    }

    proptest! {
        /// Cut out of the text as JavaScript would (by UTF-16 index), every
        /// string of every row comes back whole, in its row's order.
        #[test]
        fn spans_give_back_every_row(rows in proptest::collection::vec((0usize..3, row()), 0..12)) {
            let names = ["enterprise", "survey_summary", "survey"];
            let mut layout = RowLayout::default();
            for (store, row) in &rows {
                layout.push(names[*store], row).unwrap();
            }
            let units: Vec<u16> = layout.text.encode_utf16().collect();
            prop_assert_eq!(layout.ends.last().copied().unwrap_or(0) as usize, units.len());
            let back: Vec<(String, Row)> = layout.spans().map(|s| {
                let keys = s.keys.iter().map(|(k, v)| (cut(&units, *k), cut(&units, *v))).collect();
                (layout.stores[s.store].clone(), Row { id: cut(&units, s.id), updated_ms: s.updated_ms as i64, keys, json: cut(&units, s.json) })
            }).collect();
            let sent: Vec<(String, Row)> = rows.iter().map(|(s, r)| (names[*s].to_string(), r.clone())).collect();
            prop_assert_eq!(back, sent);
        }

        #[test]
        fn utf16_len_counts_as_javascript_does(s in "\\PC{0,64}") {
            prop_assert_eq!(utf16_len(&s) as usize, s.encode_utf16().count());
        }
    }

    #[test]
    fn a_cleared_layout_starts_again_and_keeps_its_stores() {
        let r = Row { id: "a".into(), updated_ms: 1, keys: BTreeMap::new(), json: "{}".into() };
        let mut layout = RowLayout::default();
        layout.push("survey", &r).unwrap();
        layout.clear();
        assert!(layout.is_empty());
        layout.push("enterprise", &r).unwrap();
        let spans: Vec<RowSpans> = layout.spans().collect();
        assert_eq!(spans, vec![RowSpans { store: 1, updated_ms: 1.0, id: (0, 1), json: (1, 3), keys: vec![] }]);
        assert_eq!(layout.stores, ["survey", "enterprise"]);
    }

    #[test]
    fn a_time_no_javascript_number_holds_is_refused() {
        let r = Row { id: "a".into(), updated_ms: MAX_SAFE_INTEGER + 1, keys: BTreeMap::new(), json: "{}".into() };
        let mut layout = RowLayout::default();
        assert!(layout.push("survey", &r).is_err());
        assert!(layout.is_empty() && layout.text.is_empty());
    }
}
