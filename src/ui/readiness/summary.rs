//! An enterprise's readiness at a glance: the radar across modules (with the
//! assessment before, where there is one), a band and the change since the
//! last assessment per module, and readiness over time.

use crate::ui::charts::{ChartFigure, ChartTable};
use super::data::{profile_of, EnterpriseReadiness};
use crate::charts::{line_svg, radar_svg, LineChart, Radar, RadarAxis, Series, XLabels, YRange};
use crate::format::{format_iso_date, format_percent};
use crate::i18n::{Lang, Msg};
use crate::readiness::profile::ModuleProfile;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use leptos::prelude::*;

pub fn radar_of(profile: &[ModuleProfile], lang: Lang, size: u32) -> String {
    radar_svg(&Radar {
        title: lang.t(Msg::ReadinessRadarTitle).to_string(),
        // Only the modules assessed: thirteen spokes for two results would draw a line through the middle.
        axes: profile.iter().filter(|m| m.latest().is_some()).map(|m| RadarAxis { label: m.short.get(lang).to_string(), percent: m.latest().map(|e| e.percent), previous: m.previous().map(|e| e.percent) }).collect(),
        size,
        empty_text: lang.t(Msg::NoAssessmentYet).to_string(),
        current_label: lang.t(Msg::LatestAssessment).to_string(),
        previous_label: lang.t(Msg::PreviousAssessment).to_string(),
    })
}

fn history_of(profile: &[ModuleProfile], lang: Lang) -> String {
    line_svg(&LineChart {
        title: lang.t(Msg::ReadinessOverTime).to_string(),
        y_label: lang.t(Msg::ColReadiness).to_string(),
        series: profile
            .iter()
            .filter(|m| !m.history.is_empty())
            .map(|m| Series { name: m.short.get(lang).to_string(), points: m.history.iter().map(|e| (e.date.clone(), e.percent)).collect() })
            .collect(),
        x_labels: XLabels::Dates,
        y_range: YRange::Percent,
        target: Some((lang.t(Msg::BandReadyLine).to_string(), crate::readiness::band::READY_FROM)),
        width: 640,
        height: 300,
        lang,
        empty_text: lang.t(Msg::NoAssessmentYet).to_string(),
    })
}

/// The radar's numbers for screen readers: each assessed module, this time and the time before.
fn radar_table(profile: &[ModuleProfile], lang: Lang) -> ChartTable {
    let percent = |e: Option<&crate::readiness::profile::Entry>| e.map_or_else(|| "—".to_string(), |e| format_percent(e.percent, lang));
    ChartTable {
        caption: lang.t(Msg::ReadinessRadarTitle).to_string(),
        header: [Msg::ColModule, Msg::LatestAssessment, Msg::PreviousAssessment].map(|m| lang.t(m).to_string()).to_vec(),
        rows: profile.iter().filter(|m| m.latest().is_some()).map(|m| vec![m.short.get(lang).to_string(), percent(m.latest()), percent(m.previous())]).collect(),
    }
}

/// The history's numbers: a row per module and assessment.
fn history_table(profile: &[ModuleProfile], lang: Lang) -> ChartTable {
    ChartTable {
        caption: lang.t(Msg::ReadinessOverTime).to_string(),
        header: [Msg::ColModule, Msg::ColAssessmentDate, Msg::ColReadiness].map(|m| lang.t(m).to_string()).to_vec(),
        rows: profile
            .iter()
            .flat_map(|m| m.history.iter().map(move |e| vec![m.short.get(lang).to_string(), format_iso_date(&e.date), format_percent(e.percent, lang)]))
            .collect(),
    }
}

/// The change since the last assessment, signed: "+12,5 điểm".
pub fn change_text(change: f64, lang: Lang) -> String {
    let sign = if change > 0.0 { "+" } else if change < 0.0 { "−" } else { "±" };
    format!("{sign}{} {}", crate::format::format_decimal(change.abs(), 1, lang), lang.t(Msg::PercentPoints))
}

#[component]
pub fn ReadinessSummary(
    of: EnterpriseReadiness,
    /// The history chart too (the printed page leaves it out to fit one sheet).
    #[prop(default = true)]
    history: bool,
    /// The radar's drawing size in pixels: smaller on paper, where it is printed narrower,
    /// keeps its labels as large as on screen.
    #[prop(default = 420)]
    radar_size: u32,
) -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let profile = Memo::new(move |_| {
        of.listed.with(|list| profile_of(register, list))
    });
    let radar = Signal::derive(move || profile.with(|p| radar_of(p, lang.get(), radar_size)));
    let over_time = Signal::derive(move || profile.with(|p| history_of(p, lang.get())));
    let radar_numbers = Signal::derive(move || profile.with(|p| radar_table(p, lang.get())));
    let history_numbers = Signal::derive(move || profile.with(|p| history_table(p, lang.get())));
    let radar_file = Signal::derive(move || lang.get().t(Msg::ReadinessRadarTitle).to_string());
    let history_file = Signal::derive(move || lang.get().t(Msg::ReadinessOverTime).to_string());
    let rows = move || {
        let l = lang.get();
        profile.with(|p| {
            p.iter()
                .filter(|m| m.latest().is_some())
                .map(|m| {
                    let latest = m.latest().cloned();
                    let band = m.band();
                    let change = m.change();
                    view! {
                        <tr data-testid=format!("module-row-{}", m.form_id)>
                            <th scope="row">{m.short.get(l).to_string()}</th>
                            <td>{latest.as_ref().map(|e| format_iso_date(&e.date)).unwrap_or_default()}</td>
                            <td class="num" data-testid="module-percent">{latest.map(|e| format_percent(e.percent, l)).unwrap_or_default()}</td>
                            <td><span class=move || format!("band band-{}", band.map(|b| b.key()).unwrap_or("none")) data-testid="module-band">{band.map(|b| l.band(b)).unwrap_or("—")}</span></td>
                            <td class="num" data-testid="module-change">{change.map(|c| change_text(c, l)).unwrap_or_else(|| l.t(Msg::FirstAssessment).to_string())}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="readiness-summary" data-testid="readiness-summary">
            <div class="readiness-grid">
                <ChartFigure svg=radar table=radar_numbers file_name=radar_file testid="readiness-radar"/>
                <table class="data-table small readiness-table">
                    <thead><tr>
                        <th scope="col">{tr(Msg::ColModule)}</th><th scope="col">{tr(Msg::ColAssessmentDate)}</th>
                        <th scope="col" class="num">{tr(Msg::ColReadiness)}</th><th scope="col">{tr(Msg::ColBand)}</th>
                        <th scope="col" class="num">{tr(Msg::ColChangeSinceLast)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {history.then(|| view! { <ChartFigure svg=over_time table=history_numbers file_name=history_file testid="readiness-history"/> })}
        </section>
    }
}
