//! After a page change, focus moves to the new page's main heading, so a
//! keyboard or screen-reader user starts reading the page they opened
//! instead of starting again at the top of the navigation.

use leptos::prelude::*;
use crate::ui::router::use_path;
use wasm_bindgen::JsCast;

/// How many frames to wait for a page whose code is still arriving (`LazyPage`) to show its heading.
const FRAMES: u32 = 180;

#[component]
pub fn PageFocus() -> impl IntoView {
    let path = use_path();
    Effect::new(move |previous: Option<String>| {
        let path = path.get();
        // Not on the first page of the visit: the browser starts there itself.
        if previous.is_some_and(|p| p != path) {
            focus_heading(FRAMES);
        }
        path
    });
}

fn focus_heading(frames_left: u32) {
    request_animation_frame(move || {
        let document = document();
        // Someone already chose where to be on the new page (typing in its search box): leave them there.
        let free = document.active_element().is_none_or(|a| a.tag_name() == "BODY" || a.closest("header, nav").ok().flatten().is_some());
        if !free {
            return;
        }
        match document.query_selector("main h1").ok().flatten() {
            Some(heading) => {
                if !heading.has_attribute("tabindex") {
                    let _ = heading.set_attribute("tabindex", "-1");
                }
                if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                    let _ = heading.focus();
                }
            }
            None if frames_left > 0 => focus_heading(frames_left - 1),
            None => {}
        }
    });
}
