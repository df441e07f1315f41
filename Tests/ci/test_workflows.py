"""Runs the example CI workflows (examples/ci/) step by step in a clean temporary folder, as
their runners would, and checks that every step succeeds.

    HRINDEX_WORKFLOW_TESTS=1 python3 -m pytest -q Tests/ci

Each workflow builds HRIndex in release mode from source, as it does in CI (several minutes on
two cores), so the tests run only when HRINDEX_WORKFLOW_TESTS=1, which scripts/test (CI) sets. The source comes from this
checkout's committed HEAD (pushed to a local bare repository), standing in for HRINDEX_GIT.

What is emulated, because it needs the hosting service:
- GitHub `uses:` steps are skipped and named: actions/checkout (the test copies the sample
  Content/ into the folder instead), actions/cache (a cold cache), actions/configure-pages (its
  base_url output is given as https://example.github.io/site), actions/upload-pages-artifact and
  the deploy job's actions/deploy-pages. `$GITHUB_PATH` is honoured as the runner does.
- GitLab: the job's `script:` runs in one shell with the job's variables; CI_PAGES_URL is given;
  its cache (cold) and the Pages deployment of `public/` are the service's.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "ci"
GITHUB_BASE_URL = "https://example.github.io/site"
GITLAB_PAGES_URL = "https://example.gitlab.io/site"

pytestmark = pytest.mark.skipif(
    os.environ.get("HRINDEX_WORKFLOW_TESTS") != "1",
    reason="builds HRIndex in release mode twice; set HRINDEX_WORKFLOW_TESTS=1",
)


def source_repository(tmp):
    """A bare repository holding this checkout's HEAD as branch `ci-test`."""
    bare = tmp / "hrindex.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    subprocess.run(["git", "-C", str(REPO), "push", "-q", str(bare), "HEAD:refs/heads/ci-test"], check=True)
    return {"HRINDEX_GIT": "file://" + str(bare), "HRINDEX_REF": "ci-test"}


def checkout(tmp):
    """What actions/checkout or GitLab's clone gives: a site repository with Content/."""
    site = tmp / "site"
    site.mkdir()
    shutil.copytree(REPO / "Content", site / "Content")
    return site


def expand(value, outputs):
    """Replaces the `${{ … }}` expressions the test knows; any other one is an error."""
    def one(match):
        expression = match.group(1).strip()
        assert expression in outputs, f"unknown expression in a run step's env: {expression}"
        return outputs[expression]
    return re.sub(r"\$\{\{(.*?)\}\}", one, str(value))


def test_github_pages_workflow(tmp_path):
    workflow = yaml.safe_load((EXAMPLES / "github-pages.yml").read_text())
    source = source_repository(tmp_path)
    site = checkout(tmp_path)
    path_file = tmp_path / "github_path"
    path_file.write_text("")
    env = {**os.environ, **{k: str(v) for k, v in workflow["env"].items()}, **source, "GITHUB_PATH": str(path_file)}
    outputs = {"steps.pages.outputs.base_url": GITHUB_BASE_URL}
    ran, skipped = [], []
    for name, job in workflow["jobs"].items():
        for step in job["steps"]:
            if "uses" in step:
                skipped.append(f"{name}: {step['uses']}")
                continue
            step_env = {k: expand(v, outputs) for k, v in step.get("env", {}).items()}
            extra = [line for line in path_file.read_text().splitlines() if line]
            path = os.pathsep.join(list(reversed(extra)) + [env["PATH"]])
            result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=site, env={**env, **step_env, "PATH": path},
                                    capture_output=True, text=True)
            assert result.returncode == 0, f"step {step['name']!r} failed:\n{result.stdout}\n{result.stderr}"
            ran.append(step["name"])
    print("ran:", ran, "\nskipped (need GitHub):", skipped)
    assert skipped == ["build: actions/checkout@v4", "build: actions/cache@v4", "build: actions/configure-pages@v5",
                       "build: actions/upload-pages-artifact@v3", "deploy: actions/deploy-pages@v4"]
    assert len(ran) == 7
    published = site / "_site"
    assert (published / "index.html").is_file()
    canonical = (published / "index.html").read_text()
    assert f'href="{GITHUB_BASE_URL}/' in canonical, "the base URL from configure-pages reaches the pages"


def test_gitlab_pages_workflow(tmp_path):
    workflow = yaml.safe_load((EXAMPLES / "gitlab-pages.yml").read_text())
    job = workflow["pages"]
    source = source_repository(tmp_path)
    site = checkout(tmp_path)
    env = {**os.environ, **{k: str(v) for k, v in workflow["variables"].items()}, **source,
           "CI_PAGES_URL": GITLAB_PAGES_URL}
    # One shell, as GitLab runs a job's script; each command is echoed so a failure is located.
    script = "set -e\n" + "\n".join(f"echo '>>> step {i + 1}'\n{command}" for i, command in enumerate(job["script"]))
    result = subprocess.run(["bash", "-c", script], cwd=site, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"script failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    assert result.stdout.count(">>> step") == len(job["script"])
    assert job["artifacts"]["paths"] == ["public"]
    page = (site / "public" / "index.html").read_text()
    assert f'href="{GITLAB_PAGES_URL}/' in page
