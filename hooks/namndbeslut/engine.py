"""The engine that builds the site, as a command line: ProperDocs, pinned in requirements.txt.

ProperDocs is the maintained continuation of MkDocs 1.x (same configuration, `mkdocs.yml`, same plugin
API): MkDocs 1.6.1 was MkDocs' last 1.x release and Material, our theme, ends on 2027-05-05 (README,
"The engine"). Every build runs this command (`make site` through the Makefile's own line, the preview,
the tests); this package never imports the engine, only `namndbeslut_mkdocs.py` does.
"""

from __future__ import annotations

import sys
from pathlib import Path

CONFIG = "mkdocs.yml"
"""The site's configuration file, in the project root (ProperDocs reads MkDocs' file unchanged)."""


def build_command(config: Path, site_dir: Path | str, *options: str) -> list[str]:
    """A strict build of `config` into `site_dir` (a warning fails it) with this Python's pinned engine."""
    return [sys.executable, "-m", "properdocs", "build", "--strict", "--config-file", str(config),
            "--site-dir", str(site_dir), *options]
