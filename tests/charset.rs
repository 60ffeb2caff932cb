//! Charsets: a Korean page gives the same article whatever bytes it comes in — EUC-KR declared,
//! undeclared or declared wrongly, UTF-16 with a BOM — and a charset the caller names wins
//! over what the page declares.
//!
//! The pages are the project's corpus (`corpus/raw/*.html`, UTF-8), re-encoded here; and the
//! real pages of `../shared/realpages/raw` that declare EUC-KR but are stored as UTF-8.

mod common;

use bonmun::{Article, CharsetSource, Error, Extractor};
use encoding_rs::{EUC_KR, UTF_8, WINDOWS_1252};
use regex::Regex;
use std::path::{Path, PathBuf};

/// The corpus pages, name and text; fails when there are none.
fn corpus_pages() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/raw");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    paths.sort();
    let pages: Vec<(String, String)> = paths
        .iter()
        // The variants are built from a page's text: the pages saved in EUC-KR bytes (033,
        // 039) are read in their own charset here, as the quality tests read them as saved.
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let text = match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => encoding_rs::EUC_KR.decode_without_bom_handling(e.as_bytes()).0.into_owned(),
            };
            (name, text)
        })
        .collect();
    assert!(!pages.is_empty(), "no pages in {}", dir.display());
    pages
}

/// The page without its charset declaration (`<meta charset>` or the http-equiv form).
fn without_charset_meta(page: &str) -> String {
    let meta = Regex::new(r"(?i)<meta\b[^>]*\bcharset\s*=[^>]*>").expect("regex");
    meta.replace_all(page, "").into_owned()
}

/// The page with `meta` as its only charset declaration, right after `<head>`.
fn with_charset_meta(page: &str, meta: &str) -> String {
    let mut out = without_charset_meta(page);
    let head = Regex::new(r"(?i)<head\b[^>]*>").expect("regex");
    let at = head.find(&out).map_or(0, |m| m.end());
    out.insert_str(at, meta);
    out
}

/// EUC-KR bytes of `text`; characters outside the set become numeric character references
/// (`&#128512;`), which the parser turns back into the same characters.
fn euc_kr(text: &str) -> Vec<u8> {
    EUC_KR.encode(text).0.into_owned()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

/// What the comparison looks at: the title and the paragraphs, or the error.
fn outcome(result: &Result<Article, Error>) -> Result<(Option<String>, Vec<String>), Error> {
    result
        .as_ref()
        .map(|a| (a.title.clone(), a.paragraphs().map(str::to_string).collect()))
        .map_err(Clone::clone)
}

/// A variant of a page: its name, how to make its bytes from the UTF-8 text, and the charset
/// bonmun must report for it, with how it was chosen.
type Variant<'a> = (&'a str, &'a dyn Fn(&str) -> Vec<u8>, &'a str, CharsetSource);

/// Extracts every variant of every corpus page and checks it against the UTF-8 original.
fn check_variants(variants: &[Variant<'_>]) {
    let pages = corpus_pages();
    let mut failures = Vec::new();
    for (name, page) in &pages {
        let original = bonmun::extract(page.as_bytes());
        assert!(original.is_ok(), "{name}: the UTF-8 original gives {:?}", original.as_ref().err());
        for (label, make, charset, source) in variants {
            let got = bonmun::extract(&make(page));
            if outcome(&got) != outcome(&original) {
                failures.push(format!(
                    "{name} {label}: differs from the UTF-8 original ({:?})",
                    got.as_ref().err()
                ));
            } else if let Ok(a) = &got
                && (a.charset != *charset || a.charset_source != *source)
            {
                failures.push(format!(
                    "{name} {label}: decoded as {} ({:?}), not {charset} ({source:?})",
                    a.charset, a.charset_source
                ));
            }
        }
    }
    println!("{} pages × {} variants", pages.len(), variants.len());
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn euc_kr_declared_or_not_gives_the_same_article() {
    check_variants(&[
        (
            "EUC-KR, <meta charset=euc-kr>",
            &|p| euc_kr(&with_charset_meta(p, "<meta charset=\"euc-kr\">")),
            "EUC-KR",
            CharsetSource::Meta,
        ),
        (
            "EUC-KR, http-equiv ks_c_5601-1987",
            &|p| {
                euc_kr(&with_charset_meta(
                    p,
                    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ks_c_5601-1987\">",
                ))
            },
            "EUC-KR",
            CharsetSource::Meta,
        ),
        ("EUC-KR, no declaration", &|p| euc_kr(&without_charset_meta(p)), "EUC-KR", CharsetSource::Detected),
    ]);
}

/// A declaration the bytes contradict. UTF-8 declared on bytes that are not UTF-8 is plainly
/// false. A single-byte Western charset (iso-8859-1, windows-1252, us-ascii: all windows-1252
/// in the WHATWG Encoding standard) declared on bytes that read as good EUC-KR is a lie Korean
/// crawls do see — old boards and servers defaulting to ISO-8859-1 — and believing it turns
/// every syllable into two Latin-1 symbols; src/decode.rs lets the bytes win (see there).
#[test]
fn wrong_declarations_on_euc_kr_bytes_give_the_same_article() {
    check_variants(&[
        (
            "EUC-KR, declared utf-8",
            &|p| euc_kr(&with_charset_meta(p, "<meta charset=\"utf-8\">")),
            "EUC-KR",
            CharsetSource::Detected,
        ),
        (
            "EUC-KR, declared iso-8859-1",
            &|p| euc_kr(&with_charset_meta(p, "<meta charset=iso-8859-1>")),
            "EUC-KR",
            CharsetSource::Detected,
        ),
        (
            "EUC-KR, declared windows-1252",
            &|p| euc_kr(&with_charset_meta(p, "<meta charset=\"windows-1252\">")),
            "EUC-KR",
            CharsetSource::Detected,
        ),
        (
            "EUC-KR, declared us-ascii",
            &|p| euc_kr(&with_charset_meta(p, "<meta charset=us-ascii>")),
            "EUC-KR",
            CharsetSource::Detected,
        ),
    ]);
}

#[test]
fn utf16_with_bom_gives_the_same_article() {
    check_variants(&[
        ("UTF-16LE with BOM", &|p| utf16(p, false), "UTF-16LE", CharsetSource::Bom),
        ("UTF-16BE with BOM", &|p| utf16(p, true), "UTF-16BE", CharsetSource::Bom),
        (
            "UTF-16LE with BOM, undeclared",
            &|p| utf16(&without_charset_meta(p), false),
            "UTF-16LE",
            CharsetSource::Bom,
        ),
    ]);
}

#[test]
fn utf8_gives_the_same_article_declared_or_not() {
    check_variants(&[
        (
            "UTF-8, no declaration",
            &|p| without_charset_meta(p).into_bytes(),
            "UTF-8",
            CharsetSource::Detected,
        ),
        (
            "UTF-8, declared utf-8",
            &|p| with_charset_meta(p, "<meta charset=utf-8>").into_bytes(),
            "UTF-8",
            CharsetSource::Meta,
        ),
        (
            "UTF-8, declared euc-kr",
            &|p| with_charset_meta(p, "<meta charset=euc-kr>").into_bytes(),
            "UTF-8",
            CharsetSource::Detected,
        ),
        (
            "UTF-8 with BOM",
            &|p| [b"\xEF\xBB\xBF".as_slice(), p.as_bytes()].concat(),
            "UTF-8",
            CharsetSource::Bom,
        ),
    ]);
}

/// A page cut off in the middle of its last character, with no declaration, is still UTF-8 (not
/// windows-1252 mojibake); so is a page with one corrupt byte among its multi-byte characters.
#[test]
fn damaged_utf8_stays_utf8() {
    for (name, page) in corpus_pages() {
        let bare = without_charset_meta(&page);
        let non_ascii = bare.chars().filter(|c| !c.is_ascii()).count();
        let original = outcome(&bonmun::extract(bare.as_bytes()));
        assert!(original.is_ok(), "{name}: {original:?}");
        // Cut after the first byte of a last character.
        let cut = [bare.as_bytes(), &"가".as_bytes()[..1]].concat();
        let got = bonmun::extract(&cut);
        assert_eq!(outcome(&got), original, "{name} cut");
        if non_ascii > 0 {
            assert_eq!(got.ok().map(|a| a.charset.to_string()), Some("UTF-8".to_string()), "{name} cut");
        }
        // One byte in the middle replaced by 0xFF: up to three errors (when it breaks a
        // character), and decode.rs wants four good characters per error.
        let mut corrupt = bare.clone().into_bytes();
        let mid = corrupt.len() / 2;
        corrupt[mid] = 0xFF;
        let got = bonmun::extract(&corrupt).unwrap_or_else(|e| panic!("{name} corrupt: {e:?}"));
        if non_ascii >= 12 {
            assert_eq!(got.charset, "UTF-8", "{name} corrupt");
        }
    }
}

#[test]
fn caller_charset_overrides_the_declaration() {
    let extractor = Extractor::default();
    for (name, page) in corpus_pages() {
        let original = outcome(&bonmun::extract(page.as_bytes()));
        // EUC-KR bytes that declare a Cyrillic charset: believed without a caller's charset.
        let bytes = euc_kr(&with_charset_meta(&page, "<meta charset=windows-1251>"));
        let believed = bonmun::extract(&bytes);
        assert!(
            believed.as_ref().map_or(true, |a| a.charset == "windows-1251"),
            "{name}: a declared windows-1251 is believed without a caller's charset"
        );
        let body_is_ascii = original.as_ref().is_ok_and(|(_, ps)| ps.iter().all(|p| p.is_ascii()));
        if !body_is_ascii {
            assert_ne!(outcome(&believed), original, "{name}: windows-1251 cannot read as the original");
        }
        for label in ["euc-kr", "EUC-KR", " cp949 ", "ks_c_5601-1987", "windows-949", "x-windows-949"] {
            let got = extractor.extract_with_charset(&bytes, label);
            assert_eq!(outcome(&got), original, "{name}: forced {label:?}");
            assert_eq!(
                got.ok().map(|a| a.charset.to_string()),
                Some("EUC-KR".to_string()),
                "{name}: forced {label:?}"
            );
        }
        // The caller's charset beats even valid UTF-8 (the caller knows the bytes); UTF-8 named
        // on UTF-8 bytes gives the original.
        let got = extractor.extract_with_charset(page.as_bytes(), "utf-8");
        assert_eq!(outcome(&got), original, "{name}: forced utf-8");
        let got = extractor.extract_with_charset(page.as_bytes(), "windows-1252");
        assert_eq!(
            got.ok().map(|a| a.charset.to_string()),
            Some("windows-1252".to_string()),
            "{name}: forced windows-1252"
        );
        // … but not a byte-order mark.
        let bom = [b"\xEF\xBB\xBF".as_slice(), page.as_bytes()].concat();
        let got = extractor.extract_with_charset(&bom, "euc-kr");
        assert_eq!(outcome(&got), original, "{name}: BOM beats a forced charset");
    }
}

#[test]
fn unknown_charset_label_is_an_error() {
    let extractor = Extractor::default();
    let page = "<p>정부가 오늘 새 정책을 발표했다고 관계자가 밝혔다. 시행은 다음 달부터다.</p>";
    for label in ["klingon", "", "utf-9", "euc_kr", "utf8mb4", "ks_c_5601", "\u{0}"] {
        assert_eq!(
            extractor.extract_with_charset(page.as_bytes(), label).unwrap_err(),
            Error::UnknownCharset(label.to_string()),
            "{label:?}"
        );
    }
    // Labels of the WHATWG "replacement" encoding (iso-2022-kr …) name no decoder: encoding_rs
    // turns any input into one U+FFFD. For a caller that is an unusable charset, said as such.
    let got = extractor.extract_with_charset(page.as_bytes(), "iso-2022-kr");
    assert_eq!(got.unwrap_err(), Error::UnknownCharset("iso-2022-kr".into()));
}

/// A true Western declaration stands: guessing EUC-KR must not take French for Korean.
#[test]
fn true_western_pages_stay_western() {
    let page = "<html><head><title>Le gâteau</title></head><body><article>\
        <p>Le pâtissier a présenté hier une crème brûlée à la façon de sa grand-mère, déjà célèbre.</p>\
        <p>« C'est une recette très ancienne », a-t-il expliqué devant les élèves réunis à Besançon.</p>\
        </article></body></html>";
    let (latin1, _, unmappable) = WINDOWS_1252.encode(page);
    assert!(!unmappable);
    let original = outcome(&bonmun::extract(page.as_bytes()));
    assert!(original.is_ok());
    for (label, bytes) in
        [("declared", with_charset_meta(page, "<meta charset=iso-8859-1>")), ("undeclared", page.to_string())]
    {
        let bytes = WINDOWS_1252.encode(&bytes).0.into_owned();
        let got = bonmun::extract(&bytes);
        assert_eq!(outcome(&got), original, "{label}");
        assert_eq!(got.ok().map(|a| a.charset.to_string()), Some("windows-1252".to_string()), "{label}");
    }
    assert!(latin1.len() < page.len());
}

/// The real pages that declare EUC-KR but were saved as UTF-8 (014-naver, 023-fossies, and the
/// four Kyunghyang pages 101–104) decode as UTF-8: no replacement characters, no mojibake.
#[test]
fn real_pages_declaring_euc_kr_but_saved_as_utf8_decode_as_utf8() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realpages/raw");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        common::shared_set_absent(&dir);
        return;
    };
    let declares_euc_kr =
        Regex::new(r#"(?i)<meta\b[^>]*charset\s*=\s*["']?(euc-kr|ks_c_5601-1987|cp949)"#).expect("regex");
    let mut checked = Vec::new();
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let bytes = std::fs::read(&path).expect("read page");
        let Ok(text) = std::str::from_utf8(&bytes) else { continue };
        if !declares_euc_kr.is_match(text.get(..16 * 1024).unwrap_or(text)) {
            continue;
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let article = bonmun::extract(&bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(article.charset, UTF_8.name(), "{name}");
        let body = article.text();
        assert!(!body.contains('\u{FFFD}'), "{name}: replacement characters");
        assert!(body.chars().any(|c| ('가'..='힣').contains(&c)), "{name}: no Hangul in {body:?}");
        // UTF-8 Hangul read as windows-1252 starts with ì, í or ë: mojibake would show them.
        assert!(!body.contains("ì") && !body.contains("í•"), "{name}: mojibake");
        checked.push(name);
    }
    println!("checked: {checked:?}");
    for must in ["014-naver.html", "023-fossies.html"] {
        assert!(checked.iter().any(|c| c == must), "{must} not found among {checked:?}");
    }
    assert!(checked.len() >= 3, "expected at least three such pages, found {checked:?}");
}

// ---------------------------------------------------------------- provenance and weak detection

/// Chinese news text, written for this test.
const CHINESE: [&str; 2] = [
    "据本报记者报道，国家统计局今天发布的数据显示，今年前三季度全国居民人均可支配收入比上年同期名义增长百分之五点二。专家表示，消费市场继续保持恢复态势，服务消费增长较快。",
    "有关部门负责人在新闻发布会上介绍说，下一步将继续推进扩大内需的各项政策措施，促进就业和收入稳定增长，为经济持续回升向好提供有力支撑。",
];

/// Japanese news text, written for this test.
const JAPANESE: [&str; 2] = [
    "気象庁によりますと、発達した低気圧の影響で、東日本と北日本の太平洋側では明日にかけて大雨となるおそれがあります。土砂災害や河川の増水に警戒してください。",
    "政府は午後に関係閣僚会議を開き、被害の状況を確認するとともに、自治体と連携して住民の避難を支援する方針を確認しました。交通機関にも影響が出る見込みです。",
];

/// An article page of `paragraphs`, with `meta` (a charset declaration, or nothing) in its head
/// and a title that no paragraph repeats.
fn foreign_page(meta: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<!DOCTYPE html><html><head>{meta}<title>News 2024-03-11</title></head><body>\
         <nav><a href=/>Home</a></nav><article>{body}</article></body></html>"
    )
}

/// A CJK page in its own charset: read as declared when a `<meta>` names it; without one,
/// refused with `UncertainCharset` — EUC-KR would read it without errors as Hangul-looking
/// nonsense (GB2312's rows fall on KS X 1001's syllables and Hanja, Shift_JIS's on CP949's
/// extension syllables), which a "mostly Hangul" filter would pass.
#[test]
fn gb18030_and_shift_jis_are_read_when_declared_and_refused_when_not() {
    for (name, enc, meta, paragraphs) in [
        ("GB18030", encoding_rs::GB18030, "<meta charset=gb18030>", CHINESE),
        (
            "GBK as gb2312",
            encoding_rs::GBK,
            "<meta http-equiv=Content-Type content='text/html; charset=gb2312'>",
            CHINESE,
        ),
        ("Shift_JIS", encoding_rs::SHIFT_JIS, "<meta charset=shift_jis>", JAPANESE),
    ] {
        let declared = enc.encode(&foreign_page(meta, &paragraphs)).0.into_owned();
        let a = bonmun::extract(&declared).unwrap_or_else(|e| panic!("{name} declared: {e:?}"));
        assert_eq!((a.charset.as_str(), a.charset_source), (enc.name(), CharsetSource::Meta), "{name}");
        assert_eq!(a.paragraphs().collect::<Vec<_>>(), paragraphs, "{name}");
        assert_eq!(a.lang.as_deref(), Some("und"), "{name}: not Korean");
        // The caller's charset reads the undeclared page.
        let undeclared = enc.encode(&foreign_page("", &paragraphs)).0.into_owned();
        let forced = Extractor::default().extract_with_charset(&undeclared, enc.name());
        let forced = forced.unwrap_or_else(|e| panic!("{name} forced: {e:?}"));
        assert_eq!(forced.charset_source, CharsetSource::Caller, "{name}");
        assert_eq!(forced.paragraphs().collect::<Vec<_>>(), paragraphs, "{name}");
        // Undeclared: no mojibake, and not "not an HTML document".
        assert_eq!(
            bonmun::extract(&undeclared).map(|a| a.text()),
            Err(Error::UncertainCharset { guessed: "EUC-KR".into() }),
            "{name} undeclared"
        );
    }
}

/// UTF-16 without a byte-order mark is read by its NULs, declared or not, big- or
/// little-endian, and gives the UTF-8 original's article.
#[test]
fn utf16_without_bom_gives_the_same_article() {
    let no_bom = |text: &str, big_endian: bool| utf16(text, big_endian).split_off(2);
    check_variants(&[
        ("UTF-16LE, no BOM", &|p| no_bom(p, false), "UTF-16LE", CharsetSource::Detected),
        ("UTF-16BE, no BOM", &|p| no_bom(p, true), "UTF-16BE", CharsetSource::Detected),
        (
            "UTF-16LE, no BOM, undeclared",
            &|p| no_bom(&without_charset_meta(p), false),
            "UTF-16LE",
            CharsetSource::Detected,
        ),
        (
            "UTF-16LE, no BOM, <meta charset=utf-16le>",
            &|p| no_bom(&with_charset_meta(p, "<meta charset=utf-16le>"), false),
            "UTF-16LE",
            CharsetSource::Detected,
        ),
        (
            "UTF-16BE, no BOM, <meta charset=utf-16>",
            &|p| no_bom(&with_charset_meta(p, "<meta charset=utf-16>"), true),
            "UTF-16BE",
            CharsetSource::Detected,
        ),
    ]);
}

/// Korean written with Hanja, as headlines and some columns do, is still Korean in EUC-KR: the
/// weak-detection guard is for pages whose two-byte characters are mostly not Hangul.
#[test]
fn korean_with_hanja_stays_euc_kr() {
    let page = "<html><head><title>靑, 美와 통상 협의</title></head><body><article>\
        <p>청와대(靑)는 미국(美)과의 통상 협의를 이번 주에 다시 시작한다고 밝혔다. 정부 관계자는 협의가 길어질 수 있다고 말했다.</p>\
        <p>중국(中)과 일본(日)도 같은 문제를 두고 협의를 이어 가고 있어, 결과에 관심이 모인다고 관계자는 설명했다.</p>\
        </article></body></html>";
    let a = bonmun::extract(&euc_kr(page)).expect("extracts");
    assert_eq!((a.charset.as_str(), a.charset_source), ("EUC-KR", CharsetSource::Detected));
    assert_eq!(a.lang.as_deref(), Some("ko"));
    assert_eq!(outcome(&Ok(a)), outcome(&bonmun::extract(page.as_bytes())));
}
