"""Hostile attachments built byte by byte (tests/cases/hostile-attachments.yaml holds them as written here):
PDFs written object by object, PNG, JPEG and WebP written chunk by chunk, so each case is exactly its flaw."""

from __future__ import annotations

import struct
import zlib

NUMBER = b"811218-9876"
"""A valid personnummer (real date, Luhn check digit) that must never be published."""
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def stream(data: bytes, head: bytes = b"") -> bytes:
    return b"<< " + head + b" /Length " + str(len(data)).encode() + b" >>\nstream\n" + data + b"\nendstream"


def pdf(pages: list[bytes], resources: bytes = b"/Font << /F1 3 0 R >>", extra: tuple[bytes, ...] = (),
        catalog: bytes = b"", page: bytes = b"") -> bytes:
    """A PDF whose pages draw `pages` (content streams) with `resources`; `extra` objects are numbered from 4
    on, after the catalog (1), the page tree (2) and Helvetica (3); pages and their contents follow them."""
    first = 4 + len(extra)
    kids = b" ".join(b"%d 0 R" % (first + 2 * i) for i in range(len(pages)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R " + catalog + b" >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pages), HELVETICA, *extra]
    for i, content in enumerate(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << " + resources
                       + b" >> /Contents %d 0 R " % (first + 2 * i + 1) + page + b" >>")
        objects.append(stream(content))
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text(words: bytes, x: int = 72, y: int = 700) -> bytes:
    return b"BT /F1 12 Tf %d %d Td (" % (x, y) + words + b") Tj ET\n"


IMAGE = stream(b"\xff\x00\xff", b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB "
                                b"/BitsPerComponent 8")
DRAW_IMAGE = b"q 500 0 0 700 50 50 cm /Im1 Do Q\n"


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(*chunks: bytes, after: bytes = b"") -> bytes:
    """A 1×1 PNG with `chunks` before its pixels, and `after` after its end (IEND)."""
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    return (b"\x89PNG\r\n\x1a\n" + header + b"".join(chunks) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
            + chunk(b"IEND", b"") + after)


def segment(marker: int, data: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(data) + 2) + data


def jpeg(*segments: bytes, after: bytes = b"") -> bytes:
    """A JPEG's frame: `segments` after the start, a scan with a stuffed 0xFF, the end (EOI), then `after`."""
    scan = segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x12\xff\x00\x34"
    return b"\xff\xd8" + b"".join(segments) + segment(0xC0, b"\x08\x00\x01\x00\x01\x01\x01\x11\x00") + scan \
        + b"\xff\xd9" + after


def webp(*chunks: bytes, after: bytes = b"") -> bytes:
    """A lossless WebP with `chunks` after its pixels and `after` beyond the size its RIFF header gives."""
    body = b"WEBP" + b"VP8L" + struct.pack("<I", 6) + b"\x2f\x00\x00\x00\x00\x00" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body + after


def riff(kind: bytes, data: bytes) -> bytes:
    return kind + struct.pack("<I", len(data)) + data + b"\x00" * (len(data) & 1)


CASES: dict[str, bytes] = {
    "scan": pdf([text(b"Protokoll"), DRAW_IMAGE], b"/Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >>", (IMAGE,)),
    "inline-image": pdf([text(b"Bilaga") + b"q 10 0 0 10 0 0 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q\n"]),
    "stamp": pdf([text(b"Beslut")], page=b"/Annots [4 0 R]", extra=(
        b"<< /Type /Annot /Subtype /Stamp /Rect [0 0 200 50] /AP << /N 5 0 R >> >>",
        stream(text(b"Anna " + NUMBER, 0, 10), b"/Type /XObject /Subtype /Form /BBox [0 0 200 50] "
                                               b"/Resources << /Font << /F1 3 0 R >> >>"))),
    "attached": pdf([text(b"Beslut")], catalog=b"/Names << /EmbeddedFiles << /Names [(lista.txt) 4 0 R] >> >>",
                    extra=(b"<< /Type /Filespec /F (lista.txt) /EF << /F 5 0 R >> >>",
                           stream(b"Anna;" + NUMBER, b"/Type /EmbeddedFile"))),
    "script": pdf([text(b"Beslut")], catalog=b"/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>"),
    "out-of-order": pdf([text(b"9876", 160) + text(b"Anna 811218-", 72)]),
    "spaced": pdf([b"BT /F1 12 Tf 72 700 Td [(8) -900 (1) -900 (1) -900 (2) -900 (1) -900 (8) -900 (-) -900 "
                   b"(9) -900 (8) -900 (7) -900 (6)] TJ ET\n"]),
    "identity-font": pdf([b"BT /F1 12 Tf 72 700 Td <0012001500150013> Tj ET\n"], b"/Font << /F1 4 0 R >>", (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Hemlig /Encoding /Identity-H /DescendantFonts [5 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Hemlig /CIDSystemInfo << /Registry (Adobe) /Ordering "
        b"(Identity) /Supplement 0 >> /FontDescriptor 6 0 R >>",
        b"<< /Type /FontDescriptor /FontName /Hemlig /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
        b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>")),
    "form-text": pdf([text(b"Beslut") + b"/Fm1 Do\n"], b"/Font << /F1 3 0 R >> /XObject << /Fm1 4 0 R >>", (
        stream(text(b"Anna " + NUMBER, 10, 10), b"/Type /XObject /Subtype /Form /BBox [0 0 300 50] "
                                                  b"/Resources << /Font << /F1 3 0 R >> >>"),)),
    "pattern": pdf([text(b"Beslut") + b"/Pattern cs /P1 scn 0 0 612 792 re f\n"],
                   b"/Font << /F1 3 0 R >> /Pattern << /P1 4 0 R >>", (
        stream(text(NUMBER, 0, 10), b"/PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 200 50] /XStep 200 "
                                    b"/YStep 50 /Resources << /Font << /F1 3 0 R >> >>"),)),
    "png-after-iend": png(chunk(b"tEXt", b"Title\x00Karta"), after=b"Anna " + NUMBER),
    "png-second-text": png(chunk(b"tEXt", b"Title\x00Karta"),
                           chunk(b"iTXt", b"Comment\x00\x01\x00sv\x00Kommentar\x00"
                                 + zlib.compress(b"Anna " + NUMBER))),
    "jpeg-after-eoi": jpeg(segment(0xFE, b"Foto"), after=b"\xff\xfe\x00\x10Anna " + NUMBER),
    "jpeg-second-comment": jpeg(segment(0xFE, b"Foto"), segment(0xFE, b"Anna " + NUMBER)),
    "jpeg-exif-utf16": jpeg(segment(0xE1, b"Exif\x00\x00" + ("Anna " + NUMBER.decode()).encode("utf-16-le"))),
    "webp-beyond-riff": webp(riff(b"EXIF", b"Kamera"), after=riff(b"XMP ", b"Anna " + NUMBER)),
    "png-clean": png(chunk(b"tEXt", b"Title\x00Karta \xf6ver Lund")),
    "pdf-clean": pdf([text(b"Protokoll 2021-06-09, paragraf 12")]),
}
"""Each hostile attachment by a short name (the clean ones last: they must still publish)."""


def bomb() -> bytes:
    """A PNG of about 70 kB whose text chunks unpack to 68 MiB, 4 MiB a chunk: no chunk is large, the file is."""
    zeros = zlib.compress(b"0" * 4 * 2**20, 9)
    return png(*(chunk(b"zTXt", b"Comment%d\x00\x00" % i + zeros) for i in range(17)))
