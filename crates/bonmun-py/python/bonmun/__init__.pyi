"""Type stubs of bonmun: the native module bonmun._bonmun, re-exported here."""

import datetime
from typing import Literal, TypedDict

from typing_extensions import NotRequired

BlockKindName = Literal["paragraph", "heading", "list_item", "quote", "caption", "table_row", "code"]

class BlockDict(TypedDict):
    kind: BlockKindName
    text: str
    level: NotRequired[int]
    links: NotRequired[list[tuple[int, int, str]]]

class ArticleDict(TypedDict):
    title: str | None
    text: str
    paragraphs: list[str]
    blocks: list[BlockDict]
    published: str | None
    modified: str | None
    authors: list[str]
    email: str | None
    site_name: str | None
    url: str | None
    lang: str | None
    declared_lang: str | None
    description: str | None
    charset: str
    charset_source: Literal["bom", "caller", "meta", "detected"]
    keep_captions: bool

class BonmunError(Exception):
    """Base class of every error bonmun raises: the page gave no article."""

class NotHtmlError(BonmunError):
    """The input is empty, or is not text at all (an image, a PDF, random bytes)."""

class NoContentError(BonmunError):
    """The page parsed, but nothing in it reads as an article body."""

class InputTooLargeError(BonmunError):
    """The input is longer than the max_input_bytes option."""

class TooManyNodesError(BonmunError):
    """The document has more nodes than the max_nodes option."""

class TooDeepError(BonmunError):
    """The document's elements nest deeper than the max_depth option."""

class UnknownCharsetError(BonmunError):
    """The charset argument names no known encoding."""

class UncertainCharsetError(BonmunError):
    """The page names no charset and no guess reads it as Korean text: pass charset."""

class Block:
    """One paragraph-level piece of the body."""

    @property
    def kind(self) -> BlockKindName: ...
    @property
    def text(self) -> str: ...
    @property
    def level(self) -> int | None:
        """A heading's level, 1 to 6; None for other kinds."""
    @property
    def links(self) -> list[tuple[int, int, str]]:
        """The text's links as (start, end, href), text[start:end] being the link's text;
        empty unless the extraction kept links (keep_links=True)."""
    def to_dict(self) -> BlockDict: ...

class Article:
    """An extracted article; dates are ISO 8601 strings."""

    @property
    def title(self) -> str | None: ...
    @property
    def text(self) -> str:
        """The body as plain text: paragraphs joined by newlines."""
    @property
    def paragraphs(self) -> list[str]: ...
    @property
    def blocks(self) -> list[Block]: ...
    @property
    def published(self) -> str | None: ...
    @property
    def modified(self) -> str | None: ...
    @property
    def published_datetime(self) -> datetime.datetime | datetime.date | None:
        """published as a timezone-aware datetime, or a date when the page gives no time."""
    @property
    def modified_datetime(self) -> datetime.datetime | datetime.date | None:
        """modified as a timezone-aware datetime, or a date when the page gives no time."""
    @property
    def authors(self) -> list[str]: ...
    @property
    def byline(self) -> str | None: ...
    @property
    def email(self) -> str | None: ...
    @property
    def site_name(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def lang(self) -> str | None: ...
    @property
    def declared_lang(self) -> str | None: ...
    @property
    def description(self) -> str | None: ...
    @property
    def charset(self) -> str: ...
    @property
    def charset_source(self) -> Literal["bom", "caller", "meta", "detected"]: ...
    @property
    def keep_captions(self) -> bool: ...
    def to_dict(self) -> ArticleDict: ...
    def to_markdown(self) -> str: ...

class Extractor:
    """An extractor with fixed settings, reusable across pages and threads."""

    def __init__(
        self,
        *,
        max_input_bytes: int = ...,
        max_nodes: int = ...,
        max_depth: int = ...,
        keep_captions: bool = ...,
        keep_tables: bool = ...,
        keep_links: bool = ...,
        bias: Literal["precision", "balanced", "recall"] = ...,
    ) -> None: ...
    def extract(self, html: bytes, charset: str | None = None) -> Article: ...
    @property
    def max_input_bytes(self) -> int: ...
    @property
    def max_nodes(self) -> int: ...
    @property
    def max_depth(self) -> int: ...
    @property
    def keep_captions(self) -> bool: ...

def extract(
    html: bytes,
    charset: str | None = None,
    *,
    max_input_bytes: int = ...,
    max_nodes: int = ...,
    max_depth: int = ...,
    keep_captions: bool = ...,
    keep_tables: bool = ...,
    keep_links: bool = ...,
    bias: Literal["precision", "balanced", "recall"] = ...,
) -> Article:
    """Extracts the article of a page (bytes in any charset); raises a BonmunError subclass
    when it gives none."""

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
