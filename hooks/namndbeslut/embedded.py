"""The text a published PDF or image carries besides what a glance shows: a PDF's text layer and metadata, an
image's metadata (PNG text chunks, JPEG comments and EXIF/XMP, WebP's EXIF and XMP). The output gate reads it
for personal identity numbers, as a search engine or a curious reader would.
"""

from __future__ import annotations

import base64
import io
import logging
import re
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf

SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".webp"}
"""The binary types content/ may hold (loader.STATIC_TYPES), read here."""
MAX_TEXT = 20_000_000
"""Bound on what one file may unpack to (a compressed text chunk or PDF stream can be a bomb)."""


class Unreadable(ValueError):
    """A file whose text cannot be read, so it cannot be checked (its message is Swedish)."""


def text(path: Path) -> str:
    """Everything readable in the file beyond its pixels; raises Unreadable for a PDF that cannot be read."""
    return _text(path.read_bytes(), path.suffix.lower())


def _text(raw: bytes, suffix: str) -> str:
    if suffix == ".pdf":
        return _pdf(raw)
    chunks = _png(raw) if suffix == ".png" else _jpeg(raw) if suffix in (".jpg", ".jpeg") else _webp(raw)
    return "\n".join(_decoded(b"\n".join(chunks)))


_DATA_IMAGE = re.compile(r"data:image/(png|jpeg|webp);base64,([A-Za-z0-9+/=\s]+)", re.IGNORECASE)


def in_data_uris(page: str) -> str:
    """The metadata of every image a page carries inline as a data: address (`![](data:image/png;base64,…)`)."""
    found = []
    for match in _DATA_IMAGE.finditer(page):
        try:
            raw = base64.b64decode(re.sub(r"\s", "", match[2]) + "==", validate=False)
        except ValueError:
            continue
        found.append(_text(raw, "." + match[1].lower()))
    return "\n".join(found)


def _decoded(data: bytes) -> Iterator[str]:
    """Metadata bytes as text: UTF-8 or Latin-1, and UTF-16 either way round (EXIF's UserComment, Windows tags)."""
    yield data.decode("latin-1")
    yield data.decode("utf-8", errors="replace")
    for codec in ("utf-16-le", "utf-16-be"):
        yield data[: len(data) // 2 * 2].decode(codec, errors="replace")


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        return inflater.decompress(data, MAX_TEXT)
    except zlib.error:
        return data


def _png(raw: bytes) -> Iterator[bytes]:
    """Every chunk but the pixels (IDAT) and the header, text chunks unpacked."""
    at = 8
    while at + 8 <= len(raw):
        length, kind = struct.unpack(">I4s", raw[at:at + 8])
        data = raw[at + 8:at + 8 + length]
        at += 12 + length
        if kind == b"zTXt":
            key, _, rest = data.partition(b"\x00")
            yield key + b" " + _inflate(rest[1:])
        elif kind == b"iTXt":
            key, _, rest = data.partition(b"\x00")
            compressed, rest = rest[:1] == b"\x01", rest[2:]
            language, _, rest = rest.partition(b"\x00")
            translated, _, value = rest.partition(b"\x00")
            yield b" ".join([key, language, translated, _inflate(value) if compressed else value])
        elif kind not in (b"IDAT", b"IHDR", b"IEND", b"PLTE"):
            yield _inflate(data[data.find(b"\x00") + 2:]) if kind == b"iCCP" else data


def _jpeg(raw: bytes) -> Iterator[bytes]:
    """Every segment before the image data (comments, EXIF, XMP, ICC profile), and anything after its end."""
    at = 2
    while at + 4 <= len(raw) and raw[at] == 0xFF:
        marker = raw[at + 1]
        if marker == 0xDA:  # start of scan: the pixels follow, up to the end marker
            end = raw.rfind(b"\xff\xd9")
            yield raw[end + 2:] if end > at else b""
            return
        length = struct.unpack(">H", raw[at + 2:at + 4])[0]
        yield raw[at + 4:at + 2 + length]
        at += 2 + length
    yield raw[at:]


def _webp(raw: bytes) -> Iterator[bytes]:
    """Every RIFF chunk but the image data (EXIF, XMP, ICC profile and any unknown chunk)."""
    at = 12
    while at + 8 <= len(raw):
        kind, length = raw[at:at + 4], struct.unpack("<I", raw[at + 4:at + 8])[0]
        if kind not in (b"VP8 ", b"VP8L", b"ALPH", b"ANMF", b"VP8X", b"ANIM"):
            yield raw[at + 8:at + 8 + length]
        at += 8 + length + (length & 1)


def _pdf(raw: bytes) -> str:
    """A PDF's metadata (document information and XMP), the text of every page, and what a reader's PDF program
    shows besides: bookmarks, comments and other annotations, form fields and attached files."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns about every small flaw; a flaw is not a problem
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("PDF-filen är krypterad med lösenord, så den går inte att kontrollera; spara den utan "
                             "lösenord")
        parts = [f"{key} {value}" for key, value in (reader.metadata or {}).items()]
        if (xmp := reader.xmp_metadata) is not None:
            parts.append(xmp.stream.get_data().decode("utf-8", errors="replace"))
        parts.extend(page.extract_text() for page in reader.pages)
        parts.extend(_pdf_extras(reader))
    except Unreadable:
        raise
    except Exception as err:  # noqa: BLE001 - pypdf raises many kinds; any of them means the text cannot be read
        raise Unreadable(f"PDF-filen går inte att läsa ({type(err).__name__}), så den går inte att kontrollera; "
                         "spara den på nytt som PDF") from None
    return "\n".join(parts)


def _pdf_extras(reader: pypdf.PdfReader) -> Iterator[str]:
    def titles(outline: Any) -> Iterator[str]:
        for item in outline:
            yield from titles(item) if isinstance(item, list) else [str(getattr(item, "title", ""))]
    yield from titles(reader.outline)
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            note = annotation.get_object()
            yield " ".join(str(note.get(key, "")) for key in ("/Contents", "/T", "/RC"))
    yield from (f"{name} {field.get('/V', '')}" for name, field in (reader.get_fields() or {}).items())
    for name, contents in reader.attachments.items():
        yield name
        yield from (_text(data, Path(name).suffix.lower()) if Path(name).suffix.lower() in SUFFIXES
                    else "\n".join(_decoded(data[:MAX_TEXT])) for data in contents)
