//! Who wrote the article, from where Korean pages print it: the dateline that opens the body
//! ("[세종=뉴스핌] 이경태 기자 =", "(서울=연합뉴스) 홍길동 기자 =", "［해솔=해솔신문］ …" in any
//! bracket), a byline line above the body or closing it ("홍길동 기자 hong@example.com",
//! "… [로컬한빛 조원익 기자]"), the labels of papers abroad and of boards ("편집/기자: [ … ]",
//! "责编：", "작성자"), and the page's author metadata, with the noise sites put around names.

use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::LazyLock;

/// Titles that follow a reporter's name; the name is what is kept.
const TITLES: &str = r"(?:선임\s*기자|수석\s*기자|전문\s*기자|[가-힣]{0,4}전문기자|객원\s*기자|인턴\s*기자|기자|특파원|통신원|논설위원|[가-힣]{0,4}칼럼니스트|에디터|PD|앵커)";

/// [`TITLES`] alone, to find where a byline's title ends.
static TITLE_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(TITLES).expect("constant regex"));

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

/// The brackets a dateline opens and closes with: ASCII, full-width (`［해솔=해솔신문］`,
/// `（서울=…）`), lenticular (`【도담=…】`) and tortoise-shell (`〔…〕`).
const OPEN: &str = r"\[\(【［（〔";
const CLOSE: &str = r"\]\)】］）〕";
const OPEN_CHARS: [char; 6] = ['[', '(', '【', '［', '（', '〔'];

/// "[세종=뉴스핌] 이경태 기자 =", "(서울=연합뉴스) 홍길동·김철수 기자 =", "[스포티비뉴스=유현태 기자]",
/// "[아시아경제 홍길동 기자]", "［해솔=해솔신문］ 송지호 기자 =".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let names = format!(r"(?P<names>{NAME}(?:\s*[,·ㆍ/]\s*{NAME})*)");
    Regex::new(&format!(
        // After the bracket: "[세종=뉴스핌] 이경태 기자 =". Inside it: "[스포티비뉴스=유현태 기자]",
        // "[새누리방송 최하람 기자]".
        r"^\s*(?:[{OPEN}][^{CLOSE}]{{1,20}}[{CLOSE}]\s*{names}\s*{TITLES}\s*=|[{OPEN}]\s*(?:[^{CLOSE}=]{{1,12}}=\s*)?(?:[^{CLOSE}=\s]{{1,12}}\s+)?{names2}\s*{TITLES}\s*[{CLOSE}])",
        names2 = names.replace("?P<names>", "?P<names2>"),
    ))
    .expect("constant regex")
});

/// A closing byline: "홍길동 기자 hong@example.co.kr", "/홍길동 기자", "홍길동 기자", and the
/// header's "박준석 기자 외 1명" (the others are not named, so not read).
static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[\s/(\[=])(?P<names>{NAME}(?:\s*[,·ㆍ]\s*{NAME})*)\s*{TITLES}\s*[(\[]?\s*(?P<email>[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]*(?:\.[A-Za-z]{{2,}})?)?\s*[)\]]?(?:\s*외\s*\d{{1,2}}\s*명)?\s*$"
    ))
    .expect("constant regex")
});

/// A line of two or more "NAME 기자" credits and nothing else.
static CLOSING_MANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*{NAME}\s*{TITLES}(?:\s*[,·ㆍ]?\s*{NAME}\s*{TITLES})+\s*$"))
        .expect("constant regex")
});

/// One "NAME 기자" credit of such a line.
static NAME_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?P<name>{NAME})\s*{TITLES}")).expect("constant regex"));

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\s*$").expect("constant regex")
});

/// A dateline stands in the first characters of its paragraph: a bracket of at most 20
/// characters, a few names and a title fill well under 100 characters (300 bytes of Hangul).
/// Only this much is searched, so a long first paragraph costs no more than a short one.
const DATELINE_MAX_BYTES: usize = 300;

/// Characters that print nothing and may stand before a dateline.
const INVISIBLE: [char; 5] = ['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'];

/// Names in a dateline at the start of a paragraph of the body.
pub(crate) fn from_dateline(first: &str) -> Option<Vec<String>> {
    let mut end = first.len().min(DATELINE_MAX_BYTES);
    while !first.is_char_boundary(end) {
        end -= 1;
    }
    // Editors leave invisible characters before the bracket (a zero-width space, a BOM, a
    // no-break space).
    let head = first.get(..end)?.trim_start_matches(|c: char| c.is_whitespace() || INVISIBLE.contains(&c));
    // Both forms open with a bracket and carry a title: a paragraph without them skips the
    // capturing search.
    if !head.starts_with(OPEN_CHARS) || !has_title_word(head) {
        return None;
    }
    let c = DATELINE.captures(head)?;
    names(c.name("names").or_else(|| c.name("names2"))?.as_str())
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

/// A post's meta line is short: a date, a reading time, counters and a name.
const POST_META_MAX_BYTES: usize = 120;

/// A year, which every post meta line prints.
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:19|20)\d\d").expect("constant regex"));

/// Words a post's meta line holds beside the date and the name: "by", months, the reading
/// time, counters and their labels, the date labels and the half-day (lower-cased).
const POST_META_WORDS: [&str; 53] = [
    "by",
    "posted",
    "written",
    "on",
    "min",
    "mins",
    "read",
    "reading",
    "views",
    "view",
    "comments",
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "조회",
    "조회수",
    "댓글",
    "공감",
    "좋아요",
    "읽기",
    "분",
    "입력",
    "수정",
    "등록",
    "작성",
    "발행",
    "게시",
    "발간",
    "승인",
    "송고",
    "기사입력",
    "기사전송",
    "최종수정",
    "최종편집",
    "최초",
    "업데이트",
    "작성일",
    "등록일",
    "수정일",
    "게시일",
    "발행일",
    "발간일",
    "오전",
    "오후",
];

/// A weekday's name ("수요일", "수"): the date's, not a person's.
fn is_weekday(word: &str) -> bool {
    let day = word.strip_suffix("요일").unwrap_or(word);
    day.chars().count() == 1 && "월화수목금토일".contains(day)
}

/// A month's name, abbreviated or not ("Oct", "March").
fn is_month(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.len() >= 3
        && [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
        .iter()
        .any(|m| m.starts_with(w))
}

/// The name on a post's meta line, where blog and static-site themes print the author beside
/// the date: "March 28, 2026 · 김태영", "윤슬기 · 2025년 2월 11일 · 조회 1,284", "by 서하린 Oct
/// 14. 2024", "2026 · 07 · 20 5 min read 페이퍼". The line holds a whole date, and besides it
/// nothing but numbers, the reading time, counters, date labels and one Korean name, after
/// "by" or after the date: a line with any other word (a headline, "2026 월드컵") names no
/// one, and the word that opens a line before its date ("일상 · 2025.03.01") is as often the
/// post's category as its author, so it is not taken.
pub(crate) fn from_post_meta(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let by = t.starts_with("by ") || t.starts_with("By ");
    // The name stands apart from the date: after "by", or after one of the line's separators.
    if t.len() > POST_META_MAX_BYTES || !(by || t.contains(['·', '|', '•'])) || !YEAR.is_match(t) {
        return None;
    }
    let mut name = None;
    let (mut numbers, mut month) = (0, false);
    for word in t.split(|c: char| c.is_whitespace() || matches!(c, '·' | '|' | '•' | ',' | '/' | 'ㆍ')) {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if w.chars().any(|c| c.is_ascii_digit()) {
            numbers += w.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).count();
            continue;
        }
        if is_month(&w) {
            month = true;
            continue;
        }
        if w.is_empty() || POST_META_WORDS.contains(&w.as_str()) || is_weekday(&w) {
            continue;
        }
        let korean_name =
            (2..=4).contains(&w.chars().count()) && w.chars().all(|c| ('가'..='힣').contains(&c));
        let after_date = numbers > 0 || month;
        if !korean_name || is_role(&w) || name.is_some() || !(by || after_date) {
            return None;
        }
        name = Some(w);
    }
    // A whole date: the year, month and day as numbers, or the month by name.
    let dated = numbers >= 3 || (month && numbers >= 2);
    name.filter(|_| dated).map(|n| vec![n])
}

/// Names (and e-mail) of a closing byline line, when the line is only that.
pub(crate) fn from_closing(line: &str) -> Option<(Vec<String>, Option<String>)> {
    // A byline line is short; a sentence that ends in "… 기자" is not one.
    if line.len() > CLOSING_MAX_BYTES || !has_title_word(line) || opens_with_other_credit(line) {
        return None;
    }
    // "조원익 기자 wick@example.com | 2020-03-10 15:13:37": the byline line above the body,
    // with the date after a bar; what follows the bar must be a date.
    let line = match line.split_once(['|', 'ㅣ']) {
        Some((byline, rest)) if crate::date::DateTime::parse_korean(rest).is_some() => byline,
        _ => line,
    };
    // "정치부 남궁혜원·차도윤 기자 최초 게시 2025.10.15 06:00 …": the byline, then only dates.
    let line = TITLE_RE
        .find_iter(line)
        .map(|m| m.end())
        .find(|&end| {
            let rest = line
                .get(end..)
                .unwrap_or_default()
                .trim_start_matches(|c: char| c.is_whitespace() || "|ㅣ/·".contains(c));
            !rest.is_empty() && crate::date::is_date_line(rest)
        })
        .and_then(|end| line.get(..end))
        .unwrap_or(line);
    // "박서윤 기자 한도경 기자": co-authors' links side by side, each with its title.
    if CLOSING_MANY.is_match(line) {
        let mut all: Vec<String> = Vec::new();
        for c in NAME_TITLE.captures_iter(line) {
            all.extend(c.name("name").and_then(|n| names(n.as_str())).into_iter().flatten());
        }
        return (!all.is_empty()).then_some((all, None));
    }
    let c = CLOSING.captures(line).or_else(|| TITLE_FIRST.captures(line))?;
    let names = names(c.name("names")?.as_str())?;
    Some((names, c.name("email").map(|m| m.as_str().to_string())))
}

/// Roles a credit line may open with that are not the writer's: the translator's, the
/// photographer's ("번역 한지수 … 에디터", "사진=홍길동 기자", "영상 박도윤 PD").
const OTHER_CREDITS: [&str; 6] = ["번역", "사진", "영상", "그래픽", "일러스트", "통역"];

/// Whether the line's first word is one of [`OTHER_CREDITS`] ("사진·글 …" is the writer's).
fn opens_with_other_credit(line: &str) -> bool {
    let first = line.trim_start().split([' ', '=', ':', '：']).next().unwrap_or_default();
    OTHER_CREDITS.contains(&first)
}

/// A closing byline with the title first: "칼럼니스트 박생강 pillgoo9@example.com". Only with
/// the e-mail after it: "기자 홍길동" alone could be the start of a sentence.
static TITLE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[/(\[]?\s*{TITLES}\s+(?P<names>{NAME}(?:\s*[,·ㆍ]\s*{NAME})*)\s*[(\[<]?\s*(?P<email>[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{{2,}})\s*[)\]>]?\s*$"
    ))
    .expect("constant regex")
});

/// A byline in brackets that closes the last paragraph: "… 말했다. [로컬한빛 조원익 기자]",
/// "〈김종래기자〉jongrae@example.com", "[글·사진=박선희 기자]".
static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"[{OPEN}〈<]\s*(?:[^{CLOSE}〉>=]{{1,12}}=\s*)?(?:[^{CLOSE}〉>=\s]{{1,12}}\s+)?(?P<names>{NAME}(?:\s*[,·ㆍ]\s*{NAME})*)\s*{TITLES}\s*[{CLOSE}〉>]\s*(?P<email>[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{{2,}})?\s*$"
    ))
    .expect("constant regex")
});

/// Names (and e-mail) of a bracketed byline at the end of a paragraph, however long the
/// paragraph: the byline is glued to it.
pub(crate) fn from_trailing(text: &str) -> Option<(Vec<String>, Option<String>)> {
    // Only the paragraph's last characters are searched: a bracket, a few names, a title and
    // an e-mail fill well under 100 characters.
    let mut from = text.len().saturating_sub(TRAILING_MAX_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let tail = text.get(from..)?.trim_end();
    if !tail.ends_with([']', ')', '】', '］', '）', '〕', '〉', '>']) && !tail.contains('@') {
        return None;
    }
    if !has_title_word(tail) {
        return None;
    }
    let c = TRAILING.captures(tail)?;
    Some((names(c.name("names")?.as_str())?, c.name("email").map(|m| m.as_str().to_string())))
}

/// How much of a paragraph's end [`from_trailing`] reads: a bracketed byline with an e-mail
/// after it is about 60 characters.
const TRAILING_MAX_BYTES: usize = 240;

/// Labels before a name on a page's information line, as papers abroad and boards print them:
/// "편집/기자: [ 최승호 ]", "责编：박미란", "작성자: 문하늘", "작성자 마을기자 채윤서",
/// "글·사진 마을기자 채윤서", "답변자 상담위원 국지안", "글 · 에디터 한하윤". A title may stand
/// before the name here ("마을기자", "시민기자", "상담위원", "에디터").
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[\s|/\]］)])(?:{AUTHOR_LABELS}|(?:기자|記者)\s*[:：]|글\s*[:：·])(?:\s*[:：|]\s*|\s+)[\[［(]?\s*(?:(?:[가-힣]{{0,3}}(?:기자|위원|교수|변호사|노무사|세무사|작가)|에디터)\s+)?(?P<names>{NAME}(?:\s*[,·ㆍ]\s*{NAME})*)\s*(?:[\]］)]|[|]|\s|$)"
    ))
    .expect("constant regex")
});

/// The labels before an author's name, as regex alternatives (with "기자:" and "글:", which
/// need their colon, added where they are read).
const AUTHOR_LABELS: &str =
    r"편집\s*/\s*기자|취재\s*/\s*기자|责编|责任编辑|编辑|작성자|글쓴이|답변자|글\s*[·ㆍ/]\s*사진|필자";

/// A line that is an author label and nothing else: the `<th>작성자</th>` whose name is in
/// the next cell.
static LABEL_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*(?:{AUTHOR_LABELS}|기자|글|記者)\s*[:：]?\s*$")).expect("constant regex")
});

/// Whether a line is an author label alone.
pub(crate) fn is_label_alone(line: &str) -> bool {
    line.len() <= LABEL_ALONE_MAX_BYTES && LABEL_ALONE.is_match(line)
}

/// A magazine's or newsletter's credit line that opens with "글" and the writer's name, then a
/// separator: "글 한소율 · 읽는 데 6분", "글 김서윤 | 사진 이도현". Only at the line's start, with
/// the separator after the name: elsewhere "글" is the word for a piece of writing.
static WRITTEN_BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s*글\s+(?P<names>{NAME})\s*[·ㆍ|/]")).expect("constant regex"));

/// A lone label is a word: "편집/기자 :" is 16 bytes.
const LABEL_ALONE_MAX_BYTES: usize = 32;

/// Words one of which every author label holds: lines without them skip the regex.
const AUTHOR_LABEL_WORDS: [&str; 8] = ["기자", "责编", "编辑", "작성자", "글쓴이", "답변자", "필자", "글"];

/// Whether one of [`AUTHOR_LABEL_WORDS`] is in `line`. Every short line of a body is asked
/// (a Q&A board's answer box may stand anywhere in it), so the line is read once, by the
/// regex crate's SIMD search for a set of literals, instead of once a word.
fn has_label_word(line: &str) -> bool {
    static ANY_WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&AUTHOR_LABEL_WORDS.join("|")).expect("constant regex"));
    ANY_WORD.is_match(line)
}

/// Names after an author label on a short line: "편집/기자: [ 최승호 ]", "责编：박미란".
pub(crate) fn from_label(line: &str) -> Option<Vec<String>> {
    if line.len() > CLOSING_MAX_BYTES || !has_label_word(line) {
        return None;
    }
    LABELLED
        .captures_iter(line)
        .chain(WRITTEN_BY.captures(line))
        .find_map(|c| names(c.name("names")?.as_str()))
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
    // A site name glued before the reporter ("머니S한아름 기자") goes; a value that is only
    // the site's name, or holds it elsewhere, is no author.
    let site = site_name.map(str::trim).filter(|s| !s.is_empty());
    let v = match site.and_then(|s| v.strip_prefix(s)) {
        Some(rest) if has_title_word(rest) => rest.trim_start(),
        _ => v,
    };
    if v.is_empty()
        || v.contains("://")
        || v.contains('|')
        // A handle ("@MoneyWeekKr") names an account, not a person.
        || v.starts_with('@')
        // The site's name, or part of it ("네이버 블로그 | 월급쟁이 기록장" names the blog).
        || site.is_some_and(|s| v.contains(s) || s.contains(v))
        || is_outlet(v)
    {
        return None;
    }
    let v = v.strip_prefix("By ").or_else(|| v.strip_prefix("by ")).unwrap_or(v);
    // "오늘도출근 (worker_log)": the account id in brackets after a nickname is not the name.
    let v = match v.strip_suffix(')').and_then(|r| r.rsplit_once('(')) {
        Some((name, id))
            if !name.trim().is_empty()
                && id.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b)) =>
        {
            name.trim()
        }
        _ => v,
    };
    // "순천, 광양 구현모 기자 …": when a reporter title is present, the name is right before it.
    static BEFORE_TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?P<names>{NAME}(?:\s*[,·ㆍ]\s*{NAME})*)\s*{TITLES}")).expect("constant regex")
    });
    // The leftmost name right before a reporter title: "순천, 광양 구현모 기자" gives 구현모,
    // because the place names before it are not followed by a title.
    if let Some(c) = BEFORE_TITLE.captures(v) {
        return names(c.name("names")?.as_str());
    }
    names(v).filter(|names| names.iter().all(|n| n.chars().count() <= META_NAME_MAX_CHARS))
}

/// Outlet names stand where an author should ("연합뉴스", "중앙일보", "머니투데이"); a person's
/// name does not end like these.
pub(crate) fn is_outlet(v: &str) -> bool {
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

/// A name in metadata without a reporter title (a blogger's nickname, "Park Kibum") is short;
/// a longer value is a description or a headline.
const META_NAME_MAX_CHARS: usize = 30;

/// Words that stand where a name does in credits but name a role or a desk: "사진 기자",
/// "영상 기자", "취재기자", "마을기자". None is a person.
const NOT_NAMES: [&str; 18] = [
    "사진",
    "영상",
    "그래픽",
    "취재",
    "편집",
    "정리",
    "디지털",
    "온라인",
    "인턴",
    "수습",
    "객원",
    "마을",
    "시민",
    "명예",
    "본사",
    "본지",
    "담당",
    "전문",
];

/// Whether a word is made of [`NOT_NAMES`] only ("사진", "영상취재"): a role, not a person.
/// A name that holds one among other syllables ("전문수") is a name.
fn is_role(word: &str) -> bool {
    let mut rest = word.to_string();
    for w in NOT_NAMES {
        rest = rest.replace(w, "");
    }
    rest.is_empty()
}

/// The names of a byline's name list, or `None` when what stands there names a role
/// ([`NOT_NAMES`]) rather than a person.
fn names(s: &str) -> Option<Vec<String>> {
    // A name has letters: "2024.05.02" after a "·" is the date beside it.
    // "님" is the honorific after a name ("작성자 님의 서명"), never the start of one.
    let names: Vec<String> = split_names(s)
        .into_iter()
        .filter(|n| !is_role(n) && n.chars().any(char::is_alphabetic) && !n.starts_with('님'))
        .collect();
    (!names.is_empty()).then_some(names)
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
    fn post_meta_lines() {
        let p = |s: &str| from_post_meta(s).map(|n| n.join(", "));
        assert_eq!(p("March 28, 2026 · 김태영"), Some("김태영".into()));
        assert_eq!(p("2026 · 07 · 20 5 min read 페이퍼"), Some("페이퍼".into()));
        assert_eq!(p("by 서하린 Oct 14. 2024"), Some("서하린".into()));
        assert_eq!(p("2025.03.04 (수) | 조회 1,024 | 한결"), Some("한결".into()));
        // A category or a topic is no author: before the date, with a year alone, or beside a
        // second word; nor is a label, a weekday or a desk.
        assert_eq!(p("일상 · 2025.03.01"), None);
        assert_eq!(p("2026 월드컵 · 김태영"), None);
        assert_eq!(p("2019년 회고"), None);
        assert_eq!(p("2026년 3월 27일 · 김태영 | 번역:"), None);
        assert_eq!(p("기사입력 2024.05.01 10:00 | 최종편집 2024.05.02 09:00"), None);
        assert_eq!(p("발행일 2025.08.29 · 수요일"), None);
        assert_eq!(p("2025.08.29 · 사진"), None);
        assert_eq!(p("📅 Dec 24, 2019 · ☕ 8 min read · 👀... views"), None);
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
    fn datelines_in_every_bracket() {
        let d = |s: &str| from_dateline(s).map(|n| n.join(", "));
        assert_eq!(d("［해솔=해솔신문］ 송지호 기자 = 학생이 없어"), Some("송지호".into()));
        assert_eq!(d("\u{200b}［해솔=해솔신문］ 송지호 기자 = 학생이 없어"), Some("송지호".into()));
        assert_eq!(d("\u{feff} (미르=온빛뉴스) 유서진 기자 = 시의회가"), Some("유서진".into()));
        assert_eq!(d("（서울=한결뉴스） 나도윤 기자 = 서울시가"), Some("나도윤".into()));
        assert_eq!(d("【도담=스포츠한결 신재혁 기자】 홈팀이"), Some("신재혁".into()));
        assert_eq!(d("〔가람=가람일보〕 이하진 기자 = 가람시가"), Some("이하진".into()));
        // Split from its paragraph by <br>: the dateline is the whole block.
        assert_eq!(d("［두메령=가온일보］ 남궁현 기자 ="), Some("남궁현".into()));
        assert_eq!(d("【포쓰머니 김현주 기자】"), Some("김현주".into()));
        // A role is no name.
        assert_eq!(d("[서울=한결뉴스] 사진 기자 = 오늘"), None);
    }

    #[test]
    fn closing_forms() {
        let t = |s: &str| from_trailing(s).map(|(n, e)| (n.join(", "), e));
        assert_eq!(
            t("주민들은 다음 달에도 모이기로 했다. [로컬한빛 조원익 기자]"),
            Some(("조원익".into(), None))
        );
        assert_eq!(
            t("〈김종래기자〉jongrae@example.org"),
            Some(("김종래".into(), Some("jongrae@example.org".into())))
        );
        assert_eq!(t("[글·사진=박선희 기자]"), Some(("박선희".into(), None)));
        assert_eq!(t("그는 \"기자는 늘 묻는 사람\"이라고 말했다."), None);
        assert_eq!(t("행사는 오는 12일 열린다(사진)."), None);
        let c = |s: &str| from_closing(s).map(|(n, e)| (n.join(", "), e));
        assert_eq!(
            c("조원익 기자 wick@example.com | 2020-03-10 15:13:37"),
            Some(("조원익".into(), Some("wick@example.com".into())))
        );
        assert_eq!(c("강은채 기자 | 2025-04-22 09:41:12"), Some(("강은채".into(), None)));
        assert_eq!(
            c("정치부 남궁하늘·차도은 기자 최초 게시 2025.10.15 06:00 마지막 업데이트 2025.10.15 23:52"),
            Some(("남궁하늘, 차도은".into(), None))
        );
        assert_eq!(
            c("한지수 기자\u{a0}|\u{a0}입력 : 2009-06-23 오후 4:12:07"),
            Some(("한지수".into(), None))
        );
        assert_eq!(c("홍길동 기자 2025.10.15 오전 회의에서 밝혔다"), None);
        assert_eq!(c("포쓰머니 김현주 기자"), Some(("김현주".into(), None)));
        assert_eq!(c("홍길동 기자 | 정치부"), None);
        assert_eq!(c("사진 기자"), None);
        assert_eq!(c("번역 한지수 예시 포스트 한국어판 에디터"), None, "the translator's credit");
        assert_eq!(c("사진=홍길동 기자"), None);
        assert_eq!(c("박서윤 기자 한도경 기자"), Some(("박서윤, 한도경".into(), None)), "co-authors' links");
        assert_eq!(c("사진·글 홍길동 기자"), Some(("홍길동".into(), None)));
        assert_eq!(c("영상취재 기자"), None);
        assert_eq!(c("전문수 기자"), Some(("전문수".into(), None)));
        assert_eq!(
            c("칼럼니스트 박서강 seogang@example.com"),
            Some(("박서강".into(), Some("seogang@example.com".into())))
        );
        assert_eq!(c("기자 홍길동"), None);
        assert_eq!(c("박준호 기자 외 1명"), Some(("박준호".into(), None)));
    }

    #[test]
    fn labels_abroad() {
        let l = |s: &str| from_label(s).map(|n| n.join(", "));
        assert_eq!(
            l("발표시간: [ 2020-06-17 12:18:47 ]  편집/기자: [ 최승호 ]  출처: [ 본사 ]"),
            Some("최승호".into())
        );
        assert_eq!(l("责编：박미란"), Some("박미란".into()));
        assert_eq!(l("최종 업데이트: 2024년 4월 22일 작성자: 문하늘"), Some("문하늘".into()));
        assert_eq!(l("작성자 | 마을기자 채윤서 | 작성일 | 2025.11.08 16:22"), Some("채윤서".into()));
        assert_eq!(l("글·사진 마을기자 채윤서"), Some("채윤서".into()));
        assert_eq!(l("답변자 상담위원 국지호"), Some("국지호".into()));
        assert_eq!(l("글 · 에디터 한하람 / 읽는 데 6분"), Some("한하람".into()));
        assert_eq!(l("글 한소율 · 읽는 데 6분"), Some("한소율".into()));
        assert_eq!(l("글 김서윤 | 사진 이도현"), Some("김서윤".into()));
        assert_eq!(l("야근은싫어요 작성자 님의 서명"), None, "an honorific is no name");
        assert_eq!(l("좋은 글 하나 · 추천"), None);
        assert_eq!(l("글 잘 쓰는 법"), None);
        assert_eq!(l("글 한하람"), None);
        assert_eq!(l("작성자: 홍길동입니다 반갑습니다"), None);
        assert_eq!(l("기자들은 오늘 모였다"), None);
        assert_eq!(l("이 글의 저작권은 과학동네와 필자에게 있으며"), None);
        assert!(
            is_label_alone("작성자") && is_label_alone("편집/기자 :") && !is_label_alone("작성자 홍길동")
        );
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
        // Noise around the name: the site glued before it, a title after it.
        assert_eq!(from_meta("머니S한아름 기자", Some("머니S")), Some(vec!["한아름".to_string()]));
        assert_eq!(from_meta("로컬한빛조원익 기자", Some("로컬한빛")), Some(vec!["조원익".to_string()]));
        assert_eq!(from_meta("로컬한빛", Some("로컬한빛")), None);
        // A handle is an account, a role is no person.
        assert_eq!(m("@MoneyWeekKr"), None);
        assert_eq!(m("사진 기자"), None);
        assert_eq!(m("사진"), None);
        assert_eq!(m("오늘도출근 (worker_log)"), Some("오늘도출근".into()));
        assert_eq!(m("글 염지우 과학칼럼니스트"), Some("염지우".into()));
    }
}
