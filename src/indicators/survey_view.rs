//! What surveys and self-assessments say across enterprises: the share of
//! surveyed enterprises applying each management system and improvement tool,
//! and how self-assessment readiness scores spread over the three bands.
//!
//! Each survey and assessment is read once (`SurveyFacts::new`,
//! `AssessmentFacts::new`); a view for a period and unit is a pass over those.
//!
//! Rules, also said on screen:
//! - an enterprise counts by its latest field survey dated in the period
//!   (visit date, else the day it was started) that answers the systems or
//!   tools, completed or still a draft (officers often leave a visit's survey
//!   open for a missing figure while its matrices are filled), in its
//!   current unit;
//! - a system is applied when its row says "applying" or "certified", a tool
//!   when it is at level 2 ("applied in some departments") or above;
//! - readiness: each enterprise's latest self-assessment with a score, per
//!   module, dated in the period; one not linked to a register enterprise is
//!   its own.

use super::period::Period;
use crate::form::{Answer, Form, FormLibrary, Kind, LocalText};
use crate::model::assessment::Assessment;
use crate::model::record::Record;
use crate::model::survey::Survey;
use crate::readiness::Band;

/// The field survey's matrices this view reads.
pub const SYSTEMS: &str = "management_systems";
pub const TOOLS: &str = "improvement_tools";
/// The lowest improvement-tool level that counts as applying it.
pub const TOOL_APPLIED_FROM: u32 = 2;

/// A row of one of the matrices.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyRow {
    pub question: &'static str,
    pub id: String,
    pub label: LocalText,
}

#[derive(Debug, Clone, PartialEq)]
struct SurveyFact {
    survey_id: String,
    enterprise_id: String,
    unit: Option<String>,
    date: String,
    /// The date's year, read once rather than at every change of period.
    year: Option<i32>,
    updated_ms: i64,
    /// Per row of `SurveyFacts::rows`: applying, certified.
    cells: Vec<(bool, bool)>,
    keys: Keys,
}

/// A fact's subject and time as numbers (`Keys::assign`): choosing each subject's latest
/// compares these, not ids and dates as text, at every change of the dashboard's period.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Keys {
    /// The same for facts of one subject, and only for them.
    subject: u32,
    /// Orders facts as (date, updated_ms) do: equal pairs, equal numbers.
    when: u32,
}

impl Keys {
    /// Numbers the subjects of `facts`, grouped by subject (`same`) already, and ranks their times.
    fn assign<F>(facts: &mut [F], same: impl Fn(&F, &F) -> bool, when: impl Fn(&F) -> (&str, i64), keys: impl Fn(&mut F) -> &mut Keys) {
        let mut order: Vec<usize> = (0..facts.len()).collect();
        crate::sort::sort_by(&mut order, |a, b| when(&facts[*a]).cmp(&when(&facts[*b])));
        let mut ranks = vec![0u32; facts.len()];
        for (k, pair) in order.windows(2).enumerate() {
            let step = u32::from(when(&facts[pair[0]]) != when(&facts[pair[1]]));
            ranks[order[k + 1]] = ranks[order[k]] + step;
        }
        let mut subject = 0u32;
        for i in 0..facts.len() {
            if i > 0 && !same(&facts[i - 1], &facts[i]) {
                subject += 1;
            }
            *keys(&mut facts[i]) = Keys { subject, when: ranks[i] };
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SurveyFacts {
    pub rows: Vec<SurveyRow>,
    /// Grouped by enterprise, and within one in the order read: a view picks each
    /// enterprise's latest in one pass, with no map and no sort (the dashboard does it at
    /// every change of period or unit, over a province's 39,000 surveys).
    facts: Vec<SurveyFact>,
}

/// One system or tool: the enterprises applying it among those surveyed.
#[derive(Debug, Clone, PartialEq)]
pub struct RowShare {
    pub row: SurveyRow,
    /// Register enterprises applying it, sorted.
    pub applying: Vec<String>,
    /// Of them, certified (systems only).
    pub certified: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SurveyShares {
    /// The latest survey of each enterprise counted, sorted by id.
    pub survey_ids: Vec<String>,
    /// The enterprises counted, sorted.
    pub enterprise_ids: Vec<String>,
    pub rows: Vec<RowShare>,
}

impl SurveyShares {
    /// Percent of surveyed enterprises; none when nobody was surveyed.
    pub fn share(&self, n: usize) -> Option<f64> {
        share_of(n, self.enterprise_ids.len())
    }
}

/// What `SurveyShares` counts, without the ids behind each number: the dashboard's
/// tables and charts need only these, and a province's ids would be copied at every change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SurveyCounts {
    /// Enterprises counted.
    pub surveyed: usize,
    /// Per row of `SurveyFacts::rows`: enterprises applying it, and of them certified.
    pub applying: Vec<usize>,
    pub certified: Vec<usize>,
}

impl SurveyCounts {
    /// Percent of surveyed enterprises; none when nobody was surveyed.
    pub fn share(&self, n: usize) -> Option<f64> {
        share_of(n, self.surveyed)
    }
}

fn share_of(n: usize, surveyed: usize) -> Option<f64> {
    (surveyed > 0).then(|| n as f64 / surveyed as f64 * 100.0)
}

impl SurveyFacts {
    /// `form` is the latest field survey (its matrices' rows are the view's rows);
    /// `unit_of` gives a register enterprise's unit.
    pub fn new<P: AsRef<Survey>>(form: &Form, surveys: &[Record<P>], unit_of: &dyn Fn(&str) -> Option<String>) -> SurveyFacts {
        let mut rows = Vec::new();
        for q in [SYSTEMS, TOOLS] {
            if let Some(Kind::Matrix { rows: rs, .. }) = form.question(q).map(|x| &x.kind) {
                rows.extend(rs.iter().map(|r| SurveyRow { question: q, id: r.id.clone(), label: r.label.clone() }));
            }
        }
        let mut facts: Vec<SurveyFact> = surveys
            .iter()
            .filter(|s| !s.deleted && s.payload.as_ref().form_id == form.id)
            .filter(|s| [SYSTEMS, TOOLS].iter().any(|q| s.payload.as_ref().answers.get(*q).is_some_and(|a| !a.is_empty())))
            .map(|s| {
                let cell = |q: &str, row: &str| match s.payload.as_ref().answers.get(q) {
                    Some(Answer::Cells(c)) => c.get(row).map(String::as_str),
                    _ => None,
                };
                let cells = rows
                    .iter()
                    .map(|r| match (r.question, cell(r.question, &r.id)) {
                        (SYSTEMS, Some(v)) => (v == "applying" || v == "certified", v == "certified"),
                        (TOOLS, Some(v)) => (v.trim().parse::<u32>().is_ok_and(|l| l >= TOOL_APPLIED_FROM), false),
                        _ => (false, false),
                    })
                    .collect();
                let date = s.payload.as_ref().survey_date().map_or_else(|| crate::format::iso_date(s.created_ms(), 0), str::to_string);
                SurveyFact {
                    survey_id: s.id.clone(),
                    enterprise_id: s.payload.as_ref().enterprise_id.clone(),
                    unit: unit_of(&s.payload.as_ref().enterprise_id),
                    year: year_of(&date),
                    date,
                    updated_ms: s.updated_ms(),
                    cells,
                    keys: Keys::default(),
                }
            })
            .collect();
        // Stable: an enterprise's surveys keep the order they were read in, which breaks ties.
        crate::sort::sort_by(&mut facts, |a, b| a.enterprise_id.cmp(&b.enterprise_id));
        Keys::assign(&mut facts, |a, b| a.enterprise_id == b.enterprise_id, |f| (&f.date, f.updated_ms), |f| &mut f.keys);
        SurveyFacts { rows, facts }
    }

    /// Each enterprise's latest survey dated in the period, in its unit; by enterprise id.
    fn latest(&self, period: Period, unit: Option<&str>) -> Vec<&SurveyFact> {
        latest_of_each(&self.facts, |f| in_view(f.year, f.unit.as_deref(), period, unit), |f| f.keys)
    }

    /// The counts of `shares`, without the ids.
    pub fn counts(&self, period: Period, unit: Option<&str>) -> SurveyCounts {
        let chosen = self.latest(period, unit);
        let mut counts = SurveyCounts { surveyed: chosen.len(), applying: vec![0; self.rows.len()], certified: vec![0; self.rows.len()] };
        for f in chosen {
            for (i, (applying, certified)) in f.cells.iter().enumerate() {
                counts.applying[i] += usize::from(*applying);
                counts.certified[i] += usize::from(*certified);
            }
        }
        counts
    }

    pub fn shares(&self, period: Period, unit: Option<&str>) -> SurveyShares {
        let chosen = self.latest(period, unit);
        let rows = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, row)| RowShare {
                row: row.clone(),
                applying: chosen.iter().filter(|f| f.cells[i].0).map(|f| f.enterprise_id.clone()).collect(),
                certified: chosen.iter().filter(|f| f.cells[i].1).map(|f| f.enterprise_id.clone()).collect(),
            })
            .collect();
        let mut survey_ids: Vec<String> = chosen.iter().map(|f| f.survey_id.clone()).collect();
        crate::sort::sort(&mut survey_ids);
        SurveyShares { survey_ids, enterprise_ids: chosen.iter().map(|f| f.enterprise_id.clone()).collect(), rows }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct AssessmentFact {
    id: String,
    form_id: String,
    /// The register enterprise, or the assessment itself when it is not linked.
    who: String,
    unit: Option<String>,
    date: String,
    year: Option<i32>,
    updated_ms: i64,
    band: Band,
    /// Its module's place in `AssessmentFacts::modules`.
    module: usize,
    keys: Keys,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AssessmentFacts {
    /// Readiness modules in the order the enterprise's page shows them, with their short names.
    pub modules: Vec<(String, LocalText)>,
    /// Grouped by module and enterprise, as `SurveyFacts::facts` are by enterprise.
    facts: Vec<AssessmentFact>,
}

/// One module: the latest assessments counted in each band (`Band::ALL` order).
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleBands {
    pub form_id: String,
    pub short: LocalText,
    pub bands: [Vec<String>; 3],
}

impl ModuleBands {
    pub fn total(&self) -> usize {
        self.bands.iter().map(Vec::len).sum()
    }
}

impl AssessmentFacts {
    pub fn new<P: AsRef<Assessment>>(library: &FormLibrary, assessments: &[Record<P>], unit_of: &dyn Fn(&str) -> Option<String>) -> AssessmentFacts {
        let modules: Vec<(String, LocalText)> = crate::readiness::profile::module_order(library)
            .into_iter()
            .filter_map(|id| {
                // The award pre-check has its own scale (points), not a readiness band.
                let form = library.latest(&id)?;
                let module = form.module.as_ref().filter(|m| m.kind != crate::form::definition::ModuleKind::Award)?;
                Some((id, module.short.clone()))
            })
            .collect();
        let mut facts: Vec<AssessmentFact> = assessments
            .iter()
            .filter(|a| !a.deleted && modules.iter().any(|(id, _)| *id == a.payload.as_ref().form_id))
            .filter_map(|a| {
                let band = Band::of(a.payload.as_ref().readiness.filter(|p| p.is_finite())?)?;
                let who = a.payload.as_ref().enterprise_id.clone().unwrap_or_else(|| format!("assessment:{}", a.id));
                let date = crate::readiness::profile::date_of(a);
                let module = modules.iter().position(|(id, _)| *id == a.payload.as_ref().form_id)?;
                Some(AssessmentFact {
                    module,
                    keys: Keys::default(),
                    id: a.id.clone(),
                    form_id: a.payload.as_ref().form_id.clone(),
                    unit: a.payload.as_ref().enterprise_id.as_deref().and_then(unit_of),
                    who,
                    year: year_of(&date),
                    date,
                    updated_ms: a.updated_ms(),
                    band,
                })
            })
            .collect();
        crate::sort::sort_by(&mut facts, |a, b| (&a.form_id, &a.who).cmp(&(&b.form_id, &b.who)));
        Keys::assign(&mut facts, |a, b| a.form_id == b.form_id && a.who == b.who, |f| (&f.date, f.updated_ms), |f| &mut f.keys);
        AssessmentFacts { modules, facts }
    }

    /// Each enterprise's latest scored assessment of each module dated in the period, in its unit.
    fn latest(&self, period: Period, unit: Option<&str>) -> Vec<&AssessmentFact> {
        latest_of_each(&self.facts, |f| in_view(f.year, f.unit.as_deref(), period, unit), |f| f.keys)
    }

    /// How many of `bands` fall in each band (`Band::ALL` order), per module of `modules`.
    pub fn band_counts(&self, period: Period, unit: Option<&str>) -> Vec<[usize; 3]> {
        let mut out = vec![[0; 3]; self.modules.len()];
        for f in self.latest(period, unit) {
            out[f.module][band_index(f.band)] += 1;
        }
        out
    }

    /// The modules with any assessment counted in `band_counts`, each with its counts: a
    /// module nobody assessed in the period is left out of the tables and charts.
    pub fn with_counts<'a>(&'a self, counts: &'a [[usize; 3]]) -> impl Iterator<Item = (&'a (String, LocalText), &'a [usize; 3])> + 'a {
        self.modules.iter().zip(counts).filter(|(_, c)| c.iter().sum::<usize>() > 0)
    }

    pub fn bands(&self, period: Period, unit: Option<&str>) -> Vec<ModuleBands> {
        let mut out: Vec<ModuleBands> = self.modules.iter().map(|(id, short)| ModuleBands { form_id: id.clone(), short: short.clone(), bands: Default::default() }).collect();
        for f in self.latest(period, unit) {
            out[f.module].bands[band_index(f.band)].push(f.id.clone());
        }
        for m in &mut out {
            m.bands.iter_mut().for_each(|b| crate::sort::sort(b));
        }
        out
    }
}

fn band_index(band: Band) -> usize {
    Band::ALL.iter().position(|b| *b == band).unwrap_or(0)
}

/// The year of a `YYYY-MM-DD` date; none for anything else.
fn year_of(date: &str) -> Option<i32> {
    date.get(..4).and_then(|y| y.parse::<i32>().ok())
}

/// Whether a fact dated in `year`, in `fact_unit`, counts in a view of `period` and `unit`.
fn in_view(year: Option<i32>, fact_unit: Option<&str>, period: Period, unit: Option<&str>) -> bool {
    year.is_some_and(|y| period.contains(y)) && unit.is_none_or(|u| fact_unit == Some(u))
}

/// Of `facts` grouped so that facts of one subject are next to each other (`Keys::subject`),
/// the latest (`Keys::when`) of each subject among those `counted`: the first of equals, as read.
fn latest_of_each<'a, F>(facts: &'a [F], counted: impl Fn(&F) -> bool, keys: impl Fn(&F) -> Keys) -> Vec<&'a F> {
    let mut out: Vec<&'a F> = Vec::new();
    for f in facts.iter().filter(|f| counted(f)) {
        let k = keys(f);
        match out.last_mut() {
            Some(last) if keys(last).subject == k.subject => {
                if k.when > keys(last).when {
                    *last = f;
                }
            }
            _ => out.push(f),
        }
    }
    out
}
