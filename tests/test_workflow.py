"""The scheduled build's workflow is a valid GitHub workflow and does what the README says it does."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from support.project import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
PUBLISH = ROOT / ".github" / "workflows" / "publish.yml"


def check_jsonschema(path: Path) -> subprocess.CompletedProcess[str]:
    """Validate against the GitHub workflow schema vendored in check-jsonschema (no network)."""
    exe = Path(sys.executable).parent / "check-jsonschema"
    return subprocess.run([str(exe), "--builtin-schema", "vendor.github-workflows", str(path)],
                          capture_output=True, text=True, check=False)


def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(PUBLISH.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = job["steps"]
    return found


def test_every_workflow_validates_against_the_github_schema() -> None:
    assert PUBLISH in WORKFLOWS
    for path in WORKFLOWS:
        result = check_jsonschema(path)
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(PUBLISH.read_text(encoding="utf-8").replace("runs-on:", "runs_on:"), encoding="utf-8")
    assert check_jsonschema(broken).returncode != 0


def test_runs_every_night_at_three_swedish_time_on_push_and_by_hand() -> None:
    on = workflow()["on"]
    minute, hour, *rest = on["schedule"][0]["cron"].split()
    assert rest == ["*", "*", "*"]

    def at(day: dt.date) -> dt.datetime:
        utc = dt.datetime.combine(day, dt.time(int(hour), int(minute)), dt.UTC)
        return utc.astimezone(ZoneInfo("Europe/Stockholm"))

    assert at(dt.date(2025, 1, 15)).time() == dt.time(3, 0)  # winter, CET
    assert at(dt.date(2025, 7, 15)).time() == dt.time(4, 0)  # summer, CEST: an hour later, never earlier
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on


def test_builds_from_full_history_tests_first_and_uploads_site() -> None:
    build = workflow()["jobs"]["build"]
    checkout = next(s for s in steps(build) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    runs = [s.get("run", "") for s in steps(build)]
    commands = "\n".join(runs)
    assert "apt-get install" in commands and "chromium" in commands
    order = [next(i for i, r in enumerate(runs) if cmd in r) for cmd in ("make test", "make publish")]
    assert order == sorted(order)
    publish = next(s for s in steps(build) if "make publish" in s.get("run", ""))
    assert publish["env"]["SITE_URL"] == "${{ vars.SITE_URL }}", "the real address is a repository variable"
    test = next(s for s in steps(build) if "make test" in s.get("run", ""))
    assert "PUBLISH" not in {**build.get("env", {}), **test.get("env", {})}, "the tests' builds are local builds"
    upload = next(s for s in steps(build) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    assert any(s.get("uses", "").startswith("actions/configure-pages@") for s in steps(build))


def test_deploys_with_the_official_pages_action_one_at_a_time() -> None:
    data = workflow()
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps(deploy))
    assert data["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_steps_that_may_print_content_run_with_workflow_commands_stopped(tmp_path: Path) -> None:
    runs = [s.get("run", "") for s in steps(workflow()["jobs"]["build"])]
    wrapped = [r for r in runs if r.startswith("sh .github/without-commands.sh ")]
    assert [r.split()[-1] for r in wrapped] == ["test", "publish"]
    assert "make check" in runs, "make check stops commands itself (check.py) and prints annotations"
    hostile = "printf '::add-mask::hemligt\\n::set-env name=X::y\\n'; exit 3"
    result = subprocess.run(["sh", str(ROOT / ".github" / "without-commands.sh"), "sh", "-c", hostile],
                            capture_output=True, text=True, check=False, cwd=tmp_path)
    stop, *printed, resume = result.stdout.splitlines()
    assert result.returncode == 3 and printed == ["::add-mask::hemligt", "::set-env name=X::y"]
    token = stop.removeprefix("::stop-commands::")
    assert len(token) == 32 and resume == f"::{token}::"
