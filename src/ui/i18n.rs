//! Reading the current language from context.

use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

/// A reactive text: re-renders when the language changes.
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || lang.get().t(msg)
}
