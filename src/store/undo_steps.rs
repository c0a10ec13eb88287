//! An import's undo read back a part at a time. The undo of an import that
//! replaced a province's records is about 50 MB of JSON: parsed in one piece,
//! "undo last import" held the page for 547-619 ms before it wrote anything
//! (`docs/benchmarks.md`, 2026-12-04 afternoon). The text is the app's own,
//! made by `undo_text::UndoRows` in a fixed layout, so this reader expects
//! exactly that layout and parses its rows a few at a time, each with the serde
//! types the one-piece parse uses. At anything else (an undo stored whole by an
//! earlier build, a damaged text) it answers `Fallback`, and the caller parses
//! the text in one piece, which reads it or finds it damaged as before.

use super::batch::{Batch, HistoryWrite, RowWrite, SettingWrite};
use super::row::HistoryRow;
use crate::json_nesting::{value_end, MAX_NESTING};
use serde::de::DeserializeOwned;

/// What one step came to.
#[derive(Debug, PartialEq)]
pub enum UndoStep {
    /// More to do: call `step` again (after letting the page breathe).
    More,
    /// The whole undo, as `serde_json::from_str::<Batch>` reads the text.
    Done(Box<Batch>),
    /// Not the layout `UndoRows` makes: parse the text in one piece.
    Fallback,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Stage {
    /// Inside the rows' list; `first` before its first row.
    Rows { first: bool },
    /// Inside the history rows' list.
    History { first: bool },
    Finished,
}

/// The undo's text read in steps; see the module's comment.
pub struct UndoReader<'a> {
    text: &'a str,
    pos: usize,
    stage: Stage,
    rows: Vec<RowWrite>,
    settings: Vec<SettingWrite>,
    history: Vec<HistoryRow>,
}

/// The fixed text around the lists, as `UndoRows` writes it.
const OPEN: &str = "{\"rows\":[";
const SETTINGS: &str = "],\"settings\":";
const HISTORY: &str = ",\"history\":{\"Restore\":[";
const CLOSE: &str = "]},\"undo_key\":null}";

impl<'a> UndoReader<'a> {
    pub fn new(text: &'a str) -> UndoReader<'a> {
        let stage = if text.starts_with(OPEN) { Stage::Rows { first: true } } else { Stage::Finished };
        UndoReader { text, pos: OPEN.len(), stage, rows: Vec::new(), settings: Vec::new(), history: Vec::new() }
    }

    /// Goes on for about `budget` bytes of the text (at least one row).
    pub fn step(&mut self, budget: usize) -> UndoStep {
        let until = self.pos.saturating_add(budget.max(1));
        let step = loop {
            let out = match self.stage {
                Stage::Rows { first } => self.rows_step(first),
                Stage::History { first } => self.history_step(first),
                Stage::Finished => None,
            };
            match out {
                Some(UndoStep::More) if self.pos < until => continue,
                Some(step) => break step,
                None => break UndoStep::Fallback,
            }
        };
        if step != UndoStep::More {
            self.stage = Stage::Finished;
        }
        step
    }

    fn rows_step(&mut self, first: bool) -> Option<UndoStep> {
        if self.eat(SETTINGS) {
            self.settings = self.value()?;
            if !self.eat(HISTORY) {
                return None;
            }
            self.stage = Stage::History { first: true };
            return Some(UndoStep::More);
        }
        let row = self.item(first)?;
        self.rows.push(row);
        self.stage = Stage::Rows { first: false };
        Some(UndoStep::More)
    }

    fn history_step(&mut self, first: bool) -> Option<UndoStep> {
        if self.eat(CLOSE) {
            if self.pos != self.text.len() {
                return None;
            }
            let history = HistoryWrite::Restore(std::mem::take(&mut self.history));
            return Some(UndoStep::Done(Box::new(Batch { rows: std::mem::take(&mut self.rows), settings: std::mem::take(&mut self.settings), history, undo_key: None })));
        }
        let row = self.item(first)?;
        self.history.push(row);
        self.stage = Stage::History { first: false };
        Some(UndoStep::More)
    }

    /// A list's next value: after a comma, but for its `first`.
    fn item<T: DeserializeOwned>(&mut self, first: bool) -> Option<T> {
        if !first && !self.eat(",") {
            return None;
        }
        self.value()
    }

    fn eat(&mut self, literal: &str) -> bool {
        let here = self.text.as_bytes().get(self.pos..).is_some_and(|rest| rest.starts_with(literal.as_bytes()));
        if here {
            self.pos += literal.len();
        }
        here
    }

    /// The list or object that starts here, parsed; the reader moves past it.
    fn value<T: DeserializeOwned>(&mut self) -> Option<T> {
        let start = self.pos;
        // As deep as the one-piece parse would find it: a row sits two levels down.
        let end = value_end(self.text.as_bytes(), start, MAX_NESTING - 2)?;
        self.pos = end;
        // Brackets are ASCII, so both ends are character boundaries.
        serde_json::from_str(&self.text[start..end]).ok()
    }
}

/// The undo `text` holds, read in steps of about `budget` bytes with `pause` between them; `None`
/// when the text is not an undo. Gives exactly what `serde_json::from_str::<Batch>` gives.
pub async fn read_in_steps<P, F>(text: &str, budget: usize, pause: P) -> Option<Batch>
where
    P: Fn() -> F,
    F: std::future::Future<Output = ()>,
{
    let mut reader = UndoReader::new(text);
    loop {
        match reader.step(budget) {
            UndoStep::More => pause().await,
            UndoStep::Done(batch) => return Some(*batch),
            UndoStep::Fallback => return serde_json::from_str(text).ok(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::batch::Expect;
    use crate::store::row::Row;
    use crate::store::tests::ready;
    use crate::store::undo_text::UndoRows;
    use proptest::prelude::*;

    fn row() -> impl Strategy<Value = Row> {
        // Text with quotes, backslashes, brackets, control characters and Vietnamese.
        ("[a-z0-9]{1,8}", any::<i64>(), prop::collection::btree_map("[a-z_]{1,6}", "\\PC{0,6}", 0..3), "(\\PC|[\"\\\\\n\u{1}{}\\[\\]])*").prop_map(|(id, updated_ms, keys, json)| Row { id, updated_ms, keys, json })
    }

    /// An undo's text as `UndoRows` makes it, and the undo it is the text of.
    fn undo_text() -> impl Strategy<Value = (String, Batch)> {
        let write = ("[a-z]{1,8}", "[a-z0-9]{1,8}", prop::option::of(row()), prop::option::of(row()));
        let setting = ("[a-z_#]{1,10}", prop::option::of("\\PC{0,12}"), prop::option::of("\\PC{0,12}"));
        let history = (row(), "[a-z]{1,8}").prop_map(|(r, kind)| HistoryRow::of(&kind, &r));
        (prop::collection::vec(write, 0..8), prop::collection::vec(setting, 0..3), prop::collection::vec(history, 0..5)).prop_map(|(writes, settings, history)| {
            let mut text = UndoRows::new(usize::MAX);
            let mut rows = Vec::new();
            for (kind, id, new, old) in writes {
                text.row(&kind, &id, new.as_ref(), old.as_ref()).unwrap();
                rows.push(RowWrite { kind, id, expected: Expect::of(new.as_ref().map(|r| r.json.as_str())), new: old, summary: None });
            }
            let settings: Vec<SettingWrite> = settings.into_iter().map(|(key, new, was)| SettingWrite { key, expected: Expect::of(was.as_deref()), new, undo: true }).collect();
            let mut text = text.settings(&settings).unwrap();
            for h in &history {
                text.history_row(h).unwrap();
            }
            let (parts, _) = text.finish();
            (parts.concat(), Batch { rows, settings, history: HistoryWrite::Restore(history), undo_key: None })
        })
    }

    /// Every step the reader takes with `budget`, to its end.
    fn steps(text: &str, budget: usize) -> (usize, UndoStep) {
        let mut reader = UndoReader::new(text);
        let mut n = 0;
        loop {
            n += 1;
            match reader.step(budget) {
                UndoStep::More => {}
                last => return (n, last),
            }
        }
    }

    proptest! {
        /// Any undo the app makes reads in steps of any size as the one-piece parse reads it.
        #[test]
        fn an_undo_reads_in_steps_as_in_one_piece((text, undo) in undo_text(), budget in 1usize..600) {
            prop_assert_eq!(serde_json::from_str::<Batch>(&text).unwrap(), undo.clone());
            let (_, last) = steps(&text, budget);
            prop_assert_eq!(last, UndoStep::Done(Box::new(undo.clone())));
            prop_assert_eq!(ready(read_in_steps(&text, budget, || std::future::ready(()))), Some(undo));
        }

        /// A damaged text (cut short, a byte changed, something added) never panics the reader,
        /// and what it reads, in steps or not, is what the one-piece parse reads.
        #[test]
        fn a_damaged_undo_reads_as_in_one_piece((text, _) in undo_text(), at in any::<prop::sample::Index>(), byte in prop::sample::select(vec![b'"', b'\\', b',', b'[', b']', b'{', b'}', b'1', b' ', b'x']), how in 0..3u8, budget in 1usize..600) {
            let mut bytes = text.clone().into_bytes();
            let i = at.index(bytes.len() + 1);
            match how {
                0 => bytes.truncate(i),
                1 if i < bytes.len() => bytes[i] = byte,
                _ => bytes.insert(i.min(bytes.len()), byte),
            }
            let Ok(damaged) = String::from_utf8(bytes) else { return Ok(()) };
            let whole = serde_json::from_str::<Batch>(&damaged).ok();
            if let (_, UndoStep::Done(batch)) = steps(&damaged, budget) {
                prop_assert_eq!(Some(*batch), whole.clone());
            }
            prop_assert_eq!(ready(read_in_steps(&damaged, budget, || std::future::ready(()))), whole);
        }
    }

    #[test]
    fn a_province_sized_undo_takes_many_steps_and_other_layouts_fall_back() {
        let row = Row { id: "e1".into(), updated_ms: 1, keys: Default::default(), json: "{\"name\":\"Công ty [A]\"}".into() };
        let mut text = UndoRows::new(usize::MAX);
        for i in 0..1000 {
            text.row("enterprise", &format!("e{i}"), Some(&row), Some(&row)).unwrap();
        }
        let (parts, _) = text.settings(&[]).unwrap().finish();
        let text = parts.concat();
        let (n, last) = steps(&text, 4096);
        assert!(matches!(last, UndoStep::Done(ref b) if b.rows.len() == 1000));
        // A step may run one row past its budget.
        assert!(n >= text.len() / (2 * 4096), "{n} steps for {} bytes", text.len());
        // The same undo with its members in another order (serde reads it; an earlier build
        // might have written it so) or with spaces is not this reader's: the one-piece parse reads it.
        let undo: Batch = serde_json::from_str(&text).unwrap();
        let value = serde_json::to_value(&undo).unwrap();
        // A `Value`'s members in the order of their names: history, rows, settings, undo_key.
        let reordered = serde_json::to_string(&value).unwrap();
        assert!(reordered.starts_with("{\"history\":"));
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        for other in [reordered, pretty] {
            assert_eq!(steps(&other, 4096).1, UndoStep::Fallback);
            assert_eq!(ready(read_in_steps(&other, 4096, || std::future::ready(()))), Some(undo.clone()));
        }
        assert_eq!(ready(read_in_steps("not an undo", 4096, || std::future::ready(()))), None);
    }
}
