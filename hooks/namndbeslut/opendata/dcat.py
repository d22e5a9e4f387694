"""The DCAT-AP-SE catalogue (DCAT-AP 2.x) of the datasets, for Sweden's data portal (dataportal.se) to harvest.

Made from the same list the "Öppna data" page shows (datasets.py). Publisher: the municipality
(`municipality`); contact point: `open_data.contact` (name, and email or url) in the settings.

The resources the catalogue refers to carry the class DCAT-AP gives their property (a licence is a
dct:LicenseDocument, a format a dct:MediaTypeOrExtent, ...), which DCAT-AP 2.1.1's SHACL range shapes
check; not the concepts of the EU and ADMS vocabularies (themes, publisher type), whose own files
define them with the labels a skos:Concept must have.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlsplit
from xml.etree import ElementTree

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from .. import messages, routes
from ..context import BuildContext
from ..errors import ContentError, Problem
from ..model import LINE, Email, Text
from .datasets import Dataset, Distribution, datasets

XML = "http://www.w3.org/XML/1998/namespace"
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
THEMES = URIRef(f"{EU}data-theme")
SWEDISH = URIRef(f"{EU}language/SWE")
PUBLIC_AUTHORITY = URIRef("http://purl.org/adms/publishertype/LocalAuthority")
IANA = "https://www.iana.org/assignments/media-types/"
"""IANA's media types (DCAT-AP's SHACL accepts http or https)."""


IRI = r"^https://[^\s<>\"'{}|\\^`]+$"
"""A web address the catalogue names as an IRI: https, and none of the characters an IRI may not hold (a space, a
quote, < > { } | \\ ^ `), which rdflib would write into the catalogue and then fail on."""
Iri = Annotated[str, StringConstraints(strip_whitespace=True, pattern=IRI), LINE]
CONFIG = Path("mkdocs.yml")
FIELD = "extra.open_data"


class Contact(BaseModel):
    """The catalogue's contact point: a name, and an e-mail address and/or a web address."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: Text | None = None
    email: Email | None = None
    url: Iri | None = None


class OpenData(BaseModel):
    """The open data settings (`extra.open_data`): the licence, and the catalogue's contact point."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    license: Text | None = None
    license_url: Iri | None = None
    contact: Contact = Contact()


def from_settings(settings: Mapping[str, Any]) -> OpenData:
    """The open data settings, validated where they are read; a mistake stops the build naming the setting."""
    try:
        return OpenData.model_validate(settings.get("open_data") or {})
    except ValidationError as err:
        raise ContentError([Problem(CONFIG, None, ".".join(map(str, (FIELD, *e["loc"]))), messages.describe(dict(e)))
                            for e in err.errors()]) from None


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
    cat = URIRef(ctx.absolute(routes.CATALOGUE_RDF))
    publisher = _publisher(g, ctx, str(settings.get("municipality") or ""))
    contact = _contact(g, ctx, open_data.contact)
    license_url = _licence(g, open_data.license_url) if open_data.license_url else None
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
    for d in items:
        g.add((cat, DCAT.dataset, _dataset(g, ctx, d, publisher, contact, license_url)))
    return g


def _typed(g: Graph, node: URIRef, cls: URIRef) -> URIRef:
    """`node`, stated to be of the class DCAT-AP gives the property that refers to it."""
    g.add((node, RDF.type, cls))
    return node


def _licence(g: Graph, url: str) -> URIRef:
    """The licence's own URI: a Creative Commons deed page in a language (`…/zero/1.0/deed.sv`, which the
    page links for readers) names the licence `http://creativecommons.org/publicdomain/zero/1.0/`, the
    form DCAT-AP-SE's list of licences and dataportal.se recognise."""
    parts = urlsplit(url)
    if parts.hostname in ("creativecommons.org", "www.creativecommons.org"):
        path = parts.path.rsplit("/deed", 1)[0].rstrip("/") + "/"
        url = f"http://creativecommons.org{path}"
    return _typed(g, URIRef(url), DCTERMS.LicenseDocument)


def _first(ctx: BuildContext) -> dt.date:
    """When the catalogue was first published: the first commit of any record."""
    return min((ctx.span(doc.path).first.date() for doc in ctx.archive.sources.values()), default=ctx.today)


def _publisher(g: Graph, ctx: BuildContext, name: str) -> URIRef:
    agent = _id(ctx, "utgivare")
    g.add((agent, RDF.type, FOAF.Agent))
    g.add((agent, FOAF.name, Literal(name, lang="sv")))
    g.add((agent, DCTERMS.type, PUBLIC_AUTHORITY))
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
    return node


def _id(ctx: BuildContext, name: str) -> URIRef:
    """A node of the catalogue named inside it (stable between builds, unlike blank nodes)."""
    return URIRef(f"{ctx.absolute(routes.CATALOGUE_RDF)}#{name}")


def _dataset(g: Graph, ctx: BuildContext, d: Dataset, publisher: URIRef, contact: URIRef,
             license_url: URIRef | None) -> URIRef:
    node = _id(ctx, f"datamangd/{d.distributions[0].route}")
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
        g.add((node, DCAT.distribution, _distribution(g, ctx, x, license_url)))
    return node


def _distribution(g: Graph, ctx: BuildContext, x: Distribution, license_url: URIRef | None) -> URIRef:
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
