"""A build for publishing, and what such a build refuses: a placeholder address, contact or fact in what it publishes
(FYLL I where `make new-site` left it: a local build takes it, municipality.FILL_IN).

A build publishes only when asked to (`PUBLISH=1`, set by `make publish` and the nightly workflow):
CI's test builds (`CI=true make test`) and an editor's preview are local builds and may use the
placeholder `site_url` of mkdocs.yml. The published address is a setting of the deployment
(`SITE_URL`, a repository variable in the workflow), not of the repository.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from . import statement
from .errors import ContentError, Problem

PUBLISH = "PUBLISH"
"""`PUBLISH=1`: this build is for publishing."""
SITE_URL = "SITE_URL"
"""The published address; overrides mkdocs.yml's `site_url` when set."""
CONFIG = Path("mkdocs.yml")
_RESERVED_SUFFIXES = (".example", ".test", ".invalid", ".localhost", ".local")
"""Names reserved for examples and tests (RFC 2606, RFC 6761, RFC 6762), never a real site."""
_UNSAFE = "\"'<>\\`{}|^"
"""Characters that would end an attribute or a string in what the address is written into, or that no
address holds unescaped (besides spaces and control characters, refused by category)."""


def requested(environ: Mapping[str, str]) -> bool:
    """Whether this build is for publishing (`PUBLISH=1`)."""
    return environ.get(PUBLISH, "").strip() == "1"


def site_url(configured: str, environ: Mapping[str, str]) -> str:
    """The site's address, ending in '/': `SITE_URL` when set, else the configured one."""
    url = environ.get(SITE_URL, "").strip() or configured
    return url if not url or url.endswith("/") else url + "/"


def is_placeholder_host(url: str) -> bool:
    """Whether `url`'s host is an example or test name (example.org, example.github.io, localhost, *.test)."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    labels = host.split(".")
    return (not host or "example" in labels or host == "localhost" or host.endswith(_RESERVED_SUFFIXES)
            or host.replace(".", "").isdigit())


def address_problems(url: str, publish: bool = True, environ: Mapping[str, str] = os.environ) -> list[Problem]:
    """What keeps `url` from being the site's address: its form always (it is written into every page, feed,
    CSV and catalogue), and for a build to `publish` also http or a placeholder host."""
    field = SITE_URL if environ.get(SITE_URL, "").strip() else "site_url"
    flaw = malformed(url)
    if flaw:
        return [Problem(CONFIG, None, field, f"{url[:100]!r} {flaw}; webbplatsens adress skrivs https://värd/sökväg/ "
                                             "utan användarnamn, lösenord, ?frågedel eller #fragment")]
    if publish and is_placeholder_host(url):
        return [Problem(CONFIG, None, field,
                        f"'{url}' är en platshållare, inte webbplatsens riktiga adress; en publicering "
                        f"(PUBLISH=1) kräver den riktiga adressen i {SITE_URL} eller i site_url")]
    if publish and urlsplit(url).scheme != "https":
        return [Problem(CONFIG, None, field, f"'{url}': en publicerad webbplats ska ha en https://-adress")]
    return []


def malformed(url: str) -> str:
    """What in `url` is not a site's address, in Swedish ('' when nothing is)."""
    if char := next((c for c in url if c in _UNSAFE or unicodedata.category(c)[0] in "CZ"), ""):
        return f"innehåller tecknet U+{ord(char):04X} ({unicodedata.name(char, 'ett styrtecken')})"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - an impossible port raises here
    except ValueError:
        return "går inte att läsa som en adress"
    for wrong, what in [(parts.scheme not in ("http", "https"), "börjar inte med https://"),
                        (not parts.hostname, "har ingen värd (t.ex. www.kommun.se)"),
                        ("@" in parts.netloc, "har ett användarnamn eller lösenord (före @)"),
                        ("?" in url, "har en frågedel (?…)"), ("#" in url, "har ett fragment (#…)")]:
        if wrong:
            return what
    return ""


def contact_problems(contact: statement.Accessibility) -> list[Problem]:
    """What keeps the accessibility statement's contact from reaching anyone (DIGG: e-mail or phone); an e-mail
    still FYLL I is refused as unfilled (`check`)."""
    problems = []
    if not contact.email and not contact.phone and "email" not in contact.unfilled:
        problems.append(Problem(CONFIG, None, statement.FIELD, "en publicering kräver en e-postadress (email) "
                                "eller ett telefonnummer (phone) dit läsare kan vända sig"))
    if contact.email and is_placeholder_host("https://" + contact.email.rpartition("@")[2] + "/"):
        problems.append(Problem(CONFIG, None, f"{statement.FIELD}.email", f"'{contact.email}' är en platshållare; "
                                "en publicering kräver en e-postadress som läsare kan skriva till"))
    if contact.phone and not any(digit in contact.phone for digit in "123456789"):
        problems.append(Problem(CONFIG, None, f"{statement.FIELD}.phone", f"'{contact.phone}' är en platshållare; "
                                "en publicering kräver ett riktigt telefonnummer"))
    return problems


def check(url: str, settings: Mapping[str, object], unfilled: list[Problem] | None = None) -> None:
    """Refuse to publish what only a local build may carry, among it the settings still `unfilled` (FYLL I, which a
    local build takes: municipality.FILL_IN); every problem at once."""
    problems = [*(unfilled or []), *address_problems(url), *contact_problems(statement.from_settings(settings))]
    if problems:
        raise ContentError(problems)
