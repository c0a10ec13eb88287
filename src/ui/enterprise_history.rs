//! The enterprise page's change history: who changed what and when, field by
//! field, with any earlier version restorable.

use super::i18n::{tr, use_lang};
use super::state::{Flash, FlashKind, Register, SaveError};
use crate::format::format_date_time;
use crate::i18n::Msg;
use crate::model::enterprise::Enterprise;
use crate::model::enterprise_draft::EnterpriseDraft;
use crate::model::enterprise_fields::changes;
use crate::model::record::Record;
use crate::web::{browser, record_store};
use super::change_list::ChangeList;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn EnterpriseHistory(current: Record<Enterprise>) -> impl IntoView {
    let register = expect_context::<Register>();
    let flash = expect_context::<Flash>();
    let lang = use_lang();
    let offset = browser::utc_offset_minutes();
    let earlier = RwSignal::new(None::<Vec<Record<Enterprise>>>);
    let id = current.id.clone();
    spawn_local(async move {
        // A history that cannot be read is shown as empty; the record itself is unaffected.
        earlier.set(Some(record_store().history::<Enterprise>(&id).await.unwrap_or_default()));
    });
    let current = StoredValue::new(current);

    let restore = move |old: Record<Enterprise>| {
        let cur = current.get_value();
        spawn_local(async move {
            let l = lang.get_untracked();
            let draft = EnterpriseDraft::from_enterprise(&old.payload, l);
            match register.save(l, draft, Some(cur.id.clone()), Some(cur.version.clone())).await {
                Ok(_) => flash.show(FlashKind::Success, vec![Msg::Restored]),
                Err(SaveError::Store(e)) => flash.show(FlashKind::Error, vec![e.msg()]),
                Err(SaveError::InConflict) => flash.show(FlashKind::Warning, vec![Msg::EditInConflict]),
                Err(SaveError::Invalid | SaveError::Conflict(_) | SaveError::Deleted(_)) => flash.show(FlashKind::Error, vec![Msg::RestoreFailed]),
            }
        });
    };

    view! {
        <section class="card history no-print" data-testid="history">
            <h2>{tr(Msg::HistoryTitle)}</h2>
            {move || {
                let Some(older) = earlier.get() else { return view! { <p class="muted">{tr(Msg::Loading)}</p> }.into_any() };
                if older.is_empty() {
                    return view! { <p class="muted" data-testid="history-empty">{tr(Msg::HistoryEmpty)}</p> }.into_any();
                }
                let units = register.units.get();
                let l = lang.get();
                let mut versions = vec![current.get_value()];
                versions.extend(older);
                let count = versions.len();
                versions.iter().enumerate().map(|(i, v)| {
                    let who = v.author().to_string();
                    let when = format_date_time(v.updated_ms(), offset);
                    let diff = versions.get(i + 1).map(|prev| changes(&prev.payload, &v.payload, &units, l));
                    let is_current = i == 0;
                    let to_restore = v.clone();
                    view! {
                        <article class="history-entry" data-testid="history-entry">
                            <header>
                                <strong>{when}</strong>" · "{who}
                                {is_current.then(|| view! { <span class="badge">{tr(Msg::HistoryCurrent)}</span> })}
                                {v.deleted.then(|| view! { <span class="badge">{tr(Msg::Deleted)}</span> })}
                            </header>
                            <ChangeList diff=diff first={i + 1 == count}/>
                            {(!is_current).then(|| view! {
                                <button type="button" class="button" data-testid="history-restore"
                                    disabled=move || register.read_only()
                                    on:click=move |_| restore(to_restore.clone())>{tr(Msg::Restore)}</button>
                            })}
                        </article>
                    }
                }).collect_view().into_any()
            }}
        </section>
    }
}
