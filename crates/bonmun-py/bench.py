"""Throughput of bonmun from Python against the Rust library in the same process and build,
one thread against two, and trafilatura on the same pages in the same run.

    python crates/bonmun-py/bench.py [PAGES_DIR] [--rounds N] [--no-trafilatura]

PAGES_DIR defaults to ../shared/realpages/raw beside the repository (read in place). Each
figure is the best of a few repeats (the machine is shared, so the fastest run is the one
least disturbed); MB is 10^6 bytes of HTML.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

import bonmun
from bonmun import _bonmun

REPO = Path(__file__).resolve().parents[2]
DEFAULT_PAGES = REPO.parent / "shared" / "realpages" / "raw"
# Repeats of each measurement; the best is reported. Three is enough to skip one run that
# another process on the 2-core machine disturbed, without making the bench long.
REPEATS = 3


def load(dir_: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted(dir_.glob("*.html"))]


def python_loop(extractor: bonmun.Extractor, pages: list[bytes], rounds: int, cpu: list[float] | None = None) -> None:
    start = time.thread_time()
    for _ in range(rounds):
        for page in pages:
            try:
                extractor.extract(page).text
            except bonmun.BonmunError:
                pass
    if cpu is not None:
        cpu.append(time.thread_time() - start)


def python_seconds(pages: list[bytes], rounds: int, threads: int) -> tuple[float, float, float]:
    """Wall seconds for `threads` threads each extracting every page `rounds` times, the
    process's CPU seconds meanwhile (over 1 per wall second only if the threads overlap), and
    the CPU seconds a page, summed over the threads' own clocks (time.thread_time). The last
    does not depend on how much of the machine other processes take: if a page costs more
    CPU on two threads than on one, it shows there, whatever the load."""
    extractor = bonmun.Extractor()
    cpu: list[float] = []
    workers = [threading.Thread(target=python_loop, args=(extractor, pages, rounds, cpu)) for _ in range(threads)]
    start, process = time.perf_counter(), time.process_time()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - start, time.process_time() - process, sum(cpu) / (threads * rounds * len(pages))


def trafilatura_seconds(pages: list[bytes]) -> float | None:
    try:
        import trafilatura
    except ImportError:
        return None
    start = time.perf_counter()
    for page in pages:
        trafilatura.extract(page)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", nargs="?", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--rounds", type=int, default=5, help="passes over the page set per measurement")
    ap.add_argument("--no-trafilatura", action="store_true")
    args = ap.parse_args()
    pages = load(args.pages)
    if not pages:
        print(f"no *.html pages in {args.pages}", file=sys.stderr)
        return 1
    mb = sum(map(len, pages)) * args.rounds / 1e6
    print(f"{len(pages)} pages, {mb / args.rounds:.2f} MB, {args.rounds} rounds, best of {REPEATS}")
    print(f"load average at the start {os.getloadavg()[0]:.1f}")

    python_loop(bonmun.Extractor(), pages, 1)  # warm caches and the lexicon's lazy statics
    # Interleaved, so a burst of load from elsewhere on the machine falls on all three alike.
    rust = float("inf")
    py1 = py2 = (float("inf"), 0.0, 0.0)
    cpu1: list[float] = []
    cpu2: list[float] = []
    for _ in range(REPEATS):
        rust = min(rust, _bonmun._rust_seconds(pages, args.rounds))
        one, two = python_seconds(pages, args.rounds, 1), python_seconds(pages, args.rounds, 2)
        py1, py2 = min(py1, one), min(py2, two)
        cpu1.append(one[2])
        cpu2.append(two[2])
    py1 = py1[0]
    py2, py2_cpu, _ = py2
    # Medians: the CPU a page moves less than wall time, but it moves (caches shared with
    # whatever else runs).
    cpu1_ms, cpu2_ms = sorted(cpu1)[len(cpu1) // 2] * 1e3, sorted(cpu2)[len(cpu2) // 2] * 1e3
    rows = [
        ("Rust in-process (bonmun::Extractor loop)", mb / rust),
        ("Python bonmun.extract, 1 thread", mb / py1),
        ("Python bonmun.extract, 2 threads", 2 * mb / py2),
    ]
    if not args.no_trafilatura:
        tra = trafilatura_seconds(pages)
        if tra is not None:
            rows.append(("trafilatura.extract, 1 thread (one round)", mb / args.rounds / tra))
    for name, mbs in rows:
        print(f"{name:<45} {mbs:8.1f} MB/s")
    print(f"Python / Rust: {rust / py1:.3f}   (goal >= 0.9)")
    print(f"2 threads / 1 thread: {2 * py1 / py2:.3f}   (goal >= 1.8)")
    print(f"2 threads kept {py2_cpu / py2:.2f} cores busy (CPU s / wall s); load average {os.getloadavg()[0]:.1f}")
    print(
        f"CPU ms a page (threads' own clocks, median): 1 thread {cpu1_ms:.3f}, 2 threads {cpu2_ms:.3f} "
        f"({cpu2_ms / cpu1_ms:.3f}x); with two free cores 2 threads could reach {2 * cpu1_ms / cpu2_ms:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
