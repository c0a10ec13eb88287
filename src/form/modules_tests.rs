//! The readiness modules shipped in `data/forms/`: each self-assessment is a
//! module, its statements carry advice that names a kind of support the plan
//! offers, what comes first never loops, and the award pre-check adds up.

use super::definition::{Cells, Form, Kind, ModuleKind, Purpose};
use super::library::{self, FormLibrary, SHIPPED};
use super::score;
use super::{evaluate, Answer, Answers};
use crate::model::support_kind::SupportKinds;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The forms that are readiness modules, with the kind each must be.
const MODULES: [(&str, ModuleKind); 15] = [
    (library::ISO9001_READINESS, ModuleKind::System),
    (library::ISO14001_READINESS, ModuleKind::System),
    (library::ISO22000_READINESS, ModuleKind::System),
    (library::ISO45001_READINESS, ModuleKind::System),
    (library::ISO50001_READINESS, ModuleKind::System),
    (library::ISO56002_READINESS, ModuleKind::System),
    (library::GAP_READINESS, ModuleKind::System),
    (library::TRACEABILITY_READINESS, ModuleKind::Tool),
    (library::FIVE_S_READINESS, ModuleKind::Tool),
    (library::KAIZEN_READINESS, ModuleKind::Tool),
    (library::LEAN_READINESS, ModuleKind::Tool),
    (library::TPM_READINESS, ModuleKind::Tool),
    (library::KPI_BSC_READINESS, ModuleKind::Tool),
    (library::MATURITY_READINESS, ModuleKind::Maturity),
    (library::AWARD_PRECHECK, ModuleKind::Award),
];

fn modules() -> Vec<Arc<Form>> {
    let lib = FormLibrary::shipped();
    MODULES.iter().map(|(id, _)| lib.latest(id).unwrap_or_else(|| panic!("{id} does not ship"))).collect()
}

/// A scored statement: (question id, row id for a matrix row, its advice).
struct Statement<'a> {
    question: &'a str,
    id: &'a str,
    advice: Option<&'a super::definition::Advice>,
}

fn statements(form: &Form) -> Vec<Statement<'_>> {
    let mut out = Vec::new();
    for q in form.questions() {
        match &q.kind {
            Kind::Matrix { rows, .. } => out.extend(rows.iter().map(|r| Statement { question: &q.id, id: &r.id, advice: r.advice.as_ref() })),
            Kind::Single(c) if c.iter().any(|c| c.score.is_some() || c.band.is_some()) => out.push(Statement { question: &q.id, id: &q.id, advice: q.advice.as_ref() }),
            Kind::Scale(_) => out.push(Statement { question: &q.id, id: &q.id, advice: q.advice.as_ref() }),
            _ => {}
        }
    }
    out
}

#[test]
fn every_self_assessment_is_a_module_of_the_right_kind() {
    let lib = FormLibrary::shipped();
    let expected: HashMap<&str, ModuleKind> = MODULES.into_iter().collect();
    for form in lib.all() {
        if form.purpose == Purpose::SelfAssessment {
            let module = form.module.as_ref().unwrap_or_else(|| panic!("{} has no module block", form.id));
            assert_eq!(Some(&module.kind), expected.get(form.id.as_str()), "{}", form.id);
            assert!(!module.short.vi.is_empty() && !module.short.en.is_empty());
        } else {
            assert!(form.module.is_none(), "{}", form.id);
        }
    }
    assert_eq!(modules().len(), 15);
    let shorts: Vec<String> = modules().iter().map(|f| f.module.as_ref().map_or(String::new(), |m| m.short.en.clone())).collect();
    assert_eq!(shorts[..3], ["ISO 9001", "ISO 14001", "ISO 22000/HACCP"]);
    let five_s = lib.latest(library::FIVE_S_READINESS).unwrap();
    assert_eq!(five_s.module.as_ref().unwrap().short.vi, "5S");
    let trace = lib.latest(library::TRACEABILITY_READINESS).unwrap();
    assert_eq!(trace.module.as_ref().unwrap().short.vi, "Truy xuất nguồn gốc");
}

#[test]
fn each_file_is_named_after_its_form() {
    for (file, src) in SHIPPED {
        let form = Form::parse(file, src).unwrap();
        assert_eq!(*file, format!("data/forms/{}.json", form.id.replace('-', "_")));
    }
}

#[test]
fn new_modules_start_with_the_date_and_who_assessed() {
    for form in modules() {
        if form.id == library::ISO9001_READINESS {
            continue; // its first section also asks for the enterprise's name and tax code
        }
        let about = &form.sections[0];
        assert_eq!(about.id, "about", "{}", form.id);
        let date = form.question("assessment_date").unwrap();
        assert_eq!((form.section_of("assessment_date"), date.kind.name(), &date.required), (Some(0), "date", &super::definition::Requirement::Always), "{}", form.id);
        assert_eq!((date.label.vi.as_str(), date.label.en.as_str()), ("Ngày đánh giá", "Date of the assessment"));
        let name = form.question("respondent_name").unwrap();
        assert_eq!((form.section_of("respondent_name"), name.kind.name(), &name.required, name.max_length), (Some(0), "text", &super::definition::Requirement::Never, Some(100)), "{}", form.id);
        assert_eq!(form.version, 1);
    }
}

#[test]
fn modules_have_6_to_12_statements_each_with_advice_on_a_known_support() {
    let kinds = SupportKinds::shipped();
    for form in modules() {
        let module = form.module.as_ref().unwrap();
        let items = statements(&form);
        if module.kind != ModuleKind::Award && form.id != library::ISO9001_READINESS {
            // ISO 9001 keeps its full checklist of 30 requirements, clauses 4 to 10.
            assert!((6..=12).contains(&items.len()), "{} has {} statements", form.id, items.len());
            assert!(form.sections.len() <= 3, "{}: the about section and one or two of statements", form.id);
        }
        let mut ids = HashSet::new();
        for s in &items {
            assert!(ids.insert(s.id), "{}: '{}' appears twice; `after` must name one item", form.id, s.id);
            let advice = s.advice.unwrap_or_else(|| panic!("{}: {}.{} has no advice", form.id, s.question, s.id));
            assert!(kinds.get(&advice.support).is_some(), "{}: {}: support '{}' is not in data/support_kinds.json", form.id, s.id, advice.support);
            assert!(advice.first_step.vi.ends_with('.') && advice.first_step.en.ends_with('.'), "{}: {}: a first step is one sentence", form.id, s.id);
            for a in &advice.after {
                assert_ne!(a, s.id, "{}: {} comes after itself", form.id, s.id);
            }
        }
        if module.kind != ModuleKind::Award {
            assert!(score::is_scored(&form), "{}", form.id);
        }
    }
}

#[test]
fn what_comes_first_never_loops() {
    for form in modules() {
        let items = statements(&form);
        let after: HashMap<&str, Vec<&str>> = items.iter().map(|s| (s.id, s.advice.map_or(Vec::new(), |a| a.after.iter().map(String::as_str).collect()))).collect();
        // Kahn's algorithm: every item can be put in an order where its `after` items come first.
        let mut waiting: HashMap<&str, usize> = after.iter().map(|(id, a)| (*id, a.len())).collect();
        let mut ready: Vec<&str> = waiting.iter().filter(|(_, n)| **n == 0).map(|(id, _)| *id).collect();
        let mut placed = 0;
        while let Some(done) = ready.pop() {
            placed += 1;
            for (id, a) in &after {
                if a.contains(&done) {
                    let n = waiting.get_mut(id).unwrap();
                    *n -= 1;
                    if *n == 0 {
                        ready.push(id);
                    }
                }
            }
        }
        assert_eq!(placed, items.len(), "{}: `after` links form a cycle among {:?}", form.id, waiting.iter().filter(|(_, n)| **n > 0).collect::<Vec<_>>());
    }
}

#[test]
fn systems_use_the_checklist_and_tools_and_maturity_the_levels() {
    let lib = FormLibrary::shipped();
    let iso9001 = lib.latest(library::ISO9001_READINESS).unwrap();
    let checklist = iso9001.questions().find_map(|q| match &q.kind {
        Kind::Matrix { cells: Cells::Choices(c), .. } => Some(c.clone()),
        _ => None,
    });
    let checklist = checklist.unwrap();
    let values: Vec<(&str, Option<f64>)> = checklist.iter().map(|c| (c.value.as_str(), c.score)).collect();
    assert_eq!(values, [("compliant", Some(1.0)), ("partial", Some(0.5)), ("not_met", Some(0.0)), ("not_applicable", None)]);
    let mut first_levels = None;
    for form in modules() {
        let kind = form.module.as_ref().unwrap().kind;
        for q in form.questions() {
            match (&q.kind, kind) {
                (Kind::Matrix { cells: Cells::Choices(c), .. }, ModuleKind::System) => assert_eq!(c, &checklist, "{}: {}", form.id, q.id),
                (Kind::Matrix { cells: Cells::Levels(l), .. }, ModuleKind::Tool | ModuleKind::Maturity) => {
                    assert_eq!(l.len(), 5);
                    assert_eq!(l[0].vi, "0 – Chưa bắt đầu");
                    assert_eq!(l[4].vi, "4 – Được đo lường và cải tiến liên tục");
                    assert_eq!(first_levels.get_or_insert_with(|| l.clone()), l, "{}: every tool reads the levels alike", form.id);
                }
                (Kind::Matrix { .. }, k) => panic!("{}: {} is the wrong kind of matrix for a {k:?} module", form.id, q.id),
                (Kind::Scale(_), _) => panic!("{}: {}: modules rate statements in matrices", form.id, q.id),
                _ => {}
            }
        }
    }
}

#[test]
fn full_marks_score_100_and_nothing_done_leaves_every_statement_a_gap() {
    for form in modules() {
        if form.module.as_ref().unwrap().kind == ModuleKind::Award {
            continue;
        }
        let fill = |level: &str, choice: &str| {
            let mut answers = Answers::new();
            for q in form.questions() {
                if let Kind::Matrix { rows, cells } = &q.kind {
                    let v = if matches!(cells, Cells::Levels(_)) { level } else { choice };
                    answers.insert(q.id.clone(), Answer::Cells(rows.iter().map(|r| (r.id.clone(), v.to_string())).collect()));
                }
            }
            let r = score::readiness(&form, &answers, &evaluate(&form, &answers, "2026-12-01"));
            (r.overall.percent(), r.gaps.len())
        };
        let n = statements(&form).len();
        assert_eq!(fill("4", "compliant"), (Some(100.0), 0), "{}", form.id);
        assert_eq!(fill("0", "not_met"), (Some(0.0), n), "{}", form.id);
        assert_eq!(fill("2", "partial").0, Some(50.0), "{}", form.id);
    }
}

#[test]
fn lean_and_tpm_come_after_5s() {
    let lib = FormLibrary::shipped();
    for id in [library::LEAN_READINESS, library::TPM_READINESS] {
        let form = lib.latest(id).unwrap();
        let requires = &form.module.as_ref().unwrap().requires;
        assert_eq!(requires.iter().map(|r| (r.form.as_str(), r.percent)).collect::<Vec<_>>(), [(library::FIVE_S_READINESS, 70.0)], "{id}");
    }
    for form in modules() {
        for r in &form.module.as_ref().unwrap().requires {
            assert!(lib.latest(&r.form).is_some(), "{} requires '{}', which does not ship", form.id, r.form);
        }
    }
}

#[test]
fn iso9001_audit_and_review_come_after_document_control() {
    let form = FormLibrary::shipped().latest(library::ISO9001_READINESS).unwrap();
    let items = statements(&form);
    assert_eq!(items.len(), 30);
    let after: HashMap<&str, Vec<&str>> = items.iter().map(|s| (s.id, s.advice.unwrap().after.iter().map(String::as_str).collect())).collect();
    let comes_after = |item: &str, first: &str| {
        let mut todo = vec![item];
        let mut seen = HashSet::new();
        while let Some(i) = todo.pop() {
            if seen.insert(i) {
                todo.extend(after[i].iter().copied());
            }
        }
        seen.contains(first) && item != first
    };
    for audit in ["c9_3", "c9_4"] {
        assert!(comes_after(audit, "c7_6"), "{audit} after document control (7.5)");
    }
    assert!(comes_after("c9_4", "c9_3"), "the management review takes in the internal audit");
    assert!(!comes_after("c7_6", "c9_3"));
    let certification: Vec<&str> = items.iter().filter(|s| s.advice.unwrap().support == "certification").map(|s| s.id).collect();
    assert_eq!(certification, ["c9_4"]);
}

#[test]
fn the_award_precheck_weighs_seven_criteria_in_baldrige_bands() {
    let form = FormLibrary::shipped().latest(library::AWARD_PRECHECK).unwrap();
    let rules = form.module.as_ref().unwrap().award.clone().expect("award rules");
    assert_eq!((rules.eligible_points, rules.gold_points, rules.min_months, rules.months_question.as_str()), (600.0, 800.0, 36.0, "months_operating"));
    let months = form.question("months_operating").unwrap();
    assert_eq!((months.kind.name(), &months.required, months.min), ("integer", &super::definition::Requirement::Always, Some(0.0)));
    assert_eq!(months.label.vi, "Doanh nghiệp đã hoạt động bao nhiêu tháng?");
    let criteria: Vec<(&str, f64)> = form.questions().filter_map(|q| q.points.map(|p| (q.id.as_str(), p))).collect();
    assert_eq!(criteria, [("leadership", 120.0), ("strategy", 85.0), ("customers", 85.0), ("measurement", 90.0), ("workforce", 85.0), ("operations", 85.0), ("results", 450.0)]);
    assert_eq!(criteria.iter().map(|(_, p)| p).sum::<f64>(), 1000.0);
    let bands = [[0.0, 5.0], [10.0, 25.0], [30.0, 45.0], [50.0, 65.0], [70.0, 85.0], [90.0, 100.0]];
    for q in form.questions().filter(|q| q.points.is_some()) {
        let choices = q.kind.choices();
        assert_eq!(choices.iter().map(|c| c.band.unwrap()).collect::<Vec<_>>(), bands, "{}", q.id);
        let values: Vec<&str> = choices.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(values, ["b0_5", "b10_25", "b30_45", "b50_65", "b70_85", "b90_100"], "{}", q.id);
        for (c, [lo, hi]) in choices.iter().zip(bands) {
            let pct = format!("{lo}–{hi} %: ");
            assert!(c.label.vi.starts_with(&pct) && c.label.en.starts_with(&pct), "{}: {} reads as its band", q.id, c.value);
            assert!(c.score.is_none(), "an award criterion is scored by its band and points, not a score");
        }
        assert_eq!(q.required, super::definition::Requirement::Always);
    }
}

/// Every `{"vi", "en"}` text in the shipped files has both, and in a module the two differ where there are words to translate.
#[test]
fn every_text_is_written_in_both_languages() {
    fn walk<'a>(v: &'a serde_json::Value, out: &mut Vec<(&'a str, &'a str)>) {
        match v {
            serde_json::Value::Object(m) => {
                if m.contains_key("vi") || m.contains_key("en") {
                    let get = |k| m.get(k).and_then(|s: &serde_json::Value| s.as_str()).unwrap_or("");
                    out.push((get("vi"), get("en")));
                }
                m.values().for_each(|x| walk(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    for (file, src) in SHIPPED {
        let value: serde_json::Value = serde_json::from_str(src).unwrap();
        let mut texts = Vec::new();
        walk(&value, &mut texts);
        for (vi, en) in &texts {
            assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{file}: {vi:?} / {en:?}");
        }
        if value.get("module").is_some() && !file.ends_with("iso9001_readiness.json") {
            for (vi, en) in texts.iter().filter(|(vi, _)| vi.split_whitespace().count() > 3) {
                assert_ne!(vi, en, "{file}: not translated");
                // Vietnamese is written with its diacritics.
                assert!(vi.chars().any(|c| !c.is_ascii()), "{file}: {vi:?} has no diacritics");
            }
        }
    }
    let support = serde_json::from_str::<serde_json::Value>(include_str!("../../data/support_kinds.json")).unwrap();
    let mut texts = Vec::new();
    walk(&support, &mut texts);
    assert_eq!(texts.len(), 9);
}
