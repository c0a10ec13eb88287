//! Choosing the enterprise a new survey is about: search the register, or
//! add the enterprise first.

use super::start::start_survey_and_open;
use crate::i18n::Msg;
use crate::model::registry::Query;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use leptos::prelude::*;
use crate::ui::typed_text::typed_text;

const SHOWN: usize = 8;

#[component]
pub fn EnterprisePicker() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let text = RwSignal::new(String::new());
    let start = start_survey_and_open();
    let found = Memo::new(move |_| {
        let q = Query { text: text.get(), ..Default::default() };
        register.registry.with(|r| r.search(&q).into_iter().take(SHOWN).map(|e| {
            let unit = e.payload.admin_unit_id.as_ref().map(|u| register.units.with_untracked(|l| l.display_name(u, lang.get_untracked()))).unwrap_or_default();
            (e.id.clone(), e.payload.name.clone(), e.payload.tax_code.clone().unwrap_or_default(), unit)
        }).collect::<Vec<_>>())
    });
    view! {
        <div class="panel" data-testid="enterprise-picker">
            <h2>{tr(Msg::PickEnterprise)}</h2>
            <input type="search" autocomplete="off" data-testid="picker-search" aria-label=move || lang.get().t(Msg::SearchEnterprise)
                placeholder=move || lang.get().t(Msg::SearchEnterprise) on:input=move |ev| text.set(typed_text(&ev))/>
            <ul class="picker-results">
                <For each=move || found.get() key=|r| r.0.clone() children=move |(id, name, tax, unit)| {
                    let start = start.clone();
                    view! {
                        <li>
                            <button type="button" class="link-button" data-testid="picker-choose" on:click=move |_| start(id.clone())>{name}</button>
                            <span class="muted small">" "{tax}" · "{unit}</span>
                        </li>
                    }
                }/>
            </ul>
            <p><a href="/enterprises/new?then=survey" data-testid="picker-add-enterprise">{tr(Msg::EnterpriseNotListed)}</a></p>
        </div>
    }
}
