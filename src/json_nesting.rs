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
    let (mut depth, mut strings) = (0usize, OutsideStrings::default());
    for b in text.bytes() {
        if !strings.outside(b) {
            continue;
        }
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Tells, byte by byte, which bytes of a JSON text lie outside its strings
/// (the brackets that count), however many escapes a string holds.
#[derive(Debug, Default, Clone, Copy)]
pub struct OutsideStrings {
    in_string: bool,
    escaped: bool,
}

impl OutsideStrings {
    /// Whether `b`, the text's next byte, is outside every string; the quotes
    /// that open and close a string are not.
    pub fn outside(&mut self, b: u8) -> bool {
        if self.in_string {
            match b {
                _ if self.escaped => self.escaped = false,
                b'\\' => self.escaped = true,
                b'"' => self.in_string = false,
                _ => {}
            }
            false
        } else if b == b'"' {
            self.in_string = true;
            false
        } else {
            true
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
    let (mut level, mut strings) = (0usize, OutsideStrings::default());
    for (i, &b) in bytes[start..].iter().enumerate() {
        if !strings.outside(b) {
            continue;
        }
        match b {
            b'{' | b'[' => {
                level += 1;
                if level > max_levels {
                    return None;
                }
            }
            b'}' | b']' => {
                level -= 1;
                if level == 0 {
                    return Some(start + i + 1);
                }
            }
            _ => {}
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

    #[test]
    fn the_shipped_data_is_well_within_the_limit() {
        for (file, src) in crate::form::library::SHIPPED {
            assert!(!exceeds(src, 12), "{file}");
        }
    }
}
