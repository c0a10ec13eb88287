//! Switching the page's language. The app's build fetches the English texts the first time
//! (`web::english_texts`): the page switches once they are in, and stays in Vietnamese with a
//! message if they cannot be had.

use super::state::{Flash, FlashKind};
use crate::i18n::{english, Lang, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Shows the page in `wanted`; `flash` says so if English cannot be loaded.
pub fn choose_lang(lang: RwSignal<Lang>, flash: Flash, wanted: Lang) {
    if wanted == Lang::Vi || english::available() {
        lang.set(wanted);
        return;
    }
    spawn_local(async move {
        match crate::web::english_texts::load().await {
            Ok(()) => {
                lang.set(wanted);
                // An earlier "could not be loaded" is no longer true.
                if flash.0.with_untracked(|f| f.as_ref().is_some_and(|m| m.msgs == [Msg::EnglishUnavailable])) {
                    flash.clear();
                }
            }
            Err(e) => {
                leptos::logging::warn!("English texts: {}", e.0);
                flash.show(FlashKind::Error, vec![Msg::EnglishUnavailable]);
                // Set again, unchanged: a control that shows the choice (the radio button the
                // officer just ticked) follows the language the page really shows.
                lang.set(lang.get_untracked());
            }
        }
    });
}
