"""Benchmark: build a synthetic municipal archive with the project's hooks and without them.

    make bench              # full: 1,980 meetings (N) and 7,920 (4N); about 12 minutes
    make bench SIZE=small   # 44 and 176 meetings; well under a minute

For N and 4N meetings it writes a synthetic archive (bench/synthetic.py) into a temporary copy of
the project (mkdocs.yml, hooks/, site_src/, content/) and measures, each in a child process:
- the project's real build (`properdocs build --strict`, the pinned engine, hooks and all);
- the baseline: MkDocs and Material building the very same pages from plain Markdown files
  (the pages the hooks generate, written out beforehand), same theme config, no hooks.
Wall time, CPU time and the child's peak resident memory (wait4's rusage) are reported, with the
ratios hooks/baseline and 4N/N, the output size and the search index a reader downloads.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import synthetic  # bench/ is on sys.path: the script's own folder

ROOT = Path(__file__).resolve().parent.parent

PROJECT_FILES = ["mkdocs.yml", "hooks", "site_src", "content"]


@dataclass
class Run:
    """One measured build."""

    seconds: float
    cpu: float
    """User + system CPU seconds: steadier than wall time on a shared machine."""
    peak_mib: float
    site: Path

    @property
    def files(self) -> list[Path]:
        return [p for p in self.site.rglob("*") if p.is_file()]

    @property
    def size_mib(self) -> float:
        return sum(p.stat().st_size for p in self.files) / 2**20

    def search_index(self) -> tuple[int, int]:
        """Bytes of search/search_index.json, raw and gzip-compressed (as a server sends it)."""
        raw = (self.site / "search" / "search_index.json").read_bytes()
        return len(raw), len(gzip.compress(raw, compresslevel=6))


def measure(config: Path, site: Path, profile: Path | None = None) -> Run:
    """Build `config` into `site` in a child process; its own wall time and peak memory."""
    env = {**os.environ, "BUILD_DATE": synthetic.BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
    prefix = ["-m", "cProfile", "-o", str(profile)] if profile else []
    cmd = [sys.executable, *prefix, "-m", "properdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)]
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a long error log cannot block the child
        start = time.perf_counter()
        child = subprocess.Popen(cmd, cwd=config.parent, env=env, stderr=log)
        _, status, usage = os.wait4(child.pid, 0)  # reaped here, with the child's own rusage
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        stderr = log.read().decode(errors="replace")
    if child.returncode != 0 or "WARNING" in stderr:
        sys.exit(f"build of {config} failed:\n{stderr}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, site)  # ru_maxrss is KiB on Linux


def make_project(size: synthetic.Size, dest: Path) -> int:
    """A copy of the project with a synthetic archive as its content; returns the number of content files."""
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return synthetic.write(size, dest)


def make_baseline(project: Path, dest: Path) -> float:
    """The same pages as plain Markdown in a docs dir, and the same config without hooks: `make export`.

    The pages are what the hooks generate for `project` (namndbeslut.export, before any timing), so
    the baseline's output is the project's site and the difference between the two builds is
    the work the hooks do. Returns how long that work took in this process (load + render).
    """
    from namndbeslut import export

    start = time.perf_counter()
    config, built = export.prepare(project, {**os.environ, "BUILD_DATE": synthetic.BUILD_DATE})
    seconds = time.perf_counter() - start
    export.write_site(project, config, built, dest)
    return seconds


@dataclass
class Result:
    size: synthetic.Size
    files: int
    hooks: Run
    baseline: Run
    hook_work: float


def run_size(size: synthetic.Size, work: Path, repeat: int, profile: Path | None) -> Result:
    project, baseline = work / f"project-{size.meetings}", work / f"baseline-{size.meetings}"
    for folder in (project, baseline):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
    print(f"  {size.meetings} meetings: writing the archive …", flush=True)
    files = make_project(size, project)
    hook_work = make_baseline(project, baseline)
    hooks: list[Run] = []
    base: list[Run] = []
    for i in range(repeat):  # interleaved, so a busy spell on the machine hits both alike
        hooks.append(measure(project / "mkdocs.yml", project / "site"))
        base.append(measure(baseline / "mkdocs.yml", baseline / "site"))
        print(f"    run {i + 1}/{repeat}: with hooks {hooks[-1].seconds:.1f} s, baseline {base[-1].seconds:.1f} s",
              flush=True)
    best_hooks, best_base = min(hooks, key=lambda r: r.cpu), min(base, key=lambda r: r.cpu)
    pages = [sum(1 for p in r.files if p.name == "index.html") for r in (best_hooks, best_base)]
    if pages[0] != pages[1]:
        sys.exit(f"the baseline has {pages[1]} pages, the project {pages[0]}: they no longer build the same site")
    if profile:
        print(f"    profiling the build with hooks into {profile} …", flush=True)
        measure(project / "mkdocs.yml", work / "profiled-site", profile)
    return Result(size, files, best_hooks, best_base, hook_work)


def report(small: Result, large: Result) -> str:
    rows = ["(each build: the run of least CPU time; time = wall seconds / CPU seconds)"]
    for r in (small, large):
        raw, packed = r.hooks.search_index()
        s, h, b = r.size, r.hooks, r.baseline
        rows += [
            (f"{s.meetings} meetings ({s.committees} committees × {s.years} years; {s.partners} partners, "
             f"{s.agreements} agreements; {r.files} content files, {len(h.files)} output files)"),
            f"  build with hooks     {h.seconds:7.1f} s / {h.cpu:6.1f} s CPU   peak {h.peak_mib:6.0f} MiB",
            f"  baseline (no hooks)  {b.seconds:7.1f} s / {b.cpu:6.1f} s CPU   peak {b.peak_mib:6.0f} MiB",
            (f"  hooks / baseline     {h.seconds / b.seconds:7.2f} × / {h.cpu / b.cpu:6.2f} × CPU     "
             f"{h.peak_mib / b.peak_mib:6.2f} ×     (target: time ≤ 1.10 ×)"),
            f"  hooks' own work (load, validate, render) measured in-process: {r.hook_work:.1f} s",
            f"  output {h.size_mib:.1f} MiB; search index {raw / 2**20:.2f} MiB, {packed / 2**20:.2f} MiB gzipped",
        ]
    for label, a, b in (("with hooks", small.hooks, large.hooks), ("baseline  ", small.baseline, large.baseline)):
        rows.append(f"4N / N {label}    time {b.seconds / a.seconds:5.2f} × / {b.cpu / a.cpu:5.2f} × CPU   "
                    f"peak memory {b.peak_mib / a.peak_mib:5.2f} ×"
                    + ("   (targets: ≤ 4.4 ×, ≤ 4 ×)" if a is small.hooks else ""))
    return "\n".join(rows)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown CPU")
    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    return (f"{os.cpu_count()} CPUs ({cpu}), {mem / 2**20:.0f} GiB RAM, Python {sys.version.split()[0]}, "
            f"{sys.platform}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=sorted(synthetic.SIZES), default="full")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    parser.add_argument("--repeat", type=int,
                        help="builds per variant and size, the least CPU time counts "
                             "(default: 2 at full size, 1 at small)")
    parser.add_argument("--profile", type=Path, help="also profile the build with hooks at N (cProfile) into this file")
    args = parser.parse_args()
    size = synthetic.SIZES[args.size]
    repeat = args.repeat or (2 if args.size == "full" else 1)
    started = time.perf_counter()
    print(f"Benchmark, size {args.size}; {machine()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        small = run_size(size, work, repeat, args.profile.resolve() if args.profile else None)
        large = run_size(size.times(4), work, repeat, None)
        print()
        print(report(small, large))
    print(f"(benchmark took {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
