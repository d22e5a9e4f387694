"""The site's municipality: the one setting that names it (`extra.municipality` in mkdocs.yml), and what a site for
another municipality must not keep from the example it was started from.

Every text that names the municipality reads this setting: the footer, the accessibility statement, OParl's Body,
the catalogue's publisher and contact point (opendata/dcat.py), schema.org's parent organisation. What a name cannot
give (an e-mail address, the GeoNames id of the area, the publisher's description) is a setting of its own; a site
whose municipality is not the example's (Lund's) is refused while such a setting still holds the example's value
(Lund's name, lund.se, GeoNames 2693678), naming the setting, and so is a setting still holding the placeholder
FYLL I (`make new-site`, newsite.py, leaves one where only the editor knows the value).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from . import safety
from .errors import Problem

FIELD = "extra.municipality"
EXAMPLE = "Lunds kommun"
"""The municipality of the example content the project ships (from tests' seeds)."""
_EXAMPLE_TRACE = re.compile(r"\blunds?\b|\b2693678\b", re.IGNORECASE)
"""The example's name (Lund, Lunds kommun), its web host (lund.se) and its GeoNames id."""
_DESCRIBED = ("site_name", "site_description", "extra")
"""The top-level settings whose texts describe the site and its publisher."""


def problems(config: Path, text: str) -> list[Problem]:
    """What in mkdocs.yml's `text` (the file `config`) names no municipality, or the example's in a site for
    another, or is still a placeholder; one problem per setting, with its line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []  # the engine says what is wrong with the file
    values = list(_scalars(root, ())) if isinstance(root, yaml.MappingNode) else []
    name = next((v for path, v, _ in values if path == FIELD), "").strip()
    found = [Problem(config, line, path, f"{safety.UNFILLED}; skriv in {_what(path)}")
             for path, value, line in values if safety.holds_placeholder(value)]
    if not name:
        return [*found, Problem(config, None, FIELD, "kommunens namn saknas: skriv det under extra, t.ex. "
                                "'municipality: Uppsala kommun'; webbplatsen hämtar namnet därifrån")]
    if is_example(name):
        return found
    return found + [Problem(config, line, path, (
        f"'{_shown(value)}' är exemplets uppgift om {EXAMPLE}, men webbplatsen gäller {name} ({FIELD}); skriv in "
        f"{_what(path)} för {name}, eller ta bort raden om inställningen är valfri (se REDAKTORSGUIDE.md, "
        "Ny webbplats för en kommun)"))
        for path, value, line in values if is_example(value) and not safety.holds_placeholder(value)]


def is_example(text: str) -> bool:
    """Whether `text` names the example's municipality, its web host or its place (Lund, lund.se, 2693678)."""
    return _EXAMPLE_TRACE.search(text) is not None


def _scalars(node: yaml.Node, path: tuple[str, ...]) -> Iterator[tuple[str, str, int]]:
    """Each text under the described settings: its dotted path ('extra.open_data.spatial.0'), value and line."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            step = (*path, str(key.value))
            if path or step[0] in _DESCRIBED:
                yield from _scalars(value, step)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _scalars(item, (*path, str(i)))
    elif isinstance(node, yaml.ScalarNode) and path:
        yield ".".join(path), str(node.value), node.start_mark.line + 1


def _what(path: str) -> str:
    """What a setting holds, for the message."""
    tail = path.rsplit(".", 2)
    if "email" in tail:
        return "en e-postadress som läsare kan skriva till"
    if "spatial" in tail:
        return "kommunens adress hos GeoNames (http://sws.geonames.org/<id>/)"
    if "reviewed" in tail:
        return "dagen för den senaste granskningen av tillgängligheten (ÅÅÅÅ-MM-DD)"
    if "tested" in tail:
        return "hur kommunen har testat webbplatsens tillgänglighet (tillgänglighetsredogörelsen)"
    if "content_problems" in tail:
        return ("de kända bristerna i webbplatsens innehåll, en per rad i listan, eller [] om inga är kända "
                "(tillgänglighetsredogörelsen)")
    return "det rätta värdet"


def _shown(value: str) -> str:
    return value if len(value) <= 80 else value[:80] + "…"
