"""`make check`: validate all content, then build it where nothing is published, and print every problem.

The build runs the very same `loader.load` first (the MkDocs hook's on_config), the same check of the addresses
once published (addresses.py) and the same output gate (gate.py) last; `make check` runs them all, the build through
the engine's adapter into a temporary folder, so what this command accepts the build accepts, and the other way round.
"""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Callable
from pathlib import Path

from . import addresses, cache, dates, loader
from .errors import ContentError, Problem

Builder = Callable[[Path], list[Problem]]
"""Builds a project where nothing is published and returns what stopped it (the engine's adapter has one)."""


def problems(root: Path, build: Builder | None = None) -> list[Problem]:
    """Every problem in the content under `root`, then (with `build`) in what it would publish."""
    return report(root, build)[0]


def report(root: Path, build: Builder | None = None) -> tuple[list[Problem], list[Problem]]:
    """The problems, and the notices: what is valid but withheld on the build date (a meeting not yet held), and the
    settings a local build takes unfilled (municipality.FILL_IN).

    The whole build (`build`) runs only when something besides the records changed since one last passed
    (cache.built): every check a record's change can fail is made where the record is loaded."""
    try:
        day = dates.build_date()
        archive = loader.load(root, day)
    except ContentError as err:
        return err.problems, []
    if found := addresses.check(root, archive, day):  # a deleted record is a change to records alone, too
        return found, []
    if build is None or cache.built(root, os.environ):
        return [], loader.notices(archive)  # only records changed since a whole build passed: the loader judged them
    return build(root), loader.notices(archive)


def annotation(problem: Problem, command: str = "error") -> str:
    """The problem as a GitHub Actions annotation (`error` or `notice`), shown beside the file's line."""
    where = f"file={_property(problem.path.as_posix())}" + (f",line={problem.line}" if problem.line else "")
    return f"::{command} {where},title={_property(problem.field)}::{_data(problem.message)}"


def _data(text: str) -> str:
    """GitHub's escaping of a workflow command's message: the line cannot end, or another command start."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """GitHub's escaping of a workflow command's property value."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _one_line(problem: Problem) -> str:
    """The problem on one line, whatever its file name or text holds."""
    return str(problem).replace("\r", "\\r").replace("\n", "\\n")


def main(argv: list[str] | None = None, build: Builder | None = None) -> int:
    """Print `path:line: field: message` for each problem, then each notice; exit 1 if any problem.

    Under GitHub Actions the build's own output is printed with workflow commands stopped (a file name or
    title in it could otherwise read as one), and the problems and notices follow as escaped annotations."""
    args = sys.argv[1:] if argv is None else argv
    token = secrets.token_hex(16) if os.environ.get("GITHUB_ACTIONS") == "true" else ""
    if token:
        print(f"::stop-commands::{token}", flush=True)
    found, notices = report(Path(args[0]) if args else Path.cwd(), build)
    if token:
        sys.stderr.flush()
        print(f"::{token}::", flush=True)
    for problem in found:
        print(annotation(problem) if token else _one_line(problem))
    for notice in notices:
        print(annotation(notice, "notice") if token else _one_line(notice))
    if found:
        print(f"{len(found)} fel hittades; webbplatsen byggs inte förrän de är rättade.", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
