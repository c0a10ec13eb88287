//! Text as the officer typed or pasted it, in one form. Text pasted from some
//! Word or macOS sources arrives decomposed (a letter, then its marks), which
//! looks the same but sorts, searches and compares differently from what a
//! Vietnamese keyboard types. Every text input reads its value through here.

use leptos::prelude::event_target_value;

/// The value of the input an event came from, composed (NFC for Vietnamese).
pub fn typed_text<E>(ev: &E) -> String
where
    E: leptos::wasm_bindgen::JsCast,
{
    crate::text::compose_vietnamese(&event_target_value(ev)).into()
}
