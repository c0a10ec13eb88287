//! Laptops exchanging files, end to end over the in-memory backend: export,
//! the file's text, parse, preview, the one-batch apply, undo, resolve.

use super::file::{self, Scope};
use super::known::Known;
use super::local::{self, Held, Incoming, UndoRefused, Verdict};
use super::plan::Effect;
use crate::model::clock::Hlc;
use crate::model::enterprise::Enterprise;
use crate::model::record::{Change, Record, RecordKind};
use crate::model::survey::Survey;
use crate::store::tests::ready;
use crate::store::{MemoryBackend, RecordStore};

pub(super) struct Laptop {
    pub device: String,
    pub backend: MemoryBackend,
    pub store: RecordStore<MemoryBackend>,
    pub clock: i64,
}

impl Laptop {
    pub fn new(device: &str) -> Laptop {
        // Undos in parts of 64 bytes: every import's undo here is stored in several.
        let backend = MemoryBackend::with_undo_parts_of(64);
        Laptop { device: device.into(), store: RecordStore::new(backend.clone()), backend, clock: 1_764_000_000_000 }
    }

    pub fn change(&mut self) -> Change {
        self.clock += 1_000;
        Change { at: Hlc { ms: self.clock, counter: 0, device: self.device.clone() }, officer: format!("Cán bộ {}", self.device) }
    }

    pub fn held(&self) -> Held {
        ready(Held::load(&self.store, || std::future::ready(()))).unwrap()
    }

    pub fn export(&mut self, scope: Scope) -> Incoming {
        let at = self.change().at;
        let file = self.held().export(scope, at, self.device.clone(), format!("Cán bộ {}", self.device), 420).unwrap();
        let text = file.to_text(file::tests::sha256).unwrap();
        let file::Head::V2 { checksum, .. } = file::read_head(&text).unwrap() else { panic!("version 2") };
        Incoming { name: format!("{}.json", self.device), checksum: checksum.to_string(), file: file::parse(&text).unwrap() }
    }

    /// What the page hands an import's read: the versions it holds, with the import log
    /// as it read, here straight from the store; of every kind but the register (the page
    /// gives three: more here tries the read on more).
    pub fn known(&self) -> Known {
        let held = self.held();
        let log = ready(self.store.get_setting(local::AUDIT_SETTING)).unwrap();
        let mut known = Known::as_of(Known::log_hash(log.as_deref()));
        known.add_kind(Survey::KIND, &held.records.survey);
        known.add_kind(crate::model::assessment::Assessment::KIND, &held.records.assessment);
        known.add_kind(crate::model::activity::Activity::KIND, &held.records.activity);
        known.add_kind(crate::model::indicator_target::IndicatorTarget::KIND, &held.records.indicator_target);
        known
    }

    /// Imports `files` as the page does: read against the versions it holds, checked
    /// against the preview of everything read.
    pub fn import(&mut self, files: &[Incoming]) -> local::Preview {
        let preview = local::preview(&self.held(), files);
        let held = ready(Held::load_for_import(&self.store, files, self.known(), || std::future::ready(()))).unwrap();
        assert_eq!(local::preview(&held, files), preview, "read against the page's versions, the same preview as read whole");
        let change = self.change();
        let batch = ready(local::import_batch(&held, &preview, &change, change.at.ms, 20, || std::future::ready(()))).unwrap();
        ready(self.store.write_batch(&batch)).unwrap().unwrap();
        preview
    }

    pub fn enterprise(&self, id: &str) -> Option<Record<Enterprise>> {
        ready(self.store.get::<Enterprise>(id)).unwrap()
    }

    pub fn put(&mut self, record: &Record<Enterprise>) {
        ready(self.store.put(record)).unwrap();
    }

    pub fn edit(&mut self, id: &str, name: &str) -> Record<Enterprise> {
        let old = self.enterprise(id).unwrap();
        let change = self.change();
        let new = old.revised(&change, Enterprise { name: name.into(), ..old.payload.clone() });
        self.put(&new);
        new
    }

    /// Deletes the record as the app does: a tombstone that has seen the version held.
    pub fn delete(&mut self, id: &str) -> Record<Enterprise> {
        let change = self.change();
        let tomb = self.enterprise(id).unwrap().deleted_by(&change);
        self.put(&tomb);
        tomb
    }

    /// What every laptop must agree on: records of every kind and the conflict copies.
    pub fn state(&self) -> (super::kinds::Sections, super::kinds::Sections) {
        let held = self.held();
        (held.records.clone(), held.conflicts().clone())
    }
}

fn new_enterprise(laptop: &mut Laptop, id: &str, name: &str) -> Record<Enterprise> {
    let change = laptop.change();
    let r = Record::new(id.into(), &change, Enterprise { name: name.into(), admin_unit_id: Some("tp-sa-dec".into()), ..Default::default() });
    laptop.put(&r);
    r
}

#[test]
fn two_laptops_exchange_edit_the_same_enterprise_resolve_and_end_identical() {
    let (mut a, mut b) = (Laptop::new("laptop-a"), Laptop::new("laptop-b"));
    for (id, name) in [("e1", "Công ty Sen Hồng"), ("e2", "HTX Xoài Cao Lãnh"), ("e3", "Cơ sở <script>alert(1)</script>")] {
        new_enterprise(&mut a, id, name);
    }
    let change = a.change();
    ready(a.store.put(&Record::new("s1".into(), &change, Survey { form_id: "nscl-survey".into(), form_version: 1, enterprise_id: "e1".into(), ..Default::default() }))).unwrap();

    let from_a = a.export(Scope::default());
    let preview = b.import(std::slice::from_ref(&from_a));
    let counts = preview.counts();
    assert_eq!((counts[0].kind.as_str(), counts[0].new, counts[1].kind.as_str(), counts[1].new), ("enterprise", 3, "survey", 1));
    assert_eq!(b.state(), a.state(), "B holds what A holds");

    // The same file again: nothing to do.
    let again = local::preview(&b.held(), std::slice::from_ref(&from_a));
    assert!(!again.changes_anything() && again.verdicts == vec![Verdict::NothingNew]);

    // Both edit e1 without seeing each other.
    b.edit("e1", "Công ty Sen Hồng (B sửa)");
    a.edit("e1", "Công ty Sen Hồng (A sửa)");
    let (from_a, from_b) = (a.export(Scope::default()), b.export(Scope::default()));
    let on_a = a.import(std::slice::from_ref(&from_b));
    let on_b = b.import(std::slice::from_ref(&from_a));
    assert_eq!(on_a.plans.enterprise.items[0].effect, Effect::Conflict);
    assert_eq!(on_b.plans.enterprise.items[0].effect, Effect::Conflict);
    assert_eq!(a.state(), b.state(), "the same winner and the same conflict copy on both");
    assert_eq!(a.enterprise("e1").unwrap().payload.name, "Công ty Sen Hồng (A sửa)", "A's edit is later");
    assert_eq!(local::conflict_counts(a.held().conflicts())[0], ("enterprise", 1));

    // A resolves, taking B's name; the resolution travels.
    let versions = ready(local::conflict_versions::<Enterprise, _>(&a.store, "e1")).unwrap().unwrap();
    let theirs = versions.conflicts()[0].payload.clone();
    let change = a.change();
    let resolved = ready(local::resolve(&a.store, "e1", theirs, false, &change, change.at.ms)).unwrap().unwrap();
    assert_eq!(resolved.payload.name, "Công ty Sen Hồng (B sửa)");
    assert_eq!(local::conflict_counts(a.held().conflicts())[0], ("enterprise", 0));
    let from_a = a.export(Scope::default());
    b.import(std::slice::from_ref(&from_a));
    let from_b = b.export(Scope::default());
    a.import(std::slice::from_ref(&from_b));
    assert_eq!(a.state(), b.state());
    assert!(a.held().conflicts().is_empty() && b.held().conflicts().is_empty());
    let actions: Vec<_> = a.held().audit().iter().map(|e| e.action).collect();
    assert_eq!(actions, vec![local::AuditAction::Import, local::AuditAction::Resolve, local::AuditAction::Import]);
}

#[test]
fn undo_restores_the_stores_byte_for_byte_and_refuses_after_a_later_edit() {
    let (mut a, mut b) = (Laptop::new("a"), Laptop::new("b"));
    new_enterprise(&mut a, "e1", "Một");
    new_enterprise(&mut a, "e2", "Hai");
    let base = a.export(Scope::default());
    b.import(&[base]);
    for i in 0..3 {
        b.edit("e1", &format!("B lần {i}")); // history on B
    }
    a.edit("e2", "Hai (A)");
    new_enterprise(&mut a, "e3", "Ba");
    a.delete("e1");
    let from_a = a.export(Scope::default());
    let without_log = |l: &Laptop| {
        let dump: serde_json::Value = serde_json::from_str(&l.backend.dump()).unwrap();
        let mut dump = dump.as_array().unwrap().clone();
        dump[1].as_object_mut().unwrap().retain(|k, _| k != local::AUDIT_SETTING && !k.starts_with(local::UNDO_SETTING));
        serde_json::to_string(&dump).unwrap()
    };
    let before = without_log(&b);
    let preview = b.import(std::slice::from_ref(&from_a));
    assert_eq!(preview.counts()[0].conflicts, 1, "B's edits of e1 against A's deletion: the edit stays shown");
    assert_eq!(b.enterprise("e1").unwrap().payload.name, "B lần 2");
    assert_ne!(without_log(&b), before);
    assert!(b.backend.dump().contains("sync_undo#part000001"), "the undo is kept in parts");
    let change = b.change();
    assert_eq!(ready(local::undo_last_import(&b.store, &change, 0, || std::future::ready(()))).unwrap(), Ok(()));
    assert_eq!(without_log(&b), before, "records, history and settings exactly as before the import");
    // The log's line for the undo names the import it took back: its file and what it changed.
    let log = ready(local::load_audit(&b.store)).unwrap();
    let (import, undo) = (&log[log.len() - 2], &log[log.len() - 1]);
    assert_eq!((import.action, undo.action), (local::AuditAction::Import, local::AuditAction::Undo));
    assert!(!undo.files.is_empty());
    assert_eq!((&undo.files, &undo.counts), (&import.files, &import.counts));
    assert_eq!(ready(local::undo_last_import(&b.store, &change, 0, || std::future::ready(()))).unwrap(), Err(UndoRefused::Nothing), "once");
    let settings: serde_json::Value = serde_json::from_str(&b.backend.dump()).unwrap();
    assert!(!settings[1].as_object().unwrap().keys().any(|k| k.starts_with(local::UNDO_SETTING)), "the undo's parts went with it");
    // Import again, edit, then undo: refused, nothing lost.
    b.import(std::slice::from_ref(&from_a));
    b.edit("e2", "B sửa sau khi nhập");
    let after_edit = without_log(&b);
    assert!(matches!(ready(local::undo_last_import(&b.store, &change, 0, || std::future::ready(()))).unwrap(), Err(UndoRefused::ChangedSince(what)) if what == "enterprise/e2"));
    assert_eq!(without_log(&b), after_edit);
}

#[test]
fn an_apply_finds_a_record_changed_since_the_preview_and_writes_nothing() {
    let (mut a, mut b) = (Laptop::new("a"), Laptop::new("b"));
    new_enterprise(&mut a, "e1", "Một");
    let file = a.export(Scope::default());
    b.import(std::slice::from_ref(&file));
    a.edit("e1", "Một (A)");
    let file = a.export(Scope::default());
    let held = b.held();
    let preview = local::preview(&held, std::slice::from_ref(&file));
    b.edit("e1", "Một (B, in another tab)");
    let dump = b.backend.dump();
    let change = b.change();
    let batch = ready(local::import_batch(&held, &preview, &change, 0, 20, || std::future::ready(()))).unwrap();
    assert_eq!(ready(b.store.write_batch(&batch)).unwrap(), Err(crate::store::batch::Stale("enterprise/e1".into())));
    assert_eq!(b.backend.dump(), dump);
}

#[test]
fn a_roll_up_of_files_marks_repeats_and_files_with_nothing_new() {
    let (mut a, mut b, mut c, mut hq) = (Laptop::new("a"), Laptop::new("b"), Laptop::new("c"), Laptop::new("hq"));
    new_enterprise(&mut a, "a1", "A một");
    new_enterprise(&mut b, "b1", "B một");
    new_enterprise(&mut c, "c1", "C một");
    let (fa, fb, fc) = (a.export(Scope::default()), b.export(Scope::default()), c.export(Scope::default()));
    hq.import(std::slice::from_ref(&fc));
    let preview = hq.import(&[fa.clone(), fb.clone(), fa.clone(), fc.clone()]);
    assert_eq!(preview.verdicts, vec![Verdict::Fresh, Verdict::Fresh, Verdict::Repeat { of: 0 }, Verdict::NothingNew]);
    assert_eq!(preview.counts()[0].new, 2);
    assert_eq!(hq.held().records.enterprise.len(), 3);
}

#[test]
fn scoped_exports_carry_only_what_changed_since_the_last_file_to_that_recipient() {
    let (mut a, mut hq) = (Laptop::new("a"), Laptop::new("hq"));
    new_enterprise(&mut a, "e1", "Một");
    new_enterprise(&mut a, "e2", "Hai");
    let scope = |held: &Held| Scope { since: held.last_export_to("Sở KHCN"), recipient: "Sở KHCN".into(), ..Default::default() };
    let first = a.export(scope(&a.held()));
    assert_eq!(first.file.records.enterprise.len(), 2);
    let entry = Held::export_entry(&first.file, &first.name, &first.checksum, &a.change(), 0);
    ready(local::log_export(&a.store, &entry)).unwrap();
    hq.import(&[first]);
    a.edit("e2", "Hai (sửa)");
    let second = a.export(scope(&a.held()));
    assert_eq!(second.file.records.enterprise.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["e2"], "only the change");
    assert_eq!(a.held().last_export_to("so khcn"), first_time(&a), "the recipient matched without diacritics or case");
    hq.import(&[second]);
    assert_eq!(hq.state().0, a.state().0);
    let only_surveys = a.export(Scope { kinds: vec!["survey".into()], ..Default::default() });
    assert!(only_surveys.file.records.is_empty());
}

fn first_time(l: &Laptop) -> Option<Hlc> {
    l.held().audit().iter().find(|e| e.action == local::AuditAction::Export).and_then(|e| e.exported_at.clone())
}

#[test]
fn a_restored_laptop_holds_exactly_what_the_backup_held() {
    let mut a = Laptop::new("a");
    new_enterprise(&mut a, "e1", "Một");
    new_enterprise(&mut a, "e2", "Hai");
    a.delete("e2");
    let backup = a.export(Scope::default());
    let mut fresh = Laptop::new("new-laptop");
    let preview = fresh.import(&[backup]);
    assert_eq!((preview.counts()[0].new, preview.counts()[0].deleted), (1, 1));
    let rows = |l: &Laptop| ready(crate::store::RowBackend::load_rows(&l.backend, "enterprise", None, None)).unwrap();
    assert_eq!(rows(&fresh), rows(&a), "the same rows, text for text");
}

#[test]
fn a_version_one_backup_imports() {
    let mut a = Laptop::new("a");
    new_enterprise(&mut a, "e1", "Một");
    let held = a.held();
    let v1 = crate::store::export::ExportFile {
        format: file::FORMAT.into(),
        version: 1,
        exported_at: a.change().at,
        device_id: "a".into(),
        officer: String::new(),
        admin_units: held.units().clone(),
        enterprises: held.records.enterprise.clone(),
        surveys: vec![],
        assessments: vec![],
        activities: vec![],
        unreadable: vec![],
    };
    let text = v1.to_json().unwrap();
    assert_eq!(file::read_head(&text), Ok(file::Head::V1));
    let mut b = Laptop::new("b");
    b.import(&[Incoming { name: "old.json".into(), checksum: "x".into(), file: file::parse(&text).unwrap() }]);
    assert_eq!(b.state(), a.state());
}

/// Three laptops edit, delete, resolve and send each other files at random.
#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use crate::model::clock::Causality;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Step {
        Create { laptop: usize, record: u8 },
        Edit { laptop: usize, record: u8 },
        Delete { laptop: usize, record: u8 },
        Send { from: usize, to: usize },
        Resolve { laptop: usize, pick_copy: bool },
        /// `first` sends its file to `second`, both change the same record (`second` deletes it
        /// when `delete`), and `second` sends its file back: `first` then holds a conflict.
        Clash { first: usize, second: usize, record: u8, delete: bool },
    }

    // Edits and files weigh twice: a conflict needs a record sent, edited on both sides and sent
    // again. Random steps alone made one a Resolve step could find in none of 88 tries, so a Clash
    // makes one on purpose, and a Resolve takes the next laptop holding one: over the 48 cases,
    // 56-68 conflicts made and 45-49 resolved in three runs. Each resolution is checked to
    // descend from every version it replaces (a `resolve` that kept only the winner's vector
    // went unnoticed before; it now fails within a second). Edits and deletions leave a record
    // in conflict alone, as the app does (`editable`).
    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            1 => (0..3usize, 0..3u8).prop_map(|(laptop, record)| Step::Create { laptop, record }),
            2 => (0..3usize, 0..3u8).prop_map(|(laptop, record)| Step::Edit { laptop, record }),
            1 => (0..3usize, 0..3u8).prop_map(|(laptop, record)| Step::Delete { laptop, record }),
            2 => (0..3usize, 0..3usize).prop_map(|(from, to)| Step::Send { from, to }),
            2 => (0..3usize, any::<bool>()).prop_map(|(laptop, pick_copy)| Step::Resolve { laptop, pick_copy }),
            1 => (0..3usize, 1..3usize, 0..3u8, any::<bool>()).prop_map(|(first, apart, record, delete)| Step::Clash { first, second: (first + apart) % 3, record, delete }),
        ]
    }

    /// `from`'s whole file imported by `to`; the same file again changes nothing, and the
    /// navigation's count is the conflicts list's length, whatever the history.
    fn send(laptops: &mut [Laptop; 3], from: usize, to: usize) -> Result<(), TestCaseError> {
        let file = laptops[from].export(Scope::default());
        laptops[to].import(std::slice::from_ref(&file));
        let again = local::preview(&laptops[to].held(), std::slice::from_ref(&file));
        prop_assert!(!again.changes_anything());
        let listed = ready(local::open_conflicts(&laptops[to].store, &Default::default(), crate::i18n::Lang::Vi)).unwrap().len();
        prop_assert_eq!(ready(local::conflict_count(&laptops[to].store)).unwrap(), listed);
        Ok(())
    }

    /// The live enterprises a person could edit or delete on `laptop`: the app refuses a record
    /// with conflict copies waiting until they are resolved (`local::in_conflict`).
    fn editable(laptop: &Laptop) -> Vec<String> {
        let live = laptop.held().records.enterprise.into_iter().filter(|r| !r.deleted);
        live.map(|r| r.id).filter(|id| !ready(local::in_conflict::<Enterprise, _>(&laptop.store, id)).unwrap()).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
        #[test]
        fn laptops_converge_lose_no_edit_and_a_file_imported_twice_changes_nothing(steps in prop::collection::vec(step(), 1..24)) {
            let mut laptops = [Laptop::new("a"), Laptop::new("b"), Laptop::new("c")];
            let mut made: Vec<Record<Enterprise>> = Vec::new();
            for (n, s) in steps.iter().enumerate() {
                match *s {
                    Step::Create { laptop, record } => {
                        // Each laptop creates its own ids; the same id on two laptops is the same record sent along.
                        let id = format!("e{laptop}-{record}");
                        if laptops[laptop].enterprise(&id).is_none() {
                            made.push(new_enterprise(&mut laptops[laptop], &id, &format!("tạo {n}")));
                        }
                    }
                    Step::Edit { laptop, record } => {
                        let l = &mut laptops[laptop];
                        if let Some(id) = editable(l).into_iter().nth(record as usize) {
                            made.push(l.edit(&id, &format!("sửa {n}")));
                        }
                    }
                    Step::Delete { laptop, record } => {
                        let l = &mut laptops[laptop];
                        if let Some(id) = editable(l).into_iter().nth(record as usize) {
                            made.push(l.delete(&id));
                        }
                    }
                    Step::Send { from, to } if from != to => send(&mut laptops, from, to)?,
                    Step::Send { .. } => {}
                    Step::Clash { first, second, record, delete } => {
                        if laptops[first].held().records.enterprise.iter().all(|r| r.deleted) {
                            made.push(new_enterprise(&mut laptops[first], &format!("e{first}-clash{n}"), &format!("tạo {n}")));
                        }
                        send(&mut laptops, first, second)?;
                        let live = editable(&laptops[first]);
                        let chosen = (!live.is_empty()).then(|| live[record as usize % live.len()].clone());
                        if let Some(id) = chosen.filter(|id| editable(&laptops[second]).contains(id)) {
                            made.push(laptops[first].edit(&id, &format!("xung đột {n}")));
                            let l = &mut laptops[second];
                            made.push(if delete { l.delete(&id) } else { l.edit(&id, &format!("xung đột khác {n}")) });
                            send(&mut laptops, second, first)?;
                            prop_assert!(laptops[first].held().conflicts().enterprise.iter().any(|c| c.id == id), "a clash leaves a conflict over {} on {}", id, first);
                        }
                    }
                    Step::Resolve { laptop, pick_copy } => {
                        // The first laptop from `laptop` on that holds a conflict.
                        let holding = (0..3).map(|k| (laptop + k) % 3).find(|&k| !laptops[k].held().conflicts().enterprise.is_empty());
                        if let Some(holding) = holding {
                            let l = &mut laptops[holding];
                            let copy = l.held().conflicts().enterprise[0].clone();
                            let versions = ready(local::conflict_versions::<Enterprise, _>(&l.store, &copy.id)).unwrap().unwrap();
                            let chosen = if pick_copy { copy.clone() } else { versions.winner().clone() };
                            let change = l.change();
                            let resolved = ready(local::resolve(&l.store, &copy.id, chosen.payload, chosen.deleted, &change, 0)).unwrap().unwrap();
                            // The resolution descends from every version held, so it replaces them on
                            // every laptop it reaches; here none is left waiting.
                            for v in versions.all() {
                                prop_assert_eq!(resolved.version.compare(&v.version), Causality::Descends);
                            }
                            prop_assert!(!ready(local::in_conflict::<Enterprise, _>(&l.store, &copy.id)).unwrap());
                            made.push(resolved);
                        }
                    }
                }
            }
            // Everyone sends everyone everything, twice round.
            for _ in 0..2 {
                for from in 0..3 {
                    for to in 0..3 {
                        if from != to {
                            let file = laptops[from].export(Scope::default());
                            laptops[to].import(std::slice::from_ref(&file));
                        }
                    }
                }
            }
            for l in &laptops {
                let listed = ready(local::open_conflicts(&l.store, &Default::default(), crate::i18n::Lang::Vi)).unwrap().len();
                prop_assert_eq!(ready(local::conflict_count(&l.store)).unwrap(), listed);
            }
            let state = laptops[0].state();
            prop_assert_eq!(&laptops[1].state(), &state);
            prop_assert_eq!(&laptops[2].state(), &state);
            // No edit lost: every version made is held, or one held was made after seeing it.
            let held: Vec<&Record<Enterprise>> = state.0.enterprise.iter().chain(state.1.enterprise.iter()).collect();
            for v in &made {
                let kept = held.iter().any(|h| h.id == v.id && (h.version == v.version || h.version.compare(&v.version) == Causality::Descends));
                prop_assert!(kept, "version of {} lost: {:?}", v.id, v.version);
            }
        }
    }
}

#[test]
fn a_conflict_is_listed_field_by_field_and_resolved_by_picking_fields() {
    let (mut a, mut b) = (Laptop::new("a"), Laptop::new("b"));
    let e = new_enterprise(&mut a, "e1", "Gốc");
    b.import(&[a.export(Scope::default())]);
    let mut theirs = e.payload.clone();
    theirs.name = "Tên của B".into();
    theirs.employees = Some(40);
    let change = b.change();
    let edited = b.enterprise("e1").unwrap().revised(&change, theirs);
    b.put(&edited);
    a.edit("e1", "Tên của A");
    a.import(&[b.export(Scope::default())]);
    let views = ready(local::open_conflicts(&a.store, &Default::default(), crate::i18n::Lang::Vi)).unwrap();
    assert_eq!(views.len(), 1);
    let v = &views[0];
    assert_eq!((v.kind, v.id.as_str(), v.versions.len()), ("enterprise", "e1", 2));
    let rows: Vec<(&str, Vec<&str>)> = v.fields.iter().map(|f| (f.label.as_str(), f.values.iter().map(String::as_str).collect())).collect();
    assert_eq!(rows, vec![("Số lao động tham gia BHXH", vec!["", "40"]), ("Tên doanh nghiệp", vec!["Tên của A", "Tên của B"])], "A's edit is later, so shown first");
    assert_eq!(ready(local::conflict_count(&a.store)).unwrap(), 1);
    let picks = [("employees".to_string(), 1usize)].into_iter().collect();
    let change = a.change();
    let stale_seen = vec![v.seen[0].clone()];
    assert!(ready(local::resolve_choice(&a.store, "enterprise", "e1", &stale_seen, local::Choice::Version(0), &change, 0)).unwrap().is_err(), "not what was shown: refused");
    ready(local::resolve_choice(&a.store, "enterprise", "e1", &v.seen, local::Choice::Fields(picks), &change, 0)).unwrap().unwrap();
    let merged = a.enterprise("e1").unwrap();
    assert_eq!((merged.payload.name.as_str(), merged.payload.employees), ("Tên của A", Some(40)));
    assert_eq!(ready(local::conflict_count(&a.store)).unwrap(), 0);
    assert!(ready(local::resolve_choice(&a.store, "enterprise", "e1", &v.seen, local::Choice::Version(0), &change, 0)).unwrap().is_err(), "resolved already: a second click writes nothing");
    assert!(ready(local::resolve_choice(&a.store, "widget", "e1", &v.seen, local::Choice::Version(0), &change, 0)).unwrap().is_err(), "an unknown kind changes nothing");
}

#[test]
fn one_enterprise_registered_on_two_laptops_is_found_merged_and_followed_everywhere() {
    let (mut a, mut b, mut c) = (Laptop::new("a"), Laptop::new("b"), Laptop::new("c"));
    let with_code = |l: &mut Laptop, id: &str, name: &str, code: &str| {
        let change = l.change();
        let r = Record::new(id.into(), &change, Enterprise { name: name.into(), tax_code: Some(code.into()), ..Default::default() });
        l.put(&r);
        r
    };
    with_code(&mut a, "ea", "Công ty Sen Hồng", "1400100593");
    with_code(&mut b, "eb", "Cty Sen Hong", "1400 100 593");
    let change = b.change();
    ready(b.store.put(&Record::new("s1".into(), &change, Survey { form_id: "f".into(), form_version: 1, enterprise_id: "eb".into(), ..Default::default() }))).unwrap();
    let from_b = b.export(Scope::default());
    let held = a.held();
    let preview = local::preview(&held, std::slice::from_ref(&from_b));
    assert_eq!(local::duplicates_after(&held, &preview), 2, "the preview says the file's enterprise is likely a duplicate");
    a.import(std::slice::from_ref(&from_b));
    let held = a.held();
    let groups = local::likely_duplicates(held.records.enterprise.iter());
    assert_eq!(groups.iter().map(|g| g.iter().map(|e| e.id.as_str()).collect::<Vec<_>>()).collect::<Vec<_>>(), vec![vec!["ea", "eb"]]);
    let change = a.change();
    let payload = a.enterprise("ea").unwrap().payload;
    let seen = local::versions_seen(&[a.enterprise("ea").unwrap(), a.enterprise("eb").unwrap()]);
    ready(local::merge_enterprises(&a.store, "ea", "eb", &seen, payload, &change, 0)).unwrap().unwrap();
    assert!(a.enterprise("eb").unwrap().deleted);
    assert!(local::likely_duplicates(a.held().records.enterprise.iter()).is_empty());
    // The merge travels: B and a third laptop hold the alias, and B's survey follows it.
    let from_a = a.export(Scope::default());
    b.import(std::slice::from_ref(&from_a));
    c.import(&[from_a]);
    for l in [&a, &b, &c] {
        let aliases = ready(local::load_aliases(&l.store)).unwrap();
        assert_eq!(aliases.get("eb").map(String::as_str), Some("ea"));
    }
    let mut survey = ready(b.store.get::<Survey>("s1")).unwrap().unwrap().payload;
    assert!(super::kinds::SyncKind::follow_aliases(&mut survey, &ready(local::load_aliases(&b.store)).unwrap()));
    assert_eq!(survey.enterprise_id, "ea");
    assert_eq!(a.state(), b.state());
}

#[test]
fn an_import_never_drops_the_version_that_should_be_shown() {
    // The review's sequence: a copy wins over a local deletion, then another laptop's deletion arrives.
    let (mut a, mut b, mut c) = (Laptop::new("a"), Laptop::new("b"), Laptop::new("c"));
    new_enterprise(&mut a, "e1", "Gốc");
    let base = a.export(Scope::default());
    b.import(std::slice::from_ref(&base));
    c.import(std::slice::from_ref(&base));
    let theirs = b.edit("e1", "B sửa");
    a.edit("e1", "A sửa sau");
    a.import(&[b.export(Scope::default())]);
    a.delete("e1");
    c.delete("e1");
    a.import(&[c.export(Scope::default())]);
    let held = a.held();
    let kept: Vec<&Record<Enterprise>> = held.records.enterprise.iter().chain(held.conflicts().enterprise.iter()).collect();
    assert!(kept.iter().any(|r| r.version == theirs.version || r.version.compare(&theirs.version) == crate::model::clock::Causality::Descends), "B's edit is still held: {kept:?}");
    assert_eq!(a.enterprise("e1").unwrap(), *held.records.enterprise.iter().find(|r| r.id == "e1").unwrap());
}

#[test]
fn laptops_that_merged_one_enterprise_differently_settle_on_one_alias() {
    let (mut a, mut b) = (Laptop::new("a"), Laptop::new("b"));
    for (id, code) in [("x", "1400100593"), ("y", "1400100593"), ("z", "1400100593")] {
        let change = a.change();
        a.put(&Record::new(id.into(), &change, Enterprise { name: id.into(), tax_code: Some(code.into()), ..Default::default() }));
    }
    b.import(&[a.export(Scope::default())]);
    let change = a.change();
    let seen = local::versions_seen(&[a.enterprise("y").unwrap(), a.enterprise("x").unwrap()]);
    ready(local::merge_enterprises(&a.store, "y", "x", &seen, a.enterprise("y").unwrap().payload, &change, 0)).unwrap().unwrap();
    let change = b.change();
    let seen = local::versions_seen(&[b.enterprise("z").unwrap(), b.enterprise("x").unwrap()]);
    ready(local::merge_enterprises(&b.store, "z", "x", &seen, b.enterprise("z").unwrap().payload, &change, 0)).unwrap().unwrap();
    for _ in 0..2 {
        let (fa, fb) = (a.export(Scope::default()), b.export(Scope::default()));
        a.import(&[fb]);
        b.import(&[fa]);
    }
    let alias = |l: &Laptop| ready(local::load_aliases(&l.store)).unwrap().get("x").cloned();
    assert_eq!((alias(&a), alias(&b)), (Some("z".to_string()), Some("z".to_string())));
    let again = local::preview(&a.held(), &[b.export(Scope::default())]);
    assert!(again.aliases.is_empty() && again.verdicts == vec![Verdict::NothingNew], "settled: {:?}", again.aliases);
}

#[test]
fn a_record_whose_stored_copy_cannot_be_read_is_skipped_and_unreadable_rows_travel() {
    let (mut a, mut b) = (Laptop::new("a"), Laptop::new("b"));
    new_enterprise(&mut a, "e1", "Một");
    new_enterprise(&mut a, "e2", "Hai");
    let broken = crate::store::Row { id: "e1".into(), updated_ms: 0, keys: Default::default(), json: "{\"id\":\"e1\",\"payload\":".into() };
    ready(crate::store::RowBackend::put_rows(&b.backend, "enterprise", vec![broken.clone()], None)).unwrap();
    let preview = b.import(&[a.export(Scope::default())]);
    assert_eq!((preview.skipped, preview.counts()[0].new), (1, 1), "e1 left out, e2 imported");
    assert_eq!(b.backend.raw_json("enterprise", "e1").as_deref(), Some(broken.json.as_str()), "the unreadable row is never written over");
    // B's full backup carries the unreadable row; a new laptop keeps it.
    let mut fresh = Laptop::new("new");
    let backup = b.export(Scope::default());
    assert_eq!(backup.file.unreadable.len(), 1);
    fresh.import(&[backup]);
    assert_eq!(fresh.backend.raw_json("enterprise", "e1").as_deref(), Some(broken.json.as_str()));
}

#[test]
fn an_unreadable_row_in_a_file_never_takes_the_place_of_a_record_held_or_arriving() {
    let (mut a, mut b) = (Laptop::new("a"), Laptop::new("b"));
    new_enterprise(&mut a, "e1", "Một");
    let from_a = a.export(Scope::default());
    let broken = crate::store::Row { id: "e1".into(), updated_ms: 0, keys: Default::default(), json: "{\"id\":\"e1\",\"payload\":".into() };
    ready(crate::store::RowBackend::put_rows(&b.backend, "enterprise", vec![broken.clone()], None)).unwrap();
    let from_b = b.export(Scope::default());
    assert_eq!(from_b.file.unreadable.len(), 1, "B's file carries its unreadable e1");
    // A laptop that holds e1, readable: the unreadable row stays out.
    let mut holder = Laptop::new("holder");
    holder.import(std::slice::from_ref(&from_a));
    assert!(local::preview(&holder.held(), std::slice::from_ref(&from_b)).unreadable.is_empty());
    holder.import(std::slice::from_ref(&from_b));
    assert!(holder.backend.raw_json("enterprise", "e1").is_some_and(|j| j != broken.json), "the readable e1 stays");
    // Both files at once on a new laptop: e1 arrives readable, so the unreadable row stays out.
    let both = Laptop::new("both");
    assert!(local::preview(&both.held(), &[from_a.clone(), from_b.clone()]).unreadable.is_empty());
    // B's file alone on a new laptop: nothing else of e1, so the row is kept.
    assert_eq!(local::preview(&Laptop::new("new").held(), &[from_b]).unreadable.len(), 1);
}

#[test]
fn an_unreadable_survey_in_a_file_never_takes_the_place_of_one_held_but_not_read() {
    // A survey the page knows is not read from the store by an import (it is held as "unread"):
    // an unreadable row of it that another laptop sends must stay out all the same.
    let (mut a, mut b) = (Laptop::new("a"), Laptop::new("b"));
    new_enterprise(&mut a, "e1", "Một");
    let change = a.change();
    ready(a.store.put(&Record::new("s1".into(), &change, Survey { form_id: "nscl-survey".into(), form_version: 1, enterprise_id: "e1".into(), ..Default::default() }))).unwrap();
    let mut holder = Laptop::new("holder");
    holder.import(&[a.export(Scope::default())]);
    let broken = crate::store::Row { id: "s1".into(), updated_ms: 0, keys: Default::default(), json: "{\"id\":\"s1\",\"payload\":".into() };
    ready(crate::store::RowBackend::put_rows(&b.backend, "survey", vec![broken.clone()], None)).unwrap();
    let from_b = b.export(Scope::default());
    assert_eq!(from_b.file.unreadable.len(), 1, "B's file carries its unreadable s1");
    // `import` reads against the page's versions (s1 unread) and checks that preview against
    // the one read whole.
    let preview = holder.import(std::slice::from_ref(&from_b));
    assert!(preview.unreadable.is_empty());
    assert!(holder.backend.raw_json("survey", "s1").is_some_and(|j| j != broken.json), "the readable s1 stays");
}

#[test]
fn a_record_and_its_conflict_copies_travel_together_in_a_scoped_file() {
    let (mut a, mut b) = (Laptop::new("a"), Laptop::new("b"));
    new_enterprise(&mut a, "e1", "Gốc");
    b.import(&[a.export(Scope::default())]);
    let theirs = b.edit("e1", "B sửa");
    a.clock = b.clock + 10_000;
    let mine = a.edit("e1", "A sửa");
    assert!(mine.updated > theirs.updated);
    a.import(&[b.export(Scope::default())]);
    // Only what changed after B's edit: A's edit is admitted, B's (its conflict copy) is not, yet it travels with it.
    let scoped = a.export(Scope { since: Some(theirs.updated.clone()), ..Default::default() });
    assert_eq!((scoped.file.records.enterprise.len(), scoped.file.conflicts.enterprise.len()), (1, 1));
    let none = a.export(Scope { since: Some(mine.updated.clone()), ..Default::default() });
    assert_eq!((none.file.records.enterprise.len(), none.file.conflicts.enterprise.len()), (0, 0));
}

#[test]
fn a_result_file_lands_under_the_register_enterprise_with_the_same_tax_code_once() {
    use crate::model::assessment::Assessment;
    // The enterprise, on its own laptop: its profile and one self-assessment.
    let mut own = Laptop::new("doanh-nghiep");
    let change = own.change();
    let me = Record::new("own-e".into(), &change, Enterprise { name: "Công ty TNHH Sen Hồng".into(), tax_code: Some("1400100593".into()), ..Default::default() });
    own.put(&me);
    let change = own.change();
    let result = Record::new("a1".into(), &change, Assessment { form_id: "five-s-readiness".into(), form_version: 1, enterprise_id: Some("own-e".into()), ..Default::default() });
    ready(own.store.put(&result)).unwrap();
    // Something else on that device (it was an officer's once) never goes into its result.
    let change = own.change();
    own.put(&Record::new("someone-else".into(), &change, Enterprise { name: "Doanh nghiệp khác".into(), ..Default::default() }));
    let whole = own.held();
    let result = whole.for_result("own-e");
    assert_eq!((result.records.enterprise.len(), result.records.assessment.len()), (1, 1));
    let at = own.change().at;
    let written = result.export(Scope { from_enterprise: true, ..Default::default() }, at, own.device.clone(), String::new(), 420).unwrap();
    let text = written.to_text(file::tests::sha256).unwrap();
    let file::Head::V2 { checksum, .. } = file::read_head(&text).unwrap() else { panic!("version 2") };
    let file = Incoming { name: "ket-qua.json".into(), checksum: checksum.to_string(), file: file::parse(&text).unwrap() };
    assert!(file.file.scope.from_enterprise);
    assert_eq!(crate::sync::result_check::check_result_file(&crate::form::FormLibrary::shipped(), &file.file), Ok(()));

    // The department holds the same enterprise under its own id, its tax code typed with a space.
    let mut dept = Laptop::new("so-khcn");
    let change = dept.change();
    dept.put(&Record::new("reg-e".into(), &change, Enterprise { name: "Cty Sen Hồng (Sở)".into(), tax_code: Some("1400 100 593".into()), ..Default::default() }));
    let preview = dept.import(std::slice::from_ref(&file));
    assert_eq!(preview.matched.len(), 1);
    assert!(preview.created.is_empty());
    assert_eq!((preview.matched[0].file_id.as_str(), preview.matched[0].register_id.as_str()), ("own-e", "reg-e"));
    // Both names go to the preview: the register's differs from the one the enterprise sent.
    assert_eq!((preview.matched[0].name.as_str(), preview.matched[0].sent_name.as_str()), ("Cty Sen Hồng (Sở)", "Công ty TNHH Sen Hồng"));
    assert!(preview.matched[0].names_differ());
    assert!(preview.plans.enterprise.items.is_empty(), "the register's record is not overwritten by the enterprise's profile");
    assert_eq!(preview.plans.assessment.count(Effect::New), 1);
    assert!(dept.enterprise("own-e").is_none());
    assert_eq!(dept.enterprise("reg-e").unwrap().payload.name, "Cty Sen Hồng (Sở)");
    let aliases = ready(local::load_aliases(&dept.store)).unwrap();
    assert_eq!(aliases.get("own-e").map(String::as_str), Some("reg-e"), "the assessment follows the alias to the register's enterprise");

    // The same file again: nothing new, nothing written.
    let before = dept.state();
    let again = local::preview(&dept.held(), std::slice::from_ref(&file));
    assert_eq!(again.verdicts, vec![Verdict::NothingNew]);
    assert!(!again.changes_anything() && again.matched.is_empty());
    assert_eq!(dept.state(), before);

    // A department without that tax code: the enterprise is created from the file.
    let mut other = Laptop::new("so-khac");
    let preview = other.import(std::slice::from_ref(&file));
    assert!(preview.matched.is_empty());
    assert_eq!(preview.plans.enterprise.count(Effect::New), 1);
    assert_eq!(preview.created.iter().map(|c| c.tax_code.as_str()).collect::<Vec<_>>(), ["1400100593"], "the preview says it creates the enterprise");
    assert_eq!(other.enterprise("own-e").unwrap().payload.tax_code.as_deref(), Some("1400100593"));

    // An officer's file is never matched this way: two officers' records of one enterprise
    // stay two until someone merges them (the duplicates panel).
    let mut officer = Laptop::new("can-bo");
    let change = officer.change();
    officer.put(&Record::new("off-e".into(), &change, Enterprise { name: "Sen Hồng".into(), tax_code: Some("1400100593".into()), ..Default::default() }));
    let officer_file = officer.export(Scope::default());
    let preview = local::preview(&dept.held(), std::slice::from_ref(&officer_file));
    assert!(preview.matched.is_empty());
    assert_eq!(preview.plans.enterprise.count(Effect::New), 1);
}

#[test]
fn an_import_batch_made_in_parts_of_any_size_is_the_batch_made_at_once() {
    let (mut a, mut b) = (Laptop::new("a"), Laptop::new("b"));
    for i in 0..5 {
        new_enterprise(&mut a, &format!("e{i}"), &format!("Doanh nghiệp {i}"));
    }
    let change = a.change();
    for i in 0..3 {
        ready(a.store.put(&Record::new(format!("s{i}"), &change, Survey { form_id: "nscl-survey".into(), form_version: 1, enterprise_id: format!("e{i}"), ..Default::default() }))).unwrap();
    }
    b.import(&[a.export(Scope::default())]);
    // A conflict (both edit e1), an update (e2), and new records of two kinds.
    b.edit("e1", "Doanh nghiệp 1 (B)");
    a.edit("e1", "Doanh nghiệp 1 (A)");
    a.edit("e2", "Doanh nghiệp 2 (A)");
    new_enterprise(&mut a, "e9", "Doanh nghiệp mới");
    let change = a.change();
    ready(a.store.put(&Record::new("s9".into(), &change, Survey { form_id: "nscl-survey".into(), form_version: 1, enterprise_id: "e9".into(), ..Default::default() }))).unwrap();
    let file = a.export(Scope::default());
    let held = b.held();
    let preview = local::preview(&held, std::slice::from_ref(&file));
    assert_eq!(preview.plans.enterprise.items.iter().filter(|i| i.effect == Effect::Conflict).count(), 1);
    let change = b.change();
    let whole = ready(local::import_batch(&held, &preview, &change, 7, 20, || std::future::ready(()))).unwrap();
    let records = whole.rows.len();
    assert!(records >= 4, "the conflict, the update and two new records: {records}");
    // Parts of 0 are taken as parts of 1.
    for size in 0..=records + 1 {
        let mut making = local::ImportBatch::new(&held, &preview);
        let mut steps = 1;
        while !making.step(size) {
            steps += 1;
        }
        assert_eq!(steps, records.div_ceil(size.max(1)), "parts of {size}: {steps} steps for {records} records");
        assert_eq!(making.finish(&change, 7, 20).unwrap(), whole, "parts of {size}");
    }
}

/// Surveys made, edited, deleted, sent between three laptops at random (one file or two at
/// once) and imports undone. Each import is also read against versions the page holds that
/// lag the store by any number of steps (a page hears of another tab's write after it is
/// stored; after an undo the page's copies are newer than the store), and must preview, and
/// make the batch, as the same files read against everything held.
#[cfg(not(target_arch = "wasm32"))]
mod page_versions {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Step {
        Create { laptop: usize, record: u8 },
        Edit { laptop: usize, record: u8 },
        Delete { laptop: usize, record: u8 },
        Send { from: usize, also: Option<usize>, to: usize, lag: usize },
        Undo { laptop: usize },
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            // Few records and many files: concurrent edits, and so conflict copies, are common.
            2 => (0..3usize, 0..2u8).prop_map(|(laptop, record)| Step::Create { laptop, record }),
            2 => (0..3usize, 0..2u8).prop_map(|(laptop, record)| Step::Edit { laptop, record }),
            1 => (0..3usize, 0..2u8).prop_map(|(laptop, record)| Step::Delete { laptop, record }),
            4 => (0..3usize, prop::option::of(0..3usize), 0..3usize, 0..8usize).prop_map(|(from, also, to, lag)| Step::Send { from, also, to, lag }),
            1 => (0..3usize).prop_map(|laptop| Step::Undo { laptop }),
        ]
    }

    fn live_survey(l: &Laptop, nth: u8) -> Option<Record<Survey>> {
        l.held().records.survey.into_iter().filter(|r| !r.deleted).nth(nth as usize)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]
        #[test]
        fn an_import_read_against_lagging_page_versions_previews_as_one_read_whole(steps in prop::collection::vec(step(), 1..30)) {
            let mut laptops = [Laptop::new("a"), Laptop::new("b"), Laptop::new("c")];
            // What each laptop's page held after each step.
            let mut pages: [Vec<Known>; 3] = Default::default();
            for (n, s) in steps.iter().enumerate() {
                match *s {
                    Step::Create { laptop, record } => {
                        let l = &mut laptops[laptop];
                        let id = format!("s{laptop}-{record}");
                        if ready(l.store.get::<Survey>(&id)).unwrap().is_none() {
                            survey_of(l, &id, "e1");
                        }
                    }
                    Step::Edit { laptop, record } => {
                        if let Some(r) = live_survey(&laptops[laptop], record) {
                            revise_survey(&mut laptops[laptop], &r.id, n);
                        }
                    }
                    Step::Delete { laptop, record } => {
                        if let Some(r) = live_survey(&laptops[laptop], record) {
                            let l = &mut laptops[laptop];
                            let tomb = r.deleted_by(&l.change());
                            ready(l.store.put(&tomb)).unwrap();
                        }
                    }
                    Step::Send { from, also, to, lag } if from != to && also != Some(to) => {
                        let files: Vec<Incoming> = std::iter::once(from).chain(also).map(|l| laptops[l].export(Scope::default())).collect();
                        let all = laptops[to].held();
                        let whole = local::preview(&all, &files);
                        let page = pages[to].iter().rev().nth(lag).cloned().unwrap_or_default();
                        let held = ready(Held::load_for_import(&laptops[to].store, &files, page, || std::future::ready(()))).unwrap();
                        let preview = local::preview(&held, &files);
                        prop_assert_eq!(&preview, &whole);
                        let change = laptops[to].change();
                        let batch = |held: &Held| ready(local::import_batch(held, &whole, &change, 0, 20, || std::future::ready(()))).unwrap();
                        prop_assert_eq!(batch(&held), batch(&all));
                        laptops[to].import(&files);
                    }
                    Step::Send { .. } => {}
                    Step::Undo { laptop } => {
                        let l = &mut laptops[laptop];
                        let change = l.change();
                        // Refused when nothing is left to undo, or a record changed since: both fine here.
                        let _ = ready(local::undo_last_import(&l.store, &change, 0, || std::future::ready(()))).unwrap();
                    }
                }
                for (page, l) in pages.iter_mut().zip(&laptops) {
                    page.push(l.known());
                }
            }
        }
    }
}

#[test]
fn a_file_imported_again_reads_none_of_the_surveys_the_page_holds_and_a_change_reads_only_its_record() {
    let (mut a, mut b) = (Laptop::new("a"), Laptop::new("b"));
    new_enterprise(&mut a, "e1", "Một");
    for i in 0..4 {
        survey_of(&mut a, &format!("s{i}"), "e1");
    }
    let file = a.export(Scope::default());
    b.import(std::slice::from_ref(&file));
    let read = |b: &Laptop, file: &Incoming| ready(Held::load_for_import(&b.store, std::slice::from_ref(file), b.known(), || std::future::ready(()))).unwrap();
    let held = read(&b, &file);
    assert!(held.records.survey.is_empty(), "none of the surveys read");
    assert_eq!(held.records.enterprise.len(), 1, "the register read whole");
    assert_eq!(local::preview(&held, std::slice::from_ref(&file)).verdicts, vec![Verdict::NothingNew]);

    revise_survey(&mut a, "s2", 3);
    let file = a.export(Scope::default());
    let held = read(&b, &file);
    assert_eq!(held.records.survey.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["s2"], "only the record the file changes");
    let preview = b.import(std::slice::from_ref(&file));
    assert_eq!(preview.plans.survey.count(Effect::Updated), 1);
    assert_eq!(preview.plans.survey.unchanged, 3);

    // Both edit s1 without seeing each other: B keeps a conflict copy. A record with copies is
    // always read (the plan merges them with it), so the same file again is still nothing new.
    revise_survey(&mut a, "s1", 5);
    revise_survey(&mut b, "s1", 6);
    let file = a.export(Scope::default());
    assert_eq!(b.import(std::slice::from_ref(&file)).plans.survey.count(Effect::Conflict), 1);
    let held = read(&b, &file);
    assert_eq!(held.records.survey.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["s1"], "the record with a copy");
    assert_eq!(local::preview(&held, std::slice::from_ref(&file)).verdicts, vec![Verdict::NothingNew]);

    // A record the page still shows but the store no longer holds (another tab's undo, say) is new again.
    let page = b.known();
    assert!(ready(crate::store::RowBackend::delete_row(&b.backend, "survey", "s3")).unwrap());
    let held = ready(Held::load_for_import(&b.store, std::slice::from_ref(&file), page, || std::future::ready(()))).unwrap();
    assert_eq!(local::preview(&held, std::slice::from_ref(&file)).plans.survey.count(Effect::New), 1);
}

fn survey_of(laptop: &mut Laptop, id: &str, enterprise: &str) -> Record<Survey> {
    let change = laptop.change();
    let r = Record::new(id.into(), &change, Survey { form_id: "nscl-survey".into(), form_version: 1, enterprise_id: enterprise.into(), ..Default::default() });
    ready(laptop.store.put(&r)).unwrap();
    r
}

fn revise_survey(laptop: &mut Laptop, id: &str, answered: usize) -> Record<Survey> {
    let old = ready(laptop.store.get::<Survey>(id)).unwrap().unwrap();
    let change = laptop.change();
    let new = old.revised(&change, Survey { answered, ..old.payload.clone() });
    ready(laptop.store.put(&new)).unwrap();
    new
}

#[test]
fn after_an_import_is_undone_the_pages_copies_are_not_taken_and_its_file_is_new_again() {
    let (mut a, mut b) = (Laptop::new("a"), Laptop::new("b"));
    new_enterprise(&mut a, "e1", "Một");
    survey_of(&mut a, "s1", "e1");
    b.import(&[a.export(Scope::default())]);
    revise_survey(&mut a, "s1", 4);
    let file = a.export(Scope::default());
    assert_eq!(b.import(std::slice::from_ref(&file)).plans.survey.count(Effect::Updated), 1);
    // The page read its copies after the import; another tab undoes it before the page hears.
    let page = b.known();
    let change = b.change();
    ready(local::undo_last_import(&b.store, &change, 0, || std::future::ready(()))).unwrap().unwrap();
    let held = ready(Held::load_for_import(&b.store, std::slice::from_ref(&file), page, || std::future::ready(()))).unwrap();
    let preview = local::preview(&held, std::slice::from_ref(&file));
    assert_eq!(preview.verdicts, vec![Verdict::Fresh]);
    assert_eq!(preview.plans.survey.count(Effect::Updated), 1, "the undone version is brought again");
}

#[test]
fn copies_their_record_supersedes_are_dropped_alike_when_the_file_does_not_bring_the_record() {
    let (mut a, mut b) = (Laptop::new("a"), Laptop::new("b"));
    new_enterprise(&mut a, "e1", "Một");
    survey_of(&mut a, "s1", "e1");
    b.import(&[a.export(Scope::default())]);
    let copy = survey_of(&mut b, "s9", "e1");
    revise_survey(&mut b, "s9", 2);
    // A copy kept from before the record moved on past it.
    let mut copies = super::kinds::Sections::default();
    copies.survey.push(copy);
    ready(crate::store::RowBackend::put_setting(&b.backend, local::CONFLICTS_SETTING, &serde_json::to_string(&copies).unwrap())).unwrap();
    // Both edit s1: the file brings a conflict, so the import writes the copies anew.
    revise_survey(&mut a, "s1", 3);
    revise_survey(&mut b, "s1", 4);
    let file = a.export(Scope::default());
    let files = std::slice::from_ref(&file);
    let all = b.held();
    let preview = local::preview(&all, files);
    let held = ready(Held::load_for_import(&b.store, files, b.known(), || std::future::ready(()))).unwrap();
    let change = b.change();
    let batch = |held: &Held| ready(local::import_batch(held, &preview, &change, 0, 20, || std::future::ready(()))).unwrap();
    assert_eq!(preview.plans.survey.count(Effect::Conflict), 1);
    assert_eq!(batch(&held), batch(&all));
    let copies_written = batch(&held).settings.into_iter().find(|w| w.key == local::CONFLICTS_SETTING).and_then(|w| w.new).unwrap();
    assert!(copies_written.contains("\"s1\"") && !copies_written.contains("\"s9\""), "the new copy written, the superseded one not: {copies_written}");
}

/// What an import's read holds of the kinds the page's versions cover is only what the file
/// may change: it makes no file, where what `Held::load` reads makes one with everything.
#[test]
fn an_import_s_partial_read_makes_no_file() {
    let (mut a, mut b) = (Laptop::new("laptop-a"), Laptop::new("laptop-b"));
    new_enterprise(&mut a, "e1", "Công ty Sen Hồng");
    survey_of(&mut a, "s1", "e1");
    b.import(&[a.export(Scope::default())]);
    survey_of(&mut b, "s2", "e1");
    let from_a = a.export(Scope::default());
    let partial = ready(Held::load_for_import(&b.store, std::slice::from_ref(&from_a), b.known(), || std::future::ready(()))).unwrap();
    assert_eq!(partial.records.survey.len(), 0, "neither survey is one the file may change");
    let at = b.change().at;
    assert_eq!(partial.export(Scope::default(), at.clone(), "laptop-b".into(), "Cán bộ B".into(), 420), Err(local::PartlyRead));
    let whole = b.held().export(Scope::default(), at, "laptop-b".into(), "Cán bộ B".into(), 420).unwrap();
    assert_eq!(whole.records.survey.len(), 2);
}

/// Another tab imports a file while this one reads the undo of the import before (in steps:
/// it is over a MiB): the undo refuses, and the newer import's undo is kept and undoes it.
#[test]
fn an_import_in_another_tab_while_the_undo_is_read_refuses_the_undo() {
    let (mut a, mut b, mut c) = (Laptop::new("a"), Laptop::new("b"), Laptop::new("c"));
    let long = "Công ty Sen Hồng ".repeat(70_000);
    new_enterprise(&mut a, "e1", &long);
    b.import(&[a.export(Scope::default())]);
    a.edit("e1", &format!("{long}(A)"));
    // Its undo holds B's earlier row of e1: over a MiB of text, read in more than one step.
    b.import(&[a.export(Scope::default())]);
    new_enterprise(&mut c, "e9", "HTX Xoài Cao Lãnh");
    let from_c = c.export(Scope::default());
    let other_tab = std::cell::RefCell::new(Laptop { device: "b".into(), backend: b.backend.clone(), store: RecordStore::new(b.backend.clone()), clock: b.clock + 1_000_000 });
    let imported = std::cell::Cell::new(false);
    let pause = || {
        if !imported.replace(true) {
            other_tab.borrow_mut().import(std::slice::from_ref(&from_c));
        }
        std::future::ready(())
    };
    let change = b.change();
    assert_eq!(ready(local::undo_last_import(&b.store, &change, 0, pause)).unwrap(), Err(UndoRefused::SyncedSince));
    assert!(imported.get(), "the other tab imported while the undo was read");
    assert_eq!(b.enterprise("e1").unwrap().payload.name, format!("{long}(A)"), "nothing undone");
    assert!(b.enterprise("e9").is_some());
    assert_eq!(ready(local::undo_last_import(&b.store, &change, 0, || std::future::ready(()))).unwrap(), Ok(()), "the newer import's undo");
    assert!(b.enterprise("e9").is_none());
    assert_eq!(b.enterprise("e1").unwrap().payload.name, format!("{long}(A)"));
}
