"""The output gate: every file a build is about to publish, read as a reader or a client gets it.

The input checks (safety.py) judge each piece of content alone; a reader gets the assembled page,
where a title, a theme attribute and a citation meet. So after everything is assembled and before it
is put in place, each HTML page (head included) is held against an allow-list of elements, attributes
and URL schemes, with no script but the site's own and nothing loaded from another site, and every
published text (pages, datasets, feeds, calendars, sitemap, search index, OParl) is searched for
personal identity numbers after markup, entities, percent-encoding, escapes, invisible characters,
odd spaces and line wrapping are taken away. A finding names the source file where it can be traced.
"""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html

from . import embedded, frontmatter, messages, safety
from .errors import Problem
from .kinds import FOLDERS, PAGES
from .opendata import tables

# -- what a page may hold ------------------------------------------------------------------------

_HTML = set("""html head body title meta link script main header footer nav section article aside div span p a em
strong b i u s small mark code pre kbd samp var sub sup abbr time br hr h1 h2 h3 h4 h5 h6 ul ol li dl dt dd table
caption thead tbody tfoot tr th td colgroup col figure figcaption img picture source blockquote q cite details
summary label input button form del ins dfn address wbr""".split())
_SVG = set("svg g path rect circle ellipse line polyline polygon text tspan title desc defs lineargradient stop"
           .split())
_SEARCH = {f"pagefind-{name}" for name in
           "config modal-trigger modal modal-header input modal-body filter-pane summary results".split()}
"""The search's custom elements, defined by the site's own Pagefind script (search.py)."""
ELEMENTS = _HTML | _SVG | _SEARCH
"""Every element a published page may hold (the theme's and ours); anything else stops the build."""
ATTRIBUTES = set("""class id title lang dir role tabindex hidden href src alt width height rel type name content
charset media for value placeholder autocomplete autocorrect autocapitalize spellcheck required datetime scope colspan
rowspan headers start reversed open checked disabled readonly style srcset sizes loading decoding cite span translate
xmlns viewbox d fill stroke stroke-width stroke-linecap stroke-linejoin opacity fill-opacity x y x1 x2 y1 y2 cx cy r rx
ry points transform text-anchor font-family font-size font-style font-weight focusable preserveaspectratio offset
stop-color xml:lang property defer hide-shortcut""".split())
"""Every attribute a published element may carry, besides aria-* and data-* (none runs code or fetches a file)."""
_LINK_RELS = {"stylesheet", "icon", "alternate", "canonical", "prev", "next"}
_FETCHED_RELS = {"stylesheet", "icon"}
_NAVIGATION = re.compile(r"^(https?:|mailto:|tel:|#|[^:]*$)", re.IGNORECASE)
"""Where a link may take the reader: the web, e-mail, telephone, or a path on this site."""
_SAFE_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);", re.IGNORECASE)
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
_CSS_LOADS = re.compile(r"url\s*\(|@import|image-set|expression\s*\(|behavio(u)?r\s*:|\\", re.IGNORECASE)
_LOCAL_URL_REF = re.compile(r"url\(#[\w-]+\)")
_THEME_FETCHES = {
    ("class", "mermaid"): "klassen mermaid får temat att hämta ett skript från unpkg.com när sidan visas; ta bort den",
    ("data-md-component", "source"): "data-md-component=\"source\" får temat att hämta uppgifter från GitHub eller "
                                     "GitLab när sidan visas; ta bort det (och repo_url i mkdocs.yml)",
}
"""Harmless-looking attribute values the theme's own script acts on by loading from another site (Material
loads Mermaid for `pre.mermaid` and asks the code host's API about `[data-md-component=source]`)."""


_PARSER = lxml.html.HTMLParser(huge_tree=True)
MAX_NESTING = 256
"""Deepest element nesting a page may have. libxml2 silently drops everything past its own limit (256, or 2048
with huge_tree), which the browser still shows: a page that deep could hide anything from this gate."""


@dataclass(frozen=True)
class _Finding:
    where: str
    """The published file, relative to the site's folder."""
    message: str


def check(site_dir: Path, base_url: str, reviewed: dict[Path, set[str]], sources: dict[str, Path],
          root: Path) -> list[Problem]:
    """Every problem in the built site under `site_dir` (none when it may be published).

    `reviewed`: numbers editors have marked as not identity numbers, by the file that lists them (accepted on
    that file's page, and in the site-wide files that gather every record: datasets, feeds, the search index);
    `sources`: the content file behind each published page, by its path in the site; `root`: the project, to
    trace a number back to its file.
    """
    by_file = {path: {_digits(n) for n in numbers} for path, numbers in reviewed.items()}
    anywhere = set().union(*by_file.values())
    findings: list[_Finding] = []
    numbers: list[tuple[str, str]] = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_symlink():
            findings.append(_Finding(rel, "en symbolisk länk skulle publicera filen den pekar på; ta bort länken"))
        elif path.is_file():
            found, text = _inspect(site_dir, path, rel, base_url)
            findings.extend(found)
            known = by_file.get(sources[rel], set()) if rel in sources else anywhere
            numbers.extend((rel, n) for n in identity_numbers(text + "\n" + urllib.parse.unquote(rel))
                           if _digits(n) not in known)
    problems = _grouped(findings, sources)
    by_number: dict[str, tuple[str, list[str]]] = {}  # one problem per number, however each file writes it
    for rel, number in sorted(numbers, key=lambda found: found[0].startswith("pagefind/")):  # pages first
        shown, places = by_number.setdefault(_digits(number), (number, []))
        if rel not in places:
            places.append(rel)
    problems.extend(_number_problem(places, shown, sources, root) for shown, places in by_number.values())
    return problems


def _inspect(site_dir: Path, path: Path, rel: str, base_url: str) -> tuple[list[_Finding], str]:
    """What is wrong with one published file, and its text for the identity-number search ('' if not text)."""
    suffix = path.suffix.lower()
    if suffix in embedded.SUFFIXES:
        try:
            return [], embedded.text(path)
        except embedded.Unreadable as err:
            return [_Finding(rel, str(err))], ""
    if suffix in (".js", ".map", ".gif", ".ico", ".woff", ".woff2"):
        return [], ""  # the theme's and our own code and fonts (content/ cannot hold these types)
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":  # sitemap.xml.gz and Pagefind's index and fragments, whatever their suffix
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8", errors="replace")
    if suffix == ".svg":
        return [_Finding(rel, "SVG-filer publiceras inte (de kan köra kod); använd PNG, JPEG eller WebP")], text
    if suffix == ".css":
        return [_Finding(rel, m) for m in _css(text)], text
    if suffix == ".html":
        return [_Finding(rel, m) for m in _page(site_dir, path, raw, base_url)], text + embedded.in_data_uris(text)
    if suffix == ".xml" and "<feed" in text[:500]:
        return [_Finding(rel, m) for m in _feed(raw)], text
    if suffix == ".csv":
        return [_Finding(rel, m) for m in _formulas(text)], text
    return [], text


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


def _page(site_dir: Path, path: Path, raw: bytes, base_url: str) -> Iterator[str]:
    """Everything in one page's final HTML that runs code, loads from elsewhere or is not on the allow-list."""
    doc = lxml.html.document_fromstring(raw, parser=_PARSER)
    if (depth := _depth(doc)) > MAX_NESTING:
        yield f"sidan är nästlad i {depth} nivåer av HTML; högst {MAX_NESTING} tillåts – skriv texten enklare"
        return
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue  # comments and processing instructions are never run
        tag = el.tag.split("}")[-1].lower()
        if tag not in ELEMENTS:
            yield f"<{tag}> hör inte till det som får publiceras; ta bort det"
            continue
        yield from _attributes(tag, el, base_url)
        if tag == "script":
            yield from _script(site_dir, path, el, base_url)


def _depth(doc: lxml.html.HtmlElement) -> int:
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(doc, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _attributes(tag: str, el: lxml.html.HtmlElement, base_url: str) -> Iterator[str]:
    rel = set((el.get("rel") or "").lower().split())
    for name, value in el.attrib.items():
        name = name.lower()
        if fetch := next((why for (key, word), why in _THEME_FETCHES.items()
                          if name == key and word in value.lower().split()), None):
            yield fetch
        elif name.startswith("on"):
            yield f"attributet {name} på <{tag}> kör kod i läsarens webbläsare; ta bort det"
        elif name == "http-equiv":
            yield f"<{tag} http-equiv> kan skicka läsaren vidare eller ändra sidans regler; ta bort det"
        elif name not in ATTRIBUTES and not name.startswith(("aria-", "data-")):
            yield f"attributet {name} på <{tag}> hör inte till det som får publiceras; ta bort det"
        elif name == "style" and _CSS_LOADS.search(value):
            yield f"attributet style på <{tag}> hämtar en fil eller kör kod; ta bort det"
        elif "url(" in value.lower() and not _LOCAL_URL_REF.fullmatch(value.strip()):
            yield f"attributet {name} på <{tag}> hämtar en fil; ta bort det"
        elif name in ("href", "src", "srcset"):
            fetched = name != "href" or tag == "link" and bool(rel & _FETCHED_RELS)
            yield from _url(tag, name, value, fetched, base_url)
    if tag == "link" and not rel <= _LINK_RELS:
        yield f"<link rel=\"{' '.join(sorted(rel - _LINK_RELS))}\"> hör inte till det som får publiceras; ta bort det"


def _url(tag: str, name: str, value: str, fetched: bool, base_url: str) -> Iterator[str]:
    for url in (value.split(",") if name == "srcset" else [value]):
        compact = re.sub(r"[\x00-\x20]", "", html.unescape(url)).replace("\\", "/")  # as the browser reads it
        shown = url.strip()[:60]
        if tag == "img" and _SAFE_IMAGE.match(compact):
            continue
        if fetched and not _same_site(compact, base_url):
            yield f"'{shown}' hämtas från en annan webbplats när sidan visas; lägg filen på webbplatsen i stället"
        elif not _NAVIGATION.match(compact):
            yield f"adressen '{shown}' i <{tag} {name}> kör kod eller är ingen webbadress; använd https://…"


def _same_site(url: str, base_url: str) -> bool:
    """A path on this site: no scheme and no host of its own, or the site's own address."""
    return url.startswith(base_url) or not (url.startswith("//") or re.match(r"^[a-zA-Z][\w+.-]*:", url))


def _script(site_dir: Path, page: Path, el: lxml.html.HtmlElement, base_url: str) -> Iterator[str]:
    """The site's own script files, the theme's inline scripts exactly, and data the browser does not run."""
    src, code = el.get("src"), el.text or ""
    if src is not None:
        if not _same_site(src, base_url) or not _own_file(site_dir, page, src, base_url):
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
                if el.tag not in ELEMENTS or el.tag in ("script", "head", "link", "meta", "title"):
                    yield f"<{el.tag}> i flödets text hör inte till det som får publiceras; ta bort det"
                else:
                    yield from _attributes(el.tag, el, "")


def _css(text: str) -> Iterator[str]:
    """A style sheet that loads from another site (after CSS escapes and comments are taken away)."""
    css = re.sub(r"\\([0-9a-fA-F]{1,6})\s?", lambda m: chr(int(m[1], 16)) if int(m[1], 16) < 0x110000 else "", text)
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r""""data:[^"]*"|'data:[^']*'|url\(\s*data:[^)]*\)""", "", css)
    if found := re.search(r"//[\w.-]|@import\s+(url\()?\s*[\"']?[a-z][\w+.-]*:", css, re.IGNORECASE):
        shown = css[found.start():found.start() + 40]
        yield f"stilmallen hämtar en fil från en annan webbplats ('{shown}'); ta bort det"


# -- personal identity numbers -------------------------------------------------------------------


_INLINE = set("a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u "
              "var wbr".split())
_TAG = re.compile(r"<!--.*?(?:-->|$)|<!\[CDATA\[|\]\]>|</?([a-zA-Z][\w:-]*)[^<>]*>|<!--", re.S)
_ATTRIBUTE = re.compile(r"""[\w:.-]+\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([nrt])|([^\w\s]))")
_FOLD = re.compile(r"\r?\n[ \t]")
_ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\\s]+")


def readable(text: str) -> str:
    """Text as a reader could read it: entities, percent-encoding and escapes decoded, markup stripped (inline
    tags and comments without a trace, so '81<em>12</em>18' joins), attribute values kept, invisible characters
    dropped, calendar line folding undone and every run of spaces and line breaks one space."""
    text = _FOLD.sub("", text)
    for _ in range(3):  # a number may be escaped twice: an entity in JSON in HTML
        before = text
        text = _ESCAPE.sub(_unescape, urllib.parse.unquote(html.unescape(text)))
        if text == before:
            break
    values = [v for tag in _TAG.finditer(text) for m in _ATTRIBUTE.finditer(tag[0]) for v in m.groups() if v]
    text = _TAG.sub(lambda m: "" if not m[1] or m[1].lower() in _INLINE else " ", text)
    text = messages.INVISIBLE.sub("", "\n".join([text, *values]))
    return _ODD_SPACE.sub(" ", text)


def _unescape(m: re.Match[str]) -> str:
    if m[1] or m[2]:
        return chr(int(m[1] or m[2], 16))
    return {"n": "\n", "r": "\n", "t": " "}.get(m[3], "") if m[3] else m[4]


def identity_numbers(text: str) -> list[str]:
    """Every personal identity number in a published text, in any of the forms `readable` undoes."""
    if not text or not re.search(r"\d", text):
        return []
    return [match[0] for match in safety.number_matches(readable(text))]


def _digits(number: str) -> str:
    return safety.ascii_digits(number)[-10:]


def _number_problem(places: list[str], number: str, sources: dict[str, Path], root: Path) -> Problem:
    """One problem per number, traced to its file when it can be, naming where it would have been published."""
    masked, published = safety.mask(number), places[0]
    where = published + (f" (och {len(places) - 1} filer till)" if len(places) > 1 else "")
    message = (f"'{masked}' ser ut som ett personnummer och skulle publiceras i {where}; personnummer får "
               "aldrig publiceras – ta bort det (det kan vara dolt av formatering, ett osynligt tecken eller en "
               "radbrytning)")
    if traced := _trace(_digits(number), root, [sources[p] for p in places if p in sources]):
        path, line, field = traced
        return Problem(path, line, field, message)
    return Problem(sources.get(published) or Path(published), None, f"publiceras som {published}", message)


def _trace(digits: str, root: Path, first: list[Path]) -> tuple[Path, int | None, str] | None:
    """The content file, line and field a published number comes from (the file's name, or a line or two),
    looked for first in `first` (the files behind the pages it was found on); failing that, digits grouped
    in a way only the search index joins ('8112-18-9876')."""
    files = [*dict.fromkeys(p for p in (*(root / f for f in first), *_source_files(root)) if p.is_file())]
    for joined in (False, True):
        for path in files:
            if found := _trace_in(path, root, digits, joined):
                return found
    return None


def _trace_in(path: Path, root: Path, digits: str, joined: bool) -> tuple[Path, int | None, str] | None:
    rel = path.relative_to(root)
    if any(_digits(n) == digits for n in identity_numbers(urllib.parse.unquote(rel.as_posix()))):
        return rel, None, "filnamn"
    if path.suffix.lower() in embedded.SUFFIXES:
        try:
            if any(_digits(n) == digits for n in identity_numbers(embedded.text(path))):
                return rel, None, "filens text eller metadata"
        except embedded.Unreadable:
            pass
        return None
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    def has(text: str) -> bool:
        if joined:
            return digits in safety.ascii_digits(_GROUPING.sub("", text))
        return any(_digits(n) == digits for n in identity_numbers(_EMPHASIS.sub("", text)))
    for i, line in enumerate(lines):
        below = lines[i + 1] if i + 1 < len(lines) else ""
        if has(line) or has(line + "\n" + below) and not has(below):
            return rel, i + 1, frontmatter.field_on_line(lines, i + 1, path.suffix in (".yml", ".yaml"))
    return None


_GROUPING = re.compile(r"(?<=\d)[^\d\n]{1,3}(?=\d)")
"""What may stand between the digits of a number written in groups ('8112-18-9876', '81 12 18-98 76')."""
_EMPHASIS = re.compile(r"(?<=\d)[*_`~]+|[*_`~]+(?=\d)")
"""Markdown emphasis around digits: the source of '81<em>12</em>18' is '81*12*18'."""


def _source_files(root: Path) -> Iterator[Path]:
    yield root / "mkdocs.yml"
    for folder in (*FOLDERS, PAGES):
        if (root / folder).is_dir():
            yield from sorted(p for p in (root / folder).rglob("*") if p.is_file() and not p.is_symlink())
