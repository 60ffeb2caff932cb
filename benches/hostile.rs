//! Hostile inputs of a million nodes next to a normal page, as time and MB/s.
//!
//! ```text
//! cargo bench --bench hostile              # all cases (about 3 minutes on 2 cores)
//! cargo bench --bench hostile -- links     # one case (criterion's regex filter)
//! ```
//!
//! Cases (inputs generated at start):
//! - `corpus page`: the largest `corpus/raw/*.html` page, the baseline;
//! - `1M links`: a page whose body sits beside a list of a million `<a>`s;
//! - `1M paragraphs`: a page of a million short `<p>`s;
//! - `1M nested spans`: a million `<span>`s deep, with `Config::max_depth` lifted — html5ever
//!   is linear on inline nesting, and every walk over the tree is iterative;
//! - `nested divs 10k` / `20k`: nested `<div>`s, with the default depth limit (4,096), so the
//!   outcome is `Error::TooDeep`. Unlimited, a million of them could not be benched: html5ever's
//!   tree builder is O(depth²) on nested block tags (every `<div>` walks the stack of open
//!   elements looking for a `<p>` in button scope; servo/html5ever#788), so 1M would take
//!   hours. Under the limit, parsing stops at the end of the 64 KB piece of input that
//!   crossed it, so the cost is bounded by the nesting one piece can hold.
//!
//! Group `scaling`: shapes that were once quadratic, each at n and 4n — many `<h2>`s (the title
//! candidates), `{"author":` keys never closed in JSON-LD, text and `<br>` inside n unclosed
//! `<span>`s, and many paragraphs. Linear work takes about 4× at 4n, quadratic 16×: read the
//! two times side by side. (The tests assert only that both sizes keep their article: a test
//! that reads a clock fails on a busy machine.)
//!
//! Few samples (10, flat sampling: one run each) and short measurement: a case takes seconds.

use bonmun::{Config, Error, Extractor};
use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

const SENTENCE: &str = "정부가 오늘 새 정책을 발표했다고 관계자가 밝혔다.";

fn article(extra: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>정책 발표 - 예시일보</title></head><body>\
         <article><p>{s} {s} {s}</p><p>{s} {s} {s}</p></article>{extra}</body></html>",
        s = SENTENCE
    )
}

fn nested(open: &str, close: &str, n: usize) -> String {
    let mut s = String::with_capacity(n * (open.len() + close.len()) + 1024);
    s.push_str("<!DOCTYPE html><html><body>");
    for _ in 0..n {
        s.push_str(open);
    }
    s.push_str(&format!("<p>{SENTENCE} {SENTENCE} {SENTENCE}</p>"));
    for _ in 0..n {
        s.push_str(close);
    }
    s.push_str("</body></html>");
    s
}

/// The largest corpus page, or a small synthetic article when the corpus is missing.
fn corpus_page() -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/raw");
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .filter_map(|p| std::fs::read(p).ok())
        .max_by_key(Vec::len)
        .unwrap_or_else(|| article("").into_bytes())
}

/// A case: its name, its input, the extractor it runs through and whether it must give an
/// article (`true`) or `Error::TooDeep` (`false`).
type Case = (&'static str, Vec<u8>, Extractor, bool);

fn cases() -> Vec<Case> {
    let links: String = (0..1_000_000).map(|i| format!("<a href=\"/n/{i}\">기사 {i}</a>\n")).collect();
    let paragraphs: String = (0..1_000_000).map(|i| format!("<p>정부가 발표했다 {i}.</p>")).collect();
    let unlimited = || Extractor::new(Config::default().with_max_depth(usize::MAX));
    vec![
        ("corpus page", corpus_page(), Extractor::default(), true),
        (
            "1M links",
            article(&format!("<div class=list>{links}</div>")).into_bytes(),
            Extractor::default(),
            true,
        ),
        (
            "1M paragraphs",
            article(&format!("<div>{paragraphs}</div>")).into_bytes(),
            Extractor::default(),
            true,
        ),
        ("1M nested spans", nested("<span>", "</span>", 1_000_000).into_bytes(), unlimited(), true),
        ("nested divs 10k", nested("<div>", "</div>", 10_000).into_bytes(), Extractor::default(), false),
        ("nested divs 20k", nested("<div>", "</div>", 20_000).into_bytes(), Extractor::default(), false),
    ]
}

fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(5));
    for (name, input, extractor, article) in cases() {
        // Fail loudly rather than bench another outcome than the one meant.
        let outcome = extractor.extract(&input);
        match (article, &outcome) {
            (true, Ok(_)) | (false, Err(Error::TooDeep { .. })) => {}
            _ => panic!("{name}: {:?}", outcome.err()),
        }
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(BenchmarkId::new("extract", name), &input, |b, input| {
            b.iter(|| extractor.extract(black_box(input)))
        });
    }
    group.finish();
}

/// A page of the shape `make(n)` around an article's body.
type Shape = (&'static str, usize, fn(usize) -> String);

fn scaling(c: &mut Criterion) {
    let shapes: [Shape; 4] = [
        ("h2 headings", 10_000, |n| {
            article(&(0..n).map(|i| format!("<h2>제목 {i}</h2>")).collect::<String>())
        }),
        ("JSON-LD author keys", 4_000, |n| {
            format!("<script type=application/ld+json>{}</script>{}", "{\"author\":".repeat(n), article(""))
        }),
        ("span br nesting", 20_000, |n| article(&format!("<div>{}</div>", "<span>가나다<br>".repeat(n)))),
        ("paragraphs", 20_000, |n| {
            article(&format!("<div>{}</div>", format!("<p>{SENTENCE}</p>").repeat(n)))
        }),
    ];
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(3));
    // Unclosed <span>s nest: with the default depth limit the page would be refused, so the
    // limit is lifted to time the walk itself.
    let extractor = Extractor::new(Config::default().with_max_depth(usize::MAX));
    for (name, n, make) in shapes {
        for size in [n, 4 * n] {
            let input = make(size).into_bytes();
            if let Err(e) = extractor.extract(&input) {
                panic!("{name} at {size}: {e}");
            }
            group.bench_with_input(BenchmarkId::new(name, size), &input, |b, input| {
                b.iter(|| extractor.extract(black_box(input)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, hostile, scaling);
criterion_main!(benches);
