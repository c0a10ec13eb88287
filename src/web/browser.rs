//! Clock, randomness, device identity, language preference and the URL.

use crate::i18n::Lang;
use crate::model::clock::Hlc;
use crate::model::record::{uuid_v4, Change};
use super::local_storage::storage;
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

const DEVICE_KEY: &str = "nscl.device_id";
const LANG_KEY: &str = "nscl.lang";
const CLOCK_KEY: &str = "nscl.hlc";
const OFFICER_KEY: &str = "nscl.officer";

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Milliseconds on the page's own clock (`performance.now()`, fractions included), for
/// timing work on the page; 0 where there is none.
pub fn page_clock_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Minutes local time is ahead of UTC (Vietnam: 420).
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // crypto.getRandomValues exists in every browser we support; this only keeps ids unique if it does not.
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = ((js_sys::Math::random() * 256.0) as u8) ^ (i as u8);
        }
    }
    bytes
}

/// Lets the browser run pending events (typing, painting) before going on.
pub async fn next_task() {
    // `scheduler.yield()` (Chromium 129+) lets input and painting run and then goes on
    // first; a chain of zero-delay timeouts, which is all older browsers get, is held back
    // 4 ms a link after the fifth, which a loop of many short steps would feel.
    let scheduled = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("scheduler")).ok().filter(|s| s.is_object()).and_then(|scheduler| {
        let yield_fn = js_sys::Reflect::get(&scheduler, &JsValue::from_str("yield")).ok()?.dyn_into::<js_sys::Function>().ok()?;
        yield_fn.call0(&scheduler).ok()?.dyn_into::<js_sys::Promise>().ok()
    });
    let promise = scheduled.unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits until the browser has drawn the next frame, so work the screen shown now does not need
/// (fetching code or files for later) starts after that screen is painted rather than before:
/// a task spawned from a reactive update runs in the same turn as the update, ahead of the
/// paint. A timeout set in the frame's `requestAnimationFrame` callback fires after its paint.
/// A hidden tab draws no frames: it waits for nothing; one hidden meanwhile, a second at most.
pub async fn after_paint() {
    use wasm_bindgen::closure::Closure;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(w) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        if w.document().is_some_and(|d| d.hidden()) {
            let _ = w.set_timeout_with_callback(&resolve);
            return;
        }
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1000);
        let after_frame = Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        });
        let _ = w.request_animation_frame(after_frame.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits `ms` milliseconds with the page free meanwhile.
pub async fn after_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Today on this device, `YYYY-MM-DD`.
pub fn today() -> String {
    crate::format::iso_date(now_ms(), utc_offset_minutes())
}

pub fn new_id() -> String {
    uuid_v4(random_bytes())
}

/// This device's stable id, created on first use.
pub fn device_id() -> String {
    if storage().is_err() {
        return String::from("unknown-device");
    }
    if let Some(id) = setting(DEVICE_KEY) {
        return id;
    }
    let id = new_id();
    set_setting(DEVICE_KEY, &id);
    id
}

/// Whether localStorage can be used at all. gloo-storage throws when it
/// cannot (storage disabled, some private modes), so every call asks first.
fn local_ok() -> bool {
    storage().is_ok()
}

/// A small setting kept in localStorage, as the text it was stored as.
fn setting(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok()?
}

/// Best effort: a setting that cannot be stored keeps its default next time.
fn set_setting(key: &str, value: &str) {
    if let Ok(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

fn remove_setting(key: &str) {
    if local_ok() {
        LocalStorage::delete(key);
    }
}

/// This page's id, beside the device id: drafts and rescues name the page
/// that made them. One per page load, not kept in sessionStorage: a
/// duplicated tab copies sessionStorage, and two live tabs must never share
/// an id. A reloaded page still finds what it put aside, because rescues are
/// looked up by record, whichever page made them.
pub fn tab_id() -> String {
    thread_local!(static TAB: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() });
    TAB.with(|t| t.get_or_init(new_id).clone())
}

/// A value kept for this tab only (sessionStorage): it survives a reload, not a new tab.
pub fn tab_value<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    gloo_storage::SessionStorage::get(key).ok()
}

/// Keeps a value for this tab; a full or refused storage only means it is not kept.
pub fn save_tab_value<T: serde::Serialize>(key: &str, value: &T) {
    let _ = gloo_storage::SessionStorage::set(key, value);
}

const RESCUE_PREFIX: &str = "nscl.rescue.";

/// The key under which this tab puts aside the answers of a record.
pub fn rescue_key(record_id: &str) -> String {
    format!("{RESCUE_PREFIX}{record_id}.{}", tab_id())
}

/// Keeps answers not yet written when a page goes away, under `key` (this
/// tab's, from `rescue_key`). localStorage writes synchronously, so this
/// survives a reload or a closed tab that an IndexedDB write, which is
/// asynchronous, might not.
pub fn save_rescue<T: serde::Serialize>(key: &str, value: &T) {
    set_json_setting(key, value);
}

/// Forgets rescued answers once they are written, or proven stale.
pub fn clear_rescue(key: &str) {
    remove_setting(key);
}

/// Every page's rescued answers of a record (a closed tab's too), with their
/// keys. Nothing is removed here: a rescue goes only once it is applied and
/// written, or proven stale.
pub fn rescues_of(record_id: &str) -> Vec<(String, serde_json::Value)> {
    let Ok(storage) = storage() else { return Vec::new() };
    let own_prefix = format!("{RESCUE_PREFIX}{record_id}.");
    // Builds before per-tab rescues kept one per record, under the bare prefix.
    let legacy = format!("{RESCUE_PREFIX}{record_id}");
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(&own_prefix) || *k == legacy)
        .collect();
    keys.into_iter().filter_map(|k| Some((k.clone(), json_setting::<serde_json::Value>(&k)?))).collect()
}

fn json_setting<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    local_ok().then(|| LocalStorage::get(key).ok()).flatten()
}

fn set_json_setting<T: serde::Serialize>(key: &str, value: &T) {
    if local_ok() {
        let _ = LocalStorage::set(key, value);
    }
}

pub fn saved_lang() -> Option<Lang> {
    setting(LANG_KEY).as_deref().and_then(Lang::from_code)
}

pub fn save_lang(lang: Lang) {
    set_setting(LANG_KEY, lang.code());
}

/// The language the page opens in: a `?lang=` link's, otherwise the saved choice, otherwise
/// Vietnamese.
pub fn wanted_lang() -> Lang {
    url_lang().or_else(saved_lang).unwrap_or_default()
}

/// The `?lang=` parameter of the page URL, if any.
pub fn url_lang() -> Option<Lang> {
    let search = web_sys::window()?.location().search().ok()?;
    Lang::from_query(&search)
}

/// Keeps `<html lang>` and the tab title in the current language, for screen readers and hyphenation.
pub fn apply_document_lang(lang: Lang, title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        doc.set_title(title);
    }
}

pub fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Loads the page again from the server or the service worker, as the browser's own button does.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// The path of the page now shown, such as `/enterprises/…`.
pub fn current_path() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()
}

fn last_hlc() -> Hlc {
    json_setting(CLOCK_KEY).unwrap_or_default()
}

fn store_hlc(hlc: &Hlc) {
    set_json_setting(CLOCK_KEY, hlc);
}

/// A change made now on this device by the officer set in Settings. The clock
/// is kept in localStorage so it never runs backwards across reloads and tabs.
pub fn change() -> Change {
    let next = Hlc::tick(&last_hlc(), now_ms(), &device_id());
    store_hlc(&next);
    Change { at: next, officer: officer_name() }
}

/// Moves this device's clock past a timestamp it has seen (a loaded record).
pub fn observe(remote: &Hlc) {
    let last = last_hlc();
    if *remote > last {
        store_hlc(&Hlc::observe(&last, remote, now_ms(), &device_id()));
    }
}

pub fn officer_name() -> String {
    setting(OFFICER_KEY).unwrap_or_default()
}

pub fn save_officer_name(name: &str) {
    set_setting(OFFICER_KEY, name.trim());
}

const OFFICER_UNIT_KEY: &str = "nscl.officer_unit";
const WELCOMED_KEY: &str = "nscl.welcomed";

/// The administrative unit the officer works in, as given on first start: new enterprises start in it.
pub fn officer_unit() -> Option<String> {
    setting(OFFICER_UNIT_KEY).filter(|u| !u.is_empty())
}

pub fn save_officer_unit(unit: &str) {
    set_setting(OFFICER_UNIT_KEY, unit);
}

/// Whether the first-start welcome has been finished on this device, or put off today: "Later"
/// is not "never", and records made without the officer's name say nobody made them, so an
/// officer who put it off is asked again on another day (until a name is given).
pub fn welcomed() -> bool {
    match setting(WELCOMED_KEY) {
        // Builds before 2026-12-06 stored "1" for "Later" too; "Start" needs a name, so
        // without one the welcome was put off, and is asked again.
        Some(v) if v == "1" => !officer_name().is_empty(),
        Some(v) => v.strip_prefix(PUT_OFF).is_none_or(|day| day == today()),
        None => false,
    }
}

pub fn save_welcomed() {
    set_setting(WELCOMED_KEY, "1");
}

/// How a welcome put off is kept: the day it was, `later:2026-12-06`.
const PUT_OFF: &str = "later:";

/// The welcome put off until another day.
pub fn save_welcome_put_off() {
    set_setting(WELCOMED_KEY, &format!("{PUT_OFF}{}", today()));
}

const REGISTER_HELD_KEY: &str = "nscl.register_held";

/// Whether the last read of the store found enterprises on this device: a hint, kept beside the
/// store, that lets the start fetch the register's reading code (a chunk) while the store opens,
/// rather than after it has counted them. A wrong hint costs one needless fetch, or the wait it
/// was meant to save; the count decides what is read.
pub fn register_held() -> bool {
    setting(REGISTER_HELD_KEY).is_some()
}

/// Keeps the hint `register_held` gives, as the store's count found it.
pub fn save_register_held(held: bool) {
    if held != register_held() {
        if held {
            set_setting(REGISTER_HELD_KEY, "1");
        } else {
            remove_setting(REGISTER_HELD_KEY);
        }
    }
}

const ROLE_KEY: &str = "nscl.role";

/// Who uses the app on this device, once asked: "officer" or "enterprise".
pub fn user_role() -> Option<String> {
    setting(ROLE_KEY)
}

pub fn save_user_role(role: &str) {
    set_setting(ROLE_KEY, role);
}

const HISTORY_DEPTH_KEY: &str = "nscl.history_depth";

/// How many earlier versions of each record to keep (Settings; default 20).
pub fn history_depth() -> usize {
    setting(HISTORY_DEPTH_KEY).and_then(|v| v.parse().ok()).unwrap_or(crate::store::DEFAULT_HISTORY_DEPTH)
}

pub fn save_history_depth(depth: usize) {
    set_setting(HISTORY_DEPTH_KEY, &depth.to_string());
}

const LAST_EXPORT_KEY: &str = "nscl.last_export";

/// The device clock at the last backup export, if any.
pub fn last_export() -> Option<Hlc> {
    json_setting(LAST_EXPORT_KEY)
}

pub fn save_last_export(at: &Hlc) {
    set_json_setting(LAST_EXPORT_KEY, at);
}

/// A `performance.mark`, so benchmarks and the browser's profiler can see start-up phases.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// A JavaScript error as text, after `what` was tried: for the console, where a fetch that
/// failed says why.
pub fn js_failure(what: &str, e: JsValue) -> String {
    format!("{what}: {}", e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

/// The body of a fetched file (`url`) as text, to be awaited, once the host answered with
/// success: what the shipped form definitions and the English texts are read through.
#[cfg(nscl_split)]
pub fn body_text(response: JsValue, url: &str) -> Result<js_sys::Promise, String> {
    let response: web_sys::Response = response.dyn_into().map_err(|e| js_failure(url, e))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    response.text().map_err(|e| js_failure(url, e))
}
