//! The spreadsheet worker's entry point (a module Web Worker; see `lib.rs`).
//!
//! A message is `{id, json, bytes?}`: `json` a `protocol::Request` as text, `bytes`
//! an `ArrayBuffer` (the file). The answer is `{id, json, bytes?, parts?}` with the
//! response, the XLSX file's buffer transferred, not copied, and a large table's
//! rows as `parts` (`protocol::split_rows`). The worker says
//! `{ready: true}` once it listens: messages sent before that would be lost
//! (the wasm module loads asynchronously).

#[cfg(target_arch = "wasm32")]
mod worker {
    //! Only js-sys, no web-sys: the worker's global scope is reached through `Reflect`,
    //! so the build does not compile web-sys a second time with another feature set.
    use js_sys::{Array, ArrayBuffer, Function, Object, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    fn get(obj: &JsValue, key: &str) -> JsValue {
        Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    fn set(obj: &JsValue, key: &str, value: &JsValue) {
        let _ = Reflect::set(obj, &JsValue::from_str(key), value);
    }

    /// `self.postMessage(message, transfer)`.
    fn post(scope: &JsValue, message: &JsValue, transfer: &Array) {
        if let Ok(post) = get(scope, "postMessage").dyn_into::<Function>() {
            let _ = post.call2(scope, message, transfer);
        }
    }

    fn answer(scope: &JsValue, data: &JsValue) {
        let id = get(data, "id");
        let json = get(data, "json").as_string().unwrap_or_default();
        let bytes_value = get(data, "bytes");
        let bytes = if bytes_value.is_instance_of::<ArrayBuffer>() {
            Uint8Array::new(&bytes_value).to_vec()
        } else {
            Vec::new()
        };
        let (response, out) = spreadsheet::handle(&json, bytes);
        let (response, parts) = spreadsheet::split_rows(response, spreadsheet::ROWS_PER_PART);
        let text = serde_json::to_string(&response).unwrap_or_else(|_| {
            r#"{"kind":"error","code":"bad_request","detail":"response"}"#.to_string()
        });
        let msg = Object::new();
        set(&msg, "id", &id);
        set(&msg, "json", &JsValue::from_str(&text));
        if !parts.is_empty() {
            let list = Array::new();
            for p in &parts {
                list.push(&JsValue::from_str(p));
            }
            set(&msg, "parts", &list);
        }
        let transfer = Array::new();
        if let Some(out) = out {
            let array = Uint8Array::new_with_length(out.len() as u32);
            array.copy_from(&out);
            let buffer = array.buffer();
            set(&msg, "bytes", &buffer);
            transfer.push(&buffer);
        }
        post(scope, &msg, &transfer);
    }

    pub fn start() {
        let scope = js_sys::global();
        let responder = scope.clone();
        let onmessage = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            answer(&responder, &get(&event, "data"));
        });
        set(&scope, "onmessage", onmessage.as_ref());
        onmessage.forget();
        let ready = Object::new();
        set(&ready, "ready", &JsValue::TRUE);
        post(&scope, &ready, &Array::new());
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
