//! Choices put in order of importance: the ranked list, and the ones not ranked yet.

use super::context::use_form;
use crate::form::definition::Choice;
use crate::form::{Answer, Slot};
use crate::i18n::Msg;
use crate::ui::i18n::{tr, use_lang};
use leptos::prelude::*;

#[component]
pub fn Ranking(choices: Vec<Choice>, max_ranked: Option<usize>, at: Slot) -> impl IntoView {
    let ctx = use_form();
    let lang = use_lang();
    let key = at.key();
    let current = ctx.answer(&at);
    let ranked = move || current.with(|a| a.as_ref().map(|a| a.list().to_vec()).unwrap_or_default());
    let choices = StoredValue::new(choices);
    let label_of = move |value: &str| choices.with_value(|c| c.iter().find(|c| c.value == value).map_or_else(|| value.to_string(), |c| c.label.get(lang.get()).to_string()));
    let store = { let at = at.clone(); move |list: Vec<String>| ctx.set(&at, Some(Answer::List(list))) };
    let full = move || max_ranked.is_some_and(|m| ranked().len() >= m);
    let list_key = key.clone();
    let store_unranked = store.clone();
    let ranked_view = move || {
        let list = ranked();
        if list.is_empty() {
            return view! { <p class="muted">{tr(Msg::NothingRanked)}</p> }.into_any();
        }
        let n = list.len();
        let store = store.clone();
        view! {
            <ol class="ranked" data-testid=format!("ranked-{list_key}")>
                {list.into_iter().enumerate().map(|(i, value)| {
                    let (up, down, remove) = (store.clone(), store.clone(), store.clone());
                    let text = label_of(&value);
                    view! {
                        <li>
                            <span class="rank-number" data-testid="rank-number">{i + 1}"."</span>
                            <span class="rank-label">{text}</span>
                            <span class="rank-actions">
                                <button type="button" class="small" disabled=move || { i == 0 || ctx.read_only.get() }
                                    on:click=move |_| { let mut l = ranked(); l.swap(i, i - 1); up(l) }>{tr(Msg::MoveUp)}</button>
                                <button type="button" class="small" disabled=move || { i + 1 == n || ctx.read_only.get() }
                                    on:click=move |_| { let mut l = ranked(); l.swap(i, i + 1); down(l) }>{tr(Msg::MoveDown)}</button>
                                <button type="button" class="small" disabled=move || ctx.read_only.get()
                                    on:click=move |_| { let mut l = ranked(); l.remove(i); remove(l) }>{tr(Msg::RemoveFromRanking)}</button>
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        }.into_any()
    };
    let unranked_view = move || {
        let list = ranked();
        let store = store_unranked.clone();
        choices.with_value(|c| c.iter().filter(|c| !list.contains(&c.value)).cloned().collect::<Vec<_>>()).into_iter().map(|c| {
            let store = store.clone();
            let value = c.value.clone();
            view! {
                <button type="button" class="chip" data-testid=format!("rank-{key}-{}", c.value) disabled=move || { full() || ctx.read_only.get() }
                    on:click=move |_| { let mut l = ranked(); l.push(value.clone()); store(l) }>
                    "+ "{move || c.label.get(lang.get()).to_string()}
                </button>
            }
        }).collect_view()
    };
    view! {
        <div class="ranking">
            <p class="muted small">{tr(Msg::Ranked)}</p>
            {ranked_view}
            <p class="muted small">{tr(Msg::NotRanked)}</p>
            <div class="chips">{unranked_view}</div>
        </div>
    }
}
