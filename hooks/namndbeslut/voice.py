"""How generated sentences name who decides: the one body that publishes, or the municipality.

With only socialnämnden the site says "nämndens sammanträden", as lund.se does; with several bodies
it says "kommunens", never naming one body for all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Committee


@dataclass(frozen=True)
class Voice:
    subject: str
    """'nämnden', 'kommunfullmäktige', 'organet' for a body of unstated kind, or 'kommunen' for several bodies."""

    @property
    def genitive(self) -> str:
        """'nämndens', 'kommunfullmäktiges', 'kommunens'."""
        return f"{self.subject}s"


def of(bodies: Iterable[Committee]) -> Voice:
    found = list(bodies)
    return Voice(found[0].definite if len(found) == 1 else "kommunen")
