//! Lower and upper case of any character, from a table of runs (`case_table.rs`, about
//! 2 KB) instead of the standard library's own (`char::to_lowercase` and `to_uppercase`
//! bring two tables of 1,400-1,550 pairs, 24 KB, into the wasm's data, which cannot be
//! split off and so are all in the first download).
//!
//! `lower` gives what `char::to_lowercase` gives, for every character (a native test walks
//! them all against the standard library, and another checks the table is the one the
//! standard library's Unicode version makes: `UPDATE_CASE_TABLE=1 cargo test --lib case`
//! writes it again). `lower_str` lower-cases character by character: unlike
//! `str::to_lowercase`, a Greek capital sigma at the end of a word becomes `σ`, not `ς`.
//! Both sides of every comparison this app makes go through it, so they agree.

use crate::case_table::LOWER;

/// The one character whose lower case is two: `İ` (U+0130) becomes `i` and a combining dot above.
const DOTTED_CAPITAL_I: char = '\u{130}';

/// The character `c` is a run's, and what it becomes there.
fn in_run(&(start, count, stride, delta): &(u32, u16, u8, i32), c: u32) -> Option<u32> {
    let offset = c.checked_sub(start)?;
    // Runs are one or two apart: a shift, not a division, on every character looked up.
    let step = u32::from(stride == 2);
    (offset & step == 0 && offset >> step < u32::from(count)).then(|| c.wrapping_add_signed(delta))
}

/// The lower case of `c` (the same characters as `char::to_lowercase`).
pub fn lower(c: char) -> impl Iterator<Item = char> + Clone {
    let (first, second) = if c == DOTTED_CAPITAL_I { ('i', Some('\u{307}')) } else { (lower_one(c), None) };
    std::iter::once(first).chain(second)
}

/// The lower case of any character but `İ`.
fn lower_one(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let code = u32::from(c);
    // The last run starting at or before `c`: runs do not overlap.
    let run = LOWER.partition_point(|r| r.0 <= code).checked_sub(1).map(|i| &LOWER[i]);
    run.and_then(|r| in_run(r, code)).and_then(char::from_u32).unwrap_or(c)
}

/// `s` lower-cased character by character (see the module's note on the final sigma).
pub fn lower_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    loop {
        // A run of ASCII in one go: most of a Vietnamese name is (char by char it took 2.4 times
        // as long as the standard library's, natively, for 13,000 names).
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        let (run, tail) = rest.split_at(ascii);
        let from = out.len();
        out.push_str(run);
        out[from..].make_ascii_lowercase();
        let mut chars = tail.chars();
        match chars.next() {
            None => return out,
            Some(DOTTED_CAPITAL_I) => out.push_str("i\u{307}"),
            Some(c) => out.push(lower_one(c)),
        }
        rest = chars.as_str();
    }
}

/// The upper case of a letter that is the lower case of another: the first character whose
/// lower case `c` is, or `c` itself. For every letter with one upper-case letter whose lower
/// case is that letter again (all of ASCII, Vietnamese and most alphabets), this is what
/// `char::to_uppercase` gives; the tests check which differ.
pub fn upper(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    let code = u32::from(c);
    LOWER
        .iter()
        .filter_map(|run| {
            let from = code.checked_add_signed(run.3.checked_neg()?)?;
            in_run(run, from).map(|_| from)
        })
        .min()
        .and_then(char::from_u32)
        .unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=u32::from(char::MAX)).filter_map(char::from_u32)
    }

    /// The runs the standard library's lower case makes: characters that map to one other,
    /// grouped where they follow each other one or two apart and move by the same amount.
    fn runs_from_std() -> Vec<(u32, u16, u8, i32)> {
        let single: Vec<(u32, i32)> = every_char()
            .filter(|&c| c != DOTTED_CAPITAL_I)
            .filter_map(|c| {
                let mut l = c.to_lowercase();
                let (Some(first), None) = (l.next(), l.next()) else { panic!("{c:?}: a lower case of more than one character, not handled") };
                (first != c && !c.is_ascii()).then(|| (u32::from(c), u32::from(first) as i32 - u32::from(c) as i32))
            })
            .collect();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < single.len() {
            let (start, delta) = single[i];
            let length = |stride: u32| {
                let mut n = 1;
                while i + n < single.len() && n < usize::from(u16::MAX) && single[i + n] == (start + stride * n as u32, delta) {
                    n += 1;
                }
                n
            };
            let (one, two) = (length(1), length(2));
            let (n, stride) = if two > one { (two, 2) } else { (one, 1) };
            runs.push((start, n as u16, stride as u8, delta));
            i += n;
        }
        runs
    }

    fn table_source(runs: &[(u32, u16, u8, i32)]) -> String {
        let mut s = String::from(
            "//! Generated by `UPDATE_CASE_TABLE=1 cargo test --lib case` from the standard library's\n\
             //! `char::to_lowercase`: do not edit. Each run: its first character, how many, how far\n\
             //! apart, and how far each moves to its lower case (`case.rs`). ASCII and `İ` are apart.\n\n\
             pub const LOWER: &[(u32, u16, u8, i32)] = &[\n",
        );
        for (start, count, stride, delta) in runs {
            s.push_str(&format!("    (0x{start:04X}, {count}, {stride}, {delta}),\n"));
        }
        s.push_str("];\n");
        s
    }

    #[test]
    fn the_table_is_the_one_the_standard_library_makes() {
        let source = table_source(&runs_from_std());
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/case_table.rs");
        if std::env::var_os("UPDATE_CASE_TABLE").is_some() {
            std::fs::write(path, &source).unwrap();
        }
        assert!(std::fs::read_to_string(path).unwrap() == source, "src/case_table.rs is stale: UPDATE_CASE_TABLE=1 cargo test --lib case");
    }

    #[test]
    fn lower_is_the_standard_librarys_for_every_character() {
        for c in every_char() {
            assert!(lower(c).eq(c.to_lowercase()), "{c:?} (U+{:04X})", u32::from(c));
        }
    }

    #[test]
    fn upper_is_the_standard_librarys_for_vietnamese_and_ascii() {
        let vietnamese = "aăâbcdđeêghiklmnoôơpqrstuưvxy\
            àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
        for c in vietnamese.chars().chain((0..128u8).map(char::from)) {
            assert_eq!(upper(c).to_string(), c.to_uppercase().to_string(), "{c:?}");
        }
    }

    /// Where `upper` is not `char::to_uppercase`, it is because the standard library's upper
    /// case does not lower-case back to the letter, or is more than one character (`ß` → `SS`):
    /// `upper` then gives the letter itself or another whose lower case it is.
    #[test]
    fn upper_differs_only_where_the_standard_library_does_not_round_trip() {
        for c in every_char() {
            let mut std_upper = c.to_uppercase();
            let ours = upper(c);
            match (std_upper.next(), std_upper.next()) {
                (Some(u), None) if u != c && lower(u).eq(std::iter::once(c)) => assert_eq!(ours, u, "{c:?}"),
                _ => assert!(ours == c || lower(ours).eq(std::iter::once(c)), "{c:?} -> {ours:?}"),
            }
        }
    }

    proptest! {
        #[test]
        fn lower_str_is_the_standard_librarys_without_a_final_sigma(s in "\\PC{0,40}") {
            prop_assume!(!s.contains('\u{3A3}'));
            prop_assert_eq!(lower_str(&s), s.to_lowercase());
        }
    }
}
