//! The envelope every stored record travels in (format version 2).
//!
//! The payload is the domain object; the envelope says who it is (a stable
//! UUID), what kind it is, when it was made and last changed (hybrid logical
//! clock timestamps), how many changes each device has made (a version
//! vector), who made the last change, and whether it was deleted (a tombstone,
//! kept so that file sync can pass the deletion on). `docs/record-format.md`
//! describes the format with examples; `store::format` upgrades older versions.

use super::clock::{Hlc, VersionVector};
use serde::Serialize;

/// The envelope format this build writes.
pub const RECORD_FORMAT: u32 = 2;

/// Read by `record_deserialize` (the derive's behaviour, one copy of the envelope's code).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record<T> {
    /// Envelope format version.
    pub v: u32,
    pub id: String,
    pub kind: String,
    pub created: Hlc,
    pub updated: Hlc,
    pub version: VersionVector,
    /// The officer who made the last change, as entered in Settings (empty when a stored
    /// record has none: `record_deserialize`).
    pub officer: String,
    /// The device that made the last change.
    pub device_id: String,
    /// False when a stored record has none (`record_deserialize`).
    pub deleted: bool,
    pub payload: T,
}

/// What a record kind is called in storage and in export files, and which of
/// its fields the store indexes.
pub trait RecordKind {
    const KIND: &'static str;

    fn index_keys(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
}

/// Who is changing a record, and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub at: Hlc,
    pub officer: String,
}

impl Change {
    pub fn device(&self) -> &str {
        &self.at.device
    }
}

impl<T: RecordKind> Record<T> {
    pub fn new(id: String, change: &Change, payload: T) -> Record<T> {
        let mut version = VersionVector::default();
        version.bump(change.device());
        Record {
            v: RECORD_FORMAT,
            id,
            kind: T::KIND.to_string(),
            created: change.at.clone(),
            updated: change.at.clone(),
            version,
            officer: change.officer.clone(),
            device_id: change.device().to_string(),
            deleted: false,
            payload,
        }
    }
}

impl<T> Record<T> {
    /// A new version of this record with another payload; identity and creation stay.
    pub fn revised(&self, change: &Change, payload: T) -> Record<T> {
        let mut version = self.version.clone();
        version.bump(change.device());
        Record {
            v: RECORD_FORMAT,
            id: self.id.clone(),
            kind: self.kind.clone(),
            created: self.created.clone(),
            // The caller's clock has observed this record, so this sorts after it; max() guards a misuse.
            updated: change.at.clone().max(self.updated.clone()),
            version,
            officer: change.officer.clone(),
            device_id: change.device().to_string(),
            deleted: self.deleted,
            payload,
        }
    }

    /// Wall-clock milliseconds of the last change, for display and sorting.
    /// Who made this version, as lists and prompts name them: the officer,
    /// or the device when no officer name was set.
    pub fn author(&self) -> &str {
        if self.officer.is_empty() {
            &self.device_id
        } else {
            &self.officer
        }
    }

    pub fn updated_ms(&self) -> i64 {
        self.updated.ms
    }

    pub fn created_ms(&self) -> i64 {
        self.created.ms
    }
}

impl<T: Clone> Record<T> {
    /// The tombstone that replaces a deleted record: same id, marked deleted, payload kept for history.
    pub fn deleted_by(&self, change: &Change) -> Record<T> {
        let mut tomb = self.revised(change, self.payload.clone());
        tomb.deleted = true;
        tomb
    }
}

/// Formats 16 random bytes as an RFC 4122 version-4 UUID.
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

pub fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12]) && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::clock::Causality;

    #[derive(Clone, Debug, PartialEq)]
    struct Note;
    impl RecordKind for Note {
        const KIND: &'static str = "note";
    }

    fn change(ms: i64, counter: u32, device: &str) -> Change {
        Change { at: Hlc { ms, counter, device: device.into() }, officer: format!("cán bộ {device}") }
    }

    #[test]
    fn uuid_has_version_and_variant_bits() {
        let id = uuid_v4([0xff; 16]);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert!(is_uuid(&id));
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
        assert!(!is_uuid("not-a-uuid"));
    }

    #[test]
    fn revision_keeps_identity_bumps_the_vector_and_never_goes_back() {
        let r = Record::new("a".into(), &change(1000, 0, "dev-1"), Note);
        assert_eq!((r.kind.as_str(), r.v, r.version.get("dev-1")), ("note", RECORD_FORMAT, 1));
        let r2 = r.revised(&change(500, 0, "dev-2"), Note);
        assert_eq!(r2.created, r.created);
        assert_eq!(r2.updated, r.updated, "a stale clock never makes an edit look older");
        assert_eq!((r2.device_id.as_str(), r2.officer.as_str()), ("dev-2", "cán bộ dev-2"));
        assert_eq!(r2.author(), "cán bộ dev-2");
        let nameless = r2.revised(&Change { at: Hlc { ms: 600, counter: 0, device: "dev-3".into() }, officer: String::new() }, Note);
        assert_eq!(nameless.author(), "dev-3", "no officer name set: the device");
        assert_eq!(r2.version.compare(&r.version), Causality::Descends);
        let r3 = r2.revised(&change(2000, 0, "dev-2"), Note);
        assert_eq!((r3.updated_ms(), r3.version.get("dev-2")), (2000, 2));
    }

    #[test]
    fn a_tombstone_is_a_revision_marked_deleted() {
        let r = Record::new("a".into(), &change(1000, 0, "d"), Note);
        let t = r.deleted_by(&change(3000, 0, "d"));
        assert!(t.deleted && !r.deleted);
        assert_eq!((t.id.as_str(), t.version.get("d"), t.updated_ms()), ("a", 2, 3000));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::text;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn ids_are_checked_without_panic(s in text(), bytes in any::<[u8; 16]>()) {
            prop_assert!(is_uuid(&uuid_v4(bytes)));
            prop_assert!(!is_uuid(&s) || s.len() == 36);
        }
    }
}
