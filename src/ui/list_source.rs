//! What a `RecordList` is read from: whole records (activities, indicator
//! targets: few, and their pages need every field) or summaries (surveys and
//! self-assessments: tens of thousands at province scale, whose lists,
//! filters, counts and indicators need only `store::summary`'s part; a page
//! that opens one reads the whole record).

use crate::model::record::Record;
use crate::store::summary::{Summarised, SummaryOf};
use crate::store::{RecordStore, StoreError};
use crate::sync::kinds::SyncKind;
use crate::web::{browser, IdbBackend};
use std::collections::BTreeMap;

/// Rows read per step; the browser is free between steps.
const STEP: usize = 200;

#[allow(async_fn_in_trait)]
pub trait ListSource: Sized + Clone + Send + Sync + 'static {
    /// The record kind, as the quarantine count names it.
    const LIST_KIND: &'static str;
    /// How many are stored, readable or not.
    async fn count(store: &RecordStore<IdbBackend>) -> Result<usize, StoreError>;
    /// Reads every one in steps, handing each step to `take`; returns how many could not be read.
    async fn read(store: &RecordStore<IdbBackend>, take: &mut dyn FnMut(Vec<Record<Self>>)) -> Result<usize, StoreError>;
    /// Points references to merged-away enterprises at the kept one, in the page's copy.
    fn follow_aliases(&mut self, aliases: &BTreeMap<String, String>);
}

impl<T: SyncKind + Send + Sync> ListSource for T {
    const LIST_KIND: &'static str = T::KIND;
    async fn count(store: &RecordStore<IdbBackend>) -> Result<usize, StoreError> {
        store.count::<T>().await
    }
    async fn read(store: &RecordStore<IdbBackend>, take: &mut dyn FnMut(Vec<Record<T>>)) -> Result<usize, StoreError> {
        Ok(store.read_in_steps::<T, _, _>(STEP, browser::next_task, &mut |_, _| (), take).await?.len())
    }
    fn follow_aliases(&mut self, aliases: &BTreeMap<String, String>) {
        SyncKind::follow_aliases(self, aliases);
    }
}

impl<T: Summarised + SyncKind + Send + Sync> ListSource for SummaryOf<T> {
    const LIST_KIND: &'static str = T::KIND;
    async fn count(store: &RecordStore<IdbBackend>) -> Result<usize, StoreError> {
        store.count_summaries::<T>().await
    }
    /// A stored record that does not decode has no summary: they are counted apart, records
    /// and summaries in one transaction, so a save elsewhere meanwhile cannot skew the count.
    async fn read(store: &RecordStore<IdbBackend>, take: &mut dyn FnMut(Vec<Record<Self>>)) -> Result<usize, StoreError> {
        let unreadable_summaries = store.read_summaries_in_steps::<T, _, _>(STEP, browser::next_task, take).await?;
        Ok(unreadable_summaries + store.count_unreadable::<T>().await?)
    }
    fn follow_aliases(&mut self, aliases: &BTreeMap<String, String>) {
        SyncKind::follow_aliases(&mut **self, aliases);
    }
}
