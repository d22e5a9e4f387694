"""A page as a Markdown file, the MkDocs 1.x way: YAML front matter at the very start, then the body."""

from __future__ import annotations

import re
from typing import Any

import yaml

_FRONT = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
"""YAML front matter at the very start of a page, the MkDocs 1.x rule the engine reads pages by."""


def split(markdown: str) -> tuple[dict[str, Any], str]:
    """A page's front matter and body as the engine reads them into `page.meta` (no mapping: no meta)."""
    found = _FRONT.match(markdown)
    if not found:
        return {}, markdown
    data = yaml.load(found[1], Loader=yaml.CSafeLoader)
    return (data, markdown[found.end():]) if isinstance(data, dict) else ({}, markdown)
