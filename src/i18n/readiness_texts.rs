//! Self-assessment texts with numbers, names or bands in them.

use super::{Lang, Msg};
use crate::format::{format_decimal, format_int};
use crate::readiness::Band;

impl Lang {
    pub fn band(self, band: Band) -> &'static str {
        self.t(match band {
            Band::NotReady => Msg::BandNotReady,
            Band::Preparing => Msg::BandPreparing,
            Band::Ready => Msg::BandReady,
        })
    }

    /// Why an action waits for another module: "5S đạt 70%".
    pub fn module_needs(self, module: &str, percent: f64) -> String {
        let p = format_decimal(percent, 0, self);
        match self {
            Lang::Vi => format!("{module} đạt từ {p}% trở lên"),
            Lang::En => format!("{module} at {p}% or more"),
        }
    }

    pub fn award_too_few(self, points: &str) -> String {
        match self {
            Lang::Vi => format!("Chưa đủ điều kiện dự giải: cần từ {points} điểm."),
            Lang::En => format!("Not yet eligible to enter: {points} points are needed."),
        }
    }

    pub fn award_too_young(self, months: f64) -> String {
        let m = format_decimal(months, 0, self);
        match self {
            Lang::Vi => format!("Chưa đủ điều kiện dự giải: doanh nghiệp cần hoạt động từ {m} tháng."),
            Lang::En => format!("Not yet eligible to enter: an entrant needs {m} months of operation."),
        }
    }

    pub fn award_eligible(self, points: &str, months: f64) -> String {
        let m = format_decimal(months, 0, self);
        match self {
            Lang::Vi => format!("Có thể đủ điều kiện dự giải (từ {points} điểm và hoạt động từ {m} tháng)."),
            Lang::En => format!("Looks eligible to enter ({points} points or more and {m} months of operation)."),
        }
    }

    pub fn award_gold_in_reach(self, points: &str) -> String {
        match self {
            Lang::Vi => format!("Có khả năng đạt Giải Vàng (từ {points} điểm)."),
            Lang::En => format!("Gold looks within reach ({points} points or more)."),
        }
    }

    pub fn award_gold_needs(self, points: &str) -> String {
        match self {
            Lang::Vi => format!("Giải Vàng cần từ {points} điểm."),
            Lang::En => format!("Gold needs {points} points or more."),
        }
    }

    pub fn result_exported(self, name: &str) -> String {
        match self {
            Lang::Vi => format!("Đã tạo tệp {name}. Hãy gửi tệp này cho Sở Khoa học và Công nghệ (thư điện tử, Zalo hoặc USB)."),
            Lang::En => format!("Made {name}. Send it to the Department of Science and Technology (e-mail, Zalo or a USB stick)."),
        }
    }

    pub fn assessments_found(self, n: usize) -> String {
        let count = format_int(n as i64, self);
        match self {
            Lang::Vi => format!("{count} lượt tự đánh giá"),
            Lang::En if n == 1 => "1 self-assessment".to_string(),
            Lang::En => format!("{count} self-assessments"),
        }
    }

    pub fn creates_enterprise(self, name: &str, tax_code: &str) -> String {
        match self {
            Lang::Vi => format!("Danh bạ chưa có doanh nghiệp mã số thuế {tax_code}: nhập tệp sẽ thêm “{name}” vào danh bạ cùng kết quả tự đánh giá."),
            Lang::En => format!("The register has no enterprise with tax code {tax_code}: importing adds “{name}” to it with its self-assessment."),
        }
    }

    pub fn filed_under_other_name(self, sent: &str, name: &str, tax_code: &str) -> String {
        match self {
            Lang::Vi => format!("Tệp do “{sent}” gửi, với mã số thuế {tax_code}: mã này thuộc “{name}” trong danh bạ, tên khác với tên trong tệp. Nếu nhập, kết quả sẽ được ghi vào hồ sơ “{name}”. Hãy kiểm tra với doanh nghiệp trước (có thể mã số thuế bị gõ nhầm)."),
            Lang::En => format!("The file was sent by “{sent}”, with tax code {tax_code}: that code is “{name}”'s in the register, a different name. If imported, the result goes under “{name}”. Check with the enterprise first (the tax code may have been mistyped)."),
        }
    }

    pub fn filed_under(self, name: &str, tax_code: &str) -> String {
        match self {
            Lang::Vi => format!("Kết quả của doanh nghiệp có mã số thuế {tax_code} sẽ được ghi vào hồ sơ “{name}” trong danh bạ."),
            Lang::En => format!("The result of the enterprise with tax code {tax_code} goes under “{name}” in the register."),
        }
    }
}
