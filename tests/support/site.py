"""Building the real site (the pinned engine, strict) and reading what a reader or a client gets from it."""

from __future__ import annotations

import csv
import io
import json
import os
import posixpath
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from namndbeslut import engine

from support.project import ROOT, link_engine, write_tree

_MKDOCS: dict[str, Any] = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
SITE_URL: str = _MKDOCS["site_url"]
"""The published address of the site (mkdocs.yml's site_url), ending in '/'."""
EXTRA: dict[str, Any] = _MKDOCS["extra"]
"""mkdocs.yml's `extra`: the settings the build hands to every output."""


def build(dest: Path, build_date: str, root: Path = ROOT,
          environ: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real build (the pinned engine, strict) of `root` into `dest` for a given BUILD_DATE.

    A local build unless `environ` says otherwise: the caller's PUBLISH and SITE_URL are left out.
    """
    env = {k: v for k, v in os.environ.items() if k not in ("PUBLISH", "SITE_URL")}
    env.update({"BUILD_DATE": build_date, **(environ or {})})
    return subprocess.run(engine.build_command(root / engine.CONFIG, dest), check=False, cwd=root, env=env,
                          capture_output=True, text=True)


def one(parent: Tag, selector: str) -> Tag:
    """The element a CSS selector finds; a test failure naming the selector when there is none."""
    found = parent.select_one(selector)
    assert found is not None, f"nothing matches {selector!r}"
    return found


def attr(tag: Tag, name: str) -> str:
    """An attribute's value as one string (bs4 returns a list for multi-valued ones like class)."""
    value = tag.get(name)
    assert isinstance(value, str), f"<{tag.name}> has no single {name!r} attribute: {value!r}"
    return value


def string(tag: Tag) -> str:
    """An element's only text child (a script's JSON, a title): a test failure when it has none or several."""
    assert tag.string is not None, f"<{tag.name}> has no single text child"
    return str(tag.string)


def built_tree(folders: pytest.TempPathFactory, name: str, tree: Mapping[str, str], build_date: str) -> BuiltSite:
    """The strict build of `tree` (content files by path) with the project's engine, theme and settings, which
    must build without a warning."""
    root = folders.mktemp(name)
    write_tree(root, dict(tree))
    link_engine(root)
    dest = folders.mktemp("site")
    result = build(dest, build_date, root)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(dest)


def words(tag: Tag) -> str:
    """An element's text as a reader hears it: words separated by single spaces (no-break spaces too)."""
    return " ".join(tag.get_text(" ", strip=True).replace("\u00a0", " ").split()).replace(" ,", ",").replace(" ;", ";")


class BuiltSite:
    """A built site and helpers to read the HTML a reader gets."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def html(self, url: str) -> str:
        return (self.path / url / "index.html").read_text(encoding="utf-8")

    def soup(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(url), "lxml")

    def article(self, url: str) -> Tag:
        article = self.soup(url).select_one("article")
        assert article is not None, f"{url} has no <article>"
        return article

    def text(self, url: str) -> str:
        return " ".join(self.article(url).get_text(" ", strip=True).split())

    def fact_box(self, url: str) -> dict[str, Tag]:
        """A page's fact box: each <dt>'s label with the <dd> that gives its value."""
        values = {}
        for term in one(self.article(url), ".fact-box").select("dt"):
            value = term.find_next_sibling("dd")
            assert isinstance(value, Tag), f"{url}: {term} has no <dd>"
            values[term.get_text(strip=True)] = value
        return values

    def steps(self, url: str) -> list[str]:
        """An agreement page's 'Beslutsgång', its dated steps in order, as a reader hears each step (none where every
        step is undated: see undated_steps)."""
        heading = next(h for h in self.article(url).select("h2") if words(h) == "Beslutsgång")
        listing = heading.find_next_sibling()
        assert isinstance(listing, Tag), "the steps follow their heading"
        return [words(li) for li in listing.select("li")] if listing.name == "ol" else []

    def undated_steps(self, url: str) -> list[str]:
        """An agreement page's steps whose source gives no date: after 'Beslutsgång', under 'Steg utan datum i
        källan', an unordered list (none where there is no such heading)."""
        heading = next((h for h in self.article(url).select("h3") if words(h) == "Steg utan datum i källan"), None)
        if heading is None:
            return []
        listing = heading.find_next_sibling()
        assert isinstance(listing, Tag) and listing.name == "ul", "the undated steps are an unordered list"
        return [words(li) for li in listing.select("li")]

    def matter_facts(self, url: str, matter: str) -> list[str]:
        """The facts listed under a matter's heading on its meeting page ('Punkt 5', 'Belopp: …'), as heard (an h3 under
        its agenda section's heading)."""
        facts = one(self.article(url), f":is(h2, h3)#{matter}").find_next_sibling("ul")
        assert isinstance(facts, Tag), f"{url}#{matter} lists no facts"
        return [words(li) for li in facts.select("li")]

    def events(self, body: str) -> dict[str, Any]:
        """A body's calendar (kalender/<body>.ics): its events by UID, without the host."""
        cal = icalendar.Calendar.from_ical((self.path / f"kalender/{body}.ics").read_bytes())
        return {str(e["uid"]).split("@")[0]: e for e in cal.walk("VEVENT")}

    def links(self, url: str) -> list[str]:
        """Every link in the page's article, resolved to a site-relative URL."""
        hrefs = [attr(a, "href") for a in self.article(url).select("a[href]")]
        return [resolve(url, h) for h in hrefs if not ("://" in h or h.startswith(("mailto:", "#")))]

    def facts(self, url: str) -> dict[str, str]:
        """The fact box as text: each label with its value's words."""
        return {label: words(value) for label, value in self.fact_box(url).items()}

    def breadcrumbs(self, url: str) -> list[tuple[str, str | None]]:
        """The page's breadcrumb trail as a reader gets it, each step's name and where it leads (None for the
        page itself); fails unless it is the APG pattern: one nav named 'Brödsmulor' in the article, an ordered
        list whose items each hold one link, but the last, the current page: text with aria-current="page"."""
        navs = self.article(url).select('nav[aria-label="Brödsmulor"]')
        assert len(navs) == 1, f"{url}: {len(navs)} breadcrumb navs"
        items = navs[0].select(":scope > ol > li")
        assert items and len(items) == len(navs[0].select("li")), f"{url}: not one flat <ol>"
        *above, here = items
        assert here.get("aria-current") == "page" and here.select("a") == [], f"{url}: last item {here}"
        trail: list[tuple[str, str | None]] = []
        for li in above:
            (link,) = li.select("a[href]")
            assert li.get("aria-current") is None and words(li) == words(link), f"{url}: {li}"
            trail.append((words(link), resolve(url, attr(link, "href"))))
        return [*trail, (words(here), None)]

    def body_links(self, url: str) -> tuple[str, str, dict[str, str]]:
        """A meeting page's block about its body: the heading, the text before the links (the remit's first
        paragraph, or ''), and each link's text with where it leads (site-relative, or the external URL)."""
        block = one(self.article(url), "ul.body-links")
        heading = block.find_previous("h2")
        assert isinstance(heading, Tag), f"{url}: the body's links have no heading"
        text = [words(p) for p in heading.find_next_siblings("p") if p.find_next_sibling("ul") is block]
        links = {}
        for a in block.select("a[href]"):
            href = attr(a, "href")
            links[words(a)] = href if "://" in href else resolve(url, href)
        return words(heading), " ".join(text), links


def resolve(page: str, href: str) -> str:
    """A relative link on page `page` as a site-relative URL ('namnder/socialnamnden/#kommande')."""
    path, _, frag = href.partition("#")
    joined = posixpath.normpath(posixpath.join(page, path)) + "/"
    return (joined.lstrip("./") if joined != "./" else "") + (f"#{frag}" if frag else "")


def read(site: BuiltSite, path: str) -> str:
    """A built file's text, by its path in the site (without the byte-order mark the CSV files start with)."""
    return (site.path / path).read_text(encoding="utf-8-sig")


def data(site: BuiltSite, path: str) -> Any:
    """A built JSON file, parsed."""
    return json.loads(read(site, path))


def csv_rows(site: BuiltSite, path: str) -> list[dict[str, str]]:
    """A built CSV file (';' between cells, as the site writes them), a dict per row by the header's names."""
    return list(csv.DictReader(io.StringIO(read(site, path)), delimiter=";"))


def csv_by(site: BuiltSite, path: str, key: str) -> dict[str, dict[str, str]]:
    """A built CSV file's rows by the value of the column `key` ('Id')."""
    return {r[key]: r for r in csv_rows(site, path)}


def records_by(site: BuiltSite, path: str, key: str) -> dict[str, dict[str, Any]]:
    """A built JSON list's records by the value of the field `key` ('id'): the JSON counterpart of csv_by, which
    fails when two records share a key (a lookup by it would silently see only one)."""
    records: list[dict[str, Any]] = data(site, path)
    found = {r[key]: r for r in records}
    assert len(found) == len(records), f"{path}: two records share a {key!r}"
    return found


def matters(site: BuiltSite) -> dict[str, dict[str, Any]]:
    """The matters dataset (data/arenden.json) by id: what most tests of a matter's facts read."""
    return records_by(site, "data/arenden.json", "id")


def matter_cells(site: BuiltSite) -> dict[str, dict[str, str]]:
    """The matters CSV (data/arenden.csv) by its 'Id' column: the table counterpart of `matters`."""
    return csv_by(site, "data/arenden.csv", "Id")


def oparl_object(site: BuiltSite, kind: str, object_id: str) -> dict[str, Any]:
    """A published OParl object, by its kind as the path names it ('meeting', 'agenda-item') and its id."""
    found: dict[str, Any] = data(site, f"oparl/{kind}/{object_id}.json")
    return found
