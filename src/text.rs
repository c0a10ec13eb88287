//! Vietnamese-aware text folding and ordering for search and sorting.
//!
//! Officers type on keyboards without Telex/VNI more often than not, so search
//! compares names with diacritics and case removed: `dong thap` finds
//! `Đồng Tháp`, and `d` matches `đ`.

use std::cmp::Ordering;

/// Vietnamese letters by base letter; each row is `base` then its variants.
/// The position inside a row doubles as the collation order of the variant.
const ROWS: [(char, &str); 13] = [
    ('a', "aàáảãạ"),
    ('a', "ăằắẳẵặ"),
    ('a', "âầấẩẫậ"),
    ('d', "d"),
    ('d', "đ"),
    ('e', "eèéẻẽẹ"),
    ('e', "êềếểễệ"),
    ('i', "iìíỉĩị"),
    ('o', "oòóỏõọ"),
    ('o', "ôồốổỗộ"),
    ('o', "ơờớởỡợ"),
    ('u', "uùúủũụ"),
    ('u', "ưừứửữự"),
];
const Y_ROW: &str = "yỳýỷỹỵ";

fn base_of(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    for (base, row) in ROWS {
        if row.contains(c) {
            return base;
        }
    }
    if Y_ROW.contains(c) {
        return 'y';
    }
    c
}

/// Combining marks left by NFD input (for example text pasted from macOS).
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Lower-case, strip Vietnamese diacritics and map `đ` to `d`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_combining(c) {
            continue;
        }
        for lower in c.to_lowercase() {
            out.push(base_of(lower));
        }
    }
    out
}

/// A sort key that orders Vietnamese the way a reader expects: by base letter
/// (a < ă < â < b … d < đ …), then by tone, then by the original text.
/// Precompute it once per record: building it is the costly part of a sort.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CollationKey {
    primary: Vec<u32>,
    tones: Vec<u8>,
    raw: String,
}

impl CollationKey {
    pub fn new(s: &str) -> CollationKey {
        let mut primary = Vec::with_capacity(s.len());
        let mut tones = Vec::with_capacity(s.len());
        for c in s.chars().flat_map(char::to_lowercase) {
            if is_combining(c) {
                continue;
            }
            let (p, t) = letter_rank(c);
            primary.push(p);
            tones.push(t);
        }
        CollationKey { primary, tones, raw: s.to_string() }
    }
}

fn letter_rank(c: char) -> (u32, u8) {
    for (row_index, (base, row)) in ROWS.iter().enumerate() {
        if let Some(pos) = row.chars().position(|v| v == c) {
            // Letters with a modifier (ă, â, đ, ê, ô, ơ, ư) sort right after their base.
            let modifier = ROWS[..row_index].iter().filter(|(b, _)| b == base).count() as u32;
            return (u32::from(*base) * 4 + modifier, pos as u8);
        }
    }
    if let Some(pos) = Y_ROW.chars().position(|v| v == c) {
        return (u32::from('y') * 4, pos as u8);
    }
    (u32::from(c) * 4, 0)
}

/// Compares two strings in Vietnamese alphabetical order.
pub fn compare_vi(a: &str, b: &str) -> Ordering {
    CollationKey::new(a).cmp(&CollationKey::new(b))
}

/// Splits a query into folded words; a record matches when it contains them all.
pub fn query_terms(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_string).collect()
}

/// True when the folded haystack contains every term.
pub fn matches_all(folded_haystack: &str, terms: &[String]) -> bool {
    terms.iter().all(|t| folded_haystack.contains(t.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_every_vietnamese_vowel_and_d() {
        assert_eq!(fold("Đồng Tháp"), "dong thap");
        assert_eq!(fold("ĐĂNG KÝ"), "dang ky");
        assert_eq!(fold("Hợp tác xã Xoài Mỹ Xương"), "hop tac xa xoai my xuong");
        assert_eq!(fold("àáảãạăằắẳẵặâầấẩẫậ"), "a".repeat(17));
        assert_eq!(fold("èéẻẽẹêềếểễệ"), "e".repeat(11));
        assert_eq!(fold("ìíỉĩị"), "iiiii");
        assert_eq!(fold("òóỏõọôồốổỗộơờớởỡợ"), "o".repeat(17));
        assert_eq!(fold("ùúủũụưừứửữự"), "u".repeat(11));
        assert_eq!(fold("ỳýỷỹỵ"), "yyyyy");
        assert_eq!(fold("ĐđDd"), "dddd");
        assert_eq!(fold("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"), "a".repeat(17));
    }

    #[test]
    fn folds_decomposed_input_like_precomposed() {
        // "Tháp" typed as T h a + U+0301 p.
        assert_eq!(fold("Tha\u{301}p"), "thap");
        assert_eq!(fold("Mu\u{31b}\u{300}o\u{31b}i"), "muoi");
    }

    #[test]
    fn keeps_digits_and_punctuation() {
        assert_eq!(fold("0100233488-001"), "0100233488-001");
        assert_eq!(fold("Công ty TNHH <b>"), "cong ty tnhh <b>");
    }

    #[test]
    fn query_matches_without_diacritics_and_in_any_word_order() {
        let hay = fold("Công ty TNHH Thủy sản Đồng Tháp 1400100593");
        assert!(matches_all(&hay, &query_terms("dong thap")));
        assert!(matches_all(&hay, &query_terms("THAP  dong")));
        assert!(matches_all(&hay, &query_terms("thủy")));
        assert!(matches_all(&hay, &query_terms("140010")));
        assert!(!matches_all(&hay, &query_terms("dong nai")));
        assert!(matches_all(&hay, &query_terms("   ")), "an empty query matches everything");
    }

    #[test]
    fn vietnamese_alphabetical_order() {
        let mut names = vec!["Đức", "Dung", "Ân", "Anh", "Ăn", "Bình", "Ơn", "Ông", "Oanh", "Ưu", "Út", "Yến"];
        names.sort_by(|a, b| compare_vi(a, b));
        assert_eq!(names, vec!["Anh", "Ăn", "Ân", "Bình", "Dung", "Đức", "Oanh", "Ông", "Ơn", "Út", "Ưu", "Yến"]);
        assert_eq!(compare_vi("ma", "má"), Ordering::Less, "tone breaks ties");
        assert_eq!(compare_vi("Dz", "Đa"), Ordering::Less, "đ is a letter of its own after d");
        assert_eq!(compare_vi("Ma", "ma"), Ordering::Less, "then the raw text");
    }
}
