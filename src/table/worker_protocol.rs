//! The app's side of the spreadsheet worker's protocol
//! (`crates/spreadsheet/src/protocol.rs`), pure: the requests as JSON text and
//! the answers read back, with the errors an officer is shown.

use serde::{Deserialize, Serialize};

use super::workbook::Workbook;
use crate::i18n::{Lang, Msg};

/// Why the worker refused a request (its `ErrorCode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotASpreadsheet,
    Encrypted,
    LegacyXls,
    Empty,
    TooLarge,
    BadRequest,
    WriteFailed,
    /// A code this build does not know (a newer worker): shown as a general failure.
    #[serde(other)]
    Unknown,
}

/// Why reading or writing a spreadsheet failed.
#[derive(Debug, Clone, PartialEq)]
pub enum SpreadsheetError {
    /// The worker could not be started or loaded (offline before it was ever cached,
    /// or the browser refused it).
    Unavailable,
    /// The worker stopped while working (out of memory, most likely).
    Crashed,
    /// The worker answered with an error about the file or the workbook.
    Refused { code: ErrorCode, detail: String },
    /// The answer could not be read (a worker from another build).
    BadAnswer,
}

impl SpreadsheetError {
    pub fn msg(&self) -> Msg {
        match self {
            SpreadsheetError::Unavailable => Msg::SheetErrUnavailable,
            SpreadsheetError::Crashed => Msg::SheetErrCrashed,
            SpreadsheetError::BadAnswer => Msg::SheetErrCrashed,
            SpreadsheetError::Refused { code, .. } => match code {
                ErrorCode::NotASpreadsheet => Msg::SheetErrNotASpreadsheet,
                ErrorCode::Encrypted => Msg::SheetErrEncrypted,
                ErrorCode::LegacyXls => Msg::SheetErrLegacyXls,
                ErrorCode::Empty => Msg::SheetErrEmpty,
                ErrorCode::TooLarge => Msg::SheetErrTooLarge,
                ErrorCode::BadRequest | ErrorCode::WriteFailed | ErrorCode::Unknown => {
                    Msg::SheetErrWriteFailed
                }
            },
        }
    }

    /// The message for the officer, in their language.
    pub fn message(&self, lang: Lang) -> &'static str {
        lang.t(self.msg())
    }
}

#[derive(Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum Request<'a> {
    ReadTable { file_name: &'a str },
    WriteXlsx { workbook: &'a Workbook },
}

/// The JSON of a `read_table` request (the file's bytes go beside it).
pub fn read_table_request(file_name: &str) -> String {
    serde_json::to_string(&Request::ReadTable { file_name }).unwrap_or_default()
}

/// The JSON of a `write_xlsx` request.
pub fn write_xlsx_request(book: &Workbook) -> String {
    serde_json::to_string(&Request::WriteXlsx { workbook: book }).unwrap_or_default()
}

/// The worker's answer, read straight into its fields: an internally tagged enum would make
/// serde buffer the whole table (thousands of rows) once more before reading it, on the page's
/// main thread. Fields an answer does not have stay empty; unknown fields are ignored.
#[derive(Deserialize)]
struct Answer {
    kind: String,
    #[serde(default)]
    rows: Vec<Vec<String>>,
    /// A large table's rows come beside the JSON as this many parts (`table_part`).
    #[serde(default)]
    parts: usize,
    #[serde(default)]
    code: Option<ErrorCode>,
    #[serde(default)]
    detail: String,
}

fn refused(answer: Answer) -> SpreadsheetError {
    match answer.code {
        Some(code) => SpreadsheetError::Refused {
            code,
            detail: answer.detail,
        },
        None => SpreadsheetError::BadAnswer,
    }
}

/// Reads the answer to `read_table`: the rows, row `i` being the spreadsheet's row `i + 1`,
/// and how many parts of further rows come beside it (a large table comes only in parts).
pub fn table_answer(json: &str) -> Result<(Vec<Vec<String>>, usize), SpreadsheetError> {
    match serde_json::from_str::<Answer>(json) {
        Ok(a) if a.kind == "table" => Ok((a.rows, a.parts)),
        Ok(a) if a.kind == "error" => Err(refused(a)),
        _ => Err(SpreadsheetError::BadAnswer),
    }
}

/// Reads one part of a large table's rows (consecutive rows, in order).
pub fn table_part(json: &str) -> Result<Vec<Vec<String>>, SpreadsheetError> {
    serde_json::from_str(json).map_err(|_| SpreadsheetError::BadAnswer)
}

/// Reads the answer to `write_xlsx`: the bytes sent beside it are the file.
pub fn xlsx_answer(json: &str, bytes: Option<Vec<u8>>) -> Result<Vec<u8>, SpreadsheetError> {
    match serde_json::from_str::<Answer>(json) {
        Ok(a) if a.kind == "xlsx" => bytes.ok_or(SpreadsheetError::BadAnswer),
        Ok(a) if a.kind == "error" => Err(refused(a)),
        _ => Err(SpreadsheetError::BadAnswer),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_as_the_worker_reads_them() {
        assert_eq!(
            read_table_request("Danh sách.xlsx"),
            r#"{"op":"read_table","file_name":"Danh sách.xlsx"}"#
        );
        let book = Workbook::default();
        assert_eq!(
            write_xlsx_request(&book),
            r#"{"op":"write_xlsx","workbook":{"sheets":[]}}"#
        );
    }

    #[test]
    fn answers_read_back() {
        let (rows, parts) = table_answer(
            r#"{"kind":"table","format":"csv","sheet_name":null,"rows":[["a","b"],[]]}"#,
        )
        .unwrap();
        assert_eq!(rows, vec![vec!["a".to_string(), "b".to_string()], vec![]]);
        assert_eq!(parts, 0);
        let (rows, parts) =
            table_answer(r#"{"kind":"table","format":"xlsx","rows":[],"parts":2}"#).unwrap();
        assert!(rows.is_empty());
        assert_eq!(parts, 2);
        assert_eq!(
            table_part(r#"[["Tên"],["x","1"]]"#).unwrap()[1],
            vec!["x".to_string(), "1".to_string()]
        );
        assert_eq!(table_part("nope"), Err(SpreadsheetError::BadAnswer));
        let err = table_answer(r#"{"kind":"error","code":"encrypted","detail":"x"}"#).unwrap_err();
        assert_eq!(err.msg(), Msg::SheetErrEncrypted);
        let err =
            table_answer(r#"{"kind":"error","code":"something_new","detail":""}"#).unwrap_err();
        assert!(matches!(
            err,
            SpreadsheetError::Refused {
                code: ErrorCode::Unknown,
                ..
            }
        ));
        assert_eq!(table_answer("garbage"), Err(SpreadsheetError::BadAnswer));
        assert_eq!(
            xlsx_answer(r#"{"kind":"xlsx","size":3}"#, Some(vec![1, 2, 3])),
            Ok(vec![1, 2, 3])
        );
        assert_eq!(
            xlsx_answer(r#"{"kind":"xlsx","size":3}"#, None),
            Err(SpreadsheetError::BadAnswer)
        );
    }
}
