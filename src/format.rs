//! Number and date formats. Vietnamese groups thousands with `.` and uses `,`
//! for decimals (`1.234.567`, `2,5`); dates are day/month/year (`24/11/2026`).

use crate::i18n::Lang;
use chrono::{DateTime, Datelike, NaiveDate, Timelike};

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    }
}

fn group_digits(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `1234567` → `1.234.567` (vi) or `1,234,567` (en).
pub fn format_int(n: i64, lang: Lang) -> String {
    let (group, _) = separators(lang);
    let digits = n.unsigned_abs().to_string();
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", group_digits(&digits, group))
}

/// A decimal with at most `max_decimals` places, trailing zeros dropped:
/// `1234.5` → `1.234,5` (vi).
pub fn format_decimal(x: f64, max_decimals: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return String::from("—");
    }
    let (group, point) = separators(lang);
    // A form may ask for any number of decimals; past 20 they are all zeros or noise, and
    // billions of them would never finish.
    let fixed = format!("{:.*}", max_decimals.min(20), x.abs());
    let (int_part, frac_part) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac_part.trim_end_matches('0');
    let sign = if x < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
    let mut out = format!("{sign}{}", group_digits(int_part, group));
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A number in a form answer or rule: below 10,000 without a thousands
/// separator, so a year reads as 2025 and not 2.025; above, grouped.
pub fn format_answer_number(x: f64, lang: Lang) -> String {
    if x.abs() < 10_000.0 {
        let (_, point) = separators(lang);
        let s = format!("{}", (x * 1e6).round() / 1e6);
        s.replace('.', &point.to_string())
    } else {
        format_decimal(x, 6, lang)
    }
}

/// Why typed text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    NotANumber,
    /// Marks that cannot be thousands groups where they stand (`2,5,6`,
    /// `1.2.3`, `1,2.3`): refused, never read as some other number.
    Grouping,
}

/// Parses a number as officers type it: `2,5`, `2.5`, `1.234,5`, `1,234.5`,
/// `1 234`. Vietnamese groups thousands with `.` and marks decimals with
/// `,`; officers also type the English way, so:
/// - with both marks, the last one is the decimal mark and appears once;
/// - a mark that appears several times groups thousands;
/// - a lone mark followed by exactly three digits is what the language says
///   (`2.500` is 2500 in Vietnamese and 2.5 in English: `is_ambiguous`
///   tells the form to show the value back); otherwise it is the decimal mark.
///
/// Thousands groups must be whole: 1-3 digits, not starting with 0, then
/// groups of exactly 3.
pub fn read_decimal(input: &str, lang: Lang) -> Result<f64, NumberError> {
    let s: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(NumberError::NotANumber);
    }
    let (group_mark, _) = separators(lang);
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let (int_part, frac_part, grouping): (&str, &str, Option<char>) = match (dots, commas) {
        (0, 0) => (body, "", None),
        (d, c) if d > 0 && c > 0 => {
            let decimal = if body.rfind('.') > body.rfind(',') { '.' } else { ',' };
            let grouping = if decimal == '.' { ',' } else { '.' };
            if body.matches(decimal).count() > 1 {
                return Err(NumberError::Grouping);
            }
            let (i, f) = body.split_once(decimal).unwrap_or((body, ""));
            (i, f, Some(grouping))
        }
        (1, 0) | (0, 1) => {
            let mark = if dots == 1 { '.' } else { ',' };
            let (i, f) = body.split_once(mark).unwrap_or((body, ""));
            if mark == group_mark && f.len() == 3 && whole_groups(i, None) {
                (body, "", Some(mark))
            } else {
                (i, f, None)
            }
        }
        _ => (body, "", Some(if dots > 0 { '.' } else { ',' })),
    };
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    let int_ok = match grouping {
        Some(mark) => whole_groups(int_part, Some(mark)),
        // `,5` is half; `5,` and a bare mark are not numbers.
        None => digits(int_part),
    };
    if !int_ok {
        return Err(if grouping.is_some() { NumberError::Grouping } else { NumberError::NotANumber });
    }
    if !digits(frac_part) || (frac_part.is_empty() && body.len() > int_part.len()) || (int_part.is_empty() && frac_part.is_empty()) {
        return Err(NumberError::NotANumber);
    }
    let int_digits: String = int_part.chars().filter(char::is_ascii_digit).collect();
    let text = format!("{}{}.{}", if negative { "-" } else { "" }, if int_digits.is_empty() { "0" } else { &int_digits }, if frac_part.is_empty() { "0" } else { frac_part });
    text.parse::<f64>().ok().filter(|v| v.is_finite()).ok_or(NumberError::NotANumber)
}

/// Whether `int` is digits in thousands groups split by `mark` (or, with
/// `None`, one leading group of 1-3 digits not starting with 0).
fn whole_groups(int: &str, mark: Option<char>) -> bool {
    let lead_ok = |g: &str| (1..=3).contains(&g.len()) && g.chars().all(|c| c.is_ascii_digit()) && (g == "0" || !g.starts_with('0'));
    match mark {
        None => lead_ok(int) && int != "0",
        Some(m) => {
            let mut groups = int.split(m);
            let first = groups.next().unwrap_or("");
            let rest: Vec<&str> = groups.collect();
            if rest.is_empty() {
                return !int.is_empty() && int.chars().all(|c| c.is_ascii_digit());
            }
            lead_ok(first) && first != "0" && rest.iter().all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
        }
    }
}

/// The same, for callers that only need the value.
pub fn parse_decimal(input: &str, lang: Lang) -> Option<f64> {
    read_decimal(input, lang).ok()
}

/// Whether typed text means different numbers in the two conventions
/// (`2.500`, `1,250`): a lone mark followed by exactly three digits after a
/// short whole part. It is read the current language's way, and the form
/// shows the value back so a thousandfold slip is seen before saving.
pub fn is_ambiguous(input: &str) -> bool {
    let s: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let body = s.strip_prefix('-').unwrap_or(&s);
    let marks = body.matches(['.', ',']).count();
    marks == 1 && body.split_once(['.', ',']).is_some_and(|(i, f)| f.len() == 3 && f.chars().all(|c| c.is_ascii_digit()) && whole_groups(i, None))
}

/// Text typed as a number in `from`, written so that `to` reads the same number: what a form
/// does with its fields when the page's language changes under them. Only an entry the two
/// conventions read differently changes (`2.500`, 2500 in Vietnamese, becomes `2,500` in
/// English); any other text, a number or not, is left exactly as typed. Without it, a field the
/// officer never touched would be saved as another number (2500 → 2.5).
pub fn in_language(text: &str, from: Lang, to: Lang) -> String {
    if from == to || !is_ambiguous(text) {
        return text.to_string();
    }
    // Its one mark is a thousands group in one language exactly when the other mark is in the
    // other: swapping it keeps the number. Text, not a float written out again: the crash
    // rescue's filling (in the first download) calls this, and float formatting is large.
    text.chars().map(|c| match c {
        '.' => ',',
        ',' => '.',
        c => c,
    }).collect()
}

/// A stored amount as the detail page shows it: up to `max_decimals`
/// places, or more when those would round a non-zero value to 0
/// (`0,0001` stays `0,0001`, not `0`).
pub fn format_amount(x: f64, max_decimals: usize, lang: Lang) -> String {
    let mut decimals = max_decimals;
    while decimals < 12 && x != 0.0 && x.is_finite() && (x.abs() * 10f64.powi(decimals as i32)).round() == 0.0 {
        decimals += 1;
    }
    format_decimal(x, decimals, lang)
}

/// A share in percent, with at most one decimal: `98,3%` (vi), `98.3%` (en), `100%`.
pub fn format_percent(x: f64, lang: Lang) -> String {
    format!("{}%", format_decimal(x, 1, lang))
}

/// Parses a whole number, allowing thousands groups: `1.234` → 1234, while
/// `12,5` is refused rather than read as 125.
pub fn parse_count(input: &str) -> Option<u32> {
    let s: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let mut groups = s.split(['.', ',']);
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let well_formed = !first.is_empty()
        && first.chars().all(|c| c.is_ascii_digit())
        && rest.iter().all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    if !well_formed {
        return None;
    }
    s.replace(['.', ','], "").parse().ok()
}

/// Milliseconds of UTC midnight starting `YYYY-MM-DD`, or `None` for anything that is not such a date.
pub fn parse_iso_date_ms(iso: &str) -> Option<i64> {
    let mut parts = iso.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    // chrono refuses 2026-02-30 and the like, which day arithmetic would roll over into March.
    Some(NaiveDate::from_ymd_opt(y, m, d)?.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis())
}

/// Local calendar parts of a Unix time in milliseconds, given the offset of
/// local time from UTC in minutes (Vietnam: +420).
fn local_parts(unix_ms: i64, offset_minutes: i32) -> (i64, u32, u32, u32, u32) {
    // Saturating: a time read from a file can be anything, and overflow panics in a debug build.
    let local_ms = unix_ms.saturating_add(i64::from(offset_minutes) * 60_000);
    match DateTime::from_timestamp_millis(local_ms) {
        Some(t) => (i64::from(t.year()), t.month(), t.day(), t.hour(), t.minute()),
        // Over 262,000 years from now: only a damaged file holds such a time; show the nearest
        // date chrono knows rather than fail.
        None => {
            let edge = if local_ms < 0 { NaiveDate::MIN } else { NaiveDate::MAX };
            (i64::from(edge.year()), edge.month(), edge.day(), 0, 0)
        }
    }
}

/// `24/11/2026`.
pub fn format_date(unix_ms: i64, offset_minutes: i32) -> String {
    let (y, m, d, _, _) = local_parts(unix_ms, offset_minutes);
    format!("{d:02}/{m:02}/{y}")
}

/// `2026-11-24`: the local day as form rules and date inputs write it.
pub fn iso_date(unix_ms: i64, offset_minutes: i32) -> String {
    let (y, m, d, _, _) = local_parts(unix_ms, offset_minutes);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `24/11/2026` from `2026-11-24`; anything else is returned as it is.
pub fn format_iso_date(iso: &str) -> String {
    match iso.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] if y.len() == 4 => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

/// A day as typed in Vietnam, day first: `24/11/2026`, `4/1/2026`,
/// `24-11-2026`, `24.11.2026`; or pasted as `2026-11-24`. Gives the day as
/// `YYYY-MM-DD` (what is stored), or `None` for anything that is not a real
/// day. The browser's own date input is not used: it shows the browser's
/// locale (month first in en-US), which officers would misread.
pub fn parse_day(typed: &str) -> Option<String> {
    let t = typed.trim();
    if parse_iso_date_ms(t).is_some() {
        return Some(t.to_string());
    }
    let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
    let [d, m, y] = parts.as_slice() else { return None };
    let digits = |s: &str, lens: std::ops::RangeInclusive<usize>| lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(d, 1..=2) || !digits(m, 1..=2) || !digits(y, 4..=4) {
        return None;
    }
    let iso = format!("{y}-{m:0>2}-{d:0>2}");
    parse_iso_date_ms(&iso).map(|_| iso)
}

/// `2026-11-24T09:05`: the local time as a file name is made from.
pub fn iso_date_time(unix_ms: i64, offset_minutes: i32) -> String {
    let (y, m, d, h, min) = local_parts(unix_ms, offset_minutes);
    format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}")
}

/// `24/11/2026 09:05`.
pub fn format_date_time(unix_ms: i64, offset_minutes: i32) -> String {
    let (y, m, d, h, min) = local_parts(unix_ms, offset_minutes);
    format!("{d:02}/{m:02}/{y} {h:02}:{min:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_follow_the_local_day() {
        assert_eq!(iso_date_time(1_764_009_000_000, 420), "2025-11-25T01:30");
        // 2026-11-24 18:30 UTC is already the 25th in Vietnam.
        let ms = 1_795_545_000_000;
        assert_eq!(iso_date(ms, 0), "2026-11-24");
        assert_eq!(iso_date(ms, 420), "2026-11-25");
        assert_eq!(format_iso_date("2026-11-25"), "25/11/2026");
        assert_eq!(format_iso_date("bad"), "bad");
    }

    #[test]
    fn iso_dates_parse_back_to_their_day() {
        for ms in [0, 1_795_545_000_000, 951_782_400_000, -86_400_000] {
            let day = iso_date(ms, 0);
            assert_eq!(parse_iso_date_ms(&day).map(|m| iso_date(m, 0)), Some(day.clone()), "{day}");
        }
        assert_eq!(parse_iso_date_ms("2024-02-29"), Some(1_709_164_800_000));
        for bad in ["2026-02-30", "2025-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01-01", "+202-01-01", "2026-+1-01", ""] {
            assert_eq!(parse_iso_date_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn percents_have_one_decimal_at_most() {
        assert_eq!(format_percent(100.0 * 28.5 / 29.0, Lang::Vi), "98,3%");
        assert_eq!(format_percent(100.0 * 28.5 / 29.0, Lang::En), "98.3%");
        assert_eq!(format_percent(100.0, Lang::Vi), "100%");
        assert_eq!(format_percent(0.0, Lang::En), "0%");
    }

    #[test]
    fn answer_numbers_keep_years_whole() {
        assert_eq!(format_answer_number(2025.0, Lang::Vi), "2025");
        assert_eq!(format_answer_number(35.5, Lang::Vi), "35,5");
        assert_eq!(format_answer_number(35.5, Lang::En), "35.5");
        assert_eq!(format_answer_number(85_000.0, Lang::Vi), "85.000");
        assert_eq!(format_answer_number(-3.0, Lang::En), "-3");
    }

    #[test]
    fn integers_group_by_language() {
        assert_eq!(format_int(1_234_567, Lang::Vi), "1.234.567");
        assert_eq!(format_int(1_234_567, Lang::En), "1,234,567");
        assert_eq!(format_int(0, Lang::Vi), "0");
        assert_eq!(format_int(999, Lang::Vi), "999");
        assert_eq!(format_int(1000, Lang::Vi), "1.000");
        assert_eq!(format_int(-12_500, Lang::Vi), "-12.500");
    }

    #[test]
    fn an_entry_read_two_ways_is_written_again_for_the_new_language() {
        assert_eq!(in_language("2.500", Lang::Vi, Lang::En), "2,500");
        assert_eq!(in_language("2.500", Lang::En, Lang::Vi), "2,500");
        assert_eq!(in_language("1,250", Lang::Vi, Lang::En), "1.250");
        assert_eq!(in_language("-1,125", Lang::En, Lang::Vi), "-1.125");
        // Read the same either way, or not a number: left as typed.
        for kept in ["2,5", "1.234,5", "2500", "2,5,6", "abc", "", "0.125"] {
            assert_eq!(in_language(kept, Lang::Vi, Lang::En), kept);
        }
        assert_eq!(in_language("2.500", Lang::Vi, Lang::Vi), "2.500");
    }

    #[test]
    fn decimals_use_comma_in_vietnamese() {
        assert_eq!(format_decimal(1234.5, 2, Lang::Vi), "1.234,5");
        assert_eq!(format_decimal(1234.5, 2, Lang::En), "1,234.5");
        assert_eq!(format_decimal(3.0, 2, Lang::Vi), "3");
        assert_eq!(format_decimal(0.126, 2, Lang::Vi), "0,13");
        assert_eq!(format_decimal(-0.001, 2, Lang::Vi), "0");
        assert_eq!(format_decimal(f64::NAN, 2, Lang::Vi), "—");
    }

    #[test]
    fn entries_that_mean_two_numbers_are_told_apart() {
        use Lang::*;
        for text in ["2.500", "1,250", "-2.500", "999,999"] {
            assert!(is_ambiguous(text), "{text}");
        }
        for text in ["2.5", "2,50", "0.500", "1.234,5", "1.234.567", "12500", "1234.567"] {
            assert!(!is_ambiguous(text), "{text}");
        }
        assert_eq!((parse_decimal("2.500", Vi), parse_decimal("2.500", En)), (Some(2500.0), Some(2.5)));
        assert_eq!((parse_decimal("1,250", Vi), parse_decimal("1,250", En)), (Some(1.25), Some(1250.0)));
    }

    #[test]
    fn days_are_typed_day_first() {
        for (typed, iso) in [("24/11/2026", "2026-11-24"), ("4/1/2026", "2026-01-04"), (" 24-11-2026 ", "2026-11-24"), ("24.11.2026", "2026-11-24"), ("2026-11-24", "2026-11-24"), ("29/02/2028", "2028-02-29")] {
            assert_eq!(parse_day(typed).as_deref(), Some(iso), "{typed}");
            assert_eq!(parse_day(&format_iso_date(iso)).as_deref(), Some(iso), "shown back, it reads as the same day");
        }
        for bad in ["", "11/24/2026", "30/02/2026", "24/11/26", "24/11", "2026/11/24", "a/b/cdef", "24//2026", "１/1/2026"] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
        assert_eq!(format_iso_date("2026-01-04"), "04/01/2026");
    }

    #[test]
    fn a_small_amount_keeps_its_precision() {
        assert_eq!(format_amount(0.0001, 3, Lang::Vi), "0,0001");
        assert_eq!(format_amount(0.00049, 3, Lang::En), "0.0005");
        assert_eq!(format_amount(2.5, 3, Lang::Vi), "2,5");
        assert_eq!(format_amount(0.0, 3, Lang::Vi), "0");
        assert_eq!(format_amount(1e-15, 3, Lang::Vi), "0");
    }

    #[test]
    fn parses_numbers_as_typed() {
        use Lang::*;
        assert_eq!(parse_decimal("2,5", Vi), Some(2.5));
        assert_eq!(parse_decimal("2.5", Vi), Some(2.5));
        assert_eq!(parse_decimal("2,5", En), Some(2.5));
        assert_eq!(parse_decimal("1.234", Vi), Some(1234.0));
        assert_eq!(parse_decimal("1.234", En), Some(1.234));
        assert_eq!(parse_decimal("1,234", En), Some(1234.0));
        assert_eq!(parse_decimal("1,234", Vi), Some(1.234));
        assert_eq!(parse_decimal("1.234,5", Vi), Some(1234.5));
        assert_eq!(parse_decimal("1,234.5", Vi), Some(1234.5));
        assert_eq!(parse_decimal("1.234.567", En), Some(1_234_567.0));
        assert_eq!(parse_decimal(" 12 500 ", Vi), Some(12_500.0));
        assert_eq!(parse_decimal("abc", Vi), None);
        assert_eq!(parse_decimal("1e9", Vi), None);
        assert_eq!(parse_decimal("", Vi), None);
        assert_eq!(parse_decimal("0.500", Vi), Some(0.5), "a thousands group never starts with 0");
        assert_eq!(parse_decimal(",5", Vi), Some(0.5));
        assert_eq!(parse_decimal("-1.234,5", Vi), Some(-1234.5));
        assert_eq!(parse_decimal("1234.567", Vi), Some(1234.567), "four digits before the mark: not a group");
        assert_eq!(parse_decimal("1,234,567", Vi), Some(1_234_567.0), "English grouping typed in Vietnamese");
        for bad in ["5,", ",", ".", "-", "1-2", "--5"] {
            assert_eq!(read_decimal(bad, Vi), Err(NumberError::NotANumber), "{bad}");
        }
        // Marks that cannot be thousands groups are refused, never read as another number.
        for bad in ["2,5,6", "1.2.3", "1,2.3", "12,34.5", "1.000,5.5", "1,000.5,5", "0.123.456", "1.23.456", "1.2345.678", "1..2"] {
            for lang in Lang::ALL {
                assert_eq!(read_decimal(bad, lang), Err(NumberError::Grouping), "{bad} {lang:?}");
            }
        }
        assert_eq!(parse_count("1.234"), Some(1234));
        assert_eq!(parse_count("1,234,567"), Some(1_234_567));
        assert_eq!(parse_count("45"), Some(45));
        assert_eq!(parse_count("-3"), None);
        assert_eq!(parse_count("12,5"), None);
        assert_eq!(parse_count("4,5x"), None);
        assert_eq!(parse_count(""), None);
    }

    #[test]
    fn formatted_numbers_parse_back() {
        for lang in Lang::ALL {
            for x in [0.0, 2.5, 999.0, 1000.0, 1234.0, 1234.5, 1_234_567.25, 0.001] {
                assert_eq!(parse_decimal(&format_decimal(x, 6, lang), lang), Some(x), "{x} {lang:?}");
            }
        }
    }

    #[test]
    fn times_at_the_ends_of_the_range_format_without_overflow() {
        for ms in [i64::MIN, i64::MIN + 1, i64::MAX, i64::MAX - 1] {
            for offset in [i32::MIN, -720, 0, 420, i32::MAX] {
                assert!(!format_date_time(ms, offset).is_empty());
                assert!(!iso_date(ms, offset).is_empty());
            }
        }
        assert_eq!(format_decimal(1.0 / 3.0, usize::MAX, Lang::En), "0.33333333333333331483", "decimals are capped at 20");
    }

    #[test]
    fn dates_are_day_month_year_in_local_time() {
        // 2026-11-24T00:30:00Z is 07:30 the same day in Vietnam.
        let ms = 1_795_480_200_000;
        assert_eq!(format_date(ms, 420), "24/11/2026");
        assert_eq!(format_date_time(ms, 420), "24/11/2026 07:30");
        // 2026-11-23T20:00:00Z is already the 24th in Vietnam.
        assert_eq!(format_date(1_795_464_000_000, 420), "24/11/2026");
        assert_eq!(format_date(1_795_464_000_000, 0), "23/11/2026");
        assert_eq!(format_date(0, 0), "01/01/1970");
        assert_eq!(format_date(951_782_400_000, 0), "29/02/2000");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::{long_text, numberish, text};
    use proptest::prelude::*;

    fn lang() -> impl Strategy<Value = Lang> {
        prop_oneof![Just(Lang::Vi), Just(Lang::En)]
    }

    /// Entries like `2.500` and `-1,125`, which random text rarely is (`0,125` and the like too,
    /// which only one way reads).
    fn ambiguous() -> impl Strategy<Value = String> {
        (prop_oneof![Just(""), Just("-")], 0u32..1000, prop_oneof![Just('.'), Just(',')], 0u32..1000).prop_map(|(sign, int, mark, frac)| format!("{sign}{int}{mark}{frac:03}"))
    }

    proptest! {
        #[test]
        fn typed_numbers_are_finite_or_refused(s in prop_oneof![numberish(), text()], lang in lang()) {
            if let Some(x) = parse_decimal(&s, lang) {
                prop_assert!(x.is_finite(), "{:?} read as {}", s, x);
            }
            // An entry flagged as meaning two numbers is a number in both conventions.
            if is_ambiguous(&s) {
                prop_assert!(parse_decimal(&s, Lang::Vi).is_some() && parse_decimal(&s, Lang::En).is_some(), "{:?}", s);
            }
            if let Some(n) = parse_count(&s) {
                let digits: String = s.chars().filter(char::is_ascii_digit).collect();
                prop_assert_eq!(digits.parse::<u64>().ok(), Some(u64::from(n)), "{:?}", s);
            }
        }

        #[test]
        fn formatted_decimals_parse_back(m in -999_999_999_999_999i64..=999_999_999_999_999, k in 0u32..=6, lang in lang()) {
            // At most 15 significant digits and 6 decimals: exactly what a double and format_decimal(…, 6) keep.
            let x = m as f64 / 10f64.powi(k as i32);
            let shown = format_decimal(x, 6, lang);
            prop_assert_eq!(parse_decimal(&shown, lang), Some(x), "{}", shown);
        }

        #[test]
        fn grouping_is_read_only_when_every_group_is_whole(groups in proptest::collection::vec(0u32..1000, 1..5), widths in proptest::collection::vec(1usize..5, 1..5), mark in prop_oneof![Just('.'), Just(',')], lang in lang()) {
            // Digits split by one mark at random widths: read as thousands only when the split is whole.
            let parts: Vec<String> = groups.iter().zip(widths.iter().cycle()).map(|(g, w)| format!("{:0w$}", g % 10u32.pow(*w as u32), w = *w)).collect();
            let text = parts.join(&mark.to_string());
            let whole = parts.len() > 1 && (1..=3).contains(&parts[0].len()) && !parts[0].starts_with('0') && parts[1..].iter().all(|p| p.len() == 3);
            match read_decimal(&text, lang) {
                Ok(x) if parts.len() > 2 => {
                    prop_assert!(whole, "{} read as {}", text, x);
                    prop_assert_eq!(x, parts.concat().parse::<f64>().unwrap());
                }
                Err(NumberError::Grouping) => prop_assert!(!whole && parts.len() > 2, "{}", text),
                _ => {}
            }
        }

        #[test]
        fn any_typed_day_is_read_or_refused_and_shown_days_read_back(s in text(), y in 1900i32..2200, m in 1u32..=12, d in 1u32..=28) {
            if let Some(iso) = parse_day(&s) {
                prop_assert!(parse_iso_date_ms(&iso).is_some());
            }
            let iso = format!("{y:04}-{m:02}-{d:02}");
            prop_assert_eq!(parse_day(&format_iso_date(&iso)), Some(iso));
        }

        #[test]
        fn a_number_keeps_its_value_when_the_language_changes(s in prop_oneof![numberish(), text(), ambiguous()], from in lang(), to in lang()) {
            let moved = in_language(&s, from, to);
            match read_decimal(&s, from) {
                Ok(x) => prop_assert_eq!(read_decimal(&moved, to), Ok(x), "{:?} → {:?}", s, moved),
                // Not a number: the text stays exactly as typed, to be corrected by the officer.
                Err(_) => prop_assert_eq!(&moved, &s),
            }
            // Only what the two conventions read differently is written again.
            if !is_ambiguous(&s) {
                prop_assert_eq!(&moved, &s);
            }
        }

        #[test]
        fn formatted_counts_parse_back(n in any::<u32>(), lang in lang()) {
            prop_assert_eq!(parse_count(&format_int(i64::from(n), lang)), Some(n));
        }

        #[test]
        fn an_iso_date_is_the_day_it_names(s in prop_oneof![text(), (0u32..=9999, 0u32..=13, 0u32..=32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))]) {
            if let Some(ms) = parse_iso_date_ms(&s) {
                prop_assert_eq!(iso_date(ms, 0), s.clone());
            }
            if crate::form::answer::is_date(&s) {
                prop_assert!(parse_iso_date_ms(&s).is_some(), "{}", s);
            }
            let _ = format_iso_date(&s);
        }

        #[test]
        fn any_time_and_offset_format(ms in any::<i64>(), offset in any::<i32>(), x in any::<f64>(), decimals in any::<usize>(), lang in lang()) {
            prop_assert!(format_date_time(ms, offset).contains('/'));
            prop_assert!(iso_date(ms, offset).contains('-'));
            prop_assert!(!format_decimal(x, decimals, lang).is_empty());
            prop_assert!(!format_answer_number(x, lang).is_empty());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

        #[test]
        fn long_text_is_a_number_or_refused(s in long_text(), lang in lang()) {
            prop_assert!(parse_decimal(&s, lang).is_none_or(f64::is_finite));
            prop_assert!(parse_count(&s).is_none() || s.chars().any(|c| c.is_ascii_digit()));
            prop_assert!(parse_iso_date_ms(&s).is_none() || s.chars().count() == 10);
        }
    }
}
