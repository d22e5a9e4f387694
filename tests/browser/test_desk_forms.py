"""The editors' desk (desk.py) driven in Chromium through its forms alone, on a copy of the project served as
`make serve` serves it: a partner, an agreement with two funding rows, a meeting with two matters (one adopting
the agreement); then `make check` and the built site; then one field edited and the record compared."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from namndbeslut import check, frontmatter, loader, scaffold
from namndbeslut import desk as desk_module
from namndbeslut_mkdocs import build_problems
from support.browser import BUILD_DATE
from support.project import ROOT, project_copy
from support.serve import preview
from support.site import BuiltSite, build, one

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

WAIT = 30.0
PARTNER = "Föreningen Ny Start i Lund"
PARTNER_FILE = f"partners/{scaffold.slug(PARTNER)}.md"
"""Named by Decap by the scaffolds' rule (desk.SLUGS): the same file name as `make new-partner` would write."""
AGREEMENT_TITLE = "Överenskommelse om idéburet offentligt partnerskap med Föreningen Ny Start 2024–2025"
AGREEMENT_FILE = "agreements/foreningen-ny-start-i-lund-2024-2025.md"
MEETING_TITLE = "Socialnämnden – beslut om partnerskap maj 2024"
MEETING_FILE = "decisions/2024-05-15-socialnamnden.md"
COLLECTIONS = ["Sammanträden", "Överenskommelser", "Partner", "Nämnder och styrelser", "Tjänsteskrivelser"]


def until(page: Page, condition: Callable[[], bool], what: str) -> None:
    """Wait for `condition`, letting the browser's requests through meanwhile (Playwright's sync API handles
    routed requests only inside its own calls)."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"not within {WAIT:.0f} s: {what}")


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """`make serve` on a copy of the project: the preview, and the desk at /admin/ saving into the copy."""
    root = project_copy(tmp_path_factory.mktemp("desk"))
    with preview(root, BUILD_DATE) as (url, output):
        assert f"{url}/" in output.readline()
        assert f"{url}/admin/" in output.readline()
        yield root, url


@pytest.fixture
def page(browser: Browser, desk: tuple[Path, str], artifacts: Path,
         request: pytest.FixtureRequest) -> Iterator[Page]:
    """The desk, signed in to the local backend; every request outside the preview's origin is refused and
    recorded (the desk loads nothing from elsewhere)."""
    _, url = desk
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    tab = context.new_page()
    elsewhere: list[str] = []

    def route(request: Any) -> None:
        if request.request.url.startswith(url + "/") or request.request.url.startswith(("data:", "blob:")):
            request.continue_()
        else:
            elsewhere.append(request.request.url)
            request.abort()

    tab.route("**/*", route)
    tab.goto(url + "/admin/")
    tab.get_by_role("button", name="Logga in").click()
    tab.get_by_role("link", name="Sammanträden").first.wait_for()
    yield tab
    tab.screenshot(path=str(artifacts / f"desk-{request.node.name}.png"), full_page=True)
    context.close()
    assert elsewhere == [], "the desk loaded something from another origin"


def field(page: Page, name: str, nth: int = 0) -> Any:
    """The input of the form field labelled `name` (optional ones read 'name (frivillig)')."""
    return page.get_by_label(re.compile(rf"^{re.escape(name)}( \(frivillig\))?$"), exact=True).nth(nth)


def choose(page: Page, name: str, text: str, nth: int = 0) -> None:
    """Pick `text` in a relation or select field: the existing records are listed by name."""
    box = field(page, name, nth)
    box.click()
    box.fill(text)
    page.get_by_role("option", name=text, exact=True).click()


def add_rows(page: Page, name: str, count: int) -> None:
    """Add `count` rows to the list `name`, and show every row's fields (Decap folds a row when another is added)."""
    for _ in range(count):
        page.get_by_role("button", name=f"Add {name}").click()
    for _ in range(20):
        folded = page.get_by_role("button", name="Expand", exact=True)
        if not folded.count():
            break
        folded.first.click()


def write_body(page: Page, text: str) -> None:
    editor = page.locator("[data-slate-editor=true]").last
    editor.click()
    for i, line in enumerate(text.split("\n")):
        if i:
            page.keyboard.press("Enter")
        if line:
            page.keyboard.insert_text(line)


def publish(page: Page) -> None:
    page.get_by_role("button", name="Publicera", exact=True).click()
    page.get_by_text("Publicera nu", exact=True).click()


def saved(page: Page, root: Path, rel: str) -> dict[str, Any]:
    until(page, lambda: (root / rel).is_file(), f"{rel} written by the desk")
    return frontmatter.parse(Path(rel), (root / rel).read_bytes()).data


def test_the_desk_lists_the_collections_in_swedish(page: Page) -> None:
    for label in COLLECTIONS:
        assert page.get_by_role("link", name=label, exact=True).count() == 1, label
    assert page.locator("html").get_attribute("lang") == "sv"


AXE_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
             "resultTypes": ["violations"]}


def test_the_desks_own_page_has_no_axe_violations(browser: Browser, desk: tuple[Path, str]) -> None:
    """The page around the CMS (desk.INDEX), without the CMS: nothing for axe to find."""
    from axe_playwright_python.sync_playwright import Axe

    _, url = desk
    tab = browser.new_page()
    tab.route("**/decap-cms.js", lambda route: route.abort())
    tab.goto(url + "/admin/")
    results = Axe().run(tab, options=AXE_RULES)
    tab.close()
    assert results.violations_count == 0, results.generate_report()


def test_what_axe_finds_in_the_cms_is_in_the_accessibility_statement(page: Page, desk: tuple[Path, str]) -> None:
    """The CMS's own markup has problems we do not control: each is a known problem in the statement, and
    nothing else is found (a new version of Decap that adds one fails here)."""
    from axe_playwright_python.sync_playwright import Axe

    _, url = desk
    found: dict[str, str] = {}
    for view in ("", "#/collections/agreements/new", "#/collections/decisions/entries/2021-06-09-socialnamnden"):
        page.goto("about:blank")  # each view loaded afresh: Decap moving between editors keeps the old form a while
        page.goto(url + "/admin/" + view)
        if view:
            field(page, "title").wait_for()
        else:
            page.get_by_role("link", name="Sammanträden").first.wait_for()
        page.wait_for_timeout(500)
        for v in Axe().run(page, options=AXE_RULES).response["violations"]:
            found.setdefault(v["id"], f"{view or 'start'}: {v['help']}: {v['nodes'][0]['html'][:200]}")
    unknown = {rule: where for rule, where in found.items() if rule not in desk_module.CMS_PROBLEMS}
    assert not unknown, unknown
    statement = (ROOT / "hooks" / "namndbeslut" / "templates" / "statement.html.j2").read_text(encoding="utf-8")
    for criterion in {desk_module.CMS_PROBLEMS[rule] for rule in found}:
        assert "Redaktionen" in statement and f"WCAG {criterion}" in statement, criterion


def test_records_made_through_the_forms_build_and_link(page: Page, desk: tuple[Path, str],
                                                       monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    root, url = desk
    page.goto(url + "/admin/#/collections/partners/new")
    field(page, "name").fill(PARTNER)
    write_body(page, "En förening som ger stöd till personer som lämnar kriminalitet.")
    publish(page)
    assert saved(page, root, PARTNER_FILE)["name"] == PARTNER

    page.goto(url + "/admin/#/collections/agreements/new")
    field(page, "title").fill(AGREEMENT_TITLE)
    choose(page, "partner", PARTNER)
    field(page, "public_party").fill("Socialförvaltningen i Lund")
    field(page, "start").fill("2024")
    field(page, "end").fill("2025")
    add_rows(page, "funding", 2)
    for row, (year, amount) in enumerate((("2024", "250000"), ("2025", "260000"))):
        field(page, "year", row).fill(year)
        field(page, "amount", row).fill(amount)
    write_body(page, "## Bakgrund\n\nFöreningen och socialförvaltningen samverkar kring stöd till avhoppare.")
    publish(page)
    agreement = saved(page, root, AGREEMENT_FILE)
    assert [(f["year"], f["amount"]) for f in agreement["funding"]] == [(2024, 250000), (2025, 260000)]
    assert agreement["partner"] == "foreningen-ny-start-i-lund"

    page.goto(url + "/admin/#/collections/decisions/new")
    choose(page, "committee", "Socialnämnden")
    field(page, "date").fill("2024-05-15")
    field(page, "title").fill(MEETING_TITLE)
    add_rows(page, "matters", 2)
    field(page, "id", 0).fill("ny-start-partnerskap")
    choose(page, "adopts", AGREEMENT_TITLE, 0)
    field(page, "id", 1).fill("ny-start-lagesbild")
    choose(page, "kind", "Information (inget beslut)", 1)
    write_body(page, "Nämnden beslutade om ett nytt partnerskap.\n\n"
               "## Partnerskap med Föreningen Ny Start {#ny-start-partnerskap}\n\n"
               "Nämnden antog överenskommelsen.\n\n"
               "## Lägesbild om avhopparverksamheten {#ny-start-lagesbild}\n\n"
               "Nämnden informerades om läget.")
    publish(page)
    meeting = saved(page, root, MEETING_FILE)
    assert [m["id"] for m in meeting["matters"]] == ["ny-start-partnerskap", "ny-start-lagesbild"]
    assert meeting["matters"][0]["adopts"] == ["foreningen-ny-start-i-lund-2024-2025"]

    monkeypatch.setenv("BUILD_DATE", BUILD_DATE)
    assert [str(p) for p in check.problems(root, build_problems)] == []
    result = build(tmp_path / "site", BUILD_DATE, root)
    assert result.returncode == 0, result.stderr
    site = BuiltSite(tmp_path / "site")
    meeting_url, agreement_url = "sammantraden/2024-05-15-socialnamnden/", \
        "overenskommelser/foreningen-ny-start-i-lund-2024-2025/"
    assert MEETING_TITLE in one(site.soup(meeting_url), "h1").get_text()
    assert agreement_url in site.links(meeting_url), "the meeting links the agreement it adopts"
    assert AGREEMENT_TITLE in one(site.soup(agreement_url), "h1").get_text()
    assert "Föreningen Ny Start i Lund" in site.text(agreement_url)
    assert meeting_url + "#ny-start-partnerskap" in site.links(agreement_url) or meeting_url in site.links(
        agreement_url), "the agreement links the meeting that adopted it"
    assert "partner/foreningen-ny-start-i-lund/" in site.links(agreement_url)


def test_editing_one_field_leaves_every_other_value_and_the_body_as_they_were(page: Page,
                                                                            desk: tuple[Path, str]) -> None:
    root, url = desk
    rel = "decisions/2021-06-09-socialnamnden.md"
    before = _record(root, rel)
    page.goto(url + "/admin/#/collections/decisions/entries/2021-06-09-socialnamnden")
    title = field(page, "title")
    title.fill(before.title + " (ändrad)")
    publish(page)
    until(page, lambda: "(ändrad)" in (root / rel).read_text(encoding="utf-8"), "the edited title saved")
    after = _record(root, rel)
    assert after.title == before.title + " (ändrad)"
    assert after.model_dump(exclude={"given_title"}) == before.model_dump(exclude={"given_title"})


def _record(root: Path, rel: str) -> Any:
    archive = loader.load(root)
    assert not archive.problems, archive.problems
    return next(m for m in archive.meetings if m.id == Path(rel).stem)
