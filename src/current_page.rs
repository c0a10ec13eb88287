//! Which menu link stands for the page shown (its `aria-current`): the menu's links are plain
//! `<a>` elements, whose clicks the router takes, so the first download carries no link
//! component for this one test.

/// Whether the page at `path` is the one a menu link to `href` stands for: the same path, or
/// (unless `exact`) a page under it, segment by segment (`/enterprises/12` is under
/// `/enterprises`, `/enterprises-old` is not).
pub fn is_current(path: &str, href: &str, exact: bool) -> bool {
    let path = path.trim_end_matches('/');
    let href = href.trim_end_matches('/');
    // The home page ("/", empty once trimmed) has every page under it: only itself counts.
    path == href || (!exact && !href.is_empty() && path.strip_prefix(href).is_some_and(|rest| rest.starts_with('/')))
}

#[cfg(test)]
mod tests {
    use super::is_current;

    #[test]
    fn a_menu_link_is_current_on_its_page_and_the_pages_under_it() {
        assert!(is_current("/", "/", true));
        assert!(!is_current("/enterprises", "/", true));
        assert!(!is_current("/enterprises", "/", false));
        assert!(is_current("/", "/", false));
        assert!(is_current("/enterprises", "/enterprises", false));
        assert!(is_current("/enterprises/", "/enterprises", false));
        assert!(is_current("/enterprises/12/edit", "/enterprises", false));
        assert!(!is_current("/enterprises-old", "/enterprises", false));
        assert!(!is_current("/surveys", "/enterprises", false));
        assert!(!is_current("/self-assessment", "/self-assessment/3", false));
    }
}
