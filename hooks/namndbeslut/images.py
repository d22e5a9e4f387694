"""The parts of a PNG, JPEG, WebP or GIF image that are not pixels, read strictly: every segment or chunk in
sequence up to the end marker, and nothing after it. A byte a parser cannot place is a byte nobody checked, so a
file that does not parse to its last byte is refused rather than read in part."""

from __future__ import annotations

import struct
from collections.abc import Iterator

from .unpacked import Budget, Unreadable

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_PIXELS = {b"IDAT", b"fdAT"}
_WEBP_PIXELS = {b"VP8 ", b"VP8L", b"ALPH"}
_JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}
"""JPEG markers with no length field: TEM and the restart markers."""


def _broken(kind: str, where: int) -> Unreadable:
    return Unreadable(f"{kind}-filen tar slut eller är trasig vid byte {where}, så den går inte att kontrollera; "
                      "spara bilden på nytt")


def _trailing(kind: str, extra: int, marker: str) -> Unreadable:
    return Unreadable(f"{kind}-filen har {extra} byte efter bildens slut ({marker}); där kan vad som helst gömma "
                      "sig och det går inte att kontrollera – spara bilden på nytt i ett bildprogram")


def png(raw: bytes, budget: Budget) -> Iterator[bytes]:
    """Every chunk but the pixels, text chunks unpacked; refuses a file that goes on after IEND."""
    if not raw.startswith(_PNG_SIGNATURE):
        raise _broken("PNG", 0)
    at = len(_PNG_SIGNATURE)
    while True:
        if at + 12 > len(raw):
            raise _broken("PNG", at)
        length, kind = struct.unpack(">I4s", raw[at:at + 8])
        data, at = raw[at + 8:at + 8 + length], at + 12 + length
        if at > len(raw):
            raise _broken("PNG", len(raw))
        if kind == b"IEND":
            if at != len(raw):
                raise _trailing("PNG", len(raw) - at, "IEND")
            return
        if kind not in _PNG_PIXELS:
            yield _png_chunk(kind, data, budget)


def _png_chunk(kind: bytes, data: bytes, budget: Budget) -> bytes:
    """One chunk's text: zTXt, iTXt and iCCP unpacked, any other chunk as it is."""
    key, _, rest = data.partition(b"\x00")
    if kind in (b"zTXt", b"iCCP"):
        return key + b" " + budget.inflate(rest[1:])
    if kind == b"iTXt":
        compressed, rest = rest[:1] == b"\x01", rest[2:]
        language, _, rest = rest.partition(b"\x00")
        translated, _, value = rest.partition(b"\x00")
        return b" ".join([key, language, translated, budget.inflate(value) if compressed else value])
    return data


def jpeg(raw: bytes, budget: Budget) -> Iterator[bytes]:
    """Every comment (COM) and application segment (APP0-APP15: JFIF, EXIF, XMP, ICC profile...), from the
    start marker through every scan to the end marker (EOI); refuses anything after EOI or between segments."""
    if not raw.startswith(b"\xff\xd8"):
        raise _broken("JPEG", 0)
    at = 2
    while True:
        if at >= len(raw) or raw[at] != 0xFF:
            raise _broken("JPEG", at)
        while at < len(raw) and raw[at] == 0xFF:  # a marker may be preceded by fill bytes
            at += 1
        if at >= len(raw):
            raise _broken("JPEG", at)
        marker, at = raw[at], at + 1
        if marker == 0xD9:
            if at != len(raw):
                raise _trailing("JPEG", len(raw) - at, "EOI")
            return
        if marker in _JPEG_STANDALONE:
            continue
        length = struct.unpack(">H", raw[at:at + 2])[0] if at + 2 <= len(raw) else 0
        if length < 2 or at + length > len(raw):
            raise _broken("JPEG", at)
        if marker == 0xFE or 0xE0 <= marker <= 0xEF:
            yield raw[at + 2:at + length]
        at += length
        if marker == 0xDA:
            at = _scan_end(raw, at)


def _scan_end(raw: bytes, at: int) -> int:
    """Where a scan's entropy-coded data ends: the first 0xFF that is not a stuffed byte or a restart marker."""
    while (at := raw.find(b"\xff", at)) != -1 and at + 1 < len(raw):
        follower = raw[at + 1]
        if follower != 0x00 and not 0xD0 <= follower <= 0xD7:
            return at
        at += 2
    raise _broken("JPEG", len(raw))


def webp(raw: bytes, budget: Budget) -> Iterator[bytes]:
    """Every RIFF chunk but the pixels (EXIF, XMP, ICC profile, unknown chunks, and those inside animation
    frames); refuses a file longer or shorter than its RIFF header says."""
    if raw[:4] != b"RIFF" or raw[8:12] != b"WEBP":
        raise _broken("WebP", 0)
    end = 8 + struct.unpack("<I", raw[4:8])[0]
    if end > len(raw):
        raise _broken("WebP", len(raw))
    if end < len(raw):
        raise _trailing("WebP", len(raw) - end, "RIFF-storleken")
    yield from _riff(raw, 12, end)


def _riff(raw: bytes, at: int, end: int) -> Iterator[bytes]:
    while at < end:
        if at + 8 > end:
            raise _broken("WebP", at)
        kind, length = raw[at:at + 4], struct.unpack("<I", raw[at + 4:at + 8])[0]
        start, at = at + 8, at + 8 + length + (length & 1)
        if start + length > end:
            raise _broken("WebP", end)
        if kind == b"ANMF":
            yield from _riff(raw, start + 16, start + length)
        elif kind not in _WEBP_PIXELS:
            yield raw[start:start + length]


def gif(raw: bytes, budget: Budget) -> Iterator[bytes]:
    """Every comment, plain-text and application extension of a GIF; refuses anything after its trailer."""
    if raw[:6] not in (b"GIF87a", b"GIF89a") or len(raw) < 13:
        raise _broken("GIF", 0)
    at = 13 + _color_table(raw[10])
    while at < len(raw):
        block, at = raw[at], at + 1
        if block == 0x3B:
            if at != len(raw):
                raise _trailing("GIF", len(raw) - at, "trailer")
            return
        if block == 0x21 and at < len(raw):
            label = raw[at]
            data, at = _sub_blocks(raw, at + 1)
            if label != 0xF9:  # anything but graphic control: comment, plain text, application
                yield data
        elif block == 0x2C and at + 9 <= len(raw):
            at += 9 + _color_table(raw[at + 8]) + 1  # descriptor, local colours, LZW code size
            _, at = _sub_blocks(raw, at)
        else:
            raise _broken("GIF", at - 1)
    raise _broken("GIF", len(raw))


def _color_table(flags: int) -> int:
    return 3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0


def _sub_blocks(raw: bytes, at: int) -> tuple[bytes, int]:
    """A GIF data stream's sub-blocks joined, and where the stream ends."""
    parts = []
    while at < len(raw) and (size := raw[at]):
        parts.append(raw[at + 1:at + 1 + size])
        at += 1 + size
    if at >= len(raw):
        raise _broken("GIF", len(raw))
    return b"".join(parts), at + 1
