"""The project's build with the CPU time of some of its parts counted, for bench/run.py (through bench/launch.py).

    python bench/shares.py FIGURES.json -- properdocs build ARGUMENTS

Runs `properdocs build ARGUMENTS` in this process, as `python -m properdocs` would, with a timer wrapped around
each of: the output gate (`gate.check`), the loader (`loader.load`, reading and checking every input file), the
input checks of each file's text (`safety.check`, part of the loader's time) and the search index
(`search.index`, whose Pagefind child is counted by the children's rusage). The project's code is not changed:
the module attributes its callers look up at each call are replaced here, in this process only. Each part's CPU
seconds (user + system, this process's and its waited-for children's) are written as JSON to FIGURES.json; the
build's total is launch.py's figure for the whole process tree.
"""

from __future__ import annotations

import json
import resource
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from namndbeslut import gate, loader, safety, search

PARTS = {"gate.check": (gate, "check"), "loader.load": (loader, "load"), "safety.check": (safety, "check"),
         "search.index": (search, "index")}


def cpu() -> float:
    """CPU seconds so far of this process (all threads) and of its children that have been waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(name: str, function: Callable[..., Any], totals: dict[str, float],
          calls: dict[str, int]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = cpu()
        try:
            return function(*args, **kwargs)
        finally:
            totals[name] += cpu() - start
            calls[name] += 1
    return wrapper


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    out, args = Path(argv[0]), argv[2:]
    totals, calls = dict.fromkeys(PARTS, 0.0), dict.fromkeys(PARTS, 0)
    for name, (module, attribute) in PARTS.items():
        setattr(module, attribute, timed(name, getattr(module, attribute), totals, calls))
    from properdocs.__main__ import cli

    status = 0
    try:
        cli.main(args=args, prog_name="properdocs", standalone_mode=False)
    except SystemExit as stop:  # the engine's Abort, with its message as its code
        status = stop.code if isinstance(stop.code, int) else 1
        if status:
            print(stop, file=sys.stderr)
    except Exception as err:  # noqa: BLE001 - reported as the build's failure, with its message
        print(f"{type(err).__name__}: {err}", file=sys.stderr)
        status = 1
    out.write_text(json.dumps({"cpu": totals, "calls": calls, "total": cpu()}), encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
