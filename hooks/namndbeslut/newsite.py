"""`make new-site NAME="Uppsala kommun"`: the project made into a site for another municipality, in one step.

The example content goes (every record and hand-written page; each content folder keeps a `.gitkeep`, since git keeps
no empty folder), a start page is written, and mkdocs.yml gets what the name gives: `extra.municipality`, the site's
name and description; `site_url` becomes a placeholder (SITE_URL) that a local build takes and publishing refuses.
Where only the editor knows the value (the e-mail addresses, the day of the accessibility
assessment, how the site was tested and its content's known problems: the accessibility statement says itself only
what the software guarantees) the placeholder FYLL I is left: a local build takes it, saying so per setting, and its
pages say the fact is not filled in yet; publishing refuses it until it is filled in (municipality.FILL_IN); the
example's optional values (its publisher description, web address, GeoNames place) are taken out (municipality.py).
The address
register is started afresh with the commit the site starts after (`started_after`, addresses.py): the example's
history is another site's, so no page says that an example record was removed and no example address is kept.
mkdocs.yml keeps its comments: values are replaced where YAML says they stand.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import addresses, kinds, messages, municipality
from .safety import PLACEHOLDER

CONFIG = Path("mkdocs.yml")
KEEP = ".gitkeep"
"""The file that keeps an empty content folder in git (the loader reads no file whose name starts with a dot)."""
CONTENT_PROBLEMS = "extra.accessibility.content_problems"
FILL_IN = municipality.FILL_IN
"""The settings only the editor knows, left as FYLL I: among them the accessibility statement's facts of the site
itself (how it was tested, its content's known problems), the example's being another site's."""
SITE_URL = "https://FYLL-I.example/"
"""The new site's address until the editor writes the real one: FYLL I in a form every address check reads (a host
of the reserved name .example), so that `make site` builds it locally and a build to publish refuses it
(publishing.is_placeholder_host), as it does the example's `https://example.github.io/namndbeslut/`; every address in
the open data is made from `site_url`, and the example's would name another site."""
OPTIONAL = ("extra.open_data.publisher.description", "extra.open_data.publisher.identifier")
"""The example's optional settings about its publisher, taken out (the description is then said from the name)."""
START_PAGE = """\
# Beslut och överenskommelser i {name}

Här publicerar {name} beslut och överenskommelser, så som källorna anger dem: ärendena från
nämndernas sammanträden, och överenskommelser med organisationer – med vem, för vilken period och för
hur mycket pengar, och var varje överenskommelse står (föreslagen, antagen, undertecknad).
"""


class NewSiteError(Exception):
    """Why the site could not be started, in Swedish."""


@dataclass(frozen=True)
class Edit:
    """Text `start:end` of mkdocs.yml replaced by `text`."""

    start: int
    end: int
    text: str


def start(root: Path, name: str) -> list[str]:
    """Make the project at `root` a site for the municipality `name`; what was done, line by line."""
    name = _name(name)
    config = root / CONFIG
    text = config.read_text(encoding="utf-8")
    edits = _settings(text, name)
    head = _head(root)
    removed = _remove_example(root)
    config.write_text(_apply(text, edits), encoding="utf-8")
    (root / kinds.PAGES / "index.md").write_text(START_PAGE.format(name=name), encoding="utf-8")
    (root / addresses.REGISTER).write_text(addresses.Register(started_after=head).text(), encoding="utf-8")
    return [f"Webbplatsen gäller nu {name}.",
            f"Exempelinnehållet är borttaget ({removed} filer); {kinds.PAGES}/index.md är en ny startsida.",
            f"{CONFIG}: extra.municipality, site_name och site_description är ifyllda.",
            f"{addresses.REGISTER}: webbplatsen börjar efter commit {head[:12]}; exemplets adresser publiceras inte."
            if head else f"{addresses.REGISTER}: ett nytt, tomt adressregister.",
            f"Fyll i det som är markerat {PLACEHOLDER} i {CONFIG}: " + ", ".join(FILL_IN) + ". make site bygger "
            "med platshållarna och sidorna säger att uppgifterna inte är ifyllda än, men make publish stoppar tills "
            "det är gjort; hitta inte på något du inte vet.",
            f"Skriv webbplatsens adress i site_url i {CONFIG} (nu platshållaren {SITE_URL}): make site bygger med "
            "platshållaren, men en publicering kräver den riktiga adressen; alla adresser i de öppna data utgår "
            "från den.",
            "Lägg till nämnder med make new-committee NAME=\"…\", kör make check och checka in allt (git add -A).",
            "Se REDAKTORSGUIDE.md, Ny webbplats för en kommun."]


def _name(name: str) -> str:
    """The municipality's name as typed, on one line; refused when it cannot be one."""
    if char := messages.INVISIBLE.search(name):
        raise NewSiteError(f"NAME: {messages.invisible(char[0])}")
    name = " ".join(name.split())
    if not name or not any(c.isalpha() for c in name) or len(name) > 80:
        raise NewSiteError("skriv kommunens namn som det ska stå på webbplatsen, t.ex. "
                           "make new-site NAME=\"Uppsala kommun\"")
    return name


def _head(root: Path) -> str | None:
    """The commit the site starts after (None outside git, or before the first commit); refused while content
    has changes that are not committed, which the start would lose."""
    try:
        head = _git(root, "rev-parse", "--verify", "-q", "HEAD").strip()
    except (OSError, subprocess.SubprocessError):
        return None
    folders = [*kinds.FOLDERS, kinds.PAGES, str(CONFIG), str(addresses.REGISTER)]
    if changed := _git(root, "status", "--porcelain", "--", *folders).splitlines():
        raise NewSiteError(f"{len(changed)} ändringar är inte incheckade (t.ex. {changed[0][3:]}); checka in dem "
                           "eller ta bort dem först, så att ingenting går förlorat")
    return head or None


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True,
                          timeout=60).stdout


def _remove_example(root: Path) -> int:
    """Every record and hand-written page removed; each record folder kept (with KEEP). How many files went."""
    count = 0
    for folder in (*kinds.FOLDERS, kinds.PAGES):
        base = root / folder
        base.mkdir(exist_ok=True)
        for path in base.iterdir():
            if path.name == KEEP:
                continue
            if path.is_dir() and not path.is_symlink():
                count += sum(1 for p in path.rglob("*") if not p.is_dir())
                shutil.rmtree(path)
            else:
                count += 1
                path.unlink()
        if folder != kinds.PAGES:
            (base / KEEP).touch()
    return count


def _settings(text: str, name: str) -> list[Edit]:
    """The edits that make mkdocs.yml's settings the municipality's."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        raise NewSiteError(f"{CONFIG} går inte att läsa ({err}); rätta filen först") from None
    if not isinstance(root, yaml.MappingNode):
        raise NewSiteError(f"{CONFIG} har inga inställningar")
    edits = [_set(text, root, "site_url", SITE_URL),
             _set(text, root, "site_name", f"{name} – beslut och överenskommelser"),
             _set(text, root, "site_description",
                  f"Vad nämnderna i {name} har beslutat, och med vilka organisationer kommunen har överenskommelser."),
             _set(text, root, municipality.FIELD, name),
             _set(text, root, "extra.open_data.contact", f"{{email: {PLACEHOLDER}}}"),
             _set(text, root, CONTENT_PROBLEMS, f"[{PLACEHOLDER}]"),
             *(_set(text, root, path, PLACEHOLDER) for path in FILL_IN
               if not path.startswith("extra.open_data") and path != CONTENT_PROBLEMS),
             *(_drop(text, root, path) for path in OPTIONAL),
             *_drop_example_places(text, root)]
    return [e for e in edits if e is not None]


def _node(root: yaml.Node, path: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The key and value nodes of a dotted setting, if it is there."""
    found: tuple[yaml.Node, yaml.Node] | None = None
    node = root
    for step in path.split("."):
        if not isinstance(node, yaml.MappingNode):
            return None
        found = next(((k, v) for k, v in node.value if k.value == step), None)
        if found is None:
            return None
        node = found[1]
    return found


def _set(text: str, root: yaml.Node, path: str, value: str) -> Edit | None:
    """Replace a setting's value where it stands (a flow mapping or sequence is given as written); a block value
    (a folded text, a list) ends where its last line does, not at the next setting's line."""
    found = _node(root, path)
    if found is None:
        if path == municipality.FIELD:
            raise NewSiteError(f"{CONFIG} har ingen {path}; lägg till 'municipality:' under extra och försök igen")
        return None
    key, node = found
    written = value if value.startswith(("{", "[")) else _scalar(value)
    start, end = node.start_mark.index, node.end_mark.index
    while end > start and text[end - 1] in " \n":
        end -= 1
    if node.start_mark.line > key.end_mark.line:  # a block list below its key: the value goes after the key
        start, written = text.index(":", key.end_mark.index) + 1, f" {written}"
    return Edit(start, end, written)


def _scalar(value: str) -> str:
    """A text as a YAML value: plain when YAML reads it back as the same text, else double-quoted."""
    try:
        plain = yaml.safe_load(value) == value
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)


def _drop(text: str, root: yaml.Node, path: str) -> Edit | None:
    """Remove a setting's lines, from its key to its value's end."""
    found = _node(root, path)
    return None if found is None else _lines(text, found[0].start_mark.index, found[1].end_mark.index)


def _drop_example_places(text: str, root: yaml.Node) -> list[Edit]:
    """The example's places under `spatial` (its GeoNames id), each item's line removed."""
    found = _node(root, "extra.open_data.spatial")
    if found is None or not isinstance(found[1], yaml.SequenceNode):
        return []
    return [_lines(text, item.start_mark.index, item.end_mark.index) for item in found[1].value
            if isinstance(item, yaml.ScalarNode) and municipality.is_example(str(item.value))]


def _lines(text: str, start: int, end: int) -> Edit:
    """The whole lines from `start` to `end` (a list item's '- ' and the line's end included)."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return Edit(first, len(text) if last < 0 else last + 1, "")


def _apply(text: str, edits: list[Edit]) -> str:
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.text + text[edit.end:]
    return text


def main(environ: Mapping[str, str] | None = None) -> int:
    """`make new-site NAME="…"` in the project root (the Makefile exports NAME unexpanded)."""
    env = os.environ if environ is None else environ
    try:
        done = start(Path.cwd(), env.get("NAME", ""))
    except NewSiteError as err:
        print(f"Kunde inte starta webbplatsen: {err}", file=sys.stderr)
        return 1
    print("\n".join(done))
    return 0


if __name__ == "__main__":
    sys.exit(main())
