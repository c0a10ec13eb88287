//! Text the officer typed that the app could not keep in its form: after the app stopped on an
//! error (`web::panic_guard`), brought back by the reload; after a save that failed once the
//! officer had left its form, kept where they went. It goes back into the same fields when the
//! same page opens, and is listed in a banner either way until dismissed.

use super::i18n::{tr, use_lang};
use super::state::{LoadStatus, Register};
use crate::i18n::Msg;
use crate::web::panic_guard::{self, CrashRescue, RescueCause};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// How many frames to wait for the page's fields to appear (about two seconds).
const FRAMES_TO_WAIT: u32 = 120;

/// The text put aside that the banner shows, and whether it has been put back into its form.
#[derive(Clone, Copy)]
pub struct Rescued(RwSignal<Option<(CrashRescue, bool)>>);

impl Rescued {
    /// What the last page load left stored (a crash's text, or a failed save's not yet put back).
    pub fn restored() -> Self {
        Rescued(RwSignal::new(panic_guard::rescue().map(|r| (r, false))))
    }

    /// Keeps `rescue` (stored, so a reload still has it) and shows it. It goes back into its form
    /// when the officer next opens that page, not into a form open now on the same address,
    /// which holds newer typing.
    pub fn keep(self, rescue: CrashRescue) {
        panic_guard::keep_rescue(&rescue);
        self.0.set(Some((rescue, false)));
    }
}

#[component]
pub fn CrashRescueBanner() -> impl IntoView {
    let register = expect_context::<Register>();
    let rescued = expect_context::<Rescued>();
    let location = use_location();
    let lang = use_lang();
    // Fills at start (a crash's reload) and on every page opened later (a failed save's form
    // opened again), once.
    // The router's path, not the browser's: the router tells of a new page before the browser's
    // address has changed.
    let path = location.pathname;
    Effect::new(move |_| {
        path.track();
        if register.status.get() != LoadStatus::Ready {
            return;
        }
        let Some((r, false)) = rescued.0.get_untracked() else { return };
        if r.cause != RescueCause::ChangedElsewhere && path.with_untracked(|p| *p == r.path) {
            fill_when_shown(r, 0, rescued, path);
        }
    });
    move || {
        let (r, filled) = rescued.0.get()?;
        let msg = match (r.cause, filled) {
            (RescueCause::Crashed, true) => Msg::CrashRestored,
            (RescueCause::Crashed, false) => Msg::CrashRestoredElsewhere,
            (RescueCause::NotSaved, true) => Msg::NotSavedRestored,
            (RescueCause::NotSaved, false) => Msg::NotSavedKept,
            (RescueCause::ChangedElsewhere, _) => Msg::ChangedElsewhereKept,
        };
        // A failed save's form, one click away while it is not back on screen.
        let reopen = (r.cause != RescueCause::Crashed && !filled).then(|| {
            let label = if r.cause == RescueCause::NotSaved { Msg::ReopenForm } else { Msg::OpenRecordNow };
            view! { <p><A href=r.path.clone() attr:data-testid="rescued-reopen">{tr(label)}</A></p> }
        });
        let fields = r.fields.clone();
        Some(view! {
            <div class="banner banner-warning" role="alert" data-testid="crash-rescued">
                <p>{move || lang.get().t(msg)}</p>
                <dl class="details small" data-testid="crash-rescued-fields">
                    {fields.into_iter().map(|f| view! { <dt>{f.label}</dt><dd>{f.value}</dd> }).collect_view()}
                </dl>
                {reopen}
                <button type="button" class="button" data-testid="crash-dismiss"
                    on:click=move |_| { panic_guard::forget_rescue(); rescued.0.set(None); }>{tr(Msg::Dismiss)}</button>
            </div>
        })
    }
}

/// Fills the fields once they are all on screen; the text then lives in the
/// form, and is forgotten from storage so a later reload does not type it
/// again. Fields that never appear (a survey section not shown) leave the
/// rescue stored, and the banner lists everything.
fn fill_when_shown(r: CrashRescue, frame: u32, rescued: Rescued, path: Memo<String>) {
    request_animation_frame(move || {
        // Another rescue took its place meanwhile, or the officer went on to another page.
        let gone = path.try_with_untracked(|p| *p != r.path).unwrap_or(true);
        if gone || rescued.0.try_with_untracked(|now| now.as_ref().map(|(n, _)| n) != Some(&r)).unwrap_or(true) {
            return;
        }
        if panic_guard::present(&r) == r.fields.len() {
            panic_guard::fill(&r);
            panic_guard::forget_rescue();
            rescued.0.set(Some((r, true)));
        } else if frame < FRAMES_TO_WAIT {
            fill_when_shown(r, frame + 1, rescued, path);
        }
    });
}
