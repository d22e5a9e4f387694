"""What must never be published: personal identity numbers, HTML that runs script or loads another
site, and placeholders an editor forgot to fill in.

Every content file is scanned as text (front matter and body, so a number in a YAML comment is
found too); bodies are rendered with the same Markdown extensions as the site and the resulting HTML
is read with a real HTML parser, so Markdown syntax (a `javascript:` link, a remote image, an
`{: onclick=… }` attribute list) is judged by what it becomes, and code blocks are left alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown

from . import allowlist, embedded, idnumbers, messages
from .errors import Problem
from .frontmatter import Document, Loc, label

PLACEHOLDER = "FYLL I"
"""Marks a value the scaffolding left for the editor; a file that still holds it is not published."""

_PLACEHOLDER = re.compile(r"FYLL[ -]I")
UNFILLED = f"platshållaren '{PLACEHOLDER}' är kvar"

REVIEWED_FIELD = "reviewed_numbers"
"""Front-matter field listing numbers in this file an editor has checked are not personal identity numbers."""

MARKDOWN_EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition"]
"""MkDocs' built-in extensions plus those of mkdocs.yml (a test keeps them in step; `extensions` refuses others)."""

def reviewed(doc: Document) -> set[str]:
    """The numbers a file lists under `reviewed_numbers` (checked by an editor: not identity numbers)."""
    listed = doc.data.get(REVIEWED_FIELD)
    return {str(v) for v in listed} if isinstance(listed, list) else set()


def identity_numbers(doc: Document, attached: str = "") -> list[Problem]:
    """Every personal identity number in a file, unless listed under `reviewed_numbers` (separators aside): on
    each line as written, in each front-matter value as parsed, and in the body (and `attached`: the text its
    inline images carry) as read once rendered. One problem per number, at the first line that shows it."""
    raw = doc.data.get(REVIEWED_FIELD)
    listed = [str(v) for v in raw] if isinstance(raw, list) else []
    known, used = {idnumbers.digits(v) for v in listed}, set()
    own_lines = {at for loc, at in doc.lines.items() if loc[:1] == (REVIEWED_FIELD,)}
    lines = doc.text.split("\n")
    found: dict[tuple[str, int | None], Problem] = {}

    def add(number: str, line: int | None, field: str, again: bool = False) -> None:
        """Every line that shows a number as written; a number only found as read, once."""
        key = idnumbers.digits(number)
        if key in known:
            used.add(key)
        elif again or all(seen != key for seen, _ in found):
            found[key, line] = Problem(doc.path, line, idnumbers.mask(field), messages.identity_number(
                idnumbers.mask(number), REVIEWED_FIELD))

    for line, number in idnumbers.by_line(doc.text):
        if line not in own_lines:
            add(number, line, _field(doc, line), again=True)
    values = list(_strings({k: v for k, v in doc.data.items() if k != REVIEWED_FIELD}, ()))
    if idnumbers.as_read(_APART.join(value for _, value in values)):  # rarely: then find which values
        for loc, value in values:
            for number in idnumbers.as_read(value):
                add(number, doc.line_of(loc), label(loc))
    body_lines = lines[doc.body_line - 1:]
    for number in idnumbers.as_read(doc.body + "\n" + attached):
        at = _line_of(body_lines, idnumbers.digits(number))
        add(number, None if at is None else doc.body_line + at, "text")
    problems = list(found.values())
    for i, value in enumerate(listed):
        if idnumbers.digits(value) not in used:
            problems.append(Problem(doc.path, doc.line_of((REVIEWED_FIELD, i)), f"{REVIEWED_FIELD}.{i}", (
                f"'{value[:-4]}XXXX' finns inte i filen som ett nummer som liknar ett personnummer; "
                "ta bort raden (listan ska bara ha nummer som står i filen)")))
    return problems


_APART = "\n|\n"
"""Joins front-matter values into one text to search at once: no reading of a number runs across it."""


def _line_of(lines: list[str], digits: str) -> int | None:
    """The index of the first line that shows the number as read, alone or run on into the next line."""
    def has(text: str) -> bool:
        return any(idnumbers.digits(n) == digits for n in idnumbers.as_read(text))
    for i, line in enumerate(lines):
        below = lines[i + 1] if i + 1 < len(lines) else ""
        if has(line) or has(line + "\n" + below) and not has(below):
            return i
    return None


def _field(doc: Document, line: int) -> str:
    """The front-matter field a line belongs to (the nearest key above it), or 'text' in the body."""
    if line >= doc.body_line:
        return "text"
    above = [(at, loc) for loc, at in doc.lines.items() if at <= line]
    return label(max(above, key=lambda x: (x[0], len(x[1])))[1]) if above else "front matter"


# -- HTML that runs script or loads another site ----------------------------------------------


_REFUSED_TAGS = {
    "script": "kör kod i läsarens webbläsare",
    "iframe": "visar en annan webbplats inne i sidan",
    "frame": "visar en annan webbplats inne i sidan",
    "frameset": "visar en annan webbplats inne i sidan",
    "object": "bäddar in innehåll från en annan källa",
    "embed": "bäddar in innehåll från en annan källa",
    "applet": "kör kod i läsarens webbläsare",
    "base": "ändrar vart alla länkar på sidan går",
    "meta": "kan skicka läsaren vidare till en annan webbplats",
    "link": "hämtar en fil från en annan källa",
    "style": "kan hämta filer från andra webbplatser och ändra sidans utseende",
    "form": "kan skicka det läsaren skriver till en annan webbplats",
}
_URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "data", "poster", "background",
                   "xlink:href", "cite", "longdesc", "manifest", "ping"}
_LOADING_ATTRIBUTES = {"src", "srcset", "data", "poster", "background", "xlink:href", "manifest", "ping"}
"""URL attributes the browser fetches by itself, without the reader clicking anything."""
_MARKUP = re.compile(r"[<\[{&]")
"""What every unsafe construct needs: a tag or autolink (<), a link or image ([), an attribute list ({),
an entity (&)."""
_ID_ONLY = re.compile(r"\{#[\w-]+\}")
"""An attribute list that only sets an id (`## Title {#matter-id}`, in every meeting): it cannot make HTML unsafe."""
_SAFE_DATA = re.compile(r"^data:image/(png|jpeg|gif|webp);", re.IGNORECASE)
_RUNS = re.compile(r"^(javascript|vbscript|livescript):")
_REMOTE = re.compile(r"^([a-z][a-z0-9+.-]*:|//)(?<!data:)")
_MARKDOWN_FILE = re.compile(r"^(?![a-zA-Z][\w+.-]*:|/|#)[^?#]*\.md(?:[?#]|$)", re.IGNORECASE)
"""A relative link to a Markdown file: the engine resolves it only from hand-written pages."""
_SVG_LOADING = {"use", "image", "feimage"}
"""SVG elements whose href the browser fetches by itself."""


@dataclass(frozen=True)
class Finding:
    """Something unsafe in rendered HTML, and the text to look for in the source to find its line."""

    needle: str
    message: str


class _Inspector(HTMLParser):
    def __init__(self, record: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.record = record
        """A record's text: its page is generated, so a link to a Markdown file there leads nowhere."""
        self.findings: list[Finding] = []
        self._heading: list[str] | None = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)

    def handle_endtag(self, tag: str) -> None:
        # A page's <title> is its h1 as text, entities decoded (MkDocs, then Material's `striptags`):
        # there, '</title' would end the title and let what follows run as HTML.
        if tag == "h1" and self._heading is not None and "</title" in "".join(self._heading).lower():
            self.findings.append(Finding("title", "rubriken innehåller '</title', som skulle avsluta sidans titel "
                                                  "och låta resten köras som kod; skriv rubriken utan det"))
        if tag == "h1":
            self._heading = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h1":
            self._heading = []
        if tag in _REFUSED_TAGS:
            self.findings.append(Finding(f"<{tag}", f"<{tag}> {_REFUSED_TAGS[tag]}; ta bort det – sådant "
                                                    "publiceras inte (länka i stället med [text](https://…))"))
            return
        if tag not in allowlist.ELEMENTS:  # the page's allow-list (the output gate's), applied where the text enters
            self.findings.extend(Finding(f"<{tag}", message) for message in allowlist.element(tag))
            return
        for name, value in attrs:
            if self.record and name == "href" and _MARKDOWN_FILE.match(value or ""):
                self.findings.append(Finding(value or "", messages.markdown_link(value or "")))
            found = list(_attribute(tag, name, value or ""))
            self.findings.extend(found or (Finding(name, message) for message in allowlist.attributes(
                tag, {name: value or ""}, "")))

    handle_startendtag = handle_starttag


def _attribute(tag: str, name: str, value: str) -> Iterator[Finding]:
    if name.startswith("on"):
        yield Finding(name, f"attributet {name} kör kod i läsarens webbläsare; ta bort det")
        return
    if name == "style" and re.search(r"url\s*\(|expression\s*\(|@import", value, re.IGNORECASE):
        yield Finding("style", "attributet style hämtar en fil eller kör kod; ta bort det")
        return
    if name not in _URL_ATTRIBUTES:
        return
    loads = name in _LOADING_ATTRIBUTES or name in ("href", "xlink:href") and tag in _SVG_LOADING
    for url in (value.split(",") if name == "srcset" else [value]):
        compact = re.sub(r"[\x00-\x20]", "", url).lower()
        shown = url.strip()[:40]
        if _RUNS.match(compact) or compact.startswith("data:") and not _SAFE_DATA.match(compact):
            yield Finding(shown or name, f"adressen '{shown}' kör kod; använd en vanlig webbadress som börjar med "
                                         "https://")
        elif loads and _REMOTE.match(compact):
            address = shown.split()[0]
            yield Finding(address, f"'{address}' hämtas från en annan webbplats när sidan visas; lägg filen på "
                                   "webbplatsen i stället, eller länka till den med [text](adress)")


class HtmlChecker:
    """Renders Markdown like the site does and reports what in the HTML is unsafe; one per build."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)

    def findings(self, text: str, record: bool = False) -> list[Finding]:
        """What in `text` rendered is unsafe (`record`: it is a record's text, shown on a generated page)."""
        # No tag, link, attribute list (but ids) or entity: plain text, nothing to run, no need to render it.
        if not _MARKUP.search(_ID_ONLY.sub("", text)):
            return []
        self._md.reset()
        inspector = _Inspector(record)
        inspector.feed(self._md.convert(text))
        inspector.close()
        return inspector.findings

    def body(self, path: Path, body: str, first_line: int, record: bool = False) -> list[Problem]:
        """Unsafe HTML in a Markdown body, each at the first line (from where the last one was) holding it."""
        lines = [_as_read(line) for line in body.split("\n")]
        cursor: dict[str, int] = {}
        problems = []
        for finding in self.findings(body, record):
            needle = _as_read(finding.needle)
            start = cursor.get(needle, 0)
            hit = next((i for i in range(start, len(lines)) if needle in lines[i]), None)
            cursor[needle] = (hit + 1) if hit is not None else start
            problems.append(Problem(path, first_line + (hit or 0), "text", finding.message))
        return problems

    def values(self, doc: Document, escaped: bool = True) -> list[Problem]:
        """Front-matter text as it is published: by our templates HTML-escaped, then read as Markdown (in a
        heading); in a hand-written page (`escaped=False`) the theme prints values such as `title` raw."""
        problems = []
        for loc, value in _strings(doc.data, ()):
            text = html.escape(value, quote=False).replace("\\", "&#92;") if escaped else value  # as render.py
            for finding in self.findings(f"# {text}\n\n{text}\n")[:1]:
                problems.append(Problem(doc.path, doc.line_of(loc), label(loc), finding.message))
        return problems


def _as_read(text: str) -> str:
    """A line as the browser reads a URL in it (entities decoded, control characters and spaces dropped), to
    find the line of `jav&#x09;ascript:` by the address it becomes."""
    return re.sub(r"[\x00-\x20]", "", html.unescape(text)).lower()


def _strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, str(key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*loc, i))


def extensions(config: Path, names: list[str]) -> list[Problem]:
    """Markdown extensions in mkdocs.yml that the content check does not render with: what they do to a text
    (include a file from anywhere on the server, like pymdownx.snippets, or make new HTML) would go unchecked."""
    lines = config.read_text(encoding="utf-8").split("\n")
    return [Problem(Path(config.name), next((i for i, line in enumerate(lines, 1)
                                             if re.match(rf"\s*-\s*{re.escape(name)}\s*(:|$)", line)), None),
                    "markdown_extensions", messages.extension(name, MARKDOWN_EXTENSIONS))
            for name in names if name not in MARKDOWN_EXTENSIONS]


# -- placeholders ------------------------------------------------------------------------------


def holds_placeholder(text: str) -> bool:
    """Whether `text` still holds a scaffold placeholder (FYLL I, or FYLL-I in an id)."""
    return _PLACEHOLDER.search(text) is not None


def placeholders(doc: Document) -> list[Problem]:
    """Every line still holding a scaffold placeholder (FYLL I, or FYLL-I in an id); YAML comments aside."""
    found: list[Problem] = []
    if not _PLACEHOLDER.search(doc.text):  # the usual case: no need to look line by line
        return found
    for line, text in enumerate(doc.text.split("\n"), start=1):
        if line < doc.body_line:
            text = "" if text.lstrip().startswith("#") else text.split(" #")[0]
        if _PLACEHOLDER.search(text):
            found.append(Problem(doc.path, line, _field(doc, line), f"{UNFILLED}; skriv in det rätta värdet "
                                 "(eller ta bort raden om fältet är valfritt)"))
    return found


# -- bounded work --------------------------------------------------------------------------------

MAX_BRACKETS = 2_000
"""More '[' than this in one file is no meeting summary, and Python-Markdown's link search grows with its square."""
MARKUP_LIMITS = [("[", MAX_BRACKETS, "så många länkar eller hakparenteser"), ("<", 1_000, "så mycket HTML"),
                 ("*_`", 10_000, "så mycket betoning och kod")]
"""The most of each kind of markup character a body may hold, and what so many would be: Python-Markdown's search
for raw HTML grows with the square of the '<' (4,000 unclosed `<a ` take seconds, 250,000 hours), and its
emphasis and code spans cost enough per mark that a file of them alone takes half a minute."""
MAX_DEPTH = 12
"""Deepest list or quote nesting in a body: deeper than any text needs, and far below Markdown's recursion limit."""
_NESTED = re.compile(r"^(?P<indent>[ \t]*)(?P<marks>(?:(?:[-*+]|\d{1,9}[.)]|>)[ \t]+)+)", re.MULTILINE)


def bounded(doc: Document) -> list[Problem]:
    """A body that would make the Markdown renderer work for minutes or overflow its stack: refused before rendering."""
    for chars, limit, what in MARKUP_LIMITS:
        if (count := sum(doc.text.count(c) for c in chars)) > limit:  # front matter too: a page's title is raw
            shown = " eller ".join(f"'{c}'" for c in chars)
            return [Problem(doc.path, doc.body_line, "text", f"texten har {count} tecken {shown}; högst {limit} "
                            f"tillåts – {what} kan inte visas")]
    for match in _NESTED.finditer(doc.body):
        depth = len(match["indent"].expandtabs(4)) // 2 + len(match["marks"].split())
        if depth > MAX_DEPTH:
            line = doc.body_line + doc.body.count("\n", 0, match.start())
            return [Problem(doc.path, line, "text", f"listan eller citatet är nästlat i {depth} nivåer; högst "
                            f"{MAX_DEPTH} tillåts – skriv texten med färre indrag")]
    return []


def check(doc: Document, checker: HtmlChecker, escaped: bool = True) -> list[Problem]:
    """Everything in one file that must not be published (`escaped`: whether its values reach the page escaped)."""
    numbers = identity_numbers(doc, embedded.in_data_uris(doc.body) if "data:" in doc.body else "")
    if too_much := bounded(doc):
        return [*numbers, *too_much, *placeholders(doc)]
    return [*numbers, *checker.body(doc.path, doc.body, doc.body_line, record=escaped),
            *checker.values(doc, escaped), *placeholders(doc)]


def file_name(rel: Path) -> list[Problem]:
    """A personal identity number in a file's name (which becomes a page's address and title)."""
    return [Problem(rel, None, "filnamn", messages.identity_number(idnumbers.mask(number), REVIEWED_FIELD))
            for number in idnumbers.as_read(rel.as_posix())[:1]]


def text_file(rel: Path, text: str) -> list[Problem]:
    """A published text file (a CSV table under content/): identity numbers on its lines and as read."""
    return identity_numbers(Document(rel, {}, text, 1, {}, text))


def attachment(rel: Path, path: Path) -> list[Problem]:
    """A published PDF or image: what its text, metadata and inline data carry, or why it cannot be checked."""
    try:
        text = embedded.text(path)
    except embedded.Unreadable as err:
        return [Problem(rel, None, "fil", str(err))]
    messages_once = dict.fromkeys(p.message for p in text_file(rel, text))
    return [Problem(rel, None, "filens text eller metadata", message) for message in messages_once]
