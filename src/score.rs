//! Stage 4: gives every block a value — how much it reads like article text.
//!
//! The one idea carried through: a block is worth its text weight, Hangul weighted most and
//! discounted by its link density, minus a fixed cost per block. Running text is long, link-poor
//! and ends in sentences, so it comes out positive; menus, share bars and link lists are short
//! or linked, so they come out negative. Density alone cannot tell a teaser card or an AI
//! summary from the body; structure (the class and tag hints of the block stage) and the
//! lexicon make the difference, and the select stage looks at runs of blocks, not one at a time.

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

/// Per-block facts the later stages use.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Score {
    pub value: f32,
    pub weight: f32,
    pub link_density: f32,
    pub verdict: Option<Verdict>,
    pub sentence: bool,
}

/// The text weight of a block: Hangul syllables count [`HANGUL_WEIGHT`], other letters and digits one.
pub(crate) fn weight(b: &TextBlock) -> f32 {
    b.hangul as f32 * HANGUL_WEIGHT + (b.alnum - b.hangul) as f32
}

/// Each block's value. The lexicon's verdict was given as the blocks were cut; it does not
/// depend on the hints, so a retry without them reuses it.
pub(crate) fn score(blocks: &[TextBlock], use_hints: bool) -> Vec<Score> {
    blocks
        .iter()
        .map(|b| {
            let verdict = b.verdict;
            let weight = weight(b);
            let link_density = if b.alnum == 0 { 0.0 } else { b.link_alnum as f32 / b.alnum as f32 };
            let sentence = b.sentence;
            let value = match verdict {
                Some(Verdict::Drop | Verdict::Box | Verdict::Tail) => -(weight + BLOCK_COST),
                _ => {
                    let unlinked = 1.0 - link_density;
                    let mut v = weight * unlinked * unlinked;
                    if !sentence {
                        v *= NO_SENTENCE_FACTOR;
                    }
                    if use_hints && b.furniture != Furniture::None {
                        v *= FURNITURE_FACTOR;
                    }
                    v - BLOCK_COST
                }
            };
            Score { value, weight, link_density, verdict, sentence }
        })
        .collect()
}
