//! Fetches the English texts (`i18n::english`) before the page shows English. From the
//! service worker's cache this is a few milliseconds; a page that opens in English waits for
//! it before it first draws, so it never shows a Vietnamese flash first.

use crate::i18n::english;

/// Why English cannot be shown (offline before the service worker had the file, a host that
/// does not serve it, a file of another build).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable(pub String);

/// Makes the English texts available to this page, if they are not already.
pub async fn load() -> Result<(), Unavailable> {
    if english::available() {
        return Ok(());
    }
    fetch().await
}

#[cfg(nscl_split)]
async fn fetch() -> Result<(), Unavailable> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = |what: &str, e: wasm_bindgen::JsValue| Unavailable(format!("{what}: {}", e.as_string().unwrap_or_else(|| format!("{e:?}"))));
    let window = web_sys::window().ok_or_else(|| Unavailable("no window".into()))?;
    // The boot script's request (scripts/english-early.js), taken once; asked again if there
    // was none or it failed (it resolves to null then).
    let early = js_sys::Reflect::get(&window, &EARLY.into()).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let _ = js_sys::Reflect::delete_property(&window, &EARLY.into());
    let early = match early {
        Some(promise) => JsFuture::from(promise).await.ok().and_then(|r| r.dyn_into::<web_sys::Response>().ok()),
        None => None,
    };
    let response: web_sys::Response = match early {
        Some(response) => response,
        None => JsFuture::from(window.fetch_with_str(URL)).await.map_err(|e| failed("fetch", e))?.dyn_into().map_err(|e| failed("response", e))?,
    };
    if !response.ok() {
        return Err(Unavailable(format!("{URL}: HTTP {}", response.status())));
    }
    let text = JsFuture::from(response.text().map_err(|e| failed("read", e))?).await.map_err(|e| failed("read", e))?;
    let text = text.as_string().ok_or_else(|| Unavailable(format!("{URL}: not text")))?;
    let texts = english::read_file(&text, crate::i18n::ENGLISH_FINGERPRINT).map_err(|e| Unavailable(format!("{URL}: {e:?}")))?;
    english::install(texts);
    Ok(())
}

/// Built in: nothing to fetch (`available` is always true there).
#[cfg(not(nscl_split))]
async fn fetch() -> Result<(), Unavailable> {
    Ok(())
}

/// `data/texts/en.json`, which `index.html` copies beside itself.
#[cfg(nscl_split)]
const URL: &str = "/texts/en.json";

/// Where the boot script leaves its early request's promise.
#[cfg(nscl_split)]
const EARLY: &str = "nsclEnglishTexts";
