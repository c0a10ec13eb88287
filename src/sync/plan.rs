//! What importing files would do to this laptop, worked out before anything
//! is written: per record, what is held now and what will be held after,
//! and what kind of change that is. The preview shows it; applying writes
//! exactly the `after` of every item, in one transaction.

pub use super::kinds::Plans;
use super::kinds::{Sections, SyncKind};
use super::known::Known;
use super::merge::Versions;
use crate::model::record::Record;
use std::collections::{BTreeMap, HashMap};

/// What an import does to one record, as the preview counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Effect {
    /// Not held before.
    New,
    /// A newer version replaces the one held.
    Updated,
    /// A deletion replaces the version held, or arrives for one not held.
    Deleted,
    /// Made without seeing what is held: both are kept, one is shown, someone must choose.
    Conflict,
}

impl Effect {
    pub const ALL: [Effect; 4] = [Effect::New, Effect::Updated, Effect::Conflict, Effect::Deleted];
}

/// One record the import changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<T> {
    pub id: String,
    pub effect: Effect,
    /// What this laptop holds now, the shown version first (empty when new).
    pub before: Vec<Record<T>>,
    /// What it will hold, the shown version first, then the conflict copies.
    pub after: Vec<Record<T>>,
}

impl<T> Item<T> {
    /// The version shown after the import.
    pub fn winner(&self) -> &Record<T> {
        &self.after[0]
    }
}

/// The import plan of one kind: the records it changes, in id order, and how
/// many records the files hold that it leaves as they are.
#[derive(Debug, Clone, PartialEq)]
pub struct KindPlan<T> {
    pub items: Vec<Item<T>>,
    pub unchanged: usize,
}

impl<T> Default for KindPlan<T> {
    fn default() -> Self {
        KindPlan { items: Vec::new(), unchanged: 0 }
    }
}

impl<T> KindPlan<T> {
    pub fn count(&self, effect: Effect) -> usize {
        self.items.iter().filter(|i| i.effect == effect).count()
    }
}

/// Merges every incoming version of one kind into what is held. `held` are
/// the shown versions stored on this laptop, `held_conflicts` the conflict
/// copies kept beside them; `incoming` is each file's records and conflict
/// copies, in any order: the result does not depend on it.
/// `known` stands in for records not read from the store (`sync::known`): a record
/// neither in `held` nor in `held_conflicts` that `known` holds a version of is
/// counted unchanged if that version knows the incoming one. (`Held::load_for_import`
/// leaves a record unread only when `known` knows every version the files bring of it
/// and it has no conflict copies.)
/// `pause` comes every `PLAN_STEP` records: a province's 15,000 self-assessments
/// are one kind (planned in one piece, 128-195 ms).
pub async fn plan_kind<'a, T: SyncKind, P, F>(held: &[Record<T>], held_conflicts: &[Record<T>], known: &Known, incoming: impl Iterator<Item = &'a [Record<T>]>, pause: &P) -> KindPlan<T>
where
    P: Fn() -> F,
    F: std::future::Future<Output = ()>,
{
    let mut steps = Steps(0);
    // Only references here: a file of ten records against a province held is ten records of work.
    let mut held_by_id: HashMap<&str, Vec<&Record<T>>> = HashMap::with_capacity(held.len());
    for r in held.iter().chain(held_conflicts) {
        held_by_id.entry(r.id.as_str()).or_default().push(r);
    }
    let versions_of = |refs: &[&Record<T>]| {
        let mut v = Versions::new(refs[0].clone());
        for r in &refs[1..] {
            v.merge_ref(r);
        }
        v
    };
    let mut after: BTreeMap<&str, Option<Versions<T>>> = BTreeMap::new();
    for records in incoming {
        for r in records {
            let id = r.id.as_str();
            let was = held_by_id.get(id).map(Vec::as_slice);
            match after.entry(id).or_insert(None) {
                Some(v) => {
                    v.merge_ref(r);
                }
                // Nothing new for this record so far: still nothing if it is already held.
                slot @ None => {
                    let held_already = match was {
                        Some(w) => knows(w, r),
                        None => known.knows(r),
                    };
                    if !held_already {
                        *slot = Some(match was {
                            Some(w) => {
                                let mut v = versions_of(w);
                                v.merge_ref(r);
                                v
                            }
                            None => Versions::new(r.clone()),
                        });
                    }
                }
            }
            steps.tick(pause).await;
        }
    }
    let mut plan = KindPlan::default();
    for (id, now) in after {
        steps.tick(pause).await;
        // A record the files bring nothing new for is counted without copying what is held
        // (a file imported again is all of these).
        let Some(now) = now else {
            plan.unchanged += 1;
            continue;
        };
        let was = held_by_id.get(id).map(|w| versions_of(w));
        if was.as_ref().is_some_and(|w| w.all() == now.all()) {
            plan.unchanged += 1;
            continue;
        }
        let shown = now.winner();
        let effect = if !now.conflicts().is_empty() && was.as_ref().is_none_or(|w| w.conflicts() != now.conflicts()) {
            Effect::Conflict
        } else if shown.deleted && was.as_ref().is_none_or(|w| !w.winner().deleted) {
            Effect::Deleted
        } else if was.is_none() {
            Effect::New
        } else {
            Effect::Updated
        };
        plan.items.push(Item { id: id.to_string(), effect, before: was.map(Versions::into_all).unwrap_or_default(), after: now.into_all() });
    }
    plan
}

/// How many records `plan_kind` takes between two pauses. At 2,000 no step of a
/// province's plan reached 50 ms in release builds, at 5,000 some took 54-71 ms;
/// the pauses cost the whole preview about a quarter of a second.
const PLAN_STEP: usize = 2_000;

/// Counts the records `plan_kind` takes, both while merging and while listing
/// items, and pauses every `PLAN_STEP` of them.
struct Steps(usize);

impl Steps {
    async fn tick<P, F>(&mut self, pause: &P)
    where
        P: Fn() -> F,
        F: std::future::Future<Output = ()>,
    {
        self.0 += 1;
        if self.0 == PLAN_STEP {
            self.0 = 0;
            pause().await;
        }
    }
}

/// Whether merging `r` into the versions held would change nothing.
fn knows<T>(held: &[&Record<T>], r: &Record<T>) -> bool {
    held.iter().any(|h| super::merge::same_or_newer(h, r))
}

impl Plans {
    /// Every kind's plan: what is held (`held`, `held_conflicts`) merged with
    /// every section of every file.
    pub async fn make<P, F>(held: &Sections, held_conflicts: &Sections, known: &Known, incoming: &[&Sections], pause: &P) -> Plans
    where
        P: Fn() -> F,
        F: std::future::Future<Output = ()>,
    {
        Plans::each(held, held_conflicts, known, incoming, pause).await
    }

    /// How many records change, all kinds together.
    pub fn changes(&self) -> usize {
        struct Count(usize);
        impl super::kinds::PlanVisitor for Count {
            fn visit<T: SyncKind>(&mut self, plan: &KindPlan<T>) {
                self.0 += plan.items.len();
            }
        }
        let mut c = Count(0);
        self.visit(&mut c);
        c.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::clock::Hlc;
    use crate::model::enterprise::Enterprise;
    use crate::model::record::Change;

    fn at(ms: i64, device: &str) -> Change {
        Change { at: Hlc { ms, counter: 0, device: device.into() }, officer: String::new() }
    }

    fn ent(id: &str, name: &str, ms: i64, device: &str) -> Record<Enterprise> {
        Record::new(id.into(), &at(ms, device), Enterprise { name: name.into(), ..Default::default() })
    }

    fn plan_now<T: SyncKind>(held: &[Record<T>], held_conflicts: &[Record<T>], file: &[Record<T>]) -> KindPlan<T> {
        crate::store::tests::ready(plan_kind(held, held_conflicts, &Known::default(), [file].into_iter(), &|| std::future::ready(())))
    }

    #[test]
    fn a_kind_is_planned_with_a_pause_every_step() {
        let file: Vec<_> = (0..PLAN_STEP * 2 + 1).map(|i| ent(&format!("e{i:05}"), "Mới", 1, "a")).collect();
        let pauses = std::cell::Cell::new(0);
        let plan = crate::store::tests::ready(plan_kind(&[], &[], &Known::default(), [file.as_slice()].into_iter(), &|| {
            pauses.set(pauses.get() + 1);
            std::future::ready(())
        }));
        assert_eq!((plan.items.len(), plan.count(Effect::New)), (file.len(), file.len()));
        assert_eq!(pauses.get(), 4, "two in the merge of {} records, two in the items", file.len());
    }

    #[test]
    fn counts_new_updated_deleted_conflicts_and_unchanged() {
        let kept = ent("same", "Giữ nguyên", 1, "a");
        let old = ent("upd", "Cũ", 1, "a");
        let newer = old.revised(&at(5, "b"), Enterprise { name: "Mới".into(), ..Default::default() });
        let gone = ent("del", "Sẽ xóa", 1, "a");
        let tomb = gone.deleted_by(&at(6, "b"));
        let base = ent("both", "Gốc", 1, "a");
        let mine = base.revised(&at(7, "a"), Enterprise { name: "Của A".into(), ..Default::default() });
        let theirs = base.revised(&at(8, "b"), Enterprise { name: "Của B".into(), ..Default::default() });
        let fresh = ent("new", "Mới tinh", 9, "b");
        let held = [kept.clone(), old.clone(), gone, mine.clone()];
        let file = [kept, newer.clone(), tomb, theirs.clone(), fresh.clone(), old];
        let plan = plan_now(&held, &[], &file);
        let effects: Vec<(&str, Effect)> = plan.items.iter().map(|i| (i.id.as_str(), i.effect)).collect();
        assert_eq!(effects, vec![("both", Effect::Conflict), ("del", Effect::Deleted), ("new", Effect::New), ("upd", Effect::Updated)]);
        assert_eq!(plan.unchanged, 1, "the record already held, and the older version of another, count once");
        let both = &plan.items[0];
        assert_eq!((both.winner(), &both.after[1]), (&theirs, &mine), "the later edit shown, the other kept");
        assert_eq!(plan.items[3].after, vec![newer]);
        // The plan applied, and the same file again: nothing changes.
        let after: Vec<_> = plan.items.iter().map(|i| i.winner().clone()).chain([held[0].clone()]).collect();
        let copies: Vec<_> = plan.items.iter().flat_map(|i| i.after[1..].to_vec()).collect();
        let again = plan_now(&after, &copies, &file);
        assert!(again.items.is_empty() && again.unchanged == 5, "{again:?}");
        assert_eq!(plan.count(Effect::Conflict), 1);
    }
}
