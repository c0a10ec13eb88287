//! The periods indicators are counted over: the plan's five-year terms
//! (2021-2025, 2026-2030) and single years.

/// The first year of the plan's first term; terms follow every five years.
pub const FIRST_TERM_START: i32 = 2021;
pub const TERM_YEARS: i32 = 5;

/// Years from `from` to `to`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub from: i32,
    pub to: i32,
}

impl Period {
    pub const TERM_2021: Period = Period { from: 2021, to: 2025 };
    pub const TERM_2026: Period = Period { from: 2026, to: 2030 };

    pub fn year(y: i32) -> Period {
        Period { from: y, to: y }
    }

    /// The five-year term a year falls in.
    pub fn term_of_year(y: i32) -> Period {
        let from = FIRST_TERM_START + (y - FIRST_TERM_START).div_euclid(TERM_YEARS) * TERM_YEARS;
        Period { from, to: from + TERM_YEARS - 1 }
    }

    pub fn is_year(self) -> bool {
        self.from == self.to
    }

    /// One of the plan's five-year terms.
    pub fn is_term(self) -> bool {
        Period::term_of_year(self.from) == self
    }

    /// The term this period lies in (itself for a term); `None` for a span across terms.
    pub fn term(self) -> Option<Period> {
        let t = Period::term_of_year(self.from);
        (self.to <= t.to).then_some(t)
    }

    /// The years a term view shows for this period: its term, or itself across terms.
    pub fn term_or_self(self) -> Period {
        self.term().unwrap_or(self)
    }

    pub fn years(self) -> std::ops::RangeInclusive<i32> {
        self.from..=self.to
    }

    pub fn len(self) -> i32 {
        self.to - self.from + 1
    }

    pub fn contains(self, year: i32) -> bool {
        (self.from..=self.to).contains(&year)
    }

    /// `2021-2025`, or `2024` for a year: the form URLs and stored targets use.
    pub fn key(self) -> String {
        if self.is_year() {
            self.from.to_string()
        } else {
            format!("{}-{}", self.from, self.to)
        }
    }

    /// Reads a key as `key` writes it (a dash or an en dash between years, spaces
    /// around it allowed); anything else is `None`. Years 1900 to 2200, at most 50 of them.
    pub fn parse(text: &str) -> Option<Period> {
        let year = |t: &str| {
            let t = t.trim();
            (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse::<i32>().ok()).flatten().filter(|y| (1900..=2200).contains(y))
        };
        let (from, to) = match text.split_once(['-', '–']) {
            Some((a, b)) => (year(a)?, year(b)?),
            None => {
                let y = year(text)?;
                (y, y)
            }
        };
        (from <= to && to - from < 50).then_some(Period { from, to })
    }

    /// How much of the period has passed on `today` (`YYYY-MM-DD`), 0 to 1, by
    /// whole days: 0 on its first day, 1 from the day after its last. `None`
    /// when `today` is not a date.
    pub fn elapsed_share(self, today: &str) -> Option<f64> {
        const DAY: i64 = 86_400_000;
        let today = crate::format::parse_iso_date_ms(today)? / DAY;
        let start = crate::format::parse_iso_date_ms(&format!("{:04}-01-01", self.from))? / DAY;
        let end = crate::format::parse_iso_date_ms(&format!("{:04}-01-01", self.to + 1))? / DAY;
        Some(((today - start) as f64 / (end - start) as f64).clamp(0.0, 1.0))
    }

    /// Whether `today` is before the period's first day.
    pub fn not_started(self, today: &str) -> bool {
        today < format!("{:04}-01-01", self.from).as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_terms_and_years() {
        assert_eq!(Period::parse("2021-2025"), Some(Period::TERM_2021));
        assert_eq!(Period::parse(" 2026 – 2030 "), Some(Period::TERM_2026));
        assert_eq!(Period::parse("2024"), Some(Period::year(2024)));
        for bad in ["", "2025-2021", "20241", "abcd", "2024-", "-2024", "1899", "2000-2060", "٢٠٢٤"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
        assert_eq!(Period::TERM_2026.key(), "2026-2030");
        assert_eq!(Period::year(2027).key(), "2027");
        assert_eq!(Period::term_of_year(2025), Period::TERM_2021);
        assert_eq!(Period::term_of_year(2026), Period::TERM_2026);
        assert_eq!(Period::term_of_year(2020), Period { from: 2016, to: 2020 });
        assert!(Period::TERM_2021.is_term() && !Period::year(2021).is_term() && !Period { from: 2022, to: 2026 }.is_term());
        assert_eq!(Period::year(2028).term(), Some(Period::TERM_2026));
        assert_eq!(Period { from: 2024, to: 2027 }.term(), None);
        assert_eq!((Period::year(2028).term_or_self(), Period { from: 2024, to: 2027 }.term_or_self()), (Period::TERM_2026, Period { from: 2024, to: 2027 }));
        assert_eq!(Period::TERM_2021.len(), 5);
    }

    #[test]
    fn elapsed_share_by_whole_days() {
        let t = Period::TERM_2021;
        assert_eq!(t.elapsed_share("2021-01-01"), Some(0.0));
        assert_eq!(t.elapsed_share("2020-06-01"), Some(0.0));
        assert!(t.not_started("2020-12-31") && !t.not_started("2021-01-01"));
        assert_eq!(t.elapsed_share("2026-01-01"), Some(1.0));
        assert_eq!(t.elapsed_share("2030-01-01"), Some(1.0));
        // 2021-2025 has 1,826 days (2024 is a leap year); 2023-07-03 is day 913, half way.
        assert_eq!(t.elapsed_share("2023-07-03"), Some(913.0 / 1826.0));
        assert_eq!(Period::year(2024).elapsed_share("2024-12-31"), Some(365.0 / 366.0));
        assert_eq!(t.elapsed_share("not a date"), None);
        assert_eq!(t.elapsed_share("2024-02-30"), None);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::{numberish, text};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_parses_to_a_period_whose_key_reads_back(s in prop_oneof![text(), numberish(), "[0-9]{4}[-–][0-9]{4}", "[0-9]{4}"]) {
            if let Some(p) = Period::parse(&s) {
                prop_assert!(p.from <= p.to);
                prop_assert_eq!(Period::parse(&p.key()), Some(p));
            }
        }

        #[test]
        fn any_text_as_today_never_panics(s in prop_oneof![text(), "[0-9]{4}-[0-9]{2}-[0-9]{2}"], y in 1900i32..2200) {
            if let Some(share) = Period::term_of_year(y).elapsed_share(&s) {
                prop_assert!((0.0..=1.0).contains(&share));
            }
        }
    }
}
