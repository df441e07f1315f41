"""Browser tests of the sample site: built once with the debug hrindex, served on 127.0.0.1 at the
root and under a sub-path (/uhri/), driven with Playwright and Debian's chromium.

    python3 -m pytest -q Tests/browser        (after `swift build`; HRINDEX_BIN overrides the binary)

Screenshots of every page kind go to .build/screenshots/ (git-ignored)."""

import functools
import http.server
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("HRINDEX_BIN", REPO / ".build" / "debug" / "hrindex"))
SCREENSHOTS = REPO / ".build" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SUBPATH = "uhri"

# What hosts are told to send (README); the pages must work under it.
CSP = "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder like a static host: the README's CSP on every answer, and the site's 404.html
    (found next to the missing address: the root or /uhri/) for missing files."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".mjs": "text/javascript"}

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        base = Path(self.directory)
        page = base / SUBPATH / "404.html" if self.path.startswith(f"/{SUBPATH}/") else base / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(SiteHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def build(output, *extra):
    if not BINARY.exists():
        pytest.exit(f"{BINARY} is missing: run `swift build` first (or set HRINDEX_BIN)", returncode=2)
    subprocess.run([str(BINARY), "build", "--content", str(REPO / "Content"), "--output", str(output), *extra],
                   check=True, capture_output=True, text=True)


@pytest.fixture(scope="session")
def sites(tmp_path_factory):
    """The sample site at http://127.0.0.1:A/ and at http://127.0.0.1:B/uhri/, with its folder."""
    base = tmp_path_factory.mktemp("sites")
    build(base / "root")
    build(base / "parent" / SUBPATH, "--base-url", f"https://example.org/{SUBPATH}/")
    servers = [serve(base / "root"), serve(base / "parent")]
    yield {
        "root": (f"http://127.0.0.1:{servers[0].server_port}/", base / "root"),
        "subpath": (f"http://127.0.0.1:{servers[1].server_port}/{SUBPATH}/", base / "parent" / SUBPATH),
    }
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def site(sites):
    return sites["root"]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


# Bytes each page kind downloaded (the page, its assets, search index files): kind → (bytes, url).
WEIGHTS = {}


class Weight:
    """Counts the bytes of every response body a page receives."""

    def __init__(self, page):
        self.bytes = 0
        page.on("requestfinished", self.add)

    def add(self, request):
        try:
            self.bytes += max(0, request.sizes()["responseBodySize"])
        except Exception:  # a request of a page already closed
            pass


class Problems:
    """Everything a page complains about: console errors, script exceptions, failed requests."""

    def __init__(self, page):
        self.items = []
        page.on("console", lambda m: m.type == "error" and self.items.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.items.append(f"exception: {e}"))
        page.on("requestfailed", self.failed)
        page.on("response", lambda r: r.status >= 400 and self.items.append(f"HTTP {r.status}: {r.url}"))

    def failed(self, request):
        # A reload or a new search cancels the fetches still running (ERR_ABORTED): not a fault.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.items.append(f"request failed: {request.url} {request.failure}")


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = Problems(page)
    page.weight = Weight(page)
    yield page
    context.close()


# Every kind of page the site has; `kind_paths` finds an example of each in the built folder.
KINDS = [
    "home", "recommendation", "recommendations", "recommendations-page-2",
    "hub-countries", "hub-themes", "hub-affected-persons", "hub-bodies", "hub-mechanisms", "hub-documents", "hub-sdgs",
    "hub-documents-by-symbol", "hub-documents-page-2",
    "term-country", "term-country-page-2", "term-theme", "term-affected-person", "term-body", "term-mechanism",
    "term-document", "sdg-goal", "sdg-target", "country-matrix", "free-page", "search", "not-found", "downloads",
    "hub-recommending-states", "term-recommending-state", "hub-upr-cycles", "term-upr-cycle",
    "hub-upr-sessions", "term-upr-session",
    "right-to-left-country",  # a country page of the Arabic edition, when the site has one: mirrored charts
    # national follow-up (the sample's fictional data for two States)
    "follow-up-hub", "follow-up-country", "follow-up-report", "institutions", "institution",
]
# A country's matrix by another grouping than themes (countries/<code>/matrix/<grouping>/): the
# folder names of SiteCore's MatrixGrouping; test_pages checks the sample has exactly these.
MATRIX_GROUPINGS = ["sdgs", "affected-persons", "bodies", "mechanisms", "recommending-states", "follow-up-clusters"]
KINDS += [f"country-matrix-{grouping}" for grouping in MATRIX_GROUPINGS]
# The same page kinds (their own 404 page included) in every other edition of a multilingual site.
EDITIONS = ["ar", "zh", "fr", "es", "ru"]
KINDS += [f"{lang}-{kind}" for lang in EDITIONS for kind in KINDS if kind != "right-to-left-country"]


def kind_paths(folder):
    """kind → path of an example page, relative to the site root, picked from the built folder."""
    folder = Path(folder)

    def has(path):
        return (folder / path / "index.html").is_file()

    def terms(hub):
        return sorted(p.name for p in (folder / hub).iterdir() if p.is_dir() and p.name != "page" and has(f"{hub}/{p.name}"))

    def pick(hub, options=None):
        """A term with a second page when there is one, so pagination is covered too."""
        options = terms(hub) if options is None else options
        paged = [t for t in options if has(f"{hub}/{t}/page/2")]
        return (paged or options)[0]

    country = pick("countries")
    goal = pick("sdgs", [g for g in terms("sdgs") if terms(f"sdgs/{g}")])
    reserved = {"recommendations", "countries", "themes", "affected-persons", "bodies", "mechanisms", "documents",
                "sdgs", "search", "assets", "follow-up", "institutions", "downloads",
                "recommending-states", "upr-cycles", "upr-sessions"}
    languages = {"ar", "en", "es", "fr", "ru", "zh"}  # editions of a multilingual site, not free pages
    free = sorted(p.name for p in folder.iterdir()
                  if p.is_dir() and p.name not in reserved | languages and has(p.name))
    paths = {
        "home": "", "recommendation": f"recommendations/{terms('recommendations')[0]}/",
        "recommendations": "recommendations/", "recommendations-page-2": "recommendations/page/2/",
        "term-country": f"countries/{country}/", "term-country-page-2": f"countries/{country}/page/2/",
        "term-theme": f"themes/{pick('themes')}/", "term-affected-person": f"affected-persons/{pick('affected-persons')}/",
        "term-body": f"bodies/{pick('bodies')}/", "term-mechanism": f"mechanisms/{pick('mechanisms')}/",
        "term-document": f"documents/{pick('documents')}/", "sdg-goal": f"sdgs/{goal}/",
        "sdg-target": f"sdgs/{goal}/{terms(f'sdgs/{goal}')[0]}/", "country-matrix": f"countries/{country}/matrix/",
        "free-page": f"{free[0]}/" if free else None, "search": "search/", "not-found": "404.html",
        "downloads": "downloads/",
        "right-to-left-country": f"ar/countries/{country}/",
        "term-recommending-state": f"recommending-states/{pick('recommending-states')}/" if has("recommending-states") else None,
        "term-upr-cycle": f"upr-cycles/{pick('upr-cycles')}/" if has("upr-cycles") else None,
        "term-upr-session": f"upr-sessions/{pick('upr-sessions')}/" if has("upr-sessions") else None,
    }
    for hub in ["countries", "themes", "affected-persons", "bodies", "mechanisms", "documents", "sdgs",
                "recommending-states", "upr-cycles", "upr-sessions"]:
        paths[f"hub-{hub}"] = f"{hub}/"
    for grouping in MATRIX_GROUPINGS:
        paths[f"country-matrix-{grouping}"] = f"countries/{country}/matrix/{grouping}/"
    paths["hub-documents-by-symbol"] = "documents/by-symbol/"
    paths["hub-documents-page-2"] = "documents/page/2/"
    followed = [c for c in terms("countries") if has(f"countries/{c}/follow-up")]
    if followed:
        reports = sorted(p.name for p in (folder / "countries" / followed[0] / "follow-up").iterdir() if p.is_dir())
        paths.update({
            "follow-up-hub": "follow-up/", "follow-up-country": f"countries/{followed[0]}/follow-up/",
            "follow-up-report": f"countries/{followed[0]}/follow-up/{reports[0]}/",
            "institutions": "institutions/", "institution": f"institutions/{terms('institutions')[0]}/",
        })
    for lang in EDITIONS:
        for kind, path in list(paths.items()):
            if path is not None and kind != "right-to-left-country" and "-" not in kind[:3]:
                paths[f"{lang}-{kind}"] = f"{lang}/{path}"
    return {kind: path for kind, path in paths.items() if path is not None and (path.endswith("404.html") or has(path))}


@pytest.fixture(scope="session")
def paths(site):
    return kind_paths(site[1])


def wait_until(page, function, arg=None, timeout=10.0):
    """Polls `function` (JavaScript) in the page until it returns true. Playwright's own
    wait_for_function evaluates strings, which the pages' Content-Security-Policy forbids."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if page.evaluate(function, arg):
                return
        except PlaywrightError:  # the page is navigating (a reload): ask again
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {function} in {page.url}")
        time.sleep(0.05)


def path_of(paths, kind):
    if kind not in paths:
        pytest.skip(f"the sample site has no page of kind {kind}")
    return paths[kind]


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS.is_dir() and any(SCREENSHOTS.iterdir()):
        terminalreporter.write_line(f"screenshots: {SCREENSHOTS}")
    if WEIGHTS:
        kind, (size, url) = max(WEIGHTS.items(), key=lambda item: item[1][0])
        terminalreporter.write_line(f"heaviest page kind with its assets: {kind}, {size:,} bytes ({url})")
