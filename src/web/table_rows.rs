//! A list's rows drawn straight into its table body: each new row a copy of
//! one row of markup, its marked parts filled with the row's text; a row
//! whose key stays on the page is kept as it is (`keyed_rows::plan`).
//!
//! Why not Leptos's keyed `For`: a list's rows are plain text, yet each row
//! built or removed by `For` went through Leptos's view machinery (an owner,
//! boxed view states, a DOM call an attribute or text). Keystrokes that
//! replaced the register's page spent about half their script there: 459 of a
//! profiled build's 868 ms over twenty such keystrokes at 13,000 enterprises
//! (`docs/benchmarks.md`). Here a new row is one copy of the row's markup with
//! each marked part set; the rows leaving a page leave in one call when none
//! stays.

use crate::keyed_rows::{kept, places, plan, Place};
use std::hash::Hash;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// One row of a list, as the text it shows.
pub trait TableRow {
    /// What makes two rows the same row: a row keeps its DOM while its key is on the page.
    type Key: Eq + Hash + Clone + 'static;
    fn key(&self) -> &Self::Key;
    /// The row's values, in the order the row's markup marks its parts.
    fn values(&self) -> Vec<&str>;
}

/// What a value sets on a marked element (`data-fill="href text"`: the
/// element's link, then its text).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Part {
    Text,
    Href,
    Class,
}

impl Part {
    fn of(word: &str) -> Option<Part> {
        match word {
            "text" => Some(Part::Text),
            "href" => Some(Part::Href),
            "class" => Some(Part::Class),
            _ => None,
        }
    }
}

/// The rows drawn in one table body, and how to build another.
pub struct TableRows<K> {
    body: Element,
    prototype: Element,
    /// For each marked element of a row, in document order: what its values set.
    parts: Vec<Vec<Part>>,
    drawn: Vec<(K, Element)>,
}

impl<K: Eq + Hash + Clone> TableRows<K> {
    /// Rows for `body`, built from `template`: the markup of one row, written
    /// in the app (never user text: values are set as text and attributes,
    /// never parsed), whose parts to fill carry `data-fill`. The body is taken
    /// to hold no rows yet.
    pub fn new(body: Element, template: &'static str) -> Option<TableRows<K>> {
        let holder = body.owner_document()?.create_element("tbody").ok()?;
        holder.set_inner_html(template);
        let prototype = holder.first_element_child()?;
        let marked = prototype.query_selector_all("[data-fill]").ok()?;
        let parts = (0..marked.length())
            .filter_map(|i| marked.item(i)?.dyn_into::<Element>().ok())
            .map(|e| e.get_attribute("data-fill").unwrap_or_default().split_whitespace().filter_map(Part::of).collect())
            .collect();
        Some(TableRows { body, prototype, parts, drawn: Vec::new() })
    }

    pub fn body(&self) -> &Element {
        &self.body
    }

    /// The keys of the rows on the page, in their order.
    pub fn drawn_keys(&self) -> impl Iterator<Item = &K> {
        self.drawn.iter().map(|(k, _)| k)
    }

    /// Makes the body show `rows`, in their order.
    pub fn draw<T: TableRow<Key = K>>(&mut self, rows: &[&T]) {
        let from = {
            let drawn: Vec<&K> = self.drawn_keys().collect();
            plan(&drawn, &rows.iter().map(|r| r.key()).collect::<Vec<_>>())
        };
        let mut old: Vec<Option<Element>> = std::mem::take(&mut self.drawn).into_iter().map(|(_, e)| Some(e)).collect();
        let kept = kept(&from, old.len());
        if !kept.contains(&true) {
            // One call, not one a row: a new page or a filter that keeps none of the rows.
            if !old.is_empty() {
                self.body.set_text_content(None);
            }
        } else {
            for e in old.iter().zip(&kept).filter(|(_, k)| !**k).filter_map(|(e, _)| e.as_ref()) {
                e.remove();
            }
        }
        for ((row, from), place) in rows.iter().zip(&from).zip(places(&from, &kept)) {
            // The row a new one goes before is looked up before this one is taken: never the same.
            let before = match place {
                Place::Before(i) => old[i].clone(),
                Place::Stays | Place::AtEnd => None,
            };
            let element = match from {
                Some(i) => old[*i].take(),
                None => self.build(*row),
            };
            let Some(element) = element else { continue };
            if place != Place::Stays {
                let _ = self.body.insert_before(&element, before.as_ref().map(|e| e.unchecked_ref::<web_sys::Node>()));
            }
            self.drawn.push((row.key().clone(), element));
        }
    }

    fn build<T: TableRow<Key = K>>(&self, row: &T) -> Option<Element> {
        let element: Element = self.prototype.clone_node_with_deep(true).ok()?.unchecked_into();
        let marked = element.query_selector_all("[data-fill]").ok()?;
        let mut values = row.values().into_iter();
        for (i, parts) in self.parts.iter().enumerate() {
            let Some(target) = marked.item(i as u32) else { break };
            let target: &Element = target.unchecked_ref();
            for part in parts {
                let value = values.next().unwrap_or_default();
                match part {
                    Part::Text => target.set_text_content(Some(value)),
                    Part::Href => {
                        let _ = target.set_attribute("href", value);
                    }
                    Part::Class => target.set_class_name(value),
                }
            }
        }
        Some(element)
    }
}
