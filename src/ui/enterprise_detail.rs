//! One enterprise: every field, its computed size, and edit or delete.

use super::confirm_dialog::ConfirmDialog;
use super::enterprise_history::EnterpriseHistory;
use super::i18n::{tr, use_lang};
use super::started_on::StartedOn;
use super::programme::{EnterpriseActivities, EnterpriseAssessments};
use super::survey::EnterpriseSurveys;
use super::state::{DeleteError, Flash, FlashKind, LoadStatus, Register};
use crate::format::{format_date_time, format_int};
use crate::i18n::{ownership_msg, product_msg, size_msg, Msg};
use crate::model::enterprise::ProductGroup;
use crate::model::vsic;
use crate::web::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;
use crate::ui::router::{use_navigate, use_params_map};

#[component]
pub fn EnterpriseDetail() -> impl IntoView {
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    let lang = use_lang();
    let params = use_params_map();
    let navigate = use_navigate();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let record = Memo::new(move |_| register.registry.with(|r| r.get(&id.get()).cloned()));
    let confirm_open = RwSignal::new(false);
    let offset = browser::utc_offset_minutes();
    // What points at the enterprise, for the deletion to say and ask about; `None` until every list is read.
    let linked = Memo::new(move |_| linked_to(register, &id.get()));
    let delete_linked = RwSignal::new(false);

    let on_delete = Callback::new(move |_| {
        let navigate = navigate.clone();
        let started_on = StartedOn::here();
        spawn_local(async move {
            // Read before the await: the page may be gone when the deletion returns.
            let Some(seen) = record.with_untracked(|r| r.as_ref().map(|r| (r.id.clone(), r.version.clone()))) else { return };
            let with_it = if delete_linked.get_untracked() { linked.get_untracked().map(|l| l.forms).unwrap_or_default() } else { Vec::new() };
            match register.delete(seen.0, seen.1).await {
                Ok(()) => {
                    let mut kept = false;
                    for form in with_it {
                        kept |= form.delete(register).await.is_err();
                    }
                    let (kind, msg) = if kept { (FlashKind::Warning, Msg::LinkedDeleteFailed) } else { (FlashKind::Success, Msg::Deleted) };
                    started_on.finish(&navigate, flash, "/enterprises", kind, vec![msg]);
                }
                Err(DeleteError::Changed) => started_on.deletion_failed(flash, FlashKind::Warning, Msg::DeleteChangedMeanwhile, Msg::LeftChangedElsewhere),
                Err(DeleteError::InConflict) => started_on.deletion_failed(flash, FlashKind::Warning, Msg::EditInConflict, Msg::LeftChangedElsewhere),
                Err(DeleteError::Store(e)) => started_on.deletion_failed(flash, FlashKind::Error, e.msg(), e.left_msg()),
            }
        });
    });

    move || {
        if register.status.with(|s| *s == LoadStatus::Loading) {
            return None;
        }
        let Some(r) = record.get() else {
            return Some(view! {
                <section class="page">
                    <p><a href="/enterprises">{tr(Msg::BackToList)}</a></p>
                    <p class="empty" data-testid="not-found">{tr(Msg::EnterpriseNotFound)}</p>
                </section>
            }.into_any());
        };
        let e = r.payload.clone();
        let history_record = r.clone();
        let name = e.name.clone();
        let size = e.size_class();
        let unit = e.admin_unit_id.clone();
        let unit_name = move || unit.as_ref().map(|u| register.units.with(|l| l.display_label(u, lang.get())));
        let section = e.vsic_section.clone();
        let sector = move || section.as_deref().and_then(vsic::section).map(|s| format!("{} – {}", s.code, s.name(lang.get())));
        let ownership = e.ownership;
        let employees = e.employees;
        let (revenue, capital) = (e.revenue_bn_vnd, e.capital_bn_vnd);
        let products = e.products.clone();
        let stars = e.ocop_stars;
        let other = e.other_products.clone();
        let products_text = move || {
            let l = lang.get();
            products.iter().map(|p| match p {
                ProductGroup::Ocop => match stars {
                    Some(n) => format!("{} ({})", l.t(product_msg(*p)), "★".repeat(n as usize)),
                    None => l.t(product_msg(*p)).to_string(),
                },
                ProductGroup::Other if !other.is_empty() => format!("{}: {}", l.t(product_msg(*p)), other),
                _ => l.t(product_msg(*p)).to_string(),
            }).collect::<Vec<_>>().join(", ")
        };
        let edit_href = format!("/enterprises/{}/edit", r.id);
        let missing_tax = e.tax_code.is_none();
        let body_name = name.clone();
        let amount = move |v: Option<f64>| v.map(|x| crate::format::format_amount(x, 3, lang.get()));
        Some(view! {
            <section class="page narrow" data-testid="enterprise-detail">
                <p class="no-print"><a href="/enterprises" data-testid="back-to-list">{tr(Msg::BackToList)}</a></p>
                <div class="page-heading">
                    <h1 data-testid="enterprise-name">{name.clone()}</h1>
                    <div class="actions no-print">
                        <a href=edit_href class="button" data-testid="edit-enterprise">{tr(Msg::Edit)}</a>
                        <button type="button" class="button" on:click=move |_| browser::print_page()>{tr(Msg::Print)}</button>
                        <button type="button" class="button danger" data-testid="delete-enterprise"
                            disabled=move || register.read_only() on:click=move |_| confirm_open.set(true)>{tr(Msg::Delete)}</button>
                    </div>
                </div>
                {missing_tax.then(|| view! { <p class="banner banner-warning" data-testid="missing-tax-warning">{tr(Msg::WarnNoTaxCode)}</p> })}
                <dl class="details">
                    <Row label=Msg::FieldTaxCode testid="detail-tax-code" value=Signal::derive({ let t = e.tax_code.clone(); move || t.clone() })/>
                    <Row label=Msg::FieldAddress testid="detail-address" value=Signal::derive({ let a = e.address.clone(); move || Some(a.clone()).filter(|s| !s.is_empty()) })/>
                    <Row label=Msg::FieldUnit testid="detail-unit" value=Signal::derive(unit_name)/>
                    <Row label=Msg::FieldVsic testid="detail-sector" value=Signal::derive(sector)/>
                    <Row label=Msg::FieldOwnership testid="detail-ownership" value=Signal::derive(move || ownership.map(|o| lang.get().t(ownership_msg(o)).to_string()))/>
                    <Row label=Msg::FieldEmployees testid="detail-employees" value=Signal::derive(move || employees.map(|n| format_int(i64::from(n), lang.get())))/>
                    <Row label=Msg::FieldRevenue testid="detail-revenue" value=Signal::derive(move || amount(revenue))/>
                    <Row label=Msg::FieldCapital testid="detail-capital" value=Signal::derive(move || amount(capital))/>
                    <Row label=Msg::ComputedSize testid="detail-size" value=Signal::derive(move || Some(lang.get().t(size_msg(size)).to_string()))/>
                    <Row label=Msg::FieldProducts testid="detail-products" value=Signal::derive(move || Some(products_text()).filter(|s| !s.is_empty()))/>
                    <Row label=Msg::FieldContactName testid="detail-contact" value=Signal::derive({ let c = e.contact_name.clone(); move || Some(c.clone()).filter(|s| !s.is_empty()) })/>
                    <Row label=Msg::FieldPhone testid="detail-phone" value=Signal::derive({ let c = crate::model::phone::format_phone(&e.contact_phone); move || Some(c.clone()).filter(|s| !s.is_empty()) })/>
                    <Row label=Msg::FieldEmail testid="detail-email" value=Signal::derive({ let c = e.contact_email.clone(); move || Some(c.clone()).filter(|s| !s.is_empty()) })/>
                    <Row label=Msg::FieldNotes testid="detail-notes" value=Signal::derive({ let c = e.notes.clone(); move || Some(c.clone()).filter(|s| !s.is_empty()) })/>
                </dl>
                <details class="record-info">
                    <summary>{tr(Msg::RecordInfo)}</summary>
                    <dl class="details small">
                        <Row label=Msg::RecordId testid="detail-id" value=Signal::derive({ let v = r.id.clone(); move || Some(v.clone()) })/>
                        <Row label=Msg::CreatedAt testid="detail-created" value=Signal::derive({ let t = r.created_ms(); move || Some(format_date_time(t, offset)) })/>
                        <Row label=Msg::UpdatedAt testid="detail-updated" value=Signal::derive({ let t = r.updated_ms(); move || Some(format_date_time(t, offset)) })/>
                        <Row label=Msg::LastOfficer testid="detail-officer" value=Signal::derive({ let v = r.officer.clone(); move || Some(v.clone()).filter(|s| !s.is_empty()) })/>
                        <Row label=Msg::LastDevice testid="detail-device" value=Signal::derive({ let v = r.device_id.clone(); move || Some(v.clone()) })/>
                    </dl>
                </details>
                <EnterpriseSurveys enterprise_id=r.id.clone()/>
                <EnterpriseAssessments enterprise_id=r.id.clone()/>
                <EnterpriseActivities enterprise_id=r.id.clone()/>
                <EnterpriseHistory current=history_record/>
                <ConfirmDialog open=confirm_open title=Msg::ConfirmDeleteTitle confirm_label=Msg::Delete on_confirm=on_delete
                    body=Signal::derive(move || lang.get().confirm_delete(&body_name))
                    confirm_disabled=Signal::derive(move || linked.with(Option::is_none))
                    extra=move || view! { <LinkedChoice linked=linked delete_linked=delete_linked/> }/>
            </section>
        }.into_any())
    }
}

/// What points at an enterprise: its surveys and self-assessments (which a
/// deletion can take with it) and the activities it took part in.
#[derive(Clone, PartialEq)]
struct Linked {
    surveys: usize,
    assessments: usize,
    activities: usize,
    forms: Vec<LinkedForm>,
}

/// A survey or self-assessment about the enterprise, at the version listed: a deletion that
/// takes it along deletes it only if that is still the version stored.
#[derive(Clone, PartialEq)]
enum LinkedForm {
    Survey(String, crate::model::clock::VersionVector),
    Assessment(String, crate::model::clock::VersionVector),
}

impl LinkedForm {
    async fn delete(self, register: Register) -> Result<(), DeleteError> {
        match self {
            LinkedForm::Survey(id, seen) => register.delete_record::<crate::model::survey::Survey>(&id, &seen).await.map(|_| ()),
            LinkedForm::Assessment(id, seen) => register.delete_record::<crate::model::assessment::Assessment>(&id, &seen).await.map(|_| ()),
        }
    }
}

fn linked_to(register: Register, id: &str) -> Option<Linked> {
    if !(register.surveys.ready.get() && register.assessments.ready.get() && register.activities.ready.get()) {
        return None;
    }
    let mut forms: Vec<LinkedForm> = Vec::new();
    let surveys = register.surveys.records.with(|all| {
        let mine: Vec<_> = all.iter().filter(|s| !s.deleted && s.payload.enterprise_id == id).collect();
        forms.extend(mine.iter().map(|s| LinkedForm::Survey(s.id.clone(), s.version.clone())));
        mine.len()
    });
    let assessments = register.assessments.records.with(|all| {
        let mine: Vec<_> = all.iter().filter(|a| !a.deleted && a.payload.enterprise_id.as_deref() == Some(id)).collect();
        forms.extend(mine.iter().map(|a| LinkedForm::Assessment(a.id.clone(), a.version.clone())));
        mine.len()
    });
    let activities = register.activities.records.with(|all| all.iter().filter(|a| !a.deleted && a.payload.enterprise_ids.iter().any(|e| e == id)).count());
    Some(Linked { surveys, assessments, activities, forms })
}

/// In the deletion's confirmation: what points at the enterprise, and whether its forms go with it.
#[component]
fn LinkedChoice(linked: Memo<Option<Linked>>, delete_linked: RwSignal<bool>) -> impl IntoView {
    let lang = use_lang();
    move || match linked.get() {
        None => view! { <p class="muted" role="status" data-testid="linked-counting">{tr(Msg::LinkedCounting)}</p> }.into_any(),
        Some(l) => {
            let any_forms = !l.forms.is_empty();
            view! {
                <p data-testid="linked-counts">{move || lang.get().linked_records(l.surveys, l.assessments, l.activities)}</p>
                {any_forms.then(|| view! {
                    <fieldset class="choice-list">
                        <label><input type="radio" name="linked" data-testid="linked-keep" prop:checked=move || !delete_linked.get()
                            on:change=move |_| delete_linked.set(false)/>" "{tr(Msg::LinkedKeep)}</label>
                        <label><input type="radio" name="linked" data-testid="linked-delete" prop:checked=move || delete_linked.get()
                            on:change=move |_| delete_linked.set(true)/>" "{tr(Msg::LinkedDelete)}</label>
                    </fieldset>
                })}
            }.into_any()
        }
    }
}

#[component]
fn Row(label: Msg, testid: &'static str, value: Signal<Option<String>>) -> impl IntoView {
    view! {
        <div class="detail-row">
            <dt>{tr(label)}</dt>
            <dd data-testid=testid>{move || value.get().unwrap_or_else(|| "—".to_string())}</dd>
        </div>
    }
}
