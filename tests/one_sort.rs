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

/// The shipped part of a source file: all of it but its test module and test-only files.
fn shipped_code(path: &Path, text: &str) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    if name == "tests.rs" || name == "property_tests.rs" || name == "arbitrary_text.rs" {
        return None;
    }
    Some(text.split("#[cfg(test)]\nmod ").next().unwrap_or_default().to_string())
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
fn the_scan_sees_a_sort_call_and_skips_test_modules() {
    let shipped = "fn f(v: &mut Vec<u8>) { v.sort(); }\n#[cfg(test)]\nmod tests { fn g(v: &mut Vec<u8>) { v.sort_by(|a, b| a.cmp(b)); } }";
    let code = shipped_code(Path::new("src/x.rs"), shipped).expect("a shipped file");
    assert!(code.contains(".sort("));
    assert!(!code.contains(".sort_by("));
    assert!(shipped_code(Path::new("src/indicators/tests.rs"), shipped).is_none());
}
