//! The National Quality Award pre-check (Baldrige-based): each criterion is
//! placed in a percent band; its score is the criterion's points times the
//! band's midpoint, and the band's ends give the range. The thresholds
//! (eligible, gold, months of operation) come with the form.

use crate::form::definition::{AwardRules, Kind, LocalText, ModuleKind};
use crate::form::{Answers, Form};

#[derive(Debug, Clone, PartialEq)]
pub struct CriterionResult {
    pub id: String,
    pub label: LocalText,
    pub points: f64,
    /// The chosen band in percent, once placed.
    pub band: Option<[f64; 2]>,
}

impl CriterionResult {
    /// Points at the band's midpoint.
    pub fn score(&self) -> Option<f64> {
        self.band.map(|[lo, hi]| self.points * (lo + hi) / 200.0)
    }

    pub fn range(&self) -> Option<(f64, f64)> {
        self.band.map(|[lo, hi]| (self.points * lo / 100.0, self.points * hi / 100.0))
    }

    /// Points left on the table at the midpoint: what working on it could gain.
    pub fn shortfall(&self) -> f64 {
        self.points - self.score().unwrap_or(0.0)
    }
}

/// Whether the enterprise looks able to enter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Eligibility {
    /// Not every criterion is placed, or the months are not given.
    Incomplete,
    Eligible,
    /// Below the points needed.
    TooFewPoints,
    /// Operating for fewer months than an entrant needs.
    TooYoung,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AwardResult {
    pub criteria: Vec<CriterionResult>,
    /// Sum of the placed criteria at their midpoints.
    pub total: f64,
    pub low: f64,
    pub high: f64,
    /// All the points there are (1,000 for the award).
    pub max: f64,
    pub months: Option<f64>,
    pub rules: AwardRules,
    pub eligibility: Eligibility,
    /// The midpoint total reaches the gold threshold.
    pub gold_in_reach: bool,
    /// The criteria to work on first: the most points short, at most three.
    pub weakest: Vec<String>,
}

/// The pre-check's result, or `None` when the form is not an award module.
pub fn award_result(form: &Form, answers: &Answers) -> Option<AwardResult> {
    let module = form.module.as_ref().filter(|m| m.kind == ModuleKind::Award)?;
    let rules = module.award.clone()?;
    let criteria: Vec<CriterionResult> = form
        .questions()
        .filter_map(|q| {
            let points = q.points?;
            let chosen = answers.get(&q.id).and_then(|a| a.text());
            let band = match &q.kind {
                Kind::Single(choices) => chosen.and_then(|v| choices.iter().find(|c| c.value == v)).and_then(|c| c.band),
                _ => None,
            };
            Some(CriterionResult { id: q.id.clone(), label: q.label.clone(), points, band })
        })
        .collect();
    let total: f64 = criteria.iter().filter_map(CriterionResult::score).sum();
    let (low, high) = criteria.iter().filter_map(CriterionResult::range).fold((0.0, 0.0), |(l, h), (a, b)| (l + a, h + b));
    let months = answers.get(&rules.months_question).and_then(|a| a.text()).and_then(crate::form::answer::number).filter(|m| *m >= 0.0);
    let placed = criteria.iter().all(|c| c.band.is_some());
    let eligibility = match months {
        _ if !placed => Eligibility::Incomplete,
        None => Eligibility::Incomplete,
        Some(m) if m < rules.min_months => Eligibility::TooYoung,
        Some(_) if total < rules.eligible_points => Eligibility::TooFewPoints,
        Some(_) => Eligibility::Eligible,
    };
    let mut by_shortfall: Vec<&CriterionResult> = criteria.iter().filter(|c| c.band.is_some()).collect();
    // Most points short first; equal ones in the form's order (a stable sort keeps it).
    crate::sort::sort_by(&mut by_shortfall, |a, b| b.shortfall().total_cmp(&a.shortfall()));
    let weakest = by_shortfall.iter().filter(|c| c.shortfall() > 0.0).take(3).map(|c| c.id.clone()).collect();
    Some(AwardResult {
        max: criteria.iter().map(|c| c.points).sum(),
        gold_in_reach: placed && total >= rules.gold_points,
        criteria,
        total,
        low,
        high,
        months,
        rules,
        eligibility,
        weakest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Answer;

    const BANDS: [(&str, [f64; 2]); 6] = [("b0", [0.0, 5.0]), ("b10", [10.0, 25.0]), ("b30", [30.0, 45.0]), ("b50", [50.0, 65.0]), ("b70", [70.0, 85.0]), ("b90", [90.0, 100.0])];
    const CRITERIA: [(&str, f64); 7] = [("leadership", 120.0), ("strategy", 85.0), ("customers", 85.0), ("measurement", 90.0), ("workforce", 85.0), ("operations", 85.0), ("results", 450.0)];

    fn award_form() -> Form {
        let choices: Vec<serde_json::Value> = BANDS.iter().map(|(v, b)| serde_json::json!({"value": v, "label": {"vi": v, "en": v}, "band": b})).collect();
        let mut questions = vec![serde_json::json!({"id": "months", "type": "integer", "label": {"vi": "Số tháng", "en": "Months"}, "min": 0})];
        questions.extend(CRITERIA.iter().map(|(id, p)| serde_json::json!({"id": id, "type": "single", "label": {"vi": id, "en": id}, "points": p, "choices": choices})));
        let mut raw: serde_json::Value = serde_json::from_str(&crate::form::definition::tests::form_json(serde_json::Value::Array(questions))).unwrap();
        raw["purpose"] = "self_assessment".into();
        raw["module"] = serde_json::json!({"kind": "award", "short": {"vi": "Giải thưởng", "en": "Award"},
            "award": {"eligible_points": 600, "gold_points": 800, "min_months": 36, "months_question": "months"}});
        Form::parse("award.json", &raw.to_string()).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn answers(months: &str, band_of: impl Fn(&str) -> &'static str) -> Answers {
        let mut a = Answers::new();
        a.insert("months".into(), Answer::Text(months.into()));
        for (id, _) in CRITERIA {
            a.insert(id.into(), Answer::Text(band_of(id).into()));
        }
        a
    }

    #[test]
    fn points_are_weight_times_band_midpoint_with_the_band_ends_as_range() {
        let form = award_form();
        // Everything at 70–85 %: midpoint 77.5 % of 1,000.
        let r = award_result(&form, &answers("48", |_| "b70")).unwrap();
        assert_eq!(r.max, 1000.0);
        assert!((r.total - 775.0).abs() < 1e-9 && (r.low - 700.0).abs() < 1e-9 && (r.high - 850.0).abs() < 1e-9, "{r:?}");
        assert_eq!(r.eligibility, Eligibility::Eligible);
        assert!(!r.gold_in_reach, "775 < 800");
        // Results carry 450 of the points: most short, then leadership (120).
        assert_eq!(r.weakest, ["results", "leadership", "measurement"]);

        let gold = award_result(&form, &answers("36", |id| if id == "results" { "b90" } else { "b70" })).unwrap();
        // 550 × 0.775 + 450 × 0.95 = 426.25 + 427.5
        assert!((gold.total - 853.75).abs() < 1e-9, "{}", gold.total);
        assert!(gold.gold_in_reach);
        assert_eq!(gold.eligibility, Eligibility::Eligible, "36 months is enough");
    }

    #[test]
    fn eligibility_needs_600_points_36_months_and_every_criterion() {
        let form = award_form();
        let young = award_result(&form, &answers("35", |_| "b90")).unwrap();
        assert_eq!(young.eligibility, Eligibility::TooYoung);
        assert!(young.gold_in_reach, "gold is about points; the months are said separately");
        // 50–65 % everywhere: 575 points.
        let short = award_result(&form, &answers("120", |_| "b50")).unwrap();
        assert!((short.total - 575.0).abs() < 1e-9);
        assert_eq!(short.eligibility, Eligibility::TooFewPoints);
        let mut a = answers("40", |_| "b50");
        a.remove("strategy");
        let partial = award_result(&form, &a).unwrap();
        assert_eq!(partial.eligibility, Eligibility::Incomplete);
        assert!(!partial.gold_in_reach);
        assert!(!partial.weakest.contains(&"strategy".to_string()), "an unplaced criterion is not ranked");
        let mut no_months = answers("", |_| "b90");
        no_months.insert("months".into(), Answer::Text("-3".into()));
        assert_eq!(award_result(&form, &no_months).unwrap().eligibility, Eligibility::Incomplete);
        // An unknown choice value places nothing.
        let odd = award_result(&form, &answers("40", |_| "b99")).unwrap();
        assert_eq!((odd.total, odd.eligibility), (0.0, Eligibility::Incomplete));
    }

    #[test]
    fn exactly_600_points_is_eligible() {
        let form = award_form();
        // 120×2.5 % + 85×2.5 % + 85×17.5 % + 90×77.5 % + 85×95 % + 85×95 % + 450×77.5 % = 600.
        let bands = ["b0", "b0", "b10", "b70", "b90", "b90", "b70"];
        let pick = |id: &str| bands[CRITERIA.iter().position(|(c, _)| *c == id).unwrap()];
        let r = award_result(&form, &answers("36", pick)).unwrap();
        assert!((r.total - 600.0).abs() < 1e-9, "{}", r.total);
        assert_eq!(r.eligibility, Eligibility::Eligible);
        // One band lower on customer focus (17.5 % → 2.5 % of 85 is −12.75 points): not eligible.
        let lower = |id: &str| if id == "customers" { "b0" } else { pick(id) };
        assert_eq!(award_result(&form, &answers("36", lower)).unwrap().eligibility, Eligibility::TooFewPoints);
    }
}
