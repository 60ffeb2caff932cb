//! Stage 7 (beside the body): what the page says about itself — its title for now.

use scraper::{Html, Selector};
use std::sync::LazyLock;

static OG_TITLE: LazyLock<Selector> = LazyLock::new(|| {
    Selector::parse(
        r#"meta[property="og:title"], meta[name="twitter:title"], meta[property="twitter:title"]"#,
    )
    .expect("constant selector")
});
static H1: LazyLock<Selector> = LazyLock::new(|| Selector::parse("h1").expect("constant selector"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| Selector::parse("title").expect("constant selector"));

/// Separators Korean sites put between a headline and the site name in `<title>`.
const TITLE_SEPARATORS: [&str; 7] = [" - ", " | ", " :: ", " < ", " : ", " – ", " — "];

/// The headline: og:title, the page's `<h1>` or `<title>`, with the site-name suffix removed.
pub(crate) fn title(doc: &Html) -> Option<String> {
    let og = doc
        .select(&OG_TITLE)
        .filter_map(|m| m.attr("content"))
        .map(crate::text::collapse_ws)
        .find(|t| !t.is_empty());
    let raw = og.or_else(|| {
        doc.select(&TITLE).next().map(|t| crate::text::collapse_ws(&t.text().collect::<String>()))
    });
    let h1 = doc
        .select(&H1)
        .map(|h| crate::text::collapse_ws(&h.text().collect::<String>()))
        .find(|t| !t.is_empty());
    match (raw, h1) {
        (Some(raw), Some(h1)) if raw.starts_with(&h1) || raw.contains(&h1) => Some(h1),
        (Some(raw), _) => Some(strip_site_suffix(&raw)),
        (None, h1) => h1,
    }
    .filter(|t| !t.is_empty())
}

fn strip_site_suffix(title: &str) -> String {
    let cut = TITLE_SEPARATORS.iter().filter_map(|sep| title.find(sep)).filter(|&at| at > 0).min();
    match cut {
        Some(at) => title.get(..at).unwrap_or(title).trim().to_string(),
        None => title.trim().to_string(),
    }
}
