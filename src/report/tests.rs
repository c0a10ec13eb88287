//! The report from a fixed record set.

use super::*;
use crate::indicators::{Pace, Period, StoredTargets};
use crate::model::activity::{Activity, Funding};
use crate::model::clock::Hlc;
use crate::model::enterprise::Enterprise;
use crate::model::record::{Change, Record};

fn at(ms: i64) -> Change {
    Change {
        at: Hlc {
            ms,
            counter: 0,
            device: "d".into(),
        },
        officer: String::new(),
    }
}

fn activity(id: &str, kind: &str, date: &str, f: impl FnOnce(&mut Activity)) -> Record<Activity> {
    let mut a = Activity {
        activity_type: kind.into(),
        title: format!("Hoạt động {id}"),
        start_date: date.into(),
        ..Default::default()
    };
    f(&mut a);
    Record::new(id.into(), &at(1), a)
}

fn enterprise(id: &str, name: &str, tax: &str, unit: &str) -> Record<Enterprise> {
    Record::new(
        id.into(),
        &at(1),
        Enterprise {
            name: name.into(),
            tax_code: Some(tax.into()),
            admin_unit_id: Some(unit.into()),
            ..Default::default()
        },
    )
}

struct Fixture {
    activities: Vec<Record<Activity>>,
    registry: Registry,
    units: AdminUnitList,
}

fn fixture() -> Fixture {
    let units = AdminUnitList::default_list();
    let unit = units.units[0].id.clone();
    let registry = Registry::new(vec![
        enterprise("e-sen", "Công ty TNHH Sen Hồng", "1400000001", &unit),
        enterprise("e-xoai", "Công ty CP Xoài Cao Lãnh", "1400000002", &unit),
        enterprise("e-ca", "Công ty Cá tra Đồng Tháp", "1400000003", &unit),
    ]);
    let mut deleted = activity("a-deleted", "enterprise_support", "2024-06-01", |a| {
        a.enterprise_ids = vec!["e-ca".into()];
        a.budget_vnd = Some(999_000_000);
        a.funding = Some(Funding::StateBudget);
    });
    deleted.deleted = true;
    let activities = vec![
        activity("a-class", "training_class", "2024-03-12", |a| {
            a.end_date = Some("2024-03-14".into());
            a.participants = Some(60);
            a.organisations = Some(20);
            a.budget_vnd = Some(40_000_000);
            a.funding = Some(Funding::StateBudget);
        }),
        // Xoài is supported twice: once for ISO 9001 (certified), once for 5S.
        activity("a-iso", "enterprise_support", "2024-04-02", |a| {
            a.enterprise_ids = vec!["e-xoai".into(), "e-sen".into()];
            a.topics = vec!["iso_9001".into()];
            a.certified = Some(true);
            a.budget_vnd = Some(150_000_000);
            a.funding = Some(Funding::StateBudget);
        }),
        activity("a-5s", "enterprise_support", "2024-09-20", |a| {
            a.enterprise_ids = vec!["e-xoai".into()];
            a.topics = vec!["five_s".into()];
            a.certified = Some(false);
            a.budget_vnd = Some(50_000_000);
            a.funding = Some(Funding::Mobilised);
        }),
        activity("a-talk", "outreach", "2024-10-01", |a| {
            a.participants = Some(100);
            a.budget_vnd = Some(5_000_000);
        }),
        // An award entry names an enterprise but is not a support.
        activity("a-award", "award_entry", "2024-05-05", |a| {
            a.enterprise_ids = vec!["e-ca".into()]
        }),
        activity("a-policy", "policy", "2024-01-15", |_| {}),
        // Another year, and a kind from a newer file.
        activity("a-2023", "enterprise_support", "2023-11-11", |a| {
            a.enterprise_ids = vec!["e-ca".into()];
            a.budget_vnd = Some(70_000_000);
            a.funding = Some(Funding::StateBudget);
        }),
        activity("a-new-kind", "from_a_newer_file", "2024-07-07", |a| {
            a.budget_vnd = Some(1_000_000)
        }),
        deleted,
    ];
    Fixture {
        activities,
        registry,
        units,
    }
}

fn build(f: &Fixture, period: Period, lang: Lang) -> Report {
    let targets = StoredTargets::default();
    let sources = Sources {
        activities: &f.activities,
        registry: &f.registry,
        units: &f.units,
        indicators: crate::indicators::shipped(),
        targets: &targets,
        today: "2024-12-31",
    };
    Report::build(&sources, period, lang)
}

#[test]
fn supported_enterprises_once_each_with_every_support_and_no_deleted_activity() {
    let f = fixture();
    let r = build(&f, Period::year(2024), Lang::Vi);
    let names: Vec<&str> = r.supported.iter().map(|e| e.name.as_str()).collect();
    // Vietnamese order; Cá tra is only in a deleted activity and an award entry this year.
    assert_eq!(names, ["Công ty CP Xoài Cao Lãnh", "Công ty TNHH Sen Hồng"]);
    let xoai = &r.supported[0];
    assert_eq!(
        xoai.supports
            .iter()
            .map(|s| s.activity_id.as_str())
            .collect::<Vec<_>>(),
        ["a-iso", "a-5s"]
    );
    assert_eq!(
        xoai.supports[0].subject,
        crate::model::activity::topic("iso_9001").unwrap().label.vi,
        "the system's name from the data"
    );
    assert_eq!(
        xoai.supports
            .iter()
            .map(|s| s.certified)
            .collect::<Vec<_>>(),
        [Some(true), Some(false)]
    );
    assert_eq!(
        xoai.certified(),
        Some(true),
        "certified when any support ended in a certificate"
    );
    assert_eq!(
        (xoai.tax_code.as_str(), xoai.unit.as_str()),
        ("1400000002", f.units.units[0].vi.as_str())
    );

    let term = build(&f, Period::TERM_2021, Lang::Vi);
    assert!(
        term.supported
            .iter()
            .any(|e| e.enterprise_id == "e-ca" && e.supports.len() == 1),
        "the 2023 support counts in the term"
    );

    // The table: one row per enterprise, both supports in its cell, and the count as a number.
    let t = &tables(&r, Lang::Vi)[1];
    assert_eq!(t.id, TableId::Enterprises);
    let body: Vec<&Row> = t.rows.iter().filter(|x| x.kind == RowKind::Body).collect();
    assert_eq!(body.len(), 2);
    let Cell::Lines(lines) = &body[0].cells[4] else {
        panic!("{:?}", body[0].cells[4])
    };
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].starts_with("02/04/2024: ISO 9001") && lines[0].ends_with("– Đã chứng nhận"),
        "{lines:?}"
    );
    assert_eq!(body[0].cells[5], Cell::Number(2.0));
    assert_eq!(
        t.rows.last().map(|x| (x.kind, x.cells[5].clone())),
        Some((RowKind::Total, Cell::Number(3.0)))
    );
}

#[test]
fn activities_by_plan_item_in_the_plans_order_with_unknown_kinds_last() {
    let f = fixture();
    let r = build(&f, Period::year(2024), Lang::Vi);
    assert_eq!(
        r.activity_count, 7,
        "the 2023 activity and the deleted one are left out"
    );
    let groups: Vec<(&str, Vec<&str>)> = r
        .plan_items
        .iter()
        .map(|g| {
            (
                g.id.as_str(),
                g.activities
                    .iter()
                    .map(|a| a.activity_id.as_str())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("2.3.1", vec!["a-policy"]),
            ("2.3.2", vec!["a-award", "a-talk"]),
            ("2.3.3", vec!["a-iso", "a-5s"]),
            ("2.3.4", vec!["a-class"]),
            ("2.3.5", vec![]),
            ("", vec!["a-new-kind"]),
        ]
    );
    let t = &tables(&r, Lang::Vi)[2];
    let groups = t.rows.iter().filter(|x| x.kind == RowKind::Group).count();
    assert_eq!(groups, 6);
    let class = t
        .rows
        .iter()
        .find(|x| x.cells[3] == Cell::Text("Hoạt động a-class".into()))
        .unwrap();
    assert_eq!(class.cells[1], Cell::Text("12/03/2024 – 14/03/2024".into()));
    assert_eq!(
        (&class.cells[5], &class.cells[7]),
        (&Cell::Number(60.0), &Cell::Vnd(40_000_000))
    );
    let total = t.rows.last().unwrap();
    assert_eq!(total.kind, RowKind::Total);
    assert_eq!(
        (&total.cells[5], &total.cells[7]),
        (&Cell::Number(160.0), &Cell::Vnd(246_000_000))
    );
}

#[test]
fn budget_by_source_with_totals() {
    let f = fixture();
    let r = build(&f, Period::year(2024), Lang::Vi);
    let b = &r.budget;
    let item = |id: &str| b.lines.iter().find(|l| l.plan_item == id).unwrap();
    assert_eq!(
        (
            item("2.3.3").money.state_budget,
            item("2.3.3").money.mobilised,
            item("2.3.3").activities
        ),
        (150_000_000, 50_000_000, 2)
    );
    assert_eq!(
        item("2.3.2").money.not_stated,
        5_000_000,
        "a budget without its source is still counted, as not stated"
    );
    assert_eq!(item("2.3.5").activities, 0);
    assert_eq!(
        (b.total.state_budget, b.total.mobilised, b.total.not_stated),
        (190_000_000, 50_000_000, 6_000_000)
    );
    assert_eq!((b.total.total(), b.activities), (246_000_000, 5));

    let t = &tables(&r, Lang::En)[3];
    assert_eq!(
        t.columns,
        [
            "Item",
            "Content",
            "Activities with a budget",
            "State budget",
            "Mobilised",
            "Source not stated",
            "Total"
        ]
    );
    let total = t.rows.last().unwrap();
    assert_eq!(total.cells[6], Cell::Vnd(246_000_000));
    assert_eq!(total.cells[6].display(Lang::Vi), "246.000.000");

    // The whole term adds 2023's support.
    assert_eq!(
        build(&f, Period::TERM_2021, Lang::Vi).budget.total.total(),
        316_000_000
    );
    // A damaged budget cannot overflow the sums.
    let mut huge = fixture();
    for a in &mut huge.activities {
        a.payload.budget_vnd = Some(u64::MAX);
    }
    assert_eq!(
        build(&huge, Period::year(2024), Lang::Vi)
            .budget
            .total
            .total(),
        u64::MAX
    );
}

#[test]
fn periods_in_words_and_the_choices() {
    assert_eq!(
        period_label(Period::TERM_2026, Lang::Vi),
        "giai đoạn 2026 - 2030"
    );
    assert_eq!(period_label(Period::year(2024), Lang::Vi), "năm 2024");
    assert_eq!(period_label(Period::TERM_2021, Lang::En), "2021-2025");
    let choices = period_choices(2026);
    assert_eq!(
        choices.iter().map(|p| p.key()).collect::<Vec<_>>(),
        [
            "2021-2025",
            "2026-2030",
            "2026",
            "2025",
            "2024",
            "2023",
            "2022",
            "2021"
        ]
    );
    assert_eq!(
        period_choices(1999).len(),
        3,
        "a wrong clock still offers the terms and 2021"
    );
}

#[test]
fn indicators_against_their_targets_as_the_indicators_module_counts_them() {
    let f = fixture();
    let r = build(&f, Period::year(2024), Lang::Vi);
    let defs = crate::indicators::shipped();
    assert_eq!(
        r.indicators.len(),
        defs.indicators.len(),
        "every indicator, in the data file's order"
    );
    let row = |id: &str| r.indicators.iter().find(|x| x.id == id).unwrap();
    // Two enterprises supported in 2024 (Xoài twice, counted once); the deleted support to Cá tra not at all.
    let supported = row("enterprises_supported");
    assert_eq!(supported.actual, 2.0);
    // The year's share of the term's 15 is 3; on the year's last day, 2 of 3 is behind.
    assert_eq!(supported.target, Some(3.0));
    assert!(!supported.about);
    assert_eq!(
        supported
            .achieved_percent
            .map(|p| (p * 10.0).round() / 10.0),
        Some(66.7)
    );
    assert_eq!(supported.pace, Pace::Behind);
    assert_eq!(row("training_classes").actual, 1.0);
    assert!(
        row("experts_trained").about,
        "the plan says about 20 experts"
    );
    assert_eq!(row("standards_built").target, None);

    let t = &tables(&r, Lang::Vi)[0];
    assert_eq!(t.id, TableId::Indicators);
    assert_eq!(t.columns.len(), 8);
    let cells = &t
        .rows
        .iter()
        .find(|x| x.cells[1] == Cell::Text(supported.label.clone()))
        .unwrap()
        .cells;
    assert_eq!(cells[3].display(Lang::Vi), "≥ 3");
    assert_eq!(cells[5], Cell::Number(2.0));
    assert_eq!(cells[6].display(Lang::Vi), "66,7%");
    assert_eq!(cells[7], Cell::Text("Chậm tiến độ".into()));

    // The workbook: one sheet per table, header first, numbers as numbers.
    let book = to_workbook(&tables(&r, Lang::Vi), Lang::Vi);
    assert_eq!(
        book.sheets
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        [
            "Chỉ tiêu",
            "Doanh nghiệp được hỗ trợ",
            "Hoạt động",
            "Kinh phí"
        ]
    );
    let sheet = &book.sheets[0];
    assert_eq!(sheet.rows[0][1], crate::table::Cell::text("Chỉ tiêu"));
    let line = sheet
        .rows
        .iter()
        .find(|r| r[1] == crate::table::Cell::text(supported.label.clone()))
        .unwrap();
    assert_eq!(
        (&line[3], &line[5]),
        (
            &crate::table::Cell::Number(3.0),
            &crate::table::Cell::Number(2.0)
        )
    );
    let budget = &book.sheets[3];
    assert_eq!(
        budget.rows.last().unwrap()[6],
        crate::table::Cell::Number(246_000_000.0)
    );
    let csv = crate::table::to_csv(&to_sheet(&tables(&r, Lang::Vi)[1], Lang::Vi));
    assert!(
        csv.starts_with("\u{feff}STT,Doanh nghiệp,Mã số thuế"),
        "{csv}"
    );
    assert!(csv.contains("Công ty CP Xoài Cao Lãnh"));
}

#[test]
fn the_date_line_as_decree_30_writes_it() {
    assert_eq!(
        date_line("Đồng Tháp", "2026-02-05", Lang::Vi),
        "Đồng Tháp, ngày 05 tháng 02 năm 2026"
    );
    assert_eq!(
        date_line("Đồng Tháp", "2026-12-02", Lang::Vi),
        "Đồng Tháp, ngày 02 tháng 12 năm 2026"
    );
    assert_eq!(
        date_line("Đồng Tháp", "2026-03-15", Lang::Vi),
        "Đồng Tháp, ngày 15 tháng 3 năm 2026"
    );
    assert_eq!(
        date_line("Đồng Tháp", "not a date", Lang::Vi),
        "Đồng Tháp, ngày      tháng      năm"
    );
    assert_eq!(
        date_line("Dong Thap", "2026-03-15", Lang::En),
        "Dong Thap, 15 March 2026"
    );
    let h = Heading::default();
    assert_eq!(
        h.place_and_date("2026-12-02", Lang::Vi),
        "Đồng Tháp, ngày 02 tháng 12 năm 2026",
        "today when no date is set"
    );
    let h = Heading {
        date: "2025-01-09".into(),
        title: "  ".into(),
        ..h
    };
    assert_eq!(
        h.place_and_date("2026-12-02", Lang::Vi),
        "Đồng Tháp, ngày 09 tháng 01 năm 2025"
    );
    assert!(h
        .title_or_default(Period::year(2025), Lang::Vi)
        .starts_with("Sơ kết năm 2025 thực hiện Kế hoạch số 105/KH-UBND"));
    assert_eq!(
        Heading {
            title: "Báo cáo riêng".into(),
            ..h.clone()
        }
        .title_or_default(Period::year(2025), Lang::Vi),
        "Báo cáo riêng"
    );
    assert_eq!(
        Heading {
            recipients: "A;\n\n  B.  \n".into(),
            ..h
        }
        .recipient_lines(),
        ["A;", "B."]
    );
    // A stored heading from an older build, missing fields, still reads.
    let old: Heading = serde_json::from_str(r#"{"agency":"SỞ KH&CN"}"#).unwrap();
    assert_eq!(
        (old.agency.as_str(), old.place.as_str()),
        ("SỞ KH&CN", "Đồng Tháp")
    );
}

#[test]
fn the_charts_show_the_same_numbers_as_the_tables() {
    let f = fixture();
    let r = build(&f, Period::year(2024), Lang::Vi);
    let p = progress_chart(&r, "2024-07-01", Lang::Vi);
    assert_eq!(
        p.rows.len(),
        r.indicators.iter().filter(|i| i.target.is_some()).count(),
        "only indicators with a target"
    );
    let supported = p
        .rows
        .iter()
        .find(|x| x.label.starts_with("Doanh nghiệp được hỗ trợ"))
        .unwrap();
    assert_eq!((supported.actual, supported.target), (2.0, 3.0));
    assert!(
        supported
            .expected_share
            .is_some_and(|e| e > 0.49 && e < 0.51),
        "half the year has passed on 1 July"
    );
    assert_eq!(
        progress_chart(&r, "2023-12-31", Lang::Vi).rows[0].expected_share,
        None,
        "not started yet"
    );
    assert!(crate::charts::progress_svg(&p).contains("Kết quả thực hiện so với mục tiêu"));

    let b = budget_chart(&r, Lang::Vi);
    assert_eq!(b.categories.len(), r.budget.lines.len());
    assert_eq!(
        b.series.len(),
        3,
        "a budget without its source is a third series"
    );
    let i = b
        .categories
        .iter()
        .position(|c| c.starts_with("2.3.3"))
        .unwrap();
    assert_eq!(
        (b.series[0].values[i], b.series[1].values[i]),
        (150.0, 50.0),
        "millions of VND"
    );
    assert!(crate::charts::bars_svg(&b).starts_with("<svg"));
}

/// A printed report cannot be hovered for a cut name: every shipped indicator's name and every
/// plan item's beside its bars in section II is drawn whole, in both languages.
#[test]
fn the_report_charts_draw_every_name_whole() {
    let f = fixture();
    for lang in [Lang::Vi, Lang::En] {
        let r = build(&f, Period::year(2024), lang);
        let template = progress_chart(&r, "2024-07-01", lang).rows[0].clone();
        let names: Vec<String> = crate::indicators::shipped().indicators.iter().map(|i| i.label.get(lang).to_string()).collect();
        let progress = crate::charts::ProgressChart {
            rows: names.iter().map(|n| crate::charts::ProgressRow { label: n.clone(), ..template.clone() }).collect(),
            ..progress_chart(&r, "2024-07-01", lang)
        };
        let items: Vec<String> = crate::model::activity::plan_items().iter().map(|p| format!("{} {}", p.id, p.label.get(lang))).collect();
        let bars = crate::charts::BarChart { categories: items.clone(), series: budget_chart(&r, lang).series.into_iter().map(|mut s| { s.values = vec![1.0; items.len()]; s }).collect(), ..budget_chart(&r, lang) };
        for (svg, names) in [(crate::charts::progress_svg(&progress), &names), (crate::charts::bars_svg(&bars), &items)] {
            assert!(!svg.contains('…'), "a name is cut ({lang:?}):\n{svg}");
            for name in names.iter() {
                // Each word of the name is on the chart (a name runs over several lines).
                for word in name.split_whitespace() {
                    let word = word.replace('&', "&amp;");
                    assert!(svg.contains(&word), "{word:?} of {name:?} is not drawn ({lang:?})");
                }
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use crate::arbitrary_text::text;
    use proptest::prelude::*;

    proptest! {
        /// Whatever an officer types, or a damaged setting holds, the heading's lines never panic.
        #[test]
        fn any_typed_heading_gives_its_lines(place in text(), date in prop_oneof![text(), "[0-9]{4}-[0-9]{2}-[0-9]{2}"], title in text(), recipients in text(), position in text()) {
            let h = Heading { place, date, title, recipients, signer_position: position, ..Heading::default() };
            for lang in Lang::ALL {
                let line = h.place_and_date("2026-12-02", lang);
                prop_assert!(line.starts_with(h.place.trim()));
                prop_assert!(!h.title_or_default(Period::year(2026), lang).is_empty() || !h.title.trim().is_empty());
            }
            prop_assert!(h.recipient_lines().iter().all(|l| !l.is_empty()));
            prop_assert!(h.position_lines().iter().all(|l| !l.is_empty()));
            let stored = serde_json::to_string(&h).unwrap();
            prop_assert_eq!(serde_json::from_str::<Heading>(&stored).unwrap(), h);
        }
    }
}
