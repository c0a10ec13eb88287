//! The bridge to the service worker (`sw.js`, generated at build time).
//!
//! A new deployment installs beside the running one and waits. The app is told
//! through `on_update_ready`, shows a banner, and only when the officer chooses
//! "reload" does the new worker take over and the page reload, so code never
//! changes under an open form.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent on plain-HTTP origins other than localhost, and in some private modes.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).ok()?.then(|| navigator.service_worker())
}

/// Registers `/sw.js` and calls `on_update_ready` when a newer version is
/// installed and waiting.
pub fn register(on_update_ready: impl Fn() + 'static) {
    let Some(container) = container() else { return };
    let on_update_ready = std::rc::Rc::new(on_update_ready);
    let promise = container.register("/sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // Checked, not assumed: a browser that blocks service workers (Playwright's `serviceWorkers:
        // 'block'`, some policies) may answer with no registration at all.
        let Ok(Ok(registration)) = JsFuture::from(promise).await.map(JsCast::dyn_into::<ServiceWorkerRegistration>) else { return };
        // An update may already be waiting from an earlier visit.
        if registration.waiting().is_some() && container.controller().is_some() {
            on_update_ready();
        }
        let reg = registration.clone();
        let notify = on_update_ready.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = reg.installing() else { return };
            let worker = installing.clone();
            let notify = notify.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                // "installed" with a controller present means an update, not the first install.
                if worker.state() == ServiceWorkerState::Installed && container_has_controller() {
                    notify();
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
}

fn container_has_controller() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Lets the waiting worker take over, then reloads once it controls the page.
pub fn activate_update() {
    let Some(container) = container() else { return };
    let on_change = Closure::<dyn FnMut()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(ready) = container.ready() else { return };
        let Ok(Ok(registration)) = JsFuture::from(ready).await.map(JsCast::dyn_into::<ServiceWorkerRegistration>) else { return };
        match registration.waiting() {
            Some(waiting) => {
                let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
            }
            None => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
    });
}
