#[path = "../benches/support/grow.rs"]
mod grow;
fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    let n: usize = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(10);
    let mut pages: Vec<Vec<u8>> = std::fs::read_dir("corpus/raw")
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| std::fs::read(e.path()).unwrap())
        .collect();
    pages.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let p = grow::grow_page(&pages[0], mb * 1_000_000);
    if std::env::var_os("WARM").is_some() {
        for _ in 0..50 {
            for q in &pages {
                std::hint::black_box(bonmun::extract(q).map(|a| a.paragraphs.len()).unwrap_or(0));
            }
        }
        let big = grow::grow_page(&pages[0], 1_000_000);
        for _ in 0..20 {
            std::hint::black_box(bonmun::extract(&big).map(|a| a.paragraphs.len()).unwrap_or(0));
        }
    }
    let faults = || {
        std::fs::read_to_string("/proc/self/stat")
            .ok()
            .and_then(|s| s.split_whitespace().nth(9).and_then(|x| x.parse::<u64>().ok()))
            .unwrap_or(0)
    };
    let f0 = faults();
    let mut best = f64::MAX;
    for _ in 0..n {
        let t = std::time::Instant::now();
        std::hint::black_box(bonmun::extract(&p).map(|a| a.paragraphs.len()).unwrap_or(0));
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("minor faults in loop: {} per run", (faults() - f0) / n as u64);
    println!("{mb}MB best {:.2} ms, {:.3} ns/byte", best * 1e3, best * 1e9 / p.len() as f64);
}
