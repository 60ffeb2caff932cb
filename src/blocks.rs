//! Stage 3: cuts the parsed tree into blocks — paragraph-level runs of text — and measures each.
//!
//! One iterative walk over the tree (deep nesting cannot overflow the stack) produces two
//! tables: the blocks in reading order, and the elements in document order, each element
//! knowing the contiguous range of blocks it encloses. Later stages choose a region of the
//! page as an element, that is, as a range of blocks, without walking the tree again.
//!
//! Each block is judged by the lexicon, and its last characters read for a sentence's end,
//! as it is closed, while its text and its matching key (its letters and digits, lower-cased)
//! are in the cache: the key is built in one buffer reused from block to block, never kept.
//! On a long page the keys of all blocks would be nearly as large as its text, and reading
//! each block again when scoring costs a cache miss a block.

use crate::article::BlockKind;
use crate::dom::{self, Data, Dom, El};
use crate::lexicon::{ClassWord, Lexicon, Verdict};
use html5ever::{LocalName, local_name};
use std::collections::HashMap;
use std::ops::Range;

/// Sentinel parent of the top element.
pub(crate) const NO_PARENT: u32 = u32::MAX;

/// What the walk needs to know of a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    /// Never text a reader sees: script, style, controls, embedded documents.
    Skip,
    /// Ends the block before it and starts a new one after it.
    Block,
    Heading(u8),
    ListItem,
    Quote,
    Caption,
    Figure,
    Pre,
    Cell,
    /// `<br>`: a line break ends a block too.
    Break,
    Link,
    /// Page furniture by its very tag: nav, aside, footer, header, menu.
    Furniture,
    Inline,
    /// A name HTML does not define: a custom element (`<news-body>`, `<x-para>`) or an
    /// invented tag. Browsers show such elements inline unless the site's style says
    /// otherwise, and sites that use them for their layout do; so the walk reads one by its
    /// place (see [`among_text`]).
    Unknown,
}

fn classify(name: &LocalName) -> Tag {
    // Atoms: each arm compares integers, not strings.
    match *name {
        local_name!("script")
        | local_name!("style")
        | local_name!("noscript")
        | local_name!("template")
        | local_name!("svg")
        | local_name!("iframe")
        | local_name!("object")
        | local_name!("embed")
        | local_name!("canvas")
        | local_name!("select")
        | local_name!("option")
        | local_name!("textarea")
        | local_name!("button")
        | local_name!("input")
        | local_name!("head")
        | local_name!("audio")
        | local_name!("video")
        | local_name!("map")
        | local_name!("dialog") => Tag::Skip,
        local_name!("p")
        | local_name!("div")
        | local_name!("section")
        | local_name!("table")
        | local_name!("tr")
        | local_name!("tbody")
        | local_name!("thead")
        | local_name!("tfoot")
        | local_name!("ul")
        | local_name!("ol")
        | local_name!("dl")
        | local_name!("dd")
        | local_name!("dt")
        | local_name!("form")
        | local_name!("fieldset")
        | local_name!("address")
        | local_name!("hr")
        | local_name!("center")
        | local_name!("details")
        | local_name!("summary")
        | local_name!("body")
        | local_name!("html")
        | local_name!("caption")
        | local_name!("legend") => Tag::Block,
        local_name!("h1") => Tag::Heading(1),
        local_name!("h2") => Tag::Heading(2),
        local_name!("h3") => Tag::Heading(3),
        local_name!("h4") => Tag::Heading(4),
        local_name!("h5") => Tag::Heading(5),
        local_name!("h6") => Tag::Heading(6),
        local_name!("li") => Tag::ListItem,
        local_name!("blockquote") => Tag::Quote,
        local_name!("figcaption") => Tag::Caption,
        local_name!("figure") => Tag::Figure,
        local_name!("pre") => Tag::Pre,
        local_name!("td") | local_name!("th") => Tag::Cell,
        local_name!("br") => Tag::Break,
        local_name!("a") => Tag::Link,
        local_name!("nav")
        | local_name!("aside")
        | local_name!("footer")
        | local_name!("header")
        | local_name!("menu") => Tag::Furniture,
        local_name!("article") | local_name!("main") => Tag::Block,
        local_name!("span")
        | local_name!("b")
        | local_name!("i")
        | local_name!("u")
        | local_name!("s")
        | local_name!("em")
        | local_name!("strong")
        | local_name!("font")
        | local_name!("small")
        | local_name!("big")
        | local_name!("sub")
        | local_name!("sup")
        | local_name!("mark")
        | local_name!("img")
        | local_name!("picture")
        | local_name!("source")
        | local_name!("time")
        | local_name!("label")
        | local_name!("abbr")
        | local_name!("acronym")
        | local_name!("cite")
        | local_name!("code")
        | local_name!("kbd")
        | local_name!("samp")
        | local_name!("var")
        | local_name!("dfn")
        | local_name!("q")
        | local_name!("del")
        | local_name!("ins")
        | local_name!("strike")
        | local_name!("tt")
        | local_name!("nobr")
        | local_name!("wbr")
        | local_name!("bdi")
        | local_name!("bdo")
        | local_name!("data")
        | local_name!("ruby")
        | local_name!("rt")
        | local_name!("rp")
        | local_name!("output")
        | local_name!("meter")
        | local_name!("progress")
        | local_name!("area")
        | local_name!("math") => Tag::Inline,
        _ => Tag::Unknown,
    }
}

/// Whether an element stands in running text: a sibling is text, not only white space. An
/// element HTML does not define is read as inline there (`<x-tooltip>` around a word) and as
/// a block elsewhere: custom elements that hold a page's paragraphs stand side by side, and
/// read as inline they would run the whole body, and the boxes around it, into one block.
fn among_text(doc: &Dom, node: &dom::Node) -> bool {
    // Punctuation counts: a citation element sits between "(" and ", " (`(<cite-src>10</cite-src>,
    // <cite-src>11</cite-src>)`).
    let is_text = |id: u32| doc.node(id).and_then(dom::Node::text).is_some_and(|t| !t.trim().is_empty());
    is_text(node.prev_sibling) || is_text(node.next_sibling)
}

/// What marks a block as page furniture, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) enum Furniture {
    #[default]
    None,
    /// Only a tag: `<aside>`, `<header>`, `<footer>`, `<nav>`. Blogs put callouts in `<aside>`
    /// and articles their headline in `<header>`, so this is weak evidence.
    Tag,
    /// A class or id word: comment, related, share … A site names its boxes on purpose.
    Class,
}

/// An element of the page, as later stages need it.
#[derive(Debug, Clone)]
pub(crate) struct Elem {
    pub parent: u32,
    /// The element's node in the tree, for a stage that reads its attributes again.
    pub node: u32,
    /// The blocks inside the element: `first_block..end_block`.
    pub first_block: u32,
    pub end_block: u32,
    /// A table cell (`<td>`, `<th>`).
    pub cell: bool,
    /// The element holds a form field a reader fills in (see [`is_form_field`]): a poll, a
    /// product's options, a sign-up form. Set on every element around the field.
    pub field: bool,
}

/// A paragraph-level run of text with the measures scoring needs.
#[derive(Debug, Clone)]
pub(crate) struct TextBlock {
    /// Never empty, and trimmed: the output stage lays out a block from its length alone,
    /// without reading text that on a long page is out of the caches by then.
    pub text: String,
    /// What the lexicon says of the block (see [`Lexicon::judge`](crate::lexicon::Lexicon::judge)).
    pub verdict: Option<Verdict>,
    /// Whether the text ends as a sentence does (see [`ends_sentence`](crate::text::ends_sentence)).
    pub sentence: bool,
    /// The innermost block-level element around the text.
    pub elem: u32,
    pub kind: BlockKind,
    /// Whether the tags or classes around the block made it a caption, whatever `kind` its
    /// shape then gave it: how much of a body its wrappers call captions is what tells a
    /// wrapper's word from a photo's caption (see `output::plan`).
    pub caption_marked: bool,
    /// Hangul syllables.
    pub hangul: u32,
    /// Letters and digits of any script, Hangul included.
    pub alnum: u32,
    /// Letters and digits inside links.
    pub link_alnum: u32,
    /// The strongest furniture mark of the elements around the block.
    pub furniture: Furniture,
    /// The innermost layout-tag element (`<aside>`, `<header>`, `<footer>`, `<nav>`) around
    /// the block, whatever its classes say (which `furniture` ranks above it), or [`NO_PARENT`].
    pub layout_tag: u32,
}

/// A link of the page's text, kept when the caller asks for links: the part of one block's
/// text it covers. Held beside the blocks rather than in them, so that a page cut without
/// links carries nothing for them.
#[derive(Debug, Clone)]
pub(crate) struct PageLink {
    pub block: u32,
    /// Byte offsets into the block's text: trimmed, never empty.
    pub range: Range<usize>,
    pub href: String,
}

/// The page cut into blocks, with its element table.
#[derive(Debug, Default, Clone)]
pub(crate) struct Page {
    pub blocks: Vec<TextBlock>,
    pub elems: Vec<Elem>,
    /// In block order, then text order; empty unless links were asked for.
    pub links: Vec<PageLink>,
}

/// One open element during the walk.
struct Frame {
    elem: u32,
    tag: Tag,
    /// The element and block kind that text inside this frame belongs to: the innermost
    /// block-level frame's, kept here so a flush needs no search up the stack.
    owner: (u32, BlockKind),
    /// The block kind text directly inside this element gets.
    kind: BlockKind,
    in_link: bool,
    in_pre: bool,
    furniture: Furniture,
    layout_tag: u32,
}

/// Accumulates the text of the block being read.
#[derive(Default)]
struct Pending {
    /// The block's text so far. The buffer is reused from block to block; a finished block
    /// gets an exact-size copy.
    text: String,
    /// Whether the text carries a copyright sign (©, ⓒ, "(c)"): only such blocks are searched
    /// for the lexicon's signed notices.
    sign: bool,
    /// How far into "(c)" the last characters went: 1 after "(", 2 after "(c".
    paren_c: u8,
    /// The block's matching key so far ([`lexicon::key`](crate::lexicon::key)); like `text`, a
    /// buffer reused from block to block.
    keys: String,
    space: bool,
    hangul: u32,
    alnum: u32,
    link_alnum: u32,
}

/// What a character outside the runs of [`Pending::push`] is to the block measures.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CharClass {
    Space,
    /// A letter or digit whose key is its lower case (the runs took those that are their own).
    Letter,
    /// Punctuation and symbols: in the text, not in the key.
    Symbol,
}

/// Hangul syllables U+AC00–U+D7A3 are three UTF-8 bytes led by 0xEA–0xED.
const HANGUL_LEAD: std::ops::RangeInclusive<u8> = 0xEA..=0xED;

/// Whether a byte after a space opens what the run loop of [`Pending::push`] keeps in a text
/// run: anything but whitespace, among ASCII and Hangul. (Other scripts go through the
/// general path, which decides about spaces itself.)
#[inline]
fn word_starts(b: u8) -> bool {
    !b.is_ascii_whitespace() && (b < 0x80 || HANGUL_LEAD.contains(&b))
}

/// The UTF-8 bytes of U+AC00 (가) and U+D7A3 (힣) read as big-endian integers. UTF-8 keeps the
/// order of code points among sequences of one length, so a three-byte character is a Hangul
/// syllable exactly when its bytes, read the same way, fall between the two.
const HANGUL_UTF8: std::ops::RangeInclusive<u32> = 0x00EA_B080..=0x00ED_9EA3;

/// Whether a Hangul syllable starts at byte `i` (of valid UTF-8), read from the bytes without
/// decoding the character.
#[inline]
fn hangul_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i..i + 3) {
        Some(&[b0, b1, b2]) => HANGUL_UTF8.contains(&u32::from_be_bytes([0, b0, b1, b2])),
        _ => false,
    }
}

/// Where the run of characters that are their own key from byte `i` ends, and how many Hangul
/// syllables and ASCII letters and digits it holds.
///
/// Runs of Hangul syllables and of lower-case ASCII letters and digits, nearly all the letters
/// of a Korean page, are their own key: counted and passed over in a tight loop, then handled
/// once as a run. One run may mix the two: "2024년", "3일", "kbs가". Hangul is tested first:
/// it is most of the letters of a Korean page.
#[inline]
fn own_key_run(bytes: &[u8], mut i: usize) -> (usize, u32, u32) {
    let (mut hangul, mut ascii) = (0u32, 0u32);
    loop {
        match bytes.get(i) {
            Some(b) if HANGUL_LEAD.contains(b) && hangul_at(bytes, i) => {
                i += 3;
                hangul += 1;
            }
            Some(b) if b.is_ascii_lowercase() || b.is_ascii_digit() => {
                i += 1;
                ascii += 1;
            }
            _ => return (i, hangul, ascii),
        }
    }
}

impl Pending {
    /// Appends text, collapsing whitespace and counting letters, in one pass over the bytes.
    /// Hangul and ASCII, nearly all of a Korean page, are classified from their bytes; only
    /// other characters are decoded and looked up in the Unicode tables. Text is copied a run
    /// at a time: a run of words separated by single spaces goes into `text` with one copy,
    /// each run of key characters into the key with one more.
    fn push(&mut self, s: &str, in_link: bool, in_pre: bool) {
        let bytes = s.as_bytes();
        // The whitespace between tags, a good share of all text nodes, only marks a space.
        if !in_pre && bytes.iter().all(u8::is_ascii_whitespace) {
            if !s.is_empty() {
                self.space = !self.text.is_empty();
            }
            return;
        }
        // Start of the run not yet copied into `text`.
        let mut run: Option<usize> = None;
        // Start of the run of key characters not yet copied into the key.
        let mut keyed: Option<usize> = None;
        let alnum_before = self.alnum;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let start = i;
            let (hangul, ascii);
            (i, hangul, ascii) = own_key_run(bytes, i);
            if i > start {
                // "(c)" spans runs: a lone "c" after "(" continues it, anything else ends it.
                self.paren_c = if self.paren_c == 1 && bytes.get(start..i) == Some(b"c") { 2 } else { 0 };
                self.open_run(&mut run, start);
                keyed.get_or_insert(start);
                self.alnum += hangul + ascii;
                self.hangul += hangul;
                // The usual separator, one plain space before the next word, is taken here:
                // it ends the key run and stays in the text run (as the general path below
                // would do, in fewer steps).
                if !in_pre && bytes.get(i) == Some(&b' ') && bytes.get(i + 1).is_some_and(|&n| word_starts(n))
                {
                    if let Some(k) = keyed.take() {
                        self.keys.push_str(s.get(k..i).unwrap_or_default());
                    }
                    self.paren_c = 0;
                    i += 1;
                }
                continue;
            }
            let (class, len, c) = if b < 0x80 {
                (self.ascii_class(b), 1, char::from(b))
            } else {
                let c = s.get(i..).and_then(|r| r.chars().next()).unwrap_or(char::REPLACEMENT_CHARACTER);
                (self.other_class(c), c.len_utf8(), c)
            };
            // Any character outside the runs ends the key run before it.
            if let Some(k) = keyed.take() {
                self.keys.push_str(s.get(k..i).unwrap_or_default());
            }
            match class {
                CharClass::Space => {
                    // One plain space between two words stays in the run: copied as it is.
                    let word_follows = bytes.get(i + 1).is_some_and(|&n| word_starts(n));
                    if c == ' ' && run.is_some() && !in_pre && word_follows {
                        i += 1;
                        continue;
                    }
                    if let Some(r) = run.take() {
                        self.text.push_str(s.get(r..i).unwrap_or_default());
                    }
                    if in_pre && c == '\n' {
                        self.text.push('\n');
                        self.space = false;
                    } else {
                        self.space = !self.text.is_empty();
                    }
                }
                _ => {
                    self.open_run(&mut run, i);
                    if class == CharClass::Letter {
                        self.alnum += 1;
                        crate::lexicon::push_key_char(&mut self.keys, c);
                    }
                }
            }
            i += len;
        }
        if let Some(k) = keyed {
            self.keys.push_str(s.get(k..).unwrap_or_default());
        }
        if let Some(r) = run {
            self.text.push_str(s.get(r..).unwrap_or_default());
        }
        if in_link {
            self.link_alnum += self.alnum - alnum_before;
        }
    }

    /// Opens a text run at byte `at` unless one is open, with the space owed before it.
    #[inline]
    fn open_run(&mut self, run: &mut Option<usize>, at: usize) {
        if run.is_none() {
            if self.space {
                self.text.push(' ');
                self.space = false;
            }
            *run = Some(at);
        }
    }

    /// The class of an ASCII byte outside the runs, noting a "(c)" under way.
    #[inline]
    fn ascii_class(&mut self, b: u8) -> CharClass {
        // Outside a "(c)" under way only "(" starts one; nearly every character skips this.
        if self.paren_c != 0 || b == b'(' {
            self.paren_c = match (self.paren_c, b) {
                (_, b'(') => 1,
                (1, b'c' | b'C') => 2,
                (2, b')') => {
                    self.sign = true;
                    0
                }
                _ => 0,
            };
        }
        // Lower-case letters and digits never get here: the runs took them.
        if b.is_ascii_uppercase() {
            CharClass::Letter
        } else if b.is_ascii_whitespace() {
            CharClass::Space
        } else {
            CharClass::Symbol
        }
    }

    /// The class of a character beyond ASCII outside the runs (so no Hangul syllable), noting
    /// a copyright sign.
    #[inline]
    fn other_class(&mut self, c: char) -> CharClass {
        self.paren_c = 0;
        if c.is_whitespace() {
            return CharClass::Space;
        }
        // ⓒ is a letter to Unicode (a circled c): note the sign before classing it.
        self.sign |= matches!(c, '©' | 'ⓒ');
        if crate::lexicon::is_key_char(c) { CharClass::Letter } else { CharClass::Symbol }
    }

    /// Resets the state for the next block. The text buffer is kept (cleared) for reuse.
    fn finish(&mut self) {
        self.keys.clear();
        self.text.clear();
        self.sign = false;
        self.paren_c = 0;
        self.space = false;
        self.hangul = 0;
        self.alnum = 0;
        self.link_alnum = 0;
    }
}

/// The link being read, when links are kept.
struct OpenLink {
    href: String,
    /// The depth of its frame, so that only its own end closes it.
    depth: usize,
    /// Where it starts in the pending text (0 once a block boundary inside it has passed).
    start: usize,
}

struct Walker<'l> {
    lexicon: &'l Lexicon,
    page: Page,
    frames: Vec<Frame>,
    pending: Pending,
    /// Whether to record links at all ([`Config::keep_links`](crate::Config::keep_links)).
    keep_links: bool,
    link: Option<OpenLink>,
    /// The links of the pending text: ranges into it, before it is trimmed.
    pending_links: Vec<(Range<usize>, String)>,
}

impl Walker<'_> {
    fn flush(&mut self) {
        // A link that runs on past a block boundary (`<a>` around a `<br>` or a `<div>`) is a
        // link in each block it has text in.
        if let Some(link) = &mut self.link {
            self.pending_links.push((link.start..self.pending.text.len(), link.href.clone()));
            link.start = 0;
        }
        let p = &mut self.pending;
        if p.alnum == 0 {
            // No letter, so no key either; what text there was (symbols) is dropped.
            p.finish();
            self.pending_links.clear();
            return;
        }
        if !self.pending_links.is_empty() {
            let lead = p.text.len() - p.text.trim_start().len();
            let text = p.text.trim();
            let block = self.page.blocks.len() as u32;
            for (range, href) in self.pending_links.drain(..) {
                let start = range.start.saturating_sub(lead);
                let end = range.end.saturating_sub(lead).min(text.len());
                let Some(part) = text.get(start..end) else { continue };
                let start = start + (part.len() - part.trim_start().len());
                let end = start + part.trim().len();
                if start < end {
                    self.page.links.push(PageLink { block, range: start..end, href });
                }
            }
        }
        let top = self.frames.last();
        // The innermost block-level frame owns the text; inline frames only colour it.
        let (elem, kind) = top.map_or((0, BlockKind::Paragraph), |f| f.owner);
        // Outside <pre> the text is trimmed already (push writes a space only before a word);
        // trimmed here all the same, so that later stages can rely on it without reading it.
        let text = p.text.trim();
        // What MediaWiki leaves of a section's edit link ("[편집]" is skipped, its brackets stay).
        let text = match kind {
            BlockKind::Heading(_) => text.strip_suffix("[]").map_or(text, str::trim_end),
            _ => text,
        };
        let sentence = crate::text::ends_sentence(text);
        self.page.blocks.push(TextBlock {
            text: text.to_string(),
            verdict: self.lexicon.judge(text, &p.keys, p.sign, p.alnum.saturating_sub(p.link_alnum)),
            sentence,
            elem,
            kind: shaped_kind(kind, sentence, p.alnum),
            caption_marked: kind == BlockKind::Caption,
            hangul: p.hangul,
            alnum: p.alnum,
            link_alnum: p.link_alnum,
            furniture: top.map_or(Furniture::None, |f| f.furniture),
            layout_tag: top.map_or(NO_PARENT, |f| f.layout_tag),
        });
        p.finish();
    }

    /// Marks the open elements as holding a form field. Above an element already marked all
    /// are, so each element is marked once however many fields a form has.
    fn mark_field(&mut self) {
        for f in self.frames.iter().rev() {
            match self.page.elems.get_mut(f.elem as usize) {
                Some(e) if !e.field => e.field = true,
                _ => break,
            }
        }
    }

    fn open(&mut self, node: u32, tag: Tag, furniture_class: bool, caption: bool) -> u32 {
        if !matches!(tag, Tag::Inline | Tag::Link) {
            self.flush();
        }
        let idx = self.page.elems.len() as u32;
        let parent = self.frames.last();
        let block_count = self.page.blocks.len() as u32;
        self.page.elems.push(Elem {
            parent: parent.map_or(NO_PARENT, |f| f.elem),
            node,
            first_block: block_count,
            end_block: block_count,
            cell: tag == Tag::Cell,
            field: false,
        });
        let inherited_kind = parent.map_or(BlockKind::Paragraph, |f| f.kind);
        let kind = match tag {
            Tag::Heading(n) => BlockKind::Heading(n),
            Tag::ListItem => BlockKind::ListItem,
            Tag::Quote => BlockKind::Quote,
            Tag::Caption => BlockKind::Caption,
            Tag::Pre => BlockKind::Code,
            // An old layout's photo box is a cell of its own ("<td class=photo_caption>").
            Tag::Cell if caption => BlockKind::Caption,
            Tag::Cell => BlockKind::TableRow,
            Tag::Figure => BlockKind::Caption,
            // A paragraph inside a cell is a paragraph: layout tables hold whole articles.
            Tag::Block if inherited_kind == BlockKind::TableRow => BlockKind::Paragraph,
            _ if caption => BlockKind::Caption,
            _ => inherited_kind,
        };
        let own = match (tag, furniture_class) {
            (_, true) => Furniture::Class,
            (Tag::Furniture, false) => Furniture::Tag,
            _ => Furniture::None,
        };
        // A content word below furniture does not rescue it: sidebars list "news" too.
        let furniture = own.max(parent.map_or(Furniture::None, |f| f.furniture));
        let owner = if matches!(tag, Tag::Inline | Tag::Link) {
            parent.map_or((0, BlockKind::Paragraph), |f| f.owner)
        } else {
            (idx, kind)
        };
        self.frames.push(Frame {
            elem: idx,
            tag,
            owner,
            kind,
            in_link: tag == Tag::Link || parent.is_some_and(|f| f.in_link),
            in_pre: tag == Tag::Pre || parent.is_some_and(|f| f.in_pre),
            furniture,
            layout_tag: if tag == Tag::Furniture { idx } else { parent.map_or(NO_PARENT, |f| f.layout_tag) },
        });
        idx
    }

    fn close(&mut self) {
        if let Some(f) = self.frames.last()
            && !matches!(f.tag, Tag::Inline | Tag::Link)
        {
            self.flush();
        }
        if let Some(link) = self.link.take_if(|l| l.depth == self.frames.len()) {
            self.pending_links.push((link.start..self.pending.text.len(), link.href));
        }
        if let Some(f) = self.frames.pop()
            && let Some(e) = self.page.elems.get_mut(f.elem as usize)
        {
            e.end_block = self.page.blocks.len() as u32;
        }
    }

    fn text(&mut self, s: &str) {
        let (in_link, in_pre) = self.frames.last().map_or((false, false), |f| (f.in_link, f.in_pre));
        self.pending.push(s, in_link, in_pre);
    }
}

/// The texts of a wiki's section-edit link, set after each heading (MediaWiki, the Korean
/// community wikis), with or without the brackets around it.
const EDIT_LINK_TEXTS: [&str; 4] = ["편집", "원본 편집", "edit", "수정"];

/// Whether a link's only content is an edit link's text ("[편집]", "edit").
fn is_edit_link(doc: &Dom, link: &dom::Node) -> bool {
    let Some(child) = doc.node(link.first_child) else { return false };
    let (Data::Text(t), true) = (&child.data, child.next_sibling == dom::NONE) else { return false };
    let t = t.trim();
    let bare = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')).unwrap_or(t).trim();
    EDIT_LINK_TEXTS.iter().any(|e| bare.eq_ignore_ascii_case(e))
}

/// A heading that ends as a sentence and is at least this long (letters and digits) is a
/// paragraph set in a heading tag, as some mobile CMSs write every paragraph: a real subheading
/// is a phrase ("NPU 성능 40~60 TOPS…'코파일럿+' 기준 넘겨", 20–30 letters), rarely a finished
/// sentence, and never a sentence of a paragraph's length.
const HEADING_MAX_SENTENCE_ALNUM: u32 = 40;

/// A caption that ends as a sentence and is at least this long is running text under a
/// caption-like tag or class ("photo006" layout boxes, `<figure>` around the whole body): a
/// photo's caption says what it shows and who took it in one or two short sentences (under 80
/// letters on nearly every Korean news page), a body paragraph says more.
const CAPTION_MAX_SENTENCE_ALNUM: u32 = 100;

/// The kind a block's text has by its shape, from the kind its tags and ancestors give it:
/// long running text that ends as a sentence is a paragraph, whatever wraps it.
fn shaped_kind(kind: BlockKind, sentence: bool, alnum: u32) -> BlockKind {
    match kind {
        BlockKind::Heading(_) if sentence && alnum >= HEADING_MAX_SENTENCE_ALNUM => BlockKind::Paragraph,
        BlockKind::Caption if sentence && alnum >= CAPTION_MAX_SENTENCE_ALNUM => BlockKind::Paragraph,
        other => other,
    }
}

/// Whether an element hides its text from readers: `hidden`, or an inline `display:none` /
/// `visibility:hidden`. (Screen-reader-only classes are found with the class hints.)
/// A form field a reader fills in or picks from: a text box, a radio button, a list to choose
/// from. Not a checkbox (a post's task list renders its items as checkboxes), a hidden field
/// or a button (a code listing's "복사", a footnote's toggle).
fn is_form_field(el: El<'_>) -> bool {
    match *el.local() {
        local_name!("select") | local_name!("textarea") => true,
        local_name!("input") => {
            let kind = el.attr(crate::dom::Attr::Type).unwrap_or_default().trim();
            !["hidden", "checkbox", "submit", "button", "image", "reset"]
                .iter()
                .any(|t| kind.eq_ignore_ascii_case(t))
        }
        _ => false,
    }
}

fn is_hidden(el: El<'_>) -> bool {
    if el.attr(crate::dom::Attr::Hidden).is_some() {
        return true;
    }
    let Some(style) = el.attr(crate::dom::Attr::Style) else { return false };
    let has = |w: &[u8]| style.as_bytes().windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
    // Most styles say neither word; only those that do are compacted and checked.
    if !(has(b"none") || has(b"hidden")) {
        return false;
    }
    let compact: String =
        style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// What an element's class and id say of it.
#[derive(Debug, Clone, Copy, Default)]
struct ClassHints {
    /// The class or id names page furniture (comment, related, share …).
    furniture: bool,
    caption: bool,
    /// A screen-reader-only class: the text is not on the page a reader sees.
    hidden: bool,
}

/// The class/id hints of an element. Each class token and the id are split into words
/// (`article_body`, `articleBody` and `article-body` all give "article", "body"); a token with
/// a furniture word describes furniture ("article_comment", "news_related"), a token with only
/// content words describes content. An element whose tokens disagree ("header_fixed
/// article_view") gets no hint: a wrong furniture hint costs the body. Whole class tokens
/// are looked up for the screen-reader-only classes ("blind", "sr-only").
fn hints_of(el: El<'_>, lexicon: &Lexicon) -> ClassHints {
    hints_from(el, lexicon, |class| WordHints::of_class(class, lexicon))
}

/// [`hints_of`] with the class values already read on this page remembered: a page repeats a
/// few dozen class values over thousands of elements, and splitting them into words and
/// looking each up was a twentieth of extraction. Ids are mostly unique and are read anew.
fn cached_hints<'d>(
    cache: &mut HashMap<&'d str, WordHints, crate::lexicon::KeyHash>,
    el: El<'d>,
    lexicon: &Lexicon,
) -> ClassHints {
    hints_from(el, lexicon, |class| {
        *cache.entry(class).or_insert_with(|| WordHints::of_class(class, lexicon))
    })
}

/// The hints of an element whose class value's words `class_words` reads, with its id's.
fn hints_from<'d>(
    el: El<'d>,
    lexicon: &Lexicon,
    class_words: impl FnOnce(&'d str) -> WordHints,
) -> ClassHints {
    let mut words = el.attr(crate::dom::Attr::Class).map(class_words).unwrap_or_default();
    if let Some(id) = el.attr(crate::dom::Attr::Id) {
        words.read_token(id, false, lexicon);
    }
    words.hints()
}

/// What the words of an element's class tokens and id say, before they are weighed together.
#[derive(Debug, Clone, Copy, Default)]
struct WordHints {
    hidden: bool,
    /// Some token holds content words and no furniture word.
    content: bool,
    /// Some token holds a furniture word.
    boiler: bool,
    caption: bool,
}

impl WordHints {
    fn of_class(class: &str, lexicon: &Lexicon) -> WordHints {
        let mut words = WordHints::default();
        for token in class.split_whitespace() {
            words.read_token(token, true, lexicon);
            if words.hidden {
                break;
            }
        }
        words
    }

    fn read_token(&mut self, token: &str, is_class: bool, lexicon: &Lexicon) {
        if is_class && lexicon.class_word(token) == Some(ClassWord::Hidden) {
            self.hidden = true;
            return;
        }
        let (mut c, mut b) = (false, false);
        for_each_word(token, |w| match lexicon.class_word(w) {
            Some(ClassWord::Content) => c = true,
            Some(ClassWord::Boilerplate) => b = true,
            // "body-copy" is the body's text; "copy" alone, or "copy_area", the copyright box.
            Some(ClassWord::BoilerplateAlone) => b |= !c,
            Some(ClassWord::Caption) => self.caption = true,
            _ => {}
        });
        self.boiler |= b;
        self.content |= c && !b;
    }

    fn hints(self) -> ClassHints {
        if self.hidden {
            return ClassHints { hidden: true, ..ClassHints::default() };
        }
        ClassHints {
            furniture: self.boiler && !self.content,
            // "photo_article_body" is a body; a caption word names a caption only on its own.
            caption: self.caption && !self.content,
            hidden: false,
        }
    }
}

/// The words that make an element's class or id name furniture: the words a page that marks
/// its body with them (a theme's "penci_sidebar" layout class around everything) uses for
/// something else, once the choice of the body shows it.
pub(crate) fn furniture_words(el: El<'_>, lexicon: &Lexicon) -> Vec<String> {
    let mut words = Vec::new();
    if !hints_of(el, lexicon).furniture {
        return words;
    }
    let (class, id) = (el.attr(crate::dom::Attr::Class), el.attr(crate::dom::Attr::Id));
    for token in class.into_iter().flat_map(str::split_whitespace).chain(id) {
        for_each_word(token, |w| {
            if matches!(lexicon.class_word(w), Some(ClassWord::Boilerplate | ClassWord::BoilerplateAlone))
                && !words.iter().any(|k| k == w)
            {
                words.push(w.to_string());
            }
        });
    }
    words
}

/// Splits a class/id value into lower-case words at punctuation, digits and camelCase humps.
/// Words are slices of the value when it is lower case already (nearly always), so no word
/// is allocated.
pub(crate) fn for_each_word(value: &str, mut f: impl FnMut(&str)) {
    let bytes = value.as_bytes();
    let mut start: Option<usize> = None;
    let mut lowered = String::new();
    let mut emit = |from: usize, to: usize, f: &mut dyn FnMut(&str)| {
        let Some(word) = value.get(from..to) else { return };
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            lowered.clear();
            lowered.push_str(word);
            lowered.make_ascii_lowercase();
            f(&lowered);
        } else {
            f(word);
        }
    };
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_alphabetic() {
            // A capital after a lower-case letter starts a new word: "articleBody".
            let hump =
                b.is_ascii_uppercase() && i > 0 && bytes.get(i - 1).is_some_and(u8::is_ascii_lowercase);
            match start {
                Some(st) if hump => {
                    emit(st, i, &mut f);
                    start = Some(i);
                }
                None => start = Some(i),
                _ => {}
            }
        } else if let Some(st) = start.take() {
            emit(st, i, &mut f);
        }
    }
    if let Some(st) = start {
        emit(st, bytes.len(), &mut f);
    }
}

/// Whether a link's target leads anywhere a reader could follow: not empty, not a fragment of
/// the same page (a footnote's or a tab's anchor), not a script.
fn followable(href: &str) -> bool {
    let scheme = href.get(..11).unwrap_or_default();
    !(href.is_empty() || href.starts_with('#') || scheme.eq_ignore_ascii_case("javascript:"))
}

/// Walks the tree from the document node in document order, without recursion; records the
/// links of the text when `keep_links` is set.
pub(crate) fn cut(doc: &Dom, lexicon: &Lexicon, keep_links: bool) -> Page {
    let mut w = Walker {
        lexicon,
        page: Page::default(),
        frames: Vec::new(),
        pending: Pending::default(),
        keep_links,
        link: None,
        pending_links: Vec::new(),
    };
    let mut hint_cache = HashMap::default();
    let mut id = dom::ROOT;
    'walk: while let Some(node) = doc.node(id) {
        let mut descend = false;
        let is_elem = match &node.data {
            Data::Text(t) => {
                w.text(t);
                false
            }
            Data::Element(el) => {
                let el = doc.el(el);
                let mut tag = classify(el.local());
                if tag == Tag::Unknown {
                    tag = if among_text(doc, node) { Tag::Inline } else { Tag::Block };
                }
                if tag == Tag::Link && el.attr(crate::dom::Attr::Href).is_none() {
                    // A named anchor (`<a name=…>` around a heading) goes nowhere: it is not a link.
                    tag = Tag::Inline;
                }
                if tag == Tag::Link
                    && w.frames.last().is_some_and(|f| matches!(f.owner.1, BlockKind::Heading(_)))
                    && is_edit_link(doc, node)
                {
                    // A wiki's "[편집]" after each section heading is a control, not the heading's.
                    tag = Tag::Skip;
                }
                if tag == Tag::Skip && is_form_field(el) {
                    w.mark_field();
                }
                if tag == Tag::Break {
                    w.flush();
                } else if tag != Tag::Skip
                    && !is_hidden(el)
                    && let ClassHints { furniture, caption, hidden: false } =
                        cached_hints(&mut hint_cache, el, lexicon)
                {
                    // An inline caption (`<em class="img_desc">` after a photo) is shown as a
                    // block of its own; left inline, it would glue onto the paragraph after it.
                    let tag = if caption && tag == Tag::Inline { Tag::Block } else { tag };
                    w.open(id, tag, furniture, caption);
                    if tag == Tag::Link && w.keep_links && w.link.is_none() {
                        let href = el.attr(crate::dom::Attr::Href).unwrap_or_default().trim();
                        if followable(href) {
                            let (depth, start) = (w.frames.len(), w.pending.text.len());
                            w.link = Some(OpenLink { href: href.to_string(), depth, start });
                        }
                    }
                    descend = true;
                }
                true
            }
            Data::Document | Data::Fragment => {
                descend = true;
                false
            }
            Data::Other => false,
        };
        if descend {
            if node.first_child != dom::NONE {
                id = node.first_child;
                continue;
            }
            if is_elem {
                w.close();
            }
        }
        // Move on: the next sibling, or up through the parents we are done with.
        let mut at = node;
        loop {
            if id == dom::ROOT {
                break 'walk;
            }
            if at.next_sibling != dom::NONE {
                id = at.next_sibling;
                continue 'walk;
            }
            id = at.parent;
            match doc.node(id) {
                Some(parent) => {
                    at = parent;
                    if matches!(parent.data, Data::Element(_)) {
                        w.close();
                    }
                }
                None => break 'walk,
            }
        }
    }
    while !w.frames.is_empty() {
        w.close();
    }
    w.flush();
    cell_lines(&mut w.page);
    w.page
}

/// A cell's line that is longer than this many letters and digits is text of its own, not a
/// table's data (a layout cell's one paragraph).
const CELL_LINE_MAX_ALNUM: u32 = 60;

/// A cell whose only text is one short line in a block tag (`<td><p>09:00 ~ 09:20</p></td>`,
/// as word processors write every cell) holds that line as a cell's text: the same row
/// written `<td>09:00 ~ 09:20</td>` gives a row, and so must this (read as a paragraph, a
/// time or a date alone in it is taken for the page's date line and dropped). The cell's row
/// must hold another block: a layout table's lone cell is no row.
fn cell_lines(page: &mut Page) {
    let Page { blocks, elems, .. } = page;
    for (i, b) in blocks.iter_mut().enumerate() {
        if b.kind != BlockKind::Paragraph || b.sentence || b.alnum > CELL_LINE_MAX_ALNUM {
            continue;
        }
        let Some(el) = elems.get(b.elem as usize) else { continue };
        let only_block = |e: &Elem| e.first_block as usize == i && e.end_block as usize == i + 1;
        let in_row = |e: &Elem| e.end_block.saturating_sub(e.first_block) >= 2;
        let is_line = elems
            .get(el.parent as usize)
            .filter(|c| c.cell && only_block(c))
            .and_then(|c| elems.get(c.parent as usize))
            .is_some_and(in_row);
        if is_line {
            b.kind = BlockKind::TableRow;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Pending, for_each_word};
    #[cfg(test)]
    use crate::text::is_hangul;

    /// The character-at-a-time `Pending::push` the run-based one replaced.
    fn push_by_char(p: &mut Pending, s: &str, in_link: bool, in_pre: bool) {
        for c in s.chars() {
            let space = c.is_whitespace();
            let alnum = crate::lexicon::is_key_char(c);
            if space && !(in_pre && c == '\n') {
                p.space = !p.text.is_empty();
                continue;
            }
            if c == '\n' {
                p.text.push('\n');
                p.space = false;
                continue;
            }
            if p.space {
                p.text.push(' ');
                p.space = false;
            }
            p.text.push(c);
            if alnum {
                p.alnum += 1;
                p.hangul += u32::from(is_hangul(c));
                crate::lexicon::push_key_char(&mut p.keys, c);
                p.link_alnum += u32::from(in_link);
            }
        }
    }

    #[test]
    fn runs_are_their_own_key() {
        // `Pending::push` copies runs of Hangul syllables and of lower-case ASCII letters and
        // digits into the key as they are: each must be its own key.
        let run: String = ('가'..='힣').chain('a'..='z').chain('0'..='9').collect();
        assert_eq!(crate::lexicon::key(&run), run);
    }

    #[test]
    fn push_by_runs() {
        let pieces = [
            "  정부가 오늘\u{a0}새 정책을 발표했다.  ",
            "Hello, WORLD 123 ",
            "\n\n  café ÉTÉ\u{3000}東京 ",
            "a\nb \n c",
            "",
            "   ",
            "ⓒ 예시일보 (Yonhap) ABC-def",
            "(c) (cx) (C) 2024 (c",
            ")한글abc123(c)끝 ㄱㄴ 힣가",
            "x  y\t z \u{a0}w",
            "2024년 3일 kbs가 10% 올랐다 . 다 ,a b",
            "끝 ",
            " 시작",
            "한 \u{3000}글 東京 가",
        ];
        for in_pre in [false, true] {
            for in_link in [false, true] {
                let (mut a, mut b) = (Pending::default(), Pending::default());
                for s in pieces {
                    a.push(s, in_link, in_pre);
                    push_by_char(&mut b, s, in_link, in_pre);
                    assert_eq!(
                        (&a.text, &a.keys, a.space, a.hangul, a.alnum, a.link_alnum),
                        (&b.text, &b.keys, b.space, b.hangul, b.alnum, b.link_alnum)
                    );
                }
            }
        }
    }

    #[test]
    fn block_texts_are_trimmed_and_not_empty() {
        let mut cases = crate::test_support::Cases::new(11);
        let pieces = [
            "<p>",
            "</p>",
            "<pre>",
            "</pre>",
            "<td>",
            "<li>",
            "<a href=x>",
            "</a>",
            "<br>",
            "<b>",
            "</b>",
            " ",
            "\n",
            "\u{a0}",
            "\u{3000}",
            "\t",
            "&nbsp;",
            "정부가",
            "발표했다.",
            "abc",
            "·",
            "\u{200b}",
        ];
        for _ in 0..2000 {
            let html = cases.string(&pieces, 40);
            let Ok(doc) = crate::dom::parse(&html, 100_000, 1000) else { continue };
            let plain = super::cut(&doc, &crate::lexicon::BUILTIN, false);
            for b in &plain.blocks {
                assert!(!b.text.is_empty() && b.text.trim() == b.text, "{:?} in {html:?}", b.text);
            }
            // Links change no block, and each lies in its block's text, trimmed, in order.
            let linked = super::cut(&doc, &crate::lexicon::BUILTIN, true);
            let texts = |p: &super::Page| p.blocks.iter().map(|b| b.text.clone()).collect::<Vec<_>>();
            assert_eq!(texts(&plain), texts(&linked), "{html:?}");
            assert!(plain.links.is_empty());
            let mut last = (0, 0);
            for l in &linked.links {
                let text = linked.blocks.get(l.block as usize).and_then(|b| b.text.get(l.range.clone()));
                assert!(text.is_some_and(|t| !t.is_empty() && t.trim() == t), "{l:?} in {html:?}");
                assert!((l.block, l.range.start) >= last, "{html:?}");
                last = (l.block, l.range.end);
            }
        }
    }

    #[test]
    fn a_wiki_sections_edit_link_is_no_part_of_its_heading() {
        let html = "<h2><a href='#toc'>1.</a> 개요<span class='x'><a href='/edit?s=1'>[편집]</a></span></h2>\
                    <h3>2.1. 시작 <span>[<a href='/edit?s=2'>편집</a>]</span></h3>\
                    <p>그는 <a href='/w/편집'>편집</a>을 맡았다.</p>";
        let Ok(doc) = crate::dom::parse(html, 100_000, 1000) else { panic!("parse") };
        let page = super::cut(&doc, &crate::lexicon::BUILTIN, false);
        let texts: Vec<&str> = page.blocks.iter().map(|b| b.text.as_str()).collect();
        // MediaWiki's brackets outside the link go with it; the word in a paragraph's link is text.
        assert_eq!(texts, ["1. 개요", "2.1. 시작", "그는 편집을 맡았다."]);
    }

    #[test]
    fn links_are_recorded_where_their_text_is() {
        let html = "<div><p>정부는 <a href=' /p/1 '> 새 정책 </a>을 <a href='#fn'>발표</a>했다.</p>\
                    <p><a href='/list'>목록<br>다음 줄</a> <a href='javascript:go()'>열기</a></p>\
                    <p><a name=top>앵커</a>와 <a href='/b'><b>굵은</b> 링크</a></p></div>";
        let Ok(doc) = crate::dom::parse(html, 100_000, 1000) else { panic!("parse") };
        let page = super::cut(&doc, &crate::lexicon::BUILTIN, true);
        let links: Vec<(&str, &str)> = page
            .links
            .iter()
            .filter_map(|l| {
                Some((page.blocks.get(l.block as usize)?.text.get(l.range.clone())?, l.href.as_str()))
            })
            .collect();
        // The target is trimmed; a fragment, a script and a named anchor are no links; a link
        // around a line break is a link in each line.
        assert_eq!(
            links,
            [("새 정책", "/p/1"), ("목록", "/list"), ("다음 줄", "/list"), ("굵은 링크", "/b")]
        );
    }

    #[test]
    fn hangul_from_bytes() {
        // Every character of three UTF-8 bytes, and one of each other length around them.
        let three = (0x800..=0xFFFF).filter_map(char::from_u32);
        for c in three.chain(['a', 'é', '😀']) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(super::hangul_at(bytes, 0), is_hangul(c), "{c:?}");
        }
    }

    #[test]
    fn copyright_sign_flag() {
        for (text, sign) in [
            ("저작권자 © 예시", true),
            ("ⓒ 예시뉴스", true),
            ("Copyright (c) 2024", true),
            ("(C)", true),
            ("(서울=예시뉴스) 홍길동 기자", false),
            ("copyright claims (case) c)", false),
            ("(c)한국", true),
            ("(c한)", false),
            ("(한c)", false),
            ("(c2024)", false),
        ] {
            let mut p = super::Pending::default();
            p.push(text, false, false);
            assert_eq!(p.sign, sign, "{text}");
            assert_eq!(crate::lexicon::has_sign(text), sign, "{text}");
        }
    }

    #[test]
    fn copy_is_the_text_after_a_content_word() {
        let lexicon = crate::lexicon::Lexicon::builtin();
        let furniture = |class: &str| {
            let html = format!("<div class=\"{class}\">x</div>");
            let dom = crate::dom::parse(&html, 1000, 100).ok();
            let dom = dom?;
            let el = (0..dom.nodes().len() as u32)
                .filter_map(|id| dom.element(id))
                .find(|e| e.attr(crate::dom::Attr::Class).is_some());
            el.map(|e| super::hints_of(e, &lexicon).furniture)
        };
        assert_eq!(furniture("copy"), Some(true), "the copyright box");
        assert_eq!(furniture("copy_area"), Some(true));
        assert_eq!(furniture("body-copy"), Some(false), "the article's text");
        assert_eq!(furniture("story_copy"), Some(false));
        assert_eq!(furniture("share_copy"), Some(true), "furniture stays furniture");
        // A stock widget is furniture; a table that lists prices in a report is the report's.
        assert_eq!(furniture("stock_box"), Some(true));
        assert_eq!(furniture("tbl_stock"), Some(false), "a data table");
        assert_eq!(furniture("table-ad"), Some(true), "an ad in a table is an ad");
    }

    #[test]
    fn class_words() {
        let mut words = Vec::new();
        for_each_word("articleBody news_cnt-detail2wrap VIEW", |w| words.push(w.to_string()));
        assert_eq!(words, ["article", "body", "news", "cnt", "detail", "wrap", "view"]);
    }
}
