//! The enterprises an activity concerns, picked from the register as the
//! officer types (the register's own search: diacritics and case ignored,
//! tax-code prefixes), at most a few suggestions at a time however large the
//! register is.

use super::field::FormState;
use crate::i18n::Msg;
use crate::model::activity_draft::DraftField;
use crate::model::registry::Query;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use crate::ui::typed_text::typed_text;
use leptos::prelude::*;

const SHOWN: usize = 8;

#[component]
pub fn EnterpriseLinks(state: FormState) -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let text = RwSignal::new(String::new());
    let found = Memo::new(move |_| {
        let q = Query { text: text.get(), ..Default::default() };
        if q.text.trim().is_empty() {
            return Vec::new();
        }
        let linked = state.draft.with(|d| d.enterprise_ids.clone());
        register.registry.with(|r| {
            r.search(&q)
                .into_iter()
                .filter(|e| !linked.contains(&e.id))
                .take(SHOWN)
                .map(|e| (e.id.clone(), e.payload.name.clone(), e.payload.tax_code.clone().unwrap_or_default()))
                .collect::<Vec<_>>()
        })
    });
    let name_of = move |id: &str| register.registry.with(|r| r.get(id).map(|e| e.payload.name.clone())).unwrap_or_else(|| id.to_string());
    let linked = move || state.draft.with(|d| d.enterprise_ids.clone());
    view! {
        <fieldset class="field enterprise-links" data-testid="activity-enterprises">
            <legend>{tr(Msg::FieldEnterprises)}</legend>
            <ul class="linked-list">
                {move || {
                    let ids = linked();
                    if ids.is_empty() {
                        return view! { <li class="muted" data-testid="activity-no-enterprise">{tr(Msg::NoLinkedEnterprise)}</li> }.into_any();
                    }
                    ids.into_iter().map(|id| {
                        let href = format!("/enterprises/{id}");
                        let name = name_of(&id);
                        view! {
                            <li data-testid="activity-enterprise-linked">
                                <a href=href data-testid="activity-enterprise-name">{name}</a>" "
                                <button type="button" class="link-button" data-testid="activity-enterprise-remove"
                                    on:click=move |_| state.draft.update(|d| d.enterprise_ids.retain(|x| *x != id))>{tr(Msg::RemoveLinkedEnterprise)}</button>
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ul>
            <input type="search" id="activity-enterprise-search" autocomplete="off" data-testid="activity-enterprise-search"
                aria-label=move || lang.get().t(Msg::PickEnterprisesHint) placeholder=move || lang.get().t(Msg::PickEnterprisesHint)
                prop:value=move || text.get() on:input=move |ev| text.set(typed_text(&ev)) on:blur=move |_| state.touch(DraftField::Enterprises)/>
            <ul class="picker-results">
                <For each=move || found.get() key=|r| r.0.clone() children=move |(id, name, tax)| {
                    view! {
                        <li>
                            <button type="button" class="link-button" data-testid="activity-enterprise-option"
                                on:click=move |_| { let id = id.clone(); state.draft.update(|d| d.enterprise_ids.push(id)); text.set(String::new()); }>{name}</button>
                            <span class="muted small">" "{tax}</span>
                        </li>
                    }
                }/>
            </ul>
        </fieldset>
    }
}
