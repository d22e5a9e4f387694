"""Edits an editor makes to the seeds, one after another: what the preview's quick update and `make site`'s build
over an earlier output must publish exactly as a whole build of the same content does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

NEW_MEETING = """---
committee: socialnamnden
date: 2021-09-15
title: Socialnämnden – aktuella beslut september 2021
matters:
  - id: uppfoljning-iop-2021
    paragraphs: [120]
    concerns: [rsmh]
---
Uppföljning av överenskommelserna.

## Uppföljning av idéburna partnerskap {#uppfoljning-iop-2021}

Nämnden tog del av uppföljningen. Se också 2020-11-11 § 167.
"""


def _replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def _write(rel: str, text: str | None) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        if text is None:
            (root / rel).unlink()
        else:
            (root / rel).write_text(text, encoding="utf-8")
    return edit


NEW_YEAR_AGREEMENT = """---
title: Överenskommelse om idéburet offentligt partnerskap med RSMH 2024–2026
kind: iop
partner: rsmh
public_party: Socialförvaltningen i Lund
committee: socialnamnden
term:
  start: 2024
  end: 2026
funding:
  - year: 2024
    amount: 100000
---
En överenskommelse i ett år som ingen annan börjar: varje års sida listar de andra åren.
"""

EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("a meeting's title", _replace("decisions/2021-01-20-socialnamnden.md", "title: Socialnämnden –",
                                   "title: Ändrad rubrik – Socialnämnden –")),
    ("a matter's text with a citation", _replace("decisions/2021-06-09-socialnamnden.md", "\n## ",
                                                 "\nSe beslutet 2020-11-11 § 167.\n\n## ")),
    ("a partner's name", _replace("partners/rsmh.md", "name: Riksförbundet", "name: Föreningen Riksförbundet")),
    ("an agreement's text", _replace("agreements/rsmh-2021-2023.md", "\n---\n", "\n---\nEn ny första mening.\n\n")),
    ("a new meeting", _write("decisions/2021-09-15-socialnamnden.md", NEW_MEETING)),
    ("the new meeting removed", _write("decisions/2021-09-15-socialnamnden.md", None)),
    ("an agreement in a new year", _write("agreements/rsmh-2024-2026.md", NEW_YEAR_AGREEMENT)),
    ("the body's name", _replace("committees/socialnamnden.md", "name: Socialnämnden", "name: Sociala nämnden")),
]
