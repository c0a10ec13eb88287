//! The report's tables in one shape that every output reads: the page and
//! its print (`ui/report`), the XLSX workbook and the CSV file. A cell keeps
//! its number as a number; each output formats it its own way.

use super::content::{Budget, Money, PlanItemActivities, SupportedEnterprise};
use super::indicator_rows::IndicatorRow;
use super::Report;
use crate::format::format_iso_date;
use crate::i18n::{Lang, Msg};
use crate::model::activity::Funding;

/// Which table: its place in the report and the name of its sheet and file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableId {
    Indicators,
    Enterprises,
    Activities,
    Budget,
}

impl TableId {
    pub const ALL: [TableId; 4] = [
        TableId::Indicators,
        TableId::Enterprises,
        TableId::Activities,
        TableId::Budget,
    ];

    /// ASCII, for file names and test ids.
    pub fn key(self) -> &'static str {
        match self {
            TableId::Indicators => "indicators",
            TableId::Enterprises => "enterprises",
            TableId::Activities => "activities",
            TableId::Budget => "budget",
        }
    }

    pub fn from_key(key: &str) -> Option<TableId> {
        TableId::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The section heading: "I. Kết quả thực hiện các chỉ tiêu".
    pub fn title(self) -> Msg {
        match self {
            TableId::Indicators => Msg::ReportSectionIndicators,
            TableId::Enterprises => Msg::ReportSectionEnterprises,
            TableId::Activities => Msg::ReportSectionActivities,
            TableId::Budget => Msg::ReportSectionBudget,
        }
    }

    /// The sheet's name: short (Excel allows 31 characters) and without `[]:*?/\`.
    pub fn sheet_name(self) -> Msg {
        match self {
            TableId::Indicators => Msg::ReportSheetIndicators,
            TableId::Enterprises => Msg::ReportSheetEnterprises,
            TableId::Activities => Msg::ReportSheetActivities,
            TableId::Budget => Msg::ReportSheetBudget,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// Several short lines in one cell (an enterprise's supports).
    Lines(Vec<String>),
    /// A count or a target.
    Number(f64),
    /// An amount in VND.
    Vnd(u64),
    /// A share in percent: 87.5 is 87,5 %.
    Percent(f64),
    /// A target: "≥ 10", or "khoảng 20" when `about`; a number in a workbook.
    Target {
        value: f64,
        about: bool,
    },
}

impl Cell {
    pub fn is_number(&self) -> bool {
        matches!(
            self,
            Cell::Number(_) | Cell::Vnd(_) | Cell::Percent(_) | Cell::Target { .. }
        )
    }

    /// The cell as text, numbers formatted in `lang` (`1.234.567`, `87,5%`).
    pub fn display(&self, lang: Lang) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Lines(lines) => lines.join("\n"),
            Cell::Number(x) => crate::format::format_decimal(*x, 1, lang),
            Cell::Vnd(x) => crate::format::format_int(i64::try_from(*x).unwrap_or(i64::MAX), lang),
            Cell::Percent(x) => crate::format::format_percent(*x, lang),
            Cell::Target { value, about: true } => format!(
                "{} {}",
                lang.t(Msg::ReportTargetAbout),
                crate::format::format_decimal(*value, 1, lang)
            ),
            Cell::Target {
                value,
                about: false,
            } => format!("≥ {}", crate::format::format_decimal(*value, 1, lang)),
        }
    }
}

fn count(n: impl Into<f64>) -> Cell {
    Cell::Number(n.into())
}

fn opt_count(n: Option<u32>) -> Cell {
    n.map_or(Cell::Empty, count)
}

fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Body,
    /// A heading row inside the table (a plan item).
    Group,
    Total,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub id: TableId,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    fn new(id: TableId, lang: Lang, columns: &[Msg]) -> Table {
        Table {
            id,
            title: lang.t(id.title()).to_string(),
            columns: columns.iter().map(|m| lang.t(*m).to_string()).collect(),
            rows: Vec::new(),
        }
    }

    fn push(&mut self, kind: RowKind, cells: Vec<Cell>) {
        debug_assert_eq!(cells.len(), self.columns.len(), "{:?}", self.id);
        self.rows.push(Row { kind, cells });
    }
}

/// The report's four tables, in its order, in `lang`.
pub fn tables(report: &Report, lang: Lang) -> Vec<Table> {
    vec![
        indicators(&report.indicators, lang),
        enterprises(&report.supported, lang),
        activities(&report.plan_items, lang),
        budget(&report.budget, lang),
    ]
}

fn indicators(rows: &[IndicatorRow], lang: Lang) -> Table {
    use Msg::*;
    let mut t = Table::new(
        TableId::Indicators,
        lang,
        &[
            ReportColNo,
            ReportColIndicator,
            ReportColUnitOfMeasure,
            ReportColTarget,
            ReportColStretch,
            ReportColActual,
            ReportColAchieved,
            ReportColAssessment,
        ],
    );
    for (i, r) in rows.iter().enumerate() {
        t.push(
            RowKind::Body,
            vec![
                count(i as u32 + 1),
                text(r.label.clone()),
                text(r.unit.clone()),
                r.target.map_or(Cell::Empty, |value| Cell::Target {
                    value,
                    about: r.about,
                }),
                r.stretch.map_or(Cell::Empty, Cell::Number),
                Cell::Number(r.actual),
                r.achieved_percent.map_or(Cell::Empty, Cell::Percent),
                text(lang.t(super::indicator_rows::pace_msg(r.pace))),
            ],
        );
    }
    t
}

fn certified_text(c: Option<bool>, lang: Lang) -> String {
    match c {
        Some(true) => lang.t(Msg::ReportCertifiedYes).to_string(),
        Some(false) => lang.t(Msg::ReportCertifiedNo).to_string(),
        None => String::new(),
    }
}

fn enterprises(list: &[SupportedEnterprise], lang: Lang) -> Table {
    use Msg::*;
    let mut t = Table::new(
        TableId::Enterprises,
        lang,
        &[
            ReportColNo,
            ReportColEnterprise,
            ColTaxCode,
            ReportColUnit,
            ReportColSupports,
            ReportColSupportCount,
            ReportColCertified,
        ],
    );
    for (i, e) in list.iter().enumerate() {
        let lines = e
            .supports
            .iter()
            .map(|s| {
                let cert = certified_text(s.certified, lang);
                let cert = if cert.is_empty() {
                    String::new()
                } else {
                    format!(" – {cert}")
                };
                format!(
                    "{}: {} ({}){cert}",
                    format_iso_date(&s.date),
                    s.subject,
                    s.kind
                )
            })
            .collect();
        t.push(
            RowKind::Body,
            vec![
                count(i as u32 + 1),
                text(e.name.clone()),
                text(e.tax_code.clone()),
                text(e.unit.clone()),
                Cell::Lines(lines),
                count(e.supports.len() as u32),
                text(certified_text(e.certified(), lang)),
            ],
        );
    }
    let supports: usize = list.iter().map(|e| e.supports.len()).sum();
    t.push(
        RowKind::Total,
        vec![
            Cell::Empty,
            text(lang.report_enterprises_total(list.len())),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            count(supports as u32),
            Cell::Empty,
        ],
    );
    t
}

fn funding_text(f: Option<Funding>, lang: Lang) -> &'static str {
    lang.t(match f {
        Some(Funding::StateBudget) => Msg::ReportFundingState,
        Some(Funding::Mobilised) => Msg::ReportFundingMobilised,
        None => Msg::ReportFundingNotStated,
    })
}

fn activities(groups: &[PlanItemActivities], lang: Lang) -> Table {
    use Msg::*;
    let mut t = Table::new(
        TableId::Activities,
        lang,
        &[
            ReportColNo,
            ReportColDate,
            ReportColKind,
            ReportColActivity,
            ReportColUnit,
            ReportColParticipants,
            ReportColOrganisations,
            ReportColBudget,
            ReportColFunding,
        ],
    );
    for g in groups {
        let heading = if g.id.is_empty() {
            g.label.clone()
        } else {
            format!("{}. {}", g.id, g.label)
        };
        let mut group = vec![Cell::Empty; t.columns.len()];
        group[0] = text(g.id.clone());
        group[1] = text(lang.report_group_heading(&heading, g.activities.len()));
        t.push(RowKind::Group, group);
        for (i, a) in g.activities.iter().enumerate() {
            let date = if a.end_date.is_empty() || a.end_date == a.date {
                format_iso_date(&a.date)
            } else {
                format!(
                    "{} – {}",
                    format_iso_date(&a.date),
                    format_iso_date(&a.end_date)
                )
            };
            t.push(
                RowKind::Body,
                vec![
                    count(i as u32 + 1),
                    text(date),
                    text(a.kind.clone()),
                    text(a.title.clone()),
                    text(a.unit.clone()),
                    opt_count(a.participants),
                    opt_count(a.organisations),
                    a.budget_vnd.map_or(Cell::Empty, Cell::Vnd),
                    if a.budget_vnd.is_some() {
                        text(funding_text(a.funding, lang))
                    } else {
                        Cell::Empty
                    },
                ],
            );
        }
    }
    let all = groups.iter().flat_map(|g| &g.activities);
    let sum = |f: fn(&super::content::ActivityLine) -> Option<u32>| {
        all.clone().filter_map(f).map(u64::from).sum::<u64>() as f64
    };
    let n = all.clone().count();
    let money: u64 = all
        .clone()
        .filter_map(|a| a.budget_vnd)
        .fold(0u64, u64::saturating_add);
    t.push(
        RowKind::Total,
        vec![
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            text(lang.report_activities_total(n)),
            Cell::Empty,
            count(sum(|a| a.participants)),
            count(sum(|a| a.organisations)),
            Cell::Vnd(money),
            Cell::Empty,
        ],
    );
    t
}

fn money_cells(m: &Money) -> [Cell; 4] {
    [
        Cell::Vnd(m.state_budget),
        Cell::Vnd(m.mobilised),
        Cell::Vnd(m.not_stated),
        Cell::Vnd(m.total()),
    ]
}

fn budget(b: &Budget, lang: Lang) -> Table {
    use Msg::*;
    let mut t = Table::new(
        TableId::Budget,
        lang,
        &[
            ReportColPlanItem,
            ReportColContent,
            ReportColFundedActivities,
            ReportFundingState,
            ReportFundingMobilised,
            ReportFundingNotStated,
            ReportColTotal,
        ],
    );
    for l in &b.lines {
        let mut cells = vec![
            text(l.plan_item.clone()),
            text(l.label.clone()),
            count(l.activities as u32),
        ];
        cells.extend(money_cells(&l.money));
        t.push(RowKind::Body, cells);
    }
    let mut cells = vec![
        Cell::Empty,
        text(lang.t(ReportColTotal)),
        count(b.activities as u32),
    ];
    cells.extend(money_cells(&b.total));
    t.push(RowKind::Total, cells);
    t
}
