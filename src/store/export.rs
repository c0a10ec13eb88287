//! The version-1 backup file, which earlier builds wrote: every record of
//! the device, tombstones included. `sync::file` reads it (and writes
//! version 2); the reminder to export is here too.

use crate::model::activity::Activity;
use crate::model::admin_unit::AdminUnitList;
use crate::model::assessment::Assessment;
use crate::model::clock::Hlc;
use crate::model::enterprise::Enterprise;
use crate::model::record::Record;
use crate::model::survey::Survey;
use serde::{Deserialize, Serialize};

pub const EXPORT_FORMAT: &str = "nscl-tracker-export";
pub const EXPORT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportFile {
    pub format: String,
    pub version: u32,
    /// The device clock when the file was made; records changed after it are "not exported".
    pub exported_at: Hlc,
    pub device_id: String,
    pub officer: String,
    pub admin_units: AdminUnitList,
    pub enterprises: Vec<Record<Enterprise>>,
    /// Field survey responses, drafts included. Files from before surveys existed have none.
    #[serde(default)]
    pub surveys: Vec<Record<Survey>>,
    /// Self-assessments, drafts included. Files from before they existed have none.
    #[serde(default)]
    pub assessments: Vec<Record<Assessment>>,
    /// Programme activities. Files from before they existed have none.
    #[serde(default)]
    pub activities: Vec<Record<Activity>>,
    /// Stored rows this build could not read (damaged, or written by a newer
    /// build), carried as they are stored so a backup never drops data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<UnreadableRow>,
}

/// A stored row that did not decode: its kind, its id and its text, untouched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnreadableRow {
    pub kind: String,
    pub id: String,
    pub json: String,
}

impl ExportFile {
    /// The whole file as compact JSON, as earlier builds wrote it.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }
}

/// How many records changed after the last export (all of them when there was
/// none), and the wall-clock time of the oldest such change, in one pass.
pub fn unexported<'a, T: 'a>(records: impl Iterator<Item = &'a Record<T>>, last_export: Option<&Hlc>) -> (usize, Option<i64>) {
    records.filter(|r| last_export.is_none_or(|t| r.updated > *t)).fold((0, None), |(n, oldest), r| {
        (n + 1, Some(oldest.map_or(r.updated.ms, |o: i64| o.min(r.updated.ms))))
    })
}

/// When to remind the officer to export: 20 unexported changes, or an
/// unexported change a week old.
pub fn needs_reminder(unexported: usize, oldest_unexported_ms: Option<i64>, now_ms: i64) -> bool {
    const CHANGES: usize = 20;
    const WEEK_MS: i64 = 7 * 86_400_000;
    // Saturating: a time from an imported record can be anything, and overflow panics in a debug build.
    unexported >= CHANGES || oldest_unexported_ms.is_some_and(|t| now_ms.saturating_sub(t) >= WEEK_MS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::Change;

    fn rec(id: &str, ms: i64) -> Record<Enterprise> {
        Record::new(id.into(), &Change { at: Hlc { ms, counter: 0, device: "d".into() }, officer: "A".into() }, Enterprise { name: id.into(), ..Default::default() })
    }

    #[test]
    fn counts_changes_after_the_last_export() {
        let records = [rec("a", 100), rec("b", 200), rec("c", 300)];
        assert_eq!(unexported(records.iter(), None).0, 3);
        let t = Hlc { ms: 200, counter: 0, device: "d".into() };
        assert_eq!(unexported(records.iter(), Some(&t)).0, 1);
    }

    #[test]
    fn reminds_after_twenty_changes_or_a_week() {
        let day = 86_400_000;
        assert!(!needs_reminder(0, None, 10 * day));
        assert!(!needs_reminder(1, Some(9 * day), 10 * day), "one fresh change is no reason to nag");
        assert!(needs_reminder(5, Some(2 * day), 10 * day), "a week-old change");
        assert!(needs_reminder(1, Some(i64::MIN), i64::MAX) && !needs_reminder(1, Some(i64::MAX), i64::MIN), "times from a file at the ends of the range");
        assert!(needs_reminder(20, Some(10 * day), 10 * day), "twenty changes");
        let records = [rec("a", 100), rec("b", 200)];
        assert_eq!(unexported(records.iter(), None).1, Some(100));
        assert_eq!(unexported(records.iter(), Some(&Hlc { ms: 150, counter: 0, device: "d".into() })).1, Some(200));
        assert_eq!(unexported(records.iter(), Some(&Hlc { ms: 250, counter: 0, device: "d".into() })), (0, None));
    }

    #[test]
    fn a_version_one_file_round_trips() {
        let file = ExportFile {
            format: EXPORT_FORMAT.into(),
            version: EXPORT_VERSION,
            exported_at: Hlc { ms: 5, counter: 1, device: "d".into() },
            device_id: "d".into(),
            officer: "Nguyễn Thị Hạnh".into(),
            admin_units: AdminUnitList::default_list(),
            enterprises: vec![rec("a", 1), rec("b", 2).deleted_by(&Change { at: Hlc { ms: 3, counter: 0, device: "d".into() }, officer: String::new() })],
            surveys: vec![],
            assessments: vec![Record::new("s1".into(), &Change { at: Hlc { ms: 4, counter: 0, device: "d".into() }, officer: String::new() }, Assessment { form_id: "iso9001-readiness".into(), form_version: 1, readiness: Some(62.5), ..Default::default() })],
            activities: vec![Record::new("a1".into(), &Change { at: Hlc { ms: 4, counter: 0, device: "d".into() }, officer: String::new() }, Activity { activity_type: "outreach".into(), title: "Hội thảo <NSCL>".into(), start_date: "2026-03-02".into(), ..Default::default() })],
            unreadable: vec![],
        };
        let json = file.to_json().unwrap();
        assert_eq!(json, serde_json::to_string(&file).unwrap(), "compact, and what serde writes");
        let back: ExportFile = serde_json::from_str(&json).unwrap();
        assert_eq!(back, file);
        // A file written before self-assessments and activities existed still reads.
        let mut old: serde_json::Value = serde_json::from_str(&json).unwrap();
        for key in ["surveys", "assessments", "activities"] {
            old.as_object_mut().unwrap().remove(key);
        }
        let old: ExportFile = serde_json::from_value(old).unwrap();
        assert!(old.assessments.is_empty() && old.activities.is_empty() && old.enterprises.len() == 2);
        assert!(back.enterprises[1].deleted, "tombstones travel");
    }
}
