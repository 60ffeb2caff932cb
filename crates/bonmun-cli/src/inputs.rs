//! Turns the inputs of the command line into a stream of pages, in input order: files,
//! directories walked in name order, standard input, and the response records of WARC files.
//!
//! Nothing here holds more than one page: each is handed to `emit` as soon as it is read, and
//! `emit` blocks while the window of pages in flight is full.

use crate::warc;
use serde::Serialize;
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where a page came from, as written beside its article.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Source {
    /// A file (or `-` for standard input).
    File { path: String },
    /// A response record of a WARC file.
    Warc {
        warc: String,
        /// Where the record starts in the file: its byte offset, or in a WARC.gz the offset
        /// of its gzip member (what a CDX index gives, to seek to it).
        offset: u64,
        record_id: Option<String>,
        target_uri: Option<String>,
    },
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::File { path } => f.write_str(path),
            Source::Warc { warc, offset, target_uri, .. } => {
                write!(f, "{warc}@{offset}")?;
                match target_uri {
                    Some(uri) => write!(f, " ({uri})"),
                    None => Ok(()),
                }
            }
        }
    }
}

/// A page read from the inputs, waiting for extraction.
pub struct Page {
    pub source: Source,
    pub bytes: Vec<u8>,
    /// The charset its HTTP header gave (WARC records only).
    pub charset: Option<String>,
    /// Its file name under `--output`, without extension.
    pub out_name: PathBuf,
}

/// What the inputs yield, in order.
pub enum Event {
    Page(Page),
    /// A page that could not be read (its bytes failed): an error record of its own.
    Unreadable {
        source: Source,
        out_name: PathBuf,
        kind: &'static str,
        message: String,
    },
    /// A WARC record passed over: not HTML, or not a 2xx response.
    Skipped {
        why: Skip,
    },
    /// A WARC file broke: the records before it were read; this is where it broke.
    WarcBroken {
        source: Source,
        out_name: PathBuf,
        message: String,
    },
    /// An input argument that could not be read at all (exit status 2).
    BadInput {
        message: String,
    },
}

#[derive(Debug, Clone, Copy)]
pub enum Skip {
    NotHtml,
    Status,
}

/// The names pages get under `--output`, made unique in input order: two inputs with the same
/// base name (`a/x.html`, `b/x.html`), or `x.html` beside `x.htm.gz`, would otherwise write
/// one file, the second page silently replacing the first. The first keeps its name, the
/// next gets `x-2`, then `x-3`: the same inputs in the same order give the same names on
/// every run. A WARC's records are named `<its directory>/<record number>`: its directory is
/// claimed once, and no page in it is given a record's name (nor a WARC a page's directory).
#[derive(Default)]
pub struct Names {
    pages: HashSet<PathBuf>,
    page_dirs: HashSet<PathBuf>,
    warc_dirs: HashSet<PathBuf>,
}

impl Names {
    /// A unique name for a page's file.
    pub fn page(&mut self, name: PathBuf) -> PathBuf {
        let name = self.first_free(name, |names, n| {
            names.pages.contains(n)
                || (n.parent().is_some_and(|d| names.warc_dirs.contains(d)) && is_record_name(n))
        });
        if let Some(dir) = name.parent() {
            self.page_dirs.insert(dir.to_path_buf());
        }
        self.pages.insert(name.clone());
        name
    }

    /// A unique directory for a WARC's records.
    pub fn warc_dir(&mut self, name: PathBuf) -> PathBuf {
        let name =
            self.first_free(name, |names, n| names.warc_dirs.contains(n) || names.page_dirs.contains(n));
        self.warc_dirs.insert(name.clone());
        name
    }

    fn first_free(&self, name: PathBuf, taken: impl Fn(&Self, &Path) -> bool) -> PathBuf {
        if !taken(self, &name) {
            return name;
        }
        let stem = name.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        (2u64..)
            .map(|k| {
                let mut file = stem.clone();
                file.push(format!("-{k}"));
                name.with_file_name(file)
            })
            .find(|n| !taken(self, n))
            .unwrap_or(name)
    }
}

/// Whether a name is one `warc::read` gives a record: its number, or `broken-at-<offset>`.
fn is_record_name(name: &Path) -> bool {
    let file = name.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let digits = file.strip_prefix("broken-at-").unwrap_or(&file);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// gzip's magic bytes: a page or a WARC is decompressed by what it is, not by its name.
pub const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Page extensions read from directories (a `.gz` after them is read too).
const PAGE_EXTENSIONS: [&str; 2] = [".html", ".htm"];

/// Reads every input in order, calling `emit` for each event; stops early when `emit` returns
/// false (the output is gone).
pub fn read_all(inputs: &[String], max_bytes: usize, emit: &mut dyn FnMut(Event) -> bool) {
    let mut names = Names::default();
    for input in inputs {
        if input == "-" {
            if !read_stdin(&mut names, max_bytes, emit) {
                return;
            }
            continue;
        }
        let path = Path::new(input);
        let keep_going = match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => read_dir(path, &mut names, max_bytes, emit),
            Ok(_) => read_file(path, file_stem(path), &mut names, max_bytes, emit),
            Err(e) => emit(Event::BadInput { message: format!("{input}: {}", io_message(&e)) }),
        };
        if !keep_going {
            return;
        }
    }
}

/// Standard input: a WARC or WARC.gz stream when its first bytes say so (`WARC/`, or gzip
/// whose data starts so), else one page.
fn read_stdin(names: &mut Names, max_bytes: usize, emit: &mut dyn FnMut(Event) -> bool) -> bool {
    let bad = |e: std::io::Error| Event::BadInput { message: format!("-: cannot read standard input: {e}") };
    // The head is read before deciding, then put back in front of the rest of the stream.
    let mut head = Vec::with_capacity(STDIN_HEAD);
    if let Err(e) = std::io::stdin().take(STDIN_HEAD as u64).read_to_end(&mut head) {
        return emit(bad(e));
    }
    let is_warc = warc::is_warc_start(&head);
    let stream = std::io::Cursor::new(head).chain(std::io::stdin());
    if is_warc {
        let reader = std::io::BufReader::with_capacity(warc::READ_BUFFER, warc::Forward::new(stream));
        return warc::read_stream(reader, "-".into(), names.warc_dir("stdin".into()), max_bytes, emit);
    }
    let mut bytes = Vec::new();
    let event = match stream.take(max_bytes as u64 + 1).read_to_end(&mut bytes) {
        Ok(_) => {
            page_or_gunzip(Source::File { path: "-".into() }, bytes, names.page("stdin".into()), max_bytes)
        }
        Err(e) => bad(e),
    };
    emit(event)
}

/// The bytes of standard input read to tell a WARC from a page: a gzip member's header and
/// its first block's code tables take a few hundred bytes before the first bytes of data.
const STDIN_HEAD: usize = 8 << 10;

/// A directory, walked without recursion (a deep tree cannot overflow the stack) in name
/// order, so runs over the same tree give the same order.
fn read_dir(root: &Path, names: &mut Names, max_bytes: usize, emit: &mut dyn FnMut(Event) -> bool) -> bool {
    let mut stack = vec![root.to_path_buf()];
    let mut found = 0usize;
    while let Some(dir) = stack.pop() {
        // With each entry, whether it is a directory to walk: a symlink to a directory is not
        // followed (as find and ripgrep do), so a link to a parent cannot walk forever.
        let mut entries: Vec<(PathBuf, bool)> = match std::fs::read_dir(&dir) {
            Ok(rd) => rd
                .filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir()))))
                .collect(),
            Err(e) => {
                if !emit(Event::BadInput { message: format!("{}: {}", dir.display(), io_message(&e)) }) {
                    return false;
                }
                continue;
            }
        };
        entries.sort();
        // Subdirectories go on the stack in reverse, so the first is walked first.
        let mut subdirs = Vec::new();
        for (path, is_dir) in entries {
            if is_dir {
                subdirs.push(path);
                continue;
            }
            if path.is_dir() {
                continue;
            }
            let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
            let name = name.strip_suffix(".gz").unwrap_or(&name);
            if !(PAGE_EXTENSIONS.iter().any(|e| name.ends_with(e)) || name.ends_with(".warc")) {
                continue;
            }
            found += 1;
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let out_name = rel.parent().unwrap_or(Path::new("")).join(file_stem(&path));
            if !read_file(&path, out_name, names, max_bytes, emit) {
                return false;
            }
        }
        stack.extend(subdirs.into_iter().rev());
    }
    if found == 0 {
        return emit(Event::BadInput {
            message: format!("{}: directory holds no .html, .htm or .warc files", root.display()),
        });
    }
    true
}

/// One file: a WARC by its first bytes (or its name), else a page.
fn read_file(
    path: &Path,
    out_name: PathBuf,
    names: &mut Names,
    max_bytes: usize,
    emit: &mut dyn FnMut(Event) -> bool,
) -> bool {
    let shown = path.display().to_string();
    if warc::is_warc(path) {
        return warc::read(path, names.warc_dir(out_name), max_bytes, emit);
    }
    let out_name = names.page(out_name);
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(max_bytes as u64 + 1).read_to_end(&mut bytes));
    let source = Source::File { path: shown.clone() };
    let event = match read {
        Ok(_) => page_or_gunzip(source, bytes, out_name, max_bytes),
        Err(e) => Event::BadInput { message: format!("{shown}: {}", io_message(&e)) },
    };
    emit(event)
}

/// A page's bytes, gunzipped when they are gzip. Reads are capped one byte past the library's
/// limit, so an oversized page is refused by the library with its own error, not cut short.
fn page_or_gunzip(source: Source, bytes: Vec<u8>, out_name: PathBuf, max_bytes: usize) -> Event {
    if !bytes.starts_with(&GZIP_MAGIC) {
        return Event::Page(Page { source, bytes, charset: None, out_name });
    }
    let mut plain = Vec::new();
    match flate2::read::MultiGzDecoder::new(bytes.as_slice())
        .take(max_bytes as u64 + 1)
        .read_to_end(&mut plain)
    {
        Ok(_) => Event::Page(Page { source, bytes: plain, charset: None, out_name }),
        Err(e) => {
            Event::Unreadable { source, out_name, kind: "gzip", message: format!("broken gzip data: {e}") }
        }
    }
}

/// A file name without its page, WARC and gzip extensions.
pub fn file_stem(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "page".into());
    let mut stem = name.as_str();
    for ext in [".gz", ".html", ".htm", ".warc"] {
        let cut = stem.len().saturating_sub(ext.len());
        if cut > 0 && stem.get(cut..).is_some_and(|tail| tail.eq_ignore_ascii_case(ext)) {
            stem = stem.get(..cut).unwrap_or(stem);
        }
    }
    PathBuf::from(stem)
}

/// The OS's message without its "(os error 2)" tail, which says nothing to a user.
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{Names, file_stem};

    #[test]
    fn names_are_unique_in_input_order() {
        let mut names = Names::default();
        assert_eq!(names.page("x".into()), PathBuf::from("x"));
        assert_eq!(names.page("x".into()), PathBuf::from("x-2"));
        assert_eq!(names.page("x".into()), PathBuf::from("x-3"));
        assert_eq!(names.page("d/x".into()), PathBuf::from("d/x"));
        // A WARC named as a page's directory, and a page inside a WARC's directory.
        assert_eq!(names.warc_dir("d".into()), PathBuf::from("d-2"));
        assert_eq!(names.warc_dir("crawl".into()), PathBuf::from("crawl"));
        assert_eq!(names.warc_dir("crawl".into()), PathBuf::from("crawl-2"));
        assert_eq!(names.page("crawl/000001".into()), PathBuf::from("crawl/000001-2"));
        assert_eq!(names.page("crawl/broken-at-7".into()), PathBuf::from("crawl/broken-at-7-2"));
        assert_eq!(names.page("crawl/notes".into()), PathBuf::from("crawl/notes"));
    }
    use std::path::{Path, PathBuf};

    #[test]
    fn stems_lose_page_and_archive_extensions() {
        assert_eq!(file_stem(Path::new("a/b/005-wire.html")), PathBuf::from("005-wire"));
        assert_eq!(file_stem(Path::new("x.HTM.gz")), PathBuf::from("x"));
        assert_eq!(file_stem(Path::new("crawl-00001.warc.gz")), PathBuf::from("crawl-00001"));
        assert_eq!(file_stem(Path::new(".html")), PathBuf::from(".html"));
    }
}
