//! Section II: the indicators against their targets and the budget by plan
//! item and source, drawn from the same report as the tables; each chart's
//! numbers for screen readers are that table's.

use crate::charts::{bars_svg, progress_svg};
use crate::report::{budget_chart, progress_chart, Report, Table, TableId};
use crate::ui::charts::{ChartFigure, ChartTable};
use crate::ui::i18n::use_lang;
use leptos::prelude::*;

fn numbers_of(
    tables: &[Table],
    id: TableId,
    caption: String,
    lang: crate::i18n::Lang,
) -> ChartTable {
    let Some(t) = tables.iter().find(|t| t.id == id) else {
        return ChartTable {
            caption,
            ..Default::default()
        };
    };
    ChartTable {
        caption,
        header: t.columns.clone(),
        rows: t
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.display(lang)).collect())
            .collect(),
    }
}

#[component]
pub fn ReportCharts(
    report: Memo<Report>,
    tables: Memo<Vec<Table>>,
    today: String,
) -> impl IntoView {
    let lang = use_lang();
    let progress = Memo::new(move |_| report.with(|r| progress_chart(r, &today, lang.get())));
    let budget = Memo::new(move |_| report.with(|r| budget_chart(r, lang.get())));
    let key = move || report.with(|r| r.period.key());
    view! {
        <div class="report-charts">
            <ChartFigure
                svg=Signal::derive(move || progress.with(progress_svg))
                table=Signal::derive(move || tables.with(|t| numbers_of(t, TableId::Indicators, progress.with(|c| c.title.clone()), lang.get())))
                file_name=Signal::derive(move || format!("bao-cao-{}-chi-tieu", key()))
                testid="report-chart-progress"/>
            <ChartFigure
                svg=Signal::derive(move || budget.with(bars_svg))
                table=Signal::derive(move || tables.with(|t| numbers_of(t, TableId::Budget, budget.with(|c| c.title.clone()), lang.get())))
                file_name=Signal::derive(move || format!("bao-cao-{}-kinh-phi", key()))
                testid="report-chart-budget"/>
        </div>
    }
}
