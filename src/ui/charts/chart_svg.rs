//! A chart from `crate::charts` on the page. The SVG is made by our own
//! renderer, which escapes every text it is given (labels are names users
//! typed): only that renderer's output is ever set as markup, and this is
//! the one place in the app that sets a chart's SVG as `inner_html`.

use leptos::prelude::*;

#[component]
pub fn ChartSvg(
    /// The SVG as `crate::charts` rendered it.
    #[prop(into)]
    svg: Signal<String>,
    testid: &'static str,
    /// What the chart shows, for screen readers.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    view! { <div class="chart" role="img" aria-label=move || label.get() data-testid=testid inner_html=move || svg.get()></div> }
}
