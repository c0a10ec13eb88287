//! An activity's kept versions: who changed what and when, field by field.

use crate::format::format_date_time;
use crate::i18n::Msg;
use crate::model::activity::Activity;
use crate::model::activity_fields::changes;
use crate::model::record::Record;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::Register;
use crate::web::{browser, record_store};
use crate::ui::change_list::ChangeList;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ActivityHistory(current: RwSignal<Option<Record<Activity>>>) -> impl IntoView {
    let register = expect_context::<Register>();
    let lang = use_lang();
    let offset = browser::utc_offset_minutes();
    let earlier = RwSignal::new(None::<Vec<Record<Activity>>>);
    // Read again after each save: the version it replaced is now in the history.
    Effect::new(move |_| {
        let Some(id) = current.with(|c| c.as_ref().map(|r| r.id.clone())) else { return };
        spawn_local(async move {
            // A history that cannot be read is shown as empty; the record itself is unaffected.
            let h = record_store().history::<Activity>(&id).await.unwrap_or_default();
            let _ = earlier.try_set(Some(h));
        });
    });
    let name_of = move |id: &str| register.registry.with_untracked(|r| r.get(id).map(|e| e.payload.name.clone())).unwrap_or_else(|| id.to_string());
    view! {
        <section class="card history" data-testid="activity-history">
            <h2>{tr(Msg::HistoryTitle)}</h2>
            {move || {
                let (Some(older), Some(now)) = (earlier.get(), current.get()) else { return view! { <p class="muted">{tr(Msg::Loading)}</p> }.into_any() };
                let l = lang.get();
                let units = register.units.get();
                let newest = now.version.clone();
                let mut versions = vec![now];
                versions.extend(older.into_iter().filter(|o| o.version != newest));
                let count = versions.len();
                versions.iter().enumerate().map(|(i, v)| {
                    let diff = versions.get(i + 1).map(|prev| changes(&prev.payload, &v.payload, &units, &name_of, l));
                    view! {
                        <article class="history-entry" data-testid="history-entry">
                            <header>
                                <strong>{format_date_time(v.updated_ms(), offset)}</strong>" · "{v.author().to_string()}
                                {(i == 0).then(|| view! { <span class="badge">{tr(Msg::HistoryCurrent)}</span> })}
                            </header>
                            <ChangeList diff=diff first={i + 1 == count}/>
                        </article>
                    }
                }).collect_view().into_any()
            }}
        </section>
    }
}
