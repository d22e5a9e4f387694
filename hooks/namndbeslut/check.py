"""`make check`: validate all content without building, and print every problem, one per line.

The build runs the very same `loader.load` first (the MkDocs hook's on_config), so what this
command accepts the build accepts, and the other way round.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from . import loader
from .errors import ContentError, Problem


def problems(root: Path) -> list[Problem]:
    """Every problem in the content under `root` (none when it would build)."""
    try:
        loader.load(root)
    except ContentError as err:
        return err.problems
    return []


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


def main(argv: list[str] | None = None) -> int:
    """Print `path:line: field: message` for each problem; exit status 1 if there is any."""
    args = sys.argv[1:] if argv is None else argv
    found = problems(Path(args[0]) if args else Path.cwd())
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in found:
        print(annotation(problem) if annotate else problem)
    if found:
        print(f"{len(found)} fel hittades; webbplatsen byggs inte förrän de är rättade.", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
