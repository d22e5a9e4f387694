"""A build for publishing, and what such a build refuses: a placeholder address or contact in what it publishes.

A build publishes only when asked to (`PUBLISH=1`, set by `make publish` and the nightly workflow):
CI's test builds (`CI=true make test`) and an editor's preview are local builds and may use the
placeholder `site_url` of mkdocs.yml. The published address is a setting of the deployment
(`SITE_URL`, a repository variable in the workflow), not of the repository.
"""

from __future__ import annotations

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


def address_problems(url: str) -> list[Problem]:
    """What keeps `url` from being a published site's address."""
    if is_placeholder_host(url):
        return [Problem(CONFIG, None, "site_url",
                        f"'{url}' är en platshållare, inte webbplatsens riktiga adress; en publicering "
                        f"(PUBLISH=1) kräver den riktiga adressen i {SITE_URL} eller i site_url")]
    if urlsplit(url).scheme != "https":
        return [Problem(CONFIG, None, "site_url", f"'{url}': en publicerad webbplats ska ha en https://-adress")]
    return []


def contact_problems(contact: statement.Accessibility) -> list[Problem]:
    """What keeps the accessibility statement's contact from reaching anyone (DIGG: e-mail or phone)."""
    problems = []
    if not contact.email and not contact.phone:
        problems.append(Problem(CONFIG, None, statement.FIELD, "en publicering kräver en e-postadress (email) "
                                "eller ett telefonnummer (phone) dit läsare kan vända sig"))
    if contact.email and is_placeholder_host("https://" + contact.email.rpartition("@")[2] + "/"):
        problems.append(Problem(CONFIG, None, f"{statement.FIELD}.email", f"'{contact.email}' är en platshållare; "
                                "en publicering kräver en e-postadress som läsare kan skriva till"))
    if contact.phone and not any(digit in contact.phone for digit in "123456789"):
        problems.append(Problem(CONFIG, None, f"{statement.FIELD}.phone", f"'{contact.phone}' är en platshållare; "
                                "en publicering kräver ett riktigt telefonnummer"))
    return problems


def check(url: str, settings: Mapping[str, object]) -> None:
    """Refuse to publish what only a local build may carry; every problem at once."""
    problems = address_problems(url) + contact_problems(statement.from_settings(settings))
    if problems:
        raise ContentError(problems)
