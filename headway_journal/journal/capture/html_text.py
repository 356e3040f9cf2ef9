"""An HTML e-mail body as plain text, with the standard library's ``html.parser`` only.

Blocks (paragraphs, divs, list items, table rows, headings, ``<br>``) become line breaks, list
items get "- ", a ``<blockquote>`` (the quoted history most mail programs send) gets "> " before
each of its lines so that ``fold`` can fold it away, and links keep their address when it differs
from their text. Scripts, styles and the head are dropped. Entities are decoded.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text"]

_BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul",
                     "ol", "table", "blockquote", "pre", "hr", "section", "article", "header",
                     "footer", "address", "dl", "dt", "dd"})
_SKIP = frozenset({"script", "style", "head", "title", "template", "noscript"})
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.quote = 0
        self.pre = 0
        self.href: list[str | None] = []

    def _break(self) -> None:
        text = "".join(self.current)
        if not self.pre:
            text = _SPACES.sub(" ", text).strip()
        prefix = "> " * self.quote
        self.lines.append(prefix + text if text else prefix.rstrip())
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCKS:
            self._break()
        if tag == "blockquote":
            self.quote += 1
        elif tag == "pre":
            self.pre += 1
        elif tag == "li":
            self.current.append("- ")
        elif tag in ("td", "th"):
            self.current.append(" ")
        elif tag == "a":
            self.href.append(dict(attrs).get("href"))
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.current.append(f"[{alt}]")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "a" and self.href:
            href = self.href.pop()
            shown = "".join(self.current)
            if href and href.startswith(("http:", "https:")) and href not in shown:
                self.current.append(f" <{href}>")
        if tag in _BLOCKS:
            self._break()
        if tag == "blockquote":
            self.quote = max(0, self.quote - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)

    def finish(self) -> None:
        self._break()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)


def html_to_text(html: str) -> str:
    """The text a reader sees in ``html``: one line per block, blank runs squeezed."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    parser.finish()
    out: list[str] = []
    for line in parser.lines:
        if not line.strip("> ") and out and not out[-1].strip("> "):
            continue  # one blank line at most
        out.append(line.rstrip())
    return "\n".join(out).strip("\n")
