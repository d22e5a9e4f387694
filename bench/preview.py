"""Benchmark the editors' preview (`make serve`) on a synthetic archive, as an editor meets it.

    make bench              # also runs this at 1,980 meetings
    bench/preview.py --size small

Measures, on a copy of the project holding the synthetic archive (bench/synthetic.py):
- start-up: from starting `namndbeslut-serve` until it says it is ready (one full build);
- save → shown: from saving a changed meeting title until the meeting's page shows it;
- save → error shown: from saving a broken date until the page carries the error banner;
- fix → page back: from saving the fix until the banner is gone.
"""

from __future__ import annotations

import argparse
import os
import re
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


def measure(project: Path, port: int) -> dict[str, float]:
    env = {**os.environ, "BUILD_DATE": synthetic.BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
    serve = Path(sys.executable).parent / "namndbeslut-serve"
    meeting = sorted((project / "decisions").glob("*.md"))[len(list((project / "decisions").glob("*.md"))) // 2]
    page = f"http://127.0.0.1:{port}/sammantraden/{meeting.stem}/"
    good = meeting.read_text(encoding="utf-8")
    date = re.search(r"^date: (\S+)", good, re.MULTILINE)
    assert date, meeting
    start = time.perf_counter()
    child = subprocess.Popen([str(serve), "--port", str(port)], cwd=project, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        child.stdout.readline()
        figures = {"start-up": time.perf_counter() - start}
        changed = good.rstrip("\n") + "\n\nÄndrad i förhandsvisningen.\n"
        figures["save → shown"] = timed(lambda: meeting.write_text(changed, encoding="utf-8"),
                                        lambda: "Ändrad i förhandsvisningen" in fetch(page))
        broken = changed.replace(f"date: {date[1]}", "date: 2021-13-40")
        figures["save → error shown"] = timed(lambda: meeting.write_text(broken, encoding="utf-8"),
                                              lambda: "forhandsvisning-fel" in fetch(page))
        figures["fix → page back"] = timed(lambda: meeting.write_text(good, encoding="utf-8"),
                                           lambda: "forhandsvisning-fel" not in (text := fetch(page))
                                           and "Ändrad i förhandsvisningen" not in text)
    finally:
        child.terminate()
        child.wait()
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
        for name, seconds in measure(project, args.port).items():
            print(f"  {name:<20} {seconds:6.1f} s" + ("   (target: ≤ 3 s)" if name == "save → shown" else ""))


if __name__ == "__main__":
    main()
