//! A `Workbook` as XLSX bytes: the first row of each sheet bold and frozen,
//! columns as wide as their longest text (within bounds), numbers as numbers.

use rust_xlsxwriter::{Format, Workbook as XlsxBook};

use crate::limits::MAX_CELL_CHARS;
use crate::protocol::{Cell, ErrorCode, Failure, Workbook};

const MAX_ROWS: usize = 1_048_576;
const MAX_COLUMNS: usize = 16_384;
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

/// Writes the workbook. A workbook with no sheet gets one empty sheet (Excel needs one).
pub fn write(book: &Workbook) -> Result<Vec<u8>, Failure> {
    let mut out = XlsxBook::new();
    let bold = Format::new().set_bold();
    let names = sheet_names(book);
    if book.sheets.is_empty() {
        out.add_worksheet();
    }
    for (sheet, name) in book.sheets.iter().zip(names) {
        if sheet.rows.len() > MAX_ROWS || sheet.rows.iter().any(|r| r.len() > MAX_COLUMNS) {
            return Err(Failure::new(
                ErrorCode::WriteFailed,
                format!("sheet {name}: over Excel's size"),
            ));
        }
        let ws = out.add_worksheet();
        ws.set_name(name.as_str()).map_err(failed)?;
        let mut widths: Vec<usize> = Vec::new();
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (rr, cc) = (r as u32, c as u16);
                let header = r == 0;
                let shown = match cell {
                    Cell::Empty => continue,
                    Cell::Number(n) if n.is_finite() => {
                        if header {
                            ws.write_number_with_format(rr, cc, *n, &bold)
                                .map_err(failed)?;
                        } else {
                            ws.write_number(rr, cc, *n).map_err(failed)?;
                        }
                        format!("{n}").chars().count()
                    }
                    Cell::Number(_) => continue,
                    Cell::Text(t) => {
                        let text: String = if t.chars().count() > MAX_CELL_CHARS {
                            t.chars().take(MAX_CELL_CHARS).collect()
                        } else {
                            t.clone()
                        };
                        if header {
                            ws.write_string_with_format(rr, cc, &text, &bold)
                                .map_err(failed)?;
                        } else {
                            ws.write_string(rr, cc, &text).map_err(failed)?;
                        }
                        // The longest line of the cell, not the whole text.
                        text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
                    }
                };
                if widths.len() <= c {
                    widths.resize(c + 1, 0);
                }
                // Bold headers are a little wider.
                let shown = if header {
                    shown + shown / 10 + 1
                } else {
                    shown
                };
                widths[c] = widths[c].max(shown);
            }
        }
        for (c, w) in widths.iter().enumerate() {
            let width = (*w + 2).clamp(MIN_WIDTH, MAX_WIDTH);
            ws.set_column_width(c as u16, width as f64)
                .map_err(failed)?;
        }
        if sheet.rows.len() > 1 {
            ws.set_freeze_panes(1, 0).map_err(failed)?;
        }
    }
    out.save_to_buffer().map_err(failed)
}

fn failed(e: rust_xlsxwriter::XlsxError) -> Failure {
    Failure::new(ErrorCode::WriteFailed, e.to_string())
}

/// Sheet names Excel accepts, one per sheet: forbidden characters replaced, at most
/// 31 UTF-16 units, no apostrophe at either end, none blank, none twice (case ignored).
pub fn sheet_names(book: &Workbook) -> Vec<String> {
    let mut taken: Vec<String> = Vec::new();
    let mut names = Vec::new();
    for (i, sheet) in book.sheets.iter().enumerate() {
        let cleaned: String = sheet
            .name
            .chars()
            .map(|c| {
                if matches!(c, '*' | '?' | ':' | '[' | ']' | '\\' | '/') || c.is_control() {
                    '-'
                } else {
                    c
                }
            })
            .collect();
        let mut base = cleaned.trim().trim_matches('\'').trim().to_string();
        if base.is_empty() || base.eq_ignore_ascii_case("history") {
            base = format!("Sheet{}", i + 1);
        }
        let mut n = 1;
        let name = loop {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!(" ({n})")
            };
            let candidate = format!("{}{}", cut_utf16(&base, 31 - suffix.len()), suffix);
            let candidate = candidate.trim_end_matches('\'').to_string();
            if !taken
                .iter()
                .any(|t| t.to_lowercase() == candidate.to_lowercase())
                && !candidate.is_empty()
            {
                break candidate;
            }
            n += 1;
        };
        taken.push(name.clone());
        names.push(name);
    }
    names
}

/// The longest prefix of at most `units` UTF-16 code units, cut between characters.
fn cut_utf16(s: &str, units: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        used += c.len_utf16();
        if used > units {
            return &s[..i];
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::Sheet;
    use calamine::{Data, Reader, Xlsx};
    use std::io::Cursor;

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn written_xlsx_reads_back_with_calamine_numbers_matching() {
        let numbers = [12.0, 2.5, 1234567.0, 0.1, -3.75, 1401234567.0];
        let mut rows = vec![vec![text("Chỉ tiêu"), text("Giá trị"), text("Ghi chú")]];
        for (i, n) in numbers.iter().enumerate() {
            rows.push(vec![
                text(&format!("Dòng {i} – Đồng Tháp")),
                Cell::Number(*n),
                Cell::Empty,
            ]);
        }
        let book = Workbook {
            sheets: vec![Sheet {
                name: "Báo cáo: 2025/2026".into(),
                rows,
            }],
        };
        let bytes = write(&book).unwrap();

        let mut back: Xlsx<_> = Xlsx::new(Cursor::new(&bytes)).unwrap();
        assert_eq!(back.sheet_names(), vec!["Báo cáo- 2025-2026".to_string()]);
        let range = back.worksheet_range("Báo cáo- 2025-2026").unwrap();
        assert_eq!(
            range.get_value((0, 0)),
            Some(&Data::String("Chỉ tiêu".into()))
        );
        for (i, n) in numbers.iter().enumerate() {
            let r = (i + 1) as u32;
            assert_eq!(
                range.get_value((r, 0)),
                Some(&Data::String(format!("Dòng {i} – Đồng Tháp")))
            );
            match range.get_value((r, 1)) {
                Some(Data::Float(f)) => assert_eq!(f, n),
                Some(Data::Int(v)) => assert_eq!(*v as f64, *n),
                other => panic!("row {r}: {other:?}"),
            }
        }
        // Read through the worker's own path too: text as Excel shows it.
        let (_, table) = crate::xlsx_read::read_first_sheet(&bytes).unwrap();
        assert_eq!(table[1][1], "12");
        assert_eq!(table[2][1], "2.5");
        assert_eq!(table[6][1], "1401234567");
        assert_eq!(table[3][0], "Dòng 2 – Đồng Tháp");
    }

    #[test]
    fn sheet_names_are_made_acceptable() {
        let book = Workbook {
            sheets: vec![
                Sheet {
                    name: "a".into(),
                    rows: vec![],
                },
                Sheet {
                    name: "A".into(),
                    rows: vec![],
                },
                Sheet {
                    name: "'".into(),
                    rows: vec![],
                },
                Sheet {
                    name: "Tổng hợp chỉ tiêu năm 2025 theo đơn vị hành chính".into(),
                    rows: vec![],
                },
            ],
        };
        let names = sheet_names(&book);
        assert_eq!(names[0], "a");
        assert_eq!(names[1], "A (2)");
        assert_eq!(names[2], "Sheet3");
        assert!(names[3].encode_utf16().count() <= 31);
        assert!(write(&book).is_ok());
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn cell() -> impl Strategy<Value = Cell> {
            prop_oneof![
                Just(Cell::Empty),
                any::<f64>().prop_map(Cell::Number),
                ".{0,20}".prop_map(Cell::Text),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
            /// Any names and cells write without a panic, and what is written reads back.
            #[test]
            fn arbitrary_workbooks_write(
                sheets in proptest::collection::vec((".{0,40}", proptest::collection::vec(proptest::collection::vec(cell(), 0..4), 0..4)), 0..3)
            ) {
                let book = Workbook { sheets: sheets.into_iter().map(|(name, rows)| Sheet { name, rows }).collect() };
                let bytes = write(&book);
                prop_assert!(bytes.is_ok(), "{:?}", bytes.err());
                let bytes = bytes.unwrap();
                prop_assert!(Xlsx::new(Cursor::new(&bytes)).is_ok());
                let _ = crate::xlsx_read::read_first_sheet(&bytes);
            }

            /// Bytes that are almost an XLSX (one written, then damaged) never panic the reader.
            #[test]
            fn damaged_xlsx_never_panics(flips in proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 1..20)) {
                let book = Workbook { sheets: vec![Sheet { name: "S".into(), rows: vec![vec![text("Tên"), Cell::Number(1.5)], vec![text("x"), Cell::Number(2.0)]] }] };
                let mut bytes = write(&book).unwrap();
                for (i, b) in flips {
                    let at = i.index(bytes.len());
                    bytes[at] = b;
                }
                let _ = crate::protocol::read_table(&bytes, "x.xlsx");
            }

            #[test]
            fn arbitrary_bytes_never_panic(mut bytes in proptest::collection::vec(any::<u8>(), 0..600), zip in any::<bool>()) {
                if zip && bytes.len() >= 4 { bytes[..4].copy_from_slice(b"PK\x03\x04"); }
                let _ = crate::protocol::read_table(&bytes, "x.xlsx");
                let _ = crate::protocol::read_table(&bytes, "x.csv");
            }
        }
    }
}
