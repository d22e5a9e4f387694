"""Every address the site has published keeps working: a renamed record's old addresses lead to its new ones, a
deleted record's say it was removed and when.

What became of a content file that is gone comes from git history (history.py: renames, `git mv` not yet committed,
deletions) and, where history does not reach (a shallow clone), from the address register `addresses.yml` at the
project root. The build keeps the register: every rename and the date of every removal it learns from history is
written into it, to be committed with the content, so that a later build from a shallow clone knows them too.
Editors write one thing there by hand: a line under `removed`, saying why a record was deleted on purpose. A build
that would drop a published address without a rename or such a line stops and says so.

A site started from another site's files (`make new-site`, newsite.py) names in the register the commit it started
after, `started_after`: what history says of the files before and in that commit is the other site's, and no address
of theirs is this site's to keep (history.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import dates, kinds, routes, safety
from .archive import Archive
from .errors import Problem
from .history import Fate, Log, read_log
from .kinds import Kind
from .patterns import COMMIT

REGISTER = Path("addresses.yml")
"""The address register, relative to the project root."""
WRITTEN = (f"{REGISTER} har uppdaterats med namnbyten och borttagningar från git-historiken; checka in filen "
           "tillsammans med innehållet")

_HEADER = """\
# Adressregistret: vad som har hänt med innehållsfiler som har publicerats men inte finns kvar.
# Bygget för in namnbyten (moved) och datum för borttagningar (removed) från git-historiken; checka in filen.
# Har du tagit bort en fil med flit: lägg till en rad under removed, till exempel
#   partners/foreningen.md: Föreningen har upphört.
# Se docs/addresses.md.
"""
_STARTED = """\
# started_after: webbplatsen började efter den här committen (make new-site). Filerna i den och det som hände
# dem före den hör till exemplet som webbplatsen startades från, inte till webbplatsen: deras adresser har aldrig
# publicerats här.
"""


@dataclass(frozen=True)
class Redirect:
    """An address a renamed record published, and the same address of the record now."""

    old: routes.Address
    new: routes.Address
    title: str
    """The record's title now: the link text on the old page."""


@dataclass(frozen=True)
class Removal:
    """An address of a record deleted on purpose: when, and why (the register's note)."""

    address: routes.Address
    kind: Kind
    day: dt.date
    note: str
    page: str
    """The removed record's page address (where its other addresses show why they are gone)."""


@dataclass(frozen=True)
class Removed:
    """A register line under `removed`: why, and when (filled in by the build from history)."""

    note: str
    day: dt.date | None = None


@dataclass
class Register:
    """The address register as data: old file → the file it was renamed to; deleted file → why and when."""

    moved: dict[Path, Path] = field(default_factory=dict)
    removed: dict[Path, Removed] = field(default_factory=dict)
    started_after: str | None = None
    """The commit this site started after (make new-site): its files and their history are another site's."""

    @classmethod
    def read(cls, root: Path) -> tuple[Register, list[Problem]]:
        path = root / REGISTER
        if not path.is_file():
            return cls(), []
        text = path.read_text(encoding="utf-8")
        if found := safety.text_file(REGISTER, text):  # its notes are published
            return cls(), found
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as err:
            return cls(), [Problem(REGISTER, None, "addresses.yml", f"filen är inte giltig YAML ({err}); rätta den")]
        if not isinstance(data, dict):
            return cls(), [Problem(REGISTER, None, "addresses.yml", "filen ska ha avsnitten moved och removed")]
        register, problems = cls(), []
        if (start := data.get("started_after")) is not None:
            if isinstance(start, str) and re.fullmatch(COMMIT, start.strip()):
                register.started_after = start.strip()
            else:
                problems.append(Problem(REGISTER, None, "started_after", f"{str(start)[:60]!r} är ingen commit; skriv "
                                        "den commit som webbplatsen började efter (40 tecken 0–9 och a–f, från git "
                                        "log), eller ta bort raden"))
        for old, new in (data.get("moved") or {}).items():
            register.moved[Path(str(old))] = Path(str(new))
        for old, why in (data.get("removed") or {}).items():
            if isinstance(why, dict) and why.get("note"):
                day = why.get("date")
                register.removed[Path(str(old))] = Removed(str(why["note"]), day if isinstance(day, dt.date) else None)
            elif isinstance(why, str) and why.strip():
                register.removed[Path(str(old))] = Removed(why.strip())
            else:
                problems.append(Problem(REGISTER, None, f"removed.{old}", "skriv varför filen har tagits bort, till "
                                        f"exempel '{old}: Föreningen har upphört.'"))
        return register, problems

    def text(self) -> str:
        """The register as written to its file: sorted, with the header that tells editors what to do."""
        data: dict[str, Any] = {
            **({"started_after": self.started_after} if self.started_after else {}),
            "moved": {str(old): str(new) for old, new in sorted(self.moved.items())},
            "removed": {str(old): ({"note": r.note, "date": r.day} if r.day else r.note)
                        for old, r in sorted(self.removed.items())},
        }
        return _HEADER + (_STARTED if self.started_after else "") + yaml.safe_dump(
            data, allow_unicode=True, sort_keys=False, width=120)


@dataclass
class Addresses:
    """What the build publishes at addresses no record has any more."""

    redirects: list[Redirect] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    register: Register = field(default_factory=Register)
    """The register as this build leaves it (what it read, with what history added)."""

    @property
    def redirect_pages(self) -> dict[str, str]:
        """Each old page address with the page it leads to (site-relative paths)."""
        return {r.old.path: r.new.path for r in self.redirects if r.old.page}


def _is_record_file(path: Path) -> bool:
    return len(path.parts) == 2 and path.suffix == ".md" and path.parts[0] in kinds.FOLDERS


def history(root: Path) -> Log:
    """`root`'s git history as this site's: after the commit the register says the site started after, if any."""
    return read_log(root, Register.read(root)[0].started_after)


def check(root: Path, archive: Archive, today: dt.date) -> list[Problem]:
    """What keeps this content from being published as far as addresses go (`make check` asks as the build does)."""
    return published(root, history(root), archive, today).problems


def published(root: Path, log: Log, archive: Archive, today: dt.date) -> Addresses:
    """Every address once published that no record has now: where it leads, or when and why it was removed; a
    problem for each one that would be dropped without either."""
    register, problems = Register.read(root)
    if log.unknown_start:
        problems.append(Problem(REGISTER, None, "started_after", (
            f"committen {register.started_after} som webbplatsen började efter finns inte i git-historiken; skriv "
            "den commit som webbplatsen började efter (git log), eller ta bort raden")))
    out = Addresses(problems=problems, register=Register(dict(register.moved), dict(register.removed),
                                                         register.started_after))
    gone = sorted(p for p in {*log.events, *register.moved, *register.removed}
                  if _is_record_file(p) and not (root / p).exists())
    for path in gone:
        _resolve(path, root, log, register, archive, today, out)
    return out


def _resolve(path: Path, root: Path, log: Log, register: Register, archive: Archive, today: dt.date,
             out: Addresses) -> None:
    kind = kinds.by_folder(path.parts[0])
    seen, here = {path}, path
    while not (root / here).exists():
        event = log.events.get(here)
        target = event.to if event and event.fate is Fate.MOVED else register.moved.get(here)
        if target is not None and event and event.to:
            out.register.moved[here] = event.to
        if target is None or target in seen:
            break
        seen.add(target)
        here = target
    if (root / here).exists():
        if not _is_record_file(here) or kinds.by_folder(here.parts[0]) is not kind:
            out.problems.append(Problem(here, None, "filnamn", (
                f"{path} har bytt namn till {here}, i en annan mapp; flytta tillbaka filen till {path.parts[0]}/ "
                "(en post kan byta namn men inte slag)")))
            return
        title = _title(archive, kind, here.stem)
        for old, new in zip(routes.addresses(kind, path.stem), routes.addresses(kind, here.stem), strict=True):
            out.redirects.append(Redirect(old, new, title))
        return
    removed = register.removed.get(here) or register.removed.get(path)
    if removed is None:
        out.problems.append(Problem(path, None, "adress", (
            f"{path} har publicerats men finns inte längre, och dess adresser skulle sluta fungera. Har filen bytt "
            f"namn: byt namn med git mv (eller lägg till raden '{path}: <nytt filnamn>' under moved i {REGISTER}). "
            f"Har sidan tagits bort med flit: lägg till en rad under removed i {REGISTER}, till exempel "
            f"'{path}: Togs bort på begäran.'; annars: lägg tillbaka filen")))
        return
    event = log.events.get(here)
    day = removed.day or (event.at.astimezone(dates.TIMEZONE).date() if event and event.at else today)
    out.register.removed[here if here in register.removed else path] = Removed(removed.note, day)
    own = routes.addresses(kind, path.stem)
    out.removals.extend(Removal(a, kind, day, removed.note, own[0].path) for a in own)


def _title(archive: Archive, kind: Kind, id: str) -> str:
    by_id: dict[Kind, dict[str, Any]] = {
        kinds.COMMITTEE: archive.committees, kinds.PARTNER: archive.partners, kinds.AGREEMENT: archive.agreements,
        kinds.REPORT: archive.reports, kinds.MEETING: {m.id: m for m in archive.meetings},
    }
    record = by_id[kind].get(id)
    if record is None:
        return id
    return str(getattr(record, "name", None) or record.title)


def keep(root: Path, found: Addresses) -> bool:
    """Write the register when this build knows more than its file says; whether it wrote."""
    path = root / REGISTER
    if not (found.register.moved or found.register.removed or found.register.started_after):
        return False
    text = found.register.text()
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    try:
        path.write_text(text, encoding="utf-8")
    except OSError:
        return False
    return True


# -- what the build publishes at the old addresses ----------------------------------------------------

_OPARL_TYPES = {kinds.COMMITTEE: "Organization", kinds.PARTNER: "Organization", kinds.MEETING: "Meeting",
                kinds.AGREEMENT: "Paper", kinds.REPORT: "Paper"}

Render = Callable[[str, dict[str, Any]], str]
"""Renders one of the package's templates with the given values."""


def refresh(redirect: Redirect) -> str:
    """The `<meta http-equiv="refresh">` content of a moved page: at once, to the new page, relative."""
    return f"0; url={routes.relative(redirect.old.path, redirect.new.path)}"


def files(found: Addresses, base_url: str, render: Render, published: dict[str, str | bytes]) -> dict[str, str]:
    """The files at the old addresses, by site-relative path: a page that leads on (moved) or says when the record
    was removed; an OParl object as a copy of its new self (whose `id` names where it lives now), or as the
    `deleted: true` object OParl 1.1 prescribes. Feeds, calendars and JSON files redirect only by the map."""
    out: dict[str, str] = {}
    for r in found.redirects:
        if r.old.page:
            out[_index(r.old.path)] = render("moved.html.j2", {
                "title": r.title, "refresh": refresh(r), "target": routes.relative(r.old.path, r.new.path),
                "canonical": base_url + r.new.path})
        elif r.old.oparl and isinstance(content := published.get(r.new.path), str):
            out[r.old.path] = content
    for x in found.removals:
        if x.address.page:
            out[_index(x.address.path)] = render("removed.html.j2", {
                "day": x.day, "note": x.note, "home": routes.relative(x.address.path, routes.HOME)})
        elif x.address.oparl:
            out[x.address.path] = json.dumps({"id": base_url + x.address.path, "type": f"{_OPARL_VERSION}"
                                              f"{_OPARL_TYPES[x.kind]}", "deleted": True}, indent=2) + "\n"
    out[routes.REDIRECTS] = redirects_file(found, base_url)
    out[routes.NGINX_MAP] = nginx_map(found, base_url)
    return out


_OPARL_VERSION = "https://schema.oparl.org/1.1/"


def _index(page: str) -> str:
    return f"{page}index.html"


def _rules(found: Addresses, base_url: str) -> list[tuple[str, str, int]]:
    """Every old address (absolute path on the host) with where it leads and the HTTP status: 301 to the new
    address, or 410 with the removed record's page."""
    root = urllib.parse.urlsplit(base_url).path or "/"
    rules = [(root + r.old.path, root + r.new.path, 301) for r in found.redirects]
    rules += [(root + x.address.path, root + _index(x.page), 410) for x in found.removals]
    return sorted(rules)


def redirects_file(found: Addresses, base_url: str) -> str:
    """`_redirects` (Netlify, Cloudflare Pages): 'from to status' per line."""
    lines = ["# Flyttade och borttagna adresser (addresses.yml, git-historiken); skrivs av bygget."]
    lines += [f"{old} {new} {status}" for old, new, status in _rules(found, base_url)]
    return "\n".join(lines) + "\n"


def nginx_map(found: Addresses, base_url: str) -> str:
    """The same rules as the body of an nginx `map $uri $moved_to { … }`: the new address, or 410."""
    lines = ["# Flyttade och borttagna adresser: se docs/build-and-deployment.md."]
    lines += [f"{old} {new if status == 301 else 410};" for old, new, status in _rules(found, base_url)]
    return "\n".join(lines) + "\n"
