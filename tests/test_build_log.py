"""The build log an editor reads: a few lines, what was held back, and what was published."""

from __future__ import annotations

from pathlib import Path

from support.project import project_copy
from support.site import build


def _log(tmp_path: Path, build_date: str) -> list[str]:
    result = build(tmp_path / "site", build_date)
    assert result.returncode == 0, result.stderr
    return [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]


def test_a_build_of_the_seeds_prints_a_few_lines_and_a_summary(tmp_path: Path) -> None:
    lines = _log(tmp_path, "2022-06-01")
    assert len(lines) <= 5, lines
    pages = sum(1 for _ in (tmp_path / "site").rglob("*.html"))
    summary = ("Publicerat: 3 sammanträden, 4 överenskommelser, 3 partner, 1 tjänsteskrivelse, 1 organ; "
               f"{pages} sidor och ")
    assert any(summary in line for line in lines), lines


def test_a_meeting_after_the_build_date_is_named_in_the_log(tmp_path: Path) -> None:
    lines = _log(tmp_path, "2021-03-01")
    held_back = [line for line in lines if "2021-06-09-socialnamnden.md" in line]
    assert held_back and "date" in held_back[0], lines
    assert any("Publicerat: 2 sammanträden," in line for line in lines), lines


def test_a_page_left_out_of_nav_is_named_in_swedish_with_what_to_do(tmp_path: Path) -> None:
    """A hand-written page missing from `nav:` got the engine's English line and no link (issue 26): the log says in
    Swedish, on one line, that the menu does not link to it and how to add it; the strict build still passes."""
    project = project_copy(tmp_path / "project")
    (project / "content" / "iop-kriterier.md").write_text("# Kriterier för IOP\n\nKommunens kriterier.\n",
                                                          encoding="utf-8")
    result = build(tmp_path / "site", "2022-06-01", project)
    assert result.returncode == 0, result.stderr
    log = result.stdout + result.stderr
    assert "The following pages" not in log and '"nav"' not in log, log
    [line] = [line for line in log.splitlines() if "iop-kriterier.md" in line]
    assert line.endswith("content/iop-kriterier.md: sidan finns inte under nav: i mkdocs.yml, så menyn länkar inte "
                         "till den; lägg till en rad där, t.ex. '  - Iop kriterier: iop-kriterier.md', eller länka "
                         "till den från en annan sida i content/, t.ex. [Iop kriterier](iop-kriterier.md) "
                         "(REDAKTORSGUIDE.md, Egna sidor)"), line
    assert (tmp_path / "site" / "iop-kriterier" / "index.html").is_file()
