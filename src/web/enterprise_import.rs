//! Writes a checked enterprise list (`model::enterprise_import`) in one
//! IndexedDB transaction, as a sync import does (`store::batch`): every new
//! enterprise expects no row under its id, every filled one expects its row as
//! read just before, so another tab's save in between makes it write nothing.

use crate::model::enterprise::Enterprise;
use crate::model::record::Record;
use crate::store::batch::{Batch, Expect, HistoryWrite, RowWrite, Stale};
use crate::store::Row;
use crate::store::StoreError;
use crate::web::{broadcast, browser, record_store};

/// What was written.
pub struct Written {
    pub records: Vec<Record<Enterprise>>,
    pub created: usize,
    pub filled: usize,
    /// Matches not filled because their copies from other laptops wait in the conflicts list.
    pub in_conflict: usize,
}

/// Writes the new enterprises and the filled ones (register id, filled payload, whose
/// values only fill the fields still empty in the stored row) in one
/// transaction. `Ok(Err(Stale))`: a record changed since it was read; nothing was written.
pub async fn write(
    new: Vec<Enterprise>,
    updates: Vec<(String, Enterprise)>,
) -> Result<Result<Written, Stale>, StoreError> {
    let store = record_store();
    let change = browser::change();
    let mut rows = Vec::with_capacity(new.len() + updates.len());
    let mut records = Vec::with_capacity(new.len() + updates.len());
    for enterprise in new {
        let record = Record::new(browser::new_id(), &change, enterprise);
        rows.push(RowWrite {
            kind: "enterprise".into(),
            id: record.id.clone(),
            expected: Expect::Absent,
            new: Some(Row::from_record(&record)?),
            summary: None,
        });
        records.push(record);
    }
    let created = records.len();
    let mut in_conflict = 0;
    for (id, filled) in updates {
        // An enterprise with copies waiting is not edited until they are resolved (as in the form).
        if crate::sync::local::in_conflict::<Enterprise, _>(&store, &id).await? {
            in_conflict += 1;
            continue;
        }
        let Some(stored) = store.get_row("enterprise", &id).await? else {
            continue;
        };
        let Some(current) = crate::store::decode::<Enterprise>(&stored.json) else {
            continue;
        };
        if current.deleted {
            continue;
        }
        // Filled again against the row as stored now, not the page's copy: a field another
        // tab has set since the check keeps its value; nothing left to fill, nothing written.
        let Some((filled, _)) = crate::model::enterprise_import::fill_empty(&current.payload, &filled) else {
            continue;
        };
        let record = current.revised(&change, filled);
        rows.push(RowWrite {
            kind: "enterprise".into(),
            id: id.clone(),
            expected: Expect::of(Some(&stored.json)),
            new: Some(Row::from_record(&record)?),
            summary: None,
        });
        records.push(record);
    }
    let filled = records.len() - created;
    if rows.is_empty() {
        return Ok(Ok(Written {
            records,
            created,
            filled,
            in_conflict,
        }));
    }
    let batch = Batch {
        rows,
        settings: Vec::new(),
        history: HistoryWrite::Keep(store.history_depth()),
        undo_key: None,
    };
    browser::mark("nscl-enterprise-import-write");
    match store.write_batch(&batch).await? {
        Ok(()) => {
            broadcast::notify_changed();
            browser::mark("nscl-enterprise-import-written");
            Ok(Ok(Written {
                records,
                created,
                filled,
                in_conflict,
            }))
        }
        Err(stale) => Ok(Err(stale)),
    }
}
