//! Activity texts with numbers, names or kinds in them.

use super::{Lang, Msg};
use crate::format::format_int;
use crate::model::activity::Funding;

impl Lang {
    pub fn funding(self, funding: Funding) -> &'static str {
        self.t(match funding {
            Funding::StateBudget => Msg::FundingStateBudget,
            Funding::Mobilised => Msg::FundingMobilised,
        })
    }

    pub fn confirm_delete_activity(self, title: &str) -> String {
        match self {
            Lang::Vi => format!("Xóa hoạt động “{title}”? Hoạt động sẽ không còn được tính vào các chỉ tiêu."),
            Lang::En => format!("Delete the activity “{title}”? It will no longer count towards the indicators."),
        }
    }

    /// "12 activities".
    pub fn activities_count(self, n: usize) -> String {
        let count = format_int(n as i64, self);
        match self {
            Lang::Vi => format!("{count} hoạt động"),
            Lang::En if n == 1 => format!("{count} activity"),
            Lang::En => format!("{count} activities"),
        }
    }
}
