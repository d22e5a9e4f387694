"""Where each record is published: one URL scheme, directory-style, relative to the site root."""

from __future__ import annotations

import posixpath

from .model import Agreement, Committee, Meeting, Partner, Report

HOME = ""
MEETINGS = "sammantraden/"
AGREEMENTS = "overenskommelser/"
PARTNERS = "partner/"
REPORTS = "tjansteskrivelser/"


def meeting(m: Meeting) -> str:
    return f"{MEETINGS}{m.date.isoformat()}-{m.committee}/"


def year(y: int) -> str:
    return f"{MEETINGS}{y}/"


def agreement(a: Agreement) -> str:
    return f"{AGREEMENTS}{a.id}/"


def partner(p: Partner) -> str:
    return f"{PARTNERS}{p.id}/"


def report(r: Report) -> str:
    return f"{REPORTS}{r.id}/"


def committee(c: Committee) -> str:
    return f"{MEETINGS}{c.id}/"


def source_path(url: str) -> str:
    """The Markdown source path an engine builds `url` from: 'a/b/' -> 'a/b.md', '' -> 'index.md'."""
    if url == HOME:
        return "index.md"
    path = url.rstrip("/")
    return f"{path}/index.md" if url in (MEETINGS, AGREEMENTS, PARTNERS, REPORTS) else f"{path}.md"


def relative(from_url: str, to_url: str) -> str:
    """A link from one page to another page (a fragment may follow) or file, valid under any base path."""
    target, _, fragment = to_url.partition("#")
    start = from_url.rstrip("/") or "."
    rel = posixpath.relpath(target.rstrip("/") or ".", start)
    rel = "./" if rel == "." else rel + ("/" if target.endswith("/") or not target else "")
    return f"{rel}#{fragment}" if fragment else rel
