//! Programme activities of a synthetic province, year by year from 2021:
//! classes, experts trained, awareness events, support for enterprises, new
//! testing fields and National Quality Award entries, in numbers like the
//! plan's targets, with more support where there are more enterprises.

use super::{Rng, FAMILY, GIVEN, MIDDLE, NOW_MS};
use crate::model::activity::{Activity, AwardResult, Expert, Funding};
use crate::model::admin_unit::AdminUnitList;
use crate::model::clock::Hlc;
use crate::model::enterprise::Enterprise;
use crate::model::record::{uuid_v4, Change, Record};

const CLASS_TOPICS: [(&str, &str); 8] = [
    ("iso_9001", "Hệ thống quản lý chất lượng ISO 9001:2015"),
    ("iso_22000_haccp", "Hệ thống quản lý an toàn thực phẩm ISO 22000"),
    ("iso_14001", "Hệ thống quản lý môi trường ISO 14001"),
    ("five_s", "Thực hành 5S tại doanh nghiệp"),
    ("kaizen", "Cải tiến liên tục Kaizen"),
    ("lean", "Sản xuất tinh gọn Lean"),
    ("green_productivity", "Năng suất xanh"),
    ("traceability", "Truy xuất nguồn gốc sản phẩm, hàng hóa"),
];
const SUPPORT_TOPICS: [&str; 8] = ["iso_9001", "iso_22000_haccp", "vietgap_globalgap", "five_s", "kaizen", "lean", "iso_14001", "kpi_bsc"];
const STANDARDS_TOPICS: [(&str, &str); 4] =
    [("gs1_barcode", "mã số mã vạch"), ("base_standards", "tiêu chuẩn cơ sở"), ("product_labels", "nhãn hàng hóa"), ("trademark_ip", "đăng ký nhãn hiệu")];
const TESTING_FIELDS: [&str; 6] = ["Hiệu chuẩn áp kế", "Thử nghiệm dư lượng thuốc bảo vệ thực vật", "Kiểm định taximet", "Thử nghiệm vi sinh thực phẩm", "Hiệu chuẩn cân phân tích", "Thử nghiệm chất lượng nước"];
const ORGANISERS: [&str; 4] = ["Sở Khoa học và Công nghệ", "Chi cục Tiêu chuẩn Đo lường Chất lượng", "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng", "Viện Năng suất Việt Nam"];

/// Activities from 2021 to `last_year`, over these enterprises, from `seed`,
/// held in the shipped administrative units.
pub fn activities(enterprises: &[Record<Enterprise>], last_year: i32, seed: u64) -> Vec<Record<Activity>> {
    activities_in(&AdminUnitList::default_list(), enterprises, last_year, seed)
}

/// The same, held in `units` (the merged province's communes and wards).
pub fn activities_in(units: &AdminUnitList, enterprises: &[Record<Enterprise>], last_year: i32, seed: u64) -> Vec<Record<Activity>> {
    let mut rng = Rng::new(seed ^ 0xac71_7e5);
    let mut out = Vec::new();
    let n = enterprises.len() as u64;
    for year in 2021..=last_year {
        let mut planned: Vec<Activity> = Vec::new();
        let pick_enterprises = |rng: &mut Rng, k: u64| -> Vec<String> {
            (0..k.min(n)).map(|_| enterprises[rng.below(n) as usize].id.clone()).collect::<std::collections::BTreeSet<_>>().into_iter().collect()
        };
        for _ in 0..(2 + rng.below(3)) {
            let (topic, name) = *rng.pick(&CLASS_TOPICS);
            let unit = rng.pick(&units.units);
            let participants = 30 + rng.below(90) as u32;
            planned.push(Activity {
                activity_type: "training_class".into(),
                title: format!("Lớp tập huấn {name} tại {}", unit.vi),
                admin_unit_id: Some(unit.id.clone()),
                organiser: rng.pick(&ORGANISERS).to_string(),
                topics: vec![topic.into()],
                participants: Some(participants),
                organisations: Some(participants / 3),
                budget_vnd: Some((20 + rng.below(60)) * 1_000_000),
                funding: Some(Funding::StateBudget),
                ..Default::default()
            });
        }
        for _ in 0..(2 + rng.below(5)) {
            let name = format!("{} {} {}", rng.pick(&FAMILY), rng.pick(&MIDDLE), rng.pick(&GIVEN));
            planned.push(Activity {
                activity_type: "expert".into(),
                title: format!("Chuyên gia NSCL {name}"),
                organiser: "Viện Năng suất Việt Nam".into(),
                topics: vec!["nscl_general".into()],
                expert: Some(Expert {
                    name,
                    organisation: rng.pick(&ORGANISERS).to_string(),
                    certificate: format!("CG-{year}-{:03}", rng.below(1000)),
                }),
                ..Default::default()
            });
        }
        for _ in 0..(3 + rng.below(4)) {
            let unit = rng.pick(&units.units);
            planned.push(Activity {
                activity_type: "outreach".into(),
                title: format!("Hội thảo nâng cao năng suất chất lượng cho doanh nghiệp {}", unit.vi),
                admin_unit_id: Some(unit.id.clone()),
                organiser: "Sở Khoa học và Công nghệ".into(),
                topics: vec!["nscl_general".into()],
                participants: Some(40 + rng.below(100) as u32),
                organisations: Some(15 + rng.below(50) as u32),
                ..Default::default()
            });
        }
        for _ in 0..(2 + n / 200) {
            let topic = *rng.pick(&SUPPORT_TOPICS);
            let k = 1 + rng.below(3);
            let ids = pick_enterprises(&mut rng, k);
            let title = format!("Hỗ trợ doanh nghiệp áp dụng {}", crate::model::activity::topic(topic).map_or(topic, |t| t.label.vi.as_str()));
            planned.push(Activity {
                activity_type: "enterprise_support".into(),
                title,
                organiser: rng.pick(&ORGANISERS).to_string(),
                topics: vec![topic.into()],
                organisations: Some(ids.len() as u32),
                enterprise_ids: ids,
                budget_vnd: Some((50 + rng.below(150)) * 1_000_000),
                funding: Some(if rng.chance(30) { Funding::Mobilised } else { Funding::StateBudget }),
                certified: Some(rng.chance(50)),
                ..Default::default()
            });
        }
        for _ in 0..(1 + n / 400) {
            let (topic, name) = *rng.pick(&STANDARDS_TOPICS);
            let k = 1 + rng.below(5);
            let ids = pick_enterprises(&mut rng, k);
            planned.push(Activity {
                activity_type: "standards_support".into(),
                title: format!("Hỗ trợ {name} cho {} doanh nghiệp", ids.len()),
                organiser: "Chi cục Tiêu chuẩn Đo lường Chất lượng".into(),
                topics: vec![topic.into()],
                organisations: Some(ids.len() as u32),
                enterprise_ids: ids,
                ..Default::default()
            });
        }
        if rng.chance(60) {
            planned.push(Activity {
                activity_type: "testing_field".into(),
                title: rng.pick(&TESTING_FIELDS).to_string(),
                organiser: "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng".into(),
                ..Default::default()
            });
        }
        for _ in 0..(1 + rng.below(2) + n / 2500) {
            let ids = pick_enterprises(&mut rng, 1);
            let result = match rng.below(10) {
                0..=2 => AwardResult::Gold,
                3..=6 => AwardResult::Award,
                7..=8 => AwardResult::NotAwarded,
                _ => AwardResult::Pending,
            };
            planned.push(Activity {
                activity_type: "award_entry".into(),
                title: format!("Tham gia Giải thưởng Chất lượng Quốc gia năm {year}"),
                organiser: "Sở Khoa học và Công nghệ".into(),
                topics: vec!["quality_award".into()],
                organisations: Some(1),
                enterprise_ids: ids,
                award_result: Some(result),
                ..Default::default()
            });
        }
        // Nothing happens after the province's present.
        let now = crate::format::iso_date(NOW_MS, 420);
        let months = if now.starts_with(&year.to_string()) { now[5..7].parse().unwrap_or(12) } else { 12 };
        for activity in planned {
            let (month, day) = (1 + rng.below(months), 1 + rng.below(28));
            let start = format!("{year}-{month:02}-{day:02}");
            // Recorded on the morning it started, Vietnam time.
            let ms = crate::format::parse_iso_date_ms(&start).unwrap_or(0) + 2 * 3_600_000;
            let at = Change { at: Hlc { ms, counter: 0, device: "synthetic-province".into() }, officer: "Cán bộ mẫu".into() };
            out.push(Record::new(uuid_v4(rng.bytes16()), &at, Activity { start_date: start, ..activity }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::activity::{activity_type, topic};

    #[test]
    fn deterministic_every_kind_each_year_and_real_references() {
        let ents = super::super::province(1000, 4);
        let a = activities(&ents, 2026, 8);
        assert_eq!(a, activities(&ents, 2026, 8));
        for year in 2021..=2026 {
            let of_year: Vec<&Activity> = a.iter().map(|r| &r.payload).filter(|p| p.year() == Some(year)).collect();
            for kind in ["training_class", "expert", "outreach", "enterprise_support", "award_entry"] {
                assert!(of_year.iter().any(|p| p.activity_type == kind), "{year} has no {kind}");
            }
        }
        for r in &a {
            assert!(activity_type(&r.payload.activity_type).is_some(), "{}", r.payload.activity_type);
            assert!(r.payload.topics.iter().all(|t| topic(t).is_some()), "{:?}", r.payload.topics);
            assert!(r.payload.enterprise_ids.iter().all(|id| ents.iter().any(|e| &e.id == id)));
            assert_eq!(r.created_ms(), crate::format::parse_iso_date_ms(&r.payload.start_date).unwrap() + 2 * 3_600_000);
            assert!(r.created_ms() <= NOW_MS, "{} is in the future", r.payload.start_date);
        }
        let per_year = a.len() as f64 / 6.0;
        assert!((15.0..40.0).contains(&per_year), "{per_year} a year for 1,000 enterprises");
        assert!(activities(&super::super::province(5000, 4), 2026, 8).len() > a.len(), "more enterprises, more support");
    }
}
