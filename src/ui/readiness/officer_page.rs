//! The department's Self-assessment page: every assessment with filters
//! (module, band, unit, date), and the shortlist of enterprises for support.

use crate::format::{format_iso_date, format_percent};
use crate::i18n::{Lang, Msg};
use crate::readiness::band::Band;
use crate::readiness::assessment_list::{AssessmentFilters, AssessmentIndex};
use crate::readiness::profile::date_of;
use crate::readiness::shortlist::shortlist;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::pager::{ListBody, Pager, StillReading, PAGE_SIZE};
use crate::ui::state::{LoadStatus, Register};
use crate::ui::day_input::DayInput;
use crate::ui::rows_in_parts::draw_in_parts;
use crate::web::table_rows::TableRow;
use crate::model::clock::Hlc;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct RowText {
    key: (String, Hlc, Lang, String, String),
    date: String,
    enterprise_href: String,
    name: String,
    module: String,
    status: &'static str,
    readiness: String,
    band_class: String,
    band: &'static str,
    open_href: String,
    open: &'static str,
}

/// One row of the list, marked for `RowText::values`.
const ROW: &str = concat!(
    r#"<tr data-testid="assessment-row"><td data-fill="text"></td><td><a data-fill="href text"></a></td>"#,
    r#"<td data-fill="text"></td><td data-fill="text"></td><td class="num" data-fill="text"></td>"#,
    r#"<td><span data-fill="class text"></span></td>"#,
    r#"<td class="no-print"><a data-testid="assessment-open" data-fill="href text"></a></td></tr>"#,
);

impl TableRow for RowText {
    type Key = (String, Hlc, Lang, String, String);
    fn key(&self) -> &Self::Key {
        &self.key
    }
    fn values(&self) -> Vec<&str> {
        vec![&self.date, &self.enterprise_href, &self.name, &self.module, self.status, &self.readiness, &self.band_class, self.band, &self.open_href, self.open]
    }
}

#[component]
pub fn OfficerAssessments() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let filters = RwSignal::new(AssessmentFilters::default());
    let page = RwSignal::new(0usize);
    let shortlist_view = RwSignal::new(false);
    let modules = Memo::new(move |_| super::data::module_forms(register));
    // What the filters look at is worked out once per change of the assessments or the register
    // (readiness::assessment_list); a filter change only matches over it.
    let index = Memo::new(move |_| {
        register.registry.track();
        let unit_of = |id: &str| register.registry.with_untracked(|r| r.get(id).and_then(|e| e.payload.admin_unit_id.clone()));
        register.assessments.records.with(|all| AssessmentIndex::build(all, &unit_of))
    });
    let matches = Memo::new(move |_| {
        let f = filters.get();
        index.with(|i| i.positions(&f))
    });
    // "Loading" until the register and the first assessments are read, never a count of 0 meanwhile.
    let body = Memo::new(move |_| {
        ListBody::of(
            register.status.with(|s| *s == LoadStatus::Loading),
            register.assessments.ready.get(),
            matches.with(|m| !m.is_empty()),
            register.assessments.live_count() > 0,
        )
    });
    let set = move |edit: fn(&mut AssessmentFilters, String)| move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        filters.update(|f| edit(f, v));
        page.set(0);
    };
    // A date filter follows only a whole day, or none: half-typed text leaves it as it was.
    let set_day = move |edit: fn(&mut AssessmentFilters, String)| Callback::new(move |v: String| {
        if v.is_empty() || crate::form::answer::is_date(&v) {
            filters.update(|f| edit(f, v));
            page.set(0);
        }
    });
    // The page's rows as text, drawn straight into the table body (`ui::rows_in_parts`): a row
    // whose record, enterprise name and module stay is kept, so a step of the background read or
    // a filter that keeps a row does not build it again.
    let shown = Memo::new(move |_| {
        let l = lang.get();
        let start = page.get() * PAGE_SIZE;
        matches.with(|m| {
            register.assessments.records.with(|all| {
                register.registry.with(|reg| {
                    register.forms.with(|lib| {
                        m.iter().skip(start).take(PAGE_SIZE).filter_map(|&i| all.get(i)).map(|a| {
                            let p = &a.payload;
                            let enterprise = p.enterprise_id.clone().unwrap_or_default();
                            let name = reg.get(&enterprise).map(|e| e.payload.name.clone()).or_else(|| p.enterprise_name().map(str::to_string)).unwrap_or_else(|| "—".into());
                            let module = lib.get(&p.form_id, p.form_version).map(|f| f.module.as_ref().map_or_else(|| f.title.get(l).to_string(), |m| m.short.get(l).to_string())).unwrap_or_else(|| p.form_id.clone());
                            let band = p.readiness.and_then(Band::of);
                            RowText {
                                key: (a.id.clone(), a.updated.clone(), l, name.clone(), module.clone()),
                                date: format_iso_date(&date_of(a)),
                                enterprise_href: format!("/enterprises/{enterprise}"),
                                name,
                                module,
                                status: l.assessment_status(p.status),
                                readiness: p.readiness.map(|x| format_percent(x, l)).unwrap_or_else(|| "—".into()),
                                band_class: format!("band band-{}", band.map(Band::key).unwrap_or("none")),
                                band: band.map(|b| l.band(b)).unwrap_or("—"),
                                open_href: format!("/self-assessment/{}", a.id),
                                open: l.t(Msg::Open),
                            }
                        }).collect::<Vec<_>>()
                    })
                })
            })
        })
    });
    let table_body = NodeRef::new();
    draw_in_parts(shown, page.into(), table_body, ROW);
    let candidates = Memo::new(move |_| {
        // Ranked from every assessment or none: not from the part read so far on a first start.
        if !shortlist_view.get() || !register.assessments.ready.get() {
            return Vec::new();
        }
        register.forms.with(|lib| register.assessments.records.with(|all| shortlist(lib, all)))
    });
    let shortlist_rows = move || {
        let l = lang.get();
        candidates.with(|list| list.iter().enumerate().map(|(i, c)| {
            let name = register.registry.with(|r| r.get(&c.enterprise_id).map(|e| e.payload.name.clone())).unwrap_or_else(|| "—".into());
            let weakest = c.modules.iter().find(|m| m.form_id == c.weakest).map(|m| m.short.get(l).to_string()).unwrap_or_default();
            let modules = c.modules.iter().map(|m| format!("{} {}", m.short.get(l), m.latest().map(|e| format_percent(e.percent, l)).unwrap_or_default())).collect::<Vec<_>>().join(" · ");
            view! {
                <tr data-testid="shortlist-row">
                    <td class="num">{i + 1}</td>
                    <td><a href=format!("/enterprises/{}", c.enterprise_id)>{name}</a></td>
                    <td class="num">{format_percent(c.readiness, l)}</td>
                    <td><span class=format!("band band-{}", c.band.key())>{l.band(c.band)}</span></td>
                    <td>{weakest}</td>
                    <td class="small">{modules}</td>
                    <td>{format_iso_date(&c.latest)}</td>
                </tr>
            }
        }).collect::<Vec<_>>())
    };
    view! {
        <section class="page" data-testid="officer-assessments">
            <div class="page-heading">
                <h1 data-testid="page-title">{tr(Msg::NavSelfAssessment)}</h1>
                <a href="/sync" class="button" data-testid="import-result-link">{tr(Msg::ImportResultFile)}</a>
            </div>
            <p class="muted">{tr(Msg::OfficerAssessmentsHelp)}</p>
            <div class="tabs" role="tablist">
                <button type="button" role="tab" aria-selected=move || (!shortlist_view.get()).to_string() data-testid="tab-assessments" on:click=move |_| shortlist_view.set(false)>{tr(Msg::AllAssessments)}</button>
                <button type="button" role="tab" aria-selected=move || shortlist_view.get().to_string() data-testid="tab-shortlist" on:click=move |_| shortlist_view.set(true)>{tr(Msg::ShortlistTitle)}</button>
            </div>
            <Show when=move || !shortlist_view.get() fallback=move || view! {
                <section data-testid="shortlist">
                    <p class="muted">{tr(Msg::ShortlistHelp)}</p>
                    <table class="data-table">
                        <thead><tr>
                            <th scope="col" class="num">"#"</th><th scope="col">{tr(Msg::ColEnterprise)}</th><th scope="col" class="num">{tr(Msg::ColReadiness)}</th>
                            <th scope="col">{tr(Msg::ColBand)}</th><th scope="col">{tr(Msg::ColWeakestModule)}</th><th scope="col">{tr(Msg::ColModules)}</th><th scope="col">{tr(Msg::ColAssessmentDate)}</th>
                        </tr></thead>
                        <tbody>{shortlist_rows}</tbody>
                    </table>
                </section>
            }>
                <div class="toolbar filters">
                    <label>{tr(Msg::ColModule)}" "
                        <select data-testid="filter-module" on:change=set(|f, v| f.module = v)>
                            <option value="">{tr(Msg::All)}</option>
                            {move || modules.get().into_iter().map(|f| {
                                let short = f.module.as_ref().map(|m| m.short.get(lang.get()).to_string()).unwrap_or_default();
                                view! { <option value=f.id.clone()>{short}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label>{tr(Msg::ColBand)}" "
                        <select data-testid="filter-band" on:change=set(|f, v| f.band = v)>
                            <option value="">{tr(Msg::All)}</option>
                            {Band::ALL.into_iter().map(|b| view! { <option value=b.key()>{move || lang.get().band(b)}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>{tr(Msg::ColUnit)}" "
                        <select data-testid="filter-unit" on:change=set(|f, v| f.unit = v)>
                            <option value="">{tr(Msg::All)}</option>
                            {move || register.units.with(|u| u.active().map(|unit| view! { <option value=unit.id.clone()>{unit.label(lang.get())}</option> }).collect_view())}
                        </select>
                    </label>
                    <label>{tr(Msg::ChangedFrom)}" "<DayInput testid="filter-from" value=Signal::derive(String::new) on_change=set_day(|f, v| f.from = v)/></label>
                    <label>{tr(Msg::ChangedTo)}" "<DayInput testid="filter-to" value=Signal::derive(String::new) on_change=set_day(|f, v| f.to = v)/></label>
                </div>
                <StillReading progress=Signal::derive(move || register.assessments.still_reading())/>
                // The count once there is something to count: a filter that matches nothing says 0.
                {move || matches!(body.get(), ListBody::NoMatch | ListBody::Rows).then(|| view! {
                    <p class="muted" data-testid="assessment-count">{move || lang.get().assessments_found(matches.with(Vec::len))}</p>
                })}
                {move || match body.get() {
                    ListBody::Loading => view! { <p class="banner" role="status" data-testid="assessments-loading">{tr(Msg::Loading)}</p> }.into_any(),
                    ListBody::Nothing => view! { <p class="empty" data-testid="no-assessments">{tr(Msg::NoAssessments)}</p> }.into_any(),
                    ListBody::NoMatch => view! { <p class="empty" data-testid="no-assessment-results">{tr(Msg::NoAssessmentsMatch)}</p> }.into_any(),
                    ListBody::Rows => view! {
                        <table class="data-table">
                            <thead><tr>
                                <th scope="col">{tr(Msg::ColAssessmentDate)}</th><th scope="col">{tr(Msg::ColEnterprise)}</th><th scope="col">{tr(Msg::ColModule)}</th>
                                <th scope="col">{tr(Msg::ColStatus)}</th><th scope="col" class="num">{tr(Msg::ColReadiness)}</th><th scope="col">{tr(Msg::ColBand)}</th><th scope="col" class="no-print"></th>
                            </tr></thead>
                            <tbody node_ref=table_body></tbody>
                        </table>
                    }.into_any(),
                }}
                <Pager total=Signal::derive(move || matches.with(Vec::len)) page=page.into() on_page=Callback::new(move |p| page.set(p))/>
            </Show>
        </section>
    }
}
