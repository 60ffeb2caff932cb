//! Settings of an [`Extractor`](crate::Extractor), with defaults that suit crawled news pages.

/// Settings for an [`Extractor`](crate::Extractor).
///
/// Settings can be added in a minor release (`#[non_exhaustive]`), so a `Config` is made from
/// [`Config::default`] and the `with_` methods, or by assigning its fields:
///
/// ```
/// let config = bonmun::Config::default().with_max_input_bytes(1 << 20).with_keep_captions(true);
/// let extractor = bonmun::Extractor::new(config);
/// assert!(extractor.extract(&vec![b' '; 2 << 20]).is_err());
///
/// let mut config = bonmun::Config::default();
/// config.max_depth = 10_000;
/// assert_eq!(bonmun::Extractor::new(config).config().max_depth, 10_000);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
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

impl Config {
    /// These settings with [`max_input_bytes`](Config::max_input_bytes) set.
    #[must_use]
    pub fn with_max_input_bytes(mut self, max_input_bytes: usize) -> Self {
        self.max_input_bytes = max_input_bytes;
        self
    }

    /// These settings with [`max_nodes`](Config::max_nodes) set.
    #[must_use]
    pub fn with_max_nodes(mut self, max_nodes: usize) -> Self {
        self.max_nodes = max_nodes;
        self
    }

    /// These settings with [`max_depth`](Config::max_depth) set.
    #[must_use]
    pub fn with_max_depth(mut self, max_depth: usize) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// These settings with [`keep_captions`](Config::keep_captions) set.
    #[must_use]
    pub fn with_keep_captions(mut self, keep_captions: bool) -> Self {
        self.keep_captions = keep_captions;
        self
    }
}
