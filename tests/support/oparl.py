"""OParl 1.1: validating published objects against the official schemas kept in tests/oparl-schema/."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema.protocols import Validator

from support.project import ROOT

SCHEMAS = ROOT / "tests" / "oparl-schema"
OPARL = "https://schema.oparl.org/1.1/"

FORMATS = jsonschema.FormatChecker()


def _is_url(value: object) -> bool:
    """OParl's 'url' format: an absolute http(s) URL."""
    return not isinstance(value, str) or value.startswith(("https://", "http://")) and " " not in value


def _is_date_time(value: object) -> bool:
    """RFC 3339: a date, a time and an offset."""
    return not isinstance(value, str) or dt.datetime.fromisoformat(value).tzinfo is not None


FORMATS.checks("url")(_is_url)
FORMATS.checks("date-time", raises=ValueError)(_is_date_time)


def validator(type_name: str) -> Validator:
    schema = json.loads((SCHEMAS / f"{type_name}.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=FORMATS)


def oparl_objects(value: Any) -> list[dict[str, Any]]:
    """Every OParl object in a JSON value, embedded ones included."""
    found = []
    if isinstance(value, dict):
        if str(value.get("type", "")).startswith(OPARL):
            found.append(value)
        for child in value.values():
            found += oparl_objects(child)
    elif isinstance(value, list):
        for child in value:
            found += oparl_objects(child)
    return found


def invalid_objects(site: Path) -> list[str]:
    """What the official schemas refuse in a built site's OParl files (embedded objects too), each as 'file: error';
    [] when every object is valid."""
    return [f"{path.name}: {error.message}" for path in sorted((site / "oparl").rglob("*.json"))
            for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8")))
            for error in validator(str(obj["type"]).rsplit("/", 1)[1]).iter_errors(obj)]
