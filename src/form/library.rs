//! The form definitions this device knows: the ones shipped with the app and
//! the ones a coordinator installed from a file. Every version is kept, so a
//! response always finds the form it was filled on.

use super::definition::{DefError, Form};
use std::sync::Arc;

/// The officers' field survey.
pub const FIELD_SURVEY: &str = "field-survey";

/// The enterprises' self-assessment of their readiness for ISO 9001.
pub const ISO9001_READINESS: &str = "iso9001-readiness";

/// Readiness modules: the enterprise's self-assessment for each management
/// system, improvement tool and the National Quality Award (`docs/form-definitions.md`, "Readiness modules").
pub const ISO14001_READINESS: &str = "iso14001-readiness";
pub const ISO22000_READINESS: &str = "iso22000-readiness";
pub const ISO45001_READINESS: &str = "iso45001-readiness";
pub const ISO50001_READINESS: &str = "iso50001-readiness";
pub const ISO56002_READINESS: &str = "iso56002-readiness";
pub const GAP_READINESS: &str = "gap-readiness";
pub const TRACEABILITY_READINESS: &str = "traceability-readiness";
pub const FIVE_S_READINESS: &str = "five-s-readiness";
pub const KAIZEN_READINESS: &str = "kaizen-readiness";
pub const LEAN_READINESS: &str = "lean-readiness";
pub const TPM_READINESS: &str = "tpm-readiness";
pub const KPI_BSC_READINESS: &str = "kpi-bsc-readiness";
pub const MATURITY_READINESS: &str = "maturity-readiness";
/// The National Quality Award pre-check.
pub const AWARD_PRECHECK: &str = "award-precheck";

/// Definitions built into the app: (file name, source).
pub const SHIPPED: &[(&str, &str)] = &[
    ("data/forms/field_survey.json", include_str!("../../data/forms/field_survey.json")),
    ("data/forms/iso9001_readiness.json", include_str!("../../data/forms/iso9001_readiness.json")),
    ("data/forms/iso14001_readiness.json", include_str!("../../data/forms/iso14001_readiness.json")),
    ("data/forms/iso22000_readiness.json", include_str!("../../data/forms/iso22000_readiness.json")),
    ("data/forms/iso45001_readiness.json", include_str!("../../data/forms/iso45001_readiness.json")),
    ("data/forms/iso50001_readiness.json", include_str!("../../data/forms/iso50001_readiness.json")),
    ("data/forms/iso56002_readiness.json", include_str!("../../data/forms/iso56002_readiness.json")),
    ("data/forms/gap_readiness.json", include_str!("../../data/forms/gap_readiness.json")),
    ("data/forms/traceability_readiness.json", include_str!("../../data/forms/traceability_readiness.json")),
    ("data/forms/five_s_readiness.json", include_str!("../../data/forms/five_s_readiness.json")),
    ("data/forms/kaizen_readiness.json", include_str!("../../data/forms/kaizen_readiness.json")),
    ("data/forms/lean_readiness.json", include_str!("../../data/forms/lean_readiness.json")),
    ("data/forms/tpm_readiness.json", include_str!("../../data/forms/tpm_readiness.json")),
    ("data/forms/kpi_bsc_readiness.json", include_str!("../../data/forms/kpi_bsc_readiness.json")),
    ("data/forms/maturity_readiness.json", include_str!("../../data/forms/maturity_readiness.json")),
    ("data/forms/award_precheck.json", include_str!("../../data/forms/award_precheck.json")),
];

/// Whether a form version came with the app rather than from a file.
pub fn is_shipped(form: &Form) -> bool {
    SHIPPED.iter().any(|(_, src)| *src == form.source)
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormLibrary {
    forms: Vec<Arc<Form>>,
}

impl FormLibrary {
    /// The shipped definitions. A broken one is left out (a test keeps that from shipping).
    pub fn shipped() -> FormLibrary {
        let mut lib = FormLibrary::default();
        for (file, src) in SHIPPED {
            let _ = lib.install(file, src);
        }
        lib
    }

    /// Checks and adds a definition. The same id and version with other content is refused:
    /// responses already filled on that version must keep meaning what they meant.
    pub fn install(&mut self, file: &str, source: &str) -> Result<Arc<Form>, Vec<DefError>> {
        let form = Form::parse(file, source)?;
        if let Some(existing) = self.get(&form.id, form.version) {
            if existing.sections == form.sections && existing.title == form.title && existing.purpose == form.purpose {
                return Ok(existing);
            }
            return Err(vec![DefError {
                file: file.to_string(),
                at: None,
                message: format!("'{}' version {} is already installed with different content; give the new definition a higher version", form.id, form.version),
            }]);
        }
        let form = Arc::new(form);
        self.forms.push(form.clone());
        self.forms.sort_by(|a, b| (a.id.as_str(), a.version).cmp(&(b.id.as_str(), b.version)));
        Ok(form)
    }

    pub fn get(&self, id: &str, version: u32) -> Option<Arc<Form>> {
        self.forms.iter().find(|f| f.id == id && f.version == version).cloned()
    }

    pub fn latest(&self, id: &str) -> Option<Arc<Form>> {
        self.forms.iter().filter(|f| f.id == id).max_by_key(|f| f.version).cloned()
    }

    pub fn all(&self) -> &[Arc<Form>] {
        &self.forms
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::evaluate::evaluate;

    #[test]
    fn every_shipped_definition_validates() {
        for (file, src) in SHIPPED {
            if let Err(errors) = Form::parse(file, src) {
                panic!("{file} does not validate:\n{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"));
            }
        }
        let lib = FormLibrary::shipped();
        assert_eq!(lib.all().len(), SHIPPED.len());
        let survey = lib.latest(FIELD_SURVEY).expect("the field survey ships");
        assert!(survey.question_count() >= 40, "{}", survey.question_count());
        let empty = evaluate(&survey, &Default::default(), "2026-11-24");
        assert!(empty.first_missing().is_some(), "an empty survey cannot be complete");
        assert_eq!(survey.purpose, super::super::definition::Purpose::Survey);
        let readiness = lib.latest(ISO9001_READINESS).expect("the ISO 9001 self-assessment ships");
        assert_eq!(readiness.purpose, super::super::definition::Purpose::SelfAssessment);
        assert!(super::super::score::is_scored(&readiness));
        let requirements: usize = readiness.questions().map(|q| match &q.kind { crate::form::Kind::Matrix { rows, .. } => rows.len(), _ => 0 }).sum();
        assert_eq!(requirements, 30, "clauses 4 to 10 of ISO 9001:2015");
    }

    #[test]
    fn versions_are_kept_side_by_side_and_a_changed_version_is_refused() {
        let mut lib = FormLibrary::shipped();
        let v1 = lib.latest(FIELD_SURVEY).unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&v1.source).unwrap();
        v["version"] = (v1.version + 1).into();
        let v2 = lib.install("next.json", &v.to_string()).unwrap();
        assert!(is_shipped(&v1) && !is_shipped(&v2));
        assert_eq!(lib.latest(FIELD_SURVEY).unwrap().version, v2.version);
        assert!(lib.get(FIELD_SURVEY, v1.version).is_some());
        assert!(lib.install("again.json", &v.to_string()).is_ok(), "re-installing the same file is harmless");
        v["title"]["vi"] = "Tên khác".into();
        let err = lib.install("changed.json", &v.to_string()).unwrap_err();
        assert!(err[0].message.contains("already installed with different content"), "{}", err[0]);
        assert!(lib.install("broken.json", "{").is_err());
        assert_eq!(lib.all().len(), SHIPPED.len() + 1, "nothing half-loaded");
    }
}
