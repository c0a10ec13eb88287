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

/// Declares the shipped definitions once: `SHIPPED_FILES`, their names, and
/// `SHIPPED`, the same files built into the program.
macro_rules! shipped_forms {
    ($($file:literal),* $(,)?) => {
        /// The definitions that come with the app, in the order people meet them. The
        /// app's build copies `data/forms/` beside its files (`index.html`) and fetches
        /// them once the register is on screen (`web::shipped_forms`): 250 KB of
        /// definitions are no part of the first download.
        pub const SHIPPED_FILES: &[&str] = &[$($file),*];

        /// The same definitions built into the program: (file name, source). Only for
        /// what does not fetch them (native code and tests, the wasm-bindgen tests, a
        /// build without the split); the app's split build must not hold them, or they
        /// would be in its first download again (`scripts/bundle-size.mjs` checks).
        #[cfg(any(not(target_arch = "wasm32"), not(nscl_split)))]
        pub const SHIPPED: &[(&str, &str)] = &[$(($file, include_str!(concat!("../../", $file)))),*];
    };
}

shipped_forms![
    "data/forms/field_survey.json",
    "data/forms/iso9001_readiness.json",
    "data/forms/iso14001_readiness.json",
    "data/forms/iso22000_readiness.json",
    "data/forms/iso45001_readiness.json",
    "data/forms/iso50001_readiness.json",
    "data/forms/iso56002_readiness.json",
    "data/forms/gap_readiness.json",
    "data/forms/traceability_readiness.json",
    "data/forms/five_s_readiness.json",
    "data/forms/kaizen_readiness.json",
    "data/forms/lean_readiness.json",
    "data/forms/tpm_readiness.json",
    "data/forms/kpi_bsc_readiness.json",
    "data/forms/maturity_readiness.json",
    "data/forms/award_precheck.json",
];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormLibrary {
    forms: Vec<Arc<Form>>,
    /// The shipped definitions' (id, version), in `SHIPPED_FILES` order.
    shipped: Vec<(String, u32)>,
}

impl FormLibrary {
    /// The shipped definitions, built in. A broken one is left out (a test keeps that from shipping).
    #[cfg(any(not(target_arch = "wasm32"), not(nscl_split)))]
    pub fn shipped() -> FormLibrary {
        FormLibrary::with_shipped(SHIPPED.iter().map(|(file, src)| (*file, *src)))
    }

    /// A library of the shipped definitions, given as (file name, source) in
    /// `SHIPPED_FILES` order. A broken one is left out (a test keeps that from shipping).
    pub fn with_shipped<'a>(sources: impl IntoIterator<Item = (&'a str, &'a str)>) -> FormLibrary {
        let mut lib = FormLibrary::default();
        for (file, src) in sources {
            let _ = lib.install_shipped(file, src);
        }
        lib
    }

    /// Installs one shipped definition and records it as shipped, in the order given.
    fn install_shipped(&mut self, file: &str, src: &str) -> Result<(), Vec<DefError>> {
        let form = self.install(file, src)?;
        self.shipped.push((form.id.clone(), form.version));
        Ok(())
    }

    /// Adds the shipped definitions to a library that may already hold installed ones
    /// (read while the shipped ones were on their way), all or none: one that does not
    /// parse (a host that answers a missing file with its home page) leaves the library as
    /// it was and gives why, so the app says the definitions are unavailable and tries
    /// again later. A shipped definition comes first: an installed one with its id and
    /// version but other content is taken out and returned, with why, as `install` would
    /// have refused it.
    pub fn add_shipped<'a>(&mut self, sources: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Vec<DefError>, Vec<DefError>> {
        let mut shipped = FormLibrary::default();
        let mut broken = Vec::new();
        for (file, src) in sources {
            if let Err(errors) = shipped.install_shipped(file, src) {
                broken.extend(errors);
            }
        }
        if !broken.is_empty() {
            return Err(broken);
        }
        let mut refused = Vec::new();
        for form in std::mem::take(&mut self.forms) {
            if let Err(errors) = shipped.install(&format!("{}.json", form.id), &form.source) {
                refused.extend(errors);
            }
        }
        *self = shipped;
        Ok(refused)
    }

    /// Puts the shipped definitions in first, when `shipped` brings them and they are not
    /// in yet, then every `installed` (file, source) not in yet. Gives why any installed
    /// one was refused (checked when installed, a definition may no longer pass: this build
    /// checks more; it is left out rather than half-loaded, and Settings shows why), and
    /// `Err` with why when the shipped ones came but could not be read (none put in).
    pub fn install_all<'a>(&mut self, shipped: Option<&'a [(&'a str, String)]>, installed: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Vec<String>, Vec<String>> {
        let texts = |errors: Vec<DefError>| errors.iter().map(ToString::to_string).collect::<Vec<_>>();
        let mut refused = Vec::new();
        let mut broken = None;
        if let Some(shipped) = shipped.filter(|_| !self.has_shipped()) {
            match self.add_shipped(shipped.iter().map(|(file, source)| (*file, source.as_str()))) {
                Ok(errors) => refused.extend(texts(errors)),
                Err(errors) => broken = Some(texts(errors)),
            }
        }
        for (file, source) in installed {
            if !self.forms.iter().any(|k| k.source == source) {
                if let Err(errors) = self.install(file, source) {
                    refused.extend(texts(errors));
                }
            }
        }
        broken.map_or(Ok(refused), Err)
    }

    /// Whether a form version came with the app rather than from a file. The same id and
    /// version cannot be installed with other content, so the pair says it.
    pub fn is_shipped(&self, form: &Form) -> bool {
        self.shipped.iter().any(|(id, version)| *id == form.id && *version == form.version)
    }

    /// Where the first shipped version of `id` comes in `SHIPPED_FILES`, if one shipped.
    pub fn shipped_rank(&self, id: &str) -> Option<usize> {
        self.shipped.iter().position(|(shipped, _)| shipped == id)
    }

    /// Whether the shipped definitions are in (the app's build fetches them after start-up).
    pub fn has_shipped(&self) -> bool {
        !self.shipped.is_empty()
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
        crate::sort::sort_by(&mut self.forms, |a, b| (a.id.as_str(), a.version).cmp(&(b.id.as_str(), b.version)));
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
    fn every_file_the_build_serves_from_data_forms_is_shipped() {
        // The build serves the whole folder; the app fetches only what `shipped_forms!` lists.
        let mut served: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data/forms"))
            .unwrap()
            .map(|e| format!("data/forms/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
        served.sort();
        let mut listed: Vec<String> = SHIPPED_FILES.iter().map(|f| f.to_string()).collect();
        listed.sort();
        assert_eq!(served, listed);
    }

    #[test]
    fn shipped_definitions_arriving_after_installed_ones_come_first() {
        let survey = SHIPPED[0].1;
        let mut next: serde_json::Value = serde_json::from_str(survey).unwrap();
        next["version"] = (next["version"].as_u64().unwrap() + 1).into();
        // Same id and version as the shipped survey, other content: shipped first, this one refused.
        let mut clash: serde_json::Value = serde_json::from_str(survey).unwrap();
        clash["title"]["vi"] = "Phiếu khác".into();
        let mut lib = FormLibrary::default();
        lib.install("next.json", &next.to_string()).unwrap();
        lib.install("clash.json", &clash.to_string()).unwrap();
        assert!(!lib.has_shipped());
        let refused = lib.add_shipped(SHIPPED.iter().map(|(f, s)| (*f, *s))).expect("the shipped definitions read");
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert!(refused[0].message.contains("already installed with different content"), "{}", refused[0]);
        assert!(lib.has_shipped());
        assert_eq!(lib.all().len(), SHIPPED.len() + 1, "the shipped ones and the installed next version");
        let shipped = FormLibrary::shipped();
        let v1 = lib.get(FIELD_SURVEY, shipped.latest(FIELD_SURVEY).unwrap().version).unwrap();
        assert_eq!(v1.source, survey, "the shipped version kept, not the clash");
        assert!(lib.is_shipped(&v1));
        assert!(!lib.is_shipped(&lib.latest(FIELD_SURVEY).unwrap()), "the installed next version is not shipped");
        // The order modules are listed in is the shipped order, whatever the order they arrived in.
        for (rank, (file, src)) in SHIPPED.iter().enumerate() {
            let form = Form::parse(file, src).unwrap();
            assert_eq!(lib.shipped_rank(&form.id), Some(rank), "{file}");
        }
        assert_eq!(lib.shipped_rank("not-shipped"), None);
        assert_eq!(FormLibrary::with_shipped(SHIPPED.iter().map(|(f, s)| (*f, *s))), shipped);
    }

    #[test]
    fn shipped_definitions_that_do_not_read_leave_the_library_as_it_was() {
        // A host that answers a missing file with its home page, status 200.
        let mut next: serde_json::Value = serde_json::from_str(SHIPPED[0].1).unwrap();
        next["version"] = (next["version"].as_u64().unwrap() + 1).into();
        let mut lib = FormLibrary::default();
        lib.install("next.json", &next.to_string()).unwrap();
        let before = lib.clone();
        let mut sources: Vec<(&str, String)> = SHIPPED.iter().map(|(f, s)| (*f, s.to_string())).collect();
        sources[3].1 = "<!DOCTYPE html><html lang=\"vi\">".to_string();
        let broken = lib.install_all(Some(&sources), std::iter::empty()).unwrap_err();
        assert!(broken[0].contains(sources[3].0), "{broken:?}");
        assert_eq!(lib, before);
        assert!(!lib.has_shipped(), "tried again later");
        // Once they read, they come in, and an installed definition read meanwhile stays.
        sources[3].1 = SHIPPED[3].1.to_string();
        let installed = [("mine.json", next.to_string())];
        assert_eq!(lib.install_all(Some(&sources), installed.iter().map(|(f, s)| (*f, s.as_str()))), Ok(vec![]));
        assert_eq!(lib.all().len(), SHIPPED.len() + 1);
        assert!(lib.has_shipped());
    }

    #[test]
    fn versions_are_kept_side_by_side_and_a_changed_version_is_refused() {
        let mut lib = FormLibrary::shipped();
        let v1 = lib.latest(FIELD_SURVEY).unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&v1.source).unwrap();
        v["version"] = (v1.version + 1).into();
        let v2 = lib.install("next.json", &v.to_string()).unwrap();
        assert!(lib.is_shipped(&v1) && !lib.is_shipped(&v2));
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
