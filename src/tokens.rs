//! Stage 2, beside [`dom`](crate::dom): reads the plain tokens at the head of the input —
//! runs of text, tags without character references, and comments — ahead of html5ever's
//! tokenizer.
//!
//! html5ever's tokenizer reads a tag a character at a time: each character is taken from the
//! input queue, matched against the tokenizer's state and pushed onto the name or value being
//! built. Tags and their attributes are a third of a news page's bytes or more, so this is
//! most of what parsing costs beside the tree builder. Most tags are plain, though: ASCII
//! names, values quoted or not, no character reference, no NUL, no carriage return. For those
//! the token follows from a few scans of the bytes, by the same rules the tokenizer's tag
//! states apply (WHATWG HTML §13.2.5.6–§13.2.5.40): names lowercased, the first of duplicate
//! attributes kept, `/>` marking a tag self-closing, a stray `/` or quote read as the
//! tokenizer reads it. Values are slices of the input's own buffer, as the tokenizer's text
//! runs are, and only the attributes some stage reads are kept (see [`kept`]), but on the
//! formatting elements, which keep all (see [`is_formatting`]). A comment's end
//! is found the same way; its text is not read. Whatever is not plain — doctypes, character
//! references, a token the input piece cuts off, and the tags after which the tree builder
//! changes the tokenizer's state — is left where it is for the tokenizer.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Tag, TagKind, Token};
use html5ever::{Attribute, LocalName, QualName, local_name, ns};

/// The next token in `chunk` from byte `at`, and where it ends, when it is plain; `None`
/// leaves the input from `at` to the tokenizer.
///
/// The caller must stand where the tokenizer would be in its data state, between tokens. Text
/// ends before the first `<`, `&`, NUL or carriage return, as the tokenizer's data state ends
/// a run of text. Neither kind of token takes the last byte of the chunk: html5ever's input
/// queue must never hold an empty piece.
pub(crate) fn next(chunk: &StrTendril, at: usize, spare: &mut Vec<Vec<Attribute>>) -> Option<(Token, usize)> {
    let bytes = chunk.as_bytes().get(at..)?;
    if bytes.starts_with(b"<!--") {
        let end = comment_end(bytes)?;
        return (end < bytes.len()).then(|| (Token::CommentToken(StrTendril::new()), at + end));
    }
    match bytes.first() {
        Some(b'<') => return tag(chunk, at, spare),
        Some(b'&') => return decoded_text(bytes).map(|(text, len)| (Token::CharacterTokens(text), at + len)),
        _ => {}
    }
    // Two vector scans: NUL is rare enough in text that looking for it apart costs less than
    // a byte-at-a-time scan for all four.
    let end = memchr::memchr3(b'<', b'&', b'\r', bytes)?;
    let end = memchr::memchr(b'\0', bytes.get(..end)?).unwrap_or(end);
    let len = u32::try_from(end).ok().filter(|&n| n > 0)?;
    Some((Token::CharacterTokens(slice(chunk, at, len)?), at + end))
}

/// The text at the head of `bytes` (which starts with `&`) with its character references
/// decoded, up to where a plain run of text would end or a reference [`char_ref`] does not
/// read, and how many bytes it took; `None` when the first `&` is such a reference.
///
/// Text is cut at each `&` so that the plain runs stay slices of the input; the runs with
/// references (`&nbsp;`, `&quot;`, `&#8220;`, a lone `&` in "R&D" or "A & B") are copied
/// whole, so a paragraph with a few references is a few tokens, not a tokenizer's
/// character-at-a-time read of the text and of every tag after it up to the next one.
fn decoded_text(bytes: &[u8]) -> Option<(StrTendril, usize)> {
    let mut out = StrTendril::new();
    let mut i = 0;
    loop {
        match bytes.get(i..)? {
            [b'&', ..] => match char_ref(bytes.get(i..)?, false) {
                Some((c, len)) => {
                    out.push_char(c);
                    i += len;
                }
                None => break,
            },
            [] | [b'<' | b'\0' | b'\r', ..] => break,
            rest => {
                let run = memchr::memchr3(b'<', b'&', b'\r', rest).unwrap_or(rest.len());
                let run = memchr::memchr(b'\0', rest.get(..run)?).unwrap_or(run);
                out.push_slice(std::str::from_utf8(rest.get(..run)?).ok()?);
                i += run;
            }
        }
    }
    // Like a plain run, never the last byte of the chunk: the tokenizer must be left a piece.
    (i > 0 && i < bytes.len()).then_some((out, i))
}

/// The named character references read here, each with its `;`: the ones Korean pages use in
/// text and attribute values. With the `;` a name is read whole whatever follows (no longer
/// name has one of these with its `;` as a prefix); without it the tokenizer's legacy rules
/// apply, and the reference is left to the tokenizer.
const NAMED_REFS: [(&str, char); 21] = [
    ("amp;", '&'),
    ("lt;", '<'),
    ("gt;", '>'),
    ("quot;", '"'),
    ("apos;", '\''),
    ("nbsp;", '\u{a0}'),
    ("middot;", '·'),
    ("copy;", '©'),
    ("reg;", '®'),
    ("trade;", '™'),
    ("times;", '×'),
    ("ldquo;", '“'),
    ("rdquo;", '”'),
    ("lsquo;", '‘'),
    ("rsquo;", '’'),
    ("hellip;", '…'),
    ("laquo;", '«'),
    ("raquo;", '»'),
    ("ndash;", '–'),
    ("mdash;", '—'),
    ("bull;", '•'),
];

/// What the tokenizer reads for the `&` at the head of `bytes` (WHATWG §13.2.5.72–§13.2.5.80),
/// when it is one of the plain cases, and how many bytes that takes; `None` for the rest.
///
/// Plain are: a `&` before neither a letter, a digit nor `#`, which is text ("R&D" is not:
/// "&D" could start a name); a name of [`NAMED_REFS`] with its `;`; a decimal or hex reference
/// with its `;` to a character the tokenizer returns unchanged (printable ASCII, and from
/// U+00A0 on short of the surrogates and the noncharacters), and in an attribute value a `&`
/// before letters and digits and then `=`, which the tokenizer leaves as written there
/// ("?a=1&b=2").
fn char_ref(bytes: &[u8], in_attribute: bool) -> Option<(char, usize)> {
    let rest = bytes.get(1..)?;
    match *rest.first()? {
        b'#' => numeric_ref(rest.get(1..)?).map(|(c, len)| (c, len + 2)),
        b if b.is_ascii_alphanumeric() => {
            if let Some((name, c)) = NAMED_REFS.iter().find(|(name, _)| rest.starts_with(name.as_bytes())) {
                return Some((*c, name.len() + 1));
            }
            let run = rest.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            (in_attribute && rest.get(run) == Some(&b'=')).then_some(('&', 1))
        }
        _ => Some(('&', 1)),
    }
}

/// A numeric reference's digits and `;` at the head of `bytes` (past the `&#`): the character
/// and the bytes taken, when the tokenizer returns the number as it is.
fn numeric_ref(bytes: &[u8]) -> Option<(char, usize)> {
    let (radix, from) = match bytes.first()? {
        b'x' | b'X' => (16, 1),
        _ => (10, 0),
    };
    // Seven digits reach past U+10FFFF in either radix; longer numbers are the tokenizer's.
    let digits = bytes
        .get(from..)?
        .iter()
        .take_while(|b| b.is_ascii_hexdigit() && (radix == 16 || b.is_ascii_digit()))
        .count();
    if !(1..=7).contains(&digits) || bytes.get(from + digits) != Some(&b';') {
        return None;
    }
    let value =
        u32::from_str_radix(std::str::from_utf8(bytes.get(from..from + digits)?).ok()?, radix).ok()?;
    let plain = matches!(value, 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFDCF | 0xFDF0..=0xFFFD | 0x10000..=0x10FFFD)
        && value & 0xFFFE != 0xFFFE;
    let c = char::from_u32(value).filter(|_| plain)?;
    Some((c, from + digits + 1))
}

/// `len` bytes of `chunk` from `at` as a tendril of their own. Up to the length a tendril
/// holds inline, a copy, which costs less than sharing `chunk`'s buffer (a reference count
/// and a check that both ends fall between characters); longer, a share of the buffer.
fn slice(chunk: &StrTendril, at: usize, len: u32) -> Option<StrTendril> {
    if len <= INLINE_BYTES {
        let text: &str = chunk;
        return Some(StrTendril::from_slice(text.get(at..at + len as usize)?));
    }
    chunk.try_subtendril(u32::try_from(at).ok()?, len).ok()
}

/// The longest text a tendril keeps inline, without a buffer (tendril's `MAX_INLINE_LEN`).
const INLINE_BYTES: u32 = 8;

/// Where the comment at the head of `bytes` (which starts with `<!--`) ends, past its `>`, by
/// the tokenizer's comment states: at the first `-->` or `--!>` after the opening, or at once
/// for the abrupt `<!-->` and `<!--->`. Its text is not read: the tree keeps no comment's text
/// (see [`dom`](crate::dom)), so the token carries none.
fn comment_end(bytes: &[u8]) -> Option<usize> {
    if bytes.starts_with(b"<!-->") {
        return Some(5);
    }
    if bytes.starts_with(b"<!--->") {
        return Some(6);
    }
    let rest = bytes.get(4..)?;
    let mut from = 0;
    while let Some(dashes) = memchr::memmem::find(rest.get(from..)?, b"--") {
        let after = from + dashes + 2;
        match rest.get(after..) {
            Some([b'>', ..]) => return Some(4 + after + 1),
            Some([b'!', b'>', ..]) => return Some(4 + after + 2),
            _ => from += dashes + 1,
        }
    }
    None
}

/// Whitespace between the parts of a tag. A carriage return is whitespace too once the
/// tokenizer has turned it into a newline; a tag holding one is left to the tokenizer.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b' ')
}

/// Where the name starting at `from` ends: the first byte `ends` accepts. `None` at the end of
/// the input or at a NUL or carriage return, which the tokenizer would replace.
fn name_end(bytes: &[u8], from: usize, ends: impl Fn(u8) -> bool) -> Option<usize> {
    let len = bytes.get(from..)?.iter().position(|&b| ends(b) || b == b'\0' || b == b'\r')?;
    let end = from + len;
    (!matches!(bytes.get(end), Some(b'\0' | b'\r'))).then_some(end)
}

/// A tag name as the tokenizer makes it: ASCII letters lowercased.
///
/// Most of a page's tags are a dozen names (the list: the most frequent of the corpus and of
/// real news pages). Matching those first costs a length test and a comparison;
/// string_cache finds any other static atom by hashing the name.
fn atom(name: &str) -> LocalName {
    match name {
        "a" => local_name!("a"),
        "div" => local_name!("div"),
        "li" => local_name!("li"),
        "span" => local_name!("span"),
        "p" => local_name!("p"),
        "ul" => local_name!("ul"),
        "button" => local_name!("button"),
        "i" => local_name!("i"),
        "strong" => local_name!("strong"),
        "img" => local_name!("img"),
        "br" => local_name!("br"),
        "td" => local_name!("td"),
        _ if name.bytes().any(|b| b.is_ascii_uppercase()) => LocalName::from(name.to_ascii_lowercase()),
        _ => LocalName::from(name),
    }
}

/// The name of an attribute kept on a tag read here, lowercased; `None` for the rest, which
/// are dropped.
///
/// Kept are the attributes bonmun reads ([`Attr`](crate::dom::Attr)) and those the tree
/// builder reads: an `<input>`'s type, a `<font>`'s color, face and size (in SVG or MathML
/// they end the foreign content), an `<annotation-xml>`'s encoding, a `<meta>`'s charset,
/// http-equiv and content, a `<template>`'s shadowrootmode and a form control's form. No stage
/// reads any other — most of a news page's attributes: data-*, onclick, aria-*, src, alt — so
/// none of them is built (an atom for its name, made under string_cache's lock when the name
/// is not a static one, and a value). Tags the tokenizer reads keep all theirs: no harm. So
/// do the start tags of formatting elements ([`is_formatting`]), whose attributes the tree
/// builder compares.
fn kept(name: &str) -> Option<LocalName> {
    let lower;
    let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = name.to_ascii_lowercase();
        lower.as_str()
    } else {
        name
    };
    Some(match name {
        // Read by bonmun.
        "class" => local_name!("class"),
        "content" => local_name!("content"),
        "datetime" => local_name!("datetime"),
        "hidden" => local_name!("hidden"),
        "href" => local_name!("href"),
        "id" => local_name!("id"),
        "itemprop" => local_name!("itemprop"),
        "lang" => local_name!("lang"),
        "name" => local_name!("name"),
        "property" => local_name!("property"),
        "rel" => local_name!("rel"),
        "style" => local_name!("style"),
        "type" => local_name!("type"),
        // Read by the tree builder.
        "color" => local_name!("color"),
        "face" => local_name!("face"),
        "size" => local_name!("size"),
        "encoding" => local_name!("encoding"),
        "charset" => local_name!("charset"),
        "http-equiv" => local_name!("http-equiv"),
        "shadowrootmode" => local_name!("shadowrootmode"),
        "form" => local_name!("form"),
        _ => return None,
    })
}

/// The formatting elements (WHATWG §13.2.4.3). The tree builder compares a new one's tag with
/// those already on the list of active formatting elements, attributes and all, and keeps at
/// most three alike (the "Noah's Ark" clause): the ones it rebuilds after a closed block
/// depend on every attribute, read or not. Their start tags keep all their attributes.
pub(crate) fn is_formatting(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("a")
            | local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("nobr")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u")
    )
}

/// An attribute's name as the tokenizer makes it: ASCII letters lowercased.
fn attribute_atom(name: &str) -> LocalName {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        LocalName::from(name.to_ascii_lowercase())
    } else {
        LocalName::from(name)
    }
}

/// Tags after which the tree builder switches the tokenizer to another state (raw text,
/// RCDATA, script data, plaintext) or stops it (a script's end). Only the tokenizer can take
/// those up, so these tags are its to read; so is a `<meta>` that may name a charset (see
/// [`names_charset`]).
fn switches_tokenizer(name: &LocalName) -> bool {
    crate::dom::has_raw_text(name)
        || matches!(*name, local_name!("title") | local_name!("textarea") | local_name!("plaintext"))
}

/// A `<meta>` with a `charset` or an `http-equiv` attribute: the tree builder may answer it by
/// telling the tokenizer the page's encoding, and stop it. Any other `<meta>` is plain.
fn names_charset(name: &LocalName, attrs: &[Attribute]) -> bool {
    *name == local_name!("meta")
        && attrs.iter().any(|a| matches!(a.name.local, local_name!("charset") | local_name!("http-equiv")))
}

/// A start or end tag in `chunk` from byte `at` (a `<`), and where it ends.
fn tag(chunk: &StrTendril, at: usize, spare: &mut Vec<Vec<Attribute>>) -> Option<(Token, usize)> {
    let text: &str = chunk.get(at..)?;
    let bytes = text.as_bytes();
    let (kind, mut i) = match bytes.get(1) {
        Some(b'/') => (TagKind::EndTag, 2),
        _ => (TagKind::StartTag, 1),
    };
    // `<!`, `<?`, `</>`, `< ` and the like are markup declarations, bogus comments or text.
    if !bytes.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    let start = i;
    i = name_end(bytes, i, |b| is_space(b) || b == b'/' || b == b'>')?;
    let name = atom(text.get(start..i)?);
    if switches_tokenizer(&name) {
        return None;
    }
    let keep_all = kind == TagKind::StartTag && is_formatting(&name);
    let mut attrs: Vec<Attribute> = Vec::new();
    let mut duplicate = false;
    let mut self_closing = false;
    // The before-attribute-name state; the after-attribute-name and
    // after-attribute-value-quoted states differ from it only where the loop reads `=`.
    loop {
        i = skip_space(bytes, i)?;
        match *bytes.get(i)? {
            b'>' => {
                i += 1;
                break;
            }
            b'/' => {
                i += 1;
                if bytes.get(i) == Some(&b'>') {
                    self_closing = true;
                    i += 1;
                    break;
                }
                // A `/` not before `>` is dropped, and what follows is read afresh.
            }
            // An attribute whose name starts with `=`: rare enough to leave.
            b'=' | b'\0' | b'\r' => return None,
            _ => {
                let (attr, value, next) = attribute(chunk, text, at, i, keep_all)?;
                i = next;
                let Some(attr) = attr else { continue };
                if attrs.iter().any(|a| a.name.local == attr) {
                    duplicate = true;
                } else {
                    if attrs.capacity() == 0 {
                        // A vector an element made before this one emptied (see `dom::Sink`).
                        attrs = spare.pop().unwrap_or_default();
                    }
                    attrs.push(Attribute { name: QualName::new(None, ns!(), attr), value });
                }
            }
        }
    }
    if i >= bytes.len() || names_charset(&name, &attrs) {
        return None;
    }
    let tag = Tag { kind, name, self_closing, attrs, had_duplicate_attributes: duplicate };
    Some((Token::TagToken(tag), at + i))
}

/// Where the whitespace from `i` ends; `None` at the end of the input.
#[inline]
fn skip_space(bytes: &[u8], mut i: usize) -> Option<usize> {
    while is_space(*bytes.get(i)?) {
        i += 1;
    }
    Some(i)
}

/// The attribute whose name starts at byte `i` of `text`, the tag at `at` in `chunk` and on:
/// its name if it is kept (see [`kept`]; all are when `keep_all`), its value if kept, and
/// where the tag goes on. `None` leaves the tag to the tokenizer.
#[inline]
fn attribute(
    chunk: &StrTendril,
    text: &str,
    at: usize,
    i: usize,
    keep_all: bool,
) -> Option<(Option<LocalName>, StrTendril, usize)> {
    let bytes = text.as_bytes();
    let end = name_end(bytes, i, |b| is_space(b) || matches!(b, b'/' | b'>' | b'='))?;
    let name = text.get(i..end)?;
    let attr = kept(name).or_else(|| keep_all.then(|| attribute_atom(name)));
    let mut i = skip_space(bytes, end)?;
    let mut value = StrTendril::new();
    if bytes.get(i) == Some(&b'=') {
        let (from, to, next) = value_span(bytes, i + 1)?;
        i = next;
        // A dropped value may hold anything: a character reference never takes a quote, a
        // `>` or whitespace, so it cannot move where the value ends.
        if attr.is_some() {
            let raw = bytes.get(from..to)?;
            if memchr::memchr2(b'\0', b'\r', raw).is_some() {
                return None;
            }
            value = match memchr::memchr(b'&', raw) {
                None => slice(chunk, at + from, u32::try_from(to - from).ok()?)?,
                Some(first) => decoded_value(raw, first)?,
            };
        }
    }
    Some((attr, value, i))
}

/// An attribute value whose first `&` is at byte `first`, its references decoded; `None` when
/// one is not plain (see [`char_ref`]).
fn decoded_value(raw: &[u8], first: usize) -> Option<StrTendril> {
    let mut out = StrTendril::from_slice(std::str::from_utf8(raw.get(..first)?).ok()?);
    let mut i = first;
    while let Some(rest) = raw.get(i..).filter(|r| !r.is_empty()) {
        if rest.first() == Some(&b'&') {
            let (c, len) = char_ref(rest, true)?;
            out.push_char(c);
            i += len;
        } else {
            let run = memchr::memchr(b'&', rest).unwrap_or(rest.len());
            out.push_slice(std::str::from_utf8(rest.get(..run)?).ok()?);
            i += run;
        }
    }
    Some(out)
}

/// Where the value after an attribute's `=` lies, from byte `i` on (the tokenizer's
/// before-attribute-value state): its first byte and its end, and where the tag goes on.
#[inline]
fn value_span(bytes: &[u8], i: usize) -> Option<(usize, usize, usize)> {
    let i = skip_space(bytes, i)?;
    Some(match *bytes.get(i)? {
        quote @ (b'"' | b'\'') => {
            let from = i + 1;
            let to = from + memchr::memchr(quote, bytes.get(from..)?)?;
            (from, to, to + 1)
        }
        // `a=>`: an empty value, and the `>` ends the tag at the loop's head.
        b'>' => (i, i, i),
        _ => {
            let to = name_end(bytes, i, |b| is_space(b) || b == b'>')?;
            (i, to, to)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5ever::tokenizer::{BufferQueue, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
    use std::cell::RefCell;

    /// Every token html5ever's tokenizer emits, character runs merged.
    #[derive(Default)]
    struct Tokens(RefCell<Vec<Token>>);

    impl TokenSink for Tokens {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            let mut tokens = self.0.borrow_mut();
            if let (Token::CharacterTokens(more), Some(Token::CharacterTokens(run))) =
                (&token, tokens.last_mut())
            {
                run.push_tendril(more);
            } else {
                tokens.push(token);
            }
            TokenSinkResult::Continue
        }
    }

    fn tokenizer_reads(input: &str) -> Vec<Token> {
        let queue = BufferQueue::default();
        queue.push_back(StrTendril::from_slice(input));
        let tokenizer = Tokenizer::new(Tokens::default(), TokenizerOpts::default());
        let _ = tokenizer.feed(&queue);
        tokenizer.end();
        tokenizer
            .sink
            .0
            .take()
            .into_iter()
            .filter(|t| !matches!(t, Token::EOFToken | Token::ParseError(_)))
            .collect()
    }

    /// What [`next`] reads from the head of `input`, and how far.
    fn read(input: &str) -> Option<(Token, usize)> {
        let (token, end) = next(&StrTendril::from_slice(input), 0, &mut Vec::new())?;
        // The same token from further into a piece of input.
        let padded = format!("xyz{input}");
        let (again, end_again) = next(&StrTendril::from_slice(&padded), 3, &mut Vec::new())?;
        assert_eq!((&again, end_again), (&token, end + 3), "{input:?}");
        Some((token, end))
    }

    #[test]
    fn reads_tags_as_the_tokenizer_does() {
        let tags = [
            "<p>",
            "<P CLASS=Big>",
            "<div class=\"a b\" id='x' data-n=3>",
            "<img src=a.png alt=\"\" />",
            "<br/>",
            "<a b c=d e=\"f\"g>",
            // The same shapes with names that are kept.
            "<a class id=d name=\"f\"lang>",
            "<a class='x'/id>",
            "<a id=>",
            "<a Class=c'd\"e<f=g`>",
            "<a\tname\n=\x0ccontent>",
            "<a b='x'/c>",
            "<a x=1 X=2 x='3'>",
            "<a class=1 CLASS=2 class='3'>",
            "<a / b>",
            "<a href = \"u\" >",
            "<a b=>",
            "<a b= >",
            "<a\tb\n=\x0cc>",
            "<a b=c'd\"e<f=g`>",
            "<a\"b='c' d<e=f>",
            "<a<b c>",
            "<ab-c:d_e.f>",
            "<a가 나=다>",
            "</p>",
            "</P >",
            "</p class=x>",
            "</br/>",
            "<svg viewBox='0 0 1 1'/>",
            "<meta property=og:title content=\"제목\">",
            "<a href=x/>",
            "<span onclick=\"f('&amp;', 1 < 2)\" data-x=a&b href=\"/u\">",
            // Values with character references, and with the ampersands of a query string.
            "<a href='?a=1&amp;b=2'>",
            "<a href=\"/v?aid=1&sid=2&x=3\">",
            "<a href=/v?aid=1&sid=2>",
            "<a title=\"&quot;인용&quot; &middot; &#39;x&#x27; &#44032;&nbsp;\">",
            "<a class=\"a&#45;b & c && d\">",
            "<img src=\"a.png?w=1&h=2\" alt='\0'>",
            // Formatting elements keep every attribute, the first of duplicates.
            "<b data-a=1 Data-A=2 onclick='f()' class=x>",
            "<font color=red data-x=\"y\" face>",
            "<strong X=1 y=2 x=3>",
            "<nobr/ a b=c>",
            "<a href='x'/>",
            "<a href=\"x\"/ >",
        ];
        // The shapes on `<a>`, a formatting element, again on `<span>`, which keeps only the
        // attributes read.
        let spans: Vec<String> =
            tags.iter().filter_map(|t| t.strip_prefix("<a ").map(|rest| format!("<span {rest}"))).collect();
        for tag in tags.iter().copied().chain(spans.iter().map(String::as_str)) {
            let input = format!("{tag}tail");
            let (token, len) = read(&input).unwrap_or_else(|| panic!("{tag:?} not read"));
            assert_eq!(len, tag.len(), "{tag:?}");
            // The tokenizer's tag, less the attributes no stage reads unless it is a
            // formatting element's start tag. The duplicate flag (for CSP nonces, which bonmun
            // never checks) counts only kept attributes on the others.
            let mut expected = tokenizer_reads(&input);
            let mut token = token;
            for tag in [expected.first_mut(), Some(&mut token)].into_iter().flatten() {
                if let Token::TagToken(tag) = tag
                    && !(tag.kind == TagKind::StartTag && is_formatting(&tag.name))
                {
                    tag.attrs.retain(|a| kept(&a.name.local).is_some());
                    tag.had_duplicate_attributes = false;
                }
            }
            assert_eq!(expected.first(), Some(&token), "{tag:?}");
        }
    }

    #[test]
    fn names_are_the_atoms_string_cache_makes() {
        let listed = "a div li span p ul button i strong img br td";
        let others = ["data-id", "section", "x-custom-element", "가"];
        for name in listed.split(' ').chain(others) {
            assert_eq!(atom(name), LocalName::from(name), "{name}");
            let upper = name.to_ascii_uppercase();
            assert_eq!(atom(&upper), LocalName::from(name), "{upper}");
        }
    }

    #[test]
    fn duplicates_of_kept_attributes() {
        let Some((Token::TagToken(tag), _)) = read("<a class=1 id=x CLASS=2>x") else { panic!() };
        assert!(tag.had_duplicate_attributes);
        assert_eq!(tag.attrs.len(), 2);
        let Some((Token::TagToken(tag), _)) = read("<span class=1 data-x=1 data-x=2>x") else { panic!() };
        assert!(!tag.had_duplicate_attributes);
        // A formatting element keeps the first of any duplicate, as the tokenizer does.
        let Some((Token::TagToken(tag), _)) = read("<a class=1 data-x=1 data-x=2>x") else { panic!() };
        assert!(tag.had_duplicate_attributes);
        assert_eq!(tag.attrs.iter().map(|a| &*a.value).collect::<Vec<_>>(), ["1", "1"]);
    }

    #[test]
    fn keeps_every_attribute_bonmun_reads() {
        for attr in crate::dom::Attr::ALL {
            assert_eq!(kept(&attr.name()), Some(attr.name()), "{attr:?}");
        }
        assert_eq!(kept("CLASS"), Some(local_name!("class")));
        for dropped in ["data-id", "onclick", "src", "alt", "aria-label", "classes"] {
            assert_eq!(kept(dropped), None, "{dropped}");
        }
    }

    #[test]
    fn leaves_what_is_not_plain() {
        for input in [
            "<a href=?a&b>x",
            "<a href='?a=1&amp'>x",
            "<a title='&#39'>x",
            "<a title='R&D'>x",
            "<b data-x=a&b>x",
            "<i title=\"a\0\">x",
            "<a class=\"c\rd\">x",
            "<a\r\nb>x",
            "<a id=\"c\0\">x",
            "<a\0>x",
            "<a =b>x",
            "<!doctype html>x",
            "<?xml?>x",
            "</>x",
            "< p>x",
            "<3 x",
            "<script>x",
            "</SCRIPT>x",
            "<title>x",
            "<meta charset=utf-8>x",
            "<meta HTTP-EQUIV=Content-Type content='text/html; charset=euc-kr'>x",
            "<meta name=a http-equiv=refresh>x",
            "<textarea>x",
            "<plaintext>x",
            "<a href='unclosed>x",
            "<p>",
            "&amp; x",
            "&D<p>",
            "&#0;<p>",
            "&nbsp<p>",
            "\r\nx<",
            "\0x<",
            "no end",
        ] {
            assert_eq!(read(input), None, "{input:?}");
        }
    }

    /// The tokens [`next`] reads from the head of `input` one after another, text runs merged,
    /// and how far they reach.
    fn read_on(input: &str) -> (Vec<Token>, usize) {
        let chunk = StrTendril::from_slice(input);
        let (mut tokens, mut at) = (Vec::<Token>::new(), 0);
        while let Some((token, end)) = next(&chunk, at, &mut Vec::new()) {
            at = end;
            match (token, tokens.last_mut()) {
                (Token::CharacterTokens(more), Some(Token::CharacterTokens(run))) => run.push_tendril(&more),
                (token, _) => tokens.push(token),
            }
        }
        (tokens, at)
    }

    #[test]
    fn reads_references_as_the_tokenizer_does() {
        let read_whole = [
            "a &amp; b",
            "&quot;인용&quot;은 R&amp;D",
            "A & B && C &; &<i>",
            "&#39;x&#x27;&#X27;",
            "&#8220;따옴표&#8221; &#44032;&#x1F600;",
            "&nbsp;&nbsp;&copy; 2025 &middot; &hellip;&raquo;",
            "&lt;b&gt; 는 &lt;/b&gt;",
        ];
        let left_at_ref = [
            "&D",
            "&nbsp",
            "&#0;",
            "&#128;",
            "&#xD800;",
            "&#x110000;",
            "&#65535;",
            "&#xFFFE;",
            "&#13;",
            "&#x7F;",
            "&#12345678;",
            "&#39",
            "&#;",
            "&#x;",
            "&notin;",
            "&not;",
            "&unknown;",
            "&ampx",
            "&amp",
        ];
        for text in read_whole {
            let input = format!("{text}<p>");
            let (tokens, at) = read_on(&input);
            assert_eq!(at, text.len(), "{text:?}");
            assert_eq!(tokens, tokenizer_reads(text), "{text:?}");
        }
        for text in left_at_ref {
            let input = format!("가 {text} 나<p>");
            let (tokens, at) = read_on(&input);
            assert_eq!(at, "가 ".len(), "{text:?}");
            assert_eq!(tokens, tokenizer_reads("가 "), "{text:?}");
        }
        // Whatever is read of a mix matches the tokenizer's reading of the same bytes.
        let pieces = [
            "&amp;",
            "&",
            "&#39;",
            "&#x27;",
            "&nbsp;",
            "&lt;",
            "&#0;",
            "&am",
            "&#",
            "x",
            "가",
            " ",
            "=",
            ";",
            "<p>",
            "<a href='?a=1&b=2'>",
            "<a href=\"&quot;\">",
            "<a title=\"a&b\">",
            "\r",
        ];
        let mut cases = crate::test_support::Cases::new(0x51f1_0be2_77c4_a93d);
        for _ in 0..4000 {
            let input = format!("{}<p>", cases.string(&pieces, 10));
            let (tokens, at) = read_on(&input);
            let expected: Vec<Token> = tokenizer_reads(input.get(..at).unwrap_or_default())
                .into_iter()
                .map(|t| match t {
                    Token::TagToken(mut tag) if !is_formatting(&tag.name) => {
                        tag.attrs.retain(|a| kept(&a.name.local).is_some());
                        Token::TagToken(tag)
                    }
                    t => t,
                })
                .collect();
            assert_eq!(tokens, expected, "{input:?}");
        }
    }

    #[test]
    fn reads_comments_as_the_tokenizer_ends_them() {
        for comment in [
            "<!-- c -->",
            "<!---->",
            "<!-->",
            "<!--->",
            "<!-- a --->",
            "<!-- a ---->",
            "<!-- a --!>",
            "<!-- a -- b - c -->",
            "<!-- <!-- nested --> -->",
            "<!--<script>x</script>-->",
            "<!-- 기사 본문 -->",
            "<!-- a\0b\rc -->",
        ] {
            let input = format!("{comment}<p>");
            let (token, len) = read(&input).unwrap_or_else(|| panic!("{comment:?} not read"));
            assert!(matches!(token, Token::CommentToken(_)), "{comment:?}");
            // The tokenizer emits the comment and then the tag that follows it right there.
            let tokens = tokenizer_reads(&input);
            assert!(matches!(tokens.first(), Some(Token::CommentToken(_))), "{comment:?}");
            let rest = tokenizer_reads(input.get(len..).unwrap_or_default());
            assert_eq!(tokens.get(1..), Some(&rest[..]), "{comment:?}");
        }
        for unfinished in ["<!-- a -- >", "<!-- a -", "<!--", "<!-- a -->"] {
            assert_eq!(read(unfinished), None, "{unfinished:?}");
        }
    }

    #[test]
    fn reads_text_up_to_what_ends_it() {
        for (input, run) in [
            ("본문 text<p>", "본문 text"),
            ("a &amp; b", "a "),
            (" \n <", " \n "),
            ("x\r\n<", "x"),
            ("ab\0c<", "ab"),
            ("ab<c\0", "ab"),
        ] {
            let (token, len) = read(input).unwrap();
            assert_eq!(token, Token::CharacterTokens(StrTendril::from_slice(run)));
            assert_eq!(len, run.len());
        }
    }
}
