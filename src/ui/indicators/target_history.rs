//! Every change to the targets, newest first: who, when, which indicator and
//! period, and field by field what changed (`sync::diff`, as the import
//! preview and conflicts show fields).

use crate::format::format_date_time;
use crate::i18n::Msg;
use crate::model::indicator_target::IndicatorTarget;
use crate::model::record::Record;
use crate::sync::diff::field_table;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use crate::web::{browser, record_store};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn TargetHistory() -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let offset = browser::utc_offset_minutes();
    // (current, earlier versions) of each stored target, read again when a target changes.
    let versions = RwSignal::new(None::<Vec<Vec<Record<IndicatorTarget>>>>);
    Effect::new(move |_| {
        let current: Vec<Record<IndicatorTarget>> = register.targets.records.get();
        spawn_local(async move {
            let mut all = Vec::new();
            for c in current {
                // A history that cannot be read is shown as the current version alone.
                let mut chain = record_store().history::<IndicatorTarget>(&c.id).await.unwrap_or_default();
                chain.retain(|o| o.version != c.version);
                chain.insert(0, c);
                all.push(chain);
            }
            let _ = versions.try_set(Some(all));
        });
    });
    view! {
        <section class="ind-target-history" data-testid="target-history">
            <h3>{tr(Msg::TargetHistoryTitle)}</h3>
            {move || {
                let Some(chains) = versions.get() else { return view! { <p class="muted">{tr(Msg::Loading)}</p> }.into_any() };
                let l = lang.get();
                // Each version beside the one before it, all records together, newest first.
                let mut entries: Vec<(Record<IndicatorTarget>, Option<Record<IndicatorTarget>>)> = Vec::new();
                for chain in chains {
                    for (i, v) in chain.iter().enumerate() {
                        entries.push((v.clone(), chain.get(i + 1).cloned()));
                    }
                }
                crate::sort::sort_by(&mut entries, |a, b| b.0.updated.cmp(&a.0.updated));
                if entries.is_empty() {
                    return view! { <p class="muted" data-testid="target-history-empty">{tr(Msg::TargetHistoryEmpty)}</p> }.into_any();
                }
                let defs = crate::indicators::shipped();
                view! {
                    <ol class="history-list">
                        {entries.into_iter().map(|(v, prev)| {
                            let name = defs.get(&v.payload.indicator_id).map_or(v.payload.indicator_id.clone(), |d| d.label.get(l).to_string());
                            // The first version replaced the plan's default, which is shown as such
                            // (it read "—", as if there had been no target).
                            // Only a record's first version replaced the default: with no earlier
                            // version for another reason (history trimmed, or kept on another
                            // laptop), what came before is not known here.
                            let from_default = prev.is_none() && v.created == v.updated;
                            let rows = match &prev {
                                Some(p) => field_table(&[&p.payload, &v.payload], l),
                                None => {
                                    let default = crate::indicators::Period::parse(&v.payload.period)
                                        .and_then(|p| defs.get(&v.payload.indicator_id).and_then(|d| crate::indicators::default_target(defs, d, p)));
                                    let base = IndicatorTarget {
                                        indicator_id: v.payload.indicator_id.clone(),
                                        period: v.payload.period.clone(),
                                        value: default.as_ref().map(|t| t.value),
                                        stretch: default.as_ref().and_then(|t| t.stretch),
                                        ..Default::default()
                                    };
                                    field_table(&[&base, &v.payload], l)
                                }
                            };
                            view! {
                                <li class="history-entry" data-testid="target-history-entry">
                                    <header><strong>{format_date_time(v.updated_ms(), offset)}</strong>" · "{v.author().to_string()}" · "{name}" · "{v.payload.period.clone()}</header>
                                    <ul class="changes">
                                        {rows.into_iter().map(|r| {
                                            // Numbers as the officer reads them: 12, 2,5.
                                            let shown = |x: Option<&String>| match x.map(|t| t.parse::<f64>()) {
                                                Some(Ok(n)) if r.key == "value" || r.key == "stretch" => super::progress_table::number(n, l),
                                                _ => x.cloned().filter(|t| !t.is_empty()).unwrap_or_else(|| "—".into()),
                                            };
                                            let (mut before, after) = (shown(r.values.first()), shown(r.values.get(1)));
                                            if from_default && before != "—" {
                                                before = format!("{before} ({})", crate::case::lower_str(l.t(Msg::TargetDefault)));
                                            }
                                            view! {
                                                <li data-testid="history-change"><span class="change-label">{r.label}": "</span><del>{before}</del>" → "<ins>{after}</ins></li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
