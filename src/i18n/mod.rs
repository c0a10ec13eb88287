//! Every user-visible string. Vietnamese is the default; English comes second.
//!
//! Fixed texts live in `messages.rs`, Vietnamese and English side by side, as
//! one enum so a missing translation is a compile error. Texts with numbers in
//! them are the functions below.

mod activity_texts;
/// The English of the fixed texts: fetched by the app's build, built in elsewhere.
pub mod english;
mod import_texts;
mod labels;
mod messages;
pub mod page_texts;
mod survey_texts;
mod readiness_texts;
mod report_texts;

pub use labels::*;

pub use messages::{Msg, ENGLISH_FINGERPRINT};

use crate::format::format_int;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "vi" | "vi-vn" => Some(Lang::Vi),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }

    /// The `lang` parameter of a URL query string such as `?lang=en&x=1`.
    pub fn from_query(query: &str) -> Option<Lang> {
        query
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| *k == "lang")
            .and_then(|(_, v)| Lang::from_code(v))
    }

    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self)
    }

    /// "Still reading this device's records: 1,200 of 39,000".
    pub fn still_reading(self, read: usize, total: usize) -> String {
        let (a, n) = (format_int(read as i64, self), format_int(total as i64, self));
        match self {
            Lang::Vi => format!("Đang đọc dữ liệu trên máy: {a} / {n} bản ghi. Danh sách sẽ đầy đủ khi đọc xong."),
            Lang::En => format!("Still reading this device's records: {a} of {n}. The list is complete once they are read."),
        }
    }

    /// "Showing 1–50 of 5,000".
    pub fn showing(self, from: usize, to: usize, total: usize) -> String {
        let (a, b, n) = (format_int(from as i64, self), format_int(to as i64, self), format_int(total as i64, self));
        match self {
            Lang::Vi => format!("Hiển thị {a}–{b} trên tổng số {n}"),
            Lang::En => format!("Showing {a}–{b} of {n}"),
        }
    }

    pub fn page_of(self, page: usize, pages: usize) -> String {
        match self {
            Lang::Vi => format!("Trang {page}/{pages}"),
            Lang::En => format!("Page {page} of {pages}"),
        }
    }

    pub fn confirm_delete(self, name: &str) -> String {
        match self {
            Lang::Vi => format!("Xóa “{name}” khỏi danh bạ? Có thể khôi phục trong mục “Đã xóa gần đây”."),
            Lang::En => format!("Delete “{name}” from the register? It can be restored from “Recently deleted”."),
        }
    }

    /// What points at an enterprise about to be deleted.
    pub fn linked_records(self, surveys: usize, assessments: usize, activities: usize) -> String {
        match self {
            Lang::Vi => format!("Gắn với doanh nghiệp này: {surveys} phiếu khảo sát, {assessments} tự đánh giá, {activities} hoạt động."),
            Lang::En => format!("Linked to this enterprise: {surveys} field surveys, {assessments} self-assessments, {activities} activities."),
        }
    }

    /// Under a dashboard count: how many of those forms name no enterprise in the register.
    pub fn unlinked_forms(self, n: usize) -> String {
        match self {
            Lang::Vi => format!("trong đó {n} của doanh nghiệp đã xóa hoặc không có trong danh bạ"),
            Lang::En => format!("of which {n} of enterprises deleted or not in the register"),
        }
    }

    pub fn more_deleted(self, n: usize) -> String {
        match self {
            Lang::Vi => format!("Và {n} hồ sơ bị xóa trước đó."),
            Lang::En => format!("And {n} records deleted earlier."),
        }
    }

    pub fn too_long(self, max: usize) -> String {
        let max = format_int(max as i64, self);
        match self {
            Lang::Vi => format!("Quá dài: tối đa {max} ký tự."),
            Lang::En => format!("Too long: at most {max} characters."),
        }
    }

    pub fn enterprises_count(self, n: usize) -> String {
        let count = format_int(n as i64, self);
        match self {
            Lang::Vi => format!("{count} doanh nghiệp"),
            Lang::En if n == 1 => format!("{count} enterprise"),
            Lang::En => format!("{count} enterprises"),
        }
    }

    pub fn quarantined(self, n: usize) -> String {
        let count = format_int(n as i64, self);
        match self {
            Lang::Vi => format!("{count} bản ghi đã lưu bị lỗi và không đọc được. Chúng được giữ nguyên, không bị xóa, để có thể khôi phục."),
            Lang::En => format!("{count} stored records are damaged and could not be read. They are kept untouched, not deleted, so they can be recovered."),
        }
    }

    pub fn unexported(self, n: usize, since: Option<&str>) -> String {
        let count = format_int(n as i64, self);
        match (self, since) {
            (Lang::Vi, Some(d)) => format!("{count} bản ghi đã thay đổi chưa được xuất kể từ lần sao lưu lúc {d}."),
            (Lang::Vi, None) => format!("{count} bản ghi chưa từng được xuất ra bản sao lưu."),
            (Lang::En, Some(d)) => format!("{count} changed records not exported since the backup of {d}."),
            (Lang::En, None) => format!("{count} records have never been exported to a backup."),
        }
    }

    pub fn backup_reminder(self, n: usize) -> String {
        let count = format_int(n as i64, self);
        match self {
            Lang::Vi => format!("Có {count} thay đổi chưa được sao lưu. Hãy xuất bản sao lưu để phòng mất dữ liệu."),
            Lang::En => format!("{count} changes are not backed up yet. Export a backup so nothing is lost."),
        }
    }

    /// "3,2 MB of 120 GB".
    pub fn usage(self, used_bytes: f64, quota_bytes: f64) -> String {
        let size = |b: f64| {
            let (value, unit) = if b >= 1e9 { (b / 1e9, "GB") } else if b >= 1e6 { (b / 1e6, "MB") } else { (b / 1e3, "kB") };
            format!("{} {unit}", crate::format::format_decimal(value, 1, self))
        };
        match self {
            Lang::Vi => format!("Đang dùng {} trên {} trình duyệt cho phép.", size(used_bytes), size(quota_bytes)),
            Lang::En => format!("Using {} of the {} the browser allows.", size(used_bytes), size(quota_bytes)),
        }
    }

    /// A sync file was made.
    pub fn sync_exported(self, name: &str, records: usize, bytes: f64) -> String {
        let n = format_int(records as i64, self);
        let kb = crate::format::format_decimal(bytes / 1024.0, 1, self);
        match self {
            Lang::Vi => format!("Đã tạo tệp {name}: {n} bản ghi, {kb} KB. Hãy gửi tệp cho người nhận."),
            Lang::En => format!("Made {name}: {n} records, {kb} KB. Send it to the recipient."),
        }
    }

    /// When the last file to a recipient was made.
    pub fn last_sent(self, when: &str) -> String {
        match self {
            Lang::Vi => format!("Lần gửi trước cho người nhận này: {when}. Tệp sẽ gồm những gì thay đổi sau đó."),
            Lang::En => format!("Last file to this recipient: {when}. The file will hold what changed since."),
        }
    }

    /// A file of an import holds records this computer lacks.
    pub fn verdict_fresh(self, records: usize) -> String {
        let n = format_int(records as i64, self);
        match self {
            Lang::Vi => format!("Hợp lệ: {n} bản ghi."),
            Lang::En => format!("Valid: {n} records."),
        }
    }

    /// A file of an import is the same as one above it.
    pub fn verdict_repeat(self, earlier: &str) -> String {
        match self {
            Lang::Vi => format!("Trùng với tệp {earlier} ở trên: bỏ qua."),
            Lang::En => format!("The same file as {earlier} above: skipped."),
        }
    }

    /// How many enterprises an import would leave with a tax code another one has.
    pub fn duplicates_after_import(self, n: usize) -> String {
        let n = format_int(n as i64, self);
        match self {
            Lang::Vi => format!("{n} doanh nghiệp sẽ trùng mã số thuế với doanh nghiệp khác. Sau khi nhập, có thể gộp chúng ở mục \u{201c}Có thể trùng doanh nghiệp\u{201d}."),
            Lang::En => format!("{n} enterprises will share a tax code with another. After importing, merge them under \u{201c}Likely duplicate enterprises\u{201d}."),
        }
    }

    /// What an import wrote.
    pub fn imported(self, new: usize, updated: usize, conflicts: usize, deleted: usize) -> String {
        let f = |n: usize| format_int(n as i64, self);
        match self {
            Lang::Vi => format!("Đã nhập: {} mới, {} cập nhật, {} xung đột, {} xóa.", f(new), f(updated), f(conflicts), f(deleted)),
            Lang::En => format!("Imported: {} new, {} updated, {} in conflict, {} deleted.", f(new), f(updated), f(conflicts), f(deleted)),
        }
    }

    pub fn conflict_by(self, who: &str, when: &str) -> String {
        match self {
            Lang::Vi => format!("Người sửa: {who}, lúc {when}."),
            Lang::En => format!("Changed by {who} at {when}."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        for &m in Msg::ALL {
            assert!(!m.text(Lang::Vi).trim().is_empty(), "{m:?} vi");
            assert!(!m.text(Lang::En).trim().is_empty(), "{m:?} en");
        }
        assert!(Msg::ALL.len() > 100);
    }

    #[test]
    fn each_message_reads_its_own_texts_from_the_string_of_all() {
        // The first, one near the start of the list, one further on and the last, each in both
        // languages: the Vietnamese are cut from one string, the English read from their list
        // (`messages!`), or the fetched file of it in the app (`english`).
        assert_eq!(Msg::ALL.first(), Some(&Msg::PageLoadFailed));
        assert!(Msg::PageLoadFailed.text(Lang::Vi).starts_with("Không tải được trang này ("));
        assert!(Msg::PageLoadFailed.text(Lang::Vi).ends_with("hoặc tải lại ứng dụng."));
        assert!(Msg::PageLoadFailed.text(Lang::En).starts_with("This page could not be loaded ("));
        assert_eq!((Msg::PageLoadRetry.text(Lang::Vi), Msg::PageLoadRetry.text(Lang::En)), ("Thử lại", "Try again"));
        assert_eq!((Msg::ChartDownloadPng.text(Lang::Vi), Msg::ChartDownloadPng.text(Lang::En)), ("Tải ảnh PNG", "Download PNG"));
        assert_eq!((Msg::ReadOnlyMode.text(Lang::Vi), Msg::ReadOnlyMode.text(Lang::En)), ("Chế độ chỉ đọc", "Read-only mode"));
        assert!(Msg::EnglishUnavailable.text(Lang::Vi).starts_with("Không tải được bản tiếng Anh"));
        assert!(Msg::EnglishUnavailable.text(Lang::En).ends_with("the app stays in Vietnamese."));
        assert_eq!(Msg::ALL.last(), Some(&Msg::EnglishUnavailable));
        assert_eq!(Msg::ALL.iter().enumerate().find(|(i, m)| **m as usize != *i), None, "ALL is in the enum's order");
    }

    #[test]
    fn vietnamese_texts_are_actually_vietnamese() {
        // Guards against an English string pasted into the Vietnamese column.
        let identical: Vec<Msg> = Msg::ALL.iter().copied().filter(|m| m.text(Lang::Vi) == m.text(Lang::En)).collect();
        let allowed = [Msg::NotSet, Msg::FieldEmail, Msg::LangVi, Msg::LangEn, Msg::AppTitleShort, Msg::SectorVsicShort];
        for m in identical {
            assert!(allowed.contains(&m), "{m:?} has the same text in both languages");
        }
    }

    #[test]
    fn language_from_url_and_codes() {
        assert_eq!(Lang::from_query("?lang=en"), Some(Lang::En));
        assert_eq!(Lang::from_query("?x=1&lang=vi"), Some(Lang::Vi));
        assert_eq!(Lang::from_query("?lang=EN"), Some(Lang::En));
        assert_eq!(Lang::from_query("?lang=fr"), None);
        assert_eq!(Lang::from_query(""), None);
        assert_eq!(Lang::default(), Lang::Vi);
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
    }

    #[test]
    fn parameterised_texts_use_the_language_number_format() {
        assert_eq!(Lang::Vi.showing(1, 50, 5000), "Hiển thị 1–50 trên tổng số 5.000");
        assert_eq!(Lang::En.showing(1, 50, 5000), "Showing 1–50 of 5,000");
        assert_eq!(Lang::Vi.still_reading(1200, 39000), "Đang đọc dữ liệu trên máy: 1.200 / 39.000 bản ghi. Danh sách sẽ đầy đủ khi đọc xong.");
        assert_eq!(Lang::En.enterprises_count(1), "1 enterprise");
        assert_eq!(Lang::Vi.enterprises_count(1234), "1.234 doanh nghiệp");
        assert_eq!(Lang::Vi.usage(3_260_000.0, 120e9), "Đang dùng 3,3 MB trên 120 GB trình duyệt cho phép.");
        assert_eq!(Lang::En.usage(900.0, 5e6), "Using 0.9 kB of the 5 MB the browser allows.");
    }
}
