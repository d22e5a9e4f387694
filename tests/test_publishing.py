"""A build for publishing refuses the placeholder address; a local build (and CI's tests) may use it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from namndbeslut import publishing, statement
from namndbeslut.errors import ContentError
from support.project import ROOT, make, project_copy
from support.site import SITE_URL, BuiltSite, attr, build, one

REAL = "https://beslut.kommun.se/namnd/"
"""An address that is no placeholder, for the test only."""
PLACEHOLDER_MESSAGE = "mkdocs.yml:3: site_url: 'https://example.github.io/namndbeslut/' är en platshållare"
CONTACT = "    email: tillganglighet@example.org\n"
REAL_CONTACT = "    email: tillganglighet@kommun.se\n    phone: 046-123 45 67\n"
"""A contact that is no placeholder, for the test only."""


OPEN_DATA_CONTACT = "email: oppnadata@example.org"
"""The placeholder contact of the open data catalogue (extra.open_data.contact), refused when publishing."""


def copy_with(tmp_path: Path, contact: str) -> Path:
    """The project with another accessibility contact in mkdocs.yml (and an open data contact that is no
    placeholder)."""
    root = project_copy(tmp_path / "project")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert CONTACT in text and OPEN_DATA_CONTACT in text
    config.write_text(text.replace(CONTACT, contact).replace(OPEN_DATA_CONTACT, "email: oppnadata@kommun.se"),
                      encoding="utf-8")
    return root


@pytest.mark.parametrize("url", [SITE_URL, "https://example.org/", "https://www.example.com/x/", "http://localhost:8000/",
                                 "https://127.0.0.1/", "https://beslut.test/", "https://lund.example/", "https:///"])
def test_placeholder_hosts(url: str) -> None:
    assert publishing.is_placeholder_host(url)
    assert publishing.address_problems(url)


@pytest.mark.parametrize("url", [REAL, "https://www.lund.se/", "https://kommun.github.io/namndbeslut/"])
def test_real_hosts(url: str) -> None:
    assert not publishing.is_placeholder_host(url)
    assert publishing.address_problems(url) == []


def test_plain_http_is_refused_for_publishing() -> None:
    assert "https://" in str(publishing.address_problems("http://www.lund.se/")[0])


def test_the_setting_wins_and_ends_in_a_slash() -> None:
    assert publishing.site_url(SITE_URL, {"SITE_URL": "https://www.lund.se/beslut"}) == "https://www.lund.se/beslut/"
    assert publishing.site_url(SITE_URL, {"SITE_URL": " "}) == SITE_URL
    assert publishing.requested({"PUBLISH": "1"}) and not publishing.requested({"CI": "true", "PUBLISH": ""})


def test_publishing_refuses_the_placeholders(tmp_path: Path) -> None:
    result = build(tmp_path / "out", "2022-06-01", environ={"PUBLISH": "1", "CI": "true"})
    assert result.returncode != 0
    output = result.stdout + result.stderr  # MkDocs prints an Abort on stdout
    assert PLACEHOLDER_MESSAGE in output and "SITE_URL" in output
    line = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\n").index(CONTACT.rstrip("\n")) + 1
    assert f"mkdocs.yml:{line}: extra.accessibility.email: 'tillganglighet@example.org' är en platshållare" in output
    assert not (tmp_path / "out" / "index.html").exists(), "nothing is written"


def test_publishing_refuses_a_statement_without_contact(tmp_path: Path) -> None:
    result = build(tmp_path / "out", "2022-06-01", copy_with(tmp_path, ""), environ={"PUBLISH": "1", "SITE_URL": REAL})
    assert result.returncode != 0
    line = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\n").index("  accessibility:") + 1
    assert (f"mkdocs.yml:{line}: extra.accessibility: en publicering kräver en e-postadress (email) eller ett "
            "telefonnummer") in result.stdout + result.stderr


def test_contact_rules() -> None:
    def fields(**contact: str) -> list[str]:
        contact_settings = statement.Accessibility.model_validate({"reviewed": dt.date(2026, 12, 4), **contact})
        return [p.field for p in publishing.contact_problems(contact_settings)]
    assert fields() == ["extra.accessibility"]
    assert fields(email="a@lund.example", phone="000-00 00 00") == ["extra.accessibility.email",
                                                                     "extra.accessibility.phone"]
    assert fields(email="tillganglighet@lund.se") == fields(phone="046-123 45 67") == []


def test_ci_without_publish_is_a_local_build(tmp_path: Path) -> None:
    result = build(tmp_path / "out", "2022-06-01", environ={"CI": "true", "GITHUB_ACTIONS": "true"})
    assert result.returncode == 0, result.stderr
    assert SITE_URL in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_publishing_with_the_real_address_puts_it_everywhere(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(out, "2022-06-01", copy_with(tmp_path, REAL_CONTACT), environ={"PUBLISH": "1", "SITE_URL": REAL})
    assert result.returncode == 0, result.stderr
    for name in ["index.html", "sitemap.xml", "sammantraden.xml", "oparl/system.json",
                 "sammantraden/2021-06-09-socialnamnden/index.html"]:
        text = (out / name).read_text(encoding="utf-8")
        assert REAL in text, name
    leaks = [p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.suffix != ".gz"
             and "example.github.io" in p.read_text(encoding="utf-8", errors="replace")]
    assert leaks == []
    contact = one(BuiltSite(out).article("tillganglighetsredogorelse/"), ".statement-contact")
    assert [attr(a, "href") for a in contact.select("a")] == ["mailto:tillganglighet@kommun.se", "tel:0461234567"]
    assert contact.get_text(" ", strip=True) == "e-post tillganglighet@kommun.se eller telefon 046-123 45 67"


def test_bad_statement_settings_name_the_field() -> None:
    with pytest.raises(ContentError) as err:
        statement.from_settings({"accessibility": {"phone": "ring oss", "reviewed": "2026-12-04"}})
    assert str(err.value) == ("mkdocs.yml: extra.accessibility.phone: 'ring oss' har fel form; förväntat: "
                              "ett telefonnummer med siffror, mellanslag och bindestreck")


MALFORMED = {
    "https://redaktor:hemligt@beslut.kommun.se/": "har ett användarnamn eller lösenord (före @)",
    "https://beslut.kommun.se/?q=1": "har en frågedel (?…)",
    "https://beslut.kommun.se?": "har en frågedel (?…)",
    "https://beslut.kommun.se/#x": "har ett fragment (#…)",
    "https://beslut.ko mmun.se/": "innehåller tecknet U+0020 (SPACE)",
    'https://beslut.kommun.se/"onmouseover="x': "innehåller tecknet U+0022 (QUOTATION MARK)",
    "https://beslut.kommun.se/'x": "innehåller tecknet U+0027 (APOSTROPHE)",
    "https://beslut.kommun.se/<script>/": "innehåller tecknet U+003C (LESS-THAN SIGN)",
    "https://beslut.kommun.se\\@evil.se/": "innehåller tecknet U+005C (REVERSE SOLIDUS)",
    "https://beslut.kommun.se/\x1b[31m/": "innehåller tecknet U+001B (ett styrtecken)",
    "https://beslut.kommun.se/a\u202eb/": "innehåller tecknet U+202E (RIGHT-TO-LEFT OVERRIDE)",
    "https://beslut.kommun.se:99999/": "går inte att läsa som en adress",
    "https://[::1/": "går inte att läsa som en adress",
    "http://": "har ingen värd (t.ex. www.kommun.se)",
    "https:///beslut/": "har ingen värd (t.ex. www.kommun.se)",
    "javascript:alert(1)//": "börjar inte med https://",
    "//beslut.kommun.se/": "börjar inte med https://",
    "ftp://beslut.kommun.se/": "börjar inte med https://",
}
"""Addresses that are no site's address, and what the message says is wrong with each."""


@pytest.mark.parametrize("url", MALFORMED)
def test_a_malformed_address_is_refused_whether_publishing_or_not(url: str) -> None:
    for publish in (True, False):
        for environ, field in (({"SITE_URL": url}, "SITE_URL"), ({}, "site_url")):
            [problem] = publishing.address_problems(url, publish, environ)
            assert str(problem).startswith(f"mkdocs.yml: {field}: {url!r} {MALFORMED[url]}; webbplatsens adress "
                                           "skrivs https://värd/sökväg/ utan användarnamn"), str(problem)
            assert "\n" not in str(problem) and "\r" not in str(problem)


def test_a_local_build_may_use_http_and_a_placeholder() -> None:
    for url in ("http://127.0.0.1:8000/", SITE_URL, "https://beslut.kommun.se/ärenden/", "https://kommun.se:8443/"):
        assert publishing.address_problems(url, publish=False, environ={}) == []
    assert publishing.site_url(SITE_URL, {"SITE_URL": "https://beslut.kommun.se"}) == "https://beslut.kommun.se/"


@pytest.mark.parametrize(("url", "expected"), [
    *((url, MALFORMED[url]) for url in ["https://redaktor:hemligt@beslut.kommun.se/", "https://beslut.kommun.se/?q=1",
                                        "https://beslut.kommun.se/#x", 'https://beslut.kommun.se/"onmouseover="x',
                                        "http://", "https://beslut.ko mmun.se/"]),
    ("http://beslut.kommun.se/", "en publicerad webbplats ska ha en https://-adress"),
    ("https://beslut.kommun.se/$(shell touch pwned)`touch pwned` x/", "innehåller tecknet U+0020 (SPACE)"),
])
def test_make_publish_refuses_a_malformed_site_url(url: str, expected: str, tmp_path: Path) -> None:
    root = copy_with(tmp_path, REAL_CONTACT)
    result = make(root, "publish", f"SITE_URL={url}", "BUILD_DATE=2022-06-01")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and re.search(rf"mkdocs.yml: SITE_URL: '.*{re.escape(expected)}", output), output
    assert "Traceback" not in output and not (root / "site").exists() and not (root / "pwned").exists()


@pytest.mark.parametrize("url", ["https://beslut.kommun.se/?q=1", "https://beslut.kommun.se/ x/"])
def test_a_local_build_refuses_a_malformed_site_url(url: str, tmp_path: Path) -> None:
    result = build(tmp_path / "out", "2022-06-01", environ={"SITE_URL": url})
    assert result.returncode != 0 and f"mkdocs.yml: SITE_URL: '{url}" in result.stdout + result.stderr
    assert not (tmp_path / "out").exists()
