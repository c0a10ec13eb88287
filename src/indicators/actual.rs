//! Actual values counted from activity records, each with the ids of the
//! records behind it.
//!
//! `Facts::new` reads each activity once (year, kind, the units it counts in,
//! the enterprises and expert it names); every figure after that is a pass
//! over these facts, so the dashboard can recount for another period or unit
//! without reading the records again.
//!
//! Which unit an activity counts in: its own administrative unit; when it
//! names none, the units of the register enterprises it concerns (each one's
//! current unit; an activity with enterprises in two units counts in both, so
//! a breakdown's rows can add up to more than the province); with neither, no
//! unit (shown as such in a breakdown, counted in the province's figure).
//! Deleted activities never count; activities of a retired kind, or in a
//! retired unit, count like any other; an activity without a real start date
//! belongs to no year and counts in no period.

use super::definition::{Indicator, Rule};
use super::period::Period;
use crate::model::activity::{Activity, AwardResult};
use crate::model::record::Record;
use std::collections::{BTreeMap, BTreeSet};

/// What an indicator needs from one activity, read once.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub id: String,
    pub kind: String,
    pub year: i32,
    /// Units it counts in (see the module's note); empty for none.
    pub units: Vec<String>,
    pub enterprises: Vec<String>,
    /// The person, for the `expert` kind: folded name and organisation.
    pub expert: Option<String>,
    pub experts_qualified: u32,
    pub organisations: Option<u32>,
    pub award: Option<AwardResult>,
}

/// The activities that can count, read once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub facts: Vec<Fact>,
    /// Positions in `facts` of each kind's activities, in order: an indicator counts a few
    /// kinds, and the dashboard works out some seventy figures at each change of period.
    by_kind: BTreeMap<String, Vec<usize>>,
}

/// Whether a figure lists the records behind it: the page of a number's records needs
/// them, the dashboard's tables and charts only the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behind {
    Listed,
    CountOnly,
}

/// A number and the records behind it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figure {
    pub value: u64,
    /// The activities counted, sorted.
    pub activity_ids: Vec<String>,
    /// For rules over enterprises: the register enterprises counted once each, sorted.
    pub enterprise_ids: Vec<String>,
}

impl Facts {
    /// `unit_of` gives a register enterprise's administrative unit.
    pub fn new(activities: &[Record<Activity>], unit_of: &dyn Fn(&str) -> Option<String>) -> Facts {
        let facts = activities
            .iter()
            .filter(|r| !r.deleted)
            .filter_map(|r| {
                let a = &r.payload;
                let year = a.year()?;
                let units = match a.admin_unit_id.as_deref().filter(|u| !u.is_empty()) {
                    Some(u) => vec![u.to_string()],
                    None => crate::sort::sorted_unique(a.enterprise_ids.iter().filter_map(|e| unit_of(e))),
                };
                // A person without a name is still one person, known by the record.
                let expert = a.expert.as_ref().map(|x| match x.name.trim() {
                    "" => format!("record:{}", r.id),
                    name => format!("{}|{}", crate::text::fold(name), crate::text::fold(x.organisation.trim())),
                });
                Some(Fact {
                    id: r.id.clone(),
                    kind: a.activity_type.clone(),
                    year,
                    units,
                    enterprises: crate::sort::sorted_unique(a.enterprise_ids.iter().filter(|e| !e.is_empty()).cloned()),
                    expert,
                    experts_qualified: a.experts_qualified.unwrap_or(0),
                    organisations: a.organisations,
                    award: a.award_result,
                })
            })
            .collect::<Vec<Fact>>();
        let mut by_kind: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, f) in facts.iter().enumerate() {
            by_kind.entry(f.kind.clone()).or_default().push(i);
        }
        Facts { facts, by_kind }
    }

    /// The facts an indicator looks at in a period and unit (`None`: the whole province).
    fn matching<'a>(&'a self, indicator: &'a Indicator, period: Period, unit: Option<&'a str>) -> impl Iterator<Item = &'a Fact> + 'a {
        // An indicator's kinds are few and distinct (a kind named twice is read once), so
        // each fact comes once, and the counts do not depend on the order.
        let mut kinds: Vec<&String> = indicator.count.kinds.iter().collect();
        crate::sort::sort(&mut kinds);
        kinds.dedup();
        kinds.into_iter().filter_map(|k| self.by_kind.get(k)).flatten().map(|i| &self.facts[*i]).filter(move |f| {
            period.contains(f.year)
                && unit.is_none_or(|u| f.units.iter().any(|x| x == u))
                && (indicator.count.award_results.is_empty() || f.award.is_some_and(|a| indicator.count.award_results.contains(&a)))
        })
    }

    /// The indicator's actual value in a period and unit.
    pub fn actual(&self, indicator: &Indicator, period: Period, unit: Option<&str>) -> Figure {
        self.actual_with(indicator, period, unit, Behind::Listed)
    }

    /// `actual`, with or without the records behind it.
    pub fn actual_with(&self, indicator: &Indicator, period: Period, unit: Option<&str>, behind: Behind) -> Figure {
        figure(indicator, self.matching(indicator, period, unit), behind)
    }

    /// The actual value in each year of `period`, without the records behind it.
    pub fn trend(&self, indicator: &Indicator, period: Period, unit: Option<&str>) -> Vec<(i32, Figure)> {
        period.years().map(|y| (y, self.actual_with(indicator, Period::year(y), unit, Behind::CountOnly))).collect()
    }

    /// The actual value in each unit activities count in (`None`: activities in no unit), in one pass.
    pub fn breakdown(&self, indicator: &Indicator, period: Period, behind: Behind) -> BTreeMap<Option<String>, Figure> {
        let mut groups: BTreeMap<Option<&str>, Vec<&Fact>> = BTreeMap::new();
        for f in self.matching(indicator, period, None) {
            if f.units.is_empty() {
                groups.entry(None).or_default().push(f);
            }
            for u in &f.units {
                groups.entry(Some(u.as_str())).or_default().push(f);
            }
        }
        groups.into_iter().map(|(u, fs)| (u.map(str::to_string), figure(indicator, fs.into_iter(), behind))).collect()
    }
}

fn figure<'a>(indicator: &Indicator, facts: impl Iterator<Item = &'a Fact>, behind: Behind) -> Figure {
    let mut ids = Vec::new();
    let mut value = 0u64;
    // Borrowed, not formatted: the dashboard works out some seventy figures at each change.
    let mut people: BTreeSet<&'a str> = BTreeSet::new();
    let mut enterprises: BTreeSet<&'a str> = BTreeSet::new();
    for f in facts {
        if behind == Behind::Listed {
            ids.push(f.id.clone());
        }
        match indicator.count.rule {
            Rule::Records => value += 1,
            Rule::DistinctEnterprises => {
                if f.enterprises.is_empty() {
                    // Not linked to the register: the record stands for one enterprise of its own.
                    value += 1;
                }
                enterprises.extend(f.enterprises.iter().map(String::as_str));
            }
            Rule::DistinctExperts => match &f.expert {
                Some(person) => {
                    people.insert(person);
                }
                None => value += u64::from(f.experts_qualified),
            },
            Rule::SumOrganisations => value += u64::from(f.organisations.unwrap_or(f.enterprises.len() as u32)),
        }
    }
    if indicator.count.rule == Rule::DistinctEnterprises {
        value += enterprises.len() as u64;
    }
    value += people.len() as u64;
    crate::sort::sort(&mut ids);
    let enterprise_ids = match behind {
        Behind::Listed => enterprises.into_iter().map(str::to_string).collect(),
        Behind::CountOnly => Vec::new(),
    };
    Figure { value, activity_ids: ids, enterprise_ids }
}
