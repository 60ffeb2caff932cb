//! Who wrote the article, from where Korean pages print it: the dateline that opens the body
//! ("[세종=뉴스핌] 이경태 기자 =", "(서울=연합뉴스) 홍길동 기자 ="), a closing
//! "홍길동 기자 hong@example.com" line, and the page's author metadata.

use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::LazyLock;

/// Titles that follow a reporter's name; the name is what is kept.
const TITLES: &str = r"(?:선임\s*기자|수석\s*기자|전문\s*기자|[가-힣]{0,4}전문기자|객원\s*기자|인턴\s*기자|기자|특파원|통신원|논설위원|칼럼니스트|에디터|PD|앵커)";

/// Words one of which every byline carries: lines without them skip the regex.
const TITLE_WORDS: [&str; 8] = ["기자", "특파원", "통신원", "논설위원", "칼럼니스트", "에디터", "PD", "앵커"];

/// [`TITLE_WORDS`] as one search: a line is read once, not once per word.
static TITLE_WORD: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| AhoCorasick::new(TITLE_WORDS).ok());

/// Whether a line carries one of the [`TITLE_WORDS`].
fn has_title_word(line: &str) -> bool {
    match &*TITLE_WORD {
        Some(ac) => ac.is_match(line),
        None => TITLE_WORDS.iter().any(|w| line.contains(w)),
    }
}

/// A closing byline line is short: about 80 characters at most.
const CLOSING_MAX_BYTES: usize = 240;

/// A Korean personal name: two to four syllables (a few compound surnames make four).
const NAME: &str = r"[가-힣]{2,4}";

/// "[세종=뉴스핌] 이경태 기자 =", "(서울=연합뉴스) 홍길동·김철수 기자 =", "[스포티비뉴스=유현태 기자]",
/// "[아시아경제 홍길동 기자]".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let names = format!(r"(?P<names>{NAME}(?:\s*[,·ㆍ/]\s*{NAME})*)");
    Regex::new(&format!(
        // After the bracket: "[세종=뉴스핌] 이경태 기자 =". Inside it: "[스포티비뉴스=유현태 기자]",
        // "[새누리방송 최하람 기자]".
        r"^\s*(?:[\[\(【][^\]\)】]{{1,20}}[\]\)】]\s*{names}\s*{TITLES}\s*=|[\[\(【]\s*(?:[^\]\)】=]{{1,12}}=\s*|[^\]\)】=\s]{{1,12}}\s+)?{names2}\s*{TITLES}\s*[\]\)】])",
        names2 = names.replace("?P<names>", "?P<names2>"),
    ))
    .expect("constant regex")
});

/// A closing byline: "홍길동 기자 hong@example.co.kr", "/홍길동 기자", "홍길동 기자".
static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[\s/(\[=])(?P<names>{NAME}(?:\s*[,·ㆍ]\s*{NAME})*)\s*{TITLES}\s*[(\[]?\s*(?P<email>[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]*(?:\.[A-Za-z]{{2,}})?)?\s*[)\]]?\s*$"
    ))
    .expect("constant regex")
});

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\s*$").expect("constant regex")
});

/// A dateline stands in the first characters of its paragraph: a bracket of at most 20
/// characters, a few names and a title fill well under 100 characters (300 bytes of Hangul).
/// Only this much is searched, so a long first paragraph costs no more than a short one.
const DATELINE_MAX_BYTES: usize = 300;

/// Names in a dateline at the start of the body's first paragraph.
pub(crate) fn from_dateline(first: &str) -> Option<Vec<String>> {
    let mut end = first.len().min(DATELINE_MAX_BYTES);
    while !first.is_char_boundary(end) {
        end -= 1;
    }
    let head = first.get(..end)?;
    // Both forms open with a bracket and carry a title: a paragraph without them skips the
    // capturing search.
    if !head.trim_start().starts_with(['[', '(', '【']) || !has_title_word(head) {
        return None;
    }
    let c = DATELINE.captures(head)?;
    Some(split_names(c.name("names").or_else(|| c.name("names2"))?.as_str()))
}

/// "By Park Kibum", "작성자 : 홍길동": a blog's author line.
static BY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:Posted|Written)\s+by|By|by|작성자|글쓴이|글)\s*[:：]?\s+(?P<name>[가-힣A-Za-z][가-힣A-Za-z ._\-]{0,30}?)\s*$")
        .expect("constant regex")
});

/// The name of a blog's "By NAME" line.
pub(crate) fn from_by_line(line: &str) -> Option<(Vec<String>, Option<String>)> {
    let t = line.trim_start();
    if t.len() > CLOSING_MAX_BYTES
        || !["By", "by", "Posted", "Written", "작성자", "글쓴이", "글"].iter().any(|p| t.starts_with(p))
    {
        return None;
    }
    let c = BY_LINE.captures(line)?;
    Some((vec![c.name("name")?.as_str().trim().to_string()], None))
}

/// Names (and e-mail) of a closing byline line, when the line is only that.
pub(crate) fn from_closing(line: &str) -> Option<(Vec<String>, Option<String>)> {
    // A byline line is short; a sentence that ends in "… 기자" is not one.
    if line.len() > CLOSING_MAX_BYTES || !has_title_word(line) {
        return None;
    }
    let c = CLOSING.captures(line)?;
    let names = split_names(c.name("names")?.as_str());
    Some((names, c.name("email").map(|m| m.as_str().to_string())))
}

/// An e-mail address on a line of its own (the byline line of many news pages).
pub(crate) fn lone_email(line: &str) -> Option<String> {
    // Most lines near a body's end have no "@" and skip the regex.
    (line.contains('@') && EMAIL.is_match(line)).then(|| line.trim().to_string())
}

/// Names from author metadata: "By 배윤경,이상현", "이선명 기자", "박준석 기자 외 1명",
/// "순천, 광양 구현모 기자 ninek@…". Site names and URLs are not authors.
pub(crate) fn from_meta(value: &str, site_name: Option<&str>) -> Option<Vec<String>> {
    let v = value.trim();
    if v.is_empty()
        || v.contains("://")
        || v.contains('|')
        || site_name.is_some_and(|s| !s.is_empty() && v.contains(s))
        || is_outlet(v)
    {
        return None;
    }
    let v = v.strip_prefix("By ").or_else(|| v.strip_prefix("by ")).unwrap_or(v);
    // "순천, 광양 구현모 기자 …": when a reporter title is present, the name is right before it.
    static BEFORE_TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?P<names>{NAME}(?:\s*[,·ㆍ]\s*{NAME})*)\s*{TITLES}")).expect("constant regex")
    });
    // The leftmost name right before a reporter title: "순천, 광양 구현모 기자" gives 구현모,
    // because the place names before it are not followed by a title.
    if let Some(c) = BEFORE_TITLE.captures(v) {
        return Some(split_names(c.name("names")?.as_str()));
    }
    let names = split_names(v);
    (!names.is_empty() && names.iter().all(|n| n.chars().count() <= 30)).then_some(names)
}

/// Outlet names stand where an author should ("연합뉴스", "중앙일보", "머니투데이"); a person's
/// name does not end like these.
fn is_outlet(v: &str) -> bool {
    const OUTLET_ENDINGS: [&str; 12] = [
        "뉴스",
        "일보",
        "신문",
        "경제",
        "투데이",
        "방송",
        "미디어",
        "타임즈",
        "타임스",
        "저널",
        "데일리",
        "닷컴",
    ];
    OUTLET_ENDINGS.iter().any(|e| v.ends_with(e))
}

fn split_names(s: &str) -> Vec<String> {
    s.split([',', '·', 'ㆍ', '/', '、'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let d = |s: &str| from_dateline(s).map(|n| n.join(", "));
        assert_eq!(d("[세종=뉴스핌] 이경태 기자 = 챗GPT·바드 등"), Some("이경태".into()));
        assert_eq!(d("(서울=연합뉴스) 홍길동 기자 = 정부가"), Some("홍길동".into()));
        assert_eq!(d("(서울=연합뉴스) 홍길동·김철수 기자 = 정부가"), Some("홍길동, 김철수".into()));
        assert_eq!(d("[스포티비뉴스=유현태 기자] 지아니 인판티노"), Some("유현태".into()));
        assert_eq!(d("[서울=뉴스핌] 이영종 통일전문기자 = 김정은"), Some("이영종".into()));
        assert_eq!(d("[새누리방송 최하람 기자] 해마다 수십만 명이"), Some("최하람".into()));
        assert_eq!(d("정부가 오늘 발표했다."), None);
    }

    #[test]
    fn closings() {
        let c = |s: &str| from_closing(s).map(|(n, e)| (n.join(", "), e));
        assert_eq!(
            c("홍길동 기자 hong@example.co.kr"),
            Some(("홍길동".into(), Some("hong@example.co.kr".into())))
        );
        assert_eq!(c("/홍길동 기자"), Some(("홍길동".into(), None)));
        assert_eq!(c("(세종=홍길동 기자)"), Some(("홍길동".into(), None)));
        assert_eq!(c("그는 오늘 기자들과 만나 이렇게 말했다"), None);
        assert_eq!(
            c("윤서진 기자(sjyoon@hanbit.example)"),
            Some(("윤서진".into(), Some("sjyoon@hanbit.example".into())))
        );
        assert_eq!(
            c("이철재ㆍ박용한 기자 seajay@joongang.co.kr").map(|x| x.0),
            Some("이철재, 박용한".into())
        );
        assert_eq!(from_by_line("By Park Kibum").map(|x| x.0), Some(vec!["Park Kibum".to_string()]));
    }

    #[test]
    fn metadata() {
        let m = |s: &str| from_meta(s, Some("한국일보")).map(|n| n.join(", "));
        assert_eq!(m("By 배윤경,이상현,한수진,김혜진"), Some("배윤경, 이상현, 한수진, 김혜진".into()));
        assert_eq!(m("이선명 기자"), Some("이선명".into()));
        assert_eq!(m("박준석 기자 외 1명"), Some("박준석".into()));
        assert_eq!(m("순천, 광양 구현모 기자 ninek@hankookilbo.com"), Some("구현모".into()));
        assert_eq!(m("한국일보"), None);
        assert_eq!(m("연합뉴스"), None);
        assert_eq!(m("https://www.facebook.com/hkilbo"), None);
        assert_eq!(m("babyworm"), Some("babyworm".into()));
    }
}
