//! A sheet as CSV for Excel: UTF-8 with a byte-order mark (without it Excel
//! reads the file in the machine's code page and Vietnamese turns to mojibake),
//! CRLF line ends, fields quoted per RFC 4180 when they hold the separator, a
//! quote or a line break (and when they start or end with a space, which
//! Excel would otherwise keep but other readers trim). Numbers are written
//! with a dot and no grouping, whole numbers without ".0". A text that
//! starts like a formula (`=`, `+`, `-`, `@`, a tab or a carriage return)
//! gets an apostrophe in front, so a name someone typed as `=HYPERLINK(…)`
//! or `-Tập huấn` is shown as text, never run by the spreadsheet.

use super::workbook::{Cell, Sheet};

const BOM: char = '\u{feff}';

/// The sheet as comma-separated text, starting with the byte-order mark.
pub fn to_csv(sheet: &Sheet) -> String {
    to_csv_with(sheet, ',')
}

/// The same, as the bytes to save.
pub fn to_csv_bytes(sheet: &Sheet) -> Vec<u8> {
    to_csv(sheet).into_bytes()
}

/// The sheet as CSV with another separator (`;` for an Excel set to a
/// Vietnamese list separator).
pub fn to_csv_with(sheet: &Sheet, separator: char) -> String {
    let mut out = String::new();
    out.push(BOM);
    for row in &sheet.rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(separator);
            }
            match cell {
                Cell::Empty => {}
                Cell::Number(n) => out.push_str(&number(*n)),
                Cell::Text(t) => push_field(&mut out, t, separator),
            }
        }
        out.push_str("\r\n");
    }
    out
}

fn number(n: f64) -> String {
    if !n.is_finite() {
        String::new()
    } else if n.fract() == 0.0 && n.abs() < 9.0e15 {
        (n as i64).to_string()
    } else {
        n.to_string()
    }
}

/// What a text cell holds in the file: the text, behind an apostrophe when
/// a spreadsheet would read it as a formula.
fn as_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

fn push_field(out: &mut String, text: &str, separator: char) {
    let text = &*as_text(text);
    let needs_quotes =
        text.contains([separator, '"', '\r', '\n']) || text.starts_with(' ') || text.ends_with(' ');
    if needs_quotes {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_and_quoting() {
        let mut sheet = Sheet::new("x", vec!["Tên doanh nghiệp".into(), "Số lao động".into()]);
        sheet.push(vec!["Công ty \"Sen Hồng\", Đồng Tháp".into(), 120.0.into()]);
        sheet.push(vec!["Dòng 1\nDòng 2".into(), 2.5.into()]);
        sheet.push(vec![Cell::Empty, Cell::Empty]);
        let csv = to_csv(&sheet);
        assert_eq!(
            csv,
            "\u{feff}Tên doanh nghiệp,Số lao động\r\n\"Công ty \"\"Sen Hồng\"\", Đồng Tháp\",120\r\n\"Dòng 1\nDòng 2\",2.5\r\n,\r\n"
        );
        assert_eq!(&to_csv_bytes(&sheet)[..3], &[0xEF, 0xBB, 0xBF]);
        assert_eq!(
            to_csv_with(&sheet, ';').lines().nth(1),
            Some("\"Công ty \"\"Sen Hồng\"\", Đồng Tháp\";120")
        );
    }

    #[test]
    fn a_text_that_starts_like_a_formula_stays_text() {
        let mut sheet = Sheet::new("x", vec!["Tên".into(), "Số".into()]);
        sheet.push(vec!["=HYPERLINK(\"http://x\")".into(), (-5.0).into()]);
        sheet.push(vec!["-Tập huấn ISO".into(), Cell::Empty]);
        sheet.push(vec!["@SUM(A1)".into(), Cell::Empty]);
        assert_eq!(
            to_csv(&sheet),
            "\u{feff}Tên,Số\r\n\"'=HYPERLINK(\"\"http://x\"\")\",-5\r\n'-Tập huấn ISO,\r\n'@SUM(A1),\r\n"
        );
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        /// A small RFC 4180 reader, independent of the writer, to read back what it wrote.
        fn read(text: &str) -> Vec<Vec<String>> {
            let text = text.strip_prefix(BOM).unwrap();
            let mut rows = Vec::new();
            let mut row = Vec::new();
            let mut field = String::new();
            let mut chars = text.chars().peekable();
            let mut quoted = false;
            while let Some(c) = chars.next() {
                if quoted {
                    if c == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            field.push('"');
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.push(c);
                    }
                } else if c == '"' {
                    quoted = true;
                } else if c == ',' {
                    row.push(std::mem::take(&mut field));
                } else if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                } else {
                    field.push(c);
                }
            }
            rows
        }

        proptest! {
            /// Any text cells come back cell for cell (Excel's reading is this reader's).
            #[test]
            fn text_round_trips(rows in proptest::collection::vec(proptest::collection::vec(".{0,12}", 1..4), 1..5)) {
                let sheet = Sheet { name: "s".into(), rows: rows.iter().map(|r| r.iter().map(|c| Cell::text(c.clone())).collect()).collect() };
                let expected: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| as_text(c).into_owned()).collect()).collect();
                prop_assert_eq!(read(&to_csv(&sheet)), expected);
            }
        }
    }
}
