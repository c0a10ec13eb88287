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
) -> impl IntoView {
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
                    <div class="form-actions">
                        <button type="button" class="button danger" data-testid="confirm-yes"
                            on:click=move |_| { open.set(false); on_confirm.run(()); }>{tr(confirm_label)}</button>
                        <button type="button" class="button" node_ref=cancel_ref data-testid="confirm-no"
                            on:click=move |_| open.set(false)>{tr(Msg::Cancel)}</button>
                    </div>
                </div>
            </div>
        </Show>
    }
}
