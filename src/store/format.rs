//! Upgrading stored records, one format version at a time.
//!
//! Each step takes a record as the previous version wrote it and returns the
//! next version. Records are upgraded when read, so a store can hold several
//! versions at once; a record from a newer build is refused (and quarantined).

use crate::model::record::RECORD_FORMAT;
use serde_json::{json, Map, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// Written by a newer build.
    Newer(u64),
    /// Not a record of any known version.
    Malformed,
}

/// Brings a stored record up to [`RECORD_FORMAT`].
pub fn upgrade(mut value: Value) -> Result<Value, FormatError> {
    loop {
        let version = match value.get("v") {
            None => 1,
            Some(v) => v.as_u64().ok_or(FormatError::Malformed)?,
        };
        if version == u64::from(RECORD_FORMAT) {
            return Ok(value);
        }
        if version > u64::from(RECORD_FORMAT) {
            return Err(FormatError::Newer(version));
        }
        value = match version {
            1 => v1_to_v2(value)?,
            _ => return Err(FormatError::Malformed),
        };
    }
}

/// Version 1 (the localStorage builds): wall-clock `created_ms`/`updated_ms`
/// and `device_id`. Version 2 adds hybrid logical clock timestamps, a version
/// vector, the officer and the tombstone flag.
fn v1_to_v2(value: Value) -> Result<Value, FormatError> {
    let Value::Object(mut map) = value else { return Err(FormatError::Malformed) };
    let device = map.get("device_id").and_then(Value::as_str).ok_or(FormatError::Malformed)?.to_string();
    let ms = |m: &Map<String, Value>, key: &str| m.get(key).and_then(Value::as_i64).ok_or(FormatError::Malformed);
    let (created, updated) = (ms(&map, "created_ms")?, ms(&map, "updated_ms")?);
    map.remove("created_ms");
    map.remove("updated_ms");
    map.insert("v".into(), json!(2));
    map.insert("created".into(), json!({ "ms": created, "counter": 0, "device": device }));
    map.insert("updated".into(), json!({ "ms": updated, "counter": 0, "device": device }));
    map.insert("version".into(), json!({ device.clone(): 1 }));
    map.entry("officer").or_insert(json!(""));
    map.entry("deleted").or_insert(json!(false));
    Ok(Value::Object(map))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::enterprise::Enterprise;
    use crate::model::record::Record;

    /// A record exactly as the localStorage build (version 1) stored it.
    const V1: &str = r#"{"created_ms":1700000000000,"device_id":"d1","id":"a","kind":"enterprise",
        "payload":{"name":"Công ty Cổ phần Đồng Tháp","tax_code":"0100233488"},"updated_ms":1700000000500}"#;

    #[test]
    fn version_1_upgrades_to_version_2() {
        let v2 = upgrade(serde_json::from_str(V1).unwrap()).unwrap();
        let r: Record<Enterprise> = serde_json::from_value(v2).unwrap();
        assert_eq!(r.v, 2);
        assert_eq!((r.created.ms, r.updated.ms, r.updated.device.as_str()), (1_700_000_000_000, 1_700_000_000_500, "d1"));
        assert_eq!(r.version.get("d1"), 1);
        assert!(!r.deleted);
        assert_eq!(r.officer, "");
        assert_eq!(r.payload.tax_code.as_deref(), Some("0100233488"));
    }

    #[test]
    fn current_records_pass_through_and_newer_or_broken_ones_are_refused() {
        let v2 = upgrade(serde_json::from_str(V1).unwrap()).unwrap();
        assert_eq!(upgrade(v2.clone()).unwrap(), v2);
        let mut v3 = v2.clone();
        v3["v"] = json!(3);
        assert_eq!(upgrade(v3), Err(FormatError::Newer(3)));
        assert_eq!(upgrade(json!({"id": "x", "payload": "?"})), Err(FormatError::Malformed));
        assert_eq!(upgrade(json!(42)), Err(FormatError::Malformed));
        assert_eq!(upgrade(json!({"v": "two"})), Err(FormatError::Malformed));
    }
}
