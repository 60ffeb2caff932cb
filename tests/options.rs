//! The options the CLI exposes: `keep_tables`, `keep_links` and `bias`, each changing what its
//! docs say and nothing else.

use bonmun::{Bias, BlockKind, Config, Extractor};

fn paragraphs(html: &str, config: Config) -> Vec<String> {
    let article = Extractor::new(config).extract(html.as_bytes()).expect("the page has a body");
    article.paragraphs().map(str::to_string).collect()
}

fn with_bias(html: &str, bias: Bias) -> Vec<String> {
    paragraphs(html, Config::default().with_bias(bias))
}

const BODY: &str = "<p>정부가 오늘 새 정책을 발표했다. 시행은 다음 달부터라고 관계 부처가 밝혔다.</p>\
    <p>관계자는 준비가 끝났다고 말했다. 현장 반응도 좋다고 설명하며 추가 지원을 약속했다.</p>\
    <p>전문가들은 제도가 자리 잡으려면 시간이 걸릴 것이라고 내다봤다. 보완책도 주문했다.</p>";

#[test]
fn tables_go_only_when_asked() {
    let html = std::fs::read("corpus/raw/010-itnews.html").unwrap();
    let all = Extractor::default().extract(&html).unwrap();
    let rows = all.blocks.iter().filter(|b| b.kind == BlockKind::TableRow).count();
    assert!(rows > 0, "the page has its own table");
    let without = Extractor::new(Config::default().with_keep_tables(false)).extract(&html).unwrap();
    let rest: Vec<_> = all.blocks.iter().filter(|b| b.kind != BlockKind::TableRow).collect();
    assert_eq!(without.blocks.iter().collect::<Vec<_>>(), rest, "only the rows go");
    assert!(!without.markdown().contains("| --- |"));
}

#[test]
fn precision_drops_a_sentence_under_a_furniture_tag() {
    let extra = "이 정책은 지난해 국회에서 처음 논의된 뒤 여러 차례 수정을 거쳐 확정됐다고 정부는 설명했다.";
    let html = format!("<article>{BODY}<aside><p>{extra}</p></aside></article>");
    assert!(with_bias(&html, Bias::Balanced).iter().any(|p| p == extra));
    assert!(with_bias(&html, Bias::Recall).iter().any(|p| p == extra));
    let precise = with_bias(&html, Bias::Precision);
    assert!(!precise.iter().any(|p| p == extra));
    assert_eq!(precise.len(), 3, "the body itself stays");
}

#[test]
fn precision_drops_a_link_heavy_sentence() {
    let linked = "<p><a href=/a>지난달 발표된 주택 공급 확대 방안과 청년 지원 대책</a>에 이은 후속 조치라고 밝혔다.</p>";
    let html = format!("<article>{BODY}{linked}</article>");
    let balanced = with_bias(&html, Bias::Balanced);
    assert!(balanced.iter().any(|p| p.contains("후속 조치")), "{balanced:?}");
    let precise = with_bias(&html, Bias::Precision);
    assert!(!precise.iter().any(|p| p.contains("후속 조치")), "{precise:?}");
    assert_eq!(precise.len(), 3);
}

#[test]
fn recall_keeps_a_sentence_under_a_furniture_class() {
    let extra = "이번 정책의 배경에는 지난 몇 년간 이어진 지역 간 격차 문제가 있다고 연구진은 분석했다.";
    let html = format!("<article>{BODY}<div class=sidebar><p>{extra}</p></div></article>");
    assert!(!with_bias(&html, Bias::Balanced).iter().any(|p| p == extra));
    assert!(!with_bias(&html, Bias::Precision).iter().any(|p| p == extra));
    assert!(with_bias(&html, Bias::Recall).iter().any(|p| p == extra));
}

#[test]
fn precision_drops_a_classed_paragraph_among_the_body_s() {
    let lead = "정부는 이번 정책이 지역 간 격차를 줄이고 청년층의 주거 부담을 덜어 주는 데 초점을 맞췄다고 설명했으며, \
                관계 부처는 다음 달까지 세부 시행 계획과 예산 집행 일정을 마련해 국회에 보고하기로 했다고 밝혔다.";
    let html = format!("<article><p class=sidebar>{lead}</p>{BODY}</article>");
    assert!(
        with_bias(&html, Bias::Balanced).iter().any(|p| p == lead),
        "a paragraph with a class, not a box"
    );
    assert!(with_bias(&html, Bias::Recall).iter().any(|p| p == lead));
    let precise = with_bias(&html, Bias::Precision);
    assert!(!precise.iter().any(|p| p == lead), "{precise:?}");
    assert_eq!(precise.len(), 3);
}

#[test]
fn recall_keeps_a_label_at_the_edge() {
    let html = format!("<article><p>경제일반</p>{BODY}</article>");
    assert!(!with_bias(&html, Bias::Balanced).iter().any(|p| p == "경제일반"));
    let recall = with_bias(&html, Bias::Recall);
    assert_eq!(recall.first().map(String::as_str), Some("경제일반"), "{recall:?}");
}

#[test]
fn the_default_is_balanced_and_keeps_tables() {
    let c = Config::default();
    assert_eq!((c.bias, c.keep_tables, c.keep_captions, c.keep_links), (Bias::Balanced, true, false, false));
}

/// Links add spans to the blocks and change nothing else, on every corpus page; the pages that
/// link inside their body (related-article lines, sources, a blog's references) give some.
#[test]
fn links_add_spans_and_change_no_text() {
    let linked = Extractor::new(Config::default().with_keep_links(true));
    let mut links = 0;
    for entry in std::fs::read_dir("corpus/raw").unwrap() {
        let path = entry.unwrap().path();
        let html = std::fs::read(&path).unwrap();
        let (Ok(plain), Ok(with)) = (Extractor::default().extract(&html), linked.extract(&html)) else {
            panic!("{}: a corpus page has a body", path.display());
        };
        let mut stripped = with.clone();
        stripped.blocks.iter_mut().for_each(|b| b.links.clear());
        assert_eq!(stripped, plain, "{}: links changed more than the links", path.display());
        assert!(plain.blocks.iter().all(|b| b.links.is_empty()));
        for b in &with.blocks {
            let mut end = 0;
            for l in &b.links {
                let text = b.link_text(l).unwrap_or_default();
                assert!(
                    !text.is_empty() && text.trim() == text && l.range.start >= end,
                    "{}: {l:?}",
                    path.display()
                );
                assert!(!l.href.is_empty() && !l.href.starts_with('#'), "{}: {l:?}", path.display());
                end = l.range.end;
            }
            links += b.links.len();
        }
    }
    assert!(links > 0, "no corpus page kept a link");
}
