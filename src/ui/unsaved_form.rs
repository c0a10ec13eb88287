//! A form left without saving keeps what was typed in it.
//!
//! The enterprise and activity forms save only when the officer clicks "Lưu" (the survey saves
//! itself). An officer who clicked another page, pressed Back or reloaded lost every edit without
//! a word. Now the fields on screen are copied at each edit; if the form goes away with changes
//! unsaved (another page, Back, a reload, the tab closed), the copy is kept in the crash rescue's
//! slot (`crash_rescue`, cause `LeftUnsaved`). Its banner lists the fields, and opening the same
//! form again (a reload does) puts them back. No prompt: a reload or Back is never held up, and
//! nothing is lost either way.

use crate::ui::crash_rescue::Rescued;
use crate::web::panic_guard::{self, CrashRescue, RescueCause};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

/// Watches a form while it is on screen. `unsaved` says whether the form holds changes not saved
/// (read on each edit). Call `done()` on the handle when the officer clicks save (from then on
/// the save itself keeps the text if it fails, `StartedOn::keeping_typed`) or cancel: a form left
/// that way keeps nothing.
pub fn guard(unsaved: impl Fn() -> bool + 'static, rescued: Rescued) -> UnsavedForm {
    // Shared with the cleanup, which Leptos asks to be `Send` (the page has one thread).
    let copy: Arc<Mutex<Option<CrashRescue>>> = Arc::default();
    let unsaved = Rc::new(unsaved);
    let take = {
        let (copy, unsaved) = (copy.clone(), unsaved.clone());
        move || {
            let typed = unsaved().then(panic_guard::fields_on_screen);
            if let Ok(mut c) = copy.lock() {
                *c = typed;
            }
        }
    };
    // Edits: typing and choices, whichever field they are in (the listeners go with the form).
    let (on_input, on_change) = (take.clone(), take);
    let input = window_event_listener(leptos::ev::input, move |_| on_input());
    let change = window_event_listener(leptos::ev::change, move |_| on_change());
    let keep = {
        let copy = copy.clone();
        move || {
            if let Some(typed) = copy.lock().ok().and_then(|mut c| c.take()) {
                rescued.keep(CrashRescue { cause: RescueCause::LeftUnsaved, at_ms: js_sys::Date::now() as i64, ..typed });
            }
        }
    };
    // A reload or a closed tab: the page goes before any cleanup runs.
    let on_hide = keep.clone();
    let hide = window_event_listener(leptos::ev::pagehide, move |_| on_hide());
    on_cleanup(move || {
        input.remove();
        change.remove();
        hide.remove();
        keep();
    });
    UnsavedForm(StoredValue::new(copy))
}

/// The handle of a watched form.
#[derive(Clone, Copy)]
pub struct UnsavedForm(StoredValue<Arc<Mutex<Option<CrashRescue>>>>);

impl UnsavedForm {
    /// The officer clicked save or cancel: nothing is kept when the form goes.
    pub fn done(&self) {
        let _ = self.0.try_with_value(|copy| {
            if let Ok(mut c) = copy.lock() {
                c.take();
            }
        });
    }
}
