"""The DCAT-AP-SE catalogue (issue 12, issue 29) as dataportal.se harvests it: parsed with rdflib, every property
DCAT-AP-SE 3.0.1 makes mandatory or recommends, class by class, named below (PROFILE, checked against the profile's
own formal specification, tests/dcat-ap-se/bundle.json), and every file it names published by the build; the same
datasets as the "Öppna data" page lists. Validated with pySHACL against DCAT-AP 2.1.1's own SHACL shapes too
(tests/dcat-ap-shapes/)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import rdflib
from namndbeslut.errors import ContentError
from namndbeslut.opendata import dcat
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib import namespace as ns
from rdflib.term import Node
from support.project import ROOT, project_copy
from support.site import EXTRA, SITE_URL, BuiltSite, attr, build

VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
SHAPES = ROOT / "tests" / "dcat-ap-shapes"
CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
"""The licence as DCAT-AP-SE lists it (the settings name its Swedish deed page, for readers)."""
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
DCATAP = rdflib.Namespace("http://data.europa.eu/r5r/")
CONTACT = VCARD.Kind
"""The class of a contact point (vcard:Organization, vcard:Individual or their superclass vcard:Kind)."""

PROFILE: dict[URIRef, tuple[set[URIRef], set[URIRef]]] = {
    ns.DCAT.Catalog: (
        {ns.DCTERMS.title, ns.DCTERMS.description, ns.DCTERMS.publisher, ns.DCTERMS.license, ns.DCAT.dataset},
        {ns.DCTERMS.issued, ns.DCTERMS.language, ns.DCTERMS.modified, ns.FOAF.homepage, ns.DCTERMS.spatial,
         ns.DCTERMS.license, ns.DCAT.themeTaxonomy}),
    ns.DCAT.Dataset: (
        {ns.DCTERMS.title, ns.DCTERMS.description, ns.DCTERMS.publisher},
        {ns.DCTERMS.publisher, ns.DCAT.contactPoint, ns.DCAT.keyword, ns.DCAT.theme, ns.DCTERMS.issued,
         ns.DCTERMS.conformsTo, ns.DCTERMS.spatial, ns.DCTERMS.temporal, ns.DCTERMS.accessRights}),
    ns.DCAT.Distribution: (
        {ns.DCAT.accessURL, ns.DCTERMS.format},
        {ns.DCTERMS.description, ns.DCAT.accessURL, ns.DCTERMS.format, DCATAP.availability, ns.DCTERMS.license}),
    ns.FOAF.Agent: ({ns.FOAF.name, ns.DCTERMS.type}, {ns.DCTERMS.description, ORG.classification,
                                                    ns.DCTERMS.identifier}),
    CONTACT: ({ns.RDF.type, VCARD.fn, VCARD.hasEmail}, {VCARD.hasTelephone, VCARD.hasAddress}),
    ns.DCTERMS.PeriodOfTime: (set(), {ns.DCAT.startDate, ns.DCAT.endDate}),
    ns.DCTERMS.LicenseDocument: (set(), {ns.DCTERMS.title, ns.DCTERMS.description}),
}
"""DCAT-AP-SE 3.0.1's mandatory and recommended properties, by class: (mandatory, recommended)."""

NOT_APPLICABLE: dict[tuple[URIRef, URIRef], str] = {
    (ns.FOAF.Agent, ORG.classification): "the profile's only value says the agent is regulated to charge fees",
    (ns.DCTERMS.LicenseDocument, ns.DCTERMS.description): "for a licence of one's own: CC0 is one the portal knows",
}
"""Recommended properties that do not apply to this catalogue, and why."""
IF_SET: dict[tuple[URIRef, URIRef], str] = {
    (ns.FOAF.Agent, ns.DCTERMS.identifier): "open_data.publisher.identifier",
    (CONTACT, VCARD.hasTelephone): "open_data.contact.phone",
    (CONTACT, VCARD.hasAddress): "open_data.contact.address",
}
"""Recommended properties made from a setting that mkdocs.yml leaves out (facts to fill in, not to guess): each
is tested with the setting given (test_settings_fill_in_the_rest)."""
OPEN_ENDED = (ns.DCTERMS.PeriodOfTime, ns.DCAT.endDate)
"""A period has no end when a record in it runs until further notice."""


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
    each = {f for f in files if f.startswith("data/overenskommelser/")}  # one row on the page, each file linked
    assert each and files - each == {attr(a, "href").removeprefix("../") for a in rows}  # from its agreement's page
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


def test_the_matters_dataset_is_described_by_the_columns_of_its_file(site: BuiltSite) -> None:
    """The description names the published CSV's columns, each as its header says it: the agenda item ('Punkt') and
    the case number ('Diarienummer') apart, never 'ärendenummer', the word some bodies use for the case number."""
    g = _graph(site, "katalog.rdf", "xml")
    (matters,) = [d for d in g.subjects(ns.RDF.type, ns.DCAT.Dataset)
                  if str(_one(g, d, ns.DCTERMS.title)) == "Ärenden från sammanträdena"]
    header = (site.path / "data" / "arenden.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    described = [_swedish(g, matters, ns.DCTERMS.description)]
    described += [_swedish(g, x, ns.DCTERMS.description) for x in g.objects(matters, ns.DCAT.distribution)
                  if str(_one(g, x, ns.DCAT.downloadURL)).endswith(".csv")]
    assert len(described) == 2
    for text in described:
        assert "ärendenummer" not in text.casefold(), text
        assert text.endswith(f"{', '.join(header[:-1])} och {header[-1]}"), text


def test_catalogue_conforms_to_dcat_ap_shapes(site: BuiltSite) -> None:
    """DCAT-AP 2.1.1: every mandatory property, no value beyond its cardinality."""
    assert _shacl(_graph(site, "katalog.rdf", "xml"), "dcat-ap_2.1.1_shacl_shapes.ttl") == []


def test_catalogue_values_are_of_their_class(site: BuiltSite) -> None:
    """DCAT-AP 2.1.1's range shapes: each value of its class, but for the concepts that only the EU and ADMS
    vocabularies define (the shapes expect them fetched): those are IRIs of those vocabularies."""
    g = _graph(site, "katalog.rdf", "xml")
    vocabularies = {(ns.DCAT.Catalog, ns.DCAT.themeTaxonomy), (ns.DCAT.Dataset, ns.DCAT.theme),
                    (ns.FOAF.Agent, ns.DCTERMS.type), (ns.DCAT.Dataset, ns.DCTERMS.accessRights),
                    (ns.DCAT.Distribution, DCATAP.availability), (ns.DCTERMS.LicenseDocument, ns.DCTERMS.type)}
    results = _shacl(g, "dcat-ap_2.1.1_shacl_range.ttl")
    assert {(cls, path) for _, cls, path in results} == vocabularies
    assert set(g.objects(None, ns.DCAT.themeTaxonomy)) == {URIRef(f"{EU}data-theme")}
    assert all(str(t).startswith(f"{EU}data-theme/") for t in g.objects(None, ns.DCAT.theme))
    publishers = set(g.objects(None, ns.DCTERMS.publisher))
    assert all(str(g.value(p, ns.DCTERMS.type)).startswith("http://purl.org/adms/publishertype/") for p in publishers)


def test_catalogue_has_every_recommended_property_of_dcat_ap(site: BuiltSite) -> None:
    """All but the geometry of the places: they are named by their URIs (GeoNames, the EU's countries), whose own
    descriptions hold their bounding boxes and centroids."""
    results = _shacl(_graph(site, "katalog.rdf", "xml"), "dcat-ap_2.1.1_shacl_shapes_recommended.ttl")
    assert {r[0] for r in results} == {ns.SH.Warning}
    assert {(cls, path) for _, cls, path in results} == {(ns.DCTERMS.Location, ns.DCAT.bbox),
                                                          (ns.DCTERMS.Location, ns.DCAT.centroid)}


def _spec() -> dict[str, tuple[set[str], set[str]]]:
    """(mandatory, recommended) properties by class, read from DCAT-AP-SE 3.0.1's formal specification."""
    templates = {t["id"]: t for t in json.loads((ROOT / "tests" / "dcat-ap-se" / "bundle.json").read_text(
        encoding="utf-8"))["templates"]}

    def prop(item: dict[str, object]) -> str:
        if item.get("property"):
            return str(item["property"])
        if item.get("extends"):
            return prop({**templates[str(item["extends"])], **{k: v for k, v in item.items() if k != "extends"}})
        inner = [i if isinstance(i, dict) else templates[i] for i in item.get("items", [])]  # type: ignore[attr-defined]
        return prop(inner[0])

    found: dict[str, tuple[set[str], set[str]]] = {}
    for name, template in (("Catalog", "dcat:Catalog"), ("Dataset", "dcat:Dataset"),
                           ("Distribution", "dcat:Distribution"), ("Agent", "dcat:foaf:Agent"),
                           ("Kind", "dcat:contactPoint"), ("PeriodOfTime", "dcat:dcterms:temporal_da"),
                           ("LicenseDocument", "dcterms:LicenseDocument")):
        mandatory, recommended = set(), set()
        for item in templates[template]["items"]:
            item = templates[item] if isinstance(item, str) else {**templates.get(item.get("id", ""), {}), **item}
            card = item.get("cardinality") or {}
            p = prop(item)
            if p.startswith("schema:"):
                continue  # schema:startDate/endDate: deprecated in favour of dcat:startDate/endDate
            if card.get("min", 0) >= 1:
                mandatory.add(p)
            if card.get("pref", 0) >= 1:
                recommended.add(p)
        found[name] = (mandatory, recommended)
    return found


def _curie(uri: URIRef) -> str:
    for prefix, namespace in (("dcterms", ns.DCTERMS), ("dcat", ns.DCAT), ("foaf", ns.FOAF), ("vcard", VCARD),
                              ("rdf", ns.RDF)):
        if str(uri).startswith(str(namespace)):
            return f"{prefix}:{str(uri)[len(str(namespace)):]}"
    return str(uri)


def test_profile_table_is_dcat_ap_se_3_0_1() -> None:
    """PROFILE says what DCAT-AP-SE 3.0.1 says: each class's mandatory and recommended properties as its formal
    specification lists them (a format as dct:format; org:classification as the profile writes it, https)."""
    spec = _spec()
    for cls, (mandatory, recommended) in PROFILE.items():
        name = str(cls).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        want_mandatory, want_recommended = spec[name]

        def ours(props: set[URIRef]) -> set[str]:
            return {_curie(p) if p != ORG.classification else "https://www.w3.org/ns/org#classification"
                    for p in props}
        assert ours(mandatory) == want_mandatory, name
        assert ours(recommended) == want_recommended, name


def _nodes(g: Graph, cls: URIRef) -> list[Node]:
    if cls == CONTACT:
        return list(g.objects(None, ns.DCAT.contactPoint))
    if cls == ns.FOAF.Agent:
        return list(g.objects(None, ns.DCTERMS.publisher))
    if cls == ns.DCTERMS.LicenseDocument:
        return list(g.objects(None, ns.DCTERMS.license))
    return list(g.subjects(ns.RDF.type, cls))


def _missing(g: Graph) -> set[tuple[URIRef, URIRef]]:
    """(class, property) of every DCAT-AP-SE property some node of the class lacks."""
    found = set()
    for cls, (mandatory, recommended) in PROFILE.items():
        nodes = _nodes(g, cls)
        assert nodes, f"no {cls} in the catalogue"
        for node in nodes:
            found |= {(cls, p) for p in mandatory | recommended if g.value(node, p) is None}
    return found


def test_catalogue_has_every_dcat_ap_se_property(site: BuiltSite) -> None:
    """Every mandatory property on every node, and every recommended one but those that do not apply, those made
    from settings mkdocs.yml leaves out, and the end of a period that is open."""
    g = _graph(site, "katalog.rdf", "xml")
    missing = _missing(g)
    mandatory = {(cls, p) for cls, (m, _) in PROFILE.items() for p in m}
    assert not missing & mandatory
    assert missing <= {*NOT_APPLICABLE, *IF_SET, OPEN_ENDED}
    assert {*IF_SET} <= missing, "a setting is filled in: move it out of IF_SET"


def test_catalogue_values_are_what_dcat_ap_se_asks(site: BuiltSite) -> None:
    g = _graph(site, "katalog.rdf", "xml")
    cat = next(iter(g.subjects(ns.RDF.type, ns.DCAT.Catalog)))
    # dcterms:license of the catalogue: DCAT-AP-SE requires CC0 for the metadata
    assert str(g.value(cat, ns.DCTERMS.license)) == CC0
    assert g.value(URIRef(CC0), ns.DCTERMS.type) == URIRef("http://purl.org/adms/licencetype/PublicDomain")
    # dcterms:publisher: a foaf:Agent and foaf:Organization, of the ADMS type "local authority"
    publisher = g.value(cat, ns.DCTERMS.publisher)
    assert {ns.FOAF.Agent, ns.FOAF.Organization} <= set(g.objects(publisher, ns.RDF.type))
    assert g.value(publisher, ns.DCTERMS.type) == URIRef("http://purl.org/adms/publishertype/LocalAuthority")
    # dcat:contactPoint: vcard:hasEmail a mailto: URI
    for contact in g.objects(None, ns.DCAT.contactPoint):
        assert str(g.value(contact, VCARD.hasEmail)) == f"mailto:{EXTRA['open_data']['contact']['email']}"
    # dcterms:spatial: the places of the settings, on the catalogue and each dataset
    places = {URIRef(p) for p in EXTRA["open_data"]["spatial"]}
    assert places and set(g.objects(cat, ns.DCTERMS.spatial)) == places
    for d in g.objects(cat, ns.DCAT.dataset):
        assert set(g.objects(d, ns.DCTERMS.spatial)) == places
        # dcat:theme from the EU data theme vocabulary; dcterms:accessRights public
        assert URIRef(f"{EU}data-theme/GOVE") in set(g.objects(d, ns.DCAT.theme))
        assert g.value(d, ns.DCTERMS.accessRights) == URIRef(f"{EU}access-right/PUBLIC")
        assert all((s, ns.RDF.type, ns.DCTERMS.Standard) in g for s in g.objects(d, ns.DCTERMS.conformsTo))
    # dcatap:availability from the settings
    availability = URIRef(f"{EU}planned-availability/{EXTRA['open_data']['availability']}")
    for x in g.subjects(ns.RDF.type, ns.DCAT.Distribution):
        assert g.value(x, DCATAP.availability) == availability


def _temporal(g: Graph, title: str) -> tuple[str, str | None]:
    d = next(d for d in g.subjects(ns.RDF.type, ns.DCAT.Dataset) if str(g.value(d, ns.DCTERMS.title)) == title)
    period = g.value(d, ns.DCTERMS.temporal)
    end = g.value(period, ns.DCAT.endDate)
    return str(g.value(period, ns.DCAT.startDate)), (str(end) if end is not None else None)


def test_temporal_coverage_is_that_of_the_records(site: BuiltSite) -> None:
    """dcterms:temporal: from the first day of the earliest record to the last day of the latest. The seeds:
    meetings 2020-11-11 to 2021-06-09; agreements from 2018 (only years) to 2023-12-31."""
    g = _graph(site, "katalog.rdf", "xml")
    assert _temporal(g, "Socialnämndens sammanträden") == ("2020-11-11", "2021-06-09")
    assert _temporal(g, "Överenskommelser i en tabell") == ("2018-01-01", "2023-12-31")
    start, end = _temporal(g, "OParl-gränssnitt")
    assert start == "2018-01-01" and end == "2023-12-31"


def test_an_agreement_until_further_notice_leaves_the_period_open() -> None:
    assert dcat._period([(dt.date(2021, 1, 1), dt.date(2021, 12, 31)), (dt.date(2022, 3, 1), None)]) == (
        dt.date(2021, 1, 1), None)
    assert dcat._period([]) is None


def test_contact_email_is_required_and_not_a_placeholder_when_publishing() -> None:
    settings = {"open_data": {**EXTRA["open_data"], "contact": {"name": "Lunds kommun", "url": "https://www.lund.se"}}}
    with pytest.raises(ContentError, match="kräver en e-postadress"):
        dcat.from_settings(settings, publish=False)
    assert dcat.from_settings({"open_data": EXTRA["open_data"]}, publish=False).contact.email
    with pytest.raises(ContentError, match="är en platshållare"):
        dcat.from_settings({"open_data": EXTRA["open_data"]}, publish=True)
    real = {"open_data": {**EXTRA["open_data"], "contact": {"name": "x", "email": "oppnadata@lund.se"}}}
    assert dcat.from_settings(real, publish=True).contact.email == "oppnadata@lund.se"


def test_settings_fill_in_the_rest(tmp_path: Path) -> None:
    """With the settings mkdocs.yml leaves out given, the catalogue has every recommended property that applies."""
    root = project_copy(tmp_path / "project")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    line = ('    contact: {name: Lunds kommun, email: oppnadata@example.org, url: "https://www.lund.se", '
               'phone: "+46 46 000 00 00", address: {street: Stortorget 1, postal_code: "222 22", locality: Lund}}\n')
    config, count = re.subn(r"    contact: \{[^\n]*\n", line, config)
    config, more = re.subn(r"    publisher:\n", '    publisher:\n      identifier: "000000-0000"\n', config)
    assert (count, more) == (1, 1)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = build(tmp_path / "site", "2022-06-01", root)
    assert result.returncode == 0, result.stderr
    g = Graph().parse(tmp_path / "site" / "data" / "katalog.rdf", format="xml")
    assert _missing(g) <= {*NOT_APPLICABLE, OPEN_ENDED}
    contact = next(iter(g.objects(None, ns.DCAT.contactPoint)))
    assert str(g.value(contact, VCARD.hasTelephone)) == "tel:+46460000000"
    assert str(g.value(g.value(contact, VCARD.hasAddress), VCARD.locality)) == "Lund"
    assert str(g.value(next(iter(g.objects(None, ns.DCTERMS.publisher))), ns.DCTERMS.identifier)) == "000000-0000"
