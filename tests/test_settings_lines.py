"""A wrong site setting names mkdocs.yml and the line it is written on, as a content problem names its file and
line (frontmatter.in_settings, the front matter's line index over the whole file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from namndbeslut import check, frontmatter
from namndbeslut.errors import Problem
from namndbeslut_mkdocs import build_problems
from support.project import write_case

SETTINGS = """\
site_name: Beslut
extra:
  municipality: Lunds kommun
  open_data:
    spatial:
      - http://sws.geonames.org/2693678/
  furniture:
    stale_after_months: 0
"""


def test_each_setting_has_its_line() -> None:
    lines = frontmatter.settings_lines(SETTINGS)
    assert (lines[("site_name",)], lines[("extra", "municipality")], lines[("extra", "open_data", "spatial", 0)],
            lines[("extra", "furniture", "stale_after_months")]) == (1, 3, 6, 8)
    assert frontmatter.settings_lines("extra: [") == {}


@pytest.mark.parametrize(("field", "line"), [
    ("extra.furniture.stale_after_months", 8),
    ("extra.open_data.spatial.0", 6),
    ("extra.accessibility.email", 2),  # not written: the line of its deepest key that is, where it goes
    ("SITE_URL", None),  # the environment's, not the file's
])
def test_a_setting_problem_gets_the_line_of_its_setting(field: str, line: int | None, tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(SETTINGS, encoding="utf-8")
    record = Problem(Path("decisions/x.md"), None, "date", "fel")
    found = frontmatter.in_settings([Problem(Path("mkdocs.yml"), None, field, "fel"), record], tmp_path)
    assert found == [Problem(Path("mkdocs.yml"), line, field, "fel"), record]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("    stale_after_months: 6", "    stale_after_months: 0",
     "mkdocs.yml:88: extra.furniture.stale_after_months: "),
    ("  municipality: Lunds kommun\n", "",
     "mkdocs.yml:61: extra.municipality: kommunens namn saknas"),
    ("    availability: STABLE", "    availability: ALWAYS",
     "mkdocs.yml:85: extra.open_data.availability: "),
])
def test_make_check_names_the_line_of_a_wrong_setting(old: str, new: str, expected: str, tmp_path: Path) -> None:
    root = write_case(tmp_path, {"case": "setting"})
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert old in text
    (root / "mkdocs.yml").write_text(text.replace(old, new), encoding="utf-8")
    found = [str(p) for p in check.problems(root, build_problems)]
    assert [p for p in found if p.startswith(expected)] != [], found
