//! Output formats and paragraph structure: JSON round trip (serde feature), Markdown, and how
//! inline tags and line breaks shape paragraphs.

const PAGE: &str = r#"<html><head><title>반도체 수출 반등 - 예시경제</title>
<meta property="article:published_time" content="2024-03-11T09:12:00+09:00"></head><body>
<div class="article_body">
<p>[서울=예시경제] 김하늘 기자 = 반도체 <b>수출</b>이 석 달 연속 늘었다. 업계는<a href="/x">메모리</a> 가격 회복을 이유로 꼽았다.</p>
<h3>주요 품목</h3>
<ul><li>메모리 반도체 수출이 전년보다 크게 늘었다.</li><li>시스템 반도체는 소폭 줄었다.</li></ul>
<table><tr><th>품목</th><th>증감률</th></tr><tr><td>메모리</td><td>35%</td></tr></table>
<p>첫 줄이다.<br>둘째 줄은 같은 문단이다.<br><br>새 문단은 빈 줄 뒤에 온다. 정부는 다음 달 대책을 내놓는다고 밝혔다.</p>
<figure><img src="a.jpg"><figcaption>공장 전경. 사진=예시경제</figcaption></figure>
<blockquote>수출 회복세가 하반기까지 이어질 것으로 본다고 관계자는 말했다.</blockquote>
</div></body></html>"#;

#[test]
fn json_round_trip_keeps_the_article() {
    let article = bonmun::extract(PAGE.as_bytes()).expect("extracts");
    let json = serde_json::to_string(&article).expect("serializes");
    assert!(json.contains(r#""published":"2024-03-11T09:12:00+09:00""#), "{json}");
    let back: bonmun::Article = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, article);
}

#[test]
fn json_paragraphs_follow_keep_captions() {
    for keep_captions in [false, true] {
        let article = bonmun::Extractor::new(bonmun::Config { keep_captions, ..Default::default() })
            .extract(PAGE.as_bytes())
            .expect("extracts");
        let value = serde_json::to_value(&article).expect("serializes");
        let paragraphs: Vec<&str> =
            value["paragraphs"].as_array().expect("paragraphs").iter().filter_map(|p| p.as_str()).collect();
        assert_eq!(paragraphs, article.paragraphs().collect::<Vec<_>>());
        assert_eq!(paragraphs.iter().any(|p| p.starts_with("공장 전경")), keep_captions);
        let back: bonmun::Article = serde_json::from_value(value).expect("deserializes");
        assert_eq!(back, article);
        assert_eq!(back.text(), article.text());
    }
}

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
    let with_captions = bonmun::Extractor::new(bonmun::Config { keep_captions: true, ..Default::default() })
        .extract(PAGE.as_bytes());
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
