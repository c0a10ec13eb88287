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

/// The language an open form's typed figures are written in, kept in step with the page's: when
/// the officer switches language, `rewrite(was, now)` first writes them again for the new one
/// (`format::in_language`), so `2.500` typed or shown in Vietnamese (2,500) is not read by
/// English as 2.5. It starts at the language the form opened in, which a switch under way (the
/// English texts still loading) may change before the watch first runs.
pub fn figures_language(rewrite: impl Fn(Lang, Lang) + 'static) -> StoredValue<Lang> {
    let lang = use_lang();
    let written_in = StoredValue::new(lang.get_untracked());
    Effect::new(move |_| {
        let now = lang.get();
        let Some(was) = written_in.try_get_value().filter(|was| *was != now) else { return };
        rewrite(was, now);
        written_in.set_value(now);
    });
    written_in
}
