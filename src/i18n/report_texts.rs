//! Annual report texts with numbers in them.

use super::Lang;
use crate::format::format_int;

impl Lang {
    /// "Cộng: 12 doanh nghiệp".
    pub fn report_enterprises_total(self, n: usize) -> String {
        let n = format_int(n as i64, self);
        match self {
            Lang::Vi => format!("Cộng: {n} doanh nghiệp"),
            Lang::En if n == "1" => "Total: 1 enterprise".to_string(),
            Lang::En => format!("Total: {n} enterprises"),
        }
    }

    /// "Cộng: 40 hoạt động".
    pub fn report_activities_total(self, n: usize) -> String {
        let n = format_int(n as i64, self);
        match self {
            Lang::Vi => format!("Cộng: {n} hoạt động"),
            Lang::En if n == "1" => "Total: 1 activity".to_string(),
            Lang::En => format!("Total: {n} activities"),
        }
    }

    /// "2.3.1. Hoàn thiện cơ chế, chính sách (3 hoạt động)".
    pub fn report_group_heading(self, heading: &str, n: usize) -> String {
        let n = format_int(n as i64, self);
        match self {
            Lang::Vi => format!("{heading} ({n} hoạt động)"),
            Lang::En if n == "1" => format!("{heading} (1 activity)"),
            Lang::En => format!("{heading} ({n} activities)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_in_english() {
        assert_eq!(Lang::En.report_activities_total(1), "Total: 1 activity");
        assert_eq!(Lang::En.report_enterprises_total(1), "Total: 1 enterprise");
        assert_eq!(Lang::En.report_group_heading("2.3.3. Tools", 1), "2.3.3. Tools (1 activity)");
        assert_eq!(Lang::En.report_activities_total(1200), "Total: 1,200 activities");
        assert_eq!(Lang::Vi.report_activities_total(1), "Cộng: 1 hoạt động");
    }
}
