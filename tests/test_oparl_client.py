"""The OParl endpoint read as a client reads it (issue 12): from system.json, every list, every page, every
object by its id, and the fields a client files objects by (Meine Stadt Transparent's importer needs a
meeting's `start`, a paper's `date`, an agenda item's `number` and `meeting`, `created`/`modified`).

Also what Meine Stadt Transparent 0.2.14 showed when it imported a build (see docs/open-data.md): it names a File
without `fileName` after its `name` plus '.pdf'. A meeting without a stated time has no `start` (a date-time in
OParl; no time is invented) and carries its date in `namndbeslut:date` (issue 26).

Run on the seeds' site and on a synthetic archive of the benchmark's small size with one agreement
with several partners.
"""

from __future__ import annotations

import datetime as dt
import json
import mimetypes
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from namndbeslut import dates
from support.oparl import OPARL, validator
from support.project import ROOT, link_engine
from support.site import SITE_URL, BuiltSite, build

sys.path.insert(0, str(ROOT / "bench"))
import synthetic  # noqa: E402  (bench/ is no package)

Obj = dict[str, Any]
LISTS = ("organization", "person", "meeting", "paper", "agendaItem", "consultation", "file")
TIME_STATED = "namndbeslut:timeStated"
DATE = "namndbeslut:date"


class Client:
    """Fetches URLs of the endpoint from the built site, as an HTTP client would get them."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.fetched = 0

    def get(self, url: str) -> Obj:
        assert url.startswith(SITE_URL), url
        self.fetched += 1
        path = self.site / url[len(SITE_URL):]
        assert path.is_file(), f"{url} does not resolve"
        value = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(value, dict)
        return value

    def pages(self, url: str) -> list[Obj]:
        """Every object of a paginated list, following `links.next` from the first page."""
        items: list[Obj] = []
        page: str | None = url
        number = 0
        while page:
            data = self.get(page)
            number += 1
            assert data["pagination"]["currentPage"] == number and data["links"]["self"] == page
            items += data["data"]
            page = data["links"].get("next")
        assert data["pagination"]["totalPages"] == number and data["pagination"]["totalElements"] == len(items)
        return items


def walk(site: Path) -> dict[str, Obj]:
    """Every object the endpoint lists, by id, each fetched again by its id (what a client stores)."""
    client = Client(site)
    system = client.get(SITE_URL + "oparl/system.json")
    objects: dict[str, Obj] = {system["id"]: system}
    for listed_body in client.pages(system["body"]):
        body = client.get(listed_body["id"])
        objects[body["id"]] = body
        for key in LISTS:
            for item in client.pages(body[key]):
                fetched = client.get(item["id"])
                assert fetched == item, f"{item['id']}: the list and the object differ"
                objects[item["id"]] = fetched
    for obj in list(objects.values()):  # embedded objects (locations) are objects by id too
        if isinstance(obj.get("location"), dict):
            objects[obj["location"]["id"]] = client.get(obj["location"]["id"])
    return objects


def by_type(objects: dict[str, Obj], name: str) -> list[Obj]:
    return [o for o in objects.values() if o["type"] == OPARL + name]


def _at(value: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(value)
    assert when.tzinfo is not None, value
    return when


def check_client_fields(objects: dict[str, Obj]) -> None:
    """What a client files objects by, on every object of the walk."""
    for obj in objects.values():
        validator(obj["type"][len(OPARL):]).validate(obj)
        assert _at(obj["created"]) <= _at(obj["modified"]), obj["id"]
    meetings = by_type(objects, "Meeting")
    assert meetings
    for m in meetings:
        if not m[TIME_STATED]:  # no time invented: no `start`, the date at its precision in our own field
            assert "start" not in m and "end" not in m, m["id"]
            assert m[DATE] in m["id"], m["id"]
            continue
        start = _at(m["start"]).astimezone(dates.TIMEZONE)
        assert start.date().isoformat() in m["id"]  # the meeting's date, in Stockholm
        numbers = [item["number"] for item in m.get("agendaItem", []) if "number" in item]  # only as given
        assert all(numbers) and len(set(numbers)) == len(numbers), m["id"]
    for item in by_type(objects, "AgendaItem"):
        assert item["order"] >= 1 and objects[item["meeting"]]["type"] == OPARL + "Meeting"
        assert item["id"] in [i["id"] for i in objects[item["meeting"]]["agendaItem"]]
        if "consultation" in item:
            assert objects[item["consultation"]]["agendaItem"] == item["id"]
    for paper in by_type(objects, "Paper"):
        dt.date.fromisoformat(paper["date"])
    check_files(objects)
    reachable = {item["consultation"] for item in by_type(objects, "AgendaItem") if "consultation" in item}
    reachable |= {c["id"] for p in by_type(objects, "Paper") for c in p.get("consultation", [])}
    assert reachable == {c["id"] for c in by_type(objects, "Consultation")}


def check_files(objects: dict[str, Obj]) -> None:
    """Every File has a `fileName` (else MST invents '<name>.pdf'), one per file, whose suffix agrees with
    `mimeType`; a file of our own build is named as its URL is."""
    files = by_type(objects, "File")
    assert len({f["fileName"] for f in files}) == len(files)
    for f in files:
        if "mimeType" in f:
            assert mimetypes.MimeTypes().guess_type(f["fileName"])[0] == f["mimeType"], f["id"]
        if f["accessUrl"].startswith(SITE_URL):
            assert f["accessUrl"].endswith("/" + f["fileName"]), f["id"]


def check_partners(objects: dict[str, Obj]) -> list[Obj]:
    """Each agreement names its partners where a client finds them without taking them for its authors or the
    office that leads it: `namndbeslut:counterparties`, and by name in `keyword`; `underDirectionOf` holds public
    bodies only, and no paper has an `originatorOrganization`."""
    agreements = [p for p in by_type(objects, "Paper") if p["paperType"] == "Överenskommelse"]
    assert agreements
    for paper in agreements:
        partners = [objects[url] for url in paper["namndbeslut:counterparties"]]
        assert partners and all(p["classification"] == "Avtalspart" for p in partners)
        assert "originatorOrganization" not in paper
        assert all(objects[url]["classification"] != "Avtalspart" for url in paper.get("underDirectionOf", []))
        assert paper["keyword"] == [p["name"] for p in partners]
    return agreements


def _git_time(path: str, *args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), "log", *args, "--format=%cI", "--", path],
                          capture_output=True, text=True, check=True).stdout.split()[0]


def test_client_walk_on_the_seeds(site: BuiltSite) -> None:
    objects = walk(site.path)
    check_client_fields(objects)
    check_partners(objects)
    meeting = objects[SITE_URL + "oparl/meeting/2021-06-09-socialnamnden.json"]
    assert "start" not in meeting and meeting[DATE] == "2021-06-09" and meeting[TIME_STATED] is False
    assert "tid anges inte" in site.text("sammantraden/2021-06-09-socialnamnden/")
    assert "12.00" not in site.text("sammantraden/2021-06-09-socialnamnden/")
    papers = {p["web"][len(SITE_URL):]: p for p in by_type(objects, "Paper")}
    assert papers["overenskommelser/vanskapens-hus-2021-2023/"]["date"] == "2021-06-01"  # its own date
    assert papers["overenskommelser/kvinnojouren-lund-2018-2020/"]["date"] == "2017-08-23"  # adopted_by's date
    source = "decisions/2021-06-09-socialnamnden.md"
    try:
        last, first = _git_time(source, "-1"), _git_time(source, "--reverse")
    except (subprocess.CalledProcessError, IndexError, OSError):
        pytest.skip("the project is not a git checkout")
    assert (meeting["created"], meeting["modified"]) == (first, last)


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark's small archive, plus one agreement with three partners and one meeting whose minutes are a
    PDF (the others link a page); outside git."""
    root = tmp_path_factory.mktemp("synthetic")
    synthetic.write(synthetic.SIZES["small"], root)
    first = next(p for p in sorted((root / "decisions").glob("*.md")) if "minutes_url:" in p.read_text("utf-8"))
    first.write_text(re.sub(r"(minutes_url: .*/)(.*)", r"\1Protokoll%20\2.pdf", first.read_text("utf-8"), count=1),
                     encoding="utf-8")
    shutil.copytree(ROOT / "content", root / "content")  # the hand-written pages, as the benchmark does
    partners = sorted(p.stem for p in (root / "partners").glob("*.md"))[:3]
    (root / "agreements" / "samverkan-tre-parter.md").write_text(
        "---\ntitle: Överenskommelse med tre föreningar\npartners: [" + ", ".join(partners) + "]\n"
        "public_party: Socialförvaltningen\nsigned: 2023-02-01\nterm: anges inte\n---\n\nTre parter.\n",
        encoding="utf-8")
    link_engine(root)
    dest = root / "site"
    result = build(dest, synthetic.BUILD_DATE, root)
    assert result.returncode == 0, result.stderr
    return dest


def test_client_walk_on_a_synthetic_archive(synthetic_site: Path) -> None:
    objects = walk(synthetic_site)
    check_client_fields(objects)
    agreements = check_partners(objects)
    assert Counter(o["type"][len(OPARL):] for o in objects.values())["Meeting"] >= synthetic.SIZES["small"].meetings
    several = [p for p in agreements if len(p["namndbeslut:counterparties"]) == 3]
    assert len(several) == 1 and several[0]["date"] == "2023-02-01"
    # Outside git every file is published by this build: created/modified are the build date at 00:00 in
    # Stockholm, never a date the record states (pagedates.py).
    built = dt.datetime.combine(dt.date.fromisoformat(synthetic.BUILD_DATE), dt.time(), dates.TIMEZONE)
    assert several[0]["created"] == several[0]["modified"] == built.isoformat()
    assert {(o["created"], o["modified"]) for o in objects.values() if "created" in o} == {(built.isoformat(),) * 2}
    minutes = [m["resultsProtocol"] for m in by_type(objects, "Meeting") if "resultsProtocol" in m]
    pdf = [f for f in minutes if f["accessUrl"].endswith(".pdf")]
    assert len(pdf) == 1 and pdf[0]["mimeType"] == "application/pdf"
    assert re.fullmatch(r"Protokoll \d{4}-\d\d-\d\d\.pdf", pdf[0]["fileName"])  # the URL's name, decoded
    assert len(minutes) > 1 and all("mimeType" not in f for f in minutes if f not in pdf)  # a page: type unknown
