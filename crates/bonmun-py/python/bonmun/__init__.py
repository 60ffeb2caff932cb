"""bonmun (본문): the article body, title, date and byline of Korean web pages.

The extraction is the Rust library's, run with the GIL released::

    import bonmun
    article = bonmun.extract(open("page.html", "rb").read(), charset="euc-kr")
    print(article.title, article.published, article.authors)
    print(article.text)

``bonmun.datatrove.BonmunExtractor`` is a datatrove extractor (needs ``datatrove``).
"""

from ._bonmun import (
    Article,
    Block,
    BonmunError,
    Extractor,
    InputTooLargeError,
    NoContentError,
    NotHtmlError,
    TooDeepError,
    TooManyNodesError,
    UnknownCharsetError,
    UncertainCharsetError,
    extract,
)

__all__ = [
    "Article",
    "Block",
    "BonmunError",
    "Extractor",
    "InputTooLargeError",
    "NoContentError",
    "NotHtmlError",
    "TooDeepError",
    "TooManyNodesError",
    "UnknownCharsetError",
    "UncertainCharsetError",
    "extract",
]
