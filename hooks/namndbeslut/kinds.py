"""The kinds of content record: which folder holds them and which model validates them, listed once.

The loader, the archive, the JSON Schemas and the scaffolds all read this registry.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Agreement, Committee, FileRecord, Meeting, Partner, Report


@dataclass(frozen=True)
class Kind:
    """One kind of record: one Markdown file per record in `folder`, validated by `model`."""

    name: str
    """The kind's name in code and messages ('meeting')."""
    folder: str
    """The content folder, relative to the project root ('decisions')."""
    model: type[FileRecord]


COMMITTEE = Kind("committee", "committees", Committee)
PARTNER = Kind("partner", "partners", Partner)
MEETING = Kind("meeting", "decisions", Meeting)
AGREEMENT = Kind("agreement", "agreements", Agreement)
REPORT = Kind("report", "reports", Report)

KINDS = (COMMITTEE, PARTNER, MEETING, AGREEMENT, REPORT)
"""Every kind, in the order they are loaded (what others refer to first)."""

FOLDERS = tuple(k.folder for k in KINDS)

PAGES = "content"
"""Hand-written pages (the engine's docs folder): checked for what must not be published."""


def of(record: FileRecord) -> Kind:
    """The kind of a record."""
    return next(k for k in KINDS if isinstance(record, k.model))


def by_folder(folder: str) -> Kind:
    return next(k for k in KINDS if k.folder == folder)
