"""The country matrix in a browser: its filters by cycle and response work without script (a link
makes a note the page's :target and the generated stylesheet hides the other rows), checked
against the sample's content files read here with PyYAML; printed, it shows every full text."""

import re

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from conftest import REPO

RECOMMENDATIONS = REPO / "Content" / "recommendations"
LANGUAGES = {"ar", "en", "es", "fr", "ru", "zh"}


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def words(markdown):
    """The letters and digits of a text in order, link targets and list numbers left out."""
    text = re.sub(r"\]\([^)]*\)", "]", markdown)
    text = re.sub(r"(?m)^\s*\d{1,9}[.)](?=\s)", "", text)
    return "".join(re.findall(r"[^\W_]", text))


def split(path):
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return front, body


def records():
    """id → front matter (every value as text) and the Markdown the English edition shows."""
    found = {}
    for path in sorted(RECOMMENDATIONS.rglob("*.md")):
        parts = path.name[: -len(".md")].split(".")
        if len(parts) > 1 and parts[-1] in LANGUAGES:
            continue
        front, body = split(path)
        fields = yaml.load(front, Loader=yaml.BaseLoader)
        english = path.with_name(path.stem + ".en.md")
        shown = split(english)[1] if english.exists() else body
        rid = fields.get("id") or slug(f"{fields['document']}-{fields['paragraph']}")
        found[rid] = {**fields, "id": rid, "text": shown, "themes": list(dict.fromkeys(fields.get("themes") or []))}
    return found


def rows_per_theme(members):
    return sum(max(1, len(r["themes"])) for r in members)


@pytest.fixture(scope="module")
def content():
    return records()


@pytest.fixture(scope="module")
def country(content):
    """The country of the sample with the most recommendations among those with two cycles and two responses."""
    by_country = {}
    for r in content.values():
        by_country.setdefault(r["country"].lower(), []).append(r)
    usable = [c for c, rs in by_country.items()
              if len({r.get("cycle") for r in rs if r.get("cycle")}) > 1 and len({r.get("response") for r in rs if r.get("response")}) > 1]
    assert usable, "the sample has no country with two cycles and two responses"
    return max(sorted(usable), key=lambda c: len(by_country[c])), by_country


def visible_ids(page):
    links = page.locator("table.matrix tbody tr:visible th a")
    return [links.nth(i).get_attribute("href").rstrip("/").rsplit("/", 1)[-1] for i in range(links.count())]


def check_filter(page, members, field, value):
    page.locator(f".matrix-filters a[href='#filter-{field}-{value}']").click()
    assert page.url.endswith(f"#filter-{field}-{value}")
    kept = [r for r in members if r.get(field) == value]
    note = page.locator(f"#filter-{field}-{value}")
    assert note.is_visible() and note.inner_text().strip(), "the active filter is not shown"
    shown = visible_ids(page)
    assert sorted(set(shown)) == sorted(r["id"] for r in kept), (field, value)
    assert len(shown) == rows_per_theme(kept), (field, value)
    # Sections without a row of the filter are hidden with their rows.
    themes = {t for r in kept for t in r["themes"]} | ({"none"} if any(not r["themes"] for r in kept) else set())
    assert page.locator("section.matrix-section:visible").count() == len(themes)
    # No violation with the filter on (its note shown).
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                                       "resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_report()
    page.emulate_media(color_scheme="dark")
    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
                                       "resultTypes": ["violations"]})
    page.emulate_media(color_scheme="light")
    assert results.violations_count == 0, results.generate_report()
    note.locator("a[href='#matrix-filters']").click()
    assert len(visible_ids(page)) == rows_per_theme(members), "Show all did not bring every row back"
    assert not note.is_visible()


@pytest.mark.parametrize("edition", ["", "ar/"])
def test_cycle_and_response_filters_keep_the_rows_the_content_says(page, site, country, edition):
    code, by_country = country
    members = by_country[code]
    page.goto(site[0] + f"{edition}countries/{code}/matrix/")
    assert len(visible_ids(page)) == rows_per_theme(members)
    cycles = sorted({r["cycle"] for r in members if r.get("cycle")}, key=int)
    responses = sorted({r["response"] for r in members if r.get("response")})
    check_filter(page, members, "cycle", cycles[-1])
    check_filter(page, members, "response", responses[0])
    assert page.problems.items == [], "\n".join(page.problems.items)


def test_the_filters_work_on_a_phone(browser, site, country):
    code, by_country = country
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site[0] + f"countries/{code}/matrix/")
    link = page.locator(".matrix-filters a[href^='#filter-response-']").first
    box = link.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, "a filter link is off the screen"
    link.click()
    value = link.get_attribute("href").rsplit("-", 1)[-1]
    kept = [r for r in by_country[code] if r.get("response") == value]
    assert sorted(set(visible_ids(page))) == sorted(r["id"] for r in kept)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_printed_matrix_shows_every_full_text(page, site, country, content):
    code, _ = country
    page.goto(site[0] + f"countries/{code}/matrix/")
    # Printed with every section closed, as a large matrix opens: the print stylesheet opens them.
    page.evaluate("document.querySelectorAll('.matrix-section details').forEach(d => d.open = false)")
    page.emulate_media(media="print")
    cells = page.locator("table.matrix tbody tr td.rec-text")
    assert cells.count() == rows_per_theme([r for r in content.values() if r["country"].lower() == code])
    ids = visible_ids(page)
    for i in range(cells.count()):
        cell = cells.nth(i)
        assert cell.is_visible(), f"{ids[i]}: its text is hidden in print"
        assert words(cell.inner_text()) == words(content[ids[i]]["text"]), ids[i]
