//! An enterprise in the provincial register.

use super::record::RecordKind;
use super::size_class::{classify, SizeClass};
use super::vsic;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ownership {
    State,
    Private,
    ForeignInvested,
    Cooperative,
    HouseholdBusiness,
    Other,
}

impl Ownership {
    pub const ALL: [Ownership; 6] = [
        Ownership::State,
        Ownership::Private,
        Ownership::ForeignInvested,
        Ownership::Cooperative,
        Ownership::HouseholdBusiness,
        Ownership::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Ownership::State => "state",
            Ownership::Private => "private",
            Ownership::ForeignInvested => "foreign_invested",
            Ownership::Cooperative => "cooperative",
            Ownership::HouseholdBusiness => "household_business",
            Ownership::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Ownership> {
        Ownership::ALL.into_iter().find(|o| o.key() == key)
    }
}

/// Đồng Tháp's key product groups, as the provincial plan names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductGroup {
    Rice,
    Mango,
    Flowers,
    Pangasius,
    Lotus,
    Ocop,
    Other,
}

impl ProductGroup {
    pub const ALL: [ProductGroup; 7] = [
        ProductGroup::Rice,
        ProductGroup::Mango,
        ProductGroup::Flowers,
        ProductGroup::Pangasius,
        ProductGroup::Lotus,
        ProductGroup::Ocop,
        ProductGroup::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ProductGroup::Rice => "rice",
            ProductGroup::Mango => "mango",
            ProductGroup::Flowers => "flowers",
            ProductGroup::Pangasius => "pangasius",
            ProductGroup::Lotus => "lotus",
            ProductGroup::Ocop => "ocop",
            ProductGroup::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<ProductGroup> {
        ProductGroup::ALL.into_iter().find(|p| p.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Enterprise {
    pub name: String,
    /// Normalised form (`0100233488` or `0100233488-001`), or `None` when not yet known.
    pub tax_code: Option<String>,
    pub address: String,
    pub admin_unit_id: Option<String>,
    /// VSIC level-1 section letter.
    pub vsic_section: Option<String>,
    pub ownership: Option<Ownership>,
    pub employees: Option<u32>,
    /// Annual revenue, billion VND.
    pub revenue_bn_vnd: Option<f64>,
    /// Total capital, billion VND.
    pub capital_bn_vnd: Option<f64>,
    pub products: Vec<ProductGroup>,
    /// OCOP rating, 1 to 5 stars, when `products` has OCOP.
    pub ocop_stars: Option<u8>,
    /// Free text for the `Other` product group.
    pub other_products: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub notes: String,
}

impl RecordKind for Enterprise {
    const KIND: &'static str = "enterprise";

    fn index_keys(&self) -> Vec<(&'static str, String)> {
        let mut keys = Vec::new();
        if let Some(t) = &self.tax_code {
            keys.push(("tax_code", t.clone()));
        }
        if let Some(u) = &self.admin_unit_id {
            keys.push(("admin_unit_id", u.clone()));
        }
        keys
    }
}

impl Enterprise {
    /// Size class under Decree 80/2021, derived, never stored.
    pub fn size_class(&self) -> Option<SizeClass> {
        let group = vsic::sector_group(self.vsic_section.as_deref()?)?;
        classify(group, self.employees, self.revenue_bn_vnd, self.capital_bn_vnd)
    }

    /// The text search looks in, before folding.
    /// A figure the register holds, as a new survey starts from it (money in billions of VND).
    pub fn figure(&self, figure: crate::form::prefill::RegisterFigure) -> Option<f64> {
        use crate::form::prefill::RegisterFigure;
        match figure {
            RegisterFigure::Employees => self.employees.map(f64::from),
            RegisterFigure::Revenue => self.revenue_bn_vnd,
            RegisterFigure::Capital => self.capital_bn_vnd,
        }
    }

    pub fn search_text(&self) -> String {
        let mut s = String::with_capacity(self.name.len() + self.address.len() + 48);
        // Not the tax code: a search matches it from its start, apart (`Registry::search_positions`).
        for part in [self.name.as_str(), &self.address, &self.contact_name, &self.contact_phone] {
            s.push_str(part);
            s.push(' ');
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_class_uses_the_vsic_sector() {
        let mut e = Enterprise { employees: Some(8), revenue_bn_vnd: Some(8.0), capital_bn_vnd: Some(5.0), ..Default::default() };
        assert_eq!(e.size_class(), None, "no sector, no class");
        e.vsic_section = Some("C".into());
        assert_eq!(e.size_class(), Some(SizeClass::Small));
        e.vsic_section = Some("G".into());
        assert_eq!(e.size_class(), Some(SizeClass::Micro));
    }

    #[test]
    fn keys_round_trip_and_serialise_as_snake_case() {
        for o in Ownership::ALL {
            assert_eq!(Ownership::from_key(o.key()), Some(o));
            assert_eq!(serde_json::to_string(&o).unwrap(), format!("\"{}\"", o.key()));
        }
        for p in ProductGroup::ALL {
            assert_eq!(ProductGroup::from_key(p.key()), Some(p));
            assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{}\"", p.key()));
        }
    }

    #[test]
    fn missing_fields_default_so_older_files_still_load() {
        let e: Enterprise = serde_json::from_str(r#"{"name":"HTX Xoài Mỹ Xương"}"#).unwrap();
        assert_eq!(e.name, "HTX Xoài Mỹ Xương");
        assert!(e.products.is_empty() && e.tax_code.is_none());
    }
}
