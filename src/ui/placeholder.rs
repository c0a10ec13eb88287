use super::i18n::tr;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1 data-testid="page-title">{tr(Msg::PageNotFound)}</h1>
            <p><a href="/">{tr(Msg::GoHome)}</a></p>
        </section>
    }
}
