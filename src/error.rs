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
        }
    }
}

impl std::error::Error for Error {}
