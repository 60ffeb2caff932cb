//! The response records of WARC and WARC.gz files, as pages.
//!
//! Read with `fastwarc`, the Rust reader of the Resiliparse project: it is maintained with
//! Resiliparse (the extractor's Python toolkit that crawl pipelines already use), reads gzip
//! members with zlib-rs, and is the fastest WARC reader for Rust by its published benchmarks
//! (1.2–2.2× the `warc` crate, whose last release predates it by years). It parses each record's
//! HTTP header and gives the record's offset, which a broken WARC's report needs.

use crate::inputs::{Event, GZIP_MAGIC, Page, Skip, Source, io_message};
use fastwarc::stream_io::traits::IntoWarcReader;
use fastwarc::warc::header::WarcHeader;
use fastwarc::warc::iter::{ArchiveIterator, ArchiveIteratorOptions};
use fastwarc::warc::record::WarcRecordType;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// The read buffer of a WARC file: large reads keep gzip decoding and the disk streaming.
pub const READ_BUFFER: usize = 1 << 20;

/// A WARC record's HTTP and WARC headers may be this long. Common Crawl's are a few KB;
/// fastwarc's default of 32 KiB refuses the odd page with a long `Set-Cookie` or `Link` header.
const MAX_HEADER_LEN: usize = 256 << 10;

/// Whether a file is a WARC: by its name, or by its first bytes (`WARC/`, or gzip whose
/// first member starts so), for crawl files named otherwise.
pub fn is_warc(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    if name.ends_with(".warc") || name.ends_with(".warc.gz") {
        return true;
    }
    // Five bytes, not a buffer's worth: this runs on every page file of a directory.
    let mut head = [0u8; 5];
    let Ok(mut file) = std::fs::File::open(path) else { return false };
    let Ok(n) = read_up_to(&mut file, &mut head) else { return false };
    let head = head.get(..n).unwrap_or_default();
    if head.starts_with(&GZIP_MAGIC) {
        let Ok(file) = std::fs::File::open(path) else { return false };
        let mut inner = [0u8; 5];
        let mut gz = flate2::read::GzDecoder::new(file);
        return read_up_to(&mut gz, &mut inner).is_ok_and(|n| inner.get(..n) == Some(b"WARC/".as_slice()));
    }
    head == b"WARC/"
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(buf.get_mut(n..).unwrap_or_default())? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Content types read as pages. A record without one is tried too: the extractor refuses
/// what is not text.
fn is_html(content_type: Option<&str>) -> bool {
    content_type.is_none_or(|t| {
        let t = t.trim().to_ascii_lowercase();
        t.is_empty() || t == "text/html" || t == "application/xhtml+xml" || t == "text/plain"
    })
}

/// Whether the first bytes of a stream are a WARC's: `WARC/`, or a gzip member whose data
/// starts so. `head` is what could be read of the stream's start.
pub fn is_warc_start(head: &[u8]) -> bool {
    if head.starts_with(&GZIP_MAGIC) {
        let mut inner = [0u8; 5];
        let mut gz = flate2::read::GzDecoder::new(head);
        return read_up_to(&mut gz, &mut inner).is_ok_and(|n| inner.get(..n) == Some(b"WARC/".as_slice()));
    }
    head.starts_with(b"WARC/")
}

/// A stream that can only be read forward (standard input), with the `Seek` fastwarc asks
/// of its reader: it asks for positions, and skips forward over bodies it does not read;
/// both are done by counting and reading. A seek backward is an error (fastwarc does not ask
/// for one when reading records in order).
pub struct Forward<R> {
    inner: R,
    pos: u64,
}

impl<R> Forward<R> {
    pub fn new(inner: R) -> Self {
        Forward { inner, pos: 0 }
    }
}

impl<R: Read> Read for Forward<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: Read> std::io::Seek for Forward<R> {
    fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
        let target = match to {
            std::io::SeekFrom::Start(p) => Some(p),
            std::io::SeekFrom::Current(d) => self.pos.checked_add_signed(d),
            std::io::SeekFrom::End(_) => None,
        };
        let Some(skip) = target.and_then(|t| t.checked_sub(self.pos)) else {
            return Err(std::io::Error::new(
                std::io::ErrorKind::Unsupported,
                "standard input can only be read forward",
            ));
        };
        let skipped = std::io::copy(&mut (&mut self.inner).take(skip), &mut std::io::sink())?;
        self.pos += skipped;
        Ok(self.pos)
    }
}

/// Reads the response records of one WARC file, in order. Returns false when `emit` asked to stop.
pub fn read(path: &Path, out_dir: PathBuf, max_bytes: usize, emit: &mut dyn FnMut(Event) -> bool) -> bool {
    let shown = path.display().to_string();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return emit(Event::BadInput { message: format!("{shown}: {}", io_message(&e)) }),
    };
    read_stream(BufReader::with_capacity(READ_BUFFER, file), shown, out_dir, max_bytes, emit)
}

/// Reads the response records of a WARC stream (a file, or standard input behind
/// [`Forward`]), named `shown` in the records' sources.
pub fn read_stream(
    reader: impl IntoWarcReader,
    shown: String,
    out_dir: PathBuf,
    max_bytes: usize,
    emit: &mut dyn FnMut(Event) -> bool,
) -> bool {
    let options = ArchiveIteratorOptions {
        // gzip by the first bytes, whatever the name.
        stream_detect: true,
        parse_http: true,
        max_header_len: MAX_HEADER_LEN,
        ..ArchiveIteratorOptions::default()
    };
    let records = ArchiveIterator::with_options(reader, options);
    let broken = |source: Source, offset: u64, message: String| Event::WarcBroken {
        source,
        out_name: out_dir.join(format!("broken-at-{offset}")),
        message,
    };
    let at = |offset: u64| Source::Warc { warc: shown.clone(), offset, record_id: None, target_uri: None };
    // Where the next record should start, for a report of where the file broke.
    let mut next_offset = 0u64;
    for (index, item) in records.enumerate() {
        let record = match item {
            Ok(r) => r,
            // Not one record: the file is no WARC at all, an input that cannot be read.
            Err(e) if index == 0 => {
                return emit(Event::BadInput { message: format!("{shown}: not a readable WARC file: {e}") });
            }
            Err(e) => {
                return emit(broken(
                    at(next_offset),
                    next_offset,
                    format!("WARC broken after the record at byte {next_offset}: {e}"),
                ));
            }
        };
        let mut r = record.borrow_mut();
        let offset = r.stream_pos();
        next_offset = offset;
        if r.record_type() != WarcRecordType::Response {
            continue;
        }
        let record_id = r.record_id().map(|s| s.into_owned());
        let target_uri = r.headers().get(WarcHeader::WarcTargetUri).map(|s| s.into_owned());
        let source = Source::Warc { warc: shown.clone(), offset, record_id, target_uri };
        let content_type = r.http_content_type();
        let status = r.http_headers().and_then(|h| h.status_code());
        if !is_html(content_type.as_deref()) {
            drop(r);
            if !emit(Event::Skipped { why: Skip::NotHtml }) {
                return false;
            }
            continue;
        }
        if status.is_some_and(|s| !(200..300).contains(&s)) {
            drop(r);
            if !emit(Event::Skipped { why: Skip::Status }) {
                return false;
            }
            continue;
        }
        let charset = r.http_charset().map(|s| s.into_owned());
        let expected = r.content_length();
        let out_name = out_dir.join(format!("{index:06}"));
        let mut bytes = Vec::with_capacity(expected.min(max_bytes as u64 + 1) as usize);
        let read = match r.reader_mut() {
            Some(reader) => reader.take(max_bytes as u64 + 1).read_to_end(&mut bytes).map(|_| ()),
            None => Err(std::io::Error::other("record has no body reader")),
        };
        drop(r);
        let cut_short = (bytes.len() as u64) < expected.min(max_bytes as u64 + 1);
        if let Err(e) = read {
            return emit(broken(source, offset, format!("WARC broken in the record at byte {offset}: {e}")));
        }
        if cut_short {
            return emit(broken(
                source,
                offset,
                format!(
                    "WARC truncated in the record at byte {offset}: its body has {} of {expected} bytes",
                    bytes.len()
                ),
            ));
        }
        let event = if bytes.starts_with(&GZIP_MAGIC) {
            // A payload stored with its Content-Encoding still applied.
            let mut plain = Vec::new();
            match flate2::read::MultiGzDecoder::new(bytes.as_slice())
                .take(max_bytes as u64 + 1)
                .read_to_end(&mut plain)
            {
                Ok(_) => Event::Page(Page { source, bytes: plain, charset, out_name }),
                Err(e) => Event::Unreadable {
                    source,
                    out_name,
                    kind: "gzip",
                    message: format!("broken gzip payload: {e}"),
                },
            }
        } else {
            Event::Page(Page { source, bytes, charset, out_name })
        };
        if !emit(event) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::is_html;

    #[test]
    fn html_content_types() {
        assert!(is_html(Some("text/html")));
        assert!(is_html(Some(" Application/XHTML+XML")));
        assert!(is_html(None));
        assert!(!is_html(Some("image/png")));
        assert!(!is_html(Some("application/pdf")));
    }
}
