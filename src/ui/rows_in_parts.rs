//! A list's page of rows drawn in two parts when it changes (its first draw
//! too): the rows already on the page and the new ones the screen shows
//! before the next frame, the other new rows just after it (`page_parts`).
//! The keystroke's frame then lays out what the officer sees, not fifty rows.

use crate::page_parts::{drawn_now, rows_on_screen};
use crate::web::table_rows::{TableRow, TableRows};
use leptos::html::Tbody;
use leptos::prelude::*;
use std::collections::HashSet;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Draws `page`, the rows of page number `number`, into the table body
/// `body` (which the view leaves empty), each row built from `template`
/// (`web::table_rows`). A row whose key stays is kept, not a new row.
///
/// A page turned is drawn whole: the pager is below the rows, and a page
/// drawn short for a frame would pull the officer who clicked it up the list.
/// A filter typed on a later page takes the list back to the first, so it is
/// drawn whole too.
pub fn draw_in_parts<T>(page: Memo<Vec<T>>, number: Signal<usize>, body: NodeRef<Tbody>, template: &'static str)
where
    T: TableRow + Clone + Send + Sync + 'static,
{
    let table = StoredValue::new_local(None::<TableRows<T::Key>>);
    // Which change the rest belongs to: a later change before the frame makes its own parts.
    let change = StoredValue::new(0u64);
    let drawn_number = StoredValue::new(number.get_untracked());
    Effect::new(move |_| {
        let full = page.get();
        // The body comes and goes with the list's table ("no match", then rows again): a new one holds no rows.
        let Some(tbody) = body.get() else { return };
        let tbody: web_sys::Element = tbody.unchecked_into();
        table.update_value(|t| {
            if t.as_ref().is_none_or(|t| *t.body() != tbody) {
                *t = TableRows::new(tbody.clone(), template);
            }
        });
        let shown = number.get_untracked();
        let turned = drawn_number.get_value() != shown;
        drawn_number.set_value(shown);
        let now = if turned {
            None
        } else {
            let on_screen = measured(&tbody);
            table.with_value(|t| {
                let keys: HashSet<&T::Key> = t.iter().flat_map(|t| t.drawn_keys()).collect();
                drawn_now(&full.iter().map(T::key).collect::<Vec<_>>(), &keys, on_screen)
            })
        };
        change.update_value(|c| *c += 1);
        let draw = move |rows: &[&T]| table.try_update_value(|t| t.as_mut().map(|t| t.draw(rows)));
        let Some(now) = now else {
            draw(&full.iter().collect::<Vec<_>>());
            return;
        };
        draw(&full.iter().zip(now).filter(|(_, now)| *now).map(|(row, _)| row).collect::<Vec<_>>());
        let this = change.get_value();
        // A timeout set in a frame's callback runs after that frame is drawn. A hidden tab
        // draws no frames: its rest comes when it is shown.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if change.try_get_value() == Some(this) {
                        draw(&full.iter().collect::<Vec<_>>());
                    }
                },
                Duration::ZERO,
            )
        });
    });
}

/// How many of the page's first rows the window shows, from where the table
/// body is and how tall its rows on the screen are: the shortest of them, so
/// a long name wrapped onto two lines never makes the count too small. Read
/// before the change is drawn, the page is usually as the last frame laid it
/// out (only the typed text has changed since) and the read costs a layout of
/// that text; when the last change's rest is not drawn yet, it lays those
/// rows out here instead of in the frame.
fn measured(body: &web_sys::Element) -> usize {
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
