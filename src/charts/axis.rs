//! A value axis's round numbers, shared by the line and bar charts.

/// A round step near `span / 5`: 1, 2, 2.5 or 5 times a power of ten; for `whole` numbers (counts) at least 1
/// and never 2.5 times a power of ten, so no tick reads `2,5` classes.
fn step_of(span: f64, whole: bool) -> f64 {
    let rough = span / 5.0;
    let power = 10f64.powf(rough.log10().floor());
    let multiples: &[f64] = if whole { &[1.0, 2.0, 5.0, 10.0] } else { &[1.0, 2.0, 2.5, 5.0, 10.0] };
    let step = multiples.iter().map(|m| m * power).find(|&s| s >= rough).unwrap_or(10.0 * power);
    let step = if whole { step.max(1.0) } else { step };
    if step.is_finite() && step > 0.0 {
        step
    } else {
        1.0
    }
}

/// An axis from 0 (or below, for negative values) to the largest value,
/// rounded out to round numbers: its ends and its step. Values must be finite.
pub fn fit(values: impl Iterator<Item = f64>) -> (f64, f64, f64) {
    fit_with(values, false)
}

/// As [`fit`]; with `whole`, whole-number ticks (for counts).
pub fn fit_with(values: impl Iterator<Item = f64>, whole: bool) -> (f64, f64, f64) {
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let span = if hi - lo > 1e-9 { hi - lo } else { 1.0 };
    let step = step_of(span, whole);
    let (lo, hi) = ((lo / step).floor() * step, (hi / step).ceil() * step);
    let hi = if hi - lo < step { lo + step } else { hi };
    (lo, hi, step)
}

/// The ticks from `lo` to `hi` by `step` (at most 51 of them).
pub fn ticks(lo: f64, hi: f64, step: f64) -> Vec<f64> {
    (0..=((hi - lo) / step).round().clamp(0.0, 50.0) as usize).map(|k| lo + k as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(step_of(100.0, false), 20.0);
        assert_eq!(step_of(12.0, false), 2.5);
        assert_eq!(step_of(0.0, false), 1.0);
        assert_eq!(step_of(f64::NAN, false), 1.0);
    }

    #[test]
    fn fitting_rounds_out_and_includes_zero() {
        assert_eq!(fit([3.0, 17.0].into_iter()), (0.0, 20.0, 5.0));
        assert_eq!(fit([-3.0, 7.0].into_iter()), (-4.0, 8.0, 2.0));
        assert_eq!(fit(std::iter::empty()), (0.0, 0.2, 0.2));
        assert_eq!(fit_with([12.0].into_iter(), true), (0.0, 15.0, 5.0));
        assert_eq!(fit_with([3.0].into_iter(), true), (0.0, 3.0, 1.0));
        assert_eq!(ticks(0.0, 20.0, 5.0), vec![0.0, 5.0, 10.0, 15.0, 20.0]);
    }
}
