use super::i18n::tr;
use crate::i18n::Msg;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1 data-testid="page-title">{tr(Msg::PageNotFound)}</h1>
            <p><A href="/">{tr(Msg::GoHome)}</A></p>
        </section>
    }
}
