//! Shared state, split so each component takes only what it needs:
//! the language (`RwSignal<Lang>`), the register, the list's search state and
//! the flash message.

use crate::both::both;
use crate::i18n::{Lang, Msg};
use crate::model::admin_unit::AdminUnitList;
use crate::model::clock::{Hlc, VersionVector};
use crate::model::enterprise::Enterprise;
use crate::model::enterprise_draft::{EnterpriseDraft, Warning};
use super::list_source::ListSource;
use super::record_list::RecordList;
use crate::store::summary::SummaryOf;
use crate::sync::known::Known;
use crate::form::FormLibrary;
use crate::model::activity::Activity;
use crate::model::assessment::Assessment;
use crate::model::indicator_target::IndicatorTarget;
use crate::model::record::{Record, RecordKind};
use crate::model::survey::Survey;
use crate::model::registry::{Query, Registry};
use crate::store::{legacy, StoreError};
use crate::web::{broadcast, browser, record_store, IdbBackend, LegacyLocalStorage};
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadStatus {
    Loading,
    Ready,
    Failed(StoreError),
}

/// Why records an earlier build left in localStorage are still there.
#[derive(Debug, Clone, PartialEq)]
pub enum LegacyNotMoved {
    /// The store refused them.
    Store(StoreError),
    /// The code that moves them could not be fetched (`split_pages::legacy_mover`).
    CodeNotLoaded,
}

/// Where the shipped form definitions are: the app's build fetches them once the
/// register is on screen (`web::shipped_forms`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormsState {
    Loading,
    Ready,
    /// They could not be fetched: installed ones only, until a reload reads them.
    Unavailable,
}

/// The enterprise register and its reference data, as loaded from the store.
#[derive(Clone, Copy)]
pub struct Register {
    pub registry: RwSignal<Registry>,
    pub units: RwSignal<AdminUnitList>,
    pub status: RwSignal<LoadStatus>,
    /// Whether the register has been read whole once. A later failure (another kind that
    /// cannot be read, a newer build's schema) leaves what was read on screen; stored data that
    /// could not be opened at all (a failed upgrade) leaves it unread, never "nothing stored".
    pub register_read: RwSignal<bool>,
    /// The first read of a large register, part-way: its first part, which only the register's
    /// list shows (`listed`). Everything else waits for `registry`.
    reading: RwSignal<Option<Registry>>,
    /// Meanwhile, the register's records read so far (tombstones included) and the rows stored
    /// (unreadable ones too): what the list's note says.
    reading_progress: RwSignal<Option<(usize, usize)>>,
    /// How many stored records of each kind could not be read and are kept aside.
    quarantined: RwSignal<std::collections::BTreeMap<&'static str, usize>>,
    /// Records of an earlier build that could not be moved out of localStorage (they stay there).
    pub legacy_error: RwSignal<Option<LegacyNotMoved>>,
    /// The device clock at the last backup export.
    pub last_export: RwSignal<Option<Hlc>>,
    unexported_enterprises: Memo<(usize, Option<i64>)>,
    /// Field survey responses.
    pub surveys: RecordList<SummaryOf<Survey>>,
    /// Enterprises' self-assessments.
    pub assessments: RecordList<SummaryOf<Assessment>>,
    /// The programme's activities.
    pub activities: RecordList<Activity>,
    /// Targets the department set for the plan's indicators (Settings).
    pub targets: RecordList<IndicatorTarget>,
    /// A reload is running; another was asked for meanwhile. Reloads never overlap,
    /// so an older read can never land after a newer one.
    reloading: StoredValue<(bool, bool)>,
    /// The import log as it read (`Known::log_hash`) before the lists were last read whole,
    /// all of them; `None` while they are read, or when one could not be.
    import_log_read: StoredValue<Option<u64>>,
    /// Counts the changes made to `registry` or `units` in place (this page's
    /// saves, one enterprise read after another tab's save). A full read that
    /// one overlapped holds older data, and reads again rather than undo it.
    changes_in_place: StoredValue<u64>,
    /// The form definitions on this device: shipped, and installed from files.
    pub forms: RwSignal<FormLibrary>,
    /// Whether the shipped ones are in `forms` yet.
    pub forms_state: RwSignal<FormsState>,
    /// The code that reads the other kinds' lists, or one of their records another tab saved, could
    /// not be fetched (`split_pages::lists_reader`, `record_reloader`): they stay unread, or
    /// unshown, until a reload reads the store again.
    pub lists_unavailable: RwSignal<bool>,
    /// The code that reads enterprises stored in an older record format could not be fetched
    /// (`split_pages::older_enterprises`): the rows not in the current format stay unread, and
    /// uncounted as damaged, until a read of the register has it.
    pub older_unread: RwSignal<bool>,
    /// Another tab saved an enterprise, and the register's reading code (`split_pages::register_reading`)
    /// could not be fetched to read it: the register here is as it was (still written to, every
    /// save checks the stored version), with a banner, until a whole read has it.
    pub enterprise_change_unread: RwSignal<bool>,
    /// `forms_state` is no longer `Loading`: what waits for the definitions tracks this, so a
    /// later `Unavailable` → `Ready` (a reload after the connection came back) rebuilds nothing.
    forms_settled: Memo<bool>,
    /// A `load_forms` is running; the installed definitions a read found meanwhile (their stored
    /// setting, `None` when none are), for one more run after it.
    forms_loading: StoredValue<(bool, Option<Option<String>>)>,
    /// Installed definitions this build no longer accepts (stricter checks), with why: shown in Settings.
    pub forms_refused: RwSignal<Vec<String>>,
    /// Enterprises merged into another (merged-away id → kept id): records
    /// that name a merged-away enterprise are shown under the kept one.
    aliases: StoredValue<std::collections::BTreeMap<String, String>>,
}

#[derive(Debug)]
pub enum SaveError {
    /// The draft does not validate against the register as it is now.
    Invalid,
    /// Someone saved this record since the form opened (another tab, or a merged file).
    Conflict(Box<Record<Enterprise>>),
    /// The record was deleted since the form opened (another tab, or a merged file): here is the tombstone.
    Deleted(Box<Record<Enterprise>>),
    /// Versions from other laptops wait in the conflicts list: they are resolved first.
    InConflict,
    Store(StoreError),
}

/// The stored record moved on from the version a save started from.
fn stale(stored: Record<Enterprise>) -> SaveError {
    if stored.deleted {
        SaveError::Deleted(Box::new(stored))
    } else {
        SaveError::Conflict(Box::new(stored))
    }
}

#[derive(Debug)]
pub enum DeleteError {
    /// The record changed (or went) since the officer confirmed; nothing was deleted.
    Changed,
    /// Versions from other laptops wait in the conflicts list: they are resolved first.
    InConflict,
    Store(StoreError),
}

pub struct Saved {
    pub id: String,
    pub warnings: Vec<Warning>,
}

impl Register {
    pub fn new() -> Register {
        let last_export = RwSignal::new(browser::last_export());
        let registry = RwSignal::new(Registry::default());
        let forms_state = RwSignal::new(FormsState::Loading);
        Register {
            registry,
            units: RwSignal::new(AdminUnitList::default_list()),
            status: RwSignal::new(LoadStatus::Loading),
            register_read: RwSignal::new(false),
            reading: RwSignal::new(None),
            reading_progress: RwSignal::new(None),
            quarantined: RwSignal::new(Default::default()),
            legacy_error: RwSignal::new(None),
            last_export,
            unexported_enterprises: Memo::new(move |_| last_export.with(|last| registry.with(|r| r.unexported(last.as_ref())))),
            surveys: RecordList::new(last_export),
            assessments: RecordList::new(last_export),
            activities: RecordList::new(last_export),
            targets: RecordList::new(last_export),
            reloading: StoredValue::new((false, false)),
            import_log_read: StoredValue::new(None),
            changes_in_place: StoredValue::new(0),
            forms: RwSignal::new(FormLibrary::default()),
            forms_state,
            lists_unavailable: RwSignal::new(false),
            older_unread: RwSignal::new(false),
            enterprise_change_unread: RwSignal::new(false),
            forms_settled: Memo::new(move |_| forms_state.get() != FormsState::Loading),
            forms_loading: StoredValue::new((false, None)),
            forms_refused: RwSignal::new(Vec::new()),
            aliases: StoredValue::new(Default::default()),
        }
    }

    /// Records changed since the last export, and the wall-clock time of the oldest.
    pub fn unexported(&self) -> (usize, Option<i64>) {
        let lists = [self.unexported_enterprises.get(), self.surveys.unexported(), self.assessments.unexported(), self.activities.unexported(), self.targets.unexported()];
        lists.into_iter().fold((0, None), |(n, oldest), (m, o)| (n + m, oldest.into_iter().chain(o).min()))
    }

    /// Saves every record, tombstones included, to a JSON file the officer
    /// keeps; rows that cannot be read go in too, as they are stored. The
    /// "last export" time moves only once the file has been handed to the
    /// browser: a failure leaves it, and the reminder, as they were.
    pub async fn export_backup(self) -> Result<(), StoreError> {
        // The backup is a sync file of everything, plain JSON so it stays readable without the app.
        let packing = crate::web::sync_io::Packing { compress: false, passphrase: None };
        crate::web::sync_io::export_everything(crate::sync::file::Scope::default(), "tinh", &packing).await?;
        self.set_last_export();
        Ok(())
    }

    /// First load of the page: move records an earlier build left in
    /// localStorage into IndexedDB, then read everything.
    pub async fn start(self) {
        browser::mark("nscl-start");
        // A device that held enterprises at its last read fetches their reading code while the store
        // opens (`read_register_from_chunk` asks for it again, and gets the same load).
        if browser::register_held() {
            leptos::task::spawn_local(async {
                let _ = super::split_pages::register_reading().await;
            });
        }
        // Only a laptop an earlier build used has records there; the moving code comes with the
        // chunk of what runs after the start, fetched first then.
        if legacy::anything_to_move(&LegacyLocalStorage) {
            let not_moved = match super::split_pages::legacy_mover().await {
                Ok(migrate) => migrate().await.err().map(LegacyNotMoved::Store),
                // They stay where they are; the next start tries again.
                Err(_) => Some(LegacyNotMoved::CodeNotLoaded),
            };
            if not_moved.is_some() {
                self.legacy_error.set(not_moved);
            }
        }
        browser::mark("nscl-migrated");
        self.reload().await;
        browser::mark("nscl-loaded");
    }

    /// Reads everything from the store. Safe to call again, for example when
    /// another tab has written: calls made while one runs are gathered into
    /// one more run after it.
    pub async fn reload(self) {
        if self.reloading.with_value(|r| r.0) {
            self.reloading.update_value(|r| r.1 = true);
            return;
        }
        loop {
            self.reloading.set_value((true, false));
            self.reload_once().await;
            if !self.reloading.with_value(|r| r.1) {
                break;
            }
        }
        self.reloading.set_value((false, false));
    }

    /// Whether everything is being read again (another tab's or this page's import, say):
    /// meanwhile the page may hold versions the store no longer has.
    pub fn reading_again(&self) -> bool {
        self.reloading.with_value(|r| r.0)
    }

    /// The versions this page holds of the kinds an import's preview need not read from the
    /// store (`sync::known`): the surveys', self-assessments' and activities' (summaries
    /// carry their record's envelope), with the import log as it read before they were
    /// read whole; none while everything is read again, or after a read that failed. The
    /// register is always read whole. A kind a task (15,000 copies each).
    pub async fn known_versions(self) -> Known {
        let Some(log) = self.import_log_read.get_value() else { return Known::default() };
        let mut known = Known::as_of(log);
        if self.surveys.ready.get_untracked() && !self.reading_again() {
            self.surveys.records.with_untracked(|all| known.add_kind(Survey::KIND, all));
        }
        browser::next_task().await;
        if self.assessments.ready.get_untracked() && !self.reading_again() {
            self.assessments.records.with_untracked(|all| known.add_kind(Assessment::KIND, all));
        }
        browser::next_task().await;
        if self.activities.ready.get_untracked() && !self.reading_again() {
            self.activities.records.with_untracked(|all| known.add_kind(Activity::KIND, all));
        }
        known
    }

    /// How many stored records could not be read, all kinds together.
    pub fn quarantined_count(&self) -> usize {
        self.quarantined.with(|q| q.values().sum())
    }

    fn set_quarantined(&self, kind: &'static str, n: usize) {
        if self.quarantined.with_untracked(|q| q.get(kind).copied().unwrap_or(0) != n) {
            self.quarantined.update(|q| {
                q.insert(kind, n);
            });
        }
    }

    /// Another tab may have exported meanwhile. Only a new time is set: every
    /// "not exported" count re-walks its records when it changes.
    fn refresh_last_export(&self) {
        let last = browser::last_export();
        if self.last_export.with_untracked(|l| *l != last) {
            self.last_export.set(last);
            self.rebase_counts();
        }
    }

    /// An export was just handed over: the "not exported" counts start again from it.
    pub fn set_last_export(&self) {
        self.last_export.set(browser::last_export());
        self.rebase_counts();
    }

    fn rebase_counts(&self) {
        // Untracked: the count reads the same before and after (a walk until then), only cheaper.
        let last = self.last_export.get_untracked();
        self.registry.update_untracked(|r| r.rebase(last.as_ref()));
        self.surveys.rebase();
        self.assessments.rebase();
        self.activities.rebase();
        self.targets.rebase();
    }

    fn changed_in_place(&self) {
        self.changes_in_place.update_value(|n| *n += 1);
    }

    async fn reload_once(self) {
        let store = record_store();
        // Decoded by the definitions' installer, in the chunk of what runs after the start.
        let installed = store.load_installed_forms_raw().await.unwrap_or_default();
        // Read again while a change in place overlaps the read; from here to `registry.set` nothing awaits.
        let (units, records) = loop {
            let before = self.changes_in_place.get_value();
            let units = store.load_units().await;
            // Read in parts whenever the register is read (another tab's reference data, an import,
            // read again): in one part 13,000 enterprises held the page for half a second.
            let first_read = self.status.get_untracked() == LoadStatus::Loading;
            let records = self.read_register_from_chunk(&store, units.as_ref().ok().filter(|_| first_read)).await;
            if self.changes_in_place.get_value() == before {
                break (units, records);
            }
        };
        match (units, records) {
            (Ok(units), Ok((mut registry, unreadable))) => {
                self.units.set(units);
                // Counted during the read against the export as it was then; another tab may have exported
                // since. Rebased before it replaces the register, so the old one is not counted again first.
                registry.rebase(browser::last_export().as_ref());
                self.set_quarantined(Enterprise::KIND, unreadable);
                self.registry.set(registry);
                if self.enterprise_change_unread.get_untracked() {
                    self.enterprise_change_unread.set(false);
                }
                self.refresh_last_export();
                self.end_reading();
                // Only on a real change: an open form must not be rebuilt by a reload from another tab.
                if self.status.get_untracked() != LoadStatus::Ready {
                    self.status.set(LoadStatus::Ready);
                }
                if !self.register_read.get_untracked() {
                    self.register_read.set(true);
                }
                // The other kinds after the register is on screen (`load_lists`): at province scale
                // surveys and self-assessments are most of the data, and the enterprise list should
                // not wait for them.
                browser::mark("nscl-register-loaded");
                // Read before the lists, which follow them; unreadable aliases leave records where they are.
                if let Ok(aliases) = crate::sync::local::load_aliases(&store).await {
                    self.aliases.set_value(aliases);
                }
                // What an import's read may take the lists' copies for (`known_versions`): the log
                // every import and undo writes, read before them.
                self.import_log_read.set_value(None);
                let log = store.get_setting(crate::sync::local::AUDIT_SETTING).await.ok().map(|t| Known::log_hash(t.as_deref()));
                // Each kind is read even when another could not be; the form definitions meanwhile,
                // in a task of their own: a slow fetch of them must not hold up the next read.
                // Their reading code comes with the chunk every start-up fetches once the register is
                // read (`split_pages::lists_reader`): the first screen needs only the register's.
                let lists = async {
                    // A new laptop's first start has nothing to read: its first steps, which wait for
                    // every kind, need not wait for the chunk as well (0.8 s over "Fast 3G").
                    let empty = self.nothing_else_stored().await;
                    if empty {
                        self.lists_read_empty();
                        if self.lists_unavailable.get_untracked() {
                            self.lists_unavailable.set(false);
                        }
                    }
                    // Once what the first screen shows is decided (the first steps just now; the
                    // register's counts since its read; or, with no enterprise, the counts once the
                    // lists are read), and after the next frame is drawn.
                    self.start_loading_forms(installed);
                    if empty {
                        return true;
                    }
                    // The chunk's 25 files, asked for after the next frame (which shows the register's
                    // counts when there are enterprises; without any, the counts wait for the lists).
                    browser::after_paint().await;
                    let read = super::split_pages::lists_reader().await;
                    if self.lists_unavailable.get_untracked() != read.is_err() {
                        self.lists_unavailable.set(read.is_err());
                    }
                    match read {
                        Ok(read) => read(self).await,
                        // The banner says so; the next read of the store (a reload) tries again.
                        Err(_) => false,
                    }
                };
                if lists.await {
                    self.import_log_read.set_value(log);
                    browser::mark("nscl-records-loaded");
                }
            }
            (Err(e), _) | (_, Err(e)) => {
                // A first read that failed part-way leaves no part of the register on the list.
                self.end_reading();
                self.status.set(LoadStatus::Failed(e));
                // The definitions do not depend on the register: pages that need them still open.
                self.start_loading_forms(installed);
            }
        }
    }

    /// Whether the lists have never been read and the store holds no row of their kinds at all (not
    /// one unreadable, nor a deletion): reading them would find nothing.
    async fn nothing_else_stored(&self) -> bool {
        if [self.activities.ready, self.targets.ready, self.surveys.ready, self.assessments.ready].iter().any(|r| r.get_untracked()) {
            return false;
        }
        let store = record_store();
        for kind in [Activity::KIND, IndicatorTarget::KIND, Survey::KIND, Assessment::KIND] {
            if !matches!(store.count_rows(kind).await, Ok(0)) {
                return false;
            }
        }
        true
    }

    /// The lists read, and found empty (`nothing_else_stored`), as `load_lists` would leave them.
    fn lists_read_empty(&self) {
        self.activities.read_empty();
        browser::mark("nscl-activities-loaded");
        self.targets.read_empty();
        browser::mark("nscl-targets-loaded");
        self.surveys.read_empty();
        browser::mark("nscl-surveys-loaded");
        self.assessments.read_empty();
        browser::mark("nscl-assessments-loaded");
    }

    /// Reads the lists of the other kinds after the register, each even when another could not be
    /// read; whether all of them were.
    pub async fn load_lists(self) -> bool {
        // At province scale surveys and self-assessments take seconds each and activities a few
        // hundred milliseconds (3,000 of them). Targets are few: after the activities.
        let activities_then_targets = async {
            let activities = self.load_list(self.activities, "nscl-activities-loaded").await;
            let targets = self.load_list(self.targets, "nscl-targets-loaded").await;
            activities && targets
        };
        let surveys_and_assessments =
            both(self.load_list(self.surveys, "nscl-surveys-loaded"), self.load_list(self.assessments, "nscl-assessments-loaded"));
        // A figure waits for its kind to be read whole. A page on the activities' figures (the
        // dashboard, an officer's home), shown once the register is read, has them whole first:
        // about 350 ms sooner at 5,000 than sharing the reads' steps. Any other page, and an
        // enterprise's home (its self-assessments), reads the kinds side by side, step by step, so
        // that no list waits for another's whole read to show its first page.
        let path = browser::current_path();
        let officer = super::readiness::UserRole::stored() != Some(super::readiness::UserRole::Enterprise);
        let (activities_and_targets, (surveys, assessments)) = if officer && crate::current_page::opens_on_activities(&path) {
            let first = activities_then_targets.await;
            (first, surveys_and_assessments.await)
        } else {
            both(activities_then_targets, surveys_and_assessments).await
        };
        activities_and_targets && surveys && assessments
    }

    /// Runs `load_forms` in a task of its own, or once more after the one running.
    fn start_loading_forms(self, installed: Option<String>) {
        if self.forms_loading.with_value(|(running, _)| *running) {
            self.forms_loading.update_value(|(_, again)| *again = Some(installed));
            return;
        }
        self.forms_loading.set_value((true, None));
        leptos::task::spawn_local(async move {
            // The register's read is drawn first: asking for 16 files and a chunk's takes the
            // page itself tens of milliseconds.
            browser::after_paint().await;
            let mut next = Some(installed);
            while let Some(installed) = next {
                self.load_forms(installed.as_deref()).await;
                next = self.forms_loading.try_update_value(|(_, again)| again.take()).flatten();
            }
            self.forms_loading.set_value((false, None));
        });
    }

    /// Puts the shipped form definitions in the library the first time (fetched: they are
    /// not in the first download, nor is the code that checks them), then every definition
    /// installed on this device (by a coordinator, or another tab since the last read) that
    /// is not there yet.
    async fn load_forms(self, installed: Option<&str>) {
        let fetch = async {
            if self.forms.with_untracked(FormLibrary::has_shipped) {
                None
            } else {
                Some(crate::web::shipped_forms::load().await)
            }
        };
        let (shipped, installer) = both(fetch, super::split_pages::form_installer()).await;
        let Ok(install) = installer else {
            // The banner says so; the next read of the store (a reload) tries again.
            if shipped.is_some() {
                self.forms_state.set(FormsState::Unavailable);
            }
            return;
        };
        // Read after the awaits: a definition installed meanwhile stays, after the shipped ones.
        let mut forms = self.forms.get_untracked();
        let before = forms.all().len();
        let fetched = shipped.as_ref().and_then(|s| s.as_ref().ok()).map(Vec::as_slice);
        let (refused, shipped_in) = match install(&mut forms, fetched, installed) {
            Ok(refused) => (refused, fetched.is_some()),
            Err(broken) => (broken, false),
        };
        if self.forms_refused.with_untracked(|r| *r != refused) {
            self.forms_refused.set(refused);
        }
        if forms.all().len() != before || shipped_in {
            self.forms.set(forms);
        }
        if shipped.is_some() {
            self.forms_state.set(if shipped_in { FormsState::Ready } else { FormsState::Unavailable });
        }
    }

    /// Waits until `forms_settled`, for what reads a form outside a view (checking an
    /// imported result file) and must not find the library still without the shipped ones.
    /// From the service worker's cache they take milliseconds; the wait looks every 20 ms.
    pub async fn wait_for_forms(self) {
        while !self.forms_settled_now() {
            browser::after_ms(20).await;
        }
    }

    /// Whether the form definitions are in, or known not to come: what needs a form
    /// (opening a survey, starting one) waits for this, not for the register alone.
    pub fn forms_settled(&self) -> bool {
        self.forms_settled.get()
    }

    /// Whether the first screen the start leads to can be drawn: the register read and holding
    /// enterprises (their counts), or the other kinds read as well (a device with none shows its
    /// first steps), or known not to come (their code missing: its banner), or enterprises in an
    /// older format waiting (the counts), or the read failed (its message). What the start asks
    /// for besides, which takes the page itself time to ask for, waits for that screen
    /// (`browser::after_paint`).
    pub fn start_shown(&self) -> bool {
        match &*self.status.read() {
            LoadStatus::Loading => false,
            LoadStatus::Failed(_) => true,
            LoadStatus::Ready => {
                self.registry.with(|r| !r.is_empty())
                    || self.lists_unavailable.get()
                    || self.older_unread.get()
                    || [self.surveys.ready, self.assessments.ready, self.activities.ready, self.targets.ready].iter().all(|ready| ready.get())
            }
        }
    }

    /// Whether the start is over: every kind read and the form definitions in (or known not to
    /// come). What the first screen does not show waits for it (`split_pages::warm_after_start`,
    /// the officer's welcome form), so as not to compete with the start's own work.
    pub fn start_over(&self) -> bool {
        let lists = [self.surveys.ready, self.assessments.ready, self.activities.ready, self.targets.ready];
        self.forms_settled() && lists.iter().all(|ready| ready.get())
    }

    /// `forms_settled`, untracked: for a click's handler.
    pub fn forms_settled_now(&self) -> bool {
        self.forms_settled.get_untracked()
    }

    /// The register's read, whose code (decoding enterprises, building the register's indexes and
    /// search text) comes with the register's pages (`split_pages::register_reading`), not with the
    /// first download: a device with no enterprise stored, every first visit among them, reads nothing and
    /// does not wait for it (it comes once the start is over, `warm_after_start`); on the others
    /// the service worker has it. A chunk that cannot be had is a
    /// `CodeNotLoaded` failure: the banner says so, and nothing is written until a reload reads the
    /// register.
    async fn read_register_from_chunk(self, store: &crate::store::RecordStore<IdbBackend>, first_read_units: Option<&AdminUnitList>) -> Result<(Registry, usize), StoreError> {
        // Not one row of the kind (none unreadable, no deletion, none in an older format).
        let stored = store.count_rows(Enterprise::KIND).await?;
        browser::mark("nscl-register-counted");
        browser::save_register_held(stored > 0);
        if stored == 0 {
            if self.older_unread.get_untracked() {
                self.older_unread.set(false);
            }
            return Ok((Registry::empty(), 0));
        }
        let reading = super::split_pages::register_reading().await.map_err(|_| StoreError::CodeNotLoaded)?;
        (reading.read)(self, stored, first_read_units.cloned()).await
    }

    /// Reads the register in parts with the browser free in between. On the page's first read
    /// (`first_read_units`: the units to show it with) the first `FIRST_ROWS` are shown on their
    /// own meanwhile: at province scale (13,000 enterprises) the whole read takes about a second.
    /// They go to the register's list only (`listed`), with how many are stored
    /// (`still_reading`); the page stays `Loading` until all are read, so forms, figures and
    /// every page that needs the whole register (a tax code's owner, counts) wait for it.
    /// `stored`: how many rows of the kind the store holds, as just counted.
    /// Gives the register and how many rows could not be read.
    pub(crate) async fn read_register(self, store: &crate::store::RecordStore<IdbBackend>, stored: usize, first_read_units: Option<&AdminUnitList>) -> Result<(Registry, usize), StoreError> {
        // The first part shows the list; the second is the least (asked for before the first
        // is timed), the others take about 20 ms of decoding and indexing each on this
        // laptop (`StepRows`).
        const FIRST_ROWS: usize = 500;
        const SIZES: StepRows = StepRows { first: FIRST_ROWS, target_ms: 20.0, min: 250, max: 1000 };
        let showing = first_read_units.is_some();
        // How many are stored is only said on the first read.
        let total = if showing { stored } else { 0 };
        use crate::store::step_rows::StepRows;
        let mut builder = crate::model::registry::RegistryBuilder::against(self.last_export.get_untracked().as_ref());
        let (mut read, mut shown) = (0, false);
        let mut unreadable = store
            .read_first_then_steps::<Enterprise, _, _>(SIZES, &browser::page_clock_ms, browser::next_task, &mut |step, records| {
                // Before the records can be shown and edited: an edit must be later than what it replaces.
                if let Some(latest) = records.iter().map(|r| &r.updated).max() {
                    browser::observe(latest);
                }
                let full = records.len() == FIRST_ROWS;
                read += records.len();
                builder.add(records);
                // Only a full first part may have more behind it (one with an unreadable row looks short: the list then waits).
                if showing && step == 0 && full {
                    if let Some(units) = first_read_units {
                        self.units.set(units.clone());
                    }
                    self.reading.set(Some(builder.so_far()));
                    shown = true;
                    browser::mark("nscl-register-first-rows");
                }
                if shown {
                    self.reading_progress.set(Some((read.min(total), total)));
                }
            })
            .await?;
        // Rows not in the current format: records an earlier build wrote, or damaged ones. The
        // code that reads older formats comes with the chunk every start fetches next. Without it
        // they are not taken for damaged: a banner says they wait for it (a reload), untouched.
        let mut older_unread = false;
        if !unreadable.is_empty() {
            match super::split_pages::older_enterprises().await {
                Ok(read_older) => {
                    let (records, still) = read_older(std::mem::take(&mut unreadable));
                    if let Some(latest) = records.iter().map(|r| &r.updated).max() {
                        browser::observe(latest);
                    }
                    builder.add(records);
                    unreadable = still;
                }
                Err(_) => {
                    older_unread = true;
                    unreadable.clear();
                }
            }
        }
        if self.older_unread.get_untracked() != older_unread {
            self.older_unread.set(older_unread);
        }
        // The last part's reading, the whole register's search text (the other indexes grew part
        // by part in the builder) and the lists' redraw over all of it in tasks of their own: the
        // last two in one task took 40-45 ms at 13,000, over 50 ms on a slow turn.
        browser::next_task().await;
        let registry = Registry::from_builder(builder);
        browser::next_task().await;
        Ok((registry, unreadable.len()))
    }

    /// The first read is over (read whole, or failed part-way): its first part leaves the list.
    fn end_reading(&self) {
        if self.reading_progress.with_untracked(Option::is_some) {
            self.reading.set(None);
            self.reading_progress.set(None);
        }
    }

    /// While the register is first read: how many enterprises have been read, and how many are stored.
    pub fn still_reading(&self) -> Option<(usize, usize)> {
        self.reading_progress.get()
    }

    /// The register as its list shows it: while a large one is first read, its first part; then
    /// all of it. Only the list reads this: counts, figures and forms read `registry`,
    /// which holds the register whole or (until it is read) nothing.
    pub fn listed<R>(&self, f: impl FnOnce(&Registry) -> R) -> R {
        self.reading.with(|r| match r {
            Some(first) => Ok(f(first)),
            None => Err(f),
        })
        .unwrap_or_else(|f| self.registry.with(f))
    }

    /// Another tab saved or deleted this enterprise: read it alone and keep it if it is newer, with
    /// the register's reading code (`split_pages::register_reading`); without it, the change is not
    /// shown here, and a banner says so (`enterprise_change_unread`).
    pub async fn reload_enterprise(self, id: String) {
        match super::split_pages::register_reading().await {
            Ok(reading) => (reading.one)(self, id).await,
            // Not the whole read, which would fail the same way and stop every write in this tab.
            Err(_) => {
                self.enterprise_change_unread.set(true);
                browser::mark("nscl-enterprise-reloaded");
            }
        }
    }

    /// `reload_enterprise`, in the register's reading chunk.
    pub(crate) async fn reload_enterprise_now(self, id: String) {
        // The current format only: another tab writes no other, and a record in an older one is
        // read by the register's whole read below, whose code for them comes from a chunk.
        match record_store().get_current::<Enterprise>(&id).await {
            Ok(Some(stored)) => {
                browser::observe(&stored.updated);
                // Against the live copy only: a deletion held here is replaced by what the store holds, which is never older.
                if self.registry.with_untracked(|r| r.get(&id).is_none_or(|here| stored.updated > here.updated)) {
                    self.changed_in_place();
                    self.registry.update(|r| r.upsert(stored));
                }
                self.refresh_last_export();
            }
            // Gone, unreadable now, or in an older format: read everything, which counts what cannot be read.
            _ => self.reload().await,
        }
        // Tests wait on this, not on time, to know another tab's save has arrived.
        browser::mark("nscl-enterprise-reloaded");
    }

    /// Reads one kind into its list, 200 rows at a time with the browser free
    /// in between, so typing stays responsive meanwhile. Returns whether it could.
    /// On the first read the list gets what has been read so far in batches
    /// that double (the first step, then whenever as many again have been
    /// read): its first page shows at once, and what the list works out from
    /// the records is worked out about twice in all, not once per step.
    async fn load_list<T: ListSource>(self, list: RecordList<T>, mark: &str) -> bool {
        let store = record_store();
        let first_read = !list.ready.get_untracked();
        if first_read {
            list.expected.set(T::count(&store).await.ok());
        }
        // A read again replaces what the page holds (an undone import leaves older versions and
        // fewer records), but for what the page stored or read meanwhile.
        if !first_read {
            list.reading_again();
        }
        let mut pending: Vec<Record<T>> = Vec::new();
        let (mut read, mut show_at) = (0usize, 1usize);
        let outcome = T::read(&store, &mut |step| {
            // Before the records can be shown and edited: an edit must be later than what it replaces.
            if let Some(newest) = step.iter().map(|r| &r.updated).max() {
                browser::observe(newest);
            }
            read += step.len();
            pending.extend(step);
            if first_read && read >= show_at && !pending.is_empty() {
                show_at = read * 2;
                let mut batch = std::mem::take(&mut pending);
                self.follow_aliases(&mut batch);
                list.merge_step(batch);
            }
        })
        .await;
        match outcome {
            Ok(unreadable) => {
                self.follow_aliases(&mut pending);
                self.set_quarantined(T::LIST_KIND, unreadable);
                if first_read {
                    list.merge_loaded(pending);
                    list.expected.set(None);
                } else {
                    list.replace_loaded(pending);
                }
                browser::mark(mark);
                true
            }
            Err(e) => {
                // Nothing more is coming: the page says the store failed, not that it is still reading.
                list.expected.set(None);
                list.read_again_failed();
                self.status.set(LoadStatus::Failed(e));
                false
            }
        }
    }

    /// Points records that name a merged-away enterprise at the kept one,
    /// in this page's copy only: what is stored stays as its author wrote it.
    /// Whole records or the summaries a list holds (`ListSource`) alike.
    pub fn follow_aliases<T: ListSource>(&self, records: &mut [Record<T>]) {
        self.aliases.with_value(|aliases| {
            if !aliases.is_empty() {
                for r in records.iter_mut() {
                    r.payload.follow_aliases(aliases);
                }
            }
        });
    }

    pub fn read_only(&self) -> bool {
        self.status.with(|s| matches!(s, LoadStatus::Failed(e) if e.blocks_writes()))
    }

    /// Validates and stores a draft. `base` is the version the form started
    /// from: if the stored record has moved on since, nothing is written and
    /// the caller gets the stored version to merge with. The check and the
    /// write are one IndexedDB transaction, so another tab's save between them
    /// is caught too. A record deleted since the form opened is never written
    /// over with the edit as a deletion: the caller is told, and saving again
    /// with the tombstone's version as `base` restores the record with the
    /// edit. On any error nothing changes and the caller still holds the draft.
    pub async fn save(self, lang: Lang, draft: EnterpriseDraft, editing: Option<String>, base: Option<VersionVector>) -> Result<Saved, SaveError> {
        browser::mark("nscl-save-start");
        let units = self.units.get_untracked();
        let validated = self.registry.with_untracked(|r| {
            draft.validate(lang, &units, |code| r.owner_of_tax_code(code, editing.as_deref()))
        });
        let (enterprise, warnings) = validated.map_err(|_| SaveError::Invalid)?;
        browser::mark("nscl-save-validated");
        let existing = match &editing {
            Some(id) => record_store().get::<Enterprise>(id).await.map_err(SaveError::Store)?,
            None => None,
        };
        if let Some(current) = &existing {
            if base.as_ref() != Some(&current.version) {
                return Err(stale(current.clone()));
            }
            if crate::sync::local::in_conflict::<Enterprise, _>(&record_store(), &current.id).await.map_err(SaveError::Store)? {
                return Err(SaveError::InConflict);
            }
        }
        let change = browser::change();
        let (record, expected) = match existing {
            Some(old) => {
                let mut record = old.revised(&change, enterprise);
                // Saving onto a tombstone the officer chose to restore brings the record back.
                record.deleted = false;
                (record, old.version)
            }
            // Editing a record that is gone from the store keeps its id; an unreadable row is never written over.
            None => (Record::new(editing.unwrap_or_else(browser::new_id), &change, enterprise), VersionVector::default()),
        };
        browser::mark("nscl-save-write");
        match record_store().put_if_version(&record, &expected, true).await.map_err(SaveError::Store)? {
            Ok(()) => {}
            Err(Some(stored)) => return Err(stale(stored)),
            Err(None) => return Err(SaveError::Store(StoreError::Corrupt)),
        }
        browser::mark("nscl-save-stored");
        broadcast::notify_enterprise_changed(&record.id);
        let id = record.id.clone();
        self.changed_in_place();
        self.registry.update(|r| r.upsert(record));
        browser::mark("nscl-save-indexed");
        Ok(Saved { id, warnings: warnings.into_iter().map(|(_, w)| w).collect() })
    }

    /// Replaces the record with a tombstone, which file sync passes on; the
    /// register drops it. `seen` is the version the officer looked at when
    /// confirming: if the stored record has changed since (another tab, an
    /// import), nothing is deleted, and the register reads it again so the
    /// officer sees what they would delete. The check and the write are one
    /// transaction.
    pub async fn delete(self, id: String, seen: VersionVector) -> Result<(), DeleteError> {
        let Some(stored) = record_store().get::<Enterprise>(&id).await.map_err(DeleteError::Store)? else {
            // Gone from the store, or unreadable now: read everything again, which shows which.
            self.reload().await;
            return Err(DeleteError::Changed);
        };
        if stored.deleted {
            self.forget(stored);
            return Ok(());
        }
        if stored.version != seen {
            self.reload_enterprise(id).await;
            return Err(DeleteError::Changed);
        }
        if crate::sync::local::in_conflict::<Enterprise, _>(&record_store(), &id).await.map_err(DeleteError::Store)? {
            return Err(DeleteError::InConflict);
        }
        let tombstone = stored.deleted_by(&browser::change());
        match record_store().put_if_version(&tombstone, &seen, true).await.map_err(DeleteError::Store)? {
            Ok(()) => {
                broadcast::notify_enterprise_changed(&id);
                self.forget(tombstone);
                Ok(())
            }
            Err(_) => {
                self.reload_enterprise(id).await;
                Err(DeleteError::Changed)
            }
        }
    }

    /// The officer saw that another tab or file deleted the enterprise they
    /// were editing, and dropped their edit. The choice is a new version (a
    /// tombstone that has seen the deletion), so it travels in the next file
    /// like any other. If the record moved on meanwhile nothing is written:
    /// restored elsewhere, it is read again and `Ok(false)` says so.
    pub async fn accept_deletion(self, tombstone: Record<Enterprise>) -> Result<bool, StoreError> {
        let id = tombstone.id.clone();
        let seen = tombstone.deleted_by(&browser::change());
        match record_store().put_if_version(&seen, &tombstone.version, true).await? {
            Ok(()) => {
                broadcast::notify_enterprise_changed(&id);
                self.forget(seen);
                Ok(true)
            }
            Err(Some(stored)) if stored.deleted => {
                self.forget(stored);
                Ok(true)
            }
            Err(_) => {
                self.reload_enterprise(id).await;
                Ok(false)
            }
        }
    }

    /// A version of an enterprise this page wrote (a restore): the register shows it, or drops a tombstone.
    pub fn remember_enterprise(&self, record: Record<Enterprise>) {
        self.changed_in_place();
        self.registry.update(|r| r.upsert(record));
    }

    /// The register drops a deleted enterprise; its tombstone counts as a change until exported.
    fn forget(&self, tombstone: Record<Enterprise>) {
        self.remember_enterprise(tombstone);
    }

    /// Applies a change to the unit list as stored now (not this page's copy,
    /// which another tab may have moved past), in the transaction that writes
    /// it, then shows the list written. `Ok(Err(_))` is the change refused on
    /// the stored list (a name another tab took meanwhile): nothing written.
    pub async fn update_units(
        self,
        change: impl Fn(&mut AdminUnitList) -> Result<(), crate::model::admin_unit::AdminUnitError>,
    ) -> Result<Result<(), crate::model::admin_unit::AdminUnitError>, StoreError> {
        let units = match record_store().update_units(&change).await? {
            Ok(units) => units,
            Err(refused) => return Ok(Err(refused)),
        };
        broadcast::notify_changed();
        self.changed_in_place();
        self.units.set(units);
        Ok(Ok(()))
    }
}

/// The list page's search, filters, sort and page, kept while the officer
/// opens an enterprise and comes back.
#[derive(Clone, Copy)]
pub struct ListState {
    pub query: RwSignal<Query>,
    pub page: RwSignal<usize>,
}

impl ListState {
    /// Where the tab keeps them, so a reload brings the list back as it was.
    const KEY: &'static str = "nscl.enterprise_list";

    /// The search and filters this tab last had, kept from then on (the list's own owner: it is
    /// read again whenever the list opens).
    pub fn restored() -> ListState {
        let (query, page): (Query, usize) = browser::tab_value(Self::KEY).unwrap_or_default();
        let state = ListState { query: RwSignal::new(query), page: RwSignal::new(page) };
        Effect::new(move |_| {
            let kept = (state.query.get(), state.page.get());
            browser::save_tab_value(Self::KEY, &kept);
        });
        state
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlashKind {
    Success,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlashMessage {
    /// The page the message belongs to; it disappears when the officer leaves it.
    pub path: String,
    pub kind: FlashKind,
    /// Message keys rather than text, so the message follows a language switch.
    pub msgs: Vec<Msg>,
}

/// A short message shown above the page.
#[derive(Clone, Copy)]
pub struct Flash(pub RwSignal<Option<FlashMessage>>);

impl Flash {
    /// A message for the page the officer is on.
    pub fn show(&self, kind: FlashKind, msgs: Vec<Msg>) {
        self.show_at(&browser::current_path(), kind, msgs);
    }

    /// A message for the page the app is about to navigate to.
    pub fn show_at(&self, path: &str, kind: FlashKind, msgs: Vec<Msg>) {
        self.0.set(Some(FlashMessage { path: path.to_string(), kind, msgs }));
    }

    pub fn clear(&self) {
        self.0.set(None);
    }
}
