"""The page furniture of lund.se, read from the built site: banner, minutes note, dates, 'Dela sidan'.

The dates against git history: test_page_dates.py."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from namndbeslut import furniture, history, search
from namndbeslut.errors import ContentError
from support.project import ROOT
from support.site import SITE_URL, BuiltSite, attr, build, one, string, words

MEETING_0609 = "sammantraden/2021-06-09-socialnamnden/"
MEETING_1111 = "sammantraden/2020-11-11-socialnamnden/"
VH = "overenskommelser/vanskapens-hus-2021-2023/"
KJ_NEW = "overenskommelser/kvinnojouren-lund-2021-2023/"
KJ_OLD = "overenskommelser/kvinnojouren-lund-2018-2020/"
KJ_MATTER = "kvinnojouren-overenskommelse-2020"
STATEMENT = "tillganglighetsredogorelse/"
BANNER = "Sammanträdet hölls för mer än 6 månader sedan. Besluten kan ha ändrats eller ersatts av senare beslut."
MINUTES_NOTE = "Det kan dröja upp till två veckor efter mötet innan protokollet publiceras."


def test_six_months_banner_follows_build_date(site_at: Callable[[str], BuiltSite]) -> None:
    assert BANNER in site_at("2026-11-22").text(MEETING_0609)
    assert BANNER not in site_at("2021-07-01").text(MEETING_0609)
    banner = site_at("2026-11-22").article(MEETING_0609).select_one(".banner--old")
    assert banner is not None and banner.find_previous("h1") is not None, "the banner follows the page title"


def test_minutes_note_while_the_meeting_is_recent(site_at: Callable[[str], BuiltSite]) -> None:
    assert MINUTES_NOTE in site_at("2020-11-15").text(MEETING_1111)
    assert MINUTES_NOTE not in site_at("2026-11-22").text(MEETING_1111)
    with pytest.raises(FileNotFoundError):  # a meeting dated after the build date is not published as held
        site_at("2020-11-15").text(MEETING_0609)


def test_links_to_meeting_documents(site: BuiltSite) -> None:
    hrefs = {a.get_text(strip=True): a["href"] for a in site.article(MEETING_1111).select("a[href]")}
    assert hrefs["Här hittar du samtliga sammanträdeshandlingar."] == "https://www.lund.se/handlingar"
    assert hrefs["www.lund.se/handlingar"] == "https://www.lund.se/handlingar"


def _copy_project(dest: Path) -> Path:
    """The project without its git history: a copy to edit and build."""
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".git", ".venv", "site", "test-artifacts", "__pycache__",
                                                              ".*_cache"))
    return dest


@pytest.fixture(scope="module")
def copy_with_minutes(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """A copy outside git whose 2020-11-11 meeting links its minutes, built on 2020-11-15."""
    root = _copy_project(tmp_path_factory.mktemp("project") / "p")
    meeting = root / "decisions" / "2020-11-11-socialnamnden.md"
    text = meeting.read_text(encoding="utf-8")
    minutes = "date: 2020-11-11\nminutes_url: https://www.lund.se/protokoll-2020-11-11\n"
    meeting.write_text(text.replace("date: 2020-11-11\n", minutes, 1), encoding="utf-8")
    dest = tmp_path_factory.mktemp("site-minutes")
    result = build(dest, "2020-11-15", root)
    assert result.returncode == 0, result.stderr
    return BuiltSite(dest)


def test_minutes_link_replaces_the_note(copy_with_minutes: BuiltSite) -> None:
    article = copy_with_minutes.article(MEETING_1111)
    assert MINUTES_NOTE not in copy_with_minutes.text(MEETING_1111)
    link = article.select_one('a[href="https://www.lund.se/protokoll-2020-11-11"]')
    assert link is not None and link.get_text(strip=True) == "Protokoll från sammanträdet 11 november 2020"


def test_outside_git_every_page_is_published_on_the_build_date(copy_with_minutes: BuiltSite) -> None:
    """No history: each page went online with this build (2020-11-15), not on a date from its record."""
    pages = list(copy_with_minutes.path.rglob("index.html"))
    assert len(pages) >= 15
    for path in pages:
        furniture = one(BeautifulSoup(path.read_text(encoding="utf-8"), "lxml"), ".page-furniture")
        assert attr(one(furniture, ".page-furniture__published time"), "datetime") == "2020-11-15", path
        assert furniture.select_one(".page-furniture__updated") is None, path
    time = one(copy_with_minutes.soup(MEETING_1111), ".page-furniture__published time")
    assert time.get_text() == "15 november 2020"
    sitemap = (copy_with_minutes.path / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) == {"2020-11-15"}


def test_share_links_are_plain_links(site: BuiltSite) -> None:
    for url in ["", MEETING_0609, VH, "partner/rsmh/", STATEMENT]:
        share = site.soup(url).select_one("nav.page-furniture__share")
        assert share is not None and "Dela sidan" in share.get_text()
        assert share.select("script, iframe, img") == []
        hrefs = [attr(a, "href") for a in share.select("a")]
        assert hrefs[0].startswith("mailto:?subject=")
        assert all(h.startswith(("mailto:", "https://")) for h in hrefs)
        page_url = "https%3A//example.github.io/namndbeslut/" + url
        assert all(page_url in h for h in hrefs), hrefs
        assert {"Facebook", "LinkedIn"} <= {a.get_text(strip=True) for a in share.select("a")}
    mail = site.soup(MEETING_0609).select_one("nav.page-furniture__share a")
    assert mail is not None
    query = parse_qs(urlsplit(attr(mail, "href")).query)
    assert query == {"subject": ["Socialnämnden – aktuella beslut juni 2021"],
                     "body": ["https://example.github.io/namndbeslut/" + MEETING_0609]}


def test_no_script_or_style_from_another_host(site: BuiltSite) -> None:
    for path in site.path.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for tag, name in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in soup.select(f"{tag}[{name}]"):
                if tag == "link" and el.get("rel") == ["canonical"]:
                    continue
                assert "://" not in attr(el, name) and not attr(el, name).startswith("//"), f"{path}: {el}"


def test_statement_has_what_digg_requires_and_every_page_links_it(site: BuiltSite) -> None:
    text = site.text(STATEMENT)
    for part in ["delvis förenlig", "Innehåll som inte är tillgängligt", "Hur vi testat webbplatsen",
                 "Den senaste bedömningen gjordes", "Rapportera brister", "Tillsyn"]:
        assert part in text, part
    assert site.article(STATEMENT).select_one('a[href="https://www.digg.se/tdosanmalan"]') is not None
    for path in site.path.rglob("index.html"):
        rel = path.parent.relative_to(site.path).as_posix()
        rel = "" if rel == "." else rel + "/"
        footer = site.soup(rel).select_one("footer")
        assert footer is not None
        links = [a for a in footer.select("a") if a.get_text(strip=True) == "Tillgänglighetsredogörelse"]
        assert links, f"{rel}: no link to the statement in the footer"
        statement = (site.path / STATEMENT / "index.html").resolve()
        assert (path.parent / attr(links[0], "href") / "index.html").resolve() == statement


def test_agreement_fact_box(site: BuiltSite) -> None:
    facts = site.fact_box(VH)

    def text(label: str) -> str:
        return " ".join(facts[label].get_text(" ", strip=True).split()).replace("\u00a0", " ")

    assert "845000-8175" in text("Parter") and "Socialförvaltningen i Lund" in text("Parter")
    assert text("Status") == "Gäller"
    assert text("Period") == "1 oktober 2021 – 31 december 2023"
    assert text("Översyn") == "Senast 31 mars 2023"
    assert "Summa av beloppen ovan (uträknad här): 562 500 kr" in text("Finansiering")
    assert "\u00a0kr" in facts["Finansiering"].get_text(), "no break between amount and 'kr'"
    contacts = [attr(a, "href") for a in facts["Kontaktpersoner"].select("a")]
    assert contacts[:1] == ["mailto:johan.larssonbostrom@lund.se"]
    kj = site.fact_box(KJ_NEW)
    assert words(kj["Beslutat"]) == "Socialnämnden 11 november 2020: Ny överenskommelse med Kvinnojouren"
    assert attr(one(kj["Beslutat"], "a"), "href") == "../../sammantraden/2020-11-11-socialnamnden/#" + KJ_MATTER
    old = site.fact_box(KJ_OLD)
    assert "Beslut" not in old, "the label says it once: 'Beslutat', not 'Beslut: Beslut …'"
    assert words(old["Beslutat"]) == "Socialnämnden 23 augusti 2017, §§ 154, 155", "only cited: no link"
    assert old["Beslutat"].select_one("a") is None
    assert attr(one(kj["Föregående överenskommelse"], "a"), "href") == "../kvinnojouren-lund-2018-2020/"


def test_print_stylesheet(site: BuiltSite) -> None:
    link = site.soup(VH).select_one('link[rel="stylesheet"][media="print"]')
    assert link is not None
    css = (site.path / VH / attr(link, "href")).resolve().read_text(encoding="utf-8")
    assert ".md-header" in css and "display: none" in css


def test_search_indexes_the_article_in_swedish_with_its_filters(site: BuiltSite) -> None:
    """Pagefind's index (searched in a real browser in tests/browser): Swedish, no lunr index, and each page
    hands it only its article, with the kind, body and year as filters."""
    entry = json.loads((site.path / search.OUTPUT_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["sv"]
    assert not (site.path / "search" / "search_index.json").exists()
    for url, kind in ((MEETING_1111, search.MEETING), ("partner/kvinnojouren-lund/", search.PARTNER),
                      (KJ_NEW, search.AGREEMENT)):
        soup = site.soup(url)
        (body,) = soup.select("[data-pagefind-body]")
        assert body.find_parent("article") is not None and body.find("h1") is not None, url
        assert not body.select(".md-skip, .page-furniture"), url
        filters = {attr(f, "data-pagefind-filter"): f.get_text() for f in soup.select("[data-pagefind-filter]")}
        assert filters[search.KIND] == kind, url
    assert filters[search.BODY] == "Socialnämnden" and filters[search.YEAR] == "2021"


def test_history_parses_one_git_log() -> None:
    new, old = "2026-11-20T10:00:00+01:00", "2026-10-01T09:30:00+02:00"
    log = f"\x00{new}\n\ndecisions/a.md\ncontent/index.md\n\x00{old}\n\ndecisions/a.md\npartners/b.md\n"
    at = dt.datetime.fromisoformat
    assert history.parse(log) == {Path("decisions/a.md"): history.Span(at(old), at(new)),
                                  Path("content/index.md"): history.Span(at(new), at(new)),
                                  Path("partners/b.md"): history.Span(at(old), at(old))}


def test_history_outside_git_is_empty(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x")
    assert history.read(tmp_path) == {}


def test_bad_furniture_settings_name_the_field() -> None:
    with pytest.raises(ContentError) as err:
        furniture.from_settings({"furniture": {"share": [{"name": "Facebook", "url": "javascript:alert(1)"}],
                                               "stale_after_months": 0}})
    message = str(err.value)
    assert "mkdocs.yml: extra.furniture.share.0.url:" in message
    assert "extra.furniture.stale_after_months" in message


def test_the_404_page_is_swedish_and_leads_back(site: BuiltSite) -> None:
    soup = BeautifulSoup((site.path / "404.html").read_text(encoding="utf-8"), "lxml")
    assert one(soup, "article h1").get_text(strip=True) == "Sidan kunde inte hittas"
    assert string(one(soup, "title")).startswith("Sidan kunde inte hittas - ")
    assert "Not found" not in soup.get_text()
    links = {a.get_text(strip=True): attr(a, "href") for a in soup.select("article a")}
    base = urlsplit(SITE_URL).path
    assert links["Gå till startsidan"] == base and links["Sök på webbplatsen"] == f"{base}?q=", links


HOME = ("Startsida", "")
BODIES = ("Nämnder och styrelser", "namnder/")
SOCIAL = ("Socialnämnden", "namnder/socialnamnden/")


@pytest.mark.parametrize(("url", "above"), [
    (MEETING_0609, [HOME, BODIES, SOCIAL]),
    (VH, [HOME, ("Överenskommelser", "overenskommelser/")]),
    ("partner/rsmh/", [HOME, ("Partner", "partner/")]),
    ("tjansteskrivelser/so-2020-0155/", [HOME, ("Tjänsteskrivelser", "tjansteskrivelser/")]),
    ("namnder/socialnamnden/", [HOME, BODIES]),
    ("sammantraden/2021/", [HOME, ("Sammanträden och beslut", "sammantraden/")]),
    ("sammantraden/kommande/", [HOME, ("Sammanträden och beslut", "sammantraden/")]),
    ("overenskommelser/", [HOME]),
    (STATEMENT, [HOME]),
])
def test_breadcrumbs_lead_from_the_start_page(site: BuiltSite, url: str, above: list[tuple[str, str]]) -> None:
    trail = site.breadcrumbs(url)
    assert trail[:-1] == above
    assert trail[-1] == (one(site.article(url), "h1").get_text(strip=True), None), "the last step is this page"
    title = string(one(site.soup(url), "title"))
    assert title.startswith(f"{trail[-1][0]} - "), "the page keeps its title with the trail above its heading"


def test_every_page_has_a_trail_whose_steps_exist(site: BuiltSite) -> None:
    pages = sorted(p.parent.relative_to(site.path).as_posix() + "/" for p in site.path.rglob("index.html"))
    pages = [p.removeprefix("./") for p in pages if not p.startswith(("search/", "pagefind/"))]
    assert len(pages) > 20 and "tjansteskrivelser/" in pages
    for url in pages:
        if url == "":
            assert site.article(url).select('nav[aria-label="Brödsmulor"]') == [], "nothing above the start page"
            continue
        trail = site.breadcrumbs(url)
        assert trail[0] == HOME, url
        for _, step in trail[:-1]:
            assert step is not None and (site.path / step / "index.html").is_file(), f"{url}: {step}"
        nav = one(site.article(url), 'nav[aria-label="Brödsmulor"]')
        assert nav.has_attr("data-pagefind-ignore"), "no page matches a search for the pages above it"


def test_the_reports_overview_lists_each_report(site: BuiltSite) -> None:
    """The newest reports, then every year's page, which lists that year's reports."""
    assert site.links("tjansteskrivelser/") == ["", "tjansteskrivelser/so-2020-0155/", "tjansteskrivelser/2020/"]
    assert "diarienummer SO 2020/0155" in site.text("tjansteskrivelser/")
    assert site.links("tjansteskrivelser/2020/") == ["", "tjansteskrivelser/", "tjansteskrivelser/so-2020-0155/",
                                                     "tjansteskrivelser/"]


def test_a_meeting_page_links_its_body_and_only_what_exists(site: BuiltSite) -> None:
    """The seeds' committee has no remit text and no members_url: only our own page's upcoming meetings."""
    heading, remit, links = site.body_links(MEETING_0609)
    assert (heading, remit) == ("Om socialnämnden", "")
    assert links == {"Kommande sammanträden i socialnämnden": "namnder/socialnamnden/#kommande"}
    assert one(site.article("namnder/socialnamnden/"), "h2#kommande").get_text(strip=True) == "Kommande sammanträden"
    assert "Ledamöter" not in site.facts("namnder/socialnamnden/")


def test_the_report_names_the_decision_once(site: BuiltSite) -> None:
    assert site.facts("tjansteskrivelser/so-2020-0155/")["Beslut"] == (
        "Socialnämnden 11 november 2020: Ny överenskommelse med Kvinnojouren")
