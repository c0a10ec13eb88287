//! The activity form as typed: every value as text, exactly as the officer
//! left it, and its validation into an `Activity`. Which optional fields a
//! record has is the kind's (`ActivityType::fields`, data): a field the kind
//! does not show is not saved, so changing the kind never leaves a stray
//! value behind, and a record of a kind this build does not know keeps
//! whatever it had.

use super::activity::{activity_type, plan_item, Activity, ActivityField, AwardResult, Expert, Funding};
use crate::format::{format_int, parse_count};
use crate::i18n::{Lang, Msg};

/// Where a problem is, for the message beside the field and the focus after a save attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DraftField {
    Kind,
    Title,
    StartDate,
    EndDate,
    Participants,
    Organisations,
    ExpertsQualified,
    ExpertName,
    Enterprises,
    Budget,
}

impl DraftField {
    /// Form order: the first with a problem gets the focus.
    pub const ALL: [DraftField; 10] = [
        DraftField::Kind,
        DraftField::Title,
        DraftField::StartDate,
        DraftField::EndDate,
        DraftField::Enterprises,
        DraftField::Participants,
        DraftField::Organisations,
        DraftField::ExpertsQualified,
        DraftField::ExpertName,
        DraftField::Budget,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    NotADate,
    EndBeforeStart,
    NotACount,
    NotAnAmount,
}

impl Problem {
    pub fn msg(self) -> Msg {
        match self {
            Problem::Required => Msg::ErrRequired,
            Problem::NotADate => Msg::ErrActivityDate,
            Problem::EndBeforeStart => Msg::ErrEndBeforeStart,
            Problem::NotACount => Msg::ErrWholeNumber,
            Problem::NotAnAmount => Msg::ErrAmountVnd,
        }
    }
}

/// An amount of money in whole đồng as officers type it: `150000000`,
/// `150.000.000`, `150,000,000`, `150 000 000`, with or without `đ`, `₫`
/// or `VND` after it. Empty is `Ok(None)`. Anything else (a decimal, a
/// negative, mixed or misplaced group marks, more than `u64` holds) is `Err`:
/// the officer sees a message, never a guess.
pub fn parse_vnd(input: &str) -> Result<Option<u64>, ()> {
    let mut s = crate::case::lower_str(input.trim());
    for unit in ["vnđ", "vnd", "đồng", "đ", "₫"] {
        if let Some(rest) = s.strip_suffix(unit) {
            s = rest.trim_end().to_string();
            break;
        }
    }
    if s.is_empty() {
        return if input.trim().is_empty() { Ok(None) } else { Err(()) };
    }
    // Spaces group thousands too (`150 000 000`, a no-break space from a spreadsheet).
    let s: String = s.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    let marks: Vec<char> = s.chars().filter(|c| matches!(c, '.' | ',' | ' ')).collect();
    if marks.windows(2).any(|w| w[0] != w[1]) {
        return Err(());
    }
    let groups: Vec<&str> = s.split(['.', ',', ' ']).collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let well_formed = match groups.as_slice() {
        [one] => digits(one),
        [first, rest @ ..] => digits(first) && first.len() <= 3 && rest.iter().all(|g| g.len() == 3 && digits(g)),
        [] => false,
    };
    if !well_formed {
        return Err(());
    }
    // Kept within what every number format of the app (`i64`) can show.
    groups.concat().parse::<u64>().ok().filter(|v| i64::try_from(*v).is_ok()).map(Some).ok_or(())
}

/// A count as typed: empty is `Ok(None)`; a non-negative whole number (thousands groups allowed) is the number.
pub fn parse_optional_count(input: &str) -> Result<Option<u32>, ()> {
    if input.trim().is_empty() {
        return Ok(None);
    }
    parse_count(input).map(Some).ok_or(())
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActivityDraft {
    pub kind: String,
    pub title: String,
    /// `YYYY-MM-DD`, what the browser's date input gives.
    pub start_date: String,
    pub end_date: String,
    pub unit: String,
    /// Empty: the kind's own plan item.
    pub plan_item: String,
    pub organiser: String,
    pub enterprise_ids: Vec<String>,
    pub topics: Vec<String>,
    pub participants: String,
    pub organisations: String,
    pub experts_qualified: String,
    pub expert_name: String,
    pub expert_organisation: String,
    pub expert_certificate: String,
    /// `""`, `"yes"` or `"no"`.
    pub certified: String,
    /// `""` or an `AwardResult` key.
    pub award_result: String,
    pub reference: String,
    pub budget: String,
    /// `""` or a `Funding` key.
    pub funding: String,
    pub notes: String,
}

pub fn award_key(r: AwardResult) -> &'static str {
    match r {
        AwardResult::Pending => "pending",
        AwardResult::NotAwarded => "not_awarded",
        AwardResult::Award => "award",
        AwardResult::Gold => "gold",
    }
}

pub const AWARD_RESULTS: [AwardResult; 4] = [AwardResult::Pending, AwardResult::NotAwarded, AwardResult::Award, AwardResult::Gold];

pub fn funding_key(f: Funding) -> &'static str {
    match f {
        Funding::StateBudget => "state_budget",
        Funding::Mobilised => "mobilised",
    }
}

pub const FUNDINGS: [Funding; 2] = [Funding::StateBudget, Funding::Mobilised];

impl ActivityDraft {
    /// A new activity of a kind (empty: none chosen yet), dated `today`.
    pub fn new(kind: &str, today: &str) -> ActivityDraft {
        ActivityDraft { kind: kind.to_string(), start_date: today.to_string(), ..Default::default() }
    }

    /// The form for a stored activity, numbers written in the officer's language.
    pub fn from_activity(a: &Activity, lang: Lang) -> ActivityDraft {
        let count = |n: Option<u32>| n.map(|n| format_int(i64::from(n), lang)).unwrap_or_default();
        let expert = a.expert.clone().unwrap_or_default();
        ActivityDraft {
            kind: a.activity_type.clone(),
            title: a.title.clone(),
            start_date: a.start_date.clone(),
            end_date: a.end_date.clone().unwrap_or_default(),
            unit: a.admin_unit_id.clone().unwrap_or_default(),
            plan_item: a.plan_item.clone(),
            organiser: a.organiser.clone(),
            enterprise_ids: a.enterprise_ids.clone(),
            topics: a.topics.clone(),
            participants: count(a.participants),
            organisations: count(a.organisations),
            experts_qualified: count(a.experts_qualified),
            expert_name: expert.name,
            expert_organisation: expert.organisation,
            expert_certificate: expert.certificate,
            certified: a.certified.map(|c| if c { "yes" } else { "no" }).unwrap_or_default().to_string(),
            award_result: a.award_result.map(award_key).unwrap_or_default().to_string(),
            reference: a.reference.clone(),
            budget: a.budget_vnd.map(|b| format_int(i64::try_from(b).unwrap_or(i64::MAX), lang)).unwrap_or_default(),
            funding: a.funding.map(funding_key).unwrap_or_default().to_string(),
            notes: a.notes.clone(),
        }
    }

    /// Whether the form shows this field: the kind's fields; none for a kind this build does not know.
    pub fn shows(&self, field: ActivityField) -> bool {
        activity_type(&self.kind).is_some_and(|t| t.has(field))
    }

    /// The plan item the form shows as chosen: the draft's, or the kind's.
    pub fn plan_item_shown(&self) -> String {
        if !self.plan_item.is_empty() {
            return self.plan_item.clone();
        }
        activity_type(&self.kind).map(|t| t.plan_item.clone()).unwrap_or_default()
    }

    /// The activity, or every problem. `base` is the stored payload being
    /// edited (default for a new one): fields of a kind this build does not
    /// know are kept from it as they were.
    pub fn validate(&self, base: &Activity) -> Result<Activity, Vec<(DraftField, Problem)>> {
        let mut errors = Vec::new();
        let kind = activity_type(&self.kind);
        if self.kind.trim().is_empty() {
            errors.push((DraftField::Kind, Problem::Required));
        }
        if self.title.trim().is_empty() {
            errors.push((DraftField::Title, Problem::Required));
        }
        let is_date = crate::form::answer::is_date;
        let start = self.start_date.trim();
        if start.is_empty() {
            errors.push((DraftField::StartDate, Problem::Required));
        } else if !is_date(start) {
            errors.push((DraftField::StartDate, Problem::NotADate));
        }
        let shows = |f: ActivityField| match kind {
            Some(t) => t.has(f),
            None => false,
        };
        let end = self.end_date.trim();
        let end_date = if shows(ActivityField::EndDate) && !end.is_empty() {
            if !is_date(end) {
                errors.push((DraftField::EndDate, Problem::NotADate));
            } else if is_date(start) && end < start {
                // ISO dates compare as text.
                errors.push((DraftField::EndDate, Problem::EndBeforeStart));
            }
            Some(end.to_string())
        } else {
            None
        };
        let mut count = |f: ActivityField, at: DraftField, text: &str| -> Option<u32> {
            if !shows(f) {
                return None;
            }
            parse_optional_count(text).unwrap_or_else(|()| {
                errors.push((at, Problem::NotACount));
                None
            })
        };
        let participants = count(ActivityField::Participants, DraftField::Participants, &self.participants);
        let organisations = count(ActivityField::Organisations, DraftField::Organisations, &self.organisations);
        let experts_qualified = count(ActivityField::ExpertsQualified, DraftField::ExpertsQualified, &self.experts_qualified);
        let expert = shows(ActivityField::Expert).then(|| Expert {
            name: self.expert_name.trim().to_string(),
            organisation: self.expert_organisation.trim().to_string(),
            certificate: self.expert_certificate.trim().to_string(),
        });
        if expert.as_ref().is_some_and(|e| e.name.is_empty()) {
            errors.push((DraftField::ExpertName, Problem::Required));
        }
        let budget_vnd = if shows(ActivityField::Budget) {
            parse_vnd(&self.budget).unwrap_or_else(|()| {
                errors.push((DraftField::Budget, Problem::NotAnAmount));
                None
            })
        } else {
            None
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let Some(kind) = kind else {
            // A kind from a newer file: what this build cannot show is kept as it was.
            return Ok(Activity {
                activity_type: self.kind.clone(),
                title: self.title.trim().to_string(),
                start_date: start.to_string(),
                admin_unit_id: Some(self.unit.clone()).filter(|u| !u.is_empty()),
                plan_item: self.plan_item.clone(),
                organiser: self.organiser.trim().to_string(),
                funding: funding_of(&self.funding),
                notes: self.notes.clone(),
                ..base.clone()
            });
        };
        // The kind's own plan item is stored as none, so the record follows the kind's.
        let plan_item = if self.plan_item == kind.plan_item || plan_item(&self.plan_item).is_none() { String::new() } else { self.plan_item.clone() };
        Ok(Activity {
            activity_type: self.kind.clone(),
            title: self.title.trim().to_string(),
            start_date: start.to_string(),
            end_date,
            admin_unit_id: Some(self.unit.clone()).filter(|u| !u.is_empty()),
            plan_item,
            organiser: self.organiser.trim().to_string(),
            topics: if kind.has(ActivityField::Topics) { self.topics.clone() } else { Vec::new() },
            participants,
            organisations,
            enterprise_ids: if kind.has(ActivityField::Enterprises) { self.enterprise_ids.clone() } else { Vec::new() },
            experts_qualified,
            expert,
            certified: if kind.has(ActivityField::Certified) {
                match self.certified.as_str() {
                    "yes" => Some(true),
                    "no" => Some(false),
                    _ => None,
                }
            } else {
                None
            },
            award_result: if kind.has(ActivityField::AwardResult) { AWARD_RESULTS.into_iter().find(|r| award_key(*r) == self.award_result) } else { None },
            reference: if kind.has(ActivityField::Reference) { self.reference.trim().to_string() } else { String::new() },
            budget_vnd,
            funding: funding_of(&self.funding),
            notes: self.notes.clone(),
        })
    }
}

fn funding_of(key: &str) -> Option<Funding> {
    FUNDINGS.into_iter().find(|f| funding_key(*f) == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arbitrary_text::{numberish, text};
    use proptest::prelude::*;

    #[test]
    fn amounts_in_dong_as_officers_type_them() {
        for (typed, want) in [
            ("150000000", Some(150_000_000)),
            ("150.000.000", Some(150_000_000)),
            ("150,000,000", Some(150_000_000)),
            ("150 000 000", Some(150_000_000)),
            ("150\u{a0}000\u{a0}000 đ", Some(150_000_000)),
            (" 2.500.000đ ", Some(2_500_000)),
            ("1.000 VND", Some(1000)),
            ("75.000.000 ₫", Some(75_000_000)),
            ("0", Some(0)),
            ("", None),
            ("   ", None),
        ] {
            assert_eq!(parse_vnd(typed), Ok(want), "{typed:?}");
        }
        for bad in ["1,5", "1.5", "-1000", "150.000,000", "1.2345", "12.34.567", "1000.", ".500", "đ", "abc", "99999999999999999999", "1 5", "+100"] {
            assert_eq!(parse_vnd(bad), Err(()), "{bad:?}");
        }
        assert_eq!(parse_optional_count(" 1.234 "), Ok(Some(1234)));
        assert_eq!(parse_optional_count(""), Ok(None));
        assert_eq!(parse_optional_count("-3"), Err(()));
        assert_eq!(parse_optional_count("2,5"), Err(()));
    }

    fn support(today: &str) -> ActivityDraft {
        ActivityDraft {
            title: "Hỗ trợ áp dụng ISO 9001".into(),
            enterprise_ids: vec!["e1".into()],
            topics: vec!["iso_9001".into()],
            certified: "yes".into(),
            budget: "45.000.000".into(),
            funding: "state_budget".into(),
            participants: "12".into(),
            award_result: "gold".into(),
            ..ActivityDraft::new("enterprise_support", today)
        }
    }

    #[test]
    fn only_the_kinds_fields_are_kept() {
        let a = support("2026-03-05").validate(&Activity::default()).unwrap();
        assert_eq!((a.activity_type.as_str(), a.year(), a.budget_vnd, a.funding), ("enterprise_support", Some(2026), Some(45_000_000), Some(Funding::StateBudget)));
        assert_eq!((a.certified, a.enterprise_ids.len(), a.topics.len()), (Some(true), 1, 1));
        // Support engagements count no participants and have no award result.
        assert_eq!((a.participants, a.award_result, a.expert.as_ref()), (None, None, None));
        assert_eq!(a.plan_item, "", "the kind's own plan item is stored as none");
        assert_eq!(a.plan_item_id(), "2.3.3");

        let mut award = support("2026-03-05");
        award.kind = "award_entry".into();
        award.plan_item = "2.3.3".into();
        let a = award.validate(&Activity::default()).unwrap();
        assert_eq!((a.award_result, a.certified, a.topics.len(), a.plan_item_id()), (Some(AwardResult::Gold), None, 0, "2.3.3"));

        // Back and forth: the form shows what was stored.
        let back = ActivityDraft::from_activity(&a, Lang::Vi);
        assert_eq!((back.budget.as_str(), back.award_result.as_str(), back.kind.as_str()), ("45.000.000", "gold", "award_entry"));
        assert_eq!(back.validate(&a).unwrap(), a);
    }

    #[test]
    fn problems_are_reported_by_field() {
        let mut d = support("2026-03-05");
        d.kind = "training_class".into();
        d.title = "  ".into();
        d.end_date = "2026-03-04".into();
        d.participants = "ba mươi".into();
        d.organisations = "-2".into();
        d.budget = "1,5 triệu".into();
        let errors = d.validate(&Activity::default()).unwrap_err();
        assert_eq!(
            errors,
            vec![
                (DraftField::Title, Problem::Required),
                (DraftField::EndDate, Problem::EndBeforeStart),
                (DraftField::Participants, Problem::NotACount),
                (DraftField::Organisations, Problem::NotACount),
                (DraftField::Budget, Problem::NotAnAmount),
            ]
        );
        let expert = ActivityDraft { title: "Chuyên gia".into(), start_date: "2026-02-30".into(), ..ActivityDraft::new("expert", "") };
        assert_eq!(expert.validate(&Activity::default()).unwrap_err(), vec![(DraftField::StartDate, Problem::NotADate), (DraftField::ExpertName, Problem::Required)]);
        assert_eq!(ActivityDraft::default().validate(&Activity::default()).unwrap_err()[0], (DraftField::Kind, Problem::Required));
        // The end may be the start's day; a kind without an end date ignores one.
        let mut d = support("2026-03-05");
        d.end_date = "2026-03-05".into();
        assert_eq!(d.validate(&Activity::default()).unwrap().end_date.as_deref(), Some("2026-03-05"));
        d.kind = "certification".into();
        d.end_date = "bad".into();
        assert_eq!(d.validate(&Activity::default()).unwrap().end_date, None);
    }

    #[test]
    fn a_retired_kind_stays_editable_and_an_unknown_kind_keeps_its_fields() {
        let course = Activity { activity_type: "expert_training".into(), title: "Khóa chuyên gia".into(), start_date: "2022-05-01".into(), experts_qualified: Some(8), ..Default::default() };
        let mut d = ActivityDraft::from_activity(&course, Lang::En);
        assert!(d.shows(ActivityField::ExpertsQualified));
        d.experts_qualified = "9".into();
        assert_eq!(d.validate(&course).unwrap().experts_qualified, Some(9));

        let newer = Activity { activity_type: "from_a_newer_file".into(), title: "X".into(), start_date: "2027-01-01".into(), participants: Some(5), reference: "R-1".into(), ..Default::default() };
        let mut d = ActivityDraft::from_activity(&newer, Lang::Vi);
        assert!(!d.shows(ActivityField::Participants));
        d.title = "Y".into();
        let saved = d.validate(&newer).unwrap();
        assert_eq!((saved.title.as_str(), saved.participants, saved.reference.as_str()), ("Y", Some(5), "R-1"));
    }

    proptest! {
        #[test]
        fn typed_amounts_and_counts_never_panic(s in numberish()) {
            if let Ok(Some(v)) = parse_vnd(&s) {
                // What parses is written back the same way and reads again as itself.
                prop_assert_eq!(parse_vnd(&format_int(v as i64, Lang::Vi)), Ok(Some(v)));
            }
            let _ = parse_optional_count(&s);
        }

        #[test]
        fn any_typed_form_validates_or_reports(title in text(), start in text(), end in text(), count in numberish(), budget in numberish(), kind in 0usize..13) {
            let kinds: Vec<&str> = crate::model::activity::types().iter().map(|t| t.id.as_str()).chain(["unknown"]).collect();
            let d = ActivityDraft { kind: kinds[kind % kinds.len()].into(), title, start_date: start, end_date: end, participants: count.clone(), organisations: count.clone(), experts_qualified: count, budget, expert_name: "A".into(), ..Default::default() };
            if let Ok(a) = d.validate(&Activity::default()) {
                prop_assert!(crate::form::answer::is_date(&a.start_date));
                prop_assert!(a.end_date.as_deref().is_none_or(|e| e >= a.start_date.as_str()));
            }
        }
    }
}
