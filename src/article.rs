//! The result of an extraction: the body as typed blocks, plus what the page says about itself.

use crate::DateTime;

/// What a block of the body is, so callers can keep or drop, say, captions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Block {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// Its text, whitespace collapsed (except in [`BlockKind::Code`]).
    pub text: String,
}

/// An extracted article.
///
/// `blocks` is the body in reading order, each block with its [`BlockKind`], captions
/// included; [`paragraphs`](Article::paragraphs) reads the same text without the kinds, and
/// without captions unless [`keep_captions`](Article::keep_captions) is set. The body is held
/// once: on a crawl's long pages a second copy would double what each result keeps and frees.
///
/// With the `serde` feature, `Article` is `Serialize` and `Deserialize`; its JSON carries
/// `paragraphs` too, for readers that do not want the kinds (deserializing ignores it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[non_exhaustive]
pub struct Article {
    /// The headline, without the site name that `<title>` usually appends.
    pub title: Option<String>,
    /// The body as typed blocks, in reading order.
    pub blocks: Vec<Block>,
    /// When the article was published, as the page prints it (or its metadata gives it).
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
    /// The page's language (`<html lang>`).
    pub lang: Option<String>,
    /// The page's own summary (meta description).
    pub description: Option<String>,
    /// The name of the charset the page was decoded with (e.g. `"UTF-8"`, `"EUC-KR"`).
    pub charset: String,
    /// Whether [`paragraphs`](Article::paragraphs) and [`text`](Article::text) include
    /// captions: [`Config::keep_captions`](crate::Config::keep_captions) of the extraction.
    #[cfg_attr(feature = "serde", serde(default))]
    pub keep_captions: bool,
}

impl Article {
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

/// Written by hand to add `paragraphs`, which the struct no longer stores. Destructuring
/// without `..` makes a new field a compile error here until it is serialized too.
#[cfg(feature = "serde")]
impl serde::Serialize for Article {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        /// The paragraphs as a JSON array, without collecting them first.
        struct Paragraphs<'a>(&'a Article);
        impl serde::Serialize for Paragraphs<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.paragraphs())
            }
        }
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
            description,
            charset,
            keep_captions,
        } = self;
        let mut s = serializer.serialize_struct("Article", 13)?;
        s.serialize_field("title", title)?;
        s.serialize_field("paragraphs", &Paragraphs(self))?;
        s.serialize_field("blocks", blocks)?;
        s.serialize_field("published", published)?;
        s.serialize_field("modified", modified)?;
        s.serialize_field("authors", authors)?;
        s.serialize_field("email", email)?;
        s.serialize_field("site_name", site_name)?;
        s.serialize_field("url", url)?;
        s.serialize_field("lang", lang)?;
        s.serialize_field("description", description)?;
        s.serialize_field("charset", charset)?;
        s.serialize_field("keep_captions", keep_captions)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::{Article, Block, BlockKind};

    #[test]
    fn text_joins_the_paragraphs_as_join_does() {
        let block = |kind, text: &str| Block { kind, text: text.to_string() };
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
