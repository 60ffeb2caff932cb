//! Throughput of `bonmun` against the floor any scraper-based extractor has: decoding, parsing
//! with html5ever and walking the text once.
//!
//! ```text
//! cargo bench --bench throughput                # all groups, then the in-run summary table
//! cargo bench --bench throughput -- corpus      # one group (criterion's regex filter)
//! BONMUN_BENCH_SUMMARY=0 cargo bench --bench throughput   # criterion figures only
//! ```
//!
//! Groups:
//! - `corpus`: every `corpus/raw/*.html` page present when the bench starts, one iteration =
//!   the whole page set;
//! - `realpages`: the same over `../shared/realpages/raw/*.html`, skipped when that is missing;
//! - `size`: the longest corpus page with its paragraphs repeated to ~10 KB, 100 KB, 1 MB and
//!   10 MB, to see how time scales with input size.
//!
//! Each group benches `parse_only` (the floor), `extract` (`bonmun::extract` per page) and, for
//! page sets, `extract_reused` (one `Extractor` for all pages). Criterion reports each on its
//! own; after it, a quick summary measured here with `Instant` (median and fastest of a few
//! runs) prints the ratio extract / parse_only, which criterion does not.

use criterion::{BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput, measurement::WallTime};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "support/grow.rs"]
mod grow;
use grow::grow_page;

#[path = "support/workloads.rs"]
mod workloads;
use workloads::{extract, parse_only};

/// A named set of pages benched as one unit.
struct PageSet {
    name: String,
    pages: Vec<Vec<u8>>,
}

impl PageSet {
    fn bytes(&self) -> u64 {
        self.pages.iter().map(|p| p.len() as u64).sum()
    }
}

// ---------------------------------------------------------------------------------------------
// The three workloads (parse_only and extract in support/workloads.rs, shared with the
// instructions example).

fn extract_with(extractor: &bonmun::Extractor, page: &[u8]) -> usize {
    extractor.extract(page).map_or(0, |a| a.paragraphs().count())
}

fn run_parse(set: &PageSet) -> usize {
    set.pages.iter().map(|p| parse_only(black_box(p))).sum()
}

fn run_extract(set: &PageSet) -> usize {
    set.pages.iter().map(|p| extract(black_box(p))).sum()
}

fn run_reused(extractor: &bonmun::Extractor, set: &PageSet) -> usize {
    set.pages.iter().map(|p| extract_with(extractor, black_box(p))).sum()
}

// ---------------------------------------------------------------------------------------------
// Fixtures.

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `*.html` files of a folder, sorted by name; `None` when the folder cannot be read.
fn load_dir(dir: &Path) -> Option<Vec<(PathBuf, Vec<u8>)>> {
    let entries = std::fs::read_dir(dir).ok()?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("html")))
        .collect();
    paths.sort();
    let pages = paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
            (p, bytes)
        })
        .collect();
    Some(pages)
}

fn corpus() -> PageSet {
    let dir = manifest_dir().join("corpus/raw");
    let pages = load_dir(&dir).unwrap_or_else(|| panic!("corpus not found at {}", dir.display()));
    assert!(!pages.is_empty(), "no .html pages in {}", dir.display());
    PageSet {
        name: format!("corpus ({} pages)", pages.len()),
        pages: pages.into_iter().map(|p| p.1).collect(),
    }
}

fn realpages() -> Option<PageSet> {
    let dir = manifest_dir().join("../shared/realpages/raw");
    let pages = load_dir(&dir).filter(|p| !p.is_empty())?;
    Some(PageSet {
        name: format!("realpages ({} pages)", pages.len()),
        pages: pages.into_iter().map(|p| p.1).collect(),
    })
}

const SIZES: [(&str, usize); 4] =
    [("10KB", 10_000), ("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)];

/// The size group's pages, grown from the longest corpus page.
fn sized_pages(corpus: &PageSet) -> Vec<(&'static str, Vec<u8>)> {
    let longest = corpus.pages.iter().max_by_key(|p| p.len()).expect("corpus is not empty");
    SIZES.iter().map(|&(label, target)| (label, grow_page(longest, target))).collect()
}

// ---------------------------------------------------------------------------------------------
// Criterion.

fn configure(group: &mut BenchmarkGroup<'_, WallTime>) {
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
}

fn bench_set(c: &mut Criterion, group_name: &str, set: &PageSet, flat: bool) {
    let mut group = c.benchmark_group(group_name);
    configure(&mut group);
    if flat {
        group.sampling_mode(SamplingMode::Flat);
    }
    group.throughput(Throughput::Bytes(set.bytes()));
    group.bench_function("parse_only", |b| b.iter(|| black_box(run_parse(set))));
    group.bench_function("extract", |b| b.iter(|| black_box(run_extract(set))));
    let extractor = bonmun::Extractor::default();
    group.bench_function("extract_reused", |b| b.iter(|| black_box(run_reused(&extractor, set))));
    group.finish();
}

fn bench_sizes(c: &mut Criterion, pages: &[(&'static str, Vec<u8>)]) {
    let mut group = c.benchmark_group("size");
    configure(&mut group);
    for (label, page) in pages {
        group.throughput(Throughput::Bytes(page.len() as u64));
        if page.len() >= 1_000_000 {
            // 10 samples of one or a few iterations each, not criterion's linear ramp.
            group.sampling_mode(SamplingMode::Flat);
            group.measurement_time(Duration::from_secs(if page.len() >= 10_000_000 { 2 } else { 3 }));
        }
        group.bench_with_input(BenchmarkId::new("parse_only", label), page, |b, p| {
            b.iter(|| black_box(parse_only(black_box(p))))
        });
        group.bench_with_input(BenchmarkId::new("extract", label), page, |b, p| {
            b.iter(|| black_box(extract(black_box(p))))
        });
    }
    group.finish();
}

// ---------------------------------------------------------------------------------------------
// The in-run summary.

/// What the command line asks of this run, as far as the summary cares.
struct Run {
    /// Criterion benchmarks (not `--test`, `--list` or `--profile-time`).
    benchmarking: bool,
    filter: Option<regex::Regex>,
}

/// Reads criterion's command line: the summary runs only when criterion measures, and only for
/// groups the positional filter selects.
fn run_from_args() -> Run {
    /// Criterion options that take a value (the next argument, unless given as `--opt=value`).
    const WITH_VALUE: [&str; 16] = [
        "-c",
        "--color",
        "-s",
        "--save-baseline",
        "-b",
        "--baseline",
        "--baseline-lenient",
        "--format",
        "--profile-time",
        "--load-baseline",
        "--sample-size",
        "--warm-up-time",
        "--measurement-time",
        "--nresamples",
        "--noise-threshold",
        "--confidence-level",
    ];
    const ALSO_WITH_VALUE: [&str; 3] = ["--significance-level", "--plotting-backend", "--output-format"];
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |flag: &str| args.iter().any(|a| a == flag || a.starts_with(&format!("{flag}=")));
    let benchmarking = has("--bench") && !has("--test") && !has("--list") && !has("--profile-time");
    let mut filter = None;
    let mut skip_next = false;
    for a in &args {
        if skip_next {
            skip_next = false;
            continue;
        }
        if a.starts_with('-') {
            skip_next = !a.contains('=')
                && (WITH_VALUE.contains(&a.as_str()) || ALSO_WITH_VALUE.contains(&a.as_str()));
            continue;
        }
        filter = Some(a.clone());
        break;
    }
    let exact = has("--exact");
    let filter = filter.map(|f| {
        let pattern = if exact { format!("^{}$", regex::escape(&f)) } else { f };
        regex::Regex::new(&pattern).unwrap_or_else(|e| panic!("bad benchmark filter {pattern:?}: {e}"))
    });
    let summary_on = std::env::var("BONMUN_BENCH_SUMMARY").map_or(true, |v| v != "0");
    Run { benchmarking: benchmarking && summary_on, filter }
}

impl Run {
    /// Whether the filter selects any of these benchmark ids.
    fn wants(&self, ids: &[String]) -> bool {
        self.filter.as_ref().is_none_or(|re| ids.iter().any(|id| re.is_match(id)))
    }
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs.get(xs.len() / 2).copied().unwrap_or_default()
}

/// Median and fastest wall time of `f` over `reps` runs, the three workloads interleaved so
/// drift in the shared machine's load hits them alike. The fastest run is the one the load
/// disturbed least: on a shared machine its ratio moves less from run to run than the median's.
fn time3(reps: usize, mut f: [&mut dyn FnMut() -> usize; 3]) -> [(Duration, Duration); 3] {
    let mut times: [Vec<Duration>; 3] = Default::default();
    for _ in 0..reps {
        for (k, g) in f.iter_mut().enumerate() {
            let t = Instant::now();
            black_box(g());
            if let Some(v) = times.get_mut(k) {
                v.push(t.elapsed());
            }
        }
    }
    times.map(|t| (t.iter().min().copied().unwrap_or_default(), median(t)))
}

/// One line of the summary: medians, and the fastest runs of parse_only and extract.
struct Row {
    group: String,
    bytes: u64,
    parse: Duration,
    extract: Duration,
    reused: Option<Duration>,
    parse_min: Duration,
    extract_min: Duration,
}

fn mib_per_s(bytes: u64, d: Duration) -> f64 {
    bytes as f64 / (1024.0 * 1024.0) / d.as_secs_f64().max(1e-12)
}

fn summary_rows(run: &Run, corpus: &PageSet, real: Option<&PageSet>, sized: &[(&str, Vec<u8>)]) -> Vec<Row> {
    let ids = |group: &str, param: Option<&str>| -> Vec<String> {
        ["parse_only", "extract", "extract_reused"]
            .iter()
            .map(|f| match param {
                Some(p) => format!("{group}/{f}/{p}"),
                None => format!("{group}/{f}"),
            })
            .collect()
    };
    let mut rows = Vec::new();
    let extractor = bonmun::Extractor::default();
    let sets = [("corpus", Some(corpus)), ("realpages", real)];
    for (group, set) in sets {
        let Some(set) = set else { continue };
        if !run.wants(&ids(group, None)) {
            continue;
        }
        black_box(run_extract(set)); // warm caches and the lexicon
        let [(parse_min, parse), (extract_min, extract), (_, reused)] = time3(
            11,
            [&mut || run_parse(set), &mut || run_extract(set), &mut || run_reused(&extractor, set)],
        );
        rows.push(Row {
            group: set.name.clone(),
            bytes: set.bytes(),
            parse,
            extract,
            reused: Some(reused),
            parse_min,
            extract_min,
        });
    }
    for (label, page) in sized {
        if !run.wants(&ids("size", Some(label))) {
            continue;
        }
        // Enough runs for a steady median: from medians of 5 runs of the 10 MB page, three
        // bench runs of the same code put the 10 MB / 1 MB scaling at 1.11, 1.16 and 1.25.
        // Eleven runs of the largest page take about a second.
        let reps = if page.len() >= 10_000_000 {
            11
        } else if page.len() >= 1_000_000 {
            15
        } else {
            21
        };
        let [(parse_min, parse), (extract_min, extract), _] =
            time3(reps, [&mut || parse_only(page), &mut || extract(page), &mut || 0]);
        rows.push(Row {
            group: format!("size {label}"),
            bytes: page.len() as u64,
            parse,
            extract,
            reused: None,
            parse_min,
            extract_min,
        });
    }
    rows
}

fn print_summary(rows: &[Row]) {
    println!();
    println!("## Quick in-run summary (Instant, 11-21 interleaved runs; not criterion's estimates)");
    println!();
    println!("MiB/s as criterion prints them (2^20 bytes), from median times. ratio = extract time /");
    println!("parse_only time: how many times the floor (decode + html5ever parse + one text walk)");
    println!("extraction costs, from the medians and from the fastest runs (the least disturbed).");
    println!();
    println!(
        "| group | input bytes | parse_only MiB/s | extract MiB/s | extract_reused MiB/s | ratio (medians) | ratio (fastest) | extract beyond parse |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for r in rows {
        let reused = r.reused.map_or_else(|| "–".to_string(), |d| format!("{:.1}", mib_per_s(r.bytes, d)));
        let beyond = r.extract.saturating_sub(r.parse);
        println!(
            "| {} | {} | {:.1} | {:.1} | {} | {:.2}× | {:.2}× | {:.2} ms |",
            r.group,
            r.bytes,
            mib_per_s(r.bytes, r.parse),
            mib_per_s(r.bytes, r.extract),
            reused,
            r.extract.as_secs_f64() / r.parse.as_secs_f64().max(1e-12),
            r.extract_min.as_secs_f64() / r.parse_min.as_secs_f64().max(1e-12),
            beyond.as_secs_f64() * 1e3,
        );
    }
    let size = |label: &str| rows.iter().find(|r| r.group == format!("size {label}"));
    if let (Some(a), Some(b)) = (size("1MB"), size("10MB")) {
        let per_byte = |r: &Row, d: Duration| d.as_secs_f64() / r.bytes as f64;
        println!();
        println!(
            "Scaling 1 MB → 10 MB (time per byte, 10MB / 1MB; 1.00 = linear), medians: parse_only {:.2}, \
             extract {:.2}; fastest runs: parse_only {:.2}, extract {:.2}",
            per_byte(b, b.parse) / per_byte(a, a.parse),
            per_byte(b, b.extract) / per_byte(a, a.extract),
            per_byte(b, b.parse_min) / per_byte(a, a.parse_min),
            per_byte(b, b.extract_min) / per_byte(a, a.extract_min),
        );
    }
}

fn main() {
    let run = run_from_args();
    let mut c = Criterion::default().configure_from_args();

    let corpus = corpus();
    bench_set(&mut c, "corpus", &corpus, false);

    let real = realpages();
    match &real {
        Some(set) => bench_set(&mut c, "realpages", set, true),
        None => println!("realpages: ../shared/realpages not found, group skipped"),
    }

    let sized = sized_pages(&corpus);
    if run.benchmarking {
        for (label, page) in &sized {
            if !run.wants(&[format!("size/parse_only/{label}"), format!("size/extract/{label}")]) {
                continue;
            }
            let paragraphs = bonmun::extract(page).map_or(0, |a| a.paragraphs().count());
            println!("size {label}: {} bytes, extract keeps {paragraphs} paragraphs", page.len());
        }
    }
    bench_sizes(&mut c, &sized);

    c.final_summary();

    if run.benchmarking {
        let rows = summary_rows(&run, &corpus, real.as_ref(), &sized);
        if !rows.is_empty() {
            print_summary(&rows);
        }
    }
}
