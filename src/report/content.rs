//! The report's content, worked out from the records of a period: the
//! enterprises supported, the activities by plan item and the budget by
//! funding source. Labels are resolved here, in one language, so every view
//! of the report (screen, print, XLSX, CSV) shows the same words.

use crate::i18n::Lang;
use crate::indicators::Period;
use crate::model::activity::{activity_type, plan_items, topic, Activity, Funding};
use crate::model::admin_unit::AdminUnitList;
use crate::model::record::Record;
use crate::model::registry::Registry;
use crate::text::compare_vi;
use std::collections::BTreeMap;

/// The kinds whose linked enterprises are "supported enterprises": help to
/// build or apply a system or tool (`enterprise_support`), barcodes, base
/// standards, labels and the like (`standards_support`), and S&T tasks for
/// TFP (`tfp_task`). A certification obtained or an award entry is a result,
/// not a support, and stays out.
pub const SUPPORT_KINDS: [&str; 3] = ["enterprise_support", "standards_support", "tfp_task"];

/// One support an enterprise received.
#[derive(Debug, Clone, PartialEq)]
pub struct Support {
    pub activity_id: String,
    /// `YYYY-MM-DD`, as recorded.
    pub date: String,
    pub kind: String,
    /// The systems or tools it covered, or the activity's title when it names none.
    pub subject: String,
    pub certified: Option<bool>,
}

/// An enterprise supported in the period, once, with every support it had.
#[derive(Debug, Clone, PartialEq)]
pub struct SupportedEnterprise {
    pub enterprise_id: String,
    /// The register's name; the id when the register no longer holds it.
    pub name: String,
    pub tax_code: String,
    pub unit: String,
    pub supports: Vec<Support>,
}

impl SupportedEnterprise {
    /// Whether any support ended in a certificate.
    pub fn certified(&self) -> Option<bool> {
        let known: Vec<bool> = self.supports.iter().filter_map(|s| s.certified).collect();
        (!known.is_empty()).then(|| known.contains(&true))
    }
}

/// One activity as the report lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityLine {
    pub activity_id: String,
    pub date: String,
    pub end_date: String,
    pub kind: String,
    pub title: String,
    pub unit: String,
    pub participants: Option<u32>,
    pub organisations: Option<u32>,
    pub enterprises: usize,
    pub budget_vnd: Option<u64>,
    pub funding: Option<Funding>,
}

/// The activities serving one section of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanItemActivities {
    /// `2.3.1` … `2.3.5`, or empty for activities of a kind this build does not know.
    pub id: String,
    pub label: String,
    pub activities: Vec<ActivityLine>,
}

/// Money by source, in VND. Sums saturate: a damaged record cannot overflow them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Money {
    pub state_budget: u64,
    pub mobilised: u64,
    /// A budget recorded without its source.
    pub not_stated: u64,
}

impl Money {
    pub fn total(&self) -> u64 {
        self.state_budget
            .saturating_add(self.mobilised)
            .saturating_add(self.not_stated)
    }

    fn add(&mut self, amount: u64, funding: Option<Funding>) {
        let slot = match funding {
            Some(Funding::StateBudget) => &mut self.state_budget,
            Some(Funding::Mobilised) => &mut self.mobilised,
            None => &mut self.not_stated,
        };
        *slot = slot.saturating_add(amount);
    }

    fn plus(self, o: Money) -> Money {
        Money {
            state_budget: self.state_budget.saturating_add(o.state_budget),
            mobilised: self.mobilised.saturating_add(o.mobilised),
            not_stated: self.not_stated.saturating_add(o.not_stated),
        }
    }
}

/// The budget of one plan item.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetLine {
    pub plan_item: String,
    pub label: String,
    /// Activities of the item with a budget recorded.
    pub activities: usize,
    pub money: Money,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Budget {
    pub lines: Vec<BudgetLine>,
    pub total: Money,
    pub activities: usize,
}

/// The live activities that started in the period, oldest first.
pub fn in_period(activities: &[Record<Activity>], period: Period) -> Vec<&Record<Activity>> {
    let mut out: Vec<&Record<Activity>> = activities
        .iter()
        .filter(|a| !a.deleted && a.payload.year().is_some_and(|y| period.contains(y)))
        .collect();
    crate::sort::sort_by(&mut out, |a, b| {
        a.payload
            .start_date
            .cmp(&b.payload.start_date)
            .then_with(|| compare_vi(&a.payload.title, &b.payload.title))
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

fn kind_label(id: &str, lang: Lang) -> String {
    activity_type(id).map_or_else(|| id.to_string(), |t| t.label.get(lang).to_string())
}

fn unit_label(units: &AdminUnitList, id: Option<&str>, lang: Lang) -> String {
    id.map(|u| units.display_name(u, lang)).unwrap_or_default()
}

/// Every enterprise a support activity of the period names, once, by name.
pub fn supported(
    activities: &[&Record<Activity>],
    registry: &Registry,
    units: &AdminUnitList,
    lang: Lang,
) -> Vec<SupportedEnterprise> {
    let mut by_id: BTreeMap<&str, SupportedEnterprise> = BTreeMap::new();
    for a in activities
        .iter()
        .filter(|a| SUPPORT_KINDS.contains(&a.payload.activity_type.as_str()))
    {
        let p = &a.payload;
        let topics: Vec<&str> = p
            .topics
            .iter()
            .map(|t| topic(t).map_or(t.as_str(), |t| t.label.get(lang)))
            .collect();
        let subject = if topics.is_empty() {
            p.title.clone()
        } else {
            topics.join(", ")
        };
        let mut seen_here = std::collections::HashSet::new();
        for e in p
            .enterprise_ids
            .iter()
            .filter(|e| seen_here.insert(e.as_str()))
        {
            let entry = by_id.entry(e.as_str()).or_insert_with(|| {
                let known = registry.get(e).map(|r| &r.payload);
                SupportedEnterprise {
                    enterprise_id: e.clone(),
                    name: known.map_or_else(|| e.clone(), |x| x.name.clone()),
                    tax_code: known.and_then(|x| x.tax_code.clone()).unwrap_or_default(),
                    unit: unit_label(units, known.and_then(|x| x.admin_unit_id.as_deref()), lang),
                    supports: Vec::new(),
                }
            });
            entry.supports.push(Support {
                activity_id: a.id.clone(),
                date: p.start_date.clone(),
                kind: kind_label(&p.activity_type, lang),
                subject: subject.clone(),
                certified: p.certified,
            });
        }
    }
    let mut out: Vec<SupportedEnterprise> = by_id.into_values().collect();
    crate::sort::sort_by(&mut out, |a, b| {
        compare_vi(&a.name, &b.name).then_with(|| a.enterprise_id.cmp(&b.enterprise_id))
    });
    out
}

/// The activities under each plan item, in the plan's order; a last group,
/// with no id, holds kinds this build does not know (from a newer file).
pub fn by_plan_item(
    activities: &[&Record<Activity>],
    units: &AdminUnitList,
    lang: Lang,
) -> Vec<PlanItemActivities> {
    let mut groups: Vec<PlanItemActivities> = plan_items()
        .iter()
        .map(|p| PlanItemActivities {
            id: p.id.clone(),
            label: p.label.get(lang).to_string(),
            activities: Vec::new(),
        })
        .collect();
    let mut other = PlanItemActivities {
        id: String::new(),
        label: lang.t(crate::i18n::Msg::ReportOtherPlanItem).to_string(),
        activities: Vec::new(),
    };
    for a in activities {
        let p = &a.payload;
        let line = ActivityLine {
            activity_id: a.id.clone(),
            date: p.start_date.clone(),
            end_date: p.end_date.clone().unwrap_or_default(),
            kind: kind_label(&p.activity_type, lang),
            title: p.title.clone(),
            unit: unit_label(units, p.admin_unit_id.as_deref(), lang),
            participants: p.participants,
            organisations: p.organisations,
            enterprises: p.enterprise_ids.len(),
            budget_vnd: p.budget_vnd,
            funding: p.funding,
        };
        match groups.iter_mut().find(|g| g.id == p.plan_item_id()) {
            Some(g) => g.activities.push(line),
            None => other.activities.push(line),
        }
    }
    if !other.activities.is_empty() {
        groups.push(other);
    }
    groups
}

/// The budget of each plan item by source, with the totals.
pub fn budget(groups: &[PlanItemActivities]) -> Budget {
    let lines: Vec<BudgetLine> = groups
        .iter()
        .map(|g| {
            let mut money = Money::default();
            let mut activities = 0;
            for a in &g.activities {
                if let Some(amount) = a.budget_vnd {
                    money.add(amount, a.funding);
                    activities += 1;
                }
            }
            BudgetLine {
                plan_item: g.id.clone(),
                label: g.label.clone(),
                activities,
                money,
            }
        })
        .collect();
    let total = lines
        .iter()
        .fold(Money::default(), |acc, l| acc.plus(l.money));
    let activities = lines.iter().map(|l| l.activities).sum();
    Budget {
        lines,
        total,
        activities,
    }
}
