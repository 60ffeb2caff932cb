//! The stages in order: decode → parse → blocks → score → select → prune → output.
//!
//! Each stage reads what the one before produced and hands on a value of its own: the decoded
//! text, the tree (`dom::Dom`), the [`Page`] of blocks (with the lexicon's verdicts and
//! sentence ends, made as they are cut), the [`Scored`](score::Scored) blocks with the hint
//! choice they were made under, the [`Region`](select::Region), the [`Kept`](prune::Kept)
//! blocks, the output's plan and its blocks. Metadata (`meta`) reads the tree, the page and
//! the span of the kept blocks before the tree is freed; its title is the input of the
//! output's last step, which removes the title repeated at the top of the body. Here the
//! stages are run and their values passed on; the one choice made here is between the body
//! chosen with class hints and the one chosen on text alone ([`body`]).

use crate::blocks::Page;
use crate::lexicon::Lexicon;
use crate::score::Hints;
use crate::{Article, BlockKind, Config, Error, blocks, decode, dom, meta, output, prune, score, select};
use encoding_rs::Encoding;

pub(crate) fn run(
    config: &Config,
    lexicon: &Lexicon,
    html: &[u8],
    forced: Option<&'static Encoding>,
) -> Result<Article, Error> {
    if html.len() > config.max_input_bytes {
        return Err(Error::InputTooLarge { len: html.len(), limit: config.max_input_bytes });
    }
    let decoded = decode::decode(html, forced);
    let text = &decoded.text;
    if has_binary_signature(html) {
        return Err(Error::NotHtml);
    }
    let guessed = || Error::UncertainCharset { guessed: decoded.encoding.name().to_string() };
    if decoded.uncertain {
        return Err(guessed());
    }
    if !looks_like_text(text, forced.is_none()) {
        // Text in a CJK charset that was neither declared nor detected reads as no text in
        // the windows-1252 fallback: a charset to name, not a file that is no page.
        let fallback = decoded.source == crate::CharsetSource::Detected
            && decoded.encoding == encoding_rs::WINDOWS_1252
            && !text.trim().is_empty();
        return Err(if fallback && decode::reads_as_other_cjk(html) { guessed() } else { Error::NotHtml });
    }
    let doc = dom::parse(text, config.max_nodes, config.max_depth).map_err(|limit| match limit {
        dom::Limit::Nodes => Error::TooManyNodes { limit: config.max_nodes },
        dom::Limit::Depth => Error::TooDeep { limit: config.max_depth },
    })?;
    let page = blocks::cut(&doc, lexicon, config.keep_links);
    let (plan, region) = body(&page, config.bias).ok_or(Error::NoContent)?;
    let first = plan.iter().find(|b| b.kind == BlockKind::Paragraph).map(|b| output::text(&page, b));
    let article = meta::read(&doc, &page, Some(region), first.as_deref());
    drop(first);
    // The tree is no longer needed: free it before the output is made (peak memory).
    drop(doc);
    let blocks = output::assemble(page, plan);
    let mut blocks = output::without_title_repeats(blocks, article.title.as_deref());
    if !config.keep_tables {
        blocks.retain(|b| b.kind != BlockKind::TableRow);
    }
    let article = Article {
        lang: crate::lang::of_text(&blocks),
        declared_lang: article.lang.clone(),
        blocks,
        charset: decoded.encoding.name().to_string(),
        charset_source: decoded.source,
        keep_captions: config.keep_captions,
        ..article
    };
    // Whether the page has a body, not whether `keep_captions` shows it.
    if article.blocks.is_empty() {
        return Err(Error::NoContent);
    }
    Ok(article)
}

/// When the body chosen with class hints keeps less than this share of the running text that
/// the body chosen on text alone keeps, the hints misled: a site that names every layout box
/// with a furniture word ("story_copy", "wrap_comment_area") scales the whole article down
/// to a lone teaser. Where the hints are right, what they leave out (comments, teaser lists,
/// an English page's sidebars) is rarely ten times the article: at a quarter, AEB's F1 fell
/// from 0.956 to 0.946; at a tenth it is 0.951 and every furniture-word family still holds.
const HINTED_MIN_SHARE: f32 = 0.1;

/// When at least this share of the body chosen with class hints is itself text the hints call
/// furniture, the hints did not tell the body from the furniture: a site that gives every box
/// one class word ("story_copy" on each of the body's two halves and on its comments) marks
/// the body and the rest alike, and the choice on text alone is taken when it keeps more.
/// Where hints help, the body they choose is the unmarked text between marked boxes.
const HINTED_FURNITURE_MAX_SHARE: f32 = 0.5;

/// The choice on text alone replaces such a hinted one only when it keeps this many times its
/// text, the gain lying above where the hinted one starts: the opening half of a body split
/// around an ad, which the hints lost. Reader comments and teasers follow the body; what the
/// choice on text alone adds below it is those, and a board's signature box or a view count
/// that pruning without hints lets stay at the edges is too little to count.
const UNSEPARATED_MIN_GAIN: f32 = 1.5;

/// Selects and prunes the body, and lays out the blocks to output. Class hints are tried
/// first; the body chosen on text alone replaces theirs when they lead nowhere (a page that
/// wraps everything in a "sidebar" layout class) or to a small part of it
/// ([`HINTED_MIN_SHARE`]).
fn body(page: &Page, bias: crate::Bias) -> Option<(Vec<output::Planned>, std::ops::Range<usize>)> {
    let plain = score::score(&page.blocks, Hints::Ignored);
    // A choice: its plan, and the span of the blocks it keeps, which metadata looks around
    // (the text actually kept, not the region's edges).
    let attempt = |scored: &score::Scored| -> Option<Choice> {
        let region = select::select(page, scored)?;
        let kept = prune::prune(page, scored, &region, bias);
        let plan = output::plan(page, &kept);
        let span = match (kept.first(), kept.last()) {
            (Some(a), Some(b)) => a.index..b.index + 1,
            _ => region.blocks,
        };
        (!plan.is_empty()).then_some(Choice { plan, kept, span })
    };
    // What a choice keeps of the page's running text, on the one scale of the plain scores.
    // What the blocks of a choice that `part` picks keep of that text.
    let text_where = |c: &Choice, part: &dyn Fn(usize) -> bool| -> f32 {
        c.kept
            .iter()
            .filter(|k| part(k.index))
            .filter_map(|k| plain.scores.get(k.index))
            .map(|s| s.value.max(0.0))
            .sum()
    };
    let text_of = |c: &Choice| text_where(c, &|_| true);
    // The part of that text which the hints call furniture.
    let furniture_text_of = |c: &Choice| {
        text_where(c, &|i| page.blocks.get(i).is_some_and(|b| b.furniture == blocks::Furniture::Class))
    };
    // What a choice keeps above where another one starts.
    let opening_of = |c: &Choice, other: &Choice| text_where(c, &|i| i < other.span.start);
    let chosen = match attempt(&score::score(&page.blocks, Hints::Heeded)) {
        Some(hinted) => {
            let mine = text_of(&hinted);
            // The plain choice keeps at most all of the page's running text: when the hinted
            // one holds its share of that already, the plain one need not be made.
            let page_text: f32 = plain.scores.iter().map(|s| s.value.max(0.0)).sum();
            let unseparated = furniture_text_of(&hinted) >= HINTED_FURNITURE_MAX_SHARE * mine;
            if mine >= HINTED_MIN_SHARE * page_text && !unseparated {
                hinted
            } else {
                match attempt(&plain) {
                    Some(p) if mine < HINTED_MIN_SHARE * text_of(&p) => p,
                    Some(p)
                        if unseparated && opening_of(&p, &hinted) >= (UNSEPARATED_MIN_GAIN - 1.0) * mine =>
                    {
                        p
                    }
                    _ => hinted,
                }
            }
        }
        None => attempt(&plain)?,
    };
    Some((chosen.plan, chosen.span))
}

/// One way of choosing the body, made by [`body`].
struct Choice {
    plan: Vec<output::Planned>,
    kept: Vec<prune::Kept>,
    span: std::ops::Range<usize>,
}

/// Whether the input starts with the signature of a binary file format — images, PDF, archives,
/// office documents (HWP 5 and .doc are OLE files), fonts, media, executables. Such files are
/// not pages whatever their bytes decode to: a deflated PDF stream, read as windows-1252, has
/// too few control characters for [`looks_like_text`] to see.
fn has_binary_signature(bytes: &[u8]) -> bool {
    /// (offset, signature) pairs, after the WHATWG MIME Sniffing standard and the formats a
    /// crawl saves by mistake.
    const SIGNATURES: &[(usize, &[u8])] = &[
        (0, b"%PDF-"),
        (0, b"%!PS-Adobe-"),
        (0, b"\x89PNG\r\n\x1a\n"),
        (0, b"GIF87a"),
        (0, b"GIF89a"),
        (0, b"\xff\xd8\xff"),
        (0, b"II*\0"),
        (0, b"MM\0*"),
        (8, b"WEBP"),
        (8, b"WAVE"),
        (8, b"AVI "),
        (4, b"ftyp"),
        (0, b"\x1a\x45\xdf\xa3"),
        (0, b"OggS\0"),
        (0, b"fLaC"),
        (0, b"ID3"),
        (0, b"PK\x03\x04"),
        (0, b"\x1f\x8b\x08"),
        (0, b"BZh"),
        (0, b"\xfd7zXZ\0"),
        (0, b"7z\xbc\xaf\x27\x1c"),
        (0, b"\x28\xb5\x2f\xfd"),
        (0, b"Rar!\x1a\x07"),
        (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
        (0, b"wOFF"),
        (0, b"wOF2"),
        (0, b"\x7fELF"),
        (0, b"\0asm"),
        (0, b"SQLite format 3\0"),
    ];
    SIGNATURES.iter().any(|(at, sig)| bytes.get(*at..).is_some_and(|b| b.starts_with(sig)))
}

/// Whether decoded input can be a page at all: binary files (images, PDFs, archives) decode to
/// many control characters and replacement characters, and — decoded as windows-1252, the
/// fallback for bytes that are neither UTF-8 nor EUC-KR — to a soup of Latin-1 symbols. The
/// last test is skipped when the caller named the charset (`detected` false): a wrong charset
/// the caller insists on gives mojibake, as asked, not an error.
fn looks_like_text(text: &str, detected: bool) -> bool {
    /// A text page has next to no control characters; binary data has many.
    const MAX_BAD_SHARE: f32 = 0.1;
    /// Characters of the Latin-1 range (U+0080–U+00FF) and the windows-1252 extras (‘’“”•–—€…):
    /// under a tenth of a Western page even in French or Icelandic, markup included; about half
    /// of binary data read as windows-1252. Other scripts (Hangul, Cyrillic) lie outside it.
    const MAX_LATIN1_SHARE: f32 = 0.35;
    let (total, bad, latin1) = sample_counts(text);
    total > 0
        && !text.trim().is_empty()
        && (bad as f32) <= MAX_BAD_SHARE * total as f32
        && (!detected || (latin1 as f32) <= MAX_LATIN1_SHARE * total as f32)
}

/// Characters sampled by [`looks_like_text`]: enough to see a binary header and the start of
/// its data.
const SAMPLE_CHARS: usize = 4096;

/// Of the first [`SAMPLE_CHARS`] characters: how many were read, how many are control or
/// replacement characters, how many Latin-1 or windows-1252 extras.
fn sample_counts(text: &str) -> (usize, usize, usize) {
    let mut total = 0usize;
    let mut bad = 0usize;
    let mut latin1 = 0usize;
    let bytes = text.as_bytes();
    let mut i = 0;
    while total < SAMPLE_CHARS {
        // Eight ASCII characters at a time, most of a page's head: the bit tricks tell whether
        // any byte has the high bit, is below a space or is DEL; only then are the eight
        // looked at one by one for controls.
        if total + 8 <= SAMPLE_CHARS
            && let Some(chunk) = bytes.get(i..i + 8)
        {
            const ONES: u64 = 0x0101_0101_0101_0101;
            const HIGH: u64 = 0x8080_8080_8080_8080;
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            if x & HIGH == 0 {
                let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
                let del = (x ^ (ONES * 0x7F)).wrapping_sub(ONES) & !(x ^ (ONES * 0x7F)) & HIGH;
                if below_space != 0 || del != 0 {
                    bad += chunk.iter().filter(|b| b.is_ascii_control() && !b.is_ascii_whitespace()).count();
                }
                total += 8;
                i += 8;
                continue;
            }
        }
        // Three-byte characters U+3000–U+EFFF (lead bytes E3–EE: Hangul, CJK, most of a
        // Korean page's text) are neither controls, nor Latin-1, nor U+FFFD: counted from their
        // lead byte, without decoding.
        if let Some(0xE3..=0xEE) = bytes.get(i) {
            i += 3;
            total += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else { break };
        i += c.len_utf8();
        total += 1;
        // ASCII, most of any page, needs only the control test.
        if c.is_ascii() {
            bad += usize::from(c.is_ascii_control() && !c.is_ascii_whitespace());
            continue;
        }
        if c.is_control() || c == '\u{FFFD}' {
            bad += 1;
        } else if ('\u{80}'..='\u{FF}').contains(&c)
            || (c < '\u{2200}' && "ŒœŠšŽžŸƒˆ˜–—‘’‚“”„†‡•…‰‹›€™".contains(c))
        {
            latin1 += 1;
        }
    }
    (total, bad, latin1)
}

/// One line a block: index, kind, value, weight, link density, furniture, verdict, kept, text.
/// For tuning the scoring on a page; not part of the stable API.
pub(crate) fn explain(html: &[u8]) -> String {
    use std::fmt::Write;
    let text = decode::decode(html, None).text;
    let limits = Config::default();
    let page = match dom::parse(&text, limits.max_nodes, limits.max_depth) {
        Ok(doc) => blocks::cut(&doc, &crate::lexicon::BUILTIN, false),
        Err(_) => Page::default(),
    };
    let scored = score::score(&page.blocks, Hints::Heeded);
    let region = select::select(&page, &scored);
    let kept: Vec<usize> = region
        .as_ref()
        .map(|r| prune::prune(&page, &scored, r, crate::Bias::default()).iter().map(|k| k.index).collect())
        .unwrap_or_default();
    let mut out = String::new();
    let _ = writeln!(out, "region: {:?}", region.as_ref().map(|r| r.blocks.clone()));
    for (i, (b, s)) in page.blocks.iter().zip(&scored.scores).enumerate() {
        let t: String = b.text.chars().take(60).collect();
        let _ = writeln!(
            out,
            "{i:5} {} {:?} v={:.0} w={:.0} ld={:.2} {:?} {:?} {t}",
            if kept.contains(&i) { '+' } else { ' ' },
            b.kind,
            s.value,
            s.weight,
            s.link_density,
            b.furniture,
            b.verdict
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sample_counts;

    /// The character-at-a-time counts the eight-byte fast path must agree with.
    fn by_char(text: &str) -> (usize, usize, usize) {
        let (mut total, mut bad, mut latin1) = (0usize, 0usize, 0usize);
        for c in text.chars().take(super::SAMPLE_CHARS) {
            total += 1;
            if c.is_ascii() {
                bad += usize::from(c.is_ascii_control() && !c.is_ascii_whitespace());
            } else if c.is_control() || c == '\u{fffd}' {
                bad += 1;
            } else if ('\u{80}'..='\u{FF}').contains(&c) || "ŒœŠšŽžŸƒˆ˜–—‘’‚“”„†‡•…‰‹›€™".contains(c)
            {
                latin1 += 1;
            }
        }
        (total, bad, latin1)
    }

    #[test]
    fn fast_path_agrees_with_the_character_loop() {
        let pieces = [
            "<div class=\"a\">",
            "\u{0}",
            "\u{7f}",
            "\t\n\r\u{c}",
            "\u{b}",
            "본문",
            "é",
            "€",
            "\u{fffd}",
            "\u{85}",
            "x",
            "\u{1f}",
            " ",
            "~",
            // Around the three-byte range counted from its lead byte (E3–EE).
            "\u{2fff}",
            "™",
            "\u{3000}",
            "東",
            "\u{efff}",
            "\u{f000}",
            "\u{fffe}",
        ];
        let mut cases = crate::test_support::Cases::new(0x9e37_79b9_7f4a_7c15);
        for round in 0..2000 {
            let mut text = String::new();
            // Short texts, and texts that run past the sample's end.
            let len = if round % 2 == 0 { 40 } else { 1500 };
            for _ in 0..len {
                // Three draws in four are plain markup, as on a page.
                let k = cases.below(pieces.len() * 4);
                text.push_str(pieces.get(k).copied().unwrap_or("<p>plain text</p>"));
            }
            assert_eq!(sample_counts(&text), by_char(&text), "{text:?}");
        }
    }
}
