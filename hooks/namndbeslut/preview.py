"""`make serve`: a preview that always answers, and keeps up with an editor at a municipality's size.

A plain HTTP server serves the last site that built; a watcher updates it when content changes. The update
is quick: the engine (`Engine`, the adapter's PreviewEngine) keeps the last build in memory and re-renders
only the pages whose content files changed, in place. A full build then runs in a child process, in the
background, for what a quick update leaves as it was (datasets, feeds, the search index, the output gate);
it replaces the served site when it is done, unless the content changed meanwhile. A change to the settings
or the theme is built whole. When the content has problems (a typo, a freshly scaffolded file still holding
FYLL I), the last good site stays served and every page carries a Swedish banner naming file, line and
message; a small same-origin script polls the preview's state and reloads the page when it changes, so the
page comes back by itself once the file is fixed.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Protocol

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from . import cache, desk, engine, messages
from .errors import Problem
from .kinds import FOLDERS, PAGES

WATCHED = (*FOLDERS, PAGES, "site_src", "mkdocs.yml")
"""What a rebuild depends on, relative to the project root."""
STATUS = "/__forhandsvisning/status"
SCRIPT = "/__forhandsvisning/uppdatera.js"
RELOAD_JS = """(function () {
  var seen = document.documentElement.getAttribute("data-forhandsvisning");
  setInterval(function () {
    fetch("STATUS", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (String(s.version) !== seen) { location.reload(); }
    }).catch(function () {});
  }, 700);
})();
""".replace("STATUS", STATUS)

THEME = ("site_src", "mkdocs.yml")
"""What, when changed, is built whole (every page looks different)."""


class Engine(Protocol):
    """Builds the site in this process and remembers the last build (namndbeslut_mkdocs.PreviewEngine)."""

    def __call__(self, dest: Path, quick: bool) -> list[Problem]:
        """Build into `dest`, or with `quick` update the last build's output there; what stopped it, if anything."""

    @property
    def can_update(self) -> bool:
        """Whether a quick build is possible (a build succeeded before)."""

    @property
    def partial(self) -> bool:
        """Whether the last build left the datasets, feeds and search index to a full build (a quick one, or the
        first when it started from the output `make site` kept)."""

    @property
    def notices(self) -> list[Problem]:
        """What the last build that passed says besides its pages (loader.notices: a setting not filled in yet)."""


class FullBuild:
    """The engine's whole build (`make site`'s, output gate and search index included) in a child process,
    which a newer change cancels."""

    def __init__(self, root: Path, command: Sequence[str]) -> None:
        self.root, self.command = root, command

    def __call__(self, dest: Path, cancelled: Callable[[], bool]) -> str | None:
        """Build into `dest`: None when it built, "" when cancelled, else what the engine said."""
        cmd = [part.replace("{dest}", str(dest)) for part in self.command]
        with tempfile.TemporaryFile("w+") as log:
            child = subprocess.Popen(cmd, cwd=self.root, stdout=log, stderr=subprocess.STDOUT, text=True)
            while child.poll() is None:
                if cancelled():
                    child.terminate()
                    child.wait()
                    return ""
                time.sleep(0.2)
            log.seek(0)
            return None if child.returncode == 0 else (log.read().strip() or "bygget misslyckades")


@dataclass
class State:
    """What the preview shows: the last good build and the problems found since (if any)."""

    site: Path | None = None
    problems: list[str] = field(default_factory=list)
    version: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def snapshot(self) -> tuple[Path | None, list[str], int]:
        with self.lock:
            return self.site, list(self.problems), self.version


class Preview:
    """Keeps `state` up to date with the content under `root`: quick updates, full builds behind them."""

    def __init__(self, root: Path, engine: Engine, full: FullBuild, work: Path) -> None:
        self.root, self.engine, self.full, self.work = root, engine, full, work
        self.state = State()
        self.changed = threading.Event()
        self.whole = True
        """The next build is a whole one (the first, or after a change to the settings or the theme)."""
        self.generation = 0
        """Counts the bursts of changes seen: a background build of an older generation is out of date."""
        self.stale = threading.Event()
        """Set after a quick update: a full build is due."""
        self.building = threading.Lock()
        """Held while the served site is being written to or replaced."""
        self.builds = 0

    def refresh(self) -> None:
        """Build the content: quick into the served site when possible, else whole into a new folder."""
        with self.building:
            site = self.state.site
            quick = not self.whole and site is not None and self.engine.can_update
            dest = site if quick and site else self._new_folder()
            problems = self.engine(dest, quick)
            if problems:
                if dest != site:
                    shutil.rmtree(dest, ignore_errors=True)
                self._publish(None, [_line(p) for p in problems])
                return
            self.whole = False
            self._publish(dest, [])
        if self.engine.partial:
            self.stale.set()

    def _new_folder(self) -> Path:
        self.builds += 1
        return self.work / f"site-{self.builds}"

    def _publish(self, site: Path | None, problems: list[str]) -> None:
        with self.state.lock:
            old = self.state.site if site and site != self.state.site else None
            if site:
                self.state.site = site
            if site or problems != self.state.problems:
                self.state.version += 1
            self.state.problems = problems
        if old:
            shutil.rmtree(old, ignore_errors=True)

    def watch(self, settle: float = 0.2) -> None:
        """Update after each burst of changes (an editor's save writes several events), forever."""
        while True:
            self.changed.wait()
            self.generation += 1
            time.sleep(settle)
            self.changed.clear()
            try:
                self.refresh()
            except Exception as err:  # noqa: BLE001  # the preview must outlive any failure and say what it was
                self.whole = True
                self._publish(None, [messages.PREVIEW_BUILD_FAILED + repr(err)])

    def _newer_than(self, generation: int) -> bool:
        return self.generation != generation

    def background(self) -> None:
        """After quick updates, the whole build in a child process; served when no change came meanwhile, forever."""
        while True:
            self.stale.wait()
            self.stale.clear()
            generation, dest = self.generation, self._new_folder()
            failure = self.full(dest, partial(self._newer_than, generation))
            with self.building:
                if failure is None and self.generation == generation:
                    self._publish(dest, [])
                    continue
            shutil.rmtree(dest, ignore_errors=True)
            if failure and self.generation == generation:
                self._publish(None, [messages.PREVIEW_BUILD_FAILED + failure])


class _Changes(FileSystemEventHandler):
    """A change to a file the site is built from (not a folder's own timestamp, not a cache the build writes)."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "") or event.src_path]
        for path in paths:
            rel = Path(os.fsdecode(path)).relative_to(self.preview.root).parts
            if rel and rel[0] in WATCHED and "__pycache__" not in rel:
                self.preview.whole = self.preview.whole or rel[0] in THEME
                self.preview.changed.set()


def _line(problem: Problem) -> str:
    return str(problem)


class Handler(SimpleHTTPRequestHandler):
    """Files of the last good build; HTML pages with the banner and the reload script added."""

    state: State
    backend: desk.LocalBackend | None
    """The editors' desk's local backend (None: no desk)."""

    def __init__(self, *args: Any, state: State, backend: desk.LocalBackend | None = None, **kwargs: Any) -> None:
        self.state, self.backend = state, backend
        site, _, _ = state.snapshot()
        super().__init__(*args, directory=str(site or tempfile.gettempdir()), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002  # the base class's name
        """Quiet: the terminal is for what an editor must act on."""

    def do_GET(self) -> None:  # noqa: N802  # the base class's name
        site, problems, version = self.state.snapshot()
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == STATUS:
            self._send(HTTPStatus.OK, "application/json", json.dumps({"version": version, "problems": problems}))
        elif path == SCRIPT:
            self._send(HTTPStatus.OK, "text/javascript", RELOAD_JS)
        elif self.backend and path.startswith(desk.PREFIX):
            self._desk_file(path)
        elif site is None:
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, "text/html", _page(messages.PREVIEW_NO_SITE, problems, version))
        else:
            self._file(site, path, problems, version)

    def _desk_file(self, path: str) -> None:
        """The editors' desk (desk.py): its page, its configuration for this origin, the vendored bundle."""
        assert self.backend is not None
        found = desk.get(self.backend.root, path, f"http://{self.headers.get('Host', '127.0.0.1')}")
        if found is None:
            self._send(HTTPStatus.NOT_FOUND, "text/plain", messages.PREVIEW_NOT_FOUND)
            return
        kind, data = found
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:  # noqa: N802  # the base class's name
        """The desk's local backend (desk.LocalBackend): saves into the working tree, from this origin only."""
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        host, origin = self.headers.get("Host", ""), self.headers.get("Origin")
        if not self.backend or self.path != desk.API or not desk.local_host(host) or origin not in (None, f"http://{host}"):
            self._send(HTTPStatus.FORBIDDEN, "text/plain", messages.PREVIEW_NOT_FOUND)
            return
        status, answer = desk.post(self.backend, body)
        self._send(HTTPStatus(status), "application/json", answer.decode("utf-8"))

    def _file(self, site: Path, path: str, problems: list[str], version: int) -> None:
        local = Path(self.translate_path(path))
        if local.is_dir():
            if not path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.end_headers()
                return
            local = local / "index.html"
        if not local.is_file():
            self._send(HTTPStatus.NOT_FOUND, "text/html", _page(messages.PREVIEW_NOT_FOUND, problems, version))
        elif local.suffix == ".html":
            self._send(HTTPStatus.OK, "text/html", _with_banner(local.read_text(encoding="utf-8"), problems, version))
        else:
            super().do_GET()

    def _send(self, status: HTTPStatus, kind: str, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def _banner(problems: list[str]) -> str:
    if not problems:
        return ""
    items = "".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems)
    return (f'<div id="forhandsvisning-fel" role="alert" style="background:#fff0f0;color:#000;border:3px solid '
            f'#b00020;padding:1em;margin:0;font:16px/1.4 sans-serif;position:relative;z-index:10000">'
            f"<strong>{html.escape(messages.PREVIEW_HAS_PROBLEMS)}</strong><ul>{items}</ul></div>")


def _with_banner(page: str, problems: list[str], version: int) -> str:
    """The page with the problems on top and the reload script at the end (the page itself untouched)."""
    page = page.replace("<html", f'<html data-forhandsvisning="{version}"', 1)
    script = f'<script src="{SCRIPT}"></script>'
    head, body, rest = page.partition("<body")
    if not body:
        return _banner(problems) + page + script
    tag_end = rest.index(">") + 1
    rest = rest[:tag_end] + _banner(problems) + rest[tag_end:]
    return head + body + rest.replace("</body>", script + "</body>", 1)


def _page(title: str, problems: list[str], version: int) -> str:
    return _with_banner(f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>{html.escape(title)}'
                        f"</title></head><body><h1>{html.escape(title)}</h1></body></html>", problems, version)


def serve(root: Path, port: int, engine: Engine, ready: Callable[[str], None] = print) -> None:
    """Build once, then serve on 127.0.0.1:`port` and update on every change under `root`, until interrupted."""
    try:  # before the first build: a port already taken is said at once, in Swedish
        server = ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, state=State()))
    except OSError as err:
        raise PortTaken(messages.port_taken(port, err)) from None
    (root / cache.FOLDER).mkdir(exist_ok=True)  # the builds' folders: beside the kept output (incremental.py)
    with server, tempfile.TemporaryDirectory(prefix="forhandsvisning-", dir=root / cache.FOLDER) as work:
        full = FullBuild(root, engine_command(root))
        preview = Preview(root, engine, full, Path(work))
        start = time.perf_counter()
        preview.refresh()
        observer = Observer()
        handler = _Changes(preview)
        for name in WATCHED:
            if (root / name).is_dir():
                observer.schedule(handler, str(root / name), recursive=True)
        observer.schedule(handler, str(root), recursive=False)  # mkdocs.yml
        observer.start()
        threading.Thread(target=preview.watch, daemon=True).start()
        threading.Thread(target=preview.background, daemon=True).start()
        server.RequestHandlerClass = partial(Handler, state=preview.state,  # the preview now that it exists
                                             backend=desk.LocalBackend(root))
        ready(messages.PREVIEW_READY.format(url=f"http://127.0.0.1:{server.server_port}/",
                                            seconds=time.perf_counter() - start))
        ready(desk.READY.format(url=f"http://127.0.0.1:{server.server_port}{desk.PREFIX}"))
        for notice in engine.notices:  # as `make site` says them (a setting still FYLL I)
            ready(_line(notice))
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            observer.stop()
            server.server_close()


def engine_command(root: Path) -> list[str]:
    """The whole build as `make site` runs it (`{dest}`: the output folder), over the output the last whole build
    kept (incremental.py): its folder is in the project, so it keeps its own for the next."""
    return engine.build_command(root / engine.CONFIG, "{dest}", "--quiet", "--dirty")


def main(engine_for: Callable[[Path], Engine], argv: list[str] | None = None) -> int:
    """`namndbeslut-serve [--port N] [--root DIR]`: the editors' preview, with the engine's adapter's Engine."""
    parser = argparse.ArgumentParser(prog="namndbeslut-serve", description="Förhandsvisa webbplatsen.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        serve(root, args.port, engine_for(root), ready=lambda m: print(m, flush=True))
    except PortTaken as err:
        print(err, file=sys.stderr, flush=True)
        return 1
    return 0


class PortTaken(Exception):
    """The preview's port cannot be used (another program, or another preview, has it)."""
