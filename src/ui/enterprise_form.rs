//! Adding and editing an enterprise.

use super::form_fields::{FieldErrors, Input, SelectField, TextField};
use super::i18n::{figures_language, tr, use_lang};
use super::started_on::StartedOn;
use super::state::{Flash, FlashKind, LoadStatus, Register, SaveError};
use crate::i18n::{ownership_msg, product_msg, size_msg, Msg};
use crate::model::enterprise::{Enterprise, Ownership, ProductGroup};
use crate::model::record::Record;
use crate::model::enterprise_draft::{EnterpriseDraft, Field, Validation, Warning};
use crate::model::vsic;
use leptos::prelude::*;
use leptos::task::spawn_local;
use crate::ui::router::{use_navigate, use_page_query, use_params_map};
use std::collections::HashSet;

#[component]
pub fn NewEnterprisePage() -> impl IntoView {
    // A new enterprise starts in the unit the officer gave on first start (still in the unit list).
    let register = expect_context::<Register>();
    let unit = crate::web::browser::officer_unit().filter(|u| register.units.with_untracked(|l| l.active().any(|x| &x.id == u))).unwrap_or_default();
    view! { <EnterpriseForm draft=EnterpriseDraft { admin_unit_id: unit, ..Default::default() } base=None/> }
}

#[component]
pub fn EditEnterprisePage() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let loaded = Memo::new(move |_| register.status.with(|s| *s != LoadStatus::Loading));
    move || {
        if !loaded.get() {
            return None;
        }
        let id = id.get();
        // Untracked: a save elsewhere must not reset the form the officer is typing in.
        let record = register.registry.with_untracked(|r| r.get(&id).cloned());
        Some(match record {
            Some(r) => {
                let draft = EnterpriseDraft::from_enterprise(&r.payload, lang.get_untracked());
                view! { <EnterpriseForm draft=draft base=Some(r)/> }.into_any()
            }
            None => view! {
                <section class="page"><p class="empty" data-testid="not-found">{tr(Msg::EnterpriseNotFound)}</p></section>
            }.into_any(),
        })
    }
}

fn testid_of(field: Field) -> &'static str {
    match field {
        Field::Name => "field-name",
        Field::TaxCode => "field-tax-code",
        Field::Address => "field-address",
        Field::AdminUnit => "field-unit",
        Field::Vsic => "field-vsic",
        Field::Ownership => "field-ownership",
        Field::Employees => "field-employees",
        Field::Revenue => "field-revenue",
        Field::Capital => "field-capital",
        Field::OcopStars => "field-ocop-stars",
        Field::OtherProducts => "field-other-products",
        Field::ContactName => "field-contact-name",
        Field::ContactPhone => "field-phone",
        Field::ContactEmail => "field-email",
        Field::Notes => "field-notes",
    }
}

/// Someone else's save that arrived while this form was open, already merged into it.
#[derive(Clone)]
struct Conflict {
    theirs: Record<Enterprise>,
    their_fields: Vec<Msg>,
    both_changed: Vec<Msg>,
}

fn changed_labels(a: &EnterpriseDraft, b: &EnterpriseDraft) -> Vec<Msg> {
    let mut labels: Vec<Msg> = Field::ALL.into_iter().filter(|f| a.text(*f) != b.text(*f)).map(Field::label).collect();
    if a.products != b.products {
        labels.push(Msg::FieldProducts);
    }
    labels
}

/// `base` is the stored version being edited, or `None` for a new enterprise.
#[component]
pub fn EnterpriseForm(draft: EnterpriseDraft, base: Option<Record<Enterprise>>) -> impl IntoView {
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    let rescued = expect_context::<crate::ui::crash_rescue::Rescued>();
    let lang = use_lang();
    let navigate = use_navigate();
    let role = use_context::<crate::ui::readiness::Role>();
    // Added from the survey picker: the survey starts as soon as the enterprise is saved.
    let then_survey = use_page_query().with_untracked(|q| q.get("then").as_deref() == Some("survey")) && base.is_none();
    let opened = StoredValue::new(draft.clone());
    let draft = RwSignal::new(draft);
    // Left unsaved (another page, Back, a reload), the form's fields are kept (`unsaved_form`).
    let unsaved = crate::ui::unsaved_form::guard(move || draft.try_with_untracked(|d| opened.try_with_value(|o| d != o).unwrap_or(false)).unwrap_or(false), rescued);
    // A language switch with the form open: an untouched `2.500` (2,500 billion in Vietnamese)
    // must not be saved as English's 2.5.
    let written_in = figures_language(move |was, now| {
        draft.update(|d| *d = d.in_language(was, now));
        opened.update_value(|d| *d = d.in_language(was, now));
    });
    let cancelled = unsaved;
    let editing = StoredValue::new(base.as_ref().map(|r| r.id.clone()));
    let base = RwSignal::new(base);
    let conflict = RwSignal::new(None::<Conflict>);
    // Deleted elsewhere while the form was open: the tombstone, until the officer chooses.
    let deleted = RwSignal::new(None::<Record<Enterprise>>);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let touched = RwSignal::new(HashSet::<Field>::new());
    let attempted = RwSignal::new(false);
    let saving = RwSignal::new(false);
    let store_error = RwSignal::new(None::<crate::store::StoreError>);
    let in_conflict = RwSignal::new(false);

    let validation = Memo::new(move |_| {
        let units = register.units.get();
        let d = draft.get();
        let except = editing.get_value();
        register.registry.with(|r| match d.validate(lang.get(), &units, |c| r.owner_of_tax_code(c, except.as_deref())) {
            Ok((_, warnings)) => Validation { errors: Vec::new(), warnings },
            Err(v) => v,
        })
    });
    let shown = move |field: Field| attempted.get() || touched.with(|t| t.contains(&field));
    let errors_for = move |field: Field| FieldErrors {
        problem: Signal::derive(move || if shown(field) { validation.with(|v| v.error(field).cloned()) } else { None }),
        touch: Callback::new(move |f| touched.update(|t| { t.insert(f); })),
    };
    let tax_warning = Signal::derive(move || {
        (shown(Field::TaxCode) && validation.with(|v| v.warning(Field::TaxCode) == Some(Warning::MissingTaxCode))).then_some(Msg::WarnNoTaxCode)
    });

    let unit_options = Signal::derive(move || {
        let current = draft.with(|d| d.admin_unit_id.clone());
        register.units.with(|u| u.units.iter().filter(|x| !x.retired || x.id == current).map(|x| (x.id.clone(), x.label(lang.get()))).collect())
    });
    let vsic_options = Signal::derive(move || vsic::sections().iter().map(|s| (s.code.clone(), format!("{} – {}", s.code, s.name(lang.get())))).collect());
    let ownership_options = Signal::derive(move || Ownership::ALL.iter().map(|o| (o.key().to_string(), lang.get().t(ownership_msg(*o)).to_string())).collect());
    let star_options = Signal::derive(|| (1..=5).map(|n| (n.to_string(), "★".repeat(n))).collect());
    let has_product = move |p: ProductGroup| draft.with(|d| d.products.contains(&p));

    let navigate_discard = navigate.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() || register.read_only() {
            return;
        }
        attempted.set(true);
        store_error.set(None);
        if let Some(first) = validation.with_untracked(|v| Field::ALL.into_iter().find(|f| v.error(*f).is_some())) {
            focus(&format!("f-{}", testid_of(first)));
            return;
        }
        saving.set(true);
        unsaved.saving();
        let navigate = navigate.clone();
        let started_on = StartedOn::here().keeping_typed(rescued);
        // The figures and the language they are written in, as one: read together at the click.
        let (typed, amounts_in) = (draft.get_untracked(), written_in.get_value());
        spawn_local(async move {
            let base_version = base.with_untracked(|b| b.as_ref().map(|r| r.version.clone()));
            let result = register.save(amounts_in, typed, editing.get_value(), base_version).await;
            saving.set(false);
            // Saved: nothing to keep. Not saved: the text on screen is kept again if the officer
            // leaves it now (left already, the save's own rescue keeps it).
            if result.is_ok() { unsaved.done() } else { unsaved.failed() }
            match result {
                Ok(saved) => {
                    let mut msgs = vec![Msg::Saved];
                    if saved.warnings.contains(&Warning::MissingTaxCode) {
                        msgs.push(Msg::WarnNoTaxCode);
                    }
                    let kind = if msgs.len() > 1 { FlashKind::Warning } else { FlashKind::Success };
                    let mut path = format!("/enterprises/{}", saved.id);
                    // An enterprise edits its own profile and goes back to its readiness.
                    if role.is_some_and(|r| r.0.get_untracked() == Some(crate::ui::readiness::UserRole::Enterprise)) {
                        path = "/self-assessment".to_string();
                    }
                    if then_survey {
                        // A new enterprise has no draft yet: this is a new survey, stored at its first
                        // answer, on the field survey's definition (fetched after start-up).
                        register.wait_for_forms().await;
                        if let Some(survey) = register.survey_path_for(&saved.id) {
                            path = survey;
                        }
                    }
                    started_on.finish(&navigate, flash, &path, kind, msgs);
                }
                // Left behind, the form cannot show why or keep the edit: say so where the officer is.
                Err(e) if started_on.failed_elsewhere(flash, match &e {
                    SaveError::Store(e) => Some(e.left_msg()),
                    SaveError::Deleted(_) => Some(Msg::LeftDeletedElsewhere),
                    SaveError::InConflict | SaveError::Conflict(_) => Some(Msg::LeftChangedElsewhere),
                    SaveError::Invalid => None,
                }) => {}
                // The registry changed under the form (another tab); the memo re-validates and shows why.
                Err(SaveError::Invalid) => {}
                Err(SaveError::Store(e)) => store_error.set(Some(e)),
                Err(SaveError::InConflict) => in_conflict.set(true),
                // Nothing was written: the officer chooses between restoring with the edit and dropping it.
                Err(SaveError::Deleted(tombstone)) => {
                    conflict.set(None);
                    deleted.set(Some(*tombstone));
                    show_prompt("deleted-prompt");
                }
                // Nothing was written: merge their version into the form and ask the officer to check it.
                // The officer may have left the page while the save ran: its signals are then gone, and
                // reading one would abort the app. try_ reads give up quietly instead.
                Err(SaveError::Conflict(theirs)) => {
                    // Drafts to compare with the form's, in the language its amounts are written in.
                    let Some(l) = written_in.try_get_value() else { return };
                    let Some(base_draft) = base.try_with_untracked(|b| b.as_ref().map(|r| EnterpriseDraft::from_enterprise(&r.payload, l)).unwrap_or_default()) else { return };
                    let theirs_draft = EnterpriseDraft::from_enterprise(&theirs.payload, l);
                    let Some(mine) = draft.try_get_untracked() else { return };
                    let (merged, both) = mine.merged_onto(&base_draft, &theirs_draft);
                    conflict.set(Some(Conflict {
                        their_fields: changed_labels(&base_draft, &theirs_draft),
                        both_changed: both.into_iter().map(Field::label).collect(),
                        theirs: (*theirs).clone(),
                    }));
                    draft.set(merged);
                    base.set(Some(*theirs));
                    show_prompt("conflict-prompt");
                }
            }
        });
    };

    let cancel_href = move || editing.get_value().map(|id| format!("/enterprises/{id}")).unwrap_or_else(|| "/enterprises".into());
    let title = if editing.get_value().is_some() { Msg::FormEditTitle } else { Msg::FormNewTitle };
    let has_errors = move || attempted.get() && validation.with(|v| !v.errors.is_empty());

    view! {
        <section class="page narrow">
            <h1 data-testid="page-title">{tr(title)}</h1>
            <form novalidate on:submit=submit data-testid="enterprise-form" node_ref=form_ref
                data-record-version=move || base.with(|b| b.as_ref().map(|r| crate::ui::unsaved_form::version_of(&r.updated)))>
                <Show when=has_errors>
                    <p class="banner banner-error" role="alert" data-testid="form-error-summary">{tr(Msg::FormHasErrors)}</p>
                </Show>
                {move || conflict.get().map(|c| {
                    let who = c.theirs.author().to_string();
                    let when = crate::format::format_date_time(c.theirs.updated_ms(), crate::web::browser::utc_offset_minutes());
                    let theirs = c.theirs.payload.clone();
                    let list = move |labels: &Vec<Msg>| labels.iter().map(|m| lang.get().t(*m)).collect::<Vec<_>>().join(", ");
                    let (their_fields, both) = (c.their_fields.clone(), c.both_changed.clone());
                    view! {
                        <div class="banner banner-warning" role="alert" data-testid="conflict-prompt">
                            <p><strong>{tr(Msg::ConflictTitle)}</strong>" "{move || lang.get().conflict_by(&who, &when)}</p>
                            <p data-testid="conflict-their-fields">{tr(Msg::ConflictTheirChanges)}" "{move || list(&their_fields)}</p>
                            {(!both.is_empty()).then(|| {
                                let both = both.clone();
                                view! { <p data-testid="conflict-both-fields">{tr(Msg::ConflictBothChanged)}" "{move || list(&both)}</p> }
                            })}
                            <p>{tr(Msg::ConflictMerged)}</p>
                            <button type="button" class="button" data-testid="conflict-take-theirs"
                                on:click=move |_| { draft.set(EnterpriseDraft::from_enterprise(&theirs, written_in.get_value())); conflict.set(None); }>{tr(Msg::ConflictTakeTheirs)}</button>
                        </div>
                    }
                })}
                {move || deleted.get().map(|tombstone| {
                    let who = tombstone.author().to_string();
                    let when = crate::format::format_date_time(tombstone.updated_ms(), crate::web::browser::utc_offset_minutes());
                    let restore_base = tombstone.clone();
                    let navigate = navigate_discard.clone();
                    let discarded = cancelled;
                    view! {
                        <div class="banner banner-warning" role="alert" data-testid="deleted-prompt">
                            <p><strong>{tr(Msg::DeletedElsewhereTitle)}</strong>" "{move || lang.get().conflict_by(&who, &when)}</p>
                            <p>{tr(Msg::DeletedElsewhereHelp)}</p>
                            <button type="button" class="button primary" data-testid="deleted-restore"
                                on:click=move |_| {
                                    // Saving onto the tombstone's version is the restore; the usual submit does it.
                                    base.set(Some(restore_base.clone()));
                                    deleted.set(None);
                                    if let Some(form) = form_ref.get_untracked() {
                                        let _ = form.request_submit();
                                    }
                                }>{tr(Msg::DeletedRestoreMine)}</button>
                            " "
                            <button type="button" class="button" data-testid="deleted-discard"
                                on:click=move |_| {
                                    // The officer drops the edit: nothing to keep when the form goes.
                                    discarded.done();
                                    let tombstone = tombstone.clone();
                                    let id = tombstone.id.clone();
                                    let navigate = navigate.clone();
                                    let started_on = StartedOn::here();
                                    spawn_local(async move {
                                        match register.accept_deletion(tombstone).await {
                                            Ok(true) => started_on.finish(&navigate, flash, "/enterprises", FlashKind::Warning, vec![Msg::EditDiscarded]),
                                            // Someone restored it meanwhile: show it as it is now.
                                            Ok(false) => started_on.finish(&navigate, flash, &format!("/enterprises/{id}"), FlashKind::Warning, vec![Msg::RestoredElsewhere]),
                                            Err(e) => { let _ = store_error.try_set(Some(e)); }
                                        }
                                    });
                                }>{tr(Msg::DeletedDiscardMine)}</button>
                        </div>
                    }
                })}
                {move || in_conflict.get().then(|| view! {
                    <div class="banner banner-warning" role="alert" data-testid="save-in-conflict">
                        <p>{tr(Msg::EditInConflict)}" "<a href="/sync">{tr(Msg::NavSync)}</a></p>
                    </div>
                })}
                {move || store_error.get().map(|e| {
                    // A full disk: the form stays as typed, and a backup can be taken at once.
                    let offer_export = e == crate::store::StoreError::QuotaExceeded;
                    view! {
                        <div class="banner banner-error" role="alert" data-testid="save-error">
                            <p>{move || e.message(lang.get())}</p>
                            {offer_export.then(|| view! { <super::storage_panel::ExportButton testid="quota-export"/> })}
                        </div>
                    }
                })}

                <fieldset>
                    <legend>{tr(Msg::SectionGeneral)}</legend>
                    <TextField draft field=Field::Name label=Msg::FieldName testid="field-name" errors=errors_for(Field::Name) required=true/>
                    <div class="row">
                        <TextField draft field=Field::TaxCode label=Msg::FieldTaxCode testid="field-tax-code" errors=errors_for(Field::TaxCode)
                            input=Input::Numeric hint=Msg::FieldTaxCodeHint warning=tax_warning/>
                        <SelectField draft field=Field::Ownership label=Msg::FieldOwnership testid="field-ownership" errors=errors_for(Field::Ownership) options=ownership_options/>
                    </div>
                    <TextField draft field=Field::Address label=Msg::FieldAddress testid="field-address" errors=errors_for(Field::Address)/>
                    <div class="row">
                        <SelectField draft field=Field::AdminUnit label=Msg::FieldUnit testid="field-unit" errors=errors_for(Field::AdminUnit) options=unit_options/>
                        <SelectField draft field=Field::Vsic label=Msg::FieldVsic testid="field-vsic" errors=errors_for(Field::Vsic) options=vsic_options/>
                    </div>
                </fieldset>

                <fieldset>
                    <legend>{tr(Msg::SectionScale)}</legend>
                    <div class="row three">
                        <TextField draft field=Field::Employees label=Msg::FieldEmployees testid="field-employees" errors=errors_for(Field::Employees) input=Input::Numeric/>
                        <TextField draft field=Field::Revenue label=Msg::FieldRevenue testid="field-revenue" errors=errors_for(Field::Revenue) input=Input::Decimal hint=Msg::AmountHint/>
                        <TextField draft field=Field::Capital label=Msg::FieldCapital testid="field-capital" errors=errors_for(Field::Capital) input=Input::Decimal/>
                    </div>
                    <p class="computed" data-testid="computed-size" aria-live="polite">
                        <span class="computed-label">{tr(Msg::ComputedSize)}": "</span>
                        {move || {
                            let size = draft.with(|d| d.preview_size(lang.get()));
                            match size {
                                Some(s) => view! { <strong>{lang.get().t(size_msg(Some(s)))}</strong> }.into_any(),
                                None => view! { <span class="muted">{lang.get().t(Msg::SizeNeedsData)}</span> }.into_any(),
                            }
                        }}
                    </p>
                </fieldset>

                <fieldset>
                    <legend>{tr(Msg::SectionProducts)}</legend>
                    <div class="checkbox-grid" role="group" aria-label=tr(Msg::FieldProducts)>
                        {ProductGroup::ALL.into_iter().map(|p| {
                            let id = format!("product-{}", p.key());
                            let for_id = id.clone();
                            let testid = id.clone();
                            view! {
                                <label class="checkbox" for=for_id>
                                    <input type="checkbox" id=id data-testid=testid
                                        prop:checked=move || has_product(p)
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            draft.update(|d| { d.products.retain(|x| *x != p); if on { d.products.push(p); } });
                                        }/>
                                    {tr(product_msg(p))}
                                </label>
                            }
                        }).collect_view()}
                    </div>
                    <div class="row">
                        <Show when=move || has_product(ProductGroup::Ocop)>
                            <SelectField draft field=Field::OcopStars label=Msg::FieldOcopStars testid="field-ocop-stars" errors=errors_for(Field::OcopStars) options=star_options/>
                        </Show>
                        <Show when=move || has_product(ProductGroup::Other)>
                            <TextField draft field=Field::OtherProducts label=Msg::FieldOtherProducts testid="field-other-products" errors=errors_for(Field::OtherProducts)/>
                        </Show>
                    </div>
                </fieldset>

                <fieldset>
                    <legend>{tr(Msg::SectionContact)}</legend>
                    <div class="row three">
                        <TextField draft field=Field::ContactName label=Msg::FieldContactName testid="field-contact-name" errors=errors_for(Field::ContactName)/>
                        <TextField draft field=Field::ContactPhone label=Msg::FieldPhone testid="field-phone" errors=errors_for(Field::ContactPhone) input=Input::Tel/>
                        <TextField draft field=Field::ContactEmail label=Msg::FieldEmail testid="field-email" errors=errors_for(Field::ContactEmail) input=Input::Email/>
                    </div>
                    <TextField draft field=Field::Notes label=Msg::FieldNotes testid="field-notes" errors=errors_for(Field::Notes) input=Input::TextArea/>
                </fieldset>

                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="save-enterprise"
                        disabled=move || saving.get() || register.read_only()>
                        {move || lang.get().t(if saving.get() { Msg::Saving } else { Msg::Save })}
                    </button>
                    <a href=cancel_href class="button" data-testid="cancel" on:click=move |_| cancelled.done()>{tr(Msg::Cancel)}</a>
                </div>
            </form>
        </section>
    }
}

/// The officer pressed Save at the bottom of the form; a prompt that appears at
/// its top must come into view, or the save looks as if nothing happened.
fn show_prompt(testid: &'static str) {
    request_animation_frame(move || {
        let found = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(&format!("[data-testid={testid}]")).ok().flatten());
        if let Some(el) = found {
            el.scroll_into_view();
        }
    });
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

