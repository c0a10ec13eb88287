//! A UTF-8 check done a part at a time. A province's sync file is 46 MiB of text: checked in
//! one piece (`String::from_utf8`) it held the page for about 90 ms, where the page should
//! never be held for more than 50. The caller lets the page breathe between parts.

/// Bytes being checked, and how far they are.
#[derive(Debug)]
pub struct Utf8InParts {
    bytes: Vec<u8>,
    checked: usize,
}

/// What one part of the check found.
#[derive(Debug, PartialEq)]
pub enum Checked {
    More(Utf8InParts),
    Text(String),
    NotUtf8,
}

impl PartialEq for Utf8InParts {
    fn eq(&self, other: &Self) -> bool {
        self.checked == other.checked && self.bytes == other.bytes
    }
}

impl Utf8InParts {
    pub fn new(bytes: Vec<u8>) -> Utf8InParts {
        Utf8InParts { bytes, checked: 0 }
    }

    /// Checks about `budget` more bytes (at least 4, a character's most); the text once every byte is checked.
    pub fn step(mut self, budget: usize) -> Checked {
        let end = self.checked.saturating_add(budget.max(4)).min(self.bytes.len());
        match std::str::from_utf8(&self.bytes[self.checked..end]) {
            Ok(_) => self.checked = end,
            // A character cut by the part's end: the next part starts with it. A part of 4
            // bytes or more that starts a character holds at least one whole one before it.
            Err(e) if e.error_len().is_none() && end < self.bytes.len() => self.checked += e.valid_up_to(),
            Err(_) => return Checked::NotUtf8,
        }
        if self.checked < self.bytes.len() {
            return Checked::More(self);
        }
        // SAFETY: every byte was checked by `from_utf8`, in parts that each start where the
        // one before ended on a character's boundary (its whole length, or its valid prefix
        // when a character was cut), so the whole is UTF-8. Checking it again whole is the
        // 90 ms this type exists to avoid.
        Checked::Text(unsafe { String::from_utf8_unchecked(self.bytes) })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(bytes: Vec<u8>, budget: usize) -> (Option<String>, usize) {
        let mut parts = 0;
        let mut check = Utf8InParts::new(bytes);
        loop {
            parts += 1;
            match check.step(budget) {
                Checked::More(c) => check = c,
                Checked::Text(t) => return (Some(t), parts),
                Checked::NotUtf8 => return (None, parts),
            }
        }
    }

    #[test]
    fn vietnamese_cut_anywhere_reads_whole() {
        let text = "Công ty TNHH Thủy sản Sa Đéc – ước tính 𝔘 năm 2025";
        for budget in 0..text.len() + 2 {
            assert_eq!(check(text.as_bytes().to_vec(), budget).0.as_deref(), Some(text), "budget {budget}");
        }
        assert_eq!(check(Vec::new(), 8), (Some(String::new()), 1), "nothing is text");
    }

    #[test]
    fn a_bad_byte_in_a_later_part_or_a_cut_last_character_is_not_utf8() {
        let mut bytes = "Đồng Tháp ".repeat(10).into_bytes();
        bytes.push(0xFF);
        assert_eq!(check(bytes, 16).0, None);
        let cut = "Tháp Đồ".as_bytes();
        assert_eq!(check(cut[..cut.len() - 1].to_vec(), 2).0, None, "a character cut at the very end is not held over");
    }

    proptest! {
        /// Any bytes, any part size: the same verdict as one check of the whole, the same
        /// text, and a part never ends without progress.
        #[test]
        fn in_parts_agrees_with_a_whole_check(
            bytes in prop_oneof![
                proptest::collection::vec(any::<u8>(), 0..200),
                "[a-zà-ỹĐđ𝔘 ]{0,60}".prop_map(String::into_bytes),
                ("[a-zà-ỹ ]{0,40}", any::<u8>(), 0..40usize).prop_map(|(s, b, at)| { let mut v = s.into_bytes(); let at = at.min(v.len()); v.insert(at, b); v }),
            ],
            budget in 0..24usize,
        ) {
            let whole = String::from_utf8(bytes.clone()).ok();
            let (parts, steps) = check(bytes.clone(), budget);
            prop_assert_eq!(parts, whole);
            prop_assert!(steps <= bytes.len() + 1, "{} steps for {} bytes", steps, bytes.len());
        }
    }
}
