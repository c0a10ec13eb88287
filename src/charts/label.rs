//! Text as the charts show it: titles, axis labels and legend names come from
//! officers, enterprises and files, so any of them can be empty, enormous,
//! decomposed Vietnamese, or full of control characters.
//!
//! Escaping is not done here: plotters' SVG backend escapes `<`, `>`, `&`,
//! `"` and `'` in every text and attribute it writes (checked by the tests in
//! `mod.rs`), so escaping here too would show `&amp;lt;` to the reader. Only
//! the `<title>` that `canvas` adds itself goes through [`escape_xml`].

use crate::text::compose_vietnamese;

/// The ellipsis that marks a cut label.
const ELLIPSIS: char = '…';

/// Combining marks: a cut between a letter and its marks would leave the
/// letter bare (or a mark with nothing under it). `compose_vietnamese` folds
/// the Vietnamese ones into their letters; these are the ones it leaves.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Characters XML 1.0 forbids in a document, whatever the escaping: C0
/// controls other than tab, newline and return, and U+FFFE/U+FFFF. A NUL in a
/// label would make the whole SVG ill-formed.
fn is_forbidden_in_xml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// One line of text: Vietnamese composed (so it measures and cuts as one
/// letter per character), characters XML forbids and line breaks made
/// spaces (an SVG `<text>` is one line), runs of spaces made one, trimmed.
pub fn clean(raw: &str) -> String {
    let composed = compose_vietnamese(raw);
    let mut out = String::with_capacity(composed.len());
    let mut pending_space = false;
    for c in composed.chars() {
        if c.is_whitespace() || is_forbidden_in_xml(c) || c.is_control() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// At most `max_chars` characters of `text`, the last of them `…` when
/// something was cut. Cuts on a character boundary, and never between a
/// letter and its combining marks.
pub fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    if max_chars == 0 {
        return String::new();
    }
    let mut kept: Vec<char> = text.chars().take(max_chars - 1).collect();
    // The character after the cut is a mark of the last kept letter: drop that letter too.
    let mut next = text.chars().nth(kept.len());
    while next.is_some_and(is_combining) {
        next = kept.pop();
    }
    while kept.last().is_some_and(|c| c.is_whitespace()) {
        kept.pop();
    }
    kept.push(ELLIPSIS);
    kept.into_iter().collect()
}

/// `text` on at most `max_lines` lines of at most `max_chars` characters,
/// broken at spaces where a space is near enough, the last line cut with `…`.
pub fn wrap(text: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let max_chars = max_chars.max(2);
    let mut lines = Vec::new();
    let mut rest: &str = text.trim_start();
    while !rest.is_empty() && lines.len() < max_lines {
        if lines.len() + 1 == max_lines || rest.chars().count() <= max_chars {
            lines.push(truncate(rest, max_chars));
            break;
        }
        // The last space that still leaves at most `max_chars` characters on the line, or
        // else just after a slash ("VietGAP/" "GlobalGAP", not "VietGAP/Glob" "alGAP").
        let space = rest.char_indices().take(max_chars + 1).filter(|&(i, c)| c == ' ' && i > 0).map(|(i, _)| i).last().or_else(|| {
            rest.char_indices().take(max_chars).filter(|&(i, c)| c == '/' && i > 0).map(|(i, c)| i + c.len_utf8()).last()
        });
        let break_at = space.unwrap_or_else(|| {
            // No space within reach: break inside the word, after `max_chars` characters
            // or before, so that no combining mark starts the next line.
            let limit = rest.char_indices().nth(max_chars).map_or(rest.len(), |(i, _)| i);
            let mut at = limit;
            while at > 0 && rest[at..].chars().next().is_some_and(is_combining) {
                at = rest[..at].char_indices().last().map_or(0, |(i, _)| i);
            }
            if at == 0 { limit } else { at }
        });
        lines.push(rest[..break_at].trim_end().to_string());
        rest = rest[break_at..].trim_start();
    }
    lines
}

/// The average width of a character of a sans-serif font, in ems: Noto Sans
/// and Arial set Vietnamese at about 0.5; a little more leaves room for
/// wider fonts and capitals.
const CHAR_WIDTH: f64 = 0.55;

/// A rough width in pixels of `text` in a sans-serif font of `font_px`.
/// The charts place their text themselves rather than ask plotters to
/// measure it (see `mod.rs`), so this is an estimate that errs wide.
pub fn width_px(text: &str, font_px: f64) -> f64 {
    text.chars().filter(|&c| !is_combining(c)).count() as f64 * font_px * CHAR_WIDTH
}

/// How many characters of a `font_px` font fit in `width` pixels (at least 1).
pub fn chars_in(width: f64, font_px: f64) -> usize {
    if !(width.is_finite() && width > 0.0) {
        return 1;
    }
    ((width / (font_px * CHAR_WIDTH)).floor() as usize).max(1)
}

/// Text for the few tags the charts write themselves, outside plotters.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod slash_tests {
    #[test]
    fn a_name_without_spaces_breaks_after_its_slash() {
        assert_eq!(super::wrap("VietGAP/GlobalGAP", 12, 2), ["VietGAP/", "GlobalGAP"]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_makes_one_line_without_what_xml_forbids() {
        assert_eq!(clean("  Lãnh\n\tđạo\0 \u{1} "), "Lãnh đạo");
        assert_eq!(clean("Ca\u{300} Mau"), "Cà Mau", "decomposed Vietnamese is composed");
        assert_eq!(clean(""), "");
        assert_eq!(clean("\u{FFFF}\u{FFFE}"), "");
    }

    #[test]
    fn truncation_cuts_between_characters_and_marks_the_cut() {
        assert_eq!(truncate("Đo lường, phân tích", 100), "Đo lường, phân tích");
        assert_eq!(truncate("Đo lường, phân tích", 9), "Đo lường…");
        assert_eq!(truncate("ĐĐĐĐ", 3), "ĐĐ…");
        assert_eq!(truncate("abc", 0), "");
        // A letter followed by a mark compose_vietnamese leaves alone: both go.
        assert_eq!(truncate("abx\u{308}yz", 4), "ab…");
        assert_eq!(truncate("😀😀😀😀", 2), "😀…");
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_cuts_the_last_line() {
        assert_eq!(wrap("Đo lường, phân tích và cải tiến", 17, 2), vec!["Đo lường, phân", "tích và cải tiến"]);
        assert_eq!(wrap("Lãnh đạo", 17, 2), vec!["Lãnh đạo"]);
        assert_eq!(wrap("Hoạch định chiến lược và mục tiêu chất lượng", 17, 2), vec!["Hoạch định chiến", "lược và mục tiêu…"]);
        assert_eq!(wrap("<script>alert(1)</script>", 17, 2), vec!["<script>alert(1)<", "/script>"]);
        assert_eq!(wrap("", 17, 2), Vec::<String>::new());
        assert_eq!(wrap("x\u{308}x\u{308}x\u{308}x\u{308}", 3, 2), vec!["x\u{308}", "x\u{308}…"]);
    }

    #[test]
    fn escaping_covers_the_five_xml_characters() {
        assert_eq!(escape_xml(r#"<a href="x">&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    }
}
