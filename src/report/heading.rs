//! What the officer types above and below the report before printing: the
//! agency, the number, the place and date, the title (trích yếu), the
//! recipients ("Nơi nhận") and the signatory, laid out as Decree
//! 30/2020/NĐ-CP, Appendix I, asks. Kept per device (`nscl.report`).

use super::period_text::period_label;
use crate::i18n::Lang;
use crate::indicators::Period;
use serde::{Deserialize, Serialize};

/// Every field is text as typed; an empty title or date means the default
/// (the period's title, today), so a report made next year is not dated last year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Heading {
    /// Cơ quan chủ quản: "UBND TỈNH ĐỒNG THÁP".
    pub parent_agency: String,
    /// Cơ quan ban hành: "SỞ KHOA HỌC VÀ CÔNG NGHỆ".
    pub agency: String,
    /// "Số: …/BC-SKHCN", as the officer writes it.
    pub number: String,
    pub place: String,
    /// `YYYY-MM-DD`, or empty for today.
    pub date: String,
    /// The summary line under "BÁO CÁO", or empty for `default_title`.
    pub title: String,
    /// One recipient a line.
    pub recipients: String,
    /// "GIÁM ĐỐC", or "KT. GIÁM ĐỐC" and "PHÓ GIÁM ĐỐC" on two lines.
    pub signer_position: String,
    pub signer_name: String,
}

impl Default for Heading {
    fn default() -> Self {
        Heading {
            parent_agency: "UBND TỈNH ĐỒNG THÁP".into(),
            agency: "SỞ KHOA HỌC VÀ CÔNG NGHỆ".into(),
            number: "Số:      /BC-SKHCN".into(),
            place: "Đồng Tháp".into(),
            date: String::new(),
            title: String::new(),
            recipients: "Bộ Khoa học và Công nghệ;\nUBND Tỉnh (b/c);\nLãnh đạo Sở;\nLưu: VT, TĐC."
                .into(),
            signer_position: "GIÁM ĐỐC".into(),
            signer_name: String::new(),
        }
    }
}

impl Heading {
    /// The summary line: the officer's, or the period's default.
    pub fn title_or_default(&self, period: Period, lang: Lang) -> String {
        if self.title.trim().is_empty() {
            default_title(period, lang)
        } else {
            self.title.clone()
        }
    }

    /// The recipients, one a line, blank lines left out.
    pub fn recipient_lines(&self) -> Vec<&str> {
        self.recipients
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// The signatory's position, one line each.
    pub fn position_lines(&self) -> Vec<&str> {
        self.signer_position
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// "Đồng Tháp, ngày 05 tháng 02 năm 2026": `date` or else `today` (both `YYYY-MM-DD`).
    pub fn place_and_date(&self, today: &str, lang: Lang) -> String {
        let date = if crate::form::answer::is_date(self.date.trim()) {
            self.date.trim()
        } else {
            today
        };
        date_line(self.place.trim(), date, lang)
    }
}

/// The default summary line of a report for `period`.
pub fn default_title(period: Period, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Sơ kết {} thực hiện Kế hoạch số 105/KH-UBND ngày 01/4/2021 của Ủy ban nhân dân tỉnh về nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp",
            period_label(period, lang)
        ),
        Lang::En => format!("Review of {} under Plan 105/KH-UBND of 1 April 2021 on enterprise productivity and quality", period_label(period, lang)),
    }
}

/// The place-and-date line. Decree 30/2020 writes a day below 10 and the
/// months January and February with a leading zero ("ngày 05 tháng 02"),
/// and other months without ("tháng 12"). A date that is not `YYYY-MM-DD`
/// leaves the blanks to fill by hand.
pub fn date_line(place: &str, iso: &str, lang: Lang) -> String {
    let parts = crate::form::answer::is_date(iso).then(|| {
        let (y, m, d) = (
            &iso[..4],
            iso[5..7].parse::<u32>().unwrap_or(0),
            iso[8..10].parse::<u32>().unwrap_or(0),
        );
        (y.to_string(), m, d)
    });
    let sep = if place.is_empty() { "" } else { ", " };
    match (lang, parts) {
        (Lang::Vi, Some((y, m, d))) => {
            let month = if m <= 2 {
                format!("{m:02}")
            } else {
                m.to_string()
            };
            format!("{place}{sep}ngày {d:02} tháng {month} năm {y}")
        }
        (Lang::Vi, None) => format!("{place}{sep}ngày      tháng      năm"),
        (Lang::En, Some((y, m, d))) => {
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            let month = MONTHS
                .get((m as usize).wrapping_sub(1))
                .copied()
                .unwrap_or("");
            format!("{place}{sep}{d} {month} {y}")
        }
        (Lang::En, None) => format!("{place}{sep}… … …"),
    }
}
