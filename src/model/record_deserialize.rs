//! Reads a `Record<T>` as `#[derive(Deserialize)]` would, with one copy of the envelope's code.
//!
//! The derive writes the whole visitor again for every payload type: five copies of about 5 KB
//! of the main module before wasm-opt (enterprises, surveys, self-assessments, activities,
//! targets), every field of the envelope read in each. Here only the loop and the payload are
//! per kind; the envelope's fields are read by code shared by all kinds (`Envelope::read`). A
//! map is read as the derive reads it, errors included: unknown fields are skipped, a repeated
//! one is an error, `officer` and `deleted` may be missing (the tests below hold it to a derived
//! copy of the struct). Unlike the derive it takes no array of the fields in order: a record is
//! always an object, in the store and in files alike. A missing payload is an error, as the
//! derive's is for every payload type the app has (an `Option` payload would be `None` with the
//! derive). The derive's field numbers (0-9, for formats that name fields by index) are read too.

use super::clock::{Hlc, VersionVector};
use super::record::Record;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// The fields in the order `Record` declares them, as the derive names them in its errors.
const FIELDS: &[&str] = &["v", "id", "kind", "created", "updated", "version", "officer", "device_id", "deleted", "payload"];

enum Field {
    V,
    Id,
    Kind,
    Created,
    Updated,
    Version,
    Officer,
    DeviceId,
    Deleted,
    Payload,
    Other,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Field, D::Error> {
        struct FieldVisitor;
        impl Visitor<'_> for FieldVisitor {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("field identifier")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<Field, E> {
                Ok(match name {
                    "v" => Field::V,
                    "id" => Field::Id,
                    "kind" => Field::Kind,
                    "created" => Field::Created,
                    "updated" => Field::Updated,
                    "version" => Field::Version,
                    "officer" => Field::Officer,
                    "device_id" => Field::DeviceId,
                    "deleted" => Field::Deleted,
                    "payload" => Field::Payload,
                    _ => Field::Other,
                })
            }
            fn visit_u64<E: de::Error>(self, index: u64) -> Result<Field, E> {
                // By the name at that place in `FIELDS`: one mapping of names to fields.
                match usize::try_from(index).ok().and_then(|i| FIELDS.get(i)) {
                    Some(name) => self.visit_str(name),
                    None => Ok(Field::Other),
                }
            }
            fn visit_bytes<E: de::Error>(self, name: &[u8]) -> Result<Field, E> {
                match std::str::from_utf8(name) {
                    Ok(name) => self.visit_str(name),
                    Err(_) => Ok(Field::Other),
                }
            }
        }
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

/// The envelope's fields as read so far.
#[derive(Default)]
struct Envelope {
    v: Option<u32>,
    id: Option<String>,
    kind: Option<String>,
    created: Option<Hlc>,
    updated: Option<Hlc>,
    version: Option<VersionVector>,
    officer: Option<String>,
    device_id: Option<String>,
    deleted: Option<bool>,
}

fn put<'de, A: MapAccess<'de>, V: Deserialize<'de>>(slot: &mut Option<V>, name: &'static str, map: &mut A) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

impl Envelope {
    /// Reads the value of an envelope's field, or skips an unknown one (the payload is read by
    /// `RecordVisitor`, the only code that knows its type).
    fn read<'de, A: MapAccess<'de>>(&mut self, field: Field, map: &mut A) -> Result<(), A::Error> {
        match field {
            Field::V => put(&mut self.v, "v", map),
            Field::Id => put(&mut self.id, "id", map),
            Field::Kind => put(&mut self.kind, "kind", map),
            Field::Created => put(&mut self.created, "created", map),
            Field::Updated => put(&mut self.updated, "updated", map),
            Field::Version => put(&mut self.version, "version", map),
            Field::Officer => put(&mut self.officer, "officer", map),
            Field::DeviceId => put(&mut self.device_id, "device_id", map),
            Field::Deleted => put(&mut self.deleted, "deleted", map),
            Field::Payload | Field::Other => map.next_value::<IgnoredAny>().map(|_| ()),
        }
    }

    /// The envelope whole, on no payload yet, or the derive's error for the first missing field
    /// in declaration order (`payload`, the last, is the caller's to check).
    fn whole<E: de::Error>(self) -> Result<Record<()>, E> {
        fn need<T, E: de::Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
            value.ok_or_else(|| de::Error::missing_field(name))
        }
        Ok(Record {
            v: need(self.v, "v")?,
            id: need(self.id, "id")?,
            kind: need(self.kind, "kind")?,
            created: need(self.created, "created")?,
            updated: need(self.updated, "updated")?,
            version: need(self.version, "version")?,
            officer: self.officer.unwrap_or_default(),
            device_id: need(self.device_id, "device_id")?,
            deleted: self.deleted.unwrap_or_default(),
            payload: (),
        })
    }
}

struct RecordVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for RecordVisitor<T> {
    type Value = Record<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("struct Record")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record<T>, A::Error> {
        let mut envelope = Envelope::default();
        let mut payload: Option<T> = None;
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Payload if payload.is_some() => return Err(de::Error::duplicate_field("payload")),
                Field::Payload => payload = Some(map.next_value()?),
                field => envelope.read(field, &mut map)?,
            }
        }
        let Record { v, id, kind, created, updated, version, officer, device_id, deleted, payload: () } = envelope.whole()?;
        let payload = payload.ok_or_else(|| de::Error::missing_field("payload"))?;
        Ok(Record { v, id, kind, created, updated, version, officer, device_id, deleted, payload })
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Record<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Record<T>, D::Error> {
        deserializer.deserialize_struct("Record", FIELDS, RecordVisitor(PhantomData))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The struct as `#[derive(Deserialize)]` reads it.
    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Derived<T> {
        v: u32,
        id: String,
        kind: String,
        created: Hlc,
        updated: Hlc,
        version: VersionVector,
        #[serde(default)]
        officer: String,
        device_id: String,
        #[serde(default)]
        deleted: bool,
        payload: T,
    }

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Note {
        text: String,
    }

    fn as_derived<T>(r: Record<T>) -> Derived<T> {
        let Record { v, id, kind, created, updated, version, officer, device_id, deleted, payload } = r;
        Derived { v, id, kind, created, updated, version, officer, device_id, deleted, payload }
    }

    /// Reads `json` both ways: the same record, or the same error message (with its position).
    fn same_as_derive(json: &str) -> Result<(), String> {
        let ours = serde_json::from_str::<Record<Note>>(json).map(as_derived).map_err(|e| e.to_string());
        // The derive names the struct by its Rust name where a value is not an object.
        let derived = serde_json::from_str::<Derived<Note>>(json).map_err(|e| e.to_string().replace("struct Derived", "struct Record"));
        if ours == derived { Ok(()) } else { Err(format!("{json}\n ours:    {ours:?}\n derived: {derived:?}")) }
    }

    const WHOLE: &str = r#"{"v":2,"id":"a","kind":"enterprise","created":{"ms":1,"counter":0,"device":"d"},"updated":{"ms":2,"counter":1,"device":"d"},"version":{"d":2},"officer":"Lê Thị Hoà","device_id":"d","deleted":true,"payload":{"text":"Hợp tác xã"}}"#;

    #[test]
    fn a_whole_record_and_its_defaults_read_as_the_derive_reads_them() {
        let r: Record<Note> = serde_json::from_str(WHOLE).unwrap();
        assert_eq!((r.officer.as_str(), r.deleted, r.payload.text.as_str(), r.version.get("d")), ("Lê Thị Hoà", true, "Hợp tác xã", 2));
        same_as_derive(WHOLE).unwrap();
        let bare = WHOLE.replace(r#","officer":"Lê Thị Hoà""#, "").replace(r#","deleted":true"#, "");
        let r: Record<Note> = serde_json::from_str(&bare).unwrap();
        assert_eq!((r.officer.as_str(), r.deleted), ("", false));
        same_as_derive(&bare).unwrap();
        // Unknown fields skipped, whatever they hold; a key with an escape read like any other.
        same_as_derive(&WHOLE.replace(r#""v":2"#, r#""extra":[1,{"a":null}],"\u0076":2"#)).unwrap();
        // Through serde_json's `Value` too.
        let value: serde_json::Value = serde_json::from_str(WHOLE).unwrap();
        assert_eq!(serde_json::from_value::<Record<Note>>(value).unwrap().id, "a");
    }

    #[test]
    fn what_is_not_a_record_is_an_error_not_a_panic() {
        for json in ["[]", "[2]", "null", "1", "\"text\"", "{", "{\"v\":", "{}"] {
            assert!(serde_json::from_str::<Record<Note>>(json).is_err(), "{json}");
        }
        same_as_derive("{}").unwrap();
        same_as_derive(r#"{"other":null}"#).unwrap();
        same_as_derive(&WHOLE.replace(r#""deleted":true"#, r#""deleted":true,"payload":{"text":"x"}"#)).unwrap();
        same_as_derive(&WHOLE.replace(r#""id":"a""#, r#""id":"a","id":"b""#)).unwrap();
        let updated = r#""updated":{"ms":2,"counter":1,"device":"d"}"#;
        same_as_derive(&WHOLE.replace(updated, &format!("{updated},{updated}"))).unwrap();
    }

    /// Which missing field is named first: every one and every pair of them left out.
    #[test]
    fn missing_fields_are_named_in_the_derive_order() {
        let whole: serde_json::Map<String, serde_json::Value> = serde_json::from_str(WHOLE).unwrap();
        for (i, a) in FIELDS.iter().enumerate() {
            for b in &FIELDS[i..] {
                let mut fewer = whole.clone();
                fewer.remove(*a);
                fewer.remove(*b);
                same_as_derive(&serde_json::to_string(&fewer).unwrap()).unwrap();
            }
        }
    }

    /// Keys given as field numbers, as some formats give them: read as the derive reads them.
    #[test]
    fn fields_named_by_number_read_as_the_derive_reads_them() {
        use serde::de::value::{Error, MapDeserializer};
        use serde::de::IntoDeserializer;
        let read = |entries: Vec<(u64, &str)>| {
            let map = || MapDeserializer::<_, Error>::new(entries.clone().into_iter().map(|(k, v)| (k, v.into_deserializer())));
            let ours = Record::<String>::deserialize(map()).map(as_derived).map_err(|e| e.to_string());
            let derived = Derived::<String>::deserialize(map()).map_err(|e| e.to_string());
            (ours, derived)
        };
        // The derive's error for the first value that is not what its field holds, or for a missing field.
        let (ours, derived) = read(vec![(1, "a"), (2, "enterprise"), (3, "not an Hlc")]);
        assert!(ours.is_err());
        assert_eq!(ours, derived);
        let (ours, derived) = read(vec![(9, "payload"), (12, "skipped"), (1, "a")]);
        assert_eq!(ours, derived);
        assert_eq!(ours.unwrap_err(), "missing field `v`");
    }

    /// A field's value: a right one, or one of the wrong type.
    fn value(field: &'static str) -> impl Strategy<Value = String> {
        let right = match field {
            "v" => "2",
            "id" | "kind" | "officer" | "device_id" => r#""Đồng Tháp""#,
            "created" | "updated" => r#"{"ms":5,"counter":2,"device":"d"}"#,
            "version" => r#"{"d":3,"e":1}"#,
            "deleted" => "false",
            "payload" => r#"{"text":"ghi chú"}"#,
            _ => "null",
        };
        prop_oneof![
            19 => Just(right.to_string()),
            1 => prop::sample::select(vec!["null", "-1", "4294967296", "true", r#""2""#, "[]", "{}", r#"{"text":1}"#, "1.5"]).prop_map(str::to_string),
        ]
    }

    /// Every field of the envelope in some order, each now and then left out, with up to two
    /// more: repeated ones, unknown ones, one whose name differs only in case.
    fn entries() -> impl Strategy<Value = Vec<(&'static str, String)>> {
        let each: Vec<_> = FIELDS.iter().map(|&k| (prop::bool::weighted(0.95), value(k)).prop_map(move |(keep, v)| keep.then_some((k, v)))).collect();
        let names: Vec<&'static str> = FIELDS.iter().copied().chain(["other", "Payload"]).collect();
        let extra = prop::collection::vec(prop::sample::select(names).prop_flat_map(|k| value(k).prop_map(move |v| (k, v))), 0..3);
        (each, extra).prop_map(|(each, extra)| each.into_iter().flatten().chain(extra).collect::<Vec<_>>()).prop_shuffle()
    }

    proptest! {
        /// Any text, typed or from a damaged file: an error or a record, as the derive's, never a panic.
        #[test]
        fn any_text_reads_as_the_derive_reads_it(json in crate::arbitrary_text::text()) {
            if json.trim_start().starts_with('[') {
                // The one difference (module comment): an array is refused, not read by position.
                prop_assert!(serde_json::from_str::<Record<Note>>(&json).is_err());
            } else {
                prop_assert!(same_as_derive(&json).is_ok(), "{}", same_as_derive(&json).unwrap_err());
            }
        }

        #[test]
        fn any_object_of_these_fields_reads_as_the_derive_reads_it(entries in entries()) {
            let json = format!("{{{}}}", entries.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect::<Vec<_>>().join(","));
            prop_assert!(same_as_derive(&json).is_ok(), "{}", same_as_derive(&json).unwrap_err());
        }
    }
}
