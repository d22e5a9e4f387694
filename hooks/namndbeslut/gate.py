"""The output gate: the last line, a cheap structural check of what a build is about to publish.

Facts are checked where they enter (safety.py: identity numbers in every text, file name and attachment; unsafe
HTML in what editors write), and everything published is derived from them through writers that escape for
their format. What only the assembled page shows is checked here: each HTML page (head included) is held
against an allow-list of elements, attributes and URL schemes, with no script but the site's own and nothing
loaded from another site; feeds, stylesheets and tables for what runs or loads. A finding names the source file.
"""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.parse
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html

from . import allowlist
from .errors import Problem
from .opendata import tables

_DATA_SCRIPTS = {"application/json", "application/ld+json"}
"""Script elements the browser never runs: the theme's configuration and our JSON-LD."""
_THEME_SCRIPTS = {
    '__md_scope=new URL(BASE,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,'
    '_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)'
    '=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}',
    'var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.'
    'startsWith("__tabbed_"))',
}
"""Material's two inline scripts, recognised exactly (the page's relative base written as BASE)."""
_BASE_ARGUMENT = re.compile(r'new URL\("(?:\.\.?(?:/\.\.)*|/[\w./-]*)",location\)')


_PARSER = lxml.etree.HTMLParser(huge_tree=True)
"""libxml2's HTML parser with plain elements (lxml.html's element classes cost a lookup per element)."""
MAX_NESTING = 256
"""Deepest element nesting a page may have. libxml2 silently drops everything past its own limit (256, or 2048
with huge_tree), which the browser still shows: a page that deep could hide anything from this gate."""


@dataclass(frozen=True)
class _Finding:
    where: str
    """The published file, relative to the site's folder."""
    message: str


def check(site_dir: Path, base_url: str, sources: dict[str, Path], only: list[str] | None = None,
          refresh: Mapping[str, str] | None = None, repeated: Collection[str] = ()) -> list[Problem]:
    """Every problem in the built site under `site_dir` (none when it may be published), or in `only` these
    files of it (paths relative to it: the pages a preview's quick build wrote).

    `sources`: the content file behind each published page, by its path in the site (named in a finding).
    Identity numbers are not searched here: every text is searched where it enters (safety.py, loader.py),
    and everything published is derived from those texts.

    `repeated`: pages another page of the same template stands for (Site.repeated), not read again.

    `refresh`: the pages the build wrote at a renamed record's old addresses (addresses.py), by their path in the
    site, each with the one `<meta http-equiv="refresh">` content it may carry: at once, to a relative address on
    this site that the build computed (routes.py). Anywhere else, and with any other content, http-equiv is refused.
    """
    checks: dict[str, Callable[[Path], Iterator[str]]] = {
        ".html": lambda path: _page(site_dir, path, path.read_bytes(), base_url,
                                    (refresh or {}).get(path.relative_to(site_dir).as_posix())),
        ".xml": lambda path: _feed(raw) if b"<feed" in (raw := path.read_bytes())[:500] else iter(()),
        ".svg": lambda path: iter(["SVG-filer publiceras inte (de kan köra kod); använd PNG, JPEG eller WebP"]),
        ".css": lambda path: _css(path.read_text(encoding="utf-8", errors="replace")),
        ".csv": lambda path: _formulas(path.read_text(encoding="utf-8", errors="replace")),
    }  # JSON, calendars, images and the search index are data: a browser never runs them
    findings: list[_Finding] = []
    for path in sorted(site_dir.rglob("*")) if only is None else [site_dir / rel for rel in only]:
        rel = path.relative_to(site_dir).as_posix()
        if path.is_symlink():
            findings.append(_Finding(rel, "en symbolisk länk skulle publicera filen den pekar på; ta bort länken"))
        elif rel in repeated:
            continue
        elif path.is_file() and (check_file := checks.get(path.suffix.lower())):
            findings.extend(_Finding(rel, m) for m in check_file(path))
    return _grouped(findings, sources)


_NUMBER_CELL = re.compile(r"[-+]?\d[\d\s.,-]*")


def _formulas(text: str) -> Iterator[str]:
    """Cells of a published CSV file that a spreadsheet would run as a formula (our own datasets write such a
    text with a leading ', tables.cell); a signed number or a telephone number is fine. The delimiter is the
    one the header line uses most."""
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if formula := next((v for v in row if v.startswith(tables.FORMULA_START) and not _NUMBER_CELL.fullmatch(v)),
                           None):
            yield (f"cellen '{formula.strip()[:40]}' på rad {number} körs som en formel när filen öppnas i ett "
                   "kalkylprogram (den kan hämta data eller starta program); skriv ' först i cellen")


def _grouped(findings: list[_Finding], sources: dict[str, Path]) -> list[Problem]:
    """One problem per source file and message. A finding also made on a page no content file is behind (the
    404 page) comes from the theme or the settings: one problem at mkdocs.yml, not one per page."""
    from_settings = {f.message for f in findings if f.where not in sources}
    by_message: dict[tuple[Path | None, str], list[str]] = {}
    for finding in findings:
        source = None if finding.message in from_settings else sources.get(finding.where)
        if finding.where not in (places := by_message.setdefault((source, finding.message), [])):
            places.append(finding.where)
    return [_problem(places, message, source, settings=message in from_settings)
            for (source, message), places in by_message.items()]


def _problem(places: list[str], message: str, source: Path | None, settings: bool = False) -> Problem:
    where = places[0] + (f" (och {len(places) - 1} filer till)" if len(places) > 1 else "")
    path = Path("mkdocs.yml") if settings and len(places) > 1 else source or Path(places[0])
    return Problem(path, None, f"publiceras som {where}", message)


# -- HTML ------------------------------------------------------------------------------------------


def _page(site_dir: Path, path: Path, raw: bytes, base_url: str, refresh: str | None = None) -> Iterator[str]:
    """Everything in one page's final HTML that runs code, loads from elsewhere or is not on the allow-list
    (with the one same-site `refresh` a page at an old address may have)."""
    doc = lxml.etree.fromstring(raw, parser=_PARSER) if raw.strip() else None
    if doc is None:
        yield "sidan är tom"
        return
    if _TOO_DEEP(doc):
        yield (f"sidan är nästlad i {_depth(doc)} nivåer av HTML; högst {MAX_NESTING} tillåts – skriv texten "
               "enklare")
        return
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue  # comments and processing instructions are never run
        tag = el.tag.split("}")[-1].lower()
        if tag not in allowlist.ELEMENTS:
            yield from allowlist.element(tag)
            continue
        if refresh is not None and _allowed_refresh(tag, el.attrib, refresh):
            refresh = None  # once
            continue
        if el.attrib or tag == "link":
            yield from allowlist.attributes(tag, el.attrib, base_url)
        if tag == "script":
            yield from _script(site_dir, path, el, base_url)


def _allowed_refresh(tag: str, attrib: Mapping[str, str], expected: str) -> bool:
    """A `<meta http-equiv="refresh" content="0; url=…">` with exactly the content the build wrote, to a relative
    address on this site (no scheme, no host, no leading '/')."""
    url = expected.partition("; url=")[2]
    return (tag == "meta" and set(attrib) == {"http-equiv", "content"} and attrib["http-equiv"].lower() == "refresh"
            and attrib["content"] == expected and expected.startswith("0; url=") and bool(url)
            and allowlist.same_site(url, "") and not url.startswith("/") and ":" not in url)


_TOO_DEEP = lxml.etree.XPath(f"boolean(//*[count(ancestor::*) >= {MAX_NESTING}])")
"""Whether any element is nested deeper than MAX_NESTING (libxml2's XPath, in C)."""


def _depth(doc: lxml.etree._Element) -> int:
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(doc, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _script(site_dir: Path, page: Path, el: lxml.etree._Element, base_url: str) -> Iterator[str]:
    """The site's own script files, the theme's inline scripts exactly, and data the browser does not run."""
    src, code = el.get("src"), el.text or ""
    if src is not None:
        if not allowlist.same_site(src, base_url) or not _own_file(site_dir, page, src, base_url):
            yield f"<script src=\"{src[:60]}\"> är inte webbplatsens eget skript; ta bort det"
        elif code.strip():
            yield "<script> med både src och kod; ta bort koden"
    elif (el.get("type") or "").lower() in _DATA_SCRIPTS:
        try:
            json.loads(code)
        except ValueError:
            yield "<script> med data som inte är JSON; ta bort det"
    elif _BASE_ARGUMENT.sub("new URL(BASE,location)", code.strip()) not in _THEME_SCRIPTS:
        yield f"<script> med kod som inte är temats egen ('{code.strip()[:40]}'); ta bort det"


def _own_file(site_dir: Path, page: Path, src: str, base_url: str) -> bool:
    """Whether a script address names a file of this build (relative to the page, or to the site's root path)."""
    address = urllib.parse.urlsplit(src[len(base_url):] if src.startswith(base_url) else src).path
    root_path = urllib.parse.urlsplit(base_url).path
    if address.startswith(root_path):
        target = site_dir / address[len(root_path):]
    elif address.startswith("/"):
        return False
    else:
        target = page.parent / address
    try:
        return target.resolve().is_relative_to(site_dir.resolve()) and target.is_file()
    except OSError:
        return False


def _feed(raw: bytes) -> Iterator[str]:
    """An Atom feed's HTML content, as a feed reader shows it: the same allow-list as a page (no script at all)."""
    tree = lxml.etree.fromstring(raw, parser=lxml.etree.XMLParser(resolve_entities=False, no_network=True))
    for node in tree.iter("{http://www.w3.org/2005/Atom}content", "{http://www.w3.org/2005/Atom}summary"):
        if node.get("type") == "html" and node.text:
            fragment = lxml.html.fragment_fromstring(node.text, create_parent="div")
            for el in fragment.iter():
                if not isinstance(el.tag, str):
                    continue
                if el.tag not in allowlist.ELEMENTS or el.tag in ("script", "head", "link", "meta", "title"):
                    yield f"<{el.tag}> i flödets text hör inte till det som får publiceras; ta bort det"
                else:
                    yield from allowlist.attributes(el.tag, el.attrib, "")


def _css(text: str) -> Iterator[str]:
    """A style sheet that loads from another site (after CSS escapes and comments are taken away)."""
    css = re.sub(r"\\([0-9a-fA-F]{1,6})\s?", lambda m: chr(int(m[1], 16)) if int(m[1], 16) < 0x110000 else "", text)
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r""""data:[^"]*"|'data:[^']*'|url\(\s*data:[^)]*\)""", "", css)
    if found := re.search(r"//[\w.-]|@import\s+(url\()?\s*[\"']?[a-z][\w+.-]*:", css, re.IGNORECASE):
        shown = css[found.start():found.start() + 40]
        yield f"stilmallen hämtar en fil från en annan webbplats ('{shown}'); ta bort det"


# -- personal identity numbers -------------------------------------------------------------------
