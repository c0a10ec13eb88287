//! Opening a survey or self-assessment from its route: read it as stored,
//! find the form version it is on, bring back answers a closed page did not
//! write, move a draft to the latest form version, and hand all that to the
//! kind's editor. Works on the record as a trait object, so it is compiled
//! once for both kinds.

use super::editor::EditorTexts;
use super::open_record::{Pending, Version};
use crate::form::{Form, FormLibrary};
use crate::model::draft_rescue::DraftRescue;
use crate::model::filled::FilledParts;
use crate::ui::i18n::tr;
use crate::i18n::Msg;
use crate::ui::state::{FormsState, LoadStatus, Register};
use crate::web::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;
use crate::ui::router::{use_page_query, use_params_map};
use std::sync::Arc;

/// A record ready for the editor.
pub struct Opening {
    /// As stored.
    pub record: Version,
    /// The form to fill it on: its own version, or the latest for a draft being moved.
    pub form: Arc<Form>,
    /// What to start from when it differs from the stored record (and so must
    /// be written): a draft moved onto `form` from an older version, rescued
    /// answers, or both.
    pub start: Option<FilledParts>,
    /// The form version the stored draft was on, when it was moved to `form`.
    pub upgraded_from: Option<u32>,
    /// The key of the rescued answers `start` holds; removed once they are written.
    pub rescued: Option<String>,
    /// A new record, not stored until its first answer.
    pub is_new: bool,
}

/// The page of the record named by the route's `:id`.
#[component]
pub fn FilledPage(
    /// Reads a record of the page's kind as stored now (`open_record::load::<Kind>`).
    load: fn(String) -> Pending<Option<Version>>,
    texts: EditorTexts,
    /// The kind's editor for the opened record.
    editor: fn(Opening) -> AnyView,
    /// A new record of the kind with the route's id, for an address that names
    /// what it is about (`?for=`) and is not stored yet: it is written at the
    /// first answer, so opening it and leaving stores nothing.
    #[prop(optional)]
    fresh: Option<fn(Register, String, String) -> Pending<Option<Version>>>,
) -> impl IntoView {
    let register = expect_context::<Register>();
    let params = use_params_map();
    let query = use_page_query();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // Read from the store, not the in-memory list: that may lag behind another tab's save,
    // and the page should not wait for every record of the province to load.
    // With whether the record is a new one, not stored yet.
    let opened = RwSignal::new(None::<(String, Option<Version>, bool)>);
    Effect::new(move |_| {
        let id = id.get();
        // The form it is filled on must be in too (the shipped ones are fetched after start-up).
        if register.status.with(|s| *s == LoadStatus::Loading) || !register.forms_settled() {
            return;
        }
        let new_for = query.with_untracked(|q| q.get(crate::ui::survey_store::NEW_FOR));
        spawn_local(async move {
            let mut record = load(id.clone()).await;
            let mut is_new = false;
            if let (None, Some(build), Some(about)) = (&record, fresh, new_for) {
                record = build(register, id.clone(), about).await;
                is_new = record.is_some();
            }
            let _ = opened.try_set(Some((id, record, is_new)));
        });
    });
    move || {
        // Read once per record: the editor keeps its own copy, and its saves must not rebuild it.
        let (opened_id, record, is_new) = opened.get()?;
        if opened_id != id.get_untracked() {
            return None;
        }
        let Some(record) = record else {
            return Some(view! {
                <section class="page">
                    <p><a href=texts.back_href>{tr(texts.back)}</a></p>
                    <p class="empty" data-testid="not-found">{tr(texts.not_found)}</p>
                </section>
            }.into_any());
        };
        match register.forms.with_untracked(|forms| open(record, is_new, forms)) {
            Some(opening) => Some(editor(opening)),
            None => Some(view! {
                <section class="page">
                    <p><a href=texts.back_href>{tr(texts.back)}</a></p>
                    <p class="banner banner-warning" data-testid="form-missing">{tr(if register.forms_state.get_untracked() == FormsState::Unavailable { Msg::FormsUnavailable } else { texts.form_missing })}</p>
                </section>
            }.into_any()),
        }
    }
}

/// What the editor starts from; `None` when this device lacks the form
/// version the record is on. `is_new`: a new record, not stored yet.
fn open(record: Version, is_new: bool, forms: &FormLibrary) -> Option<Opening> {
    let stored = record.filled();
    let own = forms.get(stored.form_id(), stored.form_version())?;
    let latest = forms.latest(stored.form_id());
    // Answers typed just before a page on this record went away (this tab's or a closed
    // tab's), if their write did not land: applied on the form version they were typed on,
    // then moved with the draft to the latest form, never dropped for being older.
    let rescue = find_rescue(&record, is_new, forms);
    let mut payload = record.payload();
    let mut form = own;
    if let Some((_, r, on)) = &rescue {
        let place = payload.answers_mut();
        *place.answers = r.answers.clone();
        *place.orphans = r.orphans.clone();
        *place.form_version = on.version;
        form = on.clone();
    }
    if let Some(latest) = latest.filter(|l| payload.needs_upgrade(l)) {
        payload.move_to(&form, &latest);
        form = latest;
    }
    let upgraded_from = (stored.form_version() < form.version).then_some(stored.form_version());
    let start = payload.parts();
    let start = (start != stored.parts()).then_some(start);
    Some(Opening { record: record.clone(), form, start, upgraded_from, rescued: rescue.map(|(key, _, _)| key), is_new })
}

/// The rescued answers that apply to the stored record, with their key and
/// the form they were typed on. Rescues that can never apply (another tab or
/// device saved since, the record was deleted, their form is unknown) are
/// proven stale and removed; one that is already stored is removed too. A
/// new record that was never stored has no other version to protect: the
/// answers typed on it before the page went away are its only ones, and apply.
fn find_rescue(record: &Version, is_new: bool, forms: &FormLibrary) -> Option<(String, DraftRescue, Arc<Form>)> {
    let mut found: Option<(String, DraftRescue, Arc<Form>)> = None;
    for (key, value) in browser::rescues_of(record.id()) {
        let Some(rescue) = read_rescue(value, record) else {
            browser::clear_rescue(&key);
            continue;
        };
        match forms.get(record.filled().form_id(), rescue.form_version) {
            // Of two that apply (two pages closed unwritten on the same version), the later
            // one is taken; the other waits: once the first is written it no longer applies.
            Some(form) if is_new || record.rescue_applies(&rescue) => {
                if found.as_ref().is_none_or(|(_, f, _)| rescue.saved_ms > f.saved_ms) {
                    found = Some((key, rescue, form));
                }
            }
            _ => browser::clear_rescue(&key),
        }
    }
    found
}

/// A rescue as this build writes it, or as builds before per-tab rescues
/// wrote it (its base a version vector, which applies only to that exact version).
fn read_rescue(value: serde_json::Value, record: &Version) -> Option<DraftRescue> {
    #[derive(serde::Deserialize)]
    struct Legacy {
        base: crate::model::clock::VersionVector,
        form_version: u32,
        answers: crate::form::Answers,
        orphans: Vec<crate::form::Orphan>,
    }
    match serde_json::from_value::<DraftRescue>(value.clone()) {
        Ok(r) => Some(r),
        Err(_) => {
            let old: Legacy = serde_json::from_value(value).ok()?;
            (old.base == *record.version()).then(|| DraftRescue {
                base: record.updated().clone(),
                in_flight: None,
                form_version: old.form_version,
                answers: old.answers,
                orphans: old.orphans,
                saved_ms: 0,
            })
        }
    }
}
