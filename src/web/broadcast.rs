//! Tells the app's other open tabs that stored data changed.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::BroadcastChannel;

const CHANNEL: &str = "nscl-tracker";

thread_local! {
    static SENDER: Option<BroadcastChannel> = BroadcastChannel::new(CHANNEL).ok();
}

/// What another tab changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Changed {
    /// Anything: read everything again.
    All,
    /// One survey: a draft saving as the officer types says only this, so
    /// other tabs read one record, not the whole province.
    Survey(String),
}

fn post(message: &str) {
    SENDER.with(|c| {
        if let Some(c) = c {
            let _ = c.post_message(&JsValue::from_str(message));
        }
    });
}

/// Call after every successful write.
pub fn notify_changed() {
    post("changed");
}

/// Call after a write that changed one survey and nothing else.
pub fn notify_survey_changed(id: &str) {
    post(&format!("survey:{id}"));
}

/// Runs `f` whenever another tab reports a change (a channel does not hear its own messages).
pub fn on_changed(f: impl Fn(Changed) + 'static) {
    let Ok(channel) = BroadcastChannel::new(CHANNEL) else { return };
    let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let message = e.data().as_string().unwrap_or_default();
        f(match message.strip_prefix("survey:") {
            Some(id) if !id.is_empty() => Changed::Survey(id.to_string()),
            _ => Changed::All,
        })
    });
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    // The channel must outlive this call to keep receiving.
    std::mem::forget(channel);
}
