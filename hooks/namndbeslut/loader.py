"""Load and validate every content file of the site into an Archive, reporting all problems at once."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from . import cache, dates, embedded, frontmatter, kinds, messages, municipality, names, safety, schema
from .archive import Archive
from .errors import ContentError, FieldError, Problem
from .frontmatter import Document, Loc, label
from .kinds import FOLDERS, PAGES, Kind
from .model import (
    NO_BODY_KEY,
    NOT_STATED,
    WRITTEN_AS,
    Meeting,
    missing_hint,
    outside_file_problem,
    undated_file_problem,
)

__all__ = ["FOLDERS", "PAGES", "load"]

_MATTER_HEADING = re.compile(r"^## +(?P<title>.+?) *\{#(?P<id>[^}\s]+)\} *$", re.MULTILINE)

_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")
"""Blank lines before a section's text: dropped, but not the first line's indentation (indented code)."""

R = TypeVar("R", bound=BaseModel)


@dataclass(frozen=True)
class _Read:
    """One record file as read: its record and document (None when it has errors), and its problems."""

    record: BaseModel | None
    doc: Document | None
    problems: list[Problem]


@dataclass
class Reads:
    """Record files read earlier: in this process by path and (modification time, size, inode), the preview's
    way to read again only the files that changed since its last build; and across builds by content hash in the
    build cache (cache.py), so that a nightly build or `make check` reads and checks only what changed."""

    files: dict[Path, tuple[tuple[int, int, int], tuple[str, _Read]]] = field(default_factory=dict)
    stored: dict[str, tuple[str, _Read]] | None = None
    """The build cache's entries (by the file's path in the project: its content hash and the read)."""
    seen: dict[str, tuple[str, _Read]] = field(default_factory=dict)
    """The entries of the files this load read, to save as the cache."""
    changed: bool = False
    """Whether a file was read anew since the cache was loaded or saved."""

    def get(self, root: Path, path: Path, read: Callable[[], _Read]) -> _Read:
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        known = self.files.get(path)
        if known is None or known[0] != key:
            known = self.files[path] = (key, self._stored(root, path, read))
        self.seen[path.relative_to(root).as_posix()] = known[1]
        return known[1][1]

    def _stored(self, root: Path, path: Path, read: Callable[[], _Read]) -> tuple[str, _Read]:
        if self.stored is None:
            self.stored = cache.load(root, "reads")
        rel, digest = path.relative_to(root).as_posix(), cache.digest(path.read_bytes())
        entry = self.stored.get(rel)
        if entry is None or entry[0] != digest:
            entry = self.stored[rel] = (digest, read())
            self.changed = True
        return entry

    def save(self, root: Path) -> None:
        """Keep what this load read (and only that: a removed file's entry goes) in the build cache."""
        if self.stored is not None and (self.changed or self.seen.keys() != self.stored.keys()):
            cache.save(root, "reads", self.seen)
            self.stored = dict(self.seen)
        self.seen, self.changed = {}, False


def load(root: Path, today: dt.date | None = None, reads: Reads | None = None) -> Archive:
    """Read every content folder under `root`; raise ContentError listing every problem found.

    With `today` (the build date), a meeting dated after it is withheld: not published as held, its
    matters not cited (a planned meeting still shows as upcoming); `archive.withheld` says which and why.
    With `reads`, a file unchanged since it was read into `reads` is not read again.
    """
    problems: list[Problem] = []
    broken: set[str] = set()
    records: dict[Kind, list[Any]] = {}
    checker = safety.HtmlChecker()
    reads = reads or Reads()
    for kind in kinds.KINDS:
        records[kind] = []
        for path in _files(root, kind.folder, problems, broken):
            read = reads.get(root, path, partial(_read_record, root, kind, path, checker))
            problems.extend(read.problems)
            if read.record is not None:
                records[kind].append((read.record, read.doc))
                broken.discard(path.stem)
    if today:
        problems.extend(_far_ahead(records, today))
    reads.save(root)
    withheld = _withhold(records[kinds.MEETING], today, broken) if today else []
    reviewed: dict[Path, set[str]] = {}
    problems.extend(_static_files(root))
    problems.extend(_pages(root, checker, reviewed))
    problems.extend(_settings(root))
    problems.extend(_own_municipality(root, records[kinds.COMMITTEE]))
    problems.extend(Problem(doc.path, 1, "file", NO_BODY_FILE) for body, doc in records[kinds.COMMITTEE]
                    if body.id == NO_BODY_KEY)
    archive = Archive.build(records, broken=broken)
    archive.reviewed = {**reviewed, **{doc.path: safety.reviewed(doc) for doc in archive.sources.values()}}
    archive.withheld = withheld
    archive.unfilled = _unfilled(root)
    problems.extend(archive.problems)
    if problems:
        raise ContentError(_placeholders_first(problems))
    return archive


NO_BODY_FILE = (f"{NO_BODY_KEY}.md är namnet på ett sammanträde där källan inte anger organet, inget organs; skriv "
                f"'committee: {NOT_STATED}' i sammanträdets fil i stället, eller ge organet dess eget namn")
"""What a body's file named for a meeting without a body is told: no body is made of the unknown one."""


PLAUSIBLE_YEARS = 2
"""How far after the build date a meeting, held or planned, may be dated: a committee plans its meetings a year or
so ahead, so a later date is a typing error (2099 for 2029), not a meeting to withhold until its day."""


def _far_ahead(records: dict[Kind, list[Any]], today: dt.date) -> list[Problem]:
    """Every meeting and planned meeting dated more than PLAUSIBLE_YEARS after the build date `today`."""
    horizon = dates.add_months(today, 12 * PLAUSIBLE_YEARS)
    dated: list[tuple[Document, Loc, dates.Day]] = [(doc, ("date",), m.date) for m, doc in records[kinds.MEETING]
                                                    if m.date is not None]
    dated += [(doc, ("planned_meetings", i, "date"), plan.date) for body, doc in records[kinds.COMMITTEE]
              for i, plan in enumerate(body.planned_meetings)]
    return [Problem(doc.path, doc.line_of(loc), label(loc), messages.far_future(day, today, PLAUSIBLE_YEARS))
            for doc, loc, day in dated if dates.first_day(day) > horizon]


def _withhold(meetings: list[Any], today: dt.date, broken: set[str]) -> list[Problem]:
    """Take meetings dated after `today` out of `meetings` (in place); their ids and matters count as known."""
    withheld = []
    for meeting, doc in list(meetings):
        if meeting.date is not None and dates.first_day(meeting.date) > today:  # a begun month may have had it
            meetings.remove((meeting, doc))
            broken.update([meeting.id, *(m.id for m in meeting.matters)])
            notice = messages.future_decision if meeting.outside else messages.future_meeting
            withheld.append(Problem(doc.path, doc.line_of(("date",)), "date", notice(meeting.date, today)))
    return withheld


def _read_record(root: Path, kind: Kind, path: Path, checker: safety.HtmlChecker) -> _Read:
    """Parse and validate one record file, collecting (not raising) its problems."""
    problems: list[Problem] = []
    try:
        doc = _read(root, path, problems, checker)
        record = _build(kind, doc)
    except ContentError as err:
        return _Read(None, None, [*problems, *err.problems])
    return _Read(record, doc, [*problems, *names.problems(kind, record, doc)])


def _build(kind: Kind, doc: Document) -> BaseModel:
    """A record from its file: the id is the file name, the text its body (a meeting's body has sections)."""
    if kind is kinds.MEETING:
        return _meeting(doc)
    return _record(kind.model, doc, id=doc.path.stem, body=doc.body)


def _placeholders_first(problems: list[Problem]) -> list[Problem]:
    """On a line whose placeholder is still there, that is the one thing to say (not also 'not a date')."""
    unfilled = {(p.path, p.line) for p in problems if p.message.startswith(safety.UNFILLED)}
    return [p for p in problems if (p.path, p.line) not in unfilled or p.message.startswith(safety.UNFILLED)]


def _files(root: Path, folder: str, problems: list[Problem], broken: set[str]) -> Iterator[Path]:
    """The folder's Markdown files; anything else there is a problem (and its name a known-broken id)."""
    base = root / folder
    if not base.is_dir():
        return
    for path in sorted(base.iterdir()):
        rel = path.relative_to(root)
        if path.is_symlink():
            broken.add(path.stem)
            problems.append(Problem(rel, None, "fil", messages.SYMLINK))
            continue
        if path.name.startswith("."):
            continue
        broken.add(path.stem)
        problems.extend(safety.file_name(rel))
        if path.is_file() and path.stat().st_nlink > 1:
            problems.append(Problem(rel, None, "fil", messages.HARDLINK))
        elif path.is_dir():
            problems.append(Problem(rel, None, "mapp", f"undermappar läses inte; lägg filerna direkt i {folder}/"))
        elif path.suffix != ".md":
            problems.append(Problem(rel, None, "fil", f"bara Markdown-filer (.md) hör hemma i {folder}/; "
                                                      "flytta filen eller byt namn på den så att den slutar på .md"))
        elif path.stem == "index":
            problems.append(Problem(rel, None, "filnamn", "index.md är adressen till webbplatsens översiktssida och "
                                                          "skulle skriva över den; ge filen ett annat namn"))
        elif path.stat().st_size > frontmatter.MAX_BYTES:
            problems.append(Problem(rel, None, "fil", f"filen är {path.stat().st_size} byte; högst "
                                                      f"{frontmatter.MAX_BYTES} byte tillåts – dela upp texten"))
        else:
            yield path


def _read(root: Path, path: Path, problems: list[Problem], checker: safety.HtmlChecker) -> Document:
    """Parse one file and add whatever in it must not be published (even when it cannot be parsed)."""
    rel, raw = path.relative_to(root), path.read_bytes()
    try:
        doc = frontmatter.parse(rel, raw)
    except ContentError:
        text = frontmatter.decode(rel, raw)  # raises again if the bytes themselves are the problem
        problems.extend(safety.identity_numbers(Document(rel, {}, text, 1, {}, text)))
        raise
    problems.extend(safety.check(doc, checker))
    return doc


STATIC_TYPES = {".md": frontmatter.MAX_BYTES, ".pdf": 30_000_000, ".png": 10_000_000, ".jpg": 10_000_000,
                ".jpeg": 10_000_000, ".webp": 10_000_000, ".csv": 5_000_000}
"""The only files content/ may hold (pages, and documents and images that cannot run code), each with the most
bytes it may have: every published file is read whole by the output gate, which must finish in seconds."""


def _static_files(root: Path) -> list[Problem]:
    """content/ and its subfolders: no symbolic link (it would publish its target) and only STATIC_TYPES."""
    problems = []
    for folder, dirs, files in os.walk(root / PAGES, onerror=None, followlinks=False):
        here = Path(folder)
        for name in sorted(dirs + files):
            path, rel = here / name, (here / name).relative_to(root)
            if path.is_symlink():
                problems.append(Problem(rel, None, "fil", messages.SYMLINK))
            elif name in files and path.stat().st_nlink > 1:
                problems.append(Problem(rel, None, "fil", messages.HARDLINK))
            elif name in files and path.suffix.lower() not in STATIC_TYPES and not name.startswith("."):
                problems.append(Problem(rel, None, "fil", messages.static_type(path.suffix.lower())))
            elif name in files and path.suffix.lower() != ".md" and (size := path.stat().st_size) > STATIC_TYPES.get(
                    path.suffix.lower(), size):
                problems.append(Problem(rel, None, "fil", messages.too_large(size, STATIC_TYPES[path.suffix.lower()])))
            elif name in files and not name.startswith("."):
                problems.extend(_static_file(path, rel))
            if not name.startswith("."):
                problems.extend(safety.file_name(rel))
    return problems


def _static_file(path: Path, rel: Path) -> list[Problem]:
    """What a document or image under content/ would publish, checked as it is read (pages: `_pages`)."""
    suffix = path.suffix.lower()
    if suffix in embedded.SUFFIXES:
        return safety.attachment(rel, path)
    if suffix == ".md":
        return []
    try:
        return safety.text_file(rel, frontmatter.decode(rel, path.read_bytes()))
    except ContentError as err:
        return err.problems


def _settings(root: Path) -> list[Problem]:
    """mkdocs.yml's texts (the site's name, the footer's contacts, …) reach every page: no identity number, no
    placeholder, and the municipality's own (municipality.py)."""
    config = root / "mkdocs.yml"
    if not config.is_file():
        return []
    text = config.read_text(encoding="utf-8", errors="replace")
    lines = text.split("\n")
    return [*(Problem(p.path, p.line, frontmatter.field_on_line(lines, p.line, all_yaml=True) if p.line else p.field,
                      p.message) for p in safety.text_file(Path(config.name), text)),
            *frontmatter.in_settings(municipality.problems(Path(config.name), text), root)]


def _unfilled(root: Path) -> list[Problem]:
    """The settings a local build takes with the placeholder (municipality.FILL_IN), each with its line."""
    config = root / "mkdocs.yml"
    if not config.is_file():
        return []
    return municipality.unfilled(Path(config.name), config.read_text(encoding="utf-8", errors="replace"))


def notices(archive: Archive) -> list[Problem]:
    """What a local build says besides the summary: each meeting withheld, then each setting not filled in yet."""
    return [*archive.withheld, *map(municipality.notice, archive.unfilled)]


def _own_municipality(root: Path, bodies: list[Any]) -> list[Problem]:
    """A body's `municipality` names another municipality than the site's own (`extra.municipality` in mkdocs.yml):
    the site's own is the default, and written out it would be shown after every name of the body."""
    config = root / "mkdocs.yml"
    try:
        settings = yaml.safe_load(config.read_text(encoding="utf-8")) if config.is_file() else None
    except (yaml.YAMLError, UnicodeDecodeError):
        return []  # the engine reports a broken config
    extra = settings.get("extra") if isinstance(settings, dict) else None
    own = extra.get("municipality") if isinstance(extra, dict) else None
    if not isinstance(own, str):
        return []
    return [Problem(doc.path, doc.line_of(("municipality",)), "municipality",
                    f"'{own}' är webbplatsens egen kommun (extra.municipality i mkdocs.yml), som gäller när "
                    "'municipality' inte anges; ta bort 'municipality', som bara behövs för ett organ i en annan "
                    "kommun")
            for body, doc in bodies if body.municipality and body.municipality.strip() == own.strip()]


def _pages(root: Path, checker: safety.HtmlChecker, reviewed: dict[Path, set[str]]) -> list[Problem]:
    """Hand-written pages: no personal identity numbers, no unsafe HTML (the engine reads the rest)."""
    problems: list[Problem] = []
    for path in sorted(p for p in (root / PAGES).rglob("*") if p.suffix.lower() == ".md" and not p.is_symlink()
                       and p.is_file()):
        rel, raw = path.relative_to(root), path.read_bytes()
        try:
            text = frontmatter.decode(rel, raw)
            doc = frontmatter.parse(rel, raw) if text.startswith("---\n") else Document(rel, {}, text, 1, {}, text)
        except ContentError as err:
            problems.extend(err.problems)
            continue
        problems.extend(safety.check(doc, checker, escaped=False))
        if "template" in doc.data:  # the engine would load any file by that name, or stop with a traceback
            problems.append(Problem(rel, doc.line_of(("template",)), "template", messages.PAGE_TEMPLATE))
        reviewed[rel] = safety.reviewed(doc)
    return problems


def _record(cls: type[R], doc: Document, **derived: Any) -> R:
    """Validate front matter (plus fields derived from the file) against a model class."""
    try:
        return cls.model_validate({**doc.data, **derived})
    except ValidationError as err:
        raise ContentError(_problems(doc, err.errors(), cls)) from None


def _problems(doc: Document, errors: list[Any], cls: type[BaseModel]) -> list[Problem]:
    """One problem per field: a value that fits no member of a union (date or year) is one mistake, not two."""
    by_loc: dict[tuple[Any, ...], list[Any]] = {}
    for error in errors:
        loc = tuple(WRITTEN_AS.get(p, p) if isinstance(p, str) else p for p in error["loc"])
        by_loc.setdefault(loc[:-1] if _union_member(doc.data, loc) else loc, []).append(error)
    by_loc = {loc: _specific(found) for loc, found in by_loc.items()}
    return [_problem(doc, {**found[0], "loc": loc}, cls) if len(found) == 1 else
            Problem(doc.path, doc.line_of(loc), ".".join(map(str, loc)),
                    messages.describe_union([e["loc"][-1] for e in found], found[0].get("input")))
            for loc, found in by_loc.items()]


def _specific(found: list[Any]) -> list[Any]:
    """A union's errors without its literal member's ('anges inte' beside an id): the other member says what form a
    value must have."""
    return [e for e in found if e["type"] != "literal_error"] or found


def _union_member(data: Any, loc: tuple[Any, ...]) -> bool:
    """Whether pydantic's last location part names a union member ('date', 'int'), not a key in the file."""
    for part in loc[:-1]:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return False
    return bool(loc) and isinstance(loc[-1], str) and not isinstance(data, dict)


def _problem(doc: Document, error: Any, cls: type[BaseModel]) -> Problem:
    loc = tuple(error["loc"])
    if loc == ("id",):  # the id is the file name
        return Problem(doc.path, None, "filnamn", messages.describe(error))
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, FieldError):
        loc = (*loc, *cause.loc)
    if error["type"] == "missing" or error["type"] == "value_error" and loc and loc not in doc.lines:
        line = doc.line_of(loc[:-1]) if loc[:-1] else 2
    else:
        line = doc.line_of(loc)
    field = ".".join(str(p) for p in loc) or "front matter"
    fields = schema.fields_at(cls, loc[:-1]) if error["type"] == "extra_forbidden" else None
    message = messages.describe(error, fields, _levels(cls, loc) if fields else None)
    hint = missing_hint(doc.data, loc) if error["type"] == "missing" else ""
    return Problem(doc.path, line, field, f"{message}; {hint}" if hint else message)


def _levels(cls: type[BaseModel], loc: tuple[str | int, ...]) -> tuple[str, str] | None:
    """Where an unknown field at `loc` belongs and where it was written ('sammanträdet', 'ett ärende'), where another
    level of the same kind of record has a field of that name (schema.home_of); None where none has."""
    home = schema.home_of(cls, loc[:-1], str(loc[-1])) if loc else None
    if home is None:
        return None
    return messages.level_name(cls.__name__, home), messages.level_name(cls.__name__, loc[:-1])


def _meeting(doc: Document) -> Meeting:
    """A meeting: matters' facts from front matter, their titles and text from `## Title {#id}` sections (`## anges
    inte {#id}`: the source gives the item no heading, and the model takes the title for unstated)."""
    sections = list(_MATTER_HEADING.finditer(doc.body))
    introduction = doc.body[: sections[0].start()] if sections else doc.body
    by_id = {}
    for i, match in enumerate(sections):
        end = sections[i + 1].start() if i + 1 < len(sections) else len(doc.body)
        by_id[match["id"]] = (match, _LEADING_BLANK_LINES.sub("", doc.body[match.end() : end]).rstrip())
    problems = []
    raw = doc.data.get("matters")
    matters: list[Any] = raw if isinstance(raw, list) else []
    for i, item in enumerate(matters):
        if isinstance(item, dict) and "id" in item:
            for key in ("title", "body"):
                if key in item:
                    problems.append(Problem(doc.path, doc.line_of(("matters", i, key)), f"matters.{i}.{key}",
                                            "ett ärendes rubrik och text står i texten under '## Rubrik {#id}'; "
                                            "ta bort fältet"))
            found = by_id.pop(str(item["id"]), None)
            if found is None:
                problems.append(Problem(doc.path, doc.line_of(("matters", i, "id")), f"matters.{i}.id",
                                        f"ärendet '{item['id']}' saknar rubrik i texten; "
                                        f"skriv '## Rubrik {{#{item['id']}}}' (eller '## {NOT_STATED} "
                                        f"{{#{item['id']}}}' om källan inte ger ärendet någon rubrik)"))
            title, body = (found[0]["title"], found[1]) if found else (str(item["id"]), "")  # validate the rest too
            item.update(title=title, body=body)
    for match, _ in by_id.values():
        line = doc.body_line + doc.body[: match.start()].count("\n")
        problems.append(Problem(doc.path, line, "text",
                                f"rubriken har id '{match['id']}' men inget ärende i 'matters' har det id:t"))
    try:
        meeting = _record(Meeting, doc, introduction=introduction.strip())
    except ContentError as err:
        raise ContentError([*problems, *err.problems]) from None
    if meeting.outside:
        meeting.filed_as(doc.path.stem)
        if problem := outside_file_problem(doc.path.stem, meeting):
            problems.append(Problem(doc.path, doc.line_of(("date",)), "date", problem))
    elif meeting.date is None:
        meeting.filed_as(doc.path.stem)
        if problem := undated_file_problem(doc.path.stem, meeting.body_key):
            problems.append(Problem(doc.path, doc.line_of(("date",)), "date", problem))
    elif doc.path.name != f"{meeting.id}.md":
        problems.append(Problem(doc.path, doc.line_of(("date",)), "date", (
            f"filen heter {doc.path.name} men mötet gäller {meeting.body_key} {meeting.date.isoformat()}; "
            f"byt namn på filen till {meeting.id}.md eller rätta 'date' och 'committee'")))
    if problems:
        raise ContentError(problems)
    return meeting
