"""The DCAT-AP-SE 3.0.1 catalogue of the datasets, for Sweden's data portal (dataportal.se) to harvest.

Made from the same list the "Öppna data" page shows (datasets.py), with every property DCAT-AP-SE 3.0.1 makes
mandatory or recommends where it applies (tests/test_dcat.py names them; docs/open-data.md explains the
settings). Publisher: the municipality (`municipality`, and `open_data.publisher`); contact point:
`open_data.contact` (a name and an e-mail address, which DCAT-AP-SE requires); the area covered:
`open_data.spatial`; the period each dataset covers comes from its records.

The resources the catalogue refers to carry the class DCAT-AP gives their property (a licence is a
dct:LicenseDocument, a format a dct:MediaTypeOrExtent, ...), which DCAT-AP 2.1.1's SHACL range shapes
check; not the concepts of the EU and ADMS vocabularies (themes, publisher type), whose own files
define them with the labels a skos:Concept must have.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any
from typing import Literal as Choice
from urllib.parse import quote, urlsplit
from xml.etree import ElementTree

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from .. import dates, messages, publishing, routes, safety
from ..context import BuildContext
from ..errors import ContentError, Problem
from ..model import LINE, Email, Text
from .datasets import CSV, ICS, JSON, OPARL_JSON, Dataset, Distribution, datasets

XML = "http://www.w3.org/XML/1998/namespace"
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
THEMES = URIRef(f"{EU}data-theme")
SWEDISH = URIRef(f"{EU}language/SWE")
DCATAP = Namespace("http://data.europa.eu/r5r/")
PUBLISHER_TYPES = "http://purl.org/adms/publishertype/"
LICENCE_TYPES = "http://purl.org/adms/licencetype/"
PUBLIC = URIRef(f"{EU}access-right/PUBLIC")
""""Open data": DCAT-AP-SE's access rights of a dataset anyone may use without asking."""
STANDARDS = {OPARL_JSON: "https://schema.oparl.org/1.1/", CSV: "https://www.rfc-editor.org/rfc/rfc4180",
             ICS: "https://www.rfc-editor.org/rfc/rfc5545", JSON: "https://www.rfc-editor.org/rfc/rfc8259"}
"""The specification each format follows (dct:conformsTo of a dataset): OParl 1.1 by its version URI, the others
by their RFC."""
IANA = "https://www.iana.org/assignments/media-types/"
"""IANA's media types (DCAT-AP's SHACL accepts http or https)."""


IRI = r"^https://[^\s<>\"'{}|\\^`]+$"
"""A web address the catalogue names as an IRI: https, and none of the characters an IRI may not hold (a space, a
quote, < > { } | \\ ^ `), which rdflib would write into the catalogue and then fail on."""
Iri = Annotated[str, StringConstraints(strip_whitespace=True, pattern=IRI), LINE]
PLACE = r"^https?://[^\s<>\"'{}|\\^`]+$"
"""A place's URI: GeoNames and the EU's vocabularies name places with http URIs, so http is allowed here."""
Place = Annotated[str, StringConstraints(strip_whitespace=True, pattern=PLACE), LINE]
CONFIG = Path("mkdocs.yml")
FIELD = "extra.open_data"


Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 -]{4,}$"), LINE]
"""A phone number as digits (spaces and hyphens between them), international with +: written as a tel: URI."""


class Address(BaseModel):
    """A postal address (vcard:Address)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    street: Text
    postal_code: Text
    locality: Text


class Contact(BaseModel):
    """The catalogue's contact point: a name and an e-mail address (DCAT-AP-SE requires one), and where known a web
    address, a phone number and a postal address (recommended)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: Text | None = None
    email: Email | None = None
    url: Iri | None = None
    phone: Phone | None = None
    address: Address | None = None


class Publisher(BaseModel):
    """What the catalogue says about its publisher besides the name (`municipality`): the ADMS publisher type, the
    organisation number (dct:identifier) and a description."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    type: Choice["LocalAuthority", "RegionalAuthority", "NationalAuthority"] = "LocalAuthority"
    identifier: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\d{6}-\d{4}$"), LINE] | None = None
    description: Text | None = None


class OpenData(BaseModel):
    """The open data settings (`extra.open_data`): the licence, the catalogue's contact point, its publisher, the
    area it covers and how long its files stay available. Each is documented in docs/open-data.md."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    license: Text | None = None
    license_url: Iri | None = None
    license_type: Choice["PublicDomain", "Attribution", "ShareAlike", "NonCommercialUse", "NoDerivativeWork",
                         "RoyaltiesRequired"] | None = None
    """ADMS licence type (dct:type of the licence): PublicDomain for CC0."""
    contact: Contact = Contact()
    publisher: Publisher = Publisher()
    spatial: list[Place] = []
    """URIs of the area the data covers (dct:spatial), e.g. a GeoNames feature."""
    availability: Choice["TEMPORARY", "EXPERIMENTAL", "AVAILABLE", "STABLE"] | None = None
    """The EU planned-availability of the files (dcatap:availability)."""


def from_settings(settings: Mapping[str, Any], publish: bool | None = None) -> OpenData:
    """The open data settings, validated where they are read; a mistake stops the build naming the setting. The
    contact point needs an e-mail address (DCAT-AP-SE 3.0.1: vcard:hasEmail is mandatory), and a build to publish
    (`publish`; by default PUBLISH=1) refuses a placeholder one, as it does the accessibility contact's. An e-mail
    still FYLL I (municipality.FILL_IN), which only a local build takes, is left out of the catalogue, never
    written as the contact's address."""
    given = settings.get("open_data") or {}
    contact = given.get("contact") if isinstance(given, Mapping) else None
    unfilled = isinstance(contact, Mapping) and safety.holds_placeholder(str(contact.get("email") or ""))
    if unfilled and isinstance(contact, Mapping):
        given = {**given, "contact": {k: v for k, v in contact.items() if k != "email"}}
    try:
        found = OpenData.model_validate(given)
    except ValidationError as err:
        raise ContentError([Problem(CONFIG, None, ".".join(map(str, (FIELD, *e["loc"]))), messages.describe(dict(e)))
                            for e in err.errors()]) from None
    email = found.contact.email
    publish = publishing.requested(os.environ) if publish is None else publish
    if not email and unfilled and not publish:
        return found
    if not email:
        raise ContentError([Problem(CONFIG, None, f"{FIELD}.contact.email", "katalogen över öppna data kräver en "
                                    "e-postadress dit den som använder data kan vända sig")])
    if publish and publishing.is_placeholder_host("https://" + email.rpartition("@")[2] + "/"):
        raise ContentError([Problem(CONFIG, None, f"{FIELD}.contact.email", f"'{email}' är en platshållare; en "
                                    "publicering kräver en e-postadress som den som använder data kan skriva till")])
    return found


def catalogue(ctx: BuildContext) -> Graph:
    """The catalogue as an RDF graph: one dcat:Dataset per dataset, one dcat:Distribution per file; every IRI is
    made of validated settings (`from_settings`)."""
    settings: Mapping[str, Any] = ctx.settings
    open_data = from_settings(settings)
    g = Graph(bind_namespaces="core")
    g.bind("dcat", DCAT)
    g.bind("dct", DCTERMS)
    g.bind("foaf", FOAF)
    g.bind("vcard", VCARD)
    g.bind("dcatap", DCATAP)  # named: ElementTree refuses the ns1, ns2, … that rdflib would make up
    cat = URIRef(ctx.absolute(routes.CATALOGUE_RDF))
    publisher = _publisher(g, ctx, str(settings.get("municipality") or ""), open_data.publisher)
    contact = _contact(g, ctx, open_data.contact)
    license_url = _licence(g, open_data) if open_data.license_url else None
    places = [_typed(g, URIRef(p), DCTERMS.Location) for p in open_data.spatial]
    items = datasets(ctx)
    g.add((cat, RDF.type, DCAT.Catalog))
    g.add((cat, DCTERMS.title, Literal(str(settings.get("site_name") or ""), lang="sv")))
    g.add((cat, DCTERMS.description, Literal(
        f"Öppna data från {settings.get('site_name') or ''}: sammanträden och beslut, överenskommelser och "
        "finansiering.", lang="sv")))
    g.add((cat, DCTERMS.publisher, publisher))
    g.add((cat, FOAF.homepage, _typed(g, URIRef(ctx.absolute(routes.HOME)), FOAF.Document)))
    g.add((cat, DCTERMS.language, _typed(g, SWEDISH, DCTERMS.LinguisticSystem)))
    g.add((cat, DCAT.themeTaxonomy, THEMES))
    g.add((cat, DCTERMS.issued, Literal(_first(ctx), datatype=XSD.date)))
    g.add((cat, DCTERMS.modified, Literal(max(d.modified for d in items), datatype=XSD.date)))
    if license_url:
        g.add((cat, DCTERMS.license, license_url))
    for place in places:
        g.add((cat, DCTERMS.spatial, place))
    for d in items:
        g.add((cat, DCAT.dataset, _dataset(g, ctx, d, publisher, contact, license_url, places, open_data)))
    return g


def _typed(g: Graph, node: URIRef, cls: URIRef) -> URIRef:
    """`node`, stated to be of the class DCAT-AP gives the property that refers to it."""
    g.add((node, RDF.type, cls))
    return node


def _licence(g: Graph, open_data: OpenData) -> URIRef:
    """The licence's own URI: a Creative Commons deed page in a language (`…/zero/1.0/deed.sv`, which the
    page links for readers) names the licence `http://creativecommons.org/publicdomain/zero/1.0/`, the
    form DCAT-AP-SE's list of licences and dataportal.se recognise. Its name (dct:title) and ADMS licence type
    (dct:type) from the settings."""
    url = str(open_data.license_url)
    parts = urlsplit(url)
    if parts.hostname in ("creativecommons.org", "www.creativecommons.org"):
        path = parts.path.rsplit("/deed", 1)[0].rstrip("/") + "/"
        url = f"http://creativecommons.org{path}"
    node = _typed(g, URIRef(url), DCTERMS.LicenseDocument)
    if open_data.license:
        g.add((node, DCTERMS.title, Literal(open_data.license, lang="sv")))
    if open_data.license_type:
        g.add((node, DCTERMS.type, URIRef(f"{LICENCE_TYPES}{open_data.license_type}")))
    return node


def _first(ctx: BuildContext) -> dt.date:
    """When the catalogue was first published: the first commit of any record."""
    return min((ctx.span(doc.path).first.date() for doc in ctx.archive.sources.values()), default=ctx.today)


def _publisher(g: Graph, ctx: BuildContext, name: str, about: Publisher) -> URIRef:
    """The municipality as a foaf:Agent and foaf:Organization, typed with the ADMS publisher type; its
    organisation number (dct:identifier) when the settings give it, and its description (said from its name when
    they do not: a site for another municipality keeps no other's)."""
    agent = _id(ctx, "utgivare")
    g.add((agent, RDF.type, FOAF.Agent))
    g.add((agent, RDF.type, FOAF.Organization))
    g.add((agent, FOAF.name, Literal(name, lang="sv")))
    g.add((agent, DCTERMS.type, URIRef(f"{PUBLISHER_TYPES}{about.type}")))
    if about.identifier:
        g.add((agent, DCTERMS.identifier, Literal(about.identifier)))
    description = about.description or f"{name} publicerar beslut och överenskommelser som öppna data."
    g.add((agent, DCTERMS.description, Literal(description, lang="sv")))
    return agent


def _contact(g: Graph, ctx: BuildContext, contact: Contact) -> URIRef:
    node = _id(ctx, "kontakt")
    g.add((node, RDF.type, VCARD.Organization))
    g.add((node, RDF.type, VCARD.Kind))  # DCAT-AP's range of dcat:contactPoint (vcard:Organization's superclass)
    g.add((node, VCARD.fn, Literal(contact.name or ctx.settings.get("municipality") or "", lang="sv")))
    if contact.email:  # percent-encoded: an address may hold characters an IRI may not
        g.add((node, VCARD.hasEmail, URIRef(f"mailto:{quote(contact.email, safe='@+')}")))
    if contact.url:
        g.add((node, VCARD.hasURL, URIRef(contact.url)))
    if contact.phone:
        g.add((node, VCARD.hasTelephone, URIRef("tel:" + contact.phone.replace(" ", "").replace("-", ""))))
    if contact.address:
        address = _id(ctx, "adress")
        g.add((node, VCARD.hasAddress, address))
        g.add((address, RDF.type, VCARD.Address))
        g.add((address, VCARD["street-address"], Literal(contact.address.street)))
        g.add((address, VCARD["postal-code"], Literal(contact.address.postal_code)))
        g.add((address, VCARD.locality, Literal(contact.address.locality)))
    return node


def _id(ctx: BuildContext, name: str) -> URIRef:
    """A node of the catalogue named inside it (stable between builds, unlike blank nodes)."""
    return URIRef(f"{ctx.absolute(routes.CATALOGUE_RDF)}#{name}")


def _dataset(g: Graph, ctx: BuildContext, d: Dataset, publisher: URIRef, contact: URIRef,
             license_url: URIRef | None, places: list[URIRef], open_data: OpenData) -> URIRef:
    node = _id(ctx, f"datamangd/{d.distributions[0].route}")
    g.add((node, DCTERMS.issued, Literal(_first(ctx), datatype=XSD.date)))
    g.add((node, DCTERMS.accessRights, PUBLIC))
    for place in places:
        g.add((node, DCTERMS.spatial, place))
    for standard in sorted({STANDARDS[x.format] for x in d.distributions if x.format in STANDARDS}):
        g.add((node, DCTERMS.conformsTo, _typed(g, URIRef(standard), DCTERMS.Standard)))
    period = _period(_dates(ctx, d))
    if period:
        start, end = period
        time = _id(ctx, f"period/{d.distributions[0].route}")
        g.add((node, DCTERMS.temporal, time))
        g.add((time, RDF.type, DCTERMS.PeriodOfTime))
        g.add((time, DCAT.startDate, Literal(start, datatype=XSD.date)))
        if end:
            g.add((time, DCAT.endDate, Literal(end, datatype=XSD.date)))
    g.add((node, RDF.type, DCAT.Dataset))
    g.add((node, DCTERMS.title, Literal(d.title, lang="sv")))
    g.add((node, DCTERMS.description, Literal(d.description, lang="sv")))
    g.add((node, DCTERMS.publisher, publisher))
    g.add((node, DCAT.contactPoint, contact))
    g.add((node, DCTERMS.modified, Literal(d.modified, datatype=XSD.date)))
    g.add((node, DCTERMS.language, SWEDISH))
    g.add((node, DCAT.landingPage, _typed(g, URIRef(ctx.absolute(routes.OPEN_DATA)), FOAF.Document)))
    for word in d.keywords:
        g.add((node, DCAT.keyword, Literal(word, lang="sv")))
    for theme in d.themes:
        g.add((node, DCAT.theme, URIRef(f"{EU}data-theme/{theme}")))
    for x in d.distributions:
        g.add((node, DCAT.distribution, _distribution(g, ctx, x, license_url, open_data)))
    return node


def _dates(ctx: BuildContext, d: Dataset) -> Iterable[tuple[dt.date, dt.date | None]]:
    """(first, last) day of each record the dataset holds; last None for an agreement until further notice.
    The OParl interface holds every record; the agreement tables and files the agreements; a committee's
    calendar its meetings."""
    a = ctx.archive
    # a term without a stated start covers its end, as far as is known
    terms = [(first, x.term.last_day) for x in a.agreements.values() if x.term and (first := x.term.sort_day)]
    route = d.distributions[0].route
    if route == routes.OPARL_SYSTEM:
        return [*terms, *((dates.first_day(m.date), m.sort_day) for m in a.dated_meetings if m.date),
                *((r.date, r.date) for r in a.reports.values())]
    if d.distributions[0].format is ICS:  # the calendar holds only meetings with a day
        return [(m.day, m.day) for m in a.meetings if m.day and m.committee is not None
                and route == routes.calendar(a.committees[m.committee])]
    return terms


def _period(dates: Iterable[tuple[dt.date, dt.date | None]]) -> tuple[dt.date, dt.date | None] | None:
    """The period the records cover (dct:temporal): from the first day of the earliest to the last day of the
    latest; open-ended (no end) when a record runs until further notice; None without records."""
    found = list(dates)
    if not found:
        return None
    ends = [end for _, end in found]
    return min(start for start, _ in found), (None if None in ends else max(e for e in ends if e))


def _distribution(g: Graph, ctx: BuildContext, x: Distribution, license_url: URIRef | None,
                  open_data: OpenData) -> URIRef:
    node = _id(ctx, f"fil/{x.route}")
    url = URIRef(ctx.absolute(x.route))
    g.add((node, RDF.type, DCAT.Distribution))
    g.add((node, DCTERMS.title, Literal(x.title, lang="sv")))
    g.add((node, DCTERMS.description, Literal(x.description, lang="sv")))
    g.add((node, DCAT.accessURL, url))
    g.add((node, DCAT.downloadURL, url))
    file_type = URIRef(f"{EU}file-type/{x.format.eu_file_type}")
    g.add((node, DCTERMS.format, _typed(g, file_type, DCTERMS.MediaTypeOrExtent)))
    g.add((node, DCAT.mediaType, _typed(g, URIRef(f"{IANA}{x.format.media_type}"), DCTERMS.MediaType)))
    if license_url:
        g.add((node, DCTERMS.license, license_url))
    if open_data.availability:
        g.add((node, DCATAP.availability,
               URIRef(f"{EU}planned-availability/{open_data.availability}")))
    return node


def files(ctx: BuildContext) -> dict[str, str]:
    """The catalogue as RDF/XML and as Turtle, by site path."""
    g = catalogue(ctx)
    return {routes.CATALOGUE_RDF: rdf_xml(g), routes.CATALOGUE_TTL: g.serialize(format="turtle")}


def _rdf(name: str) -> str:
    return f"{{{RDF}}}{name}"


def rdf_xml(g: Graph) -> str:
    """RDF/XML with subjects and properties sorted: rdflib's own writer orders them by hash, so that two
    builds of one commit would differ."""
    def tag(uri: URIRef) -> str:
        prefix, namespace, local = g.compute_qname(uri)
        ElementTree.register_namespace(prefix, str(namespace))
        return f"{{{namespace}}}{local}"

    ElementTree.register_namespace("rdf", str(RDF))
    root = ElementTree.Element(_rdf("RDF"))
    for subject in sorted({s for s in g.subjects() if isinstance(s, URIRef)}):
        node = ElementTree.SubElement(root, _rdf("Description"), {_rdf("about"): str(subject)})
        for prop, value in sorted(g.predicate_objects(subject)):
            assert isinstance(prop, URIRef)
            element = ElementTree.SubElement(node, tag(prop))
            if isinstance(value, Literal):
                element.text = str(value)
                if value.language:
                    element.set(f"{{{XML}}}lang", value.language)
                elif value.datatype:
                    element.set(_rdf("datatype"), str(value.datatype))
            else:
                element.set(_rdf("resource"), str(value))
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
