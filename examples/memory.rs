//! Peak heap memory of one extraction, above the input.
//!
//! ```text
//! cargo run --release --example memory              # a generated ~1 MB page
//! cargo run --release --example memory PAGE.html    # a page of your own
//! ```
//!
//! The generated page is the longest page of `corpus/raw/` with its paragraphs repeated to
//! ~1 MB, as in the `size` group of `benches/throughput.rs`. The input is read and built before
//! measuring, so the figure is what `bonmun::extract` allocates on top of it: the decoded text
//! (borrowed for valid UTF-8), the html5ever tree, the block table and the article.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

#[path = "../benches/support/grow.rs"]
mod grow;
use grow::grow_page;

/// The system allocator, counting live bytes and their high-water mark.
struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

impl Counting {
    fn added(size: usize) {
        let now = CURRENT.fetch_add(size, Ordering::Relaxed) + size;
        PEAK.fetch_max(now, Ordering::Relaxed);
    }

    fn removed(size: usize) {
        CURRENT.fetch_sub(size, Ordering::Relaxed);
    }
}

// SAFETY: every method forwards to `System` with the caller's arguments unchanged, so
// `System`'s guarantees hold; the counters only observe sizes and never touch the memory.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded as is; the caller upholds `GlobalAlloc::alloc`'s contract.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            Self::added(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            Self::added(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator, i.e. from `System`, with this layout.
        unsafe { System.dealloc(ptr, layout) };
        Self::removed(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as `dealloc`; `System` keeps the block unchanged when it returns null.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            // Count the larger size before releasing the smaller: a moving realloc holds both.
            Self::added(new_size);
            Self::removed(layout.size());
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const TARGET_BYTES: usize = 1_000_000;
/// The issue's budget for a 1 MB page.
const BUDGET_MB: f64 = 12.0;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// The longest `.html` page of the corpus.
fn longest_corpus_page() -> Result<(PathBuf, Vec<u8>), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/raw");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut best: Option<(PathBuf, u64)> = None;
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.extension().is_some_and(|x| x.eq_ignore_ascii_case("html")) {
            continue;
        }
        let len = entry.metadata().map_or(0, |m| m.len());
        if best.as_ref().is_none_or(|(_, l)| len > *l) {
            best = Some((path, len));
        }
    }
    let (path, _) = best.ok_or_else(|| format!("no .html page in {}", dir.display()))?;
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok((path, bytes))
}

fn main() -> Result<(), String> {
    let (label, input) = match std::env::args_os().nth(1) {
        Some(arg) => {
            let path = PathBuf::from(arg);
            let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            (path.display().to_string(), bytes)
        }
        None => {
            let (path, page) = longest_corpus_page()?;
            let grown = grow_page(&page, TARGET_BYTES);
            (format!("{} grown to ~1 MB", path.display()), grown)
        }
    };

    // A first extraction of the same page builds the lazily initialised tables (lexicon,
    // selectors, regexes — compiling Unicode regexes takes memory and time), so that one-off
    // cost is reported on its own and not charged to the extraction measured below.
    let before = CURRENT.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let started = std::time::Instant::now();
    drop(bonmun::extract(&input));
    let first_call = started.elapsed();
    let cold_peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    let tables = CURRENT.load(Ordering::Relaxed).saturating_sub(before);

    // For scale: what the html5ever tree alone takes at its peak (no decoding: the
    // generated page is UTF-8; a legacy-charset page adds its decoded copy to both figures).
    let dom_peak = match std::str::from_utf8(&input) {
        Ok(text) => {
            let baseline = CURRENT.load(Ordering::Relaxed);
            PEAK.store(baseline, Ordering::Relaxed);
            let doc = scraper::Html::parse_document(text);
            let peak = PEAK.load(Ordering::Relaxed).saturating_sub(baseline);
            drop(doc);
            Some(peak)
        }
        Err(_) => None,
    };

    let baseline = CURRENT.load(Ordering::Relaxed);
    PEAK.store(baseline, Ordering::Relaxed);
    let started = std::time::Instant::now();
    let result = bonmun::extract(&input);
    let took = started.elapsed();
    let peak = PEAK.load(Ordering::Relaxed);
    let retained = CURRENT.load(Ordering::Relaxed).saturating_sub(baseline);
    let above = peak.saturating_sub(baseline);

    println!("page:      {label}");
    println!("input:     {} bytes ({:.2} MB)", input.len(), mb(input.len()));
    match &result {
        Ok(a) => println!(
            "result:    {} paragraphs, {} blocks, {} bytes of text",
            a.paragraphs().count(),
            a.blocks.len(),
            a.paragraphs().map(str::len).sum::<usize>()
        ),
        Err(e) => println!("result:    error: {e}"),
    }
    println!("baseline:  {:.2} MB live before extraction (the input and this program)", mb(baseline));
    println!(
        "peak:      {:.2} MB above the input during extraction ({:.1}× the input), {:.1} ms",
        mb(above),
        above as f64 / input.len().max(1) as f64,
        took.as_secs_f64() * 1e3
    );
    if let Some(dom) = dom_peak {
        println!(
            "  of which the html5ever tree alone peaks at {:.2} MB (scraper::Html::parse_document)",
            mb(dom)
        );
    }
    println!("retained:  {:.2} MB after extraction (the Article)", mb(retained));
    println!(
        "cold:      the process's first call peaks at {:.2} MB above the input, {:.1} ms, and leaves \
         {:.2} MB in lazily built tables (lexicon, selectors, regexes)",
        mb(cold_peak),
        first_call.as_secs_f64() * 1e3,
        mb(tables)
    );
    if input.len().abs_diff(TARGET_BYTES) <= TARGET_BYTES / 10 {
        let verdict = if mb(above) <= BUDGET_MB { "within" } else { "over" };
        println!("budget:    ≤ {BUDGET_MB} MB above the input for a 1 MB page: {verdict}");
    }
    drop(result);
    Ok(())
}
