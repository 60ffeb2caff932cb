//! Dates as Korean pages print them ("기사입력 2023-06-29 15:30", "입력 2023.06.29 오후 3:30",
//! "2023년06월29일 15:30") and as their metadata gives them (ISO 8601), read into one type.

use regex::Regex;
use std::fmt;
use std::sync::LazyLock;

/// Korea Standard Time, the offset assumed where a page prints a time without one.
pub const KST_OFFSET_MINUTES: i16 = 9 * 60;

/// A calendar date with an optional time of day and a UTC offset.
///
/// Pages print local time without an offset; there the offset is +09:00 (KST). An offset the
/// page gives (in ISO 8601 metadata) is kept as given, not converted.
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

    /// Reads an ISO 8601 / RFC 3339 timestamp as metadata gives it
    /// (`2025-05-15T20:00:52.000+0900`, `2022-12-31T11:12:22Z`, `2021-03-20`).
    pub fn parse_iso(s: &str) -> Option<DateTime> {
        let c = ISO.captures(s.trim())?;
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u16>().ok());
        let time = match (num("H"), num("M")) {
            (Some(h), Some(m)) => Some((h as u8, m as u8, num("S").unwrap_or(0) as u8)),
            _ => None,
        };
        let offset = match c.name("tz").map(|m| m.as_str()) {
            Some("Z" | "z") => 0,
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

    /// Reads the first date printed in a Korean text, with its time if one follows:
    /// `2023-06-29 15:30`, `2023.06.29. 오후 3:30`, `2023년06월29일 15시30분`, `2023/6/29`.
    pub fn parse_korean(s: &str) -> Option<DateTime> {
        let c = KOREAN.captures(s)?;
        Self::from_korean_captures(&c)
    }

    /// Reads an English date as blog themes print it: "March 28, 2026", "Mar 28, 2026".
    pub(crate) fn parse_english(s: &str) -> Option<DateTime> {
        let c = ENGLISH.captures(s)?;
        let month = c.name("mon")?.as_str().get(..3)?.to_ascii_lowercase();
        let m = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            .iter()
            .position(|x| *x == month)? as u8
            + 1;
        let d = c.name("d")?.as_str().parse().ok()?;
        let y = c.name("y")?.as_str().parse().ok()?;
        DateTime::new(y, m, d, None, KST_OFFSET_MINUTES)
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
        DateTime::new(year, num("m")? as u8, num("d")? as u8, time, KST_OFFSET_MINUTES)
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

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?\s*(?P<tz>Z|z|[+-]\d{2}:?\d{2})?)?",
    )
    .expect("constant regex")
});

/// A printed date, optionally followed by a time in 24- or 12-hour form.
const KOREAN_DATE: &str = r"(?P<y>(?:19|20)\d\d)\s*(?:[.\-/]|년)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월)\s*(?P<d>\d{1,2})\s*(?:일|\.)?\s*(?:\(\s*[월화수목금토일]\s*\))?\s*[(\[]?\s*(?:(?P<ampm>오전|오후|AM|PM|am|pm)\s*)?(?:(?P<H>\d{1,2})\s*(?::|시)\s*(?P<M>\d{2})(?:\s*(?::|분)\s*(?P<S>\d{2}))?)?";

static ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d>\d{1,2})[,.]?\s+(?P<y>(?:19|20)\d\d)(?-u:\b)")
        .expect("constant regex")
});

static KOREAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(KOREAN_DATE).expect("constant regex"));

/// What a printed date label says the date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    Published,
    Modified,
}

/// A label and the date after it: "기사입력 : [ 2018-08-25 15:24 ]", "최종수정 2023.06.29".
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    // After a label, a two-digit year is a date too: board software prints "작성일 24-11-03 22:15".
    let date = KOREAN_DATE.replace(r"(?P<y>(?:19|20)\d\d)", r"(?P<y>(?:19|20)?\d\d)");
    Regex::new(&format!(
        r"(?P<label>기사\s*입력|최초\s*입력|입력|등록|승인|게재\s*일시|게재|발행|작성|송고|기사\s*전송|전송|최종\s*수정|기사\s*수정|수정|업데이트|Posted|Published|Updated)\s*(?:일시|시간|일)?\s*[:：]?\s*[\[(]?\s*{date}"
    ))
    .expect("constant regex")
});

/// Every labelled date in a text, in order.
pub(crate) fn labelled(text: &str) -> Vec<(Label, DateTime)> {
    LABELLED
        .captures_iter(text)
        .filter_map(|c| {
            let label = c.name("label")?.as_str();
            let kind = if label.contains("수정") || label == "Updated" || label == "업데이트" {
                Label::Modified
            } else {
                Label::Published
            };
            Some((kind, DateTime::from_korean_captures(&c)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> String {
        DateTime::parse_korean(s).map(|d| d.to_string()).unwrap_or_default()
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
    fn iso_forms() {
        let d = DateTime::parse_iso("2025-05-15T20:00:52.000+0900");
        assert_eq!(d.map(|d| d.to_iso8601()), Some("2025-05-15T20:00:52+09:00".into()));
        let d = DateTime::parse_iso("2022-12-31T11:12:22.000Z");
        assert_eq!(d.map(|d| d.to_iso8601()), Some("2022-12-31T11:12:22+00:00".into()));
        assert_eq!(DateTime::parse_iso("2021-03-20").map(|d| d.to_string()), Some("2021-03-20".into()));
        assert_eq!(DateTime::parse_iso("yesterday"), None);
    }
}
