"""bonmun.datatrove.BonmunExtractor in a datatrove pipeline step (skipped without datatrove)."""

from __future__ import annotations

import pytest

datatrove = pytest.importorskip("datatrove")

from datatrove.data import Document  # noqa: E402

import bonmun  # noqa: E402
from bonmun.datatrove import BonmunExtractor  # noqa: E402

# datatrove runs extraction in a forked worker with a deadline; the test machine is shared,
# so the deadline is generous (a page takes milliseconds).
TIMEOUT = 60


def test_same_shape_as_trafilatura():
    from datatrove.pipeline.extractors import Trafilatura

    assert issubclass(BonmunExtractor, Trafilatura.__mro__[1])
    with pytest.raises(TypeError):
        BonmunExtractor(no_such_option=True)


def as_text(html: bytes) -> str:
    """A page as a reader gives it to datatrove: decoded (033 and 039 are EUC-KR bytes)."""
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        return html.decode("euc-kr")


def documents(pages):
    """Fresh documents: the step replaces each one's text in place."""
    docs = [Document(text=as_text(html), id=name) for name, html in pages.items()]
    docs.append(Document(text="<html><body><nav><a href=/>home</a></nav></body></html>", id="empty"))
    docs.append(Document(text="", id="blank"))
    return docs


def test_pipeline_step(pages):
    out = list(BonmunExtractor(timeout=TIMEOUT).run(iter(documents(pages))))
    by_id = {d.id: d.text for d in out}
    assert set(by_id) == set(pages), "every article page kept once, the pages without one dropped"
    for name, html in pages.items():
        assert by_id[name] == bonmun.extract(html).text, name
    captions = {d.id: d.text for d in BonmunExtractor(timeout=TIMEOUT, keep_captions=True).run(iter(documents(pages)[:5]))}
    for name, text in captions.items():
        assert text == bonmun.extract(pages[name], keep_captions=True).text
