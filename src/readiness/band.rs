//! The three readiness bands the department reads a score by.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// Below 40 %: the basics are missing.
    NotReady,
    /// 40 % to below 70 %: building up.
    Preparing,
    /// 70 % and above: ready to apply the tool or certify the system.
    Ready,
}

/// Where a band starts, in percent.
pub const PREPARING_FROM: f64 = 40.0;
pub const READY_FROM: f64 = 70.0;

impl Band {
    pub const ALL: [Band; 3] = [Band::NotReady, Band::Preparing, Band::Ready];

    /// The band of a score from 0 to 100. A score that is not a number has none.
    pub fn of(percent: f64) -> Option<Band> {
        if percent.is_nan() {
            None
        } else if percent >= READY_FROM {
            Some(Band::Ready)
        } else if percent >= PREPARING_FROM {
            Some(Band::Preparing)
        } else {
            Some(Band::NotReady)
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Band::NotReady => "not_ready",
            Band::Preparing => "preparing",
            Band::Ready => "ready",
        }
    }

    pub fn from_key(key: &str) -> Option<Band> {
        Band::ALL.into_iter().find(|b| b.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_change_at_40_and_70_percent() {
        assert_eq!(Band::of(0.0), Some(Band::NotReady));
        assert_eq!(Band::of(39.999), Some(Band::NotReady));
        assert_eq!(Band::of(40.0), Some(Band::Preparing));
        assert_eq!(Band::of(69.999), Some(Band::Preparing));
        assert_eq!(Band::of(70.0), Some(Band::Ready));
        assert_eq!(Band::of(100.0), Some(Band::Ready));
        assert_eq!(Band::of(f64::NAN), None);
        for b in Band::ALL {
            assert_eq!(Band::from_key(b.key()), Some(b));
        }
    }
}
