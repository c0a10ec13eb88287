//! Field by field: what differs between two versions of a record, for the
//! import preview and the conflicts list, and a merge that takes each field
//! from the version a person picked.
//!
//! Works on any kind through its JSON form, one entry per payload field, so
//! a new kind needs nothing here; `SyncKind::field_label` gives the
//! officer's words for the fields a kind knows.

use super::kinds::SyncKind;
use crate::i18n::Lang;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A payload's fields as JSON values. Through its text, not `to_value`: the
/// app already has each payload's writer to text and the reader of text
/// into a `Value`, and a second serializer per kind would only add size.
fn fields<T: serde::Serialize>(payload: &T) -> Map<String, Value> {
    match serde_json::to_string(payload).ok().and_then(|t| serde_json::from_str::<Value>(&t).ok()) {
        Some(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// A field's value as plain text: strings as they are, lists joined, the rest as JSON.
fn text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => if *b { "✓".into() } else { "✗".into() },
        Some(Value::Array(items)) if items.iter().all(|i| i.is_string()) => items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "),
        Some(other) => other.to_string(),
    }
}

/// One field across several versions of a record, where they differ.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldRow {
    pub key: String,
    pub label: String,
    /// The field's text in each version, in the versions' order.
    pub values: Vec<String>,
}

/// The fields on which the versions do not all agree, in field-name order.
pub fn field_table<T: SyncKind>(versions: &[&T], lang: Lang) -> Vec<FieldRow> {
    let all: Vec<Map<String, Value>> = versions.iter().map(|v| fields(*v)).collect();
    crate::sort::sorted_unique(all.iter().flat_map(|m| m.keys()))
        .into_iter()
        .filter(|k| all.iter().any(|m| m.get(*k) != all[0].get(*k)))
        .map(|k| FieldRow { key: k.clone(), label: T::field_label(k, lang).unwrap_or_else(|| k.clone()), values: all.iter().map(|m| text(m.get(k))).collect() })
        .collect()
}

/// A payload made of `base` with each field in `picks` taken from the
/// payload at that index of `versions`. `None` if the result is not a valid
/// payload (it always is when the versions are of one kind).
pub fn merge_fields<T: SyncKind>(base: &T, versions: &[&T], picks: &BTreeMap<String, usize>) -> Option<T> {
    let mut merged = fields(base);
    for (key, &index) in picks {
        let source = fields(*versions.get(index)?);
        match source.get(key) {
            Some(v) => merged.insert(key.clone(), v.clone()),
            None => merged.remove(key),
        };
    }
    // Back through text for the same reason: the reader of text exists for every kind.
    serde_json::from_str(&Value::Object(merged).to_string()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::enterprise::Enterprise;

    #[test]
    fn differing_fields_are_listed_with_labels_and_merged_by_pick() {
        let a = Enterprise { name: "Sen Hồng".into(), address: "Sa Đéc".into(), employees: Some(12), ..Default::default() };
        let b = Enterprise { name: "Sen Hồng <b>".into(), address: "Sa Đéc".into(), employees: Some(15), notes: "mới".into(), ..Default::default() };
        let diff = field_table(&[&a, &b], Lang::Vi);
        let keys: Vec<&str> = diff.iter().map(|d| d.key.as_str()).collect();
        assert_eq!(keys, vec!["employees", "name", "notes"]);
        assert_eq!((diff[1].label.as_str(), diff[1].values.clone()), ("Tên doanh nghiệp", vec!["Sen Hồng".to_string(), "Sen Hồng <b>".to_string()]));
        assert_eq!(diff[0].values, vec!["12".to_string(), "15".to_string()]);
        let picks: BTreeMap<String, usize> = [("name".to_string(), 0), ("employees".to_string(), 1), ("notes".to_string(), 1)].into_iter().collect();
        let merged = merge_fields(&a, &[&a, &b], &picks).unwrap();
        assert_eq!((merged.name.as_str(), merged.employees, merged.notes.as_str()), ("Sen Hồng", Some(15), "mới"));
        assert!(merge_fields(&a, &[&a], &[("name".to_string(), 5)].into_iter().collect()).is_none(), "no such version");
        assert!(field_table(&[&a, &a], Lang::En).is_empty());
    }
}
