//! The record kinds that travel in sync files, registered once.
//!
//! `record_kinds!` at the bottom is the one place that lists them: it makes
//! the file's per-kind sections (`Sections`) and the import plan's per-kind
//! parts (`Plans`), and every walk over all kinds goes through their
//! `visit` methods. A new kind is one line there and one `SyncKind` impl
//! (plus its name on screen, `ui/sync/kind_label.rs`, and its IndexedDB store).

use super::plan::KindPlan;
use crate::model::activity::Activity;
use crate::model::assessment::Assessment;
use crate::model::enterprise::Enterprise;
use crate::model::indicator_target::IndicatorTarget;
use crate::model::record::{Record, RecordKind};
use crate::model::survey::Survey;
use crate::store::{summary, Row, StoreError};
use serde::de::{DeserializeOwned, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// What sync needs to know about a kind of record beyond its storage.
pub trait SyncKind: RecordKind + Serialize + DeserializeOwned + Clone + PartialEq + 'static {
    /// How a person recognises the record in a preview or a conflict: its
    /// name or title; `name_of` says what the officer calls an enterprise or a
    /// form, by its id (the id itself when it cannot).
    fn label(&self, name_of: &dyn Fn(&str) -> Option<String>) -> String;
    /// Where the record belongs: an administrative unit, or an enterprise (whose unit it shares).
    fn place(&self) -> Place<'_>;
    /// Points references to merged-away enterprises at the enterprise kept
    /// (`aliases`: old id → kept id). Returns whether anything changed.
    fn follow_aliases(&mut self, aliases: &BTreeMap<String, String>) -> bool;
    /// What the officer calls a payload field, where the kind knows (`sync::diff`).
    fn field_label(_key: &str, _lang: crate::i18n::Lang) -> Option<String> {
        None
    }
    /// The summary row stored beside a record of a kind that keeps them (`store::summary`),
    /// worked out from the typed record; `None` for the other kinds.
    fn summary_row(_record: &Record<Self>) -> Result<Option<Row>, StoreError> {
        Ok(None)
    }
}

impl SyncKind for Enterprise {
    fn label(&self, _: &dyn Fn(&str) -> Option<String>) -> String {
        match &self.tax_code {
            Some(code) if !code.is_empty() => format!("{} ({code})", self.name),
            _ => self.name.clone(),
        }
    }
    fn place(&self) -> Place<'_> {
        Place::Unit(self.admin_unit_id.as_deref())
    }
    fn follow_aliases(&mut self, _: &BTreeMap<String, String>) -> bool {
        false
    }
    fn field_label(key: &str, lang: crate::i18n::Lang) -> Option<String> {
        use crate::i18n::Msg;
        let msg = match key {
            "name" => Msg::FieldName,
            "tax_code" => Msg::FieldTaxCode,
            "address" => Msg::FieldAddress,
            "admin_unit_id" => Msg::FieldUnit,
            "vsic_section" => Msg::FieldVsic,
            "ownership" => Msg::FieldOwnership,
            "employees" => Msg::FieldEmployees,
            "revenue_bn_vnd" => Msg::FieldRevenue,
            "capital_bn_vnd" => Msg::FieldCapital,
            "products" => Msg::FieldProducts,
            "contact_name" => Msg::FieldContactName,
            "contact_phone" => Msg::FieldPhone,
            "contact_email" => Msg::FieldEmail,
            "notes" => Msg::FieldNotes,
            _ => return None,
        };
        Some(lang.t(msg).to_string())
    }
}

impl SyncKind for Survey {
    fn summary_row(record: &Record<Self>) -> Result<Option<Row>, StoreError> {
        summary::record_summary_row(record).map(Some)
    }
    fn label(&self, name_of: &dyn Fn(&str) -> Option<String>) -> String {
        format!("{} · {}", name_of(&self.enterprise_id).unwrap_or_else(|| self.enterprise_id.clone()), name_of(&self.form_id).unwrap_or_else(|| self.form_id.clone()))
    }
    fn place(&self) -> Place<'_> {
        Place::Enterprise(Some(&self.enterprise_id))
    }
    fn follow_aliases(&mut self, aliases: &BTreeMap<String, String>) -> bool {
        follow(&mut self.enterprise_id, aliases)
    }
}

impl SyncKind for Assessment {
    fn summary_row(record: &Record<Self>) -> Result<Option<Row>, StoreError> {
        summary::record_summary_row(record).map(Some)
    }
    fn label(&self, name_of: &dyn Fn(&str) -> Option<String>) -> String {
        let who = self.enterprise_id.as_deref().map(|id| name_of(id).unwrap_or_else(|| id.to_string()));
        format!("{} · {}", who.as_deref().unwrap_or("—"), name_of(&self.form_id).unwrap_or_else(|| self.form_id.clone()))
    }
    fn place(&self) -> Place<'_> {
        Place::Enterprise(self.enterprise_id.as_deref())
    }
    fn follow_aliases(&mut self, aliases: &BTreeMap<String, String>) -> bool {
        self.enterprise_id.as_mut().is_some_and(|id| follow(id, aliases))
    }
}

impl SyncKind for Activity {
    fn label(&self, _: &dyn Fn(&str) -> Option<String>) -> String {
        format!("{} ({})", self.title, self.start_date)
    }
    fn place(&self) -> Place<'_> {
        Place::Unit(self.admin_unit_id.as_deref())
    }
    fn follow_aliases(&mut self, aliases: &BTreeMap<String, String>) -> bool {
        self.enterprise_ids.iter_mut().fold(false, |changed, id| follow(id, aliases) || changed)
    }
}

impl SyncKind for IndicatorTarget {
    fn label(&self, _: &dyn Fn(&str) -> Option<String>) -> String {
        let name = crate::indicators::shipped().get(&self.indicator_id).map_or(self.indicator_id.as_str(), |i| i.label.vi.as_str());
        format!("{name} ({})", self.period)
    }
    /// A province-wide decision, in no unit: files of everything carry it; a file narrowed to
    /// districts leaves it out (the department sets targets, not a district).
    fn place(&self) -> Place<'_> {
        Place::Unit(None)
    }
    fn follow_aliases(&mut self, _: &BTreeMap<String, String>) -> bool {
        false
    }
    fn field_label(key: &str, lang: crate::i18n::Lang) -> Option<String> {
        use crate::i18n::Msg;
        let msg = match key {
            "indicator_id" => Msg::TargetFieldIndicator,
            "period" => Msg::TargetFieldPeriod,
            "value" => Msg::TargetFieldValue,
            "stretch" => Msg::TargetFieldStretch,
            "note" => Msg::TargetFieldNote,
            _ => return None,
        };
        Some(lang.t(msg).to_string())
    }
}

/// Where a record belongs, for a file of one district's records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'a> {
    /// An administrative unit (or none recorded).
    Unit(Option<&'a str>),
    /// An enterprise, in whichever unit it is.
    Enterprise(Option<&'a str>),
}

/// Replaces a merged-away enterprise id with the kept one (following chains,
/// at most as many steps as there are aliases, so a cycle cannot loop).
fn follow(id: &mut String, aliases: &BTreeMap<String, String>) -> bool {
    let mut changed = false;
    for _ in 0..aliases.len() {
        match aliases.get(id.as_str()) {
            Some(kept) if kept != id => {
                *id = kept.clone();
                changed = true;
            }
            _ => break,
        }
    }
    changed
}

/// Something done with each kind's records in turn.
pub trait KindVisitor {
    fn visit<T: SyncKind>(&mut self, records: &[Record<T>]);
}

/// Something done to each kind's records in turn.
pub trait KindVisitorMut {
    fn visit_mut<T: SyncKind>(&mut self, records: &mut Vec<Record<T>>);
}

/// Something done with each kind's plan in turn.
pub trait PlanVisitor {
    fn visit<T: SyncKind>(&mut self, plan: &KindPlan<T>);
}

/// Something done for one kind named at run time (`call_for_kind`).
pub trait KindCall {
    type Out;
    fn call<T: SyncKind>(self) -> Self::Out;
}

/// How many records `Sections::load` reads and decodes between two turns of the page:
/// 1,000 surveys took 55-95 ms on the project's machines.
const HELD_STEP: usize = 500;

/// Reads one kind's records, naming the kind and the position of a record
/// that does not have the right shape.
struct RecordsOf<T>(std::marker::PhantomData<T>);

impl<'de, T: SyncKind> serde::de::DeserializeSeed<'de> for RecordsOf<T> {
    type Value = Vec<Record<T>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        struct Seq<T>(std::marker::PhantomData<T>);
        impl<'de, T: SyncKind> Visitor<'de> for Seq<T> {
            type Value = Vec<Record<T>>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a list of {} records", T::KIND)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(100_000));
                loop {
                    match seq.next_element::<Record<T>>() {
                        Ok(Some(r)) => out.push(r),
                        Ok(None) => return Ok(out),
                        Err(e) => return Err(serde::de::Error::custom(format_args!("{} record {}: {e}", T::KIND, out.len() + 1))),
                    }
                }
            }
        }
        d.deserialize_seq(Seq(std::marker::PhantomData))
    }
}

macro_rules! record_kinds {
    ($($field:ident: $ty:ty),* $(,)?) => {
        /// Records of every kind, as a file's `records` or `conflicts` section holds them.
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct Sections {
            $(pub $field: Vec<Record<$ty>>,)*
            /// Sections of kinds this build does not know: the file is refused.
            pub unknown: Vec<String>,
        }

        /// The import plan of every kind.
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct Plans {
            $(pub $field: KindPlan<$ty>,)*
        }

        /// The kinds, in the order files and previews list them.
        pub const KINDS: &[&str] = &[$(<$ty as RecordKind>::KIND),*];

        /// Runs `c` for the kind called `kind`; `None` for a kind this build does not know.
        pub fn call_for_kind<C: KindCall>(kind: &str, c: C) -> Option<C::Out> {
            $(if kind == <$ty as RecordKind>::KIND { return Some(c.call::<$ty>()); })*
            None
        }

        impl Sections {
            /// One kind's records.
            pub fn of<T: SyncKind>(&self) -> &[Record<T>] {
                $(if let Some(v) = (&self.$field as &dyn std::any::Any).downcast_ref::<Vec<Record<T>>>() { return v; })*
                &[]
            }
            pub fn of_mut<T: SyncKind>(&mut self) -> Option<&mut Vec<Record<T>>> {
                $(if let Some(v) = (&mut self.$field as &mut dyn std::any::Any).downcast_mut::<Vec<Record<T>>>() { return Some(v); })*
                None
            }
            pub fn visit(&self, v: &mut impl KindVisitor) {
                $(v.visit(&self.$field);)*
            }
            pub fn visit_mut(&mut self, v: &mut impl KindVisitorMut) {
                $(v.visit_mut(&mut self.$field);)*
            }
            /// Every kind's readable records from the store, read `HELD_STEP`
            /// at a time with `pause` between (the page stays responsive), the
            /// stored rows that cannot be read, and each readable row's text to
            /// `seen(kind, id, text)`. A kind in `only` is read only for the ids it lists.
            pub async fn load<B, P, F>(
                store: &crate::store::RecordStore<B>,
                pause: P,
                only: &std::collections::HashMap<&'static str, Vec<String>>,
                seen: &mut dyn FnMut(&'static str, &str, &str),
            ) -> Result<(Sections, Vec<crate::store::export::UnreadableRow>), crate::store::StoreError>
            where
                B: crate::store::RowBackend,
                P: Fn() -> F,
                F: std::future::Future<Output = ()>,
            {
                let mut out = Sections::default();
                let mut unreadable = Vec::new();
                $({
                    let kind = <$ty as RecordKind>::KIND;
                    let mut seen_here = |id: &str, text: &str| seen(kind, id, text);
                    let loaded = match only.get(kind) {
                        Some(ids) => store.load_ids_seeing::<$ty, _, _>(ids, HELD_STEP, &pause, &mut seen_here).await?,
                        None => store.load_in_steps_seeing::<$ty, _, _>(HELD_STEP, &pause, &mut seen_here).await?,
                    };
                    unreadable.extend(loaded.unreadable.into_iter().map(|r| crate::store::export::UnreadableRow { kind: kind.to_string(), id: r.id, json: r.json }));
                    out.$field = loaded.records;
                })*
                Ok((out, unreadable))
            }

            /// Hands every kind's records to `parts`, to be freed a part at a time.
            pub fn drop_into(self, parts: &mut crate::drop_in_parts::DropInParts) {
                $(parts.add(self.$field);)*
            }

            /// How many records of all kinds.
            pub fn len(&self) -> usize {
                0 $(+ self.$field.len())*
            }
            pub fn is_empty(&self) -> bool {
                self.len() == 0
            }
        }

        impl Plans {
            /// One kind's plan.
            pub fn of<T: SyncKind>(&self) -> Option<&KindPlan<T>> {
                $(if let Some(p) = (&self.$field as &dyn std::any::Any).downcast_ref::<KindPlan<T>>() { return Some(p); })*
                None
            }
            pub fn visit(&self, v: &mut impl PlanVisitor) {
                $(v.visit(&self.$field);)*
            }
            /// Hands every kind's planned records to `parts`, to be freed a part at a time.
            pub fn drop_into(self, parts: &mut crate::drop_in_parts::DropInParts) {
                $(parts.add(self.$field.items);)*
            }
            /// Each kind's plan, with `pause` within and after each (a province's surveys are one kind).
            pub(super) async fn each<P, F>(held: &Sections, held_conflicts: &Sections, known: &super::known::Known, incoming: &[&Sections], pause: &P) -> Plans
            where
                P: Fn() -> F,
                F: std::future::Future<Output = ()>,
            {
                let mut plans = Plans::default();
                $(
                    plans.$field = super::plan::plan_kind(&held.$field, &held_conflicts.$field, known, incoming.iter().map(|s| s.$field.as_slice()), pause).await;
                    pause().await;
                )*
                plans
            }
        }

        impl Serialize for Sections {
            /// Kinds with no records are left out.
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                $(if !self.$field.is_empty() {
                    map.serialize_entry(<$ty as RecordKind>::KIND, &self.$field)?;
                })*
                map.end()
            }
        }

        impl<'de> Deserialize<'de> for Sections {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = Sections;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str("records by kind")
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Sections, A::Error> {
                        let mut out = Sections::default();
                        while let Some(key) = map.next_key::<String>()? {
                            match key.as_str() {
                                $(k if k == <$ty as RecordKind>::KIND => out.$field = map.next_value_seed(RecordsOf::<$ty>(std::marker::PhantomData))?,)*
                                _ => {
                                    map.next_value::<serde::de::IgnoredAny>()?;
                                    out.unknown.push(key);
                                }
                            }
                        }
                        Ok(out)
                    }
                }
                d.deserialize_map(V)
            }
        }
    };
}

record_kinds! {
    enterprise: Enterprise,
    survey: Survey,
    assessment: Assessment,
    activity: Activity,
    indicator_target: IndicatorTarget,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A survey or self-assessment is named by its enterprise and its form's title in the
    /// officer's language (the latest version's), the ids only when nothing names them.
    #[test]
    fn surveys_and_assessments_are_named_by_enterprise_and_form_title() {
        let forms = crate::form::FormLibrary::shipped();
        let vi = crate::sync::local::form_titles(&forms, crate::i18n::Lang::Vi);
        let en = crate::sync::local::form_titles(&forms, crate::i18n::Lang::En);
        assert_eq!(vi.get("iso9001-readiness").map(String::as_str), Some("Tự đánh giá mức độ sẵn sàng áp dụng ISO 9001:2015"));
        assert_eq!(en.get("iso9001-readiness").map(String::as_str), Some("Self-assessment: readiness for ISO 9001:2015"));
        assert_eq!(vi.len(), forms.all().iter().map(|f| f.id.as_str()).collect::<std::collections::BTreeSet<_>>().len(), "one title a form");
        let survey = Survey { form_id: "field-survey".into(), enterprise_id: "e1".into(), ..Default::default() };
        let assessment = Assessment { form_id: "iso9001-readiness".into(), enterprise_id: Some("e1".into()), ..Default::default() };
        let name_of = |id: &str| if id == "e1" { Some("HTX Xoài Mỹ Xương".to_string()) } else { vi.get(id).cloned() };
        assert_eq!(survey.label(&name_of), format!("HTX Xoài Mỹ Xương · {}", vi["field-survey"]));
        assert_eq!(assessment.label(&name_of), "HTX Xoài Mỹ Xương · Tự đánh giá mức độ sẵn sàng áp dụng ISO 9001:2015");
        assert_eq!(assessment.label(&|_| None), "e1 · iso9001-readiness");
    }

    #[test]
    fn aliases_are_followed_to_the_end_and_a_cycle_stops() {
        let aliases: BTreeMap<String, String> = [("a", "b"), ("b", "c"), ("x", "y"), ("y", "x")].into_iter().map(|(k, v)| (k.into(), v.into())).collect();
        let mut id = "a".to_string();
        assert!(follow(&mut id, &aliases));
        assert_eq!(id, "c");
        let mut other = "z".to_string();
        assert!(!follow(&mut other, &aliases));
        let mut cycle = "x".to_string();
        follow(&mut cycle, &aliases); // ends, wherever
        let mut activity = Activity { enterprise_ids: vec!["a".into(), "z".into()], ..Default::default() };
        assert!(activity.follow_aliases(&aliases));
        assert_eq!(activity.enterprise_ids, vec!["c", "z"]);
    }

    #[test]
    fn sections_leave_out_empty_kinds_and_collect_unknown_ones() {
        let s = Sections::default();
        assert_eq!(serde_json::to_string(&s).unwrap(), "{}");
        let back: Sections = serde_json::from_str(r#"{"widget":[1,2],"survey":[]}"#).unwrap();
        assert_eq!(back.unknown, vec!["widget"]);
        let err = serde_json::from_str::<Sections>(r#"{"enterprise":[{"v":2}]}"#).unwrap_err().to_string();
        assert!(err.starts_with("enterprise record 1:"), "{err}");
        assert_eq!(KINDS, &["enterprise", "survey", "assessment", "activity", "indicator_target"]);
    }
}
