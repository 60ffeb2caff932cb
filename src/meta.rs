//! What the page says about itself, beside the body: title, dates, authors, site, URL,
//! language, description. Each is read from every place a Korean page may give it — Open Graph
//! and JSON-LD metadata, `<title>`, the headline element, the printed date and byline lines —
//! and chosen where the sources agree.

use crate::blocks::Page;
use crate::date::{self, DateTime, Label};
use crate::dom::Dom;
use crate::text::collapse_ws;
use crate::{Article, BlockKind, byline};
use html5ever::local_name;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Separators Korean sites put between a headline and the site or section name in `<title>`:
/// "제목 - 뉴스핌", "제목 | 한국일보", "제목 :: 블로그", "제목 < 경제 < 기사본문 - 아시아경제",
/// "다솔일보 :: 제목". The one list both readers of titles use: the flag says whether the mark,
/// spaced on both sides, cuts a site name off on its own; the others ("제목ㅣ사이트",
/// "제목 : 부제", "A · B") separate a site name only where a source agrees on the headline
/// before them, since headlines use them too.
const TITLE_SEPARATORS: [(&str, bool); 10] = [
    ("-", true),
    ("|", true),
    ("::", true),
    ("<", true),
    (">", true),
    ("–", true),
    ("—", true),
    ("ㅣ", false),
    (":", false),
    ("·", false),
];

/// A site-name suffix is short; a longer tail after a separator is part of the headline
/// ("프로젝트 5개를 동시에 돌리면 생기는 일 — Discord 알림 시스템 구축기").
const SITE_SUFFIX_MAX_CHARS: usize = 30;

/// Printed date lines are looked for this many blocks around the start of the body: the
/// headline block carries them, page footers (with a paper's registration date) do not.
const DATE_LOOKBACK_BLOCKS: usize = 80;
const DATE_LOOKAHEAD_BLOCKS: usize = 12;

/// A headline stands at most this many blocks above the body (dates, bylines, a deck and
/// share controls sit between them).
const HEADLINE_MAX_BLOCKS_ABOVE: usize = 12;

/// How many headings, nearest the body first, compete for the title.
const TITLE_MAX_HEADINGS: usize = 40;

/// How many `"author"` keys of the JSON-LD are read, and how far into each value: real pages
/// have a handful of short ones.
const JSON_MAX_AUTHOR_KEYS: usize = 16;
const JSON_MAX_VALUE_BYTES: usize = 8 * 1024;

/// A line longer than this is a paragraph, not a headline.
const HEADLINE_MAX_BYTES: usize = 400;

/// A body's first line read as the headline is at most this long: a headline, not the lead
/// paragraph that a source's description repeats.
const LABELLED_LINE_MAX_CHARS: usize = 100;

/// A headline has at least this many characters; shorter headings are section labels
/// ("분야별 뉴스", "학사공지") unless more sources agree on them.
const HEADLINE_MIN_CHARS: usize = 8;

/// A printed date line is short (about 120 characters at most); a body sentence that names a
/// date is not one. In bytes, so the check costs nothing.
const DATE_LINE_MAX_BYTES: usize = 360;

/// Closing bylines are looked for among the last blocks of the body and the ones just after it.
const BYLINE_TAIL_BLOCKS: usize = 8;

/// What `<head>` (and JSON-LD anywhere) says, gathered in one pass over the node arena.
#[derive(Debug, Default)]
struct Head {
    title_tag: Option<String>,
    metas: Vec<(String, String)>,
    json_ld: Vec<String>,
    canonical: Option<String>,
    lang: Option<String>,
    times: Vec<String>,
    /// Texts of elements the markup marks as the author's name, in document order.
    author_marks: Vec<String>,
}

/// Class words that mark an author's name in markup: hentry's "author vcard", bylines, and
/// boards' "nick"/"writer" spans. Whole class tokens only ("comment-author" is a commenter).
const AUTHOR_CLASSES: [&str; 10] = [
    "author",
    "vcard",
    "byline",
    "writer",
    "nick",
    "nickname",
    "reporter",
    "author-name",
    "author_name",
    "p-author",
];

/// How many author-marked elements are read: the article's own comes first; comment lists
/// below it repeat the marks.
const AUTHOR_MARKS_MAX: usize = 8;

/// An author mark's text is a name with a title at most; longer text is a box (a bio).
const AUTHOR_MARK_MAX_CHARS: usize = 40;

/// The text under a node, read iteratively, or `None` once it passes `max_chars`.
fn text_under(doc: &Dom, id: u32, max_chars: usize) -> Option<String> {
    let mut out = String::new();
    let mut stack = vec![doc.node(id)?.first_child];
    while let Some(at) = stack.pop() {
        let Some(n) = doc.node(at) else { continue };
        stack.push(n.next_sibling);
        if let Some(t) = n.text() {
            out.push_str(t);
            if out.chars().count() > max_chars {
                return None;
            }
        } else if n.is_element() {
            stack.push(n.first_child);
        }
    }
    Some(collapse_ws(&out))
}

/// Whether an element's markup marks it as the author's name.
fn marks_author(el: crate::dom::El<'_>) -> bool {
    let attr_is = |a, v: &str| {
        el.attr(a).is_some_and(|x| x.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case(v)))
    };
    *el.local() != local_name!("meta")
        && (attr_is(crate::dom::Attr::Itemprop, "author")
            || attr_is(crate::dom::Attr::Rel, "author")
            || el.attr(crate::dom::Attr::Class).is_some_and(|c| c.split_ascii_whitespace().any(author_class)))
}

/// Prefixes of the class words comment widgets give their commenters' names
/// ("comment-author", "cmt_author", "reply-author").
const COMMENTER_PREFIXES: [&str; 3] = ["comment", "cmt", "reply"];

/// Whether a class token marks an author's name: one of [`AUTHOR_CLASSES`], or a page part's
/// author ("ep-author", "entry-author", "art_author") that is not a commenter's.
fn author_class(token: &str) -> bool {
    // Read for every class token of every element: compared in place, with no lowered copy.
    let t = token.as_bytes();
    let ends_with = |s: &str| {
        t.len()
            .checked_sub(s.len())
            .and_then(|i| t.get(i..))
            .is_some_and(|e| e.eq_ignore_ascii_case(s.as_bytes()))
    };
    let starts_with = |s: &str| t.get(..s.len()).is_some_and(|h| h.eq_ignore_ascii_case(s.as_bytes()));
    AUTHOR_CLASSES.iter().any(|c| token.eq_ignore_ascii_case(c))
        || ((ends_with("-author") || ends_with("_author"))
            && !COMMENTER_PREFIXES.iter().any(|p| starts_with(p)))
}

/// How far up from a name an account box is looked for, and how much text the box may hold:
/// "책벌레구름님 보유 쿠키 12개 로그아웃" is a line in the header, its parent or the parent's
/// parent; a container of the whole page holds far more text.
const ACCOUNT_BOX_LEVELS: usize = 2;
const ACCOUNT_BOX_MAX_CHARS: usize = 120;

/// The link that shows a reader is signed in: the name beside it is the reader's own, printed
/// with the board's "nick" class, never the author's.
const SIGNED_IN_MARK: &str = "로그아웃";

/// Whether a name sits in the signed-in reader's account box.
fn in_account_box(doc: &Dom, id: u32) -> bool {
    let mut at = doc.node(id).map(|n| n.parent);
    for _ in 0..ACCOUNT_BOX_LEVELS {
        let Some(up) = at else { return false };
        match text_under(doc, up, ACCOUNT_BOX_MAX_CHARS) {
            Some(t) if t.contains(SIGNED_IN_MARK) => return true,
            Some(_) => at = doc.node(up).map(|n| n.parent),
            None => return false,
        }
    }
    false
}

impl Head {
    fn collect(doc: &Dom) -> Head {
        let mut head = Head::default();
        // The node arena in creation order: close enough to document order for "the first
        // <title>", and a flat loop instead of a tree walk.
        for (id, node) in doc.nodes().iter().enumerate() {
            let crate::dom::Data::Element(el) = &node.data else { continue };
            let el = doc.el(el);
            let id = id as u32;
            match *el.local() {
                local_name!("html") if head.lang.is_none() => {
                    head.lang = el.attr(crate::dom::Attr::Lang).map(|l| l.trim().to_string())
                }
                local_name!("title") if head.title_tag.is_none() => {
                    head.title_tag = Some(collapse_ws(&doc.child_text(id)));
                }
                local_name!("meta") => {
                    let key = el
                        .attr(crate::dom::Attr::Property)
                        .or_else(|| el.attr(crate::dom::Attr::Name))
                        .or_else(|| el.attr(crate::dom::Attr::Itemprop));
                    if let (Some(k), Some(v)) = (key, el.attr(crate::dom::Attr::Content)) {
                        head.metas.push((k.trim().to_ascii_lowercase(), collapse_ws(v)));
                    }
                }
                local_name!("link")
                    if head.canonical.is_none()
                        && el
                            .attr(crate::dom::Attr::Rel)
                            .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
                {
                    head.canonical = el.attr(crate::dom::Attr::Href).map(|h| h.trim().to_string());
                }
                local_name!("script")
                    if el.attr(crate::dom::Attr::Type).is_some_and(crate::dom::is_json_ld_type) =>
                {
                    head.json_ld.push(doc.child_text(id));
                }
                local_name!("time") => {
                    if let Some(dt) = el.attr(crate::dom::Attr::Datetime) {
                        head.times.push(dt.to_string());
                    }
                }
                _ if head.author_marks.len() < AUTHOR_MARKS_MAX
                    && marks_author(el)
                    && !in_account_box(doc, id) =>
                {
                    if let Some(t) = text_under(doc, id, AUTHOR_MARK_MAX_CHARS).filter(|t| !t.is_empty()) {
                        head.author_marks.push(t);
                    }
                }
                _ => {}
            }
        }
        head
    }

    fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter()
            .find_map(|k| self.metas.iter().find(|(mk, v)| mk == k && !v.is_empty()).map(|(_, v)| v.as_str()))
    }

    fn metas<'a>(&'a self, keys: &'a [&str]) -> impl Iterator<Item = &'a str> + 'a {
        self.metas.iter().filter(|(k, _)| keys.contains(&k.as_str())).map(|(_, v)| v.as_str())
    }

    fn ld_string(&self, key: &str) -> Option<String> {
        self.json_ld.iter().find_map(|j| json_string_field(j, key))
    }
}

/// Reads the page's metadata into an [`Article`] that has no body yet. `body` is the block
/// range of the kept text, `first` the body's first paragraph (where a dateline stands).
pub(crate) fn read(doc: &Dom, page: &Page, body: Option<Range<usize>>, first: Option<&str>) -> Article {
    let head = Head::collect(doc);
    let site_name = head.meta(&["og:site_name", "application-name"]).map(str::to_string);
    let title = title(&head, doc, page, body.clone(), site_name.as_deref())
        .map(undecorated)
        .filter(|t| !t.is_empty());
    let (published, modified) = dates(&head, page, body.clone());
    let (authors, email) = authors(&head, page, body, first, site_name.as_deref());
    Article {
        title,
        published,
        modified,
        authors,
        email,
        url: head
            .canonical
            .clone()
            .filter(|u| !u.is_empty())
            .or_else(|| head.meta(&["og:url"]).map(str::to_string)),
        lang: head.lang.clone().filter(|l| !l.is_empty()),
        description: head.meta(&["description", "og:description", "twitter:description"]).map(str::to_string),
        site_name,
        ..Article::default()
    }
}

/// The headline. A heading on the page that a metadata source agrees with wins (it is the
/// headline as shown); then a metadata title that `<title>` starts with; then `<title>`
/// or og:title with the site suffix cut off.
fn title(
    head: &Head,
    doc: &Dom,
    page: &Page,
    body: Option<Range<usize>>,
    site: Option<&str>,
) -> Option<String> {
    // Research institutes, journals and repositories give the scholarly tags Google Scholar
    // reads (Highwire's `citation_title`, Dublin Core's `dc.title`) instead of Open Graph.
    let og = head.meta(&["og:title", "twitter:title", "citation_title", "dc.title"]).map(str::to_string);
    let ld = head.ld_string("headline").map(|h| collapse_ws(&h));
    let tag = head.title_tag.clone();
    let sources: Vec<&str> = [og.as_deref(), ld.as_deref(), tag.as_deref()].into_iter().flatten().collect();
    // The description backs only a plain line above the body (a headline set in a <span>,
    // with a <title> that names only the site); against headings it would favour an in-body
    // heading that repeats the description over the headline.
    let description = head.meta(&["description", "og:description"]);

    // Headings from the top of the page to the end of the body, and any short line right above
    // the body (old CMSs set the headline in a <span>), nearest the body first.
    let end = body.as_ref().map_or(page.blocks.len(), |r| r.end);
    let start = body.as_ref().map_or(0, |r| r.start);
    let mut heads: Vec<(usize, Line<'_>)> = page
        .blocks
        .iter()
        .enumerate()
        .take(end)
        .filter(|(i, b)| {
            let heading = matches!(b.kind, BlockKind::Heading(1..=4));
            let above =
                *i < start && *i + HEADLINE_MAX_BLOCKS_ABOVE >= start && b.text.len() < HEADLINE_MAX_BYTES;
            // Book generators (mdBook) link the chapter's <h1> to itself: a top heading may be
            // a link; lower ones that are links are teasers.
            let unlinked = b.link_alnum * 2 < b.alnum;
            (heading || above) && (unlinked || b.kind == BlockKind::Heading(1))
        })
        .map(|(i, b)| (i, Line { kind: b.kind, text: without_category(doc, page, b, heading_text(&b.text)) }))
        .filter(|(_, l)| !l.text.is_empty())
        .collect();
    heads.sort_by_key(|(i, _)| i.abs_diff(start));
    // Candidates are compared with each other: keep the nearest few, so a page of ten thousand
    // headings costs no more than a normal one.
    heads.truncate(TITLE_MAX_HEADINGS);

    // Every candidate is scored by how many sources it heads: equal to it, or followed by a
    // separator and a site or section name. The headline the sources agree on wins; a heading
    // that repeats `<title>` whole ("제목-정치ㅣ한국일보") loses to the og:title both start with.
    let stripped: Vec<String> =
        [&og, &tag].into_iter().flatten().map(|t| strip_site_suffix(t, site)).collect();
    let mut candidates: Vec<(&str, bool)> =
        heads.iter().map(|(_, h)| (h.text, !matches!(h.kind, BlockKind::Heading(_)))).collect();
    candidates.extend([og.as_deref(), ld.as_deref()].into_iter().flatten().map(|c| (c, false)));
    candidates.extend(stripped.iter().map(|c| (c.as_str(), false)));
    // A label counts for the headline after it only when no heading shows it: a blog's <h1>
    // "[Review] 제목" is the headline, and the post's own <h1> without the label a repeat.
    let labelled = |s: &str, c: &str| {
        labelled_by(s, c).is_some_and(|label| !heads.iter().any(|(_, h)| h.text.starts_with(label)))
    };
    let support = |c: &str, plain: bool| -> usize {
        sources.iter().filter(|s| headed_by(s, c) || tailed_by(s, c) || labelled(s, c)).count()
            // A heading may show a board's 말머리 the metadata leaves out ("[후기] 제목" over
            // "제목 - 갤러리"): it backs the headline after the label.
            + usize::from(heads.iter().any(|(_, h)| headed_by(h.text, c) || labelled_by(h.text, c).is_some()))
            + usize::from(plain && description.is_some_and(|d| headed_by(d, c)))
    };
    let mut best: Option<(&str, usize)> = None;
    for (c, plain) in candidates {
        let n = support(c, plain);
        // A label ("학사공지", a board's name that also opens <title>) needs more agreement
        // than a headline does.
        let needed = if c.chars().count() < HEADLINE_MIN_CHARS { 3 } else { 2 };
        // Ties go to the earlier candidate: headings nearest the body, then og:title, JSON-LD.
        if n >= needed && best.is_none_or(|(_, m)| n > m) {
            best = Some((c, n));
        }
    }
    // The body's first line, when sources carry it after an issue's label: a newsletter sets
    // its headline in a styled cell at the top of the letter ("[동전주머니 #127] …" in the
    // metadata only). It wins over a metadata text, never over a heading the page shows.
    let shown = |c: &str| heads.iter().any(|(_, h)| h.text == c);
    if best.is_none_or(|(c, _)| !shown(c))
        && let Some(line) = body
            .as_ref()
            .and_then(|r| page.blocks.get(r.start))
            .filter(|b| {
                !matches!(b.kind, BlockKind::Heading(_)) && b.text.chars().count() <= LABELLED_LINE_MAX_CHARS
            })
            .map(|b| b.text.as_str())
            .filter(|t| sources.iter().filter(|s| labelled(s, t)).count() >= 2)
    {
        return Some(line.to_string());
    }
    if let Some((c, _)) = best {
        return Some(c.to_string());
    }
    // No agreement: the page may show a headline its metadata words differently ("(WEF)"
    // against "[WEF]"): a heading near the body that shares most words with a source. Or the
    // metadata names a wrapper page or a board (an archive's "file.html.ko.euc-kr",
    // "학사공지 | 공지사항"): the heading right above the body is the headline as shown — an
    // <h1> of any length, a lower heading when it is long enough not to be a section label.
    // A board's post table labels its fields: "제목" in a cell of its own, the headline in the
    // next ("<th>제목</th><td>…</td>"), above the body or in its first rows.
    if let Some(t) = labelled_title(page, start, end) {
        let t = without_badge(t, [og.as_deref(), ld.as_deref()]);
        // A cell the metadata title repeats is the headline as the site gives it, its
        // bracketed label and all.
        if [og.as_deref(), ld.as_deref()].into_iter().flatten().any(|s| s.trim() == t) {
            return Some(t);
        }
        return Some(without_board_name(t, tag.as_deref()));
    }
    let near = |(i, _): &&(usize, Line<'_>)| *i + HEADLINE_MAX_BLOCKS_ABOVE >= start && *i <= start + 1;
    if let Some((_, h)) = heads
        .iter()
        .filter(near)
        .filter(|(_, h)| matches!(h.kind, BlockKind::Heading(_)))
        .find(|(_, h)| sources.iter().any(|s| similar(s, h.text)))
    {
        return Some(h.text.to_string());
    }
    let headline_like = |h: &Line<'_>| match h.kind {
        BlockKind::Heading(1) => true,
        BlockKind::Heading(_) => h.text.chars().count() >= HEADLINE_MIN_CHARS && !numbered_section(h.text),
        _ => false,
    };
    if let Some((_, h)) =
        heads.iter().filter(near).filter(|(i, _)| *i < start + 1).find(|(_, h)| headline_like(h))
    {
        return Some(h.text.to_string());
    }
    // A site name may stand before the headline as well as after it ("다솔일보 :: 제목"): the
    // lead is cut first, or the suffix cut would take the headline for the site's name.
    let fallback = og
        .or(ld)
        .or(tag)
        .map(|t| strip_site_suffix(&strip_site_prefix(&t, site), site))
        .filter(|t| !t.is_empty());
    // A single word ("::: 해람일보 :::") names the site, not an article: an old CMS shows the
    // headline only as the first line of the body's table, or as a plain line right above it.
    // (Only then: a page with no title at all may open its body with a caption or a lone line
    // that is all there is.)
    if fallback.as_deref().is_some_and(names_one_word) {
        // A line long enough to be a headline, of more than one word, and not a time stamp
        // with a label ("입력 2025.11.08 16:22") or a reporter's name ("오정민 기자 | 송고시간 : …").
        let fits = |t: &str| {
            t.chars().count() >= HEADLINE_MIN_CHARS
                && !names_one_word(t)
                && crate::date::without_stamps(t).is_none_or(|rest| {
                    rest.chars().filter(|c| c.is_alphanumeric()).count() >= HEADLINE_MIN_CHARS
                        && crate::byline::from_closing(t).is_none()
                })
        };
        let top = body.as_ref().filter(|r| r.len() > 1).and_then(|r| page.blocks.get(r.start..r.start + 1));
        let line = top
            .into_iter()
            .flatten()
            .find(|b| {
                !b.sentence
                    && !b.caption_marked
                    && b.text.len() < HEADLINE_MAX_BYTES
                    && b.link_alnum * 2 < b.alnum
                    && !numbered_section(&b.text)
            })
            .map(|b| b.text.as_str())
            .filter(|t| fits(t))
            // Above the body, a heading before a plain line (a summary box's points stand
            // between the headline and a report's first section).
            .or_else(|| {
                let above = || heads.iter().filter(|(i, h)| *i < start && fits(h.text));
                above()
                    .find(|(_, h)| matches!(h.kind, BlockKind::Heading(_)))
                    .or_else(|| {
                        above().find(|(i, _)| {
                            page.blocks.get(*i).is_some_and(|b| classed_headline(doc, page, b))
                        })
                    })
                    .or_else(|| above().next())
                    .map(|(_, h)| h.text)
            });
        if let Some(line) = line {
            return Some(line.to_string());
        }
    }
    fallback
}

/// The labels a board's post table gives the headline's cell.
const TITLE_LABELS: [&str; 3] = ["제목", "제 목", "글제목"];

/// The headline a field label names: the block after a label alone, among the blocks from
/// [`DATE_LOOKBACK_BLOCKS`] above the body to [`HEADER_BLOCKS_INTO`] into it. A board puts its
/// name before the headline in brackets ("[마을기자단] …"), as `<title>` does after it; the
/// bracket stays (it may be the headline's own "[단독]").
fn labelled_title(page: &Page, start: usize, end: usize) -> Option<String> {
    let from = start.saturating_sub(DATE_LOOKBACK_BLOCKS);
    let to = (start + HEADER_BLOCKS_INTO).min(end);
    let blocks = page.blocks.get(from..to)?;
    blocks.windows(2).find_map(|w| {
        let (label, value) = (w.first()?, w.get(1)?);
        let text = value.text.trim();
        // A headline does not end as a sentence: the body's first paragraph under a lone
        // "제목" heading is no title (and would leave the body when taken for one).
        (TITLE_LABELS.contains(&label.text.trim())
            && !value.sentence
            && text.chars().count() >= HEADLINE_MIN_CHARS
            && text.len() < HEADLINE_MAX_BYTES
            && value.link_alnum * 2 < value.alnum)
            .then(|| text.to_string())
    })
}

/// A board's headline cell without the badge glued before it ("공지", "필독", "NEW" set in an
/// icon's span, with no space after it): what is left is the headline the metadata gives.
/// Only a metadata title that the cell ends with, after a badge's length and no space, is
/// taken: a cell that merely starts like it keeps its text.
fn without_badge<'a>(cell: String, sources: impl IntoIterator<Item = Option<&'a str>>) -> String {
    let badged = sources.into_iter().flatten().map(str::trim).find(|s| {
        cell.strip_suffix(*s).is_some_and(|badge| {
            !badge.is_empty()
                && badge.chars().count() <= CATEGORY_MAX_CHARS
                && !badge.contains(char::is_whitespace)
                && s.chars().count() >= HEADLINE_MIN_CHARS
        })
    });
    badged.map_or(cell, str::to_string)
}

/// A headline without the board's name in brackets before it ("[마을기자단] …") when
/// `<title>` names the board and not the article: a paper's "[단독]" is in its `<title>` too,
/// with the rest of the headline.
fn without_board_name(title: String, tag: Option<&str>) -> String {
    let Some(tag) = tag else { return title };
    let cut = title.strip_prefix('[').and_then(|r| r.split_once(']')).and_then(|(name, rest)| {
        let rest = rest.trim_start();
        (!name.trim().is_empty() && names_word(tag, name.trim()) && !rest.is_empty() && !tag.contains(rest))
            .then(|| rest.to_string())
    });
    cut.unwrap_or(title)
}

/// Whether `name` stands in `text` as a word or words of its own: "학부" names the board in
/// "학부 공지 | 대학", not in "컴퓨터공학부 | 대학".
fn names_word(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text.get(..at).and_then(|t| t.chars().next_back());
        let after = text.get(at + name.len()..).and_then(|t| t.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether a heading opens with a section number ("1. 문제 제기", "2) 추진 경과", "가. 현황",
/// "Ⅲ. 결론"): a report's or a long-read's first section, which stands at the top of the
/// body right under the headline, not the headline itself.
fn numbered_section(text: &str) -> bool {
    let t = text.trim_start();
    let mark = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let number = if mark.len() < t.len() {
        mark
    } else {
        let mut chars = t.chars();
        match chars.next() {
            Some(c) if "가나다라마바사아자차카타파하ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ".contains(c) => {
                chars.as_str()
            }
            _ => return false,
        }
    };
    number.starts_with(['.', ')']) && number.get(1..).is_some_and(|r| r.starts_with(' '))
}

/// A title without the emoji or ornament a newsletter or a blog puts before it ("🥐 …", "★ …"):
/// brackets and quotes stay, they belong to the headline ("[단독] …", "\"…\" 논란").
fn undecorated(title: String) -> String {
    let opening = |c: char| "[(<【〈《「『'\"‘“［（".contains(c);
    let cut = title.trim_start_matches(|c: char| !(c.is_alphanumeric() || opening(c)));
    if cut.len() == title.len() { title } else { cut.to_string() }
}

/// Whether a title holds at most one word of letters: a site's name between decorations.
fn names_one_word(title: &str) -> bool {
    title.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).nth(1).is_none()
}

/// A title candidate from the page: a heading or a short line, with its text as a headline.
struct Line<'a> {
    kind: BlockKind,
    text: &'a str,
}

/// Class words of the label a board sets before a post's title inside its heading, the
/// 말머리 ("<span class=\"bo_v_cate\">공지</span> 제목"), and of a news headline's flag
/// ("<span class=\"badge\">속보</span>"); Daum cafés call it "head". A word of a class token,
/// split at `_`, `-` and digits.
/// Class words of a headline's own element in layouts that set it in a plain cell or span
/// (`<td class="titleB">`, `<span class="news_tit">`): among the short lines above a body,
/// the one its class calls the title. A deck is classed as a kind of title too.
const HEADLINE_CLASS_WORDS: [&str; 4] = ["title", "tit", "headline", "subject"];
const NOT_HEADLINE_CLASS_WORDS: [&str; 4] = ["sub", "deck", "summary", "desc"];

/// Whether the element that holds `block` has a class or id that names it the headline.
fn classed_headline(doc: &Dom, page: &Page, block: &crate::blocks::TextBlock) -> bool {
    let Some(el) = page.elems.get(block.elem as usize).and_then(|e| doc.element(e.node)) else {
        return false;
    };
    let (mut title, mut not) = (false, false);
    for value in [el.attr(crate::dom::Attr::Class), el.attr(crate::dom::Attr::Id)].into_iter().flatten() {
        crate::blocks::for_each_word(value, |w| {
            title |= HEADLINE_CLASS_WORDS.contains(&w);
            not |= NOT_HEADLINE_CLASS_WORDS.contains(&w);
        });
    }
    title && !not
}

const CATEGORY_CLASS_WORDS: [&str; 5] = ["cate", "category", "badge", "label", "head"];

/// A label is a word or two: longer text in such a span is part of the headline.
const CATEGORY_MAX_CHARS: usize = 12;

/// A heading's text without the category label its first child sets before it.
fn without_category<'a>(doc: &Dom, page: &Page, block: &crate::blocks::TextBlock, text: &'a str) -> &'a str {
    let Some(node) = page.elems.get(block.elem as usize).map(|e| e.node) else { return text };
    // The first child that is not white space between tags.
    let mut id = doc.node(node).map_or(crate::dom::NONE, |n| n.first_child);
    while let Some(n) = doc.node(id).filter(|n| n.text().is_some_and(|t| t.trim().is_empty())) {
        id = n.next_sibling;
    }
    let Some(el) = doc.element(id) else { return text };
    let marked = el.attr(crate::dom::Attr::Class).is_some_and(|c| {
        c.split(|ch: char| !ch.is_ascii_alphabetic())
            .any(|w| CATEGORY_CLASS_WORDS.iter().any(|k| w.eq_ignore_ascii_case(k)))
    });
    if !marked {
        return text;
    }
    match text_under(doc, id, CATEGORY_MAX_CHARS) {
        Some(label) if !label.is_empty() => match text.strip_prefix(label.as_str()).map(str::trim_start) {
            Some(rest) if !rest.is_empty() => rest,
            _ => text,
        },
        _ => text,
    }
}

/// Marks documentation generators put after a heading's text, as links to the heading itself:
/// Sphinx's "¶", Docusaurus's "#" (after a zero-width space), "§".
const HEADING_ANCHORS: [char; 6] = ['¶', '#', '§', '\u{200b}', '\u{feff}', ' '];

/// A heading's text without the anchor marks documentation pages end it with.
fn heading_text(text: &str) -> &str {
    text.trim_end_matches(HEADING_ANCHORS).trim_end()
}

/// Whether two titles share most of their words (Jaccard over letter-and-digit words ≥ 0.6).
fn similar(a: &str, b: &str) -> bool {
    let words = |s: &str| -> std::collections::HashSet<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let (wa, wb) = (words(a), words(b));
    let union = wa.union(&wb).count();
    union > 0 && wa.intersection(&wb).count() * 10 >= union * 6
}

/// Whether `source` is `headline`, or `headline` followed by a separator and more (a site name).
fn headed_by(source: &str, headline: &str) -> bool {
    !headline.is_empty()
        && source.strip_prefix(headline).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.is_empty() || TITLE_SEPARATORS.iter().any(|(mark, _)| rest.starts_with(mark))
        })
}

/// Whether `source` is a short site name, a separator and `headline` ("다솔일보 :: 제목").
fn tailed_by(source: &str, headline: &str) -> bool {
    !headline.is_empty()
        && source.strip_suffix(headline).is_some_and(|before| {
            let before = before.trim_end();
            TITLE_SEPARATORS.iter().any(|(mark, _)| {
                before.strip_suffix(mark).is_some_and(|name| {
                    let name = name.trim();
                    !name.is_empty() && name.chars().count() <= SITE_SUFFIX_MAX_CHARS
                })
            })
        })
}

/// The label before the headline when `source` is the headline after a series' or an issue's
/// label: a bracketed name, a number ("[주말과학다방] EP.58 제목", "[동전주머니 #127] 제목",
/// "제12화 제목"), which the page prints apart from the headline or not at all.
fn labelled_by<'s>(source: &'s str, headline: &str) -> Option<&'s str> {
    if headline.chars().count() < HEADLINE_MIN_CHARS {
        return None;
    }
    let before = source.strip_suffix(headline)?;
    let label = before.trim_end();
    let last = label.rsplit(char::is_whitespace).next().unwrap_or(label);
    (!label.is_empty()
        && label.len() < before.len()
        && label.chars().count() <= SITE_SUFFIX_MAX_CHARS
        && (label.ends_with(']') || last.bytes().any(|b| b.is_ascii_digit())))
    .then_some(label)
}

/// Cuts a leading site name off a title ("다솔일보 :: 제목", "해솔신문 - 제목"): a name before
/// a cutting separator that holds the site's name or ends as an outlet's does ("…일보",
/// "…신문"). Without that evidence a short lead is the headline's own ("속보 - 제목" stays).
fn strip_site_prefix(title: &str, site: Option<&str>) -> String {
    let t = title.trim();
    for (mark, cuts) in TITLE_SEPARATORS {
        if !cuts {
            continue;
        }
        let sep = format!(" {mark} ");
        let Some((name, rest)) = t.split_once(&sep) else { continue };
        let name = name.trim().trim_matches(|c: char| matches!(c, ':' | '[' | ']')).trim();
        let is_site = site.is_some_and(|s| !s.is_empty() && (name.contains(s) || s.contains(name)))
            || byline::is_outlet(name);
        if !name.is_empty()
            && name.chars().count() <= SITE_SUFFIX_MAX_CHARS
            && is_site
            && !rest.trim().is_empty()
        {
            return rest.trim().to_string();
        }
    }
    t.to_string()
}

/// The separator before a site or section name in a title, as (byte offset, length): of the
/// last occurrence of each of [`TITLE_SEPARATORS`], the rightmost whose tail is short or holds
/// the site's name. One pass from the end over the title's spaces (every separator opens
/// with one), not one search per separator.
fn site_separator(title: &str, site: Option<&str>) -> Option<(usize, usize)> {
    // Bit i: the last occurrence of TITLE_SEPARATORS[i] has been met (earlier ones are not
    // candidates).
    let mut met = 0u32;
    let spaces = title.bytes().enumerate().rev().filter(|&(_, b)| b == b' ');
    for (at, _) in spaces {
        let rest = title.get(at..).unwrap_or_default();
        for (i, (mark, cuts)) in TITLE_SEPARATORS.iter().enumerate() {
            // The mark spaced on both sides: " - ".
            let spaced =
                rest.strip_prefix(' ').and_then(|r| r.strip_prefix(mark)).is_some_and(|r| r.starts_with(' '));
            if !cuts || met & (1 << i) != 0 || !spaced {
                continue;
            }
            met |= 1 << i;
            let sep_len = mark.len() + 2;
            let tail = rest.get(sep_len..).unwrap_or_default();
            if at > 0
                && (tail.chars().count() <= SITE_SUFFIX_MAX_CHARS
                    || site.is_some_and(|s| !s.is_empty() && tail.contains(s)))
            {
                return Some((at, sep_len));
            }
        }
    }
    None
}

/// Cuts a trailing site or section name off a title.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let mut out = title.trim();
    while let Some((at, len)) = site_separator(out, site) {
        let tail = out.get(at + len..).unwrap_or("");
        // Only a tail that reads like a name goes: no sentence, no question.
        if crate::text::ends_sentence(tail) && !site.is_some_and(|s| tail.contains(s)) {
            break;
        }
        let sep = out.get(at..at + len).unwrap_or_default();
        out = out.get(..at).unwrap_or(out).trim_end();
        // "제목 < 경제 < 기사본문 - 아시아경제", "질환명 | 질환백과 | 건강정보 | 병원": a path of
        // section names, in the mark just cut or in " < ": keep cutting, and only those.
        if !out.contains(" < ") && !out.contains(sep) {
            break;
        }
    }
    out.to_string()
}

/// Published and modified dates: the labelled dates printed near the headline ("입력",
/// "최종수정") are what readers see and what the page means; metadata fills in where the page
/// prints none.
fn dates(head: &Head, page: &Page, body: Option<Range<usize>>) -> (Option<DateTime>, Option<DateTime>) {
    let start = body.as_ref().map_or(0, |r| r.start);
    let end = body.as_ref().map_or(page.blocks.len(), |r| r.end);
    let from = start.saturating_sub(DATE_LOOKBACK_BLOCKS);
    let to = (start + DATE_LOOKAHEAD_BLOCKS).min(end.max(start));
    let mut printed_pub = None;
    let mut printed_mod = None;
    // Short lines with digits and no label, before the body: where a blog prints its post date.
    let mut unlabelled: Vec<&str> = Vec::new();
    // A label alone on its line ("<dt>입력</dt>"): the date stands in the next block.
    let mut pending: Option<Label> = None;
    for (i, b) in page.blocks.iter().enumerate().take(to).skip(from) {
        let label_above = pending.take();
        if b.text.len() > DATE_LINE_MAX_BYTES {
            continue;
        }
        // Every date has digits; most blocks have none and skip the regexes.
        if !b.text.bytes().any(|c| c.is_ascii_digit()) {
            pending = date::label_alone(&b.text);
            continue;
        }
        let mut found = date::labelled(&b.text);
        if let (true, Some(label)) = (found.is_empty(), label_above) {
            found.extend(DateTime::parse_korean(&b.text).map(|d| (label, d)));
        }
        for (label, d) in &found {
            match label {
                Label::Published if printed_pub.is_none() => printed_pub = Some(*d),
                Label::Modified if printed_mod.is_none() => printed_mod = Some(*d),
                _ => {}
            }
        }
        // "강은채 기자 | 2025-04-22 09:41:12 수정 …": a date before the first label, on a line
        // that labels no publication, is the unlabelled post date.
        if i < start.max(1) && !found.iter().any(|(l, _)| *l == Label::Published) {
            unlabelled.push(date::before_labels(&b.text));
        }
        if printed_pub.is_some() && printed_mod.is_some() {
            break;
        }
    }
    // Metadata stamps are often in UTC (WordPress, Yoast, JavaScript's toISOString); a Korean
    // page prints the same instant on the KST clock, and readers read that one.
    let korean = head
        .lang
        .as_deref()
        .is_none_or(|l| l.trim().is_empty() || l.trim().to_ascii_lowercase().starts_with("ko"));
    let on_clock = |d: DateTime| if korean { d.in_offset(date::KST_OFFSET_MINUTES).unwrap_or(d) } else { d };
    let iso = |s: &str| DateTime::parse_iso(s).map(on_clock);
    let ld_pub = head.ld_string("datePublished").and_then(|d| iso(&d));
    let ld_mod = head.ld_string("dateModified").and_then(|d| iso(&d));
    let meta_pub = head
        .metas(&[
            "article:published_time",
            "og:published_time",
            "datepublished",
            "pubdate",
            "publishdate",
            "date",
            "dc.date",
            "dcterms.created",
            "citation_publication_date",
            "citation_date",
        ])
        .find_map(iso);
    let meta_mod = head
        .metas(&["article:modified_time", "og:updated_time", "datemodified", "dcterms.modified"])
        .find_map(iso);
    let time_el = head.times.iter().find_map(|t| iso(t));
    let structured_pub = ld_pub.or(meta_pub).or(time_el);
    // The nearest unlabelled date before the body, a blog's post date, counts only where the
    // page gives no other; only then are those lines read (most pages never get here).
    let nearest_unlabelled = || {
        unlabelled
            .iter()
            .rev()
            .filter_map(|t| DateTime::parse_korean(t).or_else(|| DateTime::parse_english(t)))
    };
    let published = prefer_printed(printed_pub, structured_pub).or_else(|| nearest_unlabelled().next());
    // A date-only source must not hide the time another source gives for the same day: the
    // most precise of the agreeing sources wins.
    let published = published.map(|p| {
        if p.time.is_some() {
            return p;
        }
        [printed_pub, ld_pub, meta_pub, time_el]
            .into_iter()
            .flatten()
            .chain(nearest_unlabelled())
            .find(|d| d.time.is_some() && same_day(d, &p))
            .unwrap_or(p)
    });
    let modified = prefer_printed(printed_mod, ld_mod.or(meta_mod));
    (published, modified)
}

/// Whether two dates name the same calendar day (as printed, each in its own zone).
fn same_day(a: &DateTime, b: &DateTime) -> bool {
    (a.year, a.month, a.day) == (b.year, b.month, b.day)
}

/// The printed date, or the metadata's when the page prints none; where both give the same
/// day and only the metadata has the time, the metadata's, which says more.
fn prefer_printed(printed: Option<DateTime>, structured: Option<DateTime>) -> Option<DateTime> {
    match (printed, structured) {
        (Some(p), Some(s))
            if p.time.is_none()
                && s.time.is_some()
                && (p.year, p.month, p.day) == (s.year, s.month, s.day) =>
        {
            Some(s)
        }
        (Some(p), _) => Some(p),
        (None, s) => s,
    }
}

/// Authors and e-mail. The dateline is what the article itself says; metadata often lists
/// every author where the dateline names one, so it wins when it includes the dateline's name.
fn authors(
    head: &Head,
    page: &Page,
    body: Option<Range<usize>>,
    first: Option<&str>,
    site: Option<&str>,
) -> (Vec<String>, Option<String>) {
    // Captions end in a photographer's credit ("… 서예린 기자"), not a byline.
    let blocks = |r: Range<usize>| {
        page.blocks.get(r).unwrap_or_default().iter().filter(|b| b.kind != BlockKind::Caption)
    };
    // The dateline opens the first kept paragraph; or a paragraph after a lead or deck; or a
    // block of its own right above the body (split off by <br>, pruned as a label).
    let dateline = first
        .and_then(byline::from_dateline)
        .or_else(|| {
            let r = body.clone()?;
            let from = r.start.saturating_sub(DATELINE_BLOCKS_ABOVE);
            let to = (r.start + DATELINE_BLOCKS_INTO).min(r.end);
            // A photo's caption may open with a dateline too ("[서울=…] 홍길동 기자 = … 2023.05.02
            // photo@…"); it closes with the photographer's e-mail. A caption without one is
            // the body under a wrapper's caption class.
            page.blocks
                .get(from..to)
                .unwrap_or_default()
                .iter()
                .filter(|b| b.kind != BlockKind::Caption || !b.text.contains('@'))
                .find_map(|b| byline::from_dateline(&b.text))
        })
        .unwrap_or_default();
    let ld: Vec<String> = head.json_ld.iter().flat_map(|j| json_author_names(j)).collect();
    // The scholarly tags give each author a tag of their own, in order; a single author tag
    // beside them (Dublin Core's one `DC.creator`) often names only the first.
    let mut scholarly: Vec<String> = Vec::new();
    for n in head.metas(&SCHOLAR_AUTHOR_KEYS).filter_map(|v| byline::from_meta(v, site)).flatten() {
        if !scholarly.contains(&n) {
            scholarly.push(n);
        }
    }
    let meta = match head.metas(&AUTHOR_META_KEYS).find_map(|v| byline::from_meta(v, site)) {
        Some(one) if scholarly.len() > one.len() && one.iter().all(|n| scholarly.contains(n)) => scholarly,
        Some(one) => one,
        None => scholarly,
    };
    // Markup that names the author (hentry's "author vcard", itemprop or rel "author", a
    // board's "nick"): metadata of a kind, read after the <meta> tags.
    // Only a mark printed above the body's end counts: the comments below repeat the marks
    // for their commenters.
    let above_end = |m: &str| {
        body.as_ref().is_some_and(|r| {
            blocks(r.start.saturating_sub(DATE_LOOKBACK_BLOCKS)..r.end).any(|b| b.text.contains(m))
        })
    };
    let marked = head
        .author_marks
        .iter()
        .filter(|m| above_end(m))
        .find_map(|v| byline::from_meta(v, site))
        .unwrap_or_default();
    let structured = [ld, meta, marked].into_iter().find(|v| !v.is_empty()).unwrap_or_default();

    // Bylines printed as lines of their own: above the body (a list of reporters under the
    // headline, "편집/기자: [ 최승호 ]") and at its end ("홍길동 기자 hong@example.com",
    // "… 말했다. [로컬한빛 조원익 기자]").
    let mut header: Vec<String> = Vec::new();
    let mut closing: Vec<String> = Vec::new();
    let mut email = None;
    let add = |list: &mut Vec<String>, names: Vec<String>| {
        for n in names {
            if !list.contains(&n) {
                list.push(n);
            }
        }
    };
    if let Some(r) = &body {
        let from = r.start.saturating_sub(DATE_LOOKBACK_BLOCKS);
        // A label alone ("<th>작성자</th>"): the name is in the next block.
        let mut label: Option<&str> = None;
        // Old table layouts put the byline row inside the body's table, a few rows in.
        for b in blocks(from..(r.start + HEADER_BLOCKS_INTO).min(r.end)) {
            let above = label.take();
            if let Some((names, mail)) =
                byline::from_closing(&b.text).or_else(|| byline::from_by_line(&b.text))
            {
                add(&mut header, names);
                email = email.or(mail);
            } else if let Some(names) = byline::from_label(&b.text)
                .or_else(|| above.and_then(|l| byline::from_label(&format!("{l} {}", b.text))))
            {
                add(&mut header, names);
            } else if byline::is_label_alone(&b.text) {
                label = Some(&b.text);
            }
        }
        let from = r.end.saturating_sub(BYLINE_TAIL_BLOCKS);
        let to = (r.end + BYLINE_TAIL_BLOCKS).min(page.blocks.len());
        for (i, b) in
            page.blocks.iter().enumerate().take(to).skip(from).filter(|(_, b)| b.kind != BlockKind::Caption)
        {
            // Co-authors close on lines of their own, one after the other.
            if let Some((names, mail)) = byline::from_closing(&b.text) {
                add(&mut closing, names);
                email = email.or(mail);
            } else if let Some((names, mail)) = byline::from_trailing(&b.text)
                .filter(|_| i < r.end || b.text.trim_start().starts_with(BYLINE_OPENERS))
            {
                // Glued to the body's own last paragraphs, or a line of its own after it:
                // after the body stand other articles' teasers, which close the same way.
                add(&mut closing, names);
                email = email.or(mail);
            } else if let Some(names) = byline::from_label(&b.text) {
                add(&mut closing, names);
            } else if let Some(mail) = byline::lone_email(&b.text) {
                email = email.or(Some(mail));
            }
        }
    }
    // What the page prints comes first: the dateline, completed by the header's list when that
    // list includes it; then the header list, the closing line, and last the metadata.
    let mut authors = if !dateline.is_empty() {
        if dateline.iter().all(|d| header.contains(d)) { header } else { dateline }
    } else if !header.is_empty() {
        header
    } else if !closing.is_empty() {
        closing
    } else if let Some(names) = body.as_ref().and_then(|r| {
        // An explicit label in the middle of the body's region: a Q&A board's answer box
        // ("답변자 상담위원 …") stands between the question and the answer.
        blocks(r.clone()).find_map(|b| byline::from_label(&b.text))
    }) {
        names
    } else if !structured.is_empty() {
        structured
    } else {
        // Last, where nothing else names anyone: the post meta line nearest above the body
        // ("March 28, 2026 · 김태영"), as blogs without metadata print it.
        body.as_ref()
            .and_then(|r| {
                let from = r.start.saturating_sub(DATE_LOOKBACK_BLOCKS);
                let to = (r.start + HEADER_BLOCKS_INTO).min(r.end);
                // The nearest first: up from the body's start, then into it.
                let above = blocks(from..r.start).rev();
                above.chain(blocks(r.start..to)).find_map(|b| byline::from_post_meta(&b.text))
            })
            .unwrap_or_default()
    };
    authors.dedup();
    (authors, email)
}

/// What a bracketed byline on a line of its own opens with: "〈김종래기자〉…", "[글·사진=…]".
const BYLINE_OPENERS: [char; 7] = ['[', '(', '【', '［', '（', '〔', '〈'];

/// The `<meta>` keys that name an author.
const AUTHOR_META_KEYS: [&str; 10] = [
    "author",
    "article:author",
    "dable:author",
    "byl",
    "by",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "twitter:creator",
];

/// The `<meta>` keys of the scholarly tags (Highwire, Dublin Core), one author each.
const SCHOLAR_AUTHOR_KEYS: [&str; 2] = ["citation_author", "dc.contributor"];

/// A dateline is looked for this many blocks into the body (after a deck and a lead
/// paragraph) and above it (split off by <br> into a block that prune drops as a label).
const DATELINE_BLOCKS_INTO: usize = 4;
const DATELINE_BLOCKS_ABOVE: usize = 3;

/// Byline lines of the header ("한지수 기자 | 입력 : …") are looked for this many blocks into
/// the body as well: a table layout's body cell holds the headline's rows (headline, deck,
/// byline row) before the text.
const HEADER_BLOCKS_INTO: usize = 6;

static AUTHOR_KEY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""author"\s*:\s*"#).expect("constant regex"));
static NAME_FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""name"\s*:\s*"((?:[^"\\]|\\.)*)""#).expect("constant regex"));

/// The names under every `"author"` of a JSON-LD text (an object, a list, or a string).
fn json_author_names(json: &str) -> Vec<String> {
    let mut out = Vec::new();
    for m in AUTHOR_KEY.find_iter(json).take(JSON_MAX_AUTHOR_KEYS) {
        let rest = json.get(m.end()..).unwrap_or("");
        if rest.starts_with('"') {
            if let Some(s) = json_string_at(rest) {
                out.extend(byline::from_meta(&s, None).unwrap_or_default());
            }
            continue;
        }
        let mut cap = JSON_MAX_VALUE_BYTES.min(rest.len());
        while !rest.is_char_boundary(cap) {
            cap -= 1;
        }
        let value = json_value_span(rest.get(..cap).unwrap_or(rest));
        for c in NAME_FIELD.captures_iter(value) {
            if let Some(n) = c.get(1) {
                let n = unescape(n.as_str());
                out.extend(byline::from_meta(&n, None).unwrap_or_default());
            }
        }
    }
    out
}

/// The text of the JSON object or array at the start of `s`, found by bracket depth.
fn json_value_span(s: &str) -> &str {
    let mut depth = 0i32;
    let mut in_str = false;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if in_str {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '{' | '[' => depth += 1,
            '}' | ']' => {
                depth -= 1;
                if depth <= 0 {
                    return s.get(..=i).unwrap_or(s);
                }
            }
            _ if depth == 0 && !c.is_whitespace() => return "",
            _ => {}
        }
    }
    s
}

/// The string value of the first `"key": "…"` in a JSON text.
fn json_string_field(json: &str, key: &str) -> Option<String> {
    let needle = format!("\"{key}\"");
    let at = json.find(&needle)?;
    let rest = json.get(at + needle.len()..)?.trim_start().strip_prefix(':')?.trim_start();
    json_string_at(rest)
}

/// The JSON string literal at the start of `s`, unescaped.
fn json_string_at(s: &str) -> Option<String> {
    let body = s.strip_prefix('"')?;
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match (escaped, c) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, '"') => return Some(unescape(body.get(..i)?)),
            _ => {}
        }
    }
    None
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let mut code = u32::from_str_radix(&hex, 16).unwrap_or(0xFFFD);
                if (0xD800..0xDC00).contains(&code) {
                    // A surrogate pair: the low half follows as another \uXXXX.
                    let rest: String = chars.clone().take(6).collect();
                    if let Some(low) = rest.strip_prefix("\\u").and_then(|h| u32::from_str_radix(h, 16).ok())
                    {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low.saturating_sub(0xDC00) & 0x3FF);
                        chars.by_ref().take(6).for_each(drop);
                    }
                }
                out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    collapse_ws(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_series_label_before_a_headline() {
        let h = "바닷물은 왜 짤까? 바다가 품은 소금 이야기";
        assert_eq!(labelled_by(&format!("[주말과학다방] EP.58 {h}"), h), Some("[주말과학다방] EP.58"));
        assert_eq!(labelled_by(&format!("제12화 {h}"), h), Some("제12화"));
        // A word before the headline that is neither bracketed nor numbered is the headline's.
        assert_eq!(labelled_by(&format!("속보 {h}"), h), None);
        assert_eq!(labelled_by(h, h), None);
        assert_eq!(labelled_by("[단독] 공지", "공지"), None, "too short to be a headline");
    }

    #[test]
    fn a_newsletters_headline_line_after_the_issue_label() {
        let headline = "겨울철 난방비, 이달에 미리 챙기면 달라집니다";
        let lead =
            "난방비 고지서가 두 배로 뛰었다는 이야기가 올해도 들린다. 이번 호는 지금 할 수 있는 일을 모았다.";
        let html = format!(
            "<html><head><title>[절약편지 #31] {headline}</title><meta property=\"og:title\" content=\"[절약편지 #31] {headline}\"></head><body><table><tr><td><span style=\"font-size:24px\">{headline}</span></td></tr><tr><td><p>{lead}</p><p>{lead}</p><p>{lead}</p></td></tr></table></body></html>"
        );
        let article = crate::extract(html.as_bytes()).ok();
        assert_eq!(article.as_ref().and_then(|a| a.title.as_deref()), Some(headline));
    }

    #[test]
    fn a_board_name_is_a_word_of_the_title_tag() {
        assert!(super::names_word("마을기자단 < 활동소식 | 센터", "마을기자단"));
        assert!(super::names_word("공지사항(학부) - 대학", "학부"));
        assert!(!super::names_word("공지사항 | 컴퓨터공학부 | 누리대학교", "학부"));
    }

    #[test]
    fn board_names_before_a_labelled_title() {
        let t = |s: &str| s.to_string();
        assert_eq!(
            super::without_board_name(t("[마을기자단] 골목 담장 벽화 완성"), Some("마을기자단 < 활동소식")),
            "골목 담장 벽화 완성"
        );
        assert_eq!(
            super::without_board_name(
                t("[단독] 골목 담장 벽화 완성"),
                Some("[단독] 골목 담장 벽화 완성 - 예시일보")
            ),
            "[단독] 골목 담장 벽화 완성"
        );
        assert_eq!(super::without_board_name(t("[공지] 휴관 안내"), None), "[공지] 휴관 안내");
    }

    #[test]
    fn a_badge_glued_before_a_board_headline() {
        let t = |s: &str| s.to_string();
        let headline = "[학부] 졸업작품 심사 일정 안내";
        let og = Some(headline);
        assert_eq!(
            super::without_badge(t("공지[학부] 졸업작품 심사 일정 안내"), [og]),
            "[학부] 졸업작품 심사 일정 안내"
        );
        // A space after it makes the word part of the headline; a cell the metadata does not
        // end with, or a metadata title as short as a label, keeps the cell's text.
        assert_eq!(
            super::without_badge(t("공지 [학부] 졸업작품 심사 일정 안내"), [og]),
            "공지 [학부] 졸업작품 심사 일정 안내"
        );
        assert_eq!(super::without_badge(t("공지[학부] 휴강 안내"), [og]), "공지[학부] 휴강 안내");
        assert_eq!(super::without_badge(t("필독안내"), [Some("안내")]), "필독안내");
        // Through the page: the 제목 cell's badge goes, the label the metadata keeps stays,
        // though `<title>` names a board ("컴퓨터공학부") that contains the label's word.
        let lead = "졸업 예정자는 심사 일정을 확인하여 기한 내에 서류를 제출하시기 바랍니다.";
        let html = format!(
            "<html><head><title>학사공지 | 컴퓨터공학부</title><meta property=\"og:title\" content=\"{headline}\"></head><body><table><tr><th>제목</th><td><span>공지</span>[학부] 졸업작품 심사 일정 안내</td></tr><tr><td>{lead}<br>{lead}<br>{lead}</td></tr></table></body></html>"
        );
        let article = crate::extract(html.as_bytes()).ok();
        assert_eq!(article.as_ref().and_then(|a| a.title.as_deref()), og);
    }

    #[test]
    fn author_class_words() {
        for t in ["author", "Byline", "nick", "ep-author", "entry_author"] {
            assert!(super::author_class(t), "{t}");
        }
        for t in ["comment-author", "cmt_author", "reply-author", "authority", "nick-box"] {
            assert!(!super::author_class(t), "{t}");
        }
    }

    #[test]
    fn the_signed_in_readers_nick_is_not_the_author() {
        let line = "장부를 품은 시율은 빗속을 걸어 나루터로 향했다. 사공은 아직 오지 않았다.";
        let page = |header: &str| {
            format!(
                "<html><head><title>제37화 비에 젖은 장부</title></head><body><div class=\"top\">{header}</div><h1>제37화 비에 젖은 장부</h1><div class=\"ep-info\"><span class=\"ep-author\">묵향재</span></div><div class=\"ep-body\"><p>{line}</p><p>{line}</p><p>{line}</p></div></body></html>"
            )
        };
        let author = |html: String| crate::extract(html.as_bytes()).map(|a| a.authors).unwrap_or_default();
        let signed_in = "<span class=\"nick\">책벌레구름</span>님 <a href=\"/logout\">로그아웃</a>";
        assert_eq!(author(page(signed_in)), ["묵향재"]);
        // Without the sign-out link beside it, a board's nick is its author's name.
        let no_episode_author = page("").replace("ep-author", "ep-meta");
        let board = no_episode_author.replace(
            "<div class=\"top\"></div>",
            "<div class=\"top\"><span class=\"nick\">책벌레구름</span></div>",
        );
        assert_eq!(author(board), ["책벌레구름"]);
    }

    #[test]
    fn numbered_sections() {
        for t in ["1. 문제 제기", "12) 추진 경과", "가. 현황과 과제", "Ⅲ. 결론"] {
            assert!(super::numbered_section(t), "{t}");
        }
        for t in ["2025년 빈집 정비 예산 늘린다", "1.5도 목표, 멀어지나", "가을 산행 주의보", "3.1절 기념식"]
        {
            assert!(!super::numbered_section(t), "{t}");
        }
    }

    #[test]
    fn site_suffixes() {
        assert_eq!(strip_site_suffix("과기부, 협의회 발족 - 뉴스핌", None), "과기부, 협의회 발족");
        assert_eq!(strip_site_suffix("제목이다 < 경제 < 기사본문 - 아시아경제", None), "제목이다");
        assert_eq!(strip_site_suffix("2019년 회고 | snack", None), "2019년 회고");
        assert_eq!(strip_site_suffix("블로그 글 :: 내 블로그", None), "블로그 글");
        assert_eq!(strip_site_suffix("가상자산 왕국 - 매일경제", Some("매일경제")), "가상자산 왕국");
        assert_eq!(
            strip_site_suffix("역류성 식도염 | 질환백과 | 건강정보 | 가람병원", None),
            "역류성 식도염"
        );
        assert_eq!(strip_site_prefix("다솔일보 :: 제목이다", None), "제목이다");
        assert_eq!(strip_site_prefix("해솔 - 제목이다", Some("해솔신문")), "제목이다");
        assert_eq!(strip_site_prefix("속보 - 제목이다", None), "속보 - 제목이다");
    }

    /// The search `site_separator` replaced: one `rfind` per separator.
    fn site_separator_by_rfind(out: &str, site: Option<&str>) -> Option<(usize, usize)> {
        TITLE_SEPARATORS
            .iter()
            .filter(|(_, cuts)| *cuts)
            .map(|(mark, _)| format!(" {mark} "))
            .filter_map(|sep| out.rfind(&sep).map(|at| (at, sep.len())))
            .filter(|&(at, len)| {
                let tail = out.get(at + len..).unwrap_or("");
                at > 0
                    && (tail.chars().count() <= SITE_SUFFIX_MAX_CHARS
                        || site.is_some_and(|s| !s.is_empty() && tail.contains(s)))
            })
            .max_by_key(|&(at, _)| at)
    }

    #[test]
    fn site_separator_agrees_with_rfind() {
        let pieces = [
            " - ",
            " | ",
            " :: ",
            " < ",
            " > ",
            " – ",
            " — ",
            " ",
            "-",
            "예시일보",
            "제목",
            "긴 부제목이 이어지는 문장",
            "a",
            "::",
            " -",
        ];
        let mut cases = crate::test_support::Cases::new(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let t = cases.string(&pieces, 7);
            for site in [None, Some("예시일보"), Some("")] {
                assert_eq!(site_separator(&t, site), site_separator_by_rfind(&t, site), "{t:?} {site:?}");
            }
        }
    }

    #[test]
    fn json_ld() {
        let j = r#"{"headline":"정부 \"새 정책\" 발표","author":[{"@type":"Person","name":"홍길동"},{"name":"김철수 기자"}],"datePublished":"2024-03-11T09:12:00+09:00"}"#;
        assert_eq!(json_string_field(j, "headline").as_deref(), Some("정부 \"새 정책\" 발표"));
        assert_eq!(json_author_names(j), vec!["홍길동".to_string(), "김철수".to_string()]);
        assert_eq!(unescape(r"\uD55C\uAD6D \ud83d\ude00"), "한국 😀");
    }
}
