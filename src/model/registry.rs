//! The enterprise register: the records plus the indexes search and sort need.
//!
//! Folded search text and collation keys are computed once per record, when
//! the record enters the register, so a keystroke only scans prepared strings.

use super::clock::Hlc;
use super::enterprise::{Enterprise, ProductGroup};
use super::record::Record;
use super::record_counts::RecordCounts;
use super::search_text::SearchText;
use super::size_class::SizeClass;
use crate::text::{exact_form, fold, search_terms, CollationKey};
use std::cmp::Ordering;
use std::collections::HashMap;

pub type EnterpriseRecord = Record<Enterprise>;

#[derive(Debug, Clone)]
struct Indexed {
    record: EnterpriseRecord,
    /// What a search looks in (name, address, contact), folded; the tax code is apart: it matches from its start.
    haystack: String,
    /// The same with diacritics kept, for words typed with them.
    exact: String,
    name_key: CollationKey,
    size: Option<SizeClass>,
}

impl Indexed {
    fn new(record: EnterpriseRecord) -> Indexed {
        // Built once per record: the folded text folds the exact one (folding ignores composition).
        let exact = exact_form(&record.payload.search_text());
        Indexed {
            haystack: fold(&exact),
            exact,
            name_key: CollationKey::new(&record.payload.name),
            size: record.payload.size_class(),
            record,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum SortKey {
    #[default]
    Name,
    TaxCode,
    Size,
    Employees,
    Updated,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [SortKey::Name, SortKey::TaxCode, SortKey::Size, SortKey::Employees, SortKey::Updated];

    pub fn key(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::TaxCode => "tax_code",
            SortKey::Size => "size",
            SortKey::Employees => "employees",
            SortKey::Updated => "updated",
        }
    }

    pub fn from_key(key: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// `Some(None)` selects records whose size cannot be computed yet.
pub type SizeFilter = Option<Option<SizeClass>>;

/// Kept for the tab (`ListState`), so the list comes back as it was after a reload.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Query {
    pub text: String,
    pub admin_unit_id: Option<String>,
    pub vsic_section: Option<String>,
    pub size: SizeFilter,
    pub product: Option<ProductGroup>,
    pub sort: SortKey,
    pub descending: bool,
}

impl Query {
    /// The same search text and order, with no filter set (unit, sector, size, product).
    pub fn unfiltered(&self) -> Query {
        Query { text: self.text.clone(), sort: self.sort, descending: self.descending, ..Query::default() }
    }

    /// Whether any filter is set.
    pub fn has_filters(&self) -> bool {
        *self != self.unfiltered()
    }
}

#[derive(Debug, Clone, Default)]
pub struct Registry {
    items: Vec<Indexed>,
    by_id: HashMap<String, usize>,
    by_tax_code: HashMap<String, usize>,
    /// Positions in Vietnamese name order, so the default sort costs nothing per keystroke.
    name_order: Vec<usize>,
    /// Every record's `haystack`, `exact` and tax code again, in one buffer in name order: what a keystroke scans.
    search_text: SearchText,
    /// Changes whenever the records do, unique across registers: hits of an
    /// earlier search are positions that hold only while it is the same.
    generation: u64,
    /// Deleted enterprises, which the register does not show: a deletion is still a change the
    /// next export carries, and counts as "not exported" until then.
    tombstones: Vec<EnterpriseRecord>,
    /// Live and not-exported counts, tombstones included, kept as records change.
    counts: RecordCounts,
    /// The dashboard's and the unit editor's counts, kept as records change.
    tally: Tally,
}

/// Counts over the live records (`items`, as `count_by_unit` once walked them), kept as
/// each one enters or leaves: at 13,000 enterprises a walk per save or per screen is what this replaces.
#[derive(Debug, Clone, Default, PartialEq)]
struct Tally {
    by_unit: HashMap<Option<String>, usize>,
    /// Per `SizeClass::ALL`, then the records of no known size (an array: no map's code at start-up).
    by_size: [usize; 5],
    with_tax_code: usize,
}

fn size_slot(size: Option<SizeClass>) -> usize {
    size.map_or(SizeClass::ALL.len(), |s| s as usize)
}

impl Tally {
    fn add(&mut self, x: &Indexed) {
        *self.by_unit.entry(x.record.payload.admin_unit_id.clone()).or_insert(0) += 1;
        self.by_size[size_slot(x.size)] += 1;
        self.with_tax_code += usize::from(x.record.payload.tax_code.is_some());
    }

    /// The opposite of `add`. A count that reaches 0 goes, so the maps read as a fresh count's.
    fn take(&mut self, x: &Indexed) {
        fn less<K: std::hash::Hash + Eq>(map: &mut HashMap<K, usize>, key: &K) {
            if let Some(n) = map.get_mut(key) {
                *n -= 1;
                if *n == 0 {
                    map.remove(key);
                }
            }
        }
        less(&mut self.by_unit, &x.record.payload.admin_unit_id);
        self.by_size[size_slot(x.size)] -= 1;
        self.with_tax_code -= usize::from(x.record.payload.tax_code.is_some());
    }
}

/// The hits of a search, kept so the next keystroke can narrow them
/// (`Registry::search_narrowing`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hits {
    generation: u64,
    query: Query,
    /// Positions of the matching records, in the query's order.
    pub positions: Vec<usize>,
}

impl Hits {
    /// Whether `q` can only find fewer records than this search did: the
    /// same filters and order, and text that only adds to this one's (a
    /// letter more, a word more). Compared in the form words are matched in
    /// (composed, lower-case), a word that grows holds the shorter word, and
    /// a tax code that starts with it starts with the shorter one too (unless
    /// the shorter was marks alone, which match no tax code at all).
    fn narrowed_by(&self, q: &Query) -> bool {
        let (a, b) = (&self.query, q);
        let filters = |q: &Query| Query { text: String::new(), ..q.clone() };
        filters(a) == filters(b)
            && exact_form(&b.text).starts_with(&exact_form(&a.text))
            && search_terms(&a.text).iter().all(crate::text::SearchTerm::has_letters)
    }
}

/// A register gathered part by part as a province's records are read: each part's search and
/// sort keys, its place in name order and its entries in the id and tax-code maps are worked out
/// as it arrives, so no single step of the read does them all at once (at 13,000 enterprises
/// indexing the whole register in one step held the page for 60-100 ms).
/// `Registry::from_builder(b)` equals `Registry::new` of the same records.
#[derive(Debug, Clone, Default)]
pub struct RegistryBuilder {
    items: Vec<Indexed>,
    keys: Keys,
    tombstones: Vec<EnterpriseRecord>,
    counts: RecordCounts,
    tally: Tally,
}

/// The indexes over a register's items but its search text.
#[derive(Debug, Clone, Default)]
struct Keys {
    by_id: HashMap<String, usize>,
    by_tax_code: HashMap<String, usize>,
    name_order: Vec<usize>,
}

impl Keys {
    /// Indexes `items[from..]`, the items before `from` indexed already.
    fn extend(&mut self, items: &[Indexed], from: usize) {
        for (i, x) in items.iter().enumerate().skip(from) {
            self.by_id.insert(x.record.id.clone(), i);
            if let Some(t) = &x.record.payload.tax_code {
                self.by_tax_code.insert(t.clone(), i);
            }
        }
        let by_name = |&a: &usize, &b: &usize| items[a].name_key.cmp(&items[b].name_key);
        let mut fresh: Vec<usize> = (from..items.len()).collect();
        crate::sort::sort_by(&mut fresh, by_name);
        // A merge of two sorted runs, the earlier items first among equal names: the order one
        // stable sort of every position gives.
        let old = std::mem::take(&mut self.name_order);
        let mut order = Vec::with_capacity(items.len());
        let (mut a, mut b) = (old.into_iter().peekable(), fresh.into_iter().peekable());
        loop {
            let take_old = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) => by_name(x, y) != Ordering::Greater,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            order.extend(if take_old { a.next() } else { b.next() });
        }
        self.name_order = order;
    }
}

impl RegistryBuilder {
    /// A builder whose "not exported" count is against the export at `last_export`
    /// (`Default` counts every record as not exported).
    pub fn against(last_export: Option<&Hlc>) -> RegistryBuilder {
        RegistryBuilder { counts: RecordCounts::of(std::iter::empty::<&EnterpriseRecord>(), last_export), ..Default::default() }
    }

    /// Adds records (tombstones stay out of the list, as in `Registry::new`, and are counted).
    pub fn add(&mut self, records: Vec<EnterpriseRecord>) {
        let from = self.items.len();
        for r in records {
            self.counts.replace(None, &r);
            if r.deleted {
                self.tombstones.push(r);
            } else {
                let x = Indexed::new(r);
                self.tally.add(&x);
                self.items.push(x);
            }
        }
        self.keys.extend(&self.items, from);
    }

    /// The register of what has been gathered so far, the builder kept.
    pub fn so_far(&self) -> Registry {
        Registry::from_builder(self.clone())
    }
}

static NEXT_GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Registry {
    /// The register of the live records; tombstones (deleted records) stay out.
    pub fn new(records: Vec<EnterpriseRecord>) -> Registry {
        let mut builder = RegistryBuilder::default();
        builder.add(records);
        Registry::from_builder(builder)
    }

    /// A register with no record, as a store holding none reads: a generation of its own, like
    /// every register read (`Default` is the page's register before any read).
    pub fn empty() -> Registry {
        Registry { generation: NEXT_GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed), ..Default::default() }
    }

    /// The register of what `builder` gathered (`RegistryBuilder`): only the search text is left to make.
    pub fn from_builder(builder: RegistryBuilder) -> Registry {
        let RegistryBuilder { items, keys, tombstones, counts, tally } = builder;
        let mut r = Registry { items, tombstones, counts, tally, ..Default::default() };
        r.indexed(keys);
        r
    }

    fn reindex(&mut self) {
        let mut keys = Keys::default();
        keys.extend(&self.items, 0);
        self.indexed(keys);
    }

    /// Takes `keys` (over the items as they are) and makes the search text in their name order.
    fn indexed(&mut self, keys: Keys) {
        let Keys { by_id, by_tax_code, name_order } = keys;
        self.by_id = by_id;
        self.by_tax_code = by_tax_code;
        self.search_text = SearchText::new(self.items.len(), &name_order, |i| {
            let x = &self.items[i];
            (&x.haystack, &x.exact, x.record.payload.tax_code.as_deref().unwrap_or(""))
        });
        self.name_order = name_order;
        self.generation = NEXT_GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&EnterpriseRecord> {
        self.by_id.get(id).map(|&i| &self.items[i].record)
    }

    pub fn records(&self) -> impl Iterator<Item = &EnterpriseRecord> {
        self.items.iter().map(|x| &x.record)
    }

    pub fn to_records(&self) -> Vec<EnterpriseRecord> {
        self.records().cloned().collect()
    }

    /// The id of the record holding a normalised tax code, other than `except`.
    pub fn owner_of_tax_code(&self, tax_code: &str, except: Option<&str>) -> Option<String> {
        let id = &self.items[*self.by_tax_code.get(tax_code)?].record.id;
        (Some(id.as_str()) != except).then(|| id.clone())
    }

    /// Inserts a new record or replaces the one with the same id; a tombstone removes it
    /// from the list (and is kept, counted as a change until it is exported).
    pub fn upsert(&mut self, record: EnterpriseRecord) {
        let live = self.by_id.get(&record.id).copied();
        // Few: a linear look is cheaper than a map's code in the first download.
        let buried = self.tombstones.iter().position(|t| t.id == record.id).map(|i| self.tombstones.swap_remove(i));
        self.counts.replace(live.map(|i| &self.items[i].record).or(buried.as_ref()), &record);
        if record.deleted {
            if let Some(i) = live {
                self.take(i);
            }
            self.tombstones.push(record);
            return;
        }
        let indexed = Indexed::new(record);
        self.tally.add(&indexed);
        match live {
            Some(i) => {
                let old = std::mem::replace(&mut self.items[i], indexed);
                self.tally.take(&old);
            }
            None => self.items.push(indexed),
        }
        self.reindex();
    }

    /// Takes the live record at `i` out of the list and its tallies.
    fn take(&mut self, i: usize) {
        let removed = self.items.remove(i);
        self.tally.take(&removed);
        self.reindex();
    }

    /// Counts the "not exported" changes again against the export at `last_export`, unless they already are.
    pub fn rebase(&mut self, last_export: Option<&Hlc>) {
        if !self.counts.is_against(last_export) {
            self.counts = RecordCounts::of(self.with_tombstones(), last_export);
        }
    }

    /// How many enterprises changed after the export at `last_export`, deletions included,
    /// and the time of the oldest change: the running count, or a walk when it was made
    /// against another export (until `rebase`).
    pub fn unexported(&self, last_export: Option<&Hlc>) -> (usize, Option<i64>) {
        if self.counts.is_against(last_export) {
            self.counts.unexported()
        } else {
            crate::store::export::unexported(self.with_tombstones(), last_export)
        }
    }

    /// The deleted enterprises this laptop holds.
    pub fn tombstones(&self) -> impl Iterator<Item = &EnterpriseRecord> {
        self.tombstones.iter()
    }

    fn with_tombstones(&self) -> impl Iterator<Item = &EnterpriseRecord> {
        self.records().chain(self.tombstones.iter())
    }

    /// Record counts per administrative unit id.
    pub fn count_by_unit(&self) -> HashMap<Option<String>, usize> {
        self.tally.by_unit.clone()
    }

    pub fn count_by_size(&self) -> HashMap<Option<SizeClass>, usize> {
        SizeClass::ALL.iter().map(|s| Some(*s)).chain([None]).map(|s| (s, self.tally.by_size[size_slot(s)])).filter(|(_, n)| *n > 0).collect()
    }

    /// How many live records have a tax code.
    pub fn with_tax_code(&self) -> usize {
        self.tally.with_tax_code
    }

    /// The record at a position returned by [`Registry::search_positions`].
    pub fn at(&self, position: usize) -> Option<&EnterpriseRecord> {
        self.items.get(position).map(|x| &x.record)
    }

    /// The records matching a query, in the query's order.
    pub fn search(&self, q: &Query) -> Vec<&EnterpriseRecord> {
        self.search_positions(q).into_iter().map(|i| &self.items[i].record).collect()
    }

    /// Positions of the matching records, in the query's order. Valid until the
    /// register next changes.
    pub fn search_positions(&self, q: &Query) -> Vec<usize> {
        let terms = search_terms(&q.text);
        // A cleared search box with no filter admits every record: the name order as it is, no
        // record looked at (a plain pass cost a few milliseconds of that keystroke at 13,000).
        let everything = terms.is_empty() && !q.has_filters();
        let mut hits: Vec<usize> = if everything {
            self.name_order.clone()
        } else {
            self.name_order.iter().copied().filter(|&i| self.admits(i, q, &terms)).collect()
        };
        if q.sort == SortKey::Name {
            if q.descending {
                hits.reverse();
            }
            return hits;
        }
        // A stable sort on the primary key keeps ties in name order.
        crate::sort::sort_by(&mut hits, |&a, &b| {
            let (a, b) = (&self.items[a], &self.items[b]);
            let (ea, eb) = (&a.record.payload, &b.record.payload);
            match q.sort {
                SortKey::Name => Ordering::Equal,
                // Records without a value go last in either direction: they are what needs filling in.
                SortKey::TaxCode => none_last(ea.tax_code.as_ref(), eb.tax_code.as_ref(), q.descending),
                SortKey::Size => none_last(a.size.as_ref(), b.size.as_ref(), q.descending),
                SortKey::Employees => none_last(ea.employees.as_ref(), eb.employees.as_ref(), q.descending),
                SortKey::Updated => {
                    let o = a.record.updated.cmp(&b.record.updated);
                    if q.descending { o.reverse() } else { o }
                }
            }
        });
        hits
    }
}

impl Registry {
    fn admits(&self, i: usize, q: &Query, terms: &[crate::text::SearchTerm]) -> bool {
        let x = &self.items[i];
        let e = &x.record.payload;
        // The texts from the one buffer: a search without filters touches no record.
        let (folded, exact, code) = self.search_text.of(i);
        terms.iter().all(|t| t.found_in(folded, exact) || t.starts(code))
            && q.admin_unit_id.as_ref().is_none_or(|u| e.admin_unit_id.as_ref() == Some(u))
            && q.vsic_section.as_ref().is_none_or(|s| e.vsic_section.as_ref() == Some(s))
            && q.size.is_none_or(|s| x.size == s)
            && q.product.is_none_or(|p| e.products.contains(&p))
    }

    /// The same search as `search_positions`, starting from the previous
    /// keystroke's hits when `q` narrows them: typing forward at province scale
    /// then checks the few hundred records still shown, not all 13,000.
    pub fn search_narrowing(&self, q: &Query, earlier: Option<&Hits>) -> Hits {
        let positions = match earlier {
            Some(e) if e.generation == self.generation && e.narrowed_by(q) => {
                // Every earlier hit holds every earlier word: only the words that are new (the
                // one being typed, a word added) are looked for. "cong ty th" after "cong ty t"
                // checks "th" in the 10,000 records of a province that hold "cong" and "ty".
                let held = search_terms(&e.query.text);
                let terms: Vec<_> = search_terms(&q.text).into_iter().filter(|t| !held.contains(t)).collect();
                e.positions.iter().copied().filter(|&i| self.admits(i, q, &terms)).collect()
            }
            _ => self.search_positions(q),
        };
        Hits { generation: self.generation, query: q.clone(), positions }
    }
}

fn none_last<T: Ord>(a: Option<&T>, b: Option<&T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) if descending => y.cmp(x),
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// A change made at `ms` on device "d", for the tests below.
#[cfg(test)]
fn change_at(ms: i64) -> crate::model::record::Change {
    crate::model::record::Change { at: crate::model::clock::Hlc { ms, counter: 0, device: "d".into() }, officer: String::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_register_read_is_a_new_generation() {
        // Search hits are positions in the register they came from: a register read again, even
        // empty, must not pass for the one before it.
        let (first, second) = (Registry::empty(), Registry::empty());
        assert!(first.is_empty() && second.is_empty());
        assert_ne!(first.generation, second.generation);
        assert_ne!(first.generation, Registry::default().generation);
        assert_ne!(Registry::new(Vec::new()).generation, second.generation);
    }

    fn rec(id: &str, name: &str, tax: Option<&str>, unit: &str, employees: Option<u32>) -> EnterpriseRecord {
        let change = crate::model::record::Change {
            at: crate::model::clock::Hlc { ms: id.len() as i64, counter: 0, device: "d".into() },
            officer: String::new(),
        };
        Record::new(id.into(), &change, Enterprise {
                name: name.into(),
                tax_code: tax.map(str::to_string),
                admin_unit_id: Some(unit.into()),
                vsic_section: Some("C".into()),
                employees,
                revenue_bn_vnd: Some(1.0),
                ..Default::default()
            })
    }

    fn sample() -> Registry {
        Registry::new(vec![
            rec("a", "Công ty CP Xuất nhập khẩu Đồng Tháp", Some("1400100593"), "tp-cao-lanh", Some(500)),
            rec("bb", "HTX Xoài Mỹ Xương", None, "h-cao-lanh", Some(9)),
            rec("ccc", "Cơ sở Hoa kiểng Sa Đéc", Some("0100233488"), "tp-sa-dec", Some(60)),
            rec("dddd", "Doanh nghiệp Dũng Tiến", None, "tp-sa-dec", None),
        ])
    }

    fn names(hits: Vec<&EnterpriseRecord>) -> Vec<&str> {
        hits.into_iter().map(|r| r.payload.name.as_str()).collect()
    }

    #[test]
    fn search_folds_diacritics_and_matches_tax_code_prefix() {
        let r = sample();
        let q = |t: &str| Query { text: t.into(), ..Default::default() };
        assert_eq!(names(r.search(&q("dong thap"))), vec!["Công ty CP Xuất nhập khẩu Đồng Tháp"]);
        assert_eq!(names(r.search(&q("xoai my"))), vec!["HTX Xoài Mỹ Xương"]);
        assert_eq!(names(r.search(&q("SA DEC"))), vec!["Cơ sở Hoa kiểng Sa Đéc"]);
        assert_eq!(names(r.search(&q("1400"))), vec!["Công ty CP Xuất nhập khẩu Đồng Tháp"]);
        let code = r.search(&q("1400"))[0].payload.tax_code.clone().unwrap();
        assert!(r.search(&q(&code[2..])).is_empty(), "a tax code matches from its start only");
        assert_eq!(names(r.search(&q("Đồng"))), vec!["Công ty CP Xuất nhập khẩu Đồng Tháp"]);
        assert!(r.search(&q("Đông")).is_empty(), "diacritics typed narrow the search");
        assert!(r.search(&q("ĐÔNG THÁP")).is_empty());
        assert_eq!(names(r.search(&q("ĐỒNG tháp"))), vec!["Công ty CP Xuất nhập khẩu Đồng Tháp"]);
        assert_eq!(names(r.search(&q("Dũng"))), vec!["Doanh nghiệp Dũng Tiến"]);
        assert_eq!(names(r.search(&q("dung"))), vec!["Doanh nghiệp Dũng Tiến"]);
        assert!(r.search(&q("Dung")).iter().any(|e| e.payload.name.contains("Dũng")), "no diacritics: both");
        assert_eq!(r.search(&q("")).len(), 4);
        assert!(r.search(&q("vinh long")).is_empty());
    }

    #[test]
    fn a_register_gathered_in_parts_is_the_register_of_all_its_records() {
        let mut deleted = rec("z", "Đã xóa", Some("0300000003"), "tp-sa-dec", None);
        deleted.deleted = true;
        let all = vec![
            rec("a", "Ông Bảy", Some("0300000001"), "tp-sa-dec", Some(3)),
            rec("b", "An Phú", None, "h-lai-vung", Some(120)),
            deleted,
            rec("c", "Đồng Tâm", Some("0300000002"), "tp-sa-dec", None),
        ];
        let mut builder = RegistryBuilder::default();
        builder.add(all[..1].to_vec());
        assert_eq!(builder.so_far().len(), 1, "what is gathered so far reads as a register of its own");
        builder.add(all[1..].to_vec());
        let (parts, whole) = (Registry::from_builder(builder), Registry::new(all));
        assert_eq!(parts.to_records(), whole.to_records());
        for q in [Query::default(), Query { text: "dong".into(), ..Default::default() }, Query { sort: SortKey::Employees, descending: true, ..Default::default() }] {
            let ids = |r: &Registry| r.search_positions(&q).into_iter().filter_map(|i| r.at(i).map(|x| x.id.clone())).collect::<Vec<_>>();
            assert_eq!(ids(&parts), ids(&whole), "{q:?}");
        }
        assert_eq!(parts.owner_of_tax_code("0300000002", None).as_deref(), Some("c"));
        assert_eq!(parts.owner_of_tax_code("0300000003", None), None, "a tombstone owns no tax code");
    }

    #[test]
    fn filters_combine() {
        let r = sample();
        let q = Query { admin_unit_id: Some("tp-sa-dec".into()), ..Default::default() };
        assert_eq!(r.search(&q).len(), 2);
        let q = Query { admin_unit_id: Some("tp-sa-dec".into()), text: "dung".into(), ..Default::default() };
        assert_eq!(names(r.search(&q)), vec!["Doanh nghiệp Dũng Tiến"]);
        let q = Query { size: Some(Some(SizeClass::Large)), ..Default::default() };
        assert_eq!(names(r.search(&q)), vec!["Công ty CP Xuất nhập khẩu Đồng Tháp"]);
        let q = Query { size: Some(None), ..Default::default() };
        assert_eq!(names(r.search(&q)), vec!["Doanh nghiệp Dũng Tiến"]);
        let q = Query { vsic_section: Some("G".into()), ..Default::default() };
        assert!(r.search(&q).is_empty());
        let q = Query { product: Some(ProductGroup::Rice), ..Default::default() };
        assert!(r.search(&q).is_empty());
    }

    #[test]
    fn sorts_in_vietnamese_order_with_missing_values_last() {
        let r = sample();
        let all = |sort, descending| names(r.search(&Query { sort, descending, ..Default::default() }));
        assert_eq!(
            all(SortKey::Name, false),
            // ô comes before ơ in the Vietnamese alphabet.
            vec!["Công ty CP Xuất nhập khẩu Đồng Tháp", "Cơ sở Hoa kiểng Sa Đéc", "Doanh nghiệp Dũng Tiến", "HTX Xoài Mỹ Xương"]
        );
        assert_eq!(all(SortKey::Name, true)[0], "HTX Xoài Mỹ Xương");
        assert_eq!(all(SortKey::Employees, false), vec![
            "HTX Xoài Mỹ Xương", "Cơ sở Hoa kiểng Sa Đéc", "Công ty CP Xuất nhập khẩu Đồng Tháp", "Doanh nghiệp Dũng Tiến"
        ]);
        assert_eq!(all(SortKey::Employees, true).last(), Some(&"Doanh nghiệp Dũng Tiến"));
        assert_eq!(all(SortKey::TaxCode, false)[0], "Cơ sở Hoa kiểng Sa Đéc");
        assert_eq!(all(SortKey::Updated, true)[0], "Doanh nghiệp Dũng Tiến");
    }

    #[test]
    fn upsert_deletion_and_tax_code_ownership() {
        let mut r = sample();
        assert_eq!(r.owner_of_tax_code("0100233488", None).as_deref(), Some("ccc"));
        assert_eq!(r.owner_of_tax_code("0100233488", Some("ccc")), None, "a record does not clash with itself");
        let mut changed = r.get("ccc").unwrap().clone();
        changed.payload.tax_code = None;
        changed.payload.name = "Cơ sở Hoa kiểng Tân Quy Đông".into();
        r.upsert(changed);
        assert_eq!(r.len(), 4);
        assert_eq!(r.owner_of_tax_code("0100233488", None), None);
        assert_eq!(names(r.search(&Query { text: "tan quy".into(), ..Default::default() })).len(), 1);
        let gone = r.get("a").unwrap().deleted_by(&change_at(8));
        r.upsert(gone.clone());
        assert!(r.get("a").is_none());
        r.upsert(gone);
        assert_eq!(r.len(), 3, "the same deletion again takes nothing more");
        assert_eq!(r.owner_of_tax_code("1400100593", None), None);
        assert_eq!(r.get("bb").unwrap().payload.name, "HTX Xoài Mỹ Xương", "ids still resolve after a removal");
        assert_eq!(r.count_by_unit().get(&Some("tp-sa-dec".into())), Some(&2));
        let tomb = r.get("bb").unwrap().deleted_by(&change_at(9));
        r.upsert(tomb.clone());
        assert!(r.get("bb").is_none(), "a tombstone leaves the register");
        assert!(Registry::new(vec![tomb]).is_empty());
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::text;
    use proptest::prelude::*;

    fn record(i: usize, name: String, tax_code: String) -> EnterpriseRecord {
        Record::new(format!("e{i}"), &change_at(i as i64), Enterprise { name, tax_code: Some(tax_code), ..Default::default() })
    }

    fn any_query() -> impl Strategy<Value = Query> {
        (prop::option::of(prop::sample::select(vec!["tp-sa-dec".to_string(), "tp-cao-lanh".to_string()])), any::<bool>(), prop::sample::select(SortKey::ALL.to_vec()))
            .prop_map(|(admin_unit_id, descending, sort)| Query { admin_unit_id, descending, sort, ..Default::default() })
    }

    proptest! {
        /// Typing forward, a letter or a word at a time, from any text: each keystroke's narrowed hits
        /// are exactly a fresh search's, in the same order; a change of the register starts afresh.
        #[test]
        fn narrowing_a_search_finds_what_a_fresh_search_finds(
            names in proptest::collection::vec((prop::sample::select(vec!["Công ty Đồng Tháp", "Cơ sở Đông Thạnh", "HTX Xoài Mỹ Xương", "Doanh nghiệp 140"]), text()), 1..10),
            typed in text(),
            extra in "[ a-zđồôơ0-9]{0,6}",
            base in any_query(),
        ) {
            let mut r = Registry::new(names.iter().cloned().enumerate().map(|(i, (n, t))| {
                let mut rec = record(i, format!("{n} {i}"), t);
                rec.payload.admin_unit_id = Some(if i % 2 == 0 { "tp-sa-dec" } else { "tp-cao-lanh" }.into());
                rec
            }).collect());
            let full = format!("{typed}{extra}");
            let mut hits: Option<Hits> = None;
            for end in (0..=full.len()).filter(|&n| full.is_char_boundary(n)) {
                let q = Query { text: full[..end].to_string(), ..base.clone() };
                let narrowed = r.search_narrowing(&q, hits.as_ref());
                prop_assert_eq!(&narrowed.positions, &r.search_positions(&q), "typed {:?}", &q.text);
                hits = Some(narrowed);
            }
            let gone = r.get("e0").unwrap().deleted_by(&change_at(1_000));
            r.upsert(gone);
            let q = Query { text: full.clone(), ..base.clone() };
            prop_assert_eq!(r.search_narrowing(&q, hits.as_ref()).positions, r.search_positions(&q));
        }

        /// Gathered in parts of any sizes, a register is the register of all its records: the
        /// same name order (equal names in read order), the same owner of each id and tax code
        /// (the last read), the same hits; repeated ids, tax codes and names included.
        #[test]
        fn a_register_gathered_in_any_parts_is_the_register_of_all_its_records(
            rows in proptest::collection::vec((0..6usize, prop::sample::select(vec!["An", "Ân", "Bình", "an", "Đông", ""]), 0..4usize, any::<bool>()), 0..30),
            cuts in proptest::collection::vec(0..30usize, 0..6),
        ) {
            let all: Vec<EnterpriseRecord> = rows.iter().enumerate().map(|(i, &(id, name, code, deleted))| {
                let mut r = record(i, name.to_string(), format!("030000000{code}"));
                r.id = format!("e{id}");
                r.deleted = deleted;
                r
            }).collect();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(all.len())).collect();
            cuts.sort_unstable();
            let mut builder = RegistryBuilder::default();
            let mut from = 0;
            for cut in cuts.into_iter().chain([all.len()]) {
                builder.add(all[from..cut].to_vec());
                from = cut;
                prop_assert_eq!(builder.so_far().to_records(), Registry::new(all[..cut].to_vec()).to_records());
            }
            // What the indexes must be, worked out apart from `Keys`: one stable sort, maps collected in order.
            let live: Vec<&EnterpriseRecord> = all.iter().filter(|r| !r.deleted).collect();
            let mut name_order: Vec<usize> = (0..live.len()).collect();
            name_order.sort_by(|&a, &b| CollationKey::new(&live[a].payload.name).cmp(&CollationKey::new(&live[b].payload.name)));
            let by_id: HashMap<String, usize> = live.iter().enumerate().map(|(i, r)| (r.id.clone(), i)).collect();
            let by_tax_code: HashMap<String, usize> = live.iter().enumerate().filter_map(|(i, r)| Some((r.payload.tax_code.clone()?, i))).collect();
            let (parts, whole) = (Registry::from_builder(builder), Registry::new(all.clone()));
            prop_assert_eq!(&parts.name_order, &name_order);
            prop_assert_eq!(&parts.by_id, &by_id);
            prop_assert_eq!(&parts.by_tax_code, &by_tax_code);
            prop_assert_eq!(&whole.name_order, &name_order);
            for q in [Query::default(), Query { text: "an".into(), ..Default::default() }, Query { sort: SortKey::Name, descending: true, ..Default::default() }] {
                prop_assert_eq!(parts.search_positions(&q), whole.search_positions(&q));
            }
        }

        /// Any sequence of saves, deletions (tombstones, of live records or not) and restores, read whole or in
        /// parts, against any last export that may move: the running counts are what walking the
        /// records gives (per unit, per size, with a tax code; not exported, deletions included).
        #[test]
        fn running_counts_are_what_a_walk_gives(
            read in proptest::collection::vec((0..8usize, 0..3usize, any::<bool>(), any::<bool>()), 0..10),
            steps in proptest::collection::vec((0..8usize, 0..3usize, 0..4u8, any::<bool>()), 0..30),
            exports in proptest::collection::vec(proptest::option::of(0i64..80), 1..4),
        ) {
            let units = ["tp-sa-dec", "tp-cao-lanh", "xa-my-an"];
            let make = |id: usize, unit: usize, taxed: bool, ms: i64| Record::new(format!("e{id}"), &change_at(ms), Enterprise {
                name: format!("Cơ sở {id}"),
                admin_unit_id: Some(units[unit].into()),
                tax_code: taxed.then(|| format!("{:010}", id)),
                employees: Some(unit as u32 * 60),
                revenue_bn_vnd: Some(1.0),
                ..Default::default()
            });
            // One record per id, as a store holds them; some read as tombstones.
            let mut held: HashMap<usize, EnterpriseRecord> = HashMap::new();
            for (i, &(id, unit, taxed, deleted)) in read.iter().enumerate() {
                let r = make(id, unit, taxed, i as i64 + 1);
                held.insert(id, if deleted { r.deleted_by(&change_at(i as i64 + 2)) } else { r });
            }
            let mut last = exports[0].map(|ms| Hlc { ms, counter: 0, device: "d".into() });
            let mut builder = RegistryBuilder::against(last.as_ref());
            let mut ids: Vec<&usize> = held.keys().collect();
            ids.sort();
            for part in ids.chunks(3) {
                builder.add(part.iter().map(|id| held[id].clone()).collect());
            }
            let mut r = Registry::from_builder(builder);
            for (n, (id, unit, what, taxed)) in steps.into_iter().enumerate() {
                let ms = 20 + n as i64 * 2;
                match what {
                    0 | 1 => r.upsert(make(id, unit, taxed, ms)),
                    2 => {
                        if let Some(x) = r.get(&format!("e{id}")).cloned() {
                            r.upsert(x.deleted_by(&change_at(ms)));
                        }
                    }
                    // A tombstone whatever the register holds: none, a live record, or a tombstone already.
                    _ => r.upsert(make(id, unit, taxed, ms).deleted_by(&change_at(ms + 1))),
                }
                if let Some(e) = exports.get(n % 3 + 1).filter(|_| n % 5 == 4) {
                    last = e.map(|ms| Hlc { ms, counter: 0, device: "d".into() });
                    if n % 2 == 0 {
                        r.rebase(last.as_ref());
                    }
                }
                let live: Vec<&EnterpriseRecord> = r.records().collect();
                let mut by_unit: HashMap<Option<String>, usize> = HashMap::new();
                let mut by_size: HashMap<Option<SizeClass>, usize> = HashMap::new();
                for x in &live {
                    *by_unit.entry(x.payload.admin_unit_id.clone()).or_insert(0) += 1;
                    *by_size.entry(x.payload.size_class()).or_insert(0) += 1;
                }
                prop_assert_eq!(r.count_by_unit(), by_unit);
                prop_assert_eq!(r.count_by_size(), by_size);
                prop_assert_eq!(r.with_tax_code(), live.iter().filter(|x| x.payload.tax_code.is_some()).count());
                let everything: Vec<&EnterpriseRecord> = live.iter().copied().chain(r.tombstones.iter()).collect();
                prop_assert!(everything.iter().filter(|x| x.deleted).all(|x| r.get(&x.id).is_none()), "a tombstone is not listed");
                prop_assert_eq!(r.unexported(last.as_ref()), crate::store::export::unexported(everything.into_iter(), last.as_ref()));
            }
        }

        /// A search of blanks with no filter lists every record, in the order a filter that
        /// admits them all gives (`admits` with no words), whatever the sort.
        #[test]
        fn nothing_searched_lists_every_record(names in proptest::collection::vec((text(), text()), 0..12), blanks in "[ \t]{0,3}", descending in any::<bool>()) {
            let r = Registry::new(names.iter().cloned().enumerate().map(|(i, (n, t))| record(i, n, t)).collect());
            for sort in SortKey::ALL {
                let q = Query { text: blanks.clone(), sort, descending, ..Default::default() };
                let mut admitted: Vec<usize> = r.name_order.iter().copied().filter(|&i| r.admits(i, &q, &[])).collect();
                prop_assert_eq!(admitted.len(), names.len());
                let listed = r.search_positions(&q);
                if sort == SortKey::Name && descending {
                    admitted.reverse();
                }
                if sort == SortKey::Name {
                    prop_assert_eq!(listed, admitted);
                } else {
                    let mut sorted = listed.clone();
                    sorted.sort_unstable();
                    prop_assert_eq!(sorted, (0..names.len()).collect::<Vec<_>>());
                }
            }
        }

        #[test]
        fn every_record_is_found_by_its_own_name_whatever_it_is(names in proptest::collection::vec((text(), text()), 1..8), query in text(), descending in any::<bool>()) {
            let r = Registry::new(names.iter().cloned().enumerate().map(|(i, (n, t))| record(i, n, t)).collect());
            for key in SortKey::ALL {
                let hits = r.search_positions(&Query { text: query.clone(), sort: key, descending, ..Default::default() });
                prop_assert!(hits.iter().all(|&i| r.at(i).is_some()));
            }
            for (i, (name, _)) in names.iter().enumerate() {
                let hits = r.search(&Query { text: name.clone(), ..Default::default() });
                prop_assert!(hits.iter().any(|h| h.id == format!("e{i}")), "{:?} not found by its name", name);
            }
        }
    }
}
