//! Tells the app's other open tabs that stored data changed.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::BroadcastChannel;

const CHANNEL: &str = "nscl-tracker";

thread_local! {
    /// One channel object both sends and listens: a channel does not hear its
    /// own messages, so the page never re-reads what it just wrote itself.
    static CHANNEL_OF_PAGE: Option<BroadcastChannel> = BroadcastChannel::new(CHANNEL).ok();
}

/// What another tab changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Changed {
    /// Anything: read everything again.
    All,
    /// One survey: a draft saving as the officer types says only this, so
    /// other tabs read one record, not the whole province.
    Survey(String),
    /// One self-assessment, for the same reason as a survey.
    Assessment(String),
    /// One enterprise, saved or deleted: the other tabs read it alone rather
    /// than every survey and self-assessment again.
    Enterprise(String),
    /// One programme activity, saved or deleted.
    Activity(String),
}

fn post(message: &str) {
    CHANNEL_OF_PAGE.with(|c| {
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

/// Call after a write that changed one self-assessment and nothing else.
pub fn notify_assessment_changed(id: &str) {
    post(&format!("assessment:{id}"));
}

/// Call after a write that changed one enterprise and nothing else.
pub fn notify_enterprise_changed(id: &str) {
    post(&format!("enterprise:{id}"));
}

/// Call after a write that changed one activity and nothing else.
pub fn notify_activity_changed(id: &str) {
    post(&format!("activity:{id}"));
}

/// Runs `f` whenever another tab reports a change.
pub fn on_changed(f: impl Fn(Changed) + 'static) {
    let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let message = e.data().as_string().unwrap_or_default();
        f(match message.split_once(':') {
            Some(("survey", id)) if !id.is_empty() => Changed::Survey(id.to_string()),
            Some(("assessment", id)) if !id.is_empty() => Changed::Assessment(id.to_string()),
            Some(("enterprise", id)) if !id.is_empty() => Changed::Enterprise(id.to_string()),
            Some(("activity", id)) if !id.is_empty() => Changed::Activity(id.to_string()),
            _ => Changed::All,
        })
    });
    CHANNEL_OF_PAGE.with(|c| {
        if let Some(c) = c {
            c.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        }
    });
    // The page listens for as long as it lives.
    handler.forget();
}
