//! A synthetic province: deterministic enterprises with realistic Vietnamese
//! names, valid tax codes and figures spread over the administrative units,
//! with their field surveys, self-assessments and the programme's activities.
//! Benchmarks and tests use it; the same seed always gives the same data.

mod activities;
mod assessments;
mod surveys;

pub use activities::{activities, activities_in};
pub use assessments::assessments;
pub use surveys::surveys;

use crate::model::admin_unit::{AdminUnit, AdminUnitList};
use crate::model::enterprise::{Enterprise, Ownership, ProductGroup};
use crate::model::clock::Hlc;
use crate::model::record::{uuid_v4, Change, Record};
use crate::model::tax_code::check_digit;

/// A small, fast, deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn bytes16(&mut self) -> [u8; 16] {
        let mut out = [0u8; 16];
        out[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        out[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        out
    }
}

/// The synthetic province's present, 30/11/2026 10:00 in Vietnam: nothing in it happens later.
const NOW_MS: i64 = 1_796_007_600_000;

const FORMS: [&str; 6] = ["Công ty TNHH", "Công ty Cổ phần", "Doanh nghiệp tư nhân", "Hợp tác xã", "Cơ sở", "Công ty TNHH MTV"];
const TRADES: [(&str, &str, Option<ProductGroup>); 16] = [
    ("Thủy sản", "A", Some(ProductGroup::Pangasius)),
    ("Chế biến cá tra", "C", Some(ProductGroup::Pangasius)),
    ("Lương thực", "C", Some(ProductGroup::Rice)),
    ("Xay xát lúa gạo", "C", Some(ProductGroup::Rice)),
    ("Hoa kiểng", "A", Some(ProductGroup::Flowers)),
    ("Xoài", "A", Some(ProductGroup::Mango)),
    ("Sen", "A", Some(ProductGroup::Lotus)),
    ("Thực phẩm", "C", Some(ProductGroup::Ocop)),
    ("Cơ khí", "C", None),
    ("Xây dựng", "F", None),
    ("Thương mại", "G", None),
    ("Dịch vụ vận tải", "H", None),
    ("Du lịch sinh thái", "I", None),
    ("Xuất nhập khẩu", "G", Some(ProductGroup::Rice)),
    ("Vật liệu xây dựng", "C", None),
    ("Nông sản sạch", "A", Some(ProductGroup::Other)),
];
const BRANDS: [&str; 24] = [
    "Sa Đéc", "Cao Lãnh", "Hồng Ngự", "Tháp Mười", "Mỹ Xương", "Tân Hồng", "Phú Thuận", "Hòa An", "Bình Thành",
    "Tân Thuận", "An Phát", "Thành Công", "Hưng Thịnh", "Phước Lộc", "Minh Tâm", "Đại Thành", "Việt Úc", "Đồng Tiến",
    "Lấp Vò", "Lai Vung", "Tam Nông", "Trường Xuân", "Mỹ An", "Định Yên",
];
const FAMILY: [&str; 10] = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Dương"];
const MIDDLE: [&str; 6] = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu"];
const GIVEN: [&str; 14] = ["An", "Bình", "Cường", "Dũng", "Hạnh", "Hoa", "Khoa", "Lan", "Phúc", "Quyên", "Sơn", "Thảo", "Tuấn", "Yến"];
const STREETS: [&str; 8] = ["Nguyễn Huệ", "Lý Thường Kiệt", "Trần Hưng Đạo", "Hùng Vương", "30 Tháng 4", "Nguyễn Sinh Sắc", "Tôn Đức Thắng", "Quốc lộ 30"];

/// `count` enterprises from `seed`, timestamps spread over 2021-2026, in the
/// shipped administrative units (the 12 districts before 2025).
pub fn province(count: usize, seed: u64) -> Vec<Record<Enterprise>> {
    province_in(&AdminUnitList::default_list(), count, seed)
}

/// `count` enterprises from `seed` spread over `units`.
pub fn province_in(units: &AdminUnitList, count: usize, seed: u64) -> Vec<Record<Enterprise>> {
    let mut rng = Rng::new(seed);
    let mut sequence: u32 = 100_000 + (seed % 1000) as u32;
    let mut out = Vec::with_capacity(count);
    let start_ms: i64 = 1_609_459_200_000; // 2021-01-01
    let span_ms: i64 = 5 * 365 * 86_400_000;
    for i in 0..count {
        let (trade, section, product) = *rng.pick(&TRADES);
        let form = *rng.pick(&FORMS);
        let name = format!("{form} {trade} {} {}", rng.pick(&BRANDS), i + 1);
        let tax_code = if rng.chance(6) { None } else { Some(next_tax_code(&mut sequence, &mut rng)) };
        let unit = rng.pick(&units.units);
        let employees = match rng.below(100) {
            0..=54 => rng.below(11),
            55..=84 => 11 + rng.below(90),
            85..=94 => 101 + rng.below(100),
            _ => 201 + rng.below(1500),
        } as u32;
        let revenue = (f64::from(employees) * (0.2 + rng.below(300) as f64 / 100.0) * 10.0).round() / 10.0;
        let capital = (revenue * (0.2 + rng.below(80) as f64 / 100.0) * 10.0).round() / 10.0;
        let mut products: Vec<ProductGroup> = product.into_iter().collect();
        if rng.chance(12) && !products.contains(&ProductGroup::Ocop) {
            products.push(ProductGroup::Ocop);
        }
        crate::sort::sort(&mut products);
        let ocop_stars = products.contains(&ProductGroup::Ocop).then(|| 3 + rng.below(3) as u8);
        let person = format!("{} {} {}", rng.pick(&FAMILY), rng.pick(&MIDDLE), rng.pick(&GIVEN));
        let enterprise = Enterprise {
            name,
            tax_code,
            address: format!("Số {}, đường {}, {}", 1 + rng.below(300), rng.pick(&STREETS), unit.vi),
            admin_unit_id: Some(unit.id.clone()),
            vsic_section: Some(section.to_string()),
            ownership: Some(if form == "Hợp tác xã" { Ownership::Cooperative } else { *rng.pick(&[Ownership::Private, Ownership::Private, Ownership::Private, Ownership::State, Ownership::ForeignInvested]) }),
            employees: Some(employees),
            revenue_bn_vnd: Some(revenue),
            capital_bn_vnd: Some(capital),
            other_products: if products.contains(&ProductGroup::Other) { "Rau an toàn".into() } else { String::new() },
            products,
            ocop_stars,
            contact_phone: format!("0277 {:03} {:04}", rng.below(1000), rng.below(10_000)),
            contact_email: String::new(),
            contact_name: person,
            notes: String::new(),
        };
        let created = start_ms + (rng.below(span_ms as u64) as i64);
        let updated = created + rng.below(90 * 86_400_000) as i64;
        let at = |ms| Change { at: Hlc { ms, counter: 0, device: "synthetic-province".into() }, officer: "Cán bộ mẫu".into() };
        let record = Record::new(uuid_v4(rng.bytes16()), &at(created), enterprise);
        out.push(record.revised(&at(updated), record.payload.clone()));
    }
    out
}

/// Wards and communes named after places in the shipped data and numbered
/// apart, as many as the merged province has (20 wards and 82 communes since
/// 1/7/2025): benchmarks need the count and the spread, not the real names,
/// which are reference data the officer edits.
pub fn merged_units() -> AdminUnitList {
    const PLACES: [&str; 16] = [
        "Mỹ Tho", "Cao Lãnh", "Sa Đéc", "Hồng Ngự", "Gò Công", "Cai Lậy", "Tháp Mười", "Lấp Vò", "Lai Vung", "Tân Hồng",
        "Tam Nông", "Thanh Bình", "Châu Thành", "Chợ Gạo", "Cái Bè", "Tân Phước",
    ];
    // "Mỹ Tho" → "My Tho": the English name keeps the words' capitals, not their marks.
    let ascii = |place: &str| {
        crate::text::fold(place).split(' ').map(|w| w[..1].to_uppercase() + &w[1..]).collect::<Vec<_>>().join(" ")
    };
    let unit = |kind: &str, vi: String, en: String| AdminUnit {
        id: format!("{kind}-{}", crate::text::fold(&vi).replace(' ', "-")),
        kind: kind.into(),
        en,
        vi,
        retired: false,
    };
    let mut units: Vec<AdminUnit> = (0..20)
        .map(|i| {
            let place = PLACES[i % PLACES.len()];
            unit("ward", format!("Phường {place} {}", i / PLACES.len() + 1), format!("{} Ward {}", ascii(place), i / PLACES.len() + 1))
        })
        .collect();
    units.extend((0..82).map(|i| {
        let place = PLACES[i % PLACES.len()];
        unit("commune", format!("Xã {place} {}", i / PLACES.len() + 1), format!("{} Commune {}", ascii(place), i / PLACES.len() + 1))
    }));
    AdminUnitList { source: "synthetic-merged-province-2025".into(), units }
}

/// The next valid Đồng Tháp (prefix 14) tax code, skipping sequences with no check digit.
fn next_tax_code(sequence: &mut u32, rng: &mut Rng) -> String {
    loop {
        *sequence += 1 + rng.below(7) as u32;
        let nine = format!("14{:07}", *sequence);
        let digits: Vec<u8> = nine.bytes().map(|b| b - b'0').collect();
        if let Some(check) = check_digit(&digits) {
            return format!("{nine}{check}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tax_code::TaxCode;
    use std::collections::HashSet;

    #[test]
    fn deterministic_valid_and_unique() {
        let a = province(500, 7);
        let b = province(500, 7);
        assert_eq!(a, b);
        assert_ne!(province(5, 8)[0].payload.name, a[0].payload.name);
        let codes: Vec<&String> = a.iter().filter_map(|r| r.payload.tax_code.as_ref()).collect();
        assert!(codes.len() > 430 && codes.len() < 500, "a few have no tax code yet: {}", codes.len());
        for c in &codes {
            assert_eq!(TaxCode::parse(c).map(|t| t.to_string()).as_deref(), Ok(c.as_str()));
        }
        assert_eq!(codes.iter().collect::<HashSet<_>>().len(), codes.len());
        assert_eq!(a.iter().map(|r| &r.id).collect::<HashSet<_>>().len(), 500);
        let units: HashSet<_> = a.iter().map(|r| r.payload.admin_unit_id.clone()).collect();
        assert_eq!(units.len(), 12, "spread over every unit");
        assert!(a.iter().all(|r| r.payload.size_class().is_some()));
    }

    #[test]
    fn merged_province_spreads_over_its_102_units() {
        let units = merged_units();
        assert_eq!(units.units.len(), 102);
        assert_eq!(units.units.iter().filter(|u| u.kind == "ward").count(), 20);
        assert_eq!(units.units.iter().map(|u| &u.id).collect::<HashSet<_>>().len(), 102, "ids are unique");
        assert_eq!(units.units.iter().map(|u| &u.vi).collect::<HashSet<_>>().len(), 102, "names are unique");
        assert_eq!(units.get("ward-phuong-my-tho-1").map(|u| u.en.as_str()), Some("My Tho Ward 1"));
        let ents = province_in(&units, 3000, 9);
        let used: HashSet<_> = ents.iter().filter_map(|r| r.payload.admin_unit_id.as_deref()).collect();
        assert_eq!(used.len(), 102, "every unit has enterprises");
        assert!(used.iter().all(|id| units.get(id).is_some()));
        let acts = activities_in(&units, &ents, 2026, 9);
        assert!(acts.iter().filter_map(|a| a.payload.admin_unit_id.as_deref()).all(|id| units.get(id).is_some()));
        let codes: Vec<_> = province_in(&units, 13_000, 1322).into_iter().filter_map(|r| r.payload.tax_code).collect();
        assert_eq!(codes.iter().collect::<HashSet<_>>().len(), codes.len(), "13,000 enterprises, no tax code twice");
    }
}
