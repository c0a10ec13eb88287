//! What the rest of the app needs to know about sync: how many records are
//! in conflict (the navigation shows it), whether an import can be undone,
//! and a revision that moves whenever sync wrote, so panels read again.

use crate::sync::local;
use crate::web::record_store;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy)]
pub struct SyncStatus {
    pub conflicts: RwSignal<usize>,
    pub can_undo: RwSignal<bool>,
    pub revision: RwSignal<u64>,
}

impl SyncStatus {
    pub fn new() -> SyncStatus {
        SyncStatus { conflicts: RwSignal::new(0), can_undo: RwSignal::new(false), revision: RwSignal::new(0) }
    }

    /// Reads the conflict count and the undo again (after a write here or in another tab).
    pub fn refresh(self) {
        spawn_local(async move {
            let store = record_store();
            // A store that cannot be read shows no count; the page's own load reports the problem.
            // Its code comes with the chunk of what runs after the start; without it the count stays
            // as it was (the shell says that chunk is missing).
            let count = match crate::ui::split_pages::conflict_counter().await {
                Ok(count) => Some(count().await.unwrap_or(0)),
                Err(_) => None,
            };
            let undo = local::can_undo(&store).await.unwrap_or(false);
            if let Some(count) = count.filter(|&c| self.conflicts.get_untracked() != c) {
                self.conflicts.set(count);
            }
            if self.can_undo.get_untracked() != undo {
                self.can_undo.set(undo);
            }
            crate::web::browser::mark("nscl-sync-status");
        });
    }

    /// Sync wrote: panels read again, counts too.
    pub fn changed(self) {
        self.revision.update(|r| *r += 1);
        self.refresh();
    }
}

impl Default for SyncStatus {
    fn default() -> Self {
        SyncStatus::new()
    }
}
