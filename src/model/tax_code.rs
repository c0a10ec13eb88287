//! Vietnamese enterprise tax code (mã số thuế, MST).
//!
//! Layout: a 2-digit province prefix, a 7-digit sequence and one check digit,
//! optionally followed by `-` and a 3-digit branch suffix (`001`..`999`).
//! The check digit is `10 − (Σ wᵢ·dᵢ mod 11)` with weights 31 29 23 19 17 13 7 5 3
//! over the first nine digits; a remainder of 0 has no valid digit, so such
//! codes are never issued.

use std::fmt;
use std::str::FromStr;

const WEIGHTS: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/// A tax code that passed every structural and checksum rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaxCode {
    base: [u8; 10],
    branch: Option<u16>,
}

/// Why a string is not a valid tax code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaxCodeError {
    /// Nothing was entered.
    Empty,
    /// A character other than digits, spaces and one `-` separator.
    InvalidCharacter,
    /// Not 10 digits (or 10 + 3 for a branch).
    InvalidLength,
    /// The branch suffix is `000`.
    InvalidBranch,
    /// The province prefix is `00`.
    ZeroProvincePrefix,
    /// The 7-digit sequence is `0000000`.
    ZeroSequence,
    /// The weighted sum leaves remainder 0, for which no check digit exists.
    NoCheckDigit,
    /// The 10th digit does not match the computed check digit.
    CheckDigitMismatch { expected: u8 },
}

impl TaxCode {
    /// Parses a tax code, tolerating surrounding and inner spaces, and a branch
    /// written either as `0100233488-001` or as 13 contiguous digits.
    ///
    /// ```
    /// use nscl_tracker::model::tax_code::{TaxCode, TaxCodeError};
    /// assert_eq!(TaxCode::parse(" 0100233488 ").unwrap().to_string(), "0100233488");
    /// assert_eq!(TaxCode::parse("0100233488001").unwrap().to_string(), "0100233488-001");
    /// assert_eq!(TaxCode::parse("0100233480"), Err(TaxCodeError::CheckDigitMismatch { expected: 8 }));
    /// ```
    pub fn parse(input: &str) -> Result<TaxCode, TaxCodeError> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return Err(TaxCodeError::Empty);
        }
        // Only ASCII digits and '-' go further, so from here a byte is a
        // character: the length checks count bytes, and 13 digits are split at
        // byte 10, which inside a letter such as 'ấ' would panic.
        if !compact.chars().all(|c| c.is_ascii_digit() || c == '-') {
            return Err(TaxCodeError::InvalidCharacter);
        }
        let (base_str, branch_str) = match compact.split_once('-') {
            Some((b, br)) => (b.to_string(), Some(br.to_string())),
            None if compact.len() == 13 => (compact[..10].to_string(), Some(compact[10..].to_string())),
            None => (compact.clone(), None),
        };
        let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if !all_digits(&base_str) || !branch_str.as_deref().is_none_or(all_digits) {
            return Err(TaxCodeError::InvalidCharacter);
        }
        if base_str.len() != 10 || branch_str.as_ref().is_some_and(|b| b.len() != 3) {
            return Err(TaxCodeError::InvalidLength);
        }
        let mut base = [0u8; 10];
        for (slot, c) in base.iter_mut().zip(base_str.bytes()) {
            *slot = c - b'0';
        }
        let branch = match branch_str {
            Some(b) => match b.parse::<u16>() {
                Ok(0) | Err(_) => return Err(TaxCodeError::InvalidBranch),
                Ok(n) => Some(n),
            },
            None => None,
        };
        if base[..2] == [0, 0] {
            return Err(TaxCodeError::ZeroProvincePrefix);
        }
        if base[2..9].iter().all(|&d| d == 0) {
            return Err(TaxCodeError::ZeroSequence);
        }
        let expected = check_digit(&base[..9]).ok_or(TaxCodeError::NoCheckDigit)?;
        if base[9] != expected {
            return Err(TaxCodeError::CheckDigitMismatch { expected });
        }
        Ok(TaxCode { base, branch })
    }

    /// The 10-digit enterprise code without the branch suffix.
    pub fn base(&self) -> String {
        self.base.iter().map(|d| char::from(b'0' + d)).collect()
    }

    /// The branch number (1..=999), if this is a branch unit.
    pub fn branch(&self) -> Option<u16> {
        self.branch
    }

    /// The two-digit province prefix.
    pub fn province_prefix(&self) -> u8 {
        self.base[0] * 10 + self.base[1]
    }
}

/// The check digit for nine leading digits, or `None` when the remainder is 0.
pub fn check_digit(first_nine: &[u8]) -> Option<u8> {
    let sum: u32 = first_nine.iter().zip(WEIGHTS).map(|(&d, w)| u32::from(d) * w).sum();
    match sum % 11 {
        0 => None,
        r => Some((10 - r) as u8),
    }
}

impl fmt::Display for TaxCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.base())?;
        if let Some(b) = self.branch {
            write!(f, "-{b:03}")?;
        }
        Ok(())
    }
}

impl FromStr for TaxCode {
    type Err = TaxCodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TaxCode::parse(s)
    }
}

impl fmt::Display for TaxCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaxCodeError::Empty => f.write_str("tax code is empty"),
            TaxCodeError::InvalidCharacter => f.write_str("tax code may contain only digits and one '-'"),
            TaxCodeError::InvalidLength => f.write_str("tax code must have 10 digits, or 10 digits, '-' and 3 digits"),
            TaxCodeError::InvalidBranch => f.write_str("branch suffix must be 001 to 999"),
            TaxCodeError::ZeroProvincePrefix => f.write_str("province prefix 00 is not valid"),
            TaxCodeError::ZeroSequence => f.write_str("sequence 0000000 is not valid"),
            TaxCodeError::NoCheckDigit => f.write_str("no valid check digit exists for these nine digits"),
            TaxCodeError::CheckDigitMismatch { expected } => {
                write!(f, "check digit does not match (expected {expected})")
            }
        }
    }
}

impl std::error::Error for TaxCodeError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_known_valid_codes_and_normalises() {
        for (input, shown) in [
            ("0100233488", "0100233488"),
            (" 0100233488 ", "0100233488"),
            ("0100233488-001", "0100233488-001"),
            ("0100233488 - 999", "0100233488-999"),
            ("0100233488001", "0100233488-001"),
            ("1400100593", "1400100593"), // a Đồng Tháp (prefix 14) code
        ] {
            let code = TaxCode::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(code.to_string(), shown, "{input}");
        }
    }

    #[test]
    fn rejects_wrong_check_digit_with_the_expected_one() {
        assert_eq!(TaxCode::parse("0100233480"), Err(TaxCodeError::CheckDigitMismatch { expected: 8 }));
        assert_eq!(TaxCode::parse("0100233489-001"), Err(TaxCodeError::CheckDigitMismatch { expected: 8 }));
    }

    #[test]
    fn rejects_structural_errors() {
        assert_eq!(TaxCode::parse(""), Err(TaxCodeError::Empty));
        assert_eq!(TaxCode::parse("   "), Err(TaxCodeError::Empty));
        assert_eq!(TaxCode::parse("01002334"), Err(TaxCodeError::InvalidLength));
        assert_eq!(TaxCode::parse("01002334881"), Err(TaxCodeError::InvalidLength));
        assert_eq!(TaxCode::parse("0100233488-01"), Err(TaxCodeError::InvalidLength));
        assert_eq!(TaxCode::parse("010023348A"), Err(TaxCodeError::InvalidCharacter));
        assert_eq!(TaxCode::parse("0100233488-00a"), Err(TaxCodeError::InvalidCharacter));
        assert_eq!(TaxCode::parse("0100233488-000"), Err(TaxCodeError::InvalidBranch));
        assert_eq!(TaxCode::parse("0100233488-1-2"), Err(TaxCodeError::InvalidCharacter));
    }

    #[test]
    fn rejects_zero_prefix_and_zero_sequence_even_with_matching_check_digit() {
        // 00 + 1234567: sum = 1*23+2*19+3*17+4*13+5*7+6*5+7*3 = 250, 250 % 11 = 8, check 2.
        assert_eq!(check_digit(&[0, 0, 1, 2, 3, 4, 5, 6, 7]), Some(2));
        assert_eq!(TaxCode::parse("0012345672"), Err(TaxCodeError::ZeroProvincePrefix));
        // 14 + 0000000: sum = 1*31+4*29 = 147, 147 % 11 = 4, check 6.
        assert_eq!(check_digit(&[1, 4, 0, 0, 0, 0, 0, 0, 0]), Some(6));
        assert_eq!(TaxCode::parse("1400000006"), Err(TaxCodeError::ZeroSequence));
    }

    #[test]
    fn remainder_zero_has_no_check_digit() {
        // Search for nine digits whose weighted sum is a multiple of 11, then prove every 10th digit fails.
        let nine = (1u32..)
            .map(|n| {
                let s = format!("14{n:07}");
                s.bytes().map(|b| b - b'0').collect::<Vec<u8>>()
            })
            .find(|d| check_digit(d).is_none())
            .unwrap();
        let prefix: String = nine.iter().map(|d| char::from(b'0' + d)).collect();
        for last in 0..=9 {
            assert_eq!(TaxCode::parse(&format!("{prefix}{last}")), Err(TaxCodeError::NoCheckDigit));
        }
    }

    #[test]
    fn every_remainder_other_than_zero_gives_exactly_one_valid_digit() {
        for n in 1..2000u32 {
            let s = format!("14{n:07}");
            let digits: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
            let valid: Vec<u8> = (0..=9).filter(|d| TaxCode::parse(&format!("{s}{d}")).is_ok()).collect();
            match check_digit(&digits) {
                Some(d) => assert_eq!(valid, vec![d], "{s}"),
                None => assert!(valid.is_empty(), "{s}"),
            }
        }
    }

    #[test]
    fn non_ascii_letters_are_invalid_characters_not_a_crash() {
        // 13 bytes, but 11 characters: "ấ" is three bytes, and byte 10 falls inside it.
        assert_eq!("01234567ấ12".len(), 13);
        assert_eq!(TaxCode::parse("01234567ấ12"), Err(TaxCodeError::InvalidCharacter));
        for input in ["0100233ấ488", "ấ", "0100233488-0ấ", "٠١٠٠٢٣٣٤٨٨", "0100233488\u{301}", "0100233488-00１"] {
            assert_eq!(TaxCode::parse(input), Err(TaxCodeError::InvalidCharacter), "{input}");
        }
    }

    #[test]
    fn exposes_parts() {
        let code = TaxCode::parse("1400100593-012").unwrap();
        assert_eq!(code.base(), "1400100593");
        assert_eq!(code.branch(), Some(12));
        assert_eq!(code.province_prefix(), 14);
        assert_eq!("1400100593".parse::<TaxCode>().unwrap().branch(), None);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::{long_text, numberish, text};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_is_a_code_that_reads_back_from_its_display_or_a_reason(s in prop_oneof![text(), numberish()]) {
            if let Ok(code) = TaxCode::parse(&s) {
                let shown = code.to_string();
                prop_assert_eq!(TaxCode::parse(&shown), Ok(code));
                prop_assert!(shown.len() == 10 || shown.len() == 14, "{}", shown);
            }
        }

        #[test]
        fn every_valid_code_parses_however_it_is_spaced(
            first_nine in proptest::array::uniform9(0u8..10),
            branch in proptest::option::of(1u16..1000),
            contiguous in any::<bool>(),
            spaces in proptest::collection::vec((0usize..16, prop_oneof![Just(" "), Just("\t"), Just("\u{A0}"), Just("\u{3000}")]), 0..4),
        ) {
            prop_assume!(first_nine[..2] != [0, 0] && first_nine[2..].iter().any(|&d| d != 0));
            let Some(check) = check_digit(&first_nine) else { return Ok(()) };
            let base: String = first_nine.iter().chain([&check]).map(|d| char::from(b'0' + d)).collect();
            let shown = match branch {
                Some(b) => format!("{base}-{b:03}"),
                None => base.clone(),
            };
            let mut typed: Vec<char> = match (branch, contiguous) {
                (Some(b), true) => format!("{base}{b:03}"),
                _ => shown.clone(),
            }
            .chars()
            .collect();
            for (at, space) in spaces {
                typed.splice(at.min(typed.len())..at.min(typed.len()), space.chars());
            }
            let typed: String = typed.into_iter().collect();
            let code = TaxCode::parse(&typed);
            prop_assert_eq!(code.as_ref().map(ToString::to_string), Ok(shown), "{:?}", typed);
            prop_assert_eq!(code.map(|c| c.branch()), Ok(branch));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

        #[test]
        fn long_text_needs_ten_digits_to_be_a_code(s in long_text()) {
            prop_assert!(TaxCode::parse(&s).is_err() || s.chars().filter(char::is_ascii_digit).count() >= 10);
        }
    }
}
