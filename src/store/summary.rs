//! Summary rows: for the kinds a province holds tens of thousands of
//! (surveys and self-assessments), a small copy of each record beside it, in
//! a store of its own (`<kind>_summary`), with only what lists, filters,
//! counts and indicators read. A page reads the summaries at start and the
//! whole record when one is opened.
//!
//! A summary is worked out by the backend from the row it writes, in the
//! same transaction, on every path that writes or removes a row (a save, a
//! batch, its undo, a deletion): no caller can write one without the other.
//! A row that does not decode has no summary (it is quarantined anyway).
//!
//! A summary has the record's envelope and a payload of the record's own type
//! with the rest left empty, read as `SummaryOf<T>`: it can be read like the
//! record but never written back as one.

use super::row::Row;
use crate::indicators::survey_view::{SYSTEMS, TOOLS};
use crate::model::assessment::{Assessment, ASSESSMENT_DATE, ENTERPRISE_NAME, TAX_CODE};
use crate::model::record::{Record, RecordKind};
use crate::model::survey::{Survey, SURVEY_DATE};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The record kinds kept with summaries, and the store each one's summaries are in.
pub const SUMMARISED: [(&str, &str); 2] = [(Survey::KIND, "survey_summary"), (Assessment::KIND, "assessment_summary")];

/// The store holding summaries of `kind`, if it has them.
pub fn summary_store(kind: &str) -> Option<&'static str> {
    SUMMARISED.iter().find(|(k, _)| *k == kind).map(|(_, s)| *s)
}

/// A record kind whose lists read summaries.
pub trait Summarised: RecordKind + Clone + Serialize + DeserializeOwned {
    /// The store its summaries are in.
    const SUMMARY_STORE: &'static str;
    /// The payload with only what lists, filters, counts and indicators read.
    fn summary(&self) -> Self;
}

fn keep(answers: &crate::form::Answers, ids: &[&str]) -> crate::form::Answers {
    // Inserted one by one: collecting a map sorts, one more copy of the sort's code in the first
    // download, for the two or three answers a summary keeps.
    let mut kept = crate::form::Answers::new();
    for id in ids {
        if let Some(a) = answers.get(*id) {
            kept.insert(id.to_string(), a.clone());
        }
    }
    kept
}

impl Summarised for Survey {
    const SUMMARY_STORE: &'static str = "survey_summary";
    /// The list shows status, progress and the visit date; the indicators read the
    /// management-system and improvement-tool matrices.
    fn summary(&self) -> Survey {
        Survey {
            form_id: self.form_id.clone(),
            form_version: self.form_version,
            enterprise_id: self.enterprise_id.clone(),
            status: self.status,
            answers: keep(&self.answers, &[SURVEY_DATE, SYSTEMS, TOOLS]),
            orphans: Vec::new(),
            answered: self.answered,
            total: self.total,
        }
    }
}

impl Summarised for Assessment {
    const SUMMARY_STORE: &'static str = "assessment_summary";
    /// Lists, the shortlist and the indicators read the score, the date and whom it names.
    fn summary(&self) -> Assessment {
        Assessment {
            form_id: self.form_id.clone(),
            form_version: self.form_version,
            enterprise_id: self.enterprise_id.clone(),
            status: self.status,
            answers: keep(&self.answers, &[ENTERPRISE_NAME, TAX_CODE, ASSESSMENT_DATE]),
            orphans: Vec::new(),
            answered: self.answered,
            total: self.total,
            readiness: self.readiness,
            actions: BTreeMap::new(),
        }
    }
}

/// What a list holds of a record: its summary. Reads like the record (`Deref`), but is
/// not a `RecordKind`, so no store call can write it in the record's place.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(transparent)]
pub struct SummaryOf<T>(T);

impl<T> std::ops::Deref for SummaryOf<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

// The page's copy may follow an enterprise merge (`SyncKind::follow_aliases`); it is still
// never a record a store call accepts.
impl<T> std::ops::DerefMut for SummaryOf<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// What reads a survey or a self-assessment reads it through, so the same code serves the
/// whole record (an open page, tests) and its summary (lists).
impl<T> AsRef<T> for SummaryOf<T> {
    fn as_ref(&self) -> &T {
        &self.0
    }
}

impl<T: Summarised> SummaryOf<T> {
    pub fn of(payload: &T) -> SummaryOf<T> {
        SummaryOf(payload.summary())
    }
}

/// A record's summary, as a list holds it.
pub fn summary_record<T: Summarised>(record: &Record<T>) -> Record<SummaryOf<T>> {
    envelope_with(record, SummaryOf::of(&record.payload))
}

/// `record`'s envelope around another payload, without copying the record's own.
fn envelope_with<T, U>(record: &Record<T>, payload: U) -> Record<U> {
    Record {
        v: record.v,
        id: record.id.clone(),
        kind: record.kind.clone(),
        created: record.created.clone(),
        updated: record.updated.clone(),
        version: record.version.clone(),
        officer: record.officer.clone(),
        device_id: record.device_id.clone(),
        deleted: record.deleted,
        payload,
    }
}

fn row_of<T: Summarised>(row: &Row) -> Option<Row> {
    let record = super::decode::<T>(&row.json).filter(|r| r.id == row.id)?;
    // The summary keeps the time the row is stored under.
    record_summary_row(&record).ok().map(|summary| Row { updated_ms: row.updated_ms, ..summary })
}

/// The summary row of a record, worked out from the record itself: the same row `summary_row`
/// gives for `Row::from_record(record)`, without reading the record back from its text.
pub fn record_summary_row<T: Summarised>(record: &Record<T>) -> Result<Row, super::StoreError> {
    let summary = envelope_with(record, record.payload.summary());
    let json = serde_json::to_string(&summary).map_err(|e| super::StoreError::Other(e.to_string()))?;
    Ok(Row { id: record.id.clone(), updated_ms: record.updated_ms(), keys: BTreeMap::new(), json })
}

/// The summary row of a stored row of `kind`: `None` when the kind keeps no
/// summaries or the row does not decode (then no summary may stay stored).
pub fn summary_row(kind: &str, row: &Row) -> Option<Row> {
    match kind {
        Survey::KIND => row_of::<Survey>(row),
        Assessment::KIND => row_of::<Assessment>(row),
        _ => None,
    }
}

/// The summary to store beside `row`: `given` when the writer worked it out from the typed
/// record (`record_summary_row`), else worked out from the row's text. `None` as `summary_row`.
pub fn summary_row_given<'a>(kind: &str, row: &Row, given: Option<&'a Row>) -> Option<std::borrow::Cow<'a, Row>> {
    summary_store(kind)?;
    match given {
        Some(given) => {
            // The tests hold every writer to giving what the row's text gives.
            #[cfg(test)]
            assert!(summary_row(kind, row).is_some_and(|from_text| same_but_float_rounding(given, &from_text)), "a given summary differs from its row's:\n{given:?}");
            Some(std::borrow::Cow::Borrowed(given))
        }
        None => summary_row(kind, row).map(std::borrow::Cow::Owned),
    }
}

/// Two rows alike but for the last bits of a number: serde_json (without its larger
/// `float_roundtrip` reader, about 12 KB of the first download) may read a long float such as
/// 10.980392156862745 back as its neighbour, so a summary worked out from a typed record and one
/// worked out from the record's text can differ there, and nowhere else.
#[cfg(test)]
fn same_but_float_rounding(a: &Row, b: &Row) -> bool {
    fn alike(a: &serde_json::Value, b: &serde_json::Value) -> bool {
        use serde_json::Value;
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
                (Some(x), Some(y)) => x == y || (x - y).abs() <= f64::EPSILON * 4.0 * x.abs().max(y.abs()),
                _ => x == y,
            },
            (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| alike(x, y)),
            (Value::Object(x), Value::Object(y)) => x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| alike(v, w))),
            _ => a == b,
        }
    }
    let parse = |r: &Row| serde_json::from_str::<serde_json::Value>(&r.json).ok();
    (&a.id, a.updated_ms, &a.keys) == (&b.id, b.updated_ms, &b.keys) && parse(a).zip(parse(b)).is_some_and(|(x, y)| alike(&x, &y))
}

/// A summary as stored, or `None` when it does not decode as one of `T`.
pub fn decode_summary<T: Summarised>(json: &str) -> Option<Record<SummaryOf<T>>> {
    let Record { v, id, kind, created, updated, version, officer, device_id, deleted, payload } = super::decode::<T>(json)?;
    Some(Record { v, id, kind, created, updated, version, officer, device_id, deleted, payload: SummaryOf(payload) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Answer;
    use crate::model::record::Change;
    use crate::model::clock::Hlc;

    #[test]
    fn a_survey_summary_keeps_what_lists_and_indicators_read_and_drops_the_rest() {
        let mut s = Survey { form_id: "field-survey".into(), form_version: 2, enterprise_id: "e1".into(), answered: 7, total: 40, ..Default::default() };
        s.answers.insert(SURVEY_DATE.into(), Answer::Text("2026-03-01".into()));
        s.answers.insert(TOOLS.into(), Answer::Text("x".into()));
        s.answers.insert("notes".into(), Answer::Text("dài".repeat(100)));
        let r = Record::new("s1".into(), &Change { at: Hlc { ms: 5, counter: 0, device: "d".into() }, officer: "Hoa".into() }, s);
        let row = Row::from_record(&r).unwrap();
        let summary = summary_row("survey", &row).unwrap();
        assert!(summary.json.len() < row.json.len());
        let read = decode_summary::<Survey>(&summary.json).unwrap();
        assert_eq!(read, summary_record(&r));
        assert_eq!(read.payload.survey_date(), Some("2026-03-01"));
        assert_eq!((read.payload.answers.len(), read.payload.answered, read.officer.as_str()), (2, 7, "Hoa"));
        assert_eq!(summary_row("enterprise", &row), None, "enterprises keep no summaries");
        assert_eq!(summary_row("survey", &Row { json: "{".into(), ..row }), None, "an unreadable row has none");
    }

    mod kept_in_step {
        //! Whatever is written, by whichever path, every summary store holds exactly the summary
        //! of each readable row of its kind: a summary is rebuilt whenever its record changes.
        use super::super::*;
        use crate::model::assessment::AssessmentStatus;
        use crate::model::clock::Hlc;
        use crate::model::enterprise::Enterprise;
        use crate::model::record::Change;
        use crate::model::survey::SurveyStatus;
        use crate::store::batch::{Batch, Expect, HistoryWrite, RowWrite};
        use crate::store::tests::ready;
        use crate::store::{MemoryBackend, RecordStore, RowBackend};
        use proptest::prelude::*;

        #[derive(Debug, Clone)]
        enum Op {
            /// A save of record `id` (0-3) of kind `kind` (0 survey, 1 assessment, 2 enterprise), marked `n`.
            Put { kind: u8, id: u8, n: u8, deleted: bool },
            /// A checked save, as autosave writes.
            PutIf { kind: u8, id: u8, n: u8 },
            Delete { kind: u8, id: u8 },
            /// An unreadable value stored under a record's id.
            Damage { kind: u8, id: u8 },
            /// An import: several writes and removals in one batch, undone at once or not.
            Batch { writes: Vec<(u8, u8, Option<u8>)>, undo: bool },
        }

        fn op() -> impl Strategy<Value = Op> {
            prop_oneof![
                (0..3u8, 0..4u8, any::<u8>(), any::<bool>()).prop_map(|(kind, id, n, deleted)| Op::Put { kind, id, n, deleted }),
                (0..3u8, 0..4u8, any::<u8>()).prop_map(|(kind, id, n)| Op::PutIf { kind, id, n }),
                (0..3u8, 0..4u8).prop_map(|(kind, id)| Op::Delete { kind, id }),
                (0..2u8, 0..4u8).prop_map(|(kind, id)| Op::Damage { kind, id }),
                (proptest::collection::vec((0..3u8, 0..4u8, proptest::option::of(any::<u8>())), 1..6), any::<bool>()).prop_map(|(writes, undo)| Op::Batch { writes, undo }),
            ]
        }

        fn kind_name(kind: u8) -> &'static str {
            ["survey", "assessment", "enterprise"][kind as usize % 3]
        }

        /// A stored row of `kind`, varied by `n` in what summaries keep and what they drop.
        fn row(kind: u8, id: u8, n: u8, deleted: bool) -> Row {
            let mut row = row_and_summary(kind, id, n).0;
            if deleted {
                let mut v: serde_json::Value = serde_json::from_str(&row.json).unwrap();
                v["deleted"] = true.into();
                row.json = v.to_string();
            }
            row
        }

        /// A stored row of `kind`, varied by `n` in what summaries keep and what they drop, and
        /// its summary as an import works it out from the typed record.
        fn row_and_summary(kind: u8, id: u8, n: u8) -> (Row, Option<Row>) {
            let change = Change { at: Hlc { ms: 1000 + i64::from(n), counter: 0, device: "d".into() }, officer: format!("Cán bộ {}", n % 3) };
            let id = format!("r{id}");
            let text = |t: String| crate::form::Answer::Text(t);
            match kind % 3 {
                0 => {
                    let mut s = Survey { form_id: "field-survey".into(), form_version: 1, enterprise_id: format!("e{}", n % 2), answered: n.into(), ..Default::default() };
                    s.status = if n % 2 == 0 { SurveyStatus::Draft } else { SurveyStatus::Complete };
                    s.answers.insert(SURVEY_DATE.into(), text(format!("2026-01-{:02}", 1 + n % 28)));
                    s.answers.insert("notes".into(), text(format!("ghi chú {n}")));
                    let record = Record::new(id, &change, s);
                    (Row::from_record(&record).unwrap(), Some(record_summary_row(&record).unwrap()))
                }
                1 => {
                    let mut a = Assessment { form_id: "iso9001-readiness".into(), form_version: 1, readiness: Some(f64::from(n) / 2.55), ..Default::default() };
                    a.status = if n % 2 == 0 { AssessmentStatus::Draft } else { AssessmentStatus::Submitted };
                    a.answers.insert(TAX_CODE.into(), text("1400100593".into()));
                    a.answers.insert("clause_4".into(), text(format!("{n}")));
                    let record = Record::new(id, &change, a);
                    (Row::from_record(&record).unwrap(), Some(record_summary_row(&record).unwrap()))
                }
                _ => (Row::from_record(&Record::new(id, &change, Enterprise { name: format!("Công ty {n}"), ..Default::default() })).unwrap(), None),
            }
        }

        fn check(backend: &MemoryBackend) -> Result<(), TestCaseError> {
            for (kind, store) in SUMMARISED {
                let rows = ready(backend.load_rows(kind, None, None)).unwrap();
                let expected: Vec<Row> = rows.iter().filter_map(|r| summary_row(kind, r)).collect();
                let stored = ready(backend.load_rows(store, None, None)).unwrap();
                // An import's summaries come from its typed records: alike but for a float's last bits.
                prop_assert!(stored.len() == expected.len() && stored.iter().zip(&expected).all(|(a, b)| same_but_float_rounding(a, b)), "{}: {:?} != {:?}", kind, stored, expected);
            }
            Ok(())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]
            #[test]
            fn every_write_path_keeps_summaries_equal_to_their_rows(ops in proptest::collection::vec(op(), 1..25)) {
                let backend = MemoryBackend::default();
                let store = RecordStore::new(backend.clone());
                for op in ops {
                    match op {
                        Op::Put { kind, id, n, deleted } => ready(backend.put_rows(kind_name(kind), vec![row(kind, id, n, deleted)], Some(3))).unwrap(),
                        Op::PutIf { kind, id, n } => {
                            let _ = ready(backend.put_row_if(kind_name(kind), row(kind, id, n, false), None, &|_| n % 4 != 0)).unwrap();
                        }
                        Op::Delete { kind, id } => {
                            ready(backend.delete_row(kind_name(kind), &format!("r{id}"))).unwrap();
                        }
                        Op::Damage { kind, id } => {
                            let damaged = Row { id: format!("r{id}"), updated_ms: 0, keys: Default::default(), json: "{\"v\":2,\"id\":".into() };
                            ready(backend.put_rows(kind_name(kind), vec![damaged], None)).unwrap();
                        }
                        Op::Batch { mut writes, undo } => {
                            // A batch names each record once, as an import's does.
                            writes.sort_by_key(|&(kind, id, _)| (kind, id));
                            writes.dedup_by_key(|&mut (kind, id, _)| (kind, id));
                            let rows = writes
                                .iter()
                                .map(|&(kind, id, n)| {
                                    // An import gives the summaries it worked out (checked against the row's own);
                                    // other writers leave them to the backend.
                                    let (new, summary) = n.map(|n| row_and_summary(kind, id, n)).unzip();
                                    let summary = summary.flatten().filter(|_| n.is_some_and(|n| n % 2 == 0));
                                    RowWrite { kind: kind_name(kind).into(), id: format!("r{id}"), expected: Expect::Any, new, summary }
                                })
                                .collect();
                            let batch = Batch { rows, settings: Vec::new(), history: HistoryWrite::Keep(3), undo_key: Some("undo".into()) };
                            ready(store.write_batch(&batch)).unwrap().unwrap();
                            check(&backend)?;
                            if undo {
                                let text = ready(backend.get_setting("undo")).unwrap().unwrap();
                                let back: Batch = serde_json::from_str(&text).unwrap();
                                ready(store.write_batch(&back)).unwrap().unwrap();
                            }
                        }
                    }
                    check(&backend)?;
                }
            }
        }
    }
}
