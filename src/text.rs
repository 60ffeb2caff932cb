//! Character classes the scoring is built on: Hangul syllables, letters of any script, and the
//! endings that mark a finished Korean or Western sentence.

/// A precomposed Hangul syllable (가–힣), the unit Korean running text is made of. The stages
/// tell one from its UTF-8 bytes (`blocks::hangul_at`); this is the definition their tests
/// check that against.
#[cfg(test)]
pub(crate) fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Whether a block of text reads as a finished sentence: Korean declaratives end in 다/요/죠
/// (often with a closing quote or bracket), Western text in . ! ? and their full-width forms.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let mut tail = text
        .trim_end()
        .chars()
        .rev()
        .skip_while(|c| matches!(c, '"' | '\'' | '”' | '’' | ')' | '」' | '』' | ']'));
    matches!(
        tail.next(),
        Some('.' | '!' | '?' | '。' | '！' | '？' | '…' | '다' | '요' | '죠' | '음' | '함' | '임')
    )
}

/// Collapses runs of whitespace to one space and trims the ends.
pub(crate) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_endings() {
        assert!(ends_sentence("정부가 발표했다."));
        assert!(ends_sentence("\"그렇게 하겠습니다\"라고 말했다"));
        assert!(ends_sentence("It works."));
        assert!(!ends_sentence("많이 본 뉴스"));
        assert!(!ends_sentence("더 크게"));
    }

    #[test]
    fn hangul_range() {
        assert!(is_hangul('가') && is_hangul('힣'));
        assert!(!is_hangul('ㄱ') && !is_hangul('a'));
    }
}
