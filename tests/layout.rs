//! The same articles in other markup must give the same body.
//!
//! Each layout family rewrites every page of `corpus/` and `../shared/realpages` the way some
//! real Korean sites write theirs — paragraphs as heading tags, as `<div>`s, `<section>`s,
//! custom elements or as `<br>`-split text, the body in one layout-table cell, inside
//! `<figure>`, a quote, a definition list, a list item, a web component, a form or
//! `<center>`, `<pre>`, `<aside>` or `<header>`, misleading class words on every container
//! (photo, caption, copy, share, related, comment), no class names at all, tag names in
//! capitals, CRLF line ends, XHTML, minified or with numeric character references and
//! no-break spaces, the page saved in EUC-KR — and scores the output against the page's own
//! gold file. The text a reader sees does not change under any family, so the gold stays right.
//! A rule that reads the markup too literally loses a whole body on one of them; these tests
//! are how such a rule is found before a page of an unseen site finds it.

mod common;

use bonmun::eval::{PageScore, Summary, score_page};
use regex::bytes::{Captures, Regex};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Macro F1 over all pages, for every family. The target is 0.99, reached; this is the best
/// so far (a ratchet). On the 97 pages of the fourth held-out set the lowest family, without
/// class names, stood at 0.993 once reader comments were told apart by their name-and-time
/// headers; with the fifth set's six pages and the five that left `pending/` (108 in all) the
/// lowest are no-class-names 0.9904 and class-copy 0.9911; with six pages of the sixth set
/// (114 in all) they are no-class-names 0.9908 and class-copy 0.9925; with "copy" after a
/// content word read as the text, class-copy 0.9928, and the added class-share 0.9925, 0.9933
/// once a page whose class words mark its body is read again without them (115 pages, with
/// 063 out of `pending/`; no-class-names 0.9907). With the seventh set and three of the
/// eighth (124 pages) the lowest is no-class-names at 0.9900, on the floor (its lowest pages
/// are older ones: 046, 051, 001; the new pages pull the mean down slightly). Of the seven
/// families added then (custom elements, `<section>`, spans and breaks, the body in a quote,
/// a `<dd>`, one `<li>`, a web component), p-as-custom stood at 0.9870 and body-in-li at 0.9909
/// with one page at 0.539, until unknown elements were read by their place and a box's list
/// by its elements; now 0.9961 and 0.9946. The four families added with the tenth set's pages
/// (a sentence a paragraph, one-cell tables, boxes inside the body, 60 divs deep) passed when
/// first run: 0.9961, 0.9947, 0.9972, 0.9972. Of the ten added next (minified, XHTML,
/// numeric references, paragraphs joined by breaks, no-break spaces, the body in `<pre>`,
/// `<aside>` or `<header>`, related/comment class words), the whole page in `<aside>` or
/// `<header>` stood at 0.9852 with 076 at 0.337 until a body under layout-tag furniture was
/// chosen again without it; now 0.9939. With the fifteenth set (150 pages) the poems of 100
/// fell under 0.90 in eleven families and 106's sidebar in five until a line run counted in
/// any kind of block and a sidebar box was read by its innermost layout tag; lowest now:
/// no-class-names 0.9935.
const FAMILY_MIN_MACRO_F1: f64 = 0.990;

/// No page of any family under this F1: the target, reached. The last page under it was
/// 055-qnaanswer with every container classed "wrap_share_area" (0.872, and so under
/// "story_copy" until "copy" after a content word was read as text): its question box lost
/// to the answer's until the page was read again without the words that marked the body.
/// Lowest now: 038-headingbody in `<figure>` and with photo/caption/img words, 0.902.
/// 019-sports under "story_copy" (0.812, the body's first half lost) passed 0.99 once a
/// hinted body that is itself hinted furniture yields to the choice on text alone.
const FAMILY_MIN_PAGE_F1: f64 = 0.90;

static P_OPEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)<p(\s[^>]*)?>").expect("pattern"));
static P_CLOSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)</p\s*>").expect("pattern"));
static BODY_OPEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)<body(\s[^>]*)?>").expect("pattern"));
static BODY_CLOSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)</body\s*>").expect("pattern"));
static CONTAINER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<(div|section|article|main)(\s[^>]*)?>").expect("pattern"));
static CLASS_ATTR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)\s(class|id)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)"#).expect("pattern"));
static CLASS_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)(\sclass\s*=\s*)(?:(["'])|([^\s>"']+))"#).expect("pattern"));

/// A rewrite of a whole page.
type Rewrite = fn(&[u8]) -> Vec<u8>;

/// Every `<p>` becomes another element, its attributes kept.
fn paragraphs_as(html: &[u8], tag: &str) -> Vec<u8> {
    let open = P_OPEN.replace_all(html, |c: &Captures| {
        let attrs = c.get(1).map_or(&b""[..], |m| m.as_bytes());
        [b"<", tag.as_bytes(), attrs, b">"].concat()
    });
    P_CLOSE.replace_all(&open, format!("</{tag}>").as_bytes()).into_owned()
}

/// Every `<p>` and `</p>` become line breaks: the body is text split by `<br><br>`, as old
/// CMSs and many wire services write it.
fn paragraphs_as_breaks(html: &[u8]) -> Vec<u8> {
    let open = P_OPEN.replace_all(html, &b""[..]);
    P_CLOSE.replace_all(&open, &b"<br><br>"[..]).into_owned()
}

/// Every paragraph a `<span>` followed by two line breaks, as editors that style each run
/// write it.
fn paragraphs_as_spans_and_breaks(html: &[u8]) -> Vec<u8> {
    let open = P_OPEN.replace_all(html, &b"<span>"[..]);
    P_CLOSE.replace_all(&open, &b"</span><br><br>"[..]).into_owned()
}

/// The whole visible page wrapped in one element, as a layout table's cell or a `<figure>`.
fn body_wrapped(html: &[u8], open: &[u8], close: &[u8]) -> Vec<u8> {
    let opened =
        BODY_OPEN.replace(html, |c: &Captures| [c.get(0).map_or(&b""[..], |m| m.as_bytes()), open].concat());
    if matches!(opened, Cow::Borrowed(_)) {
        // A page without a <body> tag: wrap all of it.
        return [open, html, close].concat();
    }
    let closed = BODY_CLOSE.replace(&opened, [close, b"</body>"].concat().as_slice());
    closed.into_owned()
}

/// A class word added to every container, beside the classes it has: old CMSs number their
/// layout boxes (`photo006`, `img_box03`), and such words say nothing of what a box holds.
fn class_word_added(html: &[u8], word: &str) -> Vec<u8> {
    CONTAINER
        .replace_all(html, |c: &Captures| {
            let name = c.get(1).map_or(&b"div"[..], |m| m.as_bytes());
            let attrs = c.get(2).map_or(&b""[..], |m| m.as_bytes());
            let attrs: Vec<u8> = if CLASS_VALUE.is_match(attrs) {
                CLASS_VALUE
                    .replace(attrs, |v: &Captures| {
                        let head = v.get(1).map_or(&b""[..], |m| m.as_bytes());
                        match (v.get(2), v.get(3)) {
                            (Some(quote), _) => [head, quote.as_bytes(), word.as_bytes(), b" "].concat(),
                            // An unquoted value is one token: quote the pair.
                            (None, Some(value)) => {
                                [head, b"\"", word.as_bytes(), b" ", value.as_bytes(), b"\""].concat()
                            }
                            (None, None) => head.to_vec(),
                        }
                    })
                    .into_owned()
            } else {
                [attrs, b" class=\"", word.as_bytes(), b"\""].concat()
            };
            [b"<", name, &attrs, b">"].concat()
        })
        .into_owned()
}

/// Every class and id removed: the page as a theme without semantic names (or a scraper that
/// strips them) gives it.
fn no_class_names(html: &[u8]) -> Vec<u8> {
    CLASS_ATTR.replace_all(html, &b""[..]).into_owned()
}

const FAMILIES: &[(&str, Rewrite)] = &[
    ("p-as-h2", |h| paragraphs_as(h, "h2")),
    ("p-as-h4", |h| paragraphs_as(h, "h4")),
    ("p-as-h6", |h| paragraphs_as(h, "h6")),
    ("p-as-div", |h| paragraphs_as(h, "div")),
    ("p-as-br", paragraphs_as_breaks),
    ("body-in-figure", |h| body_wrapped(h, b"<figure>", b"</figure>")),
    ("body-in-table-cell", |h| body_wrapped(h, b"<table><tr><td>", b"</td></tr></table>")),
    ("legacy-font-table", |h| {
        body_wrapped(
            &paragraphs_as_breaks(h),
            b"<table width=760><tr><td><font size=2>",
            b"</font></td></tr></table>",
        )
    }),
    ("class-photo", |h| class_word_added(h, "photo006")),
    ("class-caption", |h| class_word_added(h, "caption_area")),
    ("class-img", |h| class_word_added(h, "img_wrap")),
    ("class-copy", |h| class_word_added(h, "story_copy")),
    ("class-share", |h| class_word_added(h, "wrap_share_area")),
    ("no-class-names", no_class_names),
    // Web components: a custom element for each paragraph, or around the whole page.
    ("p-as-custom", |h| paragraphs_as(h, "x-para")),
    ("p-as-section", |h| paragraphs_as(h, "section")),
    ("p-as-span-br", paragraphs_as_spans_and_breaks),
    ("body-in-blockquote", |h| body_wrapped(h, b"<blockquote>", b"</blockquote>")),
    // A board's definition-list view, and a feed that lists each article in a list item.
    ("body-in-dd", |h| body_wrapped(h, "<dl><dt>본문</dt><dd>".as_bytes(), b"</dd></dl>")),
    ("body-in-li", |h| body_wrapped(h, b"<ul><li>", b"</li></ul>")),
    ("body-in-custom", |h| body_wrapped(h, b"<app-root><news-view>", b"</news-view></app-root>")),
    ("body-in-form", |h| body_wrapped(h, b"<form id=form1 method=post action=./view.aspx>", b"</form>")),
    ("body-in-center", |h| body_wrapped(h, b"<center>", b"</center>")),
    // Word processors' HTML (HWP, Word) sets every cell's text in a paragraph.
    ("cell-text-in-p", cell_text_in_paragraphs),
    ("upper-case-tags", upper_case_tags),
    ("crlf", |h| h.iter().flat_map(|&b| if b == b'\n' { vec![b'\r', b'\n'] } else { vec![b] }).collect()),
    ("euc-kr", euc_kr),
    ("sentence-per-p", sentence_per_paragraph),
    ("p-as-1-cell-table", paragraph_per_table),
    ("boxes-inside-body", boxes_inside_the_body),
    // Builders that wrap every component in a layer of its own nest the body deep.
    // Markup that changes how the text is written, not what it says: whitespace between tags
    // stripped, an XHTML prolog, every syllable a character reference, a body's paragraphs in
    // one `<p>` split by breaks, spaces written as `&nbsp;`, the text in a `<pre>`.
    ("minified", minified),
    ("xhtml", xhtml),
    ("numeric-refs", numeric_references),
    ("p-joined-by-br", paragraphs_joined_by_breaks),
    ("nbsp-spaces", nbsp_spaces),
    ("body-in-pre", |h| body_wrapped(h, b"<pre>", b"</pre>")),
    ("class-related", |h| class_word_added(h, "related_news")),
    ("class-comment", |h| class_word_added(h, "reply_box")),
    // A theme that sets the whole page in a layout tag meant for its parts.
    ("body-in-aside", |h| body_wrapped(h, b"<aside>", b"</aside>")),
    ("body-in-header", |h| body_wrapped(h, b"<header>", b"</header>")),
    ("body-60-divs-deep", |h| body_wrapped(h, "<div>".repeat(60).as_bytes(), "</div>".repeat(60).as_bytes())),
];

static PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<p(\s[^>]*)?>(.*?)</p\s*>").expect("pattern"));
static BLOCK_INSIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<(p|div|table|ul|ol)[\s>]").expect("pattern"));
/// A sentence's end in Korean prose: a final ending (다, 요, 까) and its stop, a closing quote.
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(다|요|까)[.?!]["'”’]?\s+"#).expect("pattern"));
static ANY_TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]*>").expect("pattern"));

/// Every sentence its own `<p>`: many papers' editors break after each sentence, so a body is
/// dozens of one-line paragraphs, each as short as a label or a caption.
fn sentence_per_paragraph(html: &[u8]) -> Vec<u8> {
    PARAGRAPH
        .replace_all(html, |c: &Captures| {
            let whole = c.get(0).map_or(&b""[..], |m| m.as_bytes());
            let attrs = c.get(1).map_or(&b""[..], |m| m.as_bytes());
            let inner = c.get(2).map_or(&b""[..], |m| m.as_bytes());
            if BLOCK_INSIDE.is_match(inner) {
                return whole.to_vec();
            }
            let mut out = Vec::new();
            let mut start = 0;
            for end in SENTENCE_END.find_iter(inner) {
                out.extend(
                    [b"<p", attrs, b">", inner.get(start..end.end()).unwrap_or_default(), b"</p>"].concat(),
                );
                start = end.end();
            }
            let rest = inner.get(start..).unwrap_or_default();
            if !rest.iter().all(u8::is_ascii_whitespace) {
                out.extend([b"<p", attrs, b">", rest, b"</p>"].concat());
            }
            out
        })
        .into_owned()
}

/// Every paragraph a table of one cell, as pages laid out in the 2000s set each block.
fn paragraph_per_table(html: &[u8]) -> Vec<u8> {
    PARAGRAPH
        .replace_all(html, |c: &Captures| {
            let inner = c.get(2).map_or(&b""[..], |m| m.as_bytes());
            [&b"<table width=\"100%\"><tr><td>"[..], inner, b"</td></tr></table>"].concat()
        })
        .into_owned()
}

/// A related-articles box and an ad, written as sites write them inside the body, after the
/// second paragraph of running text (a `<p>` with more than a line of Hangul). The gold is
/// unchanged: neither is body.
fn boxes_inside_the_body(html: &[u8]) -> Vec<u8> {
    const BOXES: &str = concat!(
        "<div><strong>관련기사</strong><ul>",
        "<li><a href=\"/news/1\">빈 점포에 다시 불을 켠 청년들, 골목 상권 살리기 1년의 기록</a></li>",
        "<li><a href=\"/news/2\">올겨울 난방비 부담 커진다…도시가스 요금 인상 폭 다음 주 발표</a></li>",
        "<li><a href=\"/news/3\">주말 나들이객 몰린 해안도로, 오후 내내 곳곳에서 정체 이어져</a></li>",
        "</ul></div>",
        "<div><span>광고</span><a href=\"https://ad.example.com/c?id=1\">겨울철 건조한 피부, 하루 한 번 바르는 보습 크림으로 촉촉하게 지켜 보세요</a></div>",
    );
    let mut running = 0;
    PARAGRAPH
        .replace_all(html, |c: &Captures| {
            let whole = c.get(0).map_or(&b""[..], |m| m.as_bytes());
            let inner = c.get(2).map_or(&b""[..], |m| m.as_bytes());
            let text = ANY_TAG.replace_all(inner, &b""[..]);
            let hangul = String::from_utf8_lossy(&text).chars().filter(|c| ('가'..='힣').contains(c)).count();
            if hangul > 30 {
                running += 1;
                if running == 2 {
                    return [whole, BOXES.as_bytes()].concat();
                }
            }
            whole.to_vec()
        })
        .into_owned()
}

static TAG_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)").expect("pattern"));
static CHARSET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)charset\s*=\s*(["']?)utf-?8"#).expect("pattern"));
static HEAD_OPEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)<head(\s[^>]*)?>").expect("pattern"));

static CELL_OPEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<(td|th)(\s[^>]*)?>").expect("pattern"));
static CELL_CLOSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)</(td|th)\s*>").expect("pattern"));

/// Every table cell's content in a `<p>`.
fn cell_text_in_paragraphs(html: &[u8]) -> Vec<u8> {
    let open = CELL_OPEN
        .replace_all(html, |c: &Captures| [c.get(0).map_or(&b""[..], |m| m.as_bytes()), b"<p>"].concat());
    CELL_CLOSE
        .replace_all(&open, |c: &Captures| {
            [&b"</p>"[..], c.get(0).map_or(&b""[..], |m| m.as_bytes())].concat()
        })
        .into_owned()
}

/// Tag names in capitals, as pages made with the editors of the 2000s have them.
fn upper_case_tags(html: &[u8]) -> Vec<u8> {
    TAG_NAME
        .replace_all(html, |c: &Captures| {
            let slash = c.get(1).map_or(&b""[..], |m| m.as_bytes());
            let name = c.get(2).map_or(&b""[..], |m| m.as_bytes()).to_ascii_uppercase();
            [b"<", slash, &name].concat()
        })
        .into_owned()
}

/// The page saved in EUC-KR (characters outside it as character references), its charset
/// declaration saying so. Pages in another encoding already are left as they are.
fn euc_kr(html: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(html) else { return html.to_vec() };
    let (bytes, _, _) = encoding_rs::EUC_KR.encode(text);
    let declared = CHARSET.replace_all(&bytes, &b"charset=${1}euc-kr"[..]);
    if CHARSET.is_match(html) {
        return declared.into_owned();
    }
    let meta = HEAD_OPEN.replace(&declared, |c: &Captures| {
        [c.get(0).map_or(&b""[..], |m| m.as_bytes()), b"<meta charset=euc-kr>"].concat()
    });
    meta.into_owned()
}

fn score(pages: &[common::GoldPage], rewrite: Rewrite) -> Vec<(String, PageScore)> {
    pages
        .iter()
        .map(|p| {
            let html = rewrite(&p.html);
            let text = bonmun::extract(&html).map(|a| a.text()).unwrap_or_default();
            (p.id.clone(), score_page(&text, &p.gold))
        })
        .collect()
}

/// All pages: the corpus, and realpages when present.
fn all_pages() -> Vec<common::GoldPage> {
    let mut pages = common::load(&common::corpus_dir());
    if let Some(dir) = common::realpages_dir() {
        pages.extend(common::load(&dir));
    }
    pages
}

#[test]
fn every_layout_family_keeps_the_body() {
    let pages = all_pages();
    assert!(!pages.is_empty());
    let mut failures = Vec::new();
    println!("{:20} {:>6} {:>7} {:>7} {:>7}  lowest", "family", "pages", "P", "R", "F1");
    for (name, rewrite) in FAMILIES {
        let scores = score(&pages, *rewrite);
        let summary = Summary::of(&scores.iter().map(|(_, s)| *s).collect::<Vec<_>>());
        let mut low: Vec<&(String, PageScore)> = scores.iter().collect();
        low.sort_by(|a, b| a.1.f1.total_cmp(&b.1.f1));
        let lowest: Vec<String> = low.iter().take(3).map(|(id, s)| format!("{id} {:.3}", s.f1)).collect();
        println!(
            "{name:20} {:>6} {:7.4} {:7.4} {:7.4}  {}",
            summary.pages,
            summary.macro_precision,
            summary.macro_recall,
            summary.macro_f1,
            lowest.join(", ")
        );
        if summary.macro_f1 < FAMILY_MIN_MACRO_F1 {
            failures.push(format!("{name}: macro F1 {:.4} < {FAMILY_MIN_MACRO_F1}", summary.macro_f1));
        }
        for (id, s) in &scores {
            if s.f1 < FAMILY_MIN_PAGE_F1 {
                failures.push(format!("{name}: {id} F1 {:.3} < {FAMILY_MIN_PAGE_F1}", s.f1));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The rewrites themselves: each changes the markup it is meant to and leaves the text alone.
#[test]
fn rewrites_change_markup_not_text() {
    let page = br#"<html><body><div class=a id=b><p class="x">one</p><p>two</p></div></body></html>"#;
    let h4 = String::from_utf8(paragraphs_as(page, "h4")).unwrap_or_default();
    assert!(h4.contains(r#"<h4 class="x">one</h4><h4>two</h4>"#), "{h4}");
    let br = String::from_utf8(paragraphs_as_breaks(page)).unwrap_or_default();
    assert!(br.contains("one<br><br>two<br><br>"), "{br}");
    let fig = String::from_utf8(body_wrapped(page, b"<figure>", b"</figure>")).unwrap_or_default();
    assert!(fig.contains("<body><figure><div") && fig.contains("</figure></body>"), "{fig}");
    let cls = String::from_utf8(class_word_added(page, "photo006")).unwrap_or_default();
    assert!(cls.contains(r#"<div class="photo006 a" id=b>"#), "{cls}");
    let dq = String::from_utf8(class_word_added(br#"<div class="a b">"#, "w")).unwrap_or_default();
    assert_eq!(dq, r#"<div class="w a b">"#);
    let quoted =
        String::from_utf8(class_word_added(br#"<section class='k'><main>"#, "w")).unwrap_or_default();
    assert_eq!(quoted, r#"<section class='w k'><main class="w">"#);
    let bare = String::from_utf8(no_class_names(page)).unwrap_or_default();
    assert!(bare.contains(r#"<div><p>one</p>"#), "{bare}");
    let cells = String::from_utf8(cell_text_in_paragraphs(b"<tr><td class=a>1</td><TH>2</TH></tr>"))
        .unwrap_or_default();
    assert_eq!(cells, "<tr><td class=a><p>1</p></td><TH><p>2</p></TH></tr>");
    let upper = String::from_utf8(upper_case_tags(page)).unwrap_or_default();
    assert!(upper.contains(r#"<DIV class=a id=b><P class="x">one</P>"#), "{upper}");
    let legacy = euc_kr("<html><head><meta charset=\"utf-8\"></head><p>정부 ☃</p>".as_bytes());
    // The declaration follows, its quotes kept; a character EUC-KR lacks is a reference.
    assert_eq!(
        encoding_rs::EUC_KR.decode(&legacy).0,
        "<html><head><meta charset=\"euc-kr\"></head><p>정부 &#9731;</p>"
    );
    let declared = euc_kr("<html><head><title>t</title>".as_bytes());
    assert!(declared.starts_with(b"<html><head><meta charset=euc-kr><title>"));
    let split = sentence_per_paragraph("<p class=x>비가 왔다. 그쳤나요? 아직 \"춥다.\" 끝</p>".as_bytes());
    assert_eq!(
        String::from_utf8(split).unwrap_or_default(),
        "<p class=x>비가 왔다. </p><p class=x>그쳤나요? </p><p class=x>아직 \"춥다.\" </p><p class=x>끝</p>"
    );
    let cell = String::from_utf8(paragraph_per_table(page)).unwrap_or_default();
    assert!(cell.contains(r#"<table width="100%"><tr><td>one</td></tr></table>"#), "{cell}");
}

/// The boxes family must reach the body of most pages, or its figure says nothing.
#[test]
fn boxes_are_put_inside_most_bodies() {
    let pages = all_pages();
    let reached = pages.iter().filter(|p| boxes_inside_the_body(&p.html) != p.html).count();
    assert!(reached * 4 >= pages.len() * 3, "boxes put in {reached} of {} pages", pages.len());
}

/// Sentences of a paragraph's length, for the pages built by hand below.
const SENTENCES: [&str; 4] = [
    "서울시가 내년부터 시내버스 노선을 새로 짜고 출퇴근 시간의 배차 간격을 평균 3분가량 줄이겠다고 밝혔다.",
    "시는 이번 개편으로 하루 평균 12만 명의 승객이 환승 없이 목적지에 닿을 수 있을 것으로 내다봤다.",
    "다만 일부 지역 주민들은 기존 노선이 사라지면 병원과 시장을 오가기가 오히려 불편해진다고 우려했다.",
    "시 관계자는 \"주민 설명회를 열어 의견을 듣고 노선안을 마지막으로 다듬겠다\"고 말했다.",
];

fn page_with(open: &str, close: &str) -> String {
    let body: String = SENTENCES.iter().map(|s| format!("{open}{s}{close}")).collect();
    format!(
        "<html><head><title>버스 노선 개편 - 예시일보</title></head><body><nav><a href=/>홈</a> <a href=/s>사회</a></nav>\
         <div class=article>{body}</div><footer>예시일보 무단전재 및 재배포 금지</footer></body></html>"
    )
}

#[test]
fn paragraphs_in_custom_elements_are_paragraphs() {
    // A web component per paragraph reads as a block; one inside running text (a citation
    // between brackets) stays inline, so the paragraph around it stays whole.
    let html = page_with("<x-para>", "</x-para>").replace(
        "</div><footer>",
        "<x-para>인용한 연구는 두 편이다 (<cite-src>10</cite-src>, <cite-src>11</cite-src>).</x-para></div><footer>",
    );
    let article = bonmun::extract(html.as_bytes()).expect("article");
    let paragraphs: Vec<&str> = article.paragraphs().collect();
    let mut expected = SENTENCES.to_vec();
    expected.push("인용한 연구는 두 편이다 (10, 11).");
    assert_eq!(paragraphs, expected);
}

#[test]
fn a_box_in_an_article_wrapped_in_one_list_item_takes_no_paragraph_after_it() {
    // Inside one `<li>` around the whole article every block reads as a list item; the
    // related-articles box in the middle is the box alone, not the box and "its list".
    let html = page_with("<p>", "</p>")
        .replace("<div class=article>", "<ul><li><div class=article>")
        .replace("</div><footer>", "</div></li></ul><footer>");
    let (head, tail) = html.split_at(html.find(SENTENCES[3]).map_or(0, |i| i - "<p>".len()));
    let html = format!(
        "{head}<div class=related><span>관련기사</span> <a href=/n/1><strong>다른 도시의 버스 노선 개편이 남긴 \
         과제</strong> <span>노선을 먼저 바꾼 도시들에서는 환승이 줄었지만 외곽 주민의 불만이 커졌다. 개편 뒤 \
         1년 동안 민원이 두 배로 늘었다.</span></a></div>{tail}"
    );
    let article = bonmun::extract(html.as_bytes()).expect("article");
    let paragraphs: Vec<&str> = article.paragraphs().collect();
    assert_eq!(paragraphs, SENTENCES, "{html}");
}

#[test]
fn a_schedule_table_reads_the_same_with_its_cells_in_paragraphs() {
    // Word processors' HTML sets each cell's text in a <p>: the rows must come out as they do
    // from plain cells, times and all (a time alone in a paragraph reads as a date line).
    let rows = [("09:00 ~ 09:20", "출석 확인 및 안전 교육"), ("09:20 ~ 10:10", "공원으로 이동")];
    let table = |open: &str, close: &str| -> String {
        let rows: String = rows
            .iter()
            .map(|(t, what)| format!("<tr><td>{open}{t}{close}</td><td>{open}{what}{close}</td></tr>"))
            .collect();
        let html = page_with("<p>", "</p>");
        let at = html.find(SENTENCES[2]).map_or(0, |i| i - "<p>".len());
        format!("{}<table>{rows}</table>{}", &html[..at], &html[at..])
    };
    let text = |html: String| bonmun::extract(html.as_bytes()).map(|a| a.text()).unwrap_or_default();
    let plain = text(table("", ""));
    assert!(plain.contains("09:00 ~ 09:20 | 출석 확인 및 안전 교육"), "{plain}");
    assert_eq!(text(table("<p>", "</p>")), plain);
    assert_eq!(text(table("<p><span>", "</span></p>")), plain);
}

#[test]
fn paragraphs_in_heading_tags_are_the_body() {
    for tag in ["h2", "h4", "h6"] {
        let html = page_with(&format!("<{tag}>"), &format!("</{tag}>"));
        let article = bonmun::extract(html.as_bytes()).unwrap_or_else(|e| panic!("{tag}: {e}"));
        let paragraphs: Vec<&str> = article.paragraphs().collect();
        assert_eq!(paragraphs, SENTENCES, "{tag}");
        // Sentences of a paragraph's length are paragraphs; a short one may stay a heading.
        let first = article.blocks.first().map(|b| b.kind);
        assert_eq!(first, Some(bonmun::BlockKind::Paragraph), "{tag}: {:?}", article.blocks);
    }
}

#[test]
fn a_caption_wrapper_around_the_body_does_not_hide_it() {
    for (open, close) in [
        ("<figure><p>", "</p></figure>"),
        ("<div class=photo006><p>", "</p></div>"),
        ("<div class=\"img_caption\">", "</div>"),
    ] {
        let html = page_with(open, close);
        let article = bonmun::extract(html.as_bytes()).unwrap_or_else(|e| panic!("{open}: {e}"));
        assert_eq!(article.paragraphs().collect::<Vec<_>>(), SENTENCES, "{open}");
    }
    // A real caption beside a body stays a caption.
    let html = page_with("<p>", "</p>").replace(
        "<div class=article>",
        "<div class=article><figure><img src=a.jpg><figcaption>광화문 버스정류장 (사진=예시일보)</figcaption></figure>",
    );
    let article = bonmun::extract(html.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert!(article.blocks.iter().any(|b| b.kind == bonmun::BlockKind::Caption), "{:?}", article.blocks);
    assert_eq!(article.paragraphs().collect::<Vec<_>>(), SENTENCES);
}

/// `NoContent` says the page has no body, not that `keep_captions` hides it.
#[test]
fn no_content_does_not_depend_on_keep_captions() {
    let html = "<html><body><figure><img src=a.jpg><figcaption>2일 오전 서울 광화문광장에서 시민들이 출근길에 \
                새로 생긴 버스정류장을 지나가고 있다. 시는 이달 말까지 정류장 12곳을 더 옮긴다. (사진=예시일보)\
                </figcaption></figure></body></html>";
    for keep_captions in [false, true] {
        let extractor = bonmun::Extractor::new(bonmun::Config::default().with_keep_captions(keep_captions));
        let result = extractor.extract(html.as_bytes());
        assert!(
            !matches!(result, Err(bonmun::Error::NoContent)),
            "keep_captions {keep_captions}: {result:?}"
        );
    }
}

/// Reader comments in the article's own table (no class names to tell them apart) are not
/// body; dated entries from the top down (a live blog, a timeline) are.
#[test]
fn a_comment_thread_without_classes_is_not_body() {
    let body = [
        "가온시가 다음 달부터 섬 항로 여객선 운항을 하루 두 차례로 줄인다고 23일 밝혔다. 선사의 적자가 쌓인 탓이다.",
        "주민들은 병원에 가는 날이면 하루를 다 써야 한다며 준공영제를 도입해 달라고 요구하고 있다.",
        "시는 국비 지원 없이는 어렵다는 입장이지만, 투석 환자를 위한 행정선 임시 운항은 다음 달 시작한다.",
        "전문가들은 섬 항로를 수익성만으로 판단해서는 안 된다며 공공이 책임져야 할 생활 기반이라고 지적했다.",
    ];
    let comments = [
        (
            "갈매섬토박이 2009-06-23 18:02",
            "우리 어머니도 투석 때문에 일주일에 세 번 배를 타십니다. 배가 줄고 나서는 제가 회사에 휴가를 내야 합니다.",
        ),
        (
            "가온시민 2009-06-23 19:47",
            "선사 사정도 이해는 가지만 섬 항로는 결국 공공이 책임져야 하는 길이라고 생각합니다.",
        ),
        (
            "바다지기 2009-06-23 22:15",
            "행정선 주 2회 임시 운항으로는 턱도 없습니다. 바람 부는 겨울에는 그마저도 못 뜨는 날이 많습니다.",
        ),
    ];
    let row = |t: &str| format!("<tr><td>{t}</td></tr>");
    let mut html = String::from("<html><body><table><tr><td><table>");
    body.iter().for_each(|p| html.push_str(&row(p)));
    for (header, text) in comments {
        html.push_str(&row(header));
        html.push_str(&row(text));
    }
    html.push_str("</table></td></tr></table></body></html>");
    let article = bonmun::extract(html.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(article.paragraphs().collect::<Vec<_>>(), body);

    // The same rows, each entry dated, as the whole body from its first line: all kept.
    let mut live = String::from("<html><body><table><tr><td><table>");
    for (header, text) in comments.iter().chain(comments.iter()) {
        live.push_str(&row(header));
        live.push_str(&row(text));
    }
    live.push_str("</table></td></tr></table></body></html>");
    let article = bonmun::extract(live.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let kept = article.paragraphs().filter(|p| comments.iter().any(|(_, t)| t == p)).count();
    assert_eq!(kept, 6, "{:?}", article.paragraphs().collect::<Vec<_>>());
}

/// The headline repeated at the top of the body goes whatever its tag (a newsletter's table
/// cell under a tagline), compared without its decorations; lower down it is the body's.
#[test]
fn the_title_repeated_at_the_top_goes_in_any_tag() {
    let body = [
        "회사 근처 골목에 올봄에만 빵집 세 곳이 새로 문을 열었습니다. 가게가 늘면 값이 내려갈 법도 한데 그렇지 않았어요.",
        "숫자부터 볼게요. 지난달 나온 자영업 보고서에 따르면 빵집 수는 한 해 사이 8% 늘었습니다.",
        "빵값을 정하는 가장 큰 몫은 사람입니다. 반죽을 밀고 버터를 말아 넣는 일은 기계로 바꾸기 어렵습니다.",
    ];
    let title = "빵집은 늘었는데 빵값은 왜 그대로일까";
    let cells: String = ["매주 목요일 아침, 경제 이야기를 배달합니다", title]
        .iter()
        .chain(body.iter())
        .map(|t| format!("<tr><td>{t}</td></tr>"))
        .collect();
    let html = format!(
        "<html><head><title>🥐 {title}</title></head><body><table>{cells}<tr><td>{title}</td></tr>\
         <tr><td>{}</td></tr></table></body></html>",
        body[0]
    );
    let article = bonmun::extract(html.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let paragraphs: Vec<&str> = article.paragraphs().collect();
    assert_eq!(paragraphs.iter().filter(|p| **p == title).count(), 1, "{paragraphs:?}");
    assert_ne!(paragraphs.get(1), Some(&title), "{paragraphs:?}");
}

/// A letter's sign-off closes a newsletter's body; the same last word in a heading higher up
/// ("아메리칸 드림") does not.
#[test]
fn a_signoff_ends_a_letter_not_an_article() {
    let letter = [
        "구독자님, 안녕하세요. 이번 주에는 동네 빵값이 왜 내려가지 않는지 들여다봤어요. 원가표를 펼쳐 보니 답이 보였습니다.",
        "가장 큰 몫은 사람입니다. 반죽을 밀고 버터를 말아 넣는 일은 기계로 바꾸기 어렵고, 새벽부터 일할 사람의 임금이 듭니다.",
        "여기에 임대료와 전기요금이 더해집니다. 오븐과 발효기는 하루 종일 돌아가고, 여름에는 냉방비까지 붙습니다.",
        "그래서 가게가 늘어도 값으로 싸우지 않습니다. 새 가게들은 우리 집에만 있는 빵으로 손님을 모으는 쪽을 택했어요.",
    ];
    let after = [
        "주머니레터 에디터 한소율 드림",
        "이 뉴스레터는 가계부 앱의 후원으로 무료로 발송됩니다. 영수증을 찍으면 지출이 정리돼요.",
    ];
    let row = |t: &str| format!("<tr><td>{t}</td></tr>");
    let rows: String = letter.iter().chain(after.iter()).map(|t| row(t)).collect();
    let html = format!("<html><body><table>{rows}</table></body></html>");
    let article = bonmun::extract(html.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(article.paragraphs().collect::<Vec<_>>(), letter);

    let mut article_rows: Vec<String> = letter.iter().map(|t| format!("<p>{t}</p>")).collect();
    article_rows.insert(2, "<p><b>아메리칸 드림</b></p>".to_string());
    let html = format!("<html><body><article>{}</article></body></html>", article_rows.concat());
    let article = bonmun::extract(html.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        article.paragraphs().count(),
        letter.len() + 1,
        "{:?}",
        article.paragraphs().collect::<Vec<_>>()
    );
}

/// A tutorial's section headed "태그" (HTML tags) in its second half keeps what follows.
#[test]
fn a_tags_heading_does_not_end_a_tutorial() {
    let paras = [
        "HTML 문서는 여러 요소로 이루어져 있습니다. 요소는 여는 부분과 닫는 부분 사이에 내용을 담습니다.",
        "문서의 뼈대는 머리와 몸통으로 나뉩니다. 머리에는 제목과 문자 집합 같은 정보를 적습니다.",
        "몸통에는 독자가 보는 내용을 적습니다. 문단과 목록, 표와 그림이 모두 여기에 들어갑니다.",
        "여는 태그는 꺾쇠 안에 요소의 이름을 쓰고, 닫는 태그는 이름 앞에 빗금을 붙입니다.",
        "어떤 요소는 닫는 태그가 없습니다. 줄바꿈과 그림이 대표적이며, 속성만으로 뜻을 전합니다.",
    ];
    let html = format!(
        "<html><body><article><p>{}</p><p>{}</p><p>{}</p><h2>태그</h2><p>{}</p><p>{}</p></article></body></html>",
        paras[0], paras[1], paras[2], paras[3], paras[4]
    );
    let article = bonmun::extract(html.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let got: Vec<&str> = article.paragraphs().collect();
    assert!(paras.iter().all(|p| got.contains(p)), "{got:?}");
}

/// A lone "요약" line over the body's own long list takes only itself: a box is never most of
/// the body.
#[test]
fn a_summary_label_does_not_take_the_body_list() {
    let intro = "이번 글에서는 집에서 된장을 담그는 순서를 처음부터 끝까지 정리했습니다. 재료는 메주와 소금, 물뿐입니다.";
    let steps = [
        "메주를 흐르는 물에 솔로 문질러 씻고, 볕이 좋은 날 하루 동안 바싹 말립니다. 덜 마르면 곰팡이가 핍니다.",
        "소금물은 물 열 되에 소금 두 되 반을 녹여 만들고, 달걀을 띄워 오백 원짜리 동전만큼 떠오르면 알맞습니다.",
        "항아리를 끓는 물로 소독한 뒤 메주를 넣고 소금물을 붓습니다. 메주가 떠오르지 않게 대나무로 눌러 둡니다.",
        "숯과 마른 고추, 대추를 띄우고 뚜껑을 덮습니다. 맑은 날에는 뚜껑을 열어 볕을 쬐게 해 줍니다.",
    ];
    let items: String = steps.iter().map(|s| format!("<li>{s}</li>")).collect();
    let html =
        format!("<html><body><article><p>{intro}</p><p>요약</p><ul>{items}</ul></article></body></html>");
    let article = bonmun::extract(html.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let got: Vec<&str> = article.paragraphs().collect();
    assert!(steps.iter().all(|s| got.contains(s)), "{got:?}");
}

/// A site that gives every box one furniture word ("story_copy": the body's two halves around
/// an ad, and the reader comments under them) marks the body and the rest alike: the hints do
/// not tell them apart, and the half above the ad is body too. The comments below stay out.
#[test]
fn a_furniture_word_on_every_box_keeps_both_halves() {
    let opening = [
        "한강 파이터즈가 9회말 터진 끝내기 2루타로 남도 웨일스를 꺾고 7연승을 달렸다. 홈 팬 1만 8천 명이 환호했다.",
        "경기 초반은 웨일스의 흐름이었다. 웨일스는 1회초 선두 타자 안타와 볼넷으로 만든 기회에서 석 점을 먼저 뽑았다.",
        "파이터즈는 4회말 반격에 나섰다. 1사 만루에서 나온 7번 타자의 2타점 적시타로 한 점 차까지 따라붙었다.",
    ];
    let rest = [
        "하지만 웨일스는 쉽게 물러서지 않았다. 8회초 파이터즈 불펜이 볼넷 두 개로 흔들린 틈을 타 다시 달아났다.",
        "승부는 9회말에 갈렸다. 선두 타자가 볼넷으로 걸어 나갔고, 1사 후 대타가 좌중간을 가르는 2루타를 쳤다.",
        "끝내기의 주인공은 경기 뒤 \"앞 타석에서 병살타를 쳐서 마음이 무거웠는데 동료들이 기회를 다시 줬다\"고 말했다.",
        "두 팀은 22일 같은 장소에서 주말 3연전 마지막 경기를 치른다. 파이터즈는 좌완 선발을 예고했다.",
    ];
    let comments = [
        "파이터즈팬 병살 치고 끝내기라니 롤러코스터 같은 경기였다. 오늘 직관 간 사람들은 평생 자랑하겠네요.",
        "한강구장 직관러 9회말 관중석 분위기는 정말 말로 다 못 합니다. 다음 주에도 꼭 가서 응원하겠습니다.",
        "웨일스팬 불펜만 버텼어도 이기는 경기였는데 아쉽네요. 다음 경기에는 선발이 길게 던져 줬으면 합니다.",
        "야구는모른다 4회 만루 찬스 살린 게 컸죠. 하위 타선이 이렇게 쳐 주면 이번 시즌 정말 기대됩니다.",
        "주말엔야구 끝내기 장면 하이라이트 몇 번을 다시 봤는지 모르겠어요. 이 팀 요즘 정말 무섭습니다.",
        "초보팬 규칙 잘 모르고 봤는데도 마지막 회는 손에 땀을 쥐었습니다. 야구 보는 재미를 알게 됐어요.",
    ];
    // Each paragraph runs two sentences long, as a game story's do: the second sentence is
    // the same for all, which does not change how a paragraph is read.
    let tail = " 현장을 찾은 관중들은 경기가 끝난 뒤에도 한동안 자리를 뜨지 않고 선수들의 이름을 연호했다.";
    let opening = opening.map(|s| format!("{s}{tail}"));
    let rest = rest.map(|s| format!("{s}{tail}"));
    let opening: Vec<&str> = opening.iter().map(String::as_str).collect();
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    let ps = |lines: &[&str]| lines.iter().map(|s| format!("<p>{s}</p>")).collect::<String>();
    // The line score, part of the article: short cells, each costing its block.
    let cells: String = (1..=9).map(|i| format!("<td>{}</td>", i % 3)).collect();
    let score_table = format!(
        "<table><tr><th>팀</th>{cells}</tr><tr><td>웨일스</td>{cells}</tr><tr><td>파이터즈</td>{cells}</tr></table>"
    );
    let lis = |lines: &[&str]| lines.iter().map(|s| format!("<li>{s}</li>")).collect::<String>();
    let html = format!(
        "<html><head><title>파이터즈 7연승 - 예시스포츠</title></head><body>\
         <div class=\"wrap story_copy\"><h1>파이터즈, 9회말 끝내기로 7연승</h1>\
         <div class=\"article_wrap story_copy\"><div class=\"article-text story_copy\">{}</div>\
         <div class=\"ad story_copy\"><span>AD</span><a href=https://ad.example/c><p>여름 시즌권 최대 30% 할인, 지금 예매하세요.</p></a></div>\
         <div class=\"article-text story_copy\">{}{}</div>\
         <div class=\"article_foot story_copy\"><p>&lt;ⓒ예시스포츠, 무단 전재 및 재배포 금지&gt;</p>\
         <a href=/t/1>#파이터즈</a> <a href=/t/2>#웨일스</a> <a href=/t/3>#끝내기</a></div></div>\
         <div class=\"cmt story_copy\"><h3>댓글</h3><ul>{}</ul></div></div>\
         <footer>예시스포츠 무단전재 및 재배포 금지</footer></body></html>",
        ps(&opening),
        ps(&rest),
        score_table,
        lis(&comments)
    );
    let article = bonmun::extract(html.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let got: Vec<&str> = article.paragraphs().collect();
    let body: Vec<&str> = opening.iter().chain(rest.iter()).copied().collect();
    assert_eq!(got, body);
}

/// A card story without class names prints a counter beside each card ("2 / 5"): the counters
/// are no text of the article, the cards' sentences are.
#[test]
fn slide_counters_are_not_body() {
    let cards = [
        "올겨울 첫 한파가 이번 주말 전국을 덮친다. 기상청은 서울 아침 기온이 영하 8도까지 떨어진다고 예보했다.",
        "수도관 동파를 막으려면 계량기함을 헌 옷이나 보온재로 채워 두는 것이 좋다. 외출할 때도 물을 조금 틀어 두자.",
        "노약자는 새벽 시간 외출을 삼가고, 나가야 한다면 모자와 장갑으로 체온을 지켜야 한다고 전문가들은 말했다.",
        "차량은 출발 전 타이어 공기압과 배터리를 점검해야 한다. 빙판길에서는 평소보다 차간 거리를 두 배로 두자.",
        "한파 쉼터 위치는 각 구청 누리집과 안전디딤돌 앱에서 확인할 수 있다. 올해는 작년보다 120곳이 늘었다.",
    ];
    let n = cards.len();
    let body: String = cards
        .iter()
        .enumerate()
        .map(|(i, c)| format!("<div><img src=/c{i}.jpg alt=\"\"><p>{} / {n}</p><p>{c}</p></div>", i + 1))
        .collect();
    let html = format!(
        "<html><head><title>한파 대비 카드뉴스 - 예시일보</title></head><body><div><h1>한파 대비 카드뉴스</h1>{body}</div></body></html>"
    );
    let article = bonmun::extract(html.as_bytes()).expect("an article");
    let text = article.text();
    for c in cards {
        assert!(text.contains(c), "card lost: {c}\n{text}");
    }
    for i in 1..=n {
        assert!(!text.lines().any(|l| l.trim() == format!("{i} / {n}")), "counter kept: {i} / {n}\n{text}");
    }
}

/// Tags after which (or before which) whitespace shows nothing: block-level elements and the
/// head's, where a minifier strips it.
const BLOCK_TAGS: &str = "div|p|ul|ol|li|table|tbody|thead|tr|td|th|section|article|header|footer|nav|aside|\
                          h[1-6]|figure|figcaption|dl|dt|dd|main|form|br|script|style|meta|link|head|body|html|title";
static AFTER_BLOCK_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)(</?(?:{BLOCK_TAGS})\b[^>]*>)\s+")).expect("pattern"));
static BEFORE_BLOCK_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\s+(</?(?:{BLOCK_TAGS})\b[^>]*>)")).expect("pattern"));
static BREAK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)<br\s*/?>").expect("pattern"));
static PARAGRAPH_SEAM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)</p\s*>\s*<p(\s[^>]*)?>").expect("pattern"));
static PARAGRAPH_HEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)(<p(?:\s[^>]*)?>)([^<]*)").expect("pattern"));

/// The page as minifiers serve it: no whitespace beside block-level tags, where a reader sees
/// none, so that nothing but the tags divides one block's text from the next.
fn minified(html: &[u8]) -> Vec<u8> {
    let after = AFTER_BLOCK_TAG.replace_all(html, &b"$1"[..]);
    BEFORE_BLOCK_TAG.replace_all(&after, &b"$1"[..]).into_owned()
}

/// XHTML 1.0 as sites of the 2000s served it: an XML declaration before the doctype and
/// self-closed breaks.
fn xhtml(html: &[u8]) -> Vec<u8> {
    let breaks = BREAK.replace_all(html, &b"<br />"[..]);
    [&b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"[..], &breaks].concat()
}

/// Every Hangul syllable outside tags written as a numeric character reference, as CMSs that
/// escape all non-ASCII text write it.
fn numeric_references(html: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(html) else { return html.to_vec() };
    let mut out = String::with_capacity(text.len() * 2);
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ => {}
        }
        if !in_tag && ('가'..='힣').contains(&c) {
            out.push_str(&format!("&#{};", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.into_bytes()
}

/// Neighbouring paragraphs joined into one `<p>`, split by two breaks, as editors that make
/// Enter a line break write a body.
fn paragraphs_joined_by_breaks(html: &[u8]) -> Vec<u8> {
    PARAGRAPH_SEAM.replace_all(html, &b"<br><br>"[..]).into_owned()
}

/// Each paragraph's opening text (up to its first tag) indented with two `&nbsp;` and its
/// spaces written as `&nbsp;`, as text pasted from a word processor comes.
fn nbsp_spaces(html: &[u8]) -> Vec<u8> {
    PARAGRAPH_HEAD
        .replace_all(html, |c: &Captures| {
            let open = c.get(1).map_or(&b""[..], |m| m.as_bytes());
            let text = c.get(2).map_or(&b""[..], |m| m.as_bytes());
            let mut out = [open, b"&nbsp;&nbsp;"].concat();
            for &b in text {
                if b == b' ' {
                    out.extend_from_slice(b"&nbsp;");
                } else {
                    out.push(b);
                }
            }
            out
        })
        .into_owned()
}
