"""Pydantic's validation errors, told in Swedish in words an editor can act on."""

from __future__ import annotations

import datetime as dt
from typing import Any

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

_PATTERN_HINTS: dict[str, str] = {
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$":
        "ett id med små bokstäver a–z, siffror och bindestreck, t.ex. 'kvinnojouren-lund-2021-2023'",
    r"^[A-ZÅÄÖ]{1,5} \d{4}/\d{1,6}$": "ett diarienummer som 'SO 2020/0155'",
    r"^https?://[^\s<>\"']+$": "en webbadress som börjar med https://",
    r"^\d{6}-\d{4}$": "ett organisationsnummer som '845000-8175'",
    r"^\+?[0-9][0-9 –-]{4,}[0-9]$": "ett telefonnummer med siffror, mellanslag och bindestreck",
}


def describe(error: dict[str, Any]) -> str:
    """One pydantic error as a Swedish sentence: what is wrong; what is expected."""
    kind = error["type"]
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind == "string_pattern_mismatch":
        pattern = error["ctx"]["pattern"]
        hint = _PATTERN_HINTS.get(pattern)
        if hint is None and "@" in pattern:
            hint = "en e-postadress som 'namn@lund.se'"
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


_UNION_MEMBERS = {"date": "ett datum (ÅÅÅÅ-MM-DD)", "int": "ett årtal"}


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


def yaml_problem(problem: str) -> str:
    """PyYAML's (English) complaint as a Swedish sentence an editor can act on."""
    for key, text in _YAML_PROBLEMS.items():
        if key in problem:
            return f"YAML-fel: {text}"
    return f"YAML-fel ({problem}); kontrollera kolon, indrag och citattecken"
