"""Shared paths and pages for the bonmun Python tests."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
CORPUS_RAW = REPO / "corpus" / "raw"
CORPUS_GOLD = REPO / "corpus" / "gold"


def corpus_pages() -> list[Path]:
    return sorted(CORPUS_RAW.glob("*.html"))


@pytest.fixture(scope="session")
def pages() -> dict[str, bytes]:
    """Every corpus page's bytes by file name."""
    return {p.name: p.read_bytes() for p in corpus_pages()}
