//! The register: search, filters, sort and a paginated table. Only one page
//! of rows is in the DOM, so typing stays instant at province scale.

use super::filter_select::FilterSelect;
use super::pager::{page_count, ListBody, Pager, ResultCount, StillReading, PAGE_SIZE};
use super::i18n::{tr, use_lang};
use super::state::{ListState, LoadStatus, Register};
use crate::format::{format_date, format_int};
use crate::i18n::{product_msg, size_msg, sort_msg, Lang, Msg};
use crate::model::enterprise::ProductGroup;
use crate::model::registry::{EnterpriseRecord, Hits, Query, SortKey};
use crate::model::size_class::SizeClass;
use crate::model::admin_unit::AdminUnitList;
use crate::model::vsic;
use crate::web::browser;
use crate::model::clock::Hlc;
use leptos::prelude::*;
use crate::ui::typed_text::typed_text;
use super::rows_in_parts::draw_in_parts;
use crate::web::table_rows::TableRow;


#[component]
pub fn EnterpriseList() -> impl IntoView {
    let register = expect_context::<Register>();
    // Restored from the tab's storage each time the list opens, and kept there at each change: its
    // decoding stays with the list's chunk rather than in the shell.
    let list = ListState::restored();
    let lang = use_lang();

    // Positions only: a keystroke recomputes the match list, then one page is turned into text.
    // Both memos read the registry (or, while a large one is first read, its first rows: `listed`),
    // so positions never outlive the registry they index.
    // Typing forward narrows the previous keystroke's hits (`Registry::search_narrowing`).
    let hits = Memo::new(move |earlier: Option<&Hits>| {
        let q = list.query.get();
        register.listed(|r| r.search_narrowing(&q, earlier))
    });
    let page_count = move || page_count(hits.with(|h| h.positions.len()));
    let current_page = move || list.page.get().min(page_count() - 1);
    let offset = browser::utc_offset_minutes();
    // The page's rows straight from the registry's records: no record is copied to be shown.
    let rows = Memo::new(move |_| {
        let start = current_page() * PAGE_SIZE;
        let l = lang.get();
        let units = register.units.read();
        hits.with(|Hits { positions, .. }| {
            register.listed(|r| positions.iter().skip(start).take(PAGE_SIZE).filter_map(|&i| r.at(i)).map(|rec| RowText::of(rec, l, &units, offset)).collect::<Vec<_>>())
        })
    });
    let set_query = move |f: &dyn Fn(&mut Query)| {
        list.query.update(|q| f(q));
        list.page.set(0);
    };
    // While a large register is first read, its first rows show; "no match" waits, as one may still come.
    // Stored data that could not be opened is never "nothing stored": the banner says what failed.
    let body = Memo::new(move |_| {
        let loading = register.status.with(|s| *s == LoadStatus::Loading);
        let partial = register.still_reading().is_some();
        ListBody::of(loading && !partial, register.register_read.get(), hits.with(|h| !h.positions.is_empty()), register.listed(|r| !r.is_empty()))
    });
    // The sort controls follow the sort alone, not every letter typed in the search box.
    let sort = Memo::new(move |_| list.query.with(|q| (q.sort, q.descending)));
    let filtered = move || list.query.with(Query::has_filters);

    view! {
        <section class="page">
            <div class="page-heading">
                <h1 data-testid="page-title">{tr(Msg::EnterprisesTitle)}</h1>
                <a href="/enterprises/new" class="button primary" data-testid="add-enterprise">{tr(Msg::AddEnterprise)}</a>
                <a href="/enterprises/import" class="button" data-testid="import-enterprises">{tr(Msg::ImportEnterprisesLink)}</a>
                <a href="/deleted" class="button" data-testid="recently-deleted-link">{tr(Msg::RecentlyDeletedLink)}</a>
            </div>

            <div class="toolbar" role="search">
                <div class="field grow">
                    <label for="enterprise-search">{tr(Msg::SearchLabel)}</label>
                    <input id="enterprise-search" type="search" autocomplete="off" data-testid="enterprise-search"
                        placeholder=tr(Msg::SearchPlaceholder)
                        prop:value=move || list.query.with(|q| q.text.clone())
                        on:input=move |ev| { let v = typed_text(&ev); set_query(&|q| q.text = v.clone()); }/>
                </div>
                <FilterSelect label=Msg::FilterUnit testid="filter-unit"
                    options=Signal::derive(move || register.units.with(|u| u.units.iter().map(|x| (x.id.clone(), x.label(lang.get()))).collect()))
                    value=Signal::derive(move || list.query.with(|q| q.admin_unit_id.clone().unwrap_or_default()))
                    on_change=Callback::new(move |v: String| set_query(&|q| q.admin_unit_id = Some(v.clone()).filter(|s| !s.is_empty())))/>
                <FilterSelect label=Msg::FilterSector testid="filter-sector"
                    options=Signal::derive(move || vsic::sections().iter().map(|s| (s.code.clone(), format!("{} – {}", s.code, s.name(lang.get())))).collect())
                    value=Signal::derive(move || list.query.with(|q| q.vsic_section.clone().unwrap_or_default()))
                    on_change=Callback::new(move |v: String| set_query(&|q| q.vsic_section = Some(v.clone()).filter(|s| !s.is_empty())))/>
                <FilterSelect label=Msg::FilterSize testid="filter-size"
                    options=Signal::derive(move || SizeClass::ALL.iter().map(|s| (s.key().to_string(), lang.get().t(size_msg(Some(*s))).to_string()))
                        .chain([("unknown".to_string(), lang.get().t(Msg::SizeUnknown).to_string())]).collect())
                    value=Signal::derive(move || list.query.with(|q| match q.size { None => String::new(), Some(None) => "unknown".into(), Some(Some(s)) => s.key().into() }))
                    on_change=Callback::new(move |v: String| set_query(&|q| q.size = match v.as_str() { "" => None, "unknown" => Some(None), k => SizeClass::from_key(k).map(Some) }))/>
                <FilterSelect label=Msg::FilterProduct testid="filter-product"
                    options=Signal::derive(move || ProductGroup::ALL.iter().map(|p| (p.key().to_string(), lang.get().t(product_msg(*p)).to_string())).collect())
                    value=Signal::derive(move || list.query.with(|q| q.product.map(|p| p.key().to_string()).unwrap_or_default()))
                    on_change=Callback::new(move |v: String| set_query(&|q| q.product = ProductGroup::from_key(&v)))/>
                <div class="field">
                    <label for="enterprise-sort">{tr(Msg::SortBy)}</label>
                    <div class="inline">
                        <select id="enterprise-sort" data-testid="sort-key"
                            on:change=move |ev| { let v = event_target_value(&ev); set_query(&|q| q.sort = SortKey::from_key(&v).unwrap_or_default()); }>
                            {SortKey::ALL.into_iter().map(|k| view! {
                                <option value=k.key() prop:selected=move || sort.get().0 == k>{tr(sort_msg(k))}</option>
                            }).collect_view()}
                        </select>
                        <button type="button" class="icon-button" data-testid="sort-direction"
                            title=move || lang.get().t(if sort.get().1 { Msg::SortDescending } else { Msg::SortAscending })
                            aria-label=move || lang.get().t(if sort.get().1 { Msg::SortDescending } else { Msg::SortAscending })
                            on:click=move |_| set_query(&|q| q.descending = !q.descending)>
                            {move || if sort.get().1 { "↓" } else { "↑" }}
                        </button>
                    </div>
                </div>
                <Show when=filtered>
                    <button type="button" class="link-button" data-testid="clear-filters"
                        on:click=move |_| set_query(&|q| *q = q.unfiltered())>
                        {tr(Msg::ClearFilters)}
                    </button>
                </Show>
            </div>

            <ResultCount total=Signal::derive(move || hits.with(|h| h.positions.len())) page=Signal::derive(current_page) testid="result-count"/>
            <StillReading progress=Signal::derive(move || register.still_reading())/>

            {move || match body.get() {
                ListBody::Loading => None,
                // Records an earlier build stored wait for their reading code: the banner above says so.
                ListBody::Nothing if register.older_unread.get() => None,
                ListBody::Nothing => Some(view! { <p class="empty" data-testid="empty-register">{tr(Msg::EmptyRegister)}</p> }.into_any()),
                ListBody::NoMatch => Some(view! { <p class="empty" data-testid="no-results">{tr(Msg::NoResults)}</p> }.into_any()),
                ListBody::Rows => Some(view! { <EnterpriseTable rows=rows page=Signal::derive(current_page)/> }.into_any()),
            }}

            <Pager total=Signal::derive(move || hits.with(|h| h.positions.len())) page=Signal::derive(current_page) on_page=Callback::new(move |p| list.page.set(p))/>
        </section>
    }
}

/// One table row, already in display text: a row is drawn once and kept while
/// its key stays on the page.
#[derive(Clone, PartialEq)]
struct RowText {
    key: (String, Hlc, Lang),
    href: String,
    name: String,
    tax_code: String,
    unit: String,
    sector: String,
    size: &'static str,
    employees: String,
    updated: String,
}

impl RowText {
    fn of(r: &EnterpriseRecord, l: Lang, units: &AdminUnitList, offset: i32) -> RowText {
        let e = &r.payload;
        RowText {
            key: (r.id.clone(), r.updated.clone(), l),
            href: format!("/enterprises/{}", r.id),
            name: e.name.clone(),
            tax_code: e.tax_code.clone().unwrap_or_default(),
            unit: e.admin_unit_id.as_ref().map(|id| units.display_name(id, l)).unwrap_or_default(),
            sector: e.vsic_section.clone().unwrap_or_default(),
            size: l.t(size_msg(e.size_class())),
            employees: e.employees.map(|n| format_int(i64::from(n), l)).unwrap_or_default(),
            updated: format_date(r.updated_ms(), offset),
        }
    }
}

/// One row of the register, marked for `RowText::values`.
const ROW: &str = concat!(
    r#"<tr data-testid="enterprise-row"><td><a data-testid="enterprise-link" data-fill="href text"></a></td>"#,
    r#"<td class="mono" data-fill="text"></td><td data-fill="text"></td><td data-fill="text"></td><td data-fill="text"></td>"#,
    r#"<td class="num" data-fill="text"></td><td data-fill="text"></td></tr>"#,
);

impl TableRow for RowText {
    type Key = (String, Hlc, Lang);
    fn key(&self) -> &Self::Key {
        &self.key
    }
    fn values(&self) -> Vec<&str> {
        vec![&self.href, &self.name, &self.tax_code, &self.unit, &self.sector, self.size, &self.employees, &self.updated]
    }
}

#[component]
fn EnterpriseTable(rows: Memo<Vec<RowText>>, page: Signal<usize>) -> impl IntoView {
    let table_body = NodeRef::new();
    draw_in_parts(rows, page, table_body, ROW);
    view! {
        <div class="table-scroll">
            <table class="data-table" data-testid="enterprise-table">
                <thead>
                    <tr>
                        <th scope="col">{tr(Msg::ColName)}</th>
                        <th scope="col">{tr(Msg::ColTaxCode)}</th>
                        <th scope="col">{tr(Msg::ColUnit)}</th>
                        <th scope="col">{tr(Msg::ColSector)}</th>
                        <th scope="col">{tr(Msg::ColSize)}</th>
                        <th scope="col" class="num">{tr(Msg::ColEmployees)}</th>
                        <th scope="col">{tr(Msg::ColUpdated)}</th>
                    </tr>
                </thead>
                <tbody node_ref=table_body></tbody>
            </table>
        </div>
    }
}
