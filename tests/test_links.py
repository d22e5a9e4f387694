"""Every internal link and anchor in the built site resolves."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

import yaml
from bs4 import BeautifulSoup
from support.project import ROOT
from support.site import BuiltSite, attr

BASE = urlsplit(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).path


def test_no_broken_internal_links(site: BuiltSite) -> None:
    pages = {p.relative_to(site.path).as_posix(): p for p in site.path.rglob("*.html")}
    ids: dict[str, set[str]] = {}
    broken = []
    for rel, path in sorted(pages.items()):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for a in soup.select("a[href]"):
            href = attr(a, "href")
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            if parts.path.startswith("/"):  # absolute (the 404 page): relative to site_url's path
                assert parts.path.startswith(BASE), f"{rel}: {href} is outside the site"
                parts = parts._replace(path=parts.path[len(BASE):] or ".")
                rel_dir = ""
            else:
                rel_dir = posixpath.dirname(rel)
            target = posixpath.normpath(posixpath.join(rel_dir, unquote(parts.path))) if parts.path else rel
            if (site.path / target).is_dir():
                target = posixpath.join(target, "index.html")
            if target not in pages and not (site.path / target).is_file():
                broken.append(f"{rel}: {href}")
                continue
            if parts.fragment and target in pages:
                if target not in ids:
                    soup_of_target = BeautifulSoup(pages[target].read_text(encoding="utf-8"), "lxml")
                    ids[target] = {attr(el, "id") for el in soup_of_target.select("[id]")}
                if unquote(parts.fragment) not in ids[target]:
                    broken.append(f"{rel}: {href} (no such anchor)")
    assert not broken, "\n".join(broken)
