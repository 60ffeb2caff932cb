"""Runs the Spark job in local[2] mode on WARC files built from the corpus pages, and checks
that every response record comes out once, with the text bonmun gives for it."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
warcio = pytest.importorskip("warcio")

from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

import bonmun  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
import bonmun_warc  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
# Three WARC files over two tasks: one task reads two files in a row.
WARC_FILES = 3


def write_warcs(tmp: Path) -> tuple[Path, dict[str, tuple[bytes, str | None]]]:
    """WARC files with a request and a response record a page, an EUC-KR page whose charset
    only the HTTP header gives, and an image; returns the list file and, by record id, each
    response's body and HTTP charset."""
    responses: dict[str, tuple[bytes, str | None]] = {}
    bodies = [(p.name, p.read_bytes(), "text/html; charset=utf-8") for p in sorted((REPO / "corpus" / "raw").glob("*.html"))]
    euc = bodies[4][1].decode("utf-8").replace('charset="utf-8"', "").replace("charset=utf-8", "")
    bodies.append(("euc-kr.html", euc.encode("euc-kr", "xmlcharrefreplace"), 'text/html; charset="EUC-KR"'))
    bodies.append(("pixel.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "image/png"))
    paths = []
    for n in range(WARC_FILES):
        path = tmp / f"test-{n}.warc.gz"
        with open(path, "wb") as out:
            writer = WARCWriter(out, gzip=True)
            for name, body, ctype in bodies[n::WARC_FILES]:
                url = f"https://news.example/{name}"
                req = writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""),
                    http_headers=StatusAndHeaders("GET /" + name + " HTTP/1.1", [("Host", "news.example")], is_http_request=True),
                )  # fmt: skip
                http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
                resp = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
                writer.write_record(req)
                writer.write_record(resp)
                responses[resp.rec_headers.get_header("WARC-Record-ID")] = (body, bonmun_warc.http_charset(ctype))
        paths.append(path)
    listing = tmp / "warc_paths.txt"
    listing.write_text("".join(f"file://{p}\n" for p in paths))
    return listing, responses


def expected_row(body: bytes, charset: str | None) -> tuple:
    try:
        a = bonmun.extract(body, charset)
    except bonmun.BonmunError as e:
        return (None, None, [], None, type(e).__name__)
    return (a.title, a.published, a.authors, a.text, None)


def test_local_spark_job(tmp_path):
    from pyspark.sql import SparkSession

    listing, responses = write_warcs(tmp_path)
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the executors import the same bonmun
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("bonmun-warc-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        out = str(tmp_path / "articles.parquet")
        bonmun_warc.run(spark, str(listing), out, partitions=2)
        rows = spark.read.parquet(out).collect()
    finally:
        spark.stop()

    ids = [r.warc_record_id for r in rows]
    assert sorted(ids) == sorted(responses), "every response record once, no request record"
    for r in rows:
        body, charset = responses[r.warc_record_id]
        title, published, authors, text, error = expected_row(body, charset)
        assert r.url.startswith("https://news.example/")
        assert (r.title, r.published, list(r.authors or []), r.text) == (title, published, authors, text), r.url
        assert (r.error or "").split(":")[0] == (error or ""), r.url
    by_url = {r.url.rsplit("/", 1)[1]: r for r in rows}
    assert by_url["pixel.png"].error.startswith("NotHtmlError")
    # The EUC-KR copy reads as the UTF-8 page it was made from.
    utf8 = sorted((REPO / "corpus" / "raw").glob("*.html"))[4]
    assert by_url["euc-kr.html"].text == by_url[utf8.name].text
    assert by_url["euc-kr.html"].error is None
