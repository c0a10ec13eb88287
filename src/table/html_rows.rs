//! The rows of a large on-screen table as HTML text, for a `<tbody>` set at
//! once. Every text and attribute value is escaped: names in these tables
//! are typed or imported by users, and reach the page only as text.
//!
//! Why markup rather than Leptos views: the app is built with
//! `erase_components` (.cargo/config.toml, for size), under which Leptos
//! rebuilds an element by removing every attribute and setting it again.
//! The dashboard's unit table (102 communes and wards × 11 indicators, a
//! link in each cell) and the charts' number tables change with every
//! choice of period; rebuilt as views they cost a third of a change's time
//! at the merged province's scale, set as markup a few milliseconds.

use crate::charts::escape_xml;

/// Rows being written: `row` starts each, then its cells in order.
#[derive(Debug, Default)]
pub struct HtmlRows {
    out: String,
    open: bool,
}

impl HtmlRows {
    pub fn new() -> HtmlRows {
        HtmlRows::default()
    }

    /// Starts a row, ending the one before.
    pub fn row(&mut self) -> &mut Self {
        self.end_row();
        self.out.push_str("<tr>");
        self.open = true;
        self
    }

    /// The row's heading cell.
    pub fn header(&mut self, text: &str) -> &mut Self {
        self.push("<th scope=\"row\">", text, "</th>")
    }

    /// A cell of text.
    pub fn cell(&mut self, text: &str) -> &mut Self {
        self.push("<td>", text, "</td>")
    }

    /// A number linking to the records behind it, aligned as numbers are (`td.num`).
    pub fn number_link(&mut self, href: &str, text: &str) -> &mut Self {
        self.out.push_str("<td class=\"num\"><a href=\"");
        self.out.push_str(&escape_xml(href));
        self.push("\">", text, "</a></td>")
    }

    /// A number with nothing behind it to list, aligned as numbers are.
    pub fn number(&mut self, text: &str) -> &mut Self {
        self.push("<td class=\"num\">", text, "</td>")
    }

    pub fn finish(mut self) -> String {
        self.end_row();
        self.out
    }

    fn push(&mut self, open: &str, text: &str, close: &str) -> &mut Self {
        self.out.push_str(open);
        self.out.push_str(&escape_xml(text));
        self.out.push_str(close);
        self
    }

    fn end_row(&mut self) {
        if std::mem::take(&mut self.open) {
            self.out.push_str("</tr>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rows_of_cells_with_every_text_escaped() {
        let mut rows = HtmlRows::new();
        rows.row().header("Xã <b>Tân</b> & \"Hồng\"").number_link("/indicators/x?period=2021-2025&unit=a\"b", "1.234").cell("<script>alert(1)</script>").number("0");
        rows.row().header("Phường 1");
        assert_eq!(
            rows.finish(),
            "<tr><th scope=\"row\">Xã &lt;b&gt;Tân&lt;/b&gt; &amp; &quot;Hồng&quot;</th>\
             <td class=\"num\"><a href=\"/indicators/x?period=2021-2025&amp;unit=a&quot;b\">1.234</a></td>\
             <td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"num\">0</td></tr><tr><th scope=\"row\">Phường 1</th></tr>"
        );
        assert_eq!(HtmlRows::new().finish(), "", "no rows, no markup");
    }

    proptest! {
        /// Whatever the texts, the markup holds only the tags the writer opened: no text
        /// can open or close one, or leave an attribute's quotes.
        #[test]
        fn any_text_stays_text(texts in prop::collection::vec(".*", 1..6)) {
            let mut rows = HtmlRows::new();
            rows.row();
            for (i, t) in texts.iter().enumerate() {
                match i % 4 {
                    0 => rows.header(t),
                    1 => rows.cell(t),
                    2 => rows.number(t),
                    _ => rows.number_link(t, t),
                };
            }
            let html = rows.finish();
            let tags: Vec<&str> = html.split('<').skip(1).map(|t| t.split(['>', ' ']).next().unwrap_or("")).collect();
            prop_assert!(tags.iter().all(|t| ["tr", "/tr", "th", "/th", "td", "/td", "a", "/a"].contains(t)), "{html}");
            // Inside a tag, quotes come in pairs: an attribute never ends early.
            for tag in html.split('<').skip(1).map(|t| t.split('>').next().unwrap_or("")) {
                prop_assert_eq!(tag.matches('"').count() % 2, 0);
            }
        }
    }
}
