//! WARC → JSON lines end to end, beside in-process `extract` on the same pages, in one run.
//!
//!     cargo bench -p bonmun-cli --bench e2e [-- ROUNDS]
//!
//! Builds a WARC of the corpus pages and, when `../shared/realpages` is beside the repository,
//! the realpages (each page [`COPIES`] times, so process start-up is lost in the run), then
//! times, round after round so that the machine's load falls on all of them alike:
//! `extract` over the pages in memory on one thread; `bonmun --json-lines -j1` and `-jN` (N:
//! all cores) on the WARC, output to /dev/null. It prints pages/s (median of the rounds) and
//! the two ratios the README gives: end to end on 1 thread / in-process, and N threads / 1.
//!
//! On a shared machine wall-clock time moves with the others' load, so each workload's CPU
//! time (user + system, from /proc; the children's for the CLI) is given too: CPU ms a page
//! does not move with the load, and the CPU of `-jN` over that of `-j1` is what threads cost.
//!
//! No criterion: each sample is a whole process, and the ratios need the three workloads
//! interleaved, which criterion's groups do not do.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Copies of each page in the WARC: with ~100 distinct pages, a few thousand records, so a
/// run takes seconds and start-up (a few ms) is under 1% of it.
const COPIES: usize = 20;

/// Rounds of the three workloads, unless given on the command line: the median of 5 is
/// steady enough on a shared 2-core machine without taking minutes.
const ROUNDS: usize = 5;

fn pages(dir: &Path) -> Vec<Vec<u8>> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn warc_record(i: usize, body: &[u8]) -> Vec<u8> {
    let mut http =
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n", body.len())
            .into_bytes();
    http.extend_from_slice(body);
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{i:012}>\r\n\
         WARC-Date: 2025-01-01T00:00:00Z\r\nWARC-Target-URI: https://bench.example/{i}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(&http);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// Clock ticks a second in /proc's times: 100 on every Linux port (USER_HZ).
const TICKS: f64 = 100.0;

/// CPU seconds used so far: (this process, its waited-for children).
fn cpu() -> (f64, f64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let f: Vec<f64> = after.split_whitespace().map(|x| x.parse().unwrap_or(0.0)).collect();
    let get = |i: usize| f.get(i).copied().unwrap_or(0.0) / TICKS;
    // Fields 14-17 of proc(5): utime, stime, cutime, cstime; `after` starts at field 3.
    (get(11) + get(12), get(13) + get(14))
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

fn main() {
    let rounds = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(ROUNDS);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut distinct = pages(&root.join("corpus/raw"));
    let corpus_n = distinct.len();
    distinct.extend(pages(&root.join("../shared/realpages/raw")));
    let real_n = distinct.len() - corpus_n;
    let all: Vec<&Vec<u8>> = (0..COPIES).flat_map(|_| distinct.iter()).collect();
    let mut warc = Vec::new();
    for (i, p) in all.iter().enumerate() {
        warc.extend(warc_record(i, p));
    }
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-e2e.warc");
    std::fs::write(&path, &warc).expect("write the WARC");
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "{} records ({corpus_n} corpus + {real_n} realpages pages × {COPIES}), {:.1} MB WARC; {rounds} rounds",
        all.len(),
        warc.len() as f64 / 1e6
    );

    let extractor = bonmun::Extractor::default();
    let ok = all.iter().filter(|p| extractor.extract(p).is_ok()).count();
    // (pages/s, CPU ms a page, cores busy: CPU seconds over wall seconds)
    let e2e = |jobs: usize| -> (f64, f64, f64) {
        let cpu0 = cpu().1;
        let start = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_bonmun"))
            .args(["--json-lines", "-q", "-j", &jobs.to_string()])
            .arg(&path)
            .stdout(Stdio::null())
            .status()
            .expect("run bonmun");
        let secs = start.elapsed().as_secs_f64();
        assert!(status.code().is_some_and(|c| c <= 1), "bonmun failed: {status}");
        let cpu_s = cpu().1 - cpu0;
        (all.len() as f64 / secs, cpu_s * 1e3 / all.len() as f64, cpu_s / secs)
    };
    let (mut inproc, mut one, mut many) = (Vec::new(), Vec::new(), Vec::new());
    let mut cpu_ms = [Vec::new(), Vec::new(), Vec::new()];
    let mut busy = [Vec::new(), Vec::new()];
    println!("load average at the start: {}", loadavg());
    for _ in 0..rounds {
        let cpu0 = cpu().0;
        let start = Instant::now();
        let mut kept = 0usize;
        for p in &all {
            kept += extractor.extract(p).map_or(0, |a| a.blocks.len());
        }
        std::hint::black_box(kept);
        inproc.push(all.len() as f64 / start.elapsed().as_secs_f64());
        cpu_ms[0].push((cpu().0 - cpu0) * 1e3 / all.len() as f64);
        for (jobs, rates, slot) in [(1, &mut one, 1), (threads, &mut many, 2)] {
            let (rate, ms, cores) = e2e(jobs);
            rates.push(rate);
            cpu_ms[slot].push(ms);
            busy[slot - 1].push(cores);
        }
    }
    let best = |xs: &[f64]| xs.iter().copied().fold(0.0, f64::max);
    let (best_in, best_one, best_many) = (best(&inproc), best(&one), best(&many));
    let (inproc, one, many) = (median(inproc), median(one), median(many));
    let [c_in, c_one, c_many] = cpu_ms.map(median);
    let [busy_one, busy_many] = busy.map(median);
    println!("{ok} of {} pages give an article", all.len());
    // Cores busy says what "1 thread" was: `-j 1` also runs the reader beside its worker.
    println!("| workload | pages/s (median) | pages/s (fastest) | CPU ms a page | cores busy |");
    println!("|---|---:|---:|---:|---:|");
    println!("| in-process extract, 1 thread | {inproc:.0} | {best_in:.0} | {c_in:.2} | 1 |");
    println!("| bonmun WARC → JSON lines, -j 1 | {one:.0} | {best_one:.0} | {c_one:.2} | {busy_one:.2} |");
    println!(
        "| bonmun WARC → JSON lines, -j {threads} | {many:.0} | {best_many:.0} | {c_many:.2} | {busy_many:.2} |"
    );
    println!(
        "end to end on 1 thread / in-process: {:.2}× (fastest {:.2}×; CPU a page {:.2}×)",
        one / inproc,
        best_one / best_in,
        c_one / c_in
    );
    println!(
        "{threads} threads / 1 thread: {:.2}× (fastest {:.2}×; CPU a page {:.2}×)",
        many / one,
        best_many / best_one,
        c_many / c_one
    );
    println!("load average at the end: {}", loadavg());
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim().to_string()
}
