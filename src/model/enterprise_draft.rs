//! What the officer types into the enterprise form, and its validation.
//!
//! The draft keeps every field as the text typed, so a rejected save never
//! loses input; only a draft that validates becomes an [`Enterprise`].

use super::admin_unit::AdminUnitList;
use super::enterprise::{Enterprise, Ownership, ProductGroup};
use super::tax_code::{TaxCode, TaxCodeError};
use super::vsic;
use crate::format::{parse_count, parse_decimal, read_decimal, NumberError};
use crate::i18n::{Lang, Msg};

pub const MAX_NAME: usize = 300;
pub const MAX_SHORT: usize = 500;
pub const MAX_NOTES: usize = 10_000;
/// Decree 80 classes stop at 200 employees; anything past a million is a typo.
const MAX_EMPLOYEES: u32 = 1_000_000;
/// One quadrillion VND, in billions: far above any enterprise in the province.
const MAX_AMOUNT_BN: f64 = 1_000_000.0;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct EnterpriseDraft {
    pub name: String,
    pub tax_code: String,
    pub address: String,
    pub admin_unit_id: String,
    pub vsic_section: String,
    pub ownership: String,
    pub employees: String,
    pub revenue: String,
    pub capital: String,
    pub products: Vec<ProductGroup>,
    pub ocop_stars: String,
    pub other_products: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    TaxCode,
    Address,
    AdminUnit,
    Vsic,
    Ownership,
    Employees,
    Revenue,
    Capital,
    OcopStars,
    OtherProducts,
    ContactName,
    ContactPhone,
    ContactEmail,
    Notes,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Required,
    TaxCode(TaxCodeError),
    /// The tax code belongs to another enterprise already in the register.
    DuplicateTaxCode { existing_id: String },
    NotANumber,
    /// Separators where no thousands group can be (`2,5,6`): refused rather than read as another number.
    BadGrouping,
    NotAWholeNumber,
    TooLarge,
    TooLong(usize),
    InvalidEmail,
    InvalidPhone,
    OcopStars,
    UnknownOption,
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        let fixed = |m: Msg| lang.t(m).to_string();
        match self {
            Problem::Required => fixed(Msg::ErrRequired),
            Problem::TaxCode(e) => match e {
                TaxCodeError::Empty => fixed(Msg::ErrRequired),
                TaxCodeError::InvalidCharacter => fixed(Msg::ErrTaxCharacters),
                TaxCodeError::InvalidLength => fixed(Msg::ErrTaxLength),
                TaxCodeError::InvalidBranch => fixed(Msg::ErrTaxBranch),
                TaxCodeError::ZeroProvincePrefix => fixed(Msg::ErrTaxPrefix),
                TaxCodeError::ZeroSequence => fixed(Msg::ErrTaxSequence),
                TaxCodeError::NoCheckDigit => fixed(Msg::ErrTaxNoCheckDigit),
                // Never the digit that would pass: a wrong code "corrected" to pass names another enterprise.
                TaxCodeError::CheckDigitMismatch { .. } => fixed(Msg::ErrTaxCheckDigit),
            },
            Problem::DuplicateTaxCode { .. } => fixed(Msg::ErrTaxDuplicate),
            Problem::NotANumber => fixed(Msg::ErrNumber),
            Problem::BadGrouping => fixed(Msg::ErrNumberGrouping),
            Problem::NotAWholeNumber => fixed(Msg::ErrWholeNumber),
            Problem::TooLarge => fixed(Msg::ErrTooLarge),
            Problem::TooLong(max) => lang.too_long(*max),
            Problem::InvalidEmail => fixed(Msg::ErrEmail),
            Problem::InvalidPhone => fixed(Msg::ErrPhone),
            Problem::OcopStars => fixed(Msg::ErrOcopStars),
            Problem::UnknownOption => fixed(Msg::ErrUnknownOption),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    MissingTaxCode,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Validation {
    pub errors: Vec<(Field, Problem)>,
    pub warnings: Vec<(Field, Warning)>,
}

impl Field {
    pub const ALL: [Field; 15] = [
        Field::Name, Field::TaxCode, Field::Address, Field::AdminUnit, Field::Vsic, Field::Ownership,
        Field::Employees, Field::Revenue, Field::Capital, Field::OcopStars, Field::OtherProducts,
        Field::ContactName, Field::ContactPhone, Field::ContactEmail, Field::Notes,
    ];

    /// The form label of a field.
    pub fn label(self) -> Msg {
        match self {
            Field::Name => Msg::FieldName,
            Field::TaxCode => Msg::FieldTaxCode,
            Field::Address => Msg::FieldAddress,
            Field::AdminUnit => Msg::FieldUnit,
            Field::Vsic => Msg::FieldVsic,
            Field::Ownership => Msg::FieldOwnership,
            Field::Employees => Msg::FieldEmployees,
            Field::Revenue => Msg::FieldRevenue,
            Field::Capital => Msg::FieldCapital,
            Field::OcopStars => Msg::FieldOcopStars,
            Field::OtherProducts => Msg::FieldOtherProducts,
            Field::ContactName => Msg::FieldContactName,
            Field::ContactPhone => Msg::FieldPhone,
            Field::ContactEmail => Msg::FieldEmail,
            Field::Notes => Msg::FieldNotes,
        }
    }
}

impl Validation {
    pub fn error(&self, field: Field) -> Option<&Problem> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, p)| p)
    }

    pub fn warning(&self, field: Field) -> Option<Warning> {
        self.warnings.iter().find(|(f, _)| *f == field).map(|(_, w)| *w)
    }
}

impl EnterpriseDraft {
    /// The typed text of a field, for binding inputs by [`Field`].
    pub fn text(&self, field: Field) -> &str {
        match field {
            Field::Name => &self.name,
            Field::TaxCode => &self.tax_code,
            Field::Address => &self.address,
            Field::AdminUnit => &self.admin_unit_id,
            Field::Vsic => &self.vsic_section,
            Field::Ownership => &self.ownership,
            Field::Employees => &self.employees,
            Field::Revenue => &self.revenue,
            Field::Capital => &self.capital,
            Field::OcopStars => &self.ocop_stars,
            Field::OtherProducts => &self.other_products,
            Field::ContactName => &self.contact_name,
            Field::ContactPhone => &self.contact_phone,
            Field::ContactEmail => &self.contact_email,
            Field::Notes => &self.notes,
        }
    }

    pub fn text_mut(&mut self, field: Field) -> &mut String {
        match field {
            Field::Name => &mut self.name,
            Field::TaxCode => &mut self.tax_code,
            Field::Address => &mut self.address,
            Field::AdminUnit => &mut self.admin_unit_id,
            Field::Vsic => &mut self.vsic_section,
            Field::Ownership => &mut self.ownership,
            Field::Employees => &mut self.employees,
            Field::Revenue => &mut self.revenue,
            Field::Capital => &mut self.capital,
            Field::OcopStars => &mut self.ocop_stars,
            Field::OtherProducts => &mut self.other_products,
            Field::ContactName => &mut self.contact_name,
            Field::ContactPhone => &mut self.contact_phone,
            Field::ContactEmail => &mut self.contact_email,
            Field::Notes => &mut self.notes,
        }
    }

    /// Puts the officer's changes (`self`, edited from `base`) on top of a
    /// version someone else saved meanwhile (`theirs`): a field the officer
    /// changed keeps the officer's value, every other field takes theirs.
    /// Also returns the fields both changed to different values.
    pub fn merged_onto(&self, base: &EnterpriseDraft, theirs: &EnterpriseDraft) -> (EnterpriseDraft, Vec<Field>) {
        let mut merged = theirs.clone();
        let mut both = Vec::new();
        for field in Field::ALL {
            let (mine, was, their) = (self.text(field), base.text(field), theirs.text(field));
            if mine != was {
                *merged.text_mut(field) = mine.to_string();
                if their != was && their != mine {
                    both.push(field);
                }
            }
        }
        if self.products != base.products {
            merged.products = self.products.clone();
        }
        (merged, both)
    }

    /// The size class the typed figures give so far, for a live preview.
    pub fn preview_size(&self, lang: Lang) -> Option<crate::model::size_class::SizeClass> {
        let group = vsic::sector_group(self.vsic_section.trim())?;
        // Only figures the save would accept: one the field refuses must not class the enterprise either.
        let amount = |s: &str| parse_decimal(s, lang).filter(|x| (0.0..=MAX_AMOUNT_BN).contains(x));
        let employees = parse_count(&self.employees).filter(|n| *n <= MAX_EMPLOYEES);
        crate::model::size_class::classify(group, employees, amount(&self.revenue), amount(&self.capital))
    }

    /// The draft for editing an existing enterprise, with numbers shown the way
    /// the officer's language writes them.
    pub fn from_enterprise(e: &Enterprise, lang: Lang) -> EnterpriseDraft {
        let amount = |v: Option<f64>| v.map(|x| crate::format::format_amount(x, 6, lang)).unwrap_or_default();
        EnterpriseDraft {
            name: e.name.clone(),
            tax_code: e.tax_code.clone().unwrap_or_default(),
            address: e.address.clone(),
            admin_unit_id: e.admin_unit_id.clone().unwrap_or_default(),
            vsic_section: e.vsic_section.clone().unwrap_or_default(),
            ownership: e.ownership.map(|o| o.key().to_string()).unwrap_or_default(),
            employees: e.employees.map(|n| n.to_string()).unwrap_or_default(),
            revenue: amount(e.revenue_bn_vnd),
            capital: amount(e.capital_bn_vnd),
            products: e.products.clone(),
            ocop_stars: e.ocop_stars.map(|n| n.to_string()).unwrap_or_default(),
            other_products: e.other_products.clone(),
            contact_name: e.contact_name.clone(),
            contact_phone: crate::model::phone::format_phone(&e.contact_phone),
            contact_email: e.contact_email.clone(),
            notes: e.notes.clone(),
        }
    }

    /// The same draft with its amounts written for `to` (`format::in_language`), when the page's
    /// language changes while the form is open: each keeps the number it meant in `from`.
    /// Employees are counts, which both languages read alike.
    pub fn in_language(&self, from: Lang, to: Lang) -> EnterpriseDraft {
        let moved = |s: &str| crate::format::in_language(s, from, to);
        EnterpriseDraft { revenue: moved(&self.revenue), capital: moved(&self.capital), ..self.clone() }
    }

    /// Checks every field; numbers are read as `lang` writes them.
    /// `owner_of_tax_code` answers which other record, if
    /// any, already holds a normalised tax code; `units` is the unit list in force.
    pub fn validate(
        &self,
        lang: Lang,
        units: &AdminUnitList,
        owner_of_tax_code: impl Fn(&str) -> Option<String>,
    ) -> Result<(Enterprise, Vec<(Field, Warning)>), Validation> {
        let mut v = Validation::default();
        let mut e = Enterprise::default();

        let text = |v: &mut Validation, field: Field, value: &str, max: usize| -> String {
            let t = value.trim();
            if t.chars().count() > max {
                v.errors.push((field, Problem::TooLong(max)));
            }
            t.to_string()
        };

        e.name = text(&mut v, Field::Name, &self.name, MAX_NAME);
        if e.name.is_empty() {
            v.errors.push((Field::Name, Problem::Required));
        }

        match TaxCode::parse(&self.tax_code) {
            Ok(code) => {
                let normalised = code.to_string();
                match owner_of_tax_code(&normalised) {
                    Some(existing_id) => v.errors.push((Field::TaxCode, Problem::DuplicateTaxCode { existing_id })),
                    None => e.tax_code = Some(normalised),
                }
            }
            Err(TaxCodeError::Empty) => v.warnings.push((Field::TaxCode, Warning::MissingTaxCode)),
            Err(err) => v.errors.push((Field::TaxCode, Problem::TaxCode(err))),
        }

        e.address = text(&mut v, Field::Address, &self.address, MAX_SHORT);

        let unit = self.admin_unit_id.trim();
        if !unit.is_empty() {
            if units.get(unit).is_some() {
                e.admin_unit_id = Some(unit.to_string());
            } else {
                v.errors.push((Field::AdminUnit, Problem::UnknownOption));
            }
        }

        let section = self.vsic_section.trim();
        if !section.is_empty() {
            if vsic::section(section).is_some() {
                e.vsic_section = Some(section.to_string());
            } else {
                v.errors.push((Field::Vsic, Problem::UnknownOption));
            }
        }

        let ownership = self.ownership.trim();
        if !ownership.is_empty() {
            match Ownership::from_key(ownership) {
                Some(o) => e.ownership = Some(o),
                None => v.errors.push((Field::Ownership, Problem::UnknownOption)),
            }
        }

        if !self.employees.trim().is_empty() {
            match parse_count(&self.employees) {
                Some(n) if n <= MAX_EMPLOYEES => e.employees = Some(n),
                Some(_) => v.errors.push((Field::Employees, Problem::TooLarge)),
                None => v.errors.push((Field::Employees, Problem::NotAWholeNumber)),
            }
        }

        for (field, input, slot) in [
            (Field::Revenue, &self.revenue, &mut e.revenue_bn_vnd),
            (Field::Capital, &self.capital, &mut e.capital_bn_vnd),
        ] {
            if input.trim().is_empty() {
                continue;
            }
            match read_decimal(input, lang) {
                Ok(x) if x < 0.0 => v.errors.push((field, Problem::NotANumber)),
                Ok(x) if x > MAX_AMOUNT_BN => v.errors.push((field, Problem::TooLarge)),
                Ok(x) => *slot = Some(x),
                Err(NumberError::Grouping) => v.errors.push((field, Problem::BadGrouping)),
                Err(NumberError::NotANumber) => v.errors.push((field, Problem::NotANumber)),
            }
        }

        let mut products = self.products.clone();
        crate::sort::sort(&mut products);
        products.dedup();
        e.products = products;
        if e.products.contains(&ProductGroup::Ocop) && !self.ocop_stars.trim().is_empty() {
            match self.ocop_stars.trim().parse::<u8>() {
                Ok(n @ 1..=5) => e.ocop_stars = Some(n),
                _ => v.errors.push((Field::OcopStars, Problem::OcopStars)),
            }
        }
        if e.products.contains(&ProductGroup::Other) {
            e.other_products = text(&mut v, Field::OtherProducts, &self.other_products, MAX_SHORT);
        }

        e.contact_name = text(&mut v, Field::ContactName, &self.contact_name, MAX_SHORT);
        let phone = text(&mut v, Field::ContactPhone, &self.contact_phone, MAX_SHORT);
        if !phone.is_empty() {
            match crate::model::phone::normalise_phone(&phone) {
                Some(stored) => e.contact_phone = stored,
                // A foreign number (or one an earlier build accepted) is kept as typed: refusing it
                // would block every later edit of the enterprise.
                None if crate::model::phone::is_other_phone(&phone) => e.contact_phone = phone,
                None => v.errors.push((Field::ContactPhone, Problem::InvalidPhone)),
            }
        }
        e.contact_email = text(&mut v, Field::ContactEmail, &self.contact_email, MAX_SHORT);
        if !e.contact_email.is_empty() && !is_email(&e.contact_email) {
            v.errors.push((Field::ContactEmail, Problem::InvalidEmail));
        }
        e.notes = text(&mut v, Field::Notes, &self.notes, MAX_NOTES);

        if v.errors.is_empty() {
            Ok((e, v.warnings))
        } else {
            Err(v)
        }
    }
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units() -> AdminUnitList {
        AdminUnitList::default_list()
    }

    fn nobody(_: &str) -> Option<String> {
        None
    }

    fn draft(name: &str, tax: &str) -> EnterpriseDraft {
        EnterpriseDraft { name: name.into(), tax_code: tax.into(), ..Default::default() }
    }

    #[test]
    fn a_full_valid_draft_becomes_an_enterprise() {
        let d = EnterpriseDraft {
            name: "  Công ty TNHH Thủy sản Sa Đéc ".into(),
            tax_code: "1400100593".into(),
            address: "Phường 1, Sa Đéc".into(),
            admin_unit_id: "tp-sa-dec".into(),
            vsic_section: "C".into(),
            ownership: "private".into(),
            employees: "1.250".into(),
            revenue: "2.345,5".into(),
            capital: "120".into(),
            products: vec![ProductGroup::Pangasius, ProductGroup::Ocop, ProductGroup::Pangasius],
            ocop_stars: "4".into(),
            other_products: "ignored because Other is not ticked".into(),
            contact_name: "Nguyễn Văn A".into(),
            contact_phone: "0277 3851 234".into(),
            contact_email: "lienhe@thuysan.vn".into(),
            notes: "<b>not markup</b>".into(),
        };
        let (e, warnings) = d.validate(Lang::Vi, &units(), nobody).unwrap();
        assert!(warnings.is_empty());
        assert_eq!(e.name, "Công ty TNHH Thủy sản Sa Đéc");
        assert_eq!(e.tax_code.as_deref(), Some("1400100593"));
        assert_eq!(e.employees, Some(1250));
        assert_eq!(e.contact_phone, "02773851234", "stored as digits, however it was typed");
        assert_eq!(EnterpriseDraft::from_enterprise(&e, Lang::Vi).contact_phone, "0277 3851 234");
        assert_eq!(e.revenue_bn_vnd, Some(2345.5));
        assert_eq!(e.products, vec![ProductGroup::Pangasius, ProductGroup::Ocop]);
        assert_eq!(e.ocop_stars, Some(4));
        assert_eq!(e.other_products, "");
        assert_eq!(e.notes, "<b>not markup</b>");
        assert_eq!(e.size_class(), Some(crate::model::size_class::SizeClass::Large));
    }

    #[test]
    fn missing_tax_code_warns_but_saves() {
        let (e, warnings) = draft("HTX Xoài Mỹ Xương", "  ").validate(Lang::Vi, &units(), nobody).unwrap();
        assert_eq!(e.tax_code, None);
        assert_eq!(warnings, vec![(Field::TaxCode, Warning::MissingTaxCode)]);
    }

    #[test]
    fn invalid_tax_code_and_missing_name_are_errors_with_messages_in_both_languages() {
        let v = draft(" ", "0100233480").validate(Lang::Vi, &units(), nobody).unwrap_err();
        assert_eq!(v.error(Field::Name), Some(&Problem::Required));
        let tax = v.error(Field::TaxCode).unwrap();
        assert_eq!(tax, &Problem::TaxCode(TaxCodeError::CheckDigitMismatch { expected: 8 }));
        assert!(tax.message(Lang::Vi).contains("chữ số kiểm tra"));
        assert!(tax.message(Lang::En).contains("check digit"));
    }

    #[test]
    fn duplicate_tax_code_names_the_existing_record() {
        let owner = |code: &str| (code == "0100233488-001").then(|| "id-1".to_string());
        let v = draft("Chi nhánh", "0100233488 001").validate(Lang::Vi, &units(), owner).unwrap_err();
        assert_eq!(v.error(Field::TaxCode), Some(&Problem::DuplicateTaxCode { existing_id: "id-1".into() }));
        assert!(draft("Trụ sở", "0100233488").validate(Lang::Vi, &units(), owner).is_ok(), "the head office is another code");
    }

    #[test]
    fn numbers_and_options_are_checked() {
        let d = EnterpriseDraft {
            name: "X".into(),
            employees: "12,5a".into(),
            revenue: "-3".into(),
            capital: "nhiều".into(),
            admin_unit_id: "no-such-unit".into(),
            vsic_section: "Z".into(),
            ownership: "pirate".into(),
            products: vec![ProductGroup::Ocop],
            ocop_stars: "6".into(),
            contact_phone: "12".into(),
            contact_email: "a@b".into(),
            ..Default::default()
        };
        let v = d.validate(Lang::Vi, &units(), nobody).unwrap_err();
        assert_eq!(v.error(Field::Employees), Some(&Problem::NotAWholeNumber));
        assert_eq!(v.error(Field::Revenue), Some(&Problem::NotANumber));
        assert_eq!(v.error(Field::Capital), Some(&Problem::NotANumber));
        assert_eq!(v.error(Field::AdminUnit), Some(&Problem::UnknownOption));
        assert_eq!(v.error(Field::Vsic), Some(&Problem::UnknownOption));
        assert_eq!(v.error(Field::Ownership), Some(&Problem::UnknownOption));
        assert_eq!(v.error(Field::OcopStars), Some(&Problem::OcopStars));
        assert_eq!(v.error(Field::ContactPhone), Some(&Problem::InvalidPhone));
        assert_eq!(v.error(Field::ContactEmail), Some(&Problem::InvalidEmail));
        assert_eq!(v.error(Field::Name), None);
    }

    #[test]
    fn fields_are_addressable_and_size_previews_while_typing() {
        let mut d = EnterpriseDraft::default();
        *d.text_mut(Field::Vsic) = "G".into();
        *d.text_mut(Field::Employees) = "8".into();
        assert_eq!(d.preview_size(Lang::Vi), None);
        *d.text_mut(Field::Revenue) = "9,5".into();
        assert_eq!(d.text(Field::Revenue), "9,5");
        assert_eq!(d.preview_size(Lang::Vi), Some(crate::model::size_class::SizeClass::Micro));
    }

    #[test]
    fn concurrent_edits_merge_field_by_field() {
        let base = EnterpriseDraft { name: "HTX Sen".into(), address: "Mỹ Hòa".into(), contact_phone: "0277 111 222".into(), ..Default::default() };
        let mut mine = base.clone();
        mine.contact_phone = "0277 999 888".into();
        mine.notes = "ghi chú của tôi".into();
        let mut theirs = base.clone();
        theirs.address = "Xã Mỹ Hòa, Tháp Mười".into();
        theirs.notes = "ghi chú của họ".into();
        let (merged, both) = mine.merged_onto(&base, &theirs);
        assert_eq!(merged.address, "Xã Mỹ Hòa, Tháp Mười", "their change stays");
        assert_eq!(merged.contact_phone, "0277 999 888", "my change stays");
        assert_eq!(merged.notes, "ghi chú của tôi", "where both changed, mine is what I am saving");
        assert_eq!(both, vec![Field::Notes]);
        assert_eq!(Field::ALL.len(), 15);
        assert_eq!(Field::Notes.label(), Msg::FieldNotes);
    }

    #[test]
    fn limits() {
        let long = "x".repeat(MAX_NAME + 1);
        let v = draft(&long, "").validate(Lang::Vi, &units(), nobody).unwrap_err();
        assert_eq!(v.error(Field::Name), Some(&Problem::TooLong(MAX_NAME)));
        let d = EnterpriseDraft { name: "X".into(), employees: "2000000".into(), revenue: "9999999".into(), ..Default::default() };
        let v = d.validate(Lang::Vi, &units(), nobody).unwrap_err();
        assert_eq!(v.error(Field::Employees), Some(&Problem::TooLarge));
        assert_eq!(v.error(Field::Revenue), Some(&Problem::TooLarge));
        let sized = EnterpriseDraft { vsic_section: "G".into(), ..d.clone() };
        assert_eq!(sized.preview_size(Lang::Vi), None, "figures the save refuses do not class the enterprise either");
        let grouped = EnterpriseDraft { name: "X".into(), revenue: "2,5,6".into(), capital: "1.2.3".into(), ..Default::default() };
        let v = grouped.validate(Lang::Vi, &units(), nobody).unwrap_err();
        assert_eq!((v.error(Field::Revenue), v.error(Field::Capital)), (Some(&Problem::BadGrouping), Some(&Problem::BadGrouping)));
    }

    #[test]
    fn a_tiny_amount_survives_editing() {
        let e = Enterprise { name: "X".into(), revenue_bn_vnd: Some(0.0000001), ..Default::default() };
        let d = EnterpriseDraft::from_enterprise(&e, Lang::Vi);
        assert_eq!(d.revenue, "0,0000001");
        assert_eq!(d.validate(Lang::Vi, &units(), nobody).unwrap().0.revenue_bn_vnd, Some(0.0000001));
    }

    #[test]
    fn a_retired_unit_stays_valid_for_records_that_use_it() {
        let mut list = units();
        list.set_retired("h-lap-vo", true).unwrap();
        let d = EnterpriseDraft { name: "X".into(), admin_unit_id: "h-lap-vo".into(), ..Default::default() };
        assert_eq!(d.validate(Lang::Vi, &list, nobody).unwrap().0.admin_unit_id.as_deref(), Some("h-lap-vo"));
    }

    #[test]
    fn editing_round_trips_through_the_draft() {
        let d = EnterpriseDraft {
            name: "Cơ sở Sen Tháp Mười".into(),
            tax_code: "1400100593-002".into(),
            vsic_section: "A".into(),
            employees: "8".into(),
            revenue: "2,75".into(),
            products: vec![ProductGroup::Lotus],
            ..Default::default()
        };
        let (e, _) = d.validate(Lang::Vi, &units(), nobody).unwrap();
        for lang in Lang::ALL {
            let again = EnterpriseDraft::from_enterprise(&e, lang);
            let (e2, _) = again.validate(lang, &units(), nobody).unwrap();
            assert_eq!(e2, e, "{lang:?}");
        }
        assert_eq!(EnterpriseDraft::from_enterprise(&e, Lang::Vi).revenue, "2,75");
    }

    #[test]
    fn an_open_draft_keeps_its_amounts_when_the_language_changes() {
        // Opened in Vietnamese: 2,500 billion shows as "2.500", which English reads as 2.5.
        let e = Enterprise { name: "X".into(), revenue_bn_vnd: Some(2500.0), capital_bn_vnd: Some(1.25), employees: Some(1200), ..Default::default() };
        let vi = EnterpriseDraft::from_enterprise(&e, Lang::Vi);
        assert_eq!((vi.revenue.as_str(), vi.capital.as_str()), ("2.500", "1,25"));
        let en = vi.in_language(Lang::Vi, Lang::En);
        assert_eq!((en.revenue.as_str(), en.capital.as_str(), en.employees.as_str()), ("2,500", "1,25", "1200"));
        let (saved, _) = en.validate(Lang::En, &units(), nobody).unwrap();
        assert_eq!((saved.revenue_bn_vnd, saved.capital_bn_vnd, saved.employees), (Some(2500.0), Some(1.25), Some(1200)));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::{long_text, numberish, text};
    use proptest::prelude::*;

    /// A draft with anything typed in every field, and any products ticked.
    fn draft(field: impl Strategy<Value = String>) -> impl Strategy<Value = EnterpriseDraft> {
        let products = proptest::collection::vec(proptest::sample::select(ProductGroup::ALL.to_vec()), 0..8);
        (proptest::collection::vec(field, Field::ALL.len()), products).prop_map(|(texts, products)| {
            let mut d = EnterpriseDraft { products, ..Default::default() };
            for (field, t) in Field::ALL.into_iter().zip(texts) {
                *d.text_mut(field) = t;
            }
            d
        })
    }

    fn check(d: &EnterpriseDraft) -> Result<(), TestCaseError> {
        let units = AdminUnitList::default_list();
        for lang in Lang::ALL {
            let _ = d.preview_size(lang);
            match d.validate(lang, &units, |_| None) {
                Ok((e, _)) => {
                    prop_assert!(!e.name.is_empty() && e.name.chars().count() <= MAX_NAME);
                    prop_assert!(e.tax_code.as_deref().is_none_or(|t| TaxCode::parse(t).is_ok()));
                    prop_assert!(e.revenue_bn_vnd.is_none_or(|x| (0.0..=MAX_AMOUNT_BN).contains(&x)));
                    prop_assert!(e.contact_email.is_empty() || e.contact_email.contains('@'));
                }
                Err(v) => {
                    prop_assert!(!v.errors.is_empty());
                    for (_, problem) in &v.errors {
                        prop_assert!(!problem.message(lang).is_empty());
                    }
                }
            }
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn any_typed_draft_validates_or_says_why(d in draft(prop_oneof![text(), numberish()])) {
            check(&d)?;
        }

        #[test]
        fn any_two_edits_merge(mine in draft(text()), base in draft(text()), theirs in draft(text())) {
            let (merged, both) = mine.merged_onto(&base, &theirs);
            for field in both {
                prop_assert_eq!(merged.text(field), mine.text(field));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(8))]

        #[test]
        fn long_text_in_every_field_validates_or_says_why(d in draft(long_text())) {
            check(&d)?;
        }
    }
}
