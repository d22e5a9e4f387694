"""What a page's template asked the archive and the build date, and the answers, as values: a later build (the
preview's next, or `make site`'s from the build cache) keeps the page while every question gets the same answer."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from . import cache, dates, kinds
from .archive import Archive, Sitting, SittingState
from .model import Agreement, Committee, Meeting, Partner, Report


@dataclass(frozen=True)
class Question:
    """A question a template asked the archive, as data (kept in the build cache between builds): a method of
    the Archive and its arguments, or with `method` "" the meetings of the day in `args` (a citation's)."""

    method: str
    args: tuple[Any, ...] = ()
    kwargs: tuple[tuple[str, Any], ...] = ()
    on_day: bool = False
    """A question of OnDay's, about the build date (an agreement's status, a body's planned meetings)."""

    def __call__(self, archive: Archive, today: dt.date) -> object:
        if self.on_day:
            return getattr(OnDay(archive, today), self.method)(*self.args, **dict(self.kwargs))
        if not self.method:
            return archive.meetings_on.get(self.args[0], [])
        return getattr(archive, self.method)(*self.args, **dict(self.kwargs))


@dataclass(frozen=True)
class OnDay:
    """What the build date decides, as templates ask it (`today.status(a)`): each answer is noted among the page's
    questions, so that a later day's build keeps the page while every such answer stays the same."""

    archive: Archive
    today: dt.date

    def day(self) -> dt.date:
        """The build date itself (a page that shows it is rendered every day)."""
        return self.today

    def status(self, agreement: Agreement) -> dates.Status:
        return self.archive.status_of(agreement, self.today)

    def announced(self, agreement: Agreement) -> list[str]:
        """The decisions the sources announce for the agreement, each worded as of the build date (a passed date is
        never said taken: AgreementStep.announced_label)."""
        return [s.announced_label(self.today) for s in self.archive.announced_of(agreement)]

    def in_force(self, agreement: Agreement) -> bool:
        return self.archive.in_force_on(agreement, self.today)

    def upcoming(self, body: Committee) -> list[Sitting]:
        return self.archive.upcoming_of(body, self.today)

    def passed(self, body: Committee) -> list[Sitting]:
        return self.archive.passed_of(body, self.today)

    def state(self, sitting: Sitting) -> SittingState:
        return sitting.state_on(self.today)


@dataclass(frozen=True)
class Query:
    """A question a page's template asked the archive, and the answer it got: the page stays as it is while
    every question it asked gets the same answer (a body's list of meetings, the meetings of a cited day)."""

    ask: Question
    answer: object

    def holds(self, archive: Archive, today: dt.date, prints: Fingerprints) -> bool:
        return prints(self.ask(archive, today)) == self.answer


class Fingerprints:
    """Answers as small values to compare with a later build's (kept in the build cache): a record that is a file
    of its own by its kind, id and its file's digest (a record is made from its file alone), another record by its
    fields as JSON, anything else by its parts."""

    def __init__(self, archive: Archive) -> None:
        self.files = {doc.path: cache.digest(doc.text.encode()) for doc in archive.sources.values()}
        """Each content file's digest, by its path (what a later build compares: site.Earlier.files)."""
        self._digests = {key: self.files[doc.path] for key, doc in archive.sources.items()}
        self._seen: dict[int, object] = {}
        """Each record's print, by the record object (every record lives as long as the build)."""

    def __call__(self, found: object) -> object:
        if isinstance(found, list | tuple):
            return tuple(self(x) for x in found)
        if isinstance(found, dict):
            return tuple((k, self(v)) for k, v in found.items())
        if isinstance(found, BaseModel):
            seen = self._seen.get(id(found))
            if seen is None:
                seen = self._seen[id(found)] = self._record(found)
            return seen
        if dataclasses.is_dataclass(found) and not isinstance(found, type):
            return (type(found).__name__, *(self(getattr(found, f.name)) for f in dataclasses.fields(found)))
        return found

    def _record(self, record: BaseModel) -> object:
        if isinstance(record, Committee | Partner | Meeting | Agreement | Report):
            kind = kinds.of(record)
            return kind.folder, record.id, self._digests[(kind, record.id)]
        return type(record).__name__, record.model_dump_json()
