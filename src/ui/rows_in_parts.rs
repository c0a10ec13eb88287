//! A list's page of rows drawn in two parts when it changes (its first draw
//! too): the rows already on the page and the new ones the screen shows
//! before the next frame, the other new rows just after it (`page_parts`).
//! The keystroke's frame then lays out what the officer sees, not fifty rows.

use crate::page_parts::{drawn_now, rows_on_screen, ON_SCREEN_UNMEASURED};
use leptos::html::Tbody;
use leptos::prelude::*;
use std::collections::HashSet;
use std::hash::Hash;
use std::time::Duration;

/// The rows to give the list's keyed `For`, following `page`, the rows of
/// page number `number`. `key` is the `For`'s key: a row it would keep is not
/// a new row. `body` is the table body the rows are drawn in, where the rows
/// on the screen are measured.
///
/// A page turned is drawn whole: the pager is below the rows, and a page
/// drawn short for a frame would pull the officer who clicked it up the list.
/// A filter typed on a later page takes the list back to the first, so it is
/// drawn whole too.
pub fn drawn_in_parts<T, K>(page: Memo<Vec<T>>, number: Signal<usize>, key: fn(&T) -> &K, body: NodeRef<Tbody>) -> ReadSignal<Vec<T>>
where
    T: Clone + Send + Sync + 'static,
    K: Eq + Hash + 'static,
{
    let drawn = RwSignal::new(Vec::<T>::new());
    // Which change the rest belongs to: a later change before the frame makes its own parts.
    let change = StoredValue::new(0u64);
    let drawn_number = StoredValue::new(number.get_untracked());
    Effect::new(move |_| {
        let full = page.get();
        let shown = number.get_untracked();
        let turned = drawn_number.get_value() != shown;
        drawn_number.set_value(shown);
        let now = if turned {
            None
        } else {
            let on_screen = body.get_untracked().map_or(ON_SCREEN_UNMEASURED, |b| measured(&b));
            drawn.with_untracked(|d| {
                let keys: HashSet<&K> = d.iter().map(key).collect();
                drawn_now(&full.iter().map(key).collect::<Vec<_>>(), &keys, on_screen)
            })
        };
        change.update_value(|c| *c += 1);
        let Some(now) = now else {
            drawn.set(full);
            return;
        };
        drawn.set(full.iter().zip(now).filter(|(_, now)| *now).map(|(row, _)| row.clone()).collect());
        let this = change.get_value();
        // A timeout set in a frame's callback runs after that frame is drawn. A hidden tab
        // draws no frames: its rest comes when it is shown.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if change.try_get_value() == Some(this) {
                        drawn.try_set(full);
                    }
                },
                Duration::ZERO,
            )
        });
    });
    drawn.read_only()
}

/// How many of the page's first rows the window shows, from where the table
/// body is and how tall its rows on the screen are: the shortest of them, so
/// a long name wrapped onto two lines never makes the count too small. Read
/// before the change is drawn, the page is usually as the last frame laid it
/// out (only the typed text has changed since) and the read costs a layout of
/// that text; when the last change's rest is not drawn yet, it lays those
/// rows out here instead of in the frame.
fn measured(body: &web_sys::HtmlTableSectionElement) -> usize {
    let window_height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(f64::NAN);
    let mut shortest = f64::INFINITY;
    let mut row = body.first_element_child();
    while let Some(r) = row {
        let rect = r.get_bounding_client_rect();
        // Rows of no height (a hidden list) say nothing; rows below the window are not seen.
        if rect.height() >= 1.0 {
            shortest = shortest.min(rect.height());
        }
        if !(rect.bottom() < window_height) {
            break;
        }
        row = r.next_element_sibling();
    }
    rows_on_screen(window_height, body.get_bounding_client_rect().top(), if shortest.is_finite() { shortest } else { 0.0 })
}
