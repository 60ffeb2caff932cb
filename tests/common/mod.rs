//! Shared by the integration tests: finding page sets with gold answers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// One page with its gold file.
pub struct GoldPage {
    pub id: String,
    pub html: Vec<u8>,
    pub gold: bonmun::eval::Gold,
}

/// The repo's own corpus (always present).
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// `../shared/realpages`, when this checkout has it.
pub fn realpages_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realpages");
    if dir.join("raw").is_dir() && dir.join("gold").is_dir() {
        Some(dir)
    } else {
        shared_set_absent(&dir);
        None
    }
}

/// Says that a third-party set in `../shared` is absent, so the checks that read it are skipped.
/// A fresh clone without it passes; CI (`CI=true`, as every CI service sets it) always has it,
/// so there its absence fails the test instead of letting the checks pass unrun.
pub fn shared_set_absent(dir: &Path) {
    if std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1") {
        panic!("{} not found, and CI is set: the checks that read it cannot pass unrun", dir.display());
    }
    println!("notice: {} not found; its checks are skipped", dir.display());
}

/// Every `raw/ID.html` of `dir` that has a `gold/ID.txt`, sorted by id.
pub fn load(dir: &Path) -> Vec<GoldPage> {
    let mut pages = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir.join("gold")) else { return pages };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let Some(id) = path.file_stem().and_then(|s| s.to_str()).map(str::to_string) else { continue };
        let Ok(html) = std::fs::read(dir.join("raw").join(format!("{id}.html"))) else { continue };
        let gold_text = std::fs::read_to_string(&path).unwrap_or_default();
        pages.push(GoldPage { id, html, gold: bonmun::eval::Gold::parse(&gold_text) });
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    pages
}
