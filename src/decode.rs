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

use encoding_rs::{EUC_KR, Encoding, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// How far into the page a `<meta>` charset declaration is looked for. Browsers look in the
/// first 1024 bytes; real Korean pages put long scripts and comments first, so look further.
const META_SCAN_BYTES: usize = 16 * 1024;

/// How many bytes the EUC-KR / windows-1252 guess reads: enough for thousands of characters.
const GUESS_SCAN_BYTES: usize = 64 * 1024;

/// Decodes `bytes`, honouring `forced` (a caller-supplied charset) after a BOM.
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    forced: Option<&'static Encoding>,
) -> (Cow<'a, str>, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = enc.decode_without_bom_handling(rest);
        return (text, enc);
    }
    if let Some(enc) = forced {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return (text, enc);
    }
    // encoding_rs validates with SIMD (simdutf8, chosen at run time): on Korean text, three
    // bytes a syllable, it is many times faster than `std::str::from_utf8`, and valid input
    // comes back borrowed, uncopied.
    if let Some(text) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        return (text, UTF_8);
    }
    let enc = if mostly_utf8(bytes) {
        UTF_8
    } else {
        match declared_charset(bytes) {
            // A <meta> cannot truthfully declare UTF-16 (the bytes of the tag would not be
            // ASCII): treat it as the UTF-8 the page most likely meant.
            Some(enc) if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE => {
                utf8_or_euc_kr(bytes)
            }
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
            Some(enc) if enc == WINDOWS_1252 => guess_legacy(bytes),
            // `iso-2022-kr` and the other labels of the "replacement" encoding would decode the
            // whole page to one U+FFFD (the WHATWG guard against script smuggling): no text to
            // extract. Such a declaration on bytes that are not ISO-2022 is mistaken; guess.
            Some(enc) if enc == encoding_rs::REPLACEMENT => guess_legacy(bytes),
            Some(enc) => enc,
            None => guess_legacy(bytes),
        }
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text, enc)
}

/// EUC-KR when the bytes read as good EUC-KR, UTF-8 (decoded with replacement characters)
/// otherwise.
fn utf8_or_euc_kr(bytes: &[u8]) -> &'static Encoding {
    if guess_legacy(bytes) == EUC_KR { EUC_KR } else { UTF_8 }
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

/// Picks EUC-KR or windows-1252 for undeclared legacy bytes: Korean pages are the case this
/// crate is for, and EUC-KR decodes Western bytes with many errors, so errors decide.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let sample = bytes.get(..GUESS_SCAN_BYTES.min(bytes.len())).unwrap_or_default();
    let (text, _, _) = EUC_KR.decode(sample);
    let mut hangul = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        match c {
            '\u{AC00}'..='\u{D7A3}' => hangul += 1,
            '\u{FFFD}' => bad += 1,
            _ => {}
        }
    }
    // A truncated last character is one error; real EUC-KR text has hundreds of syllables.
    if hangul > 0 && bad * 20 <= hangul { EUC_KR } else { WINDOWS_1252 }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
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
        assert_eq!(decode(page, None).1, UTF_8);
    }

    #[test]
    fn euc_kr_by_declaration_and_by_guess() {
        let (bytes, _, _) = EUC_KR.encode("<p>정부가 오늘 발표했다. 시행은 다음 달부터다.</p>");
        let declared =
            [b"<meta http-equiv='Content-Type' content='text/html; charset=euc-kr'>".as_slice(), &bytes]
                .concat();
        assert_eq!(decode(&declared, None).1, EUC_KR);
        let (text, enc) = decode(&bytes, None);
        assert_eq!(enc, EUC_KR);
        assert!(text.contains("정부가 오늘"));
    }

    #[test]
    fn utf8_cut_short_or_slightly_damaged_is_utf8() {
        let page = "<p>정부가 오늘 새 정책을 발표했다. 시행은 다음 달부터다.</p>".repeat(3);
        let cut = page.as_bytes().get(..page.len() - 1).unwrap_or_default();
        assert_eq!(decode(cut, None).1, UTF_8);
        let mut damaged = page.into_bytes();
        damaged[10] = 0xFF;
        assert_eq!(decode(&damaged, None).1, UTF_8);
    }

    #[test]
    fn lying_declarations_lose_to_euc_kr_bytes() {
        let (body, _, _) = EUC_KR.encode("<p>정부가 오늘 발표했다. 시행은 다음 달부터다.</p>");
        for meta in ["<meta charset=utf-8>", "<meta charset=iso-8859-1>", "<meta charset=iso-2022-kr>"] {
            let page = [meta.as_bytes(), &body].concat();
            assert_eq!(decode(&page, None).1, EUC_KR, "{meta}");
        }
        // A true windows-1252 declaration stands.
        let page = b"<meta charset=iso-8859-1><p>caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade</p>";
        assert_eq!(decode(page, None).1, WINDOWS_1252);
    }

    #[test]
    fn bom_and_forced() {
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "<p>가나</p>".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&utf16, None).0, "<p>가나</p>");
        assert_eq!(decode(b"abc", Some(EUC_KR)).1, EUC_KR);
    }
}
