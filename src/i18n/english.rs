//! The English of the fixed texts (`messages.rs`), which a split build does not carry.
//!
//! Vietnamese is the default, and most officers never switch. The English half of the fixed
//! texts is 26 KB (9 KB gzipped) of the first download that they would wait for on a slow
//! line for nothing, so the app's build leaves it out: `data/texts/en.json` holds it, Trunk
//! copies it beside `index.html` (`/texts/en.json`), the service worker keeps it with the
//! build, and `web::english_texts` fetches it before the page first shows in English or
//! switches to it. Native builds and the wasm-bindgen tests have the texts built in.
//!
//! `messages.rs` stays where the texts are written, both languages side by side; the file is
//! written from it (`UPDATE_TEXTS=1 cargo test --lib english`) and a native test fails while
//! they differ. A file of another build (or a damaged one) is refused by its fingerprint,
//! which each build computes from its own texts at compile time.

use serde::{Deserialize, Serialize};

/// FNV-1a over every text, each followed by a 0xFF byte (never in UTF-8): a different count,
/// order or wording of the texts gives another number.
pub const fn fingerprint(texts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut t = 0;
    while t < texts.len() {
        let bytes = texts[t].as_bytes();
        let mut i = 0;
        while i <= bytes.len() {
            let b = if i < bytes.len() { bytes[i] } else { 0xFF };
            hash ^= b as u64;
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            i += 1;
        }
        t += 1;
    }
    hash
}

/// `data/texts/en.json`.
#[derive(Debug, Serialize, Deserialize)]
pub struct EnglishFile {
    pub about: String,
    /// `fingerprint` of `texts`, as 16 hex digits.
    pub fingerprint: String,
    pub texts: Vec<String>,
}

/// Why a fetched file of English texts is not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnglishFileError {
    NotJson(String),
    /// Texts of another build of the app, or altered ones.
    OtherTexts,
}

/// The file's English texts, if they are exactly those `expected` fingerprints.
pub fn read_file(json: &str, expected: u64) -> Result<Vec<String>, EnglishFileError> {
    let file: EnglishFile = serde_json::from_str(json).map_err(|e| EnglishFileError::NotJson(e.to_string()))?;
    let texts: Vec<&str> = file.texts.iter().map(String::as_str).collect();
    if fingerprint(&texts) != expected || file.fingerprint != format!("{expected:016x}") {
        return Err(EnglishFileError::OtherTexts);
    }
    Ok(file.texts)
}

/// The file for `texts`, as `data/texts/en.json` holds it: one text a line, so a change of
/// wording is a one-line diff.
pub fn write_file(texts: &[&str]) -> String {
    let file = EnglishFile {
        about: "The English of src/i18n/messages.rs, in the order of its enum. Written from it by `UPDATE_TEXTS=1 cargo test --lib english`; the app fetches it only to show English (src/i18n/english.rs).".into(),
        fingerprint: format!("{:016x}", fingerprint(texts)),
        texts: texts.iter().map(|t| t.to_string()).collect(),
    };
    let mut out = serde_json::to_string_pretty(&file).unwrap_or_default();
    out.push('\n');
    out
}

/// Where a split build keeps the English texts once fetched: for the life of the page, as
/// the built-in ones would be.
#[cfg(nscl_split)]
static LOADED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();

/// Keeps `texts` (read by `read_file`) for the rest of the page's life.
#[cfg(nscl_split)]
pub fn install(texts: Vec<String>) {
    // Two overlapping loads (two quick clicks) leak no second copy.
    if LOADED.get().is_some() {
        return;
    }
    let _ = LOADED.set(texts.into_iter().map(|t| &*Box::leak(t.into_boxed_str())).collect());
}

/// Whether English can be shown: always where the texts are built in.
pub fn available() -> bool {
    #[cfg(nscl_split)]
    return LOADED.get().is_some();
    #[cfg(not(nscl_split))]
    return true;
}

/// The English text at `index` of the enum, if this page has it.
pub fn text(index: usize) -> Option<&'static str> {
    #[cfg(nscl_split)]
    return LOADED.get().and_then(|texts| texts.get(index).copied());
    #[cfg(not(nscl_split))]
    return super::messages::ENGLISH.get(index).copied();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::messages::{ENGLISH, ENGLISH_FINGERPRINT};

    const FILE: &str = "data/texts/en.json";

    /// The file the app fetches holds exactly the English texts of `messages.rs`.
    #[test]
    fn english_file_is_written_from_the_messages() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE);
        let wanted = write_file(ENGLISH);
        if std::env::var("UPDATE_TEXTS").is_ok_and(|v| v == "1") {
            std::fs::write(&path, &wanted).expect("data/texts/en.json is writable");
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(on_disk == wanted, "{FILE} differs from the English of src/i18n/messages.rs: run `UPDATE_TEXTS=1 cargo test --lib english` and commit it");
        assert_eq!(read_file(&on_disk, ENGLISH_FINGERPRINT).expect("the file reads back"), ENGLISH);
    }

    #[test]
    fn the_fingerprint_is_computed_at_compile_time_from_the_texts() {
        assert_eq!(ENGLISH_FINGERPRINT, fingerprint(ENGLISH));
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]), "where one text ends counts");
        assert_ne!(fingerprint(&["a"]), fingerprint(&["a", ""]), "so does how many there are");
    }

    #[test]
    fn another_builds_or_a_damaged_file_is_refused() {
        let file = write_file(ENGLISH);
        let one_text_changed = file.replacen("Try again", "Try once more", 1);
        assert_ne!(one_text_changed, file);
        assert_eq!(read_file(&one_text_changed, ENGLISH_FINGERPRINT), Err(EnglishFileError::OtherTexts));
        let one_text_less = write_file(&ENGLISH[1..]);
        assert_eq!(read_file(&one_text_less, ENGLISH_FINGERPRINT), Err(EnglishFileError::OtherTexts));
        let cut_short = &file[..file.find("\"texts\"").expect("the file has its texts")];
        assert!(matches!(read_file(cut_short, ENGLISH_FINGERPRINT), Err(EnglishFileError::NotJson(_))));
        assert!(matches!(read_file("<!doctype html><title>404</title>", ENGLISH_FINGERPRINT), Err(EnglishFileError::NotJson(_))));
    }

    proptest::proptest! {
        // Whatever a host or a damaged cache returns is refused with an error, never a panic.
        #[test]
        fn any_other_text_is_refused(json in "\\PC{0,200}") {
            proptest::prop_assert!(read_file(&json, ENGLISH_FINGERPRINT).is_err());
        }
    }
}
