//! The Korean boilerplate lexicon: phrases and class words kept as data in `lexicon.txt`,
//! read once into lookup tables. The prune stage and the class hints of the block stage use it.

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
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
    /// All `cut` phrases without a copyright sign, as one multi-pattern search over keys.
    cut_key: Option<AhoCorasick>,
    /// `cut` phrases with a copyright sign ("Copyright ©", "ⓒ 연합뉴스"), searched in the raw
    /// text, spaces optional: the sign is what makes them notices ("연합뉴스" alone is a
    /// dateline).
    cut_raw: Option<Regex>,
    /// The longest key of `line`, `box` and `tail`: longer blocks need no set lookups.
    max_exact_key: usize,
    class_words: HashMap<String, ClassWord>,
}

/// A block longer than this many key characters is running text, not a control or a promo
/// line, whatever it starts with. Promo lines ("▶ 관련기사 보기: …") stay under ~60.
const STARTS_MAX_KEY_CHARS: usize = 60;

/// A box heading may carry a short name before its phrase ("한빛일보 주요뉴스", "OO핌 베스트
/// 기사", "문서진 교수의 다른 칼럼"): up to this many bytes of key (six Hangul syllables).
const BOX_PREFIX_MAX_BYTES: usize = 18;

/// Only phrases of at least this many characters match after a name: "3. 일정 요약" is a
/// notice's own section, not a "요약" box.
const BOX_PREFIX_MIN_PHRASE_CHARS: usize = 4;

/// After a `cut`, a block whose remaining text has fewer key characters than this and does not
/// end a sentence is dropped whole: what is left is the notice's own head ("ⓒ중앙일보(https://…),",
/// "홍길동 기자"), not a paragraph the notice was glued to.
const CUT_KEEP_MIN_KEY_CHARS: usize = 40;

impl Lexicon {
    fn parse(data: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        let mut cut_key = Vec::new();
        let mut cut_raw = Vec::new();
        for line in data.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((kind, phrase)) = line.split_once(' ') else { continue };
            let phrase = phrase.trim();
            // Only a copyright sign makes a phrase need its symbol; other punctuation ("·", ",")
            // is spacing, which the key ignores.
            let has_symbol = phrase.contains(['©', 'ⓒ']) || phrase.to_ascii_lowercase().contains("(c)");
            match kind {
                "line" => drop(lex.line.insert(key(phrase))),
                "box" => drop(lex.boxes.insert(key(phrase))),
                "tail" => drop(lex.tail.insert(key(phrase))),
                "starts" if phrase.starts_with(|c: char| !c.is_alphanumeric()) => {
                    lex.starts_raw.push(phrase.to_string())
                }
                "starts" => lex.starts.push(key(phrase)),
                "cut" if has_symbol => cut_raw
                    .push(phrase.split_whitespace().map(regex::escape).collect::<Vec<_>>().join(r"\s*")),
                "cut" => cut_key.push(key(phrase)),
                "class-content" => drop(lex.class_words.insert(phrase.to_string(), ClassWord::Content)),
                "class-boiler" => drop(lex.class_words.insert(phrase.to_string(), ClassWord::Boilerplate)),
                "class-hidden" => drop(lex.class_words.insert(phrase.to_string(), ClassWord::Hidden)),
                "class-caption" => drop(lex.class_words.insert(phrase.to_string(), ClassWord::Caption)),
                _ => {}
            }
        }
        // The phrases are data of this crate, escaped: the patterns always compile, and the
        // lexicon's own test checks that they do.
        lex.cut_key = AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(&cut_key).ok();
        lex.cut_raw = Regex::new(&format!("(?i){}", cut_raw.join("|"))).ok();
        lex.max_exact_key =
            lex.line.iter().chain(&lex.boxes).chain(&lex.tail).map(String::len).max().unwrap_or(0)
                + BOX_PREFIX_MAX_BYTES;
        lex
    }

    pub(crate) fn class_word(&self, word: &str) -> Option<ClassWord> {
        self.class_words.get(word).copied()
    }

    /// What the lexicon says of a block, given its text and its key (see [`key`]).
    pub(crate) fn judge(&self, text: &str, k: &str) -> Option<Verdict> {
        if k.is_empty() {
            // Only symbols: a separator, a bullet, an arrow. Nothing a reader reads.
            return Some(Verdict::Drop);
        }
        if k.len() <= self.max_exact_key {
            // The key itself, or the key after a short name: each char boundary within the
            // name's length is one set lookup.
            let after_name = k
                .char_indices()
                .map(|(i, _)| i)
                .skip(1)
                .take_while(|&i| i <= BOX_PREFIX_MAX_BYTES)
                .filter_map(|i| k.get(i..))
                .any(|rest| {
                    rest.chars().nth(BOX_PREFIX_MIN_PHRASE_CHARS - 1).is_some() && self.boxes.contains(rest)
                });
            if self.boxes.contains(k) || after_name {
                return Some(Verdict::Box);
            }
            if self.tail.contains(k) {
                return Some(Verdict::Tail);
            }
            if self.line.contains(k) {
                return Some(Verdict::Drop);
            }
        }
        // Byte length first: a Hangul key of 60 letters is 180 bytes.
        let short = k.len() <= STARTS_MAX_KEY_CHARS
            || (k.len() <= STARTS_MAX_KEY_CHARS * 3 && k.chars().count() <= STARTS_MAX_KEY_CHARS);
        if short {
            let trimmed = text.trim_start();
            if self.starts.iter().any(|s| k.starts_with(s.as_str()))
                || self.starts_raw.iter().any(|s| trimmed.starts_with(s.as_str()))
            {
                return Some(Verdict::Drop);
            }
        }
        // The earliest notice in the text, found by key or by raw text.
        let by_key = self.cut_key.as_ref().and_then(|ac| ac.find(k)).map(|m| text_offset(text, m.start()));
        // Most blocks carry no copyright sign; they skip the regex.
        let signed = text.contains(['©', 'ⓒ']) || text.contains("(c)") || text.contains("(C)");
        let by_raw =
            signed.then(|| self.cut_raw.as_ref().and_then(|r| r.find(text))).flatten().map(|m| m.start());
        let at = match (by_key, by_raw) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        let head = text.get(..at).unwrap_or(text);
        // Back off over the symbols that open the notice ("<저작권자 ©", "[ⓒ …]").
        let head = head.trim_end_matches(|c: char| c.is_whitespace() || "<[(〈《【-|/·ⓒ©".contains(c));
        if key(head).chars().count() < CUT_KEEP_MIN_KEY_CHARS && !crate::text::ends_sentence(head) {
            return Some(Verdict::Drop);
        }
        Some(Verdict::CutAt(head.len()))
    }
}

/// The matching key of a text: its letters and digits, lower-cased. (The block stage builds
/// the same key while it reads the text.)
pub(crate) fn key(text: &str) -> String {
    let mut k = String::with_capacity(text.len());
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        k.extend(c.to_lowercase());
    }
    k
}

/// The byte offset in `text` of the character that produced byte `key_at` of its key.
fn text_offset(text: &str, key_at: usize) -> usize {
    let mut seen = 0;
    for (i, c) in text.char_indices().filter(|(_, c)| c.is_alphanumeric()) {
        if seen >= key_at {
            return i;
        }
        seen += c.to_lowercase().map(char::len_utf8).sum::<usize>();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_controls_and_copyright() {
        let lex = &*LEXICON;
        assert!(lex.cut_key.is_some() && lex.cut_raw.is_some(), "cut phrases compile");
        let j = |t: &str| lex.judge(t, &key(t));
        assert_eq!(j("더 크게"), Some(Verdict::Drop));
        assert_eq!(j("※ 본문 글자 크기 조정"), Some(Verdict::Drop));
        assert_eq!(j("[관련기사]"), Some(Verdict::Box));
        assert_eq!(j("<저작권자 © 예시일보, 무단 전재 및 재배포 금지>"), Some(Verdict::Drop));
        let body = "정부가 오늘 새 정책을 발표했다고 밝혔다. <저작권자 © 예시일보 무단전재 및 재배포 금지>";
        match j(body) {
            Some(Verdict::CutAt(at)) => {
                assert_eq!(body.get(..at), Some("정부가 오늘 새 정책을 발표했다고 밝혔다."))
            }
            other => panic!("expected a cut, got {other:?}"),
        }
        assert_eq!(j("정부가 오늘 새 정책을 발표했다고 밝혔다."), None);
        // A symbol makes the notice: the agency's name in a dateline is not one.
        assert_eq!(j("(서울=연합뉴스) 홍길동 기자 = 정부가 오늘 새 정책을 발표했다고 밝혔다."), None);
        assert_eq!(j("The copyright of the photo belongs to the museum, the curator said."), None);
        assert_eq!(j("Copyright © 2024 예시경제. All rights reserved."), Some(Verdict::Drop));
    }
}
