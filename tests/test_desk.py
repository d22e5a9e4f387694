"""The editors' desk's configuration is the model's (desk.py); its local backend writes only content."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from namndbeslut import desk, kinds, patterns, scaffold, schema
from support.project import project_copy

SLUG_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$"


def _slug_fields(part: dict[str, Any], root: dict[str, Any], model: str) -> set[tuple[str, str]]:
    """(model, field) of every property of `part` holding an id or a list of ids, nested models included."""
    found = set()
    for name, prop in part.get("properties", {}).items():
        options = [*prop.get("anyOf", []), prop, prop.get("items", {})]
        if any(o.get("pattern") == SLUG_PATTERN for o in options):
            found.add((model, name))
        for option in [*options, *(o.get("items", {}) for o in options)]:
            if "$ref" in option:
                name_ = option["$ref"].rsplit("/", 1)[1]
                found |= _slug_fields(root["$defs"][name_], root, name_)
    return found


def test_every_reference_field_of_the_model_lists_records() -> None:
    """A new id field in model.py fails here until desk.REFERENCES says which records it names."""
    fields: set[tuple[str, str]] = set()
    for kind in kinds.KINDS:
        front = schema.front_matter_schema(kind.folder)
        fields |= _slug_fields(front, front, kind.model.__name__)
    own_ids = {("Matter", "id")}
    assert fields - own_ids - desk.MATTER_REFERENCES == set(desk.REFERENCES)


def _fields(collection: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in collection["fields"]}


def test_a_collection_per_kind_in_swedish_with_the_models_rules() -> None:
    settings = desk.local_config("http://127.0.0.1:8000")
    assert settings["locale"] == "sv"
    by_folder = {c["folder"]: c for c in settings["collections"]}
    assert set(by_folder) == set(kinds.FOLDERS)
    assert [c["label"] for c in settings["collections"]] == [
        "Sammanträden", "Överenskommelser", "Partner", "Nämnder och styrelser", "Tjänsteskrivelser"]
    for kind in kinds.KINDS:
        front = schema.front_matter_schema(kind.folder)
        fields = _fields(by_folder[kind.folder])
        assert set(fields) == {*front["properties"], "body"}, kind.name
        for name in front["properties"]:
            assert fields[name]["required"] is (name in front.get("required", [])), (kind.name, name)
    meeting = _fields(by_folder["decisions"])
    assert meeting["committee"]["widget"] == "relation" and meeting["committee"]["collection"] == "committees"
    assert meeting["date"]["widget"] == "string", "a day, a month or a year: the precision the model allows"
    assert meeting["date"]["pattern"][0] == r"^(?:\d{4}-\d{2}-\d{2}|(?:[0-9]{4}-(0[1-9]|1[0-2]))|\d{4}|anges inte)$"
    matters = _fields(meeting["matters"])
    for public in (meeting["public"], matters["public"]):  # yes, no, or not stated: never false by default
        assert (public["widget"], "default" in public) == ("select", False)
        assert [o["value"] for o in public["options"]] == ["true", "false"]
    assert meeting["matters"]["widget"] == "list" and "title" not in matters and "body" not in matters
    assert matters["adopts"] == {**matters["adopts"], "widget": "relation", "collection": "agreements",
                                 "multiple": True, "display_fields": ["title"]}
    assert [o["value"] for o in matters["kind"]["options"]] == [
        "beslut", "information", "val", "anmälan", "bordlagt", "återremitterat", "förslag", "interpellation",
        "utgår", "fråga", "debatt", "anges inte"]
    assert matters["amount"]["widget"] == "number", "a sum in the form; qualifiers and further sums in the file"
    assert matters["public"]["name"] == "public", "each field its own widget (a shared one took the last name)"
    steps = _fields(matters["steps"])
    assert (steps["agreement"]["collection"], steps["to"]["collection"]) == ("agreements", "committees")
    assert [o["value"] for o in steps["action"]["options"]] == ["föreslår", "uppdrag att teckna",
                                                                 "uppdrag att godkänna", "antar", "ansluter sig",
                                                                 "ändrar",
                                                                 "förlänger", "säger upp", "återremitterar",
                                                                 "yttrar sig", "anges inte"]
    assert steps["refers_to"]["widget"] == "string", "a matter's id: matters have no collection of their own"
    agreement = _fields(by_folder["agreements"])
    assert agreement["partner"]["display_fields"] == ["name"]
    assert agreement["case_number"]["pattern"][0] == patterns.CASE_NUMBER
    term = _fields(agreement["term"])
    month = r"(?:[0-9]{4}-(0[1-9]|1[0-2]))"
    assert term["start"]["pattern"][0] == rf"^(?:\d{{4}}-\d{{2}}-\d{{2}}|{month}|\d{{4}}|anges inte)$"
    assert term["end"]["pattern"][0] == rf"^(?:\d{{4}}-\d{{2}}-\d{{2}}|{month}|\d{{4}}|tills vidare|anges inte)$"
    funding = _fields(agreement["funding"])
    assert funding["year"] == {**funding["year"], "widget": "number", "value_type": "int", "min": 1900, "max": 2200}
    assert list(_fields(by_folder["partners"]))[-2:] == ["reviewed_numbers", "body"], "common fields last"


def test_hints_come_from_the_scaffolds() -> None:
    notes = desk.hints(kinds.AGREEMENT)
    assert notes[("funding", "amount")].startswith("t.ex. 250000")
    assert notes[("kind",)].endswith("eller anges inte om källan inte säger vilket slags avtal"), (
        "a comment continued on the next line")
    assert notes[("term", "start")] == "t.ex. 2024-01-01, 2024-03 (mars 2024), eller 2024"


@pytest.mark.parametrize("name", ["Vänskapens hus", "Föreningen Ny Start i Lund", "RSMH Lund – Vågen"])
def test_a_new_records_file_name_is_the_scaffolds(name: str) -> None:
    assert desk.expected_id(kinds.PARTNER, {"name": name}) == scaffold.slug(name)
    assert desk.expected_id(kinds.MEETING, {"date": "2024-05-15", "committee": "socialnamnden"}) == \
        "2024-05-15-socialnamnden"
    assert desk.expected_id(kinds.AGREEMENT, {"partner": "rsmh", "term": {"start": "2024-01-01", "end": 2026}}) == \
        "rsmh-2024-2026"


def test_production_uses_the_editorial_workflow_on_github(tmp_path: Path) -> None:
    settings = desk.github_config("lund/namndbeslut", "main", "https://auth.example.org")
    assert settings["publish_mode"] == "editorial_workflow"
    assert settings["backend"] == {"name": "github", "repo": "lund/namndbeslut", "branch": "main",
                                   "base_url": "https://auth.example.org"}
    assert "local_backend" not in settings
    desk.build(tmp_path / "desk", Path.cwd(), settings)
    written = yaml.safe_load((tmp_path / "desk" / "config.yml").read_text(encoding="utf-8"))
    assert written == settings
    assert (tmp_path / "desk" / "decap-cms.js").stat().st_size > 1_000_000, "the vendored bundle, not a CDN"
    assert "https://" not in (tmp_path / "desk" / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def backend(tmp_path: Path) -> desk.LocalBackend:
    return desk.LocalBackend(project_copy(tmp_path / "project"))


def _post(backend: desk.LocalBackend, request: dict[str, Any]) -> tuple[int, Any]:
    status, body = desk.post(backend, json.dumps(request).encode())
    return status, json.loads(body)


def test_the_local_backend_lists_reads_and_writes_records(backend: desk.LocalBackend) -> None:
    status, entries = _post(backend, {"action": "entriesByFolder", "params": {"folder": "partners"}})
    assert status == 200 and "partners/vanskapens-hus.md" in [e["file"]["path"] for e in entries]
    raw = "---\nname: Ny partner\n---\nText.\n"
    status, _ = _post(backend, {"action": "persistEntry", "params": {
        "dataFiles": [{"path": "partners/ny-partner.md", "raw": raw}], "assets": []}})
    assert status == 200 and (backend.root / "partners" / "ny-partner.md").read_text(encoding="utf-8") == raw
    status, entry = _post(backend, {"action": "getEntry", "params": {"path": "partners/ny-partner.md"}})
    assert entry["data"] == raw


@pytest.mark.parametrize("path", ["mkdocs.yml", "hooks/namndbeslut/desk.py", "partners/../mkdocs.yml",
                                  "partners/Ny Partner.md", "site_src/x.md", "/etc/passwd", "partners/a/b.md"])
def test_the_local_backend_writes_nothing_but_content(backend: desk.LocalBackend, path: str) -> None:
    status, answer = _post(backend, {"action": "persistEntry", "params": {
        "dataFiles": [{"path": path, "raw": "x"}], "assets": []}})
    assert status == 422 and "filnamn" in answer["error"]
    assert not (backend.root / "x").exists()
    assert (backend.root / "mkdocs.yml").read_text(encoding="utf-8") != "x"


def test_uploads_land_in_content(backend: desk.LocalBackend) -> None:
    status, file = _post(backend, {"action": "persistMedia", "params": {"asset": {
        "path": "content/filer/bilaga.pdf", "content": "JVBERi0=", "encoding": "base64"}}})
    assert status == 200 and (backend.root / "content" / "filer" / "bilaga.pdf").read_bytes() == b"%PDF-"
    status, _ = _post(backend, {"action": "persistMedia", "params": {"asset": {
        "path": "site_src/evil.js", "content": "", "encoding": "base64"}}})
    assert status == 422 and not (backend.root / "site_src" / "evil.js").exists()


def test_an_optional_group_asks_for_nothing_until_it_is_filled_in() -> None:
    """A group of fields the record may leave out (a status the source states: its word and its date) requires
    neither of them in the form: Decap otherwise refused to save every new agreement (the model checks the group once
    it is written)."""
    by_folder = {c["folder"]: c for c in desk.local_config("http://127.0.0.1:8000")["collections"]}
    for folder, collection in by_folder.items():
        for name, field in _fields(collection).items():
            if field["widget"] == "object" and not field["required"]:
                assert not [f["name"] for f in field["fields"] if f["required"]], (folder, name)
    assert _fields(by_folder["agreements"])["stated_status"]["widget"] == "object"
