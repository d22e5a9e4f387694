"""`make check`: validate all content, then build it where nothing is published, and print every problem.

The build runs the very same `loader.load` first (the MkDocs hook's on_config) and the same output gate
(gate.py) last; `make check` runs both, the build through the engine's adapter into a temporary folder,
so what this command accepts the build accepts, and the other way round.
"""

from __future__ import annotations

import os
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


def annotation(problem: Problem) -> str:
    """The problem as a GitHub Actions annotation, shown beside the file's line in a pull request."""
    where = f"file={_property(problem.path.as_posix())}" + (f",line={problem.line}" if problem.line else "")
    return f"::error {where},title={_property(problem.field)}::{_data(problem.message)}"


def _data(text: str) -> str:
    """GitHub's escaping of a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """GitHub's escaping of a workflow command's property value."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def main(argv: list[str] | None = None, build: Builder | None = None) -> int:
    """Print `path:line: field: message` for each problem (a GitHub annotation under Actions); exit 1 if any."""
    args = sys.argv[1:] if argv is None else argv
    found, notices = report(Path(args[0]) if args else Path.cwd(), build)
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in found:
        print(annotation(problem) if annotate else problem)
    for notice in notices:
        print(notice)
    if found:
        print(f"{len(found)} fel hittades; webbplatsen byggs inte förrän de är rättade.", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
