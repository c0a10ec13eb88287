use super::i18n::{tr, use_lang};
use super::state::{Flash, FlashKind};
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn FlashBanner() -> impl IntoView {
    let flash = expect_context::<Flash>();
    let lang = use_lang();
    move || {
        flash.0.get().map(|(kind, msgs)| {
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
