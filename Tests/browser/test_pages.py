"""Every page kind: loads without console errors at the root and under a sub-path, passes axe at
WCAG 2.1 AA in light and dark, fits a phone's width, and is photographed at phone and desktop
widths into .build/screenshots/."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import EDITIONS, KINDS, MATRIX_GROUPINGS, SCREENSHOTS, WEIGHTS, kind_paths, path_of, wait_until

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# People on slow connections: no page kind of the sample site may need more than this.
PAGE_BUDGET = 250_000
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
axe = Axe()


def open_kind(page, base, path, kind):
    """Loads a page; the search page with a query, waiting for its results."""
    response = page.goto(base + path + ("?q=education" if kind == "search" else ""))
    if kind == "search":
        wait_until(page, "() => { const t = document.getElementById('search-status').textContent.trim();"
                         " return t !== '' && !t.endsWith('…'); }")
    return response


def check_loaded(page, response, kind):
    assert response.status == 200, f"{kind}: HTTP {response.status}"
    assert page.locator("h1").count() == 1, f"{kind}: expected one h1"
    assert page.evaluate("() => document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0"), \
        f"{kind}: the stylesheet did not load"
    assert page.problems.items == [], f"{kind}:\n" + "\n".join(page.problems.items)


def axe_violations(page, options):
    results = axe.run(page, options={**options, "resultTypes": ["violations"]})
    lines = []
    for v in results.response["violations"]:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}")
    return results.violations_count, "\n".join(lines)


# Page kinds known to scroll sideways on a phone, until the theme is fixed: every other check of
# the page kind still runs and must pass, the phone width is reported as an expected failure, and
# a kind that fits again fails the test until it is taken off this list.
OVERFLOWS_ON_PHONE: set[str] = set()  # page kinds known to scroll sideways on a phone (none today)


# Page kinds the sample site may lack, each with the reason (none today). Any other kind missing
# from the sample fails below rather than being skipped by path_of in the checks that follow.
ABSENT_FROM_SAMPLE = {}


def edition_of(kind):
    return next((lang for lang in EDITIONS if kind.startswith(f"{lang}-")), "en")


@pytest.mark.parametrize("edition", ["en", *EDITIONS])
def test_sample_site_has_every_page_kind(sites, edition):
    """Every kind of KINDS in this edition is found in the built sample, at the root and under the
    sub-path, and its page is there; a kind the allow-list names is really absent; a country's
    matrix has exactly the groupings MATRIX_GROUPINGS names."""
    wanted = [kind for kind in KINDS if edition_of(kind) == edition]
    prefix = "" if edition == "en" else f"{edition}/"
    for name, (_, folder) in sites.items():
        paths = kind_paths(folder)
        missing = [kind for kind in wanted if kind not in paths and kind not in ABSENT_FROM_SAMPLE]
        assert not missing, f"{name}: the sample site has no page of kinds {missing}"
        unwritten = [kind for kind in wanted if kind in paths and not
                     (folder / paths[kind] if paths[kind].endswith(".html") else folder / paths[kind] / "index.html").is_file()]
        assert not unwritten, f"{name}: no file for the kinds {unwritten}"
        stale = [kind for kind in wanted if kind in ABSENT_FROM_SAMPLE and kind in paths]
        assert not stale, f"{name}: {stale} are listed as absent but the sample has them"
        matrix = folder / prefix / paths["country-matrix"]
        groupings = sorted(p.name for p in matrix.iterdir() if p.is_dir())
        assert groupings == sorted(MATRIX_GROUPINGS), f"{name}: {matrix} has the groupings {groupings}"


@pytest.mark.parametrize("kind", KINDS)
def test_page_kind_is_clean_accessible_and_photographed(page, site, paths, kind):
    path = path_of(paths, kind)
    check_loaded(page, open_kind(page, site[0], path, kind), kind)
    page.wait_for_load_state("networkidle")
    WEIGHTS[kind] = (page.weight.bytes, page.url)
    assert page.weight.bytes <= PAGE_BUDGET, f"{kind} downloads {page.weight.bytes:,} bytes"

    count, report = axe_violations(page, {"runOnly": {"type": "tag", "values": WCAG_AA}})
    assert count == 0, f"{kind}: {count} axe violations (WCAG 2.1 AA)\n{report}"

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{kind}-desktop.png"), full_page=True)
    page.set_viewport_size(PHONE)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    page.screenshot(path=str(SCREENSHOTS / f"{kind}-phone.png"), full_page=True)
    if kind not in OVERFLOWS_ON_PHONE:
        assert overflow <= 0, f"{kind} scrolls sideways by {overflow}px on a {PHONE['width']}px phone"

    # Dark mode has its own colours: their contrast is checked too.
    page.emulate_media(color_scheme="dark")
    page.set_viewport_size(DESKTOP)
    count, report = axe_violations(page, {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}})
    assert count == 0, f"{kind} (dark mode): {count} axe violations\n{report}"
    page.screenshot(path=str(SCREENSHOTS / f"{kind}-desktop-dark.png"))
    assert page.problems.items == [], f"{kind}:\n" + "\n".join(page.problems.items)
    if kind in OVERFLOWS_ON_PHONE:
        assert overflow > 0, f"{kind} fits a phone now: take it off OVERFLOWS_ON_PHONE"
        pytest.xfail(f"{kind} scrolls sideways by {overflow}px on a {PHONE['width']}px phone (OVERFLOWS_ON_PHONE)")


@pytest.mark.parametrize("kind", KINDS)
def test_page_kind_works_under_a_sub_path(page, sites, kind):
    base, folder = sites["subpath"]
    check_loaded(page, open_kind(page, base, path_of(kind_paths(folder), kind), kind), kind)


def test_charts_need_no_javascript(browser, site, paths):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for kind in ["home", "term-country", "hub-sdgs", "sdg-goal", "term-recommending-state", "term-upr-cycle"]:
        page.goto(site[0] + path_of(paths, kind))
        charts = page.locator("svg.chart-svg[role=img]")
        assert charts.count() >= 1, kind
        for i in range(charts.count()):
            chart = charts.nth(i)
            assert chart.is_visible()
            assert chart.locator("rect.chart-bar").count() >= 1
            labelled = chart.get_attribute("aria-labelledby")
            assert page.locator(f"[id='{labelled}']").count() == 1
            # The same numbers as a table, for screen readers.
            assert chart.locator("xpath=following-sibling::div//table").count() == 1
    context.close()
