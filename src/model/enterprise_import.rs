//! An enterprise list from a spreadsheet, checked against the register before
//! anything is written: each row is new, matches an enterprise already in the
//! register (same tax code), or is invalid, with the reasons and the row's
//! number as the spreadsheet shows it (the header being row 1 when it is the
//! first row). Pure: the page runs it in chunks and writes the result in one
//! transaction (`web::enterprise_import`).
//!
//! A row matching a register enterprise is left alone by default; with
//! `fill_empty` the register enterprise gets the row's values only in the
//! fields it leaves empty, never overwriting what an officer typed.

use std::collections::HashMap;
use std::ops::Range;

use super::admin_unit::AdminUnitList;
use super::enterprise::Enterprise;
use super::enterprise_draft::{EnterpriseDraft, Field, Problem, Warning};
use super::import_cells::{
    match_ownership, match_vsic, parse_count, parse_number, tax_code, NumberSource, UnitMatcher,
};
use super::import_columns::{header_words, Mapping, Target};
use super::registry::Registry;
use super::tax_code::TaxCodeError;
use crate::format::format_decimal;
use crate::i18n::Lang;

/// Why a row cannot be imported.
#[derive(Debug, Clone, PartialEq)]
pub enum RowProblem {
    /// The register form's own check of a field failed.
    Field(Field, Problem),
    /// A number field holds text that is not a number.
    NotANumber(Target, String),
    /// The unit named is not in the unit list.
    UnknownUnit(String),
    UnknownOwnership(String),
    UnknownSector(String),
    /// The same tax code is on an earlier row of the file.
    DuplicateInFile {
        first_row: usize,
    },
}

/// What importing a row would do.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A new enterprise (`missing_tax_code`: saved without one, as the form allows).
    New {
        enterprise: Enterprise,
        missing_tax_code: bool,
    },
    /// The register already holds an enterprise with this tax code.
    Match {
        existing_id: String,
        enterprise: Enterprise,
    },
    Invalid(Vec<RowProblem>),
}

/// One data row's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct RowResult {
    /// The spreadsheet's row number (1-based, the header's row counted).
    pub row_number: usize,
    /// The name and tax code as the file has them, for the summary.
    pub name: String,
    pub tax_code: String,
    pub outcome: Outcome,
}

/// What is fixed for a whole import: the table's mapping, how to read numbers, the units.
pub struct Context {
    pub mapping: Mapping,
    pub source: NumberSource,
    pub lang: Lang,
    pub units: AdminUnitList,
    units_matcher: UnitMatcher,
    /// Multipliers from the file's amounts to billions of đồng, from the headers' units.
    revenue_scale: f64,
    capital_scale: f64,
}

impl Context {
    pub fn new(
        mapping: Mapping,
        header: &[String],
        source: NumberSource,
        lang: Lang,
        units: AdminUnitList,
    ) -> Context {
        let scale = |t: Target| {
            mapping
                .columns_of(t)
                .first()
                .and_then(|c| header.get(*c))
                .map_or(1.0, |h| amount_scale(h))
        };
        Context {
            revenue_scale: scale(Target::Revenue),
            capital_scale: scale(Target::Capital),
            units_matcher: UnitMatcher::new(&units),
            mapping,
            source,
            lang,
            units,
        }
    }

    /// The data rows' indexes in the table: every row after the header.
    pub fn data_rows(&self, table_len: usize) -> Range<usize> {
        (self.mapping.header_row + 1).min(table_len)..table_len
    }
}

/// What a header says about its amounts' unit: billions of đồng unless it says
/// millions ("triệu đồng") or plain đồng; the register keeps billions.
pub fn amount_scale(header: &str) -> f64 {
    let h = crate::text::fold(header);
    let has = |w: &str| h.contains(w);
    if has("ty") || has("billion") || has("bn") {
        1.0
    } else if has("trieu") || has("million") {
        0.001
    } else if has("nghin") || has("ngan") || has("thousand") {
        1e-6
    } else if has("dong") || has("vnd") {
        1e-9
    } else {
        1.0
    }
}

/// The state of an import's check, carried from one chunk of rows to the next.
#[derive(Debug, Default, Clone)]
pub struct Progress {
    pub results: Vec<RowResult>,
    /// Normalised tax code → the row number it was first seen on.
    seen: HashMap<String, usize>,
    /// Unit cells already matched (a list names the same dozen units over and over).
    unit_cache: HashMap<String, Option<String>>,
    /// Rows with nothing in any mapped column, left out of the summary.
    pub empty_rows: usize,
}

/// Checks the rows in `range` (indexes into `table`) and adds their outcomes to `progress`.
pub fn check_rows(
    ctx: &Context,
    table: &[Vec<String>],
    range: Range<usize>,
    register: &Registry,
    progress: &mut Progress,
) {
    for i in range {
        let Some(row) = table.get(i) else { break };
        if let Some(result) = check_row(ctx, row, i + 1, register, progress) {
            progress.results.push(result);
        } else {
            progress.empty_rows += 1;
        }
    }
}

/// The first non-empty cell of the target's columns, trimmed, with decomposed Vietnamese
/// (text from macOS or Word, windows-1258 CSV) composed so it searches and sorts like typed text.
fn cell(row: &[String], ctx: &Context, target: Target) -> String {
    let found = ctx
        .mapping
        .columns_of(target)
        .into_iter()
        .filter_map(|c| row.get(c))
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .unwrap_or("");
    crate::text::compose_vietnamese(found).into_owned()
}

fn check_row(
    ctx: &Context,
    row: &[String],
    row_number: usize,
    register: &Registry,
    progress: &mut Progress,
) -> Option<RowResult> {
    let mapped_empty = ctx
        .mapping
        .columns
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_some())
        .all(|(c, _)| row.get(c).is_none_or(|v| v.trim().is_empty()));
    if mapped_empty {
        return None;
    }
    let mut problems = Vec::new();
    let mut draft = EnterpriseDraft {
        name: cell(row, ctx, Target::Name),
        address: cell(row, ctx, Target::Address),
        contact_name: cell(row, ctx, Target::ContactName),
        contact_phone: cell(row, ctx, Target::ContactPhone),
        contact_email: cell(row, ctx, Target::ContactEmail),
        notes: cell(row, ctx, Target::Notes),
        ..Default::default()
    };
    let typed_tax = cell(row, ctx, Target::TaxCode);
    let normalised_tax = match tax_code(&typed_tax) {
        Ok(code) => {
            draft.tax_code = code.to_string();
            Some(code.to_string())
        }
        Err(TaxCodeError::Empty) => None,
        Err(e) => {
            problems.push(RowProblem::Field(Field::TaxCode, Problem::TaxCode(e)));
            None
        }
    };

    // The unit: the first of its columns that names a known unit; a named unknown one is a problem.
    let unit_cells: Vec<&str> = ctx
        .mapping
        .columns_of(Target::AdminUnit)
        .into_iter()
        .filter_map(|c| row.get(c))
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let mut unit = None;
    for text in &unit_cells {
        let found = match progress.unit_cache.get(*text) {
            Some(f) => f.clone(),
            None => {
                let f = ctx.units_matcher.find(text);
                progress.unit_cache.insert(text.to_string(), f.clone());
                f
            }
        };
        if found.is_some() {
            unit = found;
            break;
        }
    }
    match (&unit, unit_cells.first()) {
        (Some(id), _) => draft.admin_unit_id = id.clone(),
        (None, Some(text)) => problems.push(RowProblem::UnknownUnit(text.to_string())),
        (None, None) => {}
    }

    let ownership = cell(row, ctx, Target::Ownership);
    let ownership = ownership.as_str();
    if !ownership.is_empty() {
        match match_ownership(ownership) {
            Some(o) => draft.ownership = o.key().to_string(),
            None => problems.push(RowProblem::UnknownOwnership(ownership.to_string())),
        }
    }
    let sector = cell(row, ctx, Target::Vsic);
    let sector = sector.as_str();
    if !sector.is_empty() {
        match match_vsic(sector) {
            Some(code) => draft.vsic_section = code,
            None => problems.push(RowProblem::UnknownSector(sector.to_string())),
        }
    }
    let employees = cell(row, ctx, Target::Employees);
    let employees = employees.as_str();
    if !employees.is_empty() {
        match parse_count(employees, ctx.source) {
            Some(n) => draft.employees = n.to_string(),
            None => problems.push(RowProblem::NotANumber(
                Target::Employees,
                employees.to_string(),
            )),
        }
    }
    for (target, scale) in [
        (Target::Revenue, ctx.revenue_scale),
        (Target::Capital, ctx.capital_scale),
    ] {
        let text = cell(row, ctx, target);
        let text = text.as_str();
        if text.is_empty() {
            continue;
        }
        match parse_number(text, ctx.source) {
            Some(v) => {
                let shown = format_decimal(v * scale, 6, ctx.lang);
                if target == Target::Revenue {
                    draft.revenue = shown;
                } else {
                    draft.capital = shown;
                }
            }
            None => problems.push(RowProblem::NotANumber(target, text.to_string())),
        }
    }

    // The register form's own checks (lengths, phone, e-mail, ranges); duplicates are found below.
    let validated = draft.validate(ctx.lang, &ctx.units, |_| None);
    let enterprise = match validated {
        Ok((e, _warnings)) => Some(e),
        Err(v) => {
            for (field, problem) in v.errors {
                // The tax code's own error is already listed.
                if field == Field::TaxCode
                    && problems
                        .iter()
                        .any(|p| matches!(p, RowProblem::Field(Field::TaxCode, _)))
                {
                    continue;
                }
                problems.push(RowProblem::Field(field, problem));
            }
            None
        }
    };

    if let Some(code) = &normalised_tax {
        if let Some(first_row) = progress.seen.get(code) {
            problems.push(RowProblem::DuplicateInFile {
                first_row: *first_row,
            });
        } else {
            progress.seen.insert(code.clone(), row_number);
        }
    }

    let outcome = match enterprise {
        Some(enterprise) if problems.is_empty() => match normalised_tax
            .as_deref()
            .and_then(|c| register.owner_of_tax_code(c, None))
        {
            Some(existing_id) => Outcome::Match {
                existing_id,
                enterprise,
            },
            None => Outcome::New {
                missing_tax_code: normalised_tax.is_none(),
                enterprise,
            },
        },
        _ => Outcome::Invalid(problems),
    };
    Some(RowResult {
        row_number,
        name: draft.name,
        tax_code: typed_tax,
        outcome,
    })
}

/// Counts of a checked import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub new: usize,
    pub matches: usize,
    pub invalid: usize,
    pub missing_tax_code: usize,
}

pub fn counts(results: &[RowResult]) -> Counts {
    let mut c = Counts::default();
    for r in results {
        match &r.outcome {
            Outcome::New {
                missing_tax_code, ..
            } => {
                c.new += 1;
                if *missing_tax_code {
                    c.missing_tax_code += 1;
                }
            }
            Outcome::Match { .. } => c.matches += 1,
            Outcome::Invalid(_) => c.invalid += 1,
        }
    }
    c
}

/// The register enterprise with the imported values in the fields it leaves empty, and
/// which fields those are; `None` when it has nothing empty the row could fill.
pub fn fill_empty(
    existing: &Enterprise,
    imported: &Enterprise,
) -> Option<(Enterprise, Vec<Field>)> {
    let mut out = existing.clone();
    let mut filled = Vec::new();
    fn text(slot: &mut String, from: &str, field: Field, filled: &mut Vec<Field>) {
        if slot.trim().is_empty() && !from.trim().is_empty() {
            *slot = from.to_string();
            filled.push(field);
        }
    }
    fn opt<T: Clone>(
        slot: &mut Option<T>,
        from: &Option<T>,
        field: Field,
        filled: &mut Vec<Field>,
    ) {
        if slot.is_none() && from.is_some() {
            *slot = from.clone();
            filled.push(field);
        }
    }
    text(
        &mut out.address,
        &imported.address,
        Field::Address,
        &mut filled,
    );
    opt(
        &mut out.admin_unit_id,
        &imported.admin_unit_id,
        Field::AdminUnit,
        &mut filled,
    );
    opt(
        &mut out.vsic_section,
        &imported.vsic_section,
        Field::Vsic,
        &mut filled,
    );
    opt(
        &mut out.ownership,
        &imported.ownership,
        Field::Ownership,
        &mut filled,
    );
    opt(
        &mut out.employees,
        &imported.employees,
        Field::Employees,
        &mut filled,
    );
    opt(
        &mut out.revenue_bn_vnd,
        &imported.revenue_bn_vnd,
        Field::Revenue,
        &mut filled,
    );
    opt(
        &mut out.capital_bn_vnd,
        &imported.capital_bn_vnd,
        Field::Capital,
        &mut filled,
    );
    text(
        &mut out.contact_name,
        &imported.contact_name,
        Field::ContactName,
        &mut filled,
    );
    text(
        &mut out.contact_phone,
        &imported.contact_phone,
        Field::ContactPhone,
        &mut filled,
    );
    text(
        &mut out.contact_email,
        &imported.contact_email,
        Field::ContactEmail,
        &mut filled,
    );
    text(&mut out.notes, &imported.notes, Field::Notes, &mut filled);
    (!filled.is_empty()).then_some((out, filled))
}

/// What confirming writes: the new enterprises, and (with `fill_empty`) the register
/// enterprises to update with their filled version. Matches of an enterprise no longer in
/// the register are left out.
pub fn writes(
    results: &[RowResult],
    fill: bool,
    register: &Registry,
) -> (Vec<Enterprise>, Vec<(String, Enterprise)>) {
    let mut new = Vec::new();
    let mut updates: Vec<(String, Enterprise)> = Vec::new();
    for r in results {
        match &r.outcome {
            Outcome::New { enterprise, .. } => new.push(enterprise.clone()),
            Outcome::Match {
                existing_id,
                enterprise,
            } if fill => {
                if updates.iter().any(|(id, _)| id == existing_id) {
                    continue;
                }
                if let Some(existing) = register.get(existing_id) {
                    if let Some((filled, _)) = fill_empty(&existing.payload, enterprise) {
                        updates.push((existing_id.clone(), filled));
                    }
                }
            }
            _ => {}
        }
    }
    (new, updates)
}

/// Whether a header row maps the one field an import needs: the name.
pub fn mapping_is_usable(mapping: &Mapping) -> bool {
    !mapping.columns_of(Target::Name).is_empty()
}

/// The header's cells folded, for the mapping's table (kept here so the page shows the
/// same words the guess compared).
pub fn folded_header(header: &[String]) -> Vec<String> {
    header.iter().map(|h| header_words(h)).collect()
}

/// Which warning a new row carries, if any.
pub fn warning_of(outcome: &Outcome) -> Option<Warning> {
    matches!(
        outcome,
        Outcome::New {
            missing_tax_code: true,
            ..
        }
    )
    .then_some(Warning::MissingTaxCode)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::clock::Hlc;
    use crate::model::import_columns::guess;
    use crate::model::record::{Change, Record};

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    fn register_with(tax: &str) -> Registry {
        let change = Change {
            at: Hlc::tick(&Hlc::default(), 1_700_000_000_000, "dev"),
            officer: "cán bộ".into(),
        };
        let e = Enterprise {
            name: "Công ty cũ".into(),
            tax_code: Some(tax.into()),
            address: String::new(),
            ..Default::default()
        };
        Registry::new(vec![Record::new("old-1".into(), &change, e)])
    }

    fn check(table: &[Vec<String>], register: &Registry, source: NumberSource) -> Progress {
        let mapping = guess(table);
        let header = table[mapping.header_row].clone();
        let ctx = Context::new(
            mapping,
            &header,
            source,
            Lang::Vi,
            AdminUnitList::default_list(),
        );
        let mut p = Progress::default();
        let range = ctx.data_rows(table.len());
        // In two chunks, as the page does.
        let mid = (range.start + range.end) / 2;
        check_rows(&ctx, table, range.start..mid, register, &mut p);
        check_rows(&ctx, table, mid..range.end, register, &mut p);
        p
    }

    #[test]
    fn new_matching_and_invalid_rows_with_their_row_numbers() {
        let table = vec![
            row(&["Danh sách doanh nghiệp"]),
            row(&[
                "STT",
                "Tên doanh nghiệp",
                "Mã số thuế",
                "Huyện",
                "Số lao động",
                "Doanh thu (triệu đồng)",
                "Điện thoại",
            ]),
            row(&[
                "1",
                "Công ty TNHH Sen Hồng",
                "0100233488",
                "Huyện Lấp Vò",
                "1.200",
                "2.500",
                "0277 3851 234",
            ]),
            row(&["2", "HTX Xoài Cao Lãnh", "", "TP. Sa Đéc", "", "", ""]),
            row(&["3", "Trùng trong sổ", "1400 000 000", "", "", "", ""]),
            row(&["4", "", "", "", "", "", ""]),
            row(&["5", "Mã sai", "0100233480", "", "", "", ""]),
            row(&["6", "Trùng trong tệp", "0100233488", "", "", "", ""]),
            row(&["7", "Đơn vị lạ", "", "Hà Nội", "12 người", "", ""]),
        ];
        // "1400 000 000" is not a valid code; use a valid one for the register.
        let mut table = table;
        let valid_register_code = "0100109106";
        table[4][2] = "0100 109 106".into();
        let register = register_with(valid_register_code);
        let p = check(&table, &register, NumberSource::Typed);
        let by_row: HashMap<usize, &RowResult> =
            p.results.iter().map(|r| (r.row_number, r)).collect();

        match &by_row[&3].outcome {
            Outcome::New {
                enterprise,
                missing_tax_code: false,
            } => {
                assert_eq!(enterprise.tax_code.as_deref(), Some("0100233488"));
                assert_eq!(enterprise.admin_unit_id.as_deref(), Some("h-lap-vo"));
                assert_eq!(enterprise.employees, Some(1200));
                // 2.500 million đồng = 2,5 billion.
                assert_eq!(enterprise.revenue_bn_vnd, Some(2.5));
            }
            other => panic!("row 3: {other:?}"),
        }
        assert!(matches!(
            &by_row[&4].outcome,
            Outcome::New {
                missing_tax_code: true,
                ..
            }
        ));
        assert!(
            matches!(&by_row[&5].outcome, Outcome::Match { existing_id, .. } if existing_id == "old-1")
        );
        // Row 6 holds only its number in the unmapped "STT" column: an empty row, left out.
        assert_eq!(p.empty_rows, 1);
        assert!(!by_row.contains_key(&6));
        assert!(
            matches!(&by_row[&7].outcome, Outcome::Invalid(ps) if matches!(ps[0], RowProblem::Field(Field::TaxCode, Problem::TaxCode(TaxCodeError::CheckDigitMismatch { .. }))))
        );
        assert!(
            matches!(&by_row[&8].outcome, Outcome::Invalid(ps) if ps.contains(&RowProblem::DuplicateInFile { first_row: 3 }))
        );
        match &by_row[&9].outcome {
            Outcome::Invalid(ps) => {
                assert!(ps.contains(&RowProblem::UnknownUnit("Hà Nội".into())));
                assert!(ps.contains(&RowProblem::NotANumber(
                    Target::Employees,
                    "12 người".into()
                )));
            }
            other => panic!("row 9: {other:?}"),
        }
        assert_eq!(
            counts(&p.results),
            Counts {
                new: 2,
                matches: 1,
                invalid: 3,
                missing_tax_code: 1
            }
        );
    }

    #[test]
    fn rows_with_nothing_mapped_are_left_out() {
        let table = vec![
            row(&["Tên doanh nghiệp", "Mã số thuế"]),
            row(&["", " "]),
            row(&["A", ""]),
        ];
        let p = check(&table, &Registry::default(), NumberSource::Machine);
        assert_eq!(p.empty_rows, 1);
        assert_eq!(p.results.len(), 1);
        assert_eq!(p.results[0].row_number, 3);
    }

    #[test]
    fn matches_fill_only_empty_fields_when_asked() {
        let register = register_with("0100109106");
        let table = vec![
            row(&["Tên doanh nghiệp", "Mã số thuế", "Địa chỉ", "Số lao động"]),
            row(&["Tên khác", "0100109106", "12 Lê Lợi", "40"]),
        ];
        let p = check(&table, &register, NumberSource::Machine);
        let (new, updates) = writes(&p.results, false, &register);
        assert!(new.is_empty() && updates.is_empty(), "skipped by default");
        let (_, updates) = writes(&p.results, true, &register);
        assert_eq!(updates.len(), 1);
        let (id, filled) = &updates[0];
        assert_eq!(id, "old-1");
        assert_eq!(
            filled.name, "Công ty cũ",
            "a filled field is never overwritten"
        );
        assert_eq!(filled.address, "12 Lê Lợi");
        assert_eq!(filled.employees, Some(40));
    }

    #[test]
    fn amounts_scale_by_their_header() {
        assert_eq!(amount_scale("Doanh thu (tỷ đồng)"), 1.0);
        assert_eq!(amount_scale("Doanh thu (triệu đồng)"), 0.001);
        assert_eq!(amount_scale("Vốn (đồng)"), 1e-9);
        assert_eq!(amount_scale("Revenue"), 1.0);
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Any table, any mapping guess, any cells: the check never panics, and every
            /// data row with something mapped gets exactly one outcome with its own row number.
            #[test]
            fn arbitrary_tables_never_panic(
                cells in proptest::collection::vec(proptest::collection::vec(crate::arbitrary_text::text(), 0..7), 1..12),
                numberish in crate::arbitrary_text::numberish(),
            ) {
                let mut table = vec![row(&["Tên doanh nghiệp", "Mã số thuế", "Huyện", "Số lao động", "Doanh thu", "Loại hình", "Ngành"])];
                for mut r in cells { if let Some(c) = r.get_mut(3) { *c = numberish.clone(); } table.push(r); }
                let p = check(&table, &Registry::default(), NumberSource::Typed);
                prop_assert_eq!(p.results.len() + p.empty_rows, table.len() - 1);
                let mut numbers: Vec<usize> = p.results.iter().map(|r| r.row_number).collect();
                numbers.dedup();
                prop_assert_eq!(numbers.len(), p.results.len());
                prop_assert!(numbers.iter().all(|n| *n >= 2 && *n <= table.len()));
            }
        }
    }
}
