//! Prints the article body of each page named on the command line.
//!
//!     cargo run --release --example bonmun -- [--format text|markdown|json] [--json-lines] PAGE.html...
//!
//! `text` (the default) prints the title as a `# ` line, then one paragraph a line. `markdown`
//! keeps headings, lists, quotes and tables. `json` prints the whole `Article`
//! (`schema/article.schema.json`). `--json-lines` prints one JSON object a line for many files,
//! `{"file": …, "article": {…}}` or `{"file": …, "error": "…"}`, the article with the same keys
//! in the same order as `json`. The JSON formats need the `serde` feature (on in this
//! repository's checkout; `--features serde` in the packaged crate).

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Markdown,
    Json,
}

fn usage() -> ExitCode {
    eprintln!("usage: bonmun [--format text|markdown|json] [--json-lines] PAGE.html [MORE.html ...]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut format = Format::Text;
    let mut json_lines = false;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" | "-f" => {
                format = match args.next().as_deref() {
                    Some("text") => Format::Text,
                    Some("markdown" | "md") => Format::Markdown,
                    Some("json") => Format::Json,
                    _ => return usage(),
                }
            }
            "--json-lines" => json_lines = true,
            "-h" | "--help" => return usage(),
            _ => paths.push(arg),
        }
    }
    if paths.is_empty() {
        return usage();
    }
    let many = paths.len() > 1 && !json_lines;
    let mut failed = false;
    // Each page's output is written whole; a reader that goes away (`| head`) ends the run
    // quietly, as other command-line tools do, instead of a panic from `println!`.
    let mut stdout = std::io::stdout().lock();
    let mut out = String::new();
    for path in &paths {
        if let Err(e) = stdout.write_all(out.as_bytes()) {
            return write_failed(&e);
        }
        out.clear();
        let result = std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| bonmun::extract(&bytes).map_err(|e| e.to_string()));
        if json_lines {
            match json_line(path, &result) {
                Ok(line) => {
                    let _ = writeln!(out, "{line}");
                }
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::from(2);
                }
            }
            failed |= result.is_err();
            continue;
        }
        let article = match result {
            Ok(a) => a,
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        if many {
            let _ = writeln!(out, "==> {path} <==");
        }
        match format {
            Format::Text => {
                if let Some(title) = &article.title {
                    let _ = writeln!(out, "# {title}");
                }
                let _ = writeln!(out, "{}", article.text());
            }
            Format::Markdown => {
                if let Some(title) = &article.title {
                    let _ = writeln!(out, "# {title}\n");
                }
                out.push_str(&article.markdown());
            }
            Format::Json => match pretty_json(&article) {
                Ok(s) => {
                    let _ = writeln!(out, "{s}");
                }
                Err(e) => {
                    eprintln!("{path}: {e}");
                    failed = true;
                }
            },
        }
    }
    if let Err(e) = stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        return write_failed(&e);
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// A closed pipe is the reader's choice to stop; any other write error is reported.
fn write_failed(e: &std::io::Error) -> ExitCode {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("bonmun: cannot write output: {e}");
    ExitCode::from(2)
}

/// One line of `--json-lines`. Written as text, not through `serde_json::json!`: its map sorts
/// keys alphabetically, and the article's keys are to keep their order (the schema's).
#[cfg(feature = "serde")]
fn json_line(path: &str, result: &Result<bonmun::Article, String>) -> Result<String, String> {
    let file = serde_json::to_string(path).map_err(|e| e.to_string())?;
    Ok(match result {
        Ok(article) => {
            format!(
                "{{\"file\":{file},\"article\":{}}}",
                serde_json::to_string(article).map_err(|e| e.to_string())?
            )
        }
        Err(e) => {
            format!("{{\"file\":{file},\"error\":{}}}", serde_json::to_string(e).map_err(|e| e.to_string())?)
        }
    })
}

#[cfg(feature = "serde")]
fn pretty_json(article: &bonmun::Article) -> Result<String, String> {
    serde_json::to_string_pretty(article).map_err(|e| e.to_string())
}

/// Without the `serde` feature there is no JSON to print: say how to get it.
#[cfg(not(feature = "serde"))]
const NO_SERDE: &str = "JSON output needs the serde feature: run with --features serde";

#[cfg(not(feature = "serde"))]
fn json_line(_: &str, _: &Result<bonmun::Article, String>) -> Result<String, String> {
    Err(NO_SERDE.to_string())
}

#[cfg(not(feature = "serde"))]
fn pretty_json(_: &bonmun::Article) -> Result<String, String> {
    Err(NO_SERDE.to_string())
}
