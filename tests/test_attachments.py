"""Attachments fail closed (issue 24): the builders behind tests/cases/hostile-attachments.yaml, and the cases
a YAML file cannot hold well (a 70 kB decompression bomb) or that need no build (data: images)."""

from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path

import pytest
import yaml
from namndbeslut import embedded
from namndbeslut.idnumbers import as_read as identity_numbers
from support.attachments import CASES, bomb, chunk, jpeg, png, segment
from support.project import CASES_DIR


def test_the_yaml_corpus_holds_exactly_the_built_files() -> None:
    corpus = yaml.safe_load((CASES_DIR / "hostile-attachments.yaml").read_text(encoding="utf-8"))
    text = (CASES_DIR / "hostile-attachments.yaml").read_text(encoding="utf-8")
    built = {name: raw for name, raw in CASES.items() if f"attachments.CASES['{name}']" in text}
    files = [raw for case in corpus for raw in case["files"].values()]
    assert len(corpus) >= 12 and sorted(files) == sorted(built.values())


def test_a_png_unpacking_past_the_bound_in_small_chunks_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "Karta.PNG"
    path.write_bytes(bomb())
    assert path.stat().st_size < 100_000
    with pytest.raises(embedded.Unreadable, match="packas upp till mer än 64 MiB"):
        embedded.text(path)


def test_the_bound_is_on_the_file_not_on_each_chunk() -> None:
    """Chunks of 4 MiB are read while the file stays within the bound; 17 of them (bomb()) are not."""
    zeros = zlib.compress(b"0" * 4 * 2**20, 9)
    within = png(*(chunk(b"zTXt", b"C%d\x00\x00" % i + zeros) for i in range(3)),
                 chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"Anna 811218-9876")))
    assert identity_numbers(embedded._text(within, ".png"))


@pytest.mark.parametrize("name", ["FOTO.JPG", "foto.Jpeg"])
def test_a_suffix_in_any_case_is_read(name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_bytes(jpeg(segment(0xFE, b"Anna 811218-9876")))
    assert identity_numbers(embedded.text(tmp_path / name))


def test_a_number_split_over_two_jpeg_comments_is_found() -> None:
    raw = jpeg(segment(0xFE, b"Anna 811218-"), segment(0xFE, b"9876"))
    assert identity_numbers(embedded._text(raw, ".jpg"))


def test_a_truncated_png_chunk_is_refused() -> None:
    raw = png(chunk(b"tEXt", b"Title\x00Karta"))
    with pytest.raises(embedded.Unreadable, match="PNG-filen tar slut eller är trasig"):
        embedded._text(raw[:40] + struct.pack(">I", 10**6) + b"tEXt", ".png")


def gif(comment: bytes, after: bytes = b"") -> bytes:
    comment_block = b"\x21\xfe" + bytes([len(comment)]) + comment + b"\x00"
    image = b"\x2c" + b"\x00" * 4 + b"\x01\x00\x01\x00\x00" + b"\x02\x02\x44\x01\x00"
    return b"GIF89a\x01\x00\x01\x00\x00\x00\x00" + comment_block + image + b"\x3b" + after


def test_a_gif_data_image_s_comment_and_trailing_bytes_are_searched() -> None:
    page = "<img src=\"data:image/gif;base64,{}\">"
    assert identity_numbers(embedded.in_data_uris(page.format(base64.b64encode(gif(b"Anna 811218-9876")).decode())))
    hidden = gif(b"Karta", after=b"Anna 811218-9876")
    with pytest.raises(embedded.Unreadable, match="efter bildens slut"):
        embedded._text(hidden, ".gif")
    assert identity_numbers(embedded.in_data_uris(page.format(base64.b64encode(hidden).decode())))


def test_a_clean_pdf_and_png_are_read_without_a_number() -> None:
    assert "Protokoll 2021-06-09" in embedded._text(CASES["pdf-clean"], ".pdf")
    assert not identity_numbers(embedded._text(CASES["png-clean"], ".png"))
