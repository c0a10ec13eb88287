//! The check's result: counts, and the rows of each kind with their
//! spreadsheet row numbers and reasons, a page at a time.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::model::enterprise_import::{fill_empty, Counts, Outcome, RowResult};
use crate::model::registry::Registry;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::pager::{Pager, ResultCount, PAGE_SIZE};
use crate::ui::state::Register;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Invalid,
    Matches,
    New,
}

impl Tab {
    fn admits(self, o: &Outcome) -> bool {
        matches!(
            (self, o),
            (Tab::Invalid, Outcome::Invalid(_))
                | (Tab::Matches, Outcome::Match { .. })
                | (Tab::New, Outcome::New { .. })
        )
    }
}

/// One row as shown: number, name, tax code, details.
fn shown(r: &RowResult, lang: Lang, register: &Registry) -> (usize, String, String, String) {
    let details = match &r.outcome {
        Outcome::Invalid(problems) => problems
            .iter()
            .map(|p| lang.import_problem(p))
            .collect::<Vec<_>>()
            .join("; "),
        Outcome::Match {
            existing_id,
            enterprise,
        } => match register.get(existing_id) {
            Some(existing) => {
                let mut d = lang.import_matches(&existing.payload.name);
                if let Some((_, fields)) = fill_empty(&existing.payload, enterprise) {
                    d.push_str(". ");
                    d.push_str(&lang.import_would_fill(&fields));
                }
                d
            }
            None => String::new(),
        },
        Outcome::New {
            missing_tax_code: true,
            ..
        } => lang.t(Msg::WarnNoTaxCode).to_string(),
        Outcome::New { .. } => String::new(),
    };
    (r.row_number, r.name.clone(), r.tax_code.clone(), details)
}

#[component]
pub fn Summary(results: RwSignal<Arc<Vec<RowResult>>>, counts: Memo<Counts>) -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    // The invalid rows first: they are what the officer has to look at.
    let tab = RwSignal::new(Tab::Invalid);
    let page = RwSignal::new(0usize);
    Effect::new(move |_| {
        let c = counts.get();
        let first = if c.invalid > 0 {
            Tab::Invalid
        } else if c.matches > 0 {
            Tab::Matches
        } else {
            Tab::New
        };
        tab.set(first);
        page.set(0);
    });
    let positions = Memo::new(move |_| {
        let t = tab.get();
        results.with(|r| {
            r.iter()
                .enumerate()
                .filter(|(_, x)| t.admits(&x.outcome))
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        })
    });
    let total = Signal::derive(move || positions.with(Vec::len));
    let rows = Memo::new(move |_| {
        let l = lang.get();
        let start = page.get() * PAGE_SIZE;
        positions.with(|p| {
            results.with(|r| {
                register.registry.with(|reg| {
                    p.iter()
                        .skip(start)
                        .take(PAGE_SIZE)
                        .map(|&i| shown(&r[i], l, reg))
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let tab_button = move |t: Tab,
                           label: Msg,
                           testid: &'static str,
                           count: fn(&Counts) -> usize| {
        view! {
            <button type="button" role="tab" data-testid=testid
                class=move || if tab.get() == t { "tab selected" } else { "tab" }
                aria-selected=move || (tab.get() == t).to_string()
                on:click=move |_| { tab.set(t); page.set(0); }>
                {move || format!("{} ({})", lang.get().t(label), crate::format::format_int(count(&counts.get()) as i64, lang.get()))}
            </button>
        }
    };

    view! {
        <div class="import-summary" data-testid="import-summary">
            <h2>{tr(Msg::ImportSummaryTitle)}</h2>
            <p class="summary-counts" data-testid="import-counts">
                {move || { let c = counts.get(); lang.get().import_counts(c.new, c.matches, c.invalid) }}
            </p>
            <div class="tabs" role="tablist">
                {tab_button(Tab::Invalid, Msg::ImportTabInvalid, "tab-invalid", |c| c.invalid)}
                {tab_button(Tab::Matches, Msg::ImportTabMatches, "tab-matches", |c| c.matches)}
                {tab_button(Tab::New, Msg::ImportTabNew, "tab-new", |c| c.new)}
            </div>
            <ResultCount total=total page=Signal::derive(move || page.get()) testid="import-result-count"/>
            <Show when=move || { total.get() > 0 } fallback=|| view! { <p class="empty" data-testid="import-no-rows">{tr(Msg::ImportNoRowsHere)}</p> }>
                <div class="table-scroll">
                    <table class="data-table" data-testid="import-rows">
                        <thead>
                            <tr>
                                <th scope="col" class="num">{tr(Msg::ImportColRow)}</th>
                                <th scope="col">{tr(Msg::FieldName)}</th>
                                <th scope="col">{tr(Msg::FieldTaxCode)}</th>
                                <th scope="col">{tr(Msg::ImportColDetails)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|(n, name, tax, details)| view! {
                                <tr data-testid="import-row" data-row=n>
                                    <td class="num">{n}</td>
                                    <td>{name}</td>
                                    <td class="mono">{tax}</td>
                                    <td>{details}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
            <Pager total=total page=Signal::derive(move || page.get()) on_page=Callback::new(move |p| page.set(p))/>
        </div>
    }
}
