//! Enterprise size class under Decree 80/2021/NĐ-CP, Article 5.
//!
//! A class applies when employees ≤ its limit AND (revenue ≤ its limit OR
//! capital ≤ its limit). Amounts are in billion VND. The limits depend on the
//! sector group of the enterprise's VSIC section.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectorGroup {
    /// Agriculture, forestry, fishing; industry and construction.
    AgricultureIndustryConstruction,
    /// Trade and services.
    TradeServices,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizeClass {
    Micro,
    Small,
    Medium,
    Large,
}

impl SizeClass {
    pub const ALL: [SizeClass; 4] = [SizeClass::Micro, SizeClass::Small, SizeClass::Medium, SizeClass::Large];

    pub fn key(self) -> &'static str {
        match self {
            SizeClass::Micro => "micro",
            SizeClass::Small => "small",
            SizeClass::Medium => "medium",
            SizeClass::Large => "large",
        }
    }

    pub fn from_key(key: &str) -> Option<SizeClass> {
        SizeClass::ALL.into_iter().find(|c| c.key() == key)
    }
}

struct Limit {
    class: SizeClass,
    employees: u32,
    revenue_bn: f64,
    capital_bn: f64,
}

const AGRI_INDUSTRY: [Limit; 3] = [
    Limit { class: SizeClass::Micro, employees: 10, revenue_bn: 3.0, capital_bn: 3.0 },
    Limit { class: SizeClass::Small, employees: 100, revenue_bn: 50.0, capital_bn: 20.0 },
    Limit { class: SizeClass::Medium, employees: 200, revenue_bn: 200.0, capital_bn: 100.0 },
];

const TRADE_SERVICES: [Limit; 3] = [
    Limit { class: SizeClass::Micro, employees: 10, revenue_bn: 10.0, capital_bn: 3.0 },
    Limit { class: SizeClass::Small, employees: 50, revenue_bn: 100.0, capital_bn: 50.0 },
    Limit { class: SizeClass::Medium, employees: 100, revenue_bn: 300.0, capital_bn: 100.0 },
];

/// The size class, or `None` when there is not enough data to decide.
///
/// Deciding needs the employee count and at least one of revenue and capital.
/// A missing amount cannot satisfy its half of the OR, so with only one amount
/// known the result is the smallest class that amount alone proves.
pub fn classify(
    group: SectorGroup,
    employees: Option<u32>,
    revenue_bn: Option<f64>,
    capital_bn: Option<f64>,
) -> Option<SizeClass> {
    let employees = employees?;
    if revenue_bn.is_none() && capital_bn.is_none() {
        return None;
    }
    let limits = match group {
        SectorGroup::AgricultureIndustryConstruction => &AGRI_INDUSTRY,
        SectorGroup::TradeServices => &TRADE_SERVICES,
    };
    let within = |value: Option<f64>, limit: f64| value.is_some_and(|v| v <= limit);
    let class = limits
        .iter()
        .find(|l| employees <= l.employees && (within(revenue_bn, l.revenue_bn) || within(capital_bn, l.capital_bn)))
        .map_or(SizeClass::Large, |l| l.class);
    Some(class)
}

#[cfg(test)]
mod tests {
    use super::SectorGroup::*;
    use super::SizeClass::*;
    use super::*;

    fn c(g: SectorGroup, e: u32, r: f64, k: f64) -> SizeClass {
        classify(g, Some(e), Some(r), Some(k)).unwrap()
    }

    #[test]
    fn agriculture_industry_edges() {
        assert_eq!(c(AgricultureIndustryConstruction, 10, 3.0, 3.0), Micro);
        assert_eq!(c(AgricultureIndustryConstruction, 11, 3.0, 3.0), Small);
        assert_eq!(c(AgricultureIndustryConstruction, 10, 3.01, 3.01), Small);
        assert_eq!(c(AgricultureIndustryConstruction, 10, 3.01, 3.0), Micro, "capital alone qualifies");
        assert_eq!(c(AgricultureIndustryConstruction, 10, 3.0, 999.0), Micro, "revenue alone qualifies");
        assert_eq!(c(AgricultureIndustryConstruction, 100, 50.0, 20.0), Small);
        assert_eq!(c(AgricultureIndustryConstruction, 101, 50.0, 20.0), Medium);
        assert_eq!(c(AgricultureIndustryConstruction, 100, 50.1, 20.1), Medium);
        assert_eq!(c(AgricultureIndustryConstruction, 200, 200.0, 100.0), Medium);
        assert_eq!(c(AgricultureIndustryConstruction, 201, 1.0, 1.0), Large, "employees alone make it large");
        assert_eq!(c(AgricultureIndustryConstruction, 200, 200.1, 100.1), Large);
        assert_eq!(c(AgricultureIndustryConstruction, 0, 0.0, 0.0), Micro);
    }

    #[test]
    fn trade_services_edges() {
        assert_eq!(c(TradeServices, 10, 10.0, 3.0), Micro);
        assert_eq!(c(TradeServices, 10, 10.1, 3.1), Small);
        assert_eq!(c(TradeServices, 10, 10.1, 3.0), Micro);
        assert_eq!(c(TradeServices, 50, 100.0, 50.0), Small);
        assert_eq!(c(TradeServices, 51, 100.0, 50.0), Medium);
        assert_eq!(c(TradeServices, 50, 100.1, 50.1), Medium);
        assert_eq!(c(TradeServices, 100, 300.0, 100.0), Medium);
        assert_eq!(c(TradeServices, 101, 1.0, 1.0), Large);
        assert_eq!(c(TradeServices, 100, 300.1, 100.1), Large);
    }

    #[test]
    fn same_figures_differ_by_sector() {
        // 8 employees, revenue 8 bn, capital 5 bn: too big for agri micro, fits trade micro.
        assert_eq!(c(AgricultureIndustryConstruction, 8, 8.0, 5.0), Small);
        assert_eq!(c(TradeServices, 8, 8.0, 5.0), Micro);
        // 80 employees: small in industry, medium in trade.
        assert_eq!(c(AgricultureIndustryConstruction, 80, 10.0, 10.0), Small);
        assert_eq!(c(TradeServices, 80, 10.0, 10.0), Medium);
    }

    #[test]
    fn missing_data() {
        assert_eq!(classify(TradeServices, None, Some(1.0), Some(1.0)), None);
        assert_eq!(classify(TradeServices, Some(5), None, None), None);
        assert_eq!(classify(TradeServices, Some(5), None, Some(2.0)), Some(Micro));
        assert_eq!(classify(TradeServices, Some(5), Some(20.0), None), Some(Small));
        assert_eq!(classify(AgricultureIndustryConstruction, Some(500), None, Some(1.0)), Some(Large));
    }

    #[test]
    fn keys_round_trip() {
        for class in SizeClass::ALL {
            assert_eq!(SizeClass::from_key(class.key()), Some(class));
        }
        assert_eq!(SizeClass::from_key("huge"), None);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_figures_classify_and_more_staff_is_never_smaller(
            employees in any::<u32>(),
            revenue in proptest::option::of(any::<f64>()),
            capital in proptest::option::of(any::<f64>()),
        ) {
            for group in [SectorGroup::AgricultureIndustryConstruction, SectorGroup::TradeServices] {
                let class = classify(group, Some(employees), revenue, capital);
                prop_assert_eq!(class.is_some(), revenue.is_some() || capital.is_some());
                prop_assert!(classify(group, Some(employees.saturating_add(1)), revenue, capital) >= class);
            }
        }
    }
}
