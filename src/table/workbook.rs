//! A workbook as the spreadsheet worker reads it: sheets of rows of cells,
//! the first row being the header. The JSON is the worker's
//! (`crates/spreadsheet/src/protocol.rs`): a cell is `"text"`, `12.5` or `null`.

use serde::{Deserialize, Serialize};

/// One cell: text, a number, or nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    Empty,
    Number(f64),
    Text(String),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// A number; NaN and infinities (which JSON cannot carry) become an empty cell.
    pub fn number(n: f64) -> Cell {
        if n.is_finite() {
            Cell::Number(n)
        } else {
            Cell::Empty
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<f64> for Cell {
    fn from(n: f64) -> Cell {
        Cell::number(n)
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Cell {
        Cell::Number(n as f64)
    }
}

impl From<Option<f64>> for Cell {
    fn from(n: Option<f64>) -> Cell {
        n.map_or(Cell::Empty, Cell::number)
    }
}

/// A sheet: its name (made acceptable to Excel by the worker) and its rows, header first.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    #[serde(default)]
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// A sheet with its header row.
    pub fn new(name: impl Into<String>, header: Vec<Cell>) -> Sheet {
        Sheet {
            name: name.into(),
            rows: vec![header],
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }
}

/// Sheets in order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Workbook {
    #[serde(default)]
    pub sheets: Vec<Sheet>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same text as the worker's `protocol` test: both sides read and write it alike.
    const SHARED_JSON: &str = r#"{"sheets":[{"name":"Chỉ tiêu","rows":[["Tên","Số lượng",null],["Lớp đào tạo",12.0,null],[null,2.5,"Đạt"]]}]}"#;

    #[test]
    fn json_is_the_workers() {
        let book = Workbook {
            sheets: vec![Sheet {
                name: "Chỉ tiêu".into(),
                rows: vec![
                    vec!["Tên".into(), "Số lượng".into(), Cell::Empty],
                    vec!["Lớp đào tạo".into(), 12.0.into(), None.into()],
                    vec![Cell::Empty, 2.5.into(), "Đạt".into()],
                ],
            }],
        };
        assert_eq!(serde_json::to_string(&book).unwrap(), SHARED_JSON);
        assert_eq!(serde_json::from_str::<Workbook>(SHARED_JSON).unwrap(), book);
    }

    #[test]
    fn non_finite_numbers_are_empty() {
        assert_eq!(Cell::number(f64::NAN), Cell::Empty);
        assert_eq!(Cell::from(f64::INFINITY), Cell::Empty);
    }
}
