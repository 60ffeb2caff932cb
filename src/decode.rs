//! Stage 1: bytes to text. Finds the charset the bytes are really in, not the one the page claims.
//!
//! Order: a byte-order mark; a charset the caller names (an HTTP header, say); bytes that are
//! valid UTF-8 are UTF-8 whatever the page declares (re-saved pages keep a stale
//! `<meta charset=euc-kr>`), and so are bytes that are UTF-8 but for a cut-off last character
//! or a stray corrupt byte among many good multi-byte characters; the page's own `<meta>`
//! declaration; then a guess between EUC-KR (which in encoding_rs is the CP949 superset) and
//! windows-1252 by which decodes with fewer errors and more Hangul.
//!
//! Two declarations are checked against the bytes rather than believed (see [`decode`]): UTF-8
//! on bytes that are not UTF-8, and a single-byte Western charset (windows-1252, which
//! `iso-8859-1`, `latin1` and `us-ascii` name too) on bytes that read as good EUC-KR. A label of
//! the WHATWG "replacement" encoding (`iso-2022-kr` …) is ignored: it would decode to nothing.

use crate::CharsetSource;
use encoding_rs::{EUC_KR, Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::borrow::Cow;

/// How far into the page a `<meta>` charset declaration is looked for. Browsers look in the
/// first 1024 bytes; real Korean pages put long scripts and comments first, so look further.
const META_SCAN_BYTES: usize = 16 * 1024;

/// How many bytes the EUC-KR / windows-1252 guess reads: enough for thousands of characters.
const GUESS_SCAN_BYTES: usize = 64 * 1024;

/// How many bytes are looked at for UTF-16 without a byte-order mark: a page's first tags.
const UTF16_SCAN_BYTES: usize = 1024;

/// A page decoded: its text, the charset used, and how that charset was chosen.
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
    pub source: CharsetSource,
    /// The charset was guessed for undeclared bytes, and they do not read as Korean in it:
    /// the text is most likely mojibake (see [`guess_legacy`]).
    pub uncertain: bool,
}

/// Decodes `bytes`, honouring `forced` (a caller-supplied charset) after a BOM.
pub(crate) fn decode<'a>(bytes: &'a [u8], forced: Option<&'static Encoding>) -> Decoded<'a> {
    let made = |text, encoding, source| Decoded { text, encoding, source, uncertain: false };
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = enc.decode_without_bom_handling(rest);
        return made(text, enc, CharsetSource::Bom);
    }
    if let Some(enc) = forced {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return made(text, enc, CharsetSource::Caller);
    }
    // Before UTF-8: UTF-16 markup is valid UTF-8 (ASCII with a NUL after or before each byte).
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return made(text, enc, CharsetSource::Detected);
    }
    let declared = declared_charset(bytes);
    // A declaration is the source only when the charset used is the one it names.
    let source_for = |enc: &'static Encoding| {
        if declared == Some(enc) { CharsetSource::Meta } else { CharsetSource::Detected }
    };
    // encoding_rs validates with SIMD (simdutf8, chosen at run time): on Korean text, three
    // bytes a syllable, it is many times faster than `std::str::from_utf8`, and valid input
    // comes back borrowed, uncopied.
    if let Some(text) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        return made(text, UTF_8, source_for(UTF_8));
    }
    let mut uncertain = false;
    let enc = if mostly_utf8(bytes) {
        UTF_8
    } else {
        match declared {
            // A <meta> cannot truthfully declare UTF-16 (the bytes of the tag would not be
            // ASCII): treat it as the UTF-8 the page most likely meant.
            Some(enc) if enc == UTF_16LE || enc == UTF_16BE => utf8_or_euc_kr(bytes),
            // Declared UTF-8 on bytes that are not UTF-8 (mostly_utf8 said no): a Korean page
            // re-encoded to EUC-KR by a CMS or a proxy that kept the template's
            // `<meta charset=utf-8>`. When the bytes read as good EUC-KR they are; otherwise
            // decode as declared, with replacement characters.
            Some(enc) if enc == UTF_8 => utf8_or_euc_kr(bytes),
            // Declared windows-1252 (also what the labels iso-8859-1, latin1, ascii and us-ascii
            // mean, per the WHATWG Encoding standard) on bytes that read as good EUC-KR: the
            // declaration is a lie that Korean crawls do see — old boards and servers whose
            // default is ISO-8859-1, templates with a stock header. Western text almost never
            // reads as good EUC-KR (an accented letter followed by an ASCII letter is an error
            // in it, and guess_legacy wants 20 Hangul syllables per error), while believing the
            // lie turns every Korean syllable into two Latin-1 symbols. So the bytes win.
            Some(enc) if enc == WINDOWS_1252 => match guess_legacy(bytes) {
                Guess::EucKr => EUC_KR,
                Guess::Western | Guess::NotKorean => WINDOWS_1252,
            },
            // `iso-2022-kr` and the other labels of the "replacement" encoding would decode the
            // whole page to one U+FFFD (the WHATWG guard against script smuggling): no text to
            // extract. Such a declaration on bytes that are not ISO-2022 is mistaken; guess.
            Some(enc) if enc != encoding_rs::REPLACEMENT => enc,
            _ => match guess_legacy(bytes) {
                Guess::EucKr => EUC_KR,
                Guess::Western => WINDOWS_1252,
                Guess::NotKorean => {
                    uncertain = true;
                    EUC_KR
                }
            },
        }
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Decoded { text, encoding: enc, source: source_for(enc), uncertain }
}

/// UTF-16LE or UTF-16BE for bytes without a byte-order mark whose first characters are
/// ASCII stored in two bytes each: the NUL of every pair on one side. Markup is mostly ASCII,
/// so a page's first tags show it; UTF-8 and legacy pages have no NULs but by damage (a few,
/// on both sides).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    /// At least this many pairs to judge by: a page's first few tags.
    const MIN_PAIRS: usize = 16;
    let sample = bytes.get(..UTF16_SCAN_BYTES.min(bytes.len()))?;
    let pairs = sample.len() / 2;
    if pairs < MIN_PAIRS {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair.first() == Some(&0));
        odd += usize::from(pair.get(1) == Some(&0));
    }
    // Markup is ASCII for most of a page's start (a third is plenty); NULs on the other side
    // would be characters U+xx00, rare (one in 256 of a script's code points).
    let one_sided = |nuls: usize, other: usize| nuls * 3 >= pairs && other * 20 <= pairs;
    if one_sided(odd, even) {
        Some(UTF_16LE)
    } else if one_sided(even, odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// EUC-KR when the bytes read as good EUC-KR, UTF-8 (decoded with replacement characters)
/// otherwise.
fn utf8_or_euc_kr(bytes: &[u8]) -> &'static Encoding {
    if guess_legacy(bytes) == Guess::EucKr { EUC_KR } else { UTF_8 }
}

/// Whether bytes that are not valid UTF-8 are UTF-8 all the same: a page cut off in the middle
/// of its last character, or with a stray corrupt byte among many good multi-byte characters.
/// Legacy encodings do not look like this: EUC-KR Hangul is mostly invalid as UTF-8 (lead bytes
/// 0xB0–0xBF are UTF-8 continuation bytes), and an accented windows-1252 letter followed by an
/// ASCII one is an error. Reads the whole input: UTF-8 validation runs at memory speed.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut multibyte = 0usize;
    let mut errors = 0usize;
    let mut chunks = bytes.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        // An invalid sequence at the very end is a last character cut short: no error of encoding.
        if !chunk.invalid().is_empty() && chunks.peek().is_some() {
            errors += 1;
        }
    }
    // At least four good multi-byte characters per error: damage, not another encoding. Read as
    // UTF-8, EUC-KR Korean text gives about one good character per six errors (0.16–0.18 on the
    // corpus pages re-encoded), and windows-1252 text next to none (a valid pair needs a
    // capital accented letter before a symbol).
    multibyte > 0 && errors * 4 <= multibyte
}

/// The charset named by `<meta charset=…>` or `<meta http-equiv=Content-Type content=…charset=…>`
/// near the start of the page.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..META_SCAN_BYTES.min(bytes.len()))?;
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(lower.get(from..)?, b"<meta") {
        let start = from + pos;
        let end = lower.get(start..)?.iter().position(|&b| b == b'>').map_or(lower.len(), |e| start + e);
        let tag = lower.get(start..end)?;
        if let Some(cs) = find(tag, b"charset") {
            let after = tag.get(cs + b"charset".len()..)?;
            let after = trim_start(after);
            if let Some(after) = after.strip_prefix(b"=") {
                let value = trim_start(after);
                let value = value.strip_prefix(b"\"").or_else(|| value.strip_prefix(b"'")).unwrap_or(value);
                let len = value
                    .iter()
                    .position(|b| {
                        matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>') || b.is_ascii_whitespace()
                    })
                    .unwrap_or(value.len());
                if let Some(enc) = value.get(..len).and_then(Encoding::for_label) {
                    return Some(enc);
                }
            }
        }
        from = end;
    }
    None
}

/// What undeclared legacy bytes read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Guess {
    /// Korean text in EUC-KR (CP949).
    EucKr,
    /// Not EUC-KR: too many errors in it. Windows-1252, the WHATWG default for Western pages.
    Western,
    /// EUC-KR without errors, but not Korean text: the pairs fall on Hanja and on the rare
    /// syllables of CP949's extension, where Chinese (GB18030) and Japanese (Shift_JIS) bytes
    /// land. Decoding it gives Hangul-looking nonsense.
    NotKorean,
}

/// At most this share of a Korean text's two-byte characters are Hanja, CP949 extension
/// syllables or lone jamo. Korean news and blogs write Hanja sparingly (靑, 美, 中 in headlines: a few per
/// cent), and the 8,822 extension syllables (똠, 햏 …) are rarer still: KS X 1001's 2,350
/// syllables cover all but a handful a page. Chinese GB2312 text read as EUC-KR lands about
/// two in five of its characters on Hanja rows, Shift_JIS kana and kanji nearly all on
/// extension syllables, EUC-JP kana on the jamo rows.
const MAX_NOT_KOREAN_SHARE: f32 = 0.2;

/// Picks EUC-KR or windows-1252 for undeclared legacy bytes: Korean pages are the case this
/// crate is for, and EUC-KR decodes Western bytes with many errors, so errors decide; and says
/// when EUC-KR decodes them without errors but not as Korean ([`Guess::NotKorean`]).
fn guess_legacy(bytes: &[u8]) -> Guess {
    let sample = bytes.get(..GUESS_SCAN_BYTES.min(bytes.len())).unwrap_or_default();
    let pairs = classify_pairs(sample);
    let hangul = pairs.ks_hangul + pairs.extension;
    // A truncated last character is one error; real EUC-KR text has hundreds of syllables.
    if hangul == 0 || pairs.errors * 20 > hangul {
        return Guess::Western;
    }
    let not_korean = pairs.extension + pairs.hanja + pairs.kana_rows;
    let two_byte = pairs.ks_hangul + not_korean;
    if not_korean as f32 > MAX_NOT_KOREAN_SHARE * two_byte as f32 { Guess::NotKorean } else { Guess::EucKr }
}

/// Two-byte characters of CP949 bytes, by where they fall.
#[derive(Debug, Default)]
struct Pairs {
    /// KS X 1001 Hangul syllables (lead 0xB0–0xC8, trail 0xA1–0xFE).
    ks_hangul: usize,
    /// KS X 1001 Hanja (lead 0xCA–0xFD, trail 0xA1–0xFE).
    hanja: usize,
    /// CP949's extension syllables (lead 0x81–0xC6, trail below 0xA1).
    extension: usize,
    /// Jamo, Roman numerals and Greek (rows 0xA4–0xA5): EUC-JP's hiragana and katakana.
    kana_rows: usize,
    /// Bytes that are no CP949 character.
    errors: usize,
}

/// Reads bytes as CP949 (encoding_rs's EUC-KR) by the byte ranges of its code table, without
/// decoding them: ASCII is one byte; a lead 0x81–0xFE takes the next byte as its trail.
fn classify_pairs(bytes: &[u8]) -> Pairs {
    let mut p = Pairs::default();
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if lead < 0x80 {
            i += 1;
            continue;
        }
        let Some(&trail) = bytes.get(i + 1) else {
            // Cut off after its lead byte: the page's end, not an error of encoding.
            break;
        };
        let ascii_letter = trail.is_ascii_alphabetic();
        let high = (0x81..=0xFE).contains(&trail);
        match lead {
            0x81..=0xA0 if ascii_letter || high => p.extension += 1,
            0xA1..=0xC6 if ascii_letter || (0x81..=0xA0).contains(&trail) => p.extension += 1,
            0xB0..=0xC8 if trail >= 0xA1 && trail != 0xFF => p.ks_hangul += 1,
            0xCA..=0xFD if trail >= 0xA1 && trail != 0xFF => p.hanja += 1,
            // Jamo and Roman numerals/Greek (rows 0xA4, 0xA5): where EUC-JP puts its kana.
            // Korean text spells with syllables; lone jamo (ㅋㅋ) are a few per cent of a blog.
            0xA4 | 0xA5 if trail >= 0xA1 && trail != 0xFF => p.kana_rows += 1,
            // Other symbols and letters (rows 0xA1–0xAF): neither side's evidence.
            0xA1..=0xAF | 0xC9 | 0xFE if high => {}
            _ => {
                p.errors += 1;
                // The trail is read again as a character of its own, as a decoder does.
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    p
}

/// Whether bytes that read as no text in windows-1252 read cleanly as a two-byte CJK charset
/// (Shift_JIS, EUC-JP, GB18030, Big5): a page in a charset that is neither declared nor
/// detected, not a binary file. Binary data makes an error in each within a few hundred bytes;
/// text of one of them has none.
pub(crate) fn reads_as_other_cjk(bytes: &[u8]) -> bool {
    /// Enough two-byte characters for a clean decoding to mean something.
    const MIN_CHARS: usize = 20;
    let sample = bytes.get(..GUESS_SCAN_BYTES.min(bytes.len())).unwrap_or_default();
    [encoding_rs::SHIFT_JIS, encoding_rs::EUC_JP, encoding_rs::GB18030, encoding_rs::BIG5].iter().any(|enc| {
        let mut decoder = enc.new_decoder_without_bom_handling();
        let Some(cap) = decoder.max_utf8_buffer_length_without_replacement(sample.len()) else {
            return false;
        };
        let mut out = String::with_capacity(cap);
        // Not the last piece: a character cut at the sample's end is no error.
        let (result, _) = decoder.decode_to_string_without_replacement(sample, &mut out, false);
        result == encoding_rs::DecoderResult::InputEmpty
            && out.chars().filter(|c| !c.is_ascii()).count() >= MIN_CHARS
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    s.get(n..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_utf8_wins_over_a_stale_declaration() {
        let page = "<meta charset=\"euc-kr\"><p>한국어</p>".as_bytes();
        assert_eq!(decode(page, None).encoding, UTF_8);
    }

    #[test]
    fn euc_kr_by_declaration_and_by_guess() {
        let (bytes, _, _) = EUC_KR.encode("<p>정부가 오늘 발표했다. 시행은 다음 달부터다.</p>");
        let declared =
            [b"<meta http-equiv='Content-Type' content='text/html; charset=euc-kr'>".as_slice(), &bytes]
                .concat();
        assert_eq!(decode(&declared, None).encoding, EUC_KR);
        let d = decode(&bytes, None);
        assert_eq!((d.encoding, d.source, d.uncertain), (EUC_KR, CharsetSource::Detected, false));
        assert!(d.text.contains("정부가 오늘"));
    }

    #[test]
    fn utf8_cut_short_or_slightly_damaged_is_utf8() {
        let page = "<p>정부가 오늘 새 정책을 발표했다. 시행은 다음 달부터다.</p>".repeat(3);
        let cut = page.as_bytes().get(..page.len() - 1).unwrap_or_default();
        assert_eq!(decode(cut, None).encoding, UTF_8);
        let mut damaged = page.into_bytes();
        damaged[10] = 0xFF;
        assert_eq!(decode(&damaged, None).encoding, UTF_8);
    }

    #[test]
    fn lying_declarations_lose_to_euc_kr_bytes() {
        let (body, _, _) = EUC_KR.encode("<p>정부가 오늘 발표했다. 시행은 다음 달부터다.</p>");
        for meta in ["<meta charset=utf-8>", "<meta charset=iso-8859-1>", "<meta charset=iso-2022-kr>"] {
            let page = [meta.as_bytes(), &body].concat();
            assert_eq!(decode(&page, None).encoding, EUC_KR, "{meta}");
        }
        // A true windows-1252 declaration stands.
        let page = b"<meta charset=iso-8859-1><p>caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade</p>";
        assert_eq!(decode(page, None).encoding, WINDOWS_1252);
    }

    #[test]
    fn bom_and_forced() {
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "<p>가나</p>".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&utf16, None).text, "<p>가나</p>");
        assert_eq!(decode(&utf16, None).source, CharsetSource::Bom);
        let forced = decode(b"abc", Some(EUC_KR));
        assert_eq!((forced.encoding, forced.source), (EUC_KR, CharsetSource::Caller));
    }

    /// Chinese and Japanese text in their charsets: EUC-KR reads them without errors (so the
    /// old guess took them for Korean), but not as Korean.
    #[test]
    fn cjk_bytes_do_not_read_as_korean() {
        let chinese = "据报道，国家统计局今天发布的数据显示，居民收入比上年同期增长。专家表示，消费市场继续保持恢复态势。";
        let japanese = "気象庁によりますと、発達した低気圧の影響で、明日にかけて大雨となるおそれがあります。警戒してください。";
        for (name, enc, text) in [
            ("GB18030", encoding_rs::GB18030, chinese),
            ("Shift_JIS", encoding_rs::SHIFT_JIS, japanese),
            ("EUC-JP", encoding_rs::EUC_JP, japanese),
            (
                "Big5",
                encoding_rs::BIG5,
                "據報道，國家統計局今天發布的數據顯示，居民收入比上年同期增長。專家表示，消費市場繼續保持恢復態勢。",
            ),
        ] {
            let bytes = enc.encode(&format!("<p>{text}</p>")).0.into_owned();
            let d = decode(&bytes, None);
            let refused = d.uncertain || (d.encoding == WINDOWS_1252 && reads_as_other_cjk(&bytes));
            assert!(refused, "{name}: {:?} {:?}", d.encoding, classify_pairs(&bytes));
            assert!(reads_as_other_cjk(&bytes), "{name}");
        }
        // Korean stays Korean; noise and Western text read as no CJK charset.
        let (korean, _, _) =
            EUC_KR.encode("<p>정부가 오늘 새 정책을 발표했다. 시행은 다음 달부터라고 밝혔다.</p>");
        assert_eq!(guess_legacy(&korean), Guess::EucKr);
        let french = WINDOWS_1252
            .encode("<p>Le pâtissier a présenté hier une crème brûlée à la façon de sa grand-mère.</p>")
            .0;
        assert!(!reads_as_other_cjk(&french));
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect();
        assert!(!reads_as_other_cjk(&noise));
    }
}
