//! Prints the article body of each page named on the command line.
//!
//!     cargo run --release --example bonmun -- [--format text|markdown|json] [--json-lines] PAGE.html...
//!
//! `text` (the default) prints the title as a `# ` line, then one paragraph a line. `markdown`
//! keeps headings, lists, quotes and tables. `json` prints the whole `Article`. `--json-lines`
//! prints one JSON object a line, with the file name, for many files.

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
    for path in &paths {
        let result = std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| bonmun::extract(&bytes).map_err(|e| e.to_string()));
        if json_lines {
            let line = match &result {
                Ok(article) => serde_json::json!({ "file": path, "article": article }),
                Err(e) => serde_json::json!({ "file": path, "error": e }),
            };
            println!("{line}");
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
            println!("==> {path} <==");
        }
        match format {
            Format::Text => {
                if let Some(title) = &article.title {
                    println!("# {title}");
                }
                println!("{}", article.text());
            }
            Format::Markdown => {
                if let Some(title) = &article.title {
                    println!("# {title}\n");
                }
                print!("{}", article.markdown());
            }
            Format::Json => match serde_json::to_string_pretty(&article) {
                Ok(s) => println!("{s}"),
                Err(e) => {
                    eprintln!("{path}: {e}");
                    failed = true;
                }
            },
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
