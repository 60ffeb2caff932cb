//! The command line: a hand-written parser, since the grammar is a dozen flags and a list of
//! inputs, and a parser crate would cost more build time than it saves code.

use std::path::PathBuf;

/// How each page is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The title as a `# ` line, then one paragraph a line.
    Text,
    /// Headings, lists, quotes and tables kept.
    Markdown,
    /// One pretty-printed JSON object a page (a stream of JSON values, as `jq` reads them).
    Json,
    /// One JSON object a line.
    Jsonl,
}

impl Format {
    /// The file extension of a page written with `--output`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Json | Format::Jsonl => "json",
        }
    }
}

/// Everything the command line asks for.
#[derive(Debug)]
pub struct Options {
    pub inputs: Vec<String>,
    pub format: Format,
    pub output: Option<PathBuf>,
    /// Worker threads; `None` for one a core.
    pub jobs: Option<usize>,
    pub unordered: bool,
    pub charset: Option<String>,
    pub quiet: bool,
    pub config: bonmun::Config,
}

/// What the command line asks for: a run, or help or the version printed.
#[derive(Debug)]
pub enum Command {
    Run(Box<Options>),
    Help,
    Version,
}

pub const USAGE: &str = "\
usage: bonmun [OPTIONS] INPUT...

Extracts the article body of Korean web pages: saved HTML files, directories of them,
WARC crawls, or standard input.

INPUT is a page (.html, .htm, or any file; .gz is decompressed), a directory (read
recursively for *.html, *.htm, their .gz, and *.warc, *.warc.gz), a WARC or WARC.gz file
(its response records; the HTTP Content-Type charset is used), or - for standard
input: a WARC or WARC.gz stream when its first bytes are a WARC's, else one page.

Options:
  -f, --format FORMAT   text (default), markdown, json, jsonl
      --json-lines      the same as --format jsonl
  -o, --output DIR      write one file per page into DIR instead of standard output
  -j, --jobs N          worker threads (default: one per core)
      --unordered       write pages as they finish, not in input order
      --charset LABEL   decode every page with this charset (e.g. euc-kr), overriding the
                        page and the HTTP header
      --keep-captions   keep photo captions in the text
      --no-tables       leave tables out of the body
      --links           keep the body's links: [text](href) in markdown, links in JSON
      --bias BIAS       balanced (default), precision (drop what may be boilerplate) or
                        recall (keep what may be body)
  -q, --quiet           no progress and no summary on standard error
  -h, --help            print this help
  -V, --version         print the version

Exit status: 0 when every page gave an article, 1 when some gave an error (or a WARC
broke), 2 on bad arguments or inputs that cannot be read.
";

/// Parses the arguments after the program name. The error is a message for the user.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut opts = Options {
        inputs: Vec::new(),
        format: Format::Text,
        output: None,
        jobs: None,
        unordered: false,
        charset: None,
        quiet: false,
        config: bonmun::Config::default(),
    };
    let mut args = args.into_iter();
    let mut only_inputs = false;
    while let Some(arg) = args.next() {
        if only_inputs || arg == "-" || !arg.starts_with('-') {
            opts.inputs.push(arg);
            continue;
        }
        if arg == "--" {
            only_inputs = true;
            continue;
        }
        // `--name=value` and `-jN` as well as `--name value`.
        let (name, mut inline) = match arg.split_once('=') {
            Some((n, v)) if arg.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ if !arg.starts_with("--") && arg.len() > 2 && arg.is_char_boundary(2) => {
                (arg[..2].to_string(), Some(arg[2..].to_string()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            inline.take().or_else(|| args.next()).ok_or_else(|| format!("{name} needs {what}"))
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "-f" | "--format" => {
                opts.format = match value("a format")?.as_str() {
                    "text" | "txt" => Format::Text,
                    "markdown" | "md" => Format::Markdown,
                    "json" => Format::Json,
                    "jsonl" | "json-lines" | "ndjson" => Format::Jsonl,
                    other => {
                        return Err(format!("unknown format {other:?} (text, markdown, json or jsonl)"));
                    }
                }
            }
            "--json-lines" => opts.format = Format::Jsonl,
            "-o" | "--output" => opts.output = Some(PathBuf::from(value("a directory")?)),
            "-j" | "--jobs" => {
                let v = value("a number")?;
                match v.parse::<usize>() {
                    Ok(n) if n > 0 => opts.jobs = Some(n),
                    _ => return Err(format!("{name} needs a number of threads above 0, not {v:?}")),
                }
            }
            "--unordered" => opts.unordered = true,
            "--charset" => {
                let label = value("a charset label")?;
                // The library knows the labels (with Microsoft's names for CP949); asking it
                // with an empty page checks the label before any page is read.
                if let Err(bonmun::Error::UnknownCharset(_)) =
                    bonmun::Extractor::default().extract_with_charset(b"", &label)
                {
                    return Err(format!("unknown charset {label:?} (try utf-8, euc-kr, cp949)"));
                }
                opts.charset = Some(label);
            }
            "--keep-captions" => opts.config.keep_captions = true,
            "--no-tables" => opts.config.keep_tables = false,
            "--links" => opts.config.keep_links = true,
            "--bias" => {
                opts.config.bias = match value("a bias")?.as_str() {
                    "balanced" => bonmun::Bias::Balanced,
                    "precision" => bonmun::Bias::Precision,
                    "recall" => bonmun::Bias::Recall,
                    other => return Err(format!("unknown bias {other:?} (balanced, precision or recall)")),
                }
            }
            "-q" | "--quiet" => opts.quiet = true,
            _ => {
                return Err(format!(
                    "unknown option {arg:?} (a file whose name starts with - goes after --)"
                ));
            }
        }
        if inline.is_some() {
            return Err(format!("{name} takes no value"));
        }
    }
    if opts.inputs.is_empty() {
        return Err("no input given".to_string());
    }
    Ok(Command::Run(Box::new(opts)))
}

#[cfg(test)]
mod tests {
    use super::{Command, Format, parse};

    fn run(args: &[&str]) -> Result<super::Options, String> {
        match parse(args.iter().map(|s| s.to_string()))? {
            Command::Run(o) => Ok(*o),
            other => Err(format!("{other:?}")),
        }
    }

    #[test]
    fn values_inline_or_next() {
        let o = run(&["-j2", "--format=jsonl", "-o", "out", "a.html", "-"]).unwrap();
        assert_eq!(o.jobs, Some(2));
        assert_eq!(o.format, Format::Jsonl);
        assert_eq!(o.output.as_deref(), Some(std::path::Path::new("out")));
        assert_eq!(o.inputs, ["a.html", "-"]);
        let o = run(&["--jobs", "3", "--", "--odd.html"]).unwrap();
        assert_eq!((o.jobs, o.inputs), (Some(3), vec!["--odd.html".to_string()]));
    }

    #[test]
    fn mistakes_are_errors_not_files() {
        assert!(run(&["--frmat", "json", "a.html"]).unwrap_err().contains("unknown option"));
        assert!(run(&["-j", "0", "a.html"]).is_err());
        assert!(run(&["-j"]).unwrap_err().contains("needs"));
        assert!(run(&["--charset", "klingon", "a.html"]).unwrap_err().contains("unknown charset"));
        assert!(run(&["--unordered=yes", "a.html"]).unwrap_err().contains("takes no value"));
        assert!(run(&[]).unwrap_err().contains("no input"));
        assert!(run(&["--charset", "cp949", "a.html"]).is_ok());
    }

    #[test]
    fn library_options_set_the_config() {
        let o = run(&["--keep-captions", "--no-tables", "--links", "--bias", "recall", "a.html"]).unwrap();
        let want = bonmun::Config::default()
            .with_keep_captions(true)
            .with_keep_tables(false)
            .with_keep_links(true)
            .with_bias(bonmun::Bias::Recall);
        assert_eq!(o.config, want);
        assert_eq!(run(&["a.html"]).unwrap().config, bonmun::Config::default());
        assert!(run(&["--bias", "loose", "a.html"]).unwrap_err().contains("unknown bias"));
    }

    #[test]
    fn help_and_version_win() {
        assert!(matches!(parse(["a.html".to_string(), "--help".to_string()]), Ok(Command::Help)));
        assert!(matches!(parse(["-V".to_string()]), Ok(Command::Version)));
    }
}
