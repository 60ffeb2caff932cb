//! The language of the extracted body, read from its letters: pages declare `<html lang>` from
//! a template (`en` on many Korean sites), so the declaration is kept beside it, not trusted.

use crate::Block;

/// When Hangul syllables and jamo are at least this share of the body's letters, the body is
/// Korean. Korean articles mix in Latin acronyms and names (IT news: "NPU", "TOPS", "CES"),
/// each letter of which counts as one, so even dense tech pages stay well above a half; an
/// English article quoting a Korean name or two stays under a few per cent.
const MIN_HANGUL_SHARE: f32 = 0.3;

/// Letters read before judging: a few paragraphs tell as much as the whole body, and a
/// megabyte body is not read twice for it.
const SAMPLE_LETTERS: usize = 4000;

/// `"ko"` for a body mostly in Hangul, `"und"` (BCP 47: undetermined) for one in other
/// letters, `None` for a body with no letters at all.
pub(crate) fn of_text(blocks: &[Block]) -> Option<String> {
    let (mut letters, mut hangul) = (0usize, 0usize);
    'blocks: for b in blocks {
        for c in b.text.chars() {
            // Hangul first: `is_alphabetic` on a syllable takes the slow table lookup, and most
            // letters of a Korean body are syllables.
            let h = is_hangul(c);
            if !(h || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())) {
                continue;
            }
            letters += 1;
            hangul += usize::from(h);
            // Stop once the sample's verdict is settled: with this many syllables (or this many
            // other letters) the share cannot cross the threshold before the sample is full, so
            // a Korean body is judged after a third of it, with the answer unchanged.
            let settled = hangul as f32 >= MIN_HANGUL_SHARE * SAMPLE_LETTERS as f32
                || (letters - hangul) as f32 > (1.0 - MIN_HANGUL_SHARE) * SAMPLE_LETTERS as f32;
            if letters >= SAMPLE_LETTERS || settled {
                break 'blocks;
            }
        }
    }
    if letters == 0 {
        return None;
    }
    let korean = hangul as f32 >= MIN_HANGUL_SHARE * letters as f32;
    Some(if korean { "ko" } else { "und" }.to_string())
}

/// Hangul syllables and jamo (compatibility jamo too: ㅋㅋ, ㅠㅠ in blog text).
fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

#[cfg(test)]
mod tests {
    use super::of_text;
    use crate::{Block, BlockKind};

    fn blocks(texts: &[&str]) -> Vec<Block> {
        texts.iter().map(|t| Block::new(BlockKind::Paragraph, *t)).collect()
    }

    #[test]
    fn hangul_share_decides() {
        assert_eq!(of_text(&blocks(&["CES 2025에서 NPU 성능 경쟁이 본격화했다."])).as_deref(), Some("ko"));
        assert_eq!(
            of_text(&blocks(&["The minister, Hong Gil-dong (홍길동), announced the plan today."])).as_deref(),
            Some("und")
        );
        assert_eq!(of_text(&blocks(&["2024.03.11 | 12:00"])), None);
        assert_eq!(of_text(&[]), None);
    }
}
