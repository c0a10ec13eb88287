//! The charts compared byte for byte with the SVGs stored in `snapshots/`.
//! A change to layout, colours or escaping shows up as a diff of those files.
//!
//! After an intended change, rewrite them and look at the diff (and at the
//! pictures: they open in a browser):
//!
//! ```text
//! UPDATE_SNAPSHOTS=1 cargo test --lib charts::snapshot
//! ```

use super::xml_check::assert_well_formed;
use super::*;
use std::path::Path;

fn assert_snapshot(name: &str, svg: &str) {
    assert_well_formed(svg);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/charts/snapshots").join(format!("{name}.svg"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(&path, svg).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        return;
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}; UPDATE_SNAPSHOTS=1 cargo test --lib charts::snapshot writes it", path.display()));
    assert!(
        expected == svg,
        "{name}.svg differs from the chart drawn now; if the change is intended, rerun with UPDATE_SNAPSHOTS=1 and review the diff.\nnow:\n{svg}"
    );
}

fn axis(label: &str, percent: Option<f64>, previous: Option<f64>) -> RadarAxis {
    RadarAxis { label: label.into(), percent, previous }
}

/// The seven clauses of ISO 9001 an enterprise assesses itself against, one
/// not assessed this time, with the assessment a year before.
fn seven_axes() -> Radar {
    Radar {
        title: "Mức sẵn sàng ISO 9001 — Công ty TNHH Thủy sản Sa Đéc".into(),
        axes: vec![
            axis("Bối cảnh của tổ chức", Some(82.0), Some(60.0)),
            axis("Lãnh đạo", Some(75.0), Some(55.0)),
            axis("Hoạch định", Some(48.5), Some(40.0)),
            axis("Hỗ trợ", Some(66.7), Some(50.0)),
            axis("Thực hiện", None, Some(35.0)),
            axis("Đo lường, phân tích và đánh giá", Some(35.0), Some(20.0)),
            axis("Cải tiến", Some(90.0), None),
        ],
        size: 520,
        empty_text: "Chưa có dữ liệu".into(),
        current_label: "Lần này (30/11/2026)".into(),
        previous_label: "Lần trước (15/10/2025)".into(),
    }
}

#[test]
fn snapshot_radar_seven_axes_with_previous() {
    assert_snapshot("radar_seven_axes", &radar_svg(&seven_axes()));
}

#[test]
fn snapshot_radar_script_label() {
    let mut chart = seven_axes();
    chart.title = "<script>alert(1)</script>".into();
    chart.axes.truncate(4);
    chart.axes[1].label = "<script>alert(1)</script>".into();
    chart.axes[2].label = r#"Say "&'""#.into();
    let svg = radar_svg(&chart);
    assert!(!svg.contains("<script"));
    assert_snapshot("radar_script_label", &svg);
}

#[test]
fn snapshot_radar_empty() {
    let chart = Radar { title: "Mức sẵn sàng".into(), size: 320, empty_text: "Chưa có đánh giá nào".into(), ..Radar::default() };
    assert_snapshot("radar_empty", &radar_svg(&chart));
}

#[test]
fn snapshot_line_two_series_with_target() {
    let points = |p: &[(&str, f64)]| p.iter().map(|&(d, v)| (d.to_string(), v)).collect();
    let chart = LineChart {
        title: "Mức sẵn sàng theo thời gian".into(),
        y_label: "Mức sẵn sàng (%)".into(),
        series: vec![
            Series {
                name: "Hệ thống quản lý ISO 9001".into(),
                points: points(&[("2025-03-12", 32.0), ("2025-10-15", 51.5), ("2026-05-20", 64.0), ("2026-11-30", 78.0)]),
            },
            Series { name: "Công cụ 5S".into(), points: points(&[("2025-10-15", 45.0), ("2026-11-30", 72.5), ("2026-05-20", 58.0)]) },
        ],
        x_labels: XLabels::Dates,
        y_range: YRange::Percent,
        target: Some(("Sẵn sàng (70%)".into(), 70.0)),
        width: 640,
        height: 400,
        lang: crate::i18n::Lang::Vi,
        empty_text: "Chưa có dữ liệu".into(),
    };
    assert_snapshot("line_two_series_target", &line_svg(&chart));
}

fn progress_texts() -> ProgressChart {
    ProgressChart {
        title: "Chỉ tiêu 2021–2025 so với mục tiêu".into(),
        actual_label: "Thực hiện".into(),
        target_label: "Mục tiêu".into(),
        stretch_label: "Mục tiêu phấn đấu".into(),
        expected_label: "Kỳ vọng đến nay".into(),
        on_track_label: "Đúng tiến độ".into(),
        behind_label: "Chậm tiến độ".into(),
        axis_label: "% so với mục tiêu".into(),
        width: 760,
        lang: crate::i18n::Lang::Vi,
        empty_text: "Chưa có chỉ tiêu".into(),
        rows: Vec::new(),
    }
}

fn row(label: &str, actual: f64, target: f64, stretch: Option<f64>, expected_share: Option<f64>) -> ProgressRow {
    ProgressRow { label: label.into(), actual, target, stretch, expected_share }
}

/// The plan's 2021-2025 indicators three fifths of the way through the
/// period: some ahead, some behind, one past its target.
#[test]
fn snapshot_progress_indicators() {
    let chart = ProgressChart {
        rows: vec![
            row("Lớp đào tạo, tập huấn về NSCL", 7.0, 10.0, None, Some(0.6)),
            row("Chuyên gia NSCL được đào tạo", 9.0, 20.0, None, Some(0.6)),
            row("Doanh nghiệp được hỗ trợ xây dựng, áp dụng hệ thống quản lý và công cụ cải tiến", 18.0, 15.0, None, Some(0.6)),
            row("Lĩnh vực thử nghiệm, hiệu chuẩn mới", 0.0, 3.0, None, Some(0.6)),
            row("Doanh nghiệp tham gia Giải thưởng Chất lượng Quốc gia", 4.0, 10.0, None, Some(0.6)),
        ],
        ..progress_texts()
    };
    assert_snapshot("progress_indicators", &progress_svg(&chart));
}

/// 2026-2030: targets 10 % up, the upper end (15 %) as the stretch target; no expectation yet.
#[test]
fn snapshot_progress_stretch() {
    let chart = ProgressChart {
        title: "Chỉ tiêu 2026–2030".into(),
        rows: vec![row("Lớp đào tạo", 12.0, 11.0, Some(11.5), None), row("Chuyên gia NSCL", 5.0, 22.0, Some(23.0), None)],
        ..progress_texts()
    };
    assert_snapshot("progress_stretch", &progress_svg(&chart));
}

#[test]
fn snapshot_progress_script_label() {
    let chart = ProgressChart {
        title: "<script>alert(1)</script> & co".into(),
        rows: vec![row("<script>alert(1)</script>", 3.0, 10.0, None, Some(0.5)), row(r#"Tom & "Jerry's" <b>"#, 1.0, 2.0, None, None)],
        on_track_label: "on <track> & ok".into(),
        ..progress_texts()
    };
    let svg = progress_svg(&chart);
    assert!(!svg.contains("<script") && !svg.contains("<b>"));
    assert_snapshot("progress_script_label", &svg);
}

#[test]
fn snapshot_progress_empty() {
    assert_snapshot("progress_empty", &progress_svg(&progress_texts()));
}

/// A zero target, a missing one, an unknown actual, and numbers in the thousand billions.
#[test]
fn snapshot_progress_zero_target_and_huge_numbers() {
    let chart = ProgressChart {
        rows: vec![
            row("Mục tiêu bằng 0", 5.0, 0.0, Some(0.0), Some(0.5)),
            row("Chưa tính được", f64::NAN, 10.0, None, Some(0.5)),
            row("Kinh phí (đồng)", 1_234_567_890_123.0, 2_000_000_000_000.0, Some(f64::INFINITY), Some(2.0)),
            row("Vượt xa mục tiêu", 1e300, 1.0, None, None),
        ],
        ..progress_texts()
    };
    assert_snapshot("progress_zero_target_huge", &progress_svg(&chart));
}

fn bar_texts() -> BarChart {
    BarChart { width: 640, height: 360, lang: crate::i18n::Lang::Vi, empty_text: "Chưa có dữ liệu".into(), ..BarChart::default() }
}

/// Year by year: classes held and experts trained, against a yearly target of 2.
#[test]
fn snapshot_bars_trend_by_year() {
    let chart = BarChart {
        title: "Kết quả theo năm".into(),
        categories: ["2021", "2022", "2023", "2024", "2025"].map(String::from).to_vec(),
        series: vec![
            BarSeries { name: "Lớp đào tạo".into(), values: vec![1.0, 2.0, 3.0, 0.0, 2.0] },
            BarSeries { name: "Chuyên gia được đào tạo".into(), values: vec![0.0, 4.0, 6.0, 5.0, 3.0] },
        ],
        target: Some(("Mục tiêu mỗi năm: 2 lớp".into(), 2.0)),
        value_label: "Số lượng".into(),
        ..bar_texts()
    };
    assert_snapshot("bars_trend_by_year", &bars_svg(&chart));
}

/// Communes after the 2025 merger, long names, horizontal; one unit retired with a count.
#[test]
fn snapshot_bars_units_horizontal() {
    let units = [
        ("Phường Cao Lãnh", 12.0),
        ("Phường Sa Đéc", 9.0),
        ("Xã Tân Hồng", 3.0),
        ("Xã Phong Mỹ (huyện Cao Lãnh cũ, nay thuộc tỉnh Đồng Tháp sau sắp xếp đơn vị hành chính năm 2025)", 7.0),
        ("Huyện Lấp Vò (đã giải thể)", 1.0),
        ("Phường Mỹ Tho", 0.0),
    ];
    let chart = BarChart {
        title: "Doanh nghiệp được hỗ trợ theo đơn vị hành chính".into(),
        categories: units.iter().map(|u| u.0.to_string()).collect(),
        series: vec![BarSeries { name: "Doanh nghiệp".into(), values: units.iter().map(|u| u.1).collect() }],
        horizontal: true,
        value_label: "Số doanh nghiệp".into(),
        ..bar_texts()
    };
    assert_snapshot("bars_units_horizontal", &bars_svg(&chart));
}

/// The distribution of readiness scores, in bins the caller names.
#[test]
fn snapshot_bars_readiness_histogram() {
    let chart = BarChart {
        title: "Phân bố mức sẵn sàng".into(),
        categories: ["0–10%", "10–20%", "20–30%", "30–40%", "40–50%", "50–60%", "60–70%", "70–80%", "80–90%", "90–100%"].map(String::from).to_vec(),
        series: vec![BarSeries { name: "Số đánh giá".into(), values: vec![3.0, 8.0, 21.0, 40.0, 55.0, 61.0, 38.0, 22.0, 9.0, 2.0] }],
        value_label: "Số đánh giá".into(),
        ..bar_texts()
    };
    assert_snapshot("bars_readiness_histogram", &bars_svg(&chart));
}

/// The share of surveyed enterprises applying each system or tool, in percent.
#[test]
fn snapshot_bars_tools_percent() {
    let tools =
        [("ISO 9001", 34.5), ("ISO 14001", 12.0), ("ISO 22000/HACCP", 18.25), ("VietGAP/GlobalGAP", 41.0), ("5S", 27.0), ("Kaizen", 6.0), ("Lean", 3.5)];
    let chart = BarChart {
        title: "Tỷ lệ doanh nghiệp áp dụng hệ thống, công cụ".into(),
        categories: tools.iter().map(|t| t.0.to_string()).collect(),
        series: vec![BarSeries { name: "Tỷ lệ".into(), values: tools.iter().map(|t| t.1).collect() }],
        horizontal: true,
        percent: true,
        target: Some(("Mục tiêu 30%".into(), 30.0)),
        value_label: "% doanh nghiệp được khảo sát".into(),
        ..bar_texts()
    };
    assert_snapshot("bars_tools_percent", &bars_svg(&chart));
}

#[test]
fn snapshot_bars_script_label() {
    let chart = BarChart {
        title: "<script>alert(1)</script>".into(),
        categories: vec!["<script>alert(1)</script>".into(), "R&D".into()],
        series: vec![BarSeries { name: "<b>".into(), values: vec![1.0, 2.0] }, BarSeries { name: r#"A & "B""#.into(), values: vec![2.0, 1.0] }],
        target: Some(("<i>&</i>".into(), 1.5)),
        ..bar_texts()
    };
    let svg = bars_svg(&chart);
    assert!(!svg.contains("<script") && !svg.contains("<b>") && !svg.contains("<i>"));
    assert_snapshot("bars_script_label", &svg);
}

#[test]
fn snapshot_bars_empty() {
    let chart = BarChart { title: "Kết quả theo năm".into(), categories: vec!["2021".into()], ..bar_texts() };
    assert_snapshot("bars_empty", &bars_svg(&chart));
}

/// Budgets in VND run to thousands of billions; a refund is negative.
#[test]
fn snapshot_bars_huge_and_negative() {
    let chart = BarChart {
        title: "Kinh phí theo nguồn (đồng)".into(),
        categories: vec!["Ngân sách nhà nước".into(), "Huy động".into(), "Hoàn trả".into()],
        series: vec![BarSeries { name: "2025".into(), values: vec![1_250_000_000_000.0, 380_500_000.0, -200_000_000_000.0] }],
        value_label: "Đồng".into(),
        ..bar_texts()
    };
    assert_snapshot("bars_huge_negative", &bars_svg(&chart));
}
