//! The action plan: the gap report's actions in the order to take them, each
//! with the programme support that fits, a first step, what it waits for, and
//! the enterprise's own owner, due date and done mark (kept on the module's
//! latest assessment, so the plan stays with the result it came from).

use super::data::{latest_results, EnterpriseReadiness};
use crate::i18n::{Lang, Msg};
use crate::model::assessment::{ActionState, Assessment};
use crate::model::record::Record;
use crate::model::support_kind::SupportKinds;
use crate::readiness::action_plan::{recommended_actions, Action, Wait};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::{Flash, FlashKind, Register};
use crate::ui::typed_text::typed_text;
use crate::web::{broadcast, browser, record_store};
use crate::ui::day_input::DayInput;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn waits_text(waits: &[Wait], lang: Lang) -> String {
    let parts: Vec<String> = waits
        .iter()
        .map(|w| match w {
            Wait::Item { label, .. } => label.get(lang).to_string(),
            Wait::Module { short, needs, .. } => lang.module_needs(short.get(lang), *needs),
        })
        .collect();
    format!("{} {}", lang.t(Msg::WaitsFor), parts.join("; "))
}

/// Stores a new action state on an assessment, if it has not changed since it was read and
/// has no conflict copies waiting (a new version would drop them unseen).
async fn save_action(register: Register, record: Record<Assessment>, key: String, state: ActionState) -> Result<(), Msg> {
    match crate::sync::local::in_conflict::<Assessment, _>(&record_store(), &record.id).await {
        Ok(false) => {}
        Ok(true) => return Err(Msg::RecordInConflict),
        // Not known to be free of conflicts: nothing is written.
        Err(e) => return Err(e.msg()),
    }
    let mut payload = record.payload.clone();
    if state == ActionState::default() {
        payload.actions.remove(&key);
    } else {
        payload.actions.insert(key, state);
    }
    let revised = record.revised(&browser::change(), payload);
    match record_store().put_if_version(&revised, &record.version, false).await {
        Ok(Ok(())) => {
            broadcast::notify_assessment_changed(&revised.id);
            register.assessments.remember(crate::store::summary::summary_record(&revised));
            Ok(())
        }
        _ => Err(Msg::ActionNotSaved),
    }
}

#[component]
pub fn ActionPlan(
    of: EnterpriseReadiness,
    /// Show only the first few (the printed page).
    #[prop(default = None)]
    limit: Option<usize>,
    /// Owner, due date and done can be changed (the enterprise's own page).
    #[prop(default = false)]
    editable: bool,
) -> impl IntoView {
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    let lang = use_lang();
    let supports = StoredValue::new(SupportKinds::shipped());
    let today = browser::today();
    let plan = Memo::new(move |_| {
        let results = of.assessments.with(|list| latest_results(register, list));
        let actions = register.forms.with(|lib| recommended_actions(&results.iter().map(|(_, r)| r.clone()).collect::<Vec<_>>(), lib));
        actions
            .into_iter()
            .filter_map(|a| {
                let (record, _) = results.iter().find(|(_, r)| r.form_id == a.form_id)?;
                Some((a, record.clone()))
            })
            .collect::<Vec<(Action, Record<Assessment>)>>()
    });
    // The record as stored now, not as it was when the list was drawn: two quick edits (an
    // owner, then a due date) would otherwise save the second over a stale version.
    let change = move |record: Record<Assessment>, key: String, edit: Box<dyn FnOnce(&mut ActionState) + Send>| {
        spawn_local(async move {
            let stored = record_store().get::<Assessment>(&record.id).await.ok().flatten().filter(|r| !r.deleted);
            let saved = match stored {
                Some(record) => {
                    let mut state = record.payload.actions.get(&key).cloned().unwrap_or_default();
                    edit(&mut state);
                    save_action(register, record, key, state).await
                }
                None => Err(Msg::ActionNotSaved),
            };
            if let Err(why) = saved {
                flash.show(FlashKind::Warning, vec![why]);
            }
        });
    };
    let rows = move || {
        let l = lang.get();
        let today = today.clone();
        plan.with(|plan| {
            // The printed page lists the first actions still to do.
            let shown: Vec<&(Action, Record<Assessment>)> = match limit {
                Some(n) => plan.iter().filter(|(a, r)| !r.payload.actions.get(&a.key).is_some_and(|s| s.done)).take(n).collect(),
                None => plan.iter().collect(),
            };
            shown
                .into_iter()
                .enumerate()
                .map(|(i, (a, record))| {
                    let state = record.payload.actions.get(&a.key).cloned().unwrap_or_default();
                    let overdue = state.is_overdue(&today);
                    let support = a.support.as_deref().and_then(|s| supports.with_value(|k| k.get(s).map(|k| k.label.get(l).to_string())));
                    let testid = format!("action-{}-{}", a.form_id, a.key.replace('.', "-"));
                    let (r1, r2, r3) = (record.clone(), record.clone(), record.clone());
                    let (k1, k2, k3) = (a.key.clone(), a.key.clone(), a.key.clone());
                    view! {
                        <li class="action" class:done=state.done class:overdue=overdue data-testid=testid>
                            <div class="action-head">
                                <span class="action-rank">{i + 1}"."</span>
                                <span class="badge">{a.module.get(l).to_string()}</span>
                                <strong class="action-label">{a.label.get(l).to_string()}</strong>
                                {overdue.then(|| view! { <span class="badge badge-alert" data-testid="action-overdue">{tr(Msg::Overdue)}</span> })}
                                {state.done.then(|| view! { <span class="badge badge-done" data-testid="action-done-badge">{tr(Msg::ActionDone)}</span> })}
                            </div>
                            {a.first_step.as_ref().map(|s| view! { <p class="action-step">{tr(Msg::FirstStep)}": "{s.get(l).to_string()}</p> })}
                            {support.map(|s| view! { <p class="muted small">{tr(Msg::SupportThatFits)}": "<span data-testid="action-support">{s}</span></p> })}
                            {(!a.waits_for.is_empty()).then(|| view! { <p class="muted small" data-testid="action-waits">{waits_text(&a.waits_for, l)}</p> })}
                            {if editable {
                                view! {
                                    <div class="action-edit no-print">
                                        <label>{tr(Msg::ActionOwner)}" "
                                            <input type="text" maxlength="100" data-testid="action-owner" prop:value=state.owner.clone()
                                                on:change=move |ev| { let v = typed_text(&ev); change(r1.clone(), k1.clone(), Box::new(move |s| s.owner = v.trim().to_string())); }/>
                                        </label>
                                        <label>{tr(Msg::ActionDue)}" "
                                            <DayInput testid="action-due" value=Signal::derive({ let due = state.due.clone().unwrap_or_default(); move || due.clone() })
                                                on_change=Callback::new(move |v: String| if v.is_empty() || crate::form::answer::is_date(&v) {
                                                    change(r2.clone(), k2.clone(), Box::new(move |s| s.due = (!v.is_empty()).then_some(v)));
                                                })/>
                                        </label>
                                        <label class="checkbox">
                                            <input type="checkbox" data-testid="action-done" prop:checked=state.done
                                                on:change=move |ev| { let v = event_target_checked(&ev); change(r3.clone(), k3.clone(), Box::new(move |s| s.done = v)); }/>
                                            {tr(Msg::ActionDone)}
                                        </label>
                                    </div>
                                }.into_any()
                            } else {
                                (!state.owner.is_empty() || state.due.is_some()).then(|| view! {
                                    <p class="small">{tr(Msg::ActionOwner)}": "{state.owner.clone()}" · "{tr(Msg::ActionDue)}": "{state.due.as_deref().map(crate::format::format_iso_date).unwrap_or_default()}</p>
                                }).into_any()
                            }}
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="action-plan" data-testid="action-plan">
            <h2>{tr(Msg::ActionPlanTitle)}</h2>
            {move || plan.with(Vec::is_empty).then(|| view! { <p class="muted" data-testid="no-actions">{tr(Msg::NoActions)}</p> })}
            <ol class="action-list">{rows}</ol>
        </section>
    }
}
