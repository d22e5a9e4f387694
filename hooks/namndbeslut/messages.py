"""Pydantic's validation errors, told in Swedish in words an editor can act on."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import patterns, suggest
from .dates import Day
from .errors import Problem

INVISIBLE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
                       "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")
"""Characters refused in every content file: control characters (C0 but tab and line feed, DEL, C1),
line and paragraph separators, soft hyphens, zero-width characters and joiners, and the bidirectional
controls that can reverse how an amount reads. They do not show, so an editor cannot see them, but they
split a personal identity number for every scan, or change what the reader sees. (Odd spaces such as
the no-break space U+00A0 stay: they are typography, and every scan reads them as spaces.)"""

_INVISIBLE_KINDS = [
    ("\u00ad", "ett mjukt bindestreck"),
    ("\u200b\u200c\u200d\u2060\ufeff\u180e", "ett osynligt tecken utan bredd"),
    ("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", "ett styrtecken för skrivriktning"),
    ("\x85\u2028\u2029", "en osynlig radbrytning"),
]


def future_meeting(day: Day, today: dt.date) -> str:
    """Why a meeting's protocol is not published yet (a notice, not an error: a historical rebuild is fine)."""
    return (f"sammanträdet är daterat {day.isoformat()}, efter byggdatumet {today.isoformat()}; det publiceras inte "
            "som hållet förrän det datumet (som planerat sammanträde visas det om nämndens fil har det i 'meetings')")


def future_decision(day: Day, today: dt.date) -> str:
    """Why a decision taken outside a meeting (`decided_as`) dated after the build date is not published yet (a
    notice, as `future_meeting`): never shown as planned."""
    return (f"beslutet är daterat {day.isoformat()}, efter byggdatumet {today.isoformat()}; det publiceras inte "
            "förrän det datumet")


SYMLINK = ("en symbolisk länk publicerar filen den pekar på, var den än ligger; lägg in själva filen i stället "
           "(eller ta bort länken)")


PAGE_TEMPLATE = ("en sida i content/ kan inte välja mall (temat ger alla sidor samma utseende); ta bort fältet "
                 "'template'")

HARDLINK = ("filen är en hård länk (samma fil finns också någon annanstans på servern), så den kan publicera något "
            "som inte hör till innehållet; lägg in en vanlig kopia av filen i stället")


def extension(name: str, known: list[str]) -> str:
    """Why mkdocs.yml may not turn on a Markdown extension the content check does not know."""
    return (f"tillägget '{name}' granskas inte av innehållskontrollen: det kan ta in filer utanför innehållet eller "
            f"skapa HTML som ingen har kontrollerat; ta bort det (de som går att använda är {', '.join(known)})")


def too_large(size: int, limit: int) -> str:
    """Why a file is refused for its size."""
    return f"filen är {size} byte; högst {limit} byte tillåts – dela upp den eller gör den mindre"


def static_type(suffix: str) -> str:
    """Why a file of this type may not sit in content/."""
    why = "kan köra kod i läsarens webbläsare" if suffix in (".html", ".htm", ".svg", ".xhtml", ".js") else \
        "hör inte till det som publiceras"
    return (f"filtypen '{suffix or '(ingen)'}' {why}; i content/ får bara Markdown (.md), PDF, PNG, JPEG, WebP och CSV "
            "ligga")


def invisible(char: str) -> str:
    """Why an invisible character (INVISIBLE) is refused, and what to do."""
    what = next((text for chars, text in _INVISIBLE_KINDS if char in chars), "ett osynligt styrtecken")
    name = unicodedata.name(char, "")
    return (f"tecknet U+{ord(char):04X} ({what}{', ' + name if name else ''}) syns inte men ändrar hur texten läses "
            "eller visas (ofta inklistrat från Word eller en PDF); ta bort det")


def control_character(char: str, one_line: bool) -> str:
    """Why a value (typed as a YAML escape such as "\\v" or "\\n" inside quotes) is refused for a character."""
    if one_line and char in "\n\r\x85\u2028\u2029":
        return (f"texten har en radbrytning (U+{ord(char):04X}), men fältet ska stå på en enda rad; skriv allt på "
                "samma rad (ta bort \\n eller radbrytningen)")
    return f"{invisible(char)}; inom citattecken kan det vara skrivet som en \\-kod, t.ex. \\v eller \\u202e"


def long_id(length: int, limit: int) -> str:
    """Why an id (a file name, or a matter's id) is refused for its length."""
    return (f"id:t har {length} tecken; högst {limit} tillåts, eftersom det blir en del av sidornas adresser och "
            "filnamn – välj ett kortare id (för en fil: byt namn på filen)")


def far_future(day: Day, today: dt.date, years: int) -> str:
    """Why a meeting dated years ahead is refused: a typing error, not a meeting to withhold."""
    return (f"sammanträdet är daterat {day.isoformat()}, mer än {years} år efter byggdatumet {today.isoformat()}; "
            "det är troligen ett skrivfel – kontrollera årtalet")


_BY_TYPE: dict[str, str] = {
    "missing": "fältet saknas men krävs",
    "extra_forbidden": "okänt fält; kontrollera stavningen eller ta bort det",
    "string_type": "ska vara text",
    "string_too_short": "får inte vara tomt",
    "int_type": "ska vara ett heltal",
    "int_parsing": "ska vara ett heltal (utan mellanslag eller 'kr')",
    "int_from_float": "ska vara ett heltal",
    "greater_than_equal": "är för litet",
    "less_than_equal": "är för stort",
    "bool_type": "ska vara true eller false",
    "bool_parsing": "ska vara true eller false",
    "list_type": "ska vara en lista (rader som börjar med '- ')",
    "model_type": "ska vara en grupp av fält (namn: värde) på egna, indragna rader",
    "model_attributes_type": "ska vara en grupp av fält (namn: värde) på egna, indragna rader",
    "date_type": "ska vara ett datum på formen ÅÅÅÅ-MM-DD",
    "date_parsing": "ska vara ett datum på formen ÅÅÅÅ-MM-DD",
    "date_from_datetime_parsing": "ska vara ett datum på formen ÅÅÅÅ-MM-DD",
    "date_from_datetime_inexact": "ska vara ett datum utan klockslag (ÅÅÅÅ-MM-DD)",
}

ID_FORM = "ett id med små bokstäver a–z, siffror och bindestreck, t.ex. '{example}'"
"""An id's form (patterns.ID), with an example of the kind of record the field names."""
_ID_EXAMPLES = {**dict.fromkeys(("committee", "committees", "to", "body", "part_of", "continues"), "kommunstyrelsen"),
                **dict.fromkeys(("partner", "partners", "concerns"), "kvinnojouren-lund"),
                **dict.fromkeys(("agreement", "agreements", "adopts", "renews", "preceded_by"),
                                "kvinnojouren-lund-2021-2023")}
"""An id's example by the field that names it: a body's, a partner's or an agreement's; the last for the others."""

_PATTERN_HINTS: dict[str, str] = {
    patterns.CASE_NUMBER: "ett diarienummer som kommunen skriver det, t.ex. 'SO 2020/0155' eller '2023KS133' "
                                "(bokstäver, siffror, mellanslag och . : / -)",
    r"^https?://[^\s<>\"']+$": "en webbadress som börjar med https://",
    r"^https://[^\s<>\"'{}|\\^`]+$":
        "en webbadress som börjar med https:// och saknar mellanslag, citattecken och tecknen < > { } | \\ ^ `",
    r"^\d{6}-\d{4}$": "ett organisationsnummer som '845000-8175'",
    r"^\+?[0-9][0-9 –-]{4,}[0-9]$": "ett telefonnummer med siffror, mellanslag och bindestreck",
    patterns.PARAGRAPH_PREFIX: "det som protokollet skriver före paragrafnumret i stället för §, utan siffror, "
                               "t.ex. 'VON'",
}


FIELD_NAME = re.compile(r"[^\W\d][\w-]*")
"""What could be a field's name, however misspelt: a word. 'kultur och fritid' cannot: it is the rest of a value
cut at an unquoted comma inside { } ('to: Näringsliv, kultur och fritid')."""
COMMA_IN_VALUE = ("'{name}' kan inte vara ett fältnamn; ett värde med kommatecken inom {{ }} ska stå inom "
                  "citattecken, t.ex. to: 'Näringsliv, kultur och fritid'")


LEVELS = {"Meeting": "sammanträdet", "Agreement": "överenskommelsen", "Report": "tjänsteskrivelsen",
          "Committee": "organet", "Partner": "partnern", "matters": "ett ärende", "steps": "ett steg",
          "funding": "en rad i 'funding'", "contacts": "en kontaktperson", "amount": "ett belopp",
          "cited_decisions": "ett citerat beslut", "cited_steps": "ett citerat steg", "vote": "en omröstning",
          "sources": "en källa", "persons": "en person", "assignments": "ett uppdrag"}
"""How an unknown field's message names a level of a record: its kind at the top, else by the field that holds it."""


def level_name(record: str, loc: Sequence[str | int]) -> str:
    """'sammanträdet' for a meeting's top level, 'ett ärende' for `matters.0`, else the field that holds it."""
    key = next((part for part in reversed(loc) if isinstance(part, str)), record)
    return LEVELS.get(key, f"'{key}'")


def unknown_field(name: object, fields: Sequence[str], home: str | None = None, here: str | None = None,
                  valueless: bool = False) -> str:
    """A field the model does not have, in a record's front matter: a name no field could have is a value's rest
    after an unquoted comma; a field of another level of the same record says where it belongs (`home`, `here`:
    'ett ärende'); else the close field where there is one (a typo), else that the fact has no field here and belongs
    in the text (not every fact has one)."""
    if not FIELD_NAME.fullmatch(str(name)):
        return COMMA_IN_VALUE.format(name=name)
    if home is not None:
        return f"'{name}' hör till {home}, inte till {here or 'denna nivå'}; flytta det dit"
    close = suggest.closest(str(name), fields)
    if close:
        return f"okänt fält; menar du '{close}'?"
    if valueless:  # `{role: ledamot, ordförande}`: a word after an unquoted comma, a key without a value
        return COMMA_IN_VALUE.format(name=name)
    return "det finns inget sådant fält här; skriv uppgiften i texten i stället"


def describe(error: dict[str, Any], fields: Sequence[str] | None = None,
             levels: tuple[str, str] | None = None) -> str:
    """One pydantic error as a Swedish sentence: what is wrong; what is expected. `fields`: those an editor may write
    where the error is (a record's front matter), for an unknown field's message; `levels`: where such a field
    belongs and where it was written, where another level of the record has it."""
    kind = error["type"]
    if kind == "extra_forbidden" and fields is not None:
        home, here = levels or (None, None)
        return unknown_field(error["loc"][-1] if error.get("loc") else "", fields, home, here,
                             valueless="input" in error and error["input"] is None)
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind == "string_pattern_mismatch":
        pattern = error["ctx"]["pattern"]
        hint = _id_form(error.get("loc", ())) if pattern == patterns.ID else _PATTERN_HINTS.get(pattern)
        if hint is None and "@" in pattern:
            hint = "en e-postadress som 'namn@kommun.se'"
        return f"'{error['input']}' har fel form; förväntat: {hint or pattern}"
    if kind == "enum":
        choices = str(error["ctx"]["expected"]).replace(" or ", " eller ")
        return f"'{error['input']}' är inget av de värden som finns; välj ett av {choices}"
    text = _BY_TYPE.get(kind)
    if text is None:
        return f"ogiltigt värde ({error['msg']})"
    if kind in ("greater_than_equal", "less_than_equal"):
        limit = error["ctx"].get("ge", error["ctx"].get("le"))
        text += f"; gränsen är {limit}"
    if kind == "string_type" and isinstance(error.get("input"), int | float | dt.date):
        text += "; sätt värdet inom citattecken"
    if "input" in error and error["input"] is None and kind not in ("missing", "extra_forbidden"):
        text = f"fältet är tomt men {text}"
    elif "input" in error and kind not in ("missing", "extra_forbidden") and not _composite(error["input"]):
        text = f"'{error['input']}' {text}"
    return text


def _id_form(loc: Sequence[str | int]) -> str:
    """An id's form with an example of what the field names (a list's item is named by its list; a union's member,
    'constrained-str', is no field)."""
    field = next((part for part in reversed(loc) if isinstance(part, str) and re.fullmatch("[a-z_]+", part)), "")
    return ID_FORM.format(example=_ID_EXAMPLES.get(field, "kvinnojouren-lund-2021-2023"))


_UNION_MEMBERS = {"date": "ett datum (ÅÅÅÅ-MM-DD)", "Month": "en månad (ÅÅÅÅ-MM)", "int": "ett årtal",
                  "Year": "ett årtal (ÅÅÅÅ)",
                  "Season": "en årstid ('våren 2020')"}


def describe_union(members: list[str], value: Any) -> str:
    """A value that fits none of a field's forms (a term's start: a date or a year)."""
    forms = " eller ".join(_UNION_MEMBERS.get(m, m) for m in members)
    return f"'{value}' ska vara {forms}" if value is not None and not _composite(value) else f"ska vara {forms}"


def _composite(value: object) -> bool:
    """A mapping or a list: quoting it back to the editor would only repeat the whole structure."""
    return isinstance(value, dict | list)


_YAML_PROBLEMS: dict[str, str] = {
    "'\\t'": "tabbtecken används inte för indrag; dra in med mellanslag",
    "mapping values are not allowed": "ett kolon på fel ställe; sätt värdet inom citattecken om det innehåller ': '",
    "could not find expected ':'": "ett kolon saknas efter fältnamnet, eller ett citattecken stängs aldrig",
    "cannot start any token": "ett tecken som inte får inleda ett värde (t.ex. tabb, @ eller `); dra in med mellanslag "
                              "och sätt värdet inom citattecken",
    "expected <block end>": "indraget stämmer inte med raderna ovan; fält på samma nivå ska börja i samma kolumn",
    "did not find expected key": "indraget stämmer inte med raderna ovan; fält på samma nivå ska börja i samma kolumn",
    "did not find expected '-' indicator": "indraget stämmer inte i listan; varje rad i listan ska börja med '- ' "
                                           "i samma kolumn",
    "found unexpected end of stream": "ett citattecken eller en parentes stängs aldrig",
    "expected the node content": "ett värde saknas, eller en parentes stängs aldrig",
    "expected ',' or ']'": "en lista inom [ ] stängs aldrig, eller ett kommatecken saknas",
    "expected ',' or '}'": "en grupp inom { } stängs aldrig, eller ett kommatecken saknas",
    "could not determine a constructor": "okänd tagg (!); ta bort utropstecknet eller sätt värdet inom citattecken",
    "found undefined tag handle": "okänd tagg (!); ta bort utropstecknet eller sätt värdet inom citattecken",
    "found unhashable key": "en lista eller grupp kan inte vara ett fältnamn",
    "found unknown escape character": "okänd kombination med \\ inom citattecken; använd enkla citattecken ' '",
    "found a tab character": "tabbtecken används inte för indrag; dra in med mellanslag",
    "expected alphabetic or numeric character": "ett tecken som inte får inleda ett värde (* & ! |); sätt värdet "
                                                "inom citattecken",
}


def settings_problem(error: str) -> Problem:
    """mkdocs.yml that the engine cannot read or does not accept, at the line its error names."""
    lines = re.findall(r"line (\d+)", error)
    what = yaml_problem(error) if lines else f"inställningarna godtas inte ({error.strip()}); se meddelandena ovan"
    return Problem(Path("mkdocs.yml"), int(lines[-1]) if lines else None, "inställningar", what)


def yaml_problem(problem: str) -> str:
    """PyYAML's (English) complaint as a Swedish sentence an editor can act on."""
    for key, text in _YAML_PROBLEMS.items():
        if key in problem:
            return f"YAML-fel: {text}"
    return f"YAML-fel ({problem}); kontrollera kolon, indrag och citattecken"


# The preview (`make serve`).
PREVIEW_READY = "Förhandsvisningen är klar på {url} (efter {seconds:.1f} s); sidorna uppdateras när du sparar."
PREVIEW_HAS_PROBLEMS = ("Innehållet har fel, så förhandsvisningen visar den senaste versionen som gick att bygga. "
                        "Rätta felen och spara; sidan uppdateras av sig själv.")
def port_taken(port: int, err: OSError) -> str:
    """Why `make serve` cannot start: the port is taken (or not ours to use)."""
    return (f"Förhandsvisningen kan inte starta: porten {port} används redan av ett annat program (kanske en "
            f"förhandsvisning som redan är igång – stäng den eller använd den). Välj en annan port, t.ex. "
            f"make serve PORT={port + 1}. ({err.strerror or err})")


PREVIEW_NO_SITE = "Webbplatsen har inte gått att bygga ännu"
PREVIEW_NOT_FOUND = "Sidan finns inte (ännu) i förhandsvisningen"
PREVIEW_BUILD_FAILED = "bygget misslyckades: "
EXPORT_HELP = "Skriv webbplatsens sidor som vanlig Markdown och statiska filer, som vilken motor som helst kan bygga."
EXPORT_NOT_EMPTY = "{dest} finns redan och är inte tom; ta bort mappen eller välj en annan (make export gör det själv)."
EXPORT_FAILED = "Innehållet har fel, så inget exporterades:"
EXPORT_DONE = "Exporterade {count} filer till {dest}; bygg med kommandot överst i {dest}/mkdocs.yml."


def identity_number(masked: str, reviewed_field: str) -> str:
    """A personal identity number found in a source, however it was written (the number shown masked)."""
    return (f"'{masked}' ser ut som ett personnummer; personnummer får aldrig publiceras – ta bort det (det kan "
            "vara dolt av formatering, ett osynligt tecken eller en radbrytning). Är det ett annat nummer (t.ex. "
            f"ett telefonnummer) som du har kontrollerat: skriv det under '{reviewed_field}' i filens front matter")


def markdown_link(target: str) -> str:
    """A record's text links to a Markdown file: its page is generated, where no such file is beside it."""
    return (f"länken '{target}' pekar på en Markdown-fil, men texten visas på en genererad sida där den inte finns; "
            "länka med sidans webbadress (https://… eller /sammantraden/…/)")


def not_in_nav(folder: str, page: str) -> str:
    """A hand-written page that `nav:` in mkdocs.yml leaves out (the engine says so in English): the menu does not
    link to it, so a reader finds it only through a link an editor writes."""
    title = Path(page).stem.replace("-", " ").capitalize()
    return (f"{folder}/{page}: sidan finns inte under nav: i mkdocs.yml, så menyn länkar inte till den; lägg till en "
            f"rad där, t.ex. '  - {title}: {page}', eller länka till den från en annan sida i {folder}/, t.ex. "
            f"[{title}]({page}) (REDAKTORSGUIDE.md, Egna sidor)")
