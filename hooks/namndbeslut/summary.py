"""The build log's last word: what was published, in Swedish, so an editor sees at a glance that the
records they added are out (and which meetings were held back), without a line per page."""

from __future__ import annotations

from .archive import Archive

_NOUNS = {
    "meetings": ("sammanträde", "sammanträden"),
    "outside": ("beslut utanför sammanträden", "beslut utanför sammanträden"),
    "agreements": ("överenskommelse", "överenskommelser"),
    "partners": ("partner", "partner"),
    "reports": ("tjänsteskrivelse", "tjänsteskrivelser"),
    "committees": ("organ", "organ"),
    "pages": ("sida", "sidor"),
    "data": ("datafil", "datafiler"),
}


def count(n: int, what: str) -> str:
    """'1 sida', '35 sidor': a number with its Swedish noun in the right form."""
    one, many = _NOUNS[what]
    return f"{n:,} {one if n == 1 else many}".replace(",", "\u00a0")


def published(archive: Archive, pages: int, data: int) -> str:
    """One line: how many records of each kind, pages and data files the build published."""
    outside = len(archive.outside_decisions)
    records = [count(len(archive.meetings) - outside, "meetings"),
               *([count(outside, "outside")] if outside else []), count(len(archive.agreements), "agreements"),
               count(len(archive.partners), "partners"), count(len(archive.reports), "reports"),
               count(len(archive.committees), "committees")]
    return f"Publicerat: {', '.join(records)}; {count(pages, 'pages')} och {count(data, 'data')}."
