//! Text the officer typed that the app could not keep in its form: after the app stopped on an
//! error (`web::panic_guard`), brought back by the reload; after a save that failed once the
//! officer had left its form, kept where they went. It goes back into the same fields when the
//! same page opens, and is listed in a banner either way until dismissed.

use super::i18n::{tr, use_lang};
use super::started_on::page_changes;
use super::state::{LoadStatus, Register};
use crate::i18n::Msg;
use crate::web::panic_guard::{self, CrashRescue, RescueCause};
use leptos::prelude::*;
use crate::ui::router::use_path;

/// How many frames to wait for the page's fields to appear (about two seconds).
const FRAMES_TO_WAIT: u32 = 120;

/// What the banner shows: the text put aside, how much of it is back in its form, and (for a
/// failed save's) the count of page changes when it was kept.
#[derive(Clone)]
struct Shown {
    rescue: CrashRescue,
    filled: Filled,
    kept_at: Option<u64>,
}

#[derive(Clone, Copy, PartialEq)]
enum Filled {
    No,
    All,
    /// Some fields never came on screen (the form changed, or a choice that shows them was not
    /// among the rescued fields): the list is what remains.
    Partly,
}

/// The text put aside that the banner shows.
#[derive(Clone, Copy)]
pub struct Rescued(RwSignal<Option<Shown>>);

impl Rescued {
    /// What the last page load left stored (a crash's text, or a failed save's not yet put back).
    pub fn restored() -> Self {
        Rescued(RwSignal::new(panic_guard::rescue().map(|rescue| Shown { rescue, filled: Filled::No, kept_at: None })))
    }

    /// Keeps `rescue` (stored, so a reload still has it) and shows it. It goes back into its form
    /// when the officer next opens that page, not into a form open now on the same address,
    /// which holds newer typing.
    pub fn keep(self, rescue: CrashRescue) {
        panic_guard::keep_rescue(&rescue);
        self.0.set(Some(Shown { rescue, filled: Filled::No, kept_at: Some(page_changes()) }));
    }
}

/// Puts the text back into its form's fields when that page is open, and shows the banner when
/// there is text put aside. Putting it back stays here: text typed after a crash must build on
/// the rescued text, not replace it when the form is left. The banner that lists it comes from a
/// chunk (`split_pages::crash_rescue_banner`), as few starts have any; without it the part's
/// message offers to try again, and the text is back in its form all the same.
#[component]
pub fn CrashRescueBanner() -> impl IntoView {
    let register = expect_context::<Register>();
    let rescued = expect_context::<Rescued>();
    // The router's path, a signal this follows, not the browser's.
    let path = use_path();
    // Fills at start (a crash's reload) and on a page opened later (a failed save's form opened
    // again), once.
    Effect::new(move |_| {
        let here = path.get();
        if register.status.get() != LoadStatus::Ready {
            return;
        }
        let Some(shown) = rescued.0.get_untracked() else { return };
        if shown.filled == Filled::No && shown.rescue.cause.fills() && here == shown.rescue.path {
            let all = (0..shown.rescue.fields.len()).collect();
            fill_when_shown(shown, all, false, 0, rescued, path);
        }
    });
    // Whether there is any, not what: the banner's changes (filled, another rescue) are its own.
    let any = Memo::new(move |_| rescued.0.with(Option::is_some));
    move || any.get().then(|| view! { <super::lazy_page::LazyPage load=super::split_pages::crash_rescue_banner part=true/> })
}

/// The text put aside, listed, with what became of it and a way to reopen its form.
#[component]
pub fn CrashRescueDetails() -> impl IntoView {
    let rescued = expect_context::<Rescued>();
    let path = use_path();
    let lang = use_lang();
    move || {
        let Shown { rescue: r, filled, .. } = rescued.0.get()?;
        let msg = match (r.cause, filled) {
            (RescueCause::Crashed, Filled::All) => Msg::CrashRestored,
            (RescueCause::Crashed, Filled::No) => Msg::CrashRestoredElsewhere,
            (RescueCause::NotSaved, Filled::All) => Msg::NotSavedRestored,
            (RescueCause::NotSaved, Filled::No) => Msg::NotSavedKept,
            (RescueCause::LeftUnsaved, Filled::All) => Msg::NotSavedRestored,
            (RescueCause::LeftUnsaved, Filled::No) => Msg::LeftUnsavedKept,
            (_, Filled::Partly) => Msg::RestoredInPart,
            (RescueCause::ChangedElsewhere, _) => Msg::ChangedElsewhereKept,
            (RescueCause::DeletedElsewhere, _) => Msg::DeletedElsewhereKept,
        };
        // A failed save's form, one click away while it is not back on screen (and not the page shown).
        let away = path.with(|p| *p != r.path);
        let reopen = (r.cause != RescueCause::Crashed && filled == Filled::No && away).then(|| {
            // A deleted record has no page to open: it is brought back from the deleted records.
            let (to, label) = match r.cause {
                RescueCause::NotSaved | RescueCause::LeftUnsaved => (r.path.clone(), Msg::ReopenForm),
                RescueCause::DeletedElsewhere => ("/deleted".to_string(), Msg::OpenRecentlyDeleted),
                _ => (r.path.clone(), Msg::OpenRecordNow),
            };
            view! { <p><a href=to data-testid="rescued-reopen">{tr(label)}</a></p> }
        });
        let fields: Vec<_> = r.shown().cloned().collect();
        let written_in = r.lang;
        Some(view! {
            <div class="banner banner-warning" role="alert" data-testid="crash-rescued">
                <p>{move || lang.get().t(msg)}</p>
                <dl class="details small" data-testid="crash-rescued-fields">
                    // A figure copied in the other language is listed as this one writes it.
                    {fields.into_iter().map(|f| { let label = f.label.clone(); view! { <dt>{label}</dt><dd>{move || f.shown_in(written_in, lang.get())}</dd> } }).collect_view()}
                </dl>
                {reopen}
                <button type="button" class="button" data-testid="crash-dismiss"
                    on:click=move |_| { panic_guard::forget_rescue(); rescued.0.set(None); }>{tr(Msg::Dismiss)}</button>
            </div>
        })
    }
}

/// Fills the fields as they come on screen, a frame at a time: a ticked box or a chosen kind
/// brings others. Once all are in, or after about two seconds with some in, the text lives in
/// the form and is forgotten from storage, so a later reload does not type it again; the banner
/// still lists it until dismissed. With none in (another page took its place), it stays stored.
fn fill_when_shown(shown: Shown, left: Vec<usize>, any: bool, frame: u32, rescued: Rescued, path: ReadSignal<String>) {
    request_animation_frame(move || {
        // Another rescue took its place meanwhile, or the officer went on to another page.
        let gone = path.try_with_untracked(|p| *p != shown.rescue.path).unwrap_or(true);
        if gone || rescued.0.try_with_untracked(|now| now.as_ref().map(|n| &n.rescue) != Some(&shown.rescue)).unwrap_or(true) {
            return;
        }
        // A failed save's text goes only into a form opened after it was kept, never into one
        // open then (which holds newer typing), whatever else made the banner look (the register
        // read again). Asked here, a frame on, the page change that opened this one is counted.
        if shown.kept_at.is_some_and(|k| page_changes() <= k) {
            return;
        }
        // The record changed since the text was typed (an import, another tab): the text is only
        // listed, as for a save refused for that; put back, all of it would be saved over the change.
        if shown.rescue.version.is_some() && !any {
            let now = panic_guard::record_version_on_screen();
            if now.is_some() && now != shown.rescue.version {
                let rescue = CrashRescue { cause: RescueCause::ChangedElsewhere, ..shown.rescue.clone() };
                panic_guard::keep_rescue(&rescue);
                rescued.0.set(Some(Shown { rescue, ..shown }));
                return;
            }
        }
        let done = panic_guard::fill(&shown.rescue, &left);
        let any = any || !done.is_empty();
        let left: Vec<usize> = left.into_iter().filter(|i| !done.contains(i)).collect();
        if !left.is_empty() && frame < FRAMES_TO_WAIT {
            fill_when_shown(shown, left, any, frame + 1, rescued, path);
        } else if any {
            panic_guard::forget_rescue();
            let filled = if left.is_empty() { Filled::All } else { Filled::Partly };
            rescued.0.set(Some(Shown { filled, ..shown }));
        }
    });
}
