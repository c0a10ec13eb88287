//! The first visible worksheet of an XLSX file as rows of text, read cell by
//! cell (calamine's cell reader) so a cell far away (XFD1048576) or a huge sheet
//! ends in "too large" instead of calamine allocating the whole rectangle.

use std::io::Cursor;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx, XlsxError};

use crate::cell_text;
use crate::limits::{MAX_CELLS, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS};
use crate::protocol::{ErrorCode, Failure};

/// Reads the first visible worksheet: its name and rows (row `i` is spreadsheet row `i + 1`,
/// column `j` is column `j + 1`), trailing empty cells and rows left off.
pub fn read_first_sheet(bytes: &[u8]) -> Result<(String, Vec<Vec<String>>), Failure> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(open_failure)?;
    let sheets = book.sheets_metadata();
    let name = sheets
        .iter()
        .find(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .or_else(|| sheets.iter().find(|s| s.typ == SheetType::WorkSheet))
        .map(|s| s.name.clone())
        .ok_or_else(|| Failure::new(ErrorCode::Empty, "no worksheet"))?;
    let mut reader = book.worksheet_cells_reader(&name).map_err(open_failure)?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cells = 0usize;
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(e) => {
                return Err(Failure::new(
                    ErrorCode::NotASpreadsheet,
                    format!("sheet: {e}"),
                ))
            }
        };
        let value = cell.get_value();
        if matches!(value, DataRef::Empty) {
            continue;
        }
        let mut text = cell_text::of(value);
        if text.is_empty() {
            continue;
        }
        let (r, c) = cell.get_position();
        let (r, c) = (r as usize, c as usize);
        if r >= MAX_ROWS || c >= MAX_COLUMNS {
            return Err(Failure::new(
                ErrorCode::TooLarge,
                format!("cell at row {}, column {}", r + 1, c + 1),
            ));
        }
        if text.chars().count() > MAX_CELL_CHARS {
            text = text.chars().take(MAX_CELL_CHARS).collect();
        }
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        let row = &mut rows[r];
        if row.len() <= c {
            cells += c + 1 - row.len();
            row.resize(c + 1, String::new());
        }
        if cells > MAX_CELLS {
            return Err(Failure::new(
                ErrorCode::TooLarge,
                format!("over {MAX_CELLS} cells"),
            ));
        }
        row[c] = text;
    }
    Ok((name, rows))
}

fn open_failure(e: XlsxError) -> Failure {
    match e {
        // A zip that holds no workbook part: an ODS, a DOCX, a zip of photos.
        XlsxError::Zip(_) | XlsxError::FileNotFound(_) | XlsxError::RelationshipNotFound => {
            Failure::new(ErrorCode::NotASpreadsheet, e.to_string())
        }
        other => Failure::new(ErrorCode::NotASpreadsheet, other.to_string()),
    }
}
