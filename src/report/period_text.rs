//! The report's periods (`indicators::Period`) in words, and the choices the page offers.

use crate::i18n::Lang;
use crate::indicators::Period;

/// "năm 2024" / "giai đoạn 2021 - 2025"; "2024" / "2021-2025".
pub fn period_label(p: Period, lang: Lang) -> String {
    match (lang, p.is_year()) {
        (Lang::Vi, true) => format!("năm {}", p.from),
        (Lang::Vi, false) => format!("giai đoạn {} - {}", p.from, p.to),
        (Lang::En, true) => p.from.to_string(),
        (Lang::En, false) => format!("{}-{}", p.from, p.to),
    }
}

/// What the selector offers: the plan's two terms, then each year from `this_year` back to 2021.
pub fn period_choices(this_year: i32) -> Vec<Period> {
    let mut out = vec![Period::TERM_2021, Period::TERM_2026];
    out.extend((2021..=this_year.clamp(2021, 2030)).rev().map(Period::year));
    out
}
