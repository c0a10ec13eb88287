//! Reading one imported cell as a field's value: numbers as spreadsheets and
//! people write them, tax codes that lost their leading zero in Excel, units,
//! ownership and sectors named in words. Pure; nothing here panics on any text.

use super::admin_unit::AdminUnitList;
use super::enterprise::Ownership;
use super::tax_code::TaxCode;
use super::vsic;
use crate::text::fold;

/// Where a number's text came from, which decides what a lone dot means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberSource {
    /// An XLSX number cell as the worker writes it: `1234.5`, never grouped.
    Machine,
    /// Text a person typed (a CSV, or a text cell): Vietnamese `1.234,5` or English `1,234.5`;
    /// a lone `.` before exactly three digits is a thousands mark (`1.500` = 1500), a lone `,` a decimal comma.
    Typed,
}

/// A number read from a cell, or `None` if it is not one. Spaces (also non-breaking) are
/// thousands marks; a trailing unit word ("120 người", "2,5 tỷ") is not accepted.
pub fn parse_number(text: &str, source: NumberSource) -> Option<f64> {
    let s: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() || s.len() > 40 {
        return None;
    }
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    if !digits.starts_with(|c: char| c.is_ascii_digit())
        || !digits.ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    if source == NumberSource::Machine && !digits.contains(',') && digits.matches('.').count() <= 1
    {
        let v: f64 = digits.parse().ok()?;
        return Some(if negative { -v } else { v });
    }
    let dots = digits.matches('.').count();
    let commas = digits.matches(',').count();
    let groups_ok = |body: &str, mark: char| {
        let mut parts = body.split(mark);
        let first = parts.next().unwrap_or("");
        !first.is_empty() && first.len() <= 3 && parts.all(|g| g.len() == 3)
    };
    let plain: String = match (dots, commas) {
        (0, 0) => digits.to_string(),
        (_, _) if dots > 0 && commas > 0 => {
            let decimal = if digits.rfind('.') > digits.rfind(',') {
                '.'
            } else {
                ','
            };
            let grouping = if decimal == '.' { ',' } else { '.' };
            if digits.matches(decimal).count() != 1 {
                return None;
            }
            let (int_part, frac) = digits.split_once(decimal)?;
            if !groups_ok(int_part, grouping) || frac.contains(grouping) {
                return None;
            }
            format!("{}.{}", int_part.replace(grouping, ""), frac)
        }
        (1, 0) => {
            let after = digits.len() - digits.find('.')? - 1;
            if after == 3 && groups_ok(digits, '.') {
                digits.replace('.', "")
            } else {
                digits.to_string()
            }
        }
        (0, 1) => digits.replace(',', "."),
        (n, 0) if n > 1 => {
            if !groups_ok(digits, '.') {
                return None;
            }
            digits.replace('.', "")
        }
        (0, _) => {
            if !groups_ok(digits, ',') {
                return None;
            }
            digits.replace(',', "")
        }
        _ => return None,
    };
    let v: f64 = plain.parse().ok()?;
    v.is_finite().then_some(if negative { -v } else { v })
}

/// A whole, non-negative count (employees), or `None`.
pub fn parse_count(text: &str, source: NumberSource) -> Option<u32> {
    let v = parse_number(text, source)?;
    (v >= 0.0 && v.fract() == 0.0 && v <= u32::MAX as f64).then_some(v as u32)
}

/// The tax code in a cell, normalised, or the parse error. A 9-digit number is a code
/// whose leading zero Excel dropped (a number cell): it is tried with the zero put back.
pub fn tax_code(text: &str) -> Result<TaxCode, super::tax_code::TaxCodeError> {
    let trimmed: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\'')
        .collect();
    let first = TaxCode::parse(&trimmed);
    if first.is_err()
        && (trimmed.len() == 9 || trimmed.len() == 12)
        && trimmed.bytes().all(|b| b.is_ascii_digit())
    {
        if let Ok(code) = TaxCode::parse(&format!("0{trimmed}")) {
            return Ok(code);
        }
    }
    first
}

/// Unit-name prefixes and their abbreviations, folded.
const UNIT_PREFIXES: &[(&str, &str)] = &[
    ("tp.", "thanh pho "),
    ("tp ", "thanh pho "),
    ("tx.", "thi xa "),
    ("tx ", "thi xa "),
    ("tt.", "thi tran "),
    ("h.", "huyen "),
    ("q.", "quan "),
    ("p.", "phuong "),
    ("x.", "xa "),
];
const UNIT_KINDS: &[&str] = &[
    "thanh pho ",
    "thi xa ",
    "thi tran ",
    "huyen ",
    "quan ",
    "phuong ",
    "xa ",
    "city ",
    "district ",
];

fn unit_words(s: &str) -> String {
    let mut f = fold(s).split_whitespace().collect::<Vec<_>>().join(" ");
    for (abbr, full) in UNIT_PREFIXES {
        if let Some(rest) = f.strip_prefix(abbr) {
            f = format!("{full}{}", rest.trim_start());
            break;
        }
    }
    f
}

fn strip_kind(words: &str) -> &str {
    let mut w = words;
    for k in UNIT_KINDS {
        if let Some(rest) = w.strip_prefix(k) {
            w = rest;
            break;
        }
    }
    w.strip_suffix(" city")
        .or_else(|| w.strip_suffix(" district"))
        .unwrap_or(w)
}

/// Finds the unit a cell names: its full name (Vietnamese or English, any case, with
/// or without diacritics, "TP." for "Thành phố"), else its name without the kind
/// ("Lấp Vò" alone) when only one unit has it. Active units before retired ones.
/// The names are folded once, not for every row.
pub struct UnitMatcher {
    /// (id, full names folded, names without their kind, retired)
    units: Vec<(String, [String; 3], [String; 2], bool)>,
}

impl UnitMatcher {
    pub fn new(units: &AdminUnitList) -> UnitMatcher {
        let mut list: Vec<_> = units
            .units
            .iter()
            .map(|u| {
                let (vi, en) = (unit_words(&u.vi), unit_words(&u.en));
                let bare = [strip_kind(&vi).to_string(), strip_kind(&en).to_string()];
                (u.id.clone(), [vi, en, fold(&u.id)], bare, u.retired)
            })
            .collect();
        // Active first: a retired unit is found only when no active one has the name.
        crate::sort::sort_by_key(&mut list, |u| u.3);
        UnitMatcher { units: list }
    }

    pub fn find(&self, text: &str) -> Option<String> {
        let words = unit_words(text);
        if words.is_empty() {
            return None;
        }
        if let Some(u) = self.units.iter().find(|u| u.1.contains(&words)) {
            return Some(u.0.clone());
        }
        let bare = strip_kind(&words);
        let same: Vec<_> = self
            .units
            .iter()
            .filter(|u| u.2.iter().any(|b| b == bare))
            .collect();
        match same.as_slice() {
            [one] => Some(one.0.clone()),
            // "Cao Lãnh" names the city and the district: no guess, unless only one is active.
            many => {
                let active: Vec<_> = many.iter().filter(|u| !u.3).collect();
                (active.len() == 1).then(|| active[0].0.clone())
            }
        }
    }
}

/// One-off form of `UnitMatcher::find`.
pub fn match_unit(text: &str, units: &AdminUnitList) -> Option<String> {
    UnitMatcher::new(units).find(text)
}

/// Ownership named in words (the register's own keys too).
pub fn match_ownership(text: &str) -> Option<Ownership> {
    let f = fold(text).trim().to_string();
    if f.is_empty() {
        return None;
    }
    if let Some(o) = Ownership::from_key(&f) {
        return Some(o);
    }
    let has = |words: &[&str]| words.iter().any(|w| f.contains(w));
    if has(&["fdi", "nuoc ngoai", "foreign", "100% von"]) {
        Some(Ownership::ForeignInvested)
    } else if has(&["hop tac xa", "htx", "cooperative"]) {
        Some(Ownership::Cooperative)
    } else if has(&["ho kinh doanh", "household"]) {
        Some(Ownership::HouseholdBusiness)
    } else if has(&["nha nuoc", "dnnn", "state"]) {
        Some(Ownership::State)
    } else if has(&[
        "tnhh",
        "co phan",
        "tu nhan",
        "private",
        "limited",
        "joint stock",
        "ctcp",
        "dntn",
        "hop danh",
    ]) {
        Some(Ownership::Private)
    } else if has(&["khac", "other"]) {
        Some(Ownership::Other)
    } else {
        None
    }
}

/// A VSIC section: its letter, or a cell starting with it ("C - Công nghiệp chế biến"),
/// or the section's name.
pub fn match_vsic(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let mut chars = t.chars();
    let first = chars.next()?.to_ascii_uppercase();
    let rest = chars.as_str().trim_start();
    if first.is_ascii_alphabetic()
        && (rest.is_empty() || rest.starts_with(['-', '–', ':', '.', ' ']))
    {
        if let Some(s) = vsic::section(&first.to_string()) {
            return Some(s.code.clone());
        }
    }
    let f = fold(t);
    vsic::sections()
        .iter()
        .find(|s| fold(&s.vi) == f || fold(&s.en) == f)
        .map(|s| s.code.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_written() {
        use NumberSource::*;
        assert_eq!(parse_number("1234.5", Machine), Some(1234.5));
        assert_eq!(parse_number("1.125", Machine), Some(1.125));
        assert_eq!(parse_number("1.125", Typed), Some(1125.0));
        assert_eq!(parse_number("1.234.567", Typed), Some(1234567.0));
        assert_eq!(parse_number("1,234,567", Typed), Some(1234567.0));
        assert_eq!(parse_number("1.234,5", Typed), Some(1234.5));
        assert_eq!(parse_number("1,234.5", Typed), Some(1234.5));
        assert_eq!(parse_number("2,5", Typed), Some(2.5));
        assert_eq!(parse_number("1 234", Typed), Some(1234.0));
        assert_eq!(parse_number("1\u{a0}234", Typed), Some(1234.0));
        assert_eq!(parse_number("-3", Typed), Some(-3.0));
        assert_eq!(parse_number("12 người", Typed), None);
        assert_eq!(parse_number("1.23.4", Typed), None);
        assert_eq!(parse_number(".5", Typed), None);
        assert_eq!(parse_count("120", Machine), Some(120));
        assert_eq!(parse_count("2.5", Machine), None);
        assert_eq!(parse_count("1.200", Typed), Some(1200));
    }

    #[test]
    fn tax_codes_with_spaces_and_lost_zeros() {
        assert_eq!(
            tax_code(" 0100 233 488 ").unwrap().to_string(),
            "0100233488"
        );
        assert_eq!(tax_code("100233488").unwrap().to_string(), "0100233488");
        assert_eq!(tax_code("'0100233488").unwrap().to_string(), "0100233488");
        assert!(tax_code("0100233480").is_err());
    }

    #[test]
    fn units_by_name() {
        let units = AdminUnitList::default_list();
        assert_eq!(
            match_unit("Huyện Lấp Vò", &units).as_deref(),
            Some("h-lap-vo")
        );
        assert_eq!(
            match_unit("huyen lap vo", &units).as_deref(),
            Some("h-lap-vo")
        );
        assert_eq!(match_unit("Lấp Vò", &units).as_deref(), Some("h-lap-vo"));
        assert_eq!(
            match_unit("TP. Sa Đéc", &units).as_deref(),
            Some("tp-sa-dec")
        );
        assert_eq!(
            match_unit("Sa Dec City", &units).as_deref(),
            Some("tp-sa-dec")
        );
        assert_eq!(
            match_unit("Thành phố Cao Lãnh", &units).as_deref(),
            Some("tp-cao-lanh")
        );
        assert_eq!(
            match_unit("H. Cao Lãnh", &units).as_deref(),
            Some("h-cao-lanh")
        );
        // "Cao Lãnh" alone names two units: no guess.
        assert_eq!(match_unit("Cao Lãnh", &units), None);
        assert_eq!(match_unit("Hà Nội", &units), None);
    }

    #[test]
    fn ownership_and_sector_in_words() {
        assert_eq!(match_ownership("Công ty TNHH"), Some(Ownership::Private));
        assert_eq!(match_ownership("Hợp tác xã"), Some(Ownership::Cooperative));
        assert_eq!(
            match_ownership("DN có vốn đầu tư nước ngoài"),
            Some(Ownership::ForeignInvested)
        );
        assert_eq!(match_ownership("xyz"), None);
        assert_eq!(match_vsic("C").as_deref(), Some("C"));
        assert_eq!(
            match_vsic("c - Công nghiệp chế biến, chế tạo").as_deref(),
            Some("C")
        );
        assert_eq!(match_vsic("Xây dựng").as_deref(), Some("F"));
        assert_eq!(match_vsic("Cà phê"), None);
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn group(n: u64, mark: char) -> String {
            let digits = n.to_string();
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push(mark);
                }
                out.push(c);
            }
            out
        }

        proptest! {
            /// Any text, and any cell-like text, never panics any reader.
            #[test]
            fn arbitrary_cells_never_panic(text in crate::arbitrary_text::text(), numberish in crate::arbitrary_text::numberish()) {
                for t in [&text, &numberish] {
                    let _ = parse_number(t, NumberSource::Typed);
                    let _ = parse_number(t, NumberSource::Machine);
                    let _ = parse_count(t, NumberSource::Typed);
                    let _ = tax_code(t);
                    let _ = match_unit(t, &AdminUnitList::default_list());
                    let _ = match_ownership(t);
                    let _ = match_vsic(t);
                }
            }

            /// Whole numbers grouped the Vietnamese or the English way read back exactly.
            #[test]
            fn grouped_whole_numbers_read_back(n in 0u64..10_000_000_000, vietnamese in any::<bool>(), spaced in any::<bool>()) {
                let mark = if spaced { ' ' } else if vietnamese { '.' } else { ',' };
                let text = group(n, mark);
                prop_assert_eq!(parse_number(&text, NumberSource::Typed), Some(n as f64), "{}", text);
            }

            /// Decimals written with a decimal comma and dot groups (Vietnamese), or a
            /// decimal point and comma groups (English), read back.
            #[test]
            fn grouped_decimals_read_back(whole in 0u64..100_000_000, frac in 1u32..100, vietnamese in any::<bool>()) {
                let (g, d) = if vietnamese { ('.', ',') } else { (',', '.') };
                let text = format!("{}{}{:02}", group(whole, g), d, frac);
                let expected: f64 = format!("{whole}.{frac:02}").parse().unwrap();
                prop_assert_eq!(parse_number(&text, NumberSource::Typed), Some(expected), "{}", text);
            }

            /// A number cell from XLSX reads as the number it is.
            #[test]
            fn machine_numbers_read_back(v in -1.0e12f64..1.0e12) {
                let text = format!("{v}");
                prop_assert_eq!(parse_number(&text, NumberSource::Machine), Some(v));
            }

            /// A valid tax code with spaces anywhere, or as Excel's number without its
            /// leading zero, is found.
            #[test]
            fn tax_codes_with_spaces(seq in 1u32..9_999_999, prefix in 1u8..99, spaces in proptest::collection::vec(0usize..10, 0..4)) {
                let nine: Vec<u8> = format!("{prefix:02}{seq:07}").bytes().map(|b| b - b'0').collect();
                if let Some(check) = crate::model::tax_code::check_digit(&nine) {
                    let code: String = nine.iter().map(|d| char::from(b'0' + d)).chain(std::iter::once(char::from(b'0' + check))).collect();
                    let mut spaced = code.clone();
                    for s in spaces { let at = s.min(spaced.len()); if spaced.is_char_boundary(at) { spaced.insert(at, ' '); } }
                    prop_assert_eq!(tax_code(&spaced).map(|c| c.to_string()), Ok(code.clone()));
                    if let Some(stripped) = code.strip_prefix('0') {
                        prop_assert_eq!(tax_code(stripped).map(|c| c.to_string()), Ok(code.clone()));
                    }
                }
            }
        }
    }
}
