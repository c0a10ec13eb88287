//! The sync file, version 2: one format for backups, sync between laptops,
//! and hand-over to the province. `docs/sync-format.md` describes it for
//! other tools and `docs/sync-format.schema.json` checks it.
//!
//! The checksum is the last member, and covers the exact bytes before it,
//! so a writer hashes the parts as it writes them and a reader hashes what
//! it read, with no second serialisation that could differ. The hashing
//! itself is the browser's (`web::file_codec`); this module finds the bytes
//! to hash and compares.

use super::error::ImportError;
use super::fault::{self, RecordFault};
use super::kinds::{KindVisitor, Place, Sections, SyncKind};
use crate::model::admin_unit::AdminUnitList;
use crate::model::clock::Hlc;
use crate::model::record::{Record, RECORD_FORMAT};
use crate::store::export::{ExportFile, UnreadableRow, EXPORT_FORMAT};
use crate::store::InstalledForm;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

pub const FORMAT: &str = EXPORT_FORMAT;
pub const VERSION: u32 = 2;
/// A file larger than this is refused before it is read: a whole province is about 45 MB.
pub const MAX_FILE_BYTES: u64 = 200 << 20;
/// Decompressed text larger than this is refused (a gzip bomb stops here).
pub const MAX_TEXT_BYTES: u64 = 400 << 20;

/// Which records a file holds: everything, or a part chosen on export.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Scope {
    /// Only records changed after this time (the last export to the same recipient); `None` is everything.
    #[serde(default)]
    pub since: Option<Hlc>,
    /// Who the file is for, as the officer typed it ("" for nobody in particular).
    #[serde(default)]
    pub recipient: String,
    /// Record kinds; empty is every kind.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// Administrative unit ids; empty is every unit.
    #[serde(default)]
    pub units: Vec<String>,
    /// Records last changed on or after this date (`YYYY-MM-DD`, local time).
    #[serde(default)]
    pub from: Option<String>,
    /// Records last changed on or before this date.
    #[serde(default)]
    pub to: Option<String>,
    /// Written by an enterprise about itself (its self-assessment result), not by an officer:
    /// the department files what it brings under the register enterprise with the same tax code.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_enterprise: bool,
}

impl Scope {
    /// Whether a full backup: every record of every kind and unit, ever.
    pub fn is_everything(&self) -> bool {
        self.since.is_none() && self.kinds.is_empty() && self.units.is_empty() && self.from.is_none() && self.to.is_none()
    }

    /// Whether the record belongs in a file of this scope. `offset_minutes`
    /// turns its change time into the officer's local date.
    /// `units` maps enterprise ids to their unit ids.
    pub fn admits<T: SyncKind>(&self, record: &Record<T>, units: &HashMap<String, String>, offset_minutes: i32) -> bool {
        if !self.kinds.is_empty() && !self.kinds.iter().any(|k| k == T::KIND) {
            return false;
        }
        if self.since.as_ref().is_some_and(|since| record.updated <= *since) {
            return false;
        }
        if !self.units.is_empty() {
            let unit = match record.payload.place() {
                Place::Unit(u) => u,
                Place::Enterprise(e) => e.and_then(|e| units.get(e)).map(String::as_str),
            };
            if !unit.is_some_and(|u| self.units.iter().any(|s| s == u)) {
                return false;
            }
        }
        if self.from.is_some() || self.to.is_some() {
            let day = crate::format::iso_date(record.updated.ms, offset_minutes);
            if self.from.as_ref().is_some_and(|f| day < *f) || self.to.as_ref().is_some_and(|t| day > *t) {
                return false;
            }
        }
        true
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncFile {
    pub format: String,
    pub version: u32,
    /// The exporting device's clock when the file was made.
    pub exported_at: Hlc,
    pub device_id: String,
    pub officer: String,
    #[serde(default)]
    pub scope: Scope,
    /// The reference data the records depend on.
    pub admin_units: AdminUnitList,
    /// Form definitions installed from files, which the records' answers follow.
    #[serde(default)]
    pub forms: Vec<InstalledForm>,
    /// The shown version of every record, tombstones included.
    #[serde(default)]
    pub records: Sections,
    /// Concurrent versions kept beside the shown ones until someone resolves them.
    #[serde(default)]
    pub conflicts: Sections,
    /// Enterprises merged into another: merged-away id → kept id.
    #[serde(default)]
    pub aliases: BTreeMap<String, String>,
    /// Stored rows the exporting build could not read, carried as they were stored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<UnreadableRow>,
}

/// What the head of a file says it is.
#[derive(Debug, Clone, PartialEq)]
pub enum Head<'a> {
    /// A version-1 backup: no checksum.
    V1,
    /// Version 2: `body` is the text the checksum covers, `checksum` its hex SHA-256.
    V2 { body: &'a str, checksum: &'a str },
}

/// The text that closes a file after its body: the checksum member.
pub fn checksum_suffix(hex: &str) -> String {
    format!(",\"checksum\":\"{hex}\"}}")
}

/// Lower-case hex of a digest.
pub fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn json_error(e: serde_json::Error) -> ImportError {
    let message = e.to_string();
    let (words, at) = fault::split_at(&message);
    if e.is_eof() {
        ImportError::Truncated
    } else if e.is_data() {
        let (place, words) = fault::split_record(words);
        ImportError::BadRecord { place, fault: RecordFault::Shape(fault::Shape::read(words)), at }
    } else {
        ImportError::NotJson { syntax: fault::Syntax::read(words), at }
    }
}

/// Reads what a file is before its content is trusted: the format name and
/// version, and for version 2 the part the checksum covers. Nothing is
/// parsed beyond the head and the checksum.
pub fn read_head(text: &str) -> Result<Head<'_>, ImportError> {
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default)]
        format: Option<serde_json::Value>,
        #[serde(default)]
        version: Option<serde_json::Value>,
    }
    if crate::json_nesting::too_deep(text) {
        return Err(ImportError::NotJson { syntax: fault::Syntax::TooDeep, at: None });
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| match json_error(e) {
        // The head is only format and version: any other shape error means "not our file".
        ImportError::BadRecord { .. } => ImportError::WrongFormat,
        other => other,
    })?;
    if probe.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::WrongFormat);
    }
    match probe.version.as_ref().and_then(|v| v.as_u64()) {
        Some(1) => Ok(Head::V1),
        Some(2) => {
            let (body, checksum) = split_checksum(text).ok_or(ImportError::ChecksumMismatch)?;
            Ok(Head::V2 { body, checksum })
        }
        Some(found) if found > 2 => Err(ImportError::FutureVersion { found }),
        _ => Err(ImportError::WrongFormat),
    }
}

/// The body and the checksum of a version-2 text: the checksum must be the
/// last member, written as the app writes it, optionally followed by white space.
pub(super) fn split_checksum(text: &str) -> Option<(&str, &str)> {
    const KEY: &str = ",\"checksum\":\"";
    let at = text.rfind(KEY)?;
    let rest = &text[at + KEY.len()..];
    let hex = rest.get(..64)?;
    let tail = rest.get(64..)?;
    (hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) && tail.trim_end() == "\"}").then_some((&text[..at], hex))
}

/// Parses a whole file whose head has been read (and, for version 2, whose
/// checksum has been checked), migrating version 1, and checks every record:
/// its kind is known and matches its section, its id is unique and can name a
/// page (`is_record_id`), and its change times are ones the store keeps.
pub fn parse(text: &str) -> Result<SyncFile, ImportError> {
    let file = match read_head(text)? {
        Head::V1 => from_v1(serde_json::from_str(text).map_err(json_error)?),
        Head::V2 { .. } => serde_json::from_str::<SyncFile>(text).map_err(json_error)?,
    };
    check(&file)?;
    Ok(file)
}

/// A version-1 backup as a version-2 file: everything, nothing in conflict.
fn from_v1(old: ExportFile) -> SyncFile {
    SyncFile {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: old.exported_at,
        device_id: old.device_id,
        officer: old.officer,
        scope: Scope::default(),
        admin_units: old.admin_units,
        forms: Vec::new(),
        records: Sections { enterprise: old.enterprises, survey: old.surveys, assessment: old.assessments, activity: old.activities, indicator_target: Vec::new(), unknown: Vec::new() },
        conflicts: Sections::default(),
        aliases: BTreeMap::new(),
        unreadable: old.unreadable,
    }
}

/// The furthest change time from 1970 a record may carry, either way: 2^53 - 1 ms, the largest
/// whole number the browser's store keeps exactly (`updated_ms` is a JavaScript number there).
/// A file past it passed the preview, then failed the apply blaming the browser. Anything within
/// it was stored before, so a laptop holding such a record still exchanges files.
pub const MAX_STAMP_MS: i64 = (1 << 53) - 1;

/// Whether `id` can name a record: it is a segment of the record's page address, where `/` or
/// `\\` (a separator), `?` or `#` (the address ends), `%` (read back as an escape), control
/// characters and white space at either end (dropped from an address), or dots alone (`..` is
/// the folder above) would send the officer elsewhere and leave the record with no page. The
/// app's own ids are UUIDs (and `target-<indicator>-<period>`), and a new survey takes its id
/// from its address, checked with this (`ui/survey/page.rs`); any other id had a page, and
/// still reads.
pub fn is_record_id(id: &str) -> bool {
    let bad = |c: char| matches!(c, '/' | '\\' | '?' | '#' | '%') || c.is_control();
    let blank_end = |c: Option<char>| c.is_some_and(|c| c.is_whitespace() || c == '\u{feff}');
    (1..=MAX_ID_CHARS).contains(&id.chars().count())
        && !id.chars().any(bad)
        && !blank_end(id.chars().next())
        && !blank_end(id.chars().last())
        && id.chars().any(|c| c != '.')
}

/// The longest record id, in characters (a UUID has 36).
pub const MAX_ID_CHARS: usize = 1024;

/// The start of a text, for a message (at most `chars` characters).
fn shortened(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

pub(super) fn check(file: &SyncFile) -> Result<(), ImportError> {
    struct Check {
        conflicts: bool,
        error: Option<ImportError>,
    }
    impl KindVisitor for Check {
        fn visit<T: SyncKind>(&mut self, records: &[Record<T>]) {
            if self.error.is_some() {
                return;
            }
            let mut seen = HashSet::with_capacity(records.len());
            for (i, r) in records.iter().enumerate() {
                let problem = if r.kind != T::KIND {
                    Some(RecordFault::KindMismatch { found: shortened(&r.kind, 40) })
                } else if r.id.trim().is_empty() {
                    Some(RecordFault::NoId)
                } else if r.v != RECORD_FORMAT {
                    Some(RecordFault::Envelope { version: r.v })
                } else if !is_record_id(&r.id) {
                    Some(RecordFault::BadId { id: shortened(&r.id, 40) })
                } else if [&r.created, &r.updated].iter().any(|at| at.ms.unsigned_abs() > MAX_STAMP_MS.unsigned_abs()) {
                    Some(RecordFault::ImpossibleTime)
                } else {
                    None
                };
                if let Some(fault) = problem {
                    self.error = Some(ImportError::BadRecord { place: Some((T::KIND.to_string(), i + 1)), fault, at: None });
                    return;
                }
                // Conflict copies share ids with the shown versions, and with each other.
                if !self.conflicts && !seen.insert(r.id.as_str()) {
                    self.error = Some(ImportError::DuplicateId { kind: T::KIND.into(), id: r.id.clone() });
                    return;
                }
            }
        }
    }
    for (section, conflicts) in [(&file.records, false), (&file.conflicts, true)] {
        if let Some(kind) = section.unknown.first() {
            return Err(ImportError::UnknownKind { kind: kind.clone() });
        }
        let mut c = Check { conflicts, error: None };
        section.visit(&mut c);
        if let Some(e) = c.error {
            return Err(e);
        }
    }
    Ok(())
}

/// How large each part of a written file is, about: big enough that the
/// parts are few, small enough that no part is a large string to copy.
pub const PART_BYTES: usize = 1 << 20;

/// A file's body (`SyncFile::write_body`) written a part at a time: each
/// `next_part` makes about `part_bytes` of text, so a caller can give the page
/// a turn between parts (serialising a province's 46 MiB in one go held it
/// for half a second).
pub struct BodyWriter<'f> {
    file: &'f SyncFile,
    part_bytes: usize,
    out: String,
    stage: BodyStage,
    /// Within a section: the kind being written (its place in `KINDS`), the next record
    /// of it, and whether a kind of the section has been opened yet.
    kind: usize,
    record: usize,
    any_kind: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum BodyStage {
    Head,
    /// `records` (0), then `conflicts` (1).
    Section(usize),
    Tail,
    Done,
}

/// Fills the writer's text from the kind and record it is at, up to a part.
struct Fill<'w, 'f> {
    w: &'w mut BodyWriter<'f>,
    /// The place of the kind being visited.
    at: usize,
    full: bool,
    error: Option<serde_json::Error>,
}

impl KindVisitor for Fill<'_, '_> {
    fn visit<T: SyncKind>(&mut self, records: &[Record<T>]) {
        let at = self.at;
        self.at += 1;
        if self.full || self.error.is_some() || at < self.w.kind {
            return;
        }
        let w = &mut *self.w;
        w.kind = at;
        if records.is_empty() {
            return;
        }
        if w.record == 0 {
            if w.any_kind {
                w.out.push(',');
            }
            w.any_kind = true;
            w.out.push_str(&format!("\"{}\":[", T::KIND));
        }
        while w.record < records.len() {
            if w.record > 0 {
                w.out.push(',');
            }
            match serde_json::to_string(&records[w.record]) {
                Ok(json) => w.out.push_str(&json),
                Err(e) => {
                    self.error = Some(e);
                    return;
                }
            }
            w.record += 1;
            if w.out.len() >= w.part_bytes {
                // The kind's list is closed by the next part if this was its last record.
                self.full = w.record < records.len();
                if self.full {
                    return;
                }
            }
        }
        w.out.push(']');
        w.record = 0;
        w.kind = at + 1;
        self.full = w.out.len() >= w.part_bytes;
    }
}

impl<'f> BodyWriter<'f> {
    pub fn new(file: &'f SyncFile, part_bytes: usize) -> BodyWriter<'f> {
        BodyWriter { file, part_bytes, out: String::new(), stage: BodyStage::Head, kind: 0, record: 0, any_kind: false }
    }

    /// The next part of the body, `None` once it is all written, or after an error (a
    /// half-written part is never handed over twice).
    pub fn next_part(&mut self) -> Result<Option<String>, serde_json::Error> {
        let part = self.write_part();
        if part.is_err() {
            self.stage = BodyStage::Done;
            self.out.clear();
        }
        part
    }

    fn write_part(&mut self) -> Result<Option<String>, serde_json::Error> {
        let file = self.file;
        loop {
            match self.stage {
                BodyStage::Done => return Ok(None),
                BodyStage::Head => {
                    let out = &mut self.out;
                    out.push('{');
                    out.push_str(&format!("\"format\":{}", serde_json::to_string(&file.format)?));
                    out.push_str(&format!(",\"version\":{}", file.version));
                    out.push_str(&format!(",\"exported_at\":{}", serde_json::to_string(&file.exported_at)?));
                    out.push_str(&format!(",\"device_id\":{}", serde_json::to_string(&file.device_id)?));
                    out.push_str(&format!(",\"officer\":{}", serde_json::to_string(&file.officer)?));
                    out.push_str(&format!(",\"scope\":{}", serde_json::to_string(&file.scope)?));
                    out.push_str(&format!(",\"admin_units\":{}", serde_json::to_string(&file.admin_units)?));
                    out.push_str(&format!(",\"forms\":{}", serde_json::to_string(&file.forms)?));
                    self.stage = BodyStage::Section(0);
                }
                BodyStage::Section(n) => {
                    let (key, section) = if n == 0 { ("records", &file.records) } else { ("conflicts", &file.conflicts) };
                    if self.kind == 0 && self.record == 0 && !self.any_kind {
                        self.out.push_str(&format!(",\"{key}\":{{"));
                    }
                    let mut fill = Fill { w: self, at: 0, full: false, error: None };
                    section.visit(&mut fill);
                    let (full, error) = (fill.full, fill.error);
                    if let Some(e) = error {
                        return Err(e);
                    }
                    if full {
                        return Ok(Some(std::mem::take(&mut self.out)));
                    }
                    // Every kind of the section is written.
                    self.out.push('}');
                    (self.kind, self.record, self.any_kind) = (0, 0, false);
                    self.stage = if n == 0 { BodyStage::Section(1) } else { BodyStage::Tail };
                }
                BodyStage::Tail => {
                    self.out.push_str(&format!(",\"aliases\":{}", serde_json::to_string(&file.aliases)?));
                    if !file.unreadable.is_empty() {
                        self.out.push_str(&format!(",\"unreadable\":{}", serde_json::to_string(&file.unreadable)?));
                    }
                    self.stage = BodyStage::Done;
                    return Ok(Some(std::mem::take(&mut self.out)));
                }
            }
        }
    }
}

impl SyncFile {
    /// Hands the file's records and conflict copies to `parts`, to be freed a part at a time.
    pub fn drop_into(self, parts: &mut crate::drop_in_parts::DropInParts) {
        self.records.drop_into(parts);
        self.conflicts.drop_into(parts);
    }

    /// Writes the file up to its checksum, as compact JSON, in parts of about
    /// `part_bytes` handed to `sink` as they are made. The caller hashes the
    /// parts and appends `checksum_suffix`. Records go one by one, so no
    /// string holds a province at once.
    pub fn write_body(&self, part_bytes: usize, sink: &mut dyn FnMut(String)) -> Result<(), serde_json::Error> {
        let mut writer = BodyWriter::new(self, part_bytes);
        while let Some(part) = writer.next_part()? {
            sink(part);
        }
        Ok(())
    }

    /// The whole file as one string, with the checksum `digest` gives
    /// (tests and small files; the app hashes with the browser).
    pub fn to_text(&self, digest: impl Fn(&[u8]) -> [u8; 32]) -> Result<String, serde_json::Error> {
        let mut body = String::new();
        self.write_body(usize::MAX, &mut |p| body.push_str(&p))?;
        let sum = hex(&digest(body.as_bytes()));
        body.push_str(&checksum_suffix(&sum));
        Ok(body)
    }

    /// The body of this file (its `records` empty) as the text before its records' kinds and
    /// the text after them, for a writer that has the records as text already (`sync::pack`).
    pub fn body_around_records(&self) -> Result<(String, String), serde_json::Error> {
        const SECTION: &str = ",\"records\":{";
        let mut whole = String::new();
        self.write_body(usize::MAX, &mut |p| whole.push_str(&p))?;
        // The first such text is the section's key: inside a string, every quote is escaped.
        let at = whole.find(SECTION).map(|i| i + SECTION.len()).unwrap_or(whole.len());
        let after = whole.split_off(at);
        Ok((whole, after))
    }

    /// How many records the file holds, conflict copies included.
    pub fn record_count(&self) -> usize {
        self.records.len() + self.conflicts.len()
    }
}

/// `nscl-<unit>-<officer>-<yyyymmdd-hhmm>.json`, folded to ASCII: who
/// exported what and when, readable in any mail client or file system.
/// `unit` is the unit's name (or "tinh", the whole province); `local` is the
/// local time as `YYYY-MM-DDTHH:MM`; `extension` is `json`, `json.gz` or `json.gz.enc`.
pub fn file_name(unit: &str, officer: &str, local: &str, extension: &str) -> String {
    let slug = |s: &str| -> String {
        let folded = crate::text::fold(s);
        let mut out = String::new();
        for c in folded.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        out.trim_end_matches('-').chars().take(40).collect::<String>().trim_end_matches('-').to_string()
    };
    let digits: String = local.chars().filter(char::is_ascii_digit).collect();
    let stamp = match (digits.get(..8), digits.get(8..12)) {
        (Some(day), Some(time)) => format!("{day}-{time}"),
        _ => digits,
    };
    let parts: Vec<String> = [slug(unit), slug(officer), stamp].into_iter().filter(|p| !p.is_empty()).collect();
    format!("nscl-{}.{extension}", parts.join("-"))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::enterprise::Enterprise;
    use crate::model::record::Change;
    use crate::model::survey::Survey;
    use sha2::Digest;

    pub fn sha256(bytes: &[u8]) -> [u8; 32] {
        sha2::Sha256::digest(bytes).into()
    }

    pub fn at(ms: i64, device: &str) -> Change {
        Change { at: Hlc { ms, counter: 0, device: device.into() }, officer: format!("cán bộ {device}") }
    }

    pub fn sample() -> SyncFile {
        let e1 = Record::new("e1".into(), &at(1_764_000_000_000, "a"), Enterprise { name: "Công ty <b>Sen Hồng</b>".into(), admin_unit_id: Some("tp-sa-dec".into()), ..Default::default() });
        let e2 = Record::new("e2".into(), &at(1_764_000_100_000, "a"), Enterprise { name: "HTX Xoài Cao Lãnh".into(), ..Default::default() }).deleted_by(&at(1_764_000_200_000, "a"));
        let s1 = Record::new("s1".into(), &at(1_764_000_300_000, "a"), Survey { form_id: "nscl-survey".into(), form_version: 1, enterprise_id: "e1".into(), ..Default::default() });
        SyncFile {
            format: FORMAT.into(),
            version: VERSION,
            exported_at: Hlc { ms: 1_764_000_400_000, counter: 2, device: "a".into() },
            device_id: "a".into(),
            officer: "Nguyễn Thị Hạnh".into(),
            scope: Scope::default(),
            admin_units: AdminUnitList::default_list(),
            forms: vec![],
            records: Sections { enterprise: vec![e1, e2], survey: vec![s1], ..Default::default() },
            conflicts: Sections::default(),
            aliases: BTreeMap::new(),
            unreadable: vec![],
        }
    }

    proptest::proptest! {
        /// Written a part at a time, of any size, a file is the same text as written whole,
        /// and every part but the last holds at least a part's bytes; whichever kinds hold
        /// records, in either section.
        #[test]
        fn a_body_in_parts_is_the_body_whole(part in 1usize..400, keep in proptest::collection::vec(proptest::bool::ANY, 6)) {
            let mut file = sample();
            let whole = sample();
            if !keep[0] { file.records.enterprise.clear(); }
            if !keep[1] { file.records.survey.clear(); }
            if keep[2] { file.records.survey.extend(whole.records.survey.iter().cloned().map(|mut s| { s.id = "s2".into(); s })); }
            if keep[3] { file.conflicts.enterprise = whole.records.enterprise.clone(); }
            if keep[4] { file.conflicts.survey = whole.records.survey.clone(); }
            if keep[5] { file.aliases.insert("e9".into(), "e1".into()); }
            let mut one = Vec::new();
            file.write_body(usize::MAX, &mut |p| one.push(p)).unwrap();
            proptest::prop_assert_eq!(one.len(), 1);
            let mut parts = Vec::new();
            let mut writer = BodyWriter::new(&file, part);
            while let Some(p) = writer.next_part().unwrap() {
                parts.push(p);
            }
            proptest::prop_assert!(parts[..parts.len() - 1].iter().all(|p| p.len() >= part));
            proptest::prop_assert_eq!(parts.concat(), one.concat());
            proptest::prop_assert_eq!(writer.next_part().unwrap(), None, "done stays done");
            proptest::prop_assert_eq!(parse(&file.to_text(sha256).unwrap()).unwrap(), file);
        }
    }

    #[test]
    fn a_file_round_trips_with_its_checksum_over_the_bytes_before_it() {
        let file = sample();
        let text = file.to_text(sha256).unwrap();
        let Head::V2 { body, checksum } = read_head(&text).unwrap() else { panic!("version 2") };
        assert_eq!(checksum, hex(&sha256(body.as_bytes())));
        assert!(text.ends_with(&checksum_suffix(checksum)));
        assert_eq!(parse(&text).unwrap(), file);
        // Written in parts: the same bytes.
        let mut parts = Vec::new();
        file.write_body(100, &mut |p| parts.push(p)).unwrap();
        assert!(parts.len() > 2);
        assert_eq!(parts.concat(), body);
        // White space after the file is allowed; a changed byte is caught by the checksum the caller compares.
        let spaced = format!("{text}\n");
        assert!(matches!(read_head(&spaced), Ok(Head::V2 { .. })));
        let changed = text.replace("Sen Hồng", "Sen Hông");
        let Head::V2 { body, checksum } = read_head(&changed).unwrap() else { panic!() };
        assert_ne!(hex(&sha256(body.as_bytes())), checksum);
    }

    #[test]
    fn a_version_one_backup_reads_as_everything_with_no_conflicts() {
        let v2 = sample();
        let old = ExportFile {
            format: EXPORT_FORMAT.into(),
            version: 1,
            exported_at: v2.exported_at.clone(),
            device_id: v2.device_id.clone(),
            officer: v2.officer.clone(),
            admin_units: v2.admin_units.clone(),
            enterprises: v2.records.enterprise.clone(),
            surveys: v2.records.survey.clone(),
            assessments: vec![],
            activities: vec![],
            unreadable: vec![],
        };
        let read = parse(&old.to_json().unwrap()).unwrap();
        assert_eq!(read, v2, "the same records, scope everything");
    }

    #[test]
    fn bad_files_are_refused_with_the_reason() {
        let text = sample().to_text(sha256).unwrap();
        let resum = |t: &str| {
            let Head::V2 { body, .. } = read_head(t).unwrap() else { panic!() };
            format!("{body}{}", checksum_suffix(&hex(&sha256(body.as_bytes()))))
        };
        assert_eq!(read_head(&text[..text.len() / 2]), Err(ImportError::Truncated));
        assert!(matches!(read_head("{nope"), Err(ImportError::NotJson { .. })));
        assert_eq!(read_head("[1,2]"), Err(ImportError::WrongFormat));
        assert_eq!(read_head(&text.replacen(FORMAT, "other-app", 1)), Err(ImportError::WrongFormat));
        assert_eq!(read_head(&text.replacen("\"version\":2", "\"version\":99", 1)), Err(ImportError::FutureVersion { found: 99 }));
        assert_eq!(read_head(&text.replacen(",\"checksum\"", ",\"checksum_gone\"", 1)), Err(ImportError::ChecksumMismatch));
        let twice = resum(&text.replacen("\"id\":\"e2\"", "\"id\":\"e1\"", 1));
        assert_eq!(parse(&twice), Err(ImportError::DuplicateId { kind: "enterprise".into(), id: "e1".into() }));
        let shape = resum(&text.replacen("\"name\":\"HTX Xoài Cao Lãnh\"", "\"name\":5", 1));
        let expected_shape = fault::Shape::WrongType { found: fault::JsonType::Number, expected: Some(fault::JsonType::Text) };
        assert!(matches!(parse(&shape), Err(ImportError::BadRecord { place: Some((kind, 2)), fault: RecordFault::Shape(s), at: Some(_) }) if kind == "enterprise" && s == expected_shape), "{:?}", parse(&shape));
        let words = parse(&shape).unwrap_err().message(crate::i18n::Lang::Vi);
        assert!(words.starts_with("Bản ghi doanh nghiệp thứ 2 trong tệp sai cấu trúc: có một số ở chỗ cần một đoạn chữ (dòng 1, cột "), "{words}");
        let unknown = resum(&text.replacen("\"records\":{", "\"records\":{\"widget\":[{}],", 1));
        assert_eq!(parse(&unknown), Err(ImportError::UnknownKind { kind: "widget".into() }));
        let wrong_kind = resum(&text.replacen("\"kind\":\"survey\"", "\"kind\":\"enterprise\"", 1));
        assert!(matches!(parse(&wrong_kind), Err(ImportError::BadRecord { place: Some((kind, 1)), fault: RecordFault::KindMismatch { found }, .. }) if kind == "survey" && found == "enterprise"), "{:?}", parse(&wrong_kind));
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(read_head(&deep), Err(ImportError::NotJson { .. })));
        // An id no page can have (its address would lead elsewhere), named in the reason.
        for id in ["../../x", "..", "a/b", "a\\b", "a?b", "a#b", "a%20b", " e1", "e1 ", "e\t1", "e1\n", "\u{feff}e1", "", &"x".repeat(MAX_ID_CHARS + 1)] {
            let bad = resum(&text.replacen("\"id\":\"e2\"", &format!("\"id\":{}", serde_json::to_string(id).unwrap()), 1));
            assert!(matches!(parse(&bad), Err(ImportError::BadRecord { place: Some((kind, 2)), fault: RecordFault::BadId { .. } | RecordFault::NoId, .. }) if kind == "enterprise"), "{id}: {:?}", parse(&bad));
        }
        // Every other id stays readable: any was stored before, and the page's address holds it.
        for id in ["e2", "0c9d2f4e-5b1a-4c2e-9a70-3f1e2d4c5b6a", "target-training-classes-2026-2030", "a.b_c", "doanh-nghiệp-1", "e 1", "x(1)+y", &"x".repeat(MAX_ID_CHARS)] {
            let good = resum(&text.replacen("\"id\":\"e2\"", &format!("\"id\":{}", serde_json::to_string(id).unwrap()), 1));
            assert!(parse(&good).is_ok(), "{id}: {:?}", parse(&good));
        }
        // A change time the browser's store cannot keep: refused before the preview, not when the
        // apply fails. Times it keeps, however odd, stay readable.
        let e2 = &sample().records.enterprise[1];
        let at = |ms: i64| resum(&text.replacen(&format!("\"ms\":{}", e2.updated.ms), &format!("\"ms\":{ms}"), 1));
        for ms in [i64::MAX, MAX_STAMP_MS + 1, -MAX_STAMP_MS - 1, i64::MIN] {
            assert_ne!(at(ms), resum(&text), "the time was replaced");
            assert!(matches!(parse(&at(ms)), Err(ImportError::BadRecord { fault: RecordFault::ImpossibleTime, .. })), "{ms}: {:?}", parse(&at(ms)));
        }
        for ms in [0, -1, MAX_STAMP_MS, -MAX_STAMP_MS, 253_402_300_800_000] {
            assert!(parse(&at(ms)).is_ok(), "{ms}: {:?}", parse(&at(ms)));
        }
    }

    #[test]
    fn scope_filters_by_kind_time_unit_and_date() {
        let file = sample();
        let units: HashMap<String, String> = [("e1".to_string(), "tp-sa-dec".to_string())].into_iter().collect();
        let e1 = &file.records.enterprise[0];
        let s1 = &file.records.survey[0];
        assert!(Scope::default().admits(e1, &units, 420) && Scope::default().is_everything());
        let only_surveys = Scope { kinds: vec!["survey".into()], ..Default::default() };
        assert!(!only_surveys.admits(e1, &units, 420) && only_surveys.admits(s1, &units, 420));
        let since = Scope { since: Some(e1.updated.clone()), ..Default::default() };
        assert!(!since.admits(e1, &units, 420) && since.admits(s1, &units, 420));
        let unit = Scope { units: vec!["tp-sa-dec".into()], ..Default::default() };
        assert!(unit.admits(e1, &units, 420) && unit.admits(s1, &units, 420), "a survey belongs to its enterprise's unit");
        assert!(!unit.admits(&file.records.enterprise[1], &units, 420), "no unit: not in a unit's file");
        let day = crate::format::iso_date(e1.updated.ms, 420);
        let dated = Scope { from: Some(day.clone()), to: Some(day), ..Default::default() };
        assert!(dated.admits(e1, &units, 420));
        let later = Scope { from: Some("2099-01-01".into()), ..Default::default() };
        assert!(!later.admits(e1, &units, 420));
    }

    #[test]
    fn file_names_say_who_what_and_when_in_ascii() {
        assert_eq!(file_name("Thành phố Sa Đéc", "Nguyễn Thị Hạnh", "2026-12-01T09:30", "json.gz"), "nscl-thanh-pho-sa-dec-nguyen-thi-hanh-20261201-0930.json.gz");
        assert_eq!(file_name("tinh", "", "2026-12-01T09:30", "json"), "nscl-tinh-20261201-0930.json");
        assert_eq!(file_name("<script>", "../../etc", "x", "json"), "nscl-script-etc.json");
    }
}

/// Arbitrary text and bytes never panic the reader.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::text;
    use proptest::prelude::*;

    proptest! {
        /// Any text as a record's id, and any change time: the file reads, or is refused naming
        /// the record; an id read is one a page can have, and the reason's id is cut at a character.
        #[test]
        fn any_id_or_time_is_read_or_refused_by_name(id in text(), ms in any::<i64>()) {
            let mut file = tests::sample();
            file.records.enterprise[0].id = id.clone();
            file.records.enterprise[0].updated.ms = ms;
            match parse(&file.to_text(tests::sha256).unwrap()) {
                Ok(read) => {
                    prop_assert!(is_record_id(&read.records.enterprise[0].id));
                    prop_assert!(ms.unsigned_abs() <= MAX_STAMP_MS.unsigned_abs());
                }
                Err(ImportError::BadRecord { place, fault, .. }) => {
                    prop_assert_eq!(place, Some(("enterprise".to_string(), 1)));
                    if let RecordFault::BadId { id: shown } = fault {
                        prop_assert!(id.starts_with(shown.trim_end_matches('…')));
                    }
                }
                // The same id twice (the sample's second enterprise is `e2`), or a shape serde refuses.
                Err(ImportError::DuplicateId { .. }) => prop_assert_eq!(id.as_str(), "e2"),
                Err(e) => prop_assert!(false, "{:?}", e),
            }
            let cut = shortened(&id, 40);
            prop_assert!(id.starts_with(cut.trim_end_matches('…')) && cut.trim_end_matches('…').chars().count() <= 40);
        }

        #[test]
        fn any_text_is_read_or_refused(s in text()) {
            if let Ok(Head::V2 { body, .. }) = read_head(&s) {
                prop_assert!(body.len() < s.len());
            }
            let _ = parse(&s);
        }

        #[test]
        fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            // The import's path for bytes that are neither encrypted nor gzip: UTF-8, then the reader.
            match std::str::from_utf8(&bytes) {
                Ok(s) => { let _ = parse(s); }
                Err(_) => {}
            }
            // The same bytes after a valid file's head.
            let mut framed = br#"{"format":"nscl-tracker-export","version":2,"records":"#.to_vec();
            framed.extend_from_slice(&bytes);
            if let Ok(s) = std::str::from_utf8(&framed) {
                let _ = parse(s);
            }
        }

        #[test]
        fn any_cut_or_flipped_file_is_refused_or_read_without_panic(cut in 0usize..4000, flip in 0usize..4000, byte in any::<u8>()) {
            let text = tests::sample().to_text(tests::sha256).unwrap();
            let mut bytes = text.into_bytes();
            let n = bytes.len();
            bytes[flip % n] = byte;
            bytes.truncate(cut % (n + 1));
            if let Ok(s) = std::str::from_utf8(&bytes) {
                let _ = parse(s);
            }
        }
    }
}
