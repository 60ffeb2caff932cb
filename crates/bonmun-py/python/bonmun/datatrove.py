"""A datatrove extractor backed by bonmun, shaped like datatrove's own ``Trafilatura``, so a
pipeline swaps one line::

    from bonmun.datatrove import BonmunExtractor
    pipeline = [WarcReader(...), BonmunExtractor(), ...]   # was: Trafilatura(favour_precision=True)

Needs ``datatrove`` (``pip install bonmun[datatrove]``).
"""

from __future__ import annotations

from typing import Any

import bonmun

try:
    from datatrove.pipeline.extractors.base import BaseExtractor
except ImportError as e:  # pragma: no cover - exercised only without datatrove
    raise ImportError("bonmun.datatrove needs datatrove: pip install 'bonmun[datatrove]'") from e


class BonmunExtractor(BaseExtractor):
    """Extracts the article body of each document's HTML with bonmun.

    Args:
        timeout: per document, in seconds, as for every datatrove extractor (bonmun takes
            milliseconds a page; the timeout guards the pipeline, not bonmun).
        **options: bonmun's options (``keep_captions``, ``max_input_bytes``, ``max_nodes``,
            ``max_depth``); any other name raises TypeError here, not mid-pipeline.

    A page that gives no article (``bonmun.BonmunError``) becomes empty text, which datatrove
    counts as dropped, as it does trafilatura's ``None``.
    """

    name = "⛏ bonmun"
    _requires_dependencies = ["bonmun"]

    def __init__(self, timeout: float = 1, **options: Any):
        super().__init__(timeout)
        bonmun.Extractor(**options)  # validates the option names and types now
        # Options rather than an Extractor: pipeline steps are pickled to run elsewhere.
        self.options = options

    def extract(self, text: str) -> str:
        """Returns the body of the HTML document ``text`` as plain text, one paragraph a line;
        empty when the page has no article."""
        if not text:
            return ""
        try:
            # datatrove has decoded the page already; the charset says so to bonmun.
            return bonmun.extract(text.encode("utf-8", "surrogatepass"), "utf-8", **self.options).text
        except bonmun.BonmunError:
            return ""
