//! The workloads the throughput bench compares, shared with the `instructions` example so that
//! both measure the same code. Included with `#[path]`; not a bench target of its own.

/// Decodes like the library does for the common cases: valid UTF-8 as is (validated by
/// encoding_rs, as the library does), else EUC-KR (CP949).
pub fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => text,
        None => encoding_rs::EUC_KR.decode(bytes).0,
    }
}

/// The floor: decode, parse, and visit every text node once.
pub fn parse_only(page: &[u8]) -> usize {
    let text = decode(page);
    let doc = scraper::Html::parse_document(&text);
    doc.tree
        .root()
        .descendants()
        .map(|n| match n.value() {
            scraper::Node::Text(t) => t.len(),
            _ => 0,
        })
        .sum()
}

/// `bonmun::extract`, reduced to a number so the optimiser keeps it; errors count as 0.
pub fn extract(page: &[u8]) -> usize {
    bonmun::extract(page).map_or(0, |a| a.paragraphs().count())
}
