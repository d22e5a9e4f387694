"""`make check`: validate all content, then build it where nothing is published, and print every problem.

The build runs the very same `loader.load` first (the MkDocs hook's on_config) and the same output gate
(gate.py) last; `make check` runs both, the build through the engine's adapter into a temporary folder,
so what this command accepts the build accepts, and the other way round.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from . import dates, loader
from .errors import ContentError, Problem

Builder = Callable[[Path], list[Problem]]
"""Builds a project where nothing is published and returns what stopped it (the engine's adapter has one)."""


def problems(root: Path, build: Builder | None = None) -> list[Problem]:
    """Every problem in the content under `root`, then (with `build`) in what it would publish."""
    return report(root, build)[0]


def report(root: Path, build: Builder | None = None) -> tuple[list[Problem], list[Problem]]:
    """The problems, and the notices: what is valid but withheld on the build date (a meeting not yet held)."""
    try:
        archive = loader.load(root, dates.build_date())
    except ContentError as err:
        return err.problems, []
    return (build(root) if build else []), archive.withheld


def main(argv: list[str] | None = None, build: Builder | None = None) -> int:
    """Print `path:line: field: message` for each problem; exit status 1 if there is any."""
    args = sys.argv[1:] if argv is None else argv
    found, notices = report(Path(args[0]) if args else Path.cwd(), build)
    for problem in [*found, *notices]:
        print(problem)
    if found:
        print(f"{len(found)} fel hittades; webbplatsen byggs inte förrän de är rättade.", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
