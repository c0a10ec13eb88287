//! After the app stopped on an error (`web::panic_guard`), the reload brings
//! back what the officer was typing: into the same fields when the same page
//! opens, and listed in a banner either way until dismissed.

use super::i18n::{tr, use_lang};
use super::state::{LoadStatus, Register};
use crate::i18n::Msg;
use crate::web::{browser, panic_guard};
use leptos::prelude::*;

/// How many frames to wait for the page's fields to appear (about two seconds).
const FRAMES_TO_WAIT: u32 = 120;

#[component]
pub fn CrashRescueBanner() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let rescue = RwSignal::new(panic_guard::rescue());
    let filled = RwSignal::new(false);
    Effect::new(move |_| {
        if register.status.get() != LoadStatus::Ready {
            return;
        }
        let Some(r) = rescue.get_untracked() else { return };
        if r.path == browser::current_path() && !filled.get_untracked() {
            fill_when_shown(r, 0, filled);
        }
    });
    move || {
        let r = rescue.get()?;
        let fields = r.fields.clone();
        Some(view! {
            <div class="banner banner-warning" role="alert" data-testid="crash-rescued">
                <p>{move || lang.get().t(if filled.get() { Msg::CrashRestored } else { Msg::CrashRestoredElsewhere })}</p>
                <dl class="details small" data-testid="crash-rescued-fields">
                    {fields.into_iter().map(|f| view! { <dt>{f.label}</dt><dd>{f.value}</dd> }).collect_view()}
                </dl>
                <button type="button" class="button" data-testid="crash-dismiss"
                    on:click=move |_| { panic_guard::forget_rescue(); rescue.set(None); }>{tr(Msg::Dismiss)}</button>
            </div>
        })
    }
}

/// Fills the fields once they are all on screen; the text then lives in the
/// form, and is forgotten from storage so a later reload does not type it
/// again. Fields that never appear (a survey section not shown) leave the
/// rescue stored, and the banner lists everything.
fn fill_when_shown(r: panic_guard::CrashRescue, frame: u32, filled: RwSignal<bool>) {
    request_animation_frame(move || {
        if panic_guard::present(&r) == r.fields.len() {
            panic_guard::fill(&r);
            panic_guard::forget_rescue();
            filled.set(true);
        } else if frame < FRAMES_TO_WAIT {
            fill_when_shown(r, frame + 1, filled);
        }
    });
}
