//! A small well-formedness check of the charts' SVG, for the tests: one
//! `<svg>` root; only the tags the charts write; tags balanced; attribute
//! values quoted; every `&` an XML entity; no `<` or `>` outside tags; no
//! character XML forbids. Enough to show that no text broke out of its tag.

/// The tags plotters' SVG backend and `canvas` write.
const TAGS: [&str; 8] = ["svg", "title", "text", "line", "polyline", "polygon", "rect", "circle"];
const ENTITIES: [&str; 5] = ["&lt;", "&gt;", "&amp;", "&quot;", "&apos;"];

pub fn assert_well_formed(svg: &str) {
    if let Err(problem) = check(svg) {
        panic!("not well-formed: {problem}\n{svg}");
    }
}

fn check_text(text: &str, inside: &str) -> Result<(), String> {
    if let Some(c) = text.chars().find(|&c| matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')) {
        return Err(format!("{c:?} in {inside}"));
    }
    if text.contains('<') || text.contains('>') {
        return Err(format!("a bare < or > in {inside}: {text:?}"));
    }
    for (i, _) in text.match_indices('&') {
        if !ENTITIES.iter().any(|e| text[i..].starts_with(e)) {
            return Err(format!("a bare & in {inside}: {text:?}"));
        }
    }
    Ok(())
}

fn check_attributes(mut attrs: &str, tag: &str) -> Result<(), String> {
    loop {
        attrs = attrs.trim_start();
        if attrs.is_empty() {
            return Ok(());
        }
        let (name, rest) = attrs.split_once("=\"").ok_or_else(|| format!("an attribute without a quoted value in <{tag}>: {attrs:?}"))?;
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':') {
            return Err(format!("attribute name {name:?} in <{tag}>"));
        }
        let (value, rest) = rest.split_once('"').ok_or_else(|| format!("an unclosed attribute value in <{tag}>"))?;
        check_text(value, tag)?;
        attrs = rest;
    }
}

pub fn check(svg: &str) -> Result<(), String> {
    if !svg.starts_with("<svg ") {
        return Err("does not start with <svg".into());
    }
    let mut open: Vec<&str> = Vec::new();
    let mut closed_root = false;
    let mut rest = svg;
    while let Some(lt) = rest.find('<') {
        let (text, after) = rest.split_at(lt);
        if closed_root && !text.trim().is_empty() {
            return Err("text after the root".into());
        }
        check_text(text, open.last().copied().unwrap_or("(outside)"))?;
        let gt = after.find('>').ok_or("an unclosed tag")?;
        let tag = &after[1..gt];
        rest = &after[gt + 1..];
        if closed_root {
            return Err(format!("a second root <{tag}>"));
        }
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(opened) if opened == name => closed_root = open.is_empty(),
                other => return Err(format!("</{name}> closes {other:?}")),
            }
            continue;
        }
        let (body, self_closing) = match tag.strip_suffix('/') {
            Some(body) => (body, true),
            None => (tag, false),
        };
        let name = body.split_whitespace().next().unwrap_or("");
        if !TAGS.contains(&name) {
            return Err(format!("unexpected tag <{tag}>"));
        }
        if (name == "svg") != open.is_empty() {
            return Err(format!("<{name}> where it does not belong"));
        }
        check_attributes(&body[name.len()..], name)?;
        if !self_closing {
            open.push(name);
        }
    }
    if !open.is_empty() || !closed_root {
        return Err(format!("unclosed {open:?}"));
    }
    if !rest.trim().is_empty() {
        return Err("text after the root".into());
    }
    Ok(())
}

#[test]
fn the_check_catches_what_breaks_a_document() {
    assert!(check(r#"<svg a="1"><text x="1">a &amp; b</text></svg>"#).is_ok());
    assert!(check(r#"<svg a="1"><script>x</script></svg>"#).is_err());
    assert!(check(r#"<svg a="1"><text>a & b</text></svg>"#).is_err());
    assert!(check(r#"<svg a="1"><text>a > b</text></svg>"#).is_err());
    assert!(check(r#"<svg a="1"><text x="<">a</text></svg>"#).is_err());
    assert!(check(r#"<svg a="1"><text>a</svg>"#).is_err());
    assert!(check(r#"<svg a="1"><text>a</text>"#).is_err());
    assert!(check("<svg a=\"1\"><text>a\0</text></svg>").is_err());
    assert!(check(r#"<svg a="1"></svg><svg a="1"></svg>"#).is_err());
}
