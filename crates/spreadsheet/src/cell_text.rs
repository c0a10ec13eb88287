//! A cell's value as the text an officer sees in Excel: whole numbers without
//! ".0", at most 15 significant digits (Excel's precision), dates as YYYY-MM-DD.

use calamine::{DataRef, ExcelDateTime};

/// A number as Excel shows it in a General cell, without thousands separators.
pub fn number(f: f64) -> String {
    if !f.is_finite() {
        return String::new();
    }
    // Excel keeps 15 significant digits; a file may carry 17 (0.30000000000000004).
    let rounded: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    if rounded.fract() == 0.0 && rounded.abs() < 9.0e15 {
        // Whole and exactly representable: no ".0", and -0 shown as 0.
        let whole = rounded as i64;
        return whole.to_string();
    }
    format!("{rounded}")
}

/// A date as YYYY-MM-DD, a date with a time as YYYY-MM-DD HH:MM:SS, a time alone as HH:MM:SS.
pub fn datetime(dt: &ExcelDateTime) -> String {
    let value = dt.as_f64();
    if dt.is_duration() || !value.is_finite() {
        return number(value);
    }
    let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
    let has_time = h != 0 || mi != 0 || s != 0;
    if value < 1.0 && value >= 0.0 {
        return format!("{h:02}:{mi:02}:{s:02}");
    }
    if has_time {
        format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
    } else {
        format!("{y:04}-{mo:02}-{d:02}")
    }
}

/// Any calamine cell as text.
pub fn of(cell: &DataRef<'_>) -> String {
    match cell {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(dt) => datetime(dt),
        DataRef::DateTimeIso(s) => s.clone(),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    #[test]
    fn numbers_as_excel_shows_them() {
        assert_eq!(number(12.0), "12");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(1234567.0), "1234567");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(1401234567.0), "1401234567");
        assert_eq!(number(f64::NAN), "");
        assert_eq!(number(1e20), "100000000000000000000");
    }

    #[test]
    fn dates_as_iso() {
        let d = ExcelDateTime::new(45943.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(datetime(&d), "2025-10-13");
        let dt = ExcelDateTime::new(45943.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(datetime(&dt), "2025-10-13 12:00:00");
        let t = ExcelDateTime::new(0.25, ExcelDateTimeType::DateTime, false);
        assert_eq!(datetime(&t), "06:00:00");
    }
}
