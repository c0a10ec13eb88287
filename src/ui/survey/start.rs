//! "Survey this enterprise" from anywhere: open its draft if it has one,
//! otherwise a new survey, which is stored only once the first answer is
//! typed (`page::fresh_survey`), so opening it and leaving creates nothing.

use crate::i18n::Msg;
use crate::ui::state::{Flash, FlashKind, Register};
use leptos::prelude::*;
use crate::ui::router::use_navigate;

/// A function that opens the survey of an enterprise to fill now.
pub fn start_survey_and_open() -> impl Fn(String) + Clone + 'static {
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    let navigate = use_navigate();
    // Whether a draft exists is known once the surveys are read (seconds at province scale),
    // and which form to fill once the definitions are in: a click before then waits for them
    // rather than start a second draft or say there is no survey form.
    let waiting = RwSignal::new(None::<String>);
    let go = navigate.clone();
    Effect::new(move |_| {
        if !register.surveys.ready.get() || !register.forms_settled() {
            return;
        }
        if let Some(enterprise_id) = waiting.get() {
            waiting.set(None);
            match register.survey_path_for(&enterprise_id) {
                Some(path) => go(&path, Default::default()),
                None => flash.show(FlashKind::Error, vec![Msg::NoSurveyForm]),
            }
        }
    });
    move |enterprise_id: String| {
        if register.read_only() {
            return;
        }
        if !register.surveys.ready.get_untracked() || !register.forms_settled_now() {
            waiting.set(Some(enterprise_id));
            return;
        }
        match register.survey_path_for(&enterprise_id) {
            Some(path) => navigate(&path, Default::default()),
            None => flash.show(FlashKind::Error, vec![Msg::NoSurveyForm]),
        }
    }
}
