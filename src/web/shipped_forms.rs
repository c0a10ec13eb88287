//! The form definitions that come with the app. The app's build (`SPLIT=1`)
//! does not hold them: Trunk copies `data/forms/` beside `index.html`
//! (`/forms/…`), the service worker keeps them with every other file of the
//! build, and they are fetched once the register is on screen. 250 KB of
//! definitions (71 KB gzipped as sixteen files) are then no part of the first
//! download, which the officer's first open over a slow connection waits for.
//!
//! A build without the split (the wasm-bindgen tests) has them built in
//! (`form::library::SHIPPED`), and reads them from there.

/// The definitions could not be fetched (offline before the service worker
/// had them, a host that does not serve them, a file that is not text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable(pub String);

/// Every shipped definition as (file name, source), in `form::library::SHIPPED_FILES` order.
#[cfg(nscl_split)]
pub async fn load() -> Result<Vec<(&'static str, String)>, Unavailable> {
    use crate::form::library::SHIPPED_FILES;
    use js_sys::{Array, Promise};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or_else(|| Unavailable("no window".into()))?;
    let failed = |what: &str, e: wasm_bindgen::JsValue| Unavailable(super::browser::js_failure(what, e));
    // Side by side: from the service worker's cache each takes a few milliseconds, and over a
    // first visit's network the browser sends them together rather than one after another.
    // But a few to a task: each `fetch()` call costs the page 1-3 ms before it returns, and
    // sixteen in one task held it 30-45 ms just after the register was read at province scale.
    // A request that fails while the next ones wait for their task is not yet in the
    // `Promise.all` below: this handler keeps it from counting as an unhandled rejection.
    // The page owns it (`into_js_value`): it outlives this function, for a request that fails later.
    let handled = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {}).into_js_value();
    let requests = Array::new();
    for (i, file) in SHIPPED_FILES.iter().enumerate() {
        if i > 0 && i % FETCHES_A_TASK == 0 {
            super::browser::next_task().await;
        }
        let request = window.fetch_with_str(&url_of(file));
        if let Some(catch) = js_sys::Reflect::get(&request, &"catch".into()).ok().and_then(|c| c.dyn_into::<js_sys::Function>().ok()) {
            let _ = catch.call1(&request, &handled);
        }
        requests.push(&request);
    }
    let responses = JsFuture::from(Promise::all(&requests)).await.map_err(|e| failed("fetch", e))?;
    let texts = Array::new();
    for (file, response) in SHIPPED_FILES.iter().zip(Array::from(&responses).iter()) {
        let text = super::browser::body_text(response, &url_of(file)).map_err(Unavailable)?;
        texts.push(&text);
    }
    let texts = JsFuture::from(Promise::all(&texts)).await.map_err(|e| failed("read", e))?;
    SHIPPED_FILES
        .iter()
        .zip(Array::from(&texts).iter())
        .map(|(file, text)| text.as_string().map(|t| (*file, t)).ok_or_else(|| Unavailable(format!("{file}: not text"))))
        .collect()
}

/// Built in: nothing to fetch.
#[cfg(not(nscl_split))]
pub async fn load() -> Result<Vec<(&'static str, String)>, Unavailable> {
    Ok(crate::form::library::SHIPPED.iter().map(|(file, source)| (*file, source.to_string())).collect())
}

/// How many definitions' requests are sent in one task.
#[cfg(nscl_split)]
const FETCHES_A_TASK: usize = 4;

/// `data/forms/x.json` is served as `/forms/x.json` (`index.html` copies the folder).
#[cfg(nscl_split)]
fn url_of(file: &str) -> String {
    format!("/{}", file.strip_prefix("data/").unwrap_or(file))
}
