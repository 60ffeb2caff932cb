//! The `bonmun` binary end to end: WARC and WARC.gz files built here from corpus pages (with
//! request, metadata and non-HTML records, an HTTP charset that contradicts the page's
//! `<meta>`, and a truncated last record), directories, stdin, and the exit statuses.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_bonmun");

fn corpus(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/raw").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("the binary runs")
}

/// The binary with `input` on its standard input.
fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Written from a thread: the child may fill its stdout pipe before it has read all of it.
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    out
}

fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut gz = Vec::new();
    for r in records {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(r).unwrap();
        gz.extend(enc.finish().unwrap());
    }
    gz
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not one JSON object a line: {e}: {l}")))
        .collect()
}

/// One WARC/1.1 record.
fn record(kind: &str, id: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Date: 2025-01-02T03:04:05Z\r\n\
         WARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http_response(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r
}

const HTTP: &str = "application/http; msgtype=response";

/// A page in EUC-KR whose `<meta>` says UTF-8: only the HTTP header's charset reads it right.
fn euc_kr_page() -> Vec<u8> {
    let page = String::from_utf8(corpus("015-seedlike.html")).unwrap();
    assert!(page.contains(r#"<meta charset="utf-8">"#), "the page declares UTF-8");
    let (bytes, _, _) = encoding_rs::EUC_KR.encode(&page);
    bytes.into_owned()
}

struct Warc {
    records: Vec<Vec<u8>>,
    /// The pages of the HTML response records, in order, with their HTTP charset.
    pages: Vec<(String, Vec<u8>, Option<&'static str>)>,
}

fn crawl() -> Warc {
    let wire = corpus("005-wire.html");
    let it = corpus("010-itnews.html");
    let euc = euc_kr_page();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&[0u8; 200]);
    let records = vec![
        record(
            "warcinfo",
            "00000000-0000-0000-0000-000000000000",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        record(
            "request",
            "00000000-0000-0000-0000-000000000001",
            "https://news.example/a",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
        ),
        record(
            "response",
            "00000000-0000-0000-0000-000000000002",
            "https://news.example/a",
            HTTP,
            &http_response("200 OK", "text/html; charset=utf-8", &wire),
        ),
        record(
            "metadata",
            "00000000-0000-0000-0000-000000000003",
            "https://news.example/a",
            "application/warc-fields",
            b"fetchTimeMs: 120\r\n",
        ),
        record(
            "response",
            "00000000-0000-0000-0000-000000000004",
            "https://news.example/logo.png",
            HTTP,
            &http_response("200 OK", "image/png", &png),
        ),
        record(
            "response",
            "00000000-0000-0000-0000-000000000005",
            "https://news.example/b",
            HTTP,
            &http_response("200 OK", "text/html; charset=EUC-KR", &euc),
        ),
        record(
            "response",
            "00000000-0000-0000-0000-000000000006",
            "https://news.example/c",
            HTTP,
            &http_response("200 OK", "text/html", &it),
        ),
    ];
    let pages = vec![
        ("<urn:uuid:00000000-0000-0000-0000-000000000002>".to_string(), wire, Some("utf-8")),
        ("<urn:uuid:00000000-0000-0000-0000-000000000005>".to_string(), euc, Some("euc-kr")),
        ("<urn:uuid:00000000-0000-0000-0000-000000000006>".to_string(), it, None),
    ];
    Warc { records, pages }
}

/// The article JSON the library gives in process for a page.
fn in_process(page: &[u8], charset: Option<&str>) -> Value {
    let ex = bonmun::Extractor::default();
    let article = match charset {
        Some(c) => ex.extract_with_charset(page, c),
        None => ex.extract(page),
    }
    .expect("corpus pages extract");
    serde_json::to_value(&article).unwrap()
}

fn check_pages(out: &[Value], warc: &Warc, file: &Path) {
    assert_eq!(out.len(), warc.pages.len(), "one line per HTML response record: {out:#?}");
    for (line, (id, page, charset)) in out.iter().zip(&warc.pages) {
        assert_eq!(line["source"]["warc"], file.display().to_string());
        assert_eq!(line["source"]["record_id"], *id);
        assert!(line["source"]["target_uri"].as_str().unwrap().starts_with("https://news.example/"));
        assert_eq!(line["article"], in_process(page, *charset), "record {id}");
    }
}

#[test]
fn warc_response_records_give_one_line_each() {
    let dir = scratch("warc");
    let warc = crawl();
    let path = dir.join("crawl.warc");
    std::fs::write(&path, warc.records.concat()).unwrap();
    let out = run(&["--format", "jsonl", "-j", "2", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    check_pages(&lines(&out), &warc, &path);
    // The HTTP charset was used: the EUC-KR page reads as the UTF-8 original does.
    let utf8 = in_process(&corpus("015-seedlike.html"), None);
    assert_eq!(lines(&out)[1]["article"]["paragraphs"], utf8["paragraphs"]);
    assert_eq!(lines(&out)[1]["article"]["charset"], "EUC-KR");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("3 pages: 3 articles, 0 errors"), "{stderr}");
    assert!(stderr.contains("1 WARC records skipped as not HTML"), "{stderr}");

    // --output: a file a page record, named by the WARC and the record's number in it.
    let out_dir = scratch("warc-out");
    let out = run(&["--json-lines", "-o", out_dir.to_str().unwrap(), path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let mut files: Vec<_> =
        std::fs::read_dir(out_dir.join("crawl")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let names: Vec<_> = files.iter().map(|f| f.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["000002.json", "000005.json", "000006.json"]);
    for (file, (_, page, charset)) in files.iter().zip(&warc.pages) {
        let record: Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
        assert_eq!(record["article"], in_process(page, *charset));
    }
}

#[test]
fn warc_gz_reads_the_same() {
    let dir = scratch("warcgz");
    let warc = crawl();
    // One gzip member a record, as crawlers write them.
    let mut gz = Vec::new();
    for r in &warc.records {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(r).unwrap();
        gz.extend(enc.finish().unwrap());
    }
    let path = dir.join("crawl.warc.gz");
    std::fs::write(&path, &gz).unwrap();
    let out = run(&["--json-lines", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    check_pages(&lines(&out), &warc, &path);
    // Named otherwise, it is still read as a gzipped WARC, by its bytes.
    let odd = dir.join("crawl.bin");
    std::fs::write(&odd, &gz).unwrap();
    let out = run(&["--json-lines", odd.to_str().unwrap()]);
    assert_eq!(lines(&out).len(), 3);
}

#[test]
fn a_warc_on_standard_input_is_known_by_its_first_bytes() {
    let warc = crawl();
    let plain = warc.records.concat();
    assert!(
        plain.len() > 8 << 10 && gzip_members(&warc.records).len() > 8 << 10,
        "the stream is longer than the head read to tell what it is"
    );
    for (name, bytes) in [("WARC", plain.clone()), ("WARC.gz", gzip_members(&warc.records))] {
        let out = run_stdin(&["--json-lines", "-"], &bytes);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        check_pages(&lines(&out), &warc, Path::new("-"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("1 WARC records skipped as not HTML"), "{name}: {stderr}");
    }
    // Cut inside its last record, as a broken download would: the records before it are kept
    // and the break is reported where it happened.
    let cut = plain.len() - 2000;
    let out = run_stdin(&["--json-lines", "-"], &plain[..cut]);
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), warc.pages.len(), "two pages, then the break: {got:#?}");
    assert_eq!(got[2]["error"]["kind"], "warc");
    // A gzipped page that is no WARC is still one page.
    let page = corpus("005-wire.html");
    let out = run_stdin(&["--json-lines", "-"], &gzip_members(std::slice::from_ref(&page)));
    assert_eq!(out.status.code(), Some(0));
    let got = lines(&out);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["source"]["path"], "-");
    assert_eq!(got[0]["article"], in_process(&page, None));
}

#[test]
fn a_truncated_warc_keeps_the_records_before_and_says_where() {
    let dir = scratch("truncated");
    let warc = crawl();
    let whole = warc.records.concat();
    let last = warc.records.last().unwrap();
    let last_offset = whole.len() - last.len();
    let path = dir.join("cut.warc");
    // Cut in the middle of the last record's page.
    std::fs::write(&path, &whole[..last_offset + last.len() / 2]).unwrap();
    let out = run(&["--format=jsonl", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "a broken WARC is an error");
    let out_lines = lines(&out);
    assert_eq!(out_lines.len(), 3, "two pages, then the break: {out_lines:#?}");
    let before = Warc { records: Vec::new(), pages: warc.pages[..2].to_vec() };
    check_pages(&out_lines[..2], &before, &path);
    let broken = &out_lines[2];
    assert_eq!(broken["error"]["kind"], "warc");
    assert_eq!(broken["source"]["offset"], last_offset as u64);
    assert_eq!(broken["source"]["target_uri"], "https://news.example/c");
    assert!(broken["error"]["message"].as_str().unwrap().contains(&last_offset.to_string()));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("byte {last_offset}")));

    // The same in a WARC.gz cut inside the last member.
    let mut gz = Vec::new();
    let mut member_start = 0;
    for r in &warc.records {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(r).unwrap();
        member_start = gz.len();
        gz.extend(enc.finish().unwrap());
    }
    let path = dir.join("cut.warc.gz");
    std::fs::write(&path, &gz[..member_start + (gz.len() - member_start) / 2]).unwrap();
    let out = run(&["--format=jsonl", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let out_lines = lines(&out);
    assert_eq!(out_lines.len(), 3, "{out_lines:#?}");
    check_pages(&out_lines[..2], &before, &path);
    // In a WARC.gz, offsets are those of the gzip members in the file, as CDX indexes give them.
    assert_eq!(out_lines[2]["error"]["kind"], "warc");
    assert_eq!(out_lines[2]["source"]["offset"], member_start as u64);
    assert_eq!(out_lines[2]["source"]["record_id"], "<urn:uuid:00000000-0000-0000-0000-000000000006>");
    assert!(out_lines[2]["error"]["message"].as_str().unwrap().contains(&member_start.to_string()));
}

#[test]
fn a_corrupt_warc_keeps_the_records_before_and_says_where() {
    let dir = scratch("corrupt");
    let warc = crawl();
    // Garbage where the fourth record's header should be; the third (a page) is read whole.
    let mut bytes = warc.records[..3].concat();
    let third_offset = warc.records[..2].concat().len();
    bytes.extend_from_slice(b"GARBAGE, NOT A WARC HEADER\r\n\r\n");
    bytes.extend(warc.records[3..].concat());
    let path = dir.join("corrupt.warc");
    std::fs::write(&path, bytes).unwrap();
    let out = run(&["--json-lines", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let l = lines(&out);
    assert_eq!(l.len(), 2, "{l:#?}");
    assert_eq!(l[0]["article"], in_process(&warc.pages[0].1, warc.pages[0].2));
    assert_eq!(l[1]["error"]["kind"], "warc");
    assert_eq!(l[1]["source"]["offset"], third_offset as u64);
    assert!(
        l[1]["error"]["message"]
            .as_str()
            .unwrap()
            .contains(&format!("after the record at byte {third_offset}"))
    );
}

#[test]
fn output_names_never_clash_and_stay_the_same() {
    let dir = scratch("clash");
    let pages = ["005-wire.html", "010-itnews.html", "015-seedlike.html", "022-forum.html"];
    for d in ["a", "b", "c"] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
    }
    // Two files of one base name; one page beside its own name in another extension; two
    // WARCs of one name.
    std::fs::write(dir.join("a/x.html"), corpus(pages[0])).unwrap();
    std::fs::write(dir.join("b/x.html"), corpus(pages[1])).unwrap();
    std::fs::write(dir.join("c/y.html"), corpus(pages[2])).unwrap();
    std::fs::write(dir.join("c/y.htm"), corpus(pages[3])).unwrap();
    let warc = crawl();
    std::fs::write(dir.join("a/crawl.warc"), warc.records.concat()).unwrap();
    std::fs::write(dir.join("b/crawl.warc"), warc.records.concat()).unwrap();
    let inputs = ["a/x.html", "b/x.html", "c", "a/crawl.warc", "b/crawl.warc"];
    let inputs: Vec<String> = inputs.iter().map(|i| dir.join(i).to_str().unwrap().to_string()).collect();
    let listing = |out_dir: &Path| {
        let mut files = Vec::new();
        let mut stack = vec![out_dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let bytes = std::fs::read(&p).unwrap();
                    files.push((p.strip_prefix(out_dir).unwrap().to_path_buf(), bytes));
                }
            }
        }
        files.sort();
        files
    };
    let mut runs = Vec::new();
    for jobs in ["1", "2"] {
        let out_dir = scratch(&format!("clash-out-{jobs}"));
        let mut args = vec!["--json-lines", "-j", jobs, "-o", out_dir.to_str().unwrap()];
        args.extend(inputs.iter().map(String::as_str));
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        runs.push(listing(&out_dir));
    }
    let files = &runs[0];
    assert_eq!(files, &runs[1], "the same names and contents on every run");
    let names: Vec<String> = files.iter().map(|(p, _)| p.to_string_lossy().into_owned()).collect();
    // 4 pages and 3 HTML records in each WARC: each a file of its own.
    assert_eq!(files.len(), 4 + 2 * warc.pages.len(), "{names:?}");
    let page = |name: &str| -> Value {
        let (_, bytes) =
            files.iter().find(|(p, _)| p == Path::new(name)).unwrap_or_else(|| panic!("{name}: {names:?}"));
        serde_json::from_slice::<Value>(bytes).unwrap()["article"].clone()
    };
    assert_eq!(page("x.json"), in_process(&corpus(pages[0]), None));
    assert_eq!(page("x-2.json"), in_process(&corpus(pages[1]), None));
    // In the directory, name order: y.htm before y.html.
    assert_eq!(page("y.json"), in_process(&corpus(pages[3]), None));
    assert_eq!(page("y-2.json"), in_process(&corpus(pages[2]), None));
    for d in ["crawl", "crawl-2"] {
        assert_eq!(page(&format!("{d}/000002.json")), in_process(&warc.pages[0].1, warc.pages[0].2));
    }
}

#[test]
fn directories_in_order_on_any_number_of_threads() {
    let dir = scratch("dir");
    let names =
        ["005-wire.html", "010-itnews.html", "015-seedlike.html", "022-forum.html", "031-photonews.html"];
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    for (i, n) in names.iter().enumerate() {
        let target = if i % 2 == 0 { dir.join(n) } else { dir.join("sub").join(n) };
        std::fs::write(target, corpus(n)).unwrap();
    }
    // A gzipped page, and a file that is not a page at all, which the walk leaves alone.
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(&corpus("001-portal.html")).unwrap();
    std::fs::write(dir.join("sub/001-portal.html.gz"), enc.finish().unwrap()).unwrap();
    std::fs::write(dir.join("notes.txt"), "not a page").unwrap();
    // A link back to the top is not followed: the walk ends, each page once.
    #[cfg(unix)]
    std::os::unix::fs::symlink(&dir, dir.join("sub/loop")).unwrap();

    let d = dir.to_str().unwrap();
    let one = run(&["--json-lines", "-j1", d]);
    let two = run(&["--json-lines", "-j", "2", d]);
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(one.stdout, two.stdout, "input order whatever the threads");
    let sources: Vec<String> =
        lines(&one).iter().map(|l| l["source"]["path"].as_str().unwrap().to_string()).collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted, "name order");
    assert_eq!(sources.len(), 6);
    for l in lines(&one) {
        let path = l["source"]["path"].as_str().unwrap();
        let bytes =
            if path.ends_with(".gz") { corpus("001-portal.html") } else { std::fs::read(path).unwrap() };
        assert_eq!(l["article"], in_process(&bytes, None), "{path}");
    }
    // --format json: the same records, pretty-printed, as a stream of JSON values.
    let pretty = run(&["-f", "json", d]);
    let values: Vec<Value> =
        serde_json::Deserializer::from_slice(&pretty.stdout).into_iter().map(|v| v.unwrap()).collect();
    assert_eq!(values, lines(&one));
    let unordered = run(&["--json-lines", "--unordered", "-j2", d]);
    let mut got: Vec<String> =
        String::from_utf8(unordered.stdout).unwrap().lines().map(String::from).collect();
    let mut want: Vec<String> = String::from_utf8(one.stdout).unwrap().lines().map(String::from).collect();
    got.sort();
    want.sort();
    assert_eq!(got, want, "--unordered loses nothing");

    // --output: one file a page, under the input's own layout.
    let out_dir = scratch("dir-out");
    let out = run(&["-o", out_dir.to_str().unwrap(), "-f", "markdown", d]);
    assert_eq!(out.status.code(), Some(0));
    let md = std::fs::read_to_string(out_dir.join("sub/010-itnews.md")).unwrap();
    let article = bonmun::extract(&corpus("010-itnews.html")).unwrap();
    assert!(md.contains(&article.markdown()));
    assert!(out_dir.join("005-wire.md").is_file() && out_dir.join("sub/001-portal.md").is_file());
}

#[test]
fn stdin_text_and_the_charset_flag() {
    let page = euc_kr_page();
    let mut child = Command::new(BIN)
        .args(["--charset", "cp949", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&page).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let article = bonmun::extract(&corpus("015-seedlike.html")).unwrap();
    let want = format!("# {}\n{}\n", article.title.as_deref().unwrap(), article.text());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
}

#[test]
fn failed_pages_are_records_and_exit_1() {
    let dir = scratch("fail");
    let png = dir.join("image.html");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").unwrap();
    let good = dir.join("good.html");
    std::fs::write(&good, corpus("005-wire.html")).unwrap();
    let out = run(&["--json-lines", png.to_str().unwrap(), good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let l = lines(&out);
    assert_eq!(l.len(), 2, "the batch goes on");
    assert_eq!(l[0]["error"]["kind"], "not_html");
    assert!(l[0]["error"]["message"].as_str().unwrap().contains("not an HTML"));
    assert!(l[0].get("article").is_none());
    assert_eq!(l[1]["article"], in_process(&corpus("005-wire.html"), None));
    // In text, the error goes to stderr, named by its file.
    let out = run(&[png.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("image.html: not_html"));
}

#[test]
fn exit_statuses_and_messages() {
    let dir = scratch("status");
    let page = dir.join("p.html");
    std::fs::write(&page, corpus("005-wire.html")).unwrap();
    let p = page.to_str().unwrap();
    let empty = scratch("status-empty");

    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("--format"));
    let version = run(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("bonmun "));

    for (args, says) in [
        (vec!["--frobnicate", p], "unknown option"),
        (vec![], "no input"),
        (vec!["--format", "yaml", p], "unknown format"),
        (vec!["--charset", "nonsense", p], "unknown charset"),
        (vec![dir.join("missing.html").to_str().unwrap(), p], "no such file"),
        (vec![empty.to_str().unwrap()], "holds no .html"),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        if says == "no such file" {
            assert!(out.stdout.is_empty(), "nothing is written before a missing input is named");
        }
    }
    assert_eq!(run(&["-q", p]).status.code(), Some(0));
    assert!(run(&["-q", p]).stderr.is_empty(), "--quiet");
}

#[test]
fn links_only_when_asked() {
    let dir = scratch("links");
    let page = dir.join("linked.html");
    std::fs::write(
        &page,
        "<html><body><nav><a href='/'>홈</a> <a href='/news'>뉴스</a></nav><article>\
         <p>시의회는 어제 <a href='https://example.com/budget'>내년 예산안</a>을 통과시켰다고 밝혔다. \
         예산은 지난해보다 4% 늘었다.</p>\
         <p>시는 <a href='#note'>자세한 내용</a>을 다음 주에 공개할 계획이라고 설명했다.</p></article></body></html>",
    )
    .unwrap();
    let p = page.to_str().unwrap();
    let md = run(&["-q", "--links", "--format", "markdown", p]);
    assert_eq!(md.status.code(), Some(0));
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("시의회는 어제 [내년 예산안](https://example.com/budget)을 통과시켰다고"), "{md}");
    // A fragment of the same page is no link; the menu's links are not the body's.
    assert!(md.contains("시는 자세한 내용을") && !md.contains("](/news)"), "{md}");
    let json = lines(&run(&["-q", "--links", "--json-lines", p]));
    let first = &json[0]["article"]["blocks"][0];
    let link = &first["links"][0];
    let text = first["text"].as_str().unwrap().as_bytes();
    let (start, end) = (link["start"].as_u64().unwrap() as usize, link["end"].as_u64().unwrap() as usize);
    assert_eq!(std::str::from_utf8(&text[start..end]).unwrap(), "내년 예산안");
    assert_eq!(link["href"], "https://example.com/budget");
    // Without the flag: the same text, and no link anywhere.
    let plain = lines(&run(&["-q", "--json-lines", p]));
    assert_eq!(plain[0]["article"]["blocks"][0]["text"], first["text"]);
    assert!(!serde_json::to_string(&plain[0]).unwrap().contains("\"links\""));
    let md = String::from_utf8(run(&["-q", "--format", "markdown", p]).stdout).unwrap();
    assert!(md.contains("시의회는 어제 내년 예산안을"), "{md}");
}
