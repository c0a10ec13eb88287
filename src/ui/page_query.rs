//! The address's query (`?period=…&unit=…`), as the page shown reads it.
//!
//! The app's routes are matched by Leptos's `FlatRoutes` (`ui/app.rs`: the nested router's
//! code is 18 KB more of the first download, gzipped). `FlatRoutes` gives a route the URL it
//! was opened at, and when a navigation only changes the route's params
//! (`/indicators/a?period=…` to `/indicators/b?period=…`, or `/surveys/x` to
//! `/surveys/y?for=…`) it updates the params but not that URL, which `use_query_map` reads:
//! the page would go on reading the query of the address before. This reads the router's
//! location instead, at the moments the page's own address changed: the route's params or
//! its URL (a change of the query alone). Not the location at every change: a page being
//! left would otherwise follow the next page's address until it is gone.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};
use leptos_router::params::ParamsMap;

/// The query of the address the page shown is at.
pub fn use_page_query() -> Memo<ParamsMap> {
    let route_query = use_query_map();
    let params = use_params_map();
    let location = use_location();
    Memo::new(move |_| {
        // Read, not only `track()`ed: with `route_query.track()` the memo was not seen to
        // change, and the activity list's filters stopped following the address.
        params.with(|_| ());
        route_query.with(|_| ());
        location.query.get_untracked()
    })
}
