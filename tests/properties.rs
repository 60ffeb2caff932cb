//! Properties over generated input: tag soup from a small alphabet, and mutated corpus pages
//! (bit flips, truncations, splices, insertions, deletions). For every input, extraction does
//! not panic, and it invents nothing: every word of every output paragraph occurs in the page's
//! visible text (all its text nodes but those of `<script>` and `<style>`), as scraper parses it.

use bonmun::BlockKind;
use encoding_rs::Encoding;
use proptest::prelude::*;
use proptest::sample::Index;
use scraper::{Html, Node};
use std::sync::LazyLock;

/// The corpus pages, as bytes.
static CORPUS: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/raw");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    paths.sort();
    let pages: Vec<Vec<u8>> = paths.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    assert!(!pages.is_empty(), "no pages in {}", dir.display());
    pages
});

/// Elements whose text bonmun never reads (its `Tag::Skip`), besides script and style.
const SKIPPED: &[&str] = &[
    "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "select", "option", "textarea",
    "button", "input", "head", "audio", "video", "map", "dialog",
];

/// Class tokens of screen-reader-only text (`class-hidden` in src/lexicon.txt).
const HIDDEN_CLASSES: &[&str] = &["blind", "sr-only", "visually-hidden", "screen_out", "offscreen"];

/// The visible text of a page, text nodes joined with nothing between them (words made of
/// text split across inline tags, `정<b>부</b>가`, are whole in it). `strict` also leaves out
/// what bonmun skips beyond script and style (hidden elements, form controls …): text on both
/// sides of such an element joins into one word in bonmun's output, and in this text.
fn visible_text(doc: &Html, strict: bool) -> String {
    let mut out = String::new();
    for node in doc.tree.root().descendants() {
        let Node::Text(t) = node.value() else { continue };
        let hidden = node.ancestors().any(|a| {
            let Node::Element(el) = a.value() else { return false };
            let name = el.name();
            if name == "script" || name == "style" {
                return true;
            }
            strict
                && (SKIPPED.contains(&name)
                    || el.attr("hidden").is_some()
                    || el.attr("style").is_some_and(|s| {
                        let s: String =
                            s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
                        s.contains("display:none") || s.contains("visibility:hidden")
                    })
                    || el
                        .attr("class")
                        .is_some_and(|c| c.split_whitespace().any(|w| HIDDEN_CLASSES.contains(&w))))
        });
        if !hidden {
            out.push_str(t);
        }
    }
    out
}

/// Extracts `bytes`; on an article, checks that each word of each paragraph is in the page's
/// visible text, decoded with the charset bonmun reports.
fn check_nothing_invented(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(article) = bonmun::extract(bytes) else { return Ok(()) };
    let enc = Encoding::for_label(article.charset.as_bytes())
        .ok_or_else(|| TestCaseError::fail(format!("unknown charset {}", article.charset)))?;
    // `decode` sniffs a BOM, as bonmun does before anything else.
    let (text, _, _) = enc.decode(bytes);
    let doc = Html::parse_document(&text);
    let loose = visible_text(&doc, false);
    let strict = visible_text(&doc, true);
    // The blocks hold every paragraph (and the captions besides). A table row's cells are
    // joined with " | ", the one text bonmun adds to a page's.
    for block in &article.blocks {
        let parts: Vec<&str> = if block.kind == BlockKind::TableRow {
            block.text.split(" | ").collect()
        } else {
            vec![&block.text]
        };
        for word in parts.iter().flat_map(|p| p.split_whitespace()) {
            prop_assert!(
                loose.contains(word) || strict.contains(word),
                "invented word {word:?} in block {:?} ({})",
                block.text,
                article.charset
            );
        }
    }
    Ok(())
}

const TAGS: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<div class=article_body>",
    "<div class=\"comment\">",
    "<span>",
    "</span>",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<a href=/x>",
    "</a>",
    "<br>",
    "<br/>",
    "<h1>",
    "</h1>",
    "<h2>",
    "</h2>",
    "<ul>",
    "<li>",
    "</li>",
    "</ul>",
    "<table>",
    "<tr>",
    "<td>",
    "</td>",
    "</table>",
    "<blockquote>",
    "</blockquote>",
    "<pre>",
    "</pre>",
    "<article>",
    "</article>",
    "<nav>",
    "</nav>",
    "<footer>",
    "<figure>",
    "<figcaption>",
    "</figcaption>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "<title>",
    "</title>",
    "<textarea>",
    "</textarea>",
    "<noscript>",
    "</noscript>",
    "<svg>",
    "</svg>",
    "<template>",
    "</template>",
    "<select><option>",
    "</select>",
    "<meta charset=euc-kr>",
    "<meta charset=utf-8>",
    "<!DOCTYPE html>",
    "<html>",
    "<body>",
    "<head>",
    "</head>",
    "<![CDATA[",
    "]]>",
    "<",
    ">",
    "</",
    "<font>",
    "<span hidden>",
    "<span class=blind>",
    "<div style='display:none'>",
    "<p class=\"sr-only\">",
    "<hr>",
];

const WORDS: &[&str] = &[
    "정부가",
    "오늘",
    "새",
    "정책을",
    "발표했다.",
    "관계자는",
    "밝혔다.",
    "서울",
    "기자",
    "요약",
    "관련기사",
    "댓글",
    "무단전재",
    "및",
    "재배포",
    "금지",
    "©",
    "입력",
    "2024.03.11",
    "09:12",
    "hong@example.com",
    "the",
    "market",
    "rose",
    "today.",
    "Seoul",
    "가",
    "힣",
    "ㄱ",
    "漢字",
    "▶",
    "…",
    "“인용”",
    "(",
    ")",
    "|",
    "-",
    "😀",
    "é",
    "0",
    "12,345",
    "%",
];

const ENTITIES: &[&str] = &[
    "&amp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&nbsp;",
    "&#44032;",
    "&#xD7A3;",
    "&#0;",
    "&#x110000;",
    "&bogus;",
    "&",
    "&amp",
    "&#",
    "&#x;",
    "&copy;",
    "&middot;",
];

const ATTRS: &[&str] = &[
    "class=article",
    "class=\"news_related list\"",
    "id=articleBody",
    "hidden",
    "style=\"display: none\"",
    "href='/a'",
    "title=\"제목 &amp; 부제\"",
    "class=",
    "=x",
    "a=\"unterminated",
    "data-x='<p>'",
];

const SENTENCE: &str = "정부가 오늘 새 정책을 발표했다고 관계자가 밝혔다. 시행은 다음 달부터라고 설명했다.";

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(TAGS).prop_map(str::to_string),
        5 => prop::sample::select(WORDS).prop_map(|w| format!("{w} ")),
        1 => prop::sample::select(WORDS).prop_map(str::to_string),
        1 => prop::sample::select(ENTITIES).prop_map(str::to_string),
        1 => (prop::sample::select(&["p", "div", "span", "a", "li", "td", "h2"][..]), prop::sample::select(ATTRS))
            .prop_map(|(t, a)| format!("<{t} {a}>")),
        1 => Just(SENTENCE.to_string()),
        1 => prop::sample::select(&[" ", "\n", "\t", "\u{a0}", "\u{3000}", "\0", "\r\n"][..]).prop_map(str::to_string),
    ]
}

/// Tag soup, sometimes with a few raw bytes that are not UTF-8 (so that every decode path runs).
fn soup() -> impl Strategy<Value = Vec<u8>> {
    (prop::collection::vec(token(), 0..300), prop::collection::vec(any::<u8>(), 0..3), any::<Index>())
        .prop_map(|(tokens, raw, at)| {
            let mut bytes = tokens.concat().into_bytes();
            let at = at.index(bytes.len() + 1);
            bytes.splice(at..at, raw);
            bytes
        })
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Flips one bit of one byte.
    Flip(Index, u8),
    /// Cuts the page at a point.
    Truncate(Index),
    /// Copies a run of bytes of another (or the same) page to a point.
    Splice { page: Index, from: Index, len: usize, to: Index },
    /// Removes a run of bytes.
    Delete(Index, usize),
    /// Inserts bytes.
    Insert(Index, Vec<u8>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), 0u8..8).prop_map(|(i, b)| Mutation::Flip(i, b)),
        2 => any::<Index>().prop_map(Mutation::Truncate),
        2 => (any::<Index>(), any::<Index>(), 1usize..4000, any::<Index>())
            .prop_map(|(page, from, len, to)| Mutation::Splice { page, from, len, to }),
        2 => (any::<Index>(), 1usize..2000).prop_map(|(i, n)| Mutation::Delete(i, n)),
        2 => (any::<Index>(), prop::collection::vec(any::<u8>(), 1..16)).prop_map(|(i, b)| Mutation::Insert(i, b)),
    ]
}

fn apply(page: &mut Vec<u8>, m: &Mutation) {
    match m {
        Mutation::Flip(i, bit) => {
            if !page.is_empty() {
                let i = i.index(page.len());
                page[i] ^= 1 << bit;
            }
        }
        Mutation::Truncate(i) => page.truncate(i.index(page.len() + 1)),
        Mutation::Splice { page: p, from, len, to } => {
            let source = &CORPUS[p.index(CORPUS.len())];
            let from = from.index(source.len());
            let run = source[from..(from + len).min(source.len())].to_vec();
            let to = to.index(page.len() + 1);
            page.splice(to..to, run);
        }
        Mutation::Delete(i, n) => {
            let i = i.index(page.len() + 1);
            page.drain(i..(i + n).min(page.len()));
        }
        Mutation::Insert(i, bytes) => {
            let i = i.index(page.len() + 1);
            page.splice(i..i, bytes.iter().copied());
        }
    }
}

/// A fixed seed, so that CI runs are repeatable, unless `PROPTEST_RNG_SEED` names another (set
/// it, and `PROPTEST_CASES`, to explore); and no regression files written next to the sources.
fn config(cases: u32) -> ProptestConfig {
    let rng_seed = if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
        ProptestConfig::default().rng_seed
    } else {
        proptest::test_runner::RngSeed::Fixed(0x626f_6e6d_756e)
    };
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, rng_seed, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn tag_soup_never_panics_and_invents_nothing(bytes in soup()) {
        check_nothing_invented(&bytes)?;
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn mutated_corpus_pages_never_panic_and_invent_nothing(
        page in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let mut bytes = CORPUS[page.index(CORPUS.len())].clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        check_nothing_invented(&bytes)?;
    }
}

/// The property holds on the unmutated pages too (a check of the check).
#[test]
fn corpus_pages_invent_nothing() {
    for page in CORPUS.iter() {
        assert!(bonmun::extract(page).is_ok());
        check_nothing_invented(page).unwrap();
    }
}
