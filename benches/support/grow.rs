//! Growing a real page to a given size by repeating its own body paragraphs: shared by the
//! throughput benchmark's size group and the memory example, so both measure the same pages.
//! Included with `#[path]`; not a bench target of its own.

/// Finds `needle` (lower-case ASCII) in `hay` ignoring ASCII case, from byte `from`.
pub fn find_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|i| i + from)
}

/// The `<p …>…</p>` elements of `page[from..to]`, as byte ranges.
pub fn paragraphs(page: &[u8], from: usize, to: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at = from;
    while let Some(start) = find_ci(page, b"<p", at) {
        if start >= to {
            break;
        }
        let next = page.get(start + 2).copied();
        if !matches!(next, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')) {
            at = start + 2;
            continue;
        }
        let Some(close) = find_ci(page, b"</p>", start) else { break };
        let end = close + b"</p>".len();
        if end > to {
            break;
        }
        out.push(start..end);
        at = end;
    }
    out
}

/// `page` grown (or shrunk) to about `target` bytes by cycling its body paragraphs: the page's
/// own HTML up to its first paragraph, paragraphs repeated in order until the target is
/// reached, then the page's HTML after its last paragraph. If the page has no `<p>`, the whole
/// body content is the unit repeated. Keeps the page's head, menus and footer, so the result is
/// a realistic very long article rather than a synthetic one.
pub fn grow_page(page: &[u8], target: usize) -> Vec<u8> {
    let body_open = find_ci(page, b"<body", 0)
        .and_then(|b| page.get(b..)?.iter().position(|&c| c == b'>').map(|e| b + e + 1))
        .unwrap_or(0);
    let body_close = page
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .filter(|&c| c >= body_open)
        .unwrap_or(page.len());
    let mut units = paragraphs(page, body_open, body_close);
    let (prefix_end, suffix_start) = match (units.first(), units.last()) {
        (Some(f), Some(l)) => (f.start, l.end),
        _ => {
            units.push(body_open..body_close);
            (body_open, body_close)
        }
    };
    let mut prefix = page.get(..prefix_end).unwrap_or_default();
    let mut suffix = page.get(suffix_start..).unwrap_or_default();
    // A small target below the page's own boilerplate: keep only the head and the body tags.
    if prefix.len() + suffix.len() >= target {
        prefix = page.get(..body_open).unwrap_or_default();
        suffix = page.get(body_close..).unwrap_or_default();
    }
    let mut out = Vec::with_capacity(target + 64 * 1024);
    out.extend_from_slice(prefix);
    let mut i = 0;
    while let Some(unit) = units.get(i % units.len()).and_then(|r| page.get(r.clone())) {
        if unit.is_empty() || (i > 0 && out.len() + unit.len() + suffix.len() > target) {
            break;
        }
        out.extend_from_slice(unit);
        out.push(b'\n');
        i += 1;
    }
    out.extend_from_slice(suffix);
    out
}
