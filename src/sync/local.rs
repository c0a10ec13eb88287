//! This laptop's side of sync, over any row backend (IndexedDB in the
//! browser, memory in tests): what is held, a file of it, what importing
//! files would change, the one batch that applies it, its undo, resolving
//! a conflict, and the audit log of all of these.
//!
//! Conflict copies, the audit log, enterprise aliases and the undo of the
//! last import are settings: they are few, and a setting is written in the
//! same transaction as the records (a large undo as several, `store::undo_text`).

use super::file::{Scope, SyncFile, FORMAT, VERSION};
use super::kinds::{PlanVisitor, Sections, SyncKind, KINDS};
use super::merge::Versions;
use super::plan::{Effect, KindPlan, Plans};
use crate::model::admin_unit::AdminUnitList;
use crate::model::clock::Hlc;
use crate::model::record::{Change, Record};
use crate::store::batch::{Batch, Expect, HistoryWrite, RowWrite, SettingWrite, Stale};
use crate::store::export::UnreadableRow;
use crate::store::undo_text;
use crate::store::{InstalledForm, RecordStore, Row, RowBackend, StoreError, FORMS_SETTING, UNITS_SETTING};
use serde::{Deserialize, Serialize};
use super::known::Known;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

pub const CONFLICTS_SETTING: &str = "sync_conflicts";
pub const UNDO_SETTING: &str = "sync_undo";
pub const AUDIT_SETTING: &str = "sync_audit";
pub const ALIASES_SETTING: &str = "sync_aliases";
/// The audit log keeps this many entries, the oldest dropped first.
const AUDIT_KEEP: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Export,
    Import,
    Undo,
    Resolve,
    Merge,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditFile {
    pub name: String,
    /// Hex SHA-256 of the file's text.
    pub checksum: String,
}

/// How many records of one kind an import or export touched.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditCount {
    pub kind: String,
    #[serde(default)]
    pub new: usize,
    #[serde(default)]
    pub updated: usize,
    #[serde(default)]
    pub conflicts: usize,
    #[serde(default)]
    pub deleted: usize,
    #[serde(default)]
    pub unchanged: usize,
    /// Records written to a file (exports).
    #[serde(default)]
    pub exported: usize,
}

/// One line of the audit log: who did what, when, with which files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at_ms: i64,
    pub action: AuditAction,
    pub officer: String,
    pub device_id: String,
    #[serde(default)]
    pub files: Vec<AuditFile>,
    #[serde(default)]
    pub counts: Vec<AuditCount>,
    /// Exports: who the file was for, and the clock time it was made (the next
    /// "changes since the last export to them" starts there).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recipient: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<Hlc>,
    /// A resolved record: kind and id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub record: String,
}

impl AuditEntry {
    pub fn new(action: AuditAction, change: &Change, at_ms: i64) -> AuditEntry {
        AuditEntry {
            at_ms,
            action,
            officer: change.officer.clone(),
            device_id: change.device().to_string(),
            files: Vec::new(),
            counts: Vec::new(),
            recipient: String::new(),
            exported_at: None,
            record: String::new(),
        }
    }
}

/// The audit log's entries in its stored text; none when it cannot be read (a damaged log
/// does not stop an import or an undo: it starts again from their entry).
fn audit_entries(log_text: Option<&str>) -> Vec<AuditEntry> {
    log_text.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default()
}

/// The audit log with `entry` added, as stored text.
fn with_entry(log_text: Option<&str>, entry: &AuditEntry) -> Result<String, StoreError> {
    let mut log = audit_entries(log_text);
    log.push(entry.clone());
    let drop = log.len().saturating_sub(AUDIT_KEEP);
    log.drain(..drop);
    serde_json::to_string(&log).map_err(|e| StoreError::Other(e.to_string()))
}

fn to_text<T: Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Other(e.to_string()))
}

/// A setting as it was read: its text, and that text parsed.
#[derive(Debug, Clone, PartialEq)]
struct SettingRead<T> {
    text: Option<String>,
    value: T,
}

impl<T: serde::de::DeserializeOwned> SettingRead<T> {
    async fn load<B: RowBackend>(store: &RecordStore<B>, key: &str, default: impl FnOnce() -> T) -> Result<SettingRead<T>, StoreError> {
        let text = store.get_setting(key).await?;
        let value = match &text {
            Some(t) => serde_json::from_str(t).map_err(|_| StoreError::Corrupt)?,
            None => default(),
        };
        Ok(SettingRead { text, value })
    }

    fn expect(&self) -> Expect {
        Expect::of(self.text.as_deref())
    }
}

impl<T: serde::de::DeserializeOwned + Default> SettingRead<T> {
    /// The same, reading a value that does not parse as empty (a log, which must never block sync).
    async fn load_or_default<B: RowBackend>(store: &RecordStore<B>, key: &str) -> Result<SettingRead<T>, StoreError> {
        let text = store.get_setting(key).await?;
        let value = text.as_deref().and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
        Ok(SettingRead { text, value })
    }
}

/// Everything this laptop holds that sync reads or writes, as it was when read.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub records: Sections,
    pub unreadable: Vec<UnreadableRow>,
    conflicts: SettingRead<Sections>,
    units: SettingRead<AdminUnitList>,
    forms: SettingRead<Vec<InstalledForm>>,
    aliases: SettingRead<BTreeMap<String, String>>,
    audit: SettingRead<Vec<AuditEntry>>,
    /// The hash of each record's stored text, by `kind/id`: an import writes
    /// only over what it was worked out from.
    row_hashes: HashMap<String, u64>,
    /// An import's read (`load_for_import`): the versions the page holds of the kinds it
    /// covers, which stand in for the records not read; empty when everything was read.
    known: Known,
    /// The records stored but not read (`kind/id`), of the kinds `known` covers.
    unread: HashSet<String>,
}

fn row_key(kind: &str, id: &str) -> String {
    format!("{kind}/{id}")
}

/// Every record's `kind/id`, gathered over sections.
struct RowKeys(HashSet<String>);

impl super::kinds::KindVisitor for RowKeys {
    fn visit<T: SyncKind>(&mut self, records: &[Record<T>]) {
        self.0.extend(records.iter().map(|r| row_key(T::KIND, &r.id)));
    }
}

/// Of `kind`'s stored records (`stored`: every id of it), those an import of `files` must
/// read: those a file brings a version of that `known` does not know, and every one with
/// conflict copies (the plan merges copies with their record, and copies a record
/// supersedes are dropped before the import writes them back). A kind at a time, so a
/// province's re-import has the page free between kinds (all four at once were one task of
/// 40-75 ms).
fn records_to_read(files: &[Incoming], known: &Known, copies: &Sections, kind: &str, stored: &HashSet<String>) -> BTreeSet<String> {
    struct ToRead<'a> {
        kind: &'a str,
        known: &'a Known,
        copies: HashSet<String>,
        stored: &'a HashSet<String>,
        out: BTreeSet<String>,
    }
    impl super::kinds::KindVisitor for ToRead<'_> {
        fn visit<T: SyncKind>(&mut self, records: &[Record<T>]) {
            if T::KIND != self.kind {
                return;
            }
            for r in records {
                let has_copies = || !self.copies.is_empty() && self.copies.contains(&row_key(T::KIND, &r.id));
                if self.stored.contains(&r.id) && (!self.known.knows(r) || has_copies()) {
                    self.out.insert(r.id.clone());
                }
            }
        }
    }
    let mut with_copies = RowKeys(HashSet::new());
    copies.visit(&mut with_copies);
    let mut to_read = ToRead { kind, known, copies: with_copies.0, stored, out: BTreeSet::new() };
    // Read whether a file brings them or not: copies are few.
    copies.visit(&mut to_read);
    for f in files {
        f.file.records.visit(&mut to_read);
        f.file.conflicts.visit(&mut to_read);
    }
    to_read.out
}

impl Held {
    /// Hands the records read, their conflict copies, the hashes of their texts and an
    /// import's ids not read to `parts`, to be freed a part at a time; the rest goes now.
    pub fn drop_into(self, parts: &mut crate::drop_in_parts::DropInParts) {
        self.records.drop_into(parts);
        self.conflicts.value.drop_into(parts);
        parts.add(self.row_hashes.into_iter().collect::<Vec<_>>());
        parts.add(self.unread.into_iter().collect::<Vec<_>>());
        self.known.drop_into(parts);
    }

    /// Reads what this laptop holds, a few hundred records at a time with `pause` in between.
    pub async fn load<B, P, F>(store: &RecordStore<B>, pause: P) -> Result<Held, StoreError>
    where
        B: RowBackend,
        P: Fn() -> F,
        F: std::future::Future<Output = ()>,
    {
        let conflicts = SettingRead::load(store, CONFLICTS_SETTING, Sections::default).await?;
        Held::load_reading(store, pause, conflicts, Known::default(), &HashMap::new(), HashSet::new()).await
    }

    /// What importing `files` needs of what this laptop holds: every kind `known` does
    /// not cover, read whole; of a kind it covers, only the records the files may
    /// change (a version `known` does not know of a stored record) and every one with
    /// conflict copies (`sync::known`); everything when the import log no longer reads
    /// as it did when `known` was read, before or after. Re-importing a province's file reads none
    /// of its 30,000 surveys and self-assessments. Not for an export: a covered
    /// kind is not all here.
    pub async fn load_for_import<B, P, F>(store: &RecordStore<B>, files: &[Incoming], mut known: Known, pause: P) -> Result<Held, StoreError>
    where
        B: RowBackend,
        P: Fn() -> F,
        F: std::future::Future<Output = ()>,
    {
        // An import or its undo written since the page read its copies: they may hold versions
        // the store no longer does.
        if !known.still_current(store.get_setting(AUDIT_SETTING).await?.as_deref()) {
            known = Known::default();
        }
        let conflicts = SettingRead::load(store, CONFLICTS_SETTING, Sections::default).await?;
        let mut stored: HashMap<&'static str, HashSet<String>> = HashMap::new();
        let covered: Vec<&'static str> = KINDS.iter().copied().filter(|k| known.covers(k)).collect();
        // Asked for all at once: the store works through the next kind's read while the page
        // takes in the one before (one after the other, the page waited on each). Each read
        // ends before the first failure, in kind order, is given.
        let read = crate::both::all(covered.iter().map(|kind| store.stored_ids(kind)).collect()).await;
        for (kind, ids) in covered.into_iter().zip(read) {
            let ids: HashSet<String> = ids?.into_iter().collect();
            known.keep_stored(kind, &ids);
            stored.insert(kind, ids);
            pause().await;
        }
        let mut only = HashMap::new();
        let mut unread = HashSet::new();
        for (kind, ids) in stored {
            let read = records_to_read(files, &known, &conflicts.value, kind, &ids);
            unread.extend(ids.into_iter().filter(|id| !read.contains(id)).map(|id| row_key(kind, &id)));
            only.insert(kind, read.into_iter().collect());
            pause().await;
        }
        let held = Held::load_reading(store, &pause, conflicts, known, &only, unread).await?;
        // One written while this read: read everything.
        if !held.known.is_empty() && !held.known.still_current(held.audit.text.as_deref()) {
            return Held::load(store, pause).await;
        }
        Ok(held)
    }

    /// What a file of everything needs beside the records its packs hold (`sync::pack`): the
    /// settings, the conflict copies, and the shown versions of the records with copies (a copy
    /// its record has caught up with is left out, as `load` leaves it out). Makes only
    /// `packed_file`: its `records` hold just those versions.
    pub async fn load_beside_packs<B, P, F>(store: &RecordStore<B>, pause: P) -> Result<Held, StoreError>
    where
        B: RowBackend,
        P: Fn() -> F,
        F: std::future::Future<Output = ()>,
    {
        let conflicts = SettingRead::load(store, CONFLICTS_SETTING, Sections::default).await?;
        let mut with_copies = RowKeys(HashSet::new());
        conflicts.value.visit(&mut with_copies);
        let only: HashMap<&'static str, Vec<String>> = KINDS
            .iter()
            .map(|kind| {
                let prefix = format!("{kind}/");
                (*kind, with_copies.0.iter().filter_map(|k| k.strip_prefix(&prefix)).map(str::to_string).collect())
            })
            .collect();
        Held::load_reading(store, pause, conflicts, Known::default(), &only, HashSet::new()).await
    }

    /// The file of everything (`scope` names only its recipient) around the records packs hold:
    /// its `records` empty, its rows that cannot be read `unreadable` (the packs').
    pub fn packed_file(self, scope: Scope, exported_at: Hlc, device_id: String, officer: String, unreadable: Vec<UnreadableRow>) -> SyncFile {
        debug_assert!(scope.is_everything());
        SyncFile {
            format: FORMAT.into(),
            version: VERSION,
            exported_at,
            device_id,
            officer,
            scope,
            admin_units: self.units.value,
            forms: self.forms.value,
            records: Sections::default(),
            conflicts: self.conflicts.value,
            aliases: self.aliases.value,
            unreadable,
        }
    }

    /// `load`, reading only the listed ids of the kinds in `only`.
    async fn load_reading<B, P, F>(
        store: &RecordStore<B>,
        pause: P,
        mut conflicts: SettingRead<Sections>,
        known: Known,
        only: &HashMap<&'static str, Vec<String>>,
        unread: HashSet<String>,
    ) -> Result<Held, StoreError>
    where
        B: RowBackend,
        P: Fn() -> F,
        F: std::future::Future<Output = ()>,
    {
        let mut row_hashes = HashMap::new();
        let (records, unreadable) = Sections::load(store, pause, only, &mut |kind, id, text| {
            row_hashes.insert(row_key(kind, id), crate::store::batch::text_hash(text));
        })
        .await?;
        drop_superseded_copies(&records, &mut conflicts.value);
        Ok(Held {
            records,
            unreadable,
            conflicts,
            units: SettingRead::load(store, UNITS_SETTING, AdminUnitList::default_list).await?,
            forms: SettingRead::load(store, FORMS_SETTING, Vec::new).await?,
            aliases: SettingRead::load(store, ALIASES_SETTING, BTreeMap::new).await?,
            audit: SettingRead::load_or_default(store, AUDIT_SETTING).await?,
            row_hashes,
            known,
            unread,
        })
    }

    /// Whether a readable record of `kind` with this id is stored here, or one an import's
    /// read left unread (the register, which these ask about, is always read whole).
    fn holds(&self, kind: &str, id: &str) -> bool {
        let key = row_key(kind, id);
        self.row_hashes.contains_key(&key) || self.unread.contains(&key)
    }

    /// Conflict copies kept beside the shown versions.
    pub fn conflicts(&self) -> &Sections {
        &self.conflicts.value
    }

    pub fn units(&self) -> &AdminUnitList {
        &self.units.value
    }

    pub fn audit(&self) -> &[AuditEntry] {
        &self.audit.value
    }

    fn expect_row(&self, kind: &str, id: &str) -> Expect {
        self.row_hashes.get(&row_key(kind, id)).map_or(Expect::Absent, |h| Expect::Hash(*h))
    }

    /// When the last file for `recipient` was made: a file of the changes
    /// since starts there. `None` if none was ever made for them.
    pub fn last_export_to(&self, recipient: &str) -> Option<Hlc> {
        last_export_in(&self.audit.value, recipient)
    }

    /// A file of what `scope` covers. Conflict copies travel with their
    /// records; rows this build cannot read travel only in a full backup.
    /// What an enterprise sends the department: its own record and its self-assessments,
    /// without conflict copies, aliases or anything else this device holds (a device that was
    /// an officer's once holds a whole register).
    pub fn for_result(&self, enterprise_id: &str) -> Held {
        let mut out = self.clone();
        out.records = Sections::default();
        out.records.enterprise = self.records.enterprise.iter().filter(|e| e.id == enterprise_id).cloned().collect();
        out.records.assessment = self.records.assessment.iter().filter(|a| a.payload.enterprise_id.as_deref() == Some(enterprise_id)).cloned().collect();
        out.conflicts.value = Sections::default();
        out.aliases.value = BTreeMap::new();
        out.unreadable = Vec::new();
        out
    }

    /// The file `scope` describes, made of the records held (moved, not copied: a province's
    /// copy and its drop took a fifth of a second each). Refused (`PartlyRead`) for what an
    /// import's read holds (`load_for_import`): of the kinds its `Known` covers it holds only
    /// some records, and a file made from it would leave the rest out without a word.
    pub fn export(self, scope: Scope, exported_at: Hlc, device_id: String, officer: String, offset_minutes: i32) -> Result<SyncFile, PartlyRead> {
        if !self.known.is_empty() {
            return Err(PartlyRead);
        }
        let (mut records, mut conflicts) = (self.records, self.conflicts.value);
        // Everything admits every record (and the scope's walk below costs a key a record).
        if !scope.is_everything() {
            let units: HashMap<String, String> = records.enterprise.iter().filter_map(|e| Some((e.id.clone(), e.payload.admin_unit_id.clone()?))).collect();
            // A record and its conflict copies travel together: the ids chosen are those whose
            // record, or any copy, the scope admits.
            struct Admitted<'a> {
                scope: &'a Scope,
                units: &'a HashMap<String, String>,
                offset: i32,
                ids: std::collections::HashSet<String>,
            }
            impl super::kinds::KindVisitor for Admitted<'_> {
                fn visit<T: SyncKind>(&mut self, records: &[Record<T>]) {
                    let (scope, units, offset) = (self.scope, self.units, self.offset);
                    self.ids.extend(records.iter().filter(|r| scope.admits(r, units, offset)).map(|r| row_key(T::KIND, &r.id)));
                }
            }
            let mut admitted = Admitted { scope: &scope, units: &units, offset: offset_minutes, ids: Default::default() };
            records.visit(&mut admitted);
            conflicts.visit(&mut admitted);
            struct Keep<'a>(&'a std::collections::HashSet<String>);
            impl super::kinds::KindVisitorMut for Keep<'_> {
                fn visit_mut<T: SyncKind>(&mut self, records: &mut Vec<Record<T>>) {
                    records.retain(|r| self.0.contains(&row_key(T::KIND, &r.id)));
                }
            }
            records.visit_mut(&mut Keep(&admitted.ids));
            conflicts.visit_mut(&mut Keep(&admitted.ids));
        }
        Ok(SyncFile {
            format: FORMAT.into(),
            version: VERSION,
            exported_at,
            device_id,
            officer,
            admin_units: self.units.value,
            forms: self.forms.value,
            records,
            conflicts,
            aliases: self.aliases.value,
            unreadable: if scope.is_everything() { self.unreadable } else { Vec::new() },
            scope,
        })
    }

    /// The audit entry of an export of `file`, named `name` with `checksum`.
    pub fn export_entry(file: &SyncFile, name: &str, checksum: &str, change: &Change, at_ms: i64) -> AuditEntry {
        struct Count(Vec<AuditCount>);
        impl super::kinds::KindVisitor for Count {
            fn visit<T: SyncKind>(&mut self, records: &[Record<T>]) {
                if !records.is_empty() {
                    self.0.push(AuditCount { kind: T::KIND.into(), exported: records.len(), ..Default::default() });
                }
            }
        }
        let mut c = Count(Vec::new());
        file.records.visit(&mut c);
        Held::export_entry_counted(file, c.0.into_iter().map(|c| (c.kind, c.exported)).collect(), name, checksum, change, at_ms)
    }

    /// The same, for a file whose records are counted apart (`counts`: kind, records), as a
    /// file of packs is.
    pub fn export_entry_counted(file: &SyncFile, counts: Vec<(String, usize)>, name: &str, checksum: &str, change: &Change, at_ms: i64) -> AuditEntry {
        let mut entry = AuditEntry::new(AuditAction::Export, change, at_ms);
        entry.files.push(AuditFile { name: name.into(), checksum: checksum.into() });
        entry.recipient = file.scope.recipient.trim().to_string();
        entry.exported_at = Some(file.exported_at.clone());
        entry.counts = counts.into_iter().filter(|(_, n)| *n > 0).map(|(kind, exported)| AuditCount { kind, exported, ..Default::default() }).collect();
        entry
    }
}

/// When the last file for `recipient` was made, by the log; the name is
/// matched without case or diacritics ("So KHCN" is "Sở KHCN").
pub fn last_export_in(log: &[AuditEntry], recipient: &str) -> Option<Hlc> {
    let wanted = crate::text::fold(recipient.trim());
    log.iter().rev().find(|e| e.action == AuditAction::Export && crate::text::fold(e.recipient.trim()) == wanted).and_then(|e| e.exported_at.clone())
}

/// The audit log, oldest first.
pub async fn load_audit<B: RowBackend>(store: &RecordStore<B>) -> Result<Vec<AuditEntry>, StoreError> {
    Ok(SettingRead::load_or_default(store, AUDIT_SETTING).await?.value)
}

/// A file read for import: its name, the checksum of its text, its content.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub name: String,
    pub checksum: String,
    pub file: SyncFile,
}

impl Incoming {
    /// Hands the file's records and conflict copies to `parts`, to be freed a part at a time.
    pub fn drop_into(self, parts: &mut crate::drop_in_parts::DropInParts) {
        self.file.drop_into(parts);
    }
}

/// What one file of an import brings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Something this laptop does not hold yet.
    Fresh,
    /// The same content as an earlier file of this import (by position).
    Repeat { of: usize },
    /// Only records this laptop already holds (or newer ones).
    NothingNew,
}

/// One kind's plan counted by effect.
fn count_of<T: SyncKind>(plan: &KindPlan<T>) -> AuditCount {
    AuditCount {
        kind: T::KIND.into(),
        new: plan.count(Effect::New),
        updated: plan.count(Effect::Updated),
        conflicts: plan.count(Effect::Conflict),
        deleted: plan.count(Effect::Deleted),
        unchanged: plan.unchanged,
        exported: 0,
    }
}

/// What importing some files would change, worked out against what was held.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub plans: Plans,
    pub verdicts: Vec<Verdict>,
    /// The unit list after the import, when the files bring units not held.
    pub units: Option<AdminUnitList>,
    /// Form definitions the files bring that are not installed here.
    pub forms: Vec<InstalledForm>,
    /// Enterprise aliases the files bring that are not held.
    pub aliases: BTreeMap<String, String>,
    /// Records left out because this laptop's stored copy cannot be read (it is never written over).
    pub skipped: usize,
    /// Stored rows another laptop could not read, carried by a file, that this laptop does
    /// not hold at all: kept as they are, so a restore from a backup keeps them too.
    pub unreadable: Vec<UnreadableRow>,
    /// Enterprises of result files (written by an enterprise about itself) that the register
    /// already holds under the same tax code: what they bring is filed under the register's
    /// enterprise (an alias), and their own profile is not imported over it.
    pub matched: Vec<Matched>,
    /// Enterprises of result files that no register enterprise matches: the import creates them.
    pub created: Vec<Matched>,
    files: Vec<AuditFile>,
}

/// An enterprise of a result file, and the register enterprise it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    pub file_id: String,
    pub register_id: String,
    /// The register enterprise's name (the file's, for one the import creates).
    pub name: String,
    /// The name the enterprise gave itself in the file.
    pub sent_name: String,
    pub tax_code: String,
}

#[cfg(test)]
#[test]
fn names_differ_beyond_case_accents_and_spacing() {
    let m = |name: &str, sent: &str| Matched { file_id: "f".into(), register_id: "r".into(), name: name.into(), sent_name: sent.into(), tax_code: "1400100593".into() };
    assert!(!m("Công ty TNHH Sen Hồng", "cong ty  tnhh SEN HONG ").names_differ());
    assert!(m("Hợp tác xã Sen Tháp Mười", "Công ty TNHH Thực phẩm Sa Giang Xanh").names_differ());
}

impl Matched {
    /// Whether the file names the enterprise otherwise than the register does (letter case,
    /// accents and spacing aside): the tax code may have been mistyped into another's, and
    /// the officer should look before its result is filed there.
    pub fn names_differ(&self) -> bool {
        let key = |s: &str| crate::text::fold(s).split_whitespace().collect::<Vec<_>>().join(" ");
        key(&self.name) != key(&self.sent_name)
    }
}

/// The enterprises a result file names that are not held, matched to a live register
/// enterprise by tax code. Those held already (by id or alias) merge as usual.
fn match_by_tax_code(held: &Held, file: &SyncFile) -> Vec<Matched> {
    if !file.scope.from_enterprise {
        return Vec::new();
    }
    let code_of = |code: &Option<String>| code.as_deref().and_then(|c| crate::model::tax_code::TaxCode::parse(c).ok()).map(|c| c.to_string());
    let held_ids: std::collections::HashSet<&str> = held.records.enterprise.iter().map(|e| e.id.as_str()).collect();
    file.records
        .enterprise
        .iter()
        .filter(|e| !e.deleted && !held_ids.contains(e.id.as_str()) && !held.aliases.value.contains_key(&e.id))
        .filter_map(|e| {
            let code = code_of(&e.payload.tax_code)?;
            let register = held.records.enterprise.iter().filter(|h| !h.deleted && code_of(&h.payload.tax_code).as_deref() == Some(code.as_str())).min_by(|a, b| a.id.cmp(&b.id))?;
            Some(Matched { file_id: e.id.clone(), register_id: register.id.clone(), name: register.payload.name.clone(), sent_name: e.payload.name.clone(), tax_code: code })
        })
        .collect()
}

impl Preview {
    /// Hands the planned records to `parts`, to be freed a part at a time; the rest is small.
    pub fn drop_into(self, parts: &mut crate::drop_in_parts::DropInParts) {
        self.plans.drop_into(parts);
    }

    /// Whether applying would write anything at all.
    pub fn changes_anything(&self) -> bool {
        self.plans.changes() > 0 || self.units.is_some() || !self.forms.is_empty() || !self.aliases.is_empty() || !self.unreadable.is_empty()
    }

    /// Per kind, how many records of each effect, and unchanged.
    pub fn counts(&self) -> Vec<AuditCount> {
        struct Count(Vec<AuditCount>);
        impl PlanVisitor for Count {
            fn visit<T: SyncKind>(&mut self, plan: &KindPlan<T>) {
                self.0.push(count_of(plan));
            }
        }
        let mut c = Count(Vec::new());
        self.plans.visit(&mut c);
        c.0
    }
}

/// Works out what importing `files` together would change. Nothing is written.
/// (The tests' form: the app takes turns with `preview_in_steps`.)
#[cfg(test)]
pub fn preview(held: &Held, files: &[Incoming]) -> Preview {
    // With a pause that is always ready, the steps finish in one poll.
    crate::store::tests::ready(preview_in_steps(held, files, || std::future::ready(())))
}

/// `preview`, with `pause` after each kind's plan: the page gets a turn between them.
pub async fn preview_in_steps<P, F>(held: &Held, files: &[Incoming], pause: P) -> Preview
where
    P: Fn() -> F,
    F: std::future::Future<Output = ()>,
{
    let repeat_of = |i: usize| files[..i].iter().position(|earlier| earlier.checksum == files[i].checksum);
    // Records whose row here cannot be read are left out: merging would mean writing over it.
    let quarantined: std::collections::HashSet<String> = held.unreadable.iter().map(|u| row_key(&u.kind, &u.id)).collect();
    let mut skipped = 0;
    let matched: Vec<Vec<Matched>> = files.iter().map(|f| match_by_tax_code(held, &f.file)).collect();
    // A result file's enterprise matched by an earlier import is held only as an alias: its
    // profile stays out this time too, or importing the file again would create it.
    let filed: Vec<std::collections::HashSet<String>> = files
        .iter()
        .zip(&matched)
        .map(|(f, m)| {
            let earlier = f.file.records.enterprise.iter().filter(|e| f.file.scope.from_enterprise && held.aliases.value.contains_key(&e.id) && !held.holds("enterprise", &e.id));
            earlier.map(|e| e.id.clone()).chain(m.iter().map(|m| m.file_id.clone())).collect()
        })
        .collect();
    let kept: Vec<(Sections, Sections)> = if quarantined.is_empty() && filed.iter().all(std::collections::HashSet::is_empty) {
        Vec::new()
    } else {
        files
            .iter()
            .zip(&filed)
            .map(|(f, ids)| {
                // A matched enterprise's own record stays out: the register's is the department's.
                let mut leave = quarantined.clone();
                leave.extend(ids.iter().map(|id| row_key("enterprise", id)));
                let mut left = 0;
                let records = without(&f.file.records, &leave, &mut left);
                let conflicts = without(&f.file.conflicts, &leave, &mut left);
                // Only records left out for being unreadable here count as skipped.
                skipped += left.saturating_sub(count_in(&f.file.records, ids) + count_in(&f.file.conflicts, ids));
                (records, conflicts)
            })
            .collect()
    };
    let sections_of = |i: usize| -> [&Sections; 2] {
        match kept.get(i) {
            Some((r, c)) => [r, c],
            None => [&files[i].file.records, &files[i].file.conflicts],
        }
    };
    let sections: Vec<&Sections> = (0..files.len()).filter(|&i| repeat_of(i).is_none()).flat_map(sections_of).collect();
    let plans = Plans::make(&held.records, &held.conflicts.value, &held.known, &sections, &pause).await;
    // One file alone (the usual case, and a whole province) needs no plan of its own.
    let distinct = sections.len() / 2;
    let mut verdicts = Vec::with_capacity(files.len());
    for (i, f) in files.iter().enumerate() {
        if let Some(of) = repeat_of(i) {
            verdicts.push(Verdict::Repeat { of });
            continue;
        }
        let changes = if distinct == 1 { plans.changes() } else { Plans::make(&held.records, &held.conflicts.value, &held.known, &sections_of(i), &pause).await.changes() };
        let brings_reference = f.file.admin_units.units.iter().any(|u| held.units.value.get(&u.id).is_none())
            || f.file.forms.iter().any(|form| !held.forms.value.iter().any(|h| h.source == form.source))
            || f.file.aliases.iter().any(|(k, v)| held.aliases.value.get(k).is_none_or(|h| v > h))
            || !matched[i].is_empty();
        verdicts.push(if changes == 0 && !brings_reference { Verdict::NothingNew } else { Verdict::Fresh });
    }
    let fresh = || files.iter().zip(&verdicts).filter(|(_, v)| !matches!(v, Verdict::Repeat { .. })).map(|(f, _)| f);
    let mut units = held.units.value.clone();
    for f in fresh() {
        for u in &f.file.admin_units.units {
            if units.get(&u.id).is_none() {
                units.units.push(u.clone());
            }
        }
    }
    let mut forms: Vec<InstalledForm> = Vec::new();
    for f in fresh() {
        for form in &f.file.forms {
            if !held.forms.value.iter().chain(&forms).any(|h| h.source == form.source) {
                forms.push(form.clone());
            }
        }
    }
    // Two laptops that merged one enterprise into different ones: the larger kept id wins,
    // against what is held as much as between files, so every laptop settles on one.
    let mut aliases = BTreeMap::new();
    for f in fresh() {
        for (k, v) in &f.file.aliases {
            let current = aliases.get(k).or_else(|| held.aliases.value.get(k));
            if current.is_none_or(|c| v > c) {
                aliases.insert(k.clone(), v.clone());
            }
        }
    }
    for m in matched.iter().zip(&verdicts).filter(|(_, v)| !matches!(v, Verdict::Repeat { .. })).flat_map(|(m, _)| m) {
        aliases.entry(m.file_id.clone()).or_insert_with(|| m.register_id.clone());
    }
    // Rows another laptop could not read travel on: kept here if nothing of that id is held or
    // arriving. Most files carry none, and the set of every `kind/id` held and arriving is a
    // province's 38,000 strings (30-40 ms), so it is made only for a file that does.
    let carried = fresh().any(|f| !f.file.unreadable.is_empty());
    let arriving: HashSet<String> = if carried {
        let mut ids = RowKeys(held.row_hashes.keys().cloned().collect());
        ids.0.extend(quarantined.iter().cloned());
        ids.0.extend(held.unread.iter().cloned());
        for s in &sections {
            s.visit(&mut ids);
        }
        ids.0
    } else {
        HashSet::new()
    };
    let mut unreadable: Vec<UnreadableRow> = Vec::new();
    for f in fresh() {
        for u in &f.file.unreadable {
            let key = row_key(&u.kind, &u.id);
            if KINDS.contains(&u.kind.as_str()) && !arriving.contains(&key) && !unreadable.iter().any(|x| row_key(&x.kind, &x.id) == key) {
                unreadable.push(u.clone());
            }
        }
    }
    let created = fresh()
        .filter(|f| f.file.scope.from_enterprise)
        .flat_map(|f| f.file.records.enterprise.iter())
        .filter(|e| !e.deleted && !held.holds("enterprise", &e.id) && plans.enterprise.items.iter().any(|i| i.id == e.id))
        .map(|e| Matched { file_id: e.id.clone(), register_id: e.id.clone(), name: e.payload.name.clone(), sent_name: e.payload.name.clone(), tax_code: e.payload.tax_code.clone().unwrap_or_default() })
        .collect();
    let matched_fresh = matched.into_iter().zip(&verdicts).filter(|(_, v)| !matches!(v, Verdict::Repeat { .. })).flat_map(|(m, _)| m).collect();
    Preview {
        plans,
        verdicts,
        skipped,
        unreadable,
        units: (units.units.len() != held.units.value.units.len()).then_some(units),
        forms,
        aliases,
        matched: matched_fresh,
        created,
        files: files.iter().map(|f| AuditFile { name: f.name.clone(), checksum: f.checksum.clone() }).collect(),
    }
}

/// How many enterprise records of a section have one of these ids.
fn count_in(section: &Sections, ids: &std::collections::HashSet<String>) -> usize {
    section.enterprise.iter().filter(|e| ids.contains(&e.id)).count()
}

/// A file's section without the records whose (kind, id) is in `leave`, counting them.
fn without(section: &Sections, leave: &std::collections::HashSet<String>, left: &mut usize) -> Sections {
    struct Keep<'a>(&'a std::collections::HashSet<String>, usize);
    impl super::kinds::KindVisitorMut for Keep<'_> {
        fn visit_mut<T: SyncKind>(&mut self, records: &mut Vec<Record<T>>) {
            let before = records.len();
            records.retain(|r| !self.0.contains(&row_key(T::KIND, &r.id)));
            self.1 += before - records.len();
        }
    }
    let mut kept = section.clone();
    let mut keep = Keep(leave, 0);
    kept.visit_mut(&mut keep);
    *left += keep.1;
    kept
}

/// The one batch that applies a preview: every changed record with its
/// history, the conflict copies, new reference data, the audit entry, and
/// (in the same transaction) the batch that undoes it. Each record's row and
/// summary are serialised here, about 16 µs a record, and a province's 38,021
/// took one task 0.6 s: they are made `BATCH_STEP` records at a time, with
/// `pause` (a turn of the page in the browser) between, as `Held::load` reads.
pub async fn import_batch<P, F>(held: &Held, preview: &Preview, change: &Change, at_ms: i64, history_depth: usize, pause: P) -> Result<Batch, StoreError>
where
    P: Fn() -> F,
    F: std::future::Future<Output = ()>,
{
    let mut making = ImportBatch::new(held, preview);
    while !making.step(BATCH_STEP) {
        pause().await;
    }
    making.finish(change, at_ms, history_depth)
}

/// How many records' rows `import_batch` makes between two turns of the page: 2,000
/// took 52-65 ms on a slow day's machine, so a step is a quarter of that.
const BATCH_STEP: usize = 500;

/// `import_batch`'s rows made a part at a time: `step` makes the next
/// records' rows; `finish` the rest of the batch.
pub(super) struct ImportBatch<'a> {
    held: &'a Held,
    preview: &'a Preview,
    rows: Vec<RowWrite>,
    conflicts: Sections,
    /// Records whose rows are made, in the plans' order, and how many there are.
    made: usize,
    records: usize,
    error: Option<StoreError>,
}

impl<'a> ImportBatch<'a> {
    pub(super) fn new(held: &'a Held, preview: &'a Preview) -> Self {
        struct Count(usize);
        impl PlanVisitor for Count {
            fn visit<T: SyncKind>(&mut self, plan: &KindPlan<T>) {
                self.0 += plan.items.len();
            }
        }
        let mut count = Count(0);
        preview.plans.visit(&mut count);
        ImportBatch { held, preview, rows: Vec::new(), conflicts: held.conflicts.value.clone(), made: 0, records: count.0, error: None }
    }

    /// Makes the rows of up to `limit` more records (at least one); true once every record's
    /// row is made.
    pub(super) fn step(&mut self, limit: usize) -> bool {
        let limit = limit.max(1);
        struct Part<'p, 'a> {
            batch: &'p mut ImportBatch<'a>,
            skip: usize,
            left: usize,
        }
        impl PlanVisitor for Part<'_, '_> {
            fn visit<T: SyncKind>(&mut self, plan: &KindPlan<T>) {
                if self.skip >= plan.items.len() {
                    self.skip -= plan.items.len();
                    return;
                }
                let from = std::mem::take(&mut self.skip);
                for item in plan.items[from..].iter().take(self.left) {
                    self.left -= 1;
                    let batch = &mut *self.batch;
                    // Every record the import touches is written, even when only its conflict copies
                    // change: the write carries the check that the stored row is still the one the
                    // preview read, and puts the shown version in the row whatever was stored (a
                    // local deletion of a record that had copies may have left another there).
                    // Rewriting the same text keeps no history.
                    match (Row::from_record(item.winner()), T::summary_row(item.winner())) {
                        (Ok(row), Ok(summary)) => {
                            batch.rows.push(RowWrite { kind: T::KIND.into(), id: item.id.clone(), expected: batch.held.expect_row(T::KIND, &item.id), new: Some(row), summary })
                        }
                        (Err(e), _) | (_, Err(e)) => batch.error = Some(e),
                    }
                    if let Some(copies) = batch.conflicts.of_mut::<T>() {
                        copies.retain(|c| c.id != item.id);
                        copies.extend(item.after[1..].iter().cloned());
                    }
                }
            }
        }
        let preview = self.preview;
        let mut part = Part { skip: self.made, left: limit, batch: self };
        preview.plans.visit(&mut part);
        self.made += limit - part.left;
        self.made >= self.records
    }

    /// The batch, once `step` has said every row is made.
    pub(super) fn finish(self, change: &Change, at_ms: i64, history_depth: usize) -> Result<Batch, StoreError> {
        debug_assert!(self.made >= self.records, "finished with {} of {} records' rows made", self.made, self.records);
        let ImportBatch { held, preview, mut rows, mut conflicts, error, .. } = self;
        if let Some(e) = error {
            return Err(e);
        }
        for u in &preview.unreadable {
            let row = Row { id: u.id.clone(), updated_ms: 0, keys: Default::default(), json: u.json.clone() };
            rows.push(RowWrite { kind: u.kind.clone(), id: u.id.clone(), expected: Expect::Absent, new: Some(row), summary: None });
        }
        let mut settings = Vec::new();
        sort_copies(&mut conflicts);
        if conflicts != held.conflicts.value {
            settings.push(SettingWrite { key: CONFLICTS_SETTING.into(), expected: held.conflicts.expect(), new: Some(to_text(&conflicts)?), undo: true });
        }
        if let Some(units) = &preview.units {
            settings.push(SettingWrite { key: UNITS_SETTING.into(), expected: held.units.expect(), new: Some(to_text(units)?), undo: true });
        }
        if !preview.forms.is_empty() {
            let all: Vec<InstalledForm> = held.forms.value.iter().chain(&preview.forms).cloned().collect();
            settings.push(SettingWrite { key: FORMS_SETTING.into(), expected: held.forms.expect(), new: Some(to_text(&all)?), undo: true });
        }
        if !preview.aliases.is_empty() {
            let mut all = held.aliases.value.clone();
            all.extend(preview.aliases.clone());
            settings.push(SettingWrite { key: ALIASES_SETTING.into(), expected: held.aliases.expect(), new: Some(to_text(&all)?), undo: true });
        }
        let mut entry = AuditEntry::new(AuditAction::Import, change, at_ms);
        entry.files = preview.files.clone();
        entry.counts = preview.counts();
        // The log is not undone: an undo adds its own line after this one.
        settings.push(SettingWrite { key: AUDIT_SETTING.into(), expected: held.audit.expect(), new: Some(with_entry(held.audit.text.as_deref(), &entry)?), undo: false });
        Ok(Batch { rows, settings, history: HistoryWrite::Keep(history_depth), undo_key: Some(UNDO_SETTING.into()) })
    }
}

/// Leaves out the conflict copies that the version stored now already
/// supersedes: an officer who edits or deletes a record on this laptop
/// makes a version that has seen its own earlier ones, and every other
/// laptop drops such a copy on import. Leaving them here too keeps the
/// picture the same everywhere. (The copies stay in the setting until the
/// next write of it; what is read is what counts.)
fn drop_superseded_copies(records: &Sections, copies: &mut Sections) {
    struct Drop<'a>(&'a Sections);
    impl super::kinds::KindVisitorMut for Drop<'_> {
        fn visit_mut<T: SyncKind>(&mut self, copies: &mut Vec<Record<T>>) {
            if copies.is_empty() {
                return;
            }
            let shown: HashMap<&str, &Record<T>> = self.0.of::<T>().iter().map(|r| (r.id.as_str(), r)).collect();
            // A copy whose record cannot be read here is kept: nothing supersedes it.
            copies.retain(|c| shown.get(c.id.as_str()).is_none_or(|w| !super::merge::same_or_newer(w, c)));
        }
    }
    copies.visit_mut(&mut Drop(records));
}

/// Conflict copies in one order on every laptop, whatever order they arrived in.
fn sort_copies(copies: &mut Sections) {
    struct Sort;
    impl super::kinds::KindVisitorMut for Sort {
        fn visit_mut<T: SyncKind>(&mut self, records: &mut Vec<Record<T>>) {
            crate::sort::sort_by(records, |a, b| (&a.id, &a.updated).cmp(&(&b.id, &b.updated)));
        }
    }
    copies.visit_mut(&mut Sort);
}

/// What an import's read holds (`Held::load_for_import`) makes no file: see `Held::export`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartlyRead;

/// Why the last import cannot be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoRefused {
    /// No import to undo (none yet, or it was undone already).
    Nothing,
    /// A record or setting the import wrote has changed since: undoing would lose that change.
    ChangedSince(String),
    /// Another import, export, undo or resolution was logged (another tab's, most likely)
    /// while this undo was read: the last import may be another one now.
    SyncedSince,
}

/// Whether there is an import to undo.
pub async fn can_undo<B: RowBackend>(store: &RecordStore<B>) -> Result<bool, StoreError> {
    Ok(store.get_setting(UNDO_SETTING).await?.is_some())
}

/// Puts back exactly what the last import replaced: records, their
/// history, conflict copies and reference data; the audit log says so.
/// The undo is read with `pause` (a turn of the page in the browser) between its steps.
pub async fn undo_last_import<B, P, F>(store: &RecordStore<B>, change: &Change, at_ms: i64, pause: P) -> Result<Result<(), UndoRefused>, StoreError>
where
    B: RowBackend,
    P: Fn() -> F,
    F: std::future::Future<Output = ()>,
{
    // The log first: every import writes it, so one that another tab makes while the undo
    // is read (in steps, a province's takes seconds) makes the write below refuse, rather
    // than undo the older import and drop the newer one's undo.
    let log = store.get_setting(AUDIT_SETTING).await?;
    let Some(mut batch) = undo_text::read(store, UNDO_SETTING, pause).await? else { return Ok(Err(UndoRefused::Nothing)) };
    let mut entry = AuditEntry::new(AuditAction::Undo, change, at_ms);
    // Which import it takes back (the last one, whose undo this is): its files and what it
    // changed, so the log's line says more than "undo".
    if let Some(undone) = audit_entries(log.as_deref()).into_iter().rev().find(|e| e.action == AuditAction::Import) {
        entry.files = undone.files;
        entry.counts = undone.counts;
    }
    batch.settings.push(SettingWrite { key: AUDIT_SETTING.into(), expected: Expect::of(log.as_deref()), new: Some(with_entry(log.as_deref(), &entry)?), undo: false });
    Ok(store.write_batch(&batch).await?.map_err(|Stale(what)| if what == AUDIT_SETTING { UndoRefused::SyncedSince } else { UndoRefused::ChangedSince(what) }))
}

/// One record's versions held, the shown one first, then its conflict copies.
pub async fn conflict_versions<T: SyncKind, B: RowBackend>(store: &RecordStore<B>, id: &str) -> Result<Option<Versions<T>>, StoreError> {
    Ok(versions_of::<T, B>(store, id).await?.map(|(v, _, _)| v))
}

/// Whether the record has conflict copies waiting for a person to choose.
/// Editing it meanwhile would make a version that looks as if it had seen
/// them (a version vector cannot tell), and they would be dropped unseen: the
/// app asks for the conflict to be resolved first.
pub async fn in_conflict<T: SyncKind, B: RowBackend>(store: &RecordStore<B>, id: &str) -> Result<bool, StoreError> {
    // Every save asks (a survey's autosave every second or so): the copies first, and the record
    // itself read and decoded only when one of them names it, which is rarely.
    let copies = load_conflicts(store).await?;
    if copies.of::<T>().iter().all(|c| c.id != id) {
        return Ok(false);
    }
    Ok(open_versions::<T, B>(store, id, &copies).await?.is_some())
}

/// The same, with what a write over them must expect.
async fn versions_of<T: SyncKind, B: RowBackend>(store: &RecordStore<B>, id: &str) -> Result<Option<(Versions<T>, Expect, SettingRead<Sections>)>, StoreError> {
    let Some(row) = store.get_row(T::KIND, id).await? else { return Ok(None) };
    let conflicts = SettingRead::load(store, CONFLICTS_SETTING, Sections::default).await?;
    Ok(versions_with::<T>(id, &row.json, &conflicts.value).map(|v| (v, Expect::of(Some(&row.json)), conflicts)))
}

/// The stored version `json` of record `id`, with its conflict copies among `copies`
/// (`None`: the stored text is not a record of this kind).
fn versions_with<T: SyncKind>(id: &str, json: &str, copies: &Sections) -> Option<Versions<T>> {
    let shown = crate::store::decode::<T>(json)?;
    let mut versions = Versions::new(shown);
    for copy in copies.of::<T>().iter().filter(|c| c.id == id) {
        versions.merge(copy.clone());
    }
    Some(versions)
}

/// Record `id`'s versions as stored, with its conflict copies among `copies`, when some of them
/// are still open (`None`: none are, or the record is not held or not readable).
async fn open_versions<T: SyncKind, B: RowBackend>(store: &RecordStore<B>, id: &str, copies: &Sections) -> Result<Option<Versions<T>>, StoreError> {
    let Some(row) = store.get_row(T::KIND, id).await? else { return Ok(None) };
    Ok(versions_with::<T>(id, &row.json, copies).filter(|v| !v.conflicts().is_empty()))
}

/// The records the conflict copies name, kind by kind, each once.
#[derive(Default)]
struct ConflictIds(Vec<(&'static str, String)>);

impl ConflictIds {
    fn of(copies: &Sections) -> ConflictIds {
        let mut ids = ConflictIds::default();
        copies.visit(&mut ids);
        ids
    }
}

impl super::kinds::KindVisitor for ConflictIds {
    fn visit<T: SyncKind>(&mut self, records: &[Record<T>]) {
        // Inserted one by one: collecting a set sorts, one more copy of the sort's code in the
        // first download (the navigation's conflict count runs this).
        let mut ids = std::collections::BTreeSet::new();
        for r in records {
            ids.insert(r.id.as_str());
        }
        self.0.extend(ids.into_iter().map(|id| (T::KIND, id.to_string())));
    }
}

/// Resolves a conflict with `payload` (one version's, or fields picked from
/// several): a new version that descends from every version held, so it
/// replaces them here and on every laptop that imports it. Refuses
/// (`Err(Stale)`) if the record or its copies changed since they were read.
pub async fn resolve<T: SyncKind, B: RowBackend>(store: &RecordStore<B>, id: &str, payload: T, deleted: bool, change: &Change, at_ms: i64) -> Result<Result<Record<T>, Stale>, StoreError> {
    let Some((versions, expected, conflicts)) = versions_of::<T, B>(store, id).await? else { return Ok(Err(Stale(id.to_string()))) };
    let resolved = versions.resolve(change, payload, deleted);
    let mut remaining = conflicts.value.clone();
    if let Some(copies) = remaining.of_mut::<T>() {
        copies.retain(|c| c.id != id);
    }
    let log = store.get_setting(AUDIT_SETTING).await?;
    let mut entry = AuditEntry::new(AuditAction::Resolve, change, at_ms);
    entry.record = row_key(T::KIND, id);
    let batch = Batch {
        rows: vec![RowWrite { kind: T::KIND.into(), id: id.into(), expected, new: Some(Row::from_record(&resolved)?), summary: None }],
        settings: vec![
            SettingWrite { key: CONFLICTS_SETTING.into(), expected: conflicts.expect(), new: Some(to_text(&remaining)?), undo: true },
            SettingWrite { key: AUDIT_SETTING.into(), expected: Expect::of(log.as_deref()), new: Some(with_entry(log.as_deref(), &entry)?), undo: false },
        ],
        history: HistoryWrite::Keep(store.history_depth()),
        undo_key: None,
    };
    Ok(store.write_batch(&batch).await?.map(|()| resolved))
}

/// Every kind's count of records in conflict (ids with at least one copy).
pub fn conflict_counts(conflicts: &Sections) -> Vec<(&'static str, usize)> {
    struct Count(Vec<(&'static str, usize)>);
    impl super::kinds::KindVisitor for Count {
        fn visit<T: SyncKind>(&mut self, records: &[Record<T>]) {
            self.0.push((T::KIND, crate::sort::sorted_unique(records.iter().map(|r| r.id.as_str())).len()));
        }
    }
    let mut c = Count(Vec::with_capacity(KINDS.len()));
    conflicts.visit(&mut c);
    c.0
}

/// The conflict copies as stored (for the navigation's count and the list).
pub async fn load_conflicts<B: RowBackend>(store: &RecordStore<B>) -> Result<Sections, StoreError> {
    Ok(SettingRead::load(store, CONFLICTS_SETTING, Sections::default).await?.value)
}

/// Appends an export's line to the audit log (read and written in one transaction).
pub async fn log_export<B: RowBackend>(store: &RecordStore<B>, entry: &AuditEntry) -> Result<(), StoreError> {
    let failed = std::cell::Cell::new(false);
    store
        .update_setting(AUDIT_SETTING, &|old| match with_entry(old, entry) {
            Ok(text) => Some(text),
            Err(_) => {
                failed.set(true);
                None
            }
        })
        .await?;
    if failed.get() {
        return Err(StoreError::Corrupt);
    }
    Ok(())
}

/// One version of a record in conflict, as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionView {
    pub author: String,
    pub device_id: String,
    pub updated_ms: i64,
    pub deleted: bool,
}

/// A record in conflict, as the conflicts list shows it: its versions (the
/// shown one first) and the fields on which they differ.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictView {
    pub kind: &'static str,
    pub id: String,
    pub label: String,
    pub versions: Vec<VersionView>,
    pub fields: Vec<super::diff::FieldRow>,
    /// What the person was shown: a resolution is refused if the versions held have changed since.
    pub seen: Seen,
}

/// The versions a person looked at, by version vector and stamp.
pub type Seen = Vec<(crate::model::clock::VersionVector, Hlc)>;

/// What a person sees of these versions.
pub fn versions_seen<T>(versions: &[Record<T>]) -> Seen {
    versions.iter().map(|v| (v.version.clone(), v.updated.clone())).collect()
}

/// How a person resolved a conflict.
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    /// Keep this version (by position in `ConflictView::versions`).
    Version(usize),
    /// The shown version, with each listed field taken from the version at that position.
    Fields(BTreeMap<String, usize>),
}

type LocalFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + 'a>>;

/// What the officer calls each form, by its id: its latest version's title in `lang`. A survey or
/// self-assessment is named by its enterprise and its form, not the form's id
/// (`iso9001-readiness`).
pub fn form_titles(forms: &crate::form::FormLibrary, lang: crate::i18n::Lang) -> HashMap<String, String> {
    let mut titles = HashMap::new();
    for form in forms.all() {
        if forms.latest(&form.id).is_some_and(|latest| latest.version == form.version) {
            titles.insert(form.id.clone(), form.title.get(lang).to_string());
        }
    }
    titles
}

/// Every record in conflict now, kind by kind in id order; `forms` names the forms (`form_titles`).
pub async fn open_conflicts<B: RowBackend>(store: &RecordStore<B>, forms: &HashMap<String, String>, lang: crate::i18n::Lang) -> Result<Vec<ConflictView>, StoreError> {
    let copies = load_conflicts(store).await?;
    struct View<'a, B: RowBackend> {
        store: &'a RecordStore<B>,
        copies: &'a Sections,
        forms: &'a HashMap<String, String>,
        id: String,
        lang: crate::i18n::Lang,
    }
    impl<'a, B: RowBackend> super::kinds::KindCall for View<'a, B> {
        type Out = LocalFuture<'a, Result<Option<ConflictView>, StoreError>>;
        fn call<T: SyncKind>(self) -> Self::Out {
            Box::pin(async move {
                let Some(versions) = open_versions::<T, B>(self.store, &self.id, self.copies).await? else { return Ok(None) };
                let payloads: Vec<&T> = versions.all().iter().map(|v| &v.payload).collect();
                // A survey or self-assessment is named by its enterprise.
                let enterprise = match versions.winner().payload.place() {
                    super::kinds::Place::Enterprise(Some(e)) => self.store.get::<crate::model::enterprise::Enterprise>(e).await?.map(|r| (r.id, r.payload.name)),
                    _ => None,
                };
                Ok(Some(ConflictView {
                    kind: T::KIND,
                    id: self.id.clone(),
                    label: versions.winner().payload.label(&|id| enterprise.as_ref().filter(|(e, _)| e == id).map(|(_, n)| n.clone()).or_else(|| self.forms.get(id).cloned())),
                    versions: versions.all().iter().map(version_view).collect(),
                    fields: super::diff::field_table(&payloads, self.lang),
                    seen: versions_seen(versions.all()),
                }))
            })
        }
    }
    let mut out = Vec::new();
    for (kind, id) in ConflictIds::of(&copies).0 {
        if let Some(view) = super::kinds::call_for_kind(kind, View { store, copies: &copies, forms, id, lang }) {
            out.extend(view.await?);
        }
    }
    Ok(out)
}

/// How many records are in conflict now (the navigation's count): those `open_conflicts`
/// lists, without their labels and field tables. The shell reads this on every start, and
/// that code (the field diff, the indicators' names) then stays in the Sync page's chunk.
pub async fn conflict_count<B: RowBackend>(store: &RecordStore<B>) -> Result<usize, StoreError> {
    let copies = load_conflicts(store).await?;
    struct Open<'a, B: RowBackend> {
        store: &'a RecordStore<B>,
        copies: &'a Sections,
        id: String,
    }
    impl<'a, B: RowBackend> super::kinds::KindCall for Open<'a, B> {
        type Out = LocalFuture<'a, Result<bool, StoreError>>;
        fn call<T: SyncKind>(self) -> Self::Out {
            Box::pin(async move { Ok(open_versions::<T, B>(self.store, &self.id, self.copies).await?.is_some()) })
        }
    }
    let mut count = 0;
    for (kind, id) in ConflictIds::of(&copies).0 {
        if let Some(open) = super::kinds::call_for_kind(kind, Open { store, copies: &copies, id }) {
            count += usize::from(open.await?);
        }
    }
    Ok(count)
}

/// Resolves the conflict on record `id` of `kind` as a person chose.
/// `Ok(Err(Stale))` when it changed since they looked (nothing written).
pub async fn resolve_choice<B: RowBackend>(store: &RecordStore<B>, kind: &str, id: &str, seen: &Seen, choice: Choice, change: &Change, at_ms: i64) -> Result<Result<(), Stale>, StoreError> {
    struct Resolve<'a, B: RowBackend> {
        store: &'a RecordStore<B>,
        id: &'a str,
        seen: &'a Seen,
        choice: Choice,
        change: &'a Change,
        at_ms: i64,
    }
    impl<'a, B: RowBackend> super::kinds::KindCall for Resolve<'a, B> {
        type Out = LocalFuture<'a, Result<Result<(), Stale>, StoreError>>;
        fn call<T: SyncKind>(self) -> Self::Out {
            Box::pin(async move {
                let Some(versions) = conflict_versions::<T, B>(self.store, self.id).await? else { return Ok(Err(Stale(self.id.to_string()))) };
                // Another version arrived, or someone resolved it meanwhile: the choice was made on something else.
                if versions.conflicts().is_empty() || versions_seen(versions.all()) != *self.seen {
                    return Ok(Err(Stale(self.id.to_string())));
                }
                let (payload, deleted) = match &self.choice {
                    Choice::Version(i) => match versions.all().get(*i) {
                        Some(v) => (v.payload.clone(), v.deleted),
                        None => return Ok(Err(Stale(self.id.to_string()))),
                    },
                    Choice::Fields(picks) => {
                        let payloads: Vec<&T> = versions.all().iter().map(|v| &v.payload).collect();
                        match super::diff::merge_fields(&versions.winner().payload, &payloads, picks) {
                            Some(p) => (p, versions.winner().deleted),
                            None => return Ok(Err(Stale(self.id.to_string()))),
                        }
                    }
                };
                Ok(resolve(self.store, self.id, payload, deleted, self.change, self.at_ms).await?.map(|_| ()))
            })
        }
    }
    match super::kinds::call_for_kind(kind, Resolve { store, id, seen, choice, change, at_ms }) {
        Some(f) => f.await,
        None => Ok(Err(Stale(id.to_string()))),
    }
}

/// One record an import changes, as the preview lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemView {
    pub id: String,
    pub label: String,
    pub effect: Effect,
    /// The versions compared: what is shown now and what will be (an
    /// update), or every version that will be kept (a conflict).
    pub versions: Vec<VersionView>,
    pub fields: Vec<super::diff::FieldRow>,
}

/// One kind's part of the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct KindView {
    pub kind: &'static str,
    pub count: AuditCount,
    /// The first `limit` records it changes.
    pub items: Vec<ItemView>,
    /// How many more it changes than are listed.
    pub more: usize,
}

fn version_view<T>(v: &Record<T>) -> VersionView {
    VersionView { author: v.author().to_string(), device_id: v.device_id.clone(), updated_ms: v.updated.ms, deleted: v.deleted }
}

/// The preview as the page shows it: each kind's counts and its first
/// `limit` changed records, field by field; `forms` names the forms (`form_titles`).
pub fn preview_view(preview: &Preview, held: &Held, forms: &HashMap<String, String>, lang: crate::i18n::Lang, limit: usize) -> Vec<KindView> {
    // Records about an enterprise are named by it: held here, or arriving with them.
    let mut names: HashMap<String, String> = held.records.enterprise.iter().map(|e| (e.id.clone(), e.payload.name.clone())).collect();
    names.extend(preview.plans.enterprise.items.iter().map(|i| (i.id.clone(), i.winner().payload.name.clone())));
    // An enterprise's result: its records are named by the enterprise they are filed under.
    names.extend(preview.matched.iter().chain(&preview.created).map(|m| (m.file_id.clone(), m.name.clone())));
    struct View<'a> {
        lang: crate::i18n::Lang,
        limit: usize,
        names: HashMap<String, String>,
        forms: &'a HashMap<String, String>,
        out: Vec<KindView>,
    }
    impl PlanVisitor for View<'_> {
        fn visit<T: SyncKind>(&mut self, plan: &KindPlan<T>) {
            let items = plan
                .items
                .iter()
                .take(self.limit)
                .map(|item| {
                    let compared: Vec<&Record<T>> = match item.effect {
                        Effect::Updated => item.before.first().into_iter().chain(item.after.first()).collect(),
                        Effect::Conflict => item.after.iter().collect(),
                        Effect::New | Effect::Deleted => Vec::new(),
                    };
                    let payloads: Vec<&T> = compared.iter().map(|r| &r.payload).collect();
                    ItemView {
                        id: item.id.clone(),
                        label: item.winner().payload.label(&|id| self.names.get(id).or_else(|| self.forms.get(id)).cloned()),
                        effect: item.effect,
                        versions: compared.iter().map(|r| version_view(r)).collect(),
                        fields: if payloads.len() > 1 { super::diff::field_table(&payloads, self.lang) } else { Vec::new() },
                    }
                })
                .collect();
            self.out.push(KindView {
                kind: T::KIND,
                count: count_of(plan),
                items,
                more: plan.items.len().saturating_sub(self.limit),
            });
        }
    }
    let mut v = View { lang, limit, names, forms, out: Vec::new() };
    preview.plans.visit(&mut v);
    v.out
}

/// The tax code two records of one enterprise share, written one way.
fn tax_key(code: &str) -> Option<String> {
    let key = crate::model::tax_code::TaxCode::parse(code).map(|c| c.to_string()).unwrap_or_else(|_| code.trim().to_string());
    (!key.is_empty()).then_some(key)
}

/// Enterprises that are likely one and the same: not deleted, the same
/// tax code, different ids (registered on two laptops before either saw the
/// other's). Each group is ordered by id; groups by tax code.
pub fn likely_duplicates<'a>(enterprises: impl Iterator<Item = &'a Record<crate::model::enterprise::Enterprise>>) -> Vec<Vec<&'a Record<crate::model::enterprise::Enterprise>>> {
    let mut by_code: BTreeMap<String, Vec<&Record<crate::model::enterprise::Enterprise>>> = BTreeMap::new();
    for e in enterprises.filter(|e| !e.deleted) {
        if let Some(key) = e.payload.tax_code.as_deref().and_then(tax_key) {
            by_code.entry(key).or_default().push(e);
        }
    }
    by_code
        .into_values()
        .filter(|g| g.len() > 1)
        .map(|mut g| {
            crate::sort::sort_by(&mut g, |a, b| a.id.cmp(&b.id));
            g
        })
        .collect()
}

/// How many enterprises would be likely duplicates of another after the
/// import: the preview says so, and the Sync page offers to merge them.
pub fn duplicates_after(held: &Held, preview: &Preview) -> usize {
    let incoming: HashMap<&str, &Record<crate::model::enterprise::Enterprise>> = preview.plans.enterprise.items.iter().map(|i| (i.id.as_str(), i.winner())).collect();
    let all = held.records.enterprise.iter().filter(|e| !incoming.contains_key(e.id.as_str())).chain(incoming.values().copied());
    likely_duplicates(all).iter().map(Vec::len).sum()
}

/// Merges enterprise `away` into `keep`: `keep` gets `payload` (a new
/// version), `away` is deleted, and the alias `away → keep` is recorded so
/// surveys, self-assessments and activities that name `away` follow it, on
/// every laptop that imports the result. One transaction; `Ok(Err(Stale))`
/// if either changed since read.
/// `seen` are the versions of `keep` and `away` the person compared; if
/// either changed since, nothing is written.
pub async fn merge_enterprises<B: RowBackend>(store: &RecordStore<B>, keep: &str, away: &str, seen: &Seen, payload: crate::model::enterprise::Enterprise, change: &Change, at_ms: i64) -> Result<Result<(), Stale>, StoreError> {
    use crate::model::enterprise::Enterprise;
    use crate::model::record::RecordKind;
    let (Some(keep_row), Some(away_row)) = (store.get_row(Enterprise::KIND, keep).await?, store.get_row(Enterprise::KIND, away).await?) else {
        return Ok(Err(Stale(away.to_string())));
    };
    let (Some(kept), Some(gone)) = (crate::store::decode::<Enterprise>(&keep_row.json), crate::store::decode::<Enterprise>(&away_row.json)) else {
        return Ok(Err(Stale(away.to_string())));
    };
    // `seen` is [keep, away], or [away] alone for the second and later records of a group merged
    // into one (the kept record is then this merge's own earlier result).
    let now_seen = if seen.len() == 1 { versions_seen(std::slice::from_ref(&gone)) } else { versions_seen(&[kept.clone(), gone.clone()]) };
    if keep == away || kept.deleted || gone.deleted || now_seen != *seen {
        return Ok(Err(Stale(away.to_string())));
    }
    let merged = kept.revised(change, payload);
    let tomb = gone.deleted_by(change);
    let aliases = SettingRead::load(store, ALIASES_SETTING, BTreeMap::<String, String>::new).await?;
    let mut all = aliases.value.clone();
    // Whatever pointed at the merged-away enterprise now points at the kept one.
    for target in all.values_mut() {
        if target == away {
            *target = keep.to_string();
        }
    }
    all.insert(away.to_string(), keep.to_string());
    let log = store.get_setting(AUDIT_SETTING).await?;
    let mut entry = AuditEntry::new(AuditAction::Merge, change, at_ms);
    entry.record = format!("{} ← {}", row_key(Enterprise::KIND, keep), away);
    let batch = Batch {
        rows: vec![
            RowWrite { kind: Enterprise::KIND.into(), id: keep.into(), expected: Expect::of(Some(&keep_row.json)), new: Some(Row::from_record(&merged)?), summary: None },
            RowWrite { kind: Enterprise::KIND.into(), id: away.into(), expected: Expect::of(Some(&away_row.json)), new: Some(Row::from_record(&tomb)?), summary: None },
        ],
        settings: vec![
            SettingWrite { key: ALIASES_SETTING.into(), expected: aliases.expect(), new: Some(to_text(&all)?), undo: true },
            SettingWrite { key: AUDIT_SETTING.into(), expected: Expect::of(log.as_deref()), new: Some(with_entry(log.as_deref(), &entry)?), undo: false },
        ],
        history: HistoryWrite::Keep(store.history_depth()),
        undo_key: None,
    };
    store.write_batch(&batch).await
}

/// The enterprise aliases held (merged-away id → kept id).
pub async fn load_aliases<B: RowBackend>(store: &RecordStore<B>) -> Result<BTreeMap<String, String>, StoreError> {
    Ok(SettingRead::load(store, ALIASES_SETTING, BTreeMap::new).await?.value)
}
