"""What the browser tests drive: Debian's Chromium, the viewport sizes, and the locally served site."""

from __future__ import annotations

import os
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

from support.project import ROOT
from support.site import SITE_URL

BUILD_DATE = "2026-11-22"
"""A fixed build date: the meeting pages show the six-months banner, the agreements have ended."""
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = {"desktop": {"width": 1280, "height": 800}, "mobile": {"width": 390, "height": 844},
         "narrow": {"width": 320, "height": 640}}
ARTIFACTS = ROOT / "test-artifacts"
BASE_PATH = urlsplit(SITE_URL).path


@dataclass(frozen=True)
class Served:
    """The site served locally: its address (with site_url's path) and where it lies on disk."""

    url: str
    host: str
    path: Path


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging each request to the test output."""

    def log_message(self, format: str, *args: object) -> None:
        pass
