//! Puts a step's rows into IndexedDB from their layout (`store::row_layout`):
//! the step's strings cross from wasm as one text, decoded once, and each
//! row's strings are cut out of it by index. Handed over one by one through
//! serde, every string of a row (its field names too) was decoded on its own,
//! about 0.7 s of a province's import in the decoder's calls alone.

use crate::store::row_layout::RowLayout;
use js_sys::{JsString, Object, Reflect};
use wasm_bindgen::JsValue;

/// Issues the put of every row of `layout` into its store, in order, inside
/// `tx` (which must be active and include those stores). Gives back the first
/// put's request, or `None` for an empty layout.
pub(super) fn put_all(tx: &web_sys::IdbTransaction, layout: &RowLayout) -> Result<Option<web_sys::IdbRequest>, JsValue> {
    if layout.is_empty() {
        return Ok(None);
    }
    let text = JsString::from(layout.text.as_str());
    let stores = layout.stores.iter().map(|name| tx.object_store(name)).collect::<Result<Vec<_>, _>>()?;
    // The row's fields in the order serde wrote them (`store::Row`): a stored row's text, as the
    // tests compare it byte for byte, is the same either way.
    let [id, updated_ms, keys, json] = ["id", "updated_ms", "keys", "json"].map(JsValue::from_str);
    let cut = |(start, end): (u32, u32)| JsValue::from(text.slice(start, end));
    let mut first = None;
    for row in layout.spans() {
        let value = Object::new();
        Reflect::set(&value, &id, &cut(row.id))?;
        Reflect::set(&value, &updated_ms, &JsValue::from_f64(row.updated_ms))?;
        let index_keys = Object::new();
        for (name, key) in &row.keys {
            Reflect::set(&index_keys, &cut(*name), &cut(*key))?;
        }
        Reflect::set(&value, &keys, &index_keys)?;
        Reflect::set(&value, &json, &cut(row.json))?;
        let request = stores[row.store].put(&value)?;
        first.get_or_insert(request);
    }
    Ok(first)
}
