//! CSV as Excel and LibreOffice write it: UTF-8 with or without a byte-order
//! mark (or UTF-16 with one, or windows-1258 from an older Vietnamese Windows),
//! comma, semicolon or tab separated (detected from the first record), quoted
//! fields with doubled quotes and line breaks inside, CRLF, LF or CR line ends.
//! Row `i` of the result is the spreadsheet's row `i + 1`: a quoted line break
//! does not start a new row, as in Excel.

use crate::limits::{MAX_CELLS, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS};
use crate::protocol::{ErrorCode, Failure};

/// Decodes and parses a CSV file.
pub fn read(bytes: &[u8]) -> Result<Vec<Vec<String>>, Failure> {
    let text = decode(bytes);
    parse(&text)
}

/// The text of the file: UTF-8 (BOM dropped), UTF-16 if it starts with its BOM,
/// otherwise windows-1258 (Excel's "CSV (comma delimited)" on a Vietnamese Windows).
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1258.decode(bytes);
            text.into_owned()
        }
    }
}

/// The separator the first record uses most, outside quotes: `,` `;` or tab; `,` if none.
pub fn detect_separator(text: &str) -> char {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for ch in text.chars() {
        match ch {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes => break,
            ',' if !in_quotes => counts[0] += 1,
            ';' if !in_quotes => counts[1] += 1,
            '\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [',', ';', '\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    candidates[best]
}

/// Parses CSV text into rows of fields. Lenient where files are sloppy: a quote
/// inside an unquoted field is kept as a character, text after a closing quote is
/// appended, an unclosed quote runs to the end of the file. A final line break
/// does not make an empty last row.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, Failure> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = detect_separator(text);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut cells = 0usize;
    // At the start of a field (a quote there opens a quoted field).
    let mut at_start = true;
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    let mut ended_with_newline = true;

    let too_large = |rows: usize, cells: usize| rows > MAX_ROWS || cells > MAX_CELLS;
    // A field ends: cut to Excel's cell limit, as an XLSX cell is. Text past the last column is
    // refused, as in an XLSX: a line of 20,000 fields held the page for 40 s in the column
    // matching. Empty fields there are let through, and trimmed below (";;;;" lines).
    let end_field = |row: &mut Vec<String>, field: &mut String, line: usize| -> Result<(), Failure> {
        if !field.is_empty() && row.len() >= MAX_COLUMNS {
            return Err(Failure::new(ErrorCode::TooLarge, format!("text in column {} of row {line}, past {MAX_COLUMNS} columns", row.len() + 1)));
        }
        let mut text = std::mem::take(field);
        if text.len() > MAX_CELL_CHARS {
            if let Some((at, _)) = text.char_indices().nth(MAX_CELL_CHARS) {
                text.truncate(at);
            }
        }
        row.push(text);
        Ok(())
    };

    while let Some(ch) = chars.next() {
        ended_with_newline = false;
        if in_quotes {
            if ch == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(ch);
            }
            continue;
        }
        match ch {
            '"' if at_start => {
                in_quotes = true;
                at_start = false;
            }
            c if c == sep => {
                end_field(&mut row, &mut field, rows.len() + 1)?;
                cells += 1;
                at_start = true;
                // Checked at each field, not only at a line's end: one line of 50 MB of commas
                // would otherwise hold 50 million empty fields before the check.
                if too_large(rows.len() + 1, cells) {
                    return Err(Failure::new(
                        ErrorCode::TooLarge,
                        format!("over {} rows or {} cells", MAX_ROWS, MAX_CELLS),
                    ));
                }
            }
            '\r' | '\n' => {
                if ch == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                end_field(&mut row, &mut field, rows.len() + 1)?;
                cells += 1;
                rows.push(std::mem::take(&mut row));
                at_start = true;
                ended_with_newline = true;
                if too_large(rows.len(), cells) {
                    return Err(Failure::new(
                        ErrorCode::TooLarge,
                        format!("over {} rows or {} cells", MAX_ROWS, MAX_CELLS),
                    ));
                }
            }
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    if !ended_with_newline {
        end_field(&mut row, &mut field, rows.len() + 1)?;
        rows.push(row);
        if too_large(rows.len(), cells + 1) {
            return Err(Failure::new(
                ErrorCode::TooLarge,
                format!("over {} rows or {} cells", MAX_ROWS, MAX_CELLS),
            ));
        }
    }
    // Trailing empty cells and rows carry nothing (a spreadsheet saved with ";;;;" lines).
    for r in rows.iter_mut() {
        while r.last().is_some_and(|c| c.is_empty()) {
            r.pop();
        }
    }
    while rows.last().is_some_and(|r| r.is_empty()) {
        rows.pop();
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        parse(text).unwrap()
    }

    #[test]
    fn comma_crlf_quotes_and_bom() {
        let bytes = "\u{feff}Tên doanh nghiệp,Mã số thuế\r\n\"Công ty TNHH \"\"Sen Hồng\"\"\",1400123456\r\n\"Dòng 1\r\nDòng 2\",x\r\n".as_bytes();
        let r = read(bytes).unwrap();
        assert_eq!(r[0], vec!["Tên doanh nghiệp", "Mã số thuế"]);
        assert_eq!(r[1], vec!["Công ty TNHH \"Sen Hồng\"", "1400123456"]);
        assert_eq!(r[2], vec!["Dòng 1\r\nDòng 2", "x"]);
        assert_eq!(r.len(), 3);
    }

    #[test]
    fn semicolon_detected() {
        let r = rows("Tên;Địa chỉ;Số lao động\nA;Cao Lãnh, Đồng Tháp;1.234\n");
        assert_eq!(r[1], vec!["A", "Cao Lãnh, Đồng Tháp", "1.234"]);
        let r = rows("a\tb\n1\t2");
        assert_eq!(r[1], vec!["1", "2"]);
    }

    #[test]
    fn empty_rows_keep_row_numbers() {
        let r = rows("h1,h2\n\nx,y\n");
        assert_eq!(r.len(), 3);
        assert!(r[1].is_empty());
        assert_eq!(r[2], vec!["x", "y"]);
    }

    #[test]
    fn text_past_the_last_column_is_refused_and_long_cells_are_cut() {
        let wide = format!("Tên,{}\nA,1\n", (0..MAX_COLUMNS).map(|i| format!("c{i}")).collect::<Vec<_>>().join(","));
        let err = parse(&wide).unwrap_err();
        assert!(matches!(err.code, ErrorCode::TooLarge), "{err:?}");
        assert!(err.detail.contains(&format!("column {} of row 1", MAX_COLUMNS + 1)), "{}", err.detail);
        // As many columns as allowed, and empty fields past them (a ";;;;" line), read.
        let full = format!("{}{}\n", (0..MAX_COLUMNS).map(|i| format!("c{i}")).collect::<Vec<_>>().join(","), ",".repeat(3 * MAX_COLUMNS));
        assert_eq!(rows(&full)[0].len(), MAX_COLUMNS);
        // One line of separators past the cell limit is refused as it is read.
        let commas = ",".repeat(MAX_CELLS + 1);
        assert!(matches!(parse(&commas).unwrap_err().code, ErrorCode::TooLarge));
        let long = format!("ắ{}\n", "ỗ".repeat(MAX_CELL_CHARS + 10));
        let cell = &rows(&long)[0][0];
        assert_eq!(cell.chars().count(), MAX_CELL_CHARS);
        assert!(cell.starts_with('ắ'));
    }

    #[test]
    fn sloppy_quotes_are_lenient() {
        assert_eq!(rows("a\"b,c"), vec![vec!["a\"b", "c"]]);
        assert_eq!(rows("\"open,c"), vec![vec!["open,c"]]);
        assert_eq!(rows("\"q\"x,c"), vec![vec!["qx", "c"]]);
    }

    #[test]
    fn windows_1258_and_utf16() {
        // "Đồng" in windows-1258: Đ = 0xD0, ô = 0xF4, then the combining grave 0xCC.
        let r = read(&[0xD0, 0xF4, 0xCC, b'n', b'g']).unwrap();
        assert_eq!(r[0][0].chars().next(), Some('Đ'));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("Tên\tMST\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(read(&utf16).unwrap()[0], vec!["Tên", "MST"]);
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn quote(field: &str, sep: char) -> String {
            if field.contains([sep, '"', '\n', '\r']) || field.starts_with('"') {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field.to_string()
            }
        }

        proptest! {
            #[test]
            fn arbitrary_text_never_panics(text in ".{0,400}") {
                let _ = parse(&text);
            }

            #[test]
            fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
                let _ = read(&bytes);
                let _ = crate::protocol::read_table(&bytes, "x.csv");
            }

            /// Lines about the column limit wide, with trailing empty fields, and cells about
            /// Excel's length of any character width: read within the limits, or refused as too
            /// large only for text past the last column; never a panic.
            #[test]
            fn lines_at_the_limits_are_read_within_them_or_refused(
                width in (MAX_COLUMNS - 3)..(MAX_COLUMNS + 3),
                empty_tail in 0usize..(MAX_COLUMNS + 10),
                long in (MAX_CELL_CHARS - 3)..(MAX_CELL_CHARS + 3),
                letter in "[a-zà-ỹĐđ😀]",
                quoted in any::<bool>(),
            ) {
                let header: Vec<String> = (0..width).map(|i| format!("c{i}")).collect();
                let cell = letter.repeat(long);
                let cell = if quoted { format!("\"{cell}\"") } else { cell };
                let text = format!("{}{}\r\n{cell},1\r\n", header.join(","), ",".repeat(empty_tail));
                match parse(&text) {
                    Ok(rows) => {
                        prop_assert!(width <= MAX_COLUMNS);
                        prop_assert_eq!(rows[0].len(), width);
                        prop_assert!(rows.iter().flatten().all(|c| c.chars().count() <= MAX_CELL_CHARS));
                        prop_assert_eq!(rows[1][0].chars().count(), long.min(MAX_CELL_CHARS));
                    }
                    Err(e) => {
                        prop_assert!(matches!(e.code, ErrorCode::TooLarge));
                        prop_assert!(width > MAX_COLUMNS, "{}", e.detail);
                    }
                }
            }

            /// Any table written with RFC 4180 quoting reads back cell for cell.
            #[test]
            fn written_tables_read_back(
                table in proptest::collection::vec(proptest::collection::vec("[a-zA-Zà-ỹĐđ0-9 ,;\"\r\n]{0,8}", 1..5), 1..6),
                semicolon in any::<bool>(),
            ) {
                let sep = if semicolon { ';' } else { ',' };
                // Make every row as wide as the first and the first row's separator unambiguous.
                let width = table[0].len().max(2);
                let table: Vec<Vec<String>> = table.into_iter().enumerate().map(|(i, mut r)| {
                    r.resize(width, String::new());
                    if i == 0 { for (j, c) in r.iter_mut().enumerate() { *c = format!("h{j}"); } }
                    r
                }).collect();
                let text: String = table.iter()
                    .map(|r| r.iter().map(|c| quote(c, sep)).collect::<Vec<_>>().join(&sep.to_string()))
                    .collect::<Vec<_>>().join("\r\n");
                let back = parse(&text).unwrap();
                let mut expected = table.clone();
                for r in expected.iter_mut() { while r.last().is_some_and(|c| c.is_empty()) { r.pop(); } }
                while expected.last().is_some_and(|r| r.is_empty()) { expected.pop(); }
                prop_assert_eq!(back, expected);
            }
        }
    }
}
