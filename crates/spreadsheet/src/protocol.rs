//! The messages between the app and the worker, as JSON text. File bytes travel
//! beside the JSON as a transferable `ArrayBuffer`, never inside it.
//!
//! Request `{"op":"read_table","file_name":"ds.xlsx"}` + bytes →
//! `{"kind":"table","format":"xlsx","sheet_name":"Sheet1","rows":[["Tên","Mã số thuế"],…]}`.
//! Request `{"op":"write_xlsx","workbook":{"sheets":[{"name":"…","rows":[["a",1.5,null]]}]}}` →
//! `{"kind":"xlsx","size":1234}` + bytes.
//! Either may answer `{"kind":"error","code":"not_a_spreadsheet","detail":"…"}`.
//!
//! `Workbook`, `Sheet` and `Cell` have the same JSON as the app's `table` module
//! (`src/table/workbook.rs`); a test on each side checks the same text.

use serde::{Deserialize, Serialize};

use crate::{csv, limits, sniff, xlsx_read, xlsx_write};

/// One cell to write: text, a number, or nothing. JSON: `"text"`, `12.5`, `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    Empty,
    Number(f64),
    Text(String),
}

/// A sheet: its name and its rows, the first row being the header (written bold).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    #[serde(default)]
    pub rows: Vec<Vec<Cell>>,
}

/// A workbook to write, sheets in order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Workbook {
    #[serde(default)]
    pub sheets: Vec<Sheet>,
}

/// What the app asks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    /// The first sheet of an XLSX file, or a CSV file, as rows of text. The bytes come beside.
    ReadTable {
        #[serde(default)]
        file_name: String,
    },
    /// The workbook as XLSX bytes.
    WriteXlsx { workbook: Workbook },
}

/// Why a request failed, as a code the app turns into a message in the officer's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Neither an XLSX workbook nor text that reads as CSV.
    NotASpreadsheet,
    /// A password-protected workbook.
    Encrypted,
    /// The old binary .xls format: save as .xlsx first.
    LegacyXls,
    /// No cell holds anything.
    Empty,
    /// Over the limits in `limits`.
    TooLarge,
    /// The request itself could not be read (an app bug, not the officer's file).
    BadRequest,
    /// The workbook could not be written (a sheet name or a value Excel refuses).
    WriteFailed,
}

/// What the worker answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Response {
    /// Rows of text; row `i` is the spreadsheet's row `i + 1`. Trailing empty cells are left off.
    Table {
        format: TableFormat,
        #[serde(default)]
        sheet_name: Option<String>,
        rows: Vec<Vec<String>>,
        /// When non-zero, `rows` is empty and the rows come beside the JSON as this many
        /// JSON texts of consecutive rows (`split_rows`), so the page parses one at a time.
        #[serde(default)]
        parts: usize,
    },
    /// The XLSX file's size; the bytes come beside.
    Xlsx {
        size: usize,
    },
    Error {
        code: ErrorCode,
        detail: String,
    },
}

/// Which reader produced a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableFormat {
    Xlsx,
    Csv,
}

/// A failure inside a reader or writer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub code: ErrorCode,
    pub detail: String,
}

impl Failure {
    pub fn new(code: ErrorCode, detail: impl Into<String>) -> Self {
        Failure {
            code,
            detail: detail.into(),
        }
    }
}

impl From<Failure> for Response {
    fn from(f: Failure) -> Self {
        Response::Error {
            code: f.code,
            detail: f.detail,
        }
    }
}

/// Answers one request: the JSON of the request and the bytes sent beside it; returns the
/// response and the bytes to send back (the XLSX file), if any. Never panics.
pub fn handle(request_json: &str, bytes: Vec<u8>) -> (Response, Option<Vec<u8>>) {
    let request: Request = match serde_json::from_str(request_json) {
        Ok(r) => r,
        Err(e) => {
            return (
                Failure::new(ErrorCode::BadRequest, e.to_string()).into(),
                None,
            )
        }
    };
    match request {
        Request::ReadTable { file_name } => (
            read_table(&bytes, &file_name).unwrap_or_else(Response::from),
            None,
        ),
        Request::WriteXlsx { workbook } => match xlsx_write::write(&workbook) {
            Ok(out) => (Response::Xlsx { size: out.len() }, Some(out)),
            Err(f) => (f.into(), None),
        },
    }
}

/// Reads a file as a table: XLSX if the bytes are a zip, else CSV text.
pub fn read_table(bytes: &[u8], file_name: &str) -> Result<Response, Failure> {
    if bytes.len() > limits::MAX_FILE_BYTES {
        return Err(Failure::new(
            ErrorCode::TooLarge,
            format!("{} bytes", bytes.len()),
        ));
    }
    if bytes.is_empty() {
        return Err(Failure::new(ErrorCode::Empty, "0 bytes"));
    }
    let lower = file_name.to_lowercase();
    let named_workbook = [".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"]
        .iter()
        .any(|e| lower.ends_with(e));
    let (format, sheet_name, rows) = match sniff::sniff(bytes) {
        sniff::FileKind::Zip => {
            let (name, rows) = xlsx_read::read_first_sheet(bytes)?;
            (TableFormat::Xlsx, Some(name), rows)
        }
        sniff::FileKind::EncryptedOffice => {
            return Err(Failure::new(ErrorCode::Encrypted, "encrypted package"))
        }
        sniff::FileKind::LegacyXls => {
            return Err(Failure::new(ErrorCode::LegacyXls, "compound file"))
        }
        sniff::FileKind::Text => {
            if named_workbook || sniff::looks_binary(bytes) {
                return Err(Failure::new(
                    ErrorCode::NotASpreadsheet,
                    "neither a zip nor text",
                ));
            }
            (TableFormat::Csv, None, csv::read(bytes)?)
        }
    };
    if rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty())) {
        return Err(Failure::new(ErrorCode::Empty, "no cell holds anything"));
    }
    Ok(Response::Table {
        format,
        sheet_name,
        rows,
        parts: 0,
    })
}

/// Rows per part when a table is sent in parts: a part parses in a few milliseconds.
pub const ROWS_PER_PART: usize = 400;

/// A table of more than `per_part` rows as the response without its rows (`parts` set) and
/// the rows as JSON texts of `per_part` rows each: parsing 5,000 rows in one go would hold
/// the page's main thread for tens of milliseconds. Other responses are returned as they are.
pub fn split_rows(response: Response, per_part: usize) -> (Response, Vec<String>) {
    match response {
        Response::Table {
            format,
            sheet_name,
            rows,
            ..
        } if per_part > 0 && rows.len() > per_part => {
            let parts: Vec<String> = rows
                .chunks(per_part)
                .map(|c| serde_json::to_string(c).unwrap_or_else(|_| "[]".to_string()))
                .collect();
            (
                Response::Table {
                    format,
                    sheet_name,
                    rows: Vec::new(),
                    parts: parts.len(),
                },
                parts,
            )
        }
        other => (other, Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same text as the app's `table::workbook` test: both sides read and write it alike.
    const SHARED_JSON: &str = r#"{"sheets":[{"name":"Chỉ tiêu","rows":[["Tên","Số lượng",null],["Lớp đào tạo",12.0,null],[null,2.5,"Đạt"]]}]}"#;

    #[test]
    fn workbook_json_is_the_apps() {
        let book: Workbook = serde_json::from_str(SHARED_JSON).unwrap();
        assert_eq!(book.sheets[0].rows[1][1], Cell::Number(12.0));
        assert_eq!(book.sheets[0].rows[0][2], Cell::Empty);
        assert_eq!(book.sheets[0].rows[2][2], Cell::Text("Đạt".into()));
        assert_eq!(serde_json::to_string(&book).unwrap(), SHARED_JSON);
    }

    #[test]
    fn large_tables_go_in_parts_that_join_back() {
        let rows: Vec<Vec<String>> = (0..1001)
            .map(|i| vec![format!("Dòng {i}"), i.to_string()])
            .collect();
        let table = Response::Table {
            format: TableFormat::Csv,
            sheet_name: None,
            rows: rows.clone(),
            parts: 0,
        };
        let (head, parts) = split_rows(table, 400);
        assert_eq!(parts.len(), 3);
        assert!(matches!(&head, Response::Table { rows, parts: 3, .. } if rows.is_empty()));
        let joined: Vec<Vec<String>> = parts
            .iter()
            .flat_map(|p| serde_json::from_str::<Vec<Vec<String>>>(p).unwrap())
            .collect();
        assert_eq!(joined, rows);
        let small = Response::Table {
            format: TableFormat::Csv,
            sheet_name: None,
            rows: rows[..3].to_vec(),
            parts: 0,
        };
        assert_eq!(split_rows(small.clone(), 400), (small, vec![]));
    }

    #[test]
    fn a_bad_request_is_an_error_not_a_panic() {
        let (r, b) = handle("{nope", vec![]);
        assert!(matches!(
            r,
            Response::Error {
                code: ErrorCode::BadRequest,
                ..
            }
        ));
        assert!(b.is_none());
    }

    #[test]
    fn garbage_named_xlsx_is_not_a_spreadsheet() {
        let (r, _) = handle(
            r#"{"op":"read_table","file_name":"ds.xlsx"}"#,
            b"hello, world".to_vec(),
        );
        assert!(
            matches!(
                r,
                Response::Error {
                    code: ErrorCode::NotASpreadsheet,
                    ..
                }
            ),
            "{r:?}"
        );
        let (r, _) = handle(
            r#"{"op":"read_table","file_name":"x.csv"}"#,
            vec![0x89, b'P', b'N', b'G', 0, 0, 0, 13],
        );
        assert!(
            matches!(
                r,
                Response::Error {
                    code: ErrorCode::NotASpreadsheet,
                    ..
                }
            ),
            "{r:?}"
        );
    }

    #[test]
    fn empty_files_say_so() {
        let (r, _) = handle(r#"{"op":"read_table","file_name":"x.csv"}"#, vec![]);
        assert!(matches!(
            r,
            Response::Error {
                code: ErrorCode::Empty,
                ..
            }
        ));
        let (r, _) = handle(
            r#"{"op":"read_table","file_name":"x.csv"}"#,
            b"\xEF\xBB\xBF;;\r\n ; \r\n".to_vec(),
        );
        assert!(
            matches!(
                r,
                Response::Error {
                    code: ErrorCode::Empty,
                    ..
                }
            ),
            "{r:?}"
        );
    }
}
