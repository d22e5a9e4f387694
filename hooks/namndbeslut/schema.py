"""The front matter of each kind of content file as JSON Schema, generated from the model.

Editors' tools and other programs can validate a file's front matter with these without running
this code; `make schema` regenerates them and a test keeps the committed copies in step.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .kinds import FOLDERS, by_folder

DERIVED: dict[str, tuple[str, ...]] = {
    "Committee": ("id", "body"), "Partner": ("id", "body"), "Agreement": ("id", "body"), "Report": ("id", "body"),
    "Meeting": ("introduction",), "Matter": ("title", "body"),
}
"""Fields the loader fills in from the file name and the Markdown body: not written in front matter."""


def front_matter_schema(folder: str) -> dict[str, Any]:
    """JSON Schema (2020-12) of the front matter of a file in `folder`."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$comment": f"Front matter of {folder}/*.md. Generated from hooks/namndbeslut/model.py by `make schema`.",
            **_written(by_folder(folder).model)}


def _written(cls: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON Schema without the fields the loader derives: what an editor writes."""
    schema = cls.model_json_schema(mode="validation")
    for name, part in [(cls.__name__, schema), *schema.get("$defs", {}).items()]:
        for field in DERIVED.get(name, ()):
            part.get("properties", {}).pop(field, None)
            if field in part.get("required", []):
                part["required"].remove(field)
    return schema


def fields_at(cls: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The fields an editor may write at `loc` of a record's front matter (`()`: its top level; `("matters", 0)`: a
    matter's), as the schema has them; [] where `loc` names none. An unknown field's message names the closest."""
    return _fields_in(_written(cls), loc)


def _fields_in(schema: dict[str, Any], loc: tuple[str | int, ...]) -> list[str]:
    nodes = [schema]
    for part in loc:
        nodes = [n for node in nodes for n in _step(schema, node, part)]
    return sorted({name for node in nodes for obj in _objects(schema, node) for name in obj.get("properties", {})})


def home_of(cls: type[BaseModel], loc: tuple[str | int, ...], name: str) -> tuple[str | int, ...] | None:
    """Where in the same kind of record `name` is a field, though not at `loc`: an enclosing level (a meeting's
    `paragraph_prefix` written on a matter) or one just inside it (a matter's field written on the meeting); None
    where it is at neither. An unknown field's message then names the level it belongs to."""
    schema = _written(cls)
    here = _fields_in(schema, loc)
    if name in here:
        return None
    parents = [loc[:k] for k in range(len(loc) - 1, -1, -1)]
    children = [(*loc, field, *tail) for field in here for tail in ((0,), ())]
    return next((at for at in [*parents, *children] if name in _fields_in(schema, at)), None)


def _step(schema: dict[str, Any], node: dict[str, Any], part: str | int) -> list[dict[str, Any]]:
    """The schema nodes one location part leads to: a list's items for an index, an object's property for a name."""
    found = []
    for obj in _objects(schema, node):
        if isinstance(part, int) and "items" in obj:
            found.append(obj["items"])
        elif isinstance(part, str) and part in obj.get("properties", {}):
            found.append(obj["properties"][part])
    return found


def _objects(schema: dict[str, Any], node: dict[str, Any]) -> list[dict[str, Any]]:
    """`node` and what it stands for: its $ref resolved, each member of anyOf/oneOf/allOf."""
    if "$ref" in node:
        return _objects(schema, schema["$defs"][node["$ref"].rsplit("/", 1)[-1]])
    members = [m for key in ("anyOf", "oneOf", "allOf") for m in node.get(key, [])]
    return [node, *(o for m in members for o in _objects(schema, m))]


def render(folder: str) -> str:
    return json.dumps(front_matter_schema(folder), ensure_ascii=False, indent=2) + "\n"


def path_of(root: Path, folder: str) -> Path:
    return root / "schema" / f"{folder}.schema.json"


def main(argv: list[str] | None = None) -> int:
    """Write schema/<folder>.schema.json for every content folder."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path(".")
    for folder in FOLDERS:
        path_of(root, folder).parent.mkdir(exist_ok=True)
        path_of(root, folder).write_text(render(folder), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
