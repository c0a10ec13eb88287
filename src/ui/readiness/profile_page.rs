//! The enterprise's profile (enterprise mode): the register's enterprise
//! form, so the name, tax code (checked as in the register) and size inputs
//! are the same record the department keeps.

use super::data::own_enterprise;
use crate::i18n::Msg;
use crate::model::enterprise_draft::EnterpriseDraft;
use crate::ui::enterprise_form::EnterpriseForm;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::{LoadStatus, Register};
use leptos::prelude::*;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let loaded = Memo::new(move |_| register.status.with(|s| *s != LoadStatus::Loading));
    move || {
        if !loaded.get() {
            return view! { <p class="muted" role="status">{tr(Msg::Loading)}</p> }.into_any();
        }
        // Untracked: the form keeps what is typed while it saves.
        match untrack(|| own_enterprise(register)) {
            Some(me) => {
                let draft = EnterpriseDraft::from_enterprise(&me.payload, lang.get_untracked());
                view! { <EnterpriseForm draft=draft base=Some(me)/> }.into_any()
            }
            None => view! { <EnterpriseForm draft=EnterpriseDraft::default() base=None/> }.into_any(),
        }
    }
}
