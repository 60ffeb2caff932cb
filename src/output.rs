//! Stage 7: the kept blocks as the caller gets them — table cells joined into rows, text
//! trimmed — and the Markdown rendering of an article.

use crate::blocks::Page;
use crate::prune::Kept;
use crate::{Block, BlockKind};

/// Separator between the cells of a table row in [`BlockKind::TableRow`] text.
pub(crate) const CELL_SEPARATOR: &str = " | ";

/// Turns the kept blocks into the article's blocks.
///
/// Cells are blocks of their own while scoring (so a menu cell cannot ride on an article cell);
/// here the cells of one row are joined. A "row" whose cell holds several lines, or a single
/// cell, is a layout table's: its lines are paragraphs.
pub(crate) fn assemble(page: &Page, kept: &[Kept]) -> Vec<Block> {
    let mut pieces: Vec<(Block, Option<(u32, u32)>)> = Vec::with_capacity(kept.len());
    for k in kept {
        let Some(b) = page.blocks.get(k.index) else { continue };
        let text = match k.cut {
            Some(at) => b.text.get(..at).unwrap_or(&b.text),
            None => &b.text,
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        // (row, cell) of a table cell's text.
        let cell = (b.kind == BlockKind::TableRow)
            .then(|| page.elems.get(b.elem as usize).map(|e| (e.parent, b.elem)))
            .flatten();
        pieces.push((Block { kind: b.kind, text: text.to_string() }, cell));
    }

    let mut out = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while let Some((block, cell)) = pieces.get_mut(i) {
        let Some((row, _)) = *cell else {
            // Moved, not copied: on a long page the text is megabytes.
            out.push(Block { kind: block.kind, text: std::mem::take(&mut block.text) });
            i += 1;
            continue;
        };
        let run: Vec<&(Block, Option<(u32, u32)>)> =
            pieces.iter().skip(i).take_while(|(_, c)| c.is_some_and(|(r, _)| r == row)).collect();
        let mut cells: Vec<u32> = run.iter().filter_map(|(_, c)| c.map(|(_, e)| e)).collect();
        let n = cells.len();
        cells.dedup();
        if n >= 2 && cells.len() == n {
            let text = run.iter().map(|(b, _)| b.text.as_str()).collect::<Vec<_>>().join(CELL_SEPARATOR);
            out.push(Block { kind: BlockKind::TableRow, text });
        } else {
            out.extend(run.iter().map(|(b, _)| Block { kind: BlockKind::Paragraph, text: b.text.clone() }));
        }
        i += run.len().max(1);
    }
    out
}

/// Renders blocks as Markdown: headings, list items, quotes, tables and fenced code keep
/// their structure; captions are left out (they are not running text); text is not
/// emphasised, and characters that would start Markdown syntax at a line's start are escaped.
pub(crate) fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev: Option<BlockKind> = None;
    for b in blocks.iter().filter(|b| b.kind != BlockKind::Caption) {
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
                out.push_str(&b.text);
            }
            BlockKind::ListItem => {
                out.push_str("- ");
                out.push_str(&escape(&b.text));
            }
            BlockKind::Quote => {
                out.push_str("> ");
                out.push_str(&escape(&b.text));
            }
            BlockKind::TableRow => {
                let cells: Vec<String> =
                    b.text.split(CELL_SEPARATOR).map(|c| c.replace('|', "\\|")).collect();
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
            _ => out.push_str(&escape(&b.text)),
        }
        out.push('\n');
        prev = Some(b.kind);
    }
    if prev == Some(BlockKind::Code) {
        out.push_str("```\n");
    }
    out
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

    fn b(kind: BlockKind, text: &str) -> Block {
        Block { kind, text: text.to_string() }
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
