//! A chart as a figure: the SVG, its numbers as a table for screen readers
//! (the picture's `aria-label` names it, the table says what it shows), and
//! the chart as a file, SVG or PNG, for slides and reports.

use super::ChartSvg;
use crate::charts::file_stem;
use crate::table::HtmlRows;
use crate::i18n::Msg;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::{Flash, FlashKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A chart's numbers as text, in the reader's language: what the table is
/// (its caption), its column headings, and a row per category or indicator.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartTable {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[component]
pub fn ChartFigure(
    /// The SVG as `crate::charts` rendered it.
    #[prop(into)]
    svg: Signal<String>,
    /// The numbers behind it, read to screen readers instead of the picture.
    #[prop(into)]
    table: Signal<ChartTable>,
    /// The downloaded files' name before `.svg` / `.png`; folded to ASCII.
    #[prop(into)]
    file_name: Signal<String>,
    /// The picture's test id; the buttons are `<testid>-svg` and `<testid>-png`.
    testid: &'static str,
) -> impl IntoView {
    let flash = use_context::<Flash>();
    let lang = use_lang();
    // A page has several figures: each button's accessible name says which chart it saves.
    let named = move |msg: Msg| format!("{}: {}", lang.get().t(msg), table.with(|t| t.caption.clone()));
    let label = Signal::derive(move || table.with(|t| t.caption.clone()));
    let busy = RwSignal::new(false);
    let failed = move || {
        if let Some(flash) = flash {
            flash.show(FlashKind::Error, vec![Msg::ChartDownloadFailed]);
        }
    };
    let download_svg = move |_| {
        let name = format!("{}.svg", file_stem(&file_name.get_untracked()));
        if crate::web::svg_png::download_svg(&name, &svg.get_untracked()).is_err() {
            failed();
        }
    };
    let download_png = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let name = format!("{}.png", file_stem(&file_name.get_untracked()));
        let markup = svg.get_untracked();
        spawn_local(async move {
            if crate::web::svg_png::download_png(&name, &markup, 2.0).await.is_err() {
                failed();
            }
            busy.set(false);
        });
    };
    let header = move || table.with(|t| t.header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect::<Vec<_>>());
    // A chart of the province's units has a row for each of 102: set as escaped markup (`HtmlRows` says why).
    let rows = move || {
        table.with(|t| {
            let mut rows = HtmlRows::new();
            for r in &t.rows {
                let mut cells = r.iter();
                rows.row().header(cells.next().map_or("", String::as_str));
                for c in cells {
                    rows.cell(c);
                }
            }
            rows.finish()
        })
    };
    // Hidden in a box of its own: a table grows to its content whatever width it is given.
    let table_view = view! {
        <div class="visually-hidden" data-testid=format!("{testid}-numbers")>
            <table data-testid=format!("{testid}-table")>
                <caption>{move || table.with(|t| t.caption.clone())}</caption>
                <thead><tr>{header}</tr></thead>
                <tbody inner_html=rows></tbody>
            </table>
        </div>
    };
    view! {
        <figure class="chart-figure">
            <ChartSvg svg=svg testid=testid label=label/>
            {table_view}
            <div class="chart-downloads no-print">
                <button type="button" class="link-button" data-testid=format!("{testid}-svg") aria-label=move || named(Msg::ChartDownloadSvg) on:click=download_svg>{tr(Msg::ChartDownloadSvg)}</button>
                <button type="button" class="link-button" data-testid=format!("{testid}-png") aria-label=move || named(Msg::ChartDownloadPng) on:click=download_png disabled=move || busy.get()>{tr(Msg::ChartDownloadPng)}</button>
            </div>
        </figure>
    }
}
