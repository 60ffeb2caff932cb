//! `Article::lang` is the language of the body's text, not the page's `<html lang>` (a template's
//! default on many Korean sites: `en`, or nothing); `declared_lang` keeps the declaration.
//!
//! The expected language of a page comes from its gold body, not from a list: a gold body whose
//! letters are mostly Hangul is Korean.

mod common;

use regex::Regex;
use std::path::Path;

/// The gold body's text of page `id` in `dir` (header lines left out).
fn gold_text(dir: &Path, id: &str) -> String {
    let text = std::fs::read_to_string(dir.join("gold").join(format!("{id}.txt"))).unwrap_or_default();
    text.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n")
}

/// The share of the letters of `text` that are Hangul syllables.
fn hangul_share(text: &str) -> f64 {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let hangul = text.chars().filter(|c| ('가'..='힣').contains(c)).count();
    hangul as f64 / letters.max(1) as f64
}

/// More than half the letters Hangul: clearly Korean, whatever threshold the library uses
/// below that.
fn mostly_hangul(text: &str) -> bool {
    hangul_share(text) > 0.5
}

/// Under a tenth of the letters Hangul: an English page quoting a Korean name is not Korean.
/// Between the two (Korean prose around long code listings) either answer is defensible.
fn little_hangul(text: &str) -> bool {
    hangul_share(text) < 0.1
}

/// `<html lang=…>` as the page writes it.
fn html_lang(html: &[u8]) -> Option<String> {
    let re = Regex::new(r#"(?is)<html\b[^>]*?\slang\s*=\s*["']?([^"'\s>]*)"#).expect("regex");
    let head = String::from_utf8_lossy(html.get(..64 * 1024).unwrap_or(html));
    re.captures(&head).and_then(|c| c.get(1)).map(|m| m.as_str().trim().to_string()).filter(|l| !l.is_empty())
}

fn check(dir: &Path) -> (usize, usize) {
    let (mut korean, mut misdeclared) = (0, 0);
    let mut failures = Vec::new();
    for page in common::load(dir) {
        let Ok(article) = bonmun::extract(&page.html) else { continue };
        let declared = html_lang(&page.html);
        if article.declared_lang != declared {
            failures.push(format!(
                "{}: declared_lang {:?}, <html lang> {declared:?}",
                page.id, article.declared_lang
            ));
        }
        if mostly_hangul(&gold_text(dir, &page.id)) {
            korean += 1;
            if article.lang.as_deref() != Some("ko") {
                failures.push(format!("{}: Korean body, lang {:?}", page.id, article.lang));
            }
            misdeclared += usize::from(!declared.as_deref().is_some_and(|l| l.starts_with("ko")));
        } else if article.lang.as_deref() == Some("ko") && little_hangul(&article.text()) {
            failures.push(format!("{}: lang ko on a body with little Hangul", page.id));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    (korean, misdeclared)
}

#[test]
fn korean_pages_say_ko_whatever_they_declare() {
    if let Some(dir) = common::realpages_dir() {
        let (korean, misdeclared) = check(&dir);
        println!("realpages: {korean} Korean pages, {misdeclared} declaring another language or none");
        assert!(korean >= 50, "only {korean} Korean pages in {}", dir.display());
        // The point of reading the text: many real pages declare `en` or nothing.
        assert!(misdeclared > 0);
    }
    let (korean, _) = check(&common::corpus_dir());
    assert!(korean >= 40, "only {korean} Korean corpus pages");
}

#[test]
fn an_english_body_is_not_korean() {
    let page = "<html lang=ko><head><title>Policy</title></head><body><article>\
        <p>The ministry announced a new housing policy on Tuesday, officials said in Seoul.</p>\
        <p>The plan, which takes effect next month, doubles support for families in semi-basement homes.</p>\
        </article></body></html>";
    let a = bonmun::extract(page.as_bytes()).expect("extracts");
    assert_eq!(a.lang.as_deref(), Some("und"));
    assert_eq!(a.declared_lang.as_deref(), Some("ko"));
}
