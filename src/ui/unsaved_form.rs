//! A form left without saving keeps what was typed in it.
//!
//! The enterprise and activity forms save only when the officer clicks "Lưu" (the survey saves
//! itself). An officer who clicked another page, pressed Back or reloaded lost every edit without
//! a word. Now the fields on screen are copied at each edit; if the form goes away with changes
//! unsaved (another page, Back, a reload, the tab closed), the copy is kept in the crash rescue's
//! slot (`crash_rescue`, cause `LeftUnsaved`). Its banner lists the fields, and opening the same
//! form again (a reload does) puts them back, unless the record has changed since (then they are
//! only listed, `CrashRescue::version`). No prompt: a reload or Back is never held up, and
//! nothing is lost either way.

use crate::model::clock::Hlc;
use crate::ui::crash_rescue::Rescued;
use crate::web::panic_guard::{self, CrashRescue, RescueCause};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

/// A record's version as a form shows it (`panic_guard::RECORD_VERSION_ATTR`): its change stamp.
pub fn version_of(updated: &Hlc) -> String {
    format!("{}.{}.{}", updated.ms, updated.counter, updated.device)
}

#[derive(Default)]
struct State {
    /// The fields as at the last edit, while the form holds unsaved changes.
    copy: Option<CrashRescue>,
    /// A save is on its way: it keeps the text itself if it fails after the officer left
    /// (`StartedOn::keeping_typed`), so the form's going keeps nothing.
    saving: bool,
}

/// Watches a form while it is on screen. `unsaved` says whether the form holds changes not saved
/// (read on each edit). On the handle: `saving()` when the officer clicks save, `failed()` when
/// that save failed with the form still on screen, `done()` when it succeeded or the officer
/// cancelled (nothing is kept then).
pub fn guard(unsaved: impl Fn() -> bool + 'static, rescued: Rescued) -> UnsavedForm {
    // Shared with the cleanup, which Leptos asks to be `Send` (the page has one thread).
    let state: Arc<Mutex<State>> = Arc::default();
    let unsaved = Rc::new(unsaved);
    let take = {
        let (state, unsaved) = (state.clone(), unsaved.clone());
        move || {
            let typed = unsaved().then(panic_guard::fields_on_screen);
            if let Ok(mut s) = state.lock() {
                s.copy = typed;
            }
        }
    };
    // Edits: typing and choices, whichever field they are in (the listeners go with the form).
    let (on_input, on_change) = (take.clone(), take);
    let input = window_event_listener(leptos::ev::input, move |_| on_input());
    let change = window_event_listener(leptos::ev::change, move |_| on_change());
    let keep = {
        let state = state.clone();
        move || {
            let kept = state.lock().ok().and_then(|mut s| if s.saving { None } else { s.copy.take() });
            if let Some(typed) = kept {
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
    UnsavedForm(StoredValue::new(state))
}

/// The handle of a watched form.
#[derive(Clone, Copy)]
pub struct UnsavedForm(StoredValue<Arc<Mutex<State>>>);

impl UnsavedForm {
    fn with(&self, f: impl FnOnce(&mut State)) {
        let _ = self.0.try_with_value(|state| {
            if let Ok(mut s) = state.lock() {
                f(&mut s);
            }
        });
    }

    /// The officer clicked save.
    pub fn saving(&self) {
        self.with(|s| s.saving = true);
    }

    /// The save failed and the form is still on screen, with the text in it: kept again if
    /// the officer now leaves (for the conflicts list, say).
    pub fn failed(&self) {
        self.with(|s| s.saving = false);
    }

    /// Saved, or cancelled: nothing is kept when the form goes.
    pub fn done(&self) {
        self.with(|s| *s = State::default());
    }
}
