//! The stages in order: decode → parse → blocks → score → select → prune → output.

use crate::blocks::Page;
use crate::{Article, Block, BlockKind, Config, Error, blocks, decode, meta, prune, score, select};
use encoding_rs::Encoding;

pub(crate) fn run(config: &Config, html: &[u8], forced: Option<&'static Encoding>) -> Result<Article, Error> {
    if html.len() > config.max_input_bytes {
        return Err(Error::InputTooLarge { len: html.len(), limit: config.max_input_bytes });
    }
    let (text, enc) = decode::decode(html, forced);
    if !looks_like_text(&text) {
        return Err(Error::NotHtml);
    }
    let doc = scraper::Html::parse_document(&text);
    if doc.tree.nodes().len() > config.max_nodes {
        return Err(Error::TooManyNodes { limit: config.max_nodes });
    }
    let page = blocks::cut(doc.tree.root());
    let title = meta::title(&doc);
    let blocks = body(&page, title.as_deref()).ok_or(Error::NoContent)?;
    let paragraphs = blocks
        .iter()
        .filter(|b| config.keep_captions || b.kind != BlockKind::Caption)
        .map(|b| b.text.clone())
        .collect::<Vec<_>>();
    if paragraphs.is_empty() {
        return Err(Error::NoContent);
    }
    Ok(Article { title, paragraphs, blocks, charset: enc.name() })
}

/// Selects and prunes the body; when class hints lead nowhere (a page that wraps everything
/// in a "sidebar" layout class), tries again on text alone.
fn body(page: &Page, title: Option<&str>) -> Option<Vec<Block>> {
    [true, false].into_iter().find_map(|use_hints| {
        let scores = score::score(&page.blocks, use_hints);
        let region = select::select(page, &scores)?;
        let kept = prune::prune(page, &scores, &region, use_hints);
        let blocks: Vec<Block> = kept
            .iter()
            .filter_map(|k| {
                let b = page.blocks.get(k.index)?;
                let text = match k.cut {
                    Some(at) => b.text.get(..at).unwrap_or(&b.text),
                    None => &b.text,
                };
                let text = text.trim();
                if text.is_empty() || (matches!(b.kind, BlockKind::Heading(_)) && Some(text) == title) {
                    return None;
                }
                Some(Block { kind: b.kind, text: text.to_string() })
            })
            .collect();
        (!blocks.is_empty()).then_some(blocks)
    })
}

/// Whether decoded input can be a page at all: binary files (images, PDFs, archives) decode to
/// many control characters and replacement characters.
fn looks_like_text(text: &str) -> bool {
    /// Characters sampled: enough to see a binary header and the start of its data.
    const SAMPLE_CHARS: usize = 4096;
    /// A text page has next to no control characters; binary data has many.
    const MAX_BAD_SHARE: f32 = 0.1;
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(SAMPLE_CHARS) {
        total += 1;
        if (c.is_control() && !c.is_whitespace()) || c == '\u{FFFD}' {
            bad += 1;
        }
    }
    total > 0 && !text.trim().is_empty() && (bad as f32) <= MAX_BAD_SHARE * total as f32
}
