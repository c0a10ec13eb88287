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
    // A double click must not start two surveys.
    let busy = StoredValue::new(false);
    move |enterprise_id: String| {
        if busy.get_value() || register.read_only() {
            return;
        }
        busy.set_value(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let started = register.start_survey(enterprise_id).await;
            let _ = busy.try_set_value(false);
            match started {
                Ok(id) => navigate(&format!("/surveys/{id}"), Default::default()),
                Err(e) => flash.show(FlashKind::Error, vec![e.msg()]),
            }
        });
    }
}
