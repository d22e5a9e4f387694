"""Reproducible output: every timestamp a tool writes into the site follows the build date.

MkDocs dates each page in sitemap.xml and stamps sitemap.xml.gz's gzip header with the current
time unless SOURCE_DATE_EPOCH is set (https://reproducible-builds.org/specs/source-date-epoch/).
Everything else on the site already depends only on the content and the build date, so pinning
SOURCE_DATE_EPOCH to the build date makes two builds of the same commit with the same BUILD_DATE
byte-identical, on any day, in any time zone.

Why the build date and not the commit date: the pages change with the build date (agreement
status, the six-months note) even when no file does, so a sitemap `lastmod` older than the build
date would tell crawlers a page had not changed when it had.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
from collections.abc import MutableMapping

VARIABLE = "SOURCE_DATE_EPOCH"
_pinned: str | None = None
"""The value this module set, so that the engine's `serve` can move it on past midnight."""


def epoch(build_date: dt.date) -> int:
    """Seconds since 1970 at midnight UTC starting `build_date` (so tools print that same date)."""
    return calendar.timegm(build_date.timetuple())


def pin_source_date_epoch(build_date: dt.date, environ: MutableMapping[str, str] | None = None) -> str:
    """Set SOURCE_DATE_EPOCH from the build date unless the caller set it; returns the value in force."""
    global _pinned
    env = os.environ if environ is None else environ
    if env.get(VARIABLE) in (None, _pinned):
        env[VARIABLE] = _pinned = str(epoch(build_date))
    return env[VARIABLE]
