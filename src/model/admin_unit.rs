//! Administrative units: reference data the officer can edit.
//!
//! The shipped default is Đồng Tháp's 12 district-level units
//! (`data/admin_units.json`). The district level was abolished on 1/7/2025, so
//! units can be added, renamed and retired. A unit is never removed: records
//! keep pointing at a retired unit and still show its name.

use crate::i18n::{Lang, Msg};
use crate::text::fold;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminUnit {
    pub id: String,
    #[serde(default)]
    pub kind: String,
    pub vi: String,
    pub en: String,
    #[serde(default)]
    pub retired: bool,
}

impl AdminUnit {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En if self.en.trim().is_empty() => &self.vi,
            Lang::En => &self.en,
        }
    }

    /// The name as lists and pages show it: a retired unit says so.
    pub fn label(&self, lang: Lang) -> String {
        if self.retired {
            format!("{} {}", self.name(lang), lang.t(Msg::RetiredSuffix))
        } else {
            self.name(lang).to_string()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminUnitList {
    /// Which shipped list this started from, so a later default can be offered.
    pub source: String,
    pub units: Vec<AdminUnit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminUnitError {
    EmptyName,
    DuplicateName,
    UnknownUnit,
}

#[derive(Deserialize)]
struct AdminUnitFile {
    id: String,
    units: Vec<AdminUnit>,
}

const DEFAULT_JSON: &str = include_str!("../../data/admin_units.json");

impl AdminUnitList {
    /// The shipped default list.
    pub fn default_list() -> AdminUnitList {
        let file: AdminUnitFile =
            serde_json::from_str(DEFAULT_JSON).expect("data/admin_units.json is validated by the test suite");
        AdminUnitList { source: file.id, units: file.units }
    }

    pub fn get(&self, id: &str) -> Option<&AdminUnit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// Units offered for new records.
    pub fn active(&self) -> impl Iterator<Item = &AdminUnit> {
        self.units.iter().filter(|u| !u.retired)
    }

    /// The display name of a unit id, falling back to the id itself for a unit
    /// this device has never seen (for example from another officer's file).
    pub fn display_name(&self, id: &str, lang: Lang) -> String {
        self.get(id).map_or_else(|| id.to_string(), |u| u.name(lang).to_string())
    }

    /// Like [`AdminUnitList::display_name`], marking a retired unit.
    pub fn display_label(&self, id: &str, lang: Lang) -> String {
        self.get(id).map_or_else(|| id.to_string(), |u| u.label(lang))
    }

    fn name_taken(&self, vi: &str, except: Option<&str>) -> bool {
        let wanted = fold(vi.trim());
        self.units.iter().any(|u| Some(u.id.as_str()) != except && fold(&u.vi) == wanted)
    }

    /// Adds a unit and returns its new id.
    pub fn add(&mut self, vi: &str, en: &str, kind: &str) -> Result<String, AdminUnitError> {
        let vi = vi.trim();
        if vi.is_empty() {
            return Err(AdminUnitError::EmptyName);
        }
        if self.name_taken(vi, None) {
            return Err(AdminUnitError::DuplicateName);
        }
        let base = slug(vi);
        let mut id = base.clone();
        let mut n = 2;
        while self.get(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.units.push(AdminUnit {
            id: id.clone(),
            kind: kind.trim().to_string(),
            vi: vi.to_string(),
            en: en.trim().to_string(),
            retired: false,
        });
        Ok(id)
    }

    pub fn rename(&mut self, id: &str, vi: &str, en: &str) -> Result<(), AdminUnitError> {
        let vi = vi.trim();
        if vi.is_empty() {
            return Err(AdminUnitError::EmptyName);
        }
        if self.name_taken(vi, Some(id)) {
            return Err(AdminUnitError::DuplicateName);
        }
        let unit = self.units.iter_mut().find(|u| u.id == id).ok_or(AdminUnitError::UnknownUnit)?;
        unit.vi = vi.to_string();
        unit.en = en.trim().to_string();
        Ok(())
    }

    pub fn set_retired(&mut self, id: &str, retired: bool) -> Result<(), AdminUnitError> {
        let unit = self.units.iter_mut().find(|u| u.id == id).ok_or(AdminUnitError::UnknownUnit)?;
        unit.retired = retired;
        Ok(())
    }
}

/// An ASCII id from a Vietnamese name: `Phường Mỹ Tho` → `phuong-my-tho`.
fn slug(name: &str) -> String {
    let folded = fold(name);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-').to_string();
    if trimmed.is_empty() {
        "unit".to_string()
    } else {
        trimmed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_list_is_the_twelve_dong_thap_units() {
        let list = AdminUnitList::default_list();
        assert_eq!(list.units.len(), 12);
        assert_eq!(list.active().count(), 12);
        let names: Vec<&str> = list.units.iter().map(|u| u.vi.as_str()).collect();
        for expected in ["Thành phố Cao Lãnh", "Thành phố Sa Đéc", "Huyện Lấp Vò", "Huyện Châu Thành"] {
            assert!(names.contains(&expected), "{expected}");
        }
        let mut ids: Vec<&str> = list.units.iter().map(|u| u.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 12, "ids are unique");
        assert!(list.units.iter().all(|u| !u.en.is_empty()));
    }

    #[test]
    fn add_rename_retire_keep_ids_stable() {
        let mut list = AdminUnitList::default_list();
        let id = list.add("Phường Mỹ Tho", "My Tho Ward", "ward").unwrap();
        assert_eq!(id, "phuong-my-tho");
        assert_eq!(list.add("phuong my tho", "", "ward"), Err(AdminUnitError::DuplicateName));
        assert_eq!(list.add("  ", "", ""), Err(AdminUnitError::EmptyName));

        list.rename(&id, "Phường Mỹ Tho mới", "").unwrap();
        assert_eq!(list.display_name(&id, Lang::En), "Phường Mỹ Tho mới", "English falls back to Vietnamese");
        assert_eq!(list.rename("tp-sa-dec", "Phường Mỹ Tho mới", ""), Err(AdminUnitError::DuplicateName));
        list.rename("tp-sa-dec", "Thành phố Sa Đéc", "Sa Dec City").unwrap();

        list.set_retired("h-lap-vo", true).unwrap();
        assert_eq!(list.active().count(), 12);
        assert!(list.active().all(|u| u.id != "h-lap-vo"));
        assert_eq!(list.display_name("h-lap-vo", Lang::Vi), "Huyện Lấp Vò", "a retired unit still has its name");
        assert_eq!(list.display_label("h-lap-vo", Lang::Vi), "Huyện Lấp Vò (đã ngừng sử dụng)");
        assert_eq!(list.display_label("h-lap-vo", Lang::En), "Lap Vo District (retired)");
        assert_eq!(list.display_label("tp-sa-dec", Lang::En), "Sa Dec City");
        assert_eq!(list.set_retired("nope", true), Err(AdminUnitError::UnknownUnit));
        assert_eq!(list.display_name("xa-moi", Lang::Vi), "xa-moi");
    }

    #[test]
    fn added_ids_never_collide() {
        let mut list = AdminUnitList::default_list();
        list.units.push(AdminUnit { id: "xa-an-binh".into(), kind: String::new(), vi: "X".into(), en: String::new(), retired: true });
        assert_eq!(list.add("Xã An Bình", "", "commune").unwrap(), "xa-an-binh-2");
        assert_eq!(slug("!!!"), "unit");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::text;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_name_is_added_under_an_ascii_id_or_refused(vi in text(), en in text(), kind in text()) {
            let mut list = AdminUnitList::default_list();
            match list.add(&vi, &en, &kind) {
                Ok(id) => {
                    prop_assert!(!id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{}", id);
                    prop_assert_eq!(list.get(&id).map(|u| u.vi.as_str()), Some(vi.trim()));
                    prop_assert_eq!(list.add(&vi, "", ""), Err(AdminUnitError::DuplicateName));
                    prop_assert_eq!(list.rename(&id, &vi, &en), Ok(()));
                }
                Err(AdminUnitError::EmptyName) => prop_assert!(vi.trim().is_empty()),
                Err(e) => prop_assert_eq!(e, AdminUnitError::DuplicateName),
            }
        }
    }
}
