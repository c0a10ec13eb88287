//! Every indicator from one fixed set of records.

use super::*;
use crate::form::{Answer, FormLibrary};
use crate::model::activity::{Activity, AwardResult, Expert};
use crate::model::assessment::Assessment;
use crate::model::clock::Hlc;
use crate::model::indicator_target::{record_id, IndicatorTarget};
use crate::model::record::{Change, Record};
use crate::model::survey::{Survey, SurveyStatus};
use std::collections::BTreeMap;

fn at(ms: i64) -> Change {
    Change { at: Hlc { ms, counter: 0, device: "d".into() }, officer: "Nguyễn Thị Hoa".into() }
}

fn act(id: &str, kind: &str, date: &str, unit: Option<&str>, enterprises: &[&str]) -> Record<Activity> {
    Record::new(
        id.into(),
        &at(1),
        Activity {
            activity_type: kind.into(),
            title: id.into(),
            start_date: date.into(),
            admin_unit_id: unit.map(str::to_string),
            enterprise_ids: enterprises.iter().map(|e| e.to_string()).collect(),
            ..Default::default()
        },
    )
}

fn with(mut r: Record<Activity>, f: impl FnOnce(&mut Activity)) -> Record<Activity> {
    f(&mut r.payload);
    r
}

fn expert(id: &str, date: &str, name: &str, org: &str) -> Record<Activity> {
    with(act(id, "expert", date, None, &[]), |a| a.expert = Some(Expert { name: name.into(), organisation: org.into(), certificate: String::new() }))
}

/// Enterprises e1, e2 in Sa Đéc; e3 in the retired old district of Lấp Vò.
fn unit_of(e: &str) -> Option<String> {
    match e {
        "e1" | "e2" => Some("tp-sa-dec".into()),
        "e3" => Some("h-lap-vo-old".into()),
        _ => None,
    }
}

fn records() -> Vec<Record<Activity>> {
    let mut deleted = act("s-deleted", "enterprise_support", "2023-04-01", Some("tp-sa-dec"), &["e2"]);
    deleted.deleted = true;
    vec![
        act("c1", "training_class", "2021-03-01", Some("tp-sa-dec"), &[]),
        with(act("c2", "training_class", "2022-05-01", Some("h-lap-vo-old"), &[]), |a| a.organisations = Some(40)),
        with(act("c3", "training_class", "2026-02-01", Some("tp-sa-dec"), &[]), |a| a.organisations = Some(7)),
        act("c-undated", "training_class", "sometime in 2023", Some("tp-sa-dec"), &[]),
        with(act("o1", "outreach", "2022-09-09", None, &["e1", "e3"]), |_| {}),
        // e1 supported twice, in two years: one enterprise.
        act("s1", "enterprise_support", "2022-01-10", None, &["e1"]),
        act("s2", "enterprise_support", "2024-06-10", None, &["e1"]),
        act("s3", "enterprise_support", "2024-07-01", None, &["e3"]),
        act("s-unlinked", "enterprise_support", "2025-01-01", Some("tp-sa-dec"), &[]),
        deleted,
        expert("x1", "2021-08-01", "Trần Văn Nam", "Sở KH&CN"),
        expert("x2", "2023-08-01", "TRẦN VĂN NAM", "Sở KH&CN"),
        expert("x3", "2023-08-01", "Lê Thị Mai", "Công ty A"),
        // The retired course kind still counts its qualified experts.
        with(act("x-course", "expert_training", "2022-11-01", None, &[]), |a| a.experts_qualified = Some(4)),
        with(act("w1", "award_entry", "2023-09-01", None, &["e1"]), |a| a.award_result = Some(AwardResult::Gold)),
        with(act("w2", "award_entry", "2024-09-01", None, &["e1"]), |a| a.award_result = Some(AwardResult::Gold)),
        with(act("w3", "award_entry", "2024-09-01", None, &["e2"]), |a| a.award_result = Some(AwardResult::Award)),
        with(act("w4", "award_entry", "2025-09-01", None, &["e3"]), |a| a.award_result = Some(AwardResult::Gold)),
        act("t1", "testing_field", "2025-12-31", None, &[]),
    ]
}

fn ind(id: &str) -> &'static Indicator {
    shipped().get(id).unwrap()
}

fn facts() -> Facts {
    Facts::new(&records(), &unit_of)
}

#[test]
fn each_indicator_from_the_fixed_records() {
    let f = facts();
    let t = Period::TERM_2021;
    let v = |id: &str| f.actual(ind(id), t, None);
    assert_eq!(v("training_classes").value, 2, "c3 is in 2026, c-undated in no year");
    assert_eq!(v("training_classes").activity_ids, ["c1", "c2"]);
    let supported = v("enterprises_supported");
    assert_eq!(supported.value, 3, "e1 twice counts once, e3, and the unlinked record as one; the deleted one not at all");
    assert_eq!(supported.enterprise_ids, ["e1", "e3"]);
    assert_eq!(supported.activity_ids, ["s-unlinked", "s1", "s2", "s3"]);
    assert_eq!(v("experts_trained").value, 2 + 4, "the same person twice counts once; the retired course adds its 4");
    assert_eq!(v("experts_trained").activity_ids, ["x-course", "x1", "x2", "x3"]);
    assert_eq!(v("organisations_guided").value, 0 + 40 + 2, "c1 has no count and no enterprises; o1 counts its two enterprises");
    assert_eq!(v("award_entrants").value, 3);
    assert_eq!(v("award_gold").value, 2, "e1 gold twice counts once, e3");
    assert_eq!(v("award_gold").activity_ids, ["w1", "w2", "w4"]);
    assert_eq!(v("testing_fields").value, 1);
    assert_eq!(v("standards_built").value, 0);
    assert_eq!(f.actual(ind("training_classes"), Period::TERM_2026, None).value, 1);
    assert_eq!(f.actual(ind("organisations_guided"), Period::TERM_2026, None).value, 7);
}

#[test]
fn units_the_activitys_own_else_its_enterprises_and_retired_ones_count() {
    let f = facts();
    let t = Period::TERM_2021;
    // The retired old district keeps its records.
    assert_eq!(f.actual(ind("training_classes"), t, Some("h-lap-vo-old")).activity_ids, ["c2"]);
    assert_eq!(f.actual(ind("enterprises_supported"), t, Some("h-lap-vo-old")).enterprise_ids, ["e3"]);
    // No unit of its own: the enterprises' units; o1 counts in both.
    assert_eq!(f.actual(ind("enterprises_supported"), t, Some("tp-sa-dec")).activity_ids, ["s-unlinked", "s1", "s2"]);
    let by_unit = f.breakdown(ind("organisations_guided"), t, Behind::Listed);
    assert_eq!(by_unit.get(&Some("tp-sa-dec".to_string())).map(|x| x.activity_ids.clone()), Some(vec!["c1".to_string(), "o1".to_string()]));
    assert_eq!(by_unit.get(&Some("h-lap-vo-old".to_string())).map(|x| x.value), Some(42));
    let experts = f.breakdown(ind("experts_trained"), t, Behind::Listed);
    assert_eq!(experts.keys().collect::<Vec<_>>(), [&None], "experts name no unit");
    assert_eq!(experts[&None].value, 6);
}

#[test]
fn trend_year_by_year() {
    let f = facts();
    let trend: Vec<(i32, u64)> = f.trend(ind("enterprises_supported"), Period::TERM_2021, None).into_iter().map(|(y, x)| (y, x.value)).collect();
    assert_eq!(trend, [(2021, 0), (2022, 1), (2023, 0), (2024, 2), (2025, 1)]);
}

#[test]
fn targets_the_plan_the_uplift_a_years_share_and_stored_ones() {
    let d = shipped();
    let none = StoredTargets::default();
    let t = |id: &str, p: Period| target_with(d, ind(id), p, &none).map(|t| (t.value, t.stretch, t.range));
    assert_eq!(t("training_classes", Period::TERM_2021), Some((10.0, None, None)));
    assert_eq!(t("organisations_guided", Period::TERM_2021), Some((500.0, None, None)), "100 a year over five years");
    // 2026-2030: 10-15 % above, the upper end the stretch, both rounded up.
    assert_eq!(t("training_classes", Period::TERM_2026), Some((11.0, Some(12.0), Some((11.0, 12.0)))));
    assert_eq!(t("experts_trained", Period::TERM_2026), Some((22.0, Some(23.0), Some((22.0, 23.0)))));
    assert_eq!(t("enterprises_supported", Period::TERM_2026), Some((17.0, Some(18.0), Some((17.0, 18.0)))));
    assert_eq!(t("testing_fields", Period::TERM_2026), Some((4.0, Some(4.0), Some((4.0, 4.0)))));
    assert_eq!(t("organisations_guided", Period::TERM_2026), Some((550.0, Some(575.0), Some((550.0, 575.0)))));
    assert_eq!(t("organisations_guided", Period::year(2027)), Some((110.0, Some(115.0), Some((110.0, 115.0)))));
    assert_eq!(t("organisations_guided", Period::year(2022)), Some((100.0, None, None)));
    assert_eq!(t("training_classes", Period::year(2022)).map(|x| x.0), Some(2.0));
    // A year's part is a whole number: "at least" 11-12 classes over five years is at least 3
    // a year (2,2-2,4 rounded up), "about" 22-23 experts is about 4-5, 4 fields at least 1.
    assert_eq!(t("training_classes", Period::year(2027)), Some((3.0, Some(3.0), Some((3.0, 3.0)))));
    assert_eq!(t("experts_trained", Period::year(2027)), Some((4.0, Some(5.0), Some((4.0, 5.0)))));
    assert_eq!(t("testing_fields", Period::year(2027)), Some((1.0, Some(1.0), Some((1.0, 1.0)))));
    assert_eq!(t("standards_built", Period::TERM_2021), None, "the plan sets no target");
    assert_eq!(t("training_classes", Period::year(2031)), None);
    assert_eq!(raised(10.0, 10), 11.0);
    assert_eq!(raised(2.5, 10), 3.0);

    // Stored: the latest version wins; a reset (no value) or a deletion gives the default back.
    let rec = |id: &str, period: &str, value: Option<f64>, ms: i64| {
        Record::new(record_id(id, period), &at(ms), IndicatorTarget { indicator_id: id.into(), period: period.into(), value, stretch: None, note: String::new() })
    };
    let first = rec("training_classes", "2021-2025", Some(12.0), 5);
    let later = first.revised(&at(9), IndicatorTarget { value: Some(14.0), ..first.payload.clone() });
    let stored = StoredTargets::new(&[later.clone(), first.clone()]);
    let got = target_with(d, ind("training_classes"), Period::TERM_2021, &stored).unwrap();
    assert_eq!(got.value, 14.0);
    assert_eq!(got.source, TargetSource::Stored { record_id: "target-training_classes-2021-2025".into(), officer: "Nguyễn Thị Hoa".into(), updated_ms: 9 });
    // The next term follows the stored 2021-2025 target: 14 × 1.10 = 15.4 → 16, × 1.15 = 16.1 → 17.
    assert_eq!(target_with(d, ind("training_classes"), Period::TERM_2026, &stored).map(|t| t.range), Some(Some((16.0, 17.0))));
    assert_eq!(default_target(d, ind("training_classes"), Period::TERM_2021).map(|t| t.value), Some(10.0));
    let reset = later.revised(&at(12), IndicatorTarget { value: None, ..later.payload.clone() });
    assert_eq!(target_with(d, ind("training_classes"), Period::TERM_2021, &StoredTargets::new(&[first.clone(), reset])).map(|t| t.value), Some(10.0));
    let gone = later.deleted_by(&at(12));
    assert_eq!(target_with(d, ind("training_classes"), Period::TERM_2021, &StoredTargets::new(&[gone])).map(|t| t.value), Some(10.0));
    // A target for an indicator the plan leaves open.
    let open = StoredTargets::new(&[rec("standards_built", "2026-2030", Some(50.0), 3)]);
    assert_eq!(target_with(d, ind("standards_built"), Period::TERM_2026, &open).map(|t| t.value), Some(50.0));
    assert!(open.get("standards_built", Period::TERM_2026).is_some());
}

#[test]
fn on_track_against_the_share_of_the_period_passed() {
    // Edges: exactly the share is on track; reaching the target early is achieved; the end passed is missed.
    assert_eq!(pace(5.0, Some(10.0), Some(0.5)), Pace::OnTrack);
    assert_eq!(pace(4.999, Some(10.0), Some(0.5)), Pace::Behind);
    assert_eq!(pace(0.0, Some(10.0), Some(0.0)), Pace::OnTrack, "nothing is expected on the first day");
    assert_eq!(pace(10.0, Some(10.0), Some(0.1)), Pace::Achieved);
    assert_eq!(pace(9.0, Some(10.0), Some(1.0)), Pace::Missed);
    assert_eq!(pace(10.0, Some(10.0), Some(1.0)), Pace::Achieved);
    assert_eq!(pace(0.0, Some(0.0), Some(0.3)), Pace::Achieved);
    assert_eq!(pace(3.0, None, Some(0.3)), Pace::NoTarget);
    assert_eq!(pace(3.0, Some(10.0), None), Pace::NotStarted);
    assert_eq!(percent_achieved(3.0, Some(12.0)), Some(25.0));
    assert_eq!(percent_achieved(3.0, Some(0.0)), None);

    let d = shipped();
    let f = facts();
    let none = StoredTargets::default();
    // Mid-2023: 913 of 1,826 days, half of 10 classes expected; 2 done.
    let p = progress(d, ind("training_classes"), &f, &none, (Period::TERM_2021, None), "2023-07-03", Behind::Listed);
    assert_eq!((p.actual.value, p.percent, p.expected, p.pace), (2, Some(20.0), Some(5.0), Pace::Behind));
    // Two classes against 10 × 365/1826 ≈ 1.999 expected on 1/1/2022 is on track; a day later 2.004 is expected.
    let on = |today: &str| progress(d, ind("training_classes"), &f, &none, (Period::TERM_2021, None), today, Behind::Listed).pace;
    assert_eq!(on("2022-01-01"), Pace::OnTrack);
    assert_eq!(on("2022-01-02"), Pace::Behind);
    assert_eq!(on("2026-01-01"), Pace::Missed);
    assert_eq!(progress(d, ind("training_classes"), &f, &none, (Period::TERM_2026, None), "2025-12-31", Behind::Listed).pace, Pace::NotStarted);
    let in_unit = progress(d, ind("training_classes"), &f, &none, (Period::TERM_2021, Some("tp-sa-dec")), "2023-07-02", Behind::Listed);
    assert_eq!((in_unit.target, in_unit.pace, in_unit.actual.value), (None, Pace::NoTarget, 1), "the plan's targets are the province's");
}

fn survey(id: &str, enterprise: &str, date: &str, status: SurveyStatus, systems: &[(&str, &str)], tools: &[(&str, &str)], ms: i64) -> Record<Survey> {
    let mut s = Survey { form_id: crate::form::library::FIELD_SURVEY.into(), form_version: 1, enterprise_id: enterprise.into(), status, ..Default::default() };
    s.answers.insert("survey_date".into(), Answer::Text(date.into()));
    let cells = |pairs: &[(&str, &str)]| Answer::Cells(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<BTreeMap<_, _>>());
    s.answers.insert(survey_view::SYSTEMS.into(), cells(systems));
    s.answers.insert(survey_view::TOOLS.into(), cells(tools));
    Record::new(id.into(), &at(ms), s)
}

#[test]
fn surveys_latest_completed_per_enterprise_and_the_share_applying() {
    let lib = FormLibrary::shipped();
    let form = lib.latest(crate::form::library::FIELD_SURVEY).unwrap();
    let mut gone = survey("s9", "e2", "2024-05-01", SurveyStatus::Complete, &[("iso_9001", "certified")], &[], 9);
    gone.deleted = true;
    let surveys = vec![
        // e1: the 2023 survey is replaced by the 2024 one, which no longer applies ISO 9001.
        survey("s1", "e1", "2023-03-01", SurveyStatus::Complete, &[("iso_9001", "certified")], &[("five_s", "4")], 1),
        survey("s2", "e1", "2024-03-01", SurveyStatus::Complete, &[("iso_9001", "not_applied"), ("iso_22000_haccp", "applying")], &[("five_s", "2"), ("kaizen", "1")], 2),
        survey("s3", "e2", "2024-04-01", SurveyStatus::Complete, &[("iso_9001", "applying")], &[("five_s", "0")], 3),
        // A draft that answers the matrices counts; one that does not, or a deleted survey, does not.
        survey("s4", "e3", "2024-04-01", SurveyStatus::Draft, &[("iso_9001", "certified")], &[], 4),
        survey("s5", "e1", "2024-12-01", SurveyStatus::Draft, &[], &[], 5),
        gone,
    ];
    let facts = SurveyFacts::new(&form, &surveys, &unit_of);
    let row = |sh: &SurveyShares, id: &str| sh.rows.iter().find(|r| r.row.id == id).cloned().unwrap();
    let term = facts.shares(Period::TERM_2021, None);
    assert_eq!(term.enterprise_ids, ["e1", "e2", "e3"]);
    assert_eq!(term.survey_ids, ["s2", "s3", "s4"]);
    assert_eq!(row(&term, "iso_9001").applying, ["e2", "e3"]);
    assert_eq!(row(&term, "iso_9001").certified, ["e3"]);
    assert_eq!(row(&term, "iso_22000_haccp").applying, ["e1"]);
    assert_eq!(row(&term, "five_s").applying, ["e1"], "level 2 applies, level 0 does not");
    assert!(row(&term, "kaizen").applying.is_empty(), "level 1 is only planned");
    assert_eq!(term.share(3), Some(100.0));
    // In 2023 alone, e1's earlier survey is its latest.
    let y2023 = facts.shares(Period::year(2023), None);
    assert_eq!((row(&y2023, "iso_9001").certified.clone(), y2023.enterprise_ids.len()), (vec!["e1".to_string()], 1));
    assert_eq!(facts.shares(Period::TERM_2021, Some("h-lap-vo-old")).enterprise_ids, ["e3"]);
    assert_eq!(facts.shares(Period::TERM_2026, None).share(0), None, "nobody surveyed: no share");
}

#[test]
fn readiness_bands_by_each_enterprises_latest_assessment() {
    let lib = FormLibrary::shipped();
    let a = |id: &str, ent: Option<&str>, form: &str, date: &str, pct: Option<f64>, ms: i64| {
        let mut x = Assessment { form_id: form.into(), form_version: 1, enterprise_id: ent.map(str::to_string), readiness: pct, ..Default::default() };
        x.answers.insert(crate::model::assessment::ASSESSMENT_DATE.into(), Answer::Text(date.into()));
        Record::new(id.into(), &at(ms), x)
    };
    let all = vec![
        a("a1", Some("e1"), "iso9001-readiness", "2023-01-01", Some(30.0), 1),
        a("a2", Some("e1"), "iso9001-readiness", "2024-01-01", Some(75.0), 2),
        a("a3", Some("e2"), "iso9001-readiness", "2024-02-01", Some(40.0), 3),
        a("a4", None, "iso9001-readiness", "2024-02-01", Some(10.0), 4),
        a("a5", Some("e3"), "five-s-readiness", "2024-02-01", None, 5),
    ];
    let facts = AssessmentFacts::new(&lib, &all, &unit_of);
    let bands = facts.bands(Period::TERM_2021, None);
    let iso = bands.iter().find(|m| m.form_id == "iso9001-readiness").unwrap();
    assert_eq!(iso.bands, [vec!["a4".to_string()], vec!["a3".to_string()], vec!["a2".to_string()]]);
    assert_eq!(bands.iter().find(|m| m.form_id == "five-s-readiness").map(|m| m.total()), Some(0), "no score, no band");
    assert!(bands.iter().all(|m| m.form_id != "award-precheck"));
    let sa_dec = facts.bands(Period::TERM_2021, Some("tp-sa-dec"));
    assert_eq!(sa_dec.iter().find(|m| m.form_id == "iso9001-readiness").map(|m| m.total()), Some(2));
}

#[test]
fn the_dashboards_counts_are_the_lengths_of_the_views_ids() {
    let lib = FormLibrary::shipped();
    let form = lib.latest(crate::form::library::FIELD_SURVEY).unwrap();
    let surveys = vec![
        survey("s1", "e1", "2023-03-01", SurveyStatus::Complete, &[("iso_9001", "certified")], &[("five_s", "4")], 1),
        survey("s2", "e1", "2024-03-01", SurveyStatus::Complete, &[("iso_9001", "applying")], &[("five_s", "2")], 2),
        survey("s3", "e2", "2024-04-01", SurveyStatus::Complete, &[("iso_9001", "certified")], &[("five_s", "0")], 3),
    ];
    let facts = SurveyFacts::new(&form, &surveys, &unit_of);
    for (period, unit) in [(Period::TERM_2021, None), (Period::year(2023), None), (Period::TERM_2021, Some("h-lap-vo-old")), (Period::TERM_2026, None)] {
        let (shares, counts) = (facts.shares(period, unit), facts.counts(period, unit));
        assert_eq!(counts.surveyed, shares.enterprise_ids.len());
        assert_eq!(counts.applying, shares.rows.iter().map(|r| r.applying.len()).collect::<Vec<_>>());
        assert_eq!(counts.certified, shares.rows.iter().map(|r| r.certified.len()).collect::<Vec<_>>());
        assert_eq!(counts.share(1), shares.share(1));
    }
    let iso = facts.rows.iter().position(|r| r.id == "iso_9001").unwrap();
    assert_eq!((facts.counts(Period::TERM_2021, None).applying[iso], facts.counts(Period::TERM_2021, None).certified[iso]), (2, 1));
}

mod latest_props {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    /// A survey of one of 4 enterprises, dated in one of 3 years, one of 3 save times (ties
    /// included), applying ISO 9001 or not; an assessment likewise, of one of 2 modules.
    fn surveys() -> impl Strategy<Value = Vec<(u8, u8, u8, bool)>> {
        prop::collection::vec((0u8..4, 0u8..3, 0u8..3, any::<bool>()), 0..24)
    }

    proptest! {
        /// The one-pass choice of each enterprise's latest survey picks what a map of
        /// enterprise to latest picks, the first of equals included, for every period and unit.
        #[test]
        fn each_enterprises_latest_survey_is_the_one_a_map_would_choose(spec in surveys()) {
            let lib = FormLibrary::shipped();
            let form = lib.latest(crate::form::library::FIELD_SURVEY).unwrap();
            let records: Vec<Record<Survey>> = spec.iter().enumerate().map(|(i, (e, y, ms, iso))| {
                survey(&format!("s{i:02}"), &format!("e{e}"), &format!("202{}-0{}-01", 2 + y, 1 + ms % 2), SurveyStatus::Complete, &[("iso_9001", if *iso { "applying" } else { "not_applied" })], &[], i64::from(*ms))
            }).collect();
            let facts = SurveyFacts::new(&form, &records, &unit_of);
            for (period, unit) in [(Period::TERM_2021, None), (Period::year(2023), None), (Period::TERM_2021, Some("h-lap-vo-old"))] {
                // The reference: a map from enterprise to its latest survey, ties to the first read.
                let mut latest: HashMap<&str, &Record<Survey>> = HashMap::new();
                for r in &records {
                    let date = r.payload.survey_date().unwrap();
                    let year: i32 = date[..4].parse().unwrap();
                    if !period.contains(year) || unit.is_some_and(|u| unit_of(&r.payload.enterprise_id).as_deref() != Some(u)) {
                        continue;
                    }
                    let slot = latest.entry(r.payload.enterprise_id.as_str()).or_insert(r);
                    if (date, r.updated_ms()) > (slot.payload.survey_date().unwrap(), slot.updated_ms()) {
                        *slot = r;
                    }
                }
                let mut expected: Vec<String> = latest.values().map(|r| r.id.clone()).collect();
                expected.sort();
                let shares = facts.shares(period, unit);
                prop_assert_eq!(&shares.survey_ids, &expected);
                let counts = facts.counts(period, unit);
                prop_assert_eq!(counts.surveyed, expected.len());
                let iso = facts.rows.iter().position(|r| r.id == "iso_9001").unwrap();
                prop_assert_eq!(counts.applying[iso], latest.values().filter(|r| matches!(r.payload.answers.get(survey_view::SYSTEMS), Some(Answer::Cells(c)) if c.get("iso_9001").map(String::as_str) == Some("applying"))).count());
            }
        }

        /// Readiness bands: the counts are the bands' lengths, and each enterprise counts once per module.
        #[test]
        fn band_counts_are_the_bands_lengths(spec in prop::collection::vec((0u8..4, 0u8..2, 0u8..3, 0u8..3, 0u8..101), 0..24)) {
            let lib = FormLibrary::shipped();
            let forms = ["iso9001-readiness", "five-s-readiness"];
            let records: Vec<Record<Assessment>> = spec.iter().enumerate().map(|(i, (e, form, y, ms, pct))| {
                let mut x = Assessment { form_id: forms[*form as usize].into(), form_version: 1, enterprise_id: (*e > 0).then(|| format!("e{e}")), readiness: Some(f64::from(*pct)), ..Default::default() };
                x.answers.insert(crate::model::assessment::ASSESSMENT_DATE.into(), Answer::Text(format!("202{}-01-01", 2 + y)));
                Record::new(format!("a{i:02}"), &at(i64::from(*ms)), x)
            }).collect();
            let facts = AssessmentFacts::new(&lib, &records, &unit_of);
            for period in [Period::TERM_2021, Period::year(2023)] {
                let bands = facts.bands(period, None);
                let counts = facts.band_counts(period, None);
                prop_assert_eq!(counts.len(), bands.len());
                let shown: Vec<&str> = facts.with_counts(&counts).map(|((id, _), _)| id.as_str()).collect();
                prop_assert_eq!(shown, bands.iter().filter(|m| m.total() > 0).map(|m| m.form_id.as_str()).collect::<Vec<_>>());
                for (m, c) in bands.iter().zip(&counts) {
                    prop_assert_eq!(m.bands.iter().map(Vec::len).collect::<Vec<_>>(), c.to_vec());
                    // Linked enterprises count once per module; unlinked assessments are their own.
                    let linked: Vec<&String> = m.bands.iter().flatten().filter_map(|id| records.iter().find(|r| &r.id == id)?.payload.enterprise_id.as_ref()).collect();
                    let mut distinct = linked.clone();
                    distinct.sort();
                    distinct.dedup();
                    prop_assert_eq!(distinct.len(), linked.len());
                }
            }
        }
    }
}

mod figure_props {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    /// The count as it was first written: a set of formatted keys, one per enterprise, one per
    /// unlinked record, one per person.
    fn counted_by_keys(indicator: &Indicator, facts: &[&Fact]) -> u64 {
        let mut value = 0u64;
        let mut keys: BTreeSet<String> = BTreeSet::new();
        for f in facts {
            match indicator.count.rule {
                Rule::Records => value += 1,
                Rule::DistinctEnterprises => {
                    if f.enterprises.is_empty() {
                        keys.insert(format!("record:{}", f.id));
                    }
                    for e in &f.enterprises {
                        keys.insert(format!("enterprise:{e}"));
                    }
                }
                Rule::DistinctExperts => match &f.expert {
                    Some(person) => {
                        keys.insert(person.clone());
                    }
                    None => value += u64::from(f.experts_qualified),
                },
                Rule::SumOrganisations => value += u64::from(f.organisations.unwrap_or(f.enterprises.len() as u32)),
            }
        }
        value + keys.len() as u64
    }

    proptest! {
        /// Every indicator, over any mix of activities (linked to none, one or several of four
        /// enterprises, experts named alike or unnamed, awards of every result), counts what
        /// the key-based count did.
        #[test]
        fn every_figure_counts_what_the_key_based_count_did(spec in prop::collection::vec((0usize..6, 0u8..16, 0u8..3, 0u8..4, 0u8..5, 0u8..4), 0..30)) {
            let kinds = ["training_class", "expert", "enterprise_support", "award_entry", "testing_field", "expert_training"];
            let results = [AwardResult::Gold, AwardResult::Award, AwardResult::Pending, AwardResult::NotAwarded];
            let records: Vec<Record<Activity>> = spec.iter().enumerate().map(|(i, (kind, links, name, result, count, year))| {
                let enterprises: Vec<&str> = ["e1", "e2", "e3", "e4"].iter().enumerate().filter(|(b, _)| links & (1 << b) != 0).map(|(_, e)| *e).collect();
                with(act(&format!("a{i:02}"), kinds[*kind], &format!("202{}-03-01", 2 + year), None, &enterprises), |a| {
                    // An expert named, unnamed (known by the record), or none: a course's count.
                    if *kind == 1 {
                        a.expert = (*name > 0).then(|| Expert { name: ["", " ", "Trần Văn Khoa"][*name as usize].into(), organisation: "Chi cục TĐC".into(), certificate: String::new() });
                    }
                    if *kind == 1 || *kind == 5 {
                        a.experts_qualified = Some(u32::from(*count));
                    }
                    a.award_result = (*kind == 3).then(|| results[*result as usize]);
                    a.organisations = (*count > 2).then(|| u32::from(*count));
                })
            }).collect();
            let facts = Facts::new(&records, &unit_of);
            for indicator in &shipped().indicators {
                for period in [Period::TERM_2021, Period::year(2023)] {
                    let matching: Vec<&Fact> = facts.facts.iter().filter(|f| {
                        period.contains(f.year)
                            && indicator.count.kinds.contains(&f.kind)
                            && (indicator.count.award_results.is_empty() || f.award.is_some_and(|a| indicator.count.award_results.contains(&a)))
                    }).collect();
                    let listed = facts.actual(indicator, period, None);
                    prop_assert_eq!(listed.value, counted_by_keys(indicator, &matching), "{}", indicator.id);
                    // The dashboard's figures, without the records behind them, count the same.
                    let count_only = facts.actual_with(indicator, period, None, Behind::CountOnly);
                    prop_assert_eq!(count_only.value, listed.value);
                    prop_assert!(count_only.activity_ids.is_empty() && count_only.enterprise_ids.is_empty());
                    for (unit, fig) in facts.breakdown(indicator, period, Behind::CountOnly) {
                        let in_unit = match unit.as_deref() {
                            Some(u) => facts.actual(indicator, period, Some(u)),
                            None => facts.breakdown(indicator, period, Behind::Listed).remove(&None).unwrap_or_default(),
                        };
                        prop_assert_eq!(fig.value, in_unit.value, "{} in {:?}", &indicator.id, unit);
                    }
                    for (year, fig) in facts.trend(indicator, period, None) {
                        prop_assert_eq!(fig.value, facts.actual(indicator, Period::year(year), None).value);
                    }
                }
            }
        }
    }
}
