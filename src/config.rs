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
    /// Keep the rows of the article's own tables ([`BlockKind::TableRow`](crate::BlockKind::TableRow)
    /// blocks) in `blocks`. On by default: a spec sheet or a results table is part of the
    /// article; off, for readers that want running text only (a table's cells read as
    /// fragments).
    ///
    /// ```
    /// let html = "<article><p>정부가 오늘 새 정책을 발표했다. 시행은 다음 달부터라고 밝혔다.</p>\
    ///             <table><tr><td>구분</td><td>지원액</td></tr><tr><td>청년</td><td>월 50만원</td></tr></table>\
    ///             <p>관계자는 준비가 끝났다고 말했다. 현장 반응도 좋다고 설명했다.</p></article>";
    /// let rows = |keep_tables| {
    ///     let config = bonmun::Config::default().with_keep_tables(keep_tables);
    ///     let article = bonmun::Extractor::new(config).extract(html.as_bytes()).unwrap();
    ///     article.blocks.iter().filter(|b| b.kind == bonmun::BlockKind::TableRow).count()
    /// };
    /// assert_eq!((rows(true), rows(false)), (2, 0));
    /// ```
    pub keep_tables: bool,
    /// Keep the body's hyperlinks: each [`Block`](crate::Block) gets the [`links`](crate::Block::links)
    /// of its text, and [`Article::markdown`](crate::Article::markdown) writes them as
    /// `[text](href)`. Off by default, as in trafilatura: most uses want the text, and a link
    /// costs a `String` for its target. The text and the choice of the body are the same either
    /// way; links without a target to follow (`href="#…"`, `javascript:`) are text only.
    ///
    /// ```
    /// let html = "<article><p>정부가 <a href=\"https://example.com/p\">새 정책</a>을 발표했다. 시행은 다음 달부터다.</p>\
    ///             <p>관계자는 준비가 끝났다고 <a href=\"#note\">말했다</a>. 현장 반응도 좋다고 설명했다.</p></article>";
    /// let links = |keep_links| {
    ///     let config = bonmun::Config::default().with_keep_links(keep_links);
    ///     let article = bonmun::Extractor::new(config).extract(html.as_bytes()).unwrap();
    ///     article.blocks.iter().map(|b| b.links.len()).sum::<usize>()
    /// };
    /// assert_eq!((links(true), links(false)), (1, 0));
    /// ```
    pub keep_links: bool,
    /// Which way to lean on blocks the prune stage is unsure of. See [`Bias`].
    pub bias: Bias,
}

/// Which way [`Config::bias`] leans on the blocks inside the body's region that the evidence
/// leaves in doubt, as trafilatura's `favor_precision` / `favor_recall` do.
///
/// The body's region is chosen the same way under every bias; only what is pruned inside it
/// moves:
///
/// | block | `Precision` | `Balanced` | `Recall` |
/// |---|---|---|---|
/// | a finished sentence under a furniture tag (`<aside>`, `<footer>`) | dropped | kept | kept |
/// | a finished sentence with over half its letters in links | dropped | kept up to 80% | kept up to 80% |
/// | a finished sentence under a furniture class (`"sidebar"`, `"related"` …) | dropped | kept when it is paragraph-long and sits beside the body's paragraphs, else dropped | kept |
/// | a short line at the body's edges that ends no sentence (a category, a byline) | dropped | dropped | kept |
///
/// The lexicon's verdicts (copyright lines, 관련기사 boxes …), date lines and link lists that
/// are no sentence go under every bias.
///
/// ```
/// use bonmun::{Bias, Config, Extractor};
/// let html = "<article><p>정부가 오늘 새 정책을 발표했다. 시행은 다음 달부터라고 밝혔다.</p>\
///             <p>관계자는 준비가 끝났다고 말했다. 현장 반응도 좋다고 설명했다.</p>\
///             <aside><p>이 정책은 지난해 국회에서 처음 논의된 뒤 여러 차례 수정을 거쳐 확정됐다고 정부는 설명했다.</p></aside></article>";
/// let paragraphs = |bias| {
///     let article = Extractor::new(Config::default().with_bias(bias)).extract(html.as_bytes()).unwrap();
///     article.paragraphs().count()
/// };
/// assert_eq!(paragraphs(Bias::Balanced), 3);
/// assert_eq!(paragraphs(Bias::Precision), 2);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Bias {
    /// Drop the doubtful blocks: less boilerplate, at the cost of a sidebar-like paragraph of
    /// the body now and then.
    Precision,
    /// The default, tuned on the corpus and realpages for the best F1.
    #[default]
    Balanced,
    /// Keep the doubtful blocks: nothing of the body lost, at the cost of a byline or a
    /// category line now and then.
    Recall,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_input_bytes: 64 << 20,
            max_nodes: 4_000_000,
            max_depth: 4096,
            keep_captions: false,
            keep_tables: true,
            keep_links: false,
            bias: Bias::Balanced,
        }
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

    /// These settings with [`keep_tables`](Config::keep_tables) set.
    #[must_use]
    pub fn with_keep_tables(mut self, keep_tables: bool) -> Self {
        self.keep_tables = keep_tables;
        self
    }

    /// These settings with [`keep_links`](Config::keep_links) set.
    #[must_use]
    pub fn with_keep_links(mut self, keep_links: bool) -> Self {
        self.keep_links = keep_links;
        self
    }

    /// These settings with [`bias`](Config::bias) set.
    #[must_use]
    pub fn with_bias(mut self, bias: Bias) -> Self {
        self.bias = bias;
        self
    }
}
