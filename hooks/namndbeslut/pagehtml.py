"""Generated pages as HTML: what editors write converted from Markdown once, headings with the ids and the table of
contents the engine's Markdown would give them, so that no engine parses a generated page's Markdown again.

The templates (templates/*.html.j2) autoescape every value; only `Prose` output (an editor's Markdown, rendered
with the site's extensions and checked where it entered, safety.py) and the templates' own markup are HTML.
"""

from __future__ import annotations

import html
import re
from typing import Any

import markdown
from markdown.extensions.toc import slugify, unique
from markupsafe import Markup, escape

from .safety import MARKDOWN_EXTENSIONS


class Prose:
    """An editor's Markdown as HTML, with the extensions the engine uses (one instance per build; each text once)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
        self._done: dict[str, str] = {}

    def block(self, text: str) -> Markup:
        """Paragraphs, lists, headings: as Markdown renders a page's text."""
        if text not in self._done:
            self._md.reset()
            self._done[text] = self._md.convert(text)
        return Markup(self._done[text])

    def inline(self, text: str) -> Markup:
        """A one-paragraph text inside an element of the template's (a lead in a teaser): without its <p>."""
        rendered = str(self.block(text))
        if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
            rendered = rendered[3:-4]
        return Markup(rendered)


class Headings:
    """A page's headings: each with an id (given, or made from its text as the engine's Markdown makes it, unique
    on the page), so that links to sections and the table of contents are what they were."""

    def __init__(self) -> None:
        self._ids: set[str] = set()

    def __call__(self, level: int, text: Any, anchor: str | None = None, href: str | None = None,
                 css: str | None = None) -> Markup:
        """`css`: a class saying what kind of heading it is (one the source does not give: 'not-stated')."""
        name = escape(text)
        anchor = unique(anchor or slugify(html.unescape(str(name)), "-"), self._ids)
        inner = Markup('<a href="{}">{}</a>').format(href, name) if href is not None else name
        if css:
            return Markup('<h{0} id="{1}" class="{3}">{2}</h{0}>').format(level, anchor, inner, css)
        return Markup('<h{0} id="{1}">{2}</h{0}>').format(level, anchor, inner)


_HEADING = re.compile(r'<h([1-6]) id="([^"<>]{1,200})"[^<>]{0,200}>(.{0,2000}?)</h\1>', re.S)
_TAG = re.compile(r"<[^<>]{0,2000}>")


def toc_tokens(page_html: str) -> list[dict[str, Any]]:
    """The page's table of contents as the Markdown `toc` extension reports it (`toc_tokens`): nested by level,
    each with its level, id and name (the heading's text, escaped as in the page)."""
    root: dict[str, Any] = {"level": 0, "children": []}
    stack = [root]
    for level, anchor, inner in _HEADING.findall(page_html):
        token = {"level": int(level), "id": anchor, "name": _TAG.sub("", inner).strip(), "children": []}
        while stack[-1]["level"] >= token["level"]:
            stack.pop()
        stack[-1]["children"].append(token)
        stack.append(token)
    return list(root["children"])
