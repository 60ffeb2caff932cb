//! Stage 7: the kept blocks as the caller gets them — table cells joined into rows, text
//! trimmed — and the Markdown rendering of an article.
//!
//! Reads the page and the prune stage's [`Kept`] blocks, and, in its last step
//! ([`without_title_repeats`]), the title the metadata stage chose. Produces the article's
//! [`Block`]s in the page's order. It may join cells into rows, cut a text where pruning
//! said, trim it, give a block its output kind, and remove the blocks at the top that repeat
//! the title; it never adds text of its own or brings back a block pruning removed.

use crate::blocks::{Page, PageLink};
use crate::prune::Kept;
use crate::{Block, BlockKind, Link};
use std::borrow::Cow;
use std::ops::Range;

/// Separator between the cells of a table row in [`BlockKind::TableRow`] text.
pub(crate) const CELL_SEPARATOR: &str = " | ";

/// One block of the output, before its text is made: its kind and where the text comes from.
#[derive(Debug)]
pub(crate) struct Planned {
    pub kind: BlockKind,
    source: Source,
}

#[derive(Debug)]
enum Source {
    /// Part of one page block's text: `range` of `page.blocks[index].text`.
    Block { index: usize, range: Range<usize> },
    /// The cells of one table row, joined by [`CELL_SEPARATOR`].
    Row(Vec<(usize, Range<usize>)>),
}

/// A kept block's text, trimmed and cut, before rows are joined.
struct Piece {
    index: usize,
    range: Range<usize>,
    kind: BlockKind,
    /// (row, cell) of a table cell's text.
    cell: Option<(u32, u32)>,
}

impl Piece {
    fn source(&self) -> Source {
        Source::Block { index: self.index, range: self.range.clone() }
    }
}

/// Lays out the kept blocks as the article's blocks.
///
/// Cells are blocks of their own while scoring (so a menu cell cannot ride on an article cell);
/// here the cells of one row are joined. A "row" whose cell holds several lines, or a single
/// cell, is a layout table's: its lines are paragraphs. Only ranges are decided here; the
/// metadata stage still reads the page before [`assemble`] takes the texts out of it.
pub(crate) fn plan(page: &Page, kept: &[Kept]) -> Vec<Planned> {
    let mut pieces: Vec<Piece> = Vec::with_capacity(kept.len());
    for k in kept {
        let Some(b) = page.blocks.get(k.index) else { continue };
        // A block's text is trimmed (see `TextBlock::text`); only a cut one needs trimming again.
        let range = match k.cut.filter(|&at| b.text.is_char_boundary(at)) {
            None => 0..b.text.len(),
            Some(end) => {
                let text = b.text.get(..end).unwrap_or_default();
                let trimmed = text.trim_start();
                let start = end - trimmed.len();
                start..start + trimmed.trim_end().len()
            }
        };
        if range.is_empty() {
            continue;
        }
        // A row's cell is the block's element, or its parent when the text sits in a block
        // tag inside the cell (`<td><p>…</p></td>`).
        let cell = (b.kind == BlockKind::TableRow)
            .then(|| {
                let e = page.elems.get(b.elem as usize)?;
                match page.elems.get(e.parent as usize) {
                    Some(c) if c.cell && !e.cell => Some((c.parent, e.parent)),
                    _ => Some((e.parent, b.elem)),
                }
            })
            .flatten();
        pieces.push(Piece { index: k.index, range, kind: b.kind, cell });
    }

    let mut out = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while let Some(piece) = pieces.get(i) {
        let Some((row, _)) = piece.cell else {
            out.push(Planned { kind: piece.kind, source: piece.source() });
            i += 1;
            continue;
        };
        let run: Vec<&Piece> =
            pieces.iter().skip(i).take_while(|p| p.cell.is_some_and(|(r, _)| r == row)).collect();
        let mut cells: Vec<u32> = run.iter().filter_map(|p| p.cell.map(|(_, e)| e)).collect();
        let n = cells.len();
        cells.dedup();
        if n >= 2 && cells.len() == n {
            let parts = run.iter().map(|p| (p.index, p.range.clone())).collect();
            out.push(Planned { kind: BlockKind::TableRow, source: Source::Row(parts) });
        } else {
            out.extend(run.iter().map(|p| Planned { kind: BlockKind::Paragraph, source: p.source() }));
        }
        i += run.len().max(1);
    }
    captions_from_wrappers(page, &mut out);
    out
}

/// When captions hold more than this share of the kept running text, their kind came from a wrapper —
/// a `<figure>` or a "photo"/"caption" class around the whole body — not from photos: a body's
/// captions are a small part of it, and a photo page's explanation is its body.
const CAPTION_MAX_SHARE: f32 = 0.5;

/// Makes the captions paragraphs when they are most of what is kept (see [`CAPTION_MAX_SHARE`]).
fn captions_from_wrappers(page: &Page, plan: &mut [Planned]) {
    let (mut captions, mut total) = (0.0f32, 0.0f32);
    for p in plan.iter() {
        let single;
        let blocks: &[(usize, Range<usize>)] = match &p.source {
            Source::Block { index, range } => {
                single = [(*index, range.clone())];
                &single
            }
            Source::Row(parts) => parts,
        };
        // Captions are weighed against the text that would be a paragraph but for them: a
        // tutorial's lists, listings and headings, which carry their own kinds, can outweigh
        // its prose.
        let prose =
            |b: &&crate::blocks::TextBlock| matches!(b.kind, BlockKind::Paragraph | BlockKind::Caption);
        for b in blocks.iter().filter_map(|(i, _)| page.blocks.get(*i)).filter(prose) {
            let w = crate::score::weight(b);
            total += w;
            if b.caption_marked {
                captions += w;
            }
        }
    }
    if captions > CAPTION_MAX_SHARE * total {
        for p in plan.iter_mut().filter(|p| p.kind == BlockKind::Caption) {
            p.kind = BlockKind::Paragraph;
        }
    }
}

/// Whether the plan reads a caption block as a paragraph, as [`CAPTION_MAX_SHARE`] has it
/// when captions are most of the body: a fallback `explain` names.
pub(crate) fn captions_read_as_text(page: &Page, plan: &[Planned]) -> bool {
    plan.iter().any(|p| match &p.source {
        Source::Block { index, .. } => {
            p.kind == BlockKind::Paragraph
                && page.blocks.get(*index).is_some_and(|b| b.kind == BlockKind::Caption)
        }
        Source::Row(_) => false,
    })
}

/// The text a planned block will have, read from the page.
pub(crate) fn text<'a>(page: &'a Page, planned: &Planned) -> Cow<'a, str> {
    let part = |index: usize, range: &Range<usize>| {
        page.blocks.get(index).and_then(|b| b.text.get(range.clone())).unwrap_or_default()
    };
    match &planned.source {
        Source::Block { index, range } => Cow::Borrowed(part(*index, range)),
        Source::Row(parts) => {
            Cow::Owned(parts.iter().map(|(i, r)| part(*i, r)).collect::<Vec<_>>().join(CELL_SEPARATOR))
        }
    }
}

/// Makes the planned blocks, taking their texts out of the page: a block's text is moved
/// and cut to its range in place, not copied (on a long page the text is megabytes, and every
/// copy is one more allocation to fault in and free).
pub(crate) fn assemble(mut page: Page, plan: Vec<Planned>) -> Vec<Block> {
    plan.into_iter()
        .filter_map(|p| {
            let mut links = Vec::new();
            if !page.links.is_empty() {
                take_links(&mut page.links, &p.source, &mut links);
            }
            let text = match p.source {
                Source::Block { index, range } => {
                    // Each block is planned at most once, so its text is still there to take.
                    let b = page.blocks.get_mut(index)?;
                    let mut text = std::mem::take(&mut b.text);
                    if range.end <= text.len()
                        && text.is_char_boundary(range.start)
                        && text.is_char_boundary(range.end)
                    {
                        text.truncate(range.end);
                        text.drain(..range.start);
                    }
                    text
                }
                Source::Row(parts) => parts
                    .iter()
                    .map(|(i, r)| page.blocks.get(*i).and_then(|b| b.text.get(r.clone())).unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join(CELL_SEPARATOR),
            };
            Some(Block { kind: p.kind, text, links })
        })
        .collect()
}

/// Moves the links of a planned block's source out of the page, as ranges of the block's
/// output text: a link cut by the source's range keeps the part inside it, and a row's cells
/// are placed where the row's text has them.
fn take_links(page_links: &mut [PageLink], source: &Source, out: &mut Vec<Link>) {
    let single;
    let parts: &[(usize, Range<usize>)] = match source {
        Source::Block { index, range } => {
            single = [(*index, range.clone())];
            &single
        }
        Source::Row(parts) => parts,
    };
    let mut offset = 0;
    for (index, range) in parts {
        let from = page_links.partition_point(|l| (l.block as usize) < *index);
        let of_block = page_links.get_mut(from..).unwrap_or_default();
        for l in of_block.iter_mut().take_while(|l| l.block as usize == *index) {
            let (start, end) = (l.range.start.max(range.start), l.range.end.min(range.end));
            if start < end {
                out.push(Link::new(
                    offset + start - range.start..offset + end - range.start,
                    std::mem::take(&mut l.href),
                ));
            }
        }
        offset += range.len() + CELL_SEPARATOR.len();
    }
}

/// The symbols a repeated headline may carry beyond the title's own ("◆ … ◆", an emoji): more
/// than this, and a block is text of its own.
const TITLE_DECORATION_MAX_BYTES: usize = 64;

/// The title is looked for among at least this many blocks at the top of the body: a tagline
/// that ends like a sentence may stand above it, and an issue number.
const TITLE_LEAD_BLOCKS: usize = 3;

/// The output's last step: removes the headline repeated at the top of the body, which is the
/// title (`title`, as the metadata stage chose it), not body text, in a heading tag or not (a
/// newsletter's table cell under its tagline, a press release's title box); the same words as
/// a section heading further down are the body's. Compared by key: a title decorated with a
/// symbol or an emoji ("🥐 …") is the same line. Only removes blocks.
pub(crate) fn without_title_repeats(blocks: Vec<Block>, title: Option<&str>) -> Vec<Block> {
    let Some(title_key) = title.map(crate::lexicon::key).filter(|k| !k.is_empty()) else { return blocks };
    let title_len = title.map_or(0, str::len);
    // The top: the leading headings, or what comes before the first paragraph that ends as a
    // sentence, and never less than a few blocks.
    let headings = blocks.iter().take_while(|b| matches!(b.kind, BlockKind::Heading(_))).count();
    let before_prose = blocks
        .iter()
        .take_while(|b| !(b.kind == BlockKind::Paragraph && crate::text::ends_sentence(&b.text)))
        .count();
    let lead = headings.max(before_prose).max(TITLE_LEAD_BLOCKS);
    blocks
        .into_iter()
        .enumerate()
        .filter(|(i, b)| {
            // A block far longer than the title cannot have its key: its key is not built (on a
            // table page the top runs to every block).
            let repeats_title = || {
                b.text.len() <= 2 * title_len + TITLE_DECORATION_MAX_BYTES
                    && crate::lexicon::key(&b.text) == title_key
            };
            !(*i < lead && repeats_title())
        })
        .map(|(_, b)| b)
        .collect()
}

/// Renders blocks as Markdown: headings, list items, quotes, tables and fenced code keep
/// their structure; captions are left out (they are not running text); text is not
/// emphasised, and characters that would start Markdown syntax at a line's start are escaped.
pub(crate) fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev: Option<BlockKind> = None;
    for b in blocks.iter().filter(|b| b.kind != BlockKind::Caption) {
        let text = with_links(b);
        let same_run = prev == Some(b.kind)
            && matches!(b.kind, BlockKind::ListItem | BlockKind::TableRow | BlockKind::Code);
        if prev == Some(BlockKind::Code) && b.kind != BlockKind::Code {
            out.push_str("```\n");
        }
        if !out.is_empty() && !same_run {
            out.push('\n');
        }
        match b.kind {
            BlockKind::Heading(n) => {
                out.push_str(&"#".repeat(usize::from(n.clamp(1, 6))));
                out.push(' ');
                out.push_str(&text);
            }
            BlockKind::ListItem => {
                out.push_str("- ");
                out.push_str(&escape(&text));
            }
            BlockKind::Quote => {
                out.push_str("> ");
                out.push_str(&escape(&text));
            }
            BlockKind::TableRow => {
                let cells: Vec<String> = text.split(CELL_SEPARATOR).map(|c| c.replace('|', "\\|")).collect();
                out.push_str(&format!("| {} |", cells.join(" | ")));
                if !same_run {
                    out.push_str(&format!("\n|{}", " --- |".repeat(cells.len())));
                }
            }
            BlockKind::Code => {
                if !same_run {
                    out.push_str("```\n");
                }
                out.push_str(&b.text);
            }
            _ => out.push_str(&escape(&text)),
        }
        out.push('\n');
        prev = Some(b.kind);
    }
    if prev == Some(BlockKind::Code) {
        out.push_str("```\n");
    }
    out
}

/// A block's text with its links written as Markdown links, `[text](href)`: brackets in the
/// link's text are escaped, and the characters that would end the destination or split a table
/// row (space, parentheses, angle brackets, `|`) are percent-encoded. Code keeps its text as
/// it is: a link inside a listing is not Markdown's.
fn with_links(b: &Block) -> Cow<'_, str> {
    if b.links.is_empty() || b.kind == BlockKind::Code {
        return Cow::Borrowed(&b.text);
    }
    let mut out =
        String::with_capacity(b.text.len() + b.links.iter().map(|l| l.href.len() + 4).sum::<usize>());
    let mut at = 0;
    for link in &b.links {
        let (Some(before), Some(text)) = (b.text.get(at..link.range.start), b.link_text(link)) else {
            continue;
        };
        out.push_str(before);
        out.push('[');
        for c in text.chars() {
            if matches!(c, '[' | ']' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push_str("](");
        for c in link.href.chars() {
            match c {
                ' ' => out.push_str("%20"),
                '(' => out.push_str("%28"),
                ')' => out.push_str("%29"),
                '<' => out.push_str("%3C"),
                '>' => out.push_str("%3E"),
                '|' => out.push_str("%7C"),
                c if c.is_control() => {}
                c => out.push(c),
            }
        }
        out.push(')');
        at = link.range.end;
    }
    out.push_str(b.text.get(at..).unwrap_or_default());
    Cow::Owned(out)
}

/// Escapes what would turn plain text into Markdown syntax at the start of a line.
fn escape(text: &str) -> String {
    let needs = text.starts_with(['#', '>', '-', '+', '*', '=', '|'])
        || text.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if needs { format!("\\{text}") } else { text.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::{Elem, Furniture, TextBlock};

    #[test]
    fn planned_text_is_the_assembled_text() {
        let block = |text: &str, kind: BlockKind, elem: u32| TextBlock {
            text: text.to_string(),
            verdict: None,
            sentence: false,
            elem,
            kind,
            caption_marked: kind == BlockKind::Caption,
            hangul: 0,
            alnum: 1,
            link_alnum: 0,
            furniture: Furniture::None,
            layout_tag: crate::blocks::NO_PARENT,
        };
        let elem =
            |parent: u32| Elem { parent, node: 0, first_block: 0, end_block: 0, cell: false, field: false };
        let page = Page {
            blocks: vec![
                // Texts as `cut` makes them: trimmed, never empty.
                block("첫 문단입니다.", BlockKind::Paragraph, 0),
                block("본문입니다. <저작권자 © 예시>", BlockKind::Paragraph, 0),
                block("구분", BlockKind::TableRow, 2),
                block("값", BlockKind::TableRow, 3),
                block("<저작권자 © 예시>", BlockKind::Paragraph, 0),
                block("한 칸뿐인 줄", BlockKind::TableRow, 4),
            ],
            // 0: body, 1: a row with two cells (2, 3), 4: a one-cell layout row's cell.
            elems: vec![elem(crate::blocks::NO_PARENT), elem(0), elem(1), elem(1), elem(5), elem(0)],
            // A link the cut keeps, one it leaves out, and one in a row's second cell.
            links: [(1, 0..6, "/a"), (1, 20..26, "/cut"), (3, 0..3, "/cell")]
                .into_iter()
                .map(|(block, range, href)| PageLink { block, range, href: href.to_string() })
                .collect(),
        };
        let cut = "본문입니다. ".len();
        // Block 4 cut at its start leaves nothing: it is not laid out.
        let kept: Vec<Kept> = (0..6)
            .map(|index| Kept { index, cut: [(1, cut), (4, 0)].iter().find(|c| c.0 == index).map(|c| c.1) })
            .collect();
        let plan = plan(&page, &kept);
        let planned: Vec<(BlockKind, String)> =
            plan.iter().map(|p| (p.kind, text(&page, p).into_owned())).collect();
        let blocks = assemble(page, plan);
        let links: Vec<(usize, &str, &str)> = blocks
            .iter()
            .enumerate()
            .flat_map(|(i, b)| {
                b.links.iter().map(move |l| (i, b.link_text(l).unwrap_or("?"), l.href.as_str()))
            })
            .collect();
        assert_eq!(links, [(1, "본문", "/a"), (2, "값", "/cell")]);
        let made: Vec<(BlockKind, String)> = blocks.into_iter().map(|b| (b.kind, b.text)).collect();
        assert_eq!(made, planned);
        assert_eq!(
            made,
            [
                (BlockKind::Paragraph, "첫 문단입니다.".to_string()),
                (BlockKind::Paragraph, "본문입니다.".to_string()),
                (BlockKind::TableRow, "구분 | 값".to_string()),
                (BlockKind::Paragraph, "한 칸뿐인 줄".to_string()),
            ]
        );
    }

    fn b(kind: BlockKind, text: &str) -> Block {
        Block::new(kind, text)
    }

    #[test]
    fn the_title_goes_from_the_top_only() {
        let body = || {
            vec![
                b(BlockKind::Paragraph, "주간 소식지 제 12호"),
                b(BlockKind::Heading(1), "🥐 오늘의 뉴스"),
                b(BlockKind::Paragraph, "첫 문장입니다."),
                b(BlockKind::Paragraph, "둘째 문장입니다."),
                b(BlockKind::Heading(2), "오늘의 뉴스"),
            ]
        };
        let texts = |blocks: Vec<Block>| blocks.into_iter().map(|b| b.text).collect::<Vec<_>>();
        // The decorated headline above the prose goes; the same words as a section heading
        // further down are the body's.
        assert_eq!(
            texts(without_title_repeats(body(), Some("오늘의 뉴스"))),
            ["주간 소식지 제 12호", "첫 문장입니다.", "둘째 문장입니다.", "오늘의 뉴스"]
        );
        // No title, or one with nothing to compare by, removes nothing.
        assert_eq!(texts(without_title_repeats(body(), None)), texts(body()));
        assert_eq!(texts(without_title_repeats(body(), Some("🥐"))), texts(body()));
    }

    #[test]
    fn markdown_writes_links_and_escapes_what_would_break_them() {
        let mut p = b(BlockKind::Paragraph, "# [공지] 안내문을 보세요.");
        // "# [공지]" is a link at the line's start; "안내문" leads to a target with a space and a
        // parenthesis.
        p.links = vec![Link::new(0..10, "/notice"), Link::new(11..20, "/a b(1)")];
        let mut row = b(BlockKind::TableRow, "자료 | 링크");
        row.links = vec![Link::new(9..15, "/x|y")];
        let mut code = b(BlockKind::Code, "curl example.com");
        code.links = vec![Link::new(5..16, "https://example.com")];
        assert_eq!(
            markdown(&[p, row, code]),
            "[# \\[공지\\]](/notice) [안내문](/a%20b%281%29)을 보세요.\n\n| 자료 | [링크](/x%7Cy) |\n| --- | --- |\n\n```\ncurl example.com\n```\n"
        );
    }

    #[test]
    fn markdown_keeps_structure() {
        let md = markdown(&[
            b(BlockKind::Paragraph, "첫 문단."),
            b(BlockKind::Heading(3), "소제목"),
            b(BlockKind::ListItem, "하나"),
            b(BlockKind::ListItem, "둘"),
            b(BlockKind::TableRow, "구분 | 값"),
            b(BlockKind::TableRow, "CPU | 8코어"),
            b(BlockKind::Caption, "사진 설명"),
            b(BlockKind::Code, "let x = 1;"),
            b(BlockKind::Paragraph, "# 해시로 시작하는 문단"),
        ]);
        assert_eq!(
            md,
            "첫 문단.\n\n### 소제목\n\n- 하나\n- 둘\n\n| 구분 | 값 |\n| --- | --- |\n| CPU | 8코어 |\n\n```\nlet x = 1;\n```\n\n\\# 해시로 시작하는 문단\n"
        );
    }
}
