//! The report's tables as a workbook, one sheet per table, header first:
//! counts, amounts, percentages and targets stay numbers, so Excel can add
//! them up. The CSV download is one of these sheets.

use super::table::{Cell, Table};
use crate::i18n::Lang;
use crate::table::{self as sheet, Sheet, Workbook};

fn cell(c: &Cell) -> sheet::Cell {
    match c {
        Cell::Empty => sheet::Cell::Empty,
        Cell::Text(t) => sheet::Cell::text(t.clone()),
        Cell::Lines(lines) => sheet::Cell::text(lines.join("\n")),
        Cell::Number(x) | Cell::Percent(x) | Cell::Target { value: x, .. } => {
            sheet::Cell::number(*x)
        }
        // Exact below 2^53 VND, far beyond any budget.
        Cell::Vnd(x) => sheet::Cell::number(*x as f64),
    }
}

/// One table as a sheet named in `lang`.
pub fn to_sheet(table: &Table, lang: Lang) -> Sheet {
    let mut s = Sheet::new(
        lang.t(table.id.sheet_name()),
        table
            .columns
            .iter()
            .map(|c| sheet::Cell::text(c.clone()))
            .collect(),
    );
    for row in &table.rows {
        s.push(row.cells.iter().map(cell).collect());
    }
    s
}

/// Every table, one sheet each, in the report's order.
pub fn to_workbook(tables: &[Table], lang: Lang) -> Workbook {
    Workbook {
        sheets: tables.iter().map(|t| to_sheet(t, lang)).collect(),
    }
}
