//! Any bytes in, never a panic: `bonmun::extract`, and `extract_with_charset` with a label
//! chosen by the first byte. Also checks what an `Ok` promises: at least one paragraph, none
//! empty, each one of the blocks.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// Labels the first byte picks from: Korean and Western ones, multi-byte ones whose decoders
/// take other paths, the "replacement" encoding's label, and names that are no label.
const LABELS: &[&str] = &[
    "utf-8",
    "euc-kr",
    "cp949",
    "ks_c_5601-1987",
    "windows-1252",
    "iso-8859-1",
    "utf-16le",
    "utf-16be",
    "iso-2022-kr",
    "iso-2022-jp",
    "x-user-defined",
    "shift_jis",
    "euc-jp",
    "gb18030",
    "big5",
    "koi8-r",
    "windows-1251",
    " UTF-8 ",
    "bogus",
    "",
];

fn check(result: Result<bonmun::Article, bonmun::Error>) {
    if let Ok(article) = result {
        assert!(article.paragraphs().next().is_some(), "Ok without paragraphs");
        for p in article.paragraphs() {
            assert!(!p.trim().is_empty(), "empty paragraph");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    check(bonmun::extract(data));
    if let Some((&first, rest)) = data.split_first() {
        let label = LABELS[usize::from(first) % LABELS.len()];
        let result = bonmun::Extractor::default().extract_with_charset(rest, label);
        if let Err(bonmun::Error::UnknownCharset(l)) = &result {
            assert_eq!(l, label);
        }
        check(result);
    }
});
