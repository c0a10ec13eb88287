//! The one renderer of an activity's optional fields: a field named in the
//! kind's data (`ActivityField`) becomes its input here, so a kind is added
//! or changed in `data/activity_types.json` without touching the UI. The
//! inputs keep the text exactly as typed; `ActivityDraft::validate` reads it.

use super::enterprise_links::EnterpriseLinks;
use crate::i18n::Msg;
use crate::model::activity::{topics, ActivityField};
use crate::model::activity_draft::{award_key, ActivityDraft, DraftField, Problem, AWARD_RESULTS};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::typed_text::typed_text;
use crate::ui::day_input::DayInput;
use leptos::prelude::*;
use std::collections::HashSet;

/// The form's draft and which problems to show: those of fields the officer
/// has left, or all after a save attempt.
#[derive(Clone, Copy)]
pub struct FormState {
    pub draft: RwSignal<ActivityDraft>,
    pub errors: Memo<Vec<(DraftField, Problem)>>,
    pub touched: RwSignal<HashSet<DraftField>>,
    pub attempted: RwSignal<bool>,
}

impl FormState {
    pub fn problem(self, field: DraftField) -> Option<Problem> {
        if !self.attempted.get() && !self.touched.with(|t| t.contains(&field)) {
            return None;
        }
        self.errors.with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, p)| *p))
    }

    pub fn touch(self, field: DraftField) {
        if !self.touched.with_untracked(|t| t.contains(&field)) {
            self.touched.update(|t| {
                t.insert(field);
            });
        }
    }
}

/// A labelled text, number or date input bound to one text of the draft.
#[component]
pub fn TextInput(
    state: FormState,
    label: Msg,
    testid: &'static str,
    get: fn(&ActivityDraft) -> String,
    set: fn(&mut ActivityDraft, String),
    /// The field its problems are reported under, if it can have any.
    #[prop(optional)]
    at: Option<DraftField>,
    /// `text` (default), `numeric` (typed digits), `date` or `area`.
    #[prop(default = "text")]
    input: &'static str,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let lang = use_lang();
    let error_id = format!("{testid}-error");
    let problem = move || at.and_then(|f| state.problem(f));
    let value = move || state.draft.with(get);
    let on_input = move |ev: leptos::ev::Event| {
        let v = typed_text(&ev);
        state.draft.update(|d| set(d, v));
    };
    let blur = move |_| {
        if let Some(f) = at {
            state.touch(f);
        }
    };
    let described = error_id.clone();
    let control = if input == "date" {
        view! {
            <DayInput value=Signal::derive(value) id=testid testid=testid required=required
                on_change=Callback::new(move |v: String| state.draft.update(|d| set(d, v)))
                on_blur=Callback::new(move |_| if let Some(f) = at { state.touch(f) })
                described_by=error_id.clone() invalid=Signal::derive(move || problem().is_some())/>
        }.into_any()
    } else if input == "area" {
        view! { <textarea id=testid data-testid=testid rows="3" prop:value=value on:input=on_input on:blur=blur></textarea> }.into_any()
    } else {
        let (kind, mode) = match input {
            "numeric" => ("text", "numeric"),
            _ => ("text", "text"),
        };
        view! {
            <input id=testid type=kind inputmode=mode data-testid=testid autocomplete="off" required=required
                aria-invalid=move || problem().is_some().to_string() aria-describedby=described
                prop:value=value on:input=on_input on:blur=blur/>
        }
        .into_any()
    };
    view! {
        <div class="field" class:has-error=move || problem().is_some()>
            <label for=testid>{tr(label)}{required.then(|| view! { <span class="required">" *"</span> })}</label>
            {control}
            {hint.map(|h| view! { <p class="hint">{tr(h)}</p> })}
            {move || problem().map(|p| view! { <p class="field-error" id=error_id.clone() data-testid=format!("{testid}-error")>{move || lang.get().t(p.msg())}</p> })}
        </div>
    }
}

/// A drop-down bound to one text of the draft; `options` are (value, label), the first "choose" is empty.
#[component]
pub fn ChoiceSelect(
    state: FormState,
    label: Msg,
    testid: &'static str,
    options: Signal<Vec<(String, String)>>,
    get: fn(&ActivityDraft) -> String,
    set: fn(&mut ActivityDraft, String),
    /// Whether to offer "— Choose —" (no value).
    #[prop(optional)]
    blank: bool,
) -> impl IntoView {
    let value = move || state.draft.with(get);
    view! {
        <div class="field">
            <label for=testid>{tr(label)}</label>
            <select id=testid data-testid=testid on:change=move |ev| { let v = event_target_value(&ev); state.draft.update(|d| set(d, v)); }>
                {blank.then(|| view! { <option value="" prop:selected=move || value().is_empty()>{tr(Msg::ChooseOption)}</option> })}
                {move || options.get().into_iter().map(|(v, text)| {
                    let mine = v.clone();
                    view! { <option value=v prop:selected=move || value() == mine>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// One optional field of the kind, as the data names it.
#[component]
pub fn KindField(state: FormState, field: ActivityField) -> impl IntoView {
    let lang = use_lang();
    match field {
        ActivityField::EndDate => view! {
            <TextInput state label=Msg::FieldEndDate testid="activity-end-date" input="date" at=DraftField::EndDate
                get=|d| d.end_date.clone() set=|d, v| d.end_date = v/>
        }
        .into_any(),
        ActivityField::Participants => view! {
            <TextInput state label=Msg::FieldParticipants testid="activity-participants" input="numeric" at=DraftField::Participants
                get=|d| d.participants.clone() set=|d, v| d.participants = v/>
        }
        .into_any(),
        ActivityField::Organisations => view! {
            <TextInput state label=Msg::FieldOrganisations testid="activity-organisations" input="numeric" at=DraftField::Organisations
                get=|d| d.organisations.clone() set=|d, v| d.organisations = v/>
        }
        .into_any(),
        ActivityField::ExpertsQualified => view! {
            <TextInput state label=Msg::FieldExpertsQualified testid="activity-experts-qualified" input="numeric" at=DraftField::ExpertsQualified
                get=|d| d.experts_qualified.clone() set=|d, v| d.experts_qualified = v/>
        }
        .into_any(),
        ActivityField::Expert => view! {
            <div class="row three">
                <TextInput state label=Msg::FieldExpertName testid="activity-expert-name" at=DraftField::ExpertName required=true
                    get=|d| d.expert_name.clone() set=|d, v| d.expert_name = v/>
                <TextInput state label=Msg::FieldExpertOrganisation testid="activity-expert-organisation"
                    get=|d| d.expert_organisation.clone() set=|d, v| d.expert_organisation = v/>
                <TextInput state label=Msg::FieldExpertCertificate testid="activity-expert-certificate"
                    get=|d| d.expert_certificate.clone() set=|d, v| d.expert_certificate = v/>
            </div>
        }
        .into_any(),
        ActivityField::Certified => view! {
            <ChoiceSelect state label=Msg::FieldCertified testid="activity-certified" blank=true
                options=Signal::derive(move || { let l = lang.get(); vec![("yes".into(), l.t(Msg::AnswerYes).into()), ("no".into(), l.t(Msg::AnswerNo).into())] })
                get=|d| d.certified.clone() set=|d, v| d.certified = v/>
        }
        .into_any(),
        ActivityField::AwardResult => view! {
            <ChoiceSelect state label=Msg::FieldAwardResult testid="activity-award-result" blank=true
                options=Signal::derive(move || AWARD_RESULTS.iter().map(|r| (award_key(*r).to_string(), lang.get().award_result(*r).to_string())).collect())
                get=|d| d.award_result.clone() set=|d, v| d.award_result = v/>
        }
        .into_any(),
        ActivityField::Reference => view! {
            <TextInput state label=Msg::FieldReference testid="activity-reference" get=|d| d.reference.clone() set=|d, v| d.reference = v/>
        }
        .into_any(),
        ActivityField::Budget => view! {
            <TextInput state label=Msg::FieldBudget testid="activity-budget" input="numeric" at=DraftField::Budget hint=Msg::FieldBudgetHint
                get=|d| d.budget.clone() set=|d, v| d.budget = v/>
        }
        .into_any(),
        ActivityField::Enterprises => view! { <EnterpriseLinks state/> }.into_any(),
        ActivityField::Topics => view! {
            <fieldset class="field">
                <legend>{tr(Msg::FieldTopics)}</legend>
                <div class="checkbox-grid">
                    {topics().iter().map(|t| {
                        let id = t.id.clone();
                        let (checked_id, change_id) = (id.clone(), id.clone());
                        let html_id = format!("activity-topic-{id}");
                        let (for_id, input_id) = (html_id.clone(), html_id.clone());
                        view! {
                            <label class="checkbox" for=for_id>
                                <input type="checkbox" id=input_id data-testid=html_id
                                    prop:checked=move || state.draft.with(|d| d.topics.contains(&checked_id))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let id = change_id.clone();
                                        state.draft.update(|d| { d.topics.retain(|x| *x != id); if on { d.topics.push(id); } });
                                    }/>
                                {move || t.label.get(lang.get()).to_string()}
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        }
        .into_any(),
    }
}
