//! The report as a Vietnamese administrative document (Decree 30/2020/NĐ-CP,
//! Appendix I): the agency and the number top left, the national title and
//! motto with the place and date top right, "BÁO CÁO" and its summary line
//! centred, the sections, then "Nơi nhận" bottom left and the signature
//! bottom right. Everything the officer typed is shown as text.

use super::table_view::ReportTable;
use crate::i18n::Msg;
use crate::indicators::Period;
use crate::report::{Heading, Table, TableId};
use crate::ui::i18n::{tr, use_lang};
use leptos::prelude::*;

#[component]
pub fn ReportDocument(
    heading: RwSignal<Heading>,
    period: Signal<Period>,
    tables: Memo<Vec<Table>>,
    today: String,
    charts: AnyView,
) -> impl IntoView {
    let lang = use_lang();
    let h = move |f: fn(&Heading) -> String| move || heading.with(f);
    let date_line = move || heading.with(|x| x.place_and_date(&today, lang.get()));
    let title = move || heading.with(|x| x.title_or_default(period.get(), lang.get()));
    let section = move |id: TableId| {
        move || {
            tables.with(|all| all.iter().find(|t| t.id == id).cloned()).map(|t| {
                let empty = t.rows.iter().all(|r| r.kind != crate::report::RowKind::Body);
                view! {
                    <section class=format!("gov-section gov-section-{}{}", id.key(), if empty { " gov-section-empty" } else { "" }) data-testid=format!("report-section-{}", id.key())>
                        <h2>{t.title.clone()}</h2>
                        {empty.then(|| view! { <p class="muted">{tr(Msg::ReportNoRows)}</p> })}
                        <div class="table-scroll"><ReportTable table=t/></div>
                    </section>
                }
            })
        }
    };
    view! {
        <article class="gov-doc" data-testid="report-document">
            <header class="gov-head">
                <div class="gov-agency">
                    <p class="gov-parent" data-testid="doc-parent-agency">{h(|x| x.parent_agency.clone())}</p>
                    <p class="gov-issuer" data-testid="doc-agency">{h(|x| x.agency.clone())}</p>
                    <p class="gov-number" data-testid="doc-number">{h(|x| x.number.clone())}</p>
                </div>
                <div class="gov-nation">
                    <p class="gov-national-title">{tr(Msg::ReportNationalTitle)}</p>
                    <p class="gov-motto" data-testid="doc-motto"><span>{tr(Msg::ReportMotto)}</span></p>
                    <p class="gov-date" data-testid="doc-date">{date_line}</p>
                </div>
            </header>
            <h1 class="gov-type">{tr(Msg::ReportDocType)}</h1>
            <p class="gov-title" data-testid="doc-title">{title}</p>
            <p class="gov-intro">{tr(Msg::ReportIntro)}</p>
            {section(TableId::Indicators)}
            <section class="gov-section gov-section-charts" data-testid="report-section-charts">
                <h2>{tr(Msg::ReportSectionCharts)}</h2>
                {charts}
            </section>
            {section(TableId::Enterprises)}
            {section(TableId::Activities)}
            {section(TableId::Budget)}
            <footer class="gov-foot">
                <div class="gov-recipients" data-testid="doc-recipients">
                    <p class="gov-recipients-label">{tr(Msg::ReportRecipientsLabel)}</p>
                    <ul>
                        {move || heading.with(|x| x.recipient_lines().into_iter().map(|r| view! { <li>{format!("- {r}")}</li> }.into_any()).collect_view())}
                    </ul>
                </div>
                <div class="gov-signature" data-testid="doc-signature">
                    {move || heading.with(|x| x.position_lines().into_iter().map(|p| view! { <p class="gov-position">{p.to_string()}</p> }.into_any()).collect_view())}
                    <div class="gov-sign-space" aria-hidden="true"></div>
                    <p class="gov-signer" data-testid="doc-signer-name">{h(|x| x.signer_name.clone())}</p>
                </div>
            </footer>
        </article>
    }
}
