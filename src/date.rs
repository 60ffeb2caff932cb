//! Dates as Korean pages print them ("기사입력 2023-06-29 15:30", "입력 2023.06.29 오후 3:30",
//! "2023년06월29일 15:30") and as their metadata gives them (ISO 8601), read into one type.

use aho_corasick::AhoCorasick;
use regex::Regex;
use std::fmt;
use std::sync::LazyLock;

/// Korea Standard Time, the offset assumed where a page prints a time without one.
pub const KST_OFFSET_MINUTES: i16 = 9 * 60;

/// A calendar date with an optional time of day and a UTC offset.
///
/// Pages print local time without an offset; there the offset is +09:00 (KST). An offset the
/// page gives (in ISO 8601 metadata) is kept as [`DateTime::parse_iso`] reads it;
/// [`DateTime::in_offset`] shows the same instant on another clock.
///
/// ```
/// let d = bonmun::DateTime::parse_korean("기사입력 2023.06.29 오후 3:30").unwrap();
/// assert_eq!(d.to_iso8601(), "2023-06-29T15:30:00+09:00");
/// assert_eq!(d.to_string(), "2023-06-29 15:30");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    /// Year, e.g. 2023.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
    /// Hour, minute and second, when the page gives a time.
    pub time: Option<(u8, u8, u8)>,
    /// Offset from UTC in minutes (+540 for KST).
    pub offset_minutes: i16,
}

impl DateTime {
    /// Builds a date, checking the ranges of its fields.
    pub fn new(
        year: u16,
        month: u8,
        day: u8,
        time: Option<(u8, u8, u8)>,
        offset_minutes: i16,
    ) -> Option<Self> {
        let ok_date = (1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
        let ok_time = time.is_none_or(|(h, m, s)| h < 24 && m < 60 && s < 61);
        (ok_date && ok_time && offset_minutes.abs() <= 18 * 60).then_some(DateTime {
            year,
            month,
            day,
            time,
            offset_minutes,
        })
    }

    /// ISO 8601: `2023-06-29T15:30:00+09:00`, or `2023-06-29` when there is no time.
    pub fn to_iso8601(&self) -> String {
        let date = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        match self.time {
            None => date,
            Some((h, m, s)) => {
                let sign = if self.offset_minutes < 0 { '-' } else { '+' };
                let off = self.offset_minutes.unsigned_abs();
                format!("{date}T{h:02}:{m:02}:{s:02}{sign}{:02}:{:02}", off / 60, off % 60)
            }
        }
    }

    /// The same instant on another zone's clock: `offset_minutes` from UTC. A date without a
    /// time names a day, not an instant, and stays as it is.
    ///
    /// ```
    /// let utc = bonmun::DateTime::parse_iso("2025-05-13T23:30:12+00:00").unwrap();
    /// assert_eq!(utc.in_offset(9 * 60).map(|d| d.to_string()).as_deref(), Some("2025-05-14 08:30"));
    /// ```
    pub fn in_offset(&self, offset_minutes: i16) -> Option<DateTime> {
        let Some((h, m, s)) = self.time else { return Some(*self) };
        let minutes = i64::from(h) * 60 + i64::from(m) + i64::from(offset_minutes - self.offset_minutes);
        let days = days_from_civil(i64::from(self.year), self.month, self.day) + minutes.div_euclid(24 * 60);
        let minutes = minutes.rem_euclid(24 * 60);
        let (year, month, day) = civil_from_days(days);
        let time = Some((u8::try_from(minutes / 60).ok()?, u8::try_from(minutes % 60).ok()?, s));
        DateTime::new(u16::try_from(year).ok()?, month, day, time, offset_minutes)
    }

    /// Reads an ISO 8601 / RFC 3339 timestamp as metadata gives it
    /// (`2025-05-15T20:00:52.000+0900`, `2022-12-31T11:12:22Z`, `2021-03-20`).
    pub fn parse_iso(s: &str) -> Option<DateTime> {
        // Read by hand, not by a regex: every page's metadata holds a few of these, and a
        // capturing regex search costs more than the rest of the date stage. The grammar is
        // `YYYY-M[M]-D[D]`, then optionally `T` or a space, `H[H]:MM`, `:SS`, `.fraction`,
        // spaces and an offset (`Z` or `±HH[:]MM`). Digits are ASCII.
        let s = s.trim();
        let mut r = Reader { s, at: 0 };
        let year = r.number(4, 4)?;
        r.byte(b'-')?;
        let month = r.number(1, 2)?;
        r.byte(b'-')?;
        let day = r.number(1, 2)?;
        // The time and the offset after it are one optional part: all of it or none. (What
        // follows the timestamp is not read, so the cursor need not be put back.)
        let time_and_offset = (|| {
            r.byte(b'T').or_else(|| r.byte(b' '))?;
            let h = r.number(1, 2)?;
            r.byte(b':')?;
            let m = r.number(2, 2)?;
            let sec = r.attempt(|r| {
                r.byte(b':')?;
                let sec = r.number(2, 2)?;
                r.attempt(|r| {
                    r.byte(b'.')?;
                    r.number(1, usize::MAX)
                });
                Some(sec)
            });
            r.skip_whitespace();
            let offset = r.attempt(|r| match r.peek()? {
                b'Z' | b'z' => r.byte(r.peek()?).map(|()| 0),
                sign @ (b'+' | b'-') => {
                    r.byte(sign)?;
                    let oh = r.number(2, 2)?;
                    r.attempt(|r| r.byte(b':'));
                    let om = r.number(2, 2)?;
                    let minutes = i16::try_from(oh * 60 + om).ok()?;
                    Some(if sign == b'-' { -minutes } else { minutes })
                }
                _ => {
                    // A zone by name: "2019-11-19 02:24:00 UTC".
                    let rest = r.s.get(r.at..)?;
                    let (name, minutes) = ZONE_NAMES.iter().find(|(n, _)| starts_with_word(rest, n))?;
                    r.at += name.len();
                    Some(*minutes)
                }
            });
            Some((h, m, sec.unwrap_or(0), offset))
        })();
        let (time, offset) = match time_and_offset {
            Some((h, m, sec, offset)) => (
                Some((u8::try_from(h).ok()?, u8::try_from(m).ok()?, u8::try_from(sec).ok()?)),
                offset.unwrap_or(KST_OFFSET_MINUTES),
            ),
            None => (None, KST_OFFSET_MINUTES),
        };
        DateTime::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?, time, offset)
    }

    /// Reads the first date printed in a Korean text, with its time if one follows:
    /// `2023-06-29 15:30`, `2023.06.29. 오후 3:30`, `2023년06월29일 15시30분`, `2023/6/29`.
    pub fn parse_korean(s: &str) -> Option<DateTime> {
        match KOREAN.captures(s) {
            Some(c) => Self::from_korean_captures(&c),
            None => Self::parse_short_year(s),
        }
    }

    /// A board's date cell with a two-digit year and a time, alone on its line
    /// ("25.06.14 21:07"): the year is this century's. Without the time, or with other text
    /// around it, two-digit triples are version numbers and scores as often as dates.
    fn parse_short_year(s: &str) -> Option<DateTime> {
        let c = SHORT_YEAR.captures(s)?;
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u8>().ok());
        let year = 2000 + u16::from(num("y")?);
        let time = Some((num("H")?, num("M")?, num("S").unwrap_or(0)));
        DateTime::new(year, num("m")?, num("d")?, time, KST_OFFSET_MINUTES)
    }

    /// Reads an English date as blog themes print it: "March 28, 2026", "Mar 28, 2026".
    pub(crate) fn parse_english(s: &str) -> Option<DateTime> {
        Self::from_english_captures(&ENGLISH.captures(s)?)
    }

    fn from_english_captures(c: &regex::Captures<'_>) -> Option<DateTime> {
        let month = c.name("mon")?.as_str().get(..3)?.to_ascii_lowercase();
        let m = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            .iter()
            .position(|x| *x == month)? as u8
            + 1;
        let d = c.name("d")?.as_str().parse().ok()?;
        let y = c.name("y")?.as_str().parse().ok()?;
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u8>().ok());
        let time = match (num("H"), num("M")) {
            (Some(h), Some(min)) => {
                let ampm = c.name("ampm").map(|a| a.as_str().to_ascii_lowercase());
                let h = match (ampm.as_deref(), h) {
                    (Some("pm"), 1..=11) => h + 12,
                    (Some("am"), 12) => 0,
                    _ => h,
                };
                Some((h, min, num("S").unwrap_or(0)))
            }
            _ => None,
        };
        DateTime::new(y, m, d, time, KST_OFFSET_MINUTES)
    }

    fn from_korean_captures(c: &regex::Captures<'_>) -> Option<DateTime> {
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u16>().ok());
        let time = match (num("H"), num("M")) {
            (Some(h), Some(m)) => {
                let pm = c.name("ampm").is_some_and(|a| matches!(a.as_str(), "오후" | "PM" | "pm" | "pm."));
                let am = c.name("ampm").is_some_and(|a| matches!(a.as_str(), "오전" | "AM" | "am"));
                let h = match (pm, am, h) {
                    (true, _, 1..=11) => h + 12,
                    (_, true, 12) => 0,
                    _ => h,
                };
                Some((h as u8, m as u8, num("S").unwrap_or(0) as u8))
            }
            _ => None,
        };
        let year = num("y").map(|y| if y < 100 { 2000 + y } else { y })?;
        let offset = c.name("tz").and_then(|tz| zone_offset(tz.as_str())).unwrap_or(KST_OFFSET_MINUTES);
        DateTime::new(year, num("m")? as u8, num("d")? as u8, time, offset)
    }
}

/// With the `serde` feature a `DateTime` is its ISO 8601 string, as JSON consumers expect.
#[cfg(feature = "serde")]
impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_iso8601())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        DateTime::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("not an ISO 8601 date: {s}")))
    }
}

impl fmt::Display for DateTime {
    /// `2023-06-29 15:30`, or `2023-06-29`: the form of the gold files' `# published:` line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        if let Some((h, m, _)) = self.time {
            write!(f, " {h:02}:{m:02}")?;
        }
        Ok(())
    }
}

/// Zones pages name after a time, with their offsets: an explicit zone always wins over the
/// +09:00 assumed where a page names none.
const ZONE_NAMES: [(&str, i16); 4] = [("UTC", 0), ("GMT", 0), ("UT", 0), ("KST", KST_OFFSET_MINUTES)];

/// Whether `s` starts with `word` (ASCII case aside) not followed by a word character: "UTC"
/// in "UTC+9", not "UT" in "UTC".
fn starts_with_word(s: &str, word: &str) -> bool {
    s.get(..word.len()).is_some_and(|h| h.eq_ignore_ascii_case(word))
        && !s.as_bytes().get(word.len()).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// The offset in minutes of a printed zone: "UTC", "GMT+9", "UTC+09:00", "KST", "+0900".
fn zone_offset(tz: &str) -> Option<i16> {
    let tz = tz.trim();
    let (base, rest) = match ZONE_NAMES.iter().find(|(n, _)| starts_with_word(tz, n)) {
        Some((name, minutes)) => (*minutes, tz.get(name.len()..)?.trim_start()),
        None => (0, tz),
    };
    if rest.is_empty() {
        return Some(base);
    }
    let sign: i16 = match rest.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits = rest.get(1..)?.replace(':', "");
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i16>().ok()?, 0),
        3 | 4 => (
            digits.get(..digits.len() - 2)?.parse::<i16>().ok()?,
            digits.get(digits.len() - 2..)?.parse::<i16>().ok()?,
        ),
        _ => return None,
    };
    (h <= 18 && m < 60).then_some(sign * (h * 60 + m))
}

/// A cursor over an ISO 8601 timestamp for [`DateTime::parse_iso`].
struct Reader<'a> {
    s: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.at).copied()
    }

    /// Consumes `want` if it comes next.
    fn byte(&mut self, want: u8) -> Option<()> {
        (self.peek() == Some(want)).then(|| self.at += 1)
    }

    /// Consumes `min..=max` ASCII digits, as many as there are, and reads them as a number.
    fn number(&mut self, min: usize, max: usize) -> Option<u16> {
        let digits = self.s.as_bytes().get(self.at..)?.iter().take(max).take_while(|b| b.is_ascii_digit());
        let (mut n, mut value) = (0usize, 0u16);
        for &d in digits {
            value = value.checked_mul(10)?.checked_add(u16::from(d - b'0'))?;
            n += 1;
        }
        (n >= min).then(|| self.at += n).map(|()| value)
    }

    fn skip_whitespace(&mut self) {
        let rest = self.s.get(self.at..).unwrap_or_default();
        self.at += rest.len() - rest.trim_start().len();
    }

    /// Runs an optional part: on `None`, puts the cursor back where the part began.
    fn attempt<T>(&mut self, part: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let at = self.at;
        let out = part(self);
        if out.is_none() {
            self.at = at;
        }
        out
    }
}

/// A printed date (in Hangul, dotted, or with the 年月日 of papers in Japan and China),
/// optionally followed by a time in 24- or 12-hour form and a zone: "2020.06.01
/// | 17:41", "2019-11-19 02:24:00 UTC". A printed offset takes a zone name or a plus sign: a
/// bare "-12:00" after a time is the end of a range ("10:00-12:00"), not a zone.
const KOREAN_DATE: &str = r"(?P<y>(?:19|20)\d\d)\s*(?:[.\-/]|년|年)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월|月)\s*(?P<d>\d{1,2})\s*(?:일|日|\.)?\s*(?:\(\s*[월화수목금토일]\s*\))?\s*(?:\|\s*)?[(\[]?\s*(?:(?P<ampm>오전|오후|AM|PM|am|pm)\s*)?(?:(?P<H>\d{1,2})\s*(?::|시)\s*(?P<M>\d{2})(?:\s*(?::|분)\s*(?P<S>\d{2}))?(?:\s*\(?\s*(?P<tz>(?:UTC|GMT)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|KST|\+\d{2}:?\d{2}))?)?";

/// An English date as blog themes and English editions print it, with the time that may
/// follow: "Sep. 9, 2025 - 17:32", "March 28, 2026 at 9:05 PM".
const ENGLISH_DATE: &str = r"(?i:(?-u:\b)(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d>\d{1,2})[,.]?\s+(?P<y>(?:19|20)\d\d)(?-u:\b)(?:\s*[,\-–|@·]?\s*(?:at\s+)?(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\s*(?P<ampm>am|pm))?)?)";

static ENGLISH: LazyLock<Regex> = LazyLock::new(|| Regex::new(ENGLISH_DATE).expect("constant regex"));

/// An English label and the English date after it: "Published : Sep. 9, 2025 - 17:32",
/// "Updated on March 3, 2026".
static LABELLED_ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?P<pub>Posted|Published)|(?P<mod>Last\s+updated|Updated|Modified))(?:\s+on)?\s*[:：]?\s*{ENGLISH_DATE}"
    ))
    .expect("constant regex")
});

static KOREAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(KOREAN_DATE).expect("constant regex"));

/// See [`DateTime::parse_short_year`].
static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?P<y>\d{2})[.\-/](?P<m>\d{1,2})[.\-/](?P<d>\d{1,2})\.?\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*$")
        .expect("constant regex")
});

/// What a printed date label says the date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    Published,
    Modified,
}

/// The labels of printed dates, the one list the crate reads them from (the metadata stage
/// reads the dates after them, the prune stage drops the lines they make): "기사입력 : [
/// 2018-08-25 15:24 ]", "최종수정 2023.06.29", "발표시간: [ 2020-06-17 12:18:47 ]". As regex
/// alternatives, longest first where one starts another. A label alone names one kind: a page
/// that prints only "최종 수정일" gives its modified date, not its publication.
const LABELS: [(&str, Label); 35] = [
    (r"기사\s*입력", Label::Published),
    (r"최초\s*입력", Label::Published),
    ("입력", Label::Published),
    ("등록", Label::Published),
    ("승인", Label::Published),
    (r"게재\s*일시", Label::Published),
    ("게재", Label::Published),
    ("게시", Label::Published),
    ("발행", Label::Published),
    ("발표", Label::Published),
    ("배포", Label::Published),
    (r"기사\s*작성", Label::Published),
    ("작성", Label::Published),
    ("송고", Label::Published),
    (r"기사\s*전송", Label::Published),
    ("전송", Label::Published),
    (r"최초\s*게시", Label::Published),
    (r"최종\s*수정", Label::Modified),
    (r"기사\s*수정", Label::Modified),
    ("수정", Label::Modified),
    (r"최종\s*업데이트", Label::Modified),
    (r"마지막\s*업데이트", Label::Modified),
    (r"마지막\s*수정", Label::Modified),
    ("업데이트", Label::Modified),
    // Korean-language papers in Japan and China label their dates in Japanese or Chinese.
    ("掲載", Label::Published),
    ("発行", Label::Published),
    ("发布", Label::Published),
    ("發布", Label::Published),
    ("发表", Label::Published),
    ("更新", Label::Modified),
    ("Posted", Label::Published),
    ("Published", Label::Published),
    (r"Last\s+updated", Label::Modified),
    ("Updated", Label::Modified),
    ("Modified", Label::Modified),
];

/// What may stand between a label and its date: "작성일", "게재일시", "발표시간", "掲載日",
/// "发布时间".
const LABEL_SUFFIXES: [&str; 5] = ["일시", "시간", "일", "日", "时间"];

/// Words one of which every label holds (spacing inside a label aside). A line without any
/// cannot hold a labelled date and skips the regex: most short lines with digits near a
/// headline (counters, other articles' dates) have no label.
const LABEL_WORDS: [&str; 23] = [
    "掲載",
    "発行",
    "发布",
    "發布",
    "发表",
    "更新",
    "입력",
    "등록",
    "승인",
    "게재",
    "게시",
    "발행",
    "발표",
    "배포",
    "작성",
    "송고",
    "전송",
    "수정",
    "업데이트",
    "Posted",
    "Published",
    "updated",
    "Modified",
];

/// [`LABEL_WORDS`] as one search (ASCII case aside: "Updated", "Last updated").
static LABEL_WORD: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::builder().ascii_case_insensitive(true).build(LABEL_WORDS).ok());

static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    // After a label, a two-digit year is a date too: board software prints "작성일 24-11-03 22:15".
    let date = KOREAN_DATE.replace(r"(?P<y>(?:19|20)\d\d)", r"(?P<y>(?:19|20)?\d\d)");
    let labels: Vec<String> = LABELS.iter().enumerate().map(|(i, (l, _))| format!("(?P<l{i}>{l})")).collect();
    Regex::new(&format!(
        r"(?:{})\s*(?:{})?\s*[:：|]?\s*[\[(［【]?\s*{date}",
        labels.join("|"),
        LABEL_SUFFIXES.join("|")
    ))
    .expect("constant regex")
});

/// The label of a line that holds a label and nothing else ("입력", "최종 수정일 :"): the
/// `<dt>` whose date stands in the `<dd>` block after it.
static LABEL_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    let labels: Vec<String> = LABELS.iter().enumerate().map(|(i, (l, _))| format!("(?P<l{i}>{l})")).collect();
    Regex::new(&format!(r"^\s*(?:{})\s*(?:{})?\s*[:：]?\s*$", labels.join("|"), LABEL_SUFFIXES.join("|")))
        .expect("constant regex")
});

/// Which label of [`LABELS`] a match of a regex built from them took.
fn label_of(c: &regex::Captures<'_>) -> Option<Label> {
    LABELS.iter().enumerate().find(|(i, _)| c.name(&format!("l{i}")).is_some()).map(|(_, (_, kind))| *kind)
}

/// Whether a text holds one of the [`LABEL_WORDS`].
fn has_label_word(text: &str) -> bool {
    match &*LABEL_WORD {
        Some(ac) => ac.is_match(text),
        None => LABEL_WORDS.iter().any(|w| text.to_lowercase().contains(&w.to_lowercase())),
    }
}

/// Every labelled date in a text, in order.
pub(crate) fn labelled(text: &str) -> Vec<(Label, DateTime)> {
    // No digit, no date: most lines are ruled out before the label words are looked for.
    if !text.bytes().any(|b| b.is_ascii_digit()) || !has_label_word(text) {
        return Vec::new();
    }
    let mut found: Vec<(usize, Label, DateTime)> = LABELLED
        .captures_iter(text)
        .filter_map(|c| Some((c.get(0)?.start(), label_of(&c)?, DateTime::from_korean_captures(&c)?)))
        .collect();
    found.extend(LABELLED_ENGLISH.captures_iter(text).filter_map(|c| {
        let label = if c.name("pub").is_some() { Label::Published } else { Label::Modified };
        Some((c.get(0)?.start(), label, DateTime::from_english_captures(&c)?))
    }));
    found.sort_by_key(|f| f.0);
    found.into_iter().map(|(_, l, d)| (l, d)).collect()
}

/// The text before the first labelled date of a line, or all of it: "강은채 기자 | 2025-04-22
/// 09:41:12" of "… 수정 2025-04-22 14:05:30".
pub(crate) fn before_labels(text: &str) -> &str {
    if !has_label_word(text) {
        return text;
    }
    match LABELLED.find(text) {
        Some(m) => text.get(..m.start()).unwrap_or(text),
        None => text,
    }
}

/// The kind a line names when it is a date label and nothing more: a `<dt>입력</dt>` whose
/// date is the next block.
pub(crate) fn label_alone(text: &str) -> Option<Label> {
    if text.len() > LABEL_ALONE_MAX_BYTES || !has_label_word(text) {
        return None;
    }
    label_of(&LABEL_ALONE.captures(text)?)
}

/// A date with a time of day, or a relative time ("3시간 전"): what a comment prints beside its
/// writer's name.
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:19|20)\d\d\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}\.?\s*(?:\([^)]{1,3}\)\s*)?",
        r"(?:오전|오후|AM|PM)?\s*\d{1,2}:\d{2}(?::\d{2})?",
        // An old board's month and day with the time, the year left out ("07/19 09:40").
        r"|(?-u:\b)\d{1,2}[/.\-]\d{1,2}\.?\s+\d{1,2}:\d{2}(?-u:\b)",
        r"|\d{1,2}\s*(?:분|시간|일)\s*전",
    ))
    .expect("constant regex")
});

/// The text with its time stamps (see [`STAMP`]) taken out, or `None` when it has none: a
/// comment's header is a name beside a stamp.
pub(crate) fn without_stamps(text: &str) -> Option<String> {
    (text.bytes().any(|b| b.is_ascii_digit()) && STAMP.is_match(text))
        .then(|| STAMP.replace_all(text, " ").into_owned())
}

/// A lone label is a word or two: "최종 업데이트 :" is 24 bytes.
const LABEL_ALONE_MAX_BYTES: usize = 40;

/// A date, with the time and weekday that may follow it, in Korean and English forms: what a
/// date line is made of.
static DATE_IN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:19|20)\d\d\s*[.\-/년年]\s*\d{1,2}\s*[.\-/월月]\s*\d{1,2}\s*[일日.]?",
        r"|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d",
        r"|(?:오전|오후|AM|PM|am|pm)?\s*\d{1,2}\s*[:시]\s*\d{2}(?:\s*[:분]\s*\d{2})?",
    ))
    .expect("constant regex")
});

/// Words that stand beside the date on a date line besides the labels: the label suffixes,
/// the half-day and the zone names.
const LINE_EXTRA_WORDS: [&str; 8] = ["date", "오전", "오후", "am", "pm", "utc", "gmt", "kst"];

/// Every word a date line may hold besides its dates, as [`crate::lexicon::key`] spells it
/// (lower-cased, no spaces), longest first so "기사입력" goes before "입력" could split it.
static LINE_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut words: Vec<String> = LABELS
        .iter()
        .map(|(l, _)| crate::lexicon::key(&l.replace(r"\s*", "").replace(r"\s+", "")))
        .chain(LABEL_SUFFIXES.iter().map(|w| w.to_string()))
        .chain(LINE_EXTRA_WORDS.iter().map(|w| w.to_string()))
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    words
});

/// Whether a text is a date line: dates and times with nothing but date labels and weekdays
/// beside them ("입력 2024.03.11 09:12 수정 2024.03.11 10:00", "Published : Sep. 9, 2025 -
/// 17:32"). A schedule line ("가. 기간: 2025. 3. 4.(화) 10:00 ~ 3. 7.(금)") names what the
/// dates are for, so it is text.
pub(crate) fn is_date_line(text: &str) -> bool {
    if !text.bytes().any(|b| b.is_ascii_digit()) || !DATE_IN_LINE.is_match(text) {
        return false;
    }
    let mut rest = crate::lexicon::key(&DATE_IN_LINE.replace_all(text, " "));
    for w in LINE_WORDS.iter() {
        rest = rest.replace(w.as_str(), "");
    }
    rest.retain(|c| !matches!(c, '월' | '화' | '수' | '목' | '금' | '토' | '일' | '요'));
    rest.chars().count() <= 1
}

/// Whether a text is a calendar date and nothing else ("1987.06.10", "2003. 3. 4.(화)",
/// "1996년 7월 22일"): no time, no label. A page's date line carries a label or a time; a
/// bare date between paragraphs heads an entry of a timeline, a schedule, a diary.
pub(crate) fn is_bare_date(text: &str) -> bool {
    let t = text.trim();
    let digits = t.bytes().filter(u8::is_ascii_digit).count();
    // The characters first: a labelled or timed line fails them at once, and only a bare date
    // reads the date regex a second time after the prune stage's `is_date_line`.
    digits >= BARE_DATE_MIN_DIGITS
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || matches!(
                    c,
                    '.' | '-' | '/' | '(' | ')' | '년' | '월' | '일' | '화' | '수' | '목' | '금' | '토'
                )
        })
        && is_date_line(t)
}

/// A bare date has a year and a month and day at least: five digits ("2003.3.4", "1987.06.10").
const BARE_DATE_MIN_DIGITS: usize = 5;

/// Days since 1970-01-01 of a proleptic Gregorian date (the era-based count: 400-year eras of
/// 146,097 days, years starting in March so that the leap day falls last).
fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01: the inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> String {
        DateTime::parse_korean(s).map(|d| d.to_string()).unwrap_or_default()
    }

    #[test]
    fn a_boards_two_digit_year_with_its_time() {
        let k = |s: &str| DateTime::parse_korean(s).map(|d| d.to_string());
        assert_eq!(k("25.06.14 21:07").as_deref(), Some("2025-06-14 21:07"));
        assert_eq!(k(" 24-12-31 09:05:33 ").as_deref(), Some("2024-12-31 09:05"));
        assert_eq!(k("25.06.14"), None, "no time: a version or a score as often");
        assert_eq!(k("버전 25.06.14 21:07"), None, "not alone on its line");
        assert_eq!(k("25.13.14 21:07"), None, "no month 13");
    }

    #[test]
    fn moves_an_instant_to_another_clock() {
        let at = |s: &str| DateTime::parse_iso(s).and_then(|d| d.in_offset(KST_OFFSET_MINUTES));
        let shown = |s: &str| at(s).map(|d| d.to_string());
        assert_eq!(shown("2025-05-13T23:30:12+00:00").as_deref(), Some("2025-05-14 08:30"));
        assert_eq!(shown("2024-12-31T20:00:00Z").as_deref(), Some("2025-01-01 05:00"), "a new year");
        assert_eq!(shown("2024-02-28T15:00:00Z").as_deref(), Some("2024-02-29 00:00"), "a leap day");
        assert_eq!(shown("2023-02-28T15:00:00Z").as_deref(), Some("2023-03-01 00:00"));
        assert_eq!(shown("2025-03-01T01:00:00+10:00").as_deref(), Some("2025-03-01 00:00"));
        assert_eq!(shown("2025-03-01T06:00:00+10:00").as_deref(), Some("2025-03-01 05:00"));
        assert_eq!(shown("2025-03-01T00:30:00+09:30").as_deref(), Some("2025-03-01 00:00"));
        assert_eq!(shown("2025-03-01T02:00:00+12:00").as_deref(), Some("2025-02-28 23:00"), "back a day");
        assert_eq!(at("2025-03-01T02:00:00+12:00").map(|d| d.offset_minutes), Some(KST_OFFSET_MINUTES));
        assert_eq!(shown("2025-03-01").as_deref(), Some("2025-03-01"), "a day is no instant");
        // Every day of four centuries survives the trip through the day count.
        for days in -60_000..90_000 {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn korean_forms() {
        assert_eq!(k("기사입력 2023-06-29 15:30"), "2023-06-29 15:30");
        assert_eq!(k("입력 2023.06.29 15:30"), "2023-06-29 15:30");
        assert_eq!(k("승인 2023.06.29"), "2023-06-29");
        assert_eq!(k("등록 2023-06-29 오후 3:30"), "2023-06-29 15:30");
        assert_eq!(k("기사입력 2017.04.20. 오후 12:53"), "2017-04-20 12:53");
        assert_eq!(k("입력 2017.04.20. 오전 12:10"), "2017-04-20 00:10");
        assert_eq!(k("2023년06월29일 15:30"), "2023-06-29 15:30");
        assert_eq!(k("2023년 6월 29일(목) 15시 30분"), "2023-06-29 15:30");
        assert_eq!(k("게재 일시 : 2024/3/11 9:05"), "2024-03-11 09:05");
        assert_eq!(k("2023-13-40"), "");
        assert_eq!(k("입력 2025.07.29 (19:42)"), "2025-07-29 19:42");
        assert_eq!(
            DateTime::parse_english("March 28, 2026").map(|d| d.to_string()),
            Some("2026-03-28".into())
        );
    }

    #[test]
    fn labels() {
        let found = labelled("입력 : 2020.05.28 21:07 수정 : 2020.05.28 23:48");
        assert_eq!(found.len(), 2);
        assert_eq!(
            found.first().map(|f| (f.0, f.1.to_string())),
            Some((Label::Published, "2020-05-28 21:07".into()))
        );
        assert_eq!(
            found.get(1).map(|f| (f.0, f.1.to_string())),
            Some((Label::Modified, "2020-05-28 23:48".into()))
        );
        let f = labelled("최종수정 : 2023년06월29일 15:30");
        assert_eq!(f.first().map(|f| f.0), Some(Label::Modified));
        let f = labelled("기사입력 :[ 2018-08-25 15:24 ]");
        assert_eq!(f.first().map(|f| f.1.to_string()), Some("2018-08-25 15:24".into()));
        let f = labelled("기사전송 2025-02-17 14:05");
        assert_eq!(f.first().map(|f| f.1.to_string()), Some("2025-02-17 14:05".into()));
        let f = labelled("작성일 24-11-03 22:15");
        assert_eq!(f.first().map(|f| f.1.to_string()), Some("2024-11-03 22:15".into()));
        assert_eq!(DateTime::parse_english("Oct 14. 2024").map(|d| d.to_string()), Some("2024-10-14".into()));
        let f = labelled("게재 일시 2024.03.11 09:12");
        assert_eq!(f.first().map(|f| f.0), Some(Label::Published));
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("입력 2024.03.11 09:12 수정 2024.03.11 10:00"));
        assert!(is_date_line("기사입력 :[ 2018-08-25 15:24 ]"));
        assert!(is_date_line("Published : Sep. 9, 2025 - 17:32"));
        assert!(is_date_line("2024년 3월 11일 (월)"));
        assert!(is_date_line("발표시간: [ 2020-06-17 12:18:47 ]"));
        assert!(is_date_line("2019-11-19 02:24:00 UTC"));
        assert!(is_date_line("최초 게시 2025.10.15 06:00 마지막 업데이트 2025.10.15 23:52"));
        assert!(!is_date_line("가. 기간: 2025. 3. 4.(화) 10:00 ~ 3. 7.(금) 17:00"));
        assert!(!is_date_line("정부는 2024년 3월 11일 발표했다"));
    }

    #[test]
    fn labels_abroad_and_in_pieces() {
        let f = labelled("발표시간: [ 2020-06-17 12:18:47 ]  편집/기자: [ 최승호 ]");
        assert_eq!(
            f.first().map(|f| (f.0, f.1.to_string())),
            Some((Label::Published, "2020-06-17 12:18".into()))
        );
        let f = labelled("입력 2020.06.01 | 17:41");
        assert_eq!(f.first().map(|f| f.1.to_string()), Some("2020-06-01 17:41".into()));
        assert_eq!(k("2020.06.01 | 17:41"), "2020-06-01 17:41");
        // A label alone on its line (a <dt>) names the kind of the date in the next block.
        assert_eq!(label_alone("입력"), Some(Label::Published));
        assert_eq!(label_alone("최종 수정일 :"), Some(Label::Modified));
        assert_eq!(label_alone("발표시간"), Some(Label::Published));
        assert_eq!(label_alone("입력하신 내용"), None);
        assert_eq!(label_alone("입력 2020.06.01"), None);
        // "최종 수정일" alone is the modified date: a page that prints only it has no
        // publication date printed.
        let f = labelled("최종 수정일 2025.03.04");
        assert_eq!(f.iter().map(|f| f.0).collect::<Vec<_>>(), vec![Label::Modified]);
        let f = labelled("최종 업데이트: 2024년 4월 22일");
        assert_eq!(f.first().map(|f| f.0), Some(Label::Modified));
        let f = labelled("Last updated: 2024-04-22");
        assert_eq!(f.first().map(|f| f.0), Some(Label::Modified));
        let f = labelled("게시일 2024.04.22");
        assert_eq!(f.first().map(|f| f.0), Some(Label::Published));
        // Papers in Japan and China.
        let f = labelled("掲載日 2025年 3月 12日");
        assert_eq!(f.first().map(|f| (f.0, f.1.to_string())), Some((Label::Published, "2025-03-12".into())));
        let f = labelled("发布时间：2020-06-17 12:18");
        assert_eq!(f.first().map(|f| f.1.to_string()), Some("2020-06-17 12:18".into()));
        assert!(is_date_line("掲載日 2025年 3月 12日"));
        // English labels and dates, with the time after them.
        let f = labelled("Published : Sep. 9, 2025 - 17:32");
        assert_eq!(
            f.first().map(|f| (f.0, f.1.to_string())),
            Some((Label::Published, "2025-09-09 17:32".into()))
        );
        let f = labelled("Updated on March 3, 2026 at 9:05 PM");
        assert_eq!(
            f.first().map(|f| (f.0, f.1.to_string())),
            Some((Label::Modified, "2026-03-03 21:05".into()))
        );
    }

    #[test]
    fn zones_win_over_the_default() {
        let iso = |s: &str| DateTime::parse_iso(s).map(|d| d.to_iso8601());
        assert_eq!(iso("2019-11-19 02:24:00 UTC"), Some("2019-11-19T02:24:00+00:00".into()));
        assert_eq!(iso("2019-11-19 02:24:00 GMT"), Some("2019-11-19T02:24:00+00:00".into()));
        assert_eq!(iso("2019-11-19T02:24:00Z"), Some("2019-11-19T02:24:00+00:00".into()));
        assert_eq!(iso("2019-11-19T02:24:00+00:00"), Some("2019-11-19T02:24:00+00:00".into()));
        assert_eq!(iso("2019-11-19 11:24:00 KST"), Some("2019-11-19T11:24:00+09:00".into()));
        // No zone printed: Korea's.
        assert_eq!(iso("2019-11-19 11:24:00"), Some("2019-11-19T11:24:00+09:00".into()));
        let printed = |s: &str| DateTime::parse_korean(s).map(|d| d.to_iso8601());
        assert_eq!(printed("입력 2019-11-19 02:24:00 UTC"), Some("2019-11-19T02:24:00+00:00".into()));
        assert_eq!(printed("2019.11.19 02:24 GMT+9"), Some("2019-11-19T02:24:00+09:00".into()));
        assert_eq!(printed("2019.11.19 02:24 (UTC+05:30)"), Some("2019-11-19T02:24:00+05:30".into()));
        assert_eq!(printed("2019.11.19 02:24 +00:00"), Some("2019-11-19T02:24:00+00:00".into()));
        assert_eq!(printed("2019.11.19 11:24 KST"), Some("2019-11-19T11:24:00+09:00".into()));
        assert_eq!(printed("2019.11.19 11:24"), Some("2019-11-19T11:24:00+09:00".into()));
        // The end of a range is no zone.
        assert_eq!(printed("2019.11.19 10:00-12:00"), Some("2019-11-19T10:00:00+09:00".into()));
        let f = labelled("입력 2019-11-19 02:24:00 UTC");
        assert_eq!(f.first().map(|f| f.1.offset_minutes), Some(0));
    }

    #[test]
    fn every_label_holds_a_label_word() {
        for (label, _) in LABELS {
            assert!(has_label_word(&label.replace(r"\s*", "").replace(r"\s+", " ")), "{label}");
        }
    }

    #[test]
    fn iso_forms() {
        let d = DateTime::parse_iso("2025-05-15T20:00:52.000+0900");
        assert_eq!(d.map(|d| d.to_iso8601()), Some("2025-05-15T20:00:52+09:00".into()));
        let d = DateTime::parse_iso("2022-12-31T11:12:22.000Z");
        assert_eq!(d.map(|d| d.to_iso8601()), Some("2022-12-31T11:12:22+00:00".into()));
        assert_eq!(DateTime::parse_iso("2021-03-20").map(|d| d.to_string()), Some("2021-03-20".into()));
        assert_eq!(DateTime::parse_iso("yesterday"), None);
        assert_eq!(
            DateTime::parse_iso(" 2024-9-3 07:05 +09:00 ").map(|d| d.to_iso8601()),
            Some("2024-09-03T07:05:00+09:00".into())
        );
    }

    /// The regex `parse_iso` read timestamps with before it was written by hand.
    fn parse_iso_by_regex(s: &str) -> Option<DateTime> {
        static ISO: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"^(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})(?:[T ](?P<H>[0-9]{1,2}):(?P<M>[0-9]{2})(?::(?P<S>[0-9]{2})(?:\.[0-9]+)?)?\s*(?P<tz>Z|z|[+-][0-9]{2}:?[0-9]{2}|(?i:UTC|GMT|UT|KST)(?-u:\b))?)?",
            )
            .unwrap()
        });
        let c = ISO.captures(s.trim())?;
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u16>().ok());
        let time = match (num("H"), num("M")) {
            (Some(h), Some(m)) => Some((h as u8, m as u8, num("S").unwrap_or(0) as u8)),
            _ => None,
        };
        let offset = match c.name("tz").map(|m| m.as_str()) {
            Some("Z" | "z") => 0,
            Some(tz) if tz.eq_ignore_ascii_case("KST") => KST_OFFSET_MINUTES,
            Some(tz) if tz.chars().all(|c| c.is_ascii_alphabetic()) => 0,
            Some(tz) => {
                let sign: i16 = if tz.starts_with('-') { -1 } else { 1 };
                let digits: String = tz.chars().filter(char::is_ascii_digit).collect();
                let h: i16 = digits.get(..2).and_then(|d| d.parse().ok()).unwrap_or(0);
                let m: i16 = digits.get(2..4).and_then(|d| d.parse().ok()).unwrap_or(0);
                sign * (h * 60 + m)
            }
            None => KST_OFFSET_MINUTES,
        };
        DateTime::new(num("y")?, num("m")? as u8, num("d")? as u8, time, offset)
    }

    #[test]
    fn iso_by_hand_reads_what_the_regex_read() {
        let pieces = [
            "2024",
            "-",
            "1",
            "09",
            "12",
            "123",
            "T",
            " ",
            ":",
            "00",
            "5",
            "59",
            ".",
            "000",
            "Z",
            "z",
            "+",
            "-",
            "0900",
            "09:00",
            "+09",
            "\t",
            "x",
            "UTC",
            "ut",
            "Kst",
            "GMT",
            "2021-03-20",
            "T20:00:52",
            "2025-05-15T20:00:52.000+0900",
        ];
        let mut cases = crate::test_support::Cases::new(0x9e37_79b9_7f4a_7c15);
        let (mut dated, mut timed, mut offset) = (0, 0, 0);
        for i in 0..20_000 {
            // Half the cases open with a good date, so the time and offset parts are reached.
            let mut s = String::from(["", "2024-09-12", "2024-9-3", "1999-12-31"][i % 2 * (1 + i / 2 % 3)]);
            cases.append(&mut s, &pieces, 8);
            for t in [s.as_str(), s.get(..s.len() / 2).unwrap_or("")] {
                let d = DateTime::parse_iso(t);
                assert_eq!(d, parse_iso_by_regex(t), "{t:?}");
                dated += usize::from(d.is_some());
                timed += usize::from(d.is_some_and(|d| d.time.is_some()));
                offset += usize::from(d.is_some_and(|d| d.offset_minutes != KST_OFFSET_MINUTES));
            }
        }
        assert!(dated > 5_000 && timed > 500 && offset > 50, "{dated} {timed} {offset}");
    }
}
