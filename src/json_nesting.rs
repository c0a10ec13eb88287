//! How deeply a JSON text nests, found without recursion, so a reader can
//! refuse a file before serde walks it.
//!
//! serde_json stops at 128 levels, but its recursion through large structs (a
//! form's question, a record's answers) takes kilobytes of stack per level in a
//! debug build: a form file nested 60 levels deep needed 1.5 MiB, more than
//! the 1 MiB a wasm module has, and a stack overflow in wasm ends the page.
//! Nothing this app writes nests deeper than about a dozen levels.

/// The deepest nesting of arrays and objects any reader of this app accepts.
pub const MAX_NESTING: usize = 32;

/// Whether `text` nests arrays and objects more than `max` levels deep.
/// Brackets inside strings do not count. Text that is not JSON gets an answer
/// too; the JSON reader refuses it afterwards.
pub fn exceeds(text: &str, max: usize) -> bool {
    deeper_than(brackets(text.as_bytes(), 0), max)
}

/// Whether `brackets`, in order, open more than `max` levels at once; a stray closing one
/// does not go below zero.
fn deeper_than(brackets: impl IntoIterator<Item = (usize, u8)>, max: usize) -> bool {
    let mut depth = 0usize;
    for (_, b) in brackets {
        if matches!(b, b'[' | b'{') {
            depth += 1;
            if depth > max {
                return true;
            }
        } else {
            depth = depth.saturating_sub(1);
        }
    }
    false
}

/// Every bracket outside strings from `from` on (which is outside every string), with its place.
fn brackets(bytes: &[u8], from: usize) -> impl Iterator<Item = (usize, u8)> + '_ {
    let mut i = from;
    std::iter::from_fn(move || {
        let at = next_bracket(bytes, i)?;
        i = at + 1;
        Some((at, bytes[at]))
    })
}

/// The place of the first bracket at or after `i` (which is outside every string) that
/// lies outside every string; `None` if there is none, or a string never closes. Strings
/// are stepped over whole, an escape's next byte with it: a search for the few bytes that
/// matter, where a state kept byte by byte was half the time a province's file took to
/// be scanned.
fn next_bracket(bytes: &[u8], mut i: usize) -> Option<usize> {
    loop {
        i += bytes.get(i..)?.iter().position(|&b| matches!(b, b'"' | b'[' | b']' | b'{' | b'}'))?;
        if bytes[i] != b'"' {
            return Some(i);
        }
        i += 1;
        loop {
            i += bytes.get(i..)?.iter().position(|&b| b == b'"' || b == b'\\')?;
            if bytes[i] == b'"' {
                i += 1;
                break;
            }
            i += 2;
        }
    }
}

/// Where the list or object that opens at `bytes[start]` ends (just past its closing
/// bracket), brackets inside strings not counted; `None` if it never closes, or nests more
/// than `max_levels` deep counting itself. A reader in steps finds each record's text so,
/// and has serde read just that.
pub fn value_end(bytes: &[u8], start: usize, max_levels: usize) -> Option<usize> {
    if !matches!(bytes.get(start), Some(b'{' | b'[')) {
        return None;
    }
    let mut level = 0usize;
    for (at, b) in brackets(bytes, start) {
        if matches!(b, b'{' | b'[') {
            level += 1;
            if level > max_levels {
                return None;
            }
        } else {
            // The first bracket is the value's own, so a closing one finds it at least one deep.
            level -= 1;
            if level == 0 {
                return Some(at + 1);
            }
        }
    }
    None
}

/// Whether `text` nests deeper than [`MAX_NESTING`].
pub fn too_deep(text: &str) -> bool {
    exceeds(text, MAX_NESTING)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_arrays_and_objects_outside_strings() {
        assert!(!exceeds("", 0) && !exceeds("42", 0) && exceeds("[]", 0));
        assert!(!exceeds(r#"{"a": [1, {"b": []}]}"#, 4) && exceeds(r#"{"a": [1, {"b": []}]}"#, 3));
        assert!(!exceeds(r#"{"a": "[[[[{{{{", "b": "\"[[[["}"#, 1), "brackets and escaped quotes inside strings do not count");
        assert!(!exceeds("[][][][][][]", 1), "siblings do not add up");
        assert!(!exceeds("]]]]][", 1), "stray closing brackets do not go below zero");
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(too_deep(&deep) && !too_deep(&format!("{}{}", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING))));
    }

    #[test]
    fn a_value_ends_at_its_own_closing_bracket() {
        let text = br#"x{"a": "}]\"", "b": [1, {}]}, [2]"#;
        assert_eq!(value_end(text, 1, 3), Some(28));
        assert_eq!(&text[1..28], br#"{"a": "}]\"", "b": [1, {}]}"#);
        assert_eq!(value_end(text, 1, 2), None, "three levels deep");
        assert_eq!(value_end(text, 30, 1), Some(33));
        assert_eq!(value_end(text, 0, 9), None, "not a list or object");
        assert_eq!(value_end(b"[[]", 0, 9), None, "never closes");
        assert_eq!(value_end(b"[", 5, 9), None, "past the end");
    }

    /// The brackets outside strings and where they are, found byte by byte: the walk the
    /// search replaced, kept as the property tests' oracle.
    fn brackets_byte_by_byte(bytes: &[u8]) -> Vec<(usize, u8)> {
        let (mut out, mut in_string, mut escaped) = (Vec::new(), false, false);
        for (i, &b) in bytes.iter().enumerate() {
            if in_string {
                match b {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => in_string = false,
                    _ => {}
                }
            } else if b == b'"' {
                in_string = true;
            } else if matches!(b, b'[' | b']' | b'{' | b'}') {
                out.push((i, b));
            }
        }
        out
    }

    fn exceeds_byte_by_byte(text: &str, max: usize) -> bool {
        deeper_than(brackets_byte_by_byte(text.as_bytes()), max)
    }

    fn brackets_searched(bytes: &[u8]) -> Vec<(usize, u8)> {
        brackets(bytes, 0).collect()
    }

    /// Text made mostly of the bytes that matter: brackets, quotes, backslashes.
    fn bracket_soup() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        proptest::collection::vec(prop_oneof![
            3 => proptest::sample::select(vec!['[', ']', '{', '}', '"', '\\', ',', ':', 'a', ' ']),
            1 => crate::arbitrary_text::character(),
        ], 0..80).prop_map(|cs| cs.into_iter().collect())
    }

    proptest::proptest! {
        #[test]
        fn searching_reads_as_the_byte_by_byte_walk(text in bracket_soup(), max in 0usize..6, start in 0usize..90) {
            proptest::prop_assert_eq!(exceeds(&text, max), exceeds_byte_by_byte(&text, max));
            // A value read from any place finds the brackets the walk from there finds.
            let from = text.as_bytes().get(start..).unwrap_or_default();
            proptest::prop_assert_eq!(brackets_searched(from), brackets_byte_by_byte(from));
        }

        #[test]
        fn searching_reads_json_as_the_byte_by_byte_walk(value in crate::arbitrary_text::altered(serde_json::json!({"a": ["x\\\"]", {"b": "}"}], "c": {"d": [[1], []]}})), max in 0usize..6) {
            let text = serde_json::to_string(&value).unwrap();
            proptest::prop_assert_eq!(exceeds(&text, max), exceeds_byte_by_byte(&text, max));
            proptest::prop_assert_eq!(brackets_searched(text.as_bytes()), brackets_byte_by_byte(text.as_bytes()));
        }
    }

    #[test]
    fn the_shipped_data_is_well_within_the_limit() {
        for (file, src) in crate::form::library::SHIPPED {
            assert!(!exceeds(src, 12), "{file}");
        }
    }
}
