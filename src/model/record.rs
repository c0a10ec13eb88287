//! The envelope every stored record travels in.
//!
//! The payload is the domain object; the envelope says who it is (a stable
//! UUID), what kind it is, when it was made and changed, and on which device.
//! File sync (a later capability) extends this envelope with a hybrid logical
//! clock and a version vector, which is why unknown fields are tolerated.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record<T> {
    pub id: String,
    pub kind: String,
    pub created_ms: i64,
    pub updated_ms: i64,
    /// The device that made the last change.
    pub device_id: String,
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

impl<T: RecordKind> Record<T> {
    pub fn new(id: String, now_ms: i64, device_id: &str, payload: T) -> Record<T> {
        Record { id, kind: T::KIND.to_string(), created_ms: now_ms, updated_ms: now_ms, device_id: device_id.to_string(), payload }
    }

    /// A new version of this record with another payload; identity and creation stay.
    pub fn revised(&self, now_ms: i64, device_id: &str, payload: T) -> Record<T> {
        Record {
            id: self.id.clone(),
            kind: self.kind.clone(),
            created_ms: self.created_ms,
            // Clocks on officers' laptops drift; never let an edit look older than what it replaces.
            updated_ms: now_ms.max(self.updated_ms),
            device_id: device_id.to_string(),
            payload,
        }
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

    struct Note;
    impl RecordKind for Note {
        const KIND: &'static str = "note";
    }

    #[test]
    fn uuid_has_version_and_variant_bits() {
        let id = uuid_v4([0xff; 16]);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert!(is_uuid(&id));
        let id = uuid_v4([0; 16]);
        assert_eq!(id, "00000000-0000-4000-8000-000000000000");
        assert!(!is_uuid("not-a-uuid"));
    }

    #[test]
    fn revision_keeps_identity_and_never_goes_back_in_time() {
        let r = Record::new("a".into(), 1000, "dev-1", Note);
        assert_eq!(r.kind, "note");
        let r2 = r.revised(500, "dev-2", Note);
        assert_eq!((r2.id.as_str(), r2.created_ms, r2.updated_ms, r2.device_id.as_str()), ("a", 1000, 1000, "dev-2"));
        let r3 = r2.revised(2000, "dev-2", Note);
        assert_eq!(r3.updated_ms, 2000);
    }
}
