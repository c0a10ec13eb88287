//! An enterprise's result file is checked against the questionnaires before
//! anything of it is imported: every self-assessment must be on a form
//! version this laptop knows (shipped, installed, or carried by the file),
//! answer only what that form offers, and carry the score those answers give.
//! An officer's file is not checked this way: a backup must always restore.

use super::error::{ImportError, NotAResultWhy};
use super::file::SyncFile;
use crate::form::definition::{Cells, Kind};
use crate::form::{evaluate, score, Form, FormLibrary};
use crate::model::assessment::Assessment;
use crate::model::record::Record;

/// Whether an answer value is one the scored item offers.
fn offered(kind: &Kind, value: &str) -> bool {
    match kind {
        Kind::Scale(_) | Kind::Matrix { cells: Cells::Levels(_), .. } => matches!(value, "0" | "1" | "2" | "3" | "4"),
        _ => kind.choices().iter().any(|c| c.value == value),
    }
}

fn check_one(form: &Form, record: &Record<Assessment>) -> Result<(), String> {
    let a = &record.payload;
    for q in form.questions() {
        let Some(answer) = a.answers.get(&q.id) else { continue };
        match &q.kind {
            Kind::Single(_) | Kind::Scale(_) => {
                if let Some(v) = answer.text().filter(|v| !v.is_empty()) {
                    if !offered(&q.kind, v) {
                        return Err(format!("{} = {v}", q.id));
                    }
                }
            }
            Kind::Matrix { rows, .. } => {
                let crate::form::Answer::Cells(cells) = answer else { return Err(q.id.clone()) };
                for (row, v) in cells {
                    if !rows.iter().any(|r| r.id == *row) || (!v.is_empty() && !offered(&q.kind, v)) {
                        return Err(format!("{}.{row} = {v}", q.id));
                    }
                }
            }
            _ => {}
        }
    }
    if a.answered > a.total {
        return Err(format!("{} / {}", a.answered, a.total));
    }
    // The score kept with the record must be the one its answers give (the date rules use the
    // assessment's own date, so a check on another day agrees).
    let today = crate::readiness::profile::date_of(record);
    let computed = score::readiness(form, &a.answers, &evaluate(form, &a.answers, &today)).overall.percent();
    match (a.readiness, computed) {
        (None, _) => Ok(()),
        (Some(r), Some(c)) if r.is_finite() && (0.0..=100.0).contains(&r) && (r - c).abs() < 0.01 => Ok(()),
        (Some(r), _) => Err(format!("{r} %")),
    }
}

/// Checks every self-assessment of an enterprise's result file; `Ok` for any other file.
pub fn check_result_file(library: &FormLibrary, file: &SyncFile) -> Result<(), ImportError> {
    if !file.scope.from_enterprise {
        return Ok(());
    }
    // A result is one enterprise and its self-assessments: nothing in it may touch another
    // record of the department's register.
    let one = match &file.records.enterprise[..] {
        [one] => one.id.clone(),
        list => return Err(ImportError::NotAResult { why: NotAResultWhy::Enterprises(list.len()) }),
    };
    if !file.records.survey.is_empty() || !file.records.activity.is_empty() {
        return Err(ImportError::NotAResult { why: NotAResultWhy::SurveysOrActivities });
    }
    if !file.aliases.is_empty() || !file.conflicts.enterprise.is_empty() || !file.conflicts.survey.is_empty() || !file.conflicts.activity.is_empty() {
        return Err(ImportError::NotAResult { why: NotAResultWhy::AliasesOrConflicts });
    }
    if let Some(other) = file.records.assessment.iter().chain(&file.conflicts.assessment).find(|a| a.payload.enterprise_id.as_deref() != Some(one.as_str())) {
        return Err(ImportError::NotAResult { why: NotAResultWhy::OtherEnterprise(other.id.clone()) });
    }
    let mut known = library.clone();
    for carried in &file.forms {
        let _ = known.install(&carried.file, &carried.source);
    }
    for record in file.records.assessment.iter().chain(file.conflicts.assessment.iter()).filter(|r| !r.deleted) {
        let a = &record.payload;
        let form = known.get(&a.form_id, a.form_version).ok_or_else(|| ImportError::UnknownForm { form: a.form_id.clone(), version: a.form_version })?;
        check_one(&form, record).map_err(|detail| ImportError::ScoreOutOfRange { form: a.form_id.clone(), detail })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::library::ISO9001_READINESS;
    use crate::form::Answer;
    use crate::model::filled::FilledForm;
    use crate::model::clock::Hlc;
    use crate::model::record::Change;

    fn result_file(a: Assessment) -> SyncFile {
        let at = Hlc { ms: 1, counter: 0, device: "d".into() };
        let mut records = crate::sync::kinds::Sections::default();
        records.enterprise.push(Record::new("e1".into(), &Change { at: at.clone(), officer: String::new() }, crate::model::enterprise::Enterprise::default()));
        records.assessment.push(Record::new("a1".into(), &Change { at: at.clone(), officer: String::new() }, a));
        SyncFile {
            format: "nscl-tracker-sync".into(),
            version: 2,
            exported_at: at,
            device_id: "d".into(),
            officer: String::new(),
            scope: crate::sync::file::Scope { from_enterprise: true, ..Default::default() },
            admin_units: crate::model::admin_unit::AdminUnitList::default_list(),
            forms: Vec::new(),
            records,
            conflicts: Default::default(),
            aliases: Default::default(),
            unreadable: Vec::new(),
        }
    }

    fn scored(form: &Form, cell: &str) -> Assessment {
        let mut a = Assessment::new(form, Some("e1"));
        a.answers.insert("clause_4".into(), Answer::Cells([("c4_1".to_string(), cell.to_string())].into_iter().collect()));
        a.answers.insert(crate::model::assessment::ASSESSMENT_DATE.into(), Answer::Text("2026-11-30".into()));
        let e = evaluate(form, &a.answers, "2026-11-30");
        a.record_summary(form, &e);
        a
    }

    #[test]
    fn a_true_result_passes_and_a_changed_one_is_refused() {
        let lib = FormLibrary::shipped();
        let form = lib.latest(ISO9001_READINESS).unwrap();
        let good = scored(&form, "partial");
        assert_eq!(good.readiness, Some(50.0));
        assert_eq!(check_result_file(&lib, &result_file(good.clone())), Ok(()));

        let mut inflated = good.clone();
        inflated.readiness = Some(100.0);
        assert!(matches!(check_result_file(&lib, &result_file(inflated)), Err(ImportError::ScoreOutOfRange { .. })));
        let mut beyond = good.clone();
        beyond.readiness = Some(250.0);
        assert!(matches!(check_result_file(&lib, &result_file(beyond)), Err(ImportError::ScoreOutOfRange { .. })));
        let odd = scored(&form, "excellent");
        assert!(matches!(check_result_file(&lib, &result_file(odd)), Err(ImportError::ScoreOutOfRange { detail, .. }) if detail.contains("c4_1")));

        let mut unknown = good.clone();
        unknown.form_version = 99;
        assert_eq!(check_result_file(&lib, &result_file(unknown.clone())), Err(ImportError::UnknownForm { form: ISO9001_READINESS.into(), version: 99 }));
        // An officer's backup is never refused for it.
        let mut backup = result_file(unknown);
        backup.scope.from_enterprise = false;
        assert_eq!(check_result_file(&lib, &backup), Ok(()));
        // A result is one enterprise and its own assessments, nothing else.
        let mut two = result_file(good.clone());
        two.records.enterprise.push(two.records.enterprise[0].clone());
        assert!(matches!(check_result_file(&lib, &two), Err(ImportError::NotAResult { .. })));
        let mut other = good.clone();
        other.enterprise_id = Some("someone-else".into());
        assert!(matches!(check_result_file(&lib, &result_file(other)), Err(ImportError::NotAResult { .. })));
        let mut aliased = result_file(good.clone());
        aliased.aliases.insert("x".into(), "e1".into());
        assert!(matches!(check_result_file(&lib, &aliased), Err(ImportError::NotAResult { .. })));
        for lang in [crate::i18n::Lang::Vi, crate::i18n::Lang::En] {
            assert!(ImportError::UnknownForm { form: "x".into(), version: 2 }.message(lang).contains('2'));
        }
    }
}
