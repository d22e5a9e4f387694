"""The editors' desk (redaktionen): Decap CMS in the browser, with forms generated from the model.

Nothing here is a second list of fields. The desk's configuration (Decap's `config.yml`) is made from
the record kinds (kinds.py), the front matter's JSON Schema (schema.py, itself generated from model.py)
and the scaffolds' explanations (scaffold.py): a collection per kind, a widget per field, required when
the model requires it, a select for each closed list, the model's patterns. What the model does not say
is said once here: the collections' Swedish labels, which record a reference names (REFERENCES; a test
keeps it covering every reference field of the model) and how a new record's file is named (the
scaffolds' rule).

Locally the preview (`make serve`, preview.py) serves the desk at /admin/ and answers its local backend
(Decap's proxy protocol, as `decap-server` speaks it) on the same origin: saves are written into the working
tree, only into the content folders and the media folder, and show in the preview like any saved file. For
production `python -m namndbeslut.desk build DIR` writes the desk for the GitHub backend into a folder of its
own, never into the published site (docs/desk.md).
"""

from __future__ import annotations

import argparse
import base64
import copy
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from string import Template
from typing import Any

import yaml

from . import categories, kinds, scaffold, schema
from .kinds import Kind
from .model import FileRecord
from .safety import PLACEHOLDER

PREFIX = "/admin/"
"""Where the preview serves the desk."""
API = PREFIX + "api/v1"
"""The local backend's address (Decap's proxy protocol)."""
BUNDLE = Path("node_modules") / "decap-cms" / "dist"
"""The vendored Decap CMS (npm `decap-cms`, pinned in package-lock.json)."""
MEDIA_FOLDER = f"{kinds.PAGES}/filer"
"""Where uploads land: under content/, where the pages' documents and images go and are checked (loader.py)."""
PUBLIC_FOLDER = "/filer"
READY = "Redaktionen (formulär för att skapa och ändra filerna) finns på {url}."

LABELS: dict[str, tuple[str, str]] = {
    kinds.MEETING.name: ("Sammanträden", "Sammanträde"),
    kinds.AGREEMENT.name: ("Överenskommelser", "Överenskommelse"),
    kinds.PARTNER.name: ("Partner", "Partner"),
    kinds.COMMITTEE.name: ("Nämnder och styrelser", "Nämnd eller styrelse"),
    kinds.REPORT.name: ("Tjänsteskrivelser", "Tjänsteskrivelse"),
}
"""Each kind's collection in Swedish: (plural, singular)."""

ORDER = (kinds.MEETING, kinds.AGREEMENT, kinds.PARTNER, kinds.COMMITTEE, kinds.REPORT)
"""The collections as the desk lists them: what editors add most often first."""

REFERENCES: dict[tuple[str, str], Kind] = {
    ("Committee", "continues"): kinds.COMMITTEE,
    ("Committee", "part_of"): kinds.COMMITTEE,
    ("Meeting", "committee"): kinds.COMMITTEE,
    ("Meeting", "with_bodies"): kinds.COMMITTEE,
    ("Matter", "adopts"): kinds.AGREEMENT,
    ("Matter", "agreements"): kinds.AGREEMENT,
    ("Step", "agreement"): kinds.AGREEMENT,
    ("Step", "to"): kinds.COMMITTEE,
    ("CitedStep", "body"): kinds.COMMITTEE,
    ("CitedStep", "to"): kinds.COMMITTEE,
    ("Matter", "concerns"): kinds.PARTNER,
    ("Agreement", "partner"): kinds.PARTNER,
    ("Agreement", "partners"): kinds.PARTNER,
    ("Agreement", "committee"): kinds.COMMITTEE,
    ("Agreement", "committees"): kinds.COMMITTEE,
    ("Agreement", "renews"): kinds.AGREEMENT,
    ("Agreement", "preceded_by"): kinds.AGREEMENT,
    ("Report", "committee"): kinds.COMMITTEE,
    ("Matter", "to"): kinds.COMMITTEE,
    ("Matter", "decided_later_by"): kinds.COMMITTEE,
    ("CitedDecision", "body"): kinds.COMMITTEE,
    ("Meeting", "decided_by"): kinds.COMMITTEE,  # a person, or the body that decided on delegation (the form: a person)
}
"""(model, field) -> the kind of record the field names by id: the desk lists those records by name.
(The archive checks each of these references; tests/test_desk.py fails when the model gains an id field
that is neither a record's own id nor listed here.)"""

MATTER_REFERENCES = {("Step", "refers_to"), ("Matter", "refers_to")}
"""(model, field) naming a matter by its id: matters live inside meeting files, so the desk takes the id as text (the
archive checks it)."""

SLUGS: dict[str, str] = {
    kinds.MEETING.name: "{{fields.date}}-{{fields.committee}}",
    kinds.AGREEMENT.name: "{{fields.partner}}-{{fields.term.start | date('YYYY')}}-{{fields.term.end | date('YYYY')}}",
    kinds.PARTNER.name: "{{fields.name}}",
    kinds.COMMITTEE.name: "{{fields.name}}",
    kinds.REPORT.name: "{{fields.case_number}}",
}
"""A new record's file name, as the scaffolds make it (scaffold.py: `<date>-<committee>`, `<partner>-<first>-<last>`,
the slug of a name or of a case number); Decap's slug settings below lower-case it, strip accents and turn what is
not a letter or digit into single hyphens, as scaffold.slug does. `expected_id` is the rule in Python."""

SLUG_SETTINGS = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}

DATE_FORMAT = "YYYY-MM-DD"
PATTERN_MESSAGES = {
    "date": "skriv datumet som ÅÅÅÅ-MM-DD",
    "time": 'skriv klockslaget som 13:00',
}


def display_field(kind: Kind) -> str:
    """The field a record is listed by: its name (partners, committees), else its title."""
    return "name" if "name" in written_fields(kind) else "title"


def written_fields(kind: Kind) -> set[str]:
    """The fields of a record's front matter as an editor writes them (a field's alias where it has one: a body's
    `name`, which the model keeps as `own_name`)."""
    return {f.alias or n for n, f in kind.model.model_fields.items()}


def expected_id(kind: Kind, data: Mapping[str, Any]) -> str:
    """The file name (without .md) the scaffolds give a record with this front matter."""
    if kind is kinds.MEETING:
        return f"{data.get('date')}-{data.get('committee')}"
    if kind is kinds.AGREEMENT:
        term = data.get("term") or {}
        years = [str(term.get(end, ""))[:4] for end in ("start", "end")] if isinstance(term, dict) else ["", ""]
        return "-".join([str(data.get("partner") or ""), *years])
    if kind is kinds.REPORT:
        return scaffold.slug(str(data.get("case_number", "")))
    return scaffold.slug(str(data.get(display_field(kind), "")))


# -- the configuration --------------------------------------------------------------------------------------


def hints(kind: Kind) -> dict[tuple[str, ...], str]:
    """Each field's explanation (Swedish) from the kind's scaffold: the comment beside it, by its path."""
    template = getattr(scaffold, kind.name.upper())
    assert isinstance(template, Template)
    text = template.template
    if kind is kinds.AGREEMENT:  # the term and a funding row, as the scaffold writes them for a stated period
        text = text.replace("$term", scaffold.TERM.template) + "\n" + \
            scaffold.FUNDING_ROW.template.replace("  - ", "funding:\n  - ", 1)
    values = {"P": PLACEHOLDER, "first": "2024", "last": "2026"}
    found: dict[tuple[str, ...], str] = {}
    stack: list[tuple[int, str]] = []
    last: tuple[str, ...] | None = None
    for line in Template(text).safe_substitute(values).split("\n"):
        key = re.match(r"^( *)(- )?([a-z_]+):(.*)$", line)
        if key is None:
            more = re.match(r"^ +# (.*)$", line)
            if more and last:
                found[last] += " " + more[1].strip()
            continue
        indent = len(key[1]) + (2 if key[2] else 0)
        stack = [(i, n) for i, n in stack if i < indent]
        last = (*[n for _, n in stack], key[3])
        stack.append((indent, key[3]))
        comment = key[4].partition(" # ")[2].strip()
        if comment:
            found[last] = found.get(last) or comment
    return found


def collection(kind: Kind) -> dict[str, Any]:
    """Decap's collection of one kind: a folder of Markdown files with YAML front matter."""
    front = schema.front_matter_schema(kind.folder)
    plural, singular = LABELS[kind.name]
    shown = display_field(kind)
    fields = _fields(front, front, kind.model.__name__, hints(kind), ())
    fields.append({"name": "body", "label": "Text", "widget": "markdown", "modes": ["raw"], "required": False,
                   "hint": _body_hint(kind)})
    return {
        "name": kind.folder, "label": plural, "label_singular": singular, "folder": kind.folder,
        "extension": "md", "format": "yaml-frontmatter", "create": True, "delete": False,
        "slug": SLUGS[kind.name], "identifier_field": shown, "summary": "{{" + shown + "}}",
        "sortable_fields": [f for f in ("date", shown) if f in written_fields(kind)],
        "editor": {"preview": False}, "fields": fields,
    }


def _body_hint(kind: Kind) -> str:
    if kind is kinds.MEETING:
        return ("Inledningen, och för varje ärende en rubrik med ärendets id: ## Ärendets rubrik {#arendets-id} "
                "följd av ärendets text. Markdown.")
    return "Texten i Markdown, med ## rubriker."


def _fields(root: dict[str, Any], part: dict[str, Any], model: str, notes: dict[tuple[str, ...], str],
            path: tuple[str, ...]) -> list[dict[str, Any]]:
    required = set(part.get("required", []))
    out = []
    props = part.get("properties", {})
    common = [n for n in props if n in FileRecord.model_fields] if not path else []
    for name in [*(n for n in props if n not in common), *common]:  # what every file has last, as scaffolds do
        prop = props[name]
        field = _widget(root, prop, model, name, notes, (*path, name))
        field.update(name=name, label=name, required=name in required)
        if field["widget"] == "object" and not field["required"]:
            _optional(field)
        if note := notes.get((*path, name)):
            field["hint"] = note
        out.append(field)
    return out


STATED_YES_NO = {"widget": "select", "options": [{"label": "Ja", "value": "true"}, {"label": "Nej", "value": "false"}]}
"""The widget of a yes or no the source may leave unstated (`public`): no default, so an untouched form writes
nothing."""


def _optional(field: dict[str, Any]) -> None:
    """An optional group (a status the source states): its own fields are required only once it is filled in, which
    the model checks; Decap would otherwise refuse to save a record that leaves the whole group empty."""
    for sub in field["fields"]:
        sub["required"] = False


def _resolve(root: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in prop:
        return {**root["$defs"][prop["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in prop.items() if k != "$ref"}}
    return prop


def _widget(root: dict[str, Any], prop: dict[str, Any], model: str, name: str,
            notes: dict[tuple[str, ...], str], path: tuple[str, ...]) -> dict[str, Any]:
    """The widget of one property (a JSON Schema), without its name, label and requiredness."""
    prop = _resolve(root, prop)
    options = [_resolve(root, p) for p in prop.get("anyOf", [])]
    values = [p for p in options if p.get("type") != "null"]
    if len(values) == 1 and len(options) > 1 and values[0].get("type") == "boolean":
        # whether the source says yes, no or nothing (a checkbox would write 'false', a guess); a copy, since the
        # caller names it
        return copy.deepcopy(STATED_YES_NO)
    if len(values) == 1:
        return _widget(root, {**values[0], **({"default": prop["default"]} if prop.get("default") else {})},
                       model, name, notes, path)
    if values:
        ids = [p for p in values if "const" not in p]
        if (model, name) in REFERENCES and len(ids) == 1:
            # a counterparty's id, or 'anges inte', which the file takes but not the form: the form picks a record
            return _widget(root, ids[0], model, name, notes, path)
        numbers = [p for p in values if p.get("type") in ("integer", "number")]
        if numbers and all(p.get("type") in ("integer", "number", "object", "array") or "const" in p for p in values):
            # a funding row's year (or 'anges inte'), a sum (or one with qualifiers, or several): the form writes the
            # number, the words, the qualifiers and further sums are written in the file
            return _widget(root, numbers[0], model, name, notes, path)
        objects = [p for p in values if p.get("type") == "object"]
        if objects:  # a term: its dates, or the words for 'not stated', which the file takes but not the form
            return _widget(root, objects[0], model, name, notes, path)
        single = [p for p in values if p.get("type") != "array"]
        if len(single) == 1 and all(p.get("items") == single[0] for p in values if p.get("type") == "array"):
            # one value or a list of them (a source's addresses): the form writes one, a file may list several
            return _widget(root, single[0], model, name, notes, path)
        if all("enum" in p or "const" in p for p in values):  # a closed list, or 'anges inte': one select
            choices = [_widget(root, p if "enum" in p else {"enum": [p["const"]]}, model, name, notes, path)
                       for p in values]
            return {"widget": "select", "options": [o for c in choices for o in c["options"]]}
        alternatives = "|".join(_alternative(p) for p in values)
        return {"widget": "string", "pattern": [f"^(?:{alternatives})$", _choices_message(values)]}
    target = REFERENCES.get((model, name))
    if target is not None:
        many = prop.get("type") == "array"
        return {"widget": "relation", "collection": target.folder, "value_field": "{{slug}}",
                "search_fields": [display_field(target)], "display_fields": [display_field(target)],
                "multiple": many, **({"min": 0} if many else {})}
    if "enum" in prop:
        enum = getattr(categories, prop.get("title", ""), None)
        labels = {m.value: m.label for m in enum} if enum else {}
        return {"widget": "select", "options": [{"label": labels.get(v, v), "value": v} for v in prop["enum"]],
                **({"default": prop["default"]} if "default" in prop else {})}
    kind = prop.get("type")
    if kind == "array":
        items = _resolve(root, prop["items"])
        if items.get("type") == "object":
            # default []: else Decap starts a new record with one row holding the rows' defaults (a funding row
            # without a year), which the model then refuses
            return {"widget": "list", "collapsed": False, "summary": _summary(items), "default": [],
                    "fields": _fields(root, items, items.get("title", ""), notes, path)}
        return {"widget": "list", "field": {**_widget(root, items, model, name, notes, path), "name": name,
                                            "label": name}}
    if kind == "object":
        return {"widget": "object", "collapsed": False, "fields": _fields(root, prop, prop.get("title", ""), notes,
                                                                        path)}
    if kind == "boolean":
        return {"widget": "boolean", "default": bool(prop.get("default", False))}
    if kind in ("integer", "number"):
        # a sum may have öre (7.50): a float in the form, which the model takes as exact kronor and öre
        limits = {k: prop[v] for k, v in (("min", "minimum"), ("max", "maximum")) if v in prop}
        return {"widget": "number", "value_type": "int" if kind == "integer" else "float",
                **({"step": 0.01} if kind == "number" else {}), **limits}
    if prop.get("format") == "date":
        return {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_FORMAT, "time_format": False,
                "picker_utc": True}
    field: dict[str, Any] = {"widget": "string"}
    if prop.get("format") == "time":
        field["pattern"] = [f"^{_alternative(prop)}$", PATTERN_MESSAGES["time"]]
    elif "pattern" in prop:
        field["pattern"] = [_js(prop["pattern"]), _pattern_message(prop)]
    return field


def _alternative(prop: dict[str, Any]) -> str:
    """A regular expression for one alternative of a value that may be of several kinds (a term's start)."""
    if "const" in prop:
        return re.escape(str(prop["const"])).replace("\\ ", " ")
    if prop.get("format") == "date":
        return r"\d{4}-\d{2}-\d{2}"
    if prop.get("format") == "time":
        return r"(?:[01]?\d|2[0-3])[:.][0-5]\d"
    if prop.get("type") == "integer":
        return r"\d{4}" if prop.get("minimum", 1000) >= 1000 else r"\d+"
    if "pattern" in prop:  # a month, ÅÅÅÅ-MM: the model's own pattern, without its anchors
        return "(?:" + _js(prop["pattern"]).removeprefix("^").removesuffix("$") + ")"
    return ".+"


def _choices_message(values: list[dict[str, Any]]) -> str:
    words = {"date": "ett datum ÅÅÅÅ-MM-DD", "integer": "ett årtal ÅÅÅÅ"}
    shown = [f"'{p['const']}'" if "const" in p else _pattern_words(p) if "pattern" in p
             else words.get(p.get("format") or p.get("type", ""), "text") for p in values]
    return "skriv " + ", ".join(shown[:-1]) + " eller " + shown[-1]


def _pattern_words(prop: dict[str, Any]) -> str:
    """A patterned alternative in words: a month, or what its first example shows ('t.ex. våren 2020')."""
    examples = prop.get("examples") or ["ÅÅÅÅ-MM"]
    return "en månad ÅÅÅÅ-MM" if examples[0] == "2020-11" else f"t.ex. {examples[0]}"


def _pattern_message(prop: dict[str, Any]) -> str:
    examples = prop.get("examples")
    return f"skriv t.ex. {examples[0]}" if examples else "värdet har inte rätt form; se hjälptexten"


def _js(pattern: str) -> str:
    """A Python regular expression as JavaScript writes it (named groups)."""
    return pattern.replace("(?P<", "(?<")


def _summary(items: dict[str, Any]) -> str:
    names = list(items.get("properties", {}))
    return " ".join("{{fields." + n + "}}" for n in names[:2])


def config(backend: Mapping[str, Any], local_url: str | None = None, site_url: str | None = None) -> dict[str, Any]:
    """Decap's whole configuration: the backend, Swedish, uploads into content/, a collection per kind."""
    settings: dict[str, Any] = {
        "backend": dict(backend), "locale": "sv", "media_folder": MEDIA_FOLDER, "public_folder": PUBLIC_FOLDER,
        "slug": SLUG_SETTINGS, "collections": [collection(k) for k in ORDER],
    }
    if local_url:
        settings["local_backend"] = {"url": local_url}
    if site_url:
        settings["site_url"] = settings["display_url"] = site_url
    return settings


def config_yaml(settings: Mapping[str, Any]) -> str:
    return ("# The editors' desk (Decap CMS). Generated from the model by hooks/namndbeslut/desk.py: do not edit.\n"
            + yaml.safe_dump(dict(settings), allow_unicode=True, sort_keys=False, width=120))


LOCAL_BACKEND = {"name": "proxy", "proxy_url": "", "branch": "main"}


def local_config(origin: str) -> dict[str, Any]:
    """The configuration the preview serves: the local backend on the preview's own origin, publishing at once."""
    return config({**LOCAL_BACKEND, "proxy_url": origin + API}, local_url=origin + API, site_url=origin + "/")


def github_config(repo: str, branch: str, base_url: str | None) -> dict[str, Any]:
    """Production: GitHub sign-in, every save a draft on a branch of its own, published as a pull request."""
    backend = {"name": "github", "repo": repo, "branch": branch, **({"base_url": base_url} if base_url else {})}
    settings = config(backend)
    settings["publish_mode"] = "editorial_workflow"
    return settings


CMS_PROBLEMS: dict[str, str] = {
    "color-contrast": "1.4.3",
    "aria-input-field-name": "4.1.2",
    "landmark-main-is-top-level": "1.3.1",
    "landmark-no-duplicate-main": "1.3.1",
    "landmark-unique": "1.3.1",
    "region": "1.3.1",
    "button-name": "4.1.2",
    "aria-command-name": "4.1.2",
}
"""What axe-core still finds in Decap CMS's own markup (not in the page around it), by rule, with the WCAG
criterion the accessibility statement names it under (templates/statement.html.j2); tests/browser/test_desk_forms.py
fails on any other."""


# -- the page and the bundle ------------------------------------------------------------------------------

INDEX = """<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Redaktionen – sammanträden och överenskommelser</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
<style>
.redaktionen-rubrik{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
</style>
</head>
<body>
<main>
<h1 class="redaktionen-rubrik">Redaktionen</h1>
<noscript><p>Redaktionen behöver JavaScript.</p></noscript>
<div id="nc-root"></div>
</main>
<script src="manual-init.js"></script>
<script src="decap-cms.js"></script>
<script src="init.js"></script>
</body>
</html>
"""
"""The desk's own page: Swedish, titled, one main landmark with a heading (read, not shown) around the CMS's
own root (`nc-root`, where Decap renders when it finds one), loading the vendored bundle from the same folder.
The bundle would start itself twice (decap-cms and decap-cms-app each start it), leaving React's tree in pieces:
it is started once, by hand. (Scripts in files of their own, not inline: a content security policy then needs no
exception for them.)"""

SCRIPTS = {
    "manual-init.js": "window.CMS_MANUAL_INIT = true;\n",
    "init.js": "window.CMS.init();\n",
}

_BUNDLE_FILE = re.compile(r"^(?:[0-9]+\.)?decap-cms\.js$|^[0-9a-f]+\.wasm$")
"""The bundle's files the desk loads (its chunks and WebAssembly); not the source maps or the other build."""


def bundle(root: Path) -> Path:
    """The vendored bundle: the project's node_modules, else this code's checkout's (a test's project copy)."""
    for base in (root, Path(__file__).resolve().parent.parent.parent):
        if (base / BUNDLE / "decap-cms.js").is_file():
            return base / BUNDLE
    raise FileNotFoundError(f"{BUNDLE}/decap-cms.js saknas; kör npm ci --ignore-scripts (make test gör det)")


def bundle_files(root: Path) -> Iterator[Path]:
    folder = bundle(root)
    return (p for p in sorted(folder.iterdir()) if _BUNDLE_FILE.match(p.name))


def build(dest: Path, root: Path, settings: Mapping[str, Any]) -> None:
    """The desk as static files in `dest` (for production: never inside the published site)."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "index.html").write_text(INDEX, encoding="utf-8")
    (dest / "config.yml").write_text(config_yaml(settings), encoding="utf-8")
    for name, text in SCRIPTS.items():
        (dest / name).write_text(text, encoding="utf-8")
    for path in bundle_files(root):
        (dest / path.name).write_bytes(path.read_bytes())


# -- the local backend --------------------------------------------------------------------------------------


class Refused(Exception):
    """A request the local backend does not carry out; the message (Swedish) is shown to the editor."""


class LocalBackend:
    """Decap's proxy protocol (decap-server's local file system mode) over the working tree under `root`.

    Only files of the content folders (records: `<folder>/<id>.md`) and of the media folder are read and written;
    any other path is refused, so the desk cannot write the settings, the theme or the code."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def __call__(self, request: Mapping[str, Any]) -> Any:
        action, params = request.get("action"), request.get("params") or {}
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            folder = self._folder(params.get("folder", ""))
            return [self._entry(p) for p in sorted(folder.glob("*.md")) if p.is_file() and not p.is_symlink()]
        if action == "entriesByFiles":
            return [self._entry(self._record(f["path"])) for f in params.get("files", [])]
        if action == "getEntry":
            return self._entry(self._record(params.get("path", "")))
        if action == "persistEntry":
            files = params.get("dataFiles") or [params["entry"]]
            for data in files:
                self._write(self._record(data["path"]), data["raw"].encode("utf-8"))
            for asset in params.get("assets", []):
                self._write(self._media(asset["path"]), _decoded(asset))
            return {"message": "entry persisted"}
        if action == "getMedia":
            folder = self.root / MEDIA_FOLDER
            return [self._media_file(p) for p in sorted(folder.glob("*")) if p.is_file() and not p.is_symlink()]
        if action == "getMediaFile":
            return self._media_file(self._media(params.get("path", "")))
        if action == "persistMedia":
            path = self._media(params["asset"]["path"])
            self._write(path, _decoded(params["asset"]))
            return self._media_file(path)
        if action == "deleteFile":
            self._media(params.get("path", "")).unlink(missing_ok=True)
            return {"message": "deleted"}
        if action == "deleteFiles":
            for rel in params.get("paths", []):
                self._media(rel).unlink(missing_ok=True)
            return {"message": "deleted"}
        if action == "getDeployPreview":
            return None
        raise Refused(f"redaktionen kan inte göra '{action}' lokalt")

    def _folder(self, rel: str) -> Path:
        if rel.strip("/") not in kinds.FOLDERS:
            raise Refused(f"'{rel}' är ingen innehållsmapp")
        return self.root / rel.strip("/")

    def _record(self, rel: str) -> Path:
        parts = Path(rel).parts
        if len(parts) != 2 or parts[0] not in kinds.FOLDERS or not re.fullmatch(r"[a-z0-9][a-z0-9-]*\.md", parts[1]):
            raise Refused(f"'{rel}' är inget filnamn som redaktionen sparar: små bokstäver a–z, siffror och "
                          "bindestreck, i en innehållsmapp")
        return self._inside(self.root / parts[0] / parts[1])

    def _media(self, rel: str) -> Path:
        folder = Path(MEDIA_FOLDER)
        path = Path(rel.lstrip("/"))
        if path.parent != folder or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", path.name):
            raise Refused(f"'{rel}': filer laddas upp till {MEDIA_FOLDER}/, med ett filnamn av bokstäver a–z, "
                          "siffror, punkt och bindestreck")
        return self._inside(self.root / path)

    def _inside(self, path: Path) -> Path:
        if path.is_symlink() or not path.resolve().is_relative_to(self.root):
            raise Refused(f"'{path.name}' ligger utanför projektet")
        return path

    def _entry(self, path: Path) -> dict[str, Any]:
        rel = path.relative_to(self.root).as_posix()
        if not path.is_file():
            return {"data": None, "file": {"path": rel, "id": None}}
        raw = path.read_bytes()
        return {"data": raw.decode("utf-8", errors="replace"), "file": {"path": rel, "id": _sha(raw)}}

    def _media_file(self, path: Path) -> dict[str, Any]:
        raw = path.read_bytes()
        return {"id": _sha(raw), "content": base64.b64encode(raw).decode(), "encoding": "base64",
                "path": path.relative_to(self.root).as_posix(), "name": path.name}

    def _write(self, path: Path, data: bytes) -> None:
        """Whole or not at all: a watcher (the preview) never reads a half-written file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.desk-tmp")
        temp.write_bytes(data)
        os.replace(temp, path)


def _decoded(asset: Mapping[str, Any]) -> bytes:
    content = asset.get("content", "")
    return base64.b64decode(content) if asset.get("encoding") == "base64" else str(content).encode("utf-8")


def _sha(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


# -- serving (the preview's handler calls these) ------------------------------------------------------------


def get(root: Path, path: str, origin: str) -> tuple[str, bytes] | None:
    """The desk's file at `path` (under PREFIX) as (content type, bytes), or None when there is none."""
    name = path[len(PREFIX):]
    if name in ("", "index.html"):
        return "text/html; charset=utf-8", INDEX.encode("utf-8")
    if name in SCRIPTS:
        return "text/javascript; charset=utf-8", SCRIPTS[name].encode("utf-8")
    if name == "config.yml":
        return "text/yaml; charset=utf-8", config_yaml(local_config(origin)).encode("utf-8")
    if _BUNDLE_FILE.match(name):
        file = bundle(root) / name
        if file.is_file():
            kind = "text/javascript; charset=utf-8" if name.endswith(".js") else "application/wasm"
            return kind, file.read_bytes()
    return None


def local_host(host: str) -> bool:
    """Whether a request's Host is this machine (a page elsewhere, even under a name that resolves here, is not)."""
    return host.rpartition(":")[0] in ("127.0.0.1", "localhost")


def post(backend: LocalBackend, body: bytes) -> tuple[int, bytes]:
    """The local backend's answer to one request: (HTTP status, JSON)."""
    try:
        answer = backend(json.loads(body))
    except Refused as err:
        return 422, json.dumps({"error": str(err)}, ensure_ascii=False).encode("utf-8")
    except (ValueError, KeyError, TypeError, OSError) as err:
        return 400, json.dumps({"error": f"redaktionen kunde inte läsa begäran: {err}"},
                               ensure_ascii=False).encode("utf-8")
    return 200, json.dumps(answer, ensure_ascii=False).encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    """`python -m namndbeslut.desk build DIR --repo OWNER/NAME [--branch main] [--base-url URL]`: the production
    desk in DIR; `python -m namndbeslut.desk config`: the local configuration on standard output."""
    parser = argparse.ArgumentParser(prog="namndbeslut.desk", description="Redaktionen (Decap CMS).")
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("build")
    make.add_argument("dest", type=Path)
    make.add_argument("--repo", required=True)
    make.add_argument("--branch", default="main")
    make.add_argument("--base-url", default=None)
    show = sub.add_parser("config")
    show.add_argument("--origin", default="http://127.0.0.1:8000")
    args = parser.parse_args(argv)
    if args.command == "build":
        build(args.dest, Path.cwd(), github_config(args.repo, args.branch, args.base_url))
    else:
        sys.stdout.write(config_yaml(local_config(args.origin)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
