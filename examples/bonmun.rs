//! Prints the article body of each page named on the command line, one paragraph a line.
//!
//!     cargo run --release --example bonmun -- PAGE.html [MORE.html ...]

use std::process::ExitCode;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: bonmun PAGE.html [MORE.html ...]");
        return ExitCode::from(2);
    }
    let many = paths.len() > 1;
    let mut failed = false;
    for path in &paths {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        if many {
            println!("==> {path} <==");
        }
        match bonmun::extract(&bytes) {
            Ok(article) => {
                if let Some(title) = &article.title {
                    println!("# {title}");
                }
                println!("{}", article.text());
            }
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
            }
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
