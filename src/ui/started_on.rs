//! Where an awaited action (a save, a deletion) leads when it ends.
//!
//! The navigation stays usable while a save waits on the disk, and an officer in a hurry clicks on
//! before it ends. The app then stays where they went and shows the action's message there, instead
//! of pulling them back to the page the action would have opened. A failure is said there too: the
//! page that would have shown why, and kept what they typed, is gone.
//!
//! The page is the browser's address. The router writes it a moment after it has swapped the page
//! (once the new one is drawn): an action ending in that moment still counts as on its page, and
//! goes where it would have before.

use super::state::{Flash, FlashKind};
use crate::i18n::Msg;
use crate::web::browser;
use leptos_router::NavigateOptions;

/// The page the officer was on when an action started: taken before its first await.
pub struct StartedOn(String);

impl StartedOn {
    pub fn here() -> Self {
        Self(browser::current_path())
    }

    pub fn still_here(&self) -> bool {
        browser::current_path() == self.0
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
        true
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
