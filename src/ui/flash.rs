use super::i18n::{tr, use_lang};
use super::state::{Flash, FlashKind, FlashMessage};
use crate::i18n::Msg;
use leptos::prelude::*;
use crate::ui::router::use_path;

#[component]
pub fn FlashBanner() -> impl IntoView {
    let flash = expect_context::<Flash>();
    let lang = use_lang();
    let path = use_path();
    move || {
        let here = path.get();
        flash.0.get().filter(|m| m.path == here).map(|FlashMessage { kind, msgs, .. }| {
            let class = match kind {
                FlashKind::Success => "flash flash-success",
                FlashKind::Warning => "flash flash-warning",
                FlashKind::Error => "flash flash-error",
            };
            let role = if kind == FlashKind::Error { "alert" } else { "status" };
            let text = move || msgs.iter().map(|m| lang.get().t(*m)).collect::<Vec<_>>().join(" ");
            view! {
                <div class=class role=role data-testid="flash">
                    <span>{text}</span>
                    <button type="button" class="link-button" on:click=move |_| flash.clear()>
                        {tr(Msg::Dismiss)}
                    </button>
                </div>
            }
        })
    }
}
