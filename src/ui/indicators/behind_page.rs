//! `/indicators/:id?period=…&unit=…`: exactly the records behind one number
//! of the dashboard, each linking to the record. An indicator lists its
//! activities (by enterprise for the rules that count enterprises once);
//! `survey--<row>` lists the enterprises applying a system or tool;
//! `readiness--<form>--<band>` the self-assessments in a band.

use super::data::{IndicatorData, NO_UNIT};
use super::progress_table::number;
use crate::format::format_int;
use crate::i18n::{Lang, Msg};
use crate::indicators::{shipped, Behind, Figure, Indicator, Period, Rule};
use crate::model::activity::{activity_type, Activity};
use crate::model::record::Record;
use crate::readiness::Band;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use leptos::prelude::*;
use crate::ui::router::{use_page_query, use_params_map};
use std::collections::HashMap;

#[component]
pub fn IndicatorBehindPage() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let data = IndicatorData::new(register);
    let params = use_params_map();
    let query = use_page_query();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let period = Memo::new(move |_| query.with(|q| q.get("period").and_then(|p| Period::parse(&p))).unwrap_or(Period::TERM_2021));
    let unit = Memo::new(move |_| query.with(|q| q.get("unit")).filter(|u| !u.is_empty()));
    let unit_name = move || match unit.get() {
        None => lang.get().t(Msg::IndWholeProvince).to_string(),
        Some(u) if u == NO_UNIT => lang.get().t(Msg::IndNoUnit).to_string(),
        Some(u) => register.units.with(|x| x.display_label(&u, lang.get())),
    };
    view! {
        <section class="page ind-behind">
            <p class="no-print"><a href="/" data-testid="behind-back">{tr(Msg::IndBack)}</a></p>
            <h1 data-testid="page-title">{tr(Msg::IndBehindTitle)}</h1>
            <p data-testid="behind-scope">{move || period.get().key()}" · "{unit_name}</p>
            {move || {
                let key = id.get();
                if let Some(def) = shipped().get(&key) {
                    view! { <IndicatorRecords def=def data=data period=period.into() unit=unit.into()/> }.into_any()
                } else if let Some(row) = key.strip_prefix("survey--") {
                    view! { <SurveyEnterprises row=row.to_string() data=data period=period.into() unit=unit.into()/> }.into_any()
                } else if let Some((form, band)) = key.strip_prefix("readiness--").and_then(|r| r.rsplit_once("--")).and_then(|(f, b)| Band::from_key(b).map(|b| (f.to_string(), b))) {
                    view! { <BandAssessments form=form band=band data=data period=period.into() unit=unit.into()/> }.into_any()
                } else {
                    view! { <p class="muted" data-testid="behind-unknown">{tr(Msg::IndUnknown)}</p> }.into_any()
                }
            }}
        </section>
    }
}

/// The figure for a unit key: `none` is the breakdown's row of activities in no unit.
fn figure_for(data: IndicatorData, def: &Indicator, period: Period, unit: Option<&str>) -> Figure {
    data.facts.with(|f| match unit {
        Some(NO_UNIT) => f.breakdown(def, period, Behind::Listed).remove(&None).unwrap_or_default(),
        u => f.actual(def, period, u),
    })
}

fn enterprise_name(register: Register, id: &str) -> String {
    register.registry.with(|r| r.get(id).map(|e| e.payload.name.clone())).unwrap_or_else(|| id.to_string())
}

/// Enterprises with their names, in the register's alphabetical order (Vietnamese folded).
fn sorted_by_name(register: Register, ids: &[String]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = ids.iter().map(|e| (e.clone(), enterprise_name(register, e))).collect();
    crate::sort::sort_by_cached_key(&mut out, |(_, name)| crate::text::fold(name));
    out
}

fn activity_row(register: Register, a: &Record<Activity>, def: &Indicator, l: Lang, testid: &'static str) -> impl IntoView {
    let kind = activity_type(&a.payload.activity_type).map_or(a.payload.activity_type.clone(), |t| t.label.get(l).to_string());
    let unit = a.payload.admin_unit_id.as_deref().map(|u| register.units.with(|x| x.display_label(u, l))).unwrap_or_default();
    let extra = match def.count.rule {
        Rule::SumOrganisations => a.payload.organisations.map_or_else(|| format!("({})", a.payload.enterprise_ids.len()), |n| format_int(i64::from(n), l)),
        Rule::DistinctExperts => match (&a.payload.expert, a.payload.experts_qualified) {
            (Some(x), _) => format!("{} · {}", x.name, x.organisation),
            (None, Some(n)) => format_int(i64::from(n), l),
            _ => String::new(),
        },
        _ => String::new(),
    };
    view! {
        <tr data-testid=testid>
            <td>{crate::format::format_iso_date(&a.payload.start_date)}</td>
            <td><a href=format!("/activities/{}", a.id)>{a.payload.title.clone()}</a></td>
            <td>{kind}</td>
            <td>{unit}</td>
            <td>{extra}</td>
        </tr>
    }
}

#[component]
fn IndicatorRecords(def: &'static Indicator, data: IndicatorData, period: Signal<Period>, unit: Signal<Option<String>>) -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let figure = Memo::new(move |_| figure_for(data, def, period.get(), unit.get().as_deref()));
    let extra_head = match def.count.rule {
        Rule::SumOrganisations => Some(Msg::IndOrganisations),
        Rule::DistinctExperts => Some(Msg::IndPerson),
        _ => None,
    };
    let head = move || view! {
        <thead><tr>
            <th scope="col">{tr(Msg::IndDate)}</th><th scope="col">{tr(Msg::IndTitleCol)}</th><th scope="col">{tr(Msg::IndKind)}</th>
            <th scope="col">{tr(Msg::IndUnit)}</th><th scope="col">{extra_head.map(tr)}</th>
        </tr></thead>
    };
    view! {
        <h2>{move || def.label.get(lang.get()).to_string()}</h2>
        <p class="ind-value">{tr(Msg::IndActual)}": " <strong data-testid="behind-value">{move || format_int(figure.with(|f| f.value) as i64, lang.get())}</strong>
            " " {move || def.unit.get(lang.get()).to_string()}</p>
        <p class="ind-how"><strong>{tr(Msg::IndHow)}": "</strong>{move || def.how.get(lang.get()).to_string()}</p>
        {move || {
            if !register.activities.ready.get() {
                return view! { <p class="muted">{tr(Msg::IndLoading)}</p> }.into_any();
            }
            let l = lang.get();
            let fig = figure.get();
            let by_id: HashMap<String, Record<Activity>> = register.activities.records.with(|all| {
                all.iter().filter(|a| fig.activity_ids.binary_search(&a.id).is_ok()).map(|a| (a.id.clone(), a.clone())).collect()
            });
            let mut acts: Vec<&Record<Activity>> = fig.activity_ids.iter().filter_map(|i| by_id.get(i)).collect();
            crate::sort::sort_by(&mut acts, |a, b| a.payload.start_date.cmp(&b.payload.start_date).then_with(|| a.id.cmp(&b.id)));
            if def.count.rule == Rule::DistinctEnterprises {
                let unlinked: Vec<&Record<Activity>> = acts.iter().copied().filter(|a| a.payload.enterprise_ids.iter().all(|e| e.is_empty())).collect();
                view! {
                    <table class="data-table" data-testid="behind-enterprises">
                        <caption>{l.t(Msg::IndBehindEnterprises)}" (" {format_int(fig.enterprise_ids.len() as i64, l)} ")"</caption>
                        <tbody>
                            {sorted_by_name(register, &fig.enterprise_ids).into_iter().map(|(e, name)| {
                                let theirs: Vec<&Record<Activity>> = acts.iter().copied().filter(|a| a.payload.concerns(&e)).collect();
                                view! {
                                    <tr data-testid="behind-row">
                                        <th scope="row"><a href=format!("/enterprises/{e}") data-testid="behind-enterprise">{name}</a></th>
                                        <td>{theirs.into_iter().map(|a| view! {
                                            <a class="ind-chip" href=format!("/activities/{}", a.id)>{format!("{} ({})", a.payload.title, crate::format::format_iso_date(&a.payload.start_date))}</a>
                                        }).collect_view()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    {(!unlinked.is_empty()).then(|| view! {
                        <table class="data-table" data-testid="behind-unlinked">
                            <caption>{l.t(Msg::IndBehindUnlinked)}</caption>
                            {head()}
                            <tbody>{unlinked.into_iter().map(|a| activity_row(register, a, def, l, "behind-row")).collect_view()}</tbody>
                        </table>
                    })}
                }.into_any()
            } else {
                view! {
                    <table class="data-table" data-testid="behind-activities">
                        <caption>{l.t(Msg::IndBehindActivities)}" (" {format_int(acts.len() as i64, l)} ")"</caption>
                        {head()}
                        <tbody>{acts.into_iter().map(|a| activity_row(register, a, def, l, "behind-activity")).collect_view()}</tbody>
                    </table>
                }.into_any()
            }
        }}
    }
}

#[component]
fn SurveyEnterprises(row: String, data: IndicatorData, period: Signal<Period>, unit: Signal<Option<String>>) -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let row = StoredValue::new(row);
    let found = Memo::new(move |_| {
        let (p, u) = (period.get(), unit.get());
        data.surveys.with(|s| s.shares(p, u.as_deref())).rows.into_iter().find(|r| row.with_value(|id| r.row.id == *id))
    });
    view! {
        {move || match found.get() {
            None => view! { <p class="muted" data-testid="behind-unknown">{tr(Msg::IndUnknown)}</p> }.into_any(),
            Some(r) => {
                let l = lang.get();
                view! {
                    <h2>{r.row.label.get(l).to_string()}</h2>
                    <p class="ind-value">{l.t(Msg::IndApplying)}": " <strong data-testid="behind-value">{format_int(r.applying.len() as i64, l)}</strong></p>
                    <p class="ind-how">{l.t(Msg::IndSurveyNote)}</p>
                    <table class="data-table" data-testid="behind-enterprises">
                        <tbody>{sorted_by_name(register, &r.applying).into_iter().map(|(e, name)| view! {
                            <tr data-testid="behind-row"><th scope="row"><a href=format!("/enterprises/{e}")>{name}</a></th>
                            <td>{r.certified.binary_search(&e).is_ok().then(|| l.t(Msg::IndCertified))}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                }.into_any()
            }
        }}
    }
}

#[component]
fn BandAssessments(form: String, band: Band, data: IndicatorData, period: Signal<Period>, unit: Signal<Option<String>>) -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let form = StoredValue::new(form);
    let found = Memo::new(move |_| {
        let (p, u) = (period.get(), unit.get());
        let i = Band::ALL.iter().position(|b| *b == band).unwrap_or(0);
        data.assessments.with(|a| a.bands(p, u.as_deref())).into_iter().find(|m| form.with_value(|f| m.form_id == *f)).map(|m| (m.short, m.bands[i].clone()))
    });
    view! {
        {move || match found.get() {
            None => view! { <p class="muted" data-testid="behind-unknown">{tr(Msg::IndUnknown)}</p> }.into_any(),
            Some((short, ids)) => {
                let l = lang.get();
                let rows: Vec<(String, String, String)> = register.assessments.records.with(|all| {
                    all.iter().filter(|a| ids.binary_search(&a.id).is_ok()).map(|a| {
                        let who = a.payload.enterprise_id.as_deref().map(|e| enterprise_name(register, e)).or_else(|| a.payload.enterprise_name().map(str::to_string)).unwrap_or_default();
                        (a.id.clone(), who, a.payload.readiness.map(|x| format!("{} %", number(x, l))).unwrap_or_default())
                    }).collect()
                });
                view! {
                    <h2>{format!("{} · {}", short.get(l), l.band(band))}</h2>
                    <p class="ind-value">{l.t(Msg::IndAssessments)}": " <strong data-testid="behind-value">{format_int(ids.len() as i64, l)}</strong></p>
                    <p class="ind-how">{l.t(Msg::IndReadinessNote)}</p>
                    <table class="data-table" data-testid="behind-assessments">
                        <tbody>{rows.into_iter().map(|(id, who, score)| view! {
                            <tr data-testid="behind-row"><th scope="row"><a href=format!("/self-assessment/{id}")>{who}</a></th><td class="num">{score}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                }.into_any()
            }
        }}
    }
}
