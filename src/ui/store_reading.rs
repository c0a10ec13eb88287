//! The register's reads of the store (every kind at start-up and when another tab imports,
//! one record when another tab saves it) live in a wasm chunk of their own, `reading`: the
//! records' decoders, the stepped reads and the store's upgrade of older data are about a
//! fifth of the code the first screen would otherwise wait for. The shell, the navigation
//! and the home page's heading draw while the chunk comes, the counts say "…" until the
//! read ends, as they did while the store was read. Every read goes through here, so no
//! part of the reading code is kept in the main module by a caller outside the chunk.
//!
//! A chunk that cannot be fetched (offline before the service worker kept it, a deployment
//! that replaced it) leaves the register unread: the shell says so and offers a reload,
//! and nothing stored is touched.

use super::lazy_page::split_value;
use leptos::prelude::*;
use super::state::{LoadStatus, Register};
use crate::store::StoreError;
use std::future::Future;
use std::pin::Pin;

/// What to read.
pub enum Read {
    /// The first read of a page: records an earlier build left in localStorage moved in, then everything.
    Start,
    /// Everything again (another tab imported, undid or resolved; this page imported).
    All,
    /// One record another tab saved or deleted.
    Enterprise(String),
    Survey(String),
    Assessment(String),
    Activity(String),
}

/// A read, done by the code in the chunk.
pub type Reader = fn(Register, Read) -> Pin<Box<dyn Future<Output = ()>>>;

split_value!(
    /// The reading code's way in.
    reader in startup -> Reader = |register, read| Box::pin(async move {
        match read {
            Read::Start => register.start_now().await,
            Read::All => register.reload_now().await,
            Read::Enterprise(id) => register.reload_enterprise_now(id).await,
            Read::Survey(id) => register.reload_survey_now(id).await,
            Read::Assessment(id) => register.reload_assessment_now(id).await,
            Read::Activity(id) => register.reload_activity_now(id).await,
        }
    })
);

/// The sync status's count of conflicts and whether an import can be undone, read by the code in the chunk.
pub type SyncStatusReader = fn(super::sync::SyncStatus) -> Pin<Box<dyn Future<Output = ()>>>;

split_value!(
    /// `SyncStatus::refresh`'s way in.
    sync_status_reader in startup -> SyncStatusReader = |status| Box::pin(status.refresh_now())
);

split_value!(
    /// Opening the database, with its upgrade of older data (which decodes every record).
    database_opener in startup -> fn() = crate::web::idb::open_early
);

/// Fetches the reading chunk and then opens the database, before the first screen is built:
/// both run in the browser while the page builds the shell. A chunk that cannot be loaded is
/// met again, and said, by the register's first read.
pub fn open_early() {
    // Before the app is mounted, so not Leptos's executor.
    wasm_bindgen_futures::spawn_local(async {
        if let Ok(open) = database_opener().await {
            open();
        }
    });
}

impl Register {
    async fn read(self, read: Read) {
        match reader().await {
            Ok(reader) => reader(self, read).await,
            // Only while nothing else is said: a store error already shown stays.
            Err(_) => {
                if !matches!(self.status.get_untracked(), LoadStatus::Failed(_)) {
                    self.status.set(LoadStatus::Failed(StoreError::CodeUnavailable));
                }
            }
        }
    }

    /// First load of the page: move records an earlier build left in localStorage into
    /// IndexedDB, then read everything.
    pub async fn start(self) {
        self.read(Read::Start).await
    }

    /// Reads everything from the store. Safe to call again, for example when another tab has
    /// written: calls made while one runs are gathered into one more run after it.
    pub async fn reload(self) {
        self.read(Read::All).await
    }

    /// Another tab saved or deleted this enterprise: read it alone and keep it if it is newer.
    pub async fn reload_enterprise(self, id: String) {
        self.read(Read::Enterprise(id)).await
    }

    /// Another tab saved this survey: read it alone and keep it if it is newer.
    pub async fn reload_survey(self, id: String) {
        self.read(Read::Survey(id)).await
    }

    /// Another tab saved this self-assessment: read it alone and keep it if it is newer.
    pub async fn reload_assessment(self, id: String) {
        self.read(Read::Assessment(id)).await
    }

    /// Another tab saved this activity: read it alone and keep it if it is newer.
    pub async fn reload_activity(self, id: String) {
        self.read(Read::Activity(id)).await
    }
}
