"""Errors an editor can act on: each names the file, the line and the field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one content file."""

    path: Path
    """The file, as the editor knows it (relative to the project root where possible)."""
    line: int | None
    """1-based line of the offending key or text, when known."""
    field: str
    """The field as written in the file (e.g. `term.end`), or a short description of the place."""
    message: str
    """What is wrong and what is expected, in Swedish."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.field}: {self.message}"


class ContentError(Exception):
    """Raised when content is invalid; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (str(p.path), p.line or 0, p.field))
        super().__init__("\n".join(str(p) for p in self.problems))


class FieldError(ValueError):
    """A model check's failure that belongs to one field below the model (e.g. `term.end`), not the whole."""

    def __init__(self, loc: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.loc = loc
