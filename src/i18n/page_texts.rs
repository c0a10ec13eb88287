//! The Vietnamese of the texts only pages from a chunk show (`Key => page …` in `messages.rs`).
//!
//! In the split build the string that holds them is referred to by code in chunks only: that
//! string then goes into a chunk with the code, not into the first download (wasm-split moves a
//! piece of data with the only code that uses it). Every function a chunk exports installs it
//! before anything of its page is drawn (`ui::lazy_page::split_value`), and the pages' texts are
//! read through what was installed. The shell's texts, which the first screen shows before any
//! chunk has come, stay in `messages.rs`'s own string. Other builds read the string directly.

use super::messages::{cut, PAGE_ENDS, PAGE_TEXT};

#[cfg(nscl_split)]
thread_local! {
    /// The pages' texts and where each ends, once a chunk has installed them. Not a function
    /// pointer: the first try installed one, and the string stayed in the first download
    /// (measured, 56cf6b3); wasm-split puts a function with whatever refers to it.
    static INSTALLED: std::cell::Cell<Option<(&'static str, &'static [u32])>> = const { std::cell::Cell::new(None) };
}

/// Called by every function a chunk exports: makes the pages' texts readable.
#[cfg(nscl_split)]
pub fn install() {
    INSTALLED.with(|i| i.set(Some((PAGE_TEXT, &PAGE_ENDS))));
}

/// The pages' text at `i` of the enum: `""` in a split build before any chunk has come, which no
/// page can draw (its code comes in a chunk), and for a text of the shell.
pub fn text(i: usize) -> &'static str {
    #[cfg(nscl_split)]
    return INSTALLED.with(|installed| installed.get()).map_or("", |(text, ends)| cut(text, ends, i));
    #[cfg(not(nscl_split))]
    return cut(PAGE_TEXT, &PAGE_ENDS, i);
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, Msg};

    /// Source files whose code runs only inside a page or part loaded from a chunk, after its
    /// exported function installed the pages' texts: a `page` text may be named only in these.
    /// Everything else (the shell, models, stores, every non-UI module) may draw before any chunk
    /// has come, so a text it names must stay in the first download.
    const PAGE_DIRS: &[&str] = &["ui/activity/", "ui/assessment/", "ui/charts/", "ui/enterprise_import/", "ui/indicators/", "ui/programme/", "ui/report/", "ui/survey/", "ui/sync/", "ui/readiness/"];
    /// In those folders, but drawn or called by the shell: the sync status in the navigation,
    /// the home page and the choice of role.
    const SHELL_IN_PAGE_DIRS: &[&str] = &["ui/sync/status.rs", "ui/sync/mod.rs", "ui/readiness/role.rs", "ui/readiness/mod.rs", "ui/readiness/data.rs"];
    const PAGE_FILES: &[&str] = &[
        "ui/enterprise_list.rs", "ui/enterprise_detail.rs", "ui/enterprise_form.rs", "ui/enterprise_history.rs", "ui/recently_deleted.rs", "ui/settings.rs",
        "ui/unit_editor.rs", "ui/change_list.rs", "ui/confirm_dialog.rs", "ui/deletion.rs", "ui/day_input.rs", "ui/filter_select.rs", "ui/form_fields.rs",
        "ui/pager.rs", "ui/unsaved_form.rs", "ui/dashboard_indicators.rs",
    ];

    fn on_pages(path: &str) -> bool {
        PAGE_FILES.contains(&path) || (PAGE_DIRS.iter().any(|d| path.starts_with(d)) && !SHELL_IN_PAGE_DIRS.contains(&path))
    }

    fn sources(dir: &std::path::Path, root: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.strip_prefix(root).expect("under src").to_string_lossy().replace('\\', "/");
                if name != "i18n/messages.rs" {
                    out.push((name, std::fs::read_to_string(&path).expect("a source file is readable")));
                }
            }
        }
    }

    fn names(text: &str, word: &str) -> bool {
        let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
        text.match_indices(word).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(is_word) && !after.is_some_and(is_word)
        })
    }

    /// A text marked `page` that the shell drew would be blank in the split build until a chunk
    /// came: every `page` text is named only in files of pages from chunks (`PAGE_FILES`).
    #[test]
    fn page_texts_are_named_only_on_pages_from_chunks() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        sources(&root, &root, &mut files);
        assert!(files.len() > 100, "the sources were found");
        let mut wrong = Vec::new();
        for &m in Msg::ALL.iter().filter(|m| m.on_pages_only()) {
            let key = format!("{m:?}");
            let shell: Vec<&str> = files.iter().filter(|(path, text)| !on_pages(path) && names(text, &key)).map(|(path, _)| path.as_str()).collect();
            if !shell.is_empty() {
                wrong.push(format!("{key}: {shell:?}"));
            }
        }
        assert!(wrong.is_empty(), "texts marked `page` in messages.rs but named outside the pages from chunks (remove `page`):\n{}", wrong.join("\n"));
        // Most of the texts are the pages': the split build's first download holds only the rest.
        let pages = Msg::ALL.iter().filter(|m| m.on_pages_only()).count();
        assert!(pages > Msg::ALL.len() / 2, "{pages} of {}", Msg::ALL.len());
    }

    /// Each text is read from its own part: a page text's Vietnamese from the pages' string, a
    /// shell text's from the shell's, and each part has "" where the other's texts are.
    #[test]
    fn page_and_shell_texts_read_from_their_own_strings() {
        assert!(!Msg::PageLoadFailed.on_pages_only(), "the message a failed chunk shows is the shell's");
        for &m in Msg::ALL {
            let in_pages = super::cut(super::PAGE_TEXT, &super::PAGE_ENDS, m as usize);
            let vietnamese = m.text(Lang::Vi);
            assert!(!vietnamese.is_empty(), "{m:?}");
            if m.on_pages_only() {
                assert_eq!(in_pages, vietnamese, "{m:?}");
            } else {
                assert_eq!(in_pages, "", "{m:?}");
            }
        }
    }
}
