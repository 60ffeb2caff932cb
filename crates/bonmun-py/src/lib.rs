//! The native half of the `bonmun` Python package: `extract`, `Extractor`, `Article`, `Block`
//! and the exception classes, over the Rust library. Extraction runs with the GIL released, so
//! Python threads extract pages in parallel; what crosses into Python is built only when an
//! attribute is read.
#![forbid(unsafe_code)]

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyDict, PyList};
use std::time::Instant;

create_exception!(
    bonmun,
    BonmunError,
    PyException,
    "Base class of every error bonmun raises: the page gave no article."
);
create_exception!(
    bonmun,
    NotHtmlError,
    BonmunError,
    "The input is empty, or is not text at all (an image, a PDF, random bytes)."
);
create_exception!(
    bonmun,
    NoContentError,
    BonmunError,
    "The page parsed, but nothing in it reads as an article body."
);
create_exception!(
    bonmun,
    InputTooLargeError,
    BonmunError,
    "The input is longer than the max_input_bytes option."
);
create_exception!(
    bonmun,
    TooManyNodesError,
    BonmunError,
    "The document has more nodes than the max_nodes option."
);
create_exception!(
    bonmun,
    TooDeepError,
    BonmunError,
    "The document's elements nest deeper than the max_depth option."
);
create_exception!(bonmun, UnknownCharsetError, BonmunError, "The charset argument names no known encoding.");
create_exception!(
    bonmun,
    UncertainCharsetError,
    BonmunError,
    "The page names no charset and its bytes read as no Korean text in any guess (GB18030, Shift_JIS ...): pass charset."
);

/// One Python exception class per kind of `bonmun::Error`, with the library's message.
fn to_py_err(e: bonmun::Error) -> PyErr {
    let msg = e.to_string();
    match e {
        bonmun::Error::NotHtml => NotHtmlError::new_err(msg),
        bonmun::Error::NoContent => NoContentError::new_err(msg),
        bonmun::Error::InputTooLarge { .. } => InputTooLargeError::new_err(msg),
        bonmun::Error::TooManyNodes { .. } => TooManyNodesError::new_err(msg),
        bonmun::Error::TooDeep { .. } => TooDeepError::new_err(msg),
        bonmun::Error::UnknownCharset(_) => UnknownCharsetError::new_err(msg),
        bonmun::Error::UncertainCharset { .. } => UncertainCharsetError::new_err(msg),
        // `Error` is non-exhaustive: a kind added later is still a BonmunError.
        _ => BonmunError::new_err(msg),
    }
}

/// A `Config` from keyword options named as its fields; any other name is a TypeError, as an
/// unexpected keyword argument is in Python.
fn config_from(options: Option<&Bound<'_, PyDict>>) -> PyResult<bonmun::Config> {
    let mut config = bonmun::Config::default();
    let Some(options) = options else {
        return Ok(config);
    };
    for (key, value) in options.iter() {
        let key: String = key.extract()?;
        match key.as_str() {
            "max_input_bytes" => config.max_input_bytes = value.extract()?,
            "max_nodes" => config.max_nodes = value.extract()?,
            "max_depth" => config.max_depth = value.extract()?,
            "keep_captions" => config.keep_captions = value.extract()?,
            "keep_tables" => config.keep_tables = value.extract()?,
            "keep_links" => config.keep_links = value.extract()?,
            "bias" => {
                let bias: String = value.extract()?;
                config.bias = match bias.as_str() {
                    "precision" => bonmun::Bias::Precision,
                    "balanced" => bonmun::Bias::Balanced,
                    "recall" => bonmun::Bias::Recall,
                    _ => {
                        return Err(PyTypeError::new_err(format!(
                            "bias must be \"precision\", \"balanced\" or \"recall\", not {bias:?}"
                        )));
                    }
                };
            }
            _ => {
                return Err(PyTypeError::new_err(format!(
                    "unexpected option {key:?} (options: max_input_bytes, max_nodes, max_depth, keep_captions, \
                     keep_tables, keep_links, bias)"
                )));
            }
        }
    }
    Ok(config)
}

/// The name of a charset source, as in the library's JSON.
fn charset_source_name(source: bonmun::CharsetSource) -> &'static str {
    match source {
        bonmun::CharsetSource::Bom => "bom",
        bonmun::CharsetSource::Caller => "caller",
        bonmun::CharsetSource::Meta => "meta",
        // Non-exhaustive: a source added later reads as detected until named here.
        _ => "detected",
    }
}

/// Runs the extraction with the GIL released: the page's bytes are borrowed from an immutable
/// `bytes` object that the caller's frame keeps alive.
fn run(
    py: Python<'_>,
    extractor: &bonmun::Extractor,
    html: &[u8],
    charset: Option<&str>,
) -> PyResult<Article> {
    let result = py.detach(|| match charset {
        Some(label) => extractor.extract_with_charset(html, label),
        None => extractor.extract(html),
    });
    result.map(|inner| Article { inner }).map_err(to_py_err)
}

/// extract(html, charset=None, **options) -> Article
///
/// Extracts the article of a saved web page.
///
/// html is the page as bytes, in any charset. charset is a label the caller knows (an HTTP
/// Content-Type charset such as "euc-kr" or "utf-8"); it overrides the page's own
/// declaration. options are the settings of bonmun.Extractor: max_input_bytes, max_nodes,
/// max_depth, keep_captions, keep_tables, keep_links, bias; any other name raises TypeError.
///
/// Raises a subclass of BonmunError when the page gives no article. The GIL is released while
/// the page is extracted.
///
/// >>> import bonmun
/// >>> a = bonmun.extract("<article><p>정부가 오늘 새 정책을 발표했다. 시행은 다음 달부터다.</p></article>".encode())
/// >>> a.text
/// '정부가 오늘 새 정책을 발표했다. 시행은 다음 달부터다.'
#[pyfunction]
#[pyo3(signature = (html, charset = None, **options))]
fn extract(
    py: Python<'_>,
    html: &[u8],
    charset: Option<&str>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Article> {
    let extractor = bonmun::Extractor::new(config_from(options)?);
    run(py, &extractor, html, charset)
}

/// Extractor(**options)
///
/// An extractor with fixed settings, reusable across pages and threads. Options:
/// max_input_bytes (default 64 MiB), max_nodes (4,000,000), max_depth (4,096),
/// keep_captions (False: captions stay out of paragraphs and text), keep_tables (True),
/// keep_links (False: True gives each block its links and writes them in to_markdown) and
/// bias ("balanced"; "precision" or "recall").
///
/// >>> import bonmun
/// >>> ex = bonmun.Extractor(keep_captions=True)
/// >>> ex.keep_captions
/// True
#[pyclass(frozen, module = "bonmun")]
struct Extractor {
    inner: bonmun::Extractor,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (**options))]
    fn new(options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        Ok(Extractor { inner: bonmun::Extractor::new(config_from(options)?) })
    }

    /// extract(html, charset=None) -> Article
    ///
    /// As bonmun.extract, with this extractor's settings.
    #[pyo3(signature = (html, charset = None))]
    fn extract(&self, py: Python<'_>, html: &[u8], charset: Option<&str>) -> PyResult<Article> {
        run(py, &self.inner, html, charset)
    }

    /// Inputs longer than this many bytes raise InputTooLargeError.
    #[getter]
    fn max_input_bytes(&self) -> usize {
        self.inner.config().max_input_bytes
    }

    /// Documents with more nodes than this raise TooManyNodesError.
    #[getter]
    fn max_nodes(&self) -> usize {
        self.inner.config().max_nodes
    }

    /// Documents nesting deeper than this raise TooDeepError.
    #[getter]
    fn max_depth(&self) -> usize {
        self.inner.config().max_depth
    }

    /// Whether captions go into paragraphs and text.
    #[getter]
    fn keep_captions(&self) -> bool {
        self.inner.config().keep_captions
    }

    fn __repr__(&self) -> String {
        let c = self.inner.config();
        format!(
            "Extractor(max_input_bytes={}, max_nodes={}, max_depth={}, keep_captions={})",
            c.max_input_bytes,
            c.max_nodes,
            c.max_depth,
            if c.keep_captions { "True" } else { "False" }
        )
    }
}

/// The name of a block kind, as the Rust library's serde output spells it, and a heading's
/// level.
fn kind_of(kind: bonmun::BlockKind) -> (&'static str, Option<u8>) {
    use bonmun::BlockKind as K;
    match kind {
        K::Paragraph => ("paragraph", None),
        K::Heading(level) => ("heading", Some(level)),
        K::ListItem => ("list_item", None),
        K::Quote => ("quote", None),
        K::Caption => ("caption", None),
        K::TableRow => ("table_row", None),
        K::Code => ("code", None),
        // `BlockKind` is non-exhaustive: a kind added later reads as running text.
        _ => ("paragraph", None),
    }
}

/// One paragraph-level piece of the body: kind is one of "paragraph", "heading",
/// "list_item", "quote", "caption", "table_row", "code"; level is a heading's level (1-6),
/// None for other kinds; links the hyperlinks of the text when the extraction kept them
/// (keep_links=True), as (start, end, href) with text[start:end] the link's text.
#[pyclass(frozen, module = "bonmun", get_all)]
struct Block {
    /// What kind of block this is.
    kind: &'static str,
    /// Its text, whitespace collapsed (line breaks kept in code).
    text: String,
    /// A heading's level, 1 to 6; None for other kinds.
    level: Option<u8>,
    /// The text's links as (start, end, href), Python string indices; empty unless keep_links.
    links: Vec<(usize, usize, String)>,
}

/// A block's links with Python's string indices (code points) for Rust's byte offsets.
fn py_links(b: &bonmun::Block) -> Vec<(usize, usize, String)> {
    let chars_to = |byte: usize| b.text.get(..byte).map_or(0, |t| t.chars().count());
    b.links.iter().map(|l| (chars_to(l.range.start), chars_to(l.range.end), l.href.clone())).collect()
}

#[pymethods]
impl Block {
    /// The block as a dict: {"kind": ..., "text": ...}, plus "level" for headings and "links"
    /// (a list of (start, end, href)) for a block with links.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        block_dict(py, self.kind, &self.text, self.level, &self.links)
    }

    fn __repr__(&self) -> String {
        match self.level {
            Some(level) => format!("Block(kind={:?}, level={level}, text={:?})", self.kind, self.text),
            None => format!("Block(kind={:?}, text={:?})", self.kind, self.text),
        }
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Block>().is_ok_and(|o| {
            let o = o.get();
            o.kind == self.kind && o.text == self.text && o.level == self.level && o.links == self.links
        })
    }
}

fn block_dict<'py>(
    py: Python<'py>,
    kind: &str,
    text: &str,
    level: Option<u8>,
    links: &[(usize, usize, String)],
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("kind", kind)?;
    d.set_item("text", text)?;
    if let Some(level) = level {
        d.set_item("level", level)?;
    }
    if !links.is_empty() {
        d.set_item("links", links.to_vec())?;
    }
    Ok(d)
}

/// An extracted article. The body is held once, in Rust; text, paragraphs and blocks are
/// built when read. Dates are ISO 8601 strings ("2024-07-02T11:31:00+09:00"; a date alone
/// when the page gives no time; +09:00 when it prints no offset, and on a Korean page a
/// metadata stamp in another zone is given on the KST clock, the same instant).
#[pyclass(frozen, module = "bonmun")]
struct Article {
    inner: bonmun::Article,
}

#[pymethods]
impl Article {
    /// The headline, without the site name that <title> usually appends; None if none.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title.as_deref()
    }

    /// The body as plain text: paragraphs joined by newlines.
    #[getter]
    fn text(&self) -> String {
        self.inner.text()
    }

    /// The body's paragraphs in reading order (captions left out unless keep_captions).
    #[getter]
    fn paragraphs(&self) -> Vec<&str> {
        self.inner.paragraphs().collect()
    }

    /// The body as typed blocks in reading order, captions included.
    #[getter]
    fn blocks(&self) -> Vec<Block> {
        self.inner
            .blocks
            .iter()
            .map(|b| {
                let (kind, level) = kind_of(b.kind);
                Block { kind, text: b.text.clone(), level, links: py_links(b) }
            })
            .collect()
    }

    /// When the article was published, ISO 8601; None if the page does not say.
    #[getter]
    fn published(&self) -> Option<String> {
        self.inner.published.map(|d| d.to_iso8601())
    }

    /// When the article was last modified, ISO 8601; None if the page does not say.
    #[getter]
    fn modified(&self) -> Option<String> {
        self.inner.modified.map(|d| d.to_iso8601())
    }

    /// When the article was published, as a timezone-aware datetime.datetime (+09:00 where the
    /// page prints no offset or is in Korean, else the page's offset), or a datetime.date when the page gives a date
    /// without a time; None if the page does not say (or gives a day its month does not have).
    #[getter]
    fn published_datetime<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner.published.map_or(Ok(None), |d| to_py_datetime(py, d))
    }

    /// When the article was last modified, as published_datetime gives it.
    #[getter]
    fn modified_datetime<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner.modified.map_or(Ok(None), |d| to_py_datetime(py, d))
    }

    /// The reporters or writers, names only.
    #[getter]
    fn authors(&self) -> Vec<&str> {
        self.inner.authors.iter().map(String::as_str).collect()
    }

    /// The authors as one line, "홍길동, 김철수"; None if there are none.
    #[getter]
    fn byline(&self) -> Option<String> {
        self.inner.byline()
    }

    /// The reporter's e-mail address, when the page prints one.
    #[getter]
    fn email(&self) -> Option<&str> {
        self.inner.email.as_deref()
    }

    /// The site's name (og:site_name).
    #[getter]
    fn site_name(&self) -> Option<&str> {
        self.inner.site_name.as_deref()
    }

    /// The page's canonical URL (<link rel=canonical> or og:url).
    #[getter]
    fn url(&self) -> Option<&str> {
        self.inner.url.as_deref()
    }

    /// The body's language from its text: "ko" when Hangul makes up much of it, "und" otherwise.
    #[getter]
    fn lang(&self) -> Option<&str> {
        self.inner.lang.as_deref()
    }

    /// The language the page declares (<html lang>), which is often wrong.
    #[getter]
    fn declared_lang(&self) -> Option<&str> {
        self.inner.declared_lang.as_deref()
    }

    /// How the charset was chosen: "bom", "caller", "meta" or "detected".
    #[getter]
    fn charset_source(&self) -> &'static str {
        charset_source_name(self.inner.charset_source)
    }

    /// The page's own summary (meta description).
    #[getter]
    fn description(&self) -> Option<&str> {
        self.inner.description.as_deref()
    }

    /// The name of the charset the page was decoded with ("UTF-8", "EUC-KR", ...).
    #[getter]
    fn charset(&self) -> &str {
        &self.inner.charset
    }

    /// Whether paragraphs and text include captions.
    #[getter]
    fn keep_captions(&self) -> bool {
        self.inner.keep_captions
    }

    /// to_markdown() -> str
    ///
    /// The body as Markdown: headings, lists, quotes, tables and code keep their structure;
    /// captions are left out.
    fn to_markdown(&self) -> String {
        self.inner.markdown()
    }

    /// to_dict() -> dict
    ///
    /// Every field as plain Python values (str, list, None), for JSON or a DataFrame row;
    /// blocks as dicts {"kind": ..., "text": ...} with "level" for headings.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let a = &self.inner;
        let d = PyDict::new(py);
        d.set_item("title", a.title.as_deref())?;
        d.set_item("text", a.text())?;
        d.set_item("paragraphs", self.paragraphs())?;
        let blocks = PyList::empty(py);
        for b in &a.blocks {
            let (kind, level) = kind_of(b.kind);
            blocks.append(block_dict(py, kind, &b.text, level, &py_links(b))?)?;
        }
        d.set_item("blocks", blocks)?;
        d.set_item("published", self.published())?;
        d.set_item("modified", self.modified())?;
        d.set_item("authors", self.authors())?;
        d.set_item("email", a.email.as_deref())?;
        d.set_item("site_name", a.site_name.as_deref())?;
        d.set_item("url", a.url.as_deref())?;
        d.set_item("lang", a.lang.as_deref())?;
        d.set_item("description", a.description.as_deref())?;
        d.set_item("charset", a.charset.as_str())?;
        d.set_item("charset_source", charset_source_name(a.charset_source))?;
        d.set_item("declared_lang", a.declared_lang.as_deref())?;
        d.set_item("keep_captions", a.keep_captions)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Article(title={}, published={}, authors={:?}, blocks={})",
            py_repr(self.inner.title.as_deref()),
            py_repr(self.published().as_deref()),
            self.inner.authors,
            self.inner.blocks.len()
        )
    }
}

/// A library date as Python's: a timezone-aware `datetime.datetime` when it has a time, a
/// `datetime.date` when not. Built through the `datetime` module (the stable ABI has no C
/// constructors for them). A leap second (:60, which the library keeps as the page prints it)
/// becomes :59, as Python's datetime has no leap seconds. A day the month does not have (31
/// February, which the library's range checks let through) gives None, not a ValueError: one
/// page's odd date must not stop a crawl pipeline reading the field; `published` keeps what
/// the page said.
fn to_py_datetime<'py>(py: Python<'py>, d: bonmun::DateTime) -> PyResult<Option<Bound<'py, PyAny>>> {
    let datetime = py.import("datetime")?;
    let value = match d.time {
        None => datetime.getattr("date")?.call1((d.year, d.month, d.day)),
        Some((h, m, s)) => {
            let delta = datetime
                .getattr("timedelta")?
                .call((), Some(&[("minutes", d.offset_minutes)].into_py_dict(py)?))?;
            let tz = datetime.getattr("timezone")?.call1((delta,))?;
            datetime.getattr("datetime")?.call1((d.year, d.month, d.day, h, m, s.min(59), 0, tz))
        }
    };
    match value {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyValueError>(py) => Ok(None),
        Err(e) => Err(e),
    }
}

/// An optional string as Python would print it (Rust's quoting of the text is valid Python).
fn py_repr(s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_string(), |s| format!("{s:?}"))
}

/// _rust_seconds(pages, rounds) -> float
///
/// For the benchmark: seconds the Rust library alone takes to extract every page `rounds`
/// times in a plain Rust loop (GIL released, no Python objects made), so Python's overhead can
/// be measured against it in the same process and build.
#[pyfunction]
fn _rust_seconds(py: Python<'_>, pages: Vec<Vec<u8>>, rounds: usize) -> f64 {
    py.detach(|| {
        let extractor = bonmun::Extractor::default();
        let start = Instant::now();
        let mut kept = 0usize;
        for _ in 0..rounds {
            for page in &pages {
                // Reading the text as the Python side does keeps the two loops' work the same.
                kept += extractor.extract(page).map_or(0, |a| a.text().len());
            }
        }
        std::hint::black_box(kept);
        start.elapsed().as_secs_f64()
    })
}

/// The native module, bonmun._bonmun; python/bonmun/__init__.py re-exports it.
#[pymodule]
fn _bonmun(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(_rust_seconds, m)?)?;
    m.add_class::<Extractor>()?;
    m.add_class::<Article>()?;
    m.add_class::<Block>()?;
    m.add("BonmunError", py.get_type::<BonmunError>())?;
    m.add("NotHtmlError", py.get_type::<NotHtmlError>())?;
    m.add("NoContentError", py.get_type::<NoContentError>())?;
    m.add("InputTooLargeError", py.get_type::<InputTooLargeError>())?;
    m.add("TooManyNodesError", py.get_type::<TooManyNodesError>())?;
    m.add("TooDeepError", py.get_type::<TooDeepError>())?;
    m.add("UnknownCharsetError", py.get_type::<UnknownCharsetError>())?;
    m.add("UncertainCharsetError", py.get_type::<UncertainCharsetError>())?;
    Ok(())
}
