//! Which message names each domain value.

use super::{Lang, Msg};
use crate::form::Purpose;
use crate::model::activity::AwardResult;
use crate::model::assessment::AssessmentStatus;
use crate::model::enterprise::{Ownership, ProductGroup};
use crate::model::registry::SortKey;
use crate::model::size_class::SizeClass;

pub fn size_msg(size: Option<SizeClass>) -> Msg {
    match size {
        Some(SizeClass::Micro) => Msg::SizeMicro,
        Some(SizeClass::Small) => Msg::SizeSmall,
        Some(SizeClass::Medium) => Msg::SizeMedium,
        Some(SizeClass::Large) => Msg::SizeLarge,
        None => Msg::SizeUnknown,
    }
}

pub fn purpose_msg(p: Purpose) -> Msg {
    match p {
        Purpose::Survey => Msg::PurposeSurvey,
        Purpose::SelfAssessment => Msg::PurposeSelfAssessment,
    }
}

pub fn ownership_msg(o: Ownership) -> Msg {
    match o {
        Ownership::State => Msg::OwnState,
        Ownership::Private => Msg::OwnPrivate,
        Ownership::ForeignInvested => Msg::OwnForeign,
        Ownership::Cooperative => Msg::OwnCooperative,
        Ownership::HouseholdBusiness => Msg::OwnHousehold,
        Ownership::Other => Msg::OwnOther,
    }
}

pub fn product_msg(p: ProductGroup) -> Msg {
    match p {
        ProductGroup::Rice => Msg::ProdRice,
        ProductGroup::Mango => Msg::ProdMango,
        ProductGroup::Flowers => Msg::ProdFlowers,
        ProductGroup::Pangasius => Msg::ProdPangasius,
        ProductGroup::Lotus => Msg::ProdLotus,
        ProductGroup::Ocop => Msg::ProdOcop,
        ProductGroup::Other => Msg::ProdOther,
    }
}

pub fn sort_msg(k: SortKey) -> Msg {
    match k {
        SortKey::Name => Msg::ColName,
        SortKey::TaxCode => Msg::ColTaxCode,
        SortKey::Size => Msg::ColSize,
        SortKey::Employees => Msg::ColEmployees,
        SortKey::Updated => Msg::ColUpdated,
    }
}

/// Unit kinds the Settings page offers, with their labels.
pub const UNIT_KINDS: [(&str, Msg); 4] = [
    ("ward", Msg::UnitKindWard),
    ("commune", Msg::UnitKindCommune),
    ("city", Msg::UnitKindCity),
    ("district", Msg::UnitKindDistrict),
];

pub fn unit_kind_msg(kind: &str) -> Option<Msg> {
    UNIT_KINDS.iter().find(|(k, _)| *k == kind).map(|(_, m)| *m)
}

impl Lang {
    pub fn assessment_status(self, status: AssessmentStatus) -> &'static str {
        self.t(match status {
            AssessmentStatus::Draft => Msg::StatusDraft,
            // "Complete", as a survey: the result reaches the department only as a file, later.
            AssessmentStatus::Submitted => Msg::StatusComplete,
        })
    }

    pub fn award_result(self, result: AwardResult) -> &'static str {
        self.t(match result {
            AwardResult::Gold => Msg::AwardGold,
            AwardResult::Award => Msg::AwardWon,
            AwardResult::NotAwarded => Msg::AwardNotAwarded,
            AwardResult::Pending => Msg::AwardPending,
        })
    }
}
