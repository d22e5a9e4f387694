"""The built site in a real browser: axe-core finds nothing, nothing loads from other hosts, search and keyboard
work."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from support.browser import SIZES, Served

PAGES = {
    "start": "",
    "meeting": "sammantraden/2021-06-09-socialnamnden/",
    "agreement": "overenskommelser/vanskapens-hus-2021-2023/",
    "partner": "partner/kvinnojouren-lund/",
    "meetings-index": "sammantraden/",
    "year-index": "sammantraden/2021/",
    "year-body": "sammantraden/2021/socialnamnden/",
    "agreements-index": "overenskommelser/",
    "agreements-year": "overenskommelser/2021/",
    "funding": "finansiering/",
    "funding-year": "finansiering/2022/",
    "funding-year-body": "finansiering/2022/socialnamnden/",
    "partners-index": "partner/",
    "partners-letter": "partner/bokstav/k/",
    "report": "tjansteskrivelser/so-2020-0155/",
    "reports-index": "tjansteskrivelser/",
    "body": "namnder/socialnamnden/",
    "statement": "tillganglighetsredogorelse/",
}
SEARCH = "search"
"""A page type of its own: the start page with search results for 'Kvinnojouren' open."""
AXE_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
             "resultTypes": ["violations"]}


@pytest.fixture
def tab(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh page at the requested size ('desktop' unless parametrised with `size`)."""
    size = getattr(request, "param", "desktop")
    context = browser.new_context(viewport=SIZES[size], locale="sv-SE", service_workers="block")
    page = context.new_page()
    yield page
    context.close()


def tab_to(page: Any, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with Tab")


def open_search(page: Any, served: Served, query: str = "Kvinnojouren") -> list[str]:
    """With the keyboard only: open the header's search on the start page, type `query`; the result pages
    (site-relative, in ranked order) once the count of results has been announced."""
    page.goto(served.url)
    page.wait_for_load_state("networkidle")
    tab_to(page, "pagefind-modal-trigger button")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.matches('pagefind-input input')")
    page.keyboard.insert_text(query)  # one input event: no count announced for half a word under load
    page.wait_for_function("[...document.querySelectorAll('[aria-live]')].some(e => /träff/.test(e.textContent))",
                           timeout=10_000)
    return result_pages(page, served)


def result_pages(page: Any, served: Served) -> list[str]:
    """The pages the search results link to, in order, each once (site-relative)."""
    hrefs = page.eval_on_selector_all("pagefind-results a", "els => els.map(e => e.href)")
    paths = [urlsplit(h).path.removeprefix(urlsplit(served.url).path) for h in hrefs]
    return list(dict.fromkeys(paths))


def visit(page: Any, served: Served, kind: str) -> None:
    if kind == SEARCH:
        open_search(page, served)
    else:
        page.goto(urljoin(served.url, PAGES[kind]))
        page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("tab", list(SIZES), indirect=True)
@pytest.mark.parametrize("kind", [*PAGES, SEARCH])
def test_no_axe_violations(tab: Any, served: Served, artifacts: Path, kind: str,
                           request: pytest.FixtureRequest) -> None:
    visit(tab, served, kind)
    size = request.node.callspec.params["tab"]
    shot = artifacts / f"{kind}-{SIZES[size]['width']}x{SIZES[size]['height']}.png"
    tab.screenshot(path=str(shot), full_page=kind != SEARCH)
    results = Axe().run(tab, options=AXE_RULES)
    assert results.violations_count == 0, results.generate_report()


def test_search_finds_kvinnojouren(tab: Any, served: Served) -> None:
    found = open_search(tab, served)
    assert {PAGES["partner"], "overenskommelser/kvinnojouren-lund-2021-2023/",
            "sammantraden/2020-11-11-socialnamnden/"} <= set(found), found
    assert found[0] in {PAGES["partner"], "overenskommelser/kvinnojouren-lund-2021-2023/",
                        "overenskommelser/kvinnojouren-lund-2018-2020/"}, found
    assert found.index(PAGES["partner"]) < found.index("sammantraden/2020-11-11-socialnamnden/"), found


def test_search_filter_by_kind(tab: Any, served: Served) -> None:
    open_search(tab, served)
    tab.click("details[data-filter-name='Typ'] > summary")
    tab.check("details[data-filter-name='Typ'] input[value='Sammanträde']")
    tab.wait_for_function("(links => links.length > 0 && links.every(a => a.pathname.includes('/sammantraden/2')))"
                          "([...document.querySelectorAll('pagefind-results a')])", timeout=10_000)
    assert set(result_pages(tab, served)) == {"sammantraden/2020-11-11-socialnamnden/"}


def test_no_lunr_index(served: Served) -> None:
    assert not (served.path / "search" / "search_index.json").exists()
    assert (served.path / "pagefind" / "pagefind-entry.json").is_file()


def test_no_request_leaves_the_local_server(browser: Any, served: Served) -> None:
    hosts: dict[str, str] = {}
    failed: set[str] = set()
    for size in SIZES.values():
        context = browser.new_context(viewport=size, service_workers="block")
        page = context.new_page()
        page.on("request", lambda r: hosts.setdefault(r.url, urlsplit(r.url).netloc))
        page.on("response", lambda r: failed.add(f"{r.status} {r.url}") if r.status >= 400 else None)
        for kind in [*PAGES, SEARCH]:
            visit(page, served, kind)
        context.close()
    assert len(hosts) > len(PAGES), "the requests were recorded"
    foreign = {url for url, host in hosts.items() if host != served.host and not url.startswith(("data:", "blob:"))}
    assert not foreign, sorted(foreign)
    assert not failed, sorted(failed)


def test_no_page_fetches_the_sitemap_or_a_feed(browser: Any, served: Served) -> None:
    """Loading a page fetches the page and its theme (styles, scripts, icons) and nothing else: no sitemap.xml
    (Material fetches it next to every link[rel=alternate], read as another language's site), no feed, no data."""
    fetched: list[tuple[str, str, str]] = []
    context = browser.new_context(viewport=SIZES["mobile"], service_workers="block")
    page = context.new_page()
    page.on("request", lambda r: fetched.append((page.url, r.resource_type, urlsplit(r.url).path)))
    for kind in PAGES:
        visit(page, served, kind)
        page.wait_for_timeout(300)  # a deferred script's fetch would start after the load
    context.close()
    assert len({url for url, _, _ in fetched}) >= len(PAGES), "the requests were recorded"
    assert not [f for f in fetched if f[2].endswith("sitemap.xml")], "the sitemap was fetched"
    other = [f for f in fetched if f[1] != "document" and not f[2].endswith((".css", ".js", ".png", ".svg"))]
    assert not other, other  # the theme's styles, scripts and icon: no feed, no data file


def test_language_and_skip_link(tab: Any, served: Served) -> None:
    for kind, url in PAGES.items():
        tab.goto(urljoin(served.url, url))
        assert tab.get_attribute("html", "lang") == "sv"
        tab.keyboard.press("Tab")
        first = tab.evaluate("() => ({cls: document.activeElement.className, "
                             "href: document.activeElement.getAttribute('href')})")
        assert "md-skip" in first["cls"], f"{kind}: the first Tab stop is the skip link"
        assert tab.locator(".md-skip").is_visible(), f"{kind}: the skip link shows when focused"
        target = first["href"].lstrip("#")
        assert tab.locator(f"article [id='{target}']").count() == 1, f"{kind}: the skip link leads into the content"


FOCUS = """() => {
    const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return {html: e.outerHTML.slice(0, 120), body: e === document.body,
            inView: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
                    && r.left < innerWidth && r.top < innerHeight,
            ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none"};
}"""


@pytest.mark.parametrize("tab", list(SIZES), indirect=True)
def test_every_focus_stop_is_visible(tab: Any, served: Served) -> None:
    """Tab through every page type: each stop is on screen and shows a focus ring (WCAG 2.4.7)."""
    problems = []
    for kind, url in PAGES.items():
        tab.goto(urljoin(served.url, url))
        tab.wait_for_load_state("networkidle")
        seen = set()
        for _ in range(200):
            tab.keyboard.press("Tab")
            focus = tab.evaluate(FOCUS)
            if focus["body"] or focus["html"] in seen:
                break
            seen.add(focus["html"])
            if not (focus["inView"] and focus["ring"]):
                problems.append(f"{kind}: {focus}")
        assert len(seen) > 3, f"{kind}: too few Tab stops"
    assert not problems, "\n".join(problems)


def _keyboard_links(page: Any, limit: int = 400) -> list[str]:
    """The links a keyboard user reaches by pressing Tab through the whole page."""
    seen: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        href = page.evaluate("() => document.activeElement.tagName === 'A' ? document.activeElement.href : ''")
        if href in seen and href == seen[0]:
            break
        if href:
            seen.append(href)
        if page.evaluate("() => document.activeElement === document.body"):
            break
    return seen


def test_every_page_reachable_by_keyboard(tab: Any, served: Served) -> None:
    pages = {p.parent.relative_to(served.path).as_posix() for p in served.path.rglob("index.html")}
    expected = {"" if p == "." else p + "/" for p in pages if not p.startswith("search")}
    reached, queue = {""}, [""]
    while queue:
        url = queue.pop()
        tab.goto(urljoin(served.url, url))
        for href in _keyboard_links(tab):
            parts = urlsplit(href)
            if parts.netloc != served.host or not parts.path.endswith("/"):
                continue
            path = parts.path.removeprefix(urlsplit(served.url).path)
            if path not in reached:
                reached.add(path)
                queue.append(path)
    assert expected <= reached, json.dumps(sorted(expected - reached))


@pytest.mark.parametrize("tab", ["mobile"], indirect=True)
def test_menu_opens_with_the_keyboard_on_a_narrow_screen(tab: Any, served: Served) -> None:
    tab.goto(urljoin(served.url, PAGES["report"]))
    tab.wait_for_load_state("networkidle")
    tab_to(tab, 'button[data-toggle="__drawer"]')
    assert tab.get_attribute('button[data-toggle="__drawer"]', "aria-expanded") == "false"
    tab.keyboard.press("Enter")
    assert tab.get_attribute('button[data-toggle="__drawer"]', "aria-expanded") == "true"
    tab_to(tab, ".md-sidebar--primary a[href$='overenskommelser/']")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/overenskommelser/")


def test_breadcrumbs_as_assistive_technology_gets_them(tab: Any, served: Served) -> None:
    """The accessibility tree a screen reader reads: a navigation named 'Brödsmulor' with a list whose
    last item is the current page (not a link), the others links up to the start page."""
    tab.goto(urljoin(served.url, PAGES["meeting"]))
    nav = tab.get_by_role("navigation", name="Brödsmulor")
    assert nav.count() == 1
    items = nav.get_by_role("list").get_by_role("listitem")
    assert items.count() == 4
    assert nav.get_by_role("link").all_inner_texts() == ["Startsida", "Nämnder och styrelser", "Socialnämnden"]
    assert items.last.get_attribute("aria-current") == "page"
    assert items.last.inner_text().strip() == tab.get_by_role("heading", level=1).inner_text().strip()
    box, heading = nav.bounding_box(), tab.get_by_role("heading", level=1).bounding_box()
    assert box is not None and heading is not None and box["y"] + box["height"] <= heading["y"], "above the title"
