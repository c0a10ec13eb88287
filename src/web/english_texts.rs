//! Fetches the English texts (`i18n::english`) before the page shows English. From the
//! service worker's cache this is a few milliseconds; a page that opens in English waits for
//! it before it first draws, so it never shows a Vietnamese flash first.

use crate::i18n::{english, Msg};

/// Why English cannot be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unavailable {
    /// Not fetched: offline before the service worker had the file, a host that does not
    /// serve it, no answer in time.
    NotFetched(String),
    /// The file is another build's (the app was updated meanwhile) or damaged.
    OtherBuild,
}

impl Unavailable {
    /// What the officer is told (in Vietnamese, with the English beside it).
    pub fn message(&self) -> Msg {
        match self {
            Unavailable::NotFetched(_) => Msg::EnglishUnavailable,
            Unavailable::OtherBuild => Msg::EnglishOtherBuild,
        }
    }
}

/// Makes the English texts available to this page, if they are not already.
pub async fn load() -> Result<(), Unavailable> {
    if english::available() {
        return Ok(());
    }
    fetch().await
}

/// Before the page first draws in English: `load`, given up after `START_WAIT_MS` (a hanging
/// request must not keep the page blank; it goes on unheeded, and the officer can switch to
/// English again). Why it failed is kept for the page to say (`start_failure`).
pub async fn load_at_start() {
    let timer = async {
        super::browser::after_ms(START_WAIT_MS).await;
        Err(Unavailable::NotFetched(format!("no answer in {START_WAIT_MS} ms")))
    };
    if let Err(e) = crate::both::first(load(), timer).await {
        leptos::logging::warn!("English texts: {e:?}");
        START_FAILURE.with(|f| *f.borrow_mut() = Some(e));
    }
}

/// Why the English texts could not be had before the page first drew, if they could not.
pub fn start_failure() -> Option<Unavailable> {
    START_FAILURE.with(|f| f.borrow().clone())
}

/// Longer than the file takes over a slow line beside the wasm's download (it is asked for as
/// the page starts, scripts/english-early.js), short enough that nobody takes the page for dead.
const START_WAIT_MS: i32 = 4_000;

thread_local! {
    static START_FAILURE: std::cell::RefCell<Option<Unavailable>> = const { std::cell::RefCell::new(None) };
}

#[cfg(nscl_split)]
async fn fetch() -> Result<(), Unavailable> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = |what: &str, e: wasm_bindgen::JsValue| Unavailable::NotFetched(super::browser::js_failure(what, e));
    let window = web_sys::window().ok_or_else(|| Unavailable::NotFetched("no window".into()))?;
    // The boot script's request (scripts/english-early.js), taken once; asked again if there
    // was none or it failed (it resolves to null then, or to an error's response).
    let early = js_sys::Reflect::get(&window, &EARLY.into()).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let _ = js_sys::Reflect::delete_property(&window, &EARLY.into());
    let early = match early {
        Some(promise) => JsFuture::from(promise).await.ok().and_then(|r| r.dyn_into::<web_sys::Response>().ok()).filter(web_sys::Response::ok),
        None => None,
    };
    let response: wasm_bindgen::JsValue = match early {
        Some(response) => response.into(),
        None => JsFuture::from(window.fetch_with_str(URL)).await.map_err(|e| failed("fetch", e))?,
    };
    let body = super::browser::body_text(response, URL).map_err(Unavailable::NotFetched)?;
    let text = JsFuture::from(body).await.map_err(|e| failed("read", e))?;
    let text = text.as_string().ok_or_else(|| Unavailable::NotFetched(format!("{URL}: not text")))?;
    let texts = english::read_file(&text, crate::i18n::ENGLISH_FINGERPRINT).map_err(|_| Unavailable::OtherBuild)?;
    english::install(texts);
    // For the end-to-end tests: a switch made meanwhile is decided by now (`ui::lang_choice`).
    super::browser::mark("nscl-english-loaded");
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
