//! What a record kind is called on screen.

use crate::i18n::Msg;

pub fn kind_msg(kind: &str) -> Msg {
    match kind {
        "enterprise" => Msg::NavEnterprises,
        "survey" => Msg::NavSurveys,
        "assessment" => Msg::NavSelfAssessment,
        "indicator_target" => Msg::TargetsTitle,
        _ => Msg::NavActivities,
    }
}
