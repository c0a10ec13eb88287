//! The home page of an officer: the record counts, in the first download, or a new device's
//! first steps; below the counts, the indicators and the counts by size and unit from a chunk
//! (`dashboard_indicators`).

use super::i18n::{tr, use_lang};
use super::lazy_page::LazyPage;
use super::state::Register;
use crate::format::format_int;
use crate::i18n::Msg;
use crate::model::size_class::SizeClass;
use leptos::prelude::*;

#[component]
pub fn Dashboard() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let total = move || register.registry.with(|r| r.len());
    let with_tax = move || register.registry.with(|r| r.with_tax_code());
    let by_size = Memo::new(move |_| register.registry.with(|r| r.count_by_size()));
    let sme = move || {
        by_size.with(|m| [SizeClass::Micro, SizeClass::Small, SizeClass::Medium].iter().map(|s| m.get(&Some(*s)).copied().unwrap_or(0)).sum::<usize>())
    };
    let register_count = move |n: usize| counted(register.register_read.get(), n, lang.get());
    // The other kinds are read after the register.
    let count_of = move |ready: RwSignal<bool>, n: Memo<usize>| move || counted(ready.get(), n.get(), lang.get());
    let surveys = count_of(register.surveys.ready, Memo::new(move |_| register.surveys.live_count()));
    let assessments = count_of(register.assessments.ready, Memo::new(move |_| register.assessments.live_count()));
    let activities = count_of(register.activities.ready, Memo::new(move |_| register.activities.live_count()));
    // Forms kept when their enterprise was deleted (or that name one this laptop lacks) still count,
    // and the cards say how many, rather than count them silently.
    let unlinked = Memo::new(move |_| {
        // Counted once both kinds are read whole, not at each part of the first read.
        if !(register.surveys.ready.get() && register.assessments.ready.get()) {
            return (0, 0);
        }
        register.registry.with(|r| {
            let gone = |id: Option<&str>| id.is_some_and(|id| r.get(id).is_none());
            let surveys = register.surveys.records.with(|all| all.iter().filter(|s| !s.deleted && gone(Some(&s.payload.enterprise_id))).count());
            let assessments = register.assessments.records.with(|all| all.iter().filter(|a| !a.deleted && gone(a.payload.enterprise_id.as_deref())).count());
            (surveys, assessments)
        })
    });
    let unlinked_note = move |n: usize| (n > 0).then(|| view! { <span class="stat-note" data-testid="stat-unlinked">{move || lang.get().unlinked_forms(n)}</span> });
    provide_context(DashboardCounts { by_size });

    // What the page shows under its heading. The counts (and with them the indicators' chunk, about
    // 20 files) once there is something to count: the register's first rows, the other kinds once
    // read, or what could be read under the shell's error. The first steps on a device with nothing
    // on it. Nothing while that is not known yet: drawing the counts at once fetched the indicators'
    // chunk beside the store's first reads on every start, a new device's too, which never shows it.
    let shown = Memo::new(move |_| {
        use super::state::LoadStatus;
        // A large register's first rows count already: its counts say "…" until it is read whole.
        if register.registry.with(|r| !r.is_empty()) || register.still_reading().is_some_and(|(read, _)| read > 0) {
            return Shown::Counts;
        }
        let (loading, failed) = register.status.with(|s| (matches!(s, LoadStatus::Loading), matches!(s, LoadStatus::Failed(_))));
        if loading {
            return Shown::Nothing;
        }
        // What could be read, under the shell's error, or beside enterprises not read yet (an
        // earlier build's, whose reading code is missing): not a device with nothing on it.
        if failed || register.older_unread.get() {
            return Shown::Counts;
        }
        // No enterprise: the first steps only once the other kinds are read and hold nothing either.
        if ![register.surveys.ready, register.assessments.ready, register.activities.ready].iter().all(|r| r.get()) {
            Shown::Nothing
        } else if register.surveys.live_count() + register.assessments.live_count() + register.activities.live_count() == 0 {
            Shown::FirstSteps
        } else {
            Shown::Counts
        }
    });

    view! {
        <section class="page">
            <h1 data-testid="page-title">{tr(Msg::NavDashboard)}</h1>
            <Show when=move || shown.get() == Shown::FirstSteps>
                <DashboardEmpty/>
            </Show>
            <Show when=move || shown.get() == Shown::Counts>
            <p class="muted">{tr(Msg::DashboardIntro)}</p>
            <div class="stat-cards">
                <div class="stat-card"><span class="stat-value" data-testid="stat-enterprises">{move || register_count(total())}</span><span class="stat-label">{tr(Msg::StatEnterprises)}</span></div>
                <div class="stat-card"><span class="stat-value" data-testid="stat-with-tax-code">{move || register_count(with_tax())}</span><span class="stat-label">{tr(Msg::StatWithTaxCode)}</span></div>
                <div class="stat-card"><span class="stat-value" data-testid="stat-sme">{move || register_count(sme())}</span><span class="stat-label">{tr(Msg::StatSmeShare)}</span></div>
                <div class="stat-card"><span class="stat-value" data-testid="stat-surveys">{surveys}</span><span class="stat-label">{tr(Msg::StatSurveys)}</span>{move || unlinked_note(unlinked.get().0)}</div>
                <div class="stat-card"><span class="stat-value" data-testid="stat-assessments">{assessments}</span><span class="stat-label">{tr(Msg::StatAssessments)}</span>{move || unlinked_note(unlinked.get().1)}</div>
                <div class="stat-card"><span class="stat-value" data-testid="stat-activities">{activities}</span><span class="stat-label">{tr(Msg::StatActivities)}</span></div>
            </div>
            // The indicators' filters, tables and charts (their counting, the readiness bands,
            // plotters) and the counts by size and unit, below them, come from a chunk of their own,
            // a moment after the first screen.
            <LazyPage load=super::split_pages::dashboard_indicators part=true/>
            </Show>
        </section>
    }
}

/// What the dashboard shows under its heading.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// Not known yet: the register's first rows are not in, or it is empty and the other kinds are not read.
    Nothing,
    /// Nothing on this device: what to do first, instead of a page of zeros.
    FirstSteps,
    Counts,
}

/// The first steps, where a new device's dashboard would show only zeros.
#[component]
fn DashboardEmpty() -> impl IntoView {
    view! {
        <div class="card empty-start" data-testid="dashboard-empty">
            <h2>{tr(Msg::DashboardEmptyTitle)}</h2>
            <p class="muted">{tr(Msg::DashboardEmptyHelp)}</p>
            <div class="actions">
                <a href="/enterprises/new" class="button primary" data-testid="add-first-enterprise">{tr(Msg::AddFirstEnterprise)}</a>
                <a href="/enterprises/import" class="button" data-testid="empty-import-list">{tr(Msg::EmptyImportList)}</a>
                <a href="/sync" class="button" data-testid="empty-import-sync">{tr(Msg::EmptyImportSync)}</a>
            </div>
        </div>
    }
}

/// A count on the dashboard once its kind has been read whole; "…" until then, never a count of
/// a part or a 0.
pub(super) fn counted(ready: bool, n: usize, lang: crate::i18n::Lang) -> String {
    if ready { format_int(n as i64, lang) } else { "…".to_string() }
}

/// The register's count by size class, which the SME card (in the first download) and the table
/// by size (in the indicators' chunk) both show: counted once, handed on in context, as a view
/// loaded on demand takes no props.
#[derive(Clone, Copy)]
pub struct DashboardCounts {
    pub(super) by_size: Memo<std::collections::HashMap<Option<SizeClass>, usize>>,
}
