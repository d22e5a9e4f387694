"""Browser fixtures: the built site served on 127.0.0.1, and Debian's Chromium driven by Playwright.

Without Chromium the browser tests skip with a message; under CI (`CI=true`) a missing browser fails.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from support.browser import ARTIFACTS, BASE_PATH, BUILD_DATE, CHROMIUM, CHROMIUM_ARGS, QuietHandler, Served
from support.site import build

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Build the site with a fixed BUILD_DATE under site_url's path and serve it on a free local port."""
    root = tmp_path_factory.mktemp("served")
    site = root / BASE_PATH.strip("/") if BASE_PATH.strip("/") else root
    result = build(site, BUILD_DATE)
    assert result.returncode == 0, result.stderr
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host = f"127.0.0.1:{server.server_address[1]}"
    try:
        yield Served(f"http://{host}{BASE_PATH}", host, site)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium under Playwright; skipped locally when missing, a failure under CI."""
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROMIUM)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message}: under CI the browser tests must run")
        pytest.skip(f"{message}: browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
