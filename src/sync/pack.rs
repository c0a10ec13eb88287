//! Export packs: each record kind's records kept a bucket at a time, already written as a sync
//! file writes them, so a file of everything reads a few dozen values instead of every row.
//!
//! Why: IndexedDB spends about 40 µs per row read, whatever its size, so a province's 38,000
//! rows took 1.4 s of the browser's own time before the page saw one (`docs/benchmarks.md`,
//! 2026-12-03 and 2026-12-05), and the page then decoded and wrote each again. A pack is a
//! copy, never the record itself: the browser edge (`web::idb`) deletes a bucket's pack in the
//! same transaction as any write to a record of it, and builds a pack from the bucket's rows
//! in one transaction, so a pack that exists always says what the rows say. A missing pack is
//! built again from the rows; the file is the same text either way (tests below).

use super::file::SyncFile;
use super::kinds::{KindCall, SyncKind, KINDS};
use crate::model::clock::Hlc;
use crate::store::export::UnreadableRow;
use crate::store::Row;

/// What a pack's key and text are made by. A build that changes how packs are made (the
/// bounds, how records are written) bumps it *with* a schema upgrade that clears the store
/// (`web::idb`): the version change closes an older build's tabs, which would otherwise go on
/// deleting only their own format's packs on every write and leave this one's stale.
pub const PACK_FORMAT: u32 = 1;

/// The first id of each bucket: the app's ids are UUIDs, spread evenly over their first two hex
/// digits, so each bucket is a 32nd of a kind (a province's 15,000 surveys, about 470 a bucket:
/// building one holds the page about 40 ms). Any other id falls in the bucket whose range holds
/// it (ids below "08" in the first, "A" to "a" in the one from "98"): the ranges cover every text.
pub const BOUNDS: [&str; 32] = [
    "", "08", "1", "18", "2", "28", "3", "38", "4", "48", "5", "58", "6", "68", "7", "78", "8", "88", "9", "98", "a", "a8", "b", "b8", "c", "c8", "d", "d8", "e", "e8", "f", "f8",
];

/// The bucket a record's id falls in.
pub fn bucket_of(id: &str) -> usize {
    BOUNDS.partition_point(|b| *b <= id) - 1
}

/// The ids of bucket `b`: from its bound (included) to the next (excluded, none for the last).
pub fn range(b: usize) -> (&'static str, Option<&'static str>) {
    (BOUNDS[b], BOUNDS.get(b + 1).copied())
}

/// Where a kind's bucket's pack is kept.
pub fn pack_key(kind: &str, b: usize) -> String {
    format!("{kind}/{PACK_FORMAT}/{b:02}")
}

/// The bucket a key of `kind`'s packs (of this format) names.
pub fn bucket_of_key(kind: &str, key: &str) -> Option<usize> {
    let n: usize = key.strip_prefix(kind)?.strip_prefix(&format!("/{PACK_FORMAT}/"))?.parse().ok()?;
    (n < BOUNDS.len()).then_some(n)
}

/// Whether `kind`'s records are kept in packs: every kind a sync file carries.
pub fn is_packed(kind: &str) -> bool {
    KINDS.contains(&kind)
}

/// The first and last possible key of a kind's packs (of this format), for one read of them all.
pub fn kind_keys(kind: &str) -> (String, String) {
    (pack_key(kind, 0), pack_key(kind, BOUNDS.len() - 1))
}

/// One bucket's records, made from its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    /// The records as the file writes them, in id order, separated by commas.
    pub body: String,
    pub count: usize,
    /// The latest change among them (the file's time is never before it).
    pub latest: Option<Hlc>,
    /// Rows that do not decode: a file of everything carries them as stored.
    pub unreadable: Vec<UnreadableRow>,
}

/// Makes `kind`'s pack from a bucket's rows (in key order), decoded as a read of the store
/// decodes them (`store::decode_rows`); `None` for a kind this build does not know.
pub fn make_pack(kind: &str, rows: Vec<Row>) -> Option<Result<Pack, serde_json::Error>> {
    struct Make(Vec<Row>);
    impl KindCall for Make {
        type Out = Result<Pack, serde_json::Error>;
        fn call<T: SyncKind>(self) -> Self::Out {
            let mut unreadable = Vec::new();
            let records = crate::store::decode_rows(self.0, &|json| crate::store::decode::<T>(json), &mut |_, _| {}, &mut unreadable);
            let mut body = String::new();
            for (i, r) in records.iter().enumerate() {
                if i > 0 {
                    body.push(',');
                }
                body.push_str(&serde_json::to_string(r)?);
            }
            Ok(Pack {
                body,
                count: records.len(),
                latest: records.iter().map(|r| &r.updated).max().cloned(),
                unreadable: unreadable.into_iter().map(|r| UnreadableRow { kind: T::KIND.to_string(), id: r.id, json: r.json }).collect(),
            })
        }
    }
    super::kinds::call_for_kind(kind, Make(rows))
}

/// What the file needs to know of a pack to frame it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PackSize {
    pub count: usize,
}

/// A piece of a file's body: text made here, or a pack's body as it is kept.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    /// The body of `packs[kind][bucket]` (places in `KINDS` and `BOUNDS`).
    Pack { kind: usize, bucket: usize },
}

/// A file of everything, in pieces: `file` (whose `records` are empty) written around the
/// records its packs hold, `packs[k]` being the packs of `KINDS[k]` in bucket order. The
/// pieces joined are the text `SyncFile::write_body` writes of the same file with its records.
pub fn body_pieces(file: &SyncFile, packs: &[Vec<PackSize>]) -> Result<Vec<Piece>, serde_json::Error> {
    let (before, after) = file.body_around_records()?;
    let mut pieces = vec![Piece::Text(before)];
    let mut any_kind = false;
    for (k, kind) in KINDS.iter().enumerate() {
        let Some(kind_packs) = packs.get(k) else { continue };
        if kind_packs.iter().all(|p| p.count == 0) {
            continue;
        }
        pieces.push(Piece::Text(format!("{}\"{kind}\":[", if any_kind { "," } else { "" })));
        any_kind = true;
        let mut first = true;
        for (b, _) in kind_packs.iter().enumerate().filter(|(_, p)| p.count > 0) {
            if !first {
                pieces.push(Piece::Text(",".into()));
            }
            first = false;
            pieces.push(Piece::Pack { kind: k, bucket: b });
        }
        pieces.push(Piece::Text("]".into()));
    }
    pieces.push(Piece::Text(after));
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::enterprise::Enterprise;
    use crate::model::record::Record;
    use crate::model::survey::Survey;
    use crate::sync::file::tests::{at, sample, sha256};
    use proptest::prelude::*;

    #[test]
    fn every_id_has_one_bucket_whose_range_holds_it() {
        for id in ["", "0", "0c9d", "1", "9f", "A", "Z", "_x", "a", "a0", "f", "ff", "g", "z", "é", "\u{10000}", "target-x"] {
            let b = bucket_of(id);
            let (from, to) = range(b);
            assert!(from <= id && to.is_none_or(|t| id < t), "{id:?} in {b}");
        }
        assert_eq!(bucket_of("03c9d2f4-5b1a-4c2e-9a70-3f1e2d4c5b6a"), 0);
        assert_eq!(bucket_of("0c9d2f4e-5b1a-4c2e-9a70-3f1e2d4c5b6a"), 1);
        assert_eq!(bucket_of("f0000000-0000-4000-8000-000000000000"), 30);
        assert_eq!(bucket_of("f9000000-0000-4000-8000-000000000000"), 31);
        assert!(BOUNDS.windows(2).all(|w| w[0] < w[1]), "bounds in order");
        assert_eq!(pack_key("survey", 3), "survey/1/03");
        assert_eq!(bucket_of_key("survey", &pack_key("survey", 31)), Some(31));
        assert_eq!((bucket_of_key("survey", "survey/0/03"), bucket_of_key("surveys", "survey/1/03"), bucket_of_key("survey", "survey/1/32")), (None, None, None));
        assert!(is_packed("indicator_target") && !is_packed("settings"));
        let (first, last) = kind_keys("survey");
        assert!(first <= pack_key("survey", 7) && pack_key("survey", 7) <= last && pack_key("surveys", 0) > last);
    }

    /// The packs of a file's records, each made from the rows the store would hold.
    fn packs_of(file: &SyncFile) -> (Vec<Vec<Pack>>, Vec<UnreadableRow>) {
        struct Rows(Vec<Vec<Row>>);
        impl crate::sync::kinds::KindVisitor for Rows {
            fn visit<T: SyncKind>(&mut self, records: &[Record<T>]) {
                self.0.push(records.iter().map(|r| Row::from_record(r).unwrap()).collect());
            }
        }
        let mut rows = Rows(Vec::new());
        file.records.visit(&mut rows);
        let mut unreadable = Vec::new();
        let packs = KINDS
            .iter()
            .zip(rows.0)
            .map(|(kind, mut rows)| {
                rows.sort_by(|a, b| a.id.cmp(&b.id));
                (0..BOUNDS.len())
                    .map(|b| {
                        let mine = rows.iter().filter(|r| bucket_of(&r.id) == b).cloned().collect();
                        let pack = make_pack(kind, mine).unwrap().unwrap();
                        unreadable.extend(pack.unreadable.clone());
                        pack
                    })
                    .collect()
            })
            .collect();
        (packs, unreadable)
    }

    fn joined(file: &SyncFile, packs: &[Vec<Pack>]) -> String {
        let sizes: Vec<Vec<PackSize>> = packs.iter().map(|k| k.iter().map(|p| PackSize { count: p.count }).collect()).collect();
        let mut around = file.clone();
        around.records = Default::default();
        body_pieces(&around, &sizes)
            .unwrap()
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => t,
                Piece::Pack { kind, bucket } => packs[kind][bucket].body.clone(),
            })
            .collect()
    }

    fn written(file: &SyncFile) -> String {
        let mut body = String::new();
        file.write_body(usize::MAX, &mut |p| body.push_str(&p)).unwrap();
        body
    }

    #[test]
    fn a_file_from_packs_is_the_file_from_records() {
        let mut file = sample();
        file.records.enterprise.sort_by(|a, b| a.id.cmp(&b.id));
        let (packs, unreadable) = packs_of(&file);
        assert!(unreadable.is_empty());
        assert_eq!(joined(&file, &packs), written(&file));
        // With nothing at all.
        let mut empty = sample();
        empty.records = Default::default();
        let (packs, _) = packs_of(&empty);
        assert_eq!(joined(&empty, &packs), written(&empty));
        // The checksum over it reads back.
        let text = format!("{}{}", joined(&file, &packs_of(&file).0), crate::sync::file::checksum_suffix(&crate::sync::file::hex(&sha256(written(&file).as_bytes()))));
        assert!(crate::sync::file::parse(&text).is_ok());
    }

    #[test]
    fn rows_that_do_not_decode_are_kept_beside_the_pack() {
        let good = Row::from_record(&Record::new("0a".into(), &at(5, "a"), Enterprise { name: "Sen Hồng".into(), ..Default::default() })).unwrap();
        let damaged = Row { id: "0b".into(), updated_ms: 0, keys: Default::default(), json: "{\"v\":2,\"id\":\"0b\"".into() };
        let elsewhere = Row { id: "0c".into(), ..good.clone() };
        let pack = make_pack("enterprise", vec![good.clone(), damaged.clone(), elsewhere]).unwrap().unwrap();
        assert_eq!((pack.count, pack.body.as_str()), (1, good.json.as_str()));
        assert_eq!(pack.latest, Some(at(5, "a").at));
        assert_eq!(pack.unreadable.iter().map(|u| u.id.as_str()).collect::<Vec<_>>(), ["0b", "0c"]);
        assert!(make_pack("widget", vec![]).is_none());
    }

    proptest! {
        /// Whatever the ids (UUIDs or not) and kinds of the records, and conflict copies beside
        /// them, the file from packs is the text the file's own writer gives.
        #[test]
        fn packs_frame_any_file_as_its_writer_does(
            ids in proptest::collection::vec("[0-9a-fA-Z_é-]{1,8}", 0..24),
            kinds in proptest::collection::vec(0usize..2, 24),
            copy in proptest::bool::ANY,
        ) {
            let mut file = sample();
            file.records = Default::default();
            let mut seen = std::collections::HashSet::new();
            for (i, id) in ids.iter().enumerate() {
                if !seen.insert(id.clone()) {
                    continue;
                }
                let change = at(1_764_000_000_000 + i as i64, "a");
                if kinds[i] == 0 {
                    file.records.enterprise.push(Record::new(id.clone(), &change, Enterprise { name: format!("Công ty {i}"), ..Default::default() }));
                } else {
                    file.records.survey.push(Record::new(id.clone(), &change, Survey { form_id: "nscl-survey".into(), form_version: 1, enterprise_id: "e1".into(), ..Default::default() }));
                }
            }
            file.records.enterprise.sort_by(|a, b| a.id.cmp(&b.id));
            file.records.survey.sort_by(|a, b| a.id.cmp(&b.id));
            if copy {
                file.conflicts.enterprise.push(Record::new("c1".into(), &at(9, "b"), Enterprise { name: "bản kia".into(), ..Default::default() }));
            }
            let (packs, _) = packs_of(&file);
            prop_assert_eq!(joined(&file, &packs), written(&file));
        }
    }
}
