"""What a published page may hold: one allow-list of elements, attributes and addresses, applied to what editors
write where it enters (safety.py, on each rendered text) and to each assembled page (gate.py, the last line)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping

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
LINK_RELS = {"stylesheet", "icon", "alternate", "feed", "canonical", "prev", "next"}
FETCHED_RELS = {"stylesheet", "icon"}
NAVIGATION = re.compile(r"^(https?:|mailto:|tel:|#|[^:]*$)", re.IGNORECASE)
"""Where a link may take the reader: the web, e-mail, telephone, or a path on this site."""
SAFE_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);", re.IGNORECASE)
CSS_LOADS = re.compile(r"url\s*\(|@import|image-set|expression\s*\(|behavio(u)?r\s*:|\\", re.IGNORECASE)
LOCAL_URL_REF = re.compile(r"url\(#[\w-]+\)")
THEME_FETCHES = {
    ("class", "mermaid"): "klassen mermaid får temat att hämta ett skript från unpkg.com när sidan visas; ta bort den",
    ("data-md-component", "source"): "data-md-component=\"source\" får temat att hämta uppgifter från GitHub eller "
                                     "GitLab när sidan visas; ta bort det (och repo_url i mkdocs.yml)",
}
"""Harmless-looking attribute values the theme's own script acts on by loading from another site (Material
loads Mermaid for `pre.mermaid` and asks the code host's API about `[data-md-component=source]`)."""



def element(tag: str) -> Iterator[str]:
    """Why an element may not be published, if it may not."""
    if tag not in ELEMENTS:
        yield f"<{tag}> hör inte till det som får publiceras; ta bort det"


_FETCHES_BY_NAME = {name: (word, why) for (name, word), why in THEME_FETCHES.items()}
_PLAIN = ATTRIBUTES - {"style", "href", "src", "srcset"}
"""Allowed attributes whose value matters only if it loads a file (`url(`): most of a page's attributes."""


def attributes(tag: str, attrib: Mapping[str, str], base_url: str) -> Iterator[str]:
    """What in one element's attributes is not allowed: code, a fetch from elsewhere, an unlisted name."""
    rel = set((attrib.get("rel") or "").lower().split())
    for name, value in attrib.items():
        name = name.lower()
        fetch = _FETCHES_BY_NAME.get(name)
        if fetch and fetch[0] in value.lower().split():
            yield fetch[1]
        elif (name in _PLAIN or name.startswith(("aria-", "data-"))) and "url(" not in value.lower():
            continue  # the common case, settled at once
        elif name.startswith("on"):
            yield f"attributet {name} på <{tag}> kör kod i läsarens webbläsare; ta bort det"
        elif name == "http-equiv":
            yield f"<{tag} http-equiv> kan skicka läsaren vidare eller ändra sidans regler; ta bort det"
        elif name not in ATTRIBUTES and not name.startswith(("aria-", "data-")):
            yield f"attributet {name} på <{tag}> hör inte till det som får publiceras; ta bort det"
        elif name == "style" and CSS_LOADS.search(value):
            yield f"attributet style på <{tag}> hämtar en fil eller kör kod; ta bort det"
        elif "url(" in value.lower() and not LOCAL_URL_REF.fullmatch(value.strip()):
            yield f"attributet {name} på <{tag}> hämtar en fil; ta bort det"
        elif name in ("href", "src", "srcset"):
            fetched = name != "href" or tag == "link" and bool(rel & FETCHED_RELS)
            yield from url(tag, name, value, fetched, base_url)
    if tag == "link" and not rel <= LINK_RELS:
        yield f"<link rel=\"{' '.join(sorted(rel - LINK_RELS))}\"> hör inte till det som får publiceras; ta bort det"


def url(tag: str, name: str, value: str, fetched: bool, base_url: str) -> Iterator[str]:
    for url in (value.split(",") if name == "srcset" else [value]):
        compact = re.sub(r"[\x00-\x20]", "", html.unescape(url)).replace("\\", "/")  # as the browser reads it
        shown = url.strip()[:60]
        if tag == "img" and SAFE_IMAGE.match(compact):
            continue
        if fetched and not same_site(compact, base_url):
            yield f"'{shown}' hämtas från en annan webbplats när sidan visas; lägg filen på webbplatsen i stället"
        elif not NAVIGATION.match(compact):
            yield f"adressen '{shown}' i <{tag} {name}> kör kod eller är ingen webbadress; använd https://…"


def same_site(url: str, base_url: str) -> bool:
    """A path on this site: no scheme and no host of its own, or the site's own address."""
    return url.startswith(base_url) or not (url.startswith("//") or re.match(r"^[a-zA-Z][\w+.-]*:", url))
