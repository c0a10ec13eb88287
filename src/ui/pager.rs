//! Paging for long lists: "showing 1–50 of 5,000" and previous/next. Only one
//! page of rows is ever in the DOM.

use super::i18n::{tr, use_lang};
use crate::i18n::Msg;
use leptos::prelude::*;

pub const PAGE_SIZE: usize = 50;

/// What a list page shows under its filters. Views branch on a memo of this,
/// not on the checks themselves: a memo tells its readers only when it
/// changes, so the table, and the rows its keyed `For` keeps, live on while
/// the officer types, instead of being built anew on every keystroke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListBody {
    Loading,
    /// Nothing is stored yet.
    Nothing,
    /// Records exist, but none passes the search and filters.
    NoMatch,
    Rows,
}

impl ListBody {
    /// `waiting`: the register is not read yet. `ready`: every record of the
    /// list's kind has been read; until then the rows read so far show, and a
    /// list with no match yet waits, since a match may still come.
    pub fn of(waiting: bool, ready: bool, any_match: bool, any_live: bool) -> ListBody {
        if waiting || (!ready && !any_match) {
            ListBody::Loading
        } else if any_match {
            ListBody::Rows
        } else if !any_live {
            ListBody::Nothing
        } else {
            ListBody::NoMatch
        }
    }
}

/// Said above a list while its kind is still being read from the store: the
/// rows shown are those read so far, and more are coming.
#[component]
pub fn StillReading(progress: Signal<Option<(usize, usize)>>) -> impl IntoView {
    let lang = use_lang();
    move || {
        progress.get().map(|(read, total)| view! { <p class="muted" role="status" data-testid="still-reading">{lang.get().still_reading(read, total)}</p> })
    }
}

pub fn page_count(total: usize) -> usize {
    total.div_ceil(PAGE_SIZE).max(1)
}

#[component]
pub fn ResultCount(total: Signal<usize>, page: Signal<usize>, testid: &'static str) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="result-count" role="status" data-testid=testid>
            {move || {
                let total = total.get();
                if total == 0 { return String::new(); }
                let start = page.get() * PAGE_SIZE;
                lang.get().showing(start + 1, (start + PAGE_SIZE).min(total), total)
            }}
        </p>
    }
}

#[component]
pub fn Pager(total: Signal<usize>, page: Signal<usize>, on_page: Callback<usize>) -> impl IntoView {
    let lang = use_lang();
    let pages = move || page_count(total.get());
    view! {
        <nav class="pagination" aria-label=tr(Msg::Pagination)>
            <Show when=move || { pages() > 1 }>
                <button type="button" data-testid="prev-page" disabled=move || page.get() == 0
                    on:click=move |_| on_page.run(page.get().saturating_sub(1))>{tr(Msg::PrevPage)}</button>
                <span data-testid="page-indicator">{move || lang.get().page_of(page.get() + 1, pages())}</span>
                <button type="button" data-testid="next-page" disabled=move || { page.get() + 1 >= pages() }
                    on:click=move |_| on_page.run(page.get() + 1)>{tr(Msg::NextPage)}</button>
            </Show>
        </nav>
    }
}
