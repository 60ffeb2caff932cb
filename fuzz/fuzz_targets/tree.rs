//! Any text in: the tree bonmun builds (raw text skipped, plain tokens read ahead of
//! html5ever's tokenizer, whitespace after tags shortened) must be the tree html5ever builds
//! from the same text alone, as `bonmun::tree_outlines` shows both. The differential tests
//! `skipping_keeps_the_tree` and `whole_pages_keep_the_tree` in `src/dom.rs` check the same on
//! a fixed alphabet and on the corpus; this target looks for the shapes they miss.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The tree stage reads decoded text; invalid UTF-8 is the decoder's to fuzz (`extract`).
    let Ok(html) = std::str::from_utf8(data) else { return };
    let (built, plain) = bonmun::tree_outlines(html);
    assert_eq!(built, plain, "{html:?}");
});
