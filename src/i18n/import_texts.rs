//! Enterprise list import texts with numbers, names or reasons in them.

use super::Lang;
use crate::format::format_int;
use crate::model::enterprise_import::RowProblem;

impl Lang {
    /// Why a row of an imported list is invalid, in one line.
    pub fn import_problem(self, problem: &RowProblem) -> String {
        match problem {
            RowProblem::Field(field, p) => {
                // The form's messages sometimes name their field already ("Mã số thuế không hợp lệ…").
                let (label, message) = (self.t(field.label()), p.message(self));
                if message.starts_with(label) {
                    message
                } else {
                    format!("{label}: {message}")
                }
            }
            RowProblem::NotANumber(target, text) => match self {
                Lang::Vi => format!("{}: “{text}” không phải là số", self.t(target.label())),
                Lang::En => format!("{}: “{text}” is not a number", self.t(target.label())),
            },
            RowProblem::UnknownUnit(text) => match self {
                Lang::Vi => format!("Đơn vị hành chính “{text}” không có trong danh mục (Cài đặt)"),
                Lang::En => {
                    format!("Administrative unit “{text}” is not in the unit list (Settings)")
                }
            },
            RowProblem::UnknownOwnership(text) => match self {
                Lang::Vi => format!("Loại hình sở hữu “{text}” không nhận ra được"),
                Lang::En => format!("Ownership type “{text}” is not recognised"),
            },
            RowProblem::UnknownSector(text) => match self {
                Lang::Vi => format!("Ngành “{text}” không phải mã VSIC cấp 1 (A–U)"),
                Lang::En => format!("Sector “{text}” is not a VSIC section (A–U)"),
            },
            RowProblem::DuplicateInFile { first_row } => match self {
                Lang::Vi => format!(
                    "Trùng mã số thuế với dòng {} của tệp",
                    format_int(*first_row as i64, self)
                ),
                Lang::En => format!(
                    "Same tax code as row {} of the file",
                    format_int(*first_row as i64, self)
                ),
            },
        }
    }

    /// The label of a column's field choice.
    pub fn import_column_field(self, column: usize) -> String {
        match self {
            Lang::Vi => format!("Trường của cột {column}"),
            Lang::En => format!("Field for column {column}"),
        }
    }

    /// "Dòng 12" / "Row 12".
    pub fn import_row(self, n: usize) -> String {
        match self {
            Lang::Vi => format!("Dòng {}", format_int(n as i64, self)),
            Lang::En => format!("Row {}", format_int(n as i64, self)),
        }
    }

    /// The summary's headline counts.
    pub fn import_counts(self, new: usize, matches: usize, invalid: usize) -> String {
        let n = |x: usize| format_int(x as i64, self);
        match self {
            Lang::Vi => format!(
                "{} doanh nghiệp mới · {} trùng với doanh nghiệp đã có · {} dòng không hợp lệ",
                n(new),
                n(matches),
                n(invalid)
            ),
            Lang::En => format!(
                "{} new enterprises · {} match an existing enterprise · {} invalid rows",
                n(new),
                n(matches),
                n(invalid)
            ),
        }
    }

    /// The rows read, and the header row found.
    pub fn import_read(self, rows: usize, header_row: usize) -> String {
        let n = |x: usize| format_int(x as i64, self);
        match self {
            Lang::Vi => format!(
                "Đã đọc {} dòng. Dòng tiêu đề: dòng {}.",
                n(rows),
                n(header_row)
            ),
            Lang::En => format!("{} rows read. Header row: row {}.", n(rows), n(header_row)),
        }
    }

    /// Checking progress: "Đang kiểm tra 1.500 / 5.000 dòng…".
    pub fn import_checking(self, done: usize, total: usize) -> String {
        let n = |x: usize| format_int(x as i64, self);
        match self {
            Lang::Vi => format!("Đang kiểm tra {} / {} dòng…", n(done), n(total)),
            Lang::En => format!("Checking {} / {} rows…", n(done), n(total)),
        }
    }

    /// What confirming will write.
    pub fn import_confirm(self, new: usize, filled: Option<usize>) -> String {
        let n = |x: usize| format_int(x as i64, self);
        match (self, filled) {
            (Lang::Vi, None) => format!("Thêm {} doanh nghiệp", n(new)),
            (Lang::En, None) => format!("Add {} enterprises", n(new)),
            (Lang::Vi, Some(f)) => format!("Thêm {} doanh nghiệp, bổ sung {}", n(new), n(f)),
            (Lang::En, Some(f)) => format!("Add {} enterprises, fill in {}", n(new), n(f)),
        }
    }

    /// The message after writing.
    pub fn import_written(
        self,
        created: usize,
        filled: usize,
        skipped: usize,
        invalid: usize,
    ) -> String {
        let n = |x: usize| format_int(x as i64, self);
        match self {
            Lang::Vi => format!(
                "Đã nhập {} doanh nghiệp mới, bổ sung thông tin cho {} doanh nghiệp đã có, bỏ qua {} dòng trùng và {} dòng không hợp lệ.",
                n(created), n(filled), n(skipped), n(invalid)
            ),
            Lang::En => format!(
                "Imported {} new enterprises, filled in {} existing ones, skipped {} matching and {} invalid rows.",
                n(created), n(filled), n(skipped), n(invalid)
            ),
        }
    }

    /// A matched register enterprise, named: "trùng với: Công ty A".
    pub fn import_matches(self, name: &str) -> String {
        match self {
            Lang::Vi => format!("Trùng mã số thuế với “{name}” trong danh bạ"),
            Lang::En => format!("Same tax code as “{name}” in the register"),
        }
    }

    /// The fields a match would fill.
    pub fn import_would_fill(self, fields: &[crate::model::enterprise_draft::Field]) -> String {
        let names: Vec<&str> = fields.iter().map(|f| self.t(f.label())).collect();
        match self {
            Lang::Vi => format!("Sẽ bổ sung: {}", names.join(", ")),
            Lang::En => format!("Would fill in: {}", names.join(", ")),
        }
    }

    pub fn import_missing_tax_codes(self, n: usize) -> String {
        let c = format_int(n as i64, self);
        match self {
            Lang::Vi => format!("{c} doanh nghiệp mới chưa có mã số thuế (vẫn được thêm, như khi nhập bằng biểu mẫu)."),
            Lang::En => format!("{c} new enterprises have no tax code (they are still added, as the form allows)."),
        }
    }
}
