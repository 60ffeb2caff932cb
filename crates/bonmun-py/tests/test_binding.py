"""The binding's API: options, charsets, errors, dates, and what hostile input gives."""

from __future__ import annotations

import datetime
import os
import re

import pytest

import bonmun

ARTICLE = (
    "<html lang=ko><head><title>정부, 새 정책 발표 - 예시일보</title>"
    '<meta property="og:site_name" content="예시일보">'
    '<meta property="article:published_time" content="2024-03-11T09:12:00+09:00">'
    "</head><body><nav><a href=/>홈</a> <a href=/p>정치</a></nav><article>"
    "<p>[세종=예시일보] 홍길동 기자 = 정부가 오늘 새 정책을 발표했다. 시행은 다음 달부터다.</p>"
    "<h3>주요 내용</h3>"
    "<figure><img src=a.jpg><figcaption>발표 현장. 사진=예시일보</figcaption></figure>"
    "<p>관계자는 \"국민 생활에 바로 도움이 되도록 준비했다\"고 말했다. 현장 반응도 좋다고 설명했다.</p>"
    "<p>홍길동 기자 gildong@example.com</p>"
    "</article></body></html>"
)


def test_fields():
    a = bonmun.extract(ARTICLE.encode())
    assert a.title == "정부, 새 정책 발표"
    assert a.site_name == "예시일보"
    assert a.lang == "ko"
    assert a.authors == ["홍길동"]
    assert a.byline == "홍길동"
    assert re.fullmatch(r"2024-03-11T09:12(:00)?\+09:00", a.published)
    assert a.text.startswith("[세종=예시일보] 홍길동 기자 = 정부가")
    assert "발표 현장" not in a.text
    kinds = [b.kind for b in a.blocks]
    assert "caption" in kinds and "heading" in kinds
    heading = next(b for b in a.blocks if b.kind == "heading")
    assert heading.level == 3 and heading.to_dict() == {"kind": "heading", "text": "주요 내용", "level": 3}
    assert "### 주요 내용" in a.to_markdown()
    assert isinstance(a.to_dict(), dict)


def test_options_map_onto_config():
    kept = bonmun.extract(ARTICLE.encode(), keep_captions=True)
    assert "발표 현장. 사진=예시일보" in kept.paragraphs
    assert kept.keep_captions
    with pytest.raises(bonmun.InputTooLargeError):
        bonmun.extract(ARTICLE.encode(), max_input_bytes=100)
    with pytest.raises(TypeError, match="unexpected option"):
        bonmun.extract(ARTICLE.encode(), keep_caption=True)
    with pytest.raises(TypeError):
        bonmun.extract(ARTICLE.encode(), keep_captions="yes")
    ex = bonmun.Extractor(keep_captions=True, max_depth=100)
    assert ex.keep_captions and ex.max_depth == 100
    assert ex.extract(ARTICLE.encode()).paragraphs == kept.paragraphs
    with pytest.raises(TypeError):
        bonmun.Extractor(nope=1)


def test_links_when_asked():
    page = (
        "<article><p>시의회는 어제 <a href='/budget'>내년 예산안</a>을 통과시켰다고 밝혔다. "
        "예산은 지난해보다 늘었다.</p><p>시는 자세한 내용을 다음 주에 공개할 계획이라고 설명했다.</p></article>"
    ).encode()
    linked = bonmun.extract(page, keep_links=True)
    first = linked.blocks[0]
    [(start, end, href)] = first.links
    assert (first.text[start:end], href) == ("내년 예산안", "/budget")
    assert first.to_dict()["links"] == [(start, end, href)]
    assert "[내년 예산안](/budget)" in linked.to_markdown()
    plain = bonmun.extract(page)
    assert plain.blocks[0].links == [] and "links" not in plain.blocks[0].to_dict()
    assert plain.text == linked.text


def test_euc_kr_bytes():
    page = ARTICLE.replace("<head>", '<head><meta charset="euc-kr">')
    euc = page.encode("euc-kr")
    assert euc != page.encode()
    a = bonmun.extract(euc)
    assert a.charset == "EUC-KR"
    assert a.text == bonmun.extract(ARTICLE.encode()).text
    # Without the declaration, with the charset the HTTP header would give.
    plain = ARTICLE.encode("euc-kr")
    b = bonmun.extract(plain, charset="cp949")
    assert b.charset == "EUC-KR" and b.title == "정부, 새 정책 발표"
    with pytest.raises(bonmun.UnknownCharsetError):
        bonmun.extract(plain, charset="no-such-charset")
    assert (a.charset_source, b.charset_source) == ("meta", "caller")
    assert a.to_dict()["charset_source"] == "meta"


def test_uncertain_charset_and_bias():
    # Chinese text in GB18030 without a declaration reads as no Korean text in any guess.
    chinese = "<html><body><article><p>" + "政府今天宣布了新的政策，下个月开始实施。" * 8 + "</p></article></body></html>"
    with pytest.raises(bonmun.UncertainCharsetError):
        bonmun.extract(chinese.encode("gb18030"))
    assert "政府" in bonmun.extract(chinese.encode("gb18030"), charset="gb18030").text
    for bias in ("precision", "balanced", "recall"):
        assert bonmun.extract(ARTICLE.encode(), bias=bias).text
    with pytest.raises(TypeError, match="bias"):
        bonmun.extract(ARTICLE.encode(), bias="strict")
    assert bonmun.extract(ARTICLE.encode(), keep_tables=False).text


def test_error_classes():
    for cls in (
        bonmun.NotHtmlError,
        bonmun.NoContentError,
        bonmun.InputTooLargeError,
        bonmun.TooManyNodesError,
        bonmun.TooDeepError,
        bonmun.UnknownCharsetError,
        bonmun.UncertainCharsetError,
    ):
        assert issubclass(cls, bonmun.BonmunError) and cls.__module__ == "bonmun"
    assert issubclass(bonmun.BonmunError, Exception)
    with pytest.raises(bonmun.NotHtmlError):
        bonmun.extract(b"")
    with pytest.raises(bonmun.NoContentError):
        bonmun.extract(b"<html><body><nav><a href=/>home</a></nav></body></html>")
    with pytest.raises(TypeError):
        bonmun.extract("<p>str is not bytes</p>")


def outcome(html: bytes, **options):
    """An Article or a BonmunError: anything else (a crash, another exception) fails."""
    try:
        return bonmun.extract(html, **options)
    except bonmun.BonmunError as e:
        return e


def test_hostile_input():
    rng = __import__("random").Random(14)
    inputs = [
        os.urandom(0) + bytes(rng.getrandbits(8) for _ in range(20000)),
        b"\x00" * 10000,
        b"\xff\xfe" + bytes(rng.getrandbits(8) for _ in range(5000)),
        b"<" * 100000,
        b"<div>" * 200000 + "정부가 오늘 새 정책을 발표했다.".encode(),
        b"<table><tr><td>" * 50000,
        b"<p>" + "가".encode() * 1_000_000 + b"</p>",
        b"<!--" + b"-" * 100000,
        b"<script>" + b"x" * 100000,
        "<p>\u0000\ud7a3\U0010ffff</p>".encode("utf-8", "surrogatepass"),
    ]
    for html in inputs:
        assert isinstance(outcome(html), (bonmun.Article, bonmun.BonmunError))
    deep = b"<div>" * 200000 + "<p>정부가 오늘 새 정책을 발표했다. 시행은 다음 달부터다.</p>".encode()
    assert isinstance(outcome(deep), bonmun.TooDeepError)
    many = b"<p>a</p>" * 1000
    assert isinstance(outcome(many, max_nodes=100), bonmun.TooManyNodesError)


def _with_dates(published: str, modified: str | None = None) -> bytes:
    page = ARTICLE.replace("2024-03-11T09:12:00+09:00", published)
    if modified is not None:
        page = page.replace("</head>", f'<meta property="article:modified_time" content="{modified}"></head>')
    return page.encode()


def test_dates_as_datetime_objects():
    a = bonmun.extract(ARTICLE.encode())
    kst = datetime.timezone(datetime.timedelta(hours=9))
    assert a.published_datetime == datetime.datetime(2024, 3, 11, 9, 12, tzinfo=kst)
    assert a.published_datetime.utcoffset() == datetime.timedelta(hours=9)
    assert a.modified is None and a.modified_datetime is None
    # Metadata in other zones, and a modified date: the same instants, on the KST clock a
    # Korean page prints (the Rust side's rule), as aware datetimes.
    b = bonmun.extract(_with_dates("2022-12-31T11:12:22Z", "2023-01-02T08:00:00-05:00"))
    assert b.published_datetime == datetime.datetime(2022, 12, 31, 11, 12, 22, tzinfo=datetime.timezone.utc)
    assert b.published == "2022-12-31T20:12:22+09:00"
    assert b.modified_datetime == datetime.datetime(2023, 1, 2, 13, 0, tzinfo=datetime.timezone.utc)
    assert b.modified_datetime.utcoffset() == datetime.timedelta(hours=9)
    assert b.modified_datetime > b.published_datetime
    # A date without a time is a date, not a datetime with an invented midnight.
    c = bonmun.extract(_with_dates("2021-03-20"))
    assert c.published == "2021-03-20"
    assert type(c.published_datetime) is datetime.date
    assert c.published_datetime == datetime.date(2021, 3, 20)


def test_datetimes_agree_with_the_iso_strings(pages):
    seen = 0
    for name, html in pages.items():
        try:
            a = bonmun.extract(html)
        except bonmun.BonmunError:
            continue
        for iso, value in ((a.published, a.published_datetime), (a.modified, a.modified_datetime)):
            if iso is None:
                assert value is None, name
                continue
            seen += 1
            if isinstance(value, datetime.datetime):
                assert value.tzinfo is not None, name
                assert value == datetime.datetime.fromisoformat(iso), (name, iso)
            else:
                assert value == datetime.date.fromisoformat(iso), (name, iso)
    assert seen > 0, "the corpus has dated pages"
