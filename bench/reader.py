"""What a reader pays: the bytes a browser fetches for a first view of a page, and for a first search.

The built site is served on 127.0.0.1 under site_url's path by a server that compresses as a web server
does (gzip, level 6, for text: HTML, CSS, JavaScript, JSON, SVG, XML; Pagefind's index files are gzip
already and go as they are), and that counts the bytes of every response body it sends. Debian's Chromium,
driven by Playwright with an empty cache, opens a meeting page and waits until the network is idle (no
request for half a second): that is the first view. It then opens the search in the header, types a query
and waits for the announced count of results and for the network to be idle again: the bytes sent since
are the first search.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
import time
from dataclasses import dataclass, field
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
                    "application/atom+xml", "application/ld+json")
IDLE = 0.5
"""Seconds without a request for the network to count as idle (Playwright's and Lighthouse's 'network idle')."""


@dataclass
class Traffic:
    """What the server sent: (path, body bytes) per response, and how many requests are being answered."""

    sent: list[tuple[str, int]] = field(default_factory=list)
    busy: int = 0
    last: float = field(default_factory=time.monotonic)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def mark(self) -> int:
        with self.lock:
            return len(self.sent)

    def since(self, mark: int) -> list[tuple[str, int]]:
        with self.lock:
            return self.sent[mark:]

    def wait_idle(self, limit: float = 120) -> None:
        start = time.monotonic()
        while time.monotonic() - start < limit:
            with self.lock:
                if self.busy == 0 and time.monotonic() - self.last >= IDLE:
                    return
            time.sleep(0.05)
        raise TimeoutError(f"the network was not idle within {limit:.0f} s")


class Handler(BaseHTTPRequestHandler):
    """GET of the site's files under `base`, gzip-compressed where a web server would compress them."""

    def __init__(self, *args: object, site: Path, base: str, traffic: Traffic) -> None:
        self.site, self.base, self.traffic = site, base, traffic
        super().__init__(*args)  # type: ignore[arg-type]  # socketserver passes request, address, server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002  # the base class's name
        pass

    def do_GET(self) -> None:  # noqa: N802  # the base class's name
        with self.traffic.lock:
            self.traffic.busy += 1
        try:
            self._answer()
        finally:
            with self.traffic.lock:
                self.traffic.busy -= 1
                self.traffic.last = time.monotonic()

    def _answer(self) -> None:
        path = unquote(urlsplit(self.path).path)
        local = self.site / path.removeprefix(self.base).lstrip("/") if path.startswith(self.base) else None
        if local is not None and local.is_dir():
            if not path.endswith("/"):
                self._respond(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain", {"Location": path + "/"})
                return
            local = local / "index.html"
        if local is None or not local.is_file() or not local.resolve().is_relative_to(self.site.resolve()):
            self._respond(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
            return
        kind = mimetypes.guess_type(local.name)[0] or "application/octet-stream"
        self._respond(HTTPStatus.OK, local.read_bytes(), kind)

    def _respond(self, status: HTTPStatus, body: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        extra = dict(headers or {})
        if kind.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "") and body:
            body = gzip.compress(body, compresslevel=6, mtime=0)
            extra["Content-Encoding"] = "gzip"
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        with self.traffic.lock:
            self.traffic.sent.append((self.path, len(body)))


@dataclass(frozen=True)
class Cost:
    """Bytes (gzipped, as sent) and requests of a step; for a search, also seconds until results were shown."""

    bytes: int
    requests: int
    seconds: float

    @property
    def kib(self) -> float:
        return self.bytes / 1024


@dataclass(frozen=True)
class ReaderCost:
    first_view: Cost
    first_search: Cost
    heaviest: list[tuple[str, int]]
    """The largest responses of both steps, for the report."""


def measure(site: Path, base: str, page: str, query: str) -> ReaderCost:
    """Serve `site` under `base` (site_url's path); the first view of `page` and a first search for `query`."""
    from playwright.sync_api import sync_playwright

    traffic = Traffic()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, site=site, base=base, traffic=traffic))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}{base}{page}"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="sv-SE",
                                          service_workers="block")
            tab = context.new_page()
            start = time.perf_counter()
            tab.goto(url, wait_until="networkidle")
            traffic.wait_idle()
            view = traffic.since(0)
            first_view = Cost(sum(n for _, n in view), len(view), time.perf_counter() - start - IDLE)
            mark = traffic.mark()
            tab.click("pagefind-modal-trigger button")
            tab.wait_for_function("document.activeElement && document.activeElement.matches('pagefind-input input')")
            start = time.perf_counter()
            tab.keyboard.type(query, delay=20)
            tab.wait_for_function("[...document.querySelectorAll('[aria-live]')].some(e => /träff/.test(e.textContent))"
                                  " && document.querySelectorAll('pagefind-results a').length > 0", timeout=60_000)
            shown = time.perf_counter() - start
            traffic.wait_idle()
            search = traffic.since(mark)
            context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    heaviest = sorted(view + search, key=lambda s: -s[1])[:6]
    return ReaderCost(first_view, Cost(sum(n for _, n in search), len(search), shown), heaviest)
