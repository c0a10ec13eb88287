//! The activity form: the fields every activity has, then the chosen kind's
//! own (from the data, through `KindField`), then funding and notes. Save
//! writes a new version; a record changed meanwhile elsewhere is not written
//! over: its version becomes the base and the officer's text stays.

use super::field::{ChoiceSelect, FormState, KindField, TextInput};
use super::store::ActivitySaveError;
use crate::i18n::Msg;
use crate::model::activity::{activity_type, current_types, plan_items, Activity, ActivityField};
use crate::model::activity_draft::{funding_key, ActivityDraft, DraftField, FUNDINGS};
use crate::model::record::Record;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::started_on::StartedOn;
use crate::ui::state::{Flash, FlashKind, Register};
use leptos::prelude::*;
use leptos::task::spawn_local;
use crate::ui::router::use_navigate;
use std::collections::HashSet;

fn testid_of(field: DraftField) -> &'static str {
    match field {
        DraftField::Kind => "activity-kind",
        DraftField::Title => "activity-title",
        DraftField::StartDate => "activity-start-date",
        DraftField::EndDate => "activity-end-date",
        DraftField::Participants => "activity-participants",
        DraftField::Organisations => "activity-organisations",
        DraftField::ExpertsQualified => "activity-experts-qualified",
        DraftField::ExpertName => "activity-expert-name",
        DraftField::Enterprises => "activity-enterprise-search",
        DraftField::Budget => "activity-budget",
    }
}

/// `current` is the stored version being edited (`None` for a new activity);
/// a save replaces it, so the history beside the form follows.
#[component]
pub fn ActivityForm(draft: ActivityDraft, current: RwSignal<Option<Record<Activity>>>) -> impl IntoView {
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    let rescued = expect_context::<crate::ui::crash_rescue::Rescued>();
    let lang = use_lang();
    let navigate = use_navigate();
    // What the form held when it opened or was last saved: anything else is unsaved.
    let saved_draft = StoredValue::new(draft.clone());
    let draft = RwSignal::new(draft);
    let unsaved = crate::ui::unsaved_form::guard(move || draft.try_with_untracked(|d| saved_draft.try_with_value(|s| s != d).unwrap_or(false)).unwrap_or(false), rescued);
    let cancelled = unsaved;
    let is_new = current.with_untracked(Option::is_none);
    let base_payload = move || current.with(|c| c.as_ref().map(|r| r.payload.clone()).unwrap_or_default());
    let errors = Memo::new(move |_| {
        let base = base_payload();
        draft.with(|d| d.validate(&base).err().unwrap_or_default())
    });
    let state = FormState { draft, errors, touched: RwSignal::new(HashSet::new()), attempted: RwSignal::new(false) };
    let saving = RwSignal::new(false);
    let notice = RwSignal::new(None::<Msg>);
    let store_error = RwSignal::new(None::<crate::store::StoreError>);

    let kind = Memo::new(move |_| draft.with(|d| d.kind.clone()));
    let kind_fields = Memo::new(move |_| activity_type(&kind.get()).map(|t| t.fields.clone()).unwrap_or_default());
    let kind_options = Signal::derive(move || {
        let l = lang.get();
        let mine = kind.get();
        let mut options: Vec<(String, String)> = current_types().map(|t| (t.id.clone(), t.label.get(l).to_string())).collect();
        // A record of a retired kind, or of one from a newer file, keeps showing its kind.
        if !mine.is_empty() && !options.iter().any(|(id, _)| *id == mine) {
            let label = activity_type(&mine).map_or_else(|| mine.clone(), |t| format!("{} {}", t.label.get(l), l.t(Msg::RetiredSuffix)));
            options.push((mine, label));
        }
        options
    });
    let unit_options = Signal::derive(move || {
        let mine = draft.with(|d| d.unit.clone());
        register.units.with(|u| u.units.iter().filter(|x| !x.retired || x.id == mine).map(|x| (x.id.clone(), x.label(lang.get()))).collect())
    });
    let plan_options = Signal::derive(move || plan_items().iter().map(|p| (p.id.clone(), format!("{} – {}", p.id, p.label.get(lang.get())))).collect());
    let funding_options = Signal::derive(move || FUNDINGS.iter().map(|f| (funding_key(*f).to_string(), lang.get().funding(*f).to_string())).collect());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() || register.read_only() {
            return;
        }
        state.attempted.set(true);
        notice.set(None);
        store_error.set(None);
        let base = current.get_untracked();
        let payload = match draft.with_untracked(|d| d.validate(&base.as_ref().map(|r| r.payload.clone()).unwrap_or_default())) {
            Ok(a) => a,
            Err(problems) => {
                if let Some(first) = DraftField::ALL.into_iter().find(|f| problems.iter().any(|(p, _)| p == f)) {
                    focus(testid_of(first));
                }
                return;
            }
        };
        saving.set(true);
        unsaved.saving();
        let navigate = navigate.clone();
        let started_on = StartedOn::here().keeping_typed(rescued);
        spawn_local(async move {
            let result = register.save_activity(payload, base).await;
            // The officer may have left the page meanwhile: its signals are then gone.
            let _ = saving.try_set(false);
            // Saved: nothing to keep. Not saved: the text on screen is kept again if the officer
            // leaves it now (left already, the save's own rescue keeps it).
            if result.is_ok() { unsaved.done() } else { unsaved.failed() }
            match result {
                Ok(saved) => {
                    if is_new {
                        started_on.finish(&navigate, flash, &format!("/activities/{}", saved.id), FlashKind::Success, vec![Msg::ActivitySaved]);
                    } else {
                        // The form shows what was stored, numbers written the officer's way (45.000.000).
                        if let Some(l) = lang.try_get_untracked() {
                            let shown = ActivityDraft::from_activity(&saved.payload, l);
                            let _ = saved_draft.try_set_value(shown.clone());
                            let _ = draft.try_set(shown);
                        }
                        let _ = current.try_set(Some(saved));
                        flash.show(FlashKind::Success, vec![Msg::ActivitySaved]);
                    }
                }
                // Left behind, the form cannot show why or keep the edit: say so where the officer is.
                Err(e) if started_on.failed_elsewhere(flash, Some(match &e {
                    ActivitySaveError::Changed(stored) if stored.deleted => Msg::LeftDeletedElsewhere,
                    ActivitySaveError::Changed(_) | ActivitySaveError::InConflict => Msg::LeftChangedElsewhere,
                    ActivitySaveError::Store(e) => e.left_msg(),
                })) => {}
                Err(ActivitySaveError::Changed(stored)) => {
                    let msg = if stored.deleted { Msg::ActivityDeletedElsewhere } else { Msg::ActivityChangedElsewhere };
                    let _ = current.try_set(Some(*stored));
                    let _ = notice.try_set(Some(msg));
                }
                Err(ActivitySaveError::InConflict) => {
                    let _ = notice.try_set(Some(Msg::EditInConflict));
                }
                Err(ActivitySaveError::Store(e)) => {
                    let _ = store_error.try_set(Some(e));
                }
            }
        });
    };

    let has_errors = move || state.attempted.get() && errors.with(|e| !e.is_empty());
    let kind_note = move || {
        let k = kind.get();
        match activity_type(&k) {
            None if !k.is_empty() => Some(Msg::KindUnknown),
            Some(t) if t.retired => Some(Msg::KindRetired),
            _ => None,
        }
    };
    let description = move || activity_type(&kind.get()).map(|t| t.description.get(lang.get()).to_string());
    view! {
        <form novalidate class="activity-form" data-testid="activity-form" on:submit=submit
            data-record-version=move || current.with(|c| c.as_ref().map(|r| crate::ui::unsaved_form::version_of(&r.updated)))>
            <Show when=has_errors>
                <p class="banner banner-error" role="alert" data-testid="activity-form-errors">{tr(Msg::FormHasErrors)}</p>
            </Show>
            {move || notice.get().map(|m| view! { <p class="banner banner-warning" role="alert" data-testid="activity-save-notice">{tr(m)}</p> })}
            {move || store_error.get().map(|e| view! { <p class="banner banner-error" role="alert" data-testid="save-error">{move || e.message(lang.get())}</p> })}
            <fieldset>
                <legend>{tr(Msg::SectionGeneral)}</legend>
                <div class="field" class:has-error=move || state.problem(DraftField::Kind).is_some()>
                    <label for="activity-kind">{tr(Msg::ColActivityType)}<span class="required">" *"</span></label>
                    <select id="activity-kind" data-testid="activity-kind"
                        on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.kind = v); state.touch(DraftField::Kind); }>
                        <option value="" prop:selected=move || kind.with(String::is_empty)>{tr(Msg::ChooseOption)}</option>
                        {move || kind_options.get().into_iter().map(|(v, text)| {
                            let mine = v.clone();
                            view! { <option value=v prop:selected=move || kind.with(|k| *k == mine)>{text}</option> }
                        }).collect_view()}
                    </select>
                    {move || description().map(|d| view! { <p class="hint" data-testid="activity-kind-description">{d}</p> })}
                    {move || kind_note().map(|m| view! { <p class="field-warning" data-testid="activity-kind-note">{tr(m)}</p> })}
                    {move || state.problem(DraftField::Kind).map(|p| view! { <p class="field-error" data-testid="activity-kind-error">{move || lang.get().t(p.msg())}</p> })}
                </div>
                <TextInput state label=Msg::FieldActivityTitle testid="activity-title" at=DraftField::Title required=true
                    get=|d| d.title.clone() set=|d, v| d.title = v/>
                <div class="row">
                    <TextInput state label=Msg::FieldStartDate testid="activity-start-date" input="date" at=DraftField::StartDate required=true
                        get=|d| d.start_date.clone() set=|d, v| d.start_date = v/>
                    {move || kind_fields.with(|f| f.contains(&ActivityField::EndDate)).then(|| view! { <KindField state field=ActivityField::EndDate/> })}
                </div>
                <div class="row">
                    <ChoiceSelect state label=Msg::FieldUnit testid="activity-unit" blank=true options=unit_options
                        get=|d| d.unit.clone() set=|d, v| d.unit = v/>
                    <ChoiceSelect state label=Msg::FieldPlanItem testid="activity-plan-item" blank=true options=plan_options
                        get=ActivityDraft::plan_item_shown set=|d, v| d.plan_item = v/>
                </div>
                <TextInput state label=Msg::FieldOrganiser testid="activity-organiser" get=|d| d.organiser.clone() set=|d, v| d.organiser = v/>
            </fieldset>
            {move || {
                let fields: Vec<ActivityField> = kind_fields.get().into_iter().filter(|f| *f != ActivityField::EndDate).collect();
                (!fields.is_empty()).then(|| view! {
                    <fieldset data-testid="activity-kind-fields">
                        <legend>{move || kind_options.with(|o| o.iter().find(|(id, _)| *id == kind.get()).map(|(_, l)| l.clone()).unwrap_or_default())}</legend>
                        {fields.into_iter().map(|field| view! { <KindField state field/> }).collect_view()}
                    </fieldset>
                })
            }}
            <fieldset>
                <ChoiceSelect state label=Msg::FieldFunding testid="activity-funding" blank=true options=funding_options
                    get=|d| d.funding.clone() set=|d, v| d.funding = v/>
                <TextInput state label=Msg::FieldNotes testid="activity-notes" input="area" get=|d| d.notes.clone() set=|d, v| d.notes = v/>
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="save-activity" disabled=move || saving.get() || register.read_only()>
                    {move || lang.get().t(if saving.get() { Msg::Saving } else { Msg::Save })}
                </button>
                <a class="button" href="/activities" data-testid="cancel-activity" on:click=move |_| cancelled.done()>{tr(Msg::Cancel)}</a>
            </div>
        </form>
    }
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}
