"""Build the real site and check what a reader gets: pages, facts and links both ways."""

from __future__ import annotations

from support.site import BuiltSite, attr, one

MEETING_0609 = "sammantraden/2021-06-09-socialnamnden/"
MEETING_1111 = "sammantraden/2020-11-11-socialnamnden/"
MEETING_0120 = "sammantraden/2021-01-20-socialnamnden/"
VH = "overenskommelser/vanskapens-hus-2021-2023/"
KJ_NEW = "overenskommelser/kvinnojouren-lund-2021-2023/"
KJ_OLD = "overenskommelser/kvinnojouren-lund-2018-2020/"
RSMH = "overenskommelser/rsmh-2021-2023/"
REPORT = "tjansteskrivelser/so-2020-0155/"


def test_every_page_exists(site: BuiltSite) -> None:
    for url in ["", "sammantraden/", "sammantraden/2020/", "sammantraden/2021/", MEETING_0609, MEETING_1111,
                MEETING_0120, "overenskommelser/", VH, KJ_NEW, KJ_OLD, RSMH, "partner/",
                "partner/vanskapens-hus/", "partner/kvinnojouren-lund/", "partner/rsmh/", REPORT]:
        assert (site.path / url / "index.html").is_file(), url


def test_site_is_swedish(site: BuiltSite) -> None:
    assert attr(one(site.soup(""), "html"), "lang") == "sv"


def test_meeting_links_to_agreement_and_back(site: BuiltSite) -> None:
    assert VH in site.links(MEETING_0609)
    assert f"{MEETING_0609}#vanskapens-hus-overenskommelse-2021" in site.links(VH)
    assert site.article(MEETING_0609).select_one("#vanskapens-hus-overenskommelse-2021") is not None


def test_vanskapens_hus_facts(site: BuiltSite) -> None:
    text = site.text(VH)
    for fact in ["Vänskapens hus", "845000-8175", "Socialförvaltningen i Lund", "1 oktober 2021 – 31 december 2023",
                 "Senast 31 mars 2023", "2021: 62 500 kr", "2022: 250 000 kr", "2023: 250 000 kr",
                 "johan.larssonbostrom@lund.se", "Bodil Nilsson"]:
        assert fact in text.replace("\u00a0", " "), fact
    # the agreement's full text, structured with headings
    headings = [h.get_text(strip=True) for h in site.article(VH).select("h2")]
    assert "Bakgrund" in headings and "Ekonomi" in headings


def test_kvinnojouren_agreements_chained(site: BuiltSite) -> None:
    assert KJ_OLD in site.links(KJ_NEW)
    assert KJ_NEW in site.links(KJ_OLD)
    text = site.text(KJ_NEW).replace("\u00a0", " ")
    assert "1 januari 2021 – 31 december 2023" in text and "2021: 380 000 kr" in text
    assert "priskompensation" in text
    assert "Källa:" in text  # no agreement text in the seeds: the page names its source
    assert f"{MEETING_1111}#kvinnojouren-overenskommelse-2020" in site.links(KJ_NEW)
    assert KJ_NEW in site.links(MEETING_1111)
    # the old agreement's decision was taken at a meeting that is not published: plain text
    assert "Socialnämnden 23 augusti 2017, §§ 154, 155" in site.text(KJ_OLD)


def test_rsmh_term_in_years(site: BuiltSite) -> None:
    assert "2021–2023" in site.text(RSMH)
    assert RSMH in site.links(MEETING_0120)
    assert f"{MEETING_0120}#rsmh-overenskommelse-2021" in site.links(RSMH)


def test_partner_pages(site: BuiltSite) -> None:
    assert {KJ_NEW, KJ_OLD} <= set(site.links("partner/kvinnojouren-lund/"))
    links = site.links("partner/kvinnojouren-lund/")
    assert links.index(KJ_NEW) < links.index(KJ_OLD), "newest agreement first"
    assert f"{MEETING_1111}#kvinnojouren-overenskommelse-2020" in links
    assert VH in site.links("partner/vanskapens-hus/")
    assert "845000-8175" in site.text("partner/vanskapens-hus/")
    letters = site.links("partner/")  # the initials, each a page of its partners
    assert {"partner/bokstav/k/", "partner/bokstav/r/", "partner/bokstav/v/"} <= set(letters)
    assert "partner/vanskapens-hus/" in site.links("partner/bokstav/v/")
    assert "partner/kvinnojouren-lund/" in site.links("partner/bokstav/k/")
    assert "partner/rsmh/" in site.links("partner/bokstav/r/")
    assert site.breadcrumbs("partner/bokstav/v/")[-2:] == [("Partner", "partner/"), ("Partner V", None)]


def test_meeting_index_newest_first_grouped_by_year(site: BuiltSite) -> None:
    """The overview: the newest meetings, then the years; a year's page: its bodies (each body's year a page of its
    own, with the meetings)."""
    links = [u for u in site.links("sammantraden/") if "#" not in u]
    order = [links.index(u) for u in (MEETING_0609, MEETING_0120, MEETING_1111)]
    assert order == sorted(order)
    years = [u for u in links if u in ("sammantraden/2021/", "sammantraden/2020/")]
    assert years == ["sammantraden/2021/", "sammantraden/2020/"]
    assert "sammantraden/2020/socialnamnden/" in site.links("sammantraden/2020/")
    assert "sammantraden/2021/socialnamnden/" in site.links("sammantraden/2021/")
    assert MEETING_1111 not in site.links("sammantraden/2020/"), "a year's page lists its bodies"
    assert MEETING_1111 in site.links("sammantraden/2020/socialnamnden/")
    assert f"{MEETING_1111}#kvinnojouren-overenskommelse-2020" in site.links("sammantraden/2020/socialnamnden/")
    assert MEETING_0609 not in site.links("sammantraden/2020/socialnamnden/")


def test_citation_links_to_matter_where_published(site: BuiltSite) -> None:
    assert f"{MEETING_1111}#iop-riktlinje-2020" in site.links(VH)
    article = site.article(REPORT)
    assert "2017-05-17, § 91" in site.text(REPORT)
    assert not any("2017-05-17" in a.get_text() for a in article.select("a"))


def test_report_linked_both_ways(site: BuiltSite) -> None:
    assert REPORT in site.links(MEETING_1111)
    assert REPORT in site.links(KJ_NEW)
    assert f"{MEETING_1111}#kvinnojouren-overenskommelse-2020" in site.links(REPORT)
    assert KJ_NEW in site.links(REPORT)


def test_overviews(site: BuiltSite) -> None:
    overview = site.links("overenskommelser/")  # year by year, and body by body with how many are in force
    assert {"overenskommelser/2018/", "overenskommelser/2021/", "namnder/socialnamnden/#overenskommelser"} <= set(
        overview)
    assert not {VH, KJ_NEW, RSMH, KJ_OLD} & set(overview), "the overview lists no agreement: the years and bodies do"
    assert "4: 3 gäller och 1 har upphört" in site.text("overenskommelser/")
    in_force = site.links("partner/bokstav/k/")  # a partner's agreements in force, on its initial's page
    assert KJ_NEW in in_force and KJ_OLD not in in_force
    assert KJ_OLD in site.links("overenskommelser/2018/")
    assert {VH, KJ_NEW, RSMH} <= set(site.links("overenskommelser/2021/"))
    home = site.links("")
    assert MEETING_0609 in home and {VH, KJ_NEW, RSMH} <= set(home)  # the newest agreements, whatever their status


def test_status_follows_build_date(site_at) -> None:  # type: ignore[no-untyped-def]
    assert "Gäller" in site_at("2022-06-01").text(VH)
    assert "Har upphört" in site_at("2026-11-22").text(VH)
    assert "Gäller" not in site_at("2026-11-22").text(VH).replace("Har upphört", "")
