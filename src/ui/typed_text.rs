//! Text as the officer typed or pasted it, in one form. Text pasted from some
//! Word or macOS sources, and typed with a "composite Unicode" keyboard
//! setting, arrives decomposed (a letter, then its marks): it looks the same
//! but sorts, searches and compares differently from what other Vietnamese
//! keyboards type. Every text input reads its value through here.

use leptos::wasm_bindgen::JsCast;

/// The value of the input an event came from, composed (NFC for Vietnamese).
/// When composing changes it, the input is given the composed text at once,
/// with the caret where it was: the form writing the value back must not move
/// the caret to the end while the officer edits in the middle.
pub fn typed_text<E: JsCast>(ev: &E) -> String {
    let Some(target) = ev.unchecked_ref::<web_sys::Event>().target() else { return String::new() };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        let raw = input.value();
        let caret = input.selection_start().ok().flatten();
        return recompose(&raw, caret, |v, c| {
            input.set_value(v);
            let _ = input.set_selection_range(c, c);
        });
    }
    if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let raw = area.value();
        let caret = area.selection_start().ok().flatten();
        return recompose(&raw, caret, |v, c| {
            area.set_value(v);
            let _ = area.set_selection_range(c, c);
        });
    }
    String::new()
}

/// The composed text; if it differs, `put` gets it with the caret where it
/// falls in the composed text (`text::compose_keeping_caret`).
fn recompose(raw: &str, caret: Option<u32>, put: impl FnOnce(&str, u32)) -> String {
    let caret = caret.map_or(usize::MAX, |c| c as usize);
    match crate::text::compose_keeping_caret(raw, caret) {
        None => raw.to_string(),
        Some((composed, at)) => {
            put(&composed, u32::try_from(at).unwrap_or(u32::MAX));
            composed
        }
    }
}
