//! Vietnamese-aware text folding and ordering for search and sorting.
//!
//! Officers type on keyboards without Telex/VNI more often than not, so search
//! compares names with diacritics and case removed: `dong thap` finds
//! `Đồng Tháp`, and `d` matches `đ`.

use std::borrow::Cow;
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

/// Every letter of `ROWS` and `Y_ROW`, sorted by letter: (letter, base letter,
/// primary rank, tone). Looked up, not scanned: folding and sort keys look at
/// every letter of every name, and a scan of the rows per letter was most of
/// the register's first read at province scale (`docs/benchmarks.md`).
fn letters() -> &'static [(char, char, u32, u8)] {
    static LETTERS: std::sync::OnceLock<Vec<(char, char, u32, u8)>> = std::sync::OnceLock::new();
    LETTERS.get_or_init(|| {
        let mut all = Vec::new();
        for (row_index, (base, row)) in ROWS.iter().enumerate() {
            // Letters with a modifier (ă, â, đ, ê, ô, ơ, ư) sort right after their base.
            let modifier = ROWS[..row_index].iter().filter(|(b, _)| b == base).count() as u32;
            all.extend(row.chars().enumerate().map(|(tone, c)| (c, *base, u32::from(*base) * 4 + modifier, tone as u8)));
        }
        all.extend(Y_ROW.chars().enumerate().map(|(tone, c)| (c, 'y', u32::from('y') * 4, tone as u8)));
        crate::sort::sort_by_key(&mut all, |x| x.0);
        all
    })
}

fn letter(c: char) -> Option<&'static (char, char, u32, u8)> {
    let all = letters();
    all.binary_search_by_key(&c, |x| x.0).ok().map(|i| &all[i])
}

fn base_of(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    letter(c).map_or(c, |x| x.1)
}

/// Combining marks left by NFD input (for example text pasted from macOS).
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// The marks that turn a plain vowel into another letter of the alphabet,
/// as decomposed (NFD) text writes them: (vowel, combining mark, letter).
const MODIFIERS: [(char, char, char); 6] = [
    ('a', '\u{306}', 'ă'),
    ('a', '\u{302}', 'â'),
    ('e', '\u{302}', 'ê'),
    ('o', '\u{302}', 'ô'),
    ('o', '\u{31B}', 'ơ'),
    ('u', '\u{31B}', 'ư'),
];

/// The combining tone marks, in the order of the variants in a row of `ROWS`:
/// grave, acute, hook above, tilde, dot below.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// The row of a lower-case letter, and its position there (its tone, 0 for none).
fn row_of(c: char) -> Option<(&'static str, usize)> {
    ROWS.iter().map(|(_, row)| *row).chain([Y_ROW]).find_map(|row| row.chars().position(|v| v == c).map(|tone| (row, tone)))
}

fn single_lowercase(c: char) -> Option<char> {
    let mut lower = crate::case::lower(c);
    match (lower.next(), lower.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

/// Composes decomposed Vietnamese (NFD, as pasted from macOS or Word: `a` +
/// U+0302 + U+0301) into precomposed letters (`ấ`), so it compares, sorts and
/// counts like the same text typed on a Vietnamese keyboard. The marks may come
/// in any order and on a letter that already has some (`â` + U+0301). Marks
/// that do not make a Vietnamese letter are left as they are. Text without a
/// combining mark is returned as it is, without copying.
///
/// ```
/// use nscl_tracker::text::compose_vietnamese;
/// assert_eq!(compose_vietnamese("Ca\u{300} Mau"), "Cà Mau");
/// assert_eq!(compose_vietnamese("Tru\u{31B}\u{323}c"), "Trực");
/// ```
pub fn compose_vietnamese(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_combining) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let Some((mut row, mut tone)) = single_lowercase(c).and_then(row_of) else {
            out.push(c);
            continue;
        };
        let mut composed = false;
        while let Some(&mark) = chars.peek() {
            if let Some(t) = TONES.iter().position(|&m| m == mark) {
                // One tone per letter, and `d`/`đ` take none.
                if tone != 0 || t + 1 >= row.chars().count() {
                    break;
                }
                tone = t + 1;
            } else if let Some(&(_, _, letter)) = MODIFIERS.iter().find(|(vowel, m, _)| *m == mark && row.starts_with(*vowel)) {
                match row_of(letter) {
                    Some((modified, _)) => row = modified,
                    None => break,
                }
            } else {
                break;
            }
            composed = true;
            chars.next();
        }
        match row.chars().nth(tone) {
            Some(letter) if composed && c.is_uppercase() => out.push(crate::case::upper(letter)),
            Some(letter) if composed => out.push(letter),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Composes text an input holds while the officer types in it, and says where
/// the caret goes: `caret` counts UTF-16 units (what the browser's selection
/// gives), and so does the answer. `None` when there is nothing to compose,
/// so the input is left alone. A caret past the end, or inside a surrogate
/// pair, is taken as far as the text goes.
pub fn compose_keeping_caret(raw: &str, caret: usize) -> Option<(String, usize)> {
    let composed = compose_vietnamese(raw);
    if composed == raw {
        return None;
    }
    let before: String = char::decode_utf16(raw.encode_utf16().take(caret)).map_while(Result::ok).collect();
    let caret = compose_vietnamese(&before).encode_utf16().count();
    Some((composed.into_owned(), caret))
}

/// Lower-case, strip Vietnamese diacritics and map `đ` to `d`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_combining(c) {
            continue;
        }
        for lower in crate::case::lower(c) {
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
        // Decomposed text sorts as the precomposed text it shows as, down to
        // the raw tie-break: its tones are in the marks this loop skips.
        let s = compose_vietnamese(s);
        let mut primary = Vec::with_capacity(s.len());
        let mut tones = Vec::with_capacity(s.len());
        for c in s.chars().flat_map(crate::case::lower) {
            if is_combining(c) {
                continue;
            }
            let (p, t) = letter_rank(c);
            primary.push(p);
            tones.push(t);
        }
        CollationKey { primary, tones, raw: s.into_owned() }
    }
}

fn letter_rank(c: char) -> (u32, u8) {
    // An ASCII letter is first in its row, or in none: its own rank, no tone.
    if c.is_ascii() {
        return (u32::from(c) * 4, 0);
    }
    letter(c).map_or((u32::from(c) * 4, 0), |x| (x.2, x.3))
}

/// Compares two strings in Vietnamese alphabetical order.
pub fn compare_vi(a: &str, b: &str) -> Ordering {
    CollationKey::new(a).cmp(&CollationKey::new(b))
}

/// Lower-case and composed, diacritics kept: what a query typed with
/// diacritics is matched against.
pub fn exact_form(s: &str) -> String {
    crate::case::lower_str(&compose_vietnamese(s))
}

/// One word of a search query. A word typed with diacritics narrows by them
/// (`Đồng` does not find `Đông`); a word typed without them finds both.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchTerm {
    folded: String,
    /// The word as typed (composed, lower-case), when it carries diacritics or `đ`.
    exact: Option<String>,
}

impl SearchTerm {
    /// Whether text whose `fold` is `folded` and whose `exact_form` is `exact` holds this word.
    pub fn found_in(&self, folded: &str, exact: &str) -> bool {
        match &self.exact {
            Some(word) => holds(exact, word),
            None => holds(folded, &self.folded),
        }
    }

    /// Whether the word has anything but marks: one that has not matches no tax code.
    pub fn has_letters(&self) -> bool {
        !self.folded.is_empty()
    }

    /// Whether `code` starts with this word (tax codes match from their start).
    pub fn starts(&self, code: &str) -> bool {
        !self.folded.is_empty() && code.starts_with(self.folded.as_str())
    }
}

/// Whether `text` holds `word`: `str::contains`, for the short words and
/// texts of a search. `contains` sets up a general searcher on every call; a
/// search calls it for each of thousands of records' texts, with a word of a
/// letter or two while the officer starts typing. This looks for the word's
/// first byte and compares the rest there. Bytes of UTF-8 text match only at
/// a character's start: a character's first byte is never another's inside.
pub fn holds(text: &str, word: &str) -> bool {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    let Some((&first, rest)) = word.split_first() else {
        return true;
    };
    let Some(last_start) = text.len().checked_sub(word.len()) else {
        return false;
    };
    let mut from = 0;
    while let Some(p) = text[from..=last_start].iter().position(|&b| b == first) {
        let at = from + p;
        if &text[at + 1..at + word.len()] == rest {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Splits a query into words; a record matches when it holds them all.
pub fn search_terms(query: &str) -> Vec<SearchTerm> {
    exact_form(query)
        .split_whitespace()
        .map(|word| {
            let folded = fold(word);
            let exact = (folded != word).then(|| word.to_string());
            SearchTerm { folded, exact }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    /// The rows scanned letter by letter, as the looked-up table replaced.
    fn base_of_scanned(c: char) -> char {
        if c.is_ascii() {
            return c;
        }
        ROWS.iter().find(|(_, row)| row.contains(c)).map(|(b, _)| *b).or(Y_ROW.contains(c).then_some('y')).unwrap_or(c)
    }

    fn letter_rank_scanned(c: char) -> (u32, u8) {
        for (row_index, (base, row)) in ROWS.iter().enumerate() {
            if let Some(pos) = row.chars().position(|v| v == c) {
                let modifier = ROWS[..row_index].iter().filter(|(b, _)| b == base).count() as u32;
                return (u32::from(*base) * 4 + modifier, pos as u8);
            }
        }
        if let Some(pos) = Y_ROW.chars().position(|v| v == c) {
            return (u32::from('y') * 4, pos as u8);
        }
        (u32::from(c) * 4, 0)
    }

    #[test]
    fn every_vietnamese_letter_is_looked_up_as_the_rows_read() {
        let table: Vec<char> = letters().iter().map(|x| x.0).collect();
        let mut unique = table.clone();
        unique.dedup();
        assert_eq!(table, unique, "no letter in two rows");
        for c in ROWS.iter().flat_map(|(_, row)| row.chars()).chain(Y_ROW.chars()).chain('\0'..='\u{2000}') {
            assert_eq!((base_of(c), letter_rank(c)), (base_of_scanned(c), letter_rank_scanned(c)), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_letter_is_looked_up_as_the_rows_read(c in proptest::char::any()) {
            proptest::prop_assert_eq!((base_of(c), letter_rank(c)), (base_of_scanned(c), letter_rank_scanned(c)));
        }
    }

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

    /// The NFD form of a letter of `ROWS`/`Y_ROW`: the plain vowel, then its
    /// marks in canonical order (horn, then dot below, then the others).
    fn decomposed(letter: char) -> String {
        let (row, tone) = row_of(letter).unwrap();
        let head = row.chars().next().unwrap();
        let (vowel, modifier) = MODIFIERS.iter().find(|(_, _, l)| *l == head).map_or((head, None), |(v, m, _)| (*v, Some(*m)));
        let mut marks: Vec<char> = modifier.into_iter().chain((tone > 0).then(|| TONES[tone - 1])).collect();
        marks.sort_by_key(|m| match m {
            '\u{31B}' => 216,
            '\u{323}' => 220,
            _ => 230,
        });
        std::iter::once(vowel).chain(marks).collect()
    }

    #[test]
    fn every_decomposed_vietnamese_letter_composes_in_either_case_and_any_order() {
        let letters: String = ROWS.iter().map(|(_, row)| *row).chain([Y_ROW]).collect();
        assert_eq!(letters.chars().count(), 74);
        for letter in letters.chars() {
            let nfd = decomposed(letter);
            assert_eq!(compose_vietnamese(&nfd), letter.to_string(), "{nfd:?}");
            let upper: String = nfd.chars().next().unwrap().to_uppercase().chain(nfd.chars().skip(1)).collect();
            assert_eq!(compose_vietnamese(&upper), letter.to_uppercase().to_string(), "{upper:?}");
            let reversed: String = nfd.chars().take(1).chain(nfd.chars().skip(1).collect::<Vec<_>>().into_iter().rev()).collect();
            assert_eq!(compose_vietnamese(&reversed), letter.to_string(), "marks in the other order: {reversed:?}");
            assert!(matches!(compose_vietnamese(&letter.to_string()), Cow::Borrowed(_)), "no mark, no copy");
        }
        // A letter that already has some of its marks takes the rest.
        assert_eq!(compose_vietnamese("â\u{301}ơ\u{323}Ư\u{300}"), "ấợỪ");
    }

    #[test]
    fn marks_that_make_no_vietnamese_letter_stay_as_they_are() {
        for s in ["a\u{308}", "\u{301}a", "d\u{301}", "đ\u{323}", "y\u{302}", "a\u{301}\u{300}", "â\u{302}", "x\u{301}", "\u{301}\u{301}", "e\u{306}"] {
            let composed = compose_vietnamese(s);
            let expected = match s {
                "a\u{301}\u{300}" => "á\u{300}",
                _ => s,
            };
            assert_eq!(composed, expected, "{s:?}");
        }
        assert_eq!(compose_vietnamese("Ca\u{300} Mau\u{308}"), "Cà Mau\u{308}");
    }

    /// Text as macOS would paste it: every Vietnamese letter decomposed.
    pub(super) fn decompose(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match single_lowercase(c).filter(|l| row_of(*l).is_some()) {
                Some(l) => {
                    let d = decomposed(l);
                    let mut marks = d.chars();
                    let vowel = marks.next().unwrap();
                    if c.is_uppercase() {
                        out.extend(vowel.to_uppercase());
                    } else {
                        out.push(vowel);
                    }
                    out.extend(marks);
                }
                None => out.push(c),
            }
        }
        out
    }

    #[test]
    fn decomposed_text_sorts_and_searches_like_precomposed() {
        let nfc = ["Cà Mau", "Đồng Tháp", "Ấp Mỹ Xương", "Ông Lãnh", "Ưu Đãi", "Cần Thơ", "Anh", "ăn uống", "Ăn", "Út"];
        let nfd: Vec<String> = nfc.iter().map(|s| decompose(s)).collect();
        assert_eq!(nfd[0], "Ca\u{300} Mau");
        assert_eq!(nfd[2], "A\u{302}\u{301}p My\u{303} Xu\u{31B}o\u{31B}ng");
        for (a, b) in nfc.iter().zip(&nfd) {
            assert_eq!(compose_vietnamese(b), *a);
            assert_eq!(compare_vi(a, b), Ordering::Equal, "{a}");
            assert_eq!(CollationKey::new(a), CollationKey::new(b));
            assert_eq!(fold(a), fold(b));
            assert!(matches_query(b, a) && matches_query(a, b), "{a}");
        }
        // Half the names decomposed: the same order as all precomposed.
        let mut mixed: Vec<&str> = nfc.iter().enumerate().map(|(i, s)| if i % 2 == 0 { nfd[i].as_str() } else { *s }).collect();
        let mut precomposed = nfc.to_vec();
        mixed.sort_by(|a, b| compare_vi(a, b));
        precomposed.sort_by(|a, b| compare_vi(a, b));
        let mixed: Vec<String> = mixed.iter().map(|s| compose_vietnamese(s).into_owned()).collect();
        assert_eq!(mixed, precomposed);
        assert_eq!(precomposed[..4], ["Anh", "Ăn", "ăn uống", "Ấp Mỹ Xương"]);
    }

    #[test]
    fn keeps_digits_and_punctuation() {
        assert_eq!(fold("0100233488-001"), "0100233488-001");
        assert_eq!(fold("Công ty TNHH <b>"), "cong ty tnhh <b>");
    }

    /// Whether `text` holds every word of `query`.
    fn matches_query(text: &str, query: &str) -> bool {
        let (folded, exact) = (fold(text), exact_form(text));
        search_terms(query).iter().all(|t| t.found_in(&folded, &exact))
    }

    #[test]
    fn query_matches_without_diacritics_and_in_any_word_order() {
        let hay = "Công ty TNHH Thủy sản Đồng Tháp 1400100593";
        assert!(matches_query(hay, "dong thap"));
        assert!(matches_query(hay, "THAP  dong"));
        assert!(matches_query(hay, "thủy"));
        assert!(matches_query(hay, "140010"));
        assert!(!matches_query(hay, "dong nai"));
        assert!(matches_query(hay, "   "), "an empty query matches everything");
    }

    #[test]
    fn words_typed_with_diacritics_narrow_by_them() {
        assert!(matches_query("Đồng Tháp", "Đồng") && matches_query("Đồng Tháp", "đồng") && matches_query("Đồng Tháp", "ĐỒNG"));
        assert!(!matches_query("Đồng Tháp", "Đông") && !matches_query("Đồng Tháp", "Dồng"));
        assert!(matches_query("Đông Hải", "Đông") && !matches_query("Đông Hải", "Đồng"));
        assert!(matches_query("Đồng Tháp", "dong") && matches_query("Đông Hải", "dong"), "without diacritics: both");
        // Typed decomposed (some keyboards), it narrows the same way.
        assert!(matches_query("Đồng Tháp", &decompose("Đồng")) && !matches_query("Đồng Tháp", &decompose("Đông")));
        assert!(SearchTerm { folded: "14".into(), exact: None }.starts("1400100593"));
        assert!(!SearchTerm { folded: "00".into(), exact: None }.starts("1400100593"));
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::{long_text, text};
    use proptest::prelude::*;

    /// Text of Vietnamese letters as a keyboard types them: precomposed, no marks of their own.
    fn precomposed() -> impl Strategy<Value = String> {
        let letters: Vec<char> = ROWS.iter().map(|(_, r)| *r).chain([Y_ROW]).flat_map(str::chars).chain("bcghklmnpqrstvx ".chars()).collect();
        let upper: Vec<char> = letters.iter().flat_map(|c| c.to_uppercase()).collect();
        proptest::collection::vec(prop_oneof![proptest::sample::select(letters), proptest::sample::select(upper)], 0..30).prop_map(String::from_iter)
    }

    proptest! {
        #[test]
        fn holds_is_contains(t in text(), w in text(), at in 0usize..40, len in 0usize..6) {
            prop_assert_eq!(holds(&t, &w), t.contains(w.as_str()));
            // A word cut out of the text (at character boundaries) is always held.
            let chars: Vec<char> = t.chars().collect();
            let start = at.min(chars.len());
            let cut: String = chars[start..(start + len).min(chars.len())].iter().collect();
            prop_assert!(holds(&t, &cut));
        }

        #[test]
        fn holds_is_contains_over_few_letters(t in "[abđồ ]{0,30}", w in "[abđồ]{0,4}") {
            prop_assert_eq!(holds(&t, &w), t.contains(w.as_str()));
        }

        #[test]
        fn composing_is_idempotent_and_changes_neither_search_nor_order(s in text()) {
            let composed = compose_vietnamese(&s);
            prop_assert_eq!(compose_vietnamese(&composed), composed.clone());
            prop_assert!(composed.chars().count() <= s.chars().count());
            prop_assert_eq!(fold(&composed), fold(&s));
            prop_assert_eq!(compare_vi(&s, &composed), Ordering::Equal);
            let (folded, exact) = (fold(&s), exact_form(&s));
            prop_assert!(search_terms(&s).iter().all(|t| t.found_in(&folded, &exact)), "a text matches a query of itself");
        }

        #[test]
        fn decomposed_vietnamese_composes_back(s in precomposed()) {
            let nfd = super::tests::decompose(&s);
            prop_assert_eq!(compose_vietnamese(&nfd), s.clone());
            prop_assert_eq!(compare_vi(&nfd, &s), Ordering::Equal);
        }

        #[test]
        fn the_caret_stays_where_it_was_typed(s in prop_oneof![text(), precomposed().prop_map(|p| super::tests::decompose(&p))], caret in 0usize..12_000) {
            match compose_keeping_caret(&s, caret) {
                None => prop_assert_eq!(compose_vietnamese(&s), s.clone()),
                Some((composed, at)) => {
                    prop_assert_eq!(composed.clone(), compose_vietnamese(&s).into_owned());
                    prop_assert!(at <= composed.encode_utf16().count());
                    let typed: String = char::decode_utf16(s.encode_utf16().take(caret)).map_while(Result::ok).collect();
                    prop_assert_eq!(at, compose_vietnamese(&typed).encode_utf16().count());
                    // What was before the caret is still before it, composed; unless the caret
                    // stood between a letter and its marks, which composing joins into one letter
                    // (the caret then goes after it).
                    let splits_a_letter = s[typed.len()..].chars().next().is_some_and(is_combining);
                    if !splits_a_letter {
                        let units: Vec<u16> = composed.encode_utf16().collect();
                        prop_assert_eq!(String::from_utf16_lossy(&units[..at]), compose_vietnamese(&typed).into_owned());
                    }
                }
            }
        }

        #[test]
        fn the_order_is_a_total_order(a in text(), b in text()) {
            prop_assert_eq!(compare_vi(&a, &b), compare_vi(&b, &a).reverse());
            prop_assert_eq!(compare_vi(&a, &a), Ordering::Equal);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

        #[test]
        fn long_text_composes_once_and_for_all(s in long_text()) {
            let composed = compose_vietnamese(&s);
            prop_assert_eq!(compose_vietnamese(&composed), composed.clone());
            prop_assert_eq!(CollationKey::new(&s), CollationKey::new(&composed));
        }
    }
}
