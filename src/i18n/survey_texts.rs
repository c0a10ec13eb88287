//! Survey texts with numbers or names in them.

use super::Lang;
use crate::form::Issue;
use crate::format::format_int;
use crate::model::survey::SurveyStatus;

impl Lang {
    /// What is wrong with an answer; rule messages come from the form definition.
    pub fn issue(self, issue: &Issue) -> String {
        use super::Msg;
        let n = |x: f64| crate::format::format_answer_number(x, self);
        let count = |x: usize| format_int(x as i64, self);
        match (issue, self) {
            (Issue::Required, _) => self.t(Msg::IssueRequired).into(),
            (Issue::NotANumber, _) => self.t(Msg::IssueNotANumber).into(),
            (Issue::NotAWholeNumber, _) => self.t(Msg::IssueNotAWholeNumber).into(),
            (Issue::NotAPhone, _) => self.t(Msg::ErrPhone).into(),
            (Issue::NotADate, _) => self.t(Msg::IssueNotADate).into(),
            (Issue::UnknownChoice, _) => self.t(Msg::IssueUnknownChoice).into(),
            (Issue::Rule(text), _) => text.get(self).into(),
            (Issue::BelowMin(m), Lang::Vi) => format!("Không được nhỏ hơn {}.", n(*m)),
            (Issue::BelowMin(m), Lang::En) => format!("Must be at least {}.", n(*m)),
            (Issue::AboveMax(m), Lang::Vi) => format!("Không được lớn hơn {}.", n(*m)),
            (Issue::AboveMax(m), Lang::En) => format!("Must be at most {}.", n(*m)),
            (Issue::TooLong(m), Lang::Vi) => format!("Tối đa {} ký tự.", count(*m)),
            (Issue::TooLong(m), Lang::En) => format!("At most {} characters.", count(*m)),
            (Issue::TooManyRows(m), Lang::Vi) => format!("Tối đa {} dòng.", count(*m)),
            (Issue::TooManyRows(m), Lang::En) => format!("At most {} rows.", count(*m)),
            (Issue::TooManyRanked(m), Lang::Vi) => format!("Chỉ xếp hạng tối đa {} mục.", count(*m)),
            (Issue::TooManyRanked(m), Lang::En) => format!("Rank at most {} items.", count(*m)),
            (Issue::RowsMissing(m), Lang::Vi) => format!("Còn {} dòng chưa trả lời.", count(*m)),
            (Issue::RowsMissing(1), Lang::En) => "1 row is not answered yet.".to_string(),
            (Issue::RowsMissing(m), Lang::En) => format!("{} rows are not answered yet.", count(*m)),
        }
    }

    /// "12 / 40".
    pub fn answered_of(self, answered: usize, total: usize) -> String {
        format!("{} / {}", format_int(answered as i64, self), format_int(total as i64, self))
    }

    /// The editor's counter, saying what it counts: the questions on show
    /// (a question hidden by an earlier answer is not counted).
    pub fn answered_questions(self, answered: usize, total: usize) -> String {
        let (a, t) = (format_int(answered as i64, self), format_int(total as i64, self));
        match self {
            Lang::Vi => format!("Đã trả lời {a} / {t} câu hỏi"),
            Lang::En => format!("{a} of {t} questions answered"),
        }
    }

    pub fn draft_saved(self, time: &str) -> String {
        match self {
            Lang::Vi => format!("Đã lưu lúc {time}."),
            Lang::En => format!("Saved at {time}."),
        }
    }

    pub fn issues_left(self, n: usize) -> String {
        match self {
            Lang::Vi => format!("Còn {} mục cần trả lời hoặc sửa.", format_int(n as i64, self)),
            Lang::En if n == 1 => "1 item still needs an answer or a fix.".to_string(),
            Lang::En => format!("{} items still need an answer or a fix.", format_int(n as i64, self)),
        }
    }

    pub fn form_version(self, title: &str, version: u32) -> String {
        match self {
            Lang::Vi => format!("{title} (phiên bản {version})"),
            Lang::En => format!("{title} (version {version})"),
        }
    }

    pub fn form_upgraded(self, from: u32, to: u32) -> String {
        match self {
            Lang::Vi => format!("Bản nháp đã được chuyển từ phiên bản {from} sang phiên bản {to} của phiếu."),
            Lang::En => format!("The draft was moved from version {from} to version {to} of the form."),
        }
    }

    pub fn form_installed(self, title: &str, version: u32) -> String {
        match self {
            Lang::Vi => format!("Đã cài \"{title}\", phiên bản {version}."),
            Lang::En => format!("Installed \"{title}\", version {version}."),
        }
    }

    pub fn row_number(self, n: usize) -> String {
        match self {
            Lang::Vi => format!("Dòng {n}"),
            Lang::En => format!("Row {n}"),
        }
    }

    pub fn orphan_from(self, version: u32) -> String {
        match self {
            Lang::Vi => format!("từ phiên bản {version}"),
            Lang::En => format!("from version {version}"),
        }
    }

    pub fn survey_status(self, status: SurveyStatus) -> &'static str {
        self.t(match status {
            SurveyStatus::Draft => super::Msg::StatusDraft,
            SurveyStatus::Complete => super::Msg::StatusComplete,
        })
    }
}
