//! Vietnamese phone numbers as people type them: with spaces, dots, dashes or
//! brackets between the groups (`0913 456 789`, `0277.3851.234`,
//! `(0277) 3851 234`), with the country code (`+84 913 456 789`), mobiles
//! (10 digits) and landlines (11 digits with the 02xx area code since 2017),
//! and the 1800/1900 service numbers. Stored as digits only, so one number is
//! always written one way and search finds it however it was typed.

/// The number as stored (digits only, national form), or `None` when the
/// text is not a Vietnamese phone number.
pub fn normalise_phone(typed: &str) -> Option<String> {
    let mut digits = String::with_capacity(typed.len());
    let mut plus = false;
    for (i, c) in typed.trim().chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => plus = true,
            ' ' | '.' | '-' | '(' | ')' | '\u{a0}' => {}
            _ => return None,
        }
    }
    // +84 913… and 84 913… are 0913…
    let national = match digits.strip_prefix("84") {
        Some(rest) if plus || (rest.len() >= 9 && !rest.starts_with('0')) => format!("0{rest}"),
        _ if plus => return None,
        _ => digits,
    };
    let len = national.len();
    let ok = if national.starts_with("1800") || national.starts_with("1900") {
        (8..=10).contains(&len)
    } else if national.starts_with("02") {
        len == 11
    } else {
        national.starts_with('0') && len == 10 && national.as_bytes()[1] != b'0'
    };
    ok.then_some(national)
}

/// A number that is not a Vietnamese one but reads as a phone number
/// (`+1 650 253 0000`, `+84 (0) 913 456 789`): 8 to 15 digits with the
/// usual marks. Kept as typed where a contact may be abroad.
pub fn is_other_phone(typed: &str) -> bool {
    let t = typed.trim();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    t.chars().all(|c| c.is_ascii_digit() || " +-.()".contains(c)) && (8..=15).contains(&digits)
}

/// A stored number grouped for reading: `0913 456 789`, `0277 3851 234`,
/// `1900 1234`. Anything else is shown as stored.
pub fn format_phone(stored: &str) -> String {
    let groups: &[usize] = match (stored.len(), stored.starts_with("02"), stored.starts_with('1')) {
        (11, true, _) => &[4, 4, 3],
        (10, false, false) => &[4, 3, 3],
        (8, _, true) => &[4, 4],
        (10, _, true) => &[4, 3, 3],
        _ => return stored.to_string(),
    };
    if !stored.chars().all(|c| c.is_ascii_digit()) {
        return stored.to_string();
    }
    let mut out = Vec::new();
    let mut at = 0;
    for g in groups {
        out.push(&stored[at..at + g]);
        at += g;
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_typed_with_separators_are_stored_as_digits() {
        for (typed, stored) in [
            ("0913 456 789", "0913456789"),
            ("0913.456.789", "0913456789"),
            ("0277.3851.234", "02773851234"),
            ("(0277) 3851 234", "02773851234"),
            ("0277-3851-234", "02773851234"),
            ("+84 913 456 789", "0913456789"),
            ("84913456789", "0913456789"),
            ("+84 277 3851 234", "02773851234"),
            ("1900 1234", "19001234"),
            ("1800 599 920", "1800599920"),
            (" 0912345678 ", "0912345678"),
        ] {
            assert_eq!(normalise_phone(typed).as_deref(), Some(stored), "{typed}");
        }
    }

    #[test]
    fn foreign_numbers_are_recognised_as_phones_but_not_stored_as_vietnamese() {
        assert!(is_other_phone("+1 650 253 0000") && is_other_phone("+84 (0) 913 456 789"));
        assert!(!is_other_phone("12") && !is_other_phone("0913/456/789") && !is_other_phone("abc 12345678"));
        assert_eq!(normalise_phone("+1 650 253 0000"), None);
    }

    #[test]
    fn stored_numbers_are_shown_in_groups() {
        assert_eq!(format_phone("0913456789"), "0913 456 789");
        assert_eq!(format_phone("02773851234"), "0277 3851 234");
        assert_eq!(format_phone("19001234"), "1900 1234");
        assert_eq!(format_phone("0277 3851 234"), "0277 3851 234", "an older record stored as typed is shown as it is");
    }

    #[test]
    fn what_is_not_a_phone_number_is_refused() {
        for typed in ["", "091234567", "09123456789", "0277385123", "abc", "0913 456 78x", "+1 650 253 0000", "0012345678", "12345678", "09+12345678", "0913/456/789"] {
            assert_eq!(normalise_phone(typed), None, "{typed}");
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::text;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_is_read_or_refused_and_a_stored_number_reads_as_itself(s in text()) {
            if let Some(stored) = normalise_phone(&s) {
                prop_assert!(stored.chars().all(|c| c.is_ascii_digit()));
                prop_assert_eq!(normalise_phone(&stored), Some(stored.clone()));
                // Shown grouped, it reads back as itself.
                prop_assert_eq!(normalise_phone(&format_phone(&stored)), Some(stored.clone()));
            }
            // Any text, shown as a stored number or checked as a foreign one, never panics;
            // shown, it keeps every character it had but spaces.
            let shown = format_phone(&s);
            prop_assert_eq!(shown.replace(' ', ""), s.replace(' ', ""));
            if is_other_phone(&s) {
                prop_assert!(s.chars().filter(char::is_ascii_digit).count() >= 8);
            }
        }

        #[test]
        fn separators_never_change_the_number(body in "9[0-9]{8}", seps in proptest::collection::vec(prop_oneof![Just(""), Just(" "), Just("."), Just("-")], 9)) {
            let typed: String = std::iter::once("0".to_string()).chain(body.chars().zip(seps).map(|(c, s)| format!("{s}{c}"))).collect();
            prop_assert_eq!(normalise_phone(&typed), Some(format!("0{body}")));
        }
    }
}
