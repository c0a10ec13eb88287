//! Text as officers type it and files bring it, for the property tests of the
//! parsers: any character, Vietnamese letters precomposed and decomposed,
//! combining marks, emoji, NUL, right-to-left marks, digits and the marks
//! numbers are written with; token soup for the expression language; and
//! valid files with random damage. Native tests only: the wasm test build
//! never compiles proptest.

use proptest::collection::{vec, SizeRange};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::{json, Value};

const VIETNAMESE: &str = "aàáảãạăằắẳẵặâầấẩẫậdđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵĐĂÂÊÔƠƯÀẤỪỸ";

/// Characters that have broken text handling somewhere: NUL, right-to-left
/// marks and overrides, joiners, a byte-order mark, emoji (four bytes),
/// Unicode spaces, and JSON's own punctuation.
const AWKWARD: &[char] = &[
    '\0', '\u{200F}', '\u{202E}', '\u{200D}', '\u{FEFF}', '\u{FFFD}', '😀', '🇻', '\t', '\n', '\r', ' ', '\u{A0}', '\u{3000}', '"',
    '\\', '\'', '{', '}', '[', ']', ':', '@',
];

const NUMBERISH: &str = "0123456789-.,+eE ";

/// One character of the text people paste.
pub fn character() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        3 => select(VIETNAMESE.chars().collect::<Vec<_>>()),
        2 => (0x300u32..=0x36F).prop_filter_map("a combining mark", char::from_u32),
        2 => select(AWKWARD),
        4 => select(NUMBERISH.chars().collect::<Vec<_>>()),
    ]
}

fn chars(len: impl Into<SizeRange>) -> impl Strategy<Value = String> {
    vec(character(), len).prop_map(String::from_iter)
}

/// A field's worth of text.
pub fn text() -> impl Strategy<Value = String> {
    chars(0..48)
}

/// Up to 10,000 characters: run these with few cases.
pub fn long_text() -> impl Strategy<Value = String> {
    chars(0..=10_000)
}

/// What a number field receives: digits and marks, runs of thousands of digits, or anything.
pub fn numberish() -> impl Strategy<Value = String> {
    let digits: Vec<char> = NUMBERISH.chars().collect();
    prop_oneof![
        4 => vec(select(digits.clone()), 0..40).prop_map(String::from_iter),
        1 => (select(vec!["", "-", "0,", "1.", "-0."]), vec(select(digits[..10].to_vec()), 300..10_000)).prop_map(|(sign, d)| format!("{sign}{}", String::from_iter(d))),
        2 => text(),
    ]
}

const TOKENS: &[&str] = &[
    "a", "b", "revenue", "employees", "tools.s5", "m.r", ".", "0", "1", "2.5", "1e3", "99999999999999999999999", "'x'", "\"y\"", "'", "\"",
    "(", ")", ",", "+", "-", "*", "/", "=", "!=", "<", "<=", ">", ">=", "and", "or", "not", "true", "false", "selected", "count",
    "answered", "len", "matches", "round", "min", "max", "if", "sum", "today", "year", "coalesce", "sqrt", "'^[0-9]+$'", "'('",
    "'2026-11-24'", "#", "đ", "\u{301}", "\u{202E}",
];

/// Token soup for the expression language, sometimes behind a deep run of
/// brackets, minuses, `not`s or calls, and sometimes any text at all.
pub fn expression() -> impl Strategy<Value = String> {
    let soup = || vec(select(TOKENS), 0..40);
    prop_oneof![
        4 => soup().prop_map(|t| t.join(" ")),
        2 => soup().prop_map(|t| t.concat()),
        1 => (select(vec!["(", "-", "not ", "round(", "min(", "a + ", "not -("]), 0usize..300, soup()).prop_map(|(open, n, t)| format!("{}{}", open.repeat(n), t.join(" "))),
        1 => text(),
    ]
}

/// A valid text (a file, a record) with damage: a few places where characters
/// are cut, inserted or replaced.
pub fn damaged(valid: String) -> impl Strategy<Value = String> {
    vec((any::<Index>(), 0usize..8, text()), 1..4).prop_map(move |edits| {
        let mut chars: Vec<char> = valid.chars().collect();
        for (at, cut, insert) in edits {
            let start = at.index(chars.len() + 1);
            let end = (start + cut).min(chars.len());
            chars.splice(start..end, insert.chars());
        }
        chars.into_iter().collect()
    })
}

/// A JSON value with a few of its parts (leaves or whole subtrees) replaced
/// by other values: still JSON, so the damage gets past the JSON reader to
/// the checks behind it.
pub fn altered(valid: Value) -> impl Strategy<Value = Value> {
    let parts = pointers(&valid);
    vec((any::<Index>(), replacement()), 1..4).prop_map(move |edits| {
        let mut v = valid.clone();
        for (at, new) in edits {
            if let Some(slot) = parts.get(at.index(parts.len().max(1))).and_then(|p| v.pointer_mut(p)) {
                *slot = new;
            }
        }
        v
    })
}

fn replacement() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => text().prop_map(Value::String),
        2 => expression().prop_map(Value::String),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(Value::from),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(Value::Null),
        1 => Just(json!([])),
        1 => Just(json!({})),
        1 => Just(json!([[[[["deep"]]]]])),
    ]
}

/// JSON pointers to every part of a value but the value itself, found without recursion.
fn pointers(root: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![(String::new(), root)];
    while let Some((path, v)) = stack.pop() {
        let children: Vec<(String, &Value)> = match v {
            Value::Object(m) => m.iter().map(|(k, c)| (format!("{path}/{}", k.replace('~', "~0").replace('/', "~1")), c)).collect(),
            Value::Array(a) => a.iter().enumerate().map(|(i, c)| (format!("{path}/{i}"), c)).collect(),
            _ => Vec::new(),
        };
        for (p, c) in children {
            out.push(p.clone());
            stack.push((p, c));
        }
    }
    out
}
