//! The Korean boilerplate lexicon: phrases and class words kept as data in `lexicon.txt`,
//! read once into lookup tables. The prune stage and the class hints of the block stage use it.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The lexicon, parsed on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(include_str!("lexicon.txt")));

/// What a class/id word says of its element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClassWord {
    Content,
    Boilerplate,
    Hidden,
    Caption,
}

/// What the lexicon says of a block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Boilerplate: drop the block.
    Drop,
    /// Heads a box of boilerplate: drop the box.
    Box,
    /// Ends the body: drop this and all after it.
    Tail,
    /// Boilerplate from this byte offset of the text to its end.
    CutAt(usize),
}

#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    line: HashSet<String>,
    boxes: HashSet<String>,
    tail: HashSet<String>,
    starts: Vec<String>,
    /// `starts` phrases that begin with a symbol ("◆ 관련"), matched on the raw text: their
    /// key alone ("관련") would catch ordinary sentences.
    starts_raw: Vec<String>,
    cut: Vec<String>,
    class_words: HashMap<String, ClassWord>,
}

/// A block longer than this many key characters is running text, not a control or a promo
/// line, whatever it starts with. Promo lines ("▶ 관련기사 보기: …") stay under ~60.
const STARTS_MAX_KEY_CHARS: usize = 60;

/// A box heading may carry a short name before its phrase ("한빛일보 주요뉴스", "OO핌 베스트
/// 기사"): up to this many bytes of key (four Hangul syllables).
const BOX_PREFIX_MAX_BYTES: usize = 12;

/// After a `cut`, a block whose remaining text has fewer key characters than this and does not
/// end a sentence is dropped whole: what is left is the notice's own head ("ⓒ중앙일보(https://…),",
/// "홍길동 기자"), not a paragraph the notice was glued to.
const CUT_KEEP_MIN_KEY_CHARS: usize = 40;

impl Lexicon {
    fn parse(data: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for line in data.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((kind, phrase)) = line.split_once(' ') else { continue };
            let phrase = phrase.trim();
            match kind {
                "line" => drop(lex.line.insert(key(phrase))),
                "box" => drop(lex.boxes.insert(key(phrase))),
                "tail" => drop(lex.tail.insert(key(phrase))),
                "starts" if phrase.starts_with(|c: char| !c.is_alphanumeric()) => {
                    lex.starts_raw.push(phrase.to_string())
                }
                "starts" => lex.starts.push(key(phrase)),
                "cut" => lex.cut.push(key(phrase)),
                "class-content" => drop(lex.class_words.insert(phrase.to_string(), ClassWord::Content)),
                "class-boiler" => drop(lex.class_words.insert(phrase.to_string(), ClassWord::Boilerplate)),
                "class-hidden" => drop(lex.class_words.insert(phrase.to_string(), ClassWord::Hidden)),
                "class-caption" => drop(lex.class_words.insert(phrase.to_string(), ClassWord::Caption)),
                _ => {}
            }
        }
        lex
    }

    pub(crate) fn class_word(&self, word: &str) -> Option<ClassWord> {
        self.class_words.get(word).copied()
    }

    /// What the lexicon says of a block's text, if anything.
    pub(crate) fn judge(&self, text: &str) -> Option<Verdict> {
        let (k, offsets) = key_with_offsets(text);
        if k.is_empty() {
            // Only symbols: a separator, a bullet, an arrow. Nothing a reader reads.
            return Some(Verdict::Drop);
        }
        if self.boxes.contains(&k)
            || self.boxes.iter().any(|b| k.len() <= b.len() + BOX_PREFIX_MAX_BYTES && k.ends_with(b.as_str()))
        {
            return Some(Verdict::Box);
        }
        if self.tail.contains(&k) {
            return Some(Verdict::Tail);
        }
        if self.line.contains(&k) {
            return Some(Verdict::Drop);
        }
        let trimmed = text.trim_start();
        if k.chars().count() <= STARTS_MAX_KEY_CHARS
            && (self.starts.iter().any(|s| k.starts_with(s.as_str()))
                || trimmed.starts_with(['▶', '☞', '▷', '►']))
        {
            return Some(Verdict::Drop);
        }
        let cut_at = self.cut.iter().filter_map(|c| k.find(c.as_str())).min()?;
        let kept = k.get(..cut_at).map_or(0, |s| s.chars().count());
        // Map the key offset back to the text, then back off over the symbols before it
        // ("<저작권자 ©", "[ⓒ …]").
        let at = offsets.get(cut_at).copied().unwrap_or(text.len());
        let head = text.get(..at).unwrap_or(text);
        let head = head.trim_end_matches(|c: char| c.is_whitespace() || "<[(〈《【-|/·".contains(c));
        if kept < CUT_KEEP_MIN_KEY_CHARS && !crate::text::ends_sentence(head) {
            return Some(Verdict::Drop);
        }
        Some(Verdict::CutAt(head.len()))
    }
}

/// The matching key of a text: its letters and digits, lower-cased.
pub(crate) fn key(text: &str) -> String {
    key_with_offsets(text).0
}

/// The key, and for each byte of the key the byte offset in `text` of the char it came from.
fn key_with_offsets(text: &str) -> (String, Vec<usize>) {
    let mut k = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            let before = k.len();
            for l in c.to_lowercase() {
                k.push(l);
            }
            offsets.extend(std::iter::repeat_n(i, k.len() - before));
        }
    }
    (k, offsets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_controls_and_copyright() {
        let lex = &*LEXICON;
        assert_eq!(lex.judge("더 크게"), Some(Verdict::Drop));
        assert_eq!(lex.judge("※ 본문 글자 크기 조정"), Some(Verdict::Drop));
        assert_eq!(lex.judge("[관련기사]"), Some(Verdict::Box));
        assert_eq!(lex.judge("<저작권자 © 예시일보, 무단 전재 및 재배포 금지>"), Some(Verdict::Drop));
        let body = "정부가 오늘 새 정책을 발표했다고 밝혔다. <저작권자 © 예시일보 무단전재 및 재배포 금지>";
        match lex.judge(body) {
            Some(Verdict::CutAt(at)) => {
                assert_eq!(body.get(..at), Some("정부가 오늘 새 정책을 발표했다고 밝혔다."))
            }
            other => panic!("expected a cut, got {other:?}"),
        }
        assert_eq!(lex.judge("정부가 오늘 새 정책을 발표했다고 밝혔다."), None);
    }
}
