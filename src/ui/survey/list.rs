//! Every survey on this device, filtered by status, administrative unit,
//! officer and date, newest change first.

use super::enterprise_picker::EnterprisePicker;
use crate::format::{format_date, format_iso_date, iso_date};
use crate::i18n::{Lang, Msg};
use crate::model::survey::{listed_date, SurveyIndex, SurveyQuery, SurveyStatus};
use crate::ui::filter_select::FilterSelect;
use crate::ui::pager::{page_count, ListBody, Pager, ResultCount, StillReading, PAGE_SIZE};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::{LoadStatus, Register};
use crate::web::browser;
use crate::ui::day_input::DayInput;
use crate::model::clock::Hlc;
use leptos::prelude::*;
use crate::ui::typed_text::typed_text;
use crate::ui::rows_in_parts::draw_in_parts;
use crate::web::table_rows::TableRow;


#[derive(Clone, PartialEq)]
struct RowText {
    key: (String, Hlc, Lang),
    href: String,
    enterprise: String,
    unit: String,
    date: String,
    complete: bool,
    status: &'static str,
    progress: String,
    officer: String,
    updated: String,
}

/// One row of the list, marked for `RowText::values`.
const ROW: &str = concat!(
    r#"<tr data-testid="survey-row"><td><a data-testid="survey-link" data-fill="href text"></a></td>"#,
    r#"<td data-fill="text"></td><td data-fill="text"></td>"#,
    r#"<td><span data-testid="survey-row-status" data-fill="class text"></span></td>"#,
    r#"<td class="num" data-fill="text"></td><td data-fill="text"></td><td data-fill="text"></td></tr>"#,
);

impl TableRow for RowText {
    type Key = (String, Hlc, Lang);
    fn key(&self) -> &Self::Key {
        &self.key
    }
    fn values(&self) -> Vec<&str> {
        let badge = if self.complete { "badge badge-done" } else { "badge" };
        vec![&self.href, &self.enterprise, &self.unit, &self.date, badge, self.status, &self.progress, &self.officer, &self.updated]
    }
}

#[component]
pub fn SurveyList() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let query = RwSignal::new(SurveyQuery::default());
    let page = RwSignal::new(0usize);
    let picking = RwSignal::new(false);
    let offset = browser::utc_offset_minutes();
    let set_query = move |f: &dyn Fn(&mut SurveyQuery)| {
        query.update(|q| f(q));
        page.set(0);
    };
    let day = move |ms: i64| iso_date(ms, offset);
    // What the filters look at is worked out once per change of the surveys or the register; a
    // keystroke only runs the match over it, then one page is turned into text.
    let index = Memo::new(move |_| register.surveys.records.with(|surveys| register.registry.with(|reg| SurveyIndex::build(surveys, reg, &day))));
    let matches = Memo::new(move |_| {
        let q = query.get();
        index.with(|i| i.positions(&q))
    });
    let page_count = move || page_count(matches.with(|m| m.len()));
    let current_page = move || page.get().min(page_count() - 1);
    let body = Memo::new(move |_| {
        ListBody::of(
            register.status.with(|s| *s == LoadStatus::Loading),
            register.surveys.ready.get(),
            matches.with(|m| !m.is_empty()),
            index.with(|i| !i.is_empty()),
        )
    });
    let shown = Memo::new(move |_| {
        let l = lang.get();
        let start = current_page() * PAGE_SIZE;
        matches.with(|positions| {
            register.surveys.records.with(|surveys| register.registry.with(|reg| {
                let units = register.units.read();
                positions
                    .iter()
                    .skip(start)
                    .take(PAGE_SIZE)
                    .map(|&i| {
                        let s = &surveys[i];
                        let ent = reg.get(&s.payload.enterprise_id);
                        RowText {
                            key: (s.id.clone(), s.updated.clone(), l),
                            href: format!("/surveys/{}", s.id),
                            enterprise: ent.map_or_else(|| l.t(Msg::UnknownEnterprise).to_string(), |e| e.payload.name.clone()),
                            unit: ent.and_then(|e| e.payload.admin_unit_id.as_ref()).map(|u| units.display_name(u, l)).unwrap_or_default(),
                            // Listed (and filtered) by the day it was started until a visit date is
                            // entered: said so, not shown as a visit date nobody entered.
                            date: match s.payload.as_ref().survey_date() {
                                Some(_) => format_iso_date(&listed_date(s, &day)),
                                None => format!("{} {}", format_iso_date(&listed_date(s, &day)), l.t(Msg::SurveyDateIsStart)),
                            },
                            complete: s.payload.status == SurveyStatus::Complete,
                            status: l.survey_status(s.payload.status),
                            progress: l.answered_of(s.payload.answered, s.payload.total),
                            officer: s.officer.clone(),
                            updated: format_date(s.updated_ms(), offset),
                        }
                    })
                    .collect::<Vec<_>>()
            }))
        })
    });
    let table_body = NodeRef::new();
    draw_in_parts(shown, Signal::derive(current_page), table_body, ROW);
    let date_field = move |label: Msg, testid: &'static str, set: fn(&mut SurveyQuery, Option<String>)| {
        view! {
            <div class="field">
                <label for=testid>{tr(label)}</label>
                // A filter follows only a whole day, or none: half-typed text leaves it as it was.
                <DayInput value=Signal::derive(String::new) id=testid testid=testid
                    on_change=Callback::new(move |v: String| if v.is_empty() || crate::form::answer::is_date(&v) { set_query(&|q| set(q, Some(v.clone()).filter(|s| !s.is_empty()))) })/>
            </div>
        }
    };
    view! {
        <section class="page">
            <div class="page-heading">
                <h1 data-testid="page-title">{tr(Msg::SurveysTitle)}</h1>
                <button type="button" class="button primary" data-testid="new-survey" on:click=move |_| picking.update(|p| *p = !*p)>{tr(Msg::NewSurvey)}</button>
            </div>
            <Show when=move || picking.get()>
                <EnterprisePicker/>
            </Show>
            <div class="toolbar" role="search">
                <FilterSelect label=Msg::FilterStatus testid="filter-status"
                    options=Signal::derive(move || [SurveyStatus::Draft, SurveyStatus::Complete].iter().map(|s| (s.key().to_string(), lang.get().survey_status(*s).to_string())).collect())
                    value=Signal::derive(move || query.with(|q| q.status.map(|s| s.key().to_string()).unwrap_or_default()))
                    on_change=Callback::new(move |v: String| set_query(&|q| q.status = SurveyStatus::from_key(&v)))/>
                <FilterSelect label=Msg::FilterUnit testid="filter-survey-unit"
                    options=Signal::derive(move || register.units.with(|u| u.units.iter().map(|x| (x.id.clone(), x.label(lang.get()))).collect()))
                    value=Signal::derive(move || query.with(|q| q.unit.clone().unwrap_or_default()))
                    on_change=Callback::new(move |v: String| set_query(&|q| q.unit = Some(v.clone()).filter(|s| !s.is_empty())))/>
                <div class="field">
                    <label for="filter-officer">{tr(Msg::FilterOfficer)}</label>
                    <input type="search" id="filter-officer" data-testid="filter-officer" autocomplete="off"
                        on:input=move |ev| { let v = typed_text(&ev); set_query(&|q| q.officer = Some(v.clone()).filter(|s| !s.trim().is_empty())); }/>
                </div>
                {date_field(Msg::FilterFrom, "filter-from", |q, v| q.from = v)}
                {date_field(Msg::FilterTo, "filter-to", |q, v| q.to = v)}
            </div>
            <StillReading progress=Signal::derive(move || register.surveys.still_reading())/>
            <ResultCount total=Signal::derive(move || matches.with(|m| m.len())) page=Signal::derive(current_page) testid="survey-count"/>
            {move || match body.get() {
                ListBody::Loading => view! { <p class="banner" role="status" data-testid="surveys-loading">{tr(Msg::Loading)}</p> }.into_any(),
                ListBody::Nothing => view! { <p class="empty" data-testid="no-surveys">{tr(Msg::NoSurveys)}</p> }.into_any(),
                ListBody::NoMatch => view! { <p class="empty" data-testid="no-survey-results">{tr(Msg::NoSurveysMatch)}</p> }.into_any(),
                ListBody::Rows => view! {
                    <div class="table-scroll">
                        <table class="data-table" data-testid="survey-table">
                            <thead><tr>
                                <th scope="col">{tr(Msg::ColEnterprise)}</th>
                                <th scope="col">{tr(Msg::ColUnit)}</th>
                                <th scope="col">{tr(Msg::ColSurveyDate)}</th>
                                <th scope="col">{tr(Msg::ColStatus)}</th>
                                <th scope="col" class="num">{tr(Msg::ColProgress)}</th>
                                <th scope="col">{tr(Msg::ColOfficer)}</th>
                                <th scope="col">{tr(Msg::ColUpdated)}</th>
                            </tr></thead>
                            <tbody node_ref=table_body></tbody>
                        </table>
                    </div>
                }.into_any(),
            }}
            <Pager total=Signal::derive(move || matches.with(|m| m.len())) page=Signal::derive(current_page) on_page=Callback::new(move |p| page.set(p))/>
        </section>
    }
}
