"""Everything a published PDF carries as text, or a refusal when any part of it cannot be read as text: a
picture of a number (a scanned page, a logo, an image mask) cannot be searched without OCR, nor can an
attached file, a comment's own drawing, a script or a font whose codes map to no characters. So a PDF is
published only when every page is text, and its text is read in drawing order and in reading order, with
digits split by spacing joined, so that a number drawn in pieces is found however it was drawn."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from typing import Any

import pypdf
from pypdf.errors import LimitReachedError
from pypdf.generic import ContentStream, IndirectObject, StreamObject

from .unpacked import MAX_UNPACKED, Budget, Unreadable

_LIMITS = {name: MAX_UNPACKED for name in (
    "maximum_declared_stream_length", "array_based_stream_maximum_output_length", "jbig2_maximum_output_length",
    "lzw_maximum_output_length", "run_length_maximum_output_length", "zlib_maximum_output_length",
    "brotli_maximum_output_length", "image_maximum_buffer_size", "xmp_maximum_input_length")}
"""pypdf's bounds on one stream, no higher than the bound on the whole file (Budget counts them together)."""
_SHOWS_TEXT = {b"Tj", b"TJ", b"'", b'"'}
_SAFE_ACTIONS = {"/GoTo", "/URI", "/Named"}
"""Actions a link, bookmark or /OpenAction may take: move within the file or open a web address."""
_RUNS = {"/JavaScript": "ett skript (JavaScript)", "/Launch": "en åtgärd som startar ett program",
         "/SubmitForm": "en åtgärd som skickar formulärdata", "/ImportData": "en åtgärd som läser in data",
         "/GoToE": "en länk till en inbäddad fil", "/GoToR": "en länk till en annan fil",
         "/RichMediaExecute": "en åtgärd som kör inbäddad media", "/Rendition": "en åtgärd som spelar upp media"}
_UNDECODED = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f]")
"""What extraction yields for a code the font maps to no character: a replacement, private-use or control
character (the reader sees a glyph, the search sees nothing)."""
_DIGIT_GAP = re.compile(r"(?<=[\d-])\s+(?=[\d-])")
_FIX = "; spara den på nytt som PDF med textlager (till exempel via Arkiv > Spara som PDF i ordbehandlaren)"


def text(raw: bytes) -> str:
    """All the text a PDF carries; raises Unreadable for a PDF that holds anything that cannot be read as text."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns about every small flaw; a flaw is not a problem
    try:
        with pypdf.apply_configuration(None, **_LIMITS):
            reader = pypdf.PdfReader(io.BytesIO(raw))
            if reader.is_encrypted and not reader.decrypt(""):
                raise Unreadable("PDF-filen är krypterad med lösenord, så den går inte att kontrollera; spara den "
                                 "utan lösenord")
            images = _unpack_objects(reader, Budget("PDF"))
            for number, page in enumerate(reader.pages, 1):
                for problem in _page_problems(reader, page, number):
                    raise Unreadable(problem)
            if images:
                raise Unreadable("PDF-filen innehåller en bild som ingen sida visar – bilder kan inte granskas"
                                 + _FIX)
            return _text(reader)
    except Unreadable:
        raise
    except LimitReachedError:
        raise Unreadable(f"PDF-filen har en del som packas upp till mer än {MAX_UNPACKED // 2**20} MiB, så den går "
                         "inte att kontrollera; spara den på nytt") from None
    except Exception as err:  # noqa: BLE001 - pypdf raises many kinds; any of them means the text cannot be read
        raise Unreadable(f"PDF-filen går inte att läsa ({type(err).__name__}), så den går inte att kontrollera; "
                         "spara den på nytt som PDF") from None


# -- every object in the file -----------------------------------------------------------------------


def _unpack_objects(reader: pypdf.PdfReader, budget: Budget) -> int:
    """Every object the file holds, whether a page uses it or not: each stream unpacked within the file's
    budget, and a refusal for attached files, scripts and XFA forms. Returns how many images it holds."""
    images = 0
    for obj in _objects(reader):
        if isinstance(obj, StreamObject) and obj.get("/Subtype") == "/Image":
            images += 1  # never unpacked: it is refused either way, with its page named
        elif isinstance(obj, StreamObject):
            budget.spend(len(obj.get_data()))
        for value in _direct(obj, 0):
            if problem := _object_problem(value):
                raise Unreadable(problem)
    return images


def _objects(reader: pypdf.PdfReader) -> Iterator[Any]:
    """Every indirect object in the cross-reference table, object streams included."""
    for generation, numbers in reader.xref.items():
        for number in numbers:
            yield reader.get_object(IndirectObject(number, generation, reader))
    for number in reader.xref_objStm:
        yield reader.get_object(number)


def _direct(obj: Any, depth: int) -> Iterator[Any]:
    """An object and the dictionaries and arrays written inside it (indirect ones are objects of their own)."""
    if depth > 100:
        raise Unreadable("PDF-filen är nästlad för djupt för att kunna kontrolleras" + _FIX)
    if isinstance(obj, dict):
        yield obj
        children = list(obj.values())
    elif isinstance(obj, list):
        children = list(obj)
    else:
        return
    for child in children:
        if not isinstance(child, IndirectObject):
            yield from _direct(child, depth + 1)


def _object_problem(obj: dict[Any, Any]) -> str | None:
    """Why a dictionary anywhere in the file stops it from being published, if it does."""
    if obj.get("/Type") == "/EmbeddedFile" or "/EF" in obj or "/EmbeddedFiles" in obj:
        return ("PDF-filen har en bifogad fil inuti sig, som inte kan granskas; ta bort bilagan och spara PDF-filen "
                "på nytt")
    if "/XFA" in obj:
        return "PDF-filen är ett XFA-formulär, vars innehåll inte kan granskas; skriv ut formuläret till en vanlig PDF"
    if "/JS" in obj or "/JavaScript" in obj or "/AA" in obj:
        return ("PDF-filen har ett skript eller en åtgärd som körs av sig själv; sådant publiceras inte – spara "
                "PDF-filen på nytt utan skript")
    if (action := str(obj.get("/S", ""))) in _RUNS:
        return f"PDF-filen har {_RUNS[action]}; sådant publiceras inte – ta bort den och spara PDF-filen på nytt"
    opens = obj.get("/OpenAction")
    opens = opens.get_object() if isinstance(opens, IndirectObject) else opens
    if isinstance(opens, dict) and opens.get("/S") not in _SAFE_ACTIONS:
        return "PDF-filen kör en åtgärd när den öppnas (/OpenAction); sådant publiceras inte – spara PDF-filen på nytt"
    return None


# -- what each page draws ---------------------------------------------------------------------------


def _page_problems(reader: pypdf.PdfReader, page: pypdf.PageObject, number: int) -> Iterator[str]:
    where = f"sidan {number}"
    for annotation in page.get("/Annots") or []:
        note = annotation.get_object()
        kind = str(note.get("/Subtype", "(okänd)"))
        if kind != "/Link":
            yield (f"{where} har en kommentar, ett formulärfält eller en annan anteckning ({kind}), som inte kan "
                   "granskas; ta bort den eller skriv ut PDF-filen till en ny PDF")
        elif "/AP" in note:
            yield f"{where} har en länk med eget utseende (/AP), som inte kan granskas" + _FIX
    yield from _drawing(reader, page.get_contents(), page.get("/Resources"), where, True, set())


def _drawing(reader: pypdf.PdfReader, stream: Any, resources: Any, where: str, extracted: bool,
             seen: set[int]) -> Iterator[str]:
    """What a content stream and the resources it may use draw that cannot be read as text. `extracted`: whether
    pypdf reads the stream's text (a page's and a form's, not a pattern's, a mask's or a Type 3 glyph's)."""
    if stream is not None:
        stream = stream.get_object()
        if id(stream) in seen:
            return
        seen.add(id(stream))
        for _, operator in (stream if isinstance(stream, ContentStream) else ContentStream(stream, reader)).operations:
            if operator == b"INLINE IMAGE":
                yield _image(where)
                return
            if operator in _SHOWS_TEXT and not extracted:
                yield f"{where} har text i ett mönster, en mask eller ett teckensnitt som inte går att läsa ut" + _FIX
                return
    yield from _resources(reader, resources.get_object() if resources is not None else {}, where, seen)


def _image(where: str) -> str:
    return (f"{where} har en bild (en inskannad sida, ett foto eller en logotyp?); bilder kan inte granskas efter "
            f"personnummer" + _FIX)


def _resources(reader: pypdf.PdfReader, resources: dict[Any, Any], where: str, seen: set[int]) -> Iterator[str]:
    """The forms, patterns, masks and fonts a content stream may draw with."""
    for xobject in _values(resources.get("/XObject")):
        subtype = xobject.get("/Subtype")
        if subtype == "/Image":
            yield _image(where)
        elif subtype == "/Form":
            yield from _drawing(reader, xobject, xobject.get("/Resources", resources), where, True, seen)
        else:
            yield f"{where} ritar något okänt ({subtype}), som inte kan granskas" + _FIX
    for pattern in _values(resources.get("/Pattern")):
        if isinstance(pattern, StreamObject):
            yield from _drawing(reader, pattern, pattern.get("/Resources"), where, False, seen)
    for state in _values(resources.get("/ExtGState")):
        mask = state.get("/SMask")
        mask = mask.get_object() if mask is not None else None
        if isinstance(mask, dict) and "/G" in mask:
            group = mask["/G"].get_object()
            yield from _drawing(reader, group, group.get("/Resources"), where, False, seen)
    for font in _values(resources.get("/Font")):
        yield from _font(reader, font, where, seen)


def _font(reader: pypdf.PdfReader, font: dict[Any, Any], where: str, seen: set[int]) -> Iterator[str]:
    """A font whose codes cannot be turned into characters: a composite font with no ToUnicode map (its codes
    are glyph numbers), or a Type 3 font, whose glyphs are drawings, with none."""
    subtype, name = font.get("/Subtype"), str(font.get("/BaseFont", font.get("/Name", "")))[1:]
    encoding = font.get("/Encoding")
    if "/ToUnicode" not in font and (subtype == "/Type3" or subtype == "/Type0" and (
            not isinstance(encoding, str) or encoding in ("/Identity-H", "/Identity-V"))):
        yield (f"{where} använder teckensnittet '{name}' utan tabell över vilka tecken det visar (ToUnicode), så "
               "texten går inte att läsa" + _FIX.replace("spara den", "bädda in teckensnitten eller spara den"))
    if subtype == "/Type3":
        for glyph in _values(font.get("/CharProcs")):
            yield from _drawing(reader, glyph, font.get("/Resources"), where, False, seen)


def _values(container: Any) -> Iterator[Any]:
    """The objects a resource dictionary names, resolved."""
    container = container.get_object() if container is not None else None
    if isinstance(container, dict):
        yield from (value.get_object() for value in container.values())


# -- the text ---------------------------------------------------------------------------------------


def _text(reader: pypdf.PdfReader) -> str:
    """Metadata, each page's text in drawing order and in reading order, with whitespace between digits taken
    away too (a number drawn in pieces, out of order or spaced), and bookmarks, links and form fields."""
    parts = [f"{key} {value}" for key, value in (reader.metadata or {}).items()]
    if (xmp := reader.xmp_metadata) is not None:
        parts.append(xmp.stream.get_data().decode("utf-8", errors="replace"))
    for number, page in enumerate(reader.pages, 1):
        drawn, laid_out = page.extract_text(), page.extract_text(extraction_mode="layout")
        if _UNDECODED.search(drawn + laid_out):
            raise Unreadable(f"sidan {number} har tecken som inte går att läsa ut som text (ett teckensnitt utan "
                             "användbar teckentabell?), så den går inte att kontrollera" + _FIX)
        parts.extend([drawn, laid_out, _DIGIT_GAP.sub("", drawn), _DIGIT_GAP.sub("", laid_out)])
    parts.extend(_extras(reader))
    return "\n".join(parts)


def _extras(reader: pypdf.PdfReader) -> Iterator[str]:
    """What a PDF program shows besides the pages: bookmarks, link addresses, form fields."""
    def titles(outline: Any) -> Iterator[str]:
        for item in outline:
            yield from titles(item) if isinstance(item, list) else [str(getattr(item, "title", ""))]
    yield from titles(reader.outline)
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            note = annotation.get_object()
            action = note.get("/A")
            action = action.get_object() if action is not None else {}
            yield " ".join(str(value) for value in (note.get("/Contents", ""), action.get("/URI", "")))
    yield from (f"{name} {field.get('/V', '')}" for name, field in (reader.get_fields() or {}).items())
