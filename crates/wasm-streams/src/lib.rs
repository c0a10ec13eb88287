//! A stand-in for `wasm-streams` 0.5, for the one crate that depends on it.
//!
//! Leptos 0.8 always turns on `server_fn`'s `browser` feature, and that pulls in
//! `wasm-streams`, whose `#[wasm_bindgen]` classes (`IntoUnderlyingSource`,
//! `IntoUnderlyingByteSource`, `IntoUnderlyingSink`) are exports of the app's
//! module: roots no linker can drop, so their code and their JavaScript glue were
//! in the first download (about 15 KB of the main module before wasm-opt) though
//! the app has no server and calls no server function.
//!
//! This crate has only what `server_fn` 0.8 names (`ReadableStream::from_raw`,
//! `from_stream`, `into_raw`, `into_stream`) and exports nothing. `server_fn`
//! calls them only to stream a server function's request or response, which
//! this app never makes, so the linker drops them. Were one ever called, nothing
//! would panic: a request's body would be a stream that never sends anything (nor
//! ends), a response's stream one error.
//!
//! A new `server_fn` that names more of `wasm-streams` fails to compile against
//! this, rather than linking something that behaves differently.

use futures_util::stream::{self, Stream};
use wasm_bindgen::JsValue;

/// A browser `ReadableStream`, as `wasm_streams::ReadableStream` wraps one.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a browser stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// A browser stream for a Rust stream: here one with nothing in it, which never ends (no
    /// server function streams a request from this app). `ReadableStream::new` cannot fail in
    /// a browser; were it to, a plain object stands in rather than a panic.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        let raw = web_sys::ReadableStream::new().unwrap_or_else(|_| wasm_bindgen::JsCast::unchecked_into(js_sys::Object::new()));
        Self { raw }
    }

    /// The browser stream.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// The browser stream's chunks: here one error (no server function's response is
    /// streamed into this app).
    pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> {
        stream::iter([Err(JsValue::from_str("streams are not read by this app (crates/wasm-streams)"))])
    }
}
