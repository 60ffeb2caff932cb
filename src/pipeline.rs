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
//! chosen with class hints, the one chosen on the page read again without the class words
//! that marked that body, and the one chosen on text alone ([`body`]).

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
    let reread = |words: &[String]| blocks::cut(&doc, &lexicon.without_class_words(words), config.keep_links);
    let chosen = body(&page, &doc, lexicon, &reread, config.bias).ok_or(Error::NoContent)?;
    let (plan, region) = (chosen.plan, chosen.span);
    let page = chosen.reread.unwrap_or(page);
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
/// one class word ("wrap_share_area" on each of the body's boxes and on its comments) marks
/// the body and the rest alike. The page is then read again without those words, and failing
/// that the choice on text alone is taken when it keeps more. Where hints help, the body they
/// choose is the unmarked text between marked boxes.
const HINTED_FURNITURE_MAX_SHARE: f32 = 0.5;

/// The choice on text alone replaces such a hinted one only when it keeps this many times its
/// text, the gain lying above where the hinted one starts: the opening half of a body split
/// around an ad, which the hints lost. Reader comments and teasers follow the body; what the
/// choice on text alone adds below it is those, and a board's signature box or a view count
/// that pruning without hints lets stay at the edges is too little to count.
const UNSEPARATED_MIN_GAIN: f32 = 1.5;

/// A page read again without the class words that marked its body replaces the first
/// choice when its body keeps this many times the text: the part of the body the words hid
/// (the question above a Q&A's answer, a notice board's lead and closing lines) is a quarter
/// of it and more, while a reading that only adds a caption or a label keeps about as much.
const REREAD_MIN_GAIN: f32 = 1.1;

/// Selects and prunes the body, and lays out the blocks to output. Class hints are tried
/// first. Where they mark the body they choose as furniture, the words that did so are no
/// furniture on this page: it is read again without them (`reread`), and that body is taken
/// when it keeps more ([`REREAD_MIN_GAIN`]). The body chosen on text alone replaces the
/// hinted one when the hints lead nowhere (a page that wraps everything in a "sidebar" layout
/// class) or to a small part of it ([`HINTED_MIN_SHARE`]).
fn body(
    page: &Page,
    doc: &dom::Dom,
    lexicon: &Lexicon,
    reread: &dyn Fn(&[String]) -> Page,
    bias: crate::Bias,
) -> Option<Body> {
    let plain = score::score(&page.blocks, Hints::Ignored);
    let text_of = |c: &Choice| text_where(&plain, c, |_| true);
    // The part of that text which the hints call furniture of this kind (class or tag).
    let furniture_text_of = |c: &Choice, kind: blocks::Furniture| {
        text_where(&plain, c, |i| page.blocks.get(i).is_some_and(|b| b.furniture == kind))
    };
    // What a choice keeps above where another one starts.
    let opening_of = |c: &Choice, other: &Choice| text_where(&plain, c, |i| i < other.span.start);
    let Some(hinted) = attempt(page, &score::score(&page.blocks, Hints::Heeded), bias) else {
        return attempt(page, &plain, bias).map(|c| Body::new(c, Route::TextAlone, None));
    };
    let mine = text_of(&hinted);
    let unseparated =
        furniture_text_of(&hinted, blocks::Furniture::Class) >= HINTED_FURNITURE_MAX_SHARE * mine;
    if unseparated {
        let words = marking_words(page, doc, lexicon, &hinted);
        if !words.is_empty() {
            let again = reread(&words);
            let again_plain = score::score(&again.blocks, Hints::Ignored);
            if let Some(c) = attempt(&again, &score::score(&again.blocks, Hints::Heeded), bias)
                && text_where(&again_plain, &c, |_| true) >= REREAD_MIN_GAIN * mine
            {
                return Some(Body::new(c, Route::Reread(words), Some(again)));
            }
        }
    }
    // A layout tag around the body (`<aside>`, `<header>` wrapping the whole page) is no
    // furniture on this page: the body is chosen again with the class hints alone.
    if furniture_text_of(&hinted, blocks::Furniture::Tag) >= HINTED_FURNITURE_MAX_SHARE * mine {
        let untagged = without_tag_furniture(page);
        // (The untagged page has the same blocks and the same scores on text alone.)
        if let Some(c) = attempt(&untagged, &score::score(&untagged.blocks, Hints::Heeded), bias)
            && text_of(&c) >= REREAD_MIN_GAIN * mine
        {
            return Some(Body::new(c, Route::Untagged, Some(untagged)));
        }
    }
    // The plain choice keeps at most all of the page's running text: when the hinted one
    // holds its share of that already, the plain one need not be made.
    let page_text: f32 = plain.scores.iter().map(|s| s.value.max(0.0)).sum();
    if mine >= HINTED_MIN_SHARE * page_text && !unseparated {
        return Some(Body::new(hinted, Route::Hinted, None));
    }
    let chosen = match attempt(page, &plain, bias) {
        Some(p) if mine < HINTED_MIN_SHARE * text_of(&p) => Body::new(p, Route::TextAlone, None),
        Some(p) if unseparated && opening_of(&p, &hinted) >= (UNSEPARATED_MIN_GAIN - 1.0) * mine => {
            Body::new(p, Route::TextAlone, None)
        }
        _ => Body::new(hinted, Route::Hinted, None),
    };
    Some(chosen)
}

/// A choice: its plan, and the span of the blocks it keeps, which metadata looks around (the
/// text actually kept, not the region's edges).
fn attempt(page: &Page, scored: &score::Scored, bias: crate::Bias) -> Option<Choice> {
    let region = select::select(page, scored)?;
    let kept = prune::prune(page, scored, &region, bias);
    let plan = output::plan(page, &kept);
    let span = match (kept.first(), kept.last()) {
        (Some(a), Some(b)) => a.index..b.index + 1,
        _ => region.blocks,
    };
    (!plan.is_empty()).then_some(Choice { plan, kept, span })
}

/// What the blocks of a choice that `part` picks keep of the page's running text, on the one
/// scale of the scores on text alone (`plain`).
fn text_where(plain: &score::Scored, c: &Choice, part: impl Fn(usize) -> bool) -> f32 {
    c.kept
        .iter()
        .filter(|k| part(k.index))
        .filter_map(|k| plain.scores.get(k.index))
        .map(|s| s.value.max(0.0))
        .sum()
}

/// The furniture words of the class names around a choice's marked blocks: on this page they
/// mark the body.
fn marking_words(page: &Page, doc: &dom::Dom, lexicon: &Lexicon, c: &Choice) -> Vec<String> {
    let mut seen = vec![false; page.elems.len()];
    let mut words: Vec<String> = Vec::new();
    for k in &c.kept {
        let Some(b) = page.blocks.get(k.index).filter(|b| b.furniture == blocks::Furniture::Class) else {
            continue;
        };
        let mut e = b.elem;
        while let Some(slot) = seen.get_mut(e as usize).filter(|s| !**s) {
            *slot = true;
            let Some(el) = page.elems.get(e as usize) else { break };
            if let Some(element) = doc.element(el.node) {
                for w in blocks::furniture_words(element, lexicon) {
                    if !words.contains(&w) {
                        words.push(w);
                    }
                }
            }
            e = el.parent;
        }
    }
    words
}

/// The page with its layout tags' furniture taken off: a block under `<aside>`, `<header>`,
/// `<footer>` or `<nav>` and no furniture class reads as any other. (Class furniture ranks
/// above tag furniture, so a block marked by a tag alone has no class word above it.)
fn without_tag_furniture(page: &Page) -> Page {
    let mut untagged = page.clone();
    for b in &mut untagged.blocks {
        if b.furniture == blocks::Furniture::Tag {
            b.furniture = blocks::Furniture::None;
        }
    }
    untagged
}

/// The body [`body`] chose, the way it was chosen, and the page it was chosen on when that
/// was read again.
struct Body {
    plan: Vec<output::Planned>,
    kept: Vec<prune::Kept>,
    span: std::ops::Range<usize>,
    route: Route,
    reread: Option<Page>,
}

impl Body {
    fn new(c: Choice, route: Route, reread: Option<Page>) -> Body {
        Body { plan: c.plan, kept: c.kept, span: c.span, route, reread }
    }
}

/// Which of [`body`]'s ways chose the body. The ways after the first are fallbacks from a
/// rule that misled on this page; [`explain`] names the one taken, so a corpus run shows
/// which fallbacks its pages need.
enum Route {
    /// With class and tag hints, as first chosen.
    Hinted,
    /// On the page read again without these class words, which marked the body.
    Reread(Vec<String>),
    /// With the hints of layout tags (`<aside>`, `<header>` around the body) taken off.
    Untagged,
    /// On text alone: the hints chose nothing, a small part of it ([`HINTED_MIN_SHARE`]), or
    /// lost the body's opening ([`UNSEPARATED_MIN_GAIN`]).
    TextAlone,
}

/// One way of choosing the body, made by [`body`].
struct Choice {
    plan: Vec<output::Planned>,
    kept: Vec<prune::Kept>,
    span: std::ops::Range<usize>,
}

impl std::fmt::Display for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Route::Hinted => f.write_str("hinted"),
            Route::Reread(words) => write!(f, "reread without {}", words.join(", ")),
            Route::Untagged => f.write_str("untagged"),
            Route::TextAlone => f.write_str("text alone"),
        }
    }
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

/// The way the body was chosen (see [`Route`]), whether captions were read as its text, then
/// one line a block of the page it was chosen on: index, kept, kind, value, weight, link
/// density, furniture, verdict, text. For tuning the scoring on a page; not part of the
/// stable API.
pub(crate) fn explain(html: &[u8]) -> String {
    use std::fmt::Write;
    let text = decode::decode(html, None).text;
    let config = Config::default();
    let lexicon = &crate::lexicon::BUILTIN;
    let Ok(doc) = dom::parse(&text, config.max_nodes, config.max_depth) else {
        return "route: none (the page is over the tree limits)\n".to_string();
    };
    let page = blocks::cut(&doc, lexicon, config.keep_links);
    let reread = |words: &[String]| blocks::cut(&doc, &lexicon.without_class_words(words), config.keep_links);
    let chosen = body(&page, &doc, lexicon, &reread, config.bias);
    let mut out = String::new();
    let (page, kept) = match chosen {
        Some(c) => {
            let page = c.reread.unwrap_or(page);
            let _ = writeln!(out, "route: {}", c.route);
            let _ = writeln!(out, "captions read as text: {}", output::captions_read_as_text(&page, &c.plan));
            let _ = writeln!(out, "kept span: {:?}", c.span);
            let kept: Vec<usize> = c.kept.iter().map(|k| k.index).collect();
            (page, kept)
        }
        None => {
            let _ = writeln!(out, "route: none (no body)");
            (page, Vec::new())
        }
    };
    let scored = score::score(&page.blocks, Hints::Heeded);
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

    /// A Q&A board that names every box with one furniture word: the choice with class hints
    /// keeps the answer alone, as the question is in a box of its own.
    const ONE_WORD_ON_EVERY_BOX: &str = r#"<html><head><title>상담사례</title></head><body>
<div class="wrap_share_area"><div class="wrap_share_area nav"><a href="/">홈</a> <a href="/q">상담</a></div>
<div class="wrap_share_area qa_view">
<div class="wrap_share_area q_box"><h3 class="wrap_share_area">질문</h3>
<p>지난달 이사한 집의 보일러가 고장 나서 집주인에게 수리를 요청했는데, 세입자가 고쳐야 한다며 비용을 내주지 않겠다고 합니다. 계약서에는 수리에 관한 내용이 따로 없습니다.</p>
<p>겨울이 다가오는데 난방을 못 하고 있어 걱정입니다. 제가 먼저 고치고 나중에 비용을 청구할 수 있는지 알고 싶습니다. 집주인과 사이가 나빠질까 봐 조심스럽습니다.</p>
</div>
<div class="wrap_share_area a_box"><h3 class="wrap_share_area">답변</h3>
<div class="wrap_share_area a_cont">
<p>보일러처럼 집에 붙어 있는 시설이 낡아서 고장 난 경우에는 원칙적으로 집주인이 고칠 의무가 있습니다. 세입자가 사용하면서 생기는 작은 고장은 세입자가 부담하는 것이 보통입니다.</p>
<p>먼저 문자나 내용증명으로 수리를 요청한 기록을 남겨 두십시오. 집주인이 끝내 고치지 않으면 세입자가 먼저 수리한 뒤 그 비용을 청구할 수 있습니다. 영수증은 꼭 보관하시기 바랍니다.</p>
<p>비용을 돌려받지 못하면 월세에서 빼겠다고 미리 알리는 방법도 있지만, 분쟁이 커질 수 있으므로 조정 제도를 먼저 이용하시는 편이 좋습니다. 가까운 상담소에서 도와드릴 수 있습니다.</p>
<p>계약을 새로 하실 때에는 시설 수리를 누가 맡는지 특약으로 적어 두시면 이런 다툼을 미리 막을 수 있습니다. 궁금한 점이 있으시면 언제든 다시 문의해 주십시오.</p>
</div></div></div>
<div class="wrap_share_area comment_list"><p>저도 같은 일을 겪었는데 큰 도움이 되었습니다. 감사합니다.</p></div>
<div class="wrap_share_area footer">상담소 주소 서울시 예시구 예시로 1</div>
</div></body></html>"#;

    #[test]
    fn words_that_mark_the_body_are_read_again_as_no_furniture() {
        let article = crate::extract(ONE_WORD_ON_EVERY_BOX.as_bytes());
        let text = article.as_ref().map(|a| a.text()).unwrap_or_default();
        assert!(text.contains("지난달 이사한 집의 보일러가") && text.contains("겨울이 다가오는데"), "{text}");
        assert!(text.contains("계약을 새로 하실 때에는"), "{text}");
        assert!(!text.contains("큰 도움이 되었습니다") && !text.contains("상담소 주소"), "{text}");
        // The words are gone for the body, not for the rest of the page: the menu stays out.
        assert!(!text.contains("상담\n") && !text.starts_with('홈'), "{text}");
    }

    #[test]
    fn explain_names_the_fallback_that_chose_the_body() {
        // The page the reread chose on, and the blocks it kept there, are the ones shown.
        let shown = crate::explain(ONE_WORD_ON_EVERY_BOX.as_bytes());
        assert!(shown.starts_with("route: reread without share\n"), "{shown}");
        let kept = |needle: &str| shown.lines().any(|l| l.contains(" + ") && l.contains(needle));
        assert!(kept("지난달 이사한 집의 보일러가") && !kept("큰 도움이 되었습니다"), "{shown}");
        let plain = "<html><body><article><p>서울시가 내년부터 버스 노선을 새로 짠다고 밝혔다. 출퇴근 시간 \
                     배차 간격도 줄인다.</p></article></body></html>";
        assert!(
            crate::explain(plain.as_bytes()).starts_with("route: hinted\ncaptions read as text: false\n")
        );
    }

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
