//! Output formats and paragraph structure: Markdown, and how inline tags and line breaks shape
//! paragraphs. JSON (the serde feature) is tested in `tests/json.rs`, on this page too.

mod common;

use common::FORMATS_PAGE as PAGE;

#[test]
fn inline_tags_and_breaks_shape_paragraphs() {
    let article = bonmun::extract(PAGE.as_bytes()).expect("extracts");
    let text = article.text();
    // Inline tags add no space where the source has none, and take none away.
    assert!(text.contains("반도체 수출이 석 달 연속"), "{text}");
    assert!(text.contains("업계는메모리 가격"), "{text}");
    // Words on either side of a <br> never run together.
    assert!(!text.contains("첫 줄이다.둘째"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("새 문단은 빈 줄 뒤에 온다.")), "{text}");
    // Captions are marked, and left out of paragraphs by default.
    assert!(
        article
            .blocks
            .iter()
            .any(|b| b.kind == bonmun::BlockKind::Caption && b.text.starts_with("공장 전경"))
    );
    assert!(!text.contains("공장 전경"));
    let with_captions =
        bonmun::Extractor::new(bonmun::Config::default().with_keep_captions(true)).extract(PAGE.as_bytes());
    assert!(with_captions.expect("extracts").text().contains("공장 전경"));
}

#[test]
fn markdown_keeps_headings_lists_tables_quotes() {
    let md = bonmun::extract(PAGE.as_bytes()).expect("extracts").markdown();
    assert!(md.contains("### 주요 품목\n"), "{md}");
    assert!(
        md.contains("- 메모리 반도체 수출이 전년보다 크게 늘었다.\n- 시스템 반도체는 소폭 줄었다.\n"),
        "{md}"
    );
    assert!(md.contains("| 품목 | 증감률 |\n| --- | --- |\n| 메모리 | 35% |\n"), "{md}");
    assert!(md.contains("> 수출 회복세가"), "{md}");
    assert!(!md.contains("공장 전경"), "{md}");
}
