"""What people do on the site: browse from the home page to a theme, search with filters and come
back, find the 404 page, and do it all with the keyboard."""

import csv
import io
import re
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import REPO, wait_until, path_of


def query(page):
    return parse_qs(urlparse(page.url).query)


def wait_for_results(page):
    wait_until(page, "() => document.querySelectorAll('#search-results li').length > 0")
    return page.locator("#search-results li").count()


def status_text(page):
    return page.locator("#search-status").inner_text()


def settled_status(page, previous):
    """The status once a search that changes it has finished: neither `previous` nor the
    "Searching…" shown while it runs (reading it right after the change may catch that)."""
    wait_until(page, "s => { const t = document.getElementById('search-status').textContent;"
                     " return t !== s && t !== 'Searching…' }", previous)
    return status_text(page)


@pytest.mark.parametrize("where", ["root", "subpath"])
def test_home_to_country_page_two_recommendation_and_theme(page, sites, where):
    base, _ = sites[where]
    page.goto(base)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Countries").click()
    assert page.url == base + "countries/"
    # The country with a second page of recommendations (the table lists the count in its last column).
    rows = page.locator("table.terms tbody tr")
    counts = [int(rows.nth(i).locator("td.num").inner_text().replace(",", "")) for i in range(rows.count())]
    country = rows.nth(counts.index(max(counts))).locator("a")
    name = country.inner_text()
    country.click()
    assert page.locator("h1").inner_text() == name
    page.locator(".pagination a[rel=next]").click()
    assert page.url.endswith("/page/2/") and page.url.startswith(base + "countries/")
    assert page.locator(".pagination [aria-current=page]").inner_text() == "2"
    page.locator(".rec-list a.rec-title").first.click()
    assert re.search(r"/recommendations/[a-z0-9-]+/$", page.url)
    theme = page.locator("dl.fields a[href*='themes/']").first
    theme_name = theme.inner_text()
    theme.click()
    assert page.url.startswith(base + "themes/")
    assert page.locator("h1").inner_text() == theme_name
    assert page.problems.items == [], "\n".join(page.problems.items)


@pytest.mark.parametrize("where", ["root", "subpath"])
def test_search_with_query_and_two_filters_keeps_state_in_url(page, sites, where):
    base, _ = sites[where]
    page.goto(base + "search/?q=rights")
    assert page.locator("#search-q").input_value() == "rights"
    everything = wait_for_results(page)
    first_status = status_text(page)

    mechanism = page.locator("#search-facets input[name=mechanism]").first
    mechanism_value = mechanism.get_attribute("value")
    mechanism.check()
    page.wait_for_url(re.compile(r"mechanism="))
    second_status = settled_status(page, first_status)

    country = page.locator("#search-facets input[name=country]").first
    country_value = country.get_attribute("value")
    country.check()
    page.wait_for_url(re.compile(r"country="))
    state = query(page)
    assert state["q"] == ["rights"]
    assert state["mechanism"] == [mechanism_value]
    assert state["country"] == [country_value]
    assert wait_for_results(page) <= everything
    # Read every link in one step: the list may be redrawn between two separate reads.
    hrefs = page.eval_on_selector_all("#search-results a", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all(hrefs)

    # The state survives a reload, as a shared link would.
    page.reload()
    wait_for_results(page)
    assert page.locator(f"#search-facets input[name=country][value='{country_value}']").is_checked()

    page.go_back()
    wait_until(page, "() => !location.search.includes('country=')")
    assert query(page).get("mechanism") == [mechanism_value]
    wait_until(page, "s => document.getElementById('search-status').textContent === s", second_status)
    assert not page.locator("#search-facets input[name=country]:checked").count()

    page.go_back()
    wait_until(page, "() => !location.search.includes('mechanism=')")
    assert query(page)["q"] == ["rights"]
    wait_until(page, "s => document.getElementById('search-status').textContent === s", first_status)
    assert page.problems.items == [], "\n".join(page.problems.items)


@pytest.mark.parametrize("where", ["root", "subpath"])
def test_missing_address_shows_the_styled_404_page(page, sites, where):
    base, _ = sites[where]
    response = page.goto(base + "no/such/page/")
    assert response.status == 404
    assert page.evaluate("document.styleSheets[0].cssRules.length > 0")
    page.locator("main a").first.click()
    assert page.url == base


def test_keyboard_reaches_skip_link_search_and_results(page, site):
    page.goto(site[0])
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.goto(site[0])
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "search-q":
            break
    else:
        pytest.fail("Tab never reached the search field on the home page")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused search field shows no focus outline"
    page.keyboard.type("education")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=education"))
    wait_for_results(page)
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#search-results') && document.activeElement.tagName === 'A'"):
            break
    else:
        pytest.fail("Tab never reached a search result")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/recommendations/[a-z0-9-]+/$"))
    assert page.problems.items == [], "\n".join(page.problems.items)


def test_matrix_links_and_csv_download(page, site, paths):
    page.goto(site[0] + path_of(paths, "term-country"))
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("CSV")).first.click()
    data = open(download.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbfid,document,paragraph,title,text,themes,")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    page.get_by_role("link", name=re.compile("matrix by theme")).click()
    assert page.url.endswith("/matrix/")
    sections = page.locator("section.matrix-section")
    assert sections.count() >= 1
    # The page lists a recommendation under each of its themes; the CSV has one row for each.
    links = page.locator("table.matrix tbody tr th a")
    linked = {links.nth(i).get_attribute("href").rstrip("/").rsplit("/", 1)[-1] for i in range(links.count())}
    assert sorted(r["id"] for r in rows) == sorted(linked) and len(rows) == len(linked)


def document_paragraphs(symbol):
    """Id → paragraph of every recommendation of `symbol`, read from the sample content's files."""
    found = {}
    for path in (REPO / "Content" / "recommendations").rglob("*.md"):
        if path.name.count(".") > 1:  # a translation (x.fr.md)
            continue
        fields = dict(re.findall(r'^(\w+): "?([^"\n]*)"?$', path.read_text(encoding="utf-8"), re.M))
        if fields.get("document") == symbol:
            derived = re.sub(r"[^a-z0-9]+", "-", (symbol + "-" + fields["paragraph"]).lower()).strip("-")
            found[fields.get("id", derived)] = fields["paragraph"]
    return found


def number_order(paragraph):
    """A reader's order: runs of digits by value, other runs as text (118.2 < 118.40 < 118.120)."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.findall(r"\d+|\D+", paragraph)]


@pytest.mark.parametrize("edition", ["", "ar/"])
def test_document_page_lists_paragraphs_in_number_order(page, sites, edition):
    """A/HRC/36/4 numbers its paragraphs 118.2, 118.40, 118.64, 118.120, 119.12: its page lists them in
    that order (not 118.120 first, as text order would), in English and in the Arabic edition."""
    base, _ = sites["root"]
    page.goto(base + edition + "documents/a-hrc-36-4/")
    hrefs = page.eval_on_selector_all("main a[href*='recommendations/']", "links => links.map(a => a.getAttribute('href'))")
    paragraph_of = document_paragraphs("A/HRC/36/4")
    listed = [paragraph_of[h.rstrip("/").split("/")[-1]] for h in hrefs if h.rstrip("/").split("/")[-1] in paragraph_of]
    assert sorted(listed) == sorted(paragraph_of.values()) and len(listed) == 5, listed
    assert listed == sorted(listed, key=number_order), listed
    assert page.problems.items == [], "\n".join(page.problems.items)
