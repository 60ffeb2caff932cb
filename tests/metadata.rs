//! Title, published date and author against the gold files' header lines, on the repo's corpus
//! and (when present) ../shared/realpages. Thresholds of issue 5: title exact match ≥ 95%,
//! published date ≥ 90% (to the minute where the gold has a time), author ≥ 85%.

mod common;

use common::GoldPage;

#[derive(Default)]
struct Tally {
    title: (usize, usize),
    published: (usize, usize),
    author: (usize, usize),
    misses: Vec<String>,
}

fn tally(pages: &[GoldPage]) -> Tally {
    let mut t = Tally::default();
    for p in pages {
        let article = bonmun::extract(&p.html).ok();
        let meta = |k: &str| p.gold.meta.get(k).map(String::as_str).filter(|v| !v.is_empty());
        if let Some(want) = meta("title") {
            t.title.1 += 1;
            let got = article.as_ref().and_then(|a| a.title.clone()).unwrap_or_default();
            if bonmun::eval::title_matches(&got, want) {
                t.title.0 += 1;
            } else {
                t.misses.push(format!("{} title: got {got:?}, want {want:?}", p.id));
            }
        }
        if let Some(want) = meta("published") {
            t.published.1 += 1;
            let got = article.as_ref().and_then(|a| a.published);
            // The gold has a time only where the page prints one; compare to that precision.
            let got_s = got.map(|d| {
                if want.len() > 10 { d.to_string() } else { d.to_string().chars().take(10).collect() }
            });
            if got_s.as_deref() == Some(want) {
                t.published.0 += 1;
            } else {
                t.misses.push(format!("{} published: got {got_s:?}, want {want:?}", p.id));
            }
        }
        if let Some(want) = meta("author") {
            t.author.1 += 1;
            let got = article.as_ref().and_then(|a| a.byline()).unwrap_or_default();
            if got == want {
                t.author.0 += 1;
            } else {
                t.misses.push(format!("{} author: got {got:?}, want {want:?}", p.id));
            }
        }
    }
    t
}

fn rate((hit, total): (usize, usize)) -> f64 {
    if total == 0 { 1.0 } else { hit as f64 / total as f64 }
}

fn check(name: &str, pages: &[GoldPage]) {
    let t = tally(pages);
    println!(
        "{name}: title {}/{} ({:.3}), published {}/{} ({:.3}), author {}/{} ({:.3})",
        t.title.0,
        t.title.1,
        rate(t.title),
        t.published.0,
        t.published.1,
        rate(t.published),
        t.author.0,
        t.author.1,
        rate(t.author)
    );
    for m in &t.misses {
        println!("  miss: {m}");
    }
    assert!(rate(t.title) >= 0.95, "{name}: title exact match {:.3} < 0.95", rate(t.title));
    assert!(rate(t.published) >= 0.90, "{name}: published {:.3} < 0.90", rate(t.published));
    assert!(rate(t.author) >= 0.85, "{name}: author {:.3} < 0.85", rate(t.author));
}

#[test]
fn corpus_metadata() {
    let pages = common::load(&common::corpus_dir());
    assert!(pages.len() >= 12, "corpus has {} pages with gold", pages.len());
    check("corpus", &pages);
}

#[test]
fn realpages_metadata() {
    let Some(dir) = common::realpages_dir() else { return };
    check("realpages", &common::load(&dir));
}
