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

/// Whether a block is a slide or page counter ("2 / 10", "3/7"): a card story or a photo
/// gallery prints one beside each picture, and it is no text of the article. A number over a
/// larger or equal one, nothing else; a ratio in running text has words around it.
pub(crate) fn is_counter(text: &str) -> bool {
    let number = |s: &str| {
        let s = s.trim();
        (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0')
    };
    text.split_once('/').is_some_and(|(at, of)| {
        number(at) && number(of) && at.trim().parse::<u16>().ok() <= of.trim().parse::<u16>().ok()
    })
}

/// Whether a list item is only its number ("1", "12.", "3)"): the marker a page prints in an
/// element of its own before each entry of a numbered list (a paper's references, a ranking),
/// no text of the entry.
pub(crate) fn is_list_marker(text: &str) -> bool {
    let digits = text.trim_end_matches(['.', ')']);
    (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a block opens with a slide counter set apart by spaces ("1 / 7"), glued to what
/// follows it: a gallery's counter, zoom button and photo credit run together when the page
/// puts no space between their elements ("1 / 7사진 크게 보기ⓒ…"). Only the spaced form: a
/// fraction in running text is written without spaces ("1/4분기", "1/2 컵").
pub(crate) fn opens_with_spaced_counter(text: &str) -> bool {
    let Some((at, rest)) = text.split_once(" / ") else { return false };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let of = rest.get(..digits).unwrap_or_default();
    is_counter(&format!("{at}/{of}")) && !rest.get(digits..).unwrap_or_default().trim().is_empty()
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
    fn counters() {
        assert!(is_counter("2 / 10") && is_counter("10/10") && is_counter(" 1 / 7 "));
        assert!(!is_counter("10 / 2") && !is_counter("2024 / 2025") && !is_counter("1/2 컵"));
        assert!(!is_counter("03/07") && !is_counter("/") && !is_counter("2 /"));
        assert!(opens_with_spaced_counter("1 / 7사진 크게 보기ⓒ가온일보 남궁현 기자"));
        assert!(opens_with_spaced_counter("3 / 12 확대"));
        assert!(!opens_with_spaced_counter("2 / 10") && !opens_with_spaced_counter("1/4분기 실적"));
        assert!(!opens_with_spaced_counter("8 / 3 확대") && !opens_with_spaced_counter("올해 1 / 4 분기"));
    }

    #[test]
    fn hangul_range() {
        assert!(is_hangul('가') && is_hangul('힣'));
        assert!(!is_hangul('ㄱ') && !is_hangul('a'));
    }
}
