//! `bonmun`: the article bodies of Korean web pages, from files, directories, standard input
//! and WARC crawls, on all cores.
//!
//! Two roles: the main thread reads the inputs in order (`inputs`, `warc`), and a rayon pool
//! extracts and formats each page into the bytes of its output record, then writes it: the
//! worker that finishes the page next in input order (or any, with `--unordered`) writes it
//! and those queued behind it, counts them and draws the progress, under one lock. No writer
//! thread: waking one for every page cost a futex call and a context switch a page, and ran
//! on the second core, so that `-j 1` kept 1.15 cores busy (`perf stat`) and was not one
//! thread's worth of work. A window of pages
//! in flight bounds memory whatever the input's size: the reader waits while it is full, and
//! a page leaves it only once its record is written.
#![forbid(unsafe_code)]

mod args;
mod inputs;
mod warc;

use args::{Command, Format, Options};
use inputs::{Event, Skip, Source};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Pages in flight per worker thread: enough that a worker never waits for the reader or for
/// the record of a slow page ahead of it in input order, few enough that memory stays a few
/// pages a thread (a page is tens of KB, at most `Config::max_input_bytes`).
const WINDOW_PER_THREAD: usize = 16;

/// When the window is full, the reader sleeps until this share of it (1/WAKE_SHARE) is free
/// again, not until one place is: it then reads a batch of pages at one wake-up instead of
/// being woken for every page, while the workers still have the rest of the window to work on.
const WAKE_SHARE: usize = 2;

/// The progress line is redrawn at most this often; indicatif would throttle drawing anyway,
/// this also spares formatting the message for every page.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

fn main() -> ExitCode {
    let opts = match args::parse(std::env::args().skip(1)) {
        Ok(Command::Run(o)) => o,
        Ok(Command::Help) => {
            print!("{}", args::USAGE);
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("bonmun {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("bonmun: {message}\n(bonmun --help lists the options)");
            return ExitCode::from(2);
        }
    };
    // A missing input is a mistake in the command: said before any page is written.
    for input in opts.inputs.iter().filter(|i| *i != "-") {
        if let Err(e) = std::fs::metadata(input) {
            eprintln!("bonmun: {input}: {}", inputs::io_message(&e));
            return ExitCode::from(2);
        }
    }
    if let Some(dir) = &opts.output
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        eprintln!("bonmun: cannot create the output directory {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    let stats = run(&opts);
    if !opts.quiet {
        eprintln!("bonmun: {}", stats.summary());
    }
    ExitCode::from(stats.exit_status())
}

/// What a run did, for the progress line, the summary and the exit status.
#[derive(Debug, Default)]
struct Stats {
    pages: u64,
    ok: u64,
    errors: u64,
    skipped_not_html: u64,
    skipped_status: u64,
    broken_warcs: u64,
    bad_inputs: u64,
    bytes: u64,
    elapsed: Duration,
    output_failed: Option<String>,
}

impl Stats {
    fn rate(&self) -> f64 {
        self.pages as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    fn progress(&self) -> String {
        format!(
            "{} pages, {:.1} MB, {:.0} pages/s, {} errors",
            self.pages,
            self.bytes as f64 / 1e6,
            self.rate(),
            self.errors + self.broken_warcs
        )
    }

    fn summary(&self) -> String {
        let mut s = format!(
            "{} pages: {} articles, {} errors; {:.1} MB in {:.2} s ({:.0} pages/s)",
            self.pages,
            self.ok,
            self.errors,
            self.bytes as f64 / 1e6,
            self.elapsed.as_secs_f64(),
            self.rate()
        );
        if self.skipped_not_html > 0 {
            s += &format!("; {} WARC records skipped as not HTML", self.skipped_not_html);
        }
        if self.skipped_status > 0 {
            s += &format!("; {} WARC records skipped as not a 2xx response", self.skipped_status);
        }
        if self.broken_warcs > 0 {
            s += &format!("; {} WARC files broken", self.broken_warcs);
        }
        if self.bad_inputs > 0 {
            s += &format!("; {} inputs unreadable", self.bad_inputs);
        }
        if let Some(e) = &self.output_failed {
            s += &format!("; output failed: {e}");
        }
        s
    }

    fn exit_status(&self) -> u8 {
        if self.bad_inputs > 0 || self.output_failed.is_some() {
            2
        } else if self.errors > 0 || self.broken_warcs > 0 {
            1
        } else {
            0
        }
    }
}

/// What an event gives the output, in the reader's sequence.
enum Record {
    /// A page's formatted output (empty when it goes to stderr only), and where it goes under
    /// `--output`.
    Page {
        ok: bool,
        bytes_in: u64,
        out: Vec<u8>,
        name: PathBuf,
        note: Option<String>,
    },
    Skipped(Skip),
    Broken {
        out: Vec<u8>,
        name: PathBuf,
        note: String,
    },
    BadInput(String),
}

/// The window of pages in flight: a counting semaphore whose one waiter (the reader, or at the
/// end the main thread waiting for the last records) says how many places it waits for, so a
/// release wakes it only when that many are free.
struct Window {
    state: Mutex<WindowState>,
    freed: Condvar,
    size: usize,
}

struct WindowState {
    free: usize,
    /// The free places the waiter waits for; 0 when nobody waits.
    wanted: usize,
}

impl Window {
    fn new(size: usize) -> Self {
        Window { state: Mutex::new(WindowState { free: size, wanted: 0 }), freed: Condvar::new(), size }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, WindowState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until `wanted` places are free.
    fn wait_for(&self, wanted: usize) {
        let mut state = self.lock();
        while state.free < wanted {
            state.wanted = wanted;
            state = self.freed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        state.wanted = 0;
    }

    fn acquire(&self) {
        let mut state = self.lock();
        if state.free == 0 {
            drop(state);
            self.wait_for((self.size / WAKE_SHARE).max(1));
            state = self.lock();
        }
        state.free -= 1;
    }

    fn release(&self) {
        let mut state = self.lock();
        state.free += 1;
        if state.wanted > 0 && state.free >= state.wanted {
            state.wanted = 0;
            drop(state);
            self.freed.notify_one();
        }
    }

    /// Waits until every page has left the window: all records are written.
    fn wait_empty(&self) {
        self.wait_for(self.size);
    }
}

fn run(opts: &Options) -> Stats {
    let threads = opts.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(p) => p,
        Err(e) => {
            return Stats {
                output_failed: Some(format!("cannot start {threads} threads: {e}")),
                ..Stats::default()
            };
        }
    };
    let window = Arc::new(Window::new(threads * WINDOW_PER_THREAD));
    let job = Arc::new(Job {
        extractor: bonmun::Extractor::new(opts.config.clone()),
        format: opts.format,
        charset: opts.charset.clone(),
        to_dir: opts.output.is_some(),
        headers: opts.format != Format::Jsonl
            && opts.output.is_none()
            && (opts.inputs.len() > 1
                || opts.inputs.iter().any(|i| Path::new(i).is_dir() || warc::is_warc(Path::new(i)))),
    });
    // Not when the pages themselves scroll past on the same terminal: the bar would be
    // redrawn through them.
    let progress = !opts.quiet
        && std::io::stderr().is_terminal()
        && (opts.output.is_some() || !std::io::stdout().is_terminal());
    let output = Arc::new(Output::new(!opts.unordered, opts.output.clone(), opts.format, progress));

    let mut seq = 0u64;
    let max_bytes = opts.config.max_input_bytes;
    inputs::read_all(&opts.inputs, max_bytes, &mut |event| {
        if output.stopped() {
            return false;
        }
        window.acquire();
        let this = seq;
        seq += 1;
        let record = match event {
            Event::Page(page) => {
                let (job, output, window) = (Arc::clone(&job), Arc::clone(&output), Arc::clone(&window));
                pool.spawn(move || {
                    let record = job.page(page);
                    output.deliver(this, record, &window);
                });
                return true;
            }
            Event::Unreadable { source, out_name, kind, message } => {
                job.record(&source, Err((kind, message)), 0, out_name)
            }
            Event::Skipped { why } => Record::Skipped(why),
            Event::WarcBroken { source, out_name, message } => {
                let (out, note) = job.error_output(&source, "warc", &message);
                Record::Broken { out, name: out_name, note }
            }
            Event::BadInput { message } => Record::BadInput(message),
        };
        output.deliver(this, record, &window);
        true
    });
    window.wait_empty();
    output.finish()
}

/// What every worker needs to turn a page into its output record.
struct Job {
    extractor: bonmun::Extractor,
    format: Format,
    charset: Option<String>,
    to_dir: bool,
    /// Text and Markdown on stdout name each page in a `==> source <==` line when there can be
    /// more than one.
    headers: bool,
}

/// A failed page's error, as written: a kind a program can match on, and a message.
#[derive(Serialize)]
struct ErrorRecord<'a> {
    kind: &'a str,
    message: &'a str,
}

/// One output record: the source beside the article's own JSON (its serde impl, so a schema
/// change of `Article` flows through) or beside the error.
#[derive(Serialize)]
struct OutRecord<'a> {
    source: &'a Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<&'a bonmun::Article>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorRecord<'a>>,
}

/// The kind of a library error, as a stable name.
fn error_kind(e: &bonmun::Error) -> &'static str {
    match e {
        bonmun::Error::NotHtml => "not_html",
        bonmun::Error::NoContent => "no_content",
        bonmun::Error::InputTooLarge { .. } => "input_too_large",
        bonmun::Error::TooManyNodes { .. } => "too_many_nodes",
        bonmun::Error::TooDeep { .. } => "too_deep",
        bonmun::Error::UnknownCharset(_) => "unknown_charset",
        bonmun::Error::UncertainCharset { .. } => "uncertain_charset",
        _ => "other",
    }
}

impl Job {
    fn page(&self, page: inputs::Page) -> Record {
        let bytes_in = page.bytes.len() as u64;
        // The user's charset wins; then the HTTP header's, unless it names no encoding (a
        // server's typo must not cost the page: detection takes over).
        let result = match (self.charset.as_deref(), page.charset.as_deref()) {
            (Some(label), _) => self.extractor.extract_with_charset(&page.bytes, label),
            (None, Some(label)) => match self.extractor.extract_with_charset(&page.bytes, label) {
                Err(bonmun::Error::UnknownCharset(_)) => self.extractor.extract(&page.bytes),
                other => other,
            },
            (None, None) => self.extractor.extract(&page.bytes),
        };
        drop(page.bytes);
        let result = result.map_err(|e| (error_kind(&e), e.to_string()));
        self.record(&page.source, result, bytes_in, page.out_name)
    }

    fn record(
        &self,
        source: &Source,
        result: Result<bonmun::Article, (&'static str, String)>,
        bytes_in: u64,
        name: PathBuf,
    ) -> Record {
        match result {
            Ok(article) => Record::Page {
                ok: true,
                bytes_in,
                out: self.article_output(source, &article),
                name,
                note: None,
            },
            Err((kind, message)) => {
                let (out, note) = self.error_output(source, kind, &message);
                Record::Page { ok: false, bytes_in, out, name, note: Some(note) }
            }
        }
    }

    fn article_output(&self, source: &Source, article: &bonmun::Article) -> Vec<u8> {
        let mut out = Vec::new();
        let record = OutRecord { source, article: Some(article), error: None };
        match self.format {
            Format::Jsonl if !self.to_dir => json_line(&mut out, &record),
            Format::Json | Format::Jsonl => json_pretty(&mut out, &record),
            Format::Text | Format::Markdown => {
                if self.headers {
                    out.extend_from_slice(format!("==> {source} <==\n").as_bytes());
                }
                if let Some(title) = &article.title {
                    out.extend_from_slice(format!("# {title}\n").as_bytes());
                }
                if self.format == Format::Text {
                    out.extend_from_slice(article.text().as_bytes());
                    out.push(b'\n');
                } else {
                    if article.title.is_some() {
                        out.push(b'\n');
                    }
                    out.extend_from_slice(article.markdown().as_bytes());
                }
            }
        }
        out
    }

    /// A failed page's record (JSON formats) and its line for stderr.
    fn error_output(&self, source: &Source, kind: &str, message: &str) -> (Vec<u8>, String) {
        let mut out = Vec::new();
        let record = OutRecord { source, article: None, error: Some(ErrorRecord { kind, message }) };
        match self.format {
            Format::Jsonl if !self.to_dir => json_line(&mut out, &record),
            Format::Json | Format::Jsonl => json_pretty(&mut out, &record),
            // Text has no place for an error: stderr says it.
            Format::Text | Format::Markdown => {}
        }
        (out, format!("{source}: {kind}: {message}"))
    }
}

fn json_line(out: &mut Vec<u8>, record: &OutRecord) {
    // Serializing plain data into a Vec cannot fail; an error would be a bug in a serde impl.
    if serde_json::to_writer(&mut *out, record).is_ok() {
        out.push(b'\n');
    }
}

fn json_pretty(out: &mut Vec<u8>, record: &OutRecord) {
    if serde_json::to_writer_pretty(&mut *out, record).is_ok() {
        out.push(b'\n');
    }
}

/// Where records go: put in order (or not), each written with one `write_all`, counted, and
/// their places in the window freed. Shared by the workers behind one lock; the worker that
/// delivers the record next in order writes it and the ones queued behind it.
struct Output {
    state: Mutex<OutState>,
    /// Set when the output is gone (a closed pipe, a failed write): the reader stops.
    stop: std::sync::atomic::AtomicBool,
    ordered: bool,
    out_dir: Option<PathBuf>,
    format: Format,
    start: Instant,
    bar: Option<indicatif::ProgressBar>,
}

struct OutState {
    pending: BTreeMap<u64, Record>,
    next: u64,
    stats: Stats,
    last_draw: Instant,
}

impl Output {
    fn new(ordered: bool, out_dir: Option<PathBuf>, format: Format, progress: bool) -> Self {
        let bar = progress.then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            bar
        });
        let start = Instant::now();
        Output {
            state: Mutex::new(OutState {
                pending: BTreeMap::new(),
                next: 0,
                stats: Stats::default(),
                last_draw: start,
            }),
            stop: std::sync::atomic::AtomicBool::new(false),
            ordered,
            out_dir,
            format,
            start,
            bar,
        }
    }

    fn stopped(&self) -> bool {
        self.stop.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, OutState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The record of the event numbered `seq` is ready: writes it, and those behind it, once
    /// every record before it is written.
    fn deliver(&self, seq: u64, record: Record, window: &Window) {
        let mut state = self.lock();
        let state = &mut *state;
        let write = |record: Record, stats: &mut Stats| {
            let written =
                write_record(record, stats, self.out_dir.as_deref(), self.format, self.bar.as_ref());
            window.release();
            if let Err(e) = written {
                // A closed pipe (`| head`) is the reader saying it has enough.
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    stats.output_failed = Some(e.to_string());
                }
                self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        };
        if self.ordered {
            if seq != state.next {
                state.pending.insert(seq, record);
                return;
            }
            write(record, &mut state.stats);
            state.next += 1;
            while let Some(r) = state.pending.remove(&state.next) {
                write(r, &mut state.stats);
                state.next += 1;
            }
        } else {
            write(record, &mut state.stats);
        }
        if let Some(bar) = &self.bar
            && state.last_draw.elapsed() >= PROGRESS_EVERY
        {
            state.last_draw = Instant::now();
            state.stats.elapsed = self.start.elapsed();
            bar.set_message(state.stats.progress());
            bar.tick();
        }
    }

    /// After the last record: the run's figures.
    fn finish(&self) -> Stats {
        let _ = std::io::stdout().flush();
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        let mut state = self.lock();
        let mut stats = std::mem::take(&mut state.stats);
        stats.elapsed = self.start.elapsed();
        stats
    }
}

fn write_record(
    record: Record,
    stats: &mut Stats,
    out_dir: Option<&Path>,
    format: Format,
    bar: Option<&indicatif::ProgressBar>,
) -> std::io::Result<()> {
    if stats.output_failed.is_some() {
        return Ok(());
    }
    let say = |line: &str| match bar {
        Some(bar) => bar.suspend(|| eprintln!("bonmun: {line}")),
        None => eprintln!("bonmun: {line}"),
    };
    let (out, name) = match record {
        Record::Page { ok, bytes_in, out, name, note } => {
            stats.pages += 1;
            stats.bytes += bytes_in;
            if ok {
                stats.ok += 1;
            } else {
                stats.errors += 1;
            }
            if let Some(note) = note
                && matches!(format, Format::Text | Format::Markdown)
            {
                say(&note);
            }
            (out, name)
        }
        Record::Skipped(Skip::NotHtml) => {
            stats.skipped_not_html += 1;
            return Ok(());
        }
        Record::Skipped(Skip::Status) => {
            stats.skipped_status += 1;
            return Ok(());
        }
        Record::Broken { out, name, note } => {
            stats.broken_warcs += 1;
            say(&note);
            (out, name)
        }
        Record::BadInput(message) => {
            stats.bad_inputs += 1;
            say(&message);
            return Ok(());
        }
    };
    if out.is_empty() {
        return Ok(());
    }
    match out_dir {
        // One write for the whole record: piped or shared output never interleaves records.
        None => std::io::stdout().lock().write_all(&out),
        Some(dir) => {
            // The extension appended, not swapped: a page named "a.b" keeps its ".b".
            let mut file = name.into_os_string();
            file.push(".");
            file.push(format.extension());
            let path = dir.join(file);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, &out)
        }
    }
}
