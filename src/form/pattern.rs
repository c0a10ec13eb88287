//! Regular expressions of form definitions (`"pattern"` and `matches()`).
//!
//! In the browser they are the browser's own `RegExp` (with the `u` flag):
//! a regex engine compiled into the app was about 25 KB of the first
//! download (issue 15). Natively, where the form engine is tested, they are
//! `regex-lite`, whose syntax for what definitions use (classes, counts,
//! groups, alternation, anchors) is the same. Compiled patterns are kept per
//! thread, a bounded number of them: `matches()` runs on every keystroke.

use std::cell::RefCell;
use std::collections::HashMap;

/// How many compiled patterns are kept. Forms only load with patterns written
/// in quotes, so the patterns in use are few; the bound is for an expression
/// built some other way, which could otherwise fill memory a pattern at a time.
pub const PATTERN_CACHE_SIZE: usize = 64;

#[cfg(target_arch = "wasm32")]
mod engine {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// `RegExp(pattern, flags)`: throws a `SyntaxError` for a pattern that does not compile.
        #[wasm_bindgen(catch, js_name = RegExp)]
        fn regexp(pattern: &str, flags: &str) -> Result<js_sys::RegExp, JsValue>;
    }

    pub type Compiled = js_sys::RegExp;

    pub fn compile(source: &str) -> Result<Compiled, String> {
        regexp(source, "u").map_err(|e| js_sys::Error::from(e).message().into())
    }

    /// No `g` flag: `test` keeps no position between calls.
    pub fn is_match(re: &Compiled, text: &str) -> bool {
        re.test(text)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod engine {
    pub type Compiled = regex_lite::Regex;

    pub fn compile(source: &str) -> Result<Compiled, String> {
        regex_lite::Regex::new(source).map_err(|e| e.to_string())
    }

    pub fn is_match(re: &Compiled, text: &str) -> bool {
        re.is_match(text)
    }
}

thread_local! {
    static COMPILED: RefCell<HashMap<String, Option<engine::Compiled>>> = RefCell::new(HashMap::new());
}

/// Whether `source` is a regular expression; why not otherwise.
pub fn check(source: &str) -> Result<(), String> {
    engine::compile(source).map(|_| ())
}

/// `source` anchored, so the whole text must match, not a part of it.
pub fn anchored(source: &str) -> String {
    format!("^(?:{source})$")
}

/// Whether `source` matches somewhere in `text`; a pattern that does not compile matches nothing.
pub fn is_match(source: &str, text: &str) -> bool {
    COMPILED.with(|cache| {
        let mut cache = cache.borrow_mut();
        if !cache.contains_key(source) && cache.len() >= PATTERN_CACHE_SIZE {
            // Any one goes: a pattern still in use is compiled again on its next call.
            if let Some(old) = cache.keys().next().cloned() {
                cache.remove(&old);
            }
        }
        cache.entry(source.to_string()).or_insert_with(|| engine::compile(source).ok()).as_ref().is_some_and(|re| engine::is_match(re, text))
    })
}

#[cfg(test)]
fn cached() -> usize {
    COMPILED.with(|cache| cache.borrow().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_stays_bounded() {
        for i in 0..1000 {
            assert!(is_match(&format!("^x{i}$"), &format!("x{i}")));
            assert!(cached() <= PATTERN_CACHE_SIZE, "{} patterns kept", cached());
        }
        assert!(!is_match("(", "x"), "a pattern that does not compile matches nothing");
        assert!(check("(").is_err());
        assert!(is_match("^x999$", "x999"), "still right after evictions");
    }

    proptest::proptest! {
        /// A definition's pattern and an answer are typed text: any of either is an error or a
        /// yes/no, never a panic, anchored or not.
        #[test]
        fn any_pattern_on_any_text_never_panics(source in crate::arbitrary_text::text(), text in crate::arbitrary_text::text()) {
            let compiles = check(&source).is_ok();
            let matched = is_match(&source, &text);
            proptest::prop_assert!(compiles || !matched, "a pattern that does not compile matches nothing");
            let _ = is_match(&anchored(&source), &text);
        }
    }

    #[test]
    fn anchored_patterns_match_the_whole_text() {
        let p = anchored("[0-9]{10}(-[0-9]{3})?");
        assert!(is_match(&p, "1400100593"));
        assert!(is_match(&p, "1400100593-001"));
        assert!(!is_match(&p, "x1400100593"));
        assert!(is_match(&anchored("a|b"), "b"), "the alternation stays inside the anchors");
        assert!(!is_match(&anchored("a|b"), "ab"));
    }
}
