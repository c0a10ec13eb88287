//! A modal confirmation for destructive actions. Focus starts on Cancel, and
//! Escape cancels, so a stray Enter never deletes anything.

use super::i18n::tr;
use crate::i18n::Msg;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn ConfirmDialog(
    open: RwSignal<bool>,
    title: Msg,
    #[prop(into)] body: Signal<String>,
    confirm_label: Msg,
    on_confirm: Callback<()>,
    /// More to read or choose before confirming, below the body.
    #[prop(optional, into)]
    extra: Option<ViewFn>,
    /// While true the confirm button waits (what it would do is still being worked out).
    #[prop(optional, into)]
    confirm_disabled: Option<Signal<bool>>,
) -> impl IntoView {
    let extra = StoredValue::new(extra);
    let cancel_ref = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if open.get() {
            if let Some(button) = cancel_ref.get() {
                let _ = button.focus();
            }
        }
    });
    view! {
        <Show when=move || open.get()>
            <div class="modal-backdrop" on:keydown=move |ev| if ev.key() == "Escape" { open.set(false) }>
                <div class="modal" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-body"
                    data-testid="confirm-dialog">
                    <h2 id="confirm-title">{tr(title)}</h2>
                    <p id="confirm-body">{move || body.get()}</p>
                    {move || extra.with_value(|e| e.as_ref().map(|e| e.run()))}
                    <div class="form-actions">
                        <button type="button" class="button danger" data-testid="confirm-yes"
                            disabled=move || confirm_disabled.is_some_and(|d| d.get())
                            on:click=move |_| { open.set(false); on_confirm.run(()); }>{tr(confirm_label)}</button>
                        <button type="button" class="button" node_ref=cancel_ref data-testid="confirm-no"
                            on:click=move |_| open.set(false)>{tr(Msg::Cancel)}</button>
                    </div>
                </div>
            </div>
        </Show>
    }
}
