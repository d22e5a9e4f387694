"""The text a published PDF or image carries besides what a glance shows: a PDF's text layer and metadata, an
image's metadata (PNG text chunks, JPEG comments and EXIF/XMP, WebP's EXIF and XMP, GIF comments). The output
gate reads it for personal identity numbers, as a search engine or a curious reader would.

Attachments fail closed: a file is published only if every part of it can be read here (pdfs.py, images.py),
within one bound on what the whole file unpacks to (unpacked.py); anything else raises Unreadable.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from . import images, pdfs
from .unpacked import MAX_UNPACKED, Budget, Unreadable

__all__ = ["MAX_UNPACKED", "SUFFIXES", "Unreadable", "in_data_uris", "text"]

SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".webp"}
"""The binary types content/ may hold (loader.STATIC_TYPES), read here; compare with a suffix made lower case."""
_IMAGES: dict[str, tuple[str, Callable[[bytes, Budget], Iterator[bytes]]]] = {
    ".png": ("PNG", images.png), ".jpg": ("JPEG", images.jpeg), ".jpeg": ("JPEG", images.jpeg),
    ".webp": ("WebP", images.webp), ".gif": ("GIF", images.gif)}


def text(path: Path) -> str:
    """Everything readable in the file beyond its pixels; raises Unreadable for a file that cannot be read in
    full. The suffix is compared in lower case: 'PROTOKOLL.PDF' is a PDF."""
    return _text(path.read_bytes(), path.suffix.lower())


def _text(raw: bytes, suffix: str) -> str:
    if suffix == ".pdf":
        return pdfs.text(raw)
    kind, parts = _IMAGES[suffix]
    chunks = list(parts(raw, Budget(kind)))
    # each part alone and all run together: a number may be split across two comments or XMP segments
    return "\n".join(_decoded(b"\n".join(chunks) + b"\n" + b"".join(chunks)))


_DATA_IMAGE = re.compile(r"data:image/(png|jpeg|webp|gif);base64,([A-Za-z0-9+/=\s]+)", re.IGNORECASE)


def in_data_uris(page: str) -> str:
    """The metadata of every image a page carries inline as a data: address (`![](data:image/png;base64,…)`).

    It never raises (the gate does not expect it to): an image that cannot be read in full is searched as raw
    bytes instead, trailing data and all."""
    found = []
    for match in _DATA_IMAGE.finditer(page):
        try:
            raw = base64.b64decode(re.sub(r"\s", "", match[2]) + "==", validate=False)
        except ValueError:
            continue
        try:
            found.append(_text(raw, "." + match[1].lower()))
        except Unreadable:
            found.extend(_decoded(raw))
    return "\n".join(found)


def _decoded(data: bytes) -> Iterator[str]:
    """Metadata bytes as text: UTF-8 or Latin-1, and UTF-16 either way round (EXIF's UserComment, Windows tags)."""
    yield data.decode("latin-1")
    yield data.decode("utf-8", errors="replace")
    for codec in ("utf-16-le", "utf-16-be"):
        yield data[: len(data) // 2 * 2].decode(codec, errors="replace")
