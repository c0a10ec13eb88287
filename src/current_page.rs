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

/// Whether the page at `path` opens on figures worked out from the activities, for an officer:
/// the dashboard (the home page, whose first table is the plan's indicators), the activity list,
/// the records behind an indicator and the annual report. The store reads the activities whole
/// before the surveys and self-assessments for these (`Register::load_lists`); for any other
/// page the kinds are read side by side, so a survey list's first page does not wait for every
/// activity.
pub fn opens_on_activities(path: &str) -> bool {
    is_current(path, "/", true) || ["/activities", "/indicators", "/report"].iter().any(|href| is_current(path, href, false))
}

#[cfg(test)]
mod tests {
    use super::{is_current, opens_on_activities};

    #[test]
    fn the_home_page_and_the_programme_pages_open_on_the_activities() {
        for path in ["/", "", "/activities", "/activities/new", "/activities/a1", "/indicators/training_classes", "/report"] {
            assert!(opens_on_activities(path), "{path}");
        }
        for path in ["/surveys", "/surveys/s1", "/self-assessment", "/enterprises", "/enterprises/e1", "/settings", "/sync", "/reports"] {
            assert!(!opens_on_activities(path), "{path}");
        }
    }

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
