//! An activity as labelled display text, and what changed between two
//! versions: what the activity's page and its history show.

use super::activity::{activity_type, plan_item, topic, Activity};
use super::admin_unit::AdminUnitList;
use super::enterprise_fields::{field_changes, FieldChange};
use crate::format::{format_int, format_iso_date};
use crate::i18n::{Lang, Msg};

/// Every field a version has, in form order, as the officer reads it.
/// `enterprise_name` names a register enterprise (its id when it is gone).
pub fn display_fields(a: &Activity, units: &AdminUnitList, enterprise_name: &dyn Fn(&str) -> String, lang: Lang) -> Vec<(Msg, String)> {
    let count = |n: Option<u32>| n.map(|n| format_int(i64::from(n), lang)).unwrap_or_default();
    let expert = a.expert.clone().unwrap_or_default();
    let plan = a.plan_item_id();
    vec![
        (Msg::ColActivityType, activity_type(&a.activity_type).map_or_else(|| a.activity_type.clone(), |t| t.label.get(lang).to_string())),
        (Msg::FieldActivityTitle, a.title.clone()),
        (Msg::FieldStartDate, format_iso_date(&a.start_date)),
        (Msg::FieldEndDate, a.end_date.as_deref().map(format_iso_date).unwrap_or_default()),
        (Msg::FieldUnit, a.admin_unit_id.as_deref().map(|u| units.display_name(u, lang)).unwrap_or_default()),
        (Msg::FieldPlanItem, plan_item(plan).map_or_else(|| plan.to_string(), |p| format!("{} {}", p.id, p.label.get(lang)))),
        (Msg::FieldOrganiser, a.organiser.clone()),
        (Msg::FieldEnterprises, a.enterprise_ids.iter().map(|id| enterprise_name(id)).collect::<Vec<_>>().join("; ")),
        (Msg::FieldTopics, a.topics.iter().map(|t| topic(t).map_or_else(|| t.clone(), |x| x.label.get(lang).to_string())).collect::<Vec<_>>().join(", ")),
        (Msg::FieldParticipants, count(a.participants)),
        (Msg::FieldOrganisations, count(a.organisations)),
        (Msg::FieldExpertsQualified, count(a.experts_qualified)),
        (Msg::FieldExpertName, expert.name),
        (Msg::FieldExpertOrganisation, expert.organisation),
        (Msg::FieldExpertCertificate, expert.certificate),
        (Msg::FieldCertified, a.certified.map(|c| lang.t(if c { Msg::AnswerYes } else { Msg::AnswerNo }).to_string()).unwrap_or_default()),
        (Msg::FieldAwardResult, a.award_result.map(|r| lang.award_result(r).to_string()).unwrap_or_default()),
        (Msg::FieldReference, a.reference.clone()),
        (Msg::FieldBudget, a.budget_vnd.map(|b| format_int(i64::try_from(b).unwrap_or(i64::MAX), lang)).unwrap_or_default()),
        (Msg::FieldFunding, a.funding.map(|f| lang.funding(f).to_string()).unwrap_or_default()),
        (Msg::FieldNotes, a.notes.clone()),
    ]
}

/// The fields whose text differs between two versions.
pub fn changes(before: &Activity, after: &Activity, units: &AdminUnitList, enterprise_name: &dyn Fn(&str) -> String, lang: Lang) -> Vec<FieldChange> {
    field_changes(display_fields(before, units, enterprise_name, lang), display_fields(after, units, enterprise_name, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::activity::{AwardResult, Funding};

    #[test]
    fn lists_what_changed_in_the_officers_words() {
        let units = AdminUnitList::default_list();
        let names = |id: &str| if id == "e1" { "HTX Sen".to_string() } else { id.to_string() };
        let before = Activity { activity_type: "award_entry".into(), title: "Giải thưởng 2026".into(), start_date: "2026-05-01".into(), enterprise_ids: vec!["e1".into()], award_result: Some(AwardResult::Pending), ..Default::default() };
        let after = Activity { award_result: Some(AwardResult::Gold), budget_vnd: Some(1_500_000), funding: Some(Funding::Mobilised), ..before.clone() };
        let c = changes(&before, &after, &units, &names, Lang::Vi);
        assert_eq!(
            c,
            vec![
                FieldChange { label: Msg::FieldAwardResult, before: "Chờ kết quả".into(), after: "Giải Vàng".into() },
                FieldChange { label: Msg::FieldBudget, before: "".into(), after: "1.500.000".into() },
                FieldChange { label: Msg::FieldFunding, before: "".into(), after: "Kinh phí huy động".into() },
            ]
        );
        let shown = display_fields(&before, &units, &names, Lang::En);
        assert!(shown.contains(&(Msg::FieldEnterprises, "HTX Sen".into())));
        assert!(shown.contains(&(Msg::FieldPlanItem, "2.3.2 Communication and awareness".into())));
        assert!(shown.contains(&(Msg::FieldStartDate, "01/05/2026".into())));
        assert!(changes(&after, &after, &units, &names, Lang::En).is_empty());
    }
}
