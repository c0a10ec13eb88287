//! Tells the app's other open tabs that stored data changed.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::BroadcastChannel;

const CHANNEL: &str = "nscl-tracker";

thread_local! {
    static SENDER: Option<BroadcastChannel> = BroadcastChannel::new(CHANNEL).ok();
}

/// Call after every successful write.
pub fn notify_changed() {
    SENDER.with(|c| {
        if let Some(c) = c {
            let _ = c.post_message(&JsValue::from_str("changed"));
        }
    });
}

/// Runs `f` whenever another tab reports a change (a channel does not hear its own messages).
pub fn on_changed(f: impl Fn() + 'static) {
    let Ok(channel) = BroadcastChannel::new(CHANNEL) else { return };
    let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| f());
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    // The channel must outlive this call to keep receiving.
    std::mem::forget(channel);
}
