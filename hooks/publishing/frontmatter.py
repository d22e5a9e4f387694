"""Split a content file into YAML front matter and Markdown body, safely and with line numbers.

MkDocs silently drops front matter it cannot parse; we parse it ourselves so that a mistake
stops the build and names its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

MAX_BYTES = 1_000_000
"""A content file larger than this is refused: no meeting summary or agreement is that long."""

Loc = tuple[str | int, ...]


@dataclass
class Document:
    """A parsed content file: its data, its body and where each key stands."""

    path: Path
    data: dict[str, Any]
    body: str
    body_line: int
    """Line number (1-based) of the first body line in the file."""
    lines: dict[Loc, int] = field(default_factory=dict)
    """Line of each key (and list item) in the front matter, by its location."""

    def line_of(self, loc: Loc) -> int:
        """The line of the deepest known key along `loc` (the block start if none)."""
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 2


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases (the 'billion laughs' expansion)."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.constructor.ConstructorError(
                None, None, "alias (*) används inte i innehållsfiler", event.start_mark
            )
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise yaml.constructor.ConstructorError(
                None, None, "ankare (&) används inte i innehållsfiler", event.start_mark
            )
        return super().compose_node(parent, index)


def _index_lines(node: yaml.Node, loc: Loc, out: dict[Loc, int], offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*loc, str(key.value))
            out[child] = key.start_mark.line + 1 + offset
            _index_lines(value, child, out, offset)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out[(*loc, i)] = item.start_mark.line + 1 + offset
            _index_lines(item, (*loc, i), out, offset)


def decode(path: Path, raw: bytes) -> str:
    """Bytes to text: UTF-8 (a byte-order mark allowed), CRLF line ends made LF."""
    if len(raw) > MAX_BYTES:
        raise _fail(path, None, f"filen är {len(raw)} byte; högst {MAX_BYTES} byte tillåts")
    if not raw.strip():
        raise _fail(path, None, "filen är tom; den ska börja med ett front matter-block (---)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise _fail(path, line, "filen är inte UTF-8; spara den som UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(path: Path, raw: bytes) -> Document:
    """Parse one content file; raise a Problem-carrying error on anything malformed."""
    text = decode(path, raw)
    lines = text.split("\n")
    if lines[0].strip() != "---":
        raise _fail(path, 1, "filen ska börja med en rad som bara innehåller --- (front matter)")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise _fail(path, 1, "front matter-blocket stängs aldrig; lägg till en rad med --- efter fälten") from None
    source = "\n".join(lines[1:end])
    try:
        loader = _NoAliasLoader(source)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 2 if mark else 2
        raise _fail(path, line, f"YAML-fel: {err.problem or err}") from None
    except yaml.YAMLError as err:
        raise _fail(path, 2, f"YAML-fel: {err}") from None
    except (ValueError, TypeError, OverflowError) as err:
        raise _fail(path, 2, f"ogiltigt värde: {err}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise _fail(path, 2, "front matter ska vara fält på formen 'namn: värde'")
    index: dict[Loc, int] = {}
    if node is not None:
        _index_lines(node, (), index, offset=1)
    return Document(path, data, "\n".join(lines[end + 1 :]), end + 2, index)


def _fail(path: Path, line: int | None, message: str) -> Exception:
    from .errors import ContentError

    return ContentError([Problem(path, line, "front matter" if line else "fil", message)])
