//! Settings of an [`Extractor`](crate::Extractor), with defaults that suit crawled news pages.

/// Settings for an [`Extractor`](crate::Extractor).
///
/// ```
/// let config = bonmun::Config { max_input_bytes: 1 << 20, ..Default::default() };
/// let extractor = bonmun::Extractor::new(config);
/// assert!(extractor.extract(&vec![b' '; 2 << 20]).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Inputs longer than this are refused with [`Error::InputTooLarge`](crate::Error::InputTooLarge)
    /// rather than cut short. The default, 64 MiB, is far above any real article page
    /// (the largest real news pages run to a few MB) while bounding a batch's memory.
    pub max_input_bytes: usize,
    /// Documents with more element and text nodes than this are refused with
    /// [`Error::TooManyNodes`](crate::Error::TooManyNodes). The default, 4,000,000, admits
    /// any real page (heavy portal pages have ~20,000) and bounds time and memory on
    /// machine-generated ones.
    pub max_nodes: usize,
    /// Documents whose elements nest deeper than this are refused with
    /// [`Error::TooDeep`](crate::Error::TooDeep). html5ever's tree builder spends time in
    /// proportion to the depth on every element (servo/html5ever#788): 10,000 nested `<div>`s
    /// take a quarter of a second, 100,000 half a minute. The default, 4,096, is far above
    /// real pages (a few dozen levels; a few hundred with badly nested `<font>` tags) and keeps
    /// the worst case near 0.1 s.
    pub max_depth: usize,
    /// Keep photo and figure captions in [`Article::paragraphs`](crate::Article::paragraphs)
    /// and [`Article::text`](crate::Article::text) (they are always in `blocks`, marked
    /// [`BlockKind::Caption`](crate::BlockKind::Caption)). Off by default: a caption is not
    /// running text.
    pub keep_captions: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config { max_input_bytes: 64 << 20, max_nodes: 4_000_000, max_depth: 4096, keep_captions: false }
    }
}
