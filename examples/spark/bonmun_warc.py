"""Extracts the article of every HTTP response in a list of WARC files, with bonmun on Spark.

In the style of cc-pyspark: the input is a text file with one WARC path or URL a line; each
Spark task reads its WARC files one record at a time (warcio), calls ``bonmun.extract`` with the
charset of the HTTP Content-Type header, and the job writes one Parquet row per response
record::

    spark-submit examples/spark/bonmun_warc.py warc_paths.txt out/articles.parquet

Columns: url, warc_record_id, title, published (ISO 8601), authors, text, error (the bonmun
exception class and message when the page gave no article; then title and text are null).
Paths may be local, ``file:``, ``s3://`` (needs boto3 on the executors) or ``http(s)://``.
"""

from __future__ import annotations

import argparse
import re
import sys
import urllib.request
from typing import IO, Iterable, Iterator

import bonmun

# The Parquet schema, as a Spark DDL string (kept here so the job and its readers agree).
SCHEMA = (
    "url string, warc_record_id string, title string, published string, "
    "authors array<string>, text string, error string"
)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^\"';\s]+)", re.IGNORECASE)


def open_warc(path: str) -> IO[bytes]:
    """A binary stream over a WARC file named by a local path or a URL."""
    if path.startswith("s3://"):
        import boto3  # only the cluster needs it

        bucket, _, key = path[len("s3://") :].partition("/")
        return boto3.client("s3").get_object(Bucket=bucket, Key=key)["Body"]
    if path.startswith(("http://", "https://")):
        return urllib.request.urlopen(path)  # noqa: S310 - paths come from the job's own list
    if path.startswith("file:"):
        path = re.sub(r"^file:(//)?", "", path)
    return open(path, "rb")


def http_charset(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header, if any."""
    m = _CHARSET.search(content_type or "")
    return m.group(1) if m else None


def extract_record(url: str | None, record_id: str | None, body: bytes, charset: str | None) -> dict:
    """One output row; bonmun's errors become the row's error, never the task's."""
    row = {"url": url, "warc_record_id": record_id, "title": None, "published": None,
           "authors": [], "text": None, "error": None}  # fmt: skip
    try:
        try:
            article = bonmun.extract(body, charset)
        except bonmun.UnknownCharsetError:
            # A header naming no real charset says nothing: let bonmun read the page's own.
            article = bonmun.extract(body)
    except bonmun.BonmunError as e:
        row["error"] = f"{type(e).__name__}: {e}"
        return row
    row.update(title=article.title, published=article.published, authors=article.authors, text=article.text)
    return row


def process_warc(path: str) -> Iterator[dict]:
    """Rows for every response record of one WARC file."""
    from warcio.archiveiterator import ArchiveIterator

    with open_warc(path) as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            headers = record.http_headers
            content_type = headers.get_header("Content-Type") if headers else None
            yield extract_record(
                record.rec_headers.get_header("WARC-Target-URI"),
                record.rec_headers.get_header("WARC-Record-ID"),
                record.content_stream().read(),
                http_charset(content_type),
            )


def process_partition(paths: Iterable[str]) -> Iterator[dict]:
    """The mapPartitions function: every WARC of the partition, one after another."""
    for path in paths:
        path = path.strip()
        if path and not path.startswith("#"):
            yield from process_warc(path)


def run(spark, input_list: str, output: str, partitions: int | None = None) -> None:
    """Reads the WARC list, extracts on the executors, writes Parquet to `output`."""
    sc = spark.sparkContext
    if __name__ != "__main__":
        # Imported by a driver program (or a test): the executors need this module too; run
        # as spark-submit's main file, its functions travel pickled by value.
        sc.addPyFile(__file__)
    paths = sc.textFile(input_list, minPartitions=partitions or sc.defaultParallelism)
    if partitions:
        # One WARC a task at most, so a cluster spreads a short list over all its cores.
        paths = paths.repartition(partitions)
    rows = paths.mapPartitions(process_partition)
    spark.createDataFrame(rows, schema=SCHEMA).write.mode("overwrite").parquet(output)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="text file with one WARC path or URL a line")
    ap.add_argument("output", help="Parquet output directory")
    ap.add_argument("--num-partitions", type=int, default=None, help="tasks to spread the WARC files over")
    ap.add_argument("--master", default=None, help="e.g. local[2]; spark-submit's --master otherwise")
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("bonmun-warc")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        run(spark, args.input, args.output, args.num_partitions)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
