//! Every page but the shell and the home page, each as a loader of the wasm chunk
//! its code lives in (`lazy_page`). Pages are grouped by what an officer opens
//! together, five groups in all (the register's, which also reads the register, `register_reading`, is
//! fetched at once by every start on a device holding enterprises); besides them, what every start-up runs once the
//! register is read, but the first screen does not need (`after_start`: the form definitions'
//! checker, the other kinds' lists' reading, the conflict count, another tab's saves of those
//! kinds read again, and, first, an earlier build's records moved), and an officer's welcome form (`welcome`): code
//! several of them share goes into shared chunks of its own (one per combination that uses it), so
//! more groups would mean many more, smaller files for every page to fetch.

use super::lazy_page::{split_value, split_view};
use super::state::Register;
use crate::store::StoreError;
use leptos::prelude::*;

// The register: the list, an enterprise's page, its form, the list import and recently deleted records.
split_view!(enterprise_list in register => view! { <super::enterprise_list::EnterpriseList/> });
split_view!(enterprise_detail in register => view! { <super::enterprise_detail::EnterpriseDetail/> });
split_view!(new_enterprise in register => view! { <super::enterprise_form::NewEnterprisePage/> });
split_view!(edit_enterprise in register => view! { <super::enterprise_form::EditEnterprisePage/> });
split_view!(enterprise_import in register => view! { <super::enterprise_import::EnterpriseImportPage/> });
// Deleted records of every kind, and bringing them back: found from the register's list.
split_view!(recently_deleted in register => view! { <super::recently_deleted::RecentlyDeletedPage/> });
// Surveys and self-assessments: the lists, the form editor and the readiness pages.
split_view!(survey_list in surveys => view! { <super::survey::SurveyList/> });
split_view!(survey in surveys => view! { <super::survey::SurveyPage/> });
split_view!(self_assessment in surveys => view! { <super::readiness::SelfAssessmentPage/> });
split_view!(assessment in surveys => view! { <super::assessment::AssessmentPage/> });
split_view!(readiness_report in surveys => view! { <super::readiness::ReadinessReport/> });
split_view!(profile in surveys => view! { <super::readiness::ProfilePage/> });
// The programme: activities, the records behind an indicator, the annual report.
split_view!(activity_list in programme => view! { <super::activity::ActivityList/> });
split_view!(new_activity in programme => view! { <super::activity::NewActivityPage/> });
split_view!(activity in programme => view! { <super::activity::ActivityPage/> });
split_view!(report in programme => view! { <super::report::ReportPage/> });
split_view!(indicator_behind in programme => view! { <super::indicators::IndicatorBehindPage/> });
// The home page's parts that wait: the dashboard's indicators, and an enterprise's own home.
split_view!(dashboard_indicators in indicators => view! { <super::dashboard_indicators::DashboardIndicators/> });
split_view!(enterprise_home in surveys => view! { <super::readiness::enterprise_home::EnterpriseHome/> });
// Text put aside after a crash or a failed save, listed and put back: few starts have any.
split_view!(crash_rescue_banner in after_start => view! { <super::crash_rescue::CrashRescueDetails/> });
// A new device's welcome form for an officer (name and unit), after the role question: few starts show it.
split_view!(welcome_form in welcome => view! { <super::readiness::welcome_form::WelcomeForm/> });
// Files and settings.
split_view!(sync in admin => view! { <super::sync::SyncPage/> });
split_view!(settings in admin => view! { <super::settings::SettingsPage/> });

/// What a chunk's function gives when it has work to await.
pub type Boxed<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T>>>;

/// A backup of the whole store, made into a file: what `Register::export_backup` returns.
pub type BackupExport = fn(Register) -> Boxed<Result<(), StoreError>>;

split_value!(
    /// The backup export, which the reminder and a full disk's message offer on every page.
    /// Reading every record and writing the file is code the first screen never runs: it
    /// comes with the admin pages' chunk (the Sync page exports with the same code).
    backup_export in admin -> BackupExport = |register| Box::pin(register.export_backup())
);

/// Puts definitions in a library: the shipped ones (when fetched), then those installed on this
/// device (their stored setting, decoded here: an unreadable one installs none); gives why any
/// installed one was refused, or `Err` with why the shipped ones could not be read
/// (`FormLibrary::install_all`).
pub type FormInstaller = fn(&mut crate::form::FormLibrary, Option<&[(&'static str, String)]>, Option<&str>) -> Result<Vec<String>, Vec<String>>;

split_value!(
    /// Checking form definitions (the definition checker, the expression parser), which every
    /// start-up needs once the register is read, but the first screen does not: in the group of
    /// what runs after the start (`after_start`), with the lists' reading.
    form_installer in after_start -> FormInstaller =
        |library, shipped, installed| {
            let installed = crate::store::parse_installed_forms(installed).unwrap_or_default();
            library.install_all(shipped, installed.iter().map(|f| (f.file.as_str(), f.source.as_str())))
        }
);

/// Once the start is over, loads the officer's welcome form while a new device's role question
/// waits, and the register's pages (the list, a new enterprise: the likeliest
/// next page, a new device's first step) and with them most of the code every page group shares,
/// which the dashboard's indicators used to bring in at start. The officer's first click on any
/// page then waits for less of it. Not when a page from a chunk is open already: its group brings
/// the shared code, and this would only compete with it. Marked `nscl-warm-after-start` for the tests.
pub fn warm_after_start() {
    leptos::task::spawn_local(async {
        // Not inside the reactive update that found the start over.
        crate::web::browser::next_task().await;
        crate::web::browser::mark("nscl-warm-after-start");
        if !super::lazy_page::page_opened() {
            // A new device's role question waits for a click: an officer's answer leads to the
            // welcome form, first (over a page, pointing at the answer fetches it).
            if crate::web::browser::user_role().is_none() {
                let _ = welcome_form().await;
            }
            let _ = enterprise_list().await;
        }
    });
}

/// Starts loading the officer's welcome form when the officer points at that answer, for a
/// click before the start is over (`warm_after_start` fetches it then).
pub fn warm_welcome() {
    leptos::task::spawn_local(async {
        let _ = welcome_form().await;
    });
}

/// Starts loading the chunk of the page a navigation link leads to (from the service worker's
/// cache once it has them all, else from the network) and compiling it, when the officer points
/// at the link or tabs to it: by the click, a fraction of a second later, the page's code is
/// usually in. The first screen does not wait for any of it. A failure here is ignored: the click
/// tries again and says so.
pub fn warm(path: &'static str) {
    leptos::task::spawn_local(async move {
        let _ = match path {
            "/enterprises" => enterprise_list().await,
            "/surveys" => survey_list().await,
            "/self-assessment" => self_assessment().await,
            "/profile" => profile().await,
            "/activities" => activity_list().await,
            "/report" => report().await,
            "/sync" => sync().await,
            "/settings" => settings().await,
            _ => return,
        };
    });
}

/// The register's reading code: the whole register (`read`, given how many rows are stored and
/// the units to show its first rows with on the page's first read) and one enterprise another
/// tab stored (`one`).
#[derive(Clone, Copy)]
pub struct RegisterReading {
    pub read: fn(Register, usize, Option<crate::model::admin_unit::AdminUnitList>) -> Boxed<Result<(crate::model::registry::Registry, usize), StoreError>>,
    pub one: fn(Register, String) -> Boxed<()>,
}

split_value!(
    /// Decoding stored enterprises and building the register's indexes and search text: every
    /// start on a device with enterprises runs it before the register shows, but the first screen
    /// does not need it, nor does a new device, which has none (`Register::read_register_from_chunk`).
    /// With the register's pages, not a group of its own: such a group shared its code with every
    /// page group, and wasm-split made a chunk of each combination (20 files at every start, 86 in
    /// all, against 36 and 67 here); the first rows came about 60 ms later at 5,000 enterprises.
    register_reading in register -> RegisterReading = RegisterReading {
        read: |register, stored, units| Box::pin(async move { register.read_register(&crate::web::record_store(), stored, units.as_ref()).await }),
        one: |register, id| Box::pin(register.reload_enterprise_now(id)),
    }
);

/// Reads the other kinds' lists into the register's state: what `Register::load_lists` returns.
pub type ListsReader = fn(Register) -> Boxed<bool>;

split_value!(
    /// Reading the surveys', self-assessments', activities' and targets' lists (their decoding, the
    /// summaries, following merged enterprises), which every start-up runs once the register is
    /// read, but the first screen does not need: 12.3 KB of the first download, gzipped, when
    /// it moved here.
    lists_reader in after_start -> ListsReader = |register| Box::pin(register.load_lists())
);

/// Reads one survey, self-assessment or activity again after another tab stored it: what
/// `Register::reload_survey` and its kin do. Another kind is left alone.
pub type RecordReloader = fn(Register, crate::web::broadcast::Changed) -> Boxed<()>;

split_value!(
    /// Another tab's saves of the kinds the lists hold, read into them: decoding whole surveys,
    /// self-assessments and activities is code the first screen never runs.
    record_reloader in after_start -> RecordReloader = |register, changed| Box::pin(async move {
        use crate::web::broadcast::Changed;
        match changed {
            Changed::Survey(id) => register.reload_survey(id).await,
            Changed::Assessment(id) => register.reload_assessment(id).await,
            Changed::Activity(id) => register.reload_activity(id).await,
            Changed::Enterprise(_) | Changed::All => {}
        }
    })
);

/// How many records wait in the conflicts list: `sync::local::conflict_count`.
pub type ConflictCounter = fn() -> Boxed<Result<usize, StoreError>>;

split_value!(
    /// The navigation's conflict count, which reads every conflict copy of every kind and compares
    /// it with the stored record: after the start, like the lists.
    conflict_counter in after_start -> ConflictCounter = || Box::pin(async { crate::sync::local::conflict_count(&crate::web::record_store()).await })
);

/// Moves records an earlier build left in localStorage into IndexedDB: `store::legacy::migrate`.
pub type LegacyMover = fn() -> Boxed<Result<(), StoreError>>;

split_value!(
    /// Only laptops an earlier build used need it, once: the start loads it first then
    /// (`legacy::anything_to_move`), and no other start does.
    legacy_mover in after_start -> LegacyMover = || Box::pin(async {
        crate::store::legacy::migrate(&crate::web::IdbBackend, &crate::web::LegacyLocalStorage).await.map(|_| ())
    })
);

/// Works out the summary of a stored survey or self-assessment: `store::summary::summary_row`.
pub type SummaryMaker = fn(&str, &crate::store::Row) -> Option<crate::store::Row>;

split_value!(
    /// Decoding whole surveys and self-assessments to summarise them, which only an upgrade from
    /// before schema 6 does (`web::idb`), once: with what runs after the start, which reads them too.
    summary_maker in after_start -> SummaryMaker = crate::store::summary::summary_row
);

/// Reads stored enterprises that are not in the current record format (`store::decode`): gives
/// those it read, and the rows it could not.
pub type OlderEnterprises = fn(Vec<crate::store::Row>) -> (Vec<crate::model::record::Record<crate::model::enterprise::Enterprise>>, Vec<crate::store::Row>);

split_value!(
    /// The register's rows in an older format (a laptop the localStorage builds used) go through
    /// a generic JSON value and `store::format::upgrade`: code the register's read
    /// (`register_reading`) does not carry for every laptop (`store::decode_current`).
    older_enterprises in after_start -> OlderEnterprises = |rows| {
        let mut still = Vec::new();
        let records = crate::store::decode_rows(rows, &|json| crate::store::decode(json), &mut |_, _| (), &mut still);
        (records, still)
    }
);
