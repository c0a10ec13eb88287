//! The page's address as the app's router reads it (`ui::router`): which route a path matches,
//! with its `:name` segments, and the query's `key=value` pairs. Plain text in, plain text out:
//! an address typed by hand or pasted from a message can be anything, and none of it may panic.

/// The `:name` segments of a matched path, or the pairs of a query, in their order, decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// The first value given for `key`.
    pub fn get(&self, key: &str) -> Option<String> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }
}

/// The `:name` segments of `path` when it has the segments of `pattern` (`/enterprises/:id/edit`):
/// the same number, each literal one the same. A trailing `/` is ignored on either side; a
/// segment's `%XX` escapes are decoded (`+` stays itself, as in a path).
pub fn match_path(pattern: &str, path: &str) -> Option<Params> {
    let mut wanted = segments(pattern);
    let mut given = segments(path);
    let mut params = Vec::new();
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return Some(Params(params)),
            (Some(w), Some(g)) => match w.strip_prefix(':') {
                Some(name) => params.push((name.to_owned(), decode(g, false))),
                None if w == g => {}
                None => return None,
            },
            _ => return None,
        }
    }
}

fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.trim_matches('/').split('/').filter(|s| !s.is_empty())
}

/// The pairs of a query (`?for=a%20b&then=survey`, the `?` optional), decoded as a form's
/// fields are: `+` is a space. A pair without `=` has an empty value; empty pairs are skipped.
pub fn parse_query(search: &str) -> Params {
    let search = search.strip_prefix('?').unwrap_or(search);
    Params(
        search
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (decode(key, true), decode(value, true))
            })
            .collect(),
    )
}

/// A fragment or a path's segment with its `%XX` escapes decoded.
pub fn decode_segment(text: &str) -> String {
    decode(text, false)
}

/// Decodes `%XX` escapes (and `+` as a space when `plus_is_space`). An escape that is not two hex
/// digits stays as typed, and bytes that are not UTF-8 become U+FFFD, as the browser does.
fn decode(text: &str, plus_is_space: bool) -> String {
    if !text.contains(['%', '+']) {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => match (bytes.get(i + 1).and_then(hex), bytes.get(i + 2).and_then(hex)) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: &u8) -> Option<u8> {
    (*b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_path_matches_its_pattern_segment_by_segment() {
        assert_eq!(match_path("/", "/"), Some(Params::default()));
        assert_eq!(match_path("/enterprises", "/enterprises/"), Some(Params::default()));
        assert_eq!(match_path("/enterprises", "/enterprises/12"), None);
        assert_eq!(match_path("/enterprises/new", "/enterprises/12"), None);
        assert_eq!(match_path("/", "/enterprises"), None);
        assert_eq!(match_path("/enterprises", "/"), None);
        let edit = match_path("/enterprises/:id/edit", "/enterprises/a%20b+c/edit").unwrap();
        assert_eq!(edit.get("id").as_deref(), Some("a b+c"));
        assert_eq!(edit.get("other"), None);
        assert_eq!(match_path("/enterprises/:id/edit", "/enterprises/12"), None);
    }

    #[test]
    fn a_query_is_decoded_as_the_browser_decodes_a_form() {
        let q = parse_query("?for=C%C3%B4ng+ty%20A&then=survey&flag&&=x&for=second");
        assert_eq!(q.get("for").as_deref(), Some("Công ty A"));
        assert_eq!(q.get("then").as_deref(), Some("survey"));
        assert_eq!(q.get("flag").as_deref(), Some(""));
        assert_eq!(q.get("").as_deref(), Some("x"));
        assert_eq!(q.get("missing"), None);
        assert_eq!(parse_query(""), Params::default());
        assert_eq!(parse_query("a=%zz%4").get("a").as_deref(), Some("%zz%4"));
        assert_eq!(parse_query("a=%ff").get("a").as_deref(), Some("\u{fffd}"));
    }

    proptest! {
        /// Whatever is typed into the address bar: no panic, and a value escaped the way a form
        /// escapes it comes back as it was.
        #[test]
        fn any_address_is_read_without_panic(path in crate::arbitrary_text::text(), value in crate::arbitrary_text::text()) {
            let _ = match_path("/enterprises/:id/edit", &path);
            let _ = parse_query(&path);
            let escaped: String = value.bytes().map(|b| format!("%{b:02X}")).collect();
            prop_assert_eq!(parse_query(&format!("?v={escaped}")).get("v"), Some(value.clone()));
            let matched = match_path("/x/:id", &format!("/x/{escaped}"));
            prop_assert_eq!(matched.and_then(|p| p.get("id")), Some(value).filter(|v| !v.is_empty()));
        }
    }
}
