//! Scores bonmun on a folder of pages with gold answers, and optionally on the
//! article-extraction benchmark, with the metrics of `bonmun::eval`.
//!
//! ```text
//! cargo run --release --example eval -- DIR [--pred-out OUT] [--aeb AEB_DIR] [--bias BIAS]
//! ```
//!
//! - `DIR` holds `raw/<id>.html` and `gold/<id>.txt` (like the real-pages corpus). Prints a
//!   per-page table and the corpus summary, in the shape of `score.py --per-page`.
//! - `--pred-out OUT` writes `OUT/<id>.txt` (the extracted text) and `OUT/<id>.title` (the
//!   title, when there is one), so `score.py --gold DIR/gold --pred OUT` can check the figures;
//!   benchmark predictions go to `OUT/aeb/<id>.txt` for `score_aeb.py --pred OUT/aeb`.
//! - `--bias precision|balanced|recall` extracts with that `Config::bias` (README: what each
//!   bias moves).
//! - `--aeb AEB_DIR` reads `AEB_DIR/ground-truth.json` and `AEB_DIR/html/<id>.html.gz` and
//!   prints the benchmark's precision, recall and F1.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bonmun::eval::{self, AebSummary, Gold, PageScore, Summary};

/// The `--bias` of the run: set once before any page is read.
static BIAS: std::sync::OnceLock<bonmun::Bias> = std::sync::OnceLock::new();

struct Args {
    dir: Option<PathBuf>,
    pred_out: Option<PathBuf>,
    aeb: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { dir: None, pred_out: None, aeb: None };
    let mut it = std::env::args_os().skip(1);
    while let Some(arg) = it.next() {
        match arg.to_str() {
            Some("--pred-out") => args.pred_out = Some(it.next().ok_or("--pred-out needs a folder")?.into()),
            Some("--aeb") => args.aeb = Some(it.next().ok_or("--aeb needs a folder")?.into()),
            Some("--bias") => {
                let bias = match it.next().as_ref().and_then(|b| b.to_str()) {
                    Some("precision") => bonmun::Bias::Precision,
                    Some("balanced") => bonmun::Bias::Balanced,
                    Some("recall") => bonmun::Bias::Recall,
                    _ => return Err("--bias needs precision, balanced or recall".into()),
                };
                let _ = BIAS.set(bias);
            }
            Some("-h" | "--help") => return Err(String::new()),
            Some(s) if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ if args.dir.is_none() => args.dir = Some(arg.into()),
            _ => return Err(format!("unexpected argument {}", arg.to_string_lossy())),
        }
    }
    if args.dir.is_none() && args.aeb.is_none() {
        return Err("give DIR and/or --aeb AEB_DIR".into());
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("error: {msg}");
            }
            eprintln!("usage: eval DIR [--pred-out OUT] [--aeb AEB_DIR] [--bias precision|balanced|recall]");
            return ExitCode::FAILURE;
        }
    };
    let mut result = Ok(());
    if let Some(dir) = &args.dir {
        result = result.and(run_gold(dir, args.pred_out.as_deref()));
    }
    if let Some(aeb) = &args.aeb {
        result =
            result.and_then(|()| run_aeb(aeb, args.pred_out.as_deref().map(|p| p.join("aeb")).as_deref()));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::FAILURE
        }
    }
}

/// What bonmun made of one page: the text (empty when extraction failed) and the title.
struct Output {
    text: String,
    title: Option<String>,
    error: Option<String>,
}

fn extract(html: &[u8]) -> Output {
    let bias = BIAS.get().copied().unwrap_or_default();
    match bonmun::Extractor::new(bonmun::Config::default().with_bias(bias)).extract(html) {
        Ok(article) => Output { text: article.text(), title: article.title.clone(), error: None },
        Err(e) => Output { text: String::new(), title: None, error: Some(e.to_string()) },
    }
}

fn write_pred(out: &Path, id: &str, pred: &Output) -> Result<(), String> {
    let write = |name: String, text: &str| {
        fs::write(out.join(&name), format!("{text}\n")).map_err(|e| format!("writing {name}: {e}"))
    };
    write(format!("{id}.txt"), &pred.text)?;
    if let Some(title) = &pred.title {
        write(format!("{id}.title"), title)?;
    }
    Ok(())
}

/// The stems of `dir/*.ext`, sorted (the order score.py uses).
fn stems(dir: &Path, ext: &str) -> Result<Vec<String>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut ids: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|name| Some(name.strip_suffix(ext)?.to_string()))
        .collect();
    ids.sort();
    Ok(ids)
}

fn run_gold(dir: &Path, pred_out: Option<&Path>) -> Result<(), String> {
    if let Some(out) = pred_out {
        fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let (mut scores, mut missing, mut errors) = (Vec::new(), 0, 0);
    let (mut title_pages, mut title_hits) = (0, 0);
    println!("{:30} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}", "id", "P", "R", "F1", "TP", "extra", "|R|");
    for id in stems(&dir.join("gold"), ".txt")? {
        let gold_bytes =
            fs::read(dir.join("gold").join(format!("{id}.txt"))).map_err(|e| format!("gold {id}: {e}"))?;
        let gold = Gold::parse(&String::from_utf8_lossy(&gold_bytes));
        if gold.required.is_empty() {
            eprintln!("warning: gold {id} has no required token");
        }
        // A page without its raw file is scored as empty output, as score.py does for a
        // missing prediction.
        let (pred, note) = match fs::read(dir.join("raw").join(format!("{id}.html"))) {
            Ok(html) => {
                let pred = extract(&html);
                let note = pred.error.as_ref().map(|e| format!("  (error: {e})")).unwrap_or_default();
                errors += usize::from(pred.error.is_some());
                (pred, note)
            }
            Err(_) => {
                missing += 1;
                (Output { text: String::new(), title: None, error: None }, "  (missing)".to_string())
            }
        };
        if let Some(out) = pred_out {
            write_pred(out, &id, &pred)?;
        }
        if let Some(gold_title) = gold.title() {
            title_pages += 1;
            title_hits +=
                usize::from(pred.title.as_deref().is_some_and(|t| eval::title_matches(t, gold_title)));
        }
        let s = eval::score_page(&pred.text, &gold);
        print_row(&id, &s, &note);
        scores.push(s);
    }
    let s = Summary::of(&scores);
    print!(
        "pages {} (missing pred {missing})  macro P {:.4}  macro R {:.4}  macro F1 {:.4}  median F1 {:.4}  \
         failures(F1<{}) {}",
        s.pages,
        s.macro_precision,
        s.macro_recall,
        s.macro_f1,
        s.median_f1,
        eval::FAIL_F1,
        s.failures
    );
    println!("{}", if errors > 0 { format!("  extraction errors {errors}") } else { String::new() });
    if title_pages > 0 {
        let rate = title_hits as f64 / title_pages as f64;
        println!("title exact match {rate:.4} over {title_pages} pages with a gold title");
    }
    Ok(())
}

fn print_row(id: &str, s: &PageScore, note: &str) {
    let id: String = id.chars().take(30).collect();
    println!(
        "{id:30} {:6.3} {:6.3} {:6.3} {:6} {:6} {:6}{note}",
        s.precision, s.recall, s.f1, s.tp, s.extra, s.required
    );
}

fn run_aeb(dir: &Path, pred_out: Option<&Path>) -> Result<(), String> {
    let truth_path = dir.join("ground-truth.json");
    let json = fs::read_to_string(&truth_path).map_err(|e| format!("{}: {e}", truth_path.display()))?;
    let truth = match json::parse(&json).map_err(|e| format!("{}: {e}", truth_path.display()))? {
        json::Value::Object(entries) => entries,
        _ => return Err(format!("{}: not a JSON object", truth_path.display())),
    };
    if let Some(out) = pred_out {
        fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let (mut pages, mut unreadable) = (Vec::new(), 0);
    for (id, entry) in &truth {
        let body = entry.get("articleBody").and_then(json::Value::as_str).unwrap_or("");
        // As in score_aeb.py, a page we cannot read or extract counts as empty output.
        let pred = match gunzip(&dir.join("html").join(format!("{id}.html.gz"))) {
            Ok(html) => extract(&html),
            Err(e) => {
                eprintln!("warning: {id}: {e}");
                unreadable += 1;
                Output { text: String::new(), title: None, error: None }
            }
        };
        if let Some(out) = pred_out {
            write_pred(out, id, &pred)?;
        }
        pages.push(eval::aeb_page(body, &pred.text));
    }
    let s = AebSummary::of(&pages);
    println!(
        "aeb pages {} (unreadable {unreadable})  precision {:.3}  recall {:.3}  F1 {:.3}",
        s.pages, s.precision, s.recall, s.f1
    );
    Ok(())
}

fn gunzip(path: &Path) -> Result<Vec<u8>, String> {
    let file = fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut html = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut html)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(html)
}

/// Just enough JSON for `ground-truth.json`: objects and strings are kept (with every string
/// escape, surrogate pairs included); numbers, literals and arrays are checked loosely and
/// dropped.
mod json {
    /// A parsed value; object entries keep the file's order.
    pub enum Value {
        Object(Vec<(String, Value)>),
        String(String),
        Other,
    }

    impl Value {
        pub fn get(&self, key: &str) -> Option<&Value> {
            match self {
                Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
                _ => None,
            }
        }

        pub fn as_str(&self) -> Option<&str> {
            match self {
                Value::String(s) => Some(s),
                _ => None,
            }
        }
    }

    pub fn parse(text: &str) -> Result<Value, String> {
        let mut p = Parser { s: text.as_bytes(), i: 0 };
        let v = p.value()?;
        p.ws();
        if p.i != p.s.len() {
            return Err(p.err("trailing characters"));
        }
        Ok(v)
    }

    struct Parser<'a> {
        s: &'a [u8],
        i: usize,
    }

    impl Parser<'_> {
        fn err(&self, what: &str) -> String {
            format!("JSON: {what} at byte {}", self.i)
        }

        fn ws(&mut self) {
            while self.s.get(self.i).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
                self.i += 1;
            }
        }

        fn eat(&mut self, b: u8) -> bool {
            self.ws();
            let hit = self.s.get(self.i) == Some(&b);
            self.i += usize::from(hit);
            hit
        }

        fn value(&mut self) -> Result<Value, String> {
            self.ws();
            match self.s.get(self.i) {
                Some(b'{') => self.object(),
                Some(b'[') => {
                    self.i += 1;
                    if !self.eat(b']') {
                        loop {
                            self.value()?;
                            if self.eat(b']') {
                                break;
                            }
                            if !self.eat(b',') {
                                return Err(self.err("expected , or ]"));
                            }
                        }
                    }
                    Ok(Value::Other)
                }
                Some(b'"') => Ok(Value::String(self.string()?)),
                Some(b) if b.is_ascii_alphanumeric() || *b == b'-' => {
                    // A number, true, false or null: skip its characters.
                    while self.s.get(self.i).is_some_and(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b))
                    {
                        self.i += 1;
                    }
                    Ok(Value::Other)
                }
                _ => Err(self.err("expected a value")),
            }
        }

        fn object(&mut self) -> Result<Value, String> {
            self.i += 1; // '{'
            let mut entries = Vec::new();
            if self.eat(b'}') {
                return Ok(Value::Object(entries));
            }
            loop {
                self.ws();
                if self.s.get(self.i) != Some(&b'"') {
                    return Err(self.err("expected a key"));
                }
                let key = self.string()?;
                if !self.eat(b':') {
                    return Err(self.err("expected :"));
                }
                entries.push((key, self.value()?));
                if self.eat(b'}') {
                    return Ok(Value::Object(entries));
                }
                if !self.eat(b',') {
                    return Err(self.err("expected , or }"));
                }
            }
        }

        /// A string starting at the opening quote. Unescaped bytes are copied as they are: the
        /// input is a &str and every split point is an ASCII byte, so the result stays UTF-8.
        fn string(&mut self) -> Result<String, String> {
            self.i += 1; // '"'
            let mut out = String::new();
            let mut start = self.i;
            loop {
                match self.s.get(self.i) {
                    None => return Err(self.err("unterminated string")),
                    Some(b'"') => {
                        out.push_str(&String::from_utf8_lossy(&self.s[start..self.i]));
                        self.i += 1;
                        return Ok(out);
                    }
                    Some(b'\\') => {
                        out.push_str(&String::from_utf8_lossy(&self.s[start..self.i]));
                        self.i += 1;
                        let c = self.escape()?;
                        out.push(c);
                        start = self.i;
                    }
                    Some(_) => self.i += 1,
                }
            }
        }

        /// The escape after a backslash. A lone surrogate becomes U+FFFD.
        fn escape(&mut self) -> Result<char, String> {
            let b = *self.s.get(self.i).ok_or_else(|| self.err("unterminated escape"))?;
            self.i += 1;
            Ok(match b {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let hi = self.hex4()?;
                    if (0xD800..0xDC00).contains(&hi) && self.s[self.i..].starts_with(b"\\u") {
                        let save = self.i;
                        self.i += 2;
                        let lo = self.hex4()?;
                        if (0xDC00..0xE000).contains(&lo) {
                            return Ok(char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                                .unwrap_or('\u{FFFD}'));
                        }
                        self.i = save; // not a pair: the second escape stands on its own
                    }
                    char::from_u32(hi).unwrap_or('\u{FFFD}')
                }
                _ => return Err(self.err("bad escape")),
            })
        }

        fn hex4(&mut self) -> Result<u32, String> {
            let digits = self.s.get(self.i..self.i + 4).ok_or_else(|| self.err("short \\u escape"))?;
            let v = std::str::from_utf8(digits)
                .ok()
                .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
                .and_then(|d| u32::from_str_radix(d, 16).ok())
                .ok_or_else(|| self.err("bad \\u escape"))?;
            self.i += 4;
            Ok(v)
        }
    }
}
