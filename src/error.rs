//! The one error type of the crate: what can make an extraction give no article.

use std::fmt;

/// Why [`extract`](crate::extract) returned no [`Article`](crate::Article).
///
/// Every input gives either an article or one of these; none of them is a panic.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input is empty, or does not look like text at all (an image, a PDF, random bytes).
    NotHtml,
    /// The page parsed, but nothing in it reads as an article body.
    NoContent,
    /// The input is longer than [`Config::max_input_bytes`](crate::Config::max_input_bytes).
    InputTooLarge {
        /// Length of the input in bytes.
        len: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The parsed document has more nodes than [`Config::max_nodes`](crate::Config::max_nodes).
    TooManyNodes {
        /// The configured limit.
        limit: usize,
    },
    /// The document's elements nest deeper than [`Config::max_depth`](crate::Config::max_depth).
    TooDeep {
        /// The configured limit.
        limit: usize,
    },
    /// The caller named a charset that is not a known encoding label.
    UnknownCharset(String),
    /// The page declares no charset, and the legacy charset its bytes resemble most does not
    /// read as Korean text: Chinese (GB18030) or Japanese (Shift_JIS) bytes, say, which EUC-KR
    /// decodes without errors into Hangul-looking nonsense. Returned rather than that text; a
    /// caller who knows the charset names it with
    /// [`Extractor::extract_with_charset`](crate::Extractor::extract_with_charset).
    UncertainCharset {
        /// The charset the guess would have used (`"EUC-KR"`).
        guessed: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotHtml => f.write_str("input is not an HTML or text document"),
            Error::NoContent => f.write_str("no article body found in the page"),
            Error::InputTooLarge { len, limit } => {
                write!(f, "input of {len} bytes is over the limit of {limit} bytes")
            }
            Error::TooManyNodes { limit } => {
                write!(f, "document has more than {limit} nodes")
            }
            Error::TooDeep { limit } => write!(f, "document nests elements deeper than {limit} levels"),
            Error::UnknownCharset(label) => write!(f, "unknown charset label {label:?}"),
            Error::UncertainCharset { guessed } => {
                write!(f, "the page declares no charset and does not read as {guessed}: name its charset")
            }
        }
    }
}

impl std::error::Error for Error {}
