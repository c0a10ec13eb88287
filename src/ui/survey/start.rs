//! Starting a survey from anywhere: create the draft, then open it.

use crate::ui::state::{Flash, FlashKind, Register};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

/// A function that starts a survey of an enterprise and opens it.
pub fn start_survey_and_open() -> impl Fn(String) + Clone + 'static {
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    let navigate = use_navigate();
    move |enterprise_id: String| {
        let navigate = navigate.clone();
        spawn_local(async move {
            match register.start_survey(enterprise_id).await {
                Ok(id) => navigate(&format!("/surveys/{id}"), Default::default()),
                Err(e) => flash.show(FlashKind::Error, vec![e.msg()]),
            }
        });
    }
}
