"""Sums and the files that hold them, as the money modules (test_money2-4) write and expect them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def qualified(kronor: int, **given: Any) -> dict[str, Any]:
    """A sum in the data with the qualifiers every qualified sum carries, and those `given`."""
    return {"amount": kronor, "currency": "SEK", "ceiling": False, "per_year": None, "recipient": None,
            "approximate": False, "amount_up_to": None, **given}


def matter_file(amount: str) -> dict[str, str]:
    """A meeting file whose one matter has `amount` (YAML as an editor writes it) on line 7."""
    return {"decisions/2024-02-14-kommunstyrelsen.md": (
        "---\ncommittee: kommunstyrelsen\ndate: 2024-02-14\ntitle: KS\nmatters:\n  - id: bidrag\n"
        f"    amount: {amount}\n---\n## Bidrag {{#bidrag}}\n\nText.\n")}


def funding_file(row: str, start: int = 2023, end: int = 2025) -> dict[str, str]:
    """An agreement file for the term `start`–`end` whose one funding row (YAML as written) is on line 6."""
    return {"agreements/avtal.md": (f"---\ntitle: Avtal\npartner: byalaget\nterm: {{start: {start}, end: {end}}}\n"
                                    f"funding:\n  - {row}\n---\n")}


def with_parties(tree: Mapping[str, str], files: Mapping[str, str]) -> dict[str, str]:
    """`files` with the committees and partners of a case tree: what they need to load, and nothing else."""
    return {**{k: v for k, v in tree.items() if k.startswith(("committees/", "partners/"))}, **files}
