"""Lighthouse's mobile Performance score of every page type of the built site: the start page, the overviews
(all meetings, a year's meetings, agreements, funding, bodies) and the record pages (a meeting, an agreement, a
partner).

    make site && .venv/bin/python bench/lighthouse.py [--runs 3] [--site DIR] [--gzip-only] [--pages a,b]

At scale, build the benchmark's archive (bench/run.py `make_project`, then the engine with BUILD_DATE) and pass
its site with --site.

Not part of `make test` (scores are timings). The site in site/ is served on 127.0.0.1 under site_url's path
twice: compressed as a web server does (bench/reader.py's server, gzip) and uncompressed over HTTP/1.0 (the
worst case). Lighthouse (pinned below, run with npx from the npm registry) drives Debian's Chromium with its
default mobile settings: simulated slow 4G and a 4x slower CPU. The median of the runs is reported per page,
with its first and largest paint, blocking time and layout shift; a busy machine costs blocking time first.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import lxml.html
import reader  # bench/ is on sys.path: the script's own folder
import run

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = "lighthouse@13.5.0"
AUDITS = {"FCP": "first-contentful-paint", "LCP": "largest-contentful-paint", "TBT": "total-blocking-time",
          "CLS": "cumulative-layout-shift"}


class Plain(SimpleHTTPRequestHandler):
    """Python's own file server (HTTP/1.0, nothing compressed), quiet."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002  # the base class's name
        pass


@contextmanager
def served(site: Path, base: str, gzip: bool) -> Iterator[str]:
    """The site's address under `base`, served until the block ends."""
    with tempfile.TemporaryDirectory() as tmp:
        handler: Callable[..., BaseHTTPRequestHandler]
        if gzip:
            handler = partial(reader.Handler, site=site, base=base, traffic=reader.Traffic())
        else:  # a folder whose path is `base`, pointing at the site
            mount = Path(tmp) / base.strip("/")
            mount.parent.mkdir(parents=True, exist_ok=True)
            mount.symlink_to(site.resolve())
            handler = partial(Plain, directory=tmp)
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}{base}"
        finally:
            server.shutdown()
            server.server_close()


def score(url: str) -> dict[str, float]:
    """One Lighthouse run: the Performance score (0–100) and the audits' values in ms (CLS unitless)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(["npx", "--yes", LIGHTHOUSE, url, "--only-categories=performance", "--output=json",
                        f"--output-path={out}", "--quiet", "--chrome-flags=" + " ".join(reader.CHROMIUM_ARGS)],
                       check=True, env={**os.environ, "CHROME_PATH": reader.CHROMIUM}, stderr=subprocess.DEVNULL)
        report = json.loads(out.read_text())
    values = {name: float(report["audits"][audit]["numericValue"]) for name, audit in AUDITS.items()}
    return {"score": 100 * float(report["categories"]["performance"]["score"]), **values}


def pages(site: Path) -> dict[str, str]:
    """One page of each type: the start page, the overviews (the newest year's, the first body's and letter's by
    address), the newest meeting, the first agreement and the first partner (by address)."""
    def under(folder: str) -> list[str]:
        return sorted(p.parent.name for p in (site / folder).glob("*/index.html"))
    meetings = [m for m in under("sammantraden") if m[:4].isdigit() and not m.isdigit()]
    years = [y for y in under("sammantraden") if y.isdigit()]
    bodies = under(f"sammantraden/{years[-1]}")
    agreement_years = [y for y in under("overenskommelser") if y.isdigit()]
    funding_years = under("finansiering")
    return {"start": "", "meetings": "sammantraden/", "year": f"sammantraden/{years[-1]}/",
            "year-body": f"sammantraden/{years[-1]}/{bodies[0]}/",
            "agreements": "overenskommelser/", "agreements-year": f"overenskommelser/{agreement_years[-1]}/",
            "funding": "finansiering/", "funding-year": f"finansiering/{funding_years[-1]}/",
            "funding-year-body": f"finansiering/{funding_years[-1]}/{under(f'finansiering/{funding_years[-1]}')[0]}/",
            "bodies": "namnder/", "body": f"namnder/{under('namnder')[0]}/",
            "partners": "partner/", "partners-letter": f"partner/bokstav/{under('partner/bokstav')[0]}/",
            "meeting": f"sammantraden/{meetings[-1]}/",
            "agreement": f"overenskommelser/{next(a for a in under('overenskommelser') if not a.isdigit())}/",
            "partner": f"partner/{under('partner')[0]}/"}


def html_size(site: Path, page: str) -> tuple[int, int, int]:
    """The page's elements as served (before any script adds its own), and its HTML in bytes, as stored and
    gzipped (as bench/reader.py's server sends it)."""
    raw = (site / page / "index.html").read_bytes()
    elements = sum(1 for e in lxml.html.fromstring(raw).iter() if isinstance(e.tag, str))
    return elements, len(raw), len(gzip.compress(raw))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--gzip-only", action="store_true", help="served compressed only (not also uncompressed)")
    parser.add_argument("--pages", help="only these page types, comma-separated (e.g. meetings,year)")
    args = parser.parse_args()
    base = run.base_path(ROOT)
    rows = []
    chosen = {n: p for n, p in pages(args.site).items() if not args.pages or n in args.pages.split(",")}
    for gzip_on in (True,) if args.gzip_only else (True, False):
        with served(args.site, base, gzip_on) as address:
            for name, page in chosen.items():
                runs = [score(address + page) for _ in range(args.runs)]
                median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
                each = ", ".join(f"{r['score']:.0f}" for r in runs)
                elements, plain, packed = html_size(args.site, page)
                mode = "gzip" if gzip_on else "plain"
                print(f"{mode} {name:17} {median['score']:3.0f} (runs "
                      f"{each}) FCP {median['FCP'] / 1000:.1f} s "
                      f"LCP {median['LCP'] / 1000:.1f} s TBT {median['TBT']:.0f} ms CLS {median['CLS']:.2f} "
                      f"elements {elements} HTML {plain / 1000:.0f} KB ({packed / 1000:.0f} KB gzip)", flush=True)
                rows.append(f"| {name} | {mode} | {median['score']:.0f} | {median['FCP'] / 1000:.1f} s | "
                            f"{median['LCP'] / 1000:.1f} s | {median['TBT']:.0f} ms | {median['CLS']:.2f} | "
                            f"{elements} | {plain / 1000:.0f} KB / {packed / 1000:.0f} KB |")
    print("\n| Page | Served | Score | FCP | LCP | TBT | CLS | Elements | HTML (plain / gzip) |")
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
