//! The localStorage format of the first builds, one value per record kind:
//! `{"schema": 1, "kind": "enterprise", "records": [ … ]}`. Read for the move
//! into the row backend (`legacy`), and written by the synthetic-province
//! generator, whose files seed tests through that same move.

use super::StoreError;
use crate::model::record::{Record, RecordKind};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Bumped whenever the stored layout changes; a later build migrates upward,
/// an older build refuses to write a newer layout.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct StoredCollection {
    schema: u32,
    kind: String,
    records: Vec<Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Collection<T> {
    pub records: Vec<Record<T>>,
    /// Stored values that did not decode, kept verbatim.
    pub quarantined: Vec<Value>,
}

impl<T> Default for Collection<T> {
    fn default() -> Self {
        Collection { records: Vec::new(), quarantined: Vec::new() }
    }
}

impl<T: RecordKind + DeserializeOwned> Collection<T> {
    pub fn decode(raw: Option<&str>) -> Result<Collection<T>, StoreError> {
        let Some(raw) = raw else { return Ok(Collection::default()) };
        // The collection and its records' own nesting (see `decode`).
        if crate::json_nesting::exceeds(raw, crate::json_nesting::MAX_NESTING + 2) {
            return Err(StoreError::Corrupt);
        }
        let stored: StoredCollection = serde_json::from_str(raw).map_err(|_| {
            // A newer layout may not fit the struct at all; report it as newer when it says so.
            match serde_json::from_str::<Value>(raw).ok().and_then(|v| v.get("schema")?.as_u64()) {
                Some(found) if found > u64::from(SCHEMA_VERSION) => StoreError::NewerSchema { found: u32::try_from(found).unwrap_or(u32::MAX) },
                _ => StoreError::Corrupt,
            }
        })?;
        if stored.schema > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema { found: stored.schema });
        }
        let mut collection = Collection::default();
        for value in stored.records {
            match super::decode_value::<T>(value.clone()) {
                Some(record) => collection.records.push(record),
                None => collection.quarantined.push(value),
            }
        }
        Ok(collection)
    }
}

impl<T: RecordKind + Serialize> Collection<T> {
    pub fn encode(&self) -> Result<String, StoreError> {
        let mut records = Vec::with_capacity(self.records.len() + self.quarantined.len());
        for r in &self.records {
            records.push(serde_json::to_value(r).map_err(|e| StoreError::Other(e.to_string()))?);
        }
        records.extend(self.quarantined.iter().cloned());
        let stored = StoredCollection { schema: SCHEMA_VERSION, kind: T::KIND.to_string(), records };
        serde_json::to_string(&stored).map_err(|e| StoreError::Other(e.to_string()))
    }
}

impl<T> Collection<T> {
    pub fn upsert(&mut self, record: Record<T>) {
        match self.records.iter_mut().find(|r| r.id == record.id) {
            Some(slot) => *slot = record,
            None => self.records.push(record),
        }
    }

    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.records.len();
        self.records.retain(|r| r.id != id);
        self.records.len() != before
    }
}
