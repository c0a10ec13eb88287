//! The app's router: which page the address shows, links and the back button without reloading
//! the page, and the page's `:id` and query.
//!
//! Written for this app instead of `leptos_router`, whose code was about 47 KB of the first
//! download's wasm before optimisation (its matcher, its views and the reactive types over them)
//! for what the app uses of it: a list of flat routes, links, `navigate` and two hooks. The
//! matching itself is plain text (`crate::address`, tested natively).
//!
//! A page keeps its view while only its `:id` or its query changes (`/surveys/a` to `/surveys/b`,
//! the activity list's filters): its own `params` and `query` follow the address. A page being
//! left never sees the next page's address: only the page shown gets it.

use crate::address::{self, Params};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A route: the path's pattern (`/enterprises/:id`) and the page it shows.
pub type Route = (&'static str, fn() -> AnyView);

/// How a navigation goes: in the history or in place of its last entry (`replace`), and to
/// the top of the new page or where the officer was (`scroll`).
#[derive(Debug, Clone, Copy)]
pub struct NavigateOptions {
    pub replace: bool,
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        NavigateOptions { replace: false, scroll: true }
    }
}

/// The page shown: its route, and its address's `:name` segments and query.
#[derive(Clone, Copy)]
struct ShownPage {
    route: Option<usize>,
    params: RwSignal<Params>,
    query: RwSignal<Params>,
}

#[derive(Clone, Copy)]
struct RouterState {
    routes: &'static [Route],
    path: RwSignal<String>,
    /// The route to show; the page is built again only when it changes.
    route: RwSignal<Option<usize>>,
    /// The params and query the next page is built with.
    next: StoredValue<(Params, Params)>,
    shown: StoredValue<Option<ShownPage>>,
}

impl RouterState {
    /// The address is now `path` with `search`: the page shown follows it, or another is shown.
    fn arrive(self, path: String, search: &str) {
        let found = self.routes.iter().enumerate().find_map(|(i, (pattern, _))| address::match_path(pattern, &path).map(|p| (i, p)));
        let (route, params) = found.map_or((None, Params::default()), |(i, p)| (Some(i), p));
        let query = address::parse_query(search);
        match self.shown.get_value().filter(|s| s.route == route) {
            // The page shown stays and follows the address; another page on its way (from this one
            // to another and back before the next is drawn) is called off.
            Some(shown) => {
                if shown.params.with_untracked(|p| *p != params) {
                    shown.params.set(params);
                }
                if shown.query.with_untracked(|q| *q != query) {
                    shown.query.set(query);
                }
                if self.route.get_untracked() != route {
                    self.route.set(route);
                }
            }
            None => {
                self.next.set_value((params, query));
                self.route.set(route);
            }
        }
        if self.path.with_untracked(|p| *p != path) {
            self.path.set(path);
        }
    }

    fn arrive_at_current(self) {
        let location = window().location();
        self.arrive(location.pathname().unwrap_or_default(), &location.search().unwrap_or_default());
    }

    fn navigate(self, to: &str, options: NavigateOptions) {
        let location = window().location();
        let href = location.href().unwrap_or_default();
        // `to` as the browser resolves and escapes it: an address built in code (`/surveys?q=Lê`)
        // is the address shown only once written the way the address bar writes it.
        let same = web_sys::Url::new_with_base(to, &href).is_ok_and(|u| u.href() == href);
        if let Ok(history) = window().history() {
            // As the browser does for a link to the address shown: no second entry for it.
            let _ = if options.replace || same {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
            };
        }
        // As the browser now has it (resolved and escaped as a link's is), not as `to` was written.
        self.arrive_at_current();
        let hash = location.hash().unwrap_or_default();
        if !hash.is_empty() {
            // Once the page is drawn; the top when the page has no such part.
            let id = address::decode_segment(&hash[1..]);
            request_animation_frame(move || match document().get_element_by_id(&id) {
                Some(el) => el.scroll_into_view(),
                None => window().scroll_to_with_x_and_y(0.0, 0.0),
            });
        } else if options.scroll {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

/// Starts the router over `routes` (matched in their order) at the address the page opened at:
/// clicks on the app's own links and the back and forward buttons change the page from then on.
pub fn provide_router(routes: &'static [Route]) {
    let state = RouterState {
        routes,
        path: RwSignal::new(String::new()),
        route: RwSignal::new(None),
        next: StoredValue::new((Params::default(), Params::default())),
        shown: StoredValue::new(None),
    };
    state.arrive_at_current();
    provide_context(state);
    let clicks = window_event_listener(leptos::ev::click, move |ev| {
        if let Some(to) = own_link(&ev) {
            ev.prevent_default();
            state.navigate(&to, NavigateOptions::default());
        }
    });
    let back = window_event_listener(leptos::ev::popstate, move |_| state.arrive_at_current());
    on_cleanup(move || {
        clicks.remove();
        back.remove();
    });
}

/// Where a click goes when the router should take it: a plain left click on a link to another
/// address of this app. Not a link with a `target`, a download or `rel="external"`, nor one to
/// a part of the page shown (`#main`: the browser moves focus there itself).
fn own_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.alt_key() || ev.ctrl_key() || ev.shift_key() {
        return None;
    }
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let a: web_sys::HtmlAnchorElement = target.closest("a[href]").ok()??.dyn_into().ok()?;
    if !a.target().is_empty() || a.has_attribute("download") || a.get_attribute("rel").is_some_and(|r| r.split_ascii_whitespace().any(|p| p == "external")) {
        return None;
    }
    let location = window().location();
    if a.origin() != location.origin().ok()? {
        return None;
    }
    let (path, search, hash) = (a.pathname(), a.search(), a.hash());
    if !hash.is_empty() && location.pathname().ok()? == path && location.search().ok()? == search {
        return None;
    }
    Some(format!("{path}{search}{hash}"))
}

/// The page the address shows, built again when the route changes; `fallback` when no route matches.
#[component]
pub fn Routes(fallback: fn() -> AnyView) -> impl IntoView {
    let state = expect_context::<RouterState>();
    let outer = Owner::current().unwrap_or_default();
    // Compared, so that leaving a page and coming back before the next is drawn keeps it.
    let route = Memo::new(move |_| state.route.get());
    move || {
        let route = route.get();
        let (params, query) = state.next.with_value(|n| n.clone());
        // Each page has an owner of its own, not this closure's: the closure's owner is cleaned up
        // before its next run draws the next page, and the page being left must still be whole
        // while it goes (removing a focused field fires its blur handler, which reads the form's
        // values). `OwnedView` lets the old owner go once the new page has replaced it.
        let owner = outer.child();
        let view = owner.with(|| {
            let shown = ShownPage { route, params: RwSignal::new(params), query: RwSignal::new(query) };
            state.shown.set_value(Some(shown));
            provide_context(shown);
            match route {
                Some(i) => (state.routes[i].1)(),
                None => fallback(),
            }
        });
        leptos::tachys::reactive_graph::OwnedView::new_with_owner(view, owner)
    }
}

/// Opens another address of the app, as a link would.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + Copy + 'static {
    let state = expect_context::<RouterState>();
    move |to: &str, options: NavigateOptions| state.navigate(to, options)
}

/// The path shown, for what follows every page (the menu, the banners).
pub fn use_path() -> ReadSignal<String> {
    expect_context::<RouterState>().path.read_only()
}

/// The page's `:name` segments, as its address has them.
pub fn use_params_map() -> ReadSignal<Params> {
    expect_context::<ShownPage>().params.read_only()
}

/// The query of the page's address (`?period=…&unit=…`).
pub fn use_page_query() -> ReadSignal<Params> {
    expect_context::<ShownPage>().query.read_only()
}
