//! The support the programme gives enterprises, as section 2.3.3 of the
//! provincial plan (Kế hoạch 105/KH-UBND) lists it: advice on management
//! systems and improvement tools, traceability, GAP, digital tools,
//! certification, barcodes, base standards, product labels, intellectual
//! property.
//!
//! The kinds are data (`data/support_kinds.json`), Vietnamese and English side
//! by side, each with the words of the plan it comes from. A readiness
//! statement's advice names one of them (`Advice::support` in form
//! definitions), so a gap report can say which support fits.

use crate::form::LocalText;
use crate::i18n::Lang;
use serde::Deserialize;
use std::sync::OnceLock;

/// The `format` the data file declares.
pub const SUPPORT_KINDS_FORMAT: &str = "nscl-support-kinds";

const SUPPORT_KINDS_JSON: &str = include_str!("../../data/support_kinds.json");

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportKind {
    /// Lowercase letters, digits and `_`: what a form's advice names.
    pub id: String,
    pub label: LocalText,
    /// Where the plan offers it, quoting the plan's words.
    pub source: String,
}

impl SupportKind {
    pub fn label(&self, lang: Lang) -> &str {
        self.label.get(lang)
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportKinds {
    format: String,
    version: u32,
    kinds: Vec<SupportKind>,
}

impl SupportKinds {
    /// Reads and checks a support kinds file.
    pub fn parse(source: &str) -> Result<SupportKinds, String> {
        let file: SupportKinds = serde_json::from_str(source).map_err(|e| e.to_string())?;
        if file.format != SUPPORT_KINDS_FORMAT {
            return Err(format!("format is '{}', expected '{SUPPORT_KINDS_FORMAT}'", file.format));
        }
        let mut seen = std::collections::HashSet::new();
        for k in &file.kinds {
            let valid = !k.id.is_empty() && k.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !valid {
                return Err(format!("support kind id '{}' must be lowercase letters, digits and _", k.id));
            }
            if !seen.insert(k.id.as_str()) {
                return Err(format!("support kind '{}' appears twice", k.id));
            }
            if k.label.vi.trim().is_empty() || k.label.en.trim().is_empty() || k.source.trim().is_empty() {
                return Err(format!("support kind '{}' needs a label in both languages and a source", k.id));
            }
        }
        Ok(file)
    }

    /// The kinds shipped with the app (`data/support_kinds.json`).
    pub fn shipped() -> &'static SupportKinds {
        static FILE: OnceLock<SupportKinds> = OnceLock::new();
        FILE.get_or_init(|| SupportKinds::parse(SUPPORT_KINDS_JSON).expect("data/support_kinds.json is validated by the test suite"))
    }

    pub fn version(&self) -> u32 {
        self.version
    }

    /// Every kind, in the plan's order.
    pub fn all(&self) -> &[SupportKind] {
        &self.kinds
    }

    pub fn get(&self, id: &str) -> Option<&SupportKind> {
        self.kinds.iter().find(|k| k.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_s_nine_kinds_of_support_in_both_languages() {
        let kinds = SupportKinds::shipped();
        assert_eq!(kinds.version(), 1);
        let ids: Vec<&str> = kinds.all().iter().map(|k| k.id.as_str()).collect();
        assert_eq!(ids, ["systems_tools", "traceability", "gap", "digital_tools", "certification", "barcodes", "base_standards", "labels", "ip"]);
        for k in kinds.all() {
            assert!(k.source.contains("105/KH-UBND") && k.source.contains("2.3.3"), "{}: {}", k.id, k.source);
            assert_ne!(k.label(Lang::Vi), k.label(Lang::En), "{} is written in both languages", k.id);
        }
        let barcodes = kinds.get("barcodes").expect("barcodes");
        assert_eq!((barcodes.label(Lang::Vi), barcodes.label(Lang::En)), ("Mã số mã vạch", "Barcodes"));
        assert_eq!(kinds.get("gap").map(|k| k.label(Lang::Vi)), Some("Áp dụng thực hành nông nghiệp tốt (GAP)"));
        assert!(kinds.get("iso_9001").is_none(), "a topic is not a kind of support");
    }

    #[test]
    fn a_broken_file_says_what_is_wrong() {
        let file = |kinds: &str| format!(r#"{{"format": "nscl-support-kinds", "version": 1, "kinds": [{kinds}]}}"#);
        let kind = |id: &str, en: &str| format!(r#"{{"id": "{id}", "label": {{"vi": "Nhãn", "en": "{en}"}}, "source": "Kế hoạch"}}"#);
        assert!(SupportKinds::parse(&file(&kind("labels", "Labels"))).is_ok());
        let twice = SupportKinds::parse(&file(&format!("{},{}", kind("ip", "IP"), kind("ip", "IP")))).unwrap_err();
        assert!(twice.contains("'ip' appears twice"), "{twice}");
        assert!(SupportKinds::parse(&file(&kind("Bad-Id", "X"))).unwrap_err().contains("lowercase"));
        assert!(SupportKinds::parse(&file(&kind("ip", " "))).unwrap_err().contains("both languages"));
        assert!(SupportKinds::parse(&file(&kind("ip", "IP")).replace("nscl-support-kinds", "nscl-form")).unwrap_err().contains("expected 'nscl-support-kinds'"));
        assert!(SupportKinds::parse(&file(&kind("ip", "IP")).replace("\"source\"", "\"sauce\"")).unwrap_err().contains("unknown field"));
    }
}
