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
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; UPDATE_SNAPSHOTS=1 cargo test --lib charts::snapshot writes it", path.display()));
    assert!(expected == svg, "{name}.svg differs from the chart drawn now; if the change is intended, rerun with UPDATE_SNAPSHOTS=1 and review the diff.\nnow:\n{svg}");
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
            Series { name: "Hệ thống quản lý ISO 9001".into(), points: points(&[("2025-03-12", 32.0), ("2025-10-15", 51.5), ("2026-05-20", 64.0), ("2026-11-30", 78.0)]) },
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
