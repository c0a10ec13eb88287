//! The name a downloaded chart gets.

/// A file name stem from a chart's title or what the page calls it: folded
/// to ASCII (`Chỉ tiêu 2021–2025` → `chi-tieu-2021-2025`), anything but
/// letters and digits one `-`, at most 80 characters; `bieu-do` ("chart")
/// when nothing is left. Safe on every file system and in every mail client.
pub fn file_stem(text: &str) -> String {
    let mut out = String::new();
    for c in crate::text::fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 80 {
            break;
        }
    }
    let stem = out.trim_end_matches('-');
    if stem.is_empty() {
        "bieu-do".to_string()
    } else {
        stem.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn stems_are_ascii_and_never_empty() {
        assert_eq!(file_stem("Chỉ tiêu 2021–2025 (Đồng Tháp)"), "chi-tieu-2021-2025-dong-thap");
        assert_eq!(file_stem("<script>alert(1)</script>"), "script-alert-1-script");
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem(""), "bieu-do");
        assert_eq!(file_stem("😀 …"), "bieu-do");
        assert!(file_stem(&"Đ".repeat(500)).len() <= 80);
    }
}
