//! Stage 2: parses the decoded page into a lean tree of our own.
//!
//! html5ever tokenizes and builds the tree (the WHATWG tree-construction rules: implied tags,
//! misnested formatting, foster-parented table text); this module is only its `TreeSink`, the
//! store the tree builder writes into. A general DOM such as scraper's keeps every attribute
//! in a sorted map, builds a hash set of each element's classes and allocates the text of
//! every comment and doctype; bonmun reads a handful of attributes and the text, once. So the
//! tree here is one `Vec` of nodes linked by `u32` indices:
//!
//! - elements keep their name (atoms: comparing two names compares two integers) and the
//!   attribute list as handed over, without copying or sorting it — for tags read ahead of
//!   the tokenizer, only the attributes some stage reads ([`Attr`]);
//! - text is one tendril per run, adjacent runs merged as html5ever requires;
//! - comments, doctypes and processing instructions are empty nodes: they take a slot, so
//!   the node count and the tree's shape match any other sink's, but keep none of their text.
//!
//! Links are plain indices, so the tree is walked without recursion and dropped as one flat
//! vector: no nesting depth can overflow the stack.
//!
//! Between the tokenizer and the tree builder sits [`SkipRawText`]: the text of scripts,
//! styles and the other raw-text elements, a quarter of a news page's bytes, is dropped from
//! the input before the tokenizer reads it, since no stage reads it (JSON-LD excepted), and so
//! is all but one character of the whitespace after each tag. After each tag it also hands
//! the builder the plain tags and text that follow, read by [`tokens`](crate::tokens) faster
//! than the tokenizer reads them, until something that is not plain is the tokenizer's again.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{Attribute, LocalName, QualName, TokenizerResult, local_name, ns};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::ops::Range;

/// The null link: no parent, child or sibling.
pub(crate) const NONE: u32 = u32::MAX;

/// The document node, the root of the tree: always the first node.
pub(crate) const ROOT: u32 = 0;

/// Input is fed to html5ever in pieces of this many bytes (at most), so a page that passes
/// [`Config::max_nodes`](crate::Config::max_nodes) is abandoned after the piece that crossed
/// it, not after parsing all of it. Real pages are one piece.
/// Pieces are small enough that the tree builder's work on one piece past a limit is bounded:
/// html5ever's scope checks cost time in proportion to the nesting depth for every new
/// element (servo/html5ever#788), so 64 KB of nested `<div>`s past
/// [`Config::max_depth`](crate::Config::max_depth) still parse in well under a second.
const CHUNK_BYTES: usize = 64 * 1024;

/// Fewer bytes of HTML than any page seen holds per node (the corpus 31 on average, 19 at the
/// densest; real news pages 49 and 23; the English benchmark pages 110 and 23): the node table
/// is sized from the input once instead of doubling a dozen times, each time a copy of every
/// node.
const BYTES_PER_NODE: usize = 16;

/// At most this many nodes (72 bytes each, 1.2 MB) are set aside before parsing; past it the
/// table grows as it fills, so a long page costs no memory it does not use.
const RESERVED_NODES_MAX: usize = 16 * 1024;

/// Fewer bytes of HTML than any page seen holds per attribute kept (most are dropped while
/// reading, see [`tokens`](crate::tokens)): real news pages 96 on average, 52 at the
/// densest; the corpus 93 and 48; the English benchmark pages 186 and 52. The attribute
/// table, like the node table, is sized once.
const BYTES_PER_ATTR: usize = 48;

/// At most this many attributes (40 bytes each, 1.3 MB) are set aside before parsing.
const RESERVED_ATTRS_MAX: usize = 32 * 1024;

/// What a node is.
#[derive(Debug)]
pub(crate) enum Data {
    Document,
    /// A `<template>`'s contents, held as its first child.
    Fragment,
    Element(Element),
    Text(StrTendril),
    /// A comment, doctype or processing instruction: nothing bonmun reads.
    Other,
}

/// An element: its name, and where its attributes lie in the tree's table of them.
///
/// The attributes of all elements sit in one table ([`Dom::el`] joins them back): one
/// allocation a page instead of one an element, and the vector each tag brought them in goes
/// back to the tags read ahead of the tokenizer for the next one (see `Sink::create_element`).
#[derive(Debug)]
pub(crate) struct Element {
    pub name: QualName,
    attrs: Range<u32>,
}

/// An element with its attributes, as the stages read it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct El<'d> {
    pub name: &'d QualName,
    attrs: &'d [Attribute],
}

impl<'d> El<'d> {
    /// The tag name, in any namespace (`<title>` inside `<svg>` is a title too, as it was for
    /// scraper's `name()`).
    pub fn local(&self) -> &'d LocalName {
        &self.name.local
    }

    /// An attribute without namespace. Names are atoms, so each comparison is an integer one.
    pub fn attr(&self, attr: Attr) -> Option<&'d str> {
        let name = attr.name();
        self.attrs
            .iter()
            .find(|a| a.name.local == name && a.name.ns == ns!() && a.name.prefix.is_none())
            .map(|a| &*a.value)
    }
}

/// The attributes bonmun reads, the only ones [`Element::attr`] takes: tags read ahead of the
/// tokenizer keep these and the few the tree builder reads, and drop the rest (see
/// [`tokens`](crate::tokens)), so an attribute read must be named here to be kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Attr {
    Class,
    Content,
    Datetime,
    Hidden,
    Href,
    Id,
    Itemprop,
    Lang,
    Name,
    Property,
    Rel,
    Style,
    Type,
}

impl Attr {
    /// Every attribute, for the tests and the fuzz target.
    #[cfg(any(test, feature = "fuzzing"))]
    pub const ALL: [Attr; 13] = [
        Attr::Class,
        Attr::Content,
        Attr::Datetime,
        Attr::Hidden,
        Attr::Href,
        Attr::Id,
        Attr::Itemprop,
        Attr::Lang,
        Attr::Name,
        Attr::Property,
        Attr::Rel,
        Attr::Style,
        Attr::Type,
    ];

    pub fn name(self) -> LocalName {
        match self {
            Attr::Class => local_name!("class"),
            Attr::Content => local_name!("content"),
            Attr::Datetime => local_name!("datetime"),
            Attr::Hidden => local_name!("hidden"),
            Attr::Href => local_name!("href"),
            Attr::Id => local_name!("id"),
            Attr::Itemprop => local_name!("itemprop"),
            Attr::Lang => local_name!("lang"),
            Attr::Name => local_name!("name"),
            Attr::Property => local_name!("property"),
            Attr::Rel => local_name!("rel"),
            Attr::Style => local_name!("style"),
            Attr::Type => local_name!("type"),
        }
    }
}

/// A node with its links; [`NONE`] where there is none.
#[derive(Debug)]
pub(crate) struct Node {
    pub parent: u32,
    pub prev_sibling: u32,
    pub next_sibling: u32,
    pub first_child: u32,
    pub last_child: u32,
    /// Depth below the document when the node was last linked in: exact for a tree built in
    /// order, approximate for nodes the builder moved later (enough for the depth limit).
    depth: u32,
    pub data: Data,
}

impl Node {
    fn new(data: Data) -> Node {
        Node {
            parent: NONE,
            prev_sibling: NONE,
            next_sibling: NONE,
            first_child: NONE,
            last_child: NONE,
            depth: 0,
            data,
        }
    }

    /// Whether the node is an element.
    pub fn is_element(&self) -> bool {
        matches!(self.data, Data::Element(_))
    }

    /// An element's tag name.
    #[cfg(test)]
    fn local(&self) -> Option<&LocalName> {
        match &self.data {
            Data::Element(e) => Some(&e.name.local),
            _ => None,
        }
    }

    pub fn text(&self) -> Option<&str> {
        match &self.data {
            Data::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// A parsed page.
#[derive(Debug)]
pub(crate) struct Dom {
    nodes: Vec<Node>,
    /// Every element's attributes, each element's in one run (see [`Element`]).
    attrs: Vec<Attribute>,
    /// Returned by `elem_name` for a handle that is not an element, which the tree builder
    /// promises never to ask about: an answer instead of a panic.
    no_name: QualName,
}

impl Dom {
    /// An empty tree, with room for the nodes a page of `len` bytes is likely to hold.
    fn new(len: usize) -> Dom {
        let mut nodes = Vec::with_capacity((len / BYTES_PER_NODE).clamp(1, RESERVED_NODES_MAX));
        nodes.push(Node::new(Data::Document));
        let attrs = Vec::with_capacity((len / BYTES_PER_ATTR).min(RESERVED_ATTRS_MAX));
        Dom { nodes, attrs, no_name: QualName::new(None, ns!(html), local_name!("div")) }
    }

    /// An element with its attributes.
    pub fn el<'d>(&'d self, e: &'d Element) -> El<'d> {
        let attrs = self.attrs.get(e.attrs.start as usize..e.attrs.end as usize).unwrap_or_default();
        El { name: &e.name, attrs }
    }

    /// The node `id` as an element, if it is one.
    pub fn element(&self, id: u32) -> Option<El<'_>> {
        match &self.node(id)?.data {
            Data::Element(e) => Some(self.el(e)),
            _ => None,
        }
    }

    /// Moves `attrs` into the table, leaving the vector empty: the run they now fill.
    fn store_attrs(&mut self, attrs: &mut Vec<Attribute>) -> Range<u32> {
        let start = u32::try_from(self.attrs.len()).unwrap_or(u32::MAX);
        self.attrs.append(attrs);
        start..u32::try_from(self.attrs.len()).unwrap_or(u32::MAX)
    }

    /// Every node in creation order (the document first), detached ones included.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn node(&self, id: u32) -> Option<&Node> {
        self.nodes.get(id as usize)
    }

    /// The children of a node, in order.
    pub fn children(&self, id: u32) -> impl Iterator<Item = &Node> + '_ {
        let mut next = self.node(id).map_or(NONE, |n| n.first_child);
        std::iter::from_fn(move || {
            let n = self.node(next)?;
            next = n.next_sibling;
            Some(n)
        })
    }

    /// The text directly inside a node (its text children, joined).
    pub fn child_text(&self, id: u32) -> String {
        self.children(id).filter_map(Node::text).collect()
    }

    fn push(&mut self, data: Data) -> u32 {
        let id = self.nodes.len() as u32;
        self.nodes.push(Node::new(data));
        id
    }

    fn get_mut(&mut self, id: u32) -> Option<&mut Node> {
        self.nodes.get_mut(id as usize)
    }

    /// Unlinks a node from its parent and siblings; its own subtree stays with it.
    fn detach(&mut self, id: u32) {
        let Some(n) = self.node(id) else { return };
        let (parent, prev, next) = (n.parent, n.prev_sibling, n.next_sibling);
        if parent == NONE {
            return;
        }
        match self.get_mut(prev) {
            Some(p) => p.next_sibling = next,
            None => {
                if let Some(p) = self.get_mut(parent) {
                    p.first_child = next;
                }
            }
        }
        match self.get_mut(next) {
            Some(nx) => nx.prev_sibling = prev,
            None => {
                if let Some(p) = self.get_mut(parent) {
                    p.last_child = prev;
                }
            }
        }
        if let Some(n) = self.get_mut(id) {
            n.parent = NONE;
            n.prev_sibling = NONE;
            n.next_sibling = NONE;
        }
    }

    /// Links a detached node as the last child of `parent`.
    fn append_child(&mut self, parent: u32, id: u32) {
        if parent == id || self.node(parent).is_none() {
            return;
        }
        let Some((last, depth)) = self.node(parent).map(|p| (p.last_child, p.depth + 1)) else { return };
        let Some(n) = self.get_mut(id) else { return };
        n.parent = parent;
        n.depth = depth;
        n.prev_sibling = last;
        n.next_sibling = NONE;
        match self.get_mut(last) {
            Some(l) => l.next_sibling = id,
            None => {
                if let Some(p) = self.get_mut(parent) {
                    p.first_child = id;
                }
            }
        }
        if let Some(p) = self.get_mut(parent) {
            p.last_child = id;
        }
    }

    /// Links a detached node right before `sibling`, which has a parent.
    fn insert_before(&mut self, sibling: u32, id: u32) {
        let Some((parent, prev, depth)) = self.node(sibling).map(|s| (s.parent, s.prev_sibling, s.depth))
        else {
            return;
        };
        if parent == NONE || sibling == id {
            return;
        }
        let Some(n) = self.get_mut(id) else { return };
        n.parent = parent;
        n.depth = depth;
        n.prev_sibling = prev;
        n.next_sibling = sibling;
        if let Some(s) = self.get_mut(sibling) {
            s.prev_sibling = id;
        }
        match self.get_mut(prev) {
            Some(p) => p.next_sibling = id,
            None => {
                if let Some(p) = self.get_mut(parent) {
                    p.first_child = id;
                }
            }
        }
    }

    /// Appends text to the node `at` when it is a text node; false otherwise.
    fn merge_text(&mut self, at: u32, text: &StrTendril) -> bool {
        match self.get_mut(at).map(|n| &mut n.data) {
            Some(Data::Text(t)) => {
                t.push_tendril(text);
                true
            }
            _ => false,
        }
    }
}

/// The sink html5ever's tree builder drives. It takes `&self`, so the tree sits in a
/// `RefCell`; no borrow is held across a call back into the builder.
struct Sink<'a> {
    dom: RefCell<Dom>,
    max_nodes: usize,
    max_depth: u32,
    /// Set once the tree passes a limit; the parse loop stops on it.
    over: &'a Cell<Option<Limit>>,
    /// Emptied attribute vectors, for the tags read ahead of the tokenizer to fill again.
    spare: RefCell<Vec<Vec<Attribute>>>,
}

/// How many emptied attribute vectors are kept for reuse. A tag's vector comes back as soon
/// as its element is made, so a few are enough; the builder's own copies (formatting
/// elements) come back too, and past this are freed.
const SPARE_ATTR_VECS: usize = 8;

/// The limit a page passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Limit {
    Nodes,
    Depth,
}

impl Sink<'_> {
    fn new_node(&self, data: Data) -> u32 {
        let mut dom = self.dom.borrow_mut();
        let id = dom.push(data);
        if dom.nodes.len() > self.max_nodes {
            self.over.set(Some(Limit::Nodes));
        }
        id
    }

    /// Notes the depth of a node just linked in.
    fn linked(&self, id: u32) {
        if self.dom.borrow().node(id).is_some_and(|n| n.depth > self.max_depth) {
            self.over.set(Some(Limit::Depth));
        }
    }
}

impl<'a> TreeSink for Sink<'a> {
    type Handle = u32;
    type Output = Dom;
    type ElemName<'b>
        = Ref<'b, QualName>
    where
        Self: 'b;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    // Parse errors are not bonmun's concern: pages are what they are.
    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> u32 {
        ROOT
    }

    fn elem_name<'b>(&'b self, target: &'b u32) -> Ref<'b, QualName> {
        Ref::map(self.dom.borrow(), |d| match d.node(*target).map(|n| &n.data) {
            Some(Data::Element(e)) => &e.name,
            _ => &d.no_name,
        })
    }

    fn create_element(&self, name: QualName, mut attrs: Vec<Attribute>, flags: ElementFlags) -> u32 {
        let attrs_at = self.dom.borrow_mut().store_attrs(&mut attrs);
        let mut spare = self.spare.borrow_mut();
        if attrs.capacity() > 0 && spare.len() < SPARE_ATTR_VECS {
            spare.push(attrs);
        }
        drop(spare);
        let id = self.new_node(Data::Element(Element { name, attrs: attrs_at }));
        if flags.template {
            // The template's contents live in a fragment held as its first child, where
            // `get_template_contents` finds it.
            let contents = self.new_node(Data::Fragment);
            self.dom.borrow_mut().append_child(id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> u32 {
        self.new_node(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> u32 {
        self.new_node(Data::Other)
    }

    fn append(&self, parent: &u32, child: NodeOrText<u32>) {
        match child {
            NodeOrText::AppendNode(id) => {
                {
                    let mut dom = self.dom.borrow_mut();
                    dom.detach(id);
                    dom.append_child(*parent, id);
                }
                self.linked(id);
            }
            NodeOrText::AppendText(text) => {
                let last = self.dom.borrow().node(*parent).map_or(NONE, |p| p.last_child);
                if !self.dom.borrow_mut().merge_text(last, &text) {
                    let id = self.new_node(Data::Text(text));
                    self.dom.borrow_mut().append_child(*parent, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &u32, prev_element: &u32, child: NodeOrText<u32>) {
        let has_parent = self.dom.borrow().node(*element).is_some_and(|n| n.parent != NONE);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {
        let id = self.new_node(Data::Other);
        self.dom.borrow_mut().append_child(ROOT, id);
    }

    fn get_template_contents(&self, target: &u32) -> u32 {
        // Made with the template (see `create_element`); the template itself if it is missing.
        let first = self.dom.borrow().node(*target).map_or(NONE, |n| n.first_child);
        if first == NONE { *target } else { first }
    }

    fn same_node(&self, x: &u32, y: &u32) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &u32, new_node: NodeOrText<u32>) {
        if let NodeOrText::AppendNode(id) = new_node {
            self.dom.borrow_mut().detach(id);
        }
        let (parent, prev) =
            self.dom.borrow().node(*sibling).map_or((NONE, NONE), |s| (s.parent, s.prev_sibling));
        if parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => {
                self.dom.borrow_mut().insert_before(*sibling, id);
                self.linked(id);
            }
            NodeOrText::AppendText(text) => {
                if !self.dom.borrow_mut().merge_text(prev, &text) {
                    let id = self.new_node(Data::Text(text));
                    self.dom.borrow_mut().insert_before(*sibling, id);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &u32, attrs: Vec<Attribute>) {
        // Only a second `<html>` or `<body>` tag brings any: the element's run is copied to
        // the end of the table with the new ones after it (the old run stays, unread).
        let mut dom = self.dom.borrow_mut();
        let Some(Node { data: Data::Element(e), .. }) = dom.get_mut(*target) else { return };
        let old = e.attrs.clone();
        let mut all: Vec<Attribute> =
            dom.attrs.get(old.start as usize..old.end as usize).unwrap_or_default().to_vec();
        for attr in attrs {
            if !all.iter().any(|a| a.name == attr.name) {
                all.push(attr);
            }
        }
        let run = dom.store_attrs(&mut all);
        if let Some(Node { data: Data::Element(e), .. }) = dom.get_mut(*target) {
            e.attrs = run;
        }
    }

    fn remove_from_parent(&self, target: &u32) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &u32, new_parent: &u32) {
        if node == new_parent {
            return;
        }
        let mut dom = self.dom.borrow_mut();
        let mut child = dom.node(*node).map_or(NONE, |n| n.first_child);
        while child != NONE {
            let next = dom.node(child).map_or(NONE, |c| c.next_sibling);
            dom.detach(child);
            dom.append_child(*new_parent, child);
            child = next;
        }
    }
}

/// html5ever's tree builder with three changes on the way in: the text of raw-text elements
/// bonmun never reads is taken out of the input before the tokenizer reaches it, the
/// whitespace after a token is shortened to one character (see [`SkipRawText::collapse_space`]),
/// and plain tokens after a tag are read ahead of the tokenizer ([`SkipRawText::read_ahead`]).
///
/// Scripts are a quarter of a news page's bytes, and the tokenizer reads their text character by
/// character only for the builder to store it. When a start tag switches the tokenizer to
/// script data or raw text (script, style, noscript, iframe, xmp, noembed, noframes), the rest
/// of the input sits in the queue; the element's text runs to its end tag, which the standard
/// defines by bytes alone (`</name` and then whitespace, `/` or `>`), so it is dropped there
/// and the tokenizer goes on at the end tag, in the state the builder asked for. The tree is the
/// one html5ever builds, with those elements empty and shorter whitespace. Kept: JSON-LD
/// scripts (the metadata stage reads them), a script with `<!--` in its text (the escape
/// states can move its end), and an element whose end tag is not in the piece of input at hand.
struct SkipRawText<'a> {
    builder: TreeBuilder<u32, Sink<'a>>,
    input: &'a BufferQueue,
    /// The tokenizer reads raw text (script, style, title, textarea, plaintext …): set by the
    /// start tag that asked for it, cleared by the next tag, its end tag.
    raw: Cell<bool>,
    /// A `<pre>` or `<listing>` has been opened: from here on whitespace may be text, not a
    /// separator. (Both also drop a newline right after their start tag, so even the count of
    /// newlines there matters.)
    pre_seen: Cell<bool>,
}

impl SkipRawText<'_> {
    /// Drops the text of the element just opened, up to its end tag.
    fn skip_text(&self, name: &str, script: bool) {
        let Some(mut front) = self.input.peek_front_chunk_mut() else { return };
        let Some(end) = raw_text_end(&front, name) else { return };
        if script
            && front.get(..end).is_some_and(|text| memchr::memmem::find(text.as_bytes(), b"<!--").is_some())
        {
            return;
        }
        if let Ok(end) = u32::try_from(end) {
            front.pop_front(end);
        }
    }

    /// Notes a `<pre>` or `<listing>`, after which whitespace is kept.
    fn note_pre(&self, tag: &Tag) {
        if tag.kind == TagKind::StartTag && matches!(tag.name, local_name!("pre") | local_name!("listing")) {
            self.pre_seen.set(true);
        }
    }

    /// Hands the tree builder the plain tokens at the head of the input (see
    /// [`tokens`](crate::tokens)), up to the first one that is not plain, which the tokenizer
    /// then reads in its data state, where it stands now.
    ///
    /// What the tree builder answers must reach the tokenizer. The tags `tokens` reads are those
    /// the builder answers with `Continue`; were it to answer otherwise, the answer is returned
    /// as the answer to the tag the tokenizer emitted, which takes any.
    fn read_ahead(&self, line_number: u64) -> TokenSinkResult<u32> {
        // The tokens are read from a handle on the head of the input (sharing its buffer),
        // up to `at`; the input is moved past them once, when the reading stops.
        let Some(head) = self.input.peek_front_chunk_mut().map(|front| front.clone()) else {
            return TokenSinkResult::Continue;
        };
        let mut at = 0;
        let mut result = TokenSinkResult::Continue;
        while self.builder.sink.over.get().is_none() {
            let Some((token, end)) =
                crate::tokens::next(&head, at, &mut self.builder.sink.spare.borrow_mut())
            else {
                break;
            };
            at = end;
            let is_tag = match &token {
                Token::TagToken(tag) => {
                    self.note_pre(tag);
                    true
                }
                _ => false,
            };
            result = self.builder.process_token(token, line_number);
            if result != TokenSinkResult::Continue {
                break;
            }
            if is_tag && !self.pre_seen.get() {
                at = space_run_end(head.as_bytes(), at);
            }
        }
        if let (Some(mut front), Ok(read @ 1..)) = (self.input.peek_front_chunk_mut(), u32::try_from(at)) {
            // `tokens::next` and `space_run_end` leave at least the last byte: the queue never
            // holds an empty piece.
            let _ = front.try_pop_front(read);
        }
        result
    }

    /// Shortens the whitespace at the head of the input to its last character.
    ///
    /// Indentation between tags is a good share of a page's text tokens: text that starts with
    /// a newline, as nearly all indentation does, leaves the tokenizer's fast path, so the
    /// newline and the spaces after it reach the tree builder as two tokens, each costing as
    /// much to insert as a paragraph. Outside `<pre>` the blocks stage reads any run of
    /// whitespace as one separator, so one character of it is enough and the rest is dropped
    /// before the tokenizer reads it; one is kept, since a separator between two words or
    /// inline elements must stay.
    fn collapse_space(&self) {
        let Some(mut front) = self.input.peek_front_chunk_mut() else { return };
        if let Ok(extra @ 1..) = u32::try_from(space_run_end(front.as_bytes(), 0)) {
            let _ = front.try_pop_front(extra);
        }
    }
}

/// Where the whitespace starting at `at` ends, but for its last character.
fn space_run_end(bytes: &[u8], at: usize) -> usize {
    let run = bytes.get(at..).map_or(0, |rest| rest.iter().take_while(|b| b.is_ascii_whitespace()).count());
    at + run.saturating_sub(1)
}

/// Where the end tag of a raw-text element named `name` starts in `rest`: the first `</name`
/// (any case) followed by whitespace, `/` or `>`, as the tokenizer's raw-text states find it.
///
/// Searched with `memchr`'s SIMD substring search: a script's text runs to tens of kilobytes,
/// and the standard library's search for a two-byte needle was 2% of an extraction.
fn raw_text_end(rest: &str, name: &str) -> Option<usize> {
    memchr::memmem::find_iter(rest.as_bytes(), b"</").find(|&tag| {
        rest.as_bytes().get(tag + 2..).is_some_and(|after| {
            after.len() > name.len()
                && after.get(..name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                && after
                    .get(name.len())
                    .is_some_and(|b| matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'))
        })
    })
}

/// The elements the tree builder reads as script data or raw text (`noscript` because
/// html5ever parses with scripting on, as browsers do).
pub(crate) fn has_raw_text(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("noscript")
            | local_name!("iframe")
            | local_name!("xmp")
            | local_name!("noembed")
            | local_name!("noframes")
    )
}

/// Whether a script's `type` attribute makes it JSON-LD, the one script text bonmun reads (for
/// metadata). The metadata stage and the skipping here must agree on it.
pub(crate) fn is_json_ld_type(value: &str) -> bool {
    value.trim().eq_ignore_ascii_case("application/ld+json")
}

/// Whether a start tag opens a JSON-LD script.
fn is_json_ld(tag: &Tag) -> bool {
    tag.name == local_name!("script")
        && tag.attrs.iter().any(|a| a.name.local == local_name!("type") && is_json_ld_type(&a.value))
}

impl TokenSink for SkipRawText<'_> {
    type Handle = u32;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<u32> {
        // Only a start tag of an element with raw text can be skipped; any other token goes
        // straight through.
        let opened = match &token {
            Token::TagToken(tag)
                if tag.kind == TagKind::StartTag && has_raw_text(&tag.name) && !is_json_ld(tag) =>
            {
                Some(tag.name.clone())
            }
            _ => None,
        };
        // After these tokens the tokenizer stands between tokens, at the head of the queue.
        // (A parse error can be reported inside a tag or an attribute value.)
        let (boundary, is_tag) = match &token {
            Token::TagToken(tag) => {
                self.note_pre(tag);
                (true, true)
            }
            Token::CharacterTokens(_) | Token::CommentToken(_) | Token::DoctypeToken(_) => (true, false),
            _ => (false, false),
        };
        let result = self.builder.process_token(token, line_number);
        match &result {
            TokenSinkResult::RawData(kind) => {
                self.raw.set(true);
                if let (Some(name), RawKind::ScriptData | RawKind::Rawtext) = (opened, kind) {
                    self.skip_text(&name, *kind == RawKind::ScriptData);
                }
            }
            _ if is_tag => self.raw.set(false),
            _ => {}
        }
        if boundary && !self.raw.get() && !self.pre_seen.get() {
            self.collapse_space();
        }
        // After a tag that left it in the data state, the tokenizer stands between tokens. A
        // script's end tag leaves it there too: the builder's `Script` answer only makes the
        // tokenizer pause for a browser to run the script, and `parse` resumes it at once.
        if is_tag && matches!(result, TokenSinkResult::Continue | TokenSinkResult::Script(_)) {
            let ahead = self.read_ahead(line_number);
            if ahead != TokenSinkResult::Continue {
                return ahead;
            }
        }
        result
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Parses a page, or says which limit it passed: more than `max_nodes` nodes, or elements
/// nested deeper than `max_depth`. Parsing stops at the end of the piece that passed it.
pub(crate) fn parse(text: &str, max_nodes: usize, max_depth: usize) -> Result<Dom, Limit> {
    parse_counted(text, max_nodes, max_depth).0
}

/// [`parse`], and how many pieces of input were fed to html5ever: the work done on a page past
/// a limit, counted rather than timed (tests assert it; a clock in a test fails on a busy machine).
fn parse_counted(text: &str, max_nodes: usize, max_depth: usize) -> (Result<Dom, Limit>, usize) {
    let mut fed = 0usize;
    let over = Cell::new(None);
    let max_depth = u32::try_from(max_depth).unwrap_or(u32::MAX);
    let sink = Sink {
        dom: RefCell::new(Dom::new(text.len())),
        max_nodes,
        max_depth,
        over: &over,
        spare: RefCell::default(),
    };
    let input = BufferQueue::default();
    let builder = TreeBuilder::new(sink, TreeBuilderOpts::default());
    let tokenizer = Tokenizer::new(
        SkipRawText { builder, input: &input, raw: Cell::new(false), pre_seen: Cell::new(false) },
        TokenizerOpts::default(),
    );
    // Runs the tokenizer over what is queued; it pauses after each `</script>` (for a browser
    // to run the script), so it is resumed until done.
    let run = || while tokenizer.feed(&input) != TokenizerResult::Done {};
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK_BYTES);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (piece, tail) = rest.split_at(cut);
        input.push_back(StrTendril::from_slice(piece));
        fed += 1;
        run();
        if let Some(limit) = over.get() {
            return (Err(limit), fed);
        }
        rest = tail;
    }
    run();
    tokenizer.end();
    let dom = tokenizer.sink.builder.sink.finish();
    match over.get() {
        Some(limit) => (Err(limit), fed),
        None => (Ok(dom), fed),
    }
}

/// The tree as html5ever builds it from `text` alone, without skipping or reading ahead: what
/// [`parse`] must match, as [`outline`] shows it. For the differential tests and the fuzz
/// target only.
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) fn parse_plain(text: &str) -> Dom {
    use html5ever::tendril::TendrilSink;
    let over = Cell::new(None);
    let sink = Sink {
        dom: RefCell::new(Dom::new(text.len())),
        max_nodes: usize::MAX,
        max_depth: u32::MAX,
        over: &over,
        spare: RefCell::default(),
    };
    html5ever::parse_document(sink, Default::default()).one(text)
}

/// For the differential tests and the fuzz target only: the tree in document order as (depth, element or text) lines, elements with their
/// namespace and attributes; text under the elements
/// whose text is skipped is left out, except JSON-LD. Runs of whitespace count as one
/// space, except in the text of `<pre>`, `<title>`, `<textarea>` and scripts.
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) fn outline(dom: &Dom) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![(ROOT, 0usize, false, false)];
    while let Some((id, depth, raw, exact)) = stack.pop() {
        let Some(node) = dom.node(id) else { continue };
        let (mut raw_here, mut exact_here) = (raw, exact);
        match &node.data {
            Data::Element(e) => {
                // The attributes kept on tags read ahead of the tokenizer: no stage
                // reads the others (see `Attr`), nor any in a namespace (xlink:href),
                // but formatting elements keep all theirs.
                let kept: Vec<LocalName> = Attr::ALL.iter().map(|a| a.name()).collect();
                let e = dom.el(e);
                let all = e.name.ns == ns!(html) && crate::tokens::is_formatting(e.local());
                let attrs: String = e
                    .attrs
                    .iter()
                    .filter(|a| all || (a.name.ns == ns!() && kept.contains(&a.name.local)))
                    .map(|a| format!(" {}:{}={:?}", a.name.ns, a.name.local, &*a.value))
                    .collect();
                out.push(format!("{depth} <{}:{}{attrs}>", e.name.ns, e.local()));
                let json = e.attr(Attr::Type).is_some_and(is_json_ld_type);
                raw_here = !json && has_raw_text(e.local());
                exact_here |= e.name.ns == ns!(html)
                    && matches!(
                        *e.local(),
                        local_name!("pre")
                            | local_name!("title")
                            | local_name!("textarea")
                            | local_name!("script")
                    );
            }
            Data::Text(t) if !raw && exact => out.push(format!("{depth} {:?}", &**t)),
            Data::Text(t) if !raw => {
                let mut spaced = String::new();
                for (i, word) in t.split(|c: char| c.is_ascii_whitespace()).enumerate() {
                    if i > 0 && !spaced.ends_with(' ') {
                        spaced.push(' ');
                    }
                    spaced.push_str(word);
                }
                out.push(format!("{depth} {spaced:?}"));
            }
            _ => {}
        }
        let kids: Vec<u32> = {
            let mut v = Vec::new();
            let mut c = node.first_child;
            while let Some(n) = dom.node(c) {
                v.push(c);
                c = n.next_sibling;
            }
            v
        };
        stack.extend(kids.into_iter().rev().map(|k| (k, depth + 1, raw_here, exact_here)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dom: &Dom, id: u32) -> Vec<String> {
        dom.children(id).filter_map(|n| n.local().map(LocalName::to_string)).collect()
    }

    #[test]
    fn a_second_html_or_body_tag_adds_its_missing_attributes() {
        // The tree builder hands them to `add_attrs_if_missing`: the element's run in the
        // attribute table moves, and the attribute it has already keeps its first value.
        let page = "<html lang=ko><body class=a><p>x<html lang=en id=h><body id=b class=c>";
        let dom = parse(page, 1000, 100).unwrap();
        let named = |name: LocalName| {
            let id = dom.nodes().iter().position(|n| n.local() == Some(&name)).unwrap() as u32;
            dom.element(id).unwrap()
        };
        let (html, body) = (named(local_name!("html")), named(local_name!("body")));
        assert_eq!((html.attr(Attr::Lang), html.attr(Attr::Id)), (Some("ko"), Some("h")));
        assert_eq!((body.attr(Attr::Class), body.attr(Attr::Id)), (Some("a"), Some("b")));
        // The paragraph read after them has its own (none), not a neighbour's.
        let p = named(local_name!("p"));
        assert_eq!((p.attr(Attr::Class), p.attr(Attr::Id)), (None, None));
        assert_eq!(outline(&dom), outline(&parse_plain(page)));
    }

    #[test]
    fn builds_the_tree() {
        let dom = parse("<!doctype html><title>t</title><p class=a>one<b>two</b>three<!-- c -->", 1000, 100)
            .unwrap();
        let html = dom.children(ROOT).position(Node::is_element).unwrap();
        assert_eq!(html, 1); // after the doctype
        let p = dom.nodes().iter().position(|n| n.local() == Some(&local_name!("p")));
        let p = p.unwrap() as u32;
        assert_eq!(dom.element(p).unwrap().attr(Attr::Class), Some("a"));
        assert_eq!(dom.child_text(p), "onethree");
        assert_eq!(names(&dom, p), ["b"]);
    }

    #[test]
    fn misnested_and_foster_parented() {
        // Adoption agency and foster parenting move nodes around: the links must stay sound.
        let dom = parse("<table>x<tr><td>a<b>b<p>c</b>d</p></table><template><i>t</i></template>", 1000, 100)
            .unwrap();
        for (i, n) in dom.nodes().iter().enumerate() {
            let kids: Vec<u32> = {
                let mut v = Vec::new();
                let mut c = n.first_child;
                while c != NONE {
                    assert_eq!(dom.node(c).unwrap().parent, i as u32);
                    v.push(c);
                    c = dom.node(c).unwrap().next_sibling;
                }
                v
            };
            assert_eq!(kids.last().copied().unwrap_or(NONE), n.last_child);
        }
    }

    #[test]
    fn stops_at_the_limits() {
        assert_eq!(parse(&"<b>".repeat(100), 50, 1000).err(), Some(Limit::Nodes));
        assert!(parse(&"<b>".repeat(10), 50, 1000).is_ok());
        assert_eq!(parse(&"<div>".repeat(200), 10_000, 100).err(), Some(Limit::Depth));
        // Siblings are not depth: a long flat page passes a small depth limit.
        assert!(parse(&"<p>문단</p>".repeat(1000), 10_000, 10).is_ok());
    }

    /// Past a limit, parsing stops after the piece that crossed it, whatever follows: the
    /// bound on the work a hostile page costs, as a count (pieces fed), not a time.
    #[test]
    fn stops_within_the_piece_that_passed_a_limit() {
        let default = crate::Config::default();
        // A million levels (6 MB, ~90 pieces), the default depth limit passed in the first
        // piece. Spans, which html5ever nests in linear time, keep the test quick unoptimised;
        // the stop is the same for any element.
        let spans = "<span>".repeat(1_000_000);
        let (result, fed) = parse_counted(&spans, default.max_nodes, default.max_depth);
        assert_eq!(result.err(), Some(Limit::Depth));
        assert_eq!(fed, 1, "pieces fed past the depth limit");
        // Nested divs (html5ever's quadratic case) behind a megabyte of flat text: stopped in the
        // piece where the nesting crosses the limit, not at the end of the input.
        let flat = "<p>문단</p>".repeat((1 << 20) / "<p>문단</p>".len());
        let page =
            format!("{flat}{}{}", "<div>".repeat(default.max_depth + 100), "<p>끝</p>".repeat(1 << 18));
        let (result, fed) = parse_counted(&page, default.max_nodes, default.max_depth);
        assert_eq!(result.err(), Some(Limit::Depth));
        let crossing = (flat.len() + default.max_depth * "<div>".len()) / CHUNK_BYTES + 1;
        assert!(fed <= crossing + 1, "{fed} pieces fed, the limit is crossed in piece {crossing}");
        assert!(fed * CHUNK_BYTES < page.len() / 2, "{fed} pieces of {} bytes", page.len());
        // A node limit likewise.
        let (result, fed) = parse_counted(&"<b></b>".repeat(1_000_000), 1000, default.max_depth);
        assert_eq!(result.err(), Some(Limit::Nodes));
        assert_eq!(fed, 1, "pieces fed past the node limit");
    }

    #[test]
    fn deep_nesting() {
        let dom = parse(&"<div>".repeat(20_000), 1_000_000, 1_000_000).unwrap();
        assert!(dom.nodes().len() > 20_000);
    }

    #[test]
    fn raw_text_is_skipped() {
        let page = "<head><style>p { color: red }</style><script>var a = '<p>';</script>\
            <script type='application/ld+json'>{\"a\": 1}</script></head>\
            <body><noscript><p>enable js</p></noscript><p>본문</p><SCRIPT>x()</SCRIPT ><p>끝</p>";
        let dom = parse(page, 1000, 100).unwrap();
        let texts: Vec<&str> = dom.nodes().iter().filter_map(Node::text).collect();
        assert_eq!(texts, ["{\"a\": 1}", "본문", "끝"]);
        assert_eq!(outline(&dom), outline(&parse_plain(page)));
    }

    #[test]
    fn whitespace_between_tags_is_shortened() {
        let page = "<div>\n    <p>가 <b>나</b>\n\n   <i>다</i></p>\r\n\t<p>\n  라 \n  마</p>\n</div>";
        let dom = parse(page, 1000, 100).unwrap();
        let texts: Vec<&str> = dom.nodes().iter().filter_map(Node::text).collect();
        // The last character of each run after a tag is left, so words stay apart; runs
        // inside text are the tokenizer's to read.
        assert_eq!(texts, [" ", "가 ", "나", " ", "다", "\t", " 라 \n  마", "\n"]);
        // From the first <pre> on, whitespace is kept as written.
        let page = "<p>\n  a</p><pre>\n  x\n\n  y</pre>\n   <p>b</p>";
        let dom = parse(page, 1000, 100).unwrap();
        let texts: Vec<&str> = dom.nodes().iter().filter_map(Node::text).collect();
        assert_eq!(texts, [" a", "  x\n\n  y", "\n   ", "b"]);
        // Title and textarea text is never shortened.
        let dom = parse("<title>a \n  b</title><textarea>\n\n  c</textarea>", 1000, 100).unwrap();
        let texts: Vec<&str> = dom.nodes().iter().filter_map(Node::text).collect();
        assert_eq!(texts, ["a \n  b", "\n  c"]);
    }

    #[test]
    fn raw_text_end_tags() {
        assert_eq!(raw_text_end("a</scripts></script>", "script"), Some(11));
        assert_eq!(raw_text_end("a</SCRIPT\n>", "script"), Some(1));
        assert_eq!(raw_text_end("a</script", "script"), None);
        assert_eq!(raw_text_end("a</style/>", "style"), Some(1));
        assert_eq!(raw_text_end("</", "style"), None);
    }

    #[test]
    fn skipping_keeps_the_tree() {
        // Pieces that move where raw text ends, or that look like raw text but are not.
        let pieces = [
            "<script>",
            "</script>",
            "<script><!--",
            "<!--<script>",
            "-->",
            "</script >",
            "</SCRIPT/>",
            "<style>",
            "</style>",
            "<p>글</p>",
            "<svg><script>s</script></svg>",
            "<textarea><script></textarea>",
            "<title></style></title>",
            "<noscript>",
            "</noscript>",
            "<iframe>",
            "</iframe>",
            "<div title='<script>'>",
            "a</scripts>b",
            "<script type=\"application/ld+json\">",
            "&amp;<",
            "R&amp;D &nbsp;&#8220;인용&#x201D; & ",
            "<a title='&quot;x&quot;' href='?a=1&b=2'>",
            "&",
            "<plaintext>",
            "</",
            "x",
            // Whitespace, collapsed outside the elements that keep it.
            "\n  ",
            " \r\n\t",
            "\n",
            "<pre>\n\n  p",
            "<listing>",
            "<textarea>\n \n",
            "<title> \n t",
            "<table>",
            "<tr>",
            "<td>",
            "<b>",
            "<!-- c -->",
            "<!-->",
            "--!>",
            // A formatting element left open across a closed block: whitespace after it
            // rebuilds the element (reconstructing active formatting elements), so dropping
            // whitespace entirely would move where the rebuilt element wraps.
            "<p><b>x</p>",
            // Formatting elements alike but for attributes no stage reads: the tree builder
            // keeps at most three alike open, so which are rebuilt depends on all of them.
            "<b data-a=1>",
            "<b data-a=2>",
            "<b class=x>",
            "<i data-a=1 class=y>",
            "<a href=u data-n=1>",
            "</p><p>",
            // Tags read ahead of the tokenizer, and tags like them that are left to it.
            "<div class=\"a b\" id='x' data-n=3>",
            "</div>",
            "<P CLASS=Big Class=small>",
            "<img src=a.png alt=\"\" />",
            "<br/>",
            "<a b c=d e=\"f\"g>",
            "<a href='?a=1&amp;b=2'>",
            "<a href=?a&b>",
            "</a>",
            "<a / b>",
            "<a =b>",
            "<a\r\nb='c\rd'>",
            "<span\0 x>",
            "<input type=hidden>",
            "<input type=text>",
            "<svg viewBox='0 0 1 1'>",
            "<math>",
            "<font color=red>",
            "<![CDATA[ <i>c</i> \0<b>d</b> ]]>",
            "<foreignObject>",
            "<select><option>",
            "<frameset>",
            "<meta charset=utf-8>",
            "<meta name=description content='요약'>",
            "<meta http-equiv=content-type content='text/html; charset=euc-kr'>",
            "<html lang=ko>",
            "<body class=b>",
            "<!doctype html>",
            "<template>",
            "<image src=i>",
            "<path d='M0 0'/>",
            "본문 텍스트 ",
            "a\rb",
        ];
        let mut cases = crate::test_support::Cases::new(0x2545_f491_4f6c_dd1d);
        for _ in 0..6000 {
            let page = cases.string(&pieces, 8);
            let skipped = parse(&page, usize::MAX, 10_000).unwrap();
            assert_eq!(outline(&skipped), outline(&parse_plain(&page)), "{page}");
        }
    }

    #[test]
    fn formatting_elements_keep_their_attributes() {
        // The tree builder keeps at most three open formatting elements alike in name and
        // attributes (the Noah's Ark clause) and rebuilds the ones left open in the next
        // block: four `<b>`s told apart only by an attribute no stage reads are all rebuilt.
        let page = "<p><b data-a=1>a<b data-a=2>b<b data-a=3>c<b data-a=4>d</p><p>e";
        let count = |dom: &Dom| dom.nodes().iter().filter(|n| n.local() == Some(&local_name!("b"))).count();
        let plain = count(&parse_plain(page));
        // Four opened, four rebuilt: the page tells the rule apart.
        assert_eq!(plain, 8);
        assert_eq!(count(&parse(page, 1000, 100).unwrap()), plain);
        // Alike in every attribute, the first of four is not rebuilt, here as in html5ever.
        let alike = "<p><b class=x>a<b class=x>b<b class=x>c<b class=x>d</p><p>e";
        assert_eq!(count(&parse(alike, 1000, 100).unwrap()), count(&parse_plain(alike)));
    }

    #[test]
    fn whole_pages_keep_the_tree() {
        // The corpus in the repository, and the real pages beside it when they are there.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut seen = 0;
        for dir in [root.join("corpus/raw"), root.join("../shared/realpages/raw")] {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                println!("notice: {} not found; its pages are not compared", dir.display());
                continue;
            };
            for path in entries.flatten().map(|e| e.path()) {
                let Ok(bytes) = std::fs::read(&path) else { continue };
                let text = crate::decode::decode(&bytes, None).text;
                let dom = parse(&text, usize::MAX, usize::MAX).unwrap();
                assert_eq!(outline(&dom), outline(&parse_plain(&text)), "{}", path.display());
                seen += 1;
            }
        }
        assert!(seen >= 20, "{seen} pages");
    }
}
