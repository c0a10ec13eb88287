//! Where an awaited action (a save, a deletion) leads when it ends.
//!
//! The navigation stays usable while a save waits on the disk, and an officer in a hurry clicks on
//! before it ends. The app then stays where they went and shows the action's message there, instead
//! of pulling them back to the page the action would have opened. A failure is said there too: the
//! page that would have shown why is gone, so a form's fields, copied at the click, are kept and
//! listed there (`keeping_typed`, `crash_rescue::Rescued`).
//!
//! "Still there" is the same address and no page change since: an officer who leaves and comes
//! back to the same address (a new form at `/activities/new`) is on a new page, which a save of
//! the old one must not take away. The router (`router.rs`) writes the address at the click, before
//! the page is swapped, and `CountPageChanges` counts a moment later: an action ending in that
//! moment is already elsewhere by the address.

use super::crash_rescue::Rescued;
use super::state::{Flash, FlashKind};
use crate::i18n::Msg;
use crate::web::browser;
use crate::web::panic_guard::{self, CrashRescue, RescueCause};
use leptos::prelude::*;
use crate::ui::router::{NavigateOptions, use_path};
use std::sync::atomic::{AtomicU64, Ordering};

/// How many times the page's path has changed in this tab (`CountPageChanges`).
static PAGE_CHANGES: AtomicU64 = AtomicU64::new(0);

/// How many times the page's path has changed so far (`CountPageChanges`): a moment after the
/// router changes the address, and before the next frame is drawn.
pub fn page_changes() -> u64 {
    PAGE_CHANGES.load(Ordering::Relaxed)
}

/// Counts the changes of the page's path for `StartedOn` and the kept text's banner; placed
/// once, in the shell (`ui/app.rs`).
#[component]
pub fn CountPageChanges() -> impl IntoView {
    let path = use_path();
    Effect::new(move |_| {
        path.track();
        PAGE_CHANGES.fetch_add(1, Ordering::Relaxed);
    });
}

/// The page the officer was on when an action started: taken before its first await.
pub struct StartedOn {
    path: String,
    page_changes: u64,
    /// A form's fields as the officer saved them, and where to keep them if the save fails
    /// once they have left (`keeping_typed`).
    typed: Option<(CrashRescue, Rescued)>,
}

impl StartedOn {
    pub fn here() -> Self {
        StartedOn { path: browser::current_path(), page_changes: page_changes(), typed: None }
    }

    /// Also copies the page's fields as they are now (a save's text): if the save fails once the
    /// officer has left, `failed_elsewhere` keeps them in `rescued`, listed where the officer
    /// is and put back when the form opens again. The form itself, with the edit in it, is gone.
    pub fn keeping_typed(mut self, rescued: Rescued) -> Self {
        self.typed = Some((panic_guard::fields_on_screen(), rescued));
        self
    }

    pub fn still_here(&self) -> bool {
        browser::current_path() == self.path && page_changes() == self.page_changes
    }

    /// Says, where the officer is now, that a save they left behind failed, and `reason` (a
    /// `Left…` message: the form's own messages speak of a form still on screen). True when it
    /// said so (the caller stops there); false while they are still on its page, which shows the
    /// failure its own way.
    pub fn failed_elsewhere(&self, flash: Flash, reason: Option<Msg>) -> bool {
        if self.still_here() {
            return false;
        }
        flash.show(FlashKind::Error, [Msg::NotSavedAfterLeaving].into_iter().chain(reason).collect());
        if let Some((typed, rescued)) = self.typed.clone().filter(|(t, _)| t.shown().next().is_some()) {
            // The reason is the one word the callers give on why: changed elsewhere, or the disk.
            let cause = match reason {
                Some(Msg::LeftChangedElsewhere) => RescueCause::ChangedElsewhere,
                Some(Msg::LeftDeletedElsewhere) => RescueCause::DeletedElsewhere,
                _ => RescueCause::NotSaved,
            };
            rescued.keep(CrashRescue { cause, at_ms: browser::now_ms(), ..typed });
        }
        true
    }

    /// Says a deletion failed: with `here` while the officer is still on its page, which shows
    /// the record as it is; else, where they are, that the deletion they left behind did not
    /// happen, and `reason` (a `Left…` message).
    pub fn deletion_failed(&self, flash: Flash, kind: FlashKind, here: Msg, reason: Msg) {
        if self.still_here() {
            flash.show(kind, vec![here]);
        } else {
            flash.show(FlashKind::Error, vec![Msg::NotDeletedAfterLeaving, reason]);
        }
    }

    /// Opens `to` with the message if the officer is still where the action started; shows the
    /// message where they are now if they have gone on.
    pub fn finish(&self, navigate: &impl Fn(&str, NavigateOptions), flash: Flash, to: &str, kind: FlashKind, msgs: Vec<Msg>) {
        if self.still_here() {
            flash.show_at(to, kind, msgs);
            navigate(to, NavigateOptions::default());
        } else {
            flash.show(kind, msgs);
        }
    }
}
