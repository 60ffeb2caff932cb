"""Many threads at once give the same results as one, with the GIL released in between."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import bonmun

# Enough threads and passes that extractions overlap on the machine's cores many times over.
THREADS = 8
PASSES = 3


def summary(html: bytes):
    try:
        a = bonmun.extract(html)
    except bonmun.BonmunError as e:
        return type(e).__name__
    return (a.title, a.text, a.published, tuple(a.authors), a.to_markdown())


def test_threads_agree(pages):
    expected = {name: summary(html) for name, html in pages.items()}
    jobs = list(pages.items()) * PASSES
    with ThreadPoolExecutor(THREADS) as pool:
        got = list(pool.map(lambda item: (item[0], summary(item[1])), jobs))
    assert len(got) == len(jobs)
    for name, result in got:
        assert result == expected[name], name


def test_gil_is_released(pages):
    """While a worker thread is inside one long extract call, this thread keeps running Python
    code: with the GIL held for the call, it could not run at all until the call returned."""
    big = max(pages.values(), key=len) * 100
    span = {}

    def work():
        span["start"] = time.perf_counter()
        try:
            bonmun.extract(big)
        except bonmun.BonmunError:
            pass
        span["end"] = time.perf_counter()

    stamps = []
    worker = threading.Thread(target=work)
    worker.start()
    ticks = 0
    while worker.is_alive():
        ticks += 1
        if ticks % 1000 == 0:
            stamps.append(time.perf_counter())
    worker.join()
    inside = [t for t in stamps if span["start"] < t < span["end"]]
    # Hundreds are typical; a held GIL allows at most the one or two taken in the instant
    # between the worker's first timestamp and its entering the call.
    assert len(inside) >= 20, (len(inside), span["end"] - span["start"])
