//! Saving a file to the officer's disk, and the browser's storage manager.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How long the file's object URL stays valid after the click. Chromium
/// reads it at once; Firefox and Safari start the download a little later,
/// and a URL revoked in the same task gives them an empty or failed file.
const REVOKE_AFTER_MS: i32 = 60_000;

/// A Blob made of `parts` (joined in order): the browser joins them, so no
/// single string holds the whole file. A part may be a string, bytes
/// (`Uint8Array`) or a Blob (the browser's `new Blob` takes all three,
/// whatever web-sys's name says).
pub fn blob_of(parts: &js_sys::Array, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(parts, &options)
}

/// Offers a Blob as a download named `file_name`.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window.document().ok_or_else(|| JsValue::from_str("no document"))?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), REVOKE_AFTER_MS)?;
    Ok(())
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("storage")).ok()?.then(|| navigator.storage())
}

/// Asks the browser not to evict this origin's data; returns whether it is persistent now.
pub async fn request_persistence() -> Option<bool> {
    let manager = storage_manager()?;
    JsFuture::from(manager.persist().ok()?).await.ok()?.as_bool()
}

/// Bytes used and the quota, as the browser estimates them.
pub async fn estimate() -> Option<(f64, f64)> {
    let manager = storage_manager()?;
    let value = JsFuture::from(manager.estimate().ok()?).await.ok()?;
    let get = |k: &str| js_sys::Reflect::get(&value, &JsValue::from_str(k)).ok()?.as_f64();
    Some((get("usage")?, get("quota")?))
}
