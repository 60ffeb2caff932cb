//! One workload of the throughput bench, alone, for counting instructions under Valgrind.
//!
//! Wall-clock ratios on a shared 2-core machine swing by ±15% or more from run to run; the
//! instructions a workload executes do not. `benches/instructions.sh` runs this example under
//! Callgrind once per workload and prints the extract / parse_only ratio in instructions:
//!
//! ```text
//! benches/instructions.sh                       # corpus/raw
//! benches/instructions.sh ../shared/realpages/raw
//! ```
//!
//! By hand: `instructions DIR parse_only|extract [REPS]` runs the workload once over every
//! page of `DIR` to warm up (lazily built tables, allocator), then `REPS` times (default 2)
//! inside `measured`, the one function Callgrind is told to count. The workloads are the
//! bench's: `parse_only` is decode + `scraper::Html::parse_document` + one walk over the text,
//! `extract` is `bonmun::extract`.

use std::hint::black_box;
use std::path::Path;

#[path = "../benches/support/workloads.rs"]
mod workloads;
use workloads::{extract, parse_only};

/// The counted part: kept out of line so Callgrind's `--toggle-collect` can name it.
#[inline(never)]
fn measured(work: fn(&[u8]) -> usize, pages: &[Vec<u8>], reps: usize) -> usize {
    let mut n = 0;
    for _ in 0..reps {
        for p in pages {
            n += work(black_box(p));
        }
    }
    n
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(which)) = (args.first(), args.get(1)) else {
        eprintln!("usage: instructions DIR parse_only|extract [REPS]");
        std::process::exit(2);
    };
    let reps = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(2);
    let work: fn(&[u8]) -> usize = match which.as_str() {
        "parse_only" => parse_only,
        "extract" => extract,
        other => {
            eprintln!("unknown workload {other:?}: parse_only or extract");
            std::process::exit(2);
        }
    };
    let mut pages = Vec::new();
    let entries = match std::fs::read_dir(Path::new(dir)) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(1);
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|x| x == "html")
            && let Ok(bytes) = std::fs::read(&path)
        {
            pages.push(bytes);
        }
    }
    pages.sort();
    for p in &pages {
        black_box(work(p));
    }
    let n = measured(work, &pages, reps);
    println!(
        "{which}: {} pages, {} bytes, {reps} reps, result {n}",
        pages.len(),
        pages.iter().map(Vec::len).sum::<usize>()
    );
}
