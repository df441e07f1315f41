"""Mixed-direction text in the Arabic edition reads in its own order: a document symbol, a
paragraph number, a target code or an English name inside right-to-left text is laid out left to
right. Read from the rendered page: the x position of every character (Range.getClientRects),
sorted left to right, must spell the text as written."""

import re

import pytest

# The characters of the first element matching `selector` whose text contains `needle`: for each,
# its centre x, its top and the character, as laid out.
LAYOUT = """([selector, needle]) => {
  for (const el of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let text = "";
    while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
    const at = text.indexOf(needle);
    if (at < 0) continue;
    const chars = [];
    for (let i = at; i < at + needle.length; i++) {
      const [node, start] = nodes.filter(([n, s]) => s <= i).pop();
      const range = document.createRange();
      range.setStart(node, i - start);
      range.setEnd(node, i - start + 1);
      const r = range.getClientRects()[0] || range.getBoundingClientRect();
      chars.push([r.left + r.width / 2, r.top, text[i]]);
    }
    return chars;
  }
  return null;
}"""


def visual(page, selector, needle):
    """`needle` as it reads on screen, left to right (None when no element shows it)."""
    chars = page.evaluate(LAYOUT, [selector, needle])
    if chars is None:
        return None
    tops = [top for _, top, _ in chars]
    assert max(tops) - min(tops) < 4, f"{needle!r} is broken across lines"
    return "".join(c for _, _, c in sorted(chars, key=lambda c: c[0]))


def open_arabic(page, site, path):
    url, _ = site
    page.goto(url + "ar/" + path)
    assert page.evaluate("document.documentElement.dir") == "rtl"


def test_the_measure_sees_a_garbled_number(page, site):
    """The check can fail: a paragraph number written into Arabic text without isolation is garbled."""
    open_arabic(page, site, "recommendations/cmw-c-ecu-co-3-47-g/")
    page.evaluate("""() => { const p = document.createElement('p'); p.id = 'control';
      p.textContent = 'الفقرة 47(g)'; document.querySelector('main').append(p); }""")
    assert visual(page, "#control", "47(g)") != "47(g)"


@pytest.mark.parametrize("path, selector, needles", [
    ("recommendations/cmw-c-ecu-co-3-47-g/", ".kicker", ["47(g)", "CMW/C/ECU/CO/3"]),
    ("recommendations/cmw-c-ecu-co-3-47-g/", ".fields", ["47(g)", "CMW/C/ECU/CO/3"]),
    ("recommendations/a-hrc-36-4-118-64/", ".kicker-heading", ["A/HRC/36/4", "118.64"]),
    ("countries/ecu/", ".rec-meta", ["47(g)", "A/HRC/36/4", "CMW/C/ECU/CO/3"]),
])
def test_codes_read_in_order_on_arabic_pages(page, site, path, selector, needles):
    open_arabic(page, site, path)
    for needle in needles:
        assert visual(page, selector, needle) == needle, f"{path} {selector}: {needle}"
    assert not page.problems.items


def test_chart_labels_and_numbers_read_in_order(page, site):
    open_arabic(page, site, "sdgs/16/")
    assert visual(page, "#chart-targets .chart-label", "16.2") == "16.2"
    # An English name in an Arabic chart (a site vocabulary without Arabic names) keeps its order.
    english = "2030 Agenda & other voluntary commitments"
    page.evaluate("""(t) => { document.querySelector('#chart-targets .chart-label').textContent = t; }""", english)
    assert visual(page, "#chart-targets .chart-label", english) == english
    values = page.evaluate("() => [...document.querySelectorAll('#chart-targets .chart-value')].map(e => e.textContent)")
    assert values and all(visual(page, "#chart-targets .chart-value", v) == v for v in values if len(v) > 1)


def test_arabic_search_page_names_facets_in_arabic_and_isolates_codes(page, site):
    """The search page of the Arabic edition: facet values named from labels/ar.json, result
    symbols and paragraph numbers in their own order."""
    import json
    url, folder = site
    labels = json.loads((folder / "search" / "index" / "labels" / "ar.json").read_text(encoding="utf-8"))
    page.goto(url + "ar/search/?q=CMW")
    from conftest import wait_until
    wait_until(page, "() => document.querySelectorAll('#search-results li').length > 0 && document.querySelectorAll('.search-facet label').length > 0")
    shown = page.evaluate("() => [...document.querySelectorAll('.search-facet input[name=theme] + label')].map(l => [l.htmlFor, l.textContent])")
    assert shown
    for _, text in shown:
        assert re.search(r" \([0-9]+\)$", text), f"a count not in the pages' digits: {text}"
        name = text.rsplit(" (", 1)[0]
        assert name in labels["theme"].values(), name
        assert not re.search(r"[A-Za-z]", name), f"an English theme name on the Arabic search page: {name}"
    assert visual(page, ".search-meta", "47(g)") == "47(g)"
    assert visual(page, ".search-meta", "CMW/C/ECU/CO/3") == "CMW/C/ECU/CO/3"
    assert not page.problems.items
