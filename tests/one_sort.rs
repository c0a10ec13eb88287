//! The app sorts through `src/sort.rs` only: each call of a slice's own `sort*` method with a
//! new element type or comparison adds another copy of the standard library's sort (4-5 KB of
//! wasm) to the module, and the first download is what officers wait for on a slow line.
//! Test modules may sort as they like: they are not in the module.

use std::path::Path;

const SORT_METHODS: [&str; 6] = [".sort(", ".sort_by(", ".sort_by_key(", ".sort_by_cached_key(", ".sort_unstable(", ".sort_unstable_by"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Files that are test modules themselves (`#[cfg(test)] mod x;` in their parent).
const TEST_FILES: [&str; 6] = ["tests.rs", "property_tests.rs", "arbitrary_text.rs", "snapshot_tests.rs", "scenario_tests.rs", "xml_check.rs"];

/// Whether a `#[cfg(...)]` line names the `test` predicate (`test`, `all(test, ...)`), not
/// `not(test)` and not a feature whose name holds the word (`feature = "test-hooks"`).
fn names_test(attr: &str) -> bool {
    attr.starts_with("#[cfg(")
        && !attr.contains("not(test")
        && attr.match_indices("test").any(|(i, _)| {
            let before = attr[..i].chars().next_back();
            let after = attr[i + 4..].chars().next();
            matches!(before, Some('(' | ' ' | ',')) && matches!(after, Some(')' | ','))
        })
}

/// The shipped part of a source file: all of it but the items under a `#[cfg(...)]` that names
/// `test` (a test module, a test function), found by their braces; none of a test-only file.
fn shipped_code(path: &Path, text: &str) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    if TEST_FILES.contains(&name) {
        return None;
    }
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let attr = line.trim_start();
        let test_only = names_test(attr);
        if !test_only {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        // The item the attribute is on: one line ending in `;`, or up to its closing brace.
        let mut depth = 0i32;
        let mut opened = false;
        for item in lines.by_ref() {
            let code = item.split("//").next().unwrap_or_default();
            if !opened && code.trim_start().starts_with("#[") {
                continue;
            }
            depth += code.matches('{').count() as i32 - code.matches('}').count() as i32;
            opened |= code.contains('{');
            if (opened && depth <= 0) || (!opened && code.trim_end().ends_with(';')) {
                break;
            }
        }
    }
    Some(out)
}

#[test]
fn no_shipped_code_calls_a_slice_sort_method() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 100, "the scan found the sources ({} files)", files.len());
    let mut found = Vec::new();
    for path in files.iter().filter(|p| !p.ends_with("src/sort.rs")) {
        let text = std::fs::read_to_string(path).expect("a source file is UTF-8");
        let Some(code) = shipped_code(path, &text) else { continue };
        for (n, line) in code.lines().enumerate() {
            let code_part = line.split("//").next().unwrap_or_default();
            if SORT_METHODS.iter().any(|m| code_part.contains(m)) {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "sort with crate::sort instead (src/sort.rs says why):\n{}", found.join("\n"));
}

#[test]
fn the_scan_sees_a_sort_call_and_skips_test_items_only() {
    let source = "fn f(v: &mut Vec<u8>) { v.sort(); }
#[cfg(test)]
mod tests;
fn after_a_test_module_file(v: &mut Vec<u8>) { v.sort_unstable(); }
#[cfg(all(test, not(target_arch = \"wasm32\")))]
mod tests {
    fn g(v: &mut Vec<u8>) {
        v.sort_by(|a, b| a.cmp(b));
    }
}
#[cfg(test)]
#[test]
fn t() { let mut v = vec![2, 1]; v.sort_by_key(|x| *x); }
#[cfg(not(test))]
fn shipped_only(v: &mut Vec<u8>) { v.sort_by_cached_key(|x| *x); }
#[cfg(all(target_arch = \"wasm32\", feature = \"test-hooks\"))]
fn in_the_test_bundle(v: &mut Vec<u8>) { v.sort_unstable_by(|a, b| b.cmp(a)); }
";
    let code = shipped_code(Path::new("src/x.rs"), source).expect("a shipped file");
    assert!(code.contains("v.sort();"));
    assert!(code.contains("v.sort_unstable();"), "code after `mod tests;` is scanned:\n{code}");
    assert!(code.contains(".sort_by_cached_key("), "`not(test)` code is shipped");
    assert!(code.contains(".sort_unstable_by("), "a feature named test-something is shipped");
    assert!(!code.contains(".sort_by("), "a test module's body is skipped:\n{code}");
    assert!(!code.contains(".sort_by_key("), "a test function is skipped");
    assert!(shipped_code(Path::new("src/sync/scenario_tests.rs"), source).is_none());
}
