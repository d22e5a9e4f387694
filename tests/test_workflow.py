"""The scheduled build's workflow is a valid GitHub workflow and does what docs/build-and-deployment.md says it does."""

from __future__ import annotations

import datetime as dt
import re
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


def test_tests_run_on_every_push_and_pull_request_with_the_browser() -> None:
    test = workflow()["jobs"]["test"]
    assert test["if"] == "github.event_name != 'schedule'", "the nightly run only rebuilds a tested commit"
    checkout = next(s for s in steps(test) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    commands = "\n".join(s.get("run", "") for s in steps(test))
    assert "apt-get install" in commands and "chromium" in commands and "make test" in commands
    step = next(s for s in steps(test) if "make test" in s.get("run", ""))
    assert "PUBLISH" not in {**test.get("env", {}), **step.get("env", {})}, "the tests' builds are local builds"


def test_build_checks_first_installs_only_the_build_and_uploads_site() -> None:
    build = workflow()["jobs"]["build"]
    checkout = next(s for s in steps(build) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    runs = [s.get("run", "") for s in steps(build)]
    commands = "\n".join(runs)
    order = [next(i for i, r in enumerate(runs) if cmd in r) for cmd in ("make check", "make publish")]
    assert order == sorted(order)
    # only the build's requirements: no test target, no browser, no package installed beside the Makefile's
    assert re.findall(r"make (\w+)", commands) == ["check", "publish"]
    assert "apt-get" not in commands and "pip" not in commands and "npm" not in commands
    publish = next(s for s in steps(build) if "make publish" in s.get("run", ""))
    assert publish["env"]["SITE_URL"] == "${{ vars.SITE_URL }}", "the real address is a repository variable"
    upload = next(s for s in steps(build) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    assert any(s.get("uses", "").startswith("actions/configure-pages@") for s in steps(build))


def test_deploys_with_the_official_pages_action_one_at_a_time() -> None:
    data = workflow()
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == ["test", "build"]
    condition = " ".join(deploy["if"].split())
    for part in ("!cancelled()", "github.ref == 'refs/heads/main'", "needs.build.result == 'success'",
                 "(needs.test.result == 'success' || needs.test.result == 'skipped')"):
        assert part in condition, part
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps(deploy))
    assert data["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_actions_pinned_by_commit_with_least_permissions() -> None:
    """Every action by its full commit SHA, the release named in a comment; read-only by default, and each job
    granted only what it uses (the token of the test and build jobs can only read)."""
    text = PUBLISH.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)(.*)", text)
    assert len(uses) == 6
    for action, comment in uses:
        assert re.fullmatch(r"actions/[\w-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), (action, comment)
    data = workflow()
    assert data["permissions"] == {"contents": "read"}
    jobs = data["jobs"]
    assert jobs["test"]["permissions"] == {"contents": "read"}
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    for job in ("test", "build"):
        checkout = next(s for s in steps(jobs[job]) if s.get("uses", "").startswith("actions/checkout@"))
        assert checkout["with"]["persist-credentials"] is False, job


def test_the_build_restores_and_saves_the_build_cache() -> None:
    """The nightly build starts from the last build's .cache/ (cache.py, incremental.py), restored before `make check`
    runs, and saves its own every night (the key has the build date, fixed in an earlier step)."""
    names = [s.get("uses", s.get("run", "")) for s in steps(workflow()["jobs"]["build"])]
    cache = next(i for i, s in enumerate(names) if s.startswith("actions/cache@"))
    assert cache < names.index("make check")
    step = steps(workflow()["jobs"]["build"])[cache]
    assert step["with"]["path"] == ".cache" and step["with"]["restore-keys"] == "build-cache-"
    assert "${{ env.BUILD_DATE }}" in step["with"]["key"] and "${{ github.sha }}" in step["with"]["key"]
    assert any("BUILD_DATE=" in name and ">> \"$GITHUB_ENV\"" in name for name in names[:cache])


def test_dependabot_watches_every_pinned_ecosystem() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    watched = {(u["package-ecosystem"], u["directory"]) for u in config["updates"]}
    assert watched == {("pip", "/requirements"), ("npm", "/"), ("github-actions", "/")}
    assert (ROOT / "requirements" / "build.txt").is_file() and (ROOT / "package-lock.json").is_file()


def test_steps_that_may_print_content_run_with_workflow_commands_stopped(tmp_path: Path) -> None:
    jobs = workflow()["jobs"]
    runs = [s.get("run", "") for job in ("test", "build") for s in steps(jobs[job])]
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
