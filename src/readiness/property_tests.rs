//! No answer an enterprise types or a result file brings panics the scoring,
//! the award arithmetic, the action plan or the result file's check, on any
//! shipped module; and what they give stays in range.

use crate::arbitrary_text::text;
use crate::form::definition::Kind;
use crate::form::{Answer, Answers, FormLibrary};
use crate::model::assessment::Assessment;
use crate::model::clock::Hlc;
use crate::model::filled::FilledForm;
use crate::model::record::{Change, Record};
use crate::readiness::action_plan::recommended_actions;
use crate::readiness::award::award_result;
use crate::readiness::module_result;
use proptest::prelude::*;
use proptest::sample::Index;

/// A cell or answer value: one the form offers, a level, or anything at all.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just("compliant".to_string()),
        1 => Just("partial".to_string()),
        1 => Just("not_applicable".to_string()),
        2 => (0u8..7).prop_map(|l| l.to_string()),
        1 => Just("b70_85".to_string()),
        2 => text(),
    ]
}

/// Answers to a form: for each question picked, text, or cells on its rows and on made-up ones.
fn answers_for(form: &crate::form::Form, picks: Vec<(Index, Vec<(Index, String)>, String)>) -> Answers {
    let questions: Vec<&crate::form::Question> = form.questions().collect();
    let mut out = Answers::new();
    for (q, cells, typed) in picks {
        let q = questions[q.index(questions.len())];
        let answer = match &q.kind {
            Kind::Matrix { rows, .. } => Answer::Cells(
                cells
                    .into_iter()
                    .map(|(r, v)| {
                        let i = r.index(rows.len() + 1);
                        (rows.get(i).map_or_else(|| v.clone(), |row| row.id.clone()), v)
                    })
                    .collect(),
            ),
            _ => Answer::Text(typed),
        };
        out.insert(q.id.clone(), answer);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_answers_to_any_module_score_in_range_and_never_panic(
        which in any::<Index>(),
        picks in proptest::collection::vec((any::<Index>(), proptest::collection::vec((any::<Index>(), value()), 0..12), value()), 0..20),
        stored in prop_oneof![Just(None), any::<f64>().prop_map(Some)],
    ) {
        let library = FormLibrary::shipped();
        let forms: Vec<_> = library.all().iter().filter(|f| f.module.is_some()).cloned().collect();
        let form = forms[which.index(forms.len())].clone();
        let answers = answers_for(&form, picks);

        let result = module_result(&form, &answers, "2026-12-02");
        prop_assert!(result.percent.is_none_or(|p| (0.0..=100.0).contains(&p)), "{:?}", result.percent);
        prop_assert_eq!(result.band.is_some(), result.percent.is_some());
        prop_assert!(result.answered <= result.total);
        let _ = recommended_actions(std::slice::from_ref(&result), &library);
        if let Some(award) = award_result(&form, &answers) {
            prop_assert!(award.low <= award.total && award.total <= award.high && award.high <= award.max);
        }

        // The same answers as a result file's assessment, with whatever score it claims.
        let mut a = Assessment::new(&form, Some("e1"));
        a.answers = answers;
        a.record_summary(&form, &crate::form::evaluate(&form, &a.answers, "2026-12-02"));
        if stored.is_some() {
            a.readiness = stored;
        }
        let at = Hlc { ms: 1, counter: 0, device: "d".into() };
        let mut file: crate::sync::file::SyncFile = serde_json::from_value(serde_json::json!({
            "format": crate::sync::file::FORMAT, "version": 2, "exported_at": at, "device_id": "d", "officer": "",
            "scope": {"from_enterprise": true}, "admin_units": crate::model::admin_unit::AdminUnitList::default_list(),
        })).unwrap();
        file.records.enterprise.push(Record::new("e1".into(), &Change { at: at.clone(), officer: String::new() }, crate::model::enterprise::Enterprise::default()));
        file.records.assessment.push(Record::new("a1".into(), &Change { at, officer: String::new() }, a));
        let _ = crate::sync::result_check::check_result_file(&library, &file);
    }
}
