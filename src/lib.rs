//! bonmun (본문, "the body of an article") extracts the article body of a saved Korean web
//! page — raw bytes in any charset — without the page's boilerplate.
//!
//! ```
//! let html = r#"<html><head><title>정부, 새 정책 발표 - 예시일보</title></head><body>
//!   <nav><a href="/">홈</a> <a href="/politics">정치</a> <a href="/economy">경제</a></nav>
//!   <article>
//!     <p>[세종=예시일보] 홍길동 기자 = 정부가 오늘 새 정책을 발표했다. 시행은 다음 달부터다.</p>
//!     <p>관계자는 "국민 생활에 바로 도움이 되도록 준비했다"고 말했다.</p>
//!     <p>무단전재 및 재배포 금지</p>
//!   </article>
//! </body></html>"#;
//! let article = bonmun::extract(html.as_bytes())?;
//! assert_eq!(article.paragraphs().count(), 2);
//! assert!(article.text().starts_with("[세종=예시일보]"));
//! # Ok::<(), bonmun::Error>(())
//! ```
//!
//! The pipeline runs in stages, one module each: decode → parse (dom) → blocks → score → select →
//! prune → output.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod article;
mod blocks;
mod byline;
mod config;
mod date;
mod decode;
mod dom;
mod error;
/// The project's scorer, behind the `eval` feature (off by default): test tooling, not part
/// of the extraction API.
#[cfg(feature = "eval")]
pub mod eval;
mod lang;
mod lexicon;
mod meta;
mod output;
mod pipeline;
mod prune;
mod score;
mod select;
#[cfg(test)]
mod test_support;
mod text;
mod tokens;

pub use article::{Article, Block, BlockKind, CharsetSource, Link};
pub use config::{Bias, Config};
pub use date::DateTime;
pub use error::Error;
pub use lexicon::{Lexicon, LexiconError};

use encoding_rs::Encoding;
use std::sync::Arc;

/// Lists every block of a page with its value, verdict and whether it was kept: for tuning the
/// scoring on a page. The format is not stable.
#[doc(hidden)]
pub fn explain(html: &[u8]) -> String {
    pipeline::explain(html)
}

/// Extracts the article of a page with the default [`Config`].
///
/// `html` is the page as saved or downloaded: any charset, BOM or not.
///
/// # Errors
/// [`Error::NotHtml`] for input that is not text, [`Error::NoContent`] when no body is found,
/// and the limit errors of [`Config`]. See [`Error`].
///
/// ```
/// let page = "<html><body><div id=content><p>서울시가 내년부터 버스 노선을 새로 짠다고 밝혔다. \
///             출퇴근 시간 배차 간격도 줄인다.</p></div></body></html>";
/// let article = bonmun::extract(page.as_bytes()).unwrap();
/// assert!(article.text().contains("버스 노선"));
/// ```
pub fn extract(html: &[u8]) -> Result<Article, Error> {
    Extractor::default().extract(html)
}

/// An extractor with its own [`Config`] and [`Lexicon`]; cheap to create and to clone (the
/// lexicon is shared), and reusable across pages and threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    config: Config,
    lexicon: Arc<Lexicon>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new(Config::default())
    }
}

impl Extractor {
    /// An extractor with these settings and the built-in lexicon.
    pub fn new(config: Config) -> Self {
        Extractor { config, lexicon: Arc::clone(&lexicon::BUILTIN) }
    }

    /// The same extractor pruning with this lexicon instead (see [`Lexicon::builtin_and`] to
    /// add phrases to the built-in one).
    pub fn with_lexicon(self, lexicon: Lexicon) -> Self {
        Extractor { lexicon: Arc::new(lexicon), ..self }
    }

    /// The settings in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Extracts the article of a page, detecting its charset.
    ///
    /// # Errors
    /// As [`extract`].
    pub fn extract(&self, html: &[u8]) -> Result<Article, Error> {
        pipeline::run(&self.config, &self.lexicon, html, None)
    }

    /// Extracts the article of a page whose charset the caller knows (from an HTTP
    /// `Content-Type` header, say). The label is any WHATWG encoding label (`"euc-kr"`,
    /// `"cp949"`, `"utf-8"` …); it overrides the page's own declaration and detection, but not a
    /// byte-order mark.
    ///
    /// # Errors
    /// [`Error::UnknownCharset`] for a label that names no encoding; otherwise as [`extract`].
    ///
    /// ```
    /// let (bytes, _, _) = encoding_rs::EUC_KR.encode("<p>정부가 오늘 새 정책을 발표했다고 밝혔다.</p>");
    /// let article = bonmun::Extractor::default().extract_with_charset(&bytes, "cp949")?;
    /// assert_eq!(article.charset, "EUC-KR");
    /// # Ok::<(), bonmun::Error>(())
    /// ```
    pub fn extract_with_charset(&self, html: &[u8], charset: &str) -> Result<Article, Error> {
        let label = charset.trim();
        // Microsoft's names for its Korean code page, which the WHATWG label list lacks;
        // encoding_rs's EUC-KR is that code page.
        let enc = if ["cp949", "ms949", "uhc", "x-windows-949"].iter().any(|l| l.eq_ignore_ascii_case(label))
        {
            encoding_rs::EUC_KR
        } else {
            // The "replacement" encoding (iso-2022-kr and others) decodes every input to one
            // U+FFFD: for a caller it names no charset that can be read.
            Encoding::for_label(label.as_bytes())
                .filter(|e| *e != encoding_rs::REPLACEMENT)
                .ok_or_else(|| Error::UnknownCharset(charset.to_string()))?
        };
        pipeline::run(&self.config, &self.lexicon, html, Some(enc))
    }
}

/// For the fuzz target `tree` only, not part of the API (the `fuzzing` feature, off by
/// default): the tree bonmun builds from `html` and the tree html5ever builds from it without
/// bonmun's read-ahead and skipping, each as outline lines (depth, element with the attributes
/// kept, text with whitespace runs shortened, raw text left out). The two must be equal.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub fn tree_outlines(html: &str) -> (Vec<String>, Vec<String>) {
    let built = dom::parse(html, usize::MAX, usize::MAX).map(|dom| dom::outline(&dom)).unwrap_or_default();
    (built, dom::outline(&dom::parse_plain(html)))
}

/// The README's Rust example, run as a doctest so the README cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
