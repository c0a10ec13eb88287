//! The result of the module being filled, as it is filled: its score and
//! band, and a radar of its parts (sections, or the statements of a
//! one-section module), redrawn on every answer. For the award pre-check,
//! the points so far.

use crate::ui::charts::ChartSvg;
use crate::charts::{radar_svg, Radar, RadarAxis};
use crate::form::definition::{Kind, LocalText, ModuleKind};
use crate::form::{score, Form};
use crate::format::{format_decimal, format_percent};
use crate::i18n::Msg;
use crate::readiness::award::award_result;
use crate::readiness::module_result_of;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::survey::FormCtx;
use leptos::prelude::*;
use std::sync::Arc;

/// The radar's axes: the sections with scored items when there are three or more, else each item.
fn axes(form: &Form, r: &score::Readiness) -> Vec<(LocalText, Option<f64>)> {
    if r.sections.len() >= 3 {
        return r.sections.iter().map(|(si, t)| (form.sections[*si].title.clone(), t.percent())).collect();
    }
    r.items
        .iter()
        .map(|i| {
            let label = form.question(&i.question).map(|q| match (&q.kind, &i.row) {
                (Kind::Matrix { rows, .. }, Some(row)) => rows.iter().find(|x| x.id == *row).map_or_else(|| q.label.clone(), |x| x.label.clone()),
                _ => q.label.clone(),
            });
            (label.unwrap_or_default(), i.score.map(|s| s * 100.0))
        })
        .collect()
}

#[component]
pub fn LiveResult(form: Arc<Form>) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let lang = use_lang();
    let award = form.module.as_ref().is_some_and(|m| m.kind == ModuleKind::Award);
    if award {
        let form = form.clone();
        let result = Memo::new(move |_| ctx.answers.with(|a| award_result(&form, a)));
        return view! {
            <section class="live-result card" data-testid="live-result" aria-live="polite">
                <h2>{tr(Msg::AwardTitle)}</h2>
                {move || result.get().map(|r| {
                    let l = lang.get();
                    view! {
                        <p><strong data-testid="live-award-points">{format_decimal(r.total, 1, l)}</strong>" / "{format_decimal(r.max, 1, l)}" "{tr(Msg::Points)}
                           " ("{format!("{}–{}", format_decimal(r.low, 1, l), format_decimal(r.high, 1, l))}")"</p>
                    }
                })}
            </section>
        }
        .into_any();
    }
    let scored = {
        let form = form.clone();
        Memo::new(move |_| ctx.eval.with(|e| ctx.answers.with(|a| score::readiness(&form, a, e))))
    };
    let result = {
        let form = form.clone();
        Memo::new(move |_| scored.with(|r| module_result_of(&form, r)))
    };
    let svg = Signal::derive(move || {
        let l = lang.get();
        scored.with(|r| {
            radar_svg(&Radar {
                title: String::new(),
                axes: axes(&form, r).into_iter().map(|(label, percent)| RadarAxis { label: label.get(l).to_string(), percent, previous: None }).collect(),
                size: 360,
                empty_text: l.t(Msg::NoAssessmentYet).to_string(),
                current_label: String::new(),
                previous_label: String::new(),
            })
        })
    });
    let label = Signal::derive(move || lang.get().t(Msg::ReadinessRadarTitle).to_string());
    view! {
        <section class="live-result card" data-testid="live-result" aria-live="polite">
            <h2>{tr(Msg::LiveResultTitle)}</h2>
            <p>
                <strong data-testid="live-percent">{move || result.with(|r| r.percent.map(|p| format_percent(p, lang.get())).unwrap_or_else(|| "—".into()))}</strong>" "
                {move || result.with(|r| r.band.map(|b| view! { <span class=format!("band band-{}", b.key()) data-testid="live-band">{lang.get().band(b)}</span> }))}
                " "<span class="muted">{move || result.with(|r| lang.get().answered_of(r.answered, r.total))}</span>
            </p>
            <ChartSvg svg=svg testid="live-radar" label=label/>
        </section>
    }
    .into_any()
}
