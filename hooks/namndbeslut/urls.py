"""Where each record is published: one URL scheme, directory-style, relative to the site root."""

from __future__ import annotations

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
    start, parts = from_url.split("/"), target.split("/")  # site-root URLs: no '.', '..' or leading '/'
    start, parts = [p for p in start if p], [p for p in parts if p]
    common = 0
    while common < min(len(start), len(parts)) and start[common] == parts[common]:
        common += 1
    rel = "/".join([".."] * (len(start) - common) + parts[common:])
    rel = rel + ("/" if target.endswith("/") or not target else "") if rel else "./"
    return f"{rel}#{fragment}" if fragment else rel
