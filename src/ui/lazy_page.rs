//! Pages whose code loads on first use: each lives in a split-off wasm chunk
//! (`split_view!`), fetched when the officer first opens it and kept by the
//! service worker from then on.
//!
//! Leptos 0.8's own `#[lazy_route]` panics when a chunk fails to load, and a wasm
//! panic kills the whole page with the officer's unsaved text in it. These
//! split points use wasm-split's `fallible` option instead: a chunk that cannot be
//! fetched (offline before the service worker had it, a blocked request, a
//! deployment that replaced it) becomes a message on that page only, while the
//! shell, the navigation and every other open page keep working.
//!
//! The split happens only when the build asks for it (`SPLIT=1`, which `make` sets;
//! `build.rs` then sets `cfg(nscl_split)` and keeps the link's relocations). Without
//! it the same loaders are plain async functions: native tests and the wasm-bindgen
//! tests, which cannot run split code, see one ordinary module.

use super::i18n::tr;
use crate::i18n::Msg;
use leptos::prelude::*;
use std::future::Future;

/// A page's view, as a function living in its chunk.
pub type PageView = fn() -> AnyView;

/// The page's chunk could not be fetched or started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkError;

#[cfg(nscl_split)]
impl From<::leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: ::leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// Declares `pub async fn $name() -> Result<$ty, ChunkError>` whose value, and the
/// code only it reaches, goes into the wasm chunk `$chunk` (several loaders may share
/// a chunk). The chunk is fetched on the first call; a failed fetch is an `Err`, and
/// the next call tries again. `$value` is usually a function, the chunk's way in.
macro_rules! split_value {
    ($(#[$doc:meta])* $name:ident in $chunk:ident -> $ty:ty = $value:expr) => {
        $(#[$doc])*
        #[cfg(nscl_split)]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name() -> ::core::result::Result<$ty, $crate::ui::lazy_page::ChunkError> {
            // Whatever the chunk draws may show the pages' texts, which come with chunks.
            $crate::i18n::page_texts::install();
            ::core::result::Result::Ok($value)
        }
        $(#[$doc])*
        #[cfg(not(nscl_split))]
        pub async fn $name() -> ::core::result::Result<$ty, $crate::ui::lazy_page::ChunkError> {
            ::core::result::Result::Ok($value)
        }
    };
}
pub(crate) use split_value;

/// A page's view in the chunk `$chunk`: `split_value!` of a `PageView`.
macro_rules! split_view {
    ($(#[$doc:meta])* $name:ident in $chunk:ident => $view:expr) => {
        $crate::ui::lazy_page::split_value!($(#[$doc])* $name in $chunk -> $crate::ui::lazy_page::PageView = || ::leptos::prelude::IntoAny::into_any($view));
    };
}
pub(crate) use split_view;

thread_local! {
    /// Whether a page loaded from a chunk has been opened in this tab: its group's chunks then
    /// bring the shared ones, and `split_pages::warm_after_start` leaves them to it.
    static PAGE_OPENED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a page from a chunk has been opened in this tab (not a part of the home page).
pub fn page_opened() -> bool {
    PAGE_OPENED.with(|o| o.get())
}

// No PartialEq: function pointers do not compare reliably, and nothing needs to.
#[derive(Clone, Copy)]
enum Loaded {
    Waiting,
    Ready(PageView),
    Failed,
}

/// What a page's loader gives, boxed: one type for every page.
type Loading = std::pin::Pin<Box<dyn Future<Output = Result<PageView, ChunkError>>>>;

/// Shows the page `load` fetches: nothing while its chunk is on its way (from the
/// service worker's cache that is a few milliseconds, so no spinner flashes), "loading"
/// if that takes longer (a first visit on a slow connection), then the page, or a
/// message with "try again" and "reload" if the chunk could not be loaded. `part`: this
/// is a part of a page that is already up (the dashboard's charts), and the message says so.
#[component]
pub fn LazyPage<F, Fut>(load: F, #[prop(optional)] part: bool) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<PageView, ChunkError>> + 'static,
{
    // Only the boxing is made per page: the rest, one copy for them all (a copy per page was
    // about 14 KB of the first download's wasm for twenty-one pages).
    lazy_page(StoredValue::new_local(Box::new(move || Box::pin(load()) as Loading)), part)
}

fn lazy_page(load: StoredValue<Box<dyn Fn() -> Loading>, LocalStorage>, part: bool) -> AnyView {
    if !part {
        PAGE_OPENED.with(|o| o.set(true));
    }
    let state = RwSignal::new(Loaded::Waiting);
    let slow = RwSignal::new(false);
    // Each attempt's number: a "slow" timer left from an attempt that already failed must not
    // mark the next one slow before its time.
    let attempt = RwSignal::new(0u32);
    let fetch = move || {
        // The page was left: nothing to load for.
        let Some(loading) = load.try_with_value(|l| l()) else { return };
        state.set(Loaded::Waiting);
        slow.set(false);
        let this = attempt.get_untracked().wrapping_add(1);
        attempt.set(this);
        set_timeout(
            move || {
                if attempt.try_get_untracked() == Some(this) {
                    let _ = slow.try_set(true);
                }
            },
            std::time::Duration::from_millis(300),
        );
        leptos::task::spawn_local(async move {
            // A part (the dashboard's indicators, the welcome form, the rescue banner) waits for
            // the page it is part of to be drawn, and so does its "try again": asking for a group's
            // files takes the page itself tens of milliseconds, which would come before that paint.
            if part {
                crate::web::browser::after_paint().await;
            }
            let loaded = match loading.await {
                Ok(view) => Loaded::Ready(view),
                Err(ChunkError) => Loaded::Failed,
            };
            // The officer may have moved on while the chunk loaded: the signal is gone then.
            let _ = state.try_set(loaded);
        });
    };
    fetch();
    (move || match state.get() {
        Loaded::Waiting => slow.get().then(|| view! {
            <p class="banner" role="status" data-testid="chunk-loading">{tr(Msg::PageLoading)}</p>
        }).into_any(),
        Loaded::Ready(view) => view(),
        Loaded::Failed => view! {
            <section class:page=!part>
                <div class="banner banner-error" role="alert" data-testid="chunk-failed">
                    <p>{tr(if part { Msg::PartLoadFailed } else { Msg::PageLoadFailed })}</p>
                    <p>
                        <button type="button" class="button primary" data-testid="chunk-retry" on:click=move |_| fetch()>{tr(Msg::PageLoadRetry)}</button>
                        " "
                        <button type="button" class="button" data-testid="chunk-reload" on:click=|_| crate::web::browser::reload()>{tr(Msg::CrashReload)}</button>
                    </p>
                </div>
            </section>
        }
        .into_any(),
    })
    .into_any()
}
