//! The enterprise sends its result to the department: a sync file (version
//! 2, `docs/sync-format.md`) of its profile and its self-assessments, marked
//! as written by an enterprise so the department files it under the register
//! enterprise with the same tax code.

use crate::i18n::Msg;
use crate::model::assessment::Assessment;
use crate::model::enterprise::Enterprise;
use crate::model::record::RecordKind;
use crate::sync::file::Scope;
use crate::ui::i18n::{tr, use_lang};
use crate::ui::state::{Flash, FlashKind};
use crate::web::sync_io;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ResultExport(#[prop(into)] enterprise_id: Signal<String>, #[prop(into)] tax_code: Signal<String>) -> impl IntoView {
    let lang = use_lang();
    let flash = expect_context::<Flash>();
    let busy = RwSignal::new(false);
    let done = RwSignal::new(None::<Result<String, String>>);
    let export = move |_| {
        busy.set(true);
        done.set(None);
        // Read at the click: the props' signals may be gone once the records are read.
        let (id, label) = (enterprise_id.get_untracked(), format!("ket-qua-tu-danh-gia-{}", tax_code.get_untracked()));
        spawn_local(async move {
            let outcome = async {
                let held = sync_io::load_held().await?.for_result(&id);
                let scope = Scope { from_enterprise: true, kinds: vec![Enterprise::KIND.to_string(), Assessment::KIND.to_string()], ..Default::default() };
                sync_io::export(held, scope, &label, &sync_io::Packing { compress: false, passphrase: None }).await
            }
            .await;
            let said = outcome.as_ref().map(|e| e.name.clone()).map_err(|e| e.message(lang.get_untracked()).to_string());
            // Gone (the officer left, or the page was drawn again), this cannot show a failure:
            // it is said where the officer is. A file made is in their downloads either way.
            if done.try_set(Some(said)).is_some() {
                if let Err(e) = outcome {
                    flash.show(FlashKind::Error, vec![e.msg(), Msg::ExportFailed]);
                }
            }
            busy.set(false);
        });
    };
    view! {
        <div class="result-export no-print">
            <button type="button" class="button" data-testid="export-result" disabled=move || busy.get() on:click=export>{tr(Msg::ExportResult)}</button>
            <p class="muted small">{tr(Msg::ExportResultHelp)}</p>
            {move || done.get().map(|r| match r {
                Ok(name) => view! { <p class="banner" role="status" data-testid="export-result-done">{move || lang.get().result_exported(&name)}</p> }.into_any(),
                Err(e) => view! { <p class="banner banner-error" role="alert" data-testid="export-result-failed">{e}</p> }.into_any(),
            })}
        </div>
    }
}
