"""The DCAT-AP-SE catalogue (issue 12) as dataportal.se harvests it: parsed with rdflib, every mandatory
DCAT-AP 2.x property on the catalogue, its datasets and their distributions, and every file it names
published by the build; the same datasets as the "Öppna data" page lists. Validated with pySHACL against
DCAT-AP 2.1.1's own SHACL shapes (tests/dcat-ap-shapes/)."""

from __future__ import annotations

import rdflib
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib import namespace as ns
from rdflib.term import Node
from support.project import ROOT
from support.site import EXTRA, SITE_URL, BuiltSite, attr

VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
SHAPES = ROOT / "tests" / "dcat-ap-shapes"
CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
"""The licence as DCAT-AP-SE lists it (the settings name its Swedish deed page, for readers)."""
MISSING_RECOMMENDED = {
    (ns.DCAT.Catalog, ns.DCTERMS.spatial), (ns.DCAT.Dataset, ns.DCTERMS.spatial),
    (ns.DCAT.Dataset, ns.DCTERMS.temporal),
    (ns.DCAT.Distribution, URIRef("http://data.europa.eu/r5r/availability")),
    (ns.DCTERMS.LicenseDocument, ns.DCTERMS.type),
}
"""Recommended properties the catalogue lacks, and why (README): no place URI for the municipality in the
settings, no period per dataset, no promise of how long the files stay, no licence type in the settings."""


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
    assert EXTRA["open_data"]["license_url"].startswith(CC0.replace("http:", "https:"))
    assert str(_one(g, cat, ns.DCTERMS.license)) == CC0 and (URIRef(CC0), ns.RDF.type, ns.DCTERMS.LicenseDocument) in g
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
            assert str(_one(g, x, ns.DCTERMS.license)) == CC0
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


def _shacl(data: Graph, shapes: str) -> list[tuple[URIRef, URIRef, URIRef]]:
    """(severity, class of the focus node, property) of every result of validating `data` against `shapes`."""
    conforms, report, _ = validate(data, shacl_graph=Graph().parse(SHAPES / shapes, format="turtle"),
                                   inference="none", allow_warnings=True)
    results = []
    for result in report.subjects(ns.RDF.type, ns.SH.ValidationResult):
        focus, path = report.value(result, ns.SH.focusNode), report.value(result, ns.SH.resultPath)
        severity = report.value(result, ns.SH.resultSeverity)
        classes = sorted(c for c in data.objects(focus, ns.RDF.type) if isinstance(c, URIRef))
        assert isinstance(severity, URIRef) and isinstance(path, URIRef) and classes, result
        results.append((severity, classes[0], path))
    assert conforms == all(r[0] != ns.SH.Violation for r in results)
    return results


def test_catalogue_conforms_to_dcat_ap_shapes(site: BuiltSite) -> None:
    """DCAT-AP 2.1.1: every mandatory property, no value beyond its cardinality."""
    assert _shacl(_graph(site, "katalog.rdf", "xml"), "dcat-ap_2.1.1_shacl_shapes.ttl") == []


def test_catalogue_values_are_of_their_class(site: BuiltSite) -> None:
    """DCAT-AP 2.1.1's range shapes: each value of its class, but for the concepts that only the EU and ADMS
    vocabularies define (the shapes expect them fetched): those are IRIs of those vocabularies."""
    g = _graph(site, "katalog.rdf", "xml")
    vocabularies = {(ns.DCAT.Catalog, ns.DCAT.themeTaxonomy), (ns.DCAT.Dataset, ns.DCAT.theme),
                    (ns.FOAF.Agent, ns.DCTERMS.type)}
    results = _shacl(g, "dcat-ap_2.1.1_shacl_range.ttl")
    assert {(cls, path) for _, cls, path in results} == vocabularies
    assert set(g.objects(None, ns.DCAT.themeTaxonomy)) == {URIRef(f"{EU}data-theme")}
    assert all(str(t).startswith(f"{EU}data-theme/") for t in g.objects(None, ns.DCAT.theme))
    assert all(str(t).startswith("http://purl.org/adms/publishertype/") for t in g.objects(None, ns.DCTERMS.type))


def test_catalogue_lacks_only_the_known_recommended_properties(site: BuiltSite) -> None:
    results = _shacl(_graph(site, "katalog.rdf", "xml"), "dcat-ap_2.1.1_shacl_shapes_recommended.ttl")
    assert {r[0] for r in results} == {ns.SH.Warning}
    assert {(cls, path) for _, cls, path in results} == MISSING_RECOMMENDED
