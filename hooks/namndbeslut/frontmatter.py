"""Split a content file into YAML front matter and Markdown body, safely and with line numbers.

MkDocs silently drops front matter it cannot parse; we parse it ourselves so that a mistake
stops the build and names its line. The YAML is loaded safely and bounded: no Python objects, no
anchors or aliases (the "billion laughs"), no duplicate keys, no file over MAX_BYTES.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import messages
from .errors import ContentError, Problem

MAX_BYTES = 1_000_000
"""A content file larger than this is refused: no meeting summary or agreement is that long."""

MAX_DEPTH = 10
"""Deepest nesting of [ ] and { } in front matter: checked before parsing, as libyaml would overflow its stack."""

Loc = tuple[str | int, ...]
_QUOTED = re.compile(r""""(?:[^"\\\n]|\\.)*"|'[^'\n]*'|#.*""")

_STR_TAG = "tag:yaml.org,2002:str"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_WORDS_AS_KEYS = frozenset({"yes", "no", "on", "off"})
"""Words YAML 1.1 (PyYAML) reads as true or false, but YAML 1.2, editors' tools and the desk read as words: as a key
they are a field's name (a vote's `yes:` and `no:`), never a boolean."""
_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:")
_NOT_FAST = re.compile("[&*\t]")
"""Left to the pure-Python loader: anchors and aliases (refused), tabs (libyaml accepts some PyYAML refuses)."""
_UNCLOSED = ("could not find expected ':'", "expected ',' or", "unexpected end of stream")


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
    text: str = ""
    """The whole file as text (LF line ends), for checks that read every line."""

    def line_of(self, loc: Loc) -> int:
        """The line of the deepest known key along `loc` (the block start if none)."""
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 2

    def field_at(self, line: int) -> str:
        """The field (as `label()` writes it) whose key or item stands on `line`, else 'front matter'."""
        return _field_at(self.lines, line)


def _field_at(index: dict[Loc, int], line: int) -> str:
    locs = [loc for loc, at in index.items() if at == line]
    return label(max(locs, key=len)) if locs else "front matter"


def label(loc: Loc) -> str:
    """A location as the editor reads it: keys joined by dots, list positions as numbers from 0."""
    return ".".join(str(p) for p in loc) or "front matter"


class _Refused(yaml.constructor.ConstructorError):
    """A value this loader refuses on purpose; its message is already Swedish."""


class _SafeBoundedLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases and names the line of any value it cannot build."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]  # types-PyYAML leaves it untyped
            raise _Refused(
                None, None, "alias (*) används inte i innehållsfiler; skriv ut värdet", event.start_mark
            )
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if getattr(event, "anchor", None):
            raise _Refused(
                None, None, "ankare (&) används inte i innehållsfiler; ta bort &-namnet", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # PyYAML raises plain ValueError (e.g. for 2021-02-30) and loses the line; keep it.
        try:
            return super().construct_object(node, deep=deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, AttributeError, OverflowError) as err:
            shown = node.value if len(str(node.value)) <= 40 else f"{str(node.value)[:40]}…"
            raise _Refused(None, None, f"'{shown}' är inget giltigt värde ({_why(node, err)})",
                           node.start_mark) from None


def _why(node: yaml.Node, err: Exception) -> str:
    if node.tag == "tag:yaml.org,2002:timestamp":
        return "datumet finns inte i kalendern; skriv ett verkligt datum ÅÅÅÅ-MM-DD"
    if node.tag == "tag:yaml.org,2002:int":
        return "talet har för många siffror"
    return str(err) or type(err).__name__


def _line(mark: Any, source: str) -> int:
    """The file line of a YAML mark, counting only \\n as PyYAML also breaks lines at U+0085, U+2028 and U+2029."""
    return source.count("\n", 0, mark.index) + 2


def _index_lines(path: Path, node: yaml.Node, loc: Loc, out: dict[Loc, int], source: str,
                 problems: list[Problem], values: dict[tuple[int, int], Loc]) -> None:
    """Record the line of every key and list item (and where each value starts); report bad keys."""
    values.setdefault((node.start_mark.line, node.start_mark.column), loc)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            line = _line(key.start_mark, source)
            if key.tag == _BOOL_TAG and key.style is None and str(key.value).lower() in _WORDS_AS_KEYS:
                key.tag = _STR_TAG  # read as the name it is when the document is constructed
            if key.tag != _STR_TAG or not isinstance(key.value, str):
                problems.append(Problem(path, line, label(loc), f"'{_short(key)}' kan inte vara ett fältnamn; "
                                        "ett fältnamn är ett ord som 'title', följt av kolon"))
                continue
            child = (*loc, key.value)
            if child in out:
                problems.append(Problem(path, line, label(child), f"fältet står två gånger (även på rad {out[child]}); "
                                        "ta bort den ena"))
                continue
            out[child] = line
            _index_lines(path, value, child, out, source, problems, values)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out[(*loc, i)] = _line(item.start_mark, source)
            _index_lines(path, item, (*loc, i), out, source, problems, values)


SETTINGS = "mkdocs.yml"
"""The site's settings file: a check of its values (furniture, the statement, open data, the municipality) names
the setting, and `in_settings` adds the line the setting is written on, as a content problem has its line."""


def settings_lines(text: str) -> dict[Loc, int]:
    """The line of every key and list item of a whole YAML file (mkdocs.yml), indexed as a front matter is; empty
    where the text is no YAML (the engine says what is wrong with it)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    index: dict[Loc, int] = {}
    if node is not None:
        _index_lines(Path(SETTINGS), node, (), index, text, [], {})
    return {loc: line - 1 for loc, line in index.items()}  # _line counts a front matter's opening '---'


def in_settings(problems: list[Problem], root: Path) -> list[Problem]:
    """`problems` with the line of the setting each names ('extra.furniture.stale_after_months': its own line, or
    the deepest of its keys written in mkdocs.yml), where the check that found it had only the settings' values."""
    config = root / SETTINGS
    if not any(p.path.name == SETTINGS and p.line is None for p in problems) or not config.is_file():
        return problems
    index = settings_lines(config.read_text(encoding="utf-8", errors="replace"))

    def line_of(field: str) -> int | None:
        loc: Loc = tuple(int(part) if part.isdigit() else part for part in field.split("."))
        return next((index[loc[:end]] for end in range(len(loc), 0, -1) if loc[:end] in index), None)

    return [Problem(p.path, line_of(p.field), p.field, p.message) if p.path.name == SETTINGS and p.line is None
            else p for p in problems]


def _short(node: yaml.Node) -> str:
    return node.value if isinstance(node.value, str) else "[…]"


def decode(path: Path, raw: bytes) -> str:
    """Bytes to text: UTF-8 (a byte-order mark allowed), CRLF line ends made LF."""
    if len(raw) > MAX_BYTES:
        raise _fail(path, None, f"filen är {len(raw)} byte; högst {MAX_BYTES} byte tillåts – dela upp texten")
    if not raw.strip():
        raise _fail(path, None, "filen är tom; den ska börja med ett front matter-block (---)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise _fail(path, line, "filen är inte sparad som UTF-8 (tecknet på raden går inte att läsa); "
                                "spara den som UTF-8 i din editor", "fil") from None
    if "\x00" in text:
        raise _fail(path, text[: text.index("\x00")].count("\n") + 1, "filen innehåller ett nolltecken; "
                    "den ser inte ut som en textfil – spara den som vanlig text (UTF-8)", "fil")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if found := [Problem(path, line, field, messages.invisible(char)) for line, field, char in _invisible(text)]:
        raise ContentError(found)
    return text


def field_on_line(lines: list[str], number: int, all_yaml: bool = False) -> str:
    """The field a file's line belongs to as written (the key on it or the nearest above), or 'text' in the body.

    `all_yaml`: the whole file is YAML (mkdocs.yml), not front matter and a body.
    """
    if not all_yaml and (not lines or lines[0].strip() != "---"):
        return "text"
    key = "front matter"
    for i, line in enumerate(lines[0 if all_yaml else 1:number], start=1 if all_yaml else 2):
        if line.strip() == "---":
            return "text"
        if written := _KEY.match(line):
            key = written[1]
        if i == number:
            break
    return key


def _invisible(text: str) -> list[tuple[int, str, str]]:
    """(line, field, character) of the first invisible or control character on each line that has one.

    The field is the key written on the line or the nearest one above it in the front matter, else 'text'.
    """
    if not messages.INVISIBLE.search(text):
        return []
    in_front = text.startswith("---\n")
    found, key = [], "front matter" if in_front else "text"
    for number, line in enumerate(text.split("\n"), start=1):
        if number > 1 and in_front and line.strip() == "---":
            in_front, key = False, "text"
            continue
        if in_front and (written := _KEY.match(line)):
            key = written[1]
        if char := messages.INVISIBLE.search(line):
            found.append((number, key, char[0]))
    return found


def parse(path: Path, raw: bytes) -> Document:
    """Parse one content file; raise ContentError on anything malformed."""
    text = decode(path, raw)
    lines = text.split("\n")
    if lines[0].strip() != "---":
        raise _fail(path, 1, "filen ska börja med en rad som bara innehåller --- (början på front matter)")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise _fail(path, 1, "front matter-blocket stängs aldrig; lägg till en rad med bara --- efter fälten") from None
    source = "\n".join(lines[1:end])
    if (depth := _flow_depth(source)) > MAX_DEPTH:
        raise _fail(path, depth_line(source) + 1, f"front matter är nästlad i {depth} nivåer av [ ] eller {{ }}; "
                    f"högst {MAX_DEPTH} tillåts – använd enkla fält och listor")
    if (block := _block_depth(source)) is not None:
        depth, line = block
        raise _fail(path, line + 1, f"front matter är nästlad i {depth} nivåer av indrag och '- '; högst "
                    f"{MAX_DEPTH} tillåts – använd enkla fält och listor")
    try:
        loader = _SafeBoundedLoader(source)
    except yaml.reader.ReaderError as err:
        line = source[: err.position].count("\n") + 2
        raise _fail(path, line, f"tecknet U+{err.character:04X} (ett osynligt styrtecken, ofta inklistrat från "
                                "Word eller en PDF) får inte stå i front matter; ta bort det") from None
    body, body_line = "\n".join(lines[end + 1 :]), end + 2
    if fast := _load_fast(path, source):
        loader.dispose()
        return Document(path, fast[0], body, body_line, fast[1], text)
    index: dict[Loc, int] = {}
    values: dict[tuple[int, int], Loc] = {}
    problems: list[Problem] = []
    try:
        node = _yaml_step(path, source, index, values, loader.get_single_node)
        if node is not None:
            _index_lines(path, node, (), index, source, problems, values)
        if problems:
            raise ContentError(problems)
        data = _yaml_step(path, source, index, values, lambda: loader.construct_document(node)) if node else {}
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise _fail(path, 2, "front matter ska vara fält på formen 'namn: värde', ett per rad")
    return Document(path, data, body, body_line, index, text)


def _flow_depth(source: str) -> int:
    """The deepest nesting of YAML flow collections ([ ] and { }), quoted text and comments aside."""
    if source.count("[") + source.count("{") <= MAX_DEPTH:
        return 0  # the usual case, without a look at every character
    deepest = depth = 0
    for char in _QUOTED.sub("", source):
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return deepest


_INDICATORS = re.compile(r"(?:[-?:](?: +|$))+")


def _block_depth(source: str) -> tuple[int, int] | None:
    """(depth, line) where block nesting (each level indented further, or one more '- ' on the line) first goes
    deeper than MAX_DEPTH, else None: checked before parsing, as libyaml would overflow its stack on '- - - …'."""
    levels: list[int] = []
    for number, line in enumerate(source.split("\n"), start=1):
        text = line.lstrip(" ")
        if not text or text.startswith("#"):
            continue
        column = len(line) - len(text)
        while levels and levels[-1] >= column:
            levels.pop()
        levels.append(column)
        indicators = _INDICATORS.match(text)
        depth = len(levels) + (indicators[0].count("-") + indicators[0].count("?") if indicators else 0)
        if depth > MAX_DEPTH:
            return depth, number
    return None


def depth_line(source: str) -> int:
    """The line (1-based, within `source`) where flow nesting first goes deeper than MAX_DEPTH."""
    depth = 0
    for number, line in enumerate(_QUOTED.sub("", source).split("\n"), start=1):
        for char in line:
            depth += 1 if char in "[{" else -1 if char in "]}" and depth else 0
            if depth > MAX_DEPTH:
                return number
    return 1


def _load_fast(path: Path, source: str) -> tuple[dict[str, Any], dict[Loc, int]] | None:
    """The front matter and its line index through libyaml (about three times faster), when it is plainly fine.

    None whenever the pure-Python loader must decide, so every refusal and message stays its own:
    an anchor (&) or alias (*) could be in the text (libyaml composes them before any check could
    run), a tab, a YAML or value error, a bad or duplicate key, or no mapping at all.
    """
    if _NOT_FAST.search(source) or not hasattr(yaml, "CSafeLoader"):
        return None
    loader = yaml.CSafeLoader(source)
    try:
        node = loader.get_single_node()
        index: dict[Loc, int] = {}
        problems: list[Problem] = []
        if node is None:
            return None
        _index_lines(path, node, (), index, source, problems, {})
        data = None if problems else loader.construct_document(node)
    except Exception:  # noqa: BLE001 - whatever went wrong, the pure-Python path reports it exactly
        return None
    finally:
        loader.dispose()
    return (data, index) if isinstance(data, dict) else None


def _yaml_step(path: Path, source: str, index: dict[Loc, int], values: dict[tuple[int, int], Loc],
               step: Callable[[], Any]) -> Any:
    """Run one step of the YAML loader, turning its errors into a Problem with line and field."""
    try:
        return step()
    except yaml.MarkedYAMLError as err:
        what = " ".join(x for x in (err.context, err.problem) if x) or str(err)
        unclosed = any(key in what for key in _UNCLOSED)  # the line where it opens helps more than the end
        mark = (err.context_mark if unclosed else None) or err.problem_mark or err.context_mark
        line = _line(mark, source) if mark else 2
        message = err.problem if isinstance(err, _Refused) and err.problem else messages.yaml_problem(what)
        loc = values.get((mark.line, mark.column)) if mark else None
        field = label(loc) if loc else _field_at(index, line)
        if field == "front matter" and (key := _KEY.match(source.split("\n")[line - 2])):
            field = key[1]  # the syntax broke before the keys were known: name the key written on the line
        raise ContentError([Problem(path, line, field, message)]) from None
    except yaml.YAMLError as err:
        raise _fail(path, 2, messages.yaml_problem(str(err))) from None
    except RecursionError:
        raise _fail(path, 2, "front matter är för djupt nästlad; använd enkla fält och listor") from None


def _fail(path: Path, line: int | None, message: str, field: str = "front matter") -> ContentError:
    return ContentError([Problem(path, line, field if line else "fil", message)])
