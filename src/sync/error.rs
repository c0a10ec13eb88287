//! Why a file cannot be imported, in words the officer understands, in
//! their language. Every refusal leaves the store as it was.

use super::fault::{at_words, kind_noun, At, RecordFault, Syntax};
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The browser could not read the file (moved, removed, or no permission).
    CannotRead,
    /// Refused before reading: larger than the limit (both in bytes).
    TooLarge { bytes: u64, limit: u64 },
    /// The compressed data ends early or is damaged.
    DamagedCompression,
    /// The file is encrypted and no passphrase was given.
    NeedsPassphrase,
    /// Decryption failed: the passphrase is wrong, or the file was changed.
    WrongPassphrase,
    /// The encrypted file's clear header is not one this build reads.
    BadEncryptionHeader,
    /// The text is not UTF-8.
    NotUtf8,
    /// The text ends in the middle (a file cut short in copying).
    Truncated,
    /// Not JSON at all: what the parser found, and where.
    NotJson { syntax: Syntax, at: Option<At> },
    /// JSON, but not an NSCL Tracker file.
    WrongFormat,
    /// Written by a newer build, in a format version this one does not know.
    FutureVersion { found: u64 },
    /// The content does not match its checksum: changed or damaged after it was written.
    ChecksumMismatch,
    /// One record id appears twice in one kind.
    DuplicateId { kind: String, id: String },
    /// A record of a kind this build does not know.
    UnknownKind { kind: String },
    /// A record does not have the shape its kind needs: its kind and position (1-based) in
    /// its section when known, what is wrong, and where the parser was.
    BadRecord { place: Option<(String, usize)>, fault: RecordFault, at: Option<At> },
    /// An enterprise's result file names a questionnaire version this app does not know.
    UnknownForm { form: String, version: u32 },
    /// An enterprise's result file holds an answer or a score a questionnaire cannot give.
    ScoreOutOfRange { form: String, detail: String },
    /// A file marked as an enterprise's result holds more than one enterprise and its own self-assessments.
    NotAResult { why: NotAResultWhy },
}

/// What an enterprise's result file holds that a result cannot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAResultWhy {
    /// Not exactly one enterprise: this many.
    Enterprises(usize),
    SurveysOrActivities,
    AliasesOrConflicts,
    /// A self-assessment (this id) of another enterprise than the file's.
    OtherEnterprise(String),
}

impl NotAResultWhy {
    fn words(&self, lang: Lang) -> String {
        use NotAResultWhy::*;
        match (self, lang) {
            (Enterprises(n), Lang::Vi) => format!("{n} doanh nghiệp thay vì một"),
            (Enterprises(n), Lang::En) => format!("{n} enterprises instead of one"),
            (SurveysOrActivities, Lang::Vi) => "phiếu khảo sát hoặc hoạt động".into(),
            (SurveysOrActivities, Lang::En) => "surveys or activities".into(),
            (AliasesOrConflicts, Lang::Vi) => "bản ghi đã gộp hoặc bản xung đột".into(),
            (AliasesOrConflicts, Lang::En) => "merged records or conflict copies".into(),
            (OtherEnterprise(id), Lang::Vi) => format!("bản tự đánh giá {id} của một doanh nghiệp khác"),
            (OtherEnterprise(id), Lang::En) => format!("self-assessment {id} of another enterprise"),
        }
    }
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        use ImportError::*;
        let mib = |b: u64| crate::format::format_decimal(b as f64 / 1_048_576.0, 1, lang);
        match (self, lang) {
            (TooLarge { bytes, limit }, Lang::Vi) => format!("Tệp quá lớn ({} MB); giới hạn là {} MB. Hãy xuất theo từng huyện hoặc từng loại hồ sơ.", mib(*bytes), mib(*limit)),
            (TooLarge { bytes, limit }, Lang::En) => format!("The file is too large ({} MB); the limit is {} MB. Export one district or one kind of record at a time.", mib(*bytes), mib(*limit)),
            (CannotRead, Lang::Vi) => "Trình duyệt không đọc được tệp (tệp đã bị chuyển, xóa hoặc không có quyền đọc). Hãy chọn lại tệp.".into(),
            (CannotRead, Lang::En) => "The browser could not read the file (moved, deleted, or not readable). Choose it again.".into(),
            (DamagedCompression, Lang::Vi) => "Tệp nén bị hỏng hoặc bị cắt ngắn khi sao chép.".into(),
            (DamagedCompression, Lang::En) => "The compressed file is damaged or was cut short in copying.".into(),
            (NeedsPassphrase, Lang::Vi) => "Tệp được mã hóa. Nhập mật khẩu của tệp để đọc.".into(),
            (NeedsPassphrase, Lang::En) => "The file is encrypted. Enter its passphrase to read it.".into(),
            (WrongPassphrase, Lang::Vi) => "Sai mật khẩu hoặc tệp bị hỏng.".into(),
            (WrongPassphrase, Lang::En) => "Wrong passphrase or damaged file.".into(),
            (BadEncryptionHeader, Lang::Vi) => "Tệp mã hóa có phần đầu không hợp lệ hoặc do phiên bản mới hơn tạo ra.".into(),
            (BadEncryptionHeader, Lang::En) => "The encrypted file's header is invalid or was written by a newer version.".into(),
            (NotUtf8, Lang::Vi) => "Tệp không phải văn bản UTF-8, nên không phải tệp của NSCL Tracker.".into(),
            (NotUtf8, Lang::En) => "The file is not UTF-8 text, so it is not an NSCL Tracker file.".into(),
            (Truncated, Lang::Vi) => "Tệp bị cắt ngắn: phần cuối bị mất khi sao chép. Hãy xin lại tệp.".into(),
            (Truncated, Lang::En) => "The file is cut short: its end was lost in copying. Ask for the file again.".into(),
            (NotJson { syntax, at }, Lang::Vi) => format!("Tệp không đúng định dạng JSON: {}{}.", syntax.words(lang), at_words(*at, lang)),
            (NotJson { syntax, at }, Lang::En) => format!("The file is not valid JSON: {}{}.", syntax.words(lang), at_words(*at, lang)),
            (WrongFormat, Lang::Vi) => "Đây không phải tệp dữ liệu của NSCL Tracker.".into(),
            (WrongFormat, Lang::En) => "This is not an NSCL Tracker data file.".into(),
            (FutureVersion { found }, Lang::Vi) => format!("Tệp dùng định dạng phiên bản {found}, mới hơn ứng dụng này. Hãy cập nhật ứng dụng rồi nhập lại."),
            (FutureVersion { found }, Lang::En) => format!("The file uses format version {found}, newer than this app. Update the app, then import it again."),
            (ChecksumMismatch, Lang::Vi) => "Nội dung tệp không khớp mã kiểm tra: tệp đã bị sửa hoặc hỏng sau khi xuất.".into(),
            (ChecksumMismatch, Lang::En) => "The file's content does not match its checksum: it was changed or damaged after export.".into(),
            (DuplicateId { kind, id }, Lang::Vi) => format!("Tệp có hai bản ghi {} cùng mã {id}: tệp bị hỏng.", kind_noun(kind, lang)),
            (DuplicateId { kind, id }, Lang::En) => format!("The file holds two {} records with the id {id}: it is damaged.", kind_noun(kind, lang)),
            (UnknownKind { kind }, Lang::Vi) => format!("Tệp có loại hồ sơ \u{201c}{kind}\u{201d} mà ứng dụng này không biết. Hãy cập nhật ứng dụng."),
            (UnknownKind { kind }, Lang::En) => format!("The file holds records of a kind this app does not know (\u{201c}{kind}\u{201d}). Update the app."),
            (BadRecord { place: Some((kind, n)), fault, at }, Lang::Vi) => format!("Bản ghi {} thứ {n} trong tệp sai cấu trúc: {}{}.", kind_noun(kind, lang), fault.words(lang), at_words(*at, lang)),
            (BadRecord { place: Some((kind, n)), fault, at }, Lang::En) => format!("{} record {n} in the file has the wrong shape: {}{}.", capitalised(&kind_noun(kind, lang)), fault.words(lang), at_words(*at, lang)),
            (BadRecord { place: None, fault, at }, Lang::Vi) => format!("Một bản ghi trong tệp sai cấu trúc: {}{}.", fault.words(lang), at_words(*at, lang)),
            (BadRecord { place: None, fault, at }, Lang::En) => format!("A record in the file has the wrong shape: {}{}.", fault.words(lang), at_words(*at, lang)),
            (UnknownForm { form, version }, Lang::Vi) => format!("Tệp kết quả dùng bộ câu hỏi \u{201c}{form}\u{201d} phiên bản {version} mà ứng dụng này chưa có. Hãy cập nhật ứng dụng hoặc cài bộ câu hỏi đó, rồi nhập lại. Chưa có gì được nhập."),
            (UnknownForm { form, version }, Lang::En) => format!("The result file uses questionnaire \u{201c}{form}\u{201d} version {version}, which this app does not have. Update the app or install that questionnaire, then import again. Nothing was imported."),
            (ScoreOutOfRange { form, detail }, Lang::Vi) => format!("Tệp kết quả có điểm hoặc câu trả lời ngoài thang điểm của bộ câu hỏi \u{201c}{form}\u{201d} ({detail}): tệp đã bị sửa hoặc hỏng. Chưa có gì được nhập."),
            (NotAResult { why }, Lang::Vi) => format!("Tệp được ghi là kết quả tự đánh giá của một doanh nghiệp nhưng chứa dữ liệu khác ({}). Chưa có gì được nhập.", why.words(lang)),
            (NotAResult { why }, Lang::En) => format!("The file is marked as one enterprise's self-assessment result but holds other data ({}). Nothing was imported.", why.words(lang)),
            (ScoreOutOfRange { form, detail }, Lang::En) => format!("The result file holds a score or an answer outside the scale of questionnaire \u{201c}{form}\u{201d} ({detail}): it was changed or damaged. Nothing was imported."),
        }
    }
}

/// The text with its first letter in capitals (a noun opening a sentence).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| std::iter::once(crate::case::upper(c)).chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_message_in_both_languages() {
        let all = [
            ImportError::TooLarge { bytes: 210 << 20, limit: 200 << 20 },
            ImportError::CannotRead,
            ImportError::DamagedCompression,
            ImportError::NeedsPassphrase,
            ImportError::WrongPassphrase,
            ImportError::BadEncryptionHeader,
            ImportError::NotUtf8,
            ImportError::Truncated,
            ImportError::NotJson { syntax: Syntax::ExpectedValue, at: None },
            ImportError::WrongFormat,
            ImportError::FutureVersion { found: 99 },
            ImportError::ChecksumMismatch,
            ImportError::DuplicateId { kind: "enterprise".into(), id: "e1".into() },
            ImportError::UnknownKind { kind: "widget".into() },
            ImportError::BadRecord { place: None, fault: RecordFault::NoId, at: None },
            ImportError::UnknownForm { form: "f".into(), version: 2 },
            ImportError::ScoreOutOfRange { form: "f".into(), detail: "q = 9".into() },
            ImportError::NotAResult { why: NotAResultWhy::SurveysOrActivities },
        ];
        for e in &all {
            let (vi, en) = (e.message(Lang::Vi), e.message(Lang::En));
            assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{e:?}");
        }
        assert_eq!(all[0].message(Lang::Vi), "Tệp quá lớn (210 MB); giới hạn là 200 MB. Hãy xuất theo từng huyện hoặc từng loại hồ sơ.");
    }
}
