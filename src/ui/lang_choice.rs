//! Switching the page's language. The app's build fetches the English texts the first time
//! (`web::english_texts`): the page switches once they are in, and stays in Vietnamese with a
//! message if they cannot be had.

use super::state::{Flash, FlashKind};
use crate::i18n::{english, Lang, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::atomic::{AtomicU32, Ordering};

/// Counts the choices: a fetch that ends after a later choice (English, then Vietnamese before
/// the texts came) must not switch the page to the earlier one.
static CHOICES: AtomicU32 = AtomicU32::new(0);

/// Shows the page in `wanted`; `flash` says so if English cannot be loaded.
pub fn choose_lang(lang: RwSignal<Lang>, flash: Flash, wanted: Lang) {
    let choice = CHOICES.fetch_add(1, Ordering::Relaxed) + 1;
    if wanted == Lang::Vi || english::available() {
        lang.set(wanted);
        return;
    }
    spawn_local(async move {
        let loaded = crate::web::english_texts::load().await;
        if CHOICES.load(Ordering::Relaxed) != choice {
            return;
        }
        match loaded {
            Ok(()) => {
                lang.set(wanted);
                // An earlier "could not be loaded" is no longer true.
                let stale = [Msg::EnglishUnavailable, Msg::EnglishOtherBuild];
                if flash.0.with_untracked(|f| f.as_ref().is_some_and(|m| m.msgs.len() == 1 && stale.contains(&m.msgs[0]))) {
                    flash.clear();
                }
            }
            Err(e) => {
                leptos::logging::warn!("English texts: {e:?}");
                flash.show(FlashKind::Error, vec![e.message()]);
                // Set again, unchanged: a control that shows the choice (the radio button the
                // officer just ticked) follows the language the page really shows. Not saved:
                // the language did not change (`App`).
                lang.set(lang.get_untracked());
            }
        }
    });
}
