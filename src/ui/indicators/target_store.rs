//! Saving a target: a new version of the indicator's record for the period
//! (one record per pair, `indicator_target::record_id`), checked against the
//! stored version in the same transaction as the write, like every save.

use crate::i18n::Msg;
use crate::model::clock::VersionVector;
use crate::model::indicator_target::{record_id, IndicatorTarget};
use crate::model::record::Record;
use crate::ui::state::Register;
use crate::web::{broadcast, browser, record_store};

/// Stores `value` (`None`: back to the default) for the indicator and period.
/// `seen` is the version the officer began editing (default: none stored); a
/// target saved elsewhere since is not written over. On any error nothing is
/// written and the message says why.
pub async fn save_target(register: Register, indicator: &str, period: &str, seen: VersionVector, value: Option<f64>, stretch: Option<f64>, note: String) -> Result<(), Msg> {
    let id = record_id(indicator, period);
    let store = record_store();
    let stored = store.get::<IndicatorTarget>(&id).await.map_err(|e| e.msg())?;
    if stored.as_ref().map(|r| r.version.clone()).unwrap_or_default() != seen {
        return Err(Msg::TargetErrChanged);
    }
    // A target with another laptop's version waiting: saving would drop that version unseen.
    if crate::sync::local::in_conflict::<IndicatorTarget, _>(&store, &id).await.map_err(|e| e.msg())? {
        return Err(Msg::RecordInConflict);
    }
    let payload = IndicatorTarget { indicator_id: indicator.to_string(), period: period.to_string(), value, stretch, note };
    let change = browser::change();
    let (mut record, expected) = match stored {
        Some(old) => (old.revised(&change, payload), old.version),
        None => (Record::new(id, &change, payload), VersionVector::default()),
    };
    record.deleted = false;
    match store.put_if_version(&record, &expected, true).await.map_err(|e| e.msg())? {
        Ok(()) => {
            register.targets.remember(record);
            // Other tabs read everything again: targets change rarely.
            broadcast::notify_changed();
            Ok(())
        }
        Err(_) => Err(Msg::TargetErrStore),
    }
}
