"""The DCAT-AP-SE catalogue (issue 12) as dataportal.se harvests it: parsed with rdflib, every mandatory
DCAT-AP 2.x property on the catalogue, its datasets and their distributions, and every file it names
published by the build; the same datasets as the "Öppna data" page lists."""

from __future__ import annotations

import rdflib
from rdflib import Graph, URIRef
from rdflib import namespace as ns
from rdflib.term import Node
from support.site import EXTRA, SITE_URL, BuiltSite, attr

VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"


def _graph(site: BuiltSite, name: str, syntax: str) -> Graph:
    g = Graph()
    g.parse(data=(site.path / "data" / name).read_text(encoding="utf-8"), format=syntax)
    return g


def _one(g: Graph, node: Node, prop: URIRef) -> Node:
    values = list(g.objects(node, prop))
    assert values, f"{node} has no {prop}"
    return values[0]


def _swedish(g: Graph, node: Node, prop: URIRef) -> str:
    value = _one(g, node, prop)
    assert isinstance(value, rdflib.Literal) and value.language == "sv" and str(value), (node, prop)
    return str(value)


def test_catalogue_has_every_mandatory_property(site: BuiltSite) -> None:
    g = _graph(site, "katalog.rdf", "xml")
    assert len(g) == len(_graph(site, "katalog.ttl", "turtle"))  # the Turtle says the same
    catalogues = list(g.subjects(ns.RDF.type, ns.DCAT.Catalog))
    assert len(catalogues) == 1
    cat = catalogues[0]
    _swedish(g, cat, ns.DCTERMS.title)
    _swedish(g, cat, ns.DCTERMS.description)
    publisher = _one(g, cat, ns.DCTERMS.publisher)
    assert (publisher, ns.RDF.type, ns.FOAF.Agent) in g
    assert str(_one(g, publisher, ns.FOAF.name)) == EXTRA["municipality"]
    assert str(_one(g, cat, ns.FOAF.homepage)) == SITE_URL
    assert str(_one(g, cat, ns.DCTERMS.license)) == EXTRA["open_data"]["license_url"]
    datasets = list(g.objects(cat, ns.DCAT.dataset))
    assert datasets
    for d in datasets:
        assert (d, ns.RDF.type, ns.DCAT.Dataset) in g
        _swedish(g, d, ns.DCTERMS.title)
        _swedish(g, d, ns.DCTERMS.description)
        assert _one(g, d, ns.DCTERMS.publisher) == publisher
        contact = _one(g, d, ns.DCAT.contactPoint)
        assert str(_one(g, contact, VCARD.fn)) == EXTRA["open_data"]["contact"]["name"]
        assert list(g.objects(contact, VCARD.hasEmail)) or list(g.objects(contact, VCARD.hasURL))
        _swedish(g, d, ns.DCAT.keyword)
        assert all(str(t).startswith(f"{EU}data-theme/") for t in g.objects(d, ns.DCAT.theme))
        assert str(_one(g, d, ns.DCAT.theme)) in {f"{EU}data-theme/{c}" for c in ("GOVE", "SOCI", "ECON")}
        _one(g, d, ns.DCTERMS.modified)
        for x in g.objects(d, ns.DCAT.distribution):
            assert (x, ns.RDF.type, ns.DCAT.Distribution) in g
            assert str(_one(g, x, ns.DCTERMS.format)).startswith(f"{EU}file-type/")
            assert str(_one(g, x, ns.DCAT.mediaType)).startswith("https://www.iana.org/assignments/media-types/")
            assert str(_one(g, x, ns.DCTERMS.license)) == EXTRA["open_data"]["license_url"]
            for prop in (ns.DCAT.accessURL, ns.DCAT.downloadURL):
                url = str(_one(g, x, prop))
                assert url.startswith(SITE_URL) and (site.path / url[len(SITE_URL):]).is_file(), url


def test_catalogue_lists_what_the_page_lists(site: BuiltSite) -> None:
    g = _graph(site, "katalog.rdf", "xml")
    files = {str(u)[len(SITE_URL):] for u in g.objects(None, ns.DCAT.downloadURL)}
    rows = site.article("oppna-data/").select("tbody tr a[type]")
    assert files == {attr(a, "href").removeprefix("../") for a in rows}
    titles = {str(t) for d in g.objects(None, ns.DCAT.dataset) for t in g.objects(d, ns.DCTERMS.title)}
    assert {"OParl-gränssnitt", "Överenskommelser i en tabell", "Finansiering per år och partner",
            "Socialnämndens sammanträden"} <= titles
    calendar = next(x for x, url in g.subject_objects(ns.DCAT.downloadURL) if str(url).endswith(".ics"))
    assert str(_one(g, calendar, ns.DCTERMS.format)) == f"{EU}file-type/ICS"
    assert str(_one(g, calendar, ns.DCAT.mediaType)).endswith("/text/calendar")
