"""The country matrix's groupings: each page at countries/<code>/matrix/<grouping>/ lists every
recommendation of the country under each of its terms of that grouping (and under "none" when
it has none), compared with the content files read independently."""

import html.parser
import re

import pytest

import content as reference

GROUPINGS = {"": ("theme", "themes"), "sdgs/": ("sdgs", "sdg_goals"), "affected-persons/": ("affected-persons", "affected_persons"),
             "mechanisms/": ("mechanisms", "mechanism"), "recommending-states/": ("recommending-states", "recommending_states")}


class Sections(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.section, self.pairs, self.current = None, set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "matrix-section" in attrs.get("class", ""):
            self.section = attrs["aria-labelledby"]
        if tag == "a" and self.section and "/recommendations/" in attrs.get("href", ""):
            self.pairs.add((self.section, attrs["href"].rstrip("/").rsplit("/", 1)[-1]))
        if tag == "a" and attrs.get("aria-current") == "page":
            self.current.append(attrs["href"])


def slug(key):
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


@pytest.mark.parametrize("folder", sorted(GROUPINGS))
def test_each_grouping_lists_every_recommendation_under_each_of_its_terms(site, folder):
    records, out = site
    prefix, field = GROUPINGS[folder]
    for code, ids in reference.groups(records, "country").items():
        page = out / "countries" / code.lower() / "matrix" / folder / "index.html"
        found = Sections()
        found.feed(page.read_text(encoding="utf-8"))
        expected = set()
        for rid in ids:
            value = records[rid][field]
            keys = value if isinstance(value, list) else [value]
            expected |= {(f"{prefix}-{slug(k)}", rid) for k in keys} or {(f"{prefix}-none", rid)}
        assert found.pairs == expected, (code, folder)
        assert [h for h in found.current if "/matrix/" in h] == [f"../../../{'../' if folder else ''}countries/{code.lower()}/matrix/{folder}"]


def test_the_matrix_offers_a_filter_for_each_cycle_body_and_response_of_the_country(site):
    """Each value the country's recommendations have gets a link to its note on the page, and the
    note links the same recommendations in the search (where they can be downloaded)."""
    records, out = site
    for code, ids in reference.groups(records, "country").items():
        page = (out / "countries" / code.lower() / "matrix" / "index.html").read_text(encoding="utf-8")
        block = page.split('<div class="matrix-filters" id="matrix-filters">')[1].split("</div>")[0] if "matrix-filters" in page else ""
        offered = set(re.findall(r'href="#filter-(cycle|body|response)-([a-z0-9-]+)"', block))
        notes = set(re.findall(r'<p class="matrix-filter-note" id="filter-(cycle|body|response)-([a-z0-9-]+)"[^>]*>.*?'
                               r'search/\?country=([a-z]+)&amp;(cycle|body|response)=([^"]+)"', page))
        expected = set()
        for rid in ids:
            r = records[rid]
            expected.add(("body", slug(r["body"])))
            if r["cycle"]:
                expected.add(("cycle", r["cycle"]))
            if r["response"]:
                expected.add(("response", r["response"]))
        assert offered == expected, code
        assert notes == {(f, v, code.lower(), f, v) for f, v in expected}, code
