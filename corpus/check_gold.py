#!/usr/bin/env python3
"""Check the bonmun corpus: every gold line must be text that really is on the page.

Usage (from the repository root):
    python3 corpus/check_gold.py            # check every corpus/gold/*.txt and pending/gold/*.txt
    python3 corpus/check_gold.py 003-daily  # check some pages only
    python3 corpus/check_gold.py --dump corpus/raw/003-daily.html
                                            # print the page's visible text, one block per line

How a page is turned into text (standard library only):
  * <script>, <style>, <noscript>, <template>, <svg> and <head> content is invisible
    (the <title> and meta content are only used for the "# title" check);
  * character references are decoded by html.parser;
  * block-level tags and <br> start a new block; <td>/<th> add a space;
    inside <pre> every source line is its own block;
  * in each block, runs of whitespace (incl. U+00A0) become one space; blocks are trimmed.

A gold body line (required, or optional after "? ") passes when it is a substring of one
block.  Header lines must be "# title:", "# published:" (YYYY-MM-DD or YYYY-MM-DD HH:MM)
or "# author:"; the title must occur in the page (head or body).
For *-seedlike pages, the strings in SEEDLIKE_BOILERPLATE must occur in the page but in
no gold line.  Exit status 1 on any problem.
"""
import html
import os
import re
import sys
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")
GOLD = os.path.join(HERE, "gold")

INVISIBLE = {"script", "style", "noscript", "template", "svg", "head", "iframe"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr"}
BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "button", "caption",
    "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "label",
    "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section", "select",
    "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "video", "audio", "textarea",
}
CELL = {"td", "th"}

SEEDLIKE_BOILERPLATE = ["글자 크기", "더 작게", "번역할 언어", "결과물 출력을 준비", "종목 추적기",
                        "투자 판단", "베스트 기사", "Top으로 이동", "안다쇼핑"]

WS = re.compile(r"\s+")


def collapse(s):
    return WS.sub(" ", s).strip()


class Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden = 0
        self.stack = []
        self.pre = 0
        self.head_text = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag == "title":
            self.in_title = True
        if tag == "meta":
            for k, v in attrs:
                if k == "content" and v:
                    self.head_text.append(v)
        if tag in VOID:
            if tag == "br" and not self.hidden:
                self.parts.append("\n")
            elif tag == "hr" and not self.hidden:
                self.parts.append("\n")
            return
        self.stack.append(tag)
        if tag in INVISIBLE:
            self.hidden += 1
        if tag == "pre":
            self.pre += 1
        if not self.hidden:
            if tag in BLOCK:
                self.parts.append("\n")
            elif tag in CELL:
                self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag.lower() not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag == "title":
            self.in_title = False
        if tag in VOID:
            return
        if tag not in self.stack:
            return
        while self.stack:
            t = self.stack.pop()
            if t in INVISIBLE:
                self.hidden -= 1
            if t == "pre":
                self.pre -= 1
            if not self.hidden:
                if t in BLOCK:
                    self.parts.append("\n")
                elif t in CELL:
                    self.parts.append(" ")
            if t == tag:
                break

    def handle_data(self, data):
        if self.in_title:
            self.head_text.append(data)
        if self.hidden:
            return
        if self.pre:
            self.parts.append(data)
        else:
            self.parts.append(WS.sub(" ", data))


# A charset declared in the first 1024 bytes: `<meta charset=…>` or the http-equiv form.
META_CHARSET = re.compile(rb"""<meta[^>]*charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)


def read_page(path):
    """A page's text: UTF-8 unless its head declares a legacy charset (EUC-KR pages are
    decoded as CP949, as browsers do)."""
    with open(path, "rb") as f:
        raw = f.read()
    m = META_CHARSET.search(raw[:1024])
    label = m.group(1).decode("ascii").lower() if m else "utf-8"
    if label in ("euc-kr", "euckr", "ks_c_5601-1987", "cp949", "windows-949"):
        return raw.decode("cp949")
    return raw.decode("utf-8")


def blocks_of(path):
    src = read_page(path)
    p = Visible()
    p.feed(src)
    p.close()
    text = "".join(p.parts)
    blocks = [collapse(b) for b in text.split("\n")]
    blocks = [b for b in blocks if b]
    head = collapse(" ".join(html.unescape(t) for t in p.head_text))
    return blocks, head


HEADER = re.compile(r"^# (title|published|author): (.*)$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$")


def check(stem, raw_dir=RAW, gold_dir=GOLD):
    raw = os.path.join(raw_dir, stem + ".html")
    gold = os.path.join(gold_dir, stem + ".txt")
    errors = []
    if not os.path.exists(raw):
        return ["missing raw page " + raw]
    blocks, head = blocks_of(raw)
    joined = "\n".join(blocks)
    with open(gold, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    seen_body = False
    n_req = 0
    body_lines = []
    for i, line in enumerate(lines, 1):
        if line.startswith("#"):
            m = HEADER.match(line)
            if not m:
                errors.append(f"line {i}: bad header line: {line!r}")
                continue
            if seen_body:
                errors.append(f"line {i}: header after body lines")
            key, val = m.groups()
            if key == "published" and not DATE.match(val):
                errors.append(f"line {i}: bad date {val!r}")
            if key == "title" and val not in joined and val not in head:
                errors.append(f"line {i}: title not found on page: {val!r}")
            continue
        seen_body = True
        text = line[2:] if line.startswith("? ") else line
        if not line.startswith("? "):
            n_req += 1
        if text != collapse(text) or not text:
            errors.append(f"line {i}: empty or not whitespace-collapsed: {line!r}")
            continue
        body_lines.append(text)
        if not any(text in b for b in blocks):
            hint = " (found across blocks)" if text in " ".join(blocks) else ""
            errors.append(f"line {i}: not on page{hint}: {text[:80]!r}")
    if n_req == 0:
        errors.append("no required lines")
    if stem.endswith("seedlike"):
        for s in SEEDLIKE_BOILERPLATE:
            if s not in joined:
                errors.append(f"seedlike: boilerplate string {s!r} missing from page")
            for t in body_lines:
                if s in t:
                    errors.append(f"seedlike: boilerplate string {s!r} inside gold line {t[:40]!r}")
    return errors


def main(argv):
    if len(argv) >= 2 and argv[0] == "--dump":
        for path in argv[1:]:
            for b in blocks_of(path)[0]:
                print(b)
        return 0
    # The pages waiting in pending/ are held to the same check: their gold is the contract
    # they will join raw/ under.
    sets = [(RAW, GOLD)]
    pending = os.path.join(HERE, "pending")
    if os.path.isdir(os.path.join(pending, "gold")):
        sets.append((os.path.join(pending, "raw"), os.path.join(pending, "gold")))
    bad = 0
    checked = 0
    for raw_dir, gold_dir in sets:
        stems = sorted(f[:-4] for f in os.listdir(gold_dir) if f.endswith(".txt"))
        raws = sorted(f[:-5] for f in os.listdir(raw_dir) if f.endswith(".html"))
        for r in raws:
            if r not in stems:
                print(f"{r}: raw page has no gold file")
                bad += 1
        if argv:
            stems = [s for s in stems if any(a in s for a in argv)]
        for stem in stems:
            errs = check(stem, raw_dir, gold_dir)
            if errs:
                bad += 1
                print(f"{stem}: FAIL")
                for e in errs:
                    print("   " + e)
            else:
                print(f"{stem}: ok")
        checked += len(stems)
    print(f"{checked} gold files checked, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
