//! The Activities page: every activity, newest first, filtered by kind, plan
//! item, year and unit, searched by title, organiser and enterprise names.
//! The filters live in the address (`ActivityQuery`), so a link opens the
//! list filtered, `?ids=a,b,c` included, and the back button restores them.

use crate::format::{format_int, format_iso_date};
use crate::i18n::{Lang, Msg};
use crate::model::activity::{activity_type, plan_items, types};
use crate::model::activity_query::{years, ActivityIndex, ActivityQuery};
use crate::ui::filter_select::FilterSelect;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::pager::{page_count, ListBody, Pager, ResultCount, StillReading, PAGE_SIZE};
use crate::ui::state::{LoadStatus, Register};
use crate::ui::typed_text::typed_text;
use crate::ui::rows_in_parts::draw_in_parts;
use crate::web::table_rows::TableRow;
use crate::model::clock::Hlc;
use leptos::prelude::*;
use crate::ui::router::{NavigateOptions, use_navigate, use_page_query};

#[derive(Clone, PartialEq)]
struct RowText {
    key: (String, Hlc, Lang),
    href: String,
    date: String,
    kind: String,
    title: String,
    plan: String,
    unit: String,
    enterprises: String,
    budget: String,
}

/// One row of the list, marked for `RowText::values`.
const ROW: &str = concat!(
    r#"<tr data-testid="activity-row"><td data-testid="activity-row-date" data-fill="text"></td>"#,
    r#"<td data-testid="activity-row-kind" data-fill="text"></td><td><a data-testid="activity-link" data-fill="href text"></a></td>"#,
    r#"<td data-fill="text"></td><td data-fill="text"></td><td class="wrap" data-testid="activity-row-enterprises" data-fill="text"></td>"#,
    r#"<td class="num" data-testid="activity-row-budget" data-fill="text"></td></tr>"#,
);

impl TableRow for RowText {
    type Key = (String, Hlc, Lang);
    fn key(&self) -> &Self::Key {
        &self.key
    }
    fn values(&self) -> Vec<&str> {
        vec![&self.date, &self.kind, &self.href, &self.title, &self.plan, &self.unit, &self.enterprises, &self.budget]
    }
}

#[component]
pub fn ActivityList() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let params = use_page_query();
    let navigate = use_navigate();
    let query = Memo::new(move |_| params.with(|p| ActivityQuery::from_params(|k| p.get(k))));
    let page = RwSignal::new(0usize);
    // The words typed: the list follows them at each keystroke, the address when the box is left
    // (or another filter changes). A navigation per keystroke ran the router's matching and every
    // reader of the address again: about half of a keystroke's work.
    let typed = RwSignal::new(query.with_untracked(|q| q.text.clone()));
    Effect::new(move |_| {
        // A link or the history brought other words: the box shows them.
        let text = query.with(|q| q.text.clone());
        if typed.with_untracked(|t| *t != text) {
            typed.set(text);
        }
    });
    // Each change of filter replaces the address (no history entry) and goes back to page 1.
    let set_query = move |f: &dyn Fn(&mut ActivityQuery)| {
        let mut q = query.get_untracked();
        q.text = typed.get_untracked();
        f(&mut q);
        page.set(0);
        navigate(&format!("/activities{}", q.to_search()), NavigateOptions { replace: true, scroll: false, ..Default::default() });
    };
    let set_query = StoredValue::new_local(set_query);
    let set = move |f: &dyn Fn(&mut ActivityQuery)| set_query.with_value(|s| s(f));
    let name_of = move |id: &str| register.registry.with_untracked(|r| r.get(id).map(|e| e.payload.name.clone()));
    // What the filters look at (each activity's folded text with its enterprises' names) is worked
    // out once per change of the activities or the register; a keystroke only matches over it.
    let index = Memo::new(move |_| {
        register.registry.track();
        register.activities.records.with(|all| ActivityIndex::build(all, &name_of))
    });
    let matches = Memo::new(move |_| {
        let q = ActivityQuery { text: typed.get(), ..query.get() };
        index.with(|i| i.positions(&q))
    });
    let total = Signal::derive(move || matches.with(Vec::len));
    let current_page = Signal::derive(move || page.get().min(page_count(total.get()) - 1));
    let body = Memo::new(move |_| {
        ListBody::of(
            register.status.with(|s| *s == LoadStatus::Loading),
            register.activities.ready.get(),
            matches.with(|m| !m.is_empty()),
            index.with(|i| !i.is_empty()),
        )
    });
    let shown = Memo::new(move |_| {
        let l = lang.get();
        let start = current_page.get() * PAGE_SIZE;
        let units = register.units.read();
        matches.with(|positions| {
            register.activities.records.with(|all| {
                positions
                    .iter()
                    .skip(start)
                    .take(PAGE_SIZE)
                    .map(|&i| {
                        let r = &all[i];
                        let a = &r.payload;
                        let date = match &a.end_date {
                            Some(end) if *end != a.start_date => format!("{} – {}", format_iso_date(&a.start_date), format_iso_date(end)),
                            _ => format_iso_date(&a.start_date),
                        };
                        let mut title = a.title.clone();
                        if let Some(e) = a.expert.as_ref().filter(|e| !e.name.is_empty() && !a.title.contains(&e.name)) {
                            title = format!("{title} ({})", e.name);
                        }
                        RowText {
                            key: (r.id.clone(), r.updated.clone(), l),
                            href: format!("/activities/{}", r.id),
                            date,
                            kind: activity_type(&a.activity_type).map_or_else(|| a.activity_type.clone(), |t| t.label.get(l).to_string()),
                            title,
                            plan: a.plan_item_id().to_string(),
                            unit: a.admin_unit_id.as_deref().map(|u| units.display_name(u, l)).unwrap_or_default(),
                            enterprises: a.enterprise_ids.iter().map(|id| name_of(id).unwrap_or_else(|| id.to_string())).collect::<Vec<_>>().join("; "),
                            budget: a.budget_vnd.map(|b| format_int(i64::try_from(b).unwrap_or(i64::MAX), l)).unwrap_or_default(),
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let table_body = NodeRef::new();
    draw_in_parts(shown, current_page, table_body, ROW);
    let kind_options = Signal::derive(move || types().iter().map(|t| (t.id.clone(), t.label.get(lang.get()).to_string())).collect());
    let plan_options = Signal::derive(move || plan_items().iter().map(|p| (p.id.clone(), format!("{} – {}", p.id, p.label.get(lang.get())))).collect());
    // A year from a link stays choosable even when no activity has it (yet). Through a memo of the
    // year chosen: the options (a walk over every activity) are not made again on every letter
    // typed in the search box.
    let chosen_year = Memo::new(move |_| query.with(|q| q.year));
    let year_options = Signal::derive(move || {
        let mut ys = register.activities.records.with(|all| years(all));
        if let Some(y) = chosen_year.get().filter(|y| !ys.contains(y)) {
            ys.push(y);
        }
        ys.into_iter().map(|y| (y.to_string(), y.to_string())).collect()
    });
    let unit_options = Signal::derive(move || register.units.with(|u| u.units.iter().map(|x| (x.id.clone(), x.label(lang.get()))).collect()));
    let opt = |v: String| Some(v).filter(|s| !s.is_empty());
    view! {
        <section class="page" data-testid="activity-list">
            <div class="page-heading">
                <h1 data-testid="page-title">{tr(Msg::NavActivities)}</h1>
                <a class="button primary" href="/activities/new" data-testid="new-activity">{tr(Msg::NewActivity)}</a>
            </div>
            <div class="toolbar" role="search">
                <div class="field grow">
                    <label for="activity-search">{tr(Msg::SearchActivities)}</label>
                    <input type="search" id="activity-search" data-testid="activity-search" autocomplete="off"
                        prop:value=move || typed.get()
                        on:input=move |ev| { typed.set(typed_text(&ev)); page.set(0); }
                        on:change=move |_| { if query.with_untracked(|q| q.text != typed.get_untracked()) { set(&|_| {}); } }/>
                </div>
                <FilterSelect label=Msg::ColActivityType testid="filter-activity-kind" options=kind_options
                    value=Signal::derive(move || query.with(|q| q.kind.clone().unwrap_or_default()))
                    on_change=Callback::new(move |v: String| set(&|q| q.kind = opt(v.clone())))/>
                <FilterSelect label=Msg::FilterPlanItem testid="filter-activity-plan" options=plan_options
                    value=Signal::derive(move || query.with(|q| q.plan_item.clone().unwrap_or_default()))
                    on_change=Callback::new(move |v: String| set(&|q| q.plan_item = opt(v.clone())))/>
                <FilterSelect label=Msg::FilterYear testid="filter-activity-year" options=year_options
                    value=Signal::derive(move || query.with(|q| q.year.map(|y| y.to_string()).unwrap_or_default()))
                    on_change=Callback::new(move |v: String| set(&|q| q.year = v.parse().ok()))/>
                <FilterSelect label=Msg::FilterUnit testid="filter-activity-unit" options=unit_options
                    value=Signal::derive(move || query.with(|q| q.unit.clone().unwrap_or_default()))
                    on_change=Callback::new(move |v: String| set(&|q| q.unit = opt(v.clone())))/>
            </div>
            {move || query.with(|q| q.ids.is_some()).then(|| view! {
                <p class="banner" data-testid="activities-selected-only">
                    {tr(Msg::SelectedRecordsOnly)}" "
                    <button type="button" class="link-button" data-testid="show-all-activities" on:click=move |_| set(&|q| q.ids = None)>{tr(Msg::ShowAllActivities)}</button>
                </p>
            })}
            <StillReading progress=Signal::derive(move || register.activities.still_reading())/>
            <ResultCount total page=current_page testid="activity-count"/>
            {move || match body.get() {
                ListBody::Loading => view! { <p class="banner" role="status" data-testid="activities-loading">{tr(Msg::Loading)}</p> }.into_any(),
                ListBody::Nothing => view! { <p class="empty" data-testid="no-activities">{tr(Msg::NoActivities)}</p> }.into_any(),
                ListBody::NoMatch => view! { <p class="empty" data-testid="no-activity-results">{tr(Msg::NoActivitiesMatch)}</p> }.into_any(),
                ListBody::Rows => view! {
                    <div class="table-scroll">
                        <table class="data-table" data-testid="activity-table">
                            <thead><tr>
                                <th scope="col">{tr(Msg::ColActivityDate)}</th>
                                <th scope="col">{tr(Msg::ColActivityType)}</th>
                                <th scope="col">{tr(Msg::ColActivityTitle)}</th>
                                <th scope="col">{tr(Msg::ColPlanItem)}</th>
                                <th scope="col">{tr(Msg::ColUnit)}</th>
                                <th scope="col">{tr(Msg::FieldEnterprises)}</th>
                                <th scope="col" class="num">{tr(Msg::ColBudget)}</th>
                            </tr></thead>
                            <tbody node_ref=table_body></tbody>
                        </table>
                    </div>
                }.into_any(),
            }}
            <Pager total page=current_page on_page=Callback::new(move |p| page.set(p))/>
        </section>
    }
}
