//! Stage 6: removes what is not body from inside the chosen region.
//!
//! The region is the body's container, and on Korean pages that container also holds the
//! boilerplate other extractors keep: AI-summary boxes, 좋아요/구독 bars, copyright lines,
//! reporter cards, teaser lists. They go here, by three kinds of evidence: the lexicon (a box
//! headed "관련기사" goes whole, a copyright line is cut off the paragraph it is glued to),
//! furniture class/tag hints inside the region, and link density.
//!
//! Reads the page's blocks (their lexicon verdicts, sentence ends and furniture marks, made
//! as they were cut), the score stage's [`Scored`] values and hint choice, and the select
//! stage's [`Region`]. Produces the [`Kept`] blocks, in order, for the output stage to lay
//! out. Prune removes blocks, never adds or rewrites one: a kept block is one of the region's,
//! whole or cut short where the lexicon found a copyright tail (the cut is an offset; the
//! text itself is untouched, the output stage shortens it).

use crate::Bias;
use crate::blocks::{Furniture, NO_PARENT, Page};
use crate::lexicon::Verdict;
use crate::score::{Hints, Score, Scored};
use crate::select::Region;

/// A block with more than this share of its letters inside links is a link list or a promo,
/// not running text; body paragraphs link a name or two at most.
const LINK_DENSE: f32 = 0.5;

/// A finished sentence is kept up to this link density: "<a>어느 글</a>이라는 글에 이런 항목이
/// 있었다." links half its letters and is still the body speaking.
const LINK_DENSE_SENTENCE: f32 = 0.8;

/// Inside the region, text under a furniture *tag* only (`<aside>`, `<footer>`) is kept when it
/// is a finished sentence of at least this weight with next to no links: a blog's callout box,
/// not a byline or a tag list.
const TAG_FURNITURE_KEEP_WEIGHT: f32 = 40.0;

/// A run of blocks under a furniture tag that opens with a heading of its own is a sidebar
/// box ("검증 기준 안내", "이 기사에 나온 곳"), sentences and all, when it holds at most this
/// share of the region's value; a callout inside a post opens with its text, and a page
/// wrapped whole in `<aside>` is most of its region.
const HEADED_TAG_BOX_MAX_SHARE: f32 = 0.4;

/// A box that holds a form field (a poll's choices, a product's options, a sign-up form) is a
/// widget, not text, when it holds at most this share of the region's value: a widget in a
/// body is a few lines beside it. A larger element around a field is the body's own wrapper
/// (old sites put the whole page in one `<form>`).
const FORM_BOX_MAX_SHARE: f32 = 0.2;

/// A block classed as furniture is still the body's when it is running text of at least this
/// weight and its element stands among the body's own paragraphs (a lead paragraph in a
/// `<p class="byline_top">` after the reporter's name and a `<br>`): a site names a box of
/// furniture, not one paragraph of its article. Reporter bios and teaser leads sit in boxes of
/// their own, and the bio sentences on a body's level run shorter.
const CLASSED_PARAGRAPH_MIN_WEIGHT: f32 = 100.0;

/// A tail marker ("댓글", "이전글") ends the body only once this share of the region's positive
/// value lies before it: the same word near the top is a counter in the byline area.
const TAIL_MIN_SHARE_BEFORE: f32 = 0.5;

/// A letter's sign-off ends the body only once this share of the region's positive value lies
/// before it: what a newsletter puts after the letter (its reading list, sponsor, feedback
/// prompt and footer) is a small part of it, and a heading with the same last word higher up
/// ("아메리칸 드림") must not take the rest of an article with it.
const SIGNOFF_MIN_SHARE_BEFORE: f32 = 0.7;

/// A box holds less than this share of the region's positive value: more, and it is the
/// body's own container that happens to open with the box.
const BOX_MAX_SHARE: f32 = 0.4;

/// Blocks of less weight than this that carry a date are date lines ("입력 2024.03.11 09:12").
const DATE_LINE_MAX_WEIGHT: f32 = 60.0;

/// Blocks at the edges of the region lighter than this that do not end a sentence are labels:
/// a category, a byline, a "기자" line, a stray control.
const EDGE_LABEL_MAX_WEIGHT: f32 = 24.0;

/// A finished sentence of this weight is the body's running text, the first one a table above it
/// is measured against (about a dozen Hangul syllables).
const RUNNING_MIN_WEIGHT: f32 = 40.0;

/// Running text is its writer's words, not links to others': a link or two in a paragraph
/// (a name, a source) stay under a fifth of its letters.
const RUNNING_MAX_LINK_DENSITY: f32 = 0.2;

/// The reference mark that opens a note in Korean print ("※ 이 기사는 …", "※ 사진은 …").
const NOTE_MARK: char = '※';

/// A comment's header line is the writer's name and the time of writing, nothing more: at
/// most this many letters besides the date (a nickname, "신고", "답글").
const COMMENT_HEADER_MAX_LETTERS: usize = 20;

/// A header's length in bytes at most: the letters above in Hangul (3 bytes each), a stamp
/// ("2024.06.10. 오전 7:12:30", ~30 bytes) and the separators between them.
const COMMENT_HEADER_MAX_BYTES: usize = COMMENT_HEADER_MAX_LETTERS * 3 + 60;

/// Comment headers at most this many blocks apart form one thread: a comment is its header,
/// its text in a block or two, and a line of buttons.
const COMMENT_MAX_BLOCKS: usize = 5;

/// A slide counter glued to the gallery's controls and credit ("1 / 7사진 크게 보기ⓒ가온일보
/// 남궁현 기자") is a short line: a button's label and a credit are a few words (under 30
/// letters); a longer text after a counter is a caption that says something.
const GLUED_COUNTER_MAX_ALNUM: u32 = 40;

/// A thread is at least this many comments: two dated entries can be a timeline in the body.
const COMMENT_MIN_THREAD: usize = 3;

/// A thread announced by its count ("(총 2건)", "댓글 2개") is a thread from this many
/// comments: the count is the comment box's own heading, which a timeline in the body lacks.
const COMMENT_MIN_COUNTED_THREAD: usize = 2;

/// A count line stands at most this many blocks above the thread's first header (a sort
/// control or a form may sit between them).
const COMMENT_COUNT_MAX_BLOCKS_ABOVE: usize = 2;

/// The words a comment box's count is written with, besides its number: "총 2건", "전체 댓글
/// 12", "2개의 댓글", "의견 3", "Comments (4)".
const COMMENT_COUNT_WORDS: [&str; 8] =
    ["총", "전체", "댓글", "의견", "답글", "코멘트", "comments", "comment"];

/// The units written after the number of a comment count.
const COMMENT_COUNT_UNITS: [&str; 3] = ["건", "개", "개의"];

/// A post's stamp line stands at most this many blocks below its last running text (a row of
/// buttons or a "수정" mark may sit between them).
const POST_STAMP_MAX_BLOCKS_BELOW: usize = 2;

/// The post a list of replies answers stands at most this many blocks above the list: its
/// writer-and-time line, its tags, a "답변하기" button.
const ANSWERED_MAX_BLOCKS_ABOVE: usize = 4;

/// The thread ends the body only when this share of the region's positive value lies before
/// it: dated entries from the top down are a live blog's or a timeline's own.
const COMMENT_MIN_SHARE_BEFORE: f32 = 0.3;

/// A kept block: its index and, when a copyright tail was cut off, the byte length to keep.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Kept {
    pub index: usize,
    pub cut: Option<usize>,
}

/// The blocks of `region` that are body, under the hint choice the scores were made with.
/// `bias` moves the doubtful cases only: see [`Bias`](crate::Bias) for the table.
pub(crate) fn prune(page: &Page, scored: &Scored, region: &Region, bias: Bias) -> Vec<Kept> {
    let scores = &scored.scores;
    let use_hints = scored.hints == Hints::Heeded;
    let range = region.blocks.clone();
    let mut keep: Vec<bool> = vec![true; range.len()];
    // Where the region itself sits under furniture (the retry without hints), marks say nothing.
    let all_furniture =
        page.blocks.get(range.clone()).is_some_and(|bs| bs.iter().all(|b| b.furniture != Furniture::None));
    let total_pos: f32 = scores.get(range.clone()).map_or(0.0, |s| s.iter().map(|s| s.value.max(0.0)).sum());
    let mut pos_before = 0.0f32;
    let mut cuts: Vec<Option<usize>> = vec![None; range.len()];
    // The elements that hold the body's unmarked blocks: a marked block right inside one of
    // them is a paragraph with a class, not a box.
    let parent_of =
        |i: usize| page.blocks.get(i).and_then(|b| page.elems.get(b.elem as usize)).map(|e| e.parent);
    let body_parents: Vec<u32> = {
        let mut v: Vec<u32> = range
            .clone()
            .filter(|&i| page.blocks.get(i).is_some_and(|b| b.furniture == Furniture::None))
            .filter_map(parent_of)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };

    let headed_box = headed_tag_boxes(page, scores, range.clone(), total_pos);
    let form_box = form_boxes(page, scores, region, total_pos);

    for (k, i) in range.clone().enumerate() {
        let (Some(b), Some(s)) = (page.blocks.get(i), scores.get(i)) else { continue };
        let kept = keep.get(k).copied().unwrap_or(false);
        if kept {
            let running_text = b.sentence
                && s.weight >= TAG_FURNITURE_KEEP_WEIGHT
                && s.link_density < RUNNING_MAX_LINK_DENSITY;
            let furniture = use_hints
                && !all_furniture
                && match b.furniture {
                    Furniture::None => false,
                    Furniture::Tag => !running_text || bias == Bias::Precision,
                    Furniture::Class => {
                        !(running_text
                            && (bias == Bias::Recall
                                || (bias != Bias::Precision
                                    && s.weight >= CLASSED_PARAGRAPH_MIN_WEIGHT
                                    && parent_of(i).is_some_and(|p| body_parents.binary_search(&p).is_ok()))))
                    }
                };
            let link_dense = s.link_density > LINK_DENSE
                && (!b.sentence || bias == Bias::Precision || s.link_density > LINK_DENSE_SENTENCE);
            // Table cells with dates are a schedule's data, not the page's date line.
            // (A bare date inside the body heads a timeline's entry; at the body's edges the
            // trim takes it as the label it is there.)
            let date_line = s.weight < DATE_LINE_MAX_WEIGHT
                && !b.sentence
                && b.kind != crate::BlockKind::TableRow
                && ((crate::date::is_date_line(&b.text) && !crate::date::is_bare_date(&b.text))
                    // A reporter's name before the date ("조원익 기자 | 2020-03-10 15:13"):
                    // the byline line above a body, no text of it.
                    || (crate::date::without_stamps(&b.text).is_some()
                        && crate::byline::from_closing(&b.text).is_some()));
            let counter = b.kind == crate::BlockKind::Paragraph
                && (crate::text::is_counter(&b.text)
                    || (!b.sentence
                        && b.alnum <= GLUED_COUNTER_MAX_ALNUM
                        && crate::text::opens_with_spaced_counter(&b.text)));
            let marker = b.kind == crate::BlockKind::ListItem && crate::text::is_list_marker(&b.text);
            // A sidebar box is its own evidence: a layout tag, a heading and a small share, which
            // hold where every box of the page has the same class word, and on text alone.
            let sidebar = headed_box.get(k).copied().unwrap_or(false);
            if furniture || link_dense || date_line || counter || marker || sidebar {
                set(&mut keep, k, false);
            }
            match b.verdict {
                Some(Verdict::Drop) => set(&mut keep, k, false),
                Some(Verdict::CutAt(at)) => {
                    if let Some(c) = cuts.get_mut(k) {
                        *c = Some(at);
                    }
                }
                Some(Verdict::Box) => {
                    let end = box_end(page, scores, region, i, total_pos);
                    for j in i..end {
                        set(&mut keep, j - range.start, false);
                    }
                }
                Some(Verdict::Tail) if pos_before >= TAIL_MIN_SHARE_BEFORE * total_pos => {
                    for j in i..range.end {
                        set(&mut keep, j - range.start, false);
                    }
                }
                Some(Verdict::Tail) => set(&mut keep, k, false),
                // The same word higher up is a heading's ("아메리칸 드림"): kept.
                Some(Verdict::SignOff) if pos_before >= SIGNOFF_MIN_SHARE_BEFORE * total_pos => {
                    for j in i..range.end {
                        set(&mut keep, j - range.start, false);
                    }
                }
                Some(Verdict::SignOff) => {}
                None => {}
            }
        }
        pos_before += s.value.max(0.0);
    }

    for run in header_rows(page, scores, &range, &keep) {
        for j in run {
            set(&mut keep, j - range.start, false);
        }
    }
    if let Some(start) = comment_thread(page, scores, &range, &keep, total_pos) {
        for j in start..range.end {
            set(&mut keep, j - range.start, false);
        }
    }
    // Widgets go last: a comment form's count line ("총 4건") has told where the thread starts.
    for (slot, widget) in keep.iter_mut().zip(&form_box) {
        *slot &= !widget;
    }
    // Replies in the region. When they open it (a Q&A page's answers), the first reply is the
    // body, with the post it answers, which stands above the region; when text comes first,
    // they answer that text (a post's comments) and all go.
    let mut answered: Vec<usize> = Vec::new();
    if let Some(posts) = reply_posts(page, scores, &range, &keep) {
        let replies = if posts.opens_region { posts.first_end + 1 } else { posts.first_card };
        for j in replies..range.end {
            set(&mut keep, j - range.start, false);
        }
        if posts.opens_region {
            answered = post_above(page, scores, range.start);
            // What stands above the first card is the list's header ("답변 4개", a sort
            // control, a note on the chosen answer).
            if !answered.is_empty() {
                for j in range.start..posts.first_card {
                    set(&mut keep, j - range.start, false);
                }
            }
        }
    }
    if bias != Bias::Recall {
        trim_edges(page, scores, &range, &mut keep);
    }

    let answered = answered.into_iter().map(|index| Kept { index, cut: None });
    answered
        .chain(
            range
                .clone()
                .zip(keep.iter().zip(cuts))
                .filter(|(_, (k, _))| **k)
                .map(|(index, (_, cut))| Kept { index, cut }),
        )
        .collect()
}

/// The runs of a post's header row among the kept blocks: table cells of labels and values
/// ("작성자 | 정민호 | 작성일 | 2009-11-16 14:22 | 조회 | 312"), short and no sentences, one of
/// them a writer's label and one a time stamp. A board's question and its answer each open
/// with one, inside the text; a schedule's cells name no writer.
fn header_rows(
    page: &Page,
    scores: &[Score],
    range: &std::ops::Range<usize>,
    keep: &[bool],
) -> Vec<std::ops::Range<usize>> {
    let cell = |i: usize| {
        keep.get(i - range.start).copied().unwrap_or(false)
            && page.blocks.get(i).zip(scores.get(i)).is_some_and(|(b, s)| {
                b.kind == crate::BlockKind::TableRow && !b.sentence && s.weight < EDGE_LABEL_MAX_WEIGHT
            })
    };
    let mut runs = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if !cell(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < range.end && cell(i) {
            i += 1;
        }
        let texts = || page.blocks.get(start..i).into_iter().flatten().map(|b| b.text.as_str());
        if texts().any(crate::byline::is_label_alone) && texts().any(is_stamp_line) {
            runs.push(start..i);
        }
    }
    runs
}

/// Whether a block is running text of the article's kind: a finished sentence of some weight,
/// unmarked and unlinked.
fn running(page: &Page, scores: &[Score], i: usize) -> bool {
    page.blocks.get(i).zip(scores.get(i)).is_some_and(|(b, s)| {
        b.sentence
            && s.weight >= RUNNING_MIN_WEIGHT
            && b.furniture == Furniture::None
            && s.link_density < RUNNING_MAX_LINK_DENSITY
    })
}

/// Whether a block is a time stamp and nothing else ("2025.01.15. 08:42"): the line a post
/// or a reply prints under its text.
fn is_stamp_line(text: &str) -> bool {
    crate::date::without_stamps(text).is_some_and(|rest| !rest.chars().any(char::is_alphanumeric))
}

/// A region read as replies: where its first post starts and ends, and whether the posts
/// open it.
struct Replies {
    first_card: usize,
    first_end: usize,
    opens_region: bool,
}

/// The posts of a region of replies: at least two, each a writer's card (a block the class
/// hints call furniture: a profile, a writer's box), running text after it, and a stamp line
/// right under that text. Posts by writers with cards and stamps are replies to one another
/// or to a question (a Q&A page's answers, a thread's posts); a live blog's entries carry no
/// writer's card, an article's byline box no stamp under the text. The posts open the region
/// when no running text stands before the first card but a note on it ("질문자가 채택한
/// 답변입니다."), less than the first post holds.
fn reply_posts(
    page: &Page,
    scores: &[Score],
    range: &std::ops::Range<usize>,
    keep: &[bool],
) -> Option<Replies> {
    let kept = |i: usize| keep.get(i - range.start).copied().unwrap_or(false);
    let value = |i: usize| scores.get(i).map_or(0.0, |s| s.value.max(0.0));
    // The post being read: its card, and its last running text.
    let (mut card, mut last_text): (Option<usize>, Option<usize>) = (None, None);
    let mut ends: Vec<(usize, usize)> = Vec::new();
    for i in range.clone() {
        let Some(b) = page.blocks.get(i) else { continue };
        if b.furniture == Furniture::Class && last_text.is_none() {
            card = card.or(Some(i));
        } else if card.is_some() && kept(i) && running(page, scores, i) {
            last_text = Some(i);
        } else if let (Some(c), Some(t)) = (card, last_text) {
            if is_stamp_line(&b.text) && i - t <= POST_STAMP_MAX_BLOCKS_BELOW {
                ends.push((c, i));
                (card, last_text) = (None, None);
            } else if i - t > POST_STAMP_MAX_BLOCKS_BELOW {
                // Text that no stamp closes: not a post. A card after it starts one.
                (card, last_text) = (None, None);
                if b.furniture == Furniture::Class {
                    card = Some(i);
                }
            }
        }
    }
    let (&(first_card, first_end), _) = ends.split_first().filter(|(_, rest)| !rest.is_empty())?;
    let before: f32 = (range.start..first_card).filter(|&i| kept(i)).map(value).sum();
    let first: f32 = (first_card..first_end).filter(|&i| kept(i)).map(value).sum();
    Some(Replies { first_card, first_end, opens_region: before < first })
}

/// The post right above a region of replies: a run of running text ending at most
/// [`ANSWERED_MAX_BLOCKS_ABOVE`] blocks above the region, its own writer-and-time line among
/// those blocks (the post is a post too). Empty when there is none.
fn post_above(page: &Page, scores: &[Score], start: usize) -> Vec<usize> {
    let from = start.saturating_sub(ANSWERED_MAX_BLOCKS_ABOVE);
    let stamped = (from..start).any(|i| {
        page.blocks.get(i).is_some_and(|b| !b.sentence && crate::date::without_stamps(&b.text).is_some())
    });
    let Some(last) = (from..start).rev().find(|&i| running(page, scores, i)) else { return Vec::new() };
    if !stamped {
        return Vec::new();
    }
    let mut first = last;
    while first > 0 && running(page, scores, first - 1) {
        first -= 1;
    }
    (first..=last).collect()
}

/// For each block of the region, whether it is in a widget: the largest element inside the
/// region that holds a form field and at most [`FORM_BOX_MAX_SHARE`] of its value.
fn form_boxes(page: &Page, scores: &[Score], region: &Region, total_pos: f32) -> Vec<bool> {
    let range = region.blocks.clone();
    let mut marked = vec![false; range.len()];
    // Prefix sums over the region: each element's value is one subtraction, however many
    // elements around fields a page nests.
    let mut prefix = Vec::with_capacity(range.len() + 1);
    prefix.push(0.0f32);
    for s in scores.get(range.clone()).unwrap_or_default() {
        prefix.push(prefix.last().copied().unwrap_or(0.0) + s.value.max(0.0));
    }
    let at = |block: u32| prefix.get((block as usize).saturating_sub(range.start)).copied().unwrap_or(0.0);
    let value = |e: &crate::blocks::Elem| at(e.end_block) - at(e.first_block);
    let inside = |e: &crate::blocks::Elem| {
        e.first_block < e.end_block
            && e.first_block as usize >= range.start
            && e.end_block as usize <= range.end
    };
    let small = |e: &crate::blocks::Elem| value(e) <= FORM_BOX_MAX_SHARE * total_pos;
    for (i, e) in page.elems.iter().enumerate() {
        // (`inside` before `small`: `value` reads the region's sums only.)
        if !e.field || i as u32 == region.elem || !inside(e) || !small(e) {
            continue;
        }
        // The largest such element: its parent is the region, or holds more.
        let parent = page.elems.get(e.parent as usize);
        if parent.is_some_and(|p| e.parent != region.elem && inside(p) && small(p)) {
            continue;
        }
        let (a, b) = (e.first_block as usize - range.start, e.end_block as usize - range.start);
        for slot in marked.get_mut(a..b).into_iter().flatten() {
            *slot = true;
        }
    }
    marked
}

/// For each block of `range`, whether it is in a sidebar box: a layout-tag element inside the
/// region that opens with a heading (see [`HEADED_TAG_BOX_MAX_SHARE`]). The element, not a run
/// of blocks: an `<aside>` inside a page wrapped whole in another is a box of its own, and the
/// outer one, most of its region, is none.
fn headed_tag_boxes(
    page: &Page,
    scores: &[Score],
    range: std::ops::Range<usize>,
    total_pos: f32,
) -> Vec<bool> {
    let start = range.start;
    let mut marked = vec![false; range.len()];
    let mut tags: Vec<u32> = page
        .blocks
        .get(range.clone())
        .unwrap_or_default()
        .iter()
        .map(|b| b.layout_tag)
        .filter(|&t| t != NO_PARENT)
        .collect();
    tags.sort_unstable();
    tags.dedup();
    for e in tags.iter().filter_map(|&t| page.elems.get(t as usize)) {
        let (a, b) = (e.first_block as usize, e.end_block as usize);
        if a < start || b > range.end {
            continue;
        }
        // (A heading alone in a `<header>` is a section's title, not a box.)
        let headed = page.blocks.get(a).is_some_and(|b| matches!(b.kind, crate::BlockKind::Heading(_)));
        let value: f32 = scores.get(a..b).map_or(0.0, |s| s.iter().map(|s| s.value.max(0.0)).sum());
        if headed && b - a >= 2 && value <= HEADED_TAG_BOX_MAX_SHARE * total_pos {
            for slot in marked.get_mut(a - start..b - start).into_iter().flatten() {
                *slot = true;
            }
        }
    }
    marked
}

/// How many blocks in a row around block `i` belong to its element (the lines of a text
/// broken by `<br>`), counted up to [`LINE_RUN_MIN_LINES`](crate::score::LINE_RUN_MIN_LINES)
/// each way: a cell of ten thousand lines is not read ten thousand times.
fn lines_of_element(page: &Page, i: usize) -> usize {
    let Some(elem) = page.blocks.get(i).map(|b| b.elem) else { return 0 };
    let same = |j: usize| page.blocks.get(j).is_some_and(|b| b.elem == elem);
    let most = crate::score::LINE_RUN_MIN_LINES;
    let before = (0..i).rev().take(most).take_while(|&j| same(j)).count();
    let after = (i + 1..page.blocks.len()).take(most).take_while(|&j| same(j)).count();
    before + 1 + after
}

fn set(keep: &mut [bool], k: usize, v: bool) {
    if let Some(slot) = keep.get_mut(k) {
        *slot = v;
    }
}

/// The end of the box that block `i` heads: the largest element inside the region that starts
/// with the block and holds less than [`BOX_MAX_SHARE`] of the region's positive value (an AI
/// summary that opens the body's container must not take the container with it). When the
/// marker stands alone among the body's paragraphs, the box is the marker and the list right
/// after it (the items of a "요약" or "관련기사" list).
fn box_end(page: &Page, scores: &[Score], region: &Region, i: usize, region_pos: f32) -> usize {
    let Some(b) = page.blocks.get(i) else { return i + 1 };
    let positive = |r: std::ops::Range<usize>| -> f32 {
        scores.get(r).map_or(0.0, |s| s.iter().map(|s| s.value.max(0.0)).sum())
    };
    let mut e = b.elem;
    let mut end = i + 1;
    while let Some(el) = page.elems.get(e as usize) {
        let el_end = el.end_block as usize;
        if e == region.elem
            || el.first_block as usize != i
            || positive(i..el_end) > BOX_MAX_SHARE * region_pos
        {
            break;
        }
        end = end.max(el_end);
        e = el.parent;
        if e == NO_PARENT {
            break;
        }
    }
    if end == i + 1 {
        let list_end = list_after(page, region, end);
        // The same share check as for an element: a "요약" line over the body's own list of
        // steps must not take the steps with it.
        if positive(i..list_end) <= BOX_MAX_SHARE * region_pos {
            end = list_end;
        }
    }
    end.min(region.blocks.end)
}

/// A list holds at least this many blocks to be the one a box's marker heads: a single block
/// that reads as a list item is, as often, a paragraph inside a list item that holds the
/// whole article (a page wrapped in one `<li>`, a feed that lists each article in one).
const BOX_LIST_MIN_BLOCKS: usize = 2;

/// The end of the list that starts at block `start`: the largest element that starts there,
/// ends within the region and holds only list items, of at least [`BOX_LIST_MIN_BLOCKS`]
/// blocks; `start` when there is none. The list is read from the elements, not from a run of
/// list-item blocks: inside one list item around the whole body every block reads as a list
/// item, and such a run would take the body after a "관련기사" box with it.
fn list_after(page: &Page, region: &Region, start: usize) -> usize {
    let all_items = |r: std::ops::Range<usize>| {
        page.blocks.get(r).is_some_and(|bs| bs.iter().all(|b| b.kind == crate::BlockKind::ListItem))
    };
    let mut list_end = start;
    let Some(first) = page.blocks.get(start).filter(|b| b.kind == crate::BlockKind::ListItem) else {
        return start;
    };
    let mut e = first.elem;
    while let Some(el) = page.elems.get(e as usize) {
        let el_end = el.end_block as usize;
        if e == region.elem
            || el.first_block as usize != start
            || el_end > region.blocks.end
            || !all_items(start..el_end)
        {
            break;
        }
        list_end = list_end.max(el_end);
        e = el.parent;
    }
    if list_end - start >= BOX_LIST_MIN_BLOCKS { list_end } else { start }
}

/// Whether a block is a comment's header: a name and a time stamp ("갈매섬토박이 2009-06-23
/// 18:02", "흙손아빠 · 3시간 전 · 신고"), not a sentence.
fn is_comment_header(text: &str, sentence: bool) -> bool {
    // Longer than a name and a stamp can be: running text, not read for stamps.
    if sentence || text.len() > COMMENT_HEADER_MAX_BYTES {
        return false;
    }
    crate::date::without_stamps(text).is_some_and(|rest| {
        rest.chars().filter(|c| c.is_alphanumeric()).count() <= COMMENT_HEADER_MAX_LETTERS
    })
}

/// Whether a block is a comment box's count ("(총 2건)", "댓글 12", "2개의 댓글"): one
/// number, with or without its unit, among count words only.
fn counts_comments(text: &str) -> bool {
    let mut numbers = 0;
    let words = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    for w in words {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        let unit = w.get(digits..).unwrap_or(w);
        if digits > 0 && (unit.is_empty() || COMMENT_COUNT_UNITS.contains(&unit)) {
            numbers += 1;
        } else if !COMMENT_COUNT_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c)) {
            return false;
        }
    }
    numbers == 1
}

/// Where a reader-comment thread starts among the kept blocks of the region: the first of at
/// least [`COMMENT_MIN_THREAD`] comment headers, each within [`COMMENT_MAX_BLOCKS`] of the
/// next, after [`COMMENT_MIN_SHARE_BEFORE`] of the region's value; of two, where a count line
/// announces them (the thread then starts at the count). On pages without class names (an
/// old table layout, a board whose comments share the post's class) the thread sits in the
/// article's own table or container, and its comments are as dense as the body.
fn comment_thread(
    page: &Page,
    scores: &[Score],
    range: &std::ops::Range<usize>,
    keep: &[bool],
    total_pos: f32,
) -> Option<usize> {
    let mut pos_before = 0.0f32;
    // The thread being read: where it starts (its count line or first header), its last
    // header, how many headers, the value before it and whether a count announced it.
    let mut thread: Option<(usize, usize, usize, f32, bool)> = None;
    let ends_body = |(first, _, n, before, counted): (usize, usize, usize, f32, bool)| {
        let min = if counted { COMMENT_MIN_COUNTED_THREAD } else { COMMENT_MIN_THREAD };
        (n >= min && before >= COMMENT_MIN_SHARE_BEFORE * total_pos).then_some(first)
    };
    // The count line right above block `i`, if any.
    let count_above = |i: usize| {
        (i.saturating_sub(COMMENT_COUNT_MAX_BLOCKS_ABOVE).max(range.start)..i)
            .find(|&j| page.blocks.get(j).is_some_and(|b| !b.sentence && counts_comments(&b.text)))
    };
    for i in range.clone() {
        let (Some(b), Some(s)) = (page.blocks.get(i), scores.get(i)) else { continue };
        let kept = keep.get(i - range.start).copied().unwrap_or(false);
        if kept && is_comment_header(&b.text, b.sentence) {
            thread = match thread {
                Some((first, last, n, before, counted)) if i - last <= COMMENT_MAX_BLOCKS => {
                    Some((first, i, n + 1, before, counted))
                }
                Some(t) if ends_body(t).is_some() => return ends_body(t),
                _ => match count_above(i) {
                    Some(c) => {
                        // The value before the thread is the value before its count.
                        let count_value: f32 =
                            scores.get(c..i).map_or(0.0, |s| s.iter().map(|s| s.value.max(0.0)).sum());
                        Some((c, i, 1, pos_before - count_value, true))
                    }
                    None => Some((i, i, 1, pos_before, false)),
                },
            };
        }
        pos_before += s.value.max(0.0);
    }
    thread.and_then(ends_body)
}

/// Drops label-like blocks at the start and end of what is kept. At the start, an `<h1>`
/// followed by labels goes too: that is the headline with the lines under it (reporter, date,
/// view count), not a blog post's first section heading.
fn trim_edges(page: &Page, scores: &[Score], range: &std::ops::Range<usize>, keep: &mut [bool]) {
    let is_label = |i: usize| -> bool {
        let (Some(b), Some(s)) = (page.blocks.get(i), scores.get(i)) else { return false };
        !b.sentence && s.weight < EDGE_LABEL_MAX_WEIGHT && !matches!(b.kind, crate::BlockKind::Heading(_))
    };
    let is_headline = |i: usize| page.blocks.get(i).is_some_and(|b| b.kind == crate::BlockKind::Heading(1));
    // A "※" note above the body is the page's or the editor's word on it (a board's posting
    // rule, "※ 이 기사는 …"), never the article's first paragraph; the same mark at the end can
    // be a notice's last line.
    let is_note = |i: usize| page.blocks.get(i).is_some_and(|b| b.text.starts_with(NOTE_MARK));
    for i in range.clone() {
        let k = i - range.start;
        if !keep.get(k).copied().unwrap_or(false) {
            continue;
        }
        let next_kept = (i + 1..range.end).find(|&j| keep.get(j - range.start).copied().unwrap_or(false));
        if is_label(i) || (is_headline(i) && next_kept.is_some_and(is_label)) {
            set(keep, k, false);
        } else {
            break;
        }
    }
    // (Past the headline: the note stands under it.)
    let kept_at = |i: usize| keep.get(i - range.start).copied().unwrap_or(false);
    let first_text = range
        .clone()
        .filter(|&i| kept_at(i))
        .find(|&i| page.blocks.get(i).is_some_and(|b| !matches!(b.kind, crate::BlockKind::Heading(_))));
    if let Some(i) = first_text.filter(|&i| is_note(i) && (i + 1..range.end).any(kept_at)) {
        set(keep, i - range.start, false);
    }
    // A table's cells above the first paragraph are the document's details (a paper's 발행기관,
    // 권호사항, DOI; a release's 배포 일시 and 담당 부서), like the byline above a news body: an
    // article's own table comes after the text that brings it in.
    let first_running = range.clone().find(|&i| {
        keep.get(i - range.start).copied().unwrap_or(false)
            && page
                .blocks
                .get(i)
                .zip(scores.get(i))
                .is_some_and(|(b, s)| b.sentence && s.weight >= RUNNING_MIN_WEIGHT)
    });
    // A cell of figures that ends in a period ("2025. 2. 13.") is a detail, not a sentence; a
    // cell of many lines broken by `<br>` (a poem set in a table) is text.
    let words = |t: &str| t.chars().any(char::is_alphabetic);
    for i in range.start..first_running.unwrap_or(range.start) {
        if page.blocks.get(i).is_some_and(|b| {
            b.kind == crate::BlockKind::TableRow
                && !(b.sentence && words(&b.text))
                && lines_of_element(page, i) < crate::score::LINE_RUN_MIN_LINES
        }) {
            set(keep, i - range.start, false);
        }
    }
    // At the end, headings go too: a heading with nothing under it heads what was pruned
    // ("관련기사", "More from National").
    for i in range.clone().rev() {
        let k = i - range.start;
        if !keep.get(k).copied().unwrap_or(false) {
            continue;
        }
        // A heading that ends as a sentence is the body's last line written in a heading tag.
        let heading =
            page.blocks.get(i).is_some_and(|b| matches!(b.kind, crate::BlockKind::Heading(_)) && !b.sentence);
        if is_label(i) || heading {
            set(keep, k, false);
        } else {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{counts_comments, is_comment_header};

    #[test]
    fn comment_headers() {
        assert!(is_comment_header("갈매섬토박이 2009-06-23 18:02", false));
        assert!(is_comment_header("흙손아빠 2024.06.10. 오전 7:12 신고", false));
        assert!(is_comment_header("바다지기 · 3시간 전", false));
        assert!(!is_comment_header("갈매섬토박이 2009-06-23", false), "a date without a time");
        assert!(!is_comment_header(
            "2009-06-23 18:02 현재 누적 강수량은 하루 사이 120mm를 넘어섰고 도로 곳곳이 잠겼다",
            false
        ));
        assert!(!is_comment_header("오후 3시 2025-03-04 10:00 회의가 열렸다.", true));
    }

    #[test]
    fn comment_counts() {
        for count in ["(총 2건)", "댓글 12", "전체 댓글 3개", "2개의 댓글", "의견(4)", "Comments (4)"]
        {
            assert!(counts_comments(count), "{count}");
        }
        for other in ["총 8장", "2025-03-04 12:05", "댓글", "조회 12", "좋아요 3 댓글 2", "제2회 의견 수렴"]
        {
            assert!(!counts_comments(other), "{other}");
        }
    }
}

#[cfg(test)]
mod line_tests {
    /// The body of a page whose markup names nothing (no classes, no ids): only the text tells
    /// the byline line and the gallery's controls from the article.
    fn body_of(inner: &str) -> Vec<String> {
        let html = format!(
            "<html><head><title>폭설에 고립된 마을, 주민들이 길을 냈다</title></head><body><div><h1>폭설에 고립된 마을, 주민들이 길을 냈다</h1>{inner}</div></body></html>"
        );
        match crate::extract(html.as_bytes()) {
            Ok(a) => a.paragraphs().map(str::to_string).collect(),
            Err(e) => vec![format!("{e:?}")],
        }
    }

    const P1: &str =
        "밤새 40㎝가 넘는 눈이 내려 산골 마을로 가는 유일한 길이 끊겼다. 주민들은 새벽부터 삽을 들고 나왔다.";
    const P2: &str = "군은 오전 11시쯤 제설차를 보냈지만 길이 좁아 들어가지 못했다. 주민 스무 명이 세 시간 동안 눈을 치웠다.";
    const P3: &str = "길이 다시 열린 것은 오후 세 시가 지나서였다. 주민들은 다음 눈에 대비해 모래주머니를 마을 입구에 쌓아 두었다.";

    #[test]
    fn two_comments_under_their_count_go_two_dated_entries_stay() {
        let comments = "<div>(총 2건)</div><div><b>눈사람</b> 2025-01-08 16:02<br>저희 동네도 같은 일을 겪었는데 주민들이 모두 나서 주셔서 다행이었습니다. 고생 많으셨습니다.</div>\
             <div><b>산골댁</b> 2025-01-08 17:40<br>내년 겨울에는 군에서 작은 제설차를 미리 마련해 두면 좋겠습니다. 다들 건강 조심하세요.</div>";
        assert_eq!(body_of(&format!("<p>{P1}</p><p>{P2}</p>{comments}")), [P1, P2]);
        // Without a count, two dated entries may be the report's own timeline.
        let entries = "<div><b>군청</b> 2025-01-08 16:02<br>군청은 오후 4시쯤 인근 부대에 제설 장비 지원을 요청했고 부대는 곧바로 장병들을 보냈다.</div>\
             <div><b>부대</b> 2025-01-08 17:40<br>장병 서른 명이 도착해 주민들과 함께 남은 구간의 눈을 치웠고 길은 저녁 무렵 다시 열렸다.</div>";
        let body = body_of(&format!("<p>{P1}</p><p>{P2}</p>{entries}"));
        assert!(
            body.iter().any(|p| p.starts_with("군청은")) && body.iter().any(|p| p.starts_with("장병")),
            "{body:?}"
        );
    }

    #[test]
    fn a_question_and_its_first_answer_are_the_body_the_other_answers_go() {
        let q1 = "작년 겨울부터 마을 길이 눈에 자주 막히는데, 주민들이 직접 할 수 있는 일이 있을까요?";
        let q2 = "군청에 여러 번 말씀드렸지만 제설차가 들어오기 어렵다는 답만 들었습니다. 조언 부탁드립니다.";
        let a1 = "마을 단위로 소형 제설기를 공동 구매해 두시면 큰 도움이 됩니다. 군에서 절반을 지원하는 사업도 있습니다.";
        let a2 = "저희 마을은 눈이 오기 전날 주민 당번을 정해 두고 새벽에 모래주머니를 미리 뿌려 두었습니다.";
        let a3 = "군청 누리집의 주민 제안 게시판에 사진과 함께 올리시면 담당 부서가 현장을 다시 살펴봅니다.";
        let answer = |who: &str, text: &str, when: &str| {
            format!(
                "<div class=\"answer\"><div class=\"profile\">{who} 등급 고수 채택률 51%</div><p>{text}</p><p>{P1}</p><p>{P2}</p><p>{P3}</p><div>{when}</div></div>"
            )
        };
        let html = format!(
            "<div class=\"question\"><p>{q1}</p><p>{q2}</p><div>눈길산책 2025.01.08. 21:10 조회 120</div></div>\
             <div class=\"answers\"><h3>답변 3개</h3>{}{}{}</div>",
            answer("제설반장", a1, "2025.01.09. 08:42"),
            answer("산골댁", a2, "2025.01.09. 13:05"),
            answer("군민도우미", a3, "2025.01.10. 10:12")
        );
        // (The answers outweigh the question: the region is their list, the question above it.)
        assert_eq!(body_of(&html), [q1, q2, a1, P1, P2, P3]);
        // The same answers without writers' cards are entries of one text, all kept.
        let entries = html.replace(" class=\"profile\"", "");
        let body = body_of(&entries);
        assert!([a1, a2, a3].iter().all(|a| body.iter().any(|p| p == a)), "{body:?}");
    }

    #[test]
    fn a_posts_header_row_goes_a_schedules_row_stays() {
        let header = "<table><tr><td>작성자</td><td>눈길산책</td><td>작성일</td><td>2025-01-08 15:13</td><td>조회</td><td>312</td></tr></table>";
        let schedule =
            "<table><tr><td>일시</td><td>2025-01-09 09:00</td><td>장소</td><td>마을 회관</td></tr></table>";
        let body = body_of(&format!("<p>{P1}</p>{header}<p>{P2}</p>{schedule}<p>{P3}</p>"));
        assert!(!body.iter().any(|l| l.contains("작성자") || l.contains("2025-01-08")), "{body:?}");
        assert!(body.iter().any(|l| l.contains("2025-01-09 09:00")), "{body:?}");
    }

    #[test]
    fn a_timelines_dates_stay_a_date_line_goes() {
        let html = format!(
            "<div>입력 2025.01.08 15:13</div><p>{P1}</p><div>1987.06.10</div><p>{P2}</p><div>2003년 3월 4일</div><p>{P3}</p>"
        );
        assert_eq!(body_of(&html), [P1, "1987.06.10", P2, "2003년 3월 4일", P3]);
        assert!(
            crate::date::is_bare_date("1996. 7. 22.(월)") && crate::date::is_bare_date("1996년 7월 22일")
        );
        assert!(
            !crate::date::is_bare_date("2025.01.08 15:13") && !crate::date::is_bare_date("입력 2025.01.08")
        );
    }

    #[test]
    fn replies_under_a_post_go_with_the_first() {
        let reply = |who: &str, when: &str| {
            format!(
                "<div class=\"profile\">{who}</div><p>좋은 글 잘 읽었습니다. 저희 마을도 지난겨울 같은 일을 겪어서 남 일 같지 않았습니다.</p><div>{when}</div>"
            )
        };
        let html = format!(
            "<p>{P1}</p><p>{P2}</p><p>{P3}</p>{}{}",
            reply("눈사람", "2025.01.09. 08:42"),
            reply("산골댁", "2025.01.09. 13:05")
        );
        assert_eq!(body_of(&html), [P1, P2, P3]);
    }

    #[test]
    fn a_byline_with_its_date_is_no_paragraph() {
        // Between the body's parts (a page that prints it under the lead photo), where no
        // trim of the edges reaches it.
        let body = body_of(&format!("<p>{P1}</p><div>나도윤 기자 | 2025-01-08 15:13</div><p>{P2}</p>"));
        assert_eq!(body, [P1, P2]);
        // A sentence that names a reporter and a date is text.
        let said = "나도윤 기자는 2025-01-08 15:13 현장에 도착했다고 전했다.";
        assert_eq!(body_of(&format!("<p>{P1}</p><p>{said}</p><p>{P2}</p>")), [P1, said, P2]);
    }

    #[test]
    fn a_note_above_the_body_goes_and_one_below_stays() {
        let rule = "※ 다른 사람의 얼굴이 나온 사진은 당사자 동의를 받은 뒤 올려 주세요. 동의 없는 사진은 삭제됩니다.";
        let last = "※ 제설 일정은 날씨에 따라 바뀔 수 있으며, 바뀌면 군청 누리집에 다시 알립니다.";
        assert_eq!(body_of(&format!("<p>{rule}</p><p>{P1}</p><p>{P2}</p><p>{last}</p>")), [P1, P2, last]);
    }

    #[test]
    fn a_boards_guide_and_signature_go() {
        let guide = "<p class=\"recomm_guide\">추천 100개가 넘은 글은 베스트 게시판으로 자동 이동합니다.</p>";
        let sign = "<div class=\"view_sign\"><div>눈길산책 님의 서명</div><p>눈 오는 날 산길을 걷는 평범한 직장인입니다.</p></div>";
        assert_eq!(body_of(&format!("<p>{P1}</p><p>{P2}</p>{guide}{sign}")), [P1, P2]);
    }

    #[test]
    fn a_tip_appeal_box_goes_and_a_sentence_on_tips_stays() {
        let appeal = "<div><strong>독자 제보를 기다립니다</strong><p>우리 마을의 궁금한 일을 보내 주세요. 전화 043-000-0000, 카카오톡 채널로 제보할 수 있습니다.</p></div>";
        assert_eq!(body_of(&format!("<p>{P1}</p><p>{P2}</p>{appeal}")), [P1, P2]);
        // The phrase inside a sentence of the report is the report's own text.
        let said = "군은 고립된 집이 더 있는지 주민 제보를 기다립니다라는 안내 문자를 보냈다.";
        assert_eq!(body_of(&format!("<p>{P1}</p><p>{said}</p><p>{P2}</p>")), [P1, said, P2]);
    }

    #[test]
    fn a_sidebar_box_in_an_aside_goes_a_callout_stays() {
        let sidebar = "<aside><h4>검증 기준 안내</h4><p>우리는 공인의 발언 가운데 사회적 영향이 크고 사실 여부를 \
                       확인할 수 있는 것을 골라 검증합니다. 판정은 다섯 단계로 나눕니다.</p></aside>";
        assert_eq!(body_of(&format!("<p>{P1}</p><p>{P2}</p>{sidebar}<p>{P1}</p>")), [P1, P2, P1]);
        // The same inside a page wrapped whole in <aside>, and with one class word on every box.
        let wrapped = format!("<aside><p>{P1}</p><p>{P2}</p>{sidebar}<p>{P1}</p></aside>");
        assert_eq!(body_of(&wrapped), [P1, P2, P1]);
        let classed =
            format!("<p class=share>{P1}</p><p class=share>{P2}</p>{sidebar}<p class=share>{P1}</p>")
                .replace("<aside>", "<aside class=share>");
        assert_eq!(body_of(&classed), [P1, P2, P1]);
        // A callout opens with its own text: the post's, sentences and all.
        let callout = "💡 도서관 두 곳 가운데 한 곳은 일요일에 쉬지만, 토요일과 일요일을 모두 쉬는 곳은 드물다는 점을 기억해 두자.";
        let page = format!("<p>{P1}</p><aside><p>{callout}</p></aside><p>{P2}</p>");
        assert_eq!(body_of(&page), [P1, callout, P2]);
    }

    #[test]
    fn a_widget_with_form_fields_goes() {
        let poll = "<div class=\"kv\"><div><b>1분 퀴즈</b> 우리 아이에게 맞는 전형은?</div><form>\
                    <p>아이의 성적 흐름과 가장 가까운 것을 골라 보세요.</p>\
                    <label><input type=radio name=q value=1> 1학년부터 내신이 고르게 좋고 모의고사도 안정적이다</label>\
                    <label><input type=radio name=q value=2> 내신은 중간이지만 탐구 활동을 꾸준히 해 왔다</label>\
                    <button>결과 보기</button></form></div>";
        // (A widget is a small part of a body: this one has its paragraphs four times over.)
        let pairs = format!("<p>{P1}</p><p>{P2}</p>").repeat(3);
        let body = body_of(&format!("<p>{P1}</p><p>{P2}</p>{poll}{pairs}"));
        assert_eq!(body, [P1, P2].repeat(4));
        // A task list's checkboxes and a code listing's copy button are no fields; a page in
        // one <form> (a search box in its header) is the body's own wrapper.
        let tasks = "<ul><li><input type=checkbox disabled> 전입신고를 마쳤는지 확인하기</li>\
                     <li><input type=checkbox disabled> 확정일자를 받아 두기</li></ul>";
        assert_eq!(body_of(&format!("<p>{P1}</p>{tasks}<p>{P2}</p>")).len(), 4);
        let whole = format!("<form><input type=text name=q><p>{P1}</p><p>{P2}</p></form>");
        assert_eq!(body_of(&whole), [P1, P2]);
    }

    #[test]
    fn a_paywall_notice_and_its_offer_go() {
        let wall = "<div class=\"pw\"><p>이 기사의 나머지 내용은 프리미엄 회원만 볼 수 있습니다.</p>\
                    <p>프리미엄은 기자들이 현장 취재와 데이터 분석으로 쓴 심층 기사를 매일 아침 전해 드립니다.</p>\
                    <ul><li>월간 구독 14,900원</li><li>둘째 달부터 월 14,900원, 언제든 해지할 수 있습니다.</li></ul></div>";
        assert_eq!(body_of(&format!("<p>{P1}</p><p>{P2}</p>{wall}")), [P1, P2]);
    }

    #[test]
    fn an_ad_slot_goes_with_its_label() {
        // Class words that say nothing ("pp-inad"), a label, the ad's sentence and its button.
        for label in ["광고", "AD"] {
            let slot = format!(
                "<div class=\"pp-inad\"><span>{label}</span><a href=\"/c\"><img src=a.jpg></a>\
                 <p>가족처럼 정성을 다해 모시겠습니다. 24시간 상담 1500-0000, 가입 없이도 이용하실 수 있습니다.</p>\
                 <a href=\"/c\">상담 예약하기</a></div>"
            );
            assert_eq!(body_of(&format!("<p>{P1}</p>{slot}<p>{P2}</p>")), [P1, P2], "{label}");
        }
    }

    #[test]
    fn a_numbered_lists_markers_go() {
        let entry = |n: u32| {
            format!(
                "<li><span class=\"no\">{n}</span><p>한도윤 ({n}). 산간 마을의 겨울철 고립과 이동 지원. 지역복지연구, 27(3), 33-58.</p></li>"
            )
        };
        let list: String = (1..=3).map(entry).collect();
        let body = body_of(&format!("<p>{P1}</p><p>{P2}</p><ol>{list}</ol>"));
        assert_eq!(body.len(), 5, "{body:?}");
        assert!(body.iter().all(|l| !l.chars().all(|c| c.is_ascii_digit())), "{body:?}");
    }

    #[test]
    fn a_details_table_above_the_text_goes_a_table_in_it_stays() {
        let details = "<table><tr><th scope=row>발행일</th><td>2025.01.08</td><th scope=row>분류</th><td>지역 · 재난</td></tr>\
                       <tr><th scope=row>선고</th><td>2025. 1. 8.</td></tr></table>";
        let data =
            "<table><tr><td>마을</td><td>고립 가구</td></tr><tr><td>윗말</td><td>12가구</td></tr></table>";
        let body = body_of(&format!("{details}<p>{P1}</p>{data}<p>{P2}</p>"));
        assert_eq!(body.first().map(String::as_str), Some(P1), "{body:?}");
        assert!(body.iter().any(|l| l.contains("12가구")), "{body:?}");
        assert!(!body.iter().any(|l| l.contains("2025.01.08") || l.contains("2025. 1. 8.")), "{body:?}");
    }

    #[test]
    fn a_gallery_counter_glued_to_its_controls_goes() {
        let photo = "<div><img src=a.jpg><span>1 / 7</span><a href=#>사진 크게 보기</a><span>ⓒ예시일보 나도윤 기자</span></div>";
        assert_eq!(body_of(&format!("{photo}<p>{P1}</p>{photo}<p>{P2}</p>")), [P1, P2]);
        // A fraction in running text stays.
        let quarter = "1/4분기 매출은 지난해보다 12% 늘었다고 회사는 밝혔다.";
        assert_eq!(body_of(&format!("<p>{P1}</p><p>{quarter}</p><p>{P2}</p>")), [P1, quarter, P2]);
    }
}
