//! What the readiness views read from the register, in one place: an
//! enterprise's assessments, their profile, the latest result per module and
//! the award pre-check.

use crate::form::definition::ModuleKind;
use crate::model::assessment::{of_enterprise, Assessment};
use crate::model::record::Record;
use crate::readiness::award::{award_result, AwardResult};
use crate::readiness::profile::{latest_of, profile, ModuleProfile};
use crate::readiness::{module_result, ModuleResult};
use crate::ui::state::Register;
use crate::store::summary::SummaryOf;
use crate::web::{browser, record_store};
use leptos::task::spawn_local;
use leptos::prelude::*;

/// One enterprise and its assessments, read once for every view of its readiness on a page
/// (the cards, the summary, the award, the plan), not once by each.
#[derive(Clone, Copy)]
pub struct EnterpriseReadiness {
    pub id: Signal<String>,
    /// Its assessments as the register lists them (summaries: form, status, date, score),
    /// newest first: what the module cards, the list and the profile read, at once.
    pub listed: Memo<Vec<Record<SummaryOf<Assessment>>>>,
    /// The same as whole records, read from the store after each change of `listed`: the
    /// award and the gaps are worked out from every answer. Empty until read.
    pub assessments: Signal<Vec<Record<Assessment>>>,
}

impl EnterpriseReadiness {
    pub fn new(register: Register, id: Signal<String>) -> EnterpriseReadiness {
        let listed = Memo::new(move |_| listed_of(register, &id.get()));
        // Which summaries, at which version, says when to read the whole records again (a
        // save here, another tab's, an import).
        let versions = Memo::new(move |_| listed.with(|l| l.iter().map(|r| (r.id.clone(), r.version.clone())).collect::<Vec<_>>()));
        let assessments = RwSignal::new(Vec::new());
        Effect::new(move |_| {
            let wanted = versions.get();
            spawn_local(async move {
                let store = record_store();
                let mut read = Vec::with_capacity(wanted.len());
                for (id, _) in &wanted {
                    match store.get::<Assessment>(id).await {
                        Ok(Some(r)) if !r.deleted => read.push(r),
                        // Gone or unreadable since it was listed: the next listing says which.
                        _ => {}
                    }
                }
                register.follow_aliases(&mut read);
                // A later listing's read replaces this one; an older one never lands after it.
                if versions.try_get_untracked().is_some_and(|now| now == wanted) {
                    let _ = assessments.try_set(read);
                }
            });
        });
        EnterpriseReadiness { id, listed, assessments: assessments.into() }
    }
}

/// One enterprise's assessments (deleted ones left out), newest first; none until every
/// assessment is read, so "the latest" is never an older one whose successor is still unread,
/// and until the definitions they are scored and named by are in.
fn listed_of(register: Register, enterprise_id: &str) -> Vec<Record<SummaryOf<Assessment>>> {
    if !register.assessments.ready.get() || !register.forms_settled() {
        return Vec::new();
    }
    register.assessments.records.with(|all| of_enterprise(all, enterprise_id).into_iter().cloned().collect())
}

pub fn profile_of<P: AsRef<Assessment>>(register: Register, assessments: &[Record<P>]) -> Vec<ModuleProfile> {
    let refs: Vec<&Record<P>> = assessments.iter().collect();
    register.forms.with(|lib| profile(lib, &refs))
}

/// The latest assessment of each module, scored on its own form version (the award aside).
pub fn latest_results(register: Register, assessments: &[Record<Assessment>]) -> Vec<(Record<Assessment>, ModuleResult)> {
    let refs: Vec<&Record<Assessment>> = assessments.iter().collect();
    let today = browser::today();
    register.forms.with(|lib| {
        profile(lib, &refs)
            .iter()
            .filter_map(|m| {
                let latest = latest_of(&refs, &m.form_id)?;
                let form = lib.get(&latest.payload.form_id, latest.payload.form_version)?;
                Some((latest.clone(), module_result(&form, &latest.payload.answers, &today)))
            })
            .collect()
    })
}

/// The latest award pre-check of an enterprise, with its result.
pub fn latest_award(register: Register, assessments: &[Record<Assessment>]) -> Option<(Record<Assessment>, AwardResult)> {
    let refs: Vec<&Record<Assessment>> = assessments.iter().collect();
    register.forms.with(|lib| {
        let award_ids = lib.all().iter().filter(|f| f.module.as_ref().is_some_and(|m| m.kind == ModuleKind::Award)).map(|f| f.id.as_str());
        let latest = award_ids.filter_map(|id| latest_of(&refs, id)).max_by_key(|a| (crate::readiness::profile::date_of(a), a.updated.ms))?;
        let form = lib.get(&latest.payload.form_id, latest.payload.form_version)?;
        award_result(&form, &latest.payload.answers).map(|r| (latest.clone(), r))
    })
}

/// The forms an enterprise can assess itself on: every module, the award last.
pub fn module_forms(register: Register) -> Vec<std::sync::Arc<crate::form::Form>> {
    register.forms.with(|lib| crate::readiness::profile::module_order(lib).into_iter().filter_map(|id| lib.latest(&id)).collect())
}

/// The enterprise this device belongs to, in enterprise mode: the one in its register.
pub fn own_enterprise(register: Register) -> Option<crate::model::registry::EnterpriseRecord> {
    register.registry.with(|r| r.records().min_by(|a, b| (&a.created, &a.id).cmp(&(&b.created, &b.id))).cloned())
}
