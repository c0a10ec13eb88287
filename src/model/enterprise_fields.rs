//! An enterprise as labelled display text, and what changed between two
//! versions: what the history on the enterprise page shows.

use super::admin_unit::AdminUnitList;
use super::enterprise::{Enterprise, ProductGroup};
use super::vsic;
use crate::format::format_int;
use crate::i18n::{ownership_msg, product_msg, Lang, Msg};

#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub label: Msg,
    pub before: String,
    pub after: String,
}

/// Every field, in form order, as the officer reads it.
pub fn display_fields(e: &Enterprise, units: &AdminUnitList, lang: Lang) -> Vec<(Msg, String)> {
    let amount = |v: Option<f64>| v.map(|x| crate::format::format_amount(x, 3, lang)).unwrap_or_default();
    let products = e
        .products
        .iter()
        .map(|p| match (p, e.ocop_stars) {
            (ProductGroup::Ocop, Some(n)) => format!("{} ({})", lang.t(product_msg(*p)), "★".repeat(n as usize)),
            (ProductGroup::Other, _) if !e.other_products.is_empty() => format!("{}: {}", lang.t(product_msg(*p)), e.other_products),
            _ => lang.t(product_msg(*p)).to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    vec![
        (Msg::FieldName, e.name.clone()),
        (Msg::FieldTaxCode, e.tax_code.clone().unwrap_or_default()),
        (Msg::FieldAddress, e.address.clone()),
        (Msg::FieldUnit, e.admin_unit_id.as_deref().map(|u| units.display_name(u, lang)).unwrap_or_default()),
        (Msg::FieldVsic, e.vsic_section.as_deref().and_then(vsic::section).map(|s| format!("{} – {}", s.code, s.name(lang))).unwrap_or_default()),
        (Msg::FieldOwnership, e.ownership.map(|o| lang.t(ownership_msg(o)).to_string()).unwrap_or_default()),
        (Msg::FieldEmployees, e.employees.map(|n| format_int(i64::from(n), lang)).unwrap_or_default()),
        (Msg::FieldRevenue, amount(e.revenue_bn_vnd)),
        (Msg::FieldCapital, amount(e.capital_bn_vnd)),
        (Msg::FieldProducts, products),
        (Msg::FieldContactName, e.contact_name.clone()),
        (Msg::FieldPhone, e.contact_phone.clone()),
        (Msg::FieldEmail, e.contact_email.clone()),
        (Msg::FieldNotes, e.notes.clone()),
    ]
}

/// The fields whose text differs between two versions.
pub fn changes(before: &Enterprise, after: &Enterprise, units: &AdminUnitList, lang: Lang) -> Vec<FieldChange> {
    field_changes(display_fields(before, units, lang), display_fields(after, units, lang))
}

/// The fields whose text differs, from two versions' labelled fields in the same order
/// (any kind's `display_fields`).
pub fn field_changes(before: Vec<(Msg, String)>, after: Vec<(Msg, String)>) -> Vec<FieldChange> {
    before
        .into_iter()
        .zip(after)
        .filter(|((_, a), (_, b))| a != b)
        .map(|((label, a), (_, b))| FieldChange { label, before: a, after: b })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_what_changed_in_the_officers_words() {
        let units = AdminUnitList::default_list();
        let before = Enterprise { name: "HTX Sen".into(), admin_unit_id: Some("h-thap-muoi".into()), employees: Some(1200), ..Default::default() };
        let mut after = before.clone();
        after.employees = Some(1250);
        after.products = vec![ProductGroup::Lotus, ProductGroup::Ocop];
        after.ocop_stars = Some(3);
        let c = changes(&before, &after, &units, Lang::Vi);
        assert_eq!(c, vec![
            FieldChange { label: Msg::FieldEmployees, before: "1.200".into(), after: "1.250".into() },
            FieldChange { label: Msg::FieldProducts, before: "".into(), after: "Sen, Sản phẩm OCOP (★★★)".into() },
        ]);
        assert!(changes(&before, &before, &units, Lang::En).is_empty());
        let fields = display_fields(&before, &units, Lang::En);
        assert!(fields.contains(&(Msg::FieldUnit, "Thap Muoi District".into())));
    }
}
