//! Shared by the integration tests: finding page sets with gold answers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// One page with its gold file.
#[cfg(feature = "eval")]
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
#[cfg(feature = "eval")]
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

/// A page with one block of every kind, a caption and a date: read by `formats.rs` and `json.rs`.
pub const FORMATS_PAGE: &str = r#"<html><head><title>반도체 수출 반등 - 예시경제</title>
<meta property="article:published_time" content="2024-03-11T09:12:00+09:00"></head><body>
<div class="article_body">
<p>[서울=예시경제] 김하늘 기자 = 반도체 <b>수출</b>이 석 달 연속 늘었다. 업계는<a href="/x">메모리</a> 가격 회복을 이유로 꼽았다.</p>
<h3>주요 품목</h3>
<ul><li>메모리 반도체 수출이 전년보다 크게 늘었다.</li><li>시스템 반도체는 소폭 줄었다.</li></ul>
<table><tr><th>품목</th><th>증감률</th></tr><tr><td>메모리</td><td>35%</td></tr></table>
<p>첫 줄이다.<br>둘째 줄은 같은 문단이다.<br><br>새 문단은 빈 줄 뒤에 온다. 정부는 다음 달 대책을 내놓는다고 밝혔다.</p>
<figure><img src="a.jpg"><figcaption>공장 전경. 사진=예시경제</figcaption></figure>
<blockquote>수출 회복세가 하반기까지 이어질 것으로 본다고 관계자는 말했다.</blockquote>
</div></body></html>"#;
