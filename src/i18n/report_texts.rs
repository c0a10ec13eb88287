//! Annual report texts with numbers in them.

use super::Lang;
use crate::format::format_int;

impl Lang {
    /// "Cộng: 12 doanh nghiệp".
    pub fn report_enterprises_total(self, n: usize) -> String {
        let n = format_int(n as i64, self);
        match self {
            Lang::Vi => format!("Cộng: {n} doanh nghiệp"),
            Lang::En => format!("Total: {n} enterprises"),
        }
    }

    /// "Cộng: 40 hoạt động".
    pub fn report_activities_total(self, n: usize) -> String {
        let n = format_int(n as i64, self);
        match self {
            Lang::Vi => format!("Cộng: {n} hoạt động"),
            Lang::En => format!("Total: {n} activities"),
        }
    }

    /// "2.3.1. Hoàn thiện cơ chế, chính sách (3 hoạt động)".
    pub fn report_group_heading(self, heading: &str, n: usize) -> String {
        let n = format_int(n as i64, self);
        match self {
            Lang::Vi => format!("{heading} ({n} hoạt động)"),
            Lang::En => format!("{heading} ({n} activities)"),
        }
    }
}
