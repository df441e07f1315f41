"""Term pages lead with their recommendations: the list (with quick filters into search) comes
before the charts and summary tables, on the sample site and on a generated site of 2,000."""

import re
import subprocess
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from conftest import BINARY, REPO, serve

TRANSLATION = re.compile(r"\.(en|fr|es|ru|zh|ar)\.md$")
HUBS = ["countries", "themes", "affected-persons", "bodies", "mechanisms", "sdgs"]


def term_pages(folder):
    """The first page of every term of the hubs above (SDG targets included)."""
    for hub in HUBS:
        for index in sorted((Path(folder) / hub).rglob("index.html")):
            relative = index.relative_to(Path(folder) / hub).parts
            if len(relative) > 1 and "page" not in relative and "matrix" not in relative and "follow-up" not in relative:
                yield index


def test_the_list_comes_before_the_summary(site):
    checked = 0
    for index in term_pages(site[1]):
        html = index.read_text(encoding="utf-8")
        first_link = html.find('class="rec-title"')
        assert first_link > 0, f"{index}: no recommendation"
        for marker in ("<table", 'id="summary-heading"', 'class="charts"'):
            at = html.find(marker)
            assert at == -1 or first_link < at, f"{index}: {marker} comes before the first recommendation"
        checked += 1
    assert checked > 30


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


class QuickFilters:
    """field → [(value, count)] from a page's quick-filter links, in page order."""

    def __init__(self, html):
        self.fields = {}
        block = re.search(r'<nav class="quick-filters".*?</nav>', html, re.S)
        for href, count in re.findall(r'<a href="([^"]+)">[^<]*<span class="quick-count">\((\d+)\)</span>', block.group(0) if block else ""):
            params = parse_qsl(urlsplit(href.replace("&amp;", "&")).query)
            field, value = params[-1]
            self.fields.setdefault(field, []).append((value, int(count)))


def test_quick_filter_counts_match_the_content(site):
    """Each country page's quick filters, against counts made from the content files' front matter."""
    records = [front_matter(p) for p in sorted((REPO / "Content" / "recommendations").rglob("*.md"))
               if not TRANSLATION.search(p.name)]
    by_country = {}
    for r in records:
        by_country.setdefault(str(r["country"]).lower(), []).append(r)
    for code, members in by_country.items():
        html = (site[1] / "countries" / code / "index.html").read_text(encoding="utf-8")
        expected = {}
        for field, value_of in [("mechanism", lambda r: r["mechanism"]), ("body", lambda r: str(r["body"]).lower()),
                                ("cycle", lambda r: r.get("cycle")), ("response", lambda r: r.get("response"))]:
            tally = Counter(str(value_of(r)) for r in members if value_of(r) is not None)
            if len(tally) > 1:
                expected[field] = sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
        assert QuickFilters(html).fields == expected, code


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    base = tmp_path_factory.mktemp("generated")
    content = base / "Content"
    subprocess.run([str(BINARY), "generate", "--count", "2000", "--output", str(content)], check=True, capture_output=True)
    subprocess.run([str(BINARY), "build", "--content", str(content), "--output", str(base / "site")], check=True, capture_output=True)
    server = serve(base / "site")
    yield content, f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_largest_country_leads_with_its_list_on_a_phone(browser, generated):
    content, url = generated
    counts = Counter(str(front_matter(p)["country"]).lower() for p in content.rglob("*.md"))
    largest, n = counts.most_common(1)[0]
    assert n > 100
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{url}countries/{largest}/")
    top = page.evaluate("() => document.querySelector('a.rec-title').getBoundingClientRect().top + window.scrollY")
    print(f"first recommendation of {largest} ({n} recommendations): {top:.0f}px down on a 390x844 phone")
    assert top <= 1200, f"the first recommendation of {largest} ({n}) is {top}px down on a phone"
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    assert results.violations_count == 0, results.generate_report()
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    context.close()
