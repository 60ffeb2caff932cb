//! Stage 5: picks the main region — the element whose blocks are the article body.
//!
//! First a seed: the element where running text concentrates, found as in Readability by
//! crediting each positive block to its container in full and to the two elements above it in
//! part. A lone dense teaser can be a seed only if nothing on the page is denser, because the
//! body's container collects the value of all its paragraphs. Then the seed grows upward while
//! the parent adds substantially more body-like value than it costs: a body split into
//! several sections is joined, a sidebar of teasers beside it is not.
//!
//! Reads the page's blocks and element table, and the score stage's [`Scored`] values. Produces a
//! [`Region`] (an element and the range of blocks it encloses), or none when the page holds
//! no article. Changes nothing: no block is removed, rewritten or revalued here; what inside
//! the region is not body is the prune stage's to remove.

use crate::blocks::{NO_PARENT, Page};
use crate::score::Scored;
use std::ops::Range;

/// How much of a block's value its own element, the element above, and the one above that
/// are credited. A paragraph and its container are credited alike, so a container of two
/// paragraphs outweighs either; the container's parent, which often wraps the body with the
/// headline and the byline, gets half; further up the link is too weak to count. Of equals,
/// the deepest element is the seed.
const ANCESTOR_CREDIT: [f32; 3] = [1.0, 1.0, 0.5];

/// Growing the region to the parent must add at least this share of the region's current
/// value: the other half of a body split around an ad adds far more, a teaser or a caption
/// beside the body adds less.
const GROW_MIN_SHARE: f32 = 0.2;

/// A region whose value is mostly a list's items grows on this smaller share: a list is part of
/// a body and seldom a whole one (a church bulletin's numbered notices, a tutorial's steps), and
/// the paragraphs that open and close it are the article's even when they are short beside it.
const GROW_MIN_SHARE_LIST: f32 = 0.1;

/// A wrapper costing less than this (a label, a button: about two blocks' cost) does not stop
/// the walk up from the seed.
const WRAPPER_MAX_COST: f32 = 2.0 * crate::score::BLOCK_COST;

/// A region whose positive value is below this holds no article (a login page, an index of
/// links).
pub(crate) const MIN_REGION_VALUE: f32 = 20.0;

/// The chosen region: an element and its range of blocks.
#[derive(Debug, Clone)]
pub(crate) struct Region {
    pub elem: u32,
    pub blocks: Range<usize>,
}

/// The region of the page's body under these scores, or `None` when no element holds
/// [`MIN_REGION_VALUE`] of running text.
pub(crate) fn select(page: &Page, scored: &Scored) -> Option<Region> {
    let scores = &scored.scores;
    let n_elems = page.elems.len();
    // Prefix sums of block values: the value of any element is one subtraction away.
    let mut prefix = Vec::with_capacity(scores.len() + 1);
    let mut positive = Vec::with_capacity(scores.len() + 1);
    prefix.push(0.0f64);
    positive.push(0.0f64);
    let (mut acc, mut pos) = (0.0f64, 0.0f64);
    for s in scores {
        acc += f64::from(s.value);
        pos += f64::from(s.value.max(0.0));
        prefix.push(acc);
        positive.push(pos);
    }
    let value_of = |e: usize| -> f64 {
        page.elems.get(e).map_or(0.0, |el| {
            let a = prefix.get(el.first_block as usize).copied().unwrap_or(0.0);
            let b = prefix.get(el.end_block as usize).copied().unwrap_or(0.0);
            b - a
        })
    };

    let mut local = vec![0.0f32; n_elems];
    for (b, s) in page.blocks.iter().zip(scores) {
        if s.value <= 0.0 {
            continue;
        }
        let mut e = b.elem;
        for credit in ANCESTOR_CREDIT {
            let Some(slot) = local.get_mut(e as usize) else { break };
            *slot += s.value * credit;
            e = page.elems.get(e as usize).map_or(NO_PARENT, |el| el.parent);
        }
    }
    let seed = local
        .iter()
        .enumerate()
        .filter(|(_, v)| **v > 0.0)
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(i, _)| i)?;

    // Walk up from the seed. A parent that adds enough becomes the region; wrappers that add
    // next to nothing (the five nested divs of a blog editor's component) are passed through
    // without being taken; a parent that costs more than that ends the walk.
    let mut region = seed;
    let mut probe = seed;
    loop {
        let parent = page.elems.get(probe).map_or(NO_PARENT, |el| el.parent);
        if parent == NO_PARENT {
            break;
        }
        let parent = parent as usize;
        let current = value_of(region);
        let share = if mostly_list(page, scores, region) { GROW_MIN_SHARE_LIST } else { GROW_MIN_SHARE };
        if value_of(parent) - current > f64::from(share) * current.max(0.0) {
            region = parent;
        } else if value_of(parent) - value_of(probe) < -f64::from(WRAPPER_MAX_COST) {
            break;
        }
        probe = parent;
    }
    // The region's positive mass decides whether it holds an article: its net value can be
    // negative when short blocks (a stock table's cells, related links) share the body's
    // container, and pruning removes those.
    let positive_of = |e: usize| -> f64 {
        page.elems.get(e).map_or(0.0, |el| {
            let a = positive.get(el.first_block as usize).copied().unwrap_or(0.0);
            let b = positive.get(el.end_block as usize).copied().unwrap_or(0.0);
            b - a
        })
    };
    if positive_of(region) < f64::from(MIN_REGION_VALUE) {
        return None;
    }
    let el = page.elems.get(region)?;
    Some(Region { elem: region as u32, blocks: el.first_block as usize..el.end_block as usize })
}

/// Whether most of the positive value of element `e` is in list items.
fn mostly_list(page: &Page, scores: &[crate::score::Score], e: usize) -> bool {
    let Some(el) = page.elems.get(e) else { return false };
    let range = el.first_block as usize..el.end_block as usize;
    let (mut list, mut all) = (0.0f32, 0.0f32);
    for (b, s) in page.blocks.get(range.clone()).unwrap_or(&[]).iter().zip(scores.get(range).unwrap_or(&[])) {
        let v = s.value.max(0.0);
        all += v;
        if b.kind == crate::BlockKind::ListItem {
            list += v;
        }
    }
    list > 0.5 * all
}

#[cfg(test)]
mod tests {
    /// A bulletin's numbered notices with a greeting above them and a closing line below: the
    /// list holds most of the text, the two paragraphs are the notice's all the same.
    #[test]
    fn a_list_takes_the_paragraphs_around_it() {
        let greeting = "한 주 동안 평안하셨는지요. 이번 주 알림을 아래와 같이 전해 드립니다.";
        let closing = "궁금한 점은 사무실로 문의해 주시기 바랍니다.";
        let item = "이번 주 토요일 오전 열 시부터 마을 회관 앞마당에서 김장 나눔 행사를 엽니다. 앞치마와 고무장갑은 각자 준비해 주시고, 점심은 함께 나눕니다.";
        let items: String = (1..=6).map(|n| format!("<li>{n}. {item}</li>")).collect();
        let html = format!(
            "<html><body><nav><a href=/>홈</a> <a href=/a>소식</a></nav><div><p>{greeting}</p><ul>{items}</ul><p>{closing}</p></div></body></html>"
        );
        let article = crate::extract(html.as_bytes()).ok();
        let body: Vec<String> = article.iter().flat_map(|a| a.paragraphs()).map(str::to_string).collect();
        assert_eq!(body.first().map(String::as_str), Some(greeting), "{body:?}");
        assert_eq!(body.last().map(String::as_str), Some(closing), "{body:?}");
        assert_eq!(body.len(), 8, "{body:?}");
    }
}
