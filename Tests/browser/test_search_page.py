"""The search page as people use it: several values of one field ticked at once, the active
filters as removable chips, and a long value list narrowed as one types. Expected counts come
from the content files themselves (their front matter read with PyYAML)."""

import re
from urllib.parse import parse_qs, urlparse

import yaml

from conftest import REPO, wait_until


def front_matter(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def recommendations():
    """Every recommendation (translations, `<id>.<language>.md`, are not)."""
    files = sorted((REPO / "Content" / "recommendations").rglob("*.md"))
    return [front_matter(p) for p in files if not re.search(r"\.[a-z]{2}\.md$", p.name)]


def shown_total(page):
    """The number the status line announces once a search has finished."""
    wait_until(page, "() => /\\d/.test(document.getElementById('search-status').textContent)")
    return int(re.sub(r"\D", "", page.locator("#search-status").inner_text()))


def test_two_states_ticked_show_both_states_results(page, site):
    base, _ = site
    counts = {}
    for r in recommendations():
        counts[r["country"].lower()] = counts.get(r["country"].lower(), 0) + 1
    first, second = sorted(counts, key=lambda c: (-counts[c], c))[:2]
    page.goto(base + "search/")
    shown_total(page)
    page.locator(f"#search-facets input[name=country][value='{first}']").check()
    wait_until(page, "v => location.search.includes('country=' + v)", first)
    # The other States stay listed with their own counts once one is ticked.
    wait_until(page, "v => { const b = document.querySelector(`#search-facets input[name=country][value='${v}']`);"
                     " return b && /\\(\\d+\\)/.test(b.nextElementSibling.textContent) && !b.checked }", second)
    label = page.locator(f"#search-facets input[name=country][value='{second}'] + label").inner_text()
    assert label.endswith(f"({counts[second]})"), label
    page.locator(f"#search-facets input[name=country][value='{second}']").check()
    wait_until(page, "v => location.search.includes('country=' + v)", second)
    assert sorted(parse_qs(urlparse(page.url).query)["country"]) == sorted([first, second])
    wait_until(page, "n => document.getElementById('search-status').textContent.includes(String(n))", counts[first] + counts[second])
    assert shown_total(page) == counts[first] + counts[second]

    # Each active filter is a chip; removing one leaves the other.
    chips = page.locator(".search-chips .search-chip:not(.search-chip-clear)")
    assert chips.count() == 2
    chips.first.click()
    wait_until(page, "() => new URLSearchParams(location.search).getAll('country').length === 1")
    left = parse_qs(urlparse(page.url).query)["country"]
    wait_until(page, "n => document.getElementById('search-status').textContent.includes(String(n))", counts[left[0]])
    assert page.problems.items == [], "\n".join(page.problems.items)


def test_long_value_list_narrows_as_one_types(page, site):
    base, _ = site
    page.goto(base + "search/")
    shown_total(page)
    box = page.locator("#filter-country")
    box.wait_for()
    names = page.eval_on_selector_all("#search-facets input[name=country] + label", "ls => ls.map(l => l.textContent)")
    wanted = names[-1].split(" (")[0]
    box.fill(wanted[:4])
    visible = page.eval_on_selector_all("#search-facets input[name=country]", "bs => bs.filter(b => !b.closest('li').hidden).map(b => b.nextElementSibling.textContent)")
    assert visible and all(wanted[:4].lower() in v.lower() for v in visible), visible
    assert len(visible) < len(names)
    assert page.problems.items == [], "\n".join(page.problems.items)


def test_search_from_the_french_edition_lands_on_french_pages(page, site):
    base, _ = site
    countries = {c["code"].lower(): c["name"] for c in yaml.safe_load((REPO / "Vocabularies" / "countries.yml").read_text(encoding="utf-8"))}
    page.goto(base + "fr/search/")
    shown_total(page)
    # Facet values are named in French.
    value = page.locator("#search-facets input[name=country]").first.get_attribute("value")
    label = page.locator(f"#search-facets input[name=country][value='{value}'] + label").inner_text()
    assert label.startswith(countries[value]["fr"] + " ("), label
    hrefs = page.eval_on_selector_all("#search-results a", "links => links.map(a => a.href)")
    assert hrefs and all(h.startswith(base + "fr/recommendations/") for h in hrefs), hrefs[:3]
    page.locator("#search-results a").first.click()
    page.wait_for_url(re.compile(r"/fr/recommendations/"))
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.problems.items == [], "\n".join(page.problems.items)


def test_a_misspelled_query_offers_a_correction_that_finds_results(page, site):
    base, _ = site
    page.goto(base + "search/?q=torure")
    link = page.locator("#search-status a")
    link.wait_for()
    assert link.inner_text() == "torture"
    link.click()
    wait_until(page, "() => new URLSearchParams(location.search).get('q') === 'torture'")
    assert shown_total(page) > 0
    assert page.locator("#search-q").input_value() == "torture"
    assert page.problems.items == [], "\n".join(page.problems.items)


def test_numbered_pager_with_first_last_and_ellipsis(page, site):
    base, _ = site
    total = len(recommendations())
    pages = -(-total // 20)
    assert pages >= 3
    for current in range(1, pages + 1):
        page.goto(base + f"search/?page={current}")
        wait_until(page, "n => document.querySelectorAll('#search-results li').length === n", min(20, total - 20 * (current - 1)))
        items = page.eval_on_selector_all("#search-pager > *", "xs => xs.map(x => x.textContent)")
        numbers = [p for p in range(1, pages + 1) if p in (1, pages) or abs(p - current) <= 2]
        expected = []
        for k, p in enumerate(numbers):
            if k > 0 and p > numbers[k - 1] + 1:
                expected.append("\u2026")
            expected.append(str(p))
        expected = (["Previous page"] if current > 1 else []) + expected + (["Next page"] if current < pages else [])
        assert items == expected, (current, items)
        assert page.locator("#search-pager [aria-current=page]").inner_text() == str(current)


def test_results_show_state_and_body_and_sort_by_date(page, site):
    base, _ = site
    records = recommendations()
    names = {c["code"].lower(): c["name"]["en"] for c in yaml.safe_load((REPO / "Vocabularies" / "countries.yml").read_text(encoding="utf-8"))}
    page.goto(base + "search/?sort=oldest")
    shown_total(page)
    oldest = min(str(r["date"]) for r in records)
    meta = page.locator(".search-meta").first.inner_text()
    assert meta.endswith(oldest), meta
    first = [r for r in records if str(r["date"]) == oldest]
    assert any(meta.startswith(names[r["country"].lower()] + " · ") for r in first), meta
    assert page.locator("#search-sort").input_value() == "oldest"
    page.select_option("#search-sort", "newest")
    wait_until(page, "() => new URLSearchParams(location.search).get('sort') === 'newest'")
    newest = max(str(r["date"]) for r in records)
    wait_until(page, "d => document.querySelector('.search-meta').textContent.endsWith(d)", newest)


def test_phone_shows_first_result_on_first_screen_with_filters_behind_one_button(browser, site):
    base, _ = site
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + "search/?q=rights")
    page.locator("#search-results li").first.wait_for()
    box = page.locator("#search-results li").first.bounding_box()
    assert box["y"] + 40 < 844, box
    assert not page.locator("#search-facets").is_visible()
    toggle = page.locator(".search-filters-toggle")
    assert toggle.inner_text() == "Filters (0)" and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert page.locator("#search-facets").is_visible() and toggle.get_attribute("aria-expanded") == "true"
    page.locator("#search-facets input[name=mechanism]").first.check()
    wait_until(page, "() => document.querySelector('.search-filters-toggle').textContent === 'Filters (1)'")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
