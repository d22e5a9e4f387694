"""What to say after "det finns ingen … med id 'x'": a "menade du" only when it is close, otherwise the
ids that exist, and how to add a new one.

A suggestion that is merely similar misleads (an unknown `fontanhuset-lund-2026-2028` once suggested
another partner's `kvinnojouren-lund-2021-2023`: both end in "-lund-20xx"). Ids are compared without
their trailing years, and only a close match of that name is offered; the years then pick among
that name's ids.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

CLOSE = 0.8
"""How similar (difflib's ratio, 0–1) a name must be to be suggested: a typo or two, not a shared suffix."""
LISTED = 8
"""Up to this many existing ids are listed when none is close; beyond it the folder is named."""

_YEARS = re.compile(r"(?:-\d{4}){1,2}$")

CREATE = {
    "nämnd": ("committees/", 'make new-committee NAME="Nämndens namn"'),
    "partner": ("partners/", 'make new-partner NAME="Organisationens namn"'),
    "överenskommelse": ("agreements/", 'make new-agreement PARTNER=<partner-id> YEARS=ÅÅÅÅ-ÅÅÅÅ'),
}
"""Where ids of each kind live and the scaffold that adds one, by the word the message uses for the kind."""


def hint(value: str, known: Iterable[str], what: str) -> str:
    """The text after the message: ' (menade du 'y'?)', or the existing ids and how to create one."""
    ids = sorted(known)
    close = _close(value, ids)
    if close:
        return f" (menade du '{close}'?)"
    folder, scaffold = CREATE.get(what, ("", ""))
    listed = (f"; de som finns: {', '.join(ids)}" if len(ids) <= LISTED
              else f"; se de {len(ids)} filerna i {folder}" if folder else "")
    return listed + (f"; en ny läggs till med {scaffold}" if scaffold else "")


def closest(value: str, names: Iterable[str]) -> str | None:
    """The name in `names` that `value` is a near typo of (a field name, an id); None where none is close."""
    return _close(value, sorted(names))


def _close(value: str, ids: list[str]) -> str | None:
    """The id whose name (years aside) is a near typo of `value`'s, nearest in years among that name's ids."""
    name = _YEARS.sub("", value)
    names = {_YEARS.sub("", i) for i in ids}
    match = difflib.get_close_matches(name, names, n=1, cutoff=CLOSE)
    if not match:
        return None
    same = [i for i in ids if _YEARS.sub("", i) == match[0]]
    return difflib.get_close_matches(value, same, n=1, cutoff=0.0)[0]
