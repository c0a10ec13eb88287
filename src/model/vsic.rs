//! VSIC level-1 sections (A-U), loaded from `data/vsic_sections.json`.
//!
//! Kept as data because VSIC 2025 (Decision 36/2025/QĐ-TTg) replaces the 2018
//! list: a new file, not new code.

use super::size_class::SectorGroup;
use crate::i18n::Lang;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, Deserialize)]
pub struct VsicSection {
    pub code: String,
    pub group: SectorGroup,
    pub vi: String,
    pub en: String,
}

impl VsicSection {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Deserialize)]
struct VsicFile {
    sections: Vec<VsicSection>,
}

const VSIC_JSON: &str = include_str!("../../data/vsic_sections.json");

/// Every section, in code order.
pub fn sections() -> &'static [VsicSection] {
    static SECTIONS: OnceLock<Vec<VsicSection>> = OnceLock::new();
    SECTIONS.get_or_init(|| {
        serde_json::from_str::<VsicFile>(VSIC_JSON)
            .expect("data/vsic_sections.json is validated by the test suite")
            .sections
    })
}

pub fn section(code: &str) -> Option<&'static VsicSection> {
    sections().iter().find(|s| s.code == code)
}

pub fn sector_group(code: &str) -> Option<SectorGroup> {
    section(code).map(|s| s.group)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_has_sections_a_to_u_in_order_with_both_languages() {
        let codes: String = sections().iter().map(|s| s.code.as_str()).collect();
        assert_eq!(codes, "ABCDEFGHIJKLMNOPQRSTU");
        for s in sections() {
            assert!(!s.vi.trim().is_empty() && !s.en.trim().is_empty(), "{}", s.code);
        }
    }

    #[test]
    fn sections_map_to_decree_80_sector_groups() {
        for code in ["A", "B", "C", "D", "E", "F"] {
            assert_eq!(sector_group(code), Some(SectorGroup::AgricultureIndustryConstruction), "{code}");
        }
        for code in ["G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U"] {
            assert_eq!(sector_group(code), Some(SectorGroup::TradeServices), "{code}");
        }
        assert_eq!(sector_group("Z"), None);
    }
}
