"""`make serve`'s preview, driven as a browser would: it keeps answering through errors and scaffolds."""

from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest
from support.project import ROOT, project_copy
from support.serve import preview

MEETING = "decisions/2021-06-09-socialnamnden.md"
PAGE = "/sammantraden/2021-06-09-socialnamnden/"
WAIT = 90.0
"""Generous: the machine is shared; the bench measures how fast it really is."""


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status), response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"not within {WAIT:.0f} s: {what}")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The preview running on a copy of the project, as `make serve` starts it."""
    root = project_copy(tmp_path_factory.mktemp("serve"))
    with preview(root, "2022-06-01") as (url, output):
        ready = output.readline()
        assert f"Förhandsvisningen är klar på {url}/" in ready, ready
        yield root, url


def status(url: str) -> dict[str, object]:
    result: dict[str, object] = json.loads(get(url + "/__forhandsvisning/status")[1])
    return result


def test_an_error_is_shown_on_the_page_and_the_page_comes_back_after_the_fix(served: tuple[Path, str]) -> None:
    root, url = served
    code, page = get(url + PAGE)
    assert code == 200 and "forhandsvisning-fel" not in page and "uppdatera.js" in page
    path = root / MEETING
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("date: 2021-06-09", "date: 2021-13-09"), encoding="utf-8")
    until(lambda: "2021-13-09" in get(url + PAGE)[1], "the error in the page")
    code, page = get(url + PAGE)
    assert code == 200, "the last good page is still served"
    assert "Innehållet har fel" in page and "Socialnämnden" in page
    assert f"{MEETING}:3: date: &#x27;2021-13-09&#x27; är inget giltigt värde" in page
    assert "forhandsvisning-fel" in get(url + "/")[1], "every page carries the banner"
    path.write_text(good.replace("title: ", "title: Rättad – ", 1), encoding="utf-8")
    until(lambda: "forhandsvisning-fel" not in get(url + PAGE)[1], "the page without the error")
    assert "Rättad – " in get(url + PAGE)[1], "the fixed file's change is published"


def test_a_fresh_scaffold_does_not_stop_the_preview(served: tuple[Path, str]) -> None:
    root, url = served
    before = int(str(status(url)["version"]))
    done = subprocess.run([str(Path(sys.executable).parent / "namndbeslut-scaffold"), "meeting"],
                          cwd=root, capture_output=True, text=True, check=False,
                          env={**os.environ, "DATE": "2022-03-16"})
    assert done.returncode == 0, done.stderr
    until(lambda: int(str(status(url)["version"])) > before, "the scaffold noticed")
    problems = [str(p) for p in status(url)["problems"]]  # type: ignore[attr-defined]
    assert problems and all(p.startswith("decisions/2022-03-16-socialnamnden.md:") for p in problems), problems
    code, page = get(url + PAGE)
    assert code == 200 and "decisions/2022-03-16-socialnamnden.md" in page
    code, missing = get(url + "/sammantraden/2022-03-16-socialnamnden/")
    assert code == 404 and "platshållaren" in missing, "the new file's own page names what to fill in"
    (root / "decisions/2022-03-16-socialnamnden.md").unlink()
    until(lambda: not status(url)["problems"], "the preview clear again")
    assert ROOT.exists()


def test_the_preview_says_each_setting_not_filled_in_yet(tmp_path: Path) -> None:
    """`make serve` builds with FYLL I where `make new-site` leaves it, and says so per setting as `make site` does."""
    root = project_copy(tmp_path / "project")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^    reviewed: .*$", "    reviewed: FYLL I", text), encoding="utf-8")
    with preview(root, "2022-06-01") as (url, output):
        said: queue.Queue[str] = queue.Queue()
        threading.Thread(target=_read, args=(output, said), daemon=True).start()
        lines = [_next(said) for _ in range(3)]
    assert f"Förhandsvisningen är klar på {url}/" in lines[0], lines
    assert re.match(r"mkdocs\.yml:\d+: extra\.accessibility\.reviewed: platshållaren 'FYLL I' är kvar; .*make publish "
                    r"stoppar tills den är$", lines[2].strip()), lines


def _read(output: IO[str], said: queue.Queue[str]) -> None:
    for line in output:
        said.put(line)


def _next(said: queue.Queue[str]) -> str:
    """The preview's next line, or '' when it says nothing more within WAIT (it never blocks the test)."""
    try:
        return said.get(timeout=WAIT)
    except queue.Empty:
        return ""
