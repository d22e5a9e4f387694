"""Personal identity numbers (personnummer, samordningsnummer) in every form a reader could read one.

The one rule every check uses, applied where text enters (a content file, a file name, mkdocs.yml, an
attachment's text), once: compatibility forms are folded first (NFKC: superscript, fullwidth, circled and
mathematical digits become ASCII digits), then the text is searched as written and as read, with Markdown
emphasis, HTML tags and comments, entities, escapes and percent-encoding undone and lines joined. Every
pattern here runs in time linear in its input (tests/test_linear.py).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
import urllib.parse
from collections.abc import Iterator

from .model import luhn_ok

_DASHES = "-\u058a\u05be\u1400\u1806\u2010-\u2015\u207b\u208b\u2212\u2796\u2e3a\u2e3b\u30a0\ufe58\ufe63\uff0d"
"""Every dash and minus sign of Unicode (category Pd and the minus signs): a word processor, a PDF or a font
with fullwidth forms turns a hyphen into any of them, and the reader still reads one number."""
_SPACES = " \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
IDENTITY_NUMBER = re.compile(  # (?=\d{6}) changes no match, but lets the engine skip text without digits fast
    rf"(?=\d{{6}})(?<!\d)(?P<century>\d{{2}})?(?P<date>\d{{6}})[{_SPACES}]?(?P<sep>[{_DASHES}+\ufe62\uff0b_])?"
    rf"[{_SPACES}]?(?P<tail>\d{{4}})(?!\d)"
)
"""Ten or twelve digits of any script (`\\d` is Unicode: fullwidth and Arabic-Indic digits too), split at most
by a dash or plus of any kind, YAML's digit separator `_` (811218_9876 is the number 8112189876) and a space
of any width on either side; never across lines."""


def is_identity_number(century: str | None, date: str, tail: str) -> bool:
    """A personnummer or samordningsnummer (day + 60): a real date and a valid Luhn check digit.

    Organisation numbers fail the date test (their month, the third and fourth digits, is 20 or more).
    """
    if not luhn_ok(date + tail):
        return False
    yy, month, day = int(date[:2]), int(date[2:4]), int(date[4:6])
    if day > 60:
        day -= 60
    years = [int(century) * 100 + yy] if century else [1900 + yy, 2000 + yy]
    return any(_real_date(year, month, day) for year in years)


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def ascii_digits(value: str) -> str:
    """The digits of `value`, of any script, as ASCII digits."""
    return "".join(str(int(c)) for c in value if c.isdecimal())


def digits(value: str) -> str:
    """A number's ten significant digits: the same number however it is written (century, separators, script)."""
    return ascii_digits(value)[-10:]


def mask(text: str) -> str:
    """`text` with the last four digits of every identity number in it hidden (a field name can hold one too),
    so that a message does not spread the number into logs."""
    parts, end = [], 0
    for match in number_matches(text):
        parts.append(text[end:match.end() - 4] + "XXXX")
        end = match.end()
    return "".join(parts) + text[end:]


def number_matches(text: str) -> Iterator[re.Match[str]]:
    """Every personal identity number in `text` as it stands (no folding)."""
    for match in IDENTITY_NUMBER.finditer(text):
        century = ascii_digits(match["century"] or "")
        if century and century not in ("18", "19", "20"):
            continue
        if is_identity_number(century or None, ascii_digits(match["date"]), ascii_digits(match["tail"])):
            yield match


def folded(text: str) -> str:
    """`text` in compatibility form (NFKC): '８１１２１８' and '⁸¹¹²¹⁸' read as '811218'."""
    return unicodedata.normalize("NFKC", text) if not text.isascii() else text


def by_line(text: str) -> Iterator[tuple[int, str]]:
    """The numbers in a source as written, each with its line (folded, Markdown emphasis around digits left out;
    neither changes where lines end)."""
    text = folded(text)
    if not _HAS_DIGIT.search(text):
        return
    text = _without_emphasis(text)
    for match in number_matches(text):
        yield text.count("\n", 0, match.start()) + 1, match[0]


def as_read(text: str) -> list[str]:
    """The numbers in `text` as a reader reads it once it is rendered (see `readable`), also when its digits
    are written in other groups ('8112-18-9876', '81 12 18 98 76': a search index joins them as one word)."""
    text = folded(text)
    if not _HAS_DIGIT.search(text):
        return []
    read = readable(_without_emphasis(text))
    joined = (ascii_digits(group[0]) for group in _GROUPS.finditer(read) if len(group[0]) >= 10)
    return [*(match[0] for match in number_matches(read)),
            *(match[0] for number in joined if len(number) in (10, 12) for match in number_matches(number))]


_GROUPS = re.compile(r"(?<![\d-])\d{1,6}(?:[- ]\d{1,6}){1,5}(?![\d-])")
"""Digits in groups split by single hyphens or spaces, as a number is written for reading (every quantifier is
bounded: linear)."""


_HAS_DIGIT = re.compile(r"\d")
_MARKS = re.compile(r"[*_`~]+")
"""Runs of Markdown emphasis and code marks: each run matched once (a look-ahead after a run would rescan it
from every position in it)."""


def _without_emphasis(text: str) -> str:
    """`text` without the emphasis marks next to a digit: '81*12*18' is read as '81<em>12</em>18'."""
    def drop(m: re.Match[str]) -> str:
        before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        return "" if before.isdecimal() or after.isdecimal() else m[0]
    return _MARKS.sub(drop, text) if _MARKS.search(text) else text
_INLINE = set("a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u "
              "var wbr".split())
_TAG = re.compile(r"<!\[CDATA\[|\]\]>|</?([a-zA-Z][\w:-]{0,64})([^<>]{0,4096})>")
"""A tag (its name and attributes, bounded so that an unclosed '<a' costs a bounded look-ahead) or a CDATA mark."""
_ATTRIBUTE = re.compile(r"""(?<![\w:.-])[\w:.-]{1,64}\s{0,8}=\s{0,8}(?:"([^"]*)"|'([^']*)')""")
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([nrt])|([^\w\s]))")
_SPACE_RUN = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\\s]+")


def readable(text: str) -> str:
    """Text as a reader could read it: entities, percent-encoding and escapes decoded, markup stripped (inline
    tags and comments without a trace, so '81<em>12</em>18' joins), attribute values kept, and every run of
    spaces and line breaks one space (a number wrapped over two lines is read as one)."""
    for _ in range(3):  # a number may be escaped twice: an entity in a link's percent-encoded address
        before = text
        text = _ESCAPE.sub(_unescape, urllib.parse.unquote(html.unescape(text)))
        if text == before:
            break
    text = _without_comments(text)
    values = [v for tag in _TAG.finditer(text) if tag[2] for m in _ATTRIBUTE.finditer(tag[2]) for v in m.groups() if v]
    text = _TAG.sub(lambda m: "" if not m[1] or m[1].lower() in _INLINE else " ", text)
    return _SPACE_RUN.sub(" ", "\n".join([text, *values]))


def _without_comments(text: str) -> str:
    """`text` without HTML comments (an unclosed one runs to the end), found with str.find: linear however
    many '<!--' there are, where a regular expression would scan to the end from each."""
    parts, start = [], 0
    while (opening := text.find("<!--", start)) >= 0:
        parts.append(text[start:opening])
        closing = text.find("-->", opening + 4)
        start = len(text) if closing < 0 else closing + 3
    parts.append(text[start:])
    return "".join(parts)


def _unescape(m: re.Match[str]) -> str:
    if m[1] or m[2]:
        return chr(int(m[1] or m[2], 16))
    return {"n": "\n", "r": "\n", "t": " "}.get(m[3], "") if m[3] else m[4]
