"""`hrindex serve` in a browser: pages arrive with the strict CSP and reload themselves after an
edit, a failing build shows its problems, the preview has no exports, and nothing outside the
output folder is served."""

import http.client
import re
import shutil
import subprocess
import time

import pytest

from conftest import BINARY, REPO, wait_until


@pytest.fixture
def served(tmp_path):
    """A copy of the sample site served by `hrindex serve` on a free port: (base URL, folder)."""
    for name in ["Content", "Templates", "Public"]:
        shutil.copytree(REPO / name, tmp_path / name)
    process = subprocess.Popen([str(BINARY), "serve", "--content", str(tmp_path / "Content"),
                                "--output", str(tmp_path / "Output"), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        deadline = time.monotonic() + 60
        port = None
        while port is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                pytest.fail("hrindex serve stopped")
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            port = match and int(match.group(1))
        assert port, "hrindex serve never said where it serves"
        yield f"http://127.0.0.1:{port}/", tmp_path, process
    finally:
        process.terminate()
        process.wait(timeout=10)


def raw_get(base, path):
    host, port = base.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("GET", path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), response.read()


def test_serve_reloads_after_an_edit_and_shows_build_problems(page, served):
    base, folder, _ = served
    response = page.goto(base + "about/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert page.locator("script[src='/_hrindex/live.js']").count() == 1
    title = page.locator("h1").inner_text()
    # The page knows its build (data-version), so an edit made before it asks is not missed.
    wait_until(page, "() => performance.getEntriesByType('resource').some(e => e.name.endsWith('/_hrindex/live.js'))")

    about = folder / "Content" / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8").replace(title, title + " (edited)", 1), encoding="utf-8")
    wait_until(page, "t => document.querySelector('h1') && document.querySelector('h1').textContent === t",
               title + " (edited)", timeout=60)
    assert not (folder / "Output" / "_hrindex").exists()
    # The preview leaves out the exports (site.yml has them on): an edited text rebuilds only its pages.
    assert not (folder / "Output" / "downloads").exists() and not (folder / "Output" / "api").exists()
    assert "_hrindex" not in (folder / "Output" / "about" / "index.html").read_text(encoding="utf-8")

    broken = folder / "Content" / "recommendations" / "broken.md"
    broken.write_text("---\ndocument: A/HRC/1/1\n---\n<script>alert(1)</script>\n", encoding="utf-8")
    wait_until(page, "() => document.querySelector('h1') && document.querySelector('h1').textContent === 'The build failed'",
               timeout=60)
    assert "broken.md" in page.locator("pre").inner_text()
    page.problems.items.clear()  # the problems page answers 500, on purpose
    broken.unlink()
    wait_until(page, "t => document.querySelector('h1') && document.querySelector('h1').textContent === t",
               title + " (edited)", timeout=60)
    assert page.problems.items == [], "\n".join(page.problems.items)


def test_serve_never_leaves_the_output_folder(served):
    base, folder, _ = served
    (folder / "secret.txt").write_text("secret", encoding="utf-8")
    for path in ["/%2e%2e/secret.txt", "/..%2fsecret.txt", "/../secret.txt", "/%2e%2e/Content/site.yml",
                 "/about/%00.html", "/.hrindex-output"]:
        status, _, body = raw_get(base, path)
        assert status in (403, 404), path
        assert b"secret" not in body and b"title:" not in body, path
    status, headers, body = raw_get(base, "/search/search.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    status, headers, _ = raw_get(base, "/countries")
    assert status == 302 and headers["Location"] == "/countries/"
