"""The site's municipality: the one setting that names it (`extra.municipality` in mkdocs.yml), and what a site for
another municipality must not keep from the example it was started from.

Every text that names the municipality reads this setting: the footer, the accessibility statement, OParl's Body,
the catalogue's publisher and contact point (opendata/dcat.py), schema.org's parent organisation. What a name cannot
give (an e-mail address, the GeoNames id of the area, the publisher's description) is a setting of its own; a site
whose municipality is not the example's (Lund's) is refused while such a setting still holds the example's value
(Lund's name, lund.se, GeoNames 2693678), naming the setting, and so is a setting still holding the placeholder
FYLL I. Where `make new-site` (newsite.py) leaves FYLL I because only the editor knows the value (FILL_IN), a local
build takes it, saying so per setting, and its pages say the fact is not filled in yet; publishing refuses it
(publishing.py): editors who had no such facts made them up to get a local build.
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
FILL_IN = ("extra.open_data.contact.email", "extra.accessibility.email", "extra.accessibility.reviewed",
           "extra.accessibility.tested", "extra.accessibility.content_problems")
"""The settings only the editor knows, which `make new-site` leaves as FYLL I: a local build takes the placeholder
there (the pages and the catalogue say the fact is not filled in yet), publishing refuses it."""
LOCAL = "make site bygger ändå och sidorna säger att uppgiften inte är ifylld än, men make publish stoppar tills den är"
"""Said after an unfilled setting's problem when a local build takes it (`notice`)."""


def problems(config: Path, text: str) -> list[Problem]:
    """What in mkdocs.yml's `text` (the file `config`) names no municipality, or the example's in a site for
    another, or is still a placeholder where a local build cannot take one; one problem per setting, with its line."""
    values = _values(text)
    if values is None:
        return []  # the engine says what is wrong with the file
    name = next((v for path, v, _ in values if path == FIELD), "").strip()
    found = [p for p in _placeholders(config, values) if not fillable(p.field)]
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


def unfilled(config: Path, text: str) -> list[Problem]:
    """The settings of FILL_IN still holding the placeholder: refused by a build to publish, with their lines."""
    return [p for p in _placeholders(config, _values(text) or []) if fillable(p.field)]


def notice(problem: Problem) -> Problem:
    """An unfilled setting as a local build says it: the problem, and that only publishing stops on it."""
    return Problem(problem.path, problem.line, problem.field, f"{problem.message}; {LOCAL}")


def fillable(path: str) -> bool:
    """Whether the setting at the dotted `path` is one of FILL_IN (a list's items: 'content_problems.0')."""
    return any(path == f or path.startswith(f + ".") for f in FILL_IN)


def _values(text: str) -> list[tuple[str, str, int]] | None:
    """Each text under the described settings with its dotted path and line; None where the YAML cannot be read."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    return list(_scalars(root, ())) if isinstance(root, yaml.MappingNode) else []


def _placeholders(config: Path, values: list[tuple[str, str, int]]) -> list[Problem]:
    return [Problem(config, line, path, f"{safety.UNFILLED}; skriv in {_what(path)}")
            for path, value, line in values if safety.holds_placeholder(value)]


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
