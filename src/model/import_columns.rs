//! Which spreadsheet column holds which enterprise field: guessed from the
//! header's words (Vietnamese or English, compared without diacritics or
//! case), and then the officer's to change. The header row itself is found
//! too: department lists often carry a title and a date above it.

use crate::i18n::Msg;
use crate::text::fold;

/// An enterprise field a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Name,
    TaxCode,
    Address,
    /// Matched by name against the unit list; several columns may map here
    /// ("Xã/Phường" and "Huyện"): the first that names a known unit wins.
    AdminUnit,
    Vsic,
    Ownership,
    Employees,
    Revenue,
    Capital,
    ContactName,
    ContactPhone,
    ContactEmail,
    Notes,
}

impl Target {
    pub const ALL: [Target; 13] = [
        Target::Name,
        Target::TaxCode,
        Target::Address,
        Target::AdminUnit,
        Target::Vsic,
        Target::Ownership,
        Target::Employees,
        Target::Revenue,
        Target::Capital,
        Target::ContactName,
        Target::ContactPhone,
        Target::ContactEmail,
        Target::Notes,
    ];

    /// A stable key for the mapping's select boxes and tests.
    pub fn key(self) -> &'static str {
        match self {
            Target::Name => "name",
            Target::TaxCode => "tax_code",
            Target::Address => "address",
            Target::AdminUnit => "admin_unit",
            Target::Vsic => "vsic",
            Target::Ownership => "ownership",
            Target::Employees => "employees",
            Target::Revenue => "revenue",
            Target::Capital => "capital",
            Target::ContactName => "contact_name",
            Target::ContactPhone => "contact_phone",
            Target::ContactEmail => "contact_email",
            Target::Notes => "notes",
        }
    }

    pub fn from_key(key: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The register form's label of the field.
    pub fn label(self) -> Msg {
        match self {
            Target::Name => Msg::FieldName,
            Target::TaxCode => Msg::FieldTaxCode,
            Target::Address => Msg::FieldAddress,
            Target::AdminUnit => Msg::FieldUnit,
            Target::Vsic => Msg::FieldVsic,
            Target::Ownership => Msg::FieldOwnership,
            Target::Employees => Msg::FieldEmployees,
            Target::Revenue => Msg::FieldRevenue,
            Target::Capital => Msg::FieldCapital,
            Target::ContactName => Msg::FieldContactName,
            Target::ContactPhone => Msg::FieldPhone,
            Target::ContactEmail => Msg::FieldEmail,
            Target::Notes => Msg::FieldNotes,
        }
    }

    /// Header words that name the field, folded (no diacritics, lower case).
    /// Longer, more specific phrases first; a header equal to one scores more
    /// than a header merely containing it.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Target::Name => &[
                "ten doanh nghiep",
                "ten cong ty",
                "ten don vi",
                "ten co so",
                "ten to chuc",
                "ten dn",
                "ten htx",
                "enterprise name",
                "company name",
                "business name",
                "doanh nghiep",
                "ten",
                "enterprise",
                "company",
                "name",
            ],
            Target::TaxCode => &[
                "ma so thue",
                "ma so doanh nghiep",
                "ma so dn",
                "mst",
                "msdn",
                "ma dn",
                "tax code",
                "tax id",
                "tax number",
                "tin",
            ],
            Target::Address => &["dia chi tru so", "dia chi", "tru so", "address"],
            Target::AdminUnit => &[
                "don vi hanh chinh",
                "xa phuong",
                "xa phuong thi tran",
                "huyen thanh pho",
                "huyen thi xa thanh pho",
                "quan huyen",
                "dia ban",
                "huyen",
                "xa",
                "phuong",
                "administrative unit",
                "district",
                "commune",
                "ward",
                "unit",
            ],
            Target::Vsic => &[
                "nganh kinh te",
                "nganh nghe",
                "linh vuc",
                "ma nganh",
                "nganh",
                "vsic",
                "sector",
                "industry",
            ],
            Target::Ownership => &[
                "loai hinh doanh nghiep",
                "loai hinh",
                "hinh thuc so huu",
                "so huu",
                "ownership",
                "legal form",
                "type",
            ],
            Target::Employees => &[
                "so lao dong",
                "lao dong",
                "so nhan vien",
                "nhan su",
                "so nguoi lao dong",
                "employees",
                "staff",
                "headcount",
                "workers",
            ],
            Target::Revenue => &["doanh thu", "revenue", "turnover"],
            Target::Capital => &["von dieu le", "nguon von", "tong von", "von", "capital"],
            Target::ContactName => &[
                "nguoi lien he",
                "nguoi dai dien",
                "dai dien",
                "lien he",
                "giam doc",
                "contact name",
                "contact person",
                "contact",
                "representative",
            ],
            Target::ContactPhone => &[
                "so dien thoai",
                "dien thoai",
                "sdt",
                "dt",
                "phone",
                "telephone",
                "mobile",
            ],
            Target::ContactEmail => &["thu dien tu", "email", "e mail", "mail"],
            Target::Notes => &["ghi chu", "notes", "note", "remarks"],
        }
    }
}

/// A header cell folded to words: no diacritics, lower case, punctuation as spaces,
/// a unit in brackets dropped ("Doanh thu (tỷ đồng)" → "doanh thu").
pub fn header_words(cell: &str) -> String {
    let folded = fold(cell);
    let without_unit = match folded.find(['(', '[']) {
        Some(i) if i > 0 => &folded[..i],
        _ => folded.as_str(),
    };
    without_unit
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How well a header names a target: 0 none, higher better.
fn score(words: &str, target: Target) -> u32 {
    if words.is_empty() {
        return 0;
    }
    let padded = format!(" {words} ");
    let mut best = 0;
    for (rank, syn) in target.synonyms().iter().enumerate() {
        // Earlier synonyms are more specific.
        let specificity = 40 - rank.min(39) as u32;
        let s = if words == *syn {
            100 + specificity
        } else if padded.contains(&format!(" {syn} ")) {
            // Containing it counts by how much of the header it explains.
            20 + specificity / 2 + (syn.len() * 20 / words.len().max(1)) as u32
        } else {
            0
        };
        best = best.max(s);
    }
    best
}

/// The mapping: the header row and, for each column, the field it fills (if any).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapping {
    /// Index of the header row in the table (0-based; spreadsheet row `header_row + 1`).
    pub header_row: usize,
    pub columns: Vec<Option<Target>>,
}

impl Mapping {
    /// The columns mapped to a target, in order.
    pub fn columns_of(&self, target: Target) -> Vec<usize> {
        self.columns
            .iter()
            .enumerate()
            .filter(|(_, t)| **t == Some(target))
            .map(|(i, _)| i)
            .collect()
    }

    /// Sets a column's field; another column holding that field loses it (except
    /// the unit, which several columns may hold).
    pub fn set(&mut self, column: usize, target: Option<Target>) {
        if column >= self.columns.len() {
            self.columns.resize(column + 1, None);
        }
        if let Some(t) = target {
            if t != Target::AdminUnit {
                for c in self.columns.iter_mut() {
                    if *c == Some(t) {
                        *c = None;
                    }
                }
            }
        }
        self.columns[column] = target;
    }
}

/// The fields a header row maps to: each field to the column naming it best,
/// each column to at most one field (the unit to every column naming a unit).
pub fn map_header(header: &[String]) -> (Vec<Option<Target>>, u32) {
    let words: Vec<String> = header.iter().map(|h| header_words(h)).collect();
    let mut columns: Vec<Option<Target>> = vec![None; header.len()];
    let mut column_score = vec![0u32; header.len()];
    // Every (score, column, target), best first; ties keep the left column and the field order.
    let mut candidates: Vec<(u32, usize, Target)> = Vec::new();
    for (c, w) in words.iter().enumerate() {
        if w == "stt" || w == "tt" || w == "no" {
            continue;
        }
        for t in Target::ALL {
            let s = score(w, t);
            if s > 0 {
                candidates.push((s, c, t));
            }
        }
    }
    crate::sort::sort_by(&mut candidates, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut taken: Vec<Target> = Vec::new();
    for (s, c, t) in candidates {
        if columns[c].is_some() || (t != Target::AdminUnit && taken.contains(&t)) {
            continue;
        }
        columns[c] = Some(t);
        column_score[c] = s;
        taken.push(t);
    }
    (columns, column_score.iter().sum())
}

/// How many rows from the top are looked at for the header.
const HEADER_SEARCH_ROWS: usize = 15;

/// Guesses the header row (the one among the first rows whose cells name the most
/// fields) and its mapping. A table with no recognisable header maps nothing, with
/// its first non-empty row as header.
pub fn guess(rows: &[Vec<String>]) -> Mapping {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut best: Option<(u32, usize, Vec<Option<Target>>)> = None;
    for (i, row) in rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        let (mut columns, total) = map_header(row);
        let mapped = columns.iter().filter(|c| c.is_some()).count() as u32;
        // A header names at least two fields; count fields first, then how well.
        let key = mapped * 1000 + total.min(999);
        if mapped >= 2 && best.as_ref().is_none_or(|(k, _, _)| key > *k) {
            columns.resize(width, None);
            best = Some((key, i, columns));
        }
    }
    match best {
        Some((_, header_row, columns)) => Mapping {
            header_row,
            columns,
        },
        None => Mapping {
            header_row: rows
                .iter()
                .position(|r| r.iter().any(|c| !c.trim().is_empty()))
                .unwrap_or(0),
            columns: vec![None; width],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn vietnamese_headers_under_a_title() {
        let rows = vec![
            row(&["DANH SÁCH DOANH NGHIỆP TỈNH ĐỒNG THÁP NĂM 2025"]),
            row(&[]),
            row(&[
                "STT",
                "Tên doanh nghiệp",
                "Mã số thuế",
                "Địa chỉ",
                "Xã/Phường",
                "Huyện",
                "Số lao động",
                "Doanh thu (tỷ đồng)",
                "Điện thoại",
                "Ghi chú",
            ]),
            row(&[
                "1",
                "Công ty TNHH Sen Hồng",
                "1400123456",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ]),
        ];
        let m = guess(&rows);
        assert_eq!(m.header_row, 2);
        assert_eq!(
            m.columns,
            vec![
                None,
                Some(Target::Name),
                Some(Target::TaxCode),
                Some(Target::Address),
                Some(Target::AdminUnit),
                Some(Target::AdminUnit),
                Some(Target::Employees),
                Some(Target::Revenue),
                Some(Target::ContactPhone),
                Some(Target::Notes),
            ]
        );
    }

    #[test]
    fn english_headers_and_case() {
        let m = guess(&[row(&[
            "Company name",
            "TAX CODE",
            "District",
            "Employees",
            "E-mail",
            "Contact person",
        ])]);
        assert_eq!(
            m.columns,
            vec![
                Some(Target::Name),
                Some(Target::TaxCode),
                Some(Target::AdminUnit),
                Some(Target::Employees),
                Some(Target::ContactEmail),
                Some(Target::ContactName)
            ]
        );
    }

    #[test]
    fn each_field_once_the_best_column_wins() {
        // "Tên" alone is weaker than "Tên doanh nghiệp"; the name goes to the latter.
        let (cols, _) = map_header(&row(&["Tên người liên hệ", "Tên doanh nghiệp"]));
        assert_eq!(cols, vec![Some(Target::ContactName), Some(Target::Name)]);
    }

    #[test]
    fn no_header_maps_nothing() {
        let m = guess(&[row(&["", ""]), row(&["abc", "123"])]);
        assert_eq!(m.header_row, 1);
        assert!(m.columns.iter().all(Option::is_none));
    }

    #[test]
    fn setting_a_column_moves_the_field() {
        let mut m = Mapping {
            header_row: 0,
            columns: vec![Some(Target::Name), None],
        };
        m.set(1, Some(Target::Name));
        assert_eq!(m.columns, vec![None, Some(Target::Name)]);
        m.set(0, Some(Target::AdminUnit));
        m.set(1, Some(Target::AdminUnit));
        assert_eq!(m.columns_of(Target::AdminUnit), vec![0, 1]);
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn arbitrary_headers_never_panic(rows in proptest::collection::vec(proptest::collection::vec(crate::arbitrary_text::text(), 0..6), 0..5)) {
                let m = guess(&rows);
                // Each field but the unit at most once.
                for t in Target::ALL {
                    if t != Target::AdminUnit {
                        prop_assert!(m.columns_of(t).len() <= 1);
                    }
                }
            }
        }
    }
}
