//! Stage 4: gives every block a value — how much it reads like article text.
//!
//! The one idea carried through: a block is worth its text weight, Hangul weighted most and
//! discounted by its link density, minus a fixed cost per block. Running text is long, link-poor
//! and ends in sentences, so it comes out positive; menus, share bars and link lists are short
//! or linked, so they come out negative. Density alone cannot tell a teaser card or an AI
//! summary from the body; structure (the class and tag hints of the block stage) and the
//! lexicon make the difference, and the select stage looks at runs of blocks, not one at a time.
//!
//! Reads the blocks of the [`Page`](crate::blocks::Page) (their counts, furniture marks and
//! the lexicon's verdict, all made as they were cut) and whether to heed class hints.
//! Produces [`Scored`]: one [`Score`] a block, in the blocks' order, with the hint choice
//! that made them, which select and prune read, so the two stages cannot disagree on it.
//! Changes nothing: the page is read, not written, and a score holds only what is computed
//! here; what the block stage decided (verdict, sentence end) stays on the block.

use crate::blocks::{Furniture, TextBlock};
use crate::lexicon::Verdict;

/// A Hangul syllable carries about as much text as two Latin letters (a Korean word is two to
/// three syllables, an English one five or six letters), so Korean and Western pages score on
/// one scale with Korean text weighing most.
pub(crate) const HANGUL_WEIGHT: f32 = 2.0;

/// What every block costs. A block must carry more text than a menu item or a button label
/// (a few syllables) to count for its region; six syllables of unlinked text break even.
pub(crate) const BLOCK_COST: f32 = 12.0;

/// Text that does not end in a sentence (labels, headlines of teasers, captions) counts this
/// much of its weight: it may be a subheading, but it is not the body's running text.
pub(crate) const NO_SENTENCE_FACTOR: f32 = 0.5;

/// Text under a furniture class or tag (comment, related, share, nav, aside …) counts this much:
/// class names are strong but not certain evidence, so a body inside a mislabelled wrapper can
/// still win on its mass.
pub(crate) const FURNITURE_FACTOR: f32 = 0.15;

/// A verse or an address is text broken by `<br>` into short lines: at least this many lines
/// of one element, none linked and none the lexicon judged, are one run of text, and pay one
/// block's cost between them rather than one each. A stanza of four lines of eight syllables
/// is worth a paragraph; line by line, each short line costs what a menu item does.
pub(crate) const LINE_RUN_MIN_LINES: usize = 4;

/// A line of such a run is short: a verse line is up to about twenty syllables. Longer lines
/// are paragraphs split by `<br>`, which pay their own cost as paragraphs do.
const LINE_RUN_MAX_WEIGHT: f32 = 48.0;

/// What scoring computes of a block, for the later stages; the block's own facts (its lexicon
/// verdict, whether it ends as a sentence) they read from the block itself.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Score {
    pub value: f32,
    pub weight: f32,
    pub link_density: f32,
}

/// Whether the class and tag hints of the block stage count: they are heeded first, and
/// ignored in the retry on text alone when they misled (see `pipeline::body`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hints {
    /// Text under furniture counts [`FURNITURE_FACTOR`] of its value, and pruning removes it
    /// but for the running text it keeps (see `prune::prune`).
    Heeded,
    /// Every block is valued and pruned on its text alone.
    Ignored,
}

/// The score stage's output: a score for each block of the page, in order, and the hint
/// choice they were made with, which pruning follows too.
#[derive(Debug, Clone)]
pub(crate) struct Scored {
    pub scores: Vec<Score>,
    pub hints: Hints,
}

/// The text weight of a block: Hangul syllables count [`HANGUL_WEIGHT`], other letters and digits one.
pub(crate) fn weight(b: &TextBlock) -> f32 {
    b.hangul as f32 * HANGUL_WEIGHT + (b.alnum - b.hangul) as f32
}

/// Each block's value. The lexicon's verdict was given as the blocks were cut; it does not
/// depend on the hints, so a retry without them reuses it.
pub(crate) fn score(blocks: &[TextBlock], hints: Hints) -> Scored {
    let scores = blocks
        .iter()
        .map(|b| {
            let weight = weight(b);
            let link_density = if b.alnum == 0 { 0.0 } else { b.link_alnum as f32 / b.alnum as f32 };
            let value = match b.verdict {
                // A box's label glued to the linked headline of its first teaser ("광고" before
                // an ad's link) weighs as the label: the link's text is no body already, and at
                // its full weight one ad between paragraphs would split the body's region.
                Some(Verdict::Box) if link_density > 0.0 && link_density < 1.0 => {
                    -(weight * (1.0 - link_density) + BLOCK_COST)
                }
                Some(Verdict::Drop | Verdict::Box | Verdict::Tail) => -(weight + BLOCK_COST),
                _ => {
                    let unlinked = 1.0 - link_density;
                    let mut v = weight * unlinked * unlinked;
                    if !b.sentence {
                        v *= NO_SENTENCE_FACTOR;
                    }
                    if hints == Hints::Heeded && b.furniture != Furniture::None {
                        v *= FURNITURE_FACTOR;
                    }
                    v - BLOCK_COST
                }
            };
            Score { value, weight, link_density }
        })
        .collect();
    let mut scored = Scored { scores, hints };
    share_line_runs(blocks, &mut scored.scores);
    scored
}

/// Revalues each run of short lines of one element (see [`LINE_RUN_MIN_LINES`]): the run
/// pays [`BLOCK_COST`] once, and its value is shared among its lines by what each carries.
fn share_line_runs(blocks: &[TextBlock], scores: &mut [Score]) {
    let line = |i: usize| {
        blocks.get(i).filter(|b| {
            // Any kind: a stanza stays a stanza when a site sets it in `<h4>`, `<li>` or a cell.
            b.verdict.is_none() && b.link_alnum == 0 && weight(b) <= LINE_RUN_MAX_WEIGHT
        })
    };
    let mut i = 0;
    while i < blocks.len() {
        let Some(first) = line(i) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while line(end).is_some_and(|b| b.elem == first.elem) {
            end += 1;
        }
        if end - i >= LINE_RUN_MIN_LINES
            && let Some(run) = scores.get_mut(i..end)
        {
            // What each line is worth before its cost.
            let gross: Vec<f32> = run.iter().map(|s| s.value + BLOCK_COST).collect();
            let total: f32 = gross.iter().sum();
            if total > 0.0 {
                let value = total - BLOCK_COST;
                for (s, g) in run.iter_mut().zip(&gross) {
                    s.value = value * g / total;
                }
            }
        }
        i = end;
    }
}

#[cfg(test)]
mod tests {
    /// A poem's stanzas are `<br>`-split short lines; the poet's note below it is prose.
    const POEM: &str = "<html><body><div class=nav><a href=/>홈</a> <a href=/w>웹진</a></div>\
        <div class=work><h3>겨울 정류장</h3>\
        <p>막차가 떠난 자리에<br>입김 하나가 남아 있고<br>누군가 서 있던 모양대로<br>눈이 조금 덜 쌓였다</p>\
        <p>노선표의 마지막 글자는<br>오래전에 지워졌고<br>지워진 곳에서부터<br>마을이 시작된다고 믿었다</p>\
        <p>버스는 오지 않고<br>눈은 오고<br>기다림만이<br>제시간에 도착한다</p></div>\
        <div class=note><h4>시작 노트</h4><p>지난겨울 고향 마을에 내려갔다가 막차를 놓쳤다. 정류장에 한참 서 있는 동안 \
        눈이 그치지 않았고, 그 자리에서 이 시의 첫 줄을 적었다. 기다림이 무엇인지 오래 생각했다.</p>\
        <p>시를 고치는 동안 여러 번 정류장에 다시 가 보았다. 노선은 바뀌었고 표지판도 새것이 되었지만 \
        눈이 덜 쌓인 자리는 그대로였다. 그 자리를 남겨 두고 싶었다.</p></div></body></html>";

    #[test]
    fn a_poem_in_short_lines_is_text() {
        let text = crate::extract(POEM.as_bytes()).map(|a| a.text()).unwrap_or_default();
        assert!(text.contains("막차가 떠난 자리에") && text.contains("제시간에 도착한다"), "{text}");
        assert!(text.contains("지난겨울 고향 마을에"), "{text}");
    }

    #[test]
    fn short_lines_share_one_cost_only_within_one_element() {
        let lines = |html: &str| {
            let doc = crate::dom::parse(html, 10_000, 100).ok()?;
            let page = crate::blocks::cut(&doc, &crate::lexicon::BUILTIN, false);
            Some(super::score(&page.blocks, super::Hints::Heeded).scores.iter().map(|s| s.value).sum::<f32>())
        };
        let stanza = "<p>막차가 떠난 자리에<br>입김 하나가 남아 있고<br>누군가 서 있던 모양대로<br>눈이 조금 덜 쌓였다</p>";
        let apart = "<p>막차가 떠난 자리에</p><p>입김 하나가 남아 있고</p><p>누군가 서 있던 모양대로</p><p>눈이 조금 덜 쌓였다</p>";
        let (one, four) = (lines(stanza).unwrap_or(0.0), lines(apart).unwrap_or(0.0));
        assert!(one > 0.0, "{one}");
        assert!((one - four - 3.0 * super::BLOCK_COST).abs() < 0.01, "{one} {four}");
    }
}
