"""Benchmark the editors' preview (`make serve`) on a synthetic archive, as an editor meets it.

    make bench              # also runs this at 1,980 meetings
    bench/preview.py --size small

Measures, on a copy of the project holding the synthetic archive (bench/synthetic.py):
- start-up: from starting `namndbeslut-serve` until it says it is ready (one full build), without a build cache
  (`.cache/` deleted first) and, after the runs below, again with the `.cache/` the preview's builds left;
- save → shown: from saving a changed meeting title until each page that lists the meeting shows it
  (the meeting's page, the list of all meetings, its body's year and its committee's pages, the start page);
- save → error shown: from saving a broken date until the page carries the error banner;
- fix → page back: from saving the fix until the banner is gone.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import run  # bench/ is on sys.path: the script's own folder
import synthetic

STATUS = "http://127.0.0.1:8765/__forhandsvisning/status"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8"))
    except OSError as err:
        return str(err)


def timed(save: Callable[[], object], shown: Callable[[], bool], limit: float = 600) -> float:
    """Seconds from `save()` until `shown()` holds."""
    start = time.perf_counter()
    save()
    while not shown():
        if time.perf_counter() - start > limit:
            sys.exit(f"not shown within {limit:.0f} s; the preview says: {fetch(STATUS)}")
        time.sleep(0.05)
    return time.perf_counter() - start


def timed_pages(save: Callable[[], object], pages: dict[str, str], text: str, limit: float = 600) -> dict[str, float]:
    """Seconds from `save()` until each of `pages` (name: URL) shows `text`."""
    start = time.perf_counter()
    save()
    seen: dict[str, float] = {}
    while len(seen) < len(pages):
        for name, url in pages.items():
            if name not in seen and text in fetch(url):
                seen[name] = time.perf_counter() - start
        if time.perf_counter() - start > limit:
            sys.exit(f"{sorted(set(pages) - set(seen))} not shown within {limit:.0f} s; the preview says: "
                     f"{fetch(STATUS)}")
        time.sleep(0.05)
    return seen


def start(project: Path, port: int) -> tuple[subprocess.Popen[str], float]:
    """Start the preview; it and the seconds until it said it is ready."""
    env = {**os.environ, "BUILD_DATE": synthetic.BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
    serve = Path(sys.executable).parent / "namndbeslut-serve"
    begun = time.perf_counter()
    child = subprocess.Popen([str(serve), "--port", str(port)], cwd=project, env=env, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    child.stdout.readline()
    seconds = time.perf_counter() - begun
    if child.poll() is not None:  # e.g. the port was taken: the pages fetched would be another server's
        sys.exit(f"namndbeslut-serve stopped at start-up (exit code {child.returncode}); is port {port} free?")
    return child, seconds


def measure(project: Path, port: int) -> dict[str, float]:
    meetings = sorted((project / "decisions").glob("*.md"))
    meeting = meetings[-1]  # the newest: it is also on the start page
    good = meeting.read_text(encoding="utf-8")
    date = re.search(r"^date: (\S+)", good, re.MULTILINE)
    committee = re.search(r"^committee: (\S+)", good, re.MULTILINE)
    title = re.search(r"^title: (.+)$", good, re.MULTILINE)
    assert date and committee and title, meeting
    site = f"http://127.0.0.1:{port}/"
    page = f"{site}sammantraden/{meeting.stem}/"
    pages = {"meeting page": page, "all meetings": f"{site}sammantraden/",
             "body's year page": f"{site}sammantraden/{date[1][:4]}/{committee[1]}/",
             "committee page": f"{site}namnder/{committee[1]}/",
             "start page": site}
    shutil.rmtree(project / run.CACHE, ignore_errors=True)
    child, seconds = start(project, port)
    try:
        figures = {"start-up, no .cache/": seconds}
        marker = "Ändrad i förhandsvisningen"
        changed = good.replace(title[0], f"{title[0]} ({marker})", 1)
        shown = timed_pages(lambda: meeting.write_text(changed, encoding="utf-8"), pages, marker)
        figures |= {f"save → {name}": seconds for name, seconds in shown.items()}
        broken = changed.replace(f"date: {date[1]}", "date: 2021-13-40")
        figures["save → error shown"] = timed(lambda: meeting.write_text(broken, encoding="utf-8"),
                                              lambda: "forhandsvisning-fel" in fetch(page))
        figures["fix → page back"] = timed(lambda: meeting.write_text(good, encoding="utf-8"),
                                           lambda: "forhandsvisning-fel" not in (text := fetch(page))
                                           and marker not in text)
    finally:
        child.terminate()
        child.wait()
    if not (project / run.CACHE).is_dir():
        sys.exit("the preview left no .cache/: its start-up with a cache cannot be measured")
    child, seconds = start(project, port)
    child.terminate()
    child.wait()
    figures["start-up, with .cache/"] = seconds
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=sorted(synthetic.SIZES), default="full")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    size = synthetic.SIZES[args.size]
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as tmp:
        project = Path(tmp)
        print(f"Preview, {size.meetings} meetings: writing the archive …", flush=True)
        run.make_project(size, project)
        figures = measure(project, args.port)
        for name, seconds in figures.items():
            print(f"  {name:<26} {seconds:6.1f} s")
        shown = max(seconds for name, seconds in figures.items() if name.startswith("save → ") and "error" not in name)
        print(f"  save → every page shown    {shown:6.1f} s   (target: ≤ 3 s)   load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
