//! The result of an extraction: the body as typed blocks, plus what the page says about itself.

use crate::DateTime;

/// What a block of the body is, so callers can keep or drop, say, captions.
///
/// With the `serde` feature a kind is an object, `{"kind": "paragraph"}`, and a heading's level
/// a field beside it, `{"kind": "heading", "level": 2}`: the shape a [`Block`] has, with its
/// `text` (see `schema/article.schema.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BlockKind {
    /// Running text.
    Paragraph,
    /// An in-body heading (소제목); the number is its level, 1 to 6.
    Heading(u8),
    /// One item of a list.
    ListItem,
    /// A block quotation.
    Quote,
    /// A photo or figure caption.
    Caption,
    /// One row of a table, cells separated by ` | `.
    TableRow,
    /// Preformatted text or code, line breaks kept.
    Code,
}

/// One paragraph-level piece of the article body.
///
/// In JSON: `{"kind": "paragraph", "text": "…"}`, `{"kind": "heading", "level": 2, "text": "…"}`,
/// with `"links": [{"start": 0, "end": 9, "href": "…"}]` when the block has links (byte
/// offsets into `text`, as [`Link::range`]).
///
/// Fields can be added in a minor release (`#[non_exhaustive]`): make one with [`Block::new`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Block {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// Its text, whitespace collapsed (except in [`BlockKind::Code`]).
    pub text: String,
    /// The hyperlinks in the text, in order and not overlapping: empty unless the extraction
    /// kept them ([`Config::keep_links`](crate::Config::keep_links)).
    pub links: Vec<Link>,
}

/// A hyperlink of a block's text: which part of the text was the link's, and where it led.
///
/// ```
/// let html = "<article><p>정부가 오늘 <a href=\"/policy/1\">새 정책</a>을 발표했다. 시행은 다음 달부터다.</p>\
///             <p>관계자는 준비가 끝났다고 말했다. 현장 반응도 좋다고 설명했다.</p></article>";
/// let extractor = bonmun::Extractor::new(bonmun::Config::default().with_keep_links(true));
/// let article = extractor.extract(html.as_bytes())?;
/// let first = &article.blocks[0];
/// let link = &first.links[0];
/// assert_eq!((first.link_text(link), link.href.as_str()), (Some("새 정책"), "/policy/1"));
/// assert!(article.markdown().starts_with("정부가 오늘 [새 정책](/policy/1)을 발표했다."));
/// # Ok::<(), bonmun::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Link {
    /// Where the link's text lies in its block's [`text`](Block::text): UTF-8 byte offsets, on
    /// character boundaries, trimmed of whitespace and never empty.
    pub range: std::ops::Range<usize>,
    /// The link's target as the page writes it in `href` (trimmed), not resolved against the
    /// page's URL: a relative target stays relative, as the caller may know a better base.
    pub href: String,
}

impl Link {
    /// A link over `range` of a block's text, to `href`.
    pub fn new(range: std::ops::Range<usize>, href: impl Into<String>) -> Self {
        Link { range, href: href.into() }
    }
}

impl Block {
    /// A block of this kind and text, without links.
    ///
    /// ```
    /// let block = bonmun::Block::new(bonmun::BlockKind::Paragraph, "본문입니다.");
    /// assert!(block.links.is_empty());
    /// ```
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Block { kind, text: text.into(), links: Vec::new() }
    }

    /// The text of one of this block's links; `None` for a link whose range is not in the text.
    pub fn link_text(&self, link: &Link) -> Option<&str> {
        self.text.get(link.range.clone())
    }
}

/// An extracted article.
///
/// `blocks` is the body in reading order, each block with its [`BlockKind`], captions
/// included; [`paragraphs`](Article::paragraphs) reads the same text without the kinds, and
/// without captions unless [`keep_captions`](Article::keep_captions) is set. The body is held
/// once: on a crawl's long pages a second copy would double what each result keeps and frees.
///
/// With the `serde` feature, `Article` is `Serialize` and `Deserialize`. Its JSON is described
/// by `schema/article.schema.json` (version [`Article::SCHEMA_VERSION`], the first key of
/// every object): the fields below in this order, the body once, as `blocks`. Readers that
/// want the paragraphs take the blocks whose `kind` is not `"caption"` (or all of them when
/// `keep_captions` is true), as [`paragraphs`](Article::paragraphs) does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[non_exhaustive]
pub struct Article {
    /// The headline, without the site name that `<title>` usually appends.
    pub title: Option<String>,
    /// The body as typed blocks, in reading order.
    pub blocks: Vec<Block>,
    /// When the article was published, as the page prints it (or its metadata gives it). On a
    /// Korean page a metadata stamp in another zone is given on the KST clock the page prints.
    pub published: Option<DateTime>,
    /// When the article was last modified ("최종수정", "수정"), when the page says.
    pub modified: Option<DateTime>,
    /// The reporters or writers, names only (without 기자, 특파원 …).
    pub authors: Vec<String>,
    /// The reporter's e-mail address, when the page prints one.
    pub email: Option<String>,
    /// The site's name (og:site_name).
    pub site_name: Option<String>,
    /// The page's canonical URL (`<link rel=canonical>` or og:url).
    pub url: Option<String>,
    /// The language of the body's text: `"ko"` when Hangul is a good share of its letters
    /// (see [`Article::declared_lang`] for what the page says), `"und"` (undetermined, as in
    /// BCP 47) otherwise; `None` only for an article without letters.
    pub lang: Option<String>,
    /// The language the page declares (`<html lang>`), as written; often a template's default
    /// (`en` on Korean pages), so [`lang`](Article::lang) is read from the text.
    #[cfg_attr(feature = "serde", serde(default))]
    pub declared_lang: Option<String>,
    /// The page's own summary (meta description).
    pub description: Option<String>,
    /// The name of the charset the page was decoded with (e.g. `"UTF-8"`, `"EUC-KR"`).
    pub charset: String,
    /// How [`charset`](Article::charset) was chosen: a byte-order mark, the caller, the page's
    /// declaration, or detection from the bytes.
    #[cfg_attr(feature = "serde", serde(default))]
    pub charset_source: CharsetSource,
    /// Whether [`paragraphs`](Article::paragraphs) and [`text`](Article::text) include
    /// captions: [`Config::keep_captions`](crate::Config::keep_captions) of the extraction.
    #[cfg_attr(feature = "serde", serde(default))]
    pub keep_captions: bool,
}

/// How the charset of a page was chosen (see `decode.rs` for the order).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CharsetSource {
    /// A byte-order mark at the start of the bytes: UTF-8, UTF-16LE or UTF-16BE.
    Bom,
    /// The charset the caller named ([`Extractor::extract_with_charset`](crate::Extractor::extract_with_charset)).
    Caller,
    /// The page's `<meta>` declaration, which the bytes do not contradict.
    Meta,
    /// Read from the bytes: valid UTF-8 (whatever the page declares), UTF-16 without a
    /// byte-order mark, or the guess between EUC-KR and windows-1252 for undeclared legacy
    /// bytes. Guesses that read as no Korean text are refused
    /// ([`Error::UncertainCharset`](crate::Error::UncertainCharset)), not returned.
    #[default]
    Detected,
}

impl Article {
    /// The version of the JSON shape (`schema/article.schema.json`) the `serde` feature writes:
    /// the `schema_version` key. Raised when a field changes meaning or shape; new fields may
    /// be added within a version.
    pub const SCHEMA_VERSION: u32 = 1;

    /// The body's paragraphs in reading order: the text of each block, captions left out
    /// unless [`keep_captions`](Article::keep_captions) is set.
    ///
    /// ```
    /// let html = "<article><p>정부가 오늘 새 정책을 발표했다. 시행은 다음 달부터다.</p>\
    ///             <figure><img src=a.jpg><figcaption>발표 현장. 사진=예시일보</figcaption></figure>\
    ///             <p>관계자는 준비가 끝났다고 말했다. 현장 반응도 좋다고 설명했다.</p></article>";
    /// let mut article = bonmun::extract(html.as_bytes())?;
    /// assert_eq!(article.paragraphs().count(), 2);
    /// article.keep_captions = true;
    /// assert_eq!(article.paragraphs().nth(1), Some("발표 현장. 사진=예시일보"));
    /// # Ok::<(), bonmun::Error>(())
    /// ```
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        let keep_captions = self.keep_captions;
        self.blocks
            .iter()
            .filter(move |b| keep_captions || b.kind != BlockKind::Caption)
            .map(|b| b.text.as_str())
    }

    /// The body as plain text: paragraphs joined by newlines.
    ///
    /// ```
    /// let html = "<html><body><article><p>첫 문단입니다. 정부가 오늘 새 정책을 발표했다고 밝혔다.</p>\
    ///             <p>두 번째 문단입니다. 시행은 다음 달부터라고 관계자가 설명했다.</p></article></body></html>";
    /// let article = bonmun::extract(html.as_bytes()).unwrap();
    /// assert_eq!(article.text().lines().count(), 2);
    /// ```
    pub fn text(&self) -> String {
        let mut text = String::with_capacity(self.paragraphs().map(|p| p.len() + 1).sum());
        for (i, p) in self.paragraphs().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(p);
        }
        text
    }

    /// The body as Markdown: in-body headings, lists, quotes, tables and code keep their
    /// structure; captions are left out; the text itself is not emphasised.
    ///
    /// ```
    /// let html = "<article><p>정부가 오늘 새 정책을 발표했다. 시행은 다음 달부터다.</p><h3>주요 내용</h3>\
    ///             <ul><li>지원 대상을 두 배로 늘린다.</li><li>신청 절차를 줄인다.</li></ul>\
    ///             <p>관계자는 준비가 끝났다고 말했다. 현장 반응도 좋다고 설명했다.</p></article>";
    /// let md = bonmun::extract(html.as_bytes())?.markdown();
    /// assert!(md.contains("### 주요 내용\n\n- 지원 대상을 두 배로 늘린다.\n- 신청 절차를 줄인다.\n"));
    /// # Ok::<(), bonmun::Error>(())
    /// ```
    pub fn markdown(&self) -> String {
        crate::output::markdown(&self.blocks)
    }

    /// The authors as one line, `"홍길동, 김철수"`, as a byline reads.
    pub fn byline(&self) -> Option<String> {
        (!self.authors.is_empty()).then(|| self.authors.join(", "))
    }
}

/// Written by hand to put `schema_version` first. Destructuring without `..` makes a new field a
/// compile error here until it is serialized too (and added to the schema).
#[cfg(feature = "serde")]
impl serde::Serialize for Article {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let Article {
            title,
            blocks,
            published,
            modified,
            authors,
            email,
            site_name,
            url,
            lang,
            declared_lang,
            description,
            charset,
            charset_source,
            keep_captions,
        } = self;
        let mut s = serializer.serialize_struct("Article", 15)?;
        s.serialize_field("schema_version", &Article::SCHEMA_VERSION)?;
        s.serialize_field("title", title)?;
        s.serialize_field("blocks", blocks)?;
        s.serialize_field("published", published)?;
        s.serialize_field("modified", modified)?;
        s.serialize_field("authors", authors)?;
        s.serialize_field("email", email)?;
        s.serialize_field("site_name", site_name)?;
        s.serialize_field("url", url)?;
        s.serialize_field("lang", lang)?;
        s.serialize_field("declared_lang", declared_lang)?;
        s.serialize_field("description", description)?;
        s.serialize_field("charset", charset)?;
        s.serialize_field("charset_source", charset_source)?;
        s.serialize_field("keep_captions", keep_captions)?;
        s.end()
    }
}

/// One shape for a block kind, alone or in a block: `{"kind": NAME}`, plus `"level"` for a
/// heading, plus `"text"` in a [`Block`].
#[cfg(feature = "serde")]
mod kind_serde {
    use super::{Block, BlockKind, Link};
    use serde::ser::SerializeStruct;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// The `kind` names, as the schema lists them.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Name {
        Paragraph,
        Heading,
        ListItem,
        Quote,
        Caption,
        TableRow,
        Code,
    }

    fn split(kind: BlockKind) -> (Name, Option<u8>) {
        match kind {
            BlockKind::Paragraph => (Name::Paragraph, None),
            BlockKind::Heading(level) => (Name::Heading, Some(level)),
            BlockKind::ListItem => (Name::ListItem, None),
            BlockKind::Quote => (Name::Quote, None),
            BlockKind::Caption => (Name::Caption, None),
            BlockKind::TableRow => (Name::TableRow, None),
            BlockKind::Code => (Name::Code, None),
        }
    }

    fn join<E: serde::de::Error>(name: Name, level: Option<u8>) -> Result<BlockKind, E> {
        Ok(match (name, level) {
            (Name::Heading, Some(level @ 1..=6)) => BlockKind::Heading(level),
            (Name::Heading, _) => return Err(E::custom("a heading needs a level from 1 to 6")),
            (_, Some(_)) => return Err(E::custom("only a heading has a level")),
            (Name::Paragraph, None) => BlockKind::Paragraph,
            (Name::ListItem, None) => BlockKind::ListItem,
            (Name::Quote, None) => BlockKind::Quote,
            (Name::Caption, None) => BlockKind::Caption,
            (Name::TableRow, None) => BlockKind::TableRow,
            (Name::Code, None) => BlockKind::Code,
        })
    }

    fn write<S: SerializeStruct>(s: &mut S, kind: BlockKind) -> Result<(), S::Error> {
        let (name, level) = split(kind);
        s.serialize_field("kind", &name)?;
        if let Some(level) = level {
            s.serialize_field("level", &level)?;
        } else {
            s.skip_field("level")?;
        }
        Ok(())
    }

    impl Serialize for BlockKind {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut s = serializer.serialize_struct("BlockKind", 2)?;
            write(&mut s, *self)?;
            s.end()
        }
    }

    impl Serialize for Block {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut s = serializer.serialize_struct("Block", 4)?;
            write(&mut s, self.kind)?;
            s.serialize_field("text", &self.text)?;
            // Only blocks with links carry the key: output without links is what it was before
            // links were kept.
            if self.links.is_empty() {
                s.skip_field("links")?;
            } else {
                s.serialize_field("links", &self.links)?;
            }
            s.end()
        }
    }

    impl Serialize for Link {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut s = serializer.serialize_struct("Link", 3)?;
            s.serialize_field("start", &self.range.start)?;
            s.serialize_field("end", &self.range.end)?;
            s.serialize_field("href", &self.href)?;
            s.end()
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawKind {
        kind: Name,
        level: Option<u8>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawLink {
        start: usize,
        end: usize,
        href: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawBlock {
        kind: Name,
        level: Option<u8>,
        text: String,
        #[serde(default)]
        links: Vec<RawLink>,
    }

    /// A block's links as [`Link`] promises them: in its text, on character boundaries, not
    /// empty, in order and apart.
    fn links<E: serde::de::Error>(text: &str, raw: Vec<RawLink>) -> Result<Vec<Link>, E> {
        let mut links: Vec<Link> = Vec::with_capacity(raw.len());
        for l in raw {
            let after_previous = links.last().is_none_or(|p| p.range.end <= l.start);
            if l.start >= l.end || text.get(l.start..l.end).is_none() || !after_previous {
                return Err(E::custom(
                    "a link's start and end must be in order, apart from the link before, and on character boundaries of the text",
                ));
            }
            links.push(Link { range: l.start..l.end, href: l.href });
        }
        Ok(links)
    }

    impl<'de> Deserialize<'de> for BlockKind {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let raw = RawKind::deserialize(d)?;
            join(raw.kind, raw.level)
        }
    }

    impl<'de> Deserialize<'de> for Block {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let raw = RawBlock::deserialize(d)?;
            let links = links(&raw.text, raw.links)?;
            Ok(Block { kind: join(raw.kind, raw.level)?, text: raw.text, links })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Article, Block, BlockKind};

    #[test]
    fn text_joins_the_paragraphs_as_join_does() {
        let block = |kind, text: &str| Block::new(kind, text);
        let mut article = Article {
            blocks: vec![
                block(BlockKind::Paragraph, ""),
                block(BlockKind::Caption, "사진"),
                block(BlockKind::Paragraph, "본문"),
            ],
            ..Article::default()
        };
        assert_eq!(article.text(), ["", "본문"].join("\n"));
        article.keep_captions = true;
        assert_eq!(article.text(), ["", "사진", "본문"].join("\n"));
        assert_eq!(Article::default().text(), "");
    }
}
