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
    Scored { scores, hints }
}
