//! Extraction quality against the gold files: the repo's corpus always, ../shared/realpages
//! when present. The scorer is `bonmun::eval`, which agrees with realpages' score.py.

mod common;

use bonmun::eval::{PageScore, Summary, score_page};
use common::GoldPage;

fn score_all(pages: &[GoldPage]) -> Vec<(String, PageScore)> {
    pages
        .iter()
        .map(|p| {
            let text = bonmun::extract(&p.html).map(|a| a.text()).unwrap_or_default();
            (p.id.clone(), score_page(&text, &p.gold))
        })
        .collect()
}

fn print_table(name: &str, scores: &[(String, PageScore)]) -> Summary {
    println!("{name}: {:28} {:>6} {:>6} {:>6}", "page", "P", "R", "F1");
    for (id, s) in scores {
        println!("{name}: {id:28} {:6.3} {:6.3} {:6.3}", s.precision, s.recall, s.f1);
    }
    let summary = Summary::of(&scores.iter().map(|(_, s)| *s).collect::<Vec<_>>());
    println!(
        "{name}: pages {} macro P {:.4} R {:.4} F1 {:.4} median F1 {:.4} failures {}",
        summary.pages,
        summary.macro_precision,
        summary.macro_recall,
        summary.macro_f1,
        summary.median_f1,
        summary.failures
    );
    summary
}

#[test]
fn corpus_pages_each_score_at_least_095() {
    let pages = common::load(&common::corpus_dir());
    assert!(pages.len() >= 12, "the corpus should have at least 12 pages with gold, has {}", pages.len());
    let scores = score_all(&pages);
    print_table("corpus", &scores);
    for (id, s) in &scores {
        assert!(s.f1 >= 0.95, "corpus page {id}: F1 {:.3} < 0.95", s.f1);
    }
}

/// Every corpus page, the ones still in `pending/` too (issue 13: figures over all pages, a
/// page that fails counted with the rest). 0.99 is the target, first reached with the
/// eighth held-out set in (75 pages, 0.9910; 83 pages with the ninth and tenth, 0.9909; 87
/// with the eleventh, 0.9911; 91 with the twelfth, 0.9902; 95 with the thirteenth, 0.9904;
/// 99 with the fourteenth, 0.9900, 0.9901 once a board's empty attachment row went, 0.9902
/// once a post's header row of cells did; 0.9911 once form widgets went; 107 with the
/// fifteenth, 0.9908); it only goes up.
#[test]
fn corpus_all_pages_macro_f1() {
    let mut pages = common::load(&common::corpus_dir());
    pages.extend(common::load(&common::corpus_dir().join("pending")));
    assert!(pages.len() >= 107, "raw/ and pending/ hold at least 107 pages with gold, found {}", pages.len());
    let scores = score_all(&pages);
    let summary = print_table("corpus, all pages", &scores);
    assert!(summary.macro_f1 >= 0.99, "macro F1 {:.4} < 0.99", summary.macro_f1);
}

#[test]
fn realpages_macro_f1_and_floor() {
    let Some(dir) = common::realpages_dir() else { return };
    let pages = common::load(&dir);
    assert_eq!(pages.len(), 53, "realpages should hold 53 pages with gold");
    let scores = score_all(&pages);
    let summary = print_table("realpages", &scores);
    assert!(summary.macro_f1 >= 0.985, "macro F1 {:.4} < 0.985", summary.macro_f1);
    assert!(summary.macro_precision >= 0.98, "macro precision {:.4} < 0.98", summary.macro_precision);
    for (id, s) in &scores {
        assert!(s.f1 >= 0.90, "realpages page {id}: F1 {:.3} < 0.90", s.f1);
    }
}

/// The page built like ../shared/seed: none of its widgets may leak, every body paragraph stays.
#[test]
fn seedlike_page_drops_every_widget_and_keeps_the_body() {
    let pages = common::load(&common::corpus_dir());
    let page = pages.iter().find(|p| p.id.ends_with("seedlike")).expect("corpus has a seedlike page");
    let article = bonmun::extract(&page.html).expect("seedlike page extracts");
    let text = article.text();
    for leak in [
        "글자 크기",
        "더 작게",
        "번역할 언어",
        "결과물 출력을 준비",
        "종목 추적기",
        "투자 판단",
        "베스트 기사",
        "Top으로 이동",
        "안다쇼핑",
    ] {
        assert!(!text.contains(leak), "seedlike output contains {leak:?}");
    }
    let gold = std::fs::read_to_string(common::corpus_dir().join("gold").join(format!("{}.txt", page.id)))
        .expect("gold file");
    for line in gold.lines().filter(|l| !l.starts_with('#') && !l.starts_with('?') && !l.trim().is_empty()) {
        assert!(article.paragraphs().any(|p| p == line.trim()), "body paragraph missing: {line}");
    }
}
