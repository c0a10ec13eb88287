//! What the indicator views share: each kind's records read once into facts
//! (memos, so choosing another period or unit recounts without re-reading
//! 15,000 surveys), the stored targets, today's date, and the links to the
//! records behind a number.

use crate::form::library::FIELD_SURVEY;
use crate::i18n::{Lang, Msg};
use crate::indicators::{AssessmentFacts, Facts, Period, StoredTargets, SurveyFacts};
use crate::model::admin_unit::AdminUnitList;
use crate::ui::state::Register;
use crate::web::browser;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct IndicatorData {
    pub facts: Memo<Facts>,
    /// Whether `facts` counts every activity: until then a figure shows "…", not a 0 that reads as "behind".
    pub facts_counted: Memo<bool>,
    pub targets: Memo<StoredTargets>,
    pub surveys: Memo<SurveyFacts>,
    pub assessments: Memo<AssessmentFacts>,
    pub today: StoredValue<String>,
}

/// Facts are rebuilt when their records change; comparing old and new facts
/// would cost as much as building them, so every rebuild counts as a change.
fn always<T>(_: Option<&T>, _: Option<&T>) -> bool {
    true
}

impl IndicatorData {
    pub fn new(register: Register) -> IndicatorData {
        let unit_map = Memo::new_with_compare(
            move |_| {
                register.registry.with(|r| {
                    r.records().filter_map(|e| e.payload.admin_unit_id.clone().map(|u| (e.id.clone(), u))).collect::<std::collections::HashMap<String, String>>()
                })
            },
            always,
        );
        // Figures wait until their kind is read whole: a list shows what has been read so far
        // (state.rs, load_list), a figure of part of the records would be wrong, and working
        // them out at each part would cost the first seconds of the dashboard several times over.
        let facts = Memo::new_with_compare(
            move |_| {
                if !register.activities.ready.get() {
                    return Facts::default();
                }
                unit_map.with(|units| register.activities.records.with(|a| Facts::new(a, &|e| units.get(e).cloned())))
            },
            always,
        );
        let targets = Memo::new_with_compare(move |_| register.targets.records.with(|t| StoredTargets::new(t)), always);
        let surveys = Memo::new_with_compare(
            move |_| {
                if !register.surveys.ready.get() {
                    return SurveyFacts::default();
                }
                let form = register.forms.with(|f| f.latest(FIELD_SURVEY));
                match form {
                    Some(form) => unit_map.with(|units| register.surveys.records.with(|s| SurveyFacts::new(&form, s, &|e| units.get(e).cloned()))),
                    None => SurveyFacts::default(),
                }
            },
            always,
        );
        let assessments = Memo::new_with_compare(
            move |_| {
                if !register.assessments.ready.get() {
                    return AssessmentFacts::default();
                }
                register.forms.with(|lib| unit_map.with(|units| register.assessments.records.with(|a| AssessmentFacts::new(lib, a, &|e| units.get(e).cloned()))))
            },
            always,
        );
        // Survey and self-assessment figures are read through their definitions: until those are in, "…", never a 0.
        let facts_counted = Memo::new(move |_| register.activities.ready.get() && register.forms_settled());
        IndicatorData { facts, facts_counted, targets, surveys, assessments, today: StoredValue::new(browser::today()) }
    }
}

/// The periods offered: the two terms, then each year of them.
pub fn period_choices() -> Vec<Period> {
    let mut out = vec![Period::TERM_2021, Period::TERM_2026];
    out.extend((Period::TERM_2021.from..=Period::TERM_2026.to).map(Period::year));
    out
}

/// A breakdown's row as it is named: the unit's label, or "no unit" for activities in none.
pub fn unit_row_label(units: &AdminUnitList, unit: Option<&str>, l: Lang) -> String {
    match unit {
        Some(id) => units.display_label(id, l),
        None => l.t(Msg::IndNoUnit).to_string(),
    }
}

/// The unit in a link: an id, `none` for activities in no unit, or nothing for the province.
pub const NO_UNIT: &str = "none";

/// The page listing the records behind one number.
pub fn behind_href(id: &str, period: Period, unit: Option<&str>) -> String {
    let mut href = format!("/indicators/{id}?period={}", period.key());
    if let Some(u) = unit {
        href.push_str("&unit=");
        href.push_str(&js_sys::encode_uri_component(u).as_string().unwrap_or_default());
    }
    href
}
