"""The UPR views (recommending States, cycles, response charts) of a generated site, read back from
the built HTML with Python's html.parser and checked against a brute-force count over the content
files' front matter, read with PyYAML: what each State recommended, to whom, and the supported,
noted and pending shares (rounded half up, computed here with Decimal)."""

import collections
import decimal
import html.parser
import os
import pathlib
import subprocess

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
HRINDEX = os.environ.get("HRINDEX_BIN", str(ROOT / ".build" / "debug" / "hrindex"))
RESPONSES = ["supported", "noted", "pending"]
LABELS = {"supported": "Supported", "noted": "Noted", "pending": "Pending"}


class Page(html.parser.HTMLParser):
    """The facts (`dt` → `dd` text) and every table (caption → rows of (link, cells)) of a page."""

    def __init__(self, text):
        super().__init__()
        self.facts, self.tables = {}, {}
        self._text, self._tag, self._row, self._href, self._caption = None, None, None, None, None
        self._dt = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag in ("dt", "dd", "caption", "th", "td"):
            self._text, self._tag = "", tag
        elif tag == "tr":
            self._row, self._href, self._row_is_data = [], None, False
        if tag == "td" or (tag == "th" and dict(attrs).get("scope") == "row"):
            self._row_is_data = True
        elif tag == "a" and self._row is not None:
            self._href = dict(attrs).get("href")

    def handle_data(self, data):
        if self._text is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag != self._tag:
            if tag == "tr" and self._row is not None and self._caption is not None and self._row_is_data:
                self.tables[self._caption].append((self._href, self._row))
                self._row = None
            return
        text, self._text, self._tag = self._text.strip(), None, None
        if tag == "dt":
            self._dt = text
        elif tag == "dd":
            self.facts[self._dt] = text
        elif tag == "caption":
            self._caption = text
            self.tables.setdefault(text, [])
        elif self._row is not None:
            self._row.append(text)


def read(path):
    return Page(path.read_text(encoding="utf-8"))


def percent(part, total):
    share = (decimal.Decimal(part) * 100 / decimal.Decimal(total)).quantize(decimal.Decimal(1), decimal.ROUND_HALF_UP)
    return f"{share}%"


def number(text):
    return int(text.replace(",", ""))


def slug_of(href):
    return href.rstrip("/").rsplit("/", 1)[-1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("upr")
    content, output = folder / "content", folder / "site"
    subprocess.run([HRINDEX, "generate", "--count", "2500", "--seed", "7", "--output", str(content)], check=True,
                   capture_output=True)
    subprocess.run([HRINDEX, "build", "--content", str(content), "--output", str(output)], check=True,
                   capture_output=True)
    records = []
    for path in sorted((content / "recommendations").rglob("*.md")):
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        records.append(yaml.safe_load(front))
    assert sum(1 for r in records if r.get("recommending_states")) > 500
    return records, output


def test_each_recommending_state_page_counts_what_it_recommended_to_whom_and_its_responses(corpus):
    records, output = corpus
    made = collections.defaultdict(list)
    for r in records:
        for state in r.get("recommending_states") or []:
            made[state.lower()].append(r)
    pages = sorted(p.name for p in (output / "recommending-states").iterdir() if p.is_dir())
    assert pages == sorted(made)
    for state, mine in made.items():
        page = read(output / "recommending-states" / state / "index.html")
        for response in RESPONSES:
            n = sum(1 for r in mine if r.get("response") == response)
            assert page.facts[LABELS[response]] == f"{n} ({percent(n, len(mine))})", (state, response)
        to_whom = collections.Counter(r["country"].lower() for r in mine)
        table = page.tables["Recommended to"]
        assert {slug_of(href): number(cells[-1]) for href, cells in table} == dict(to_whom), state
        counts = [number(cells[-1]) for _, cells in table]
        assert counts == sorted(counts, reverse=True)


def test_the_hub_gives_every_state_its_count_and_supported_share(corpus):
    records, output = corpus
    made = collections.defaultdict(list)
    for r in records:
        for state in r.get("recommending_states") or []:
            made[state.lower()].append(r)
    rows = read(output / "recommending-states" / "index.html").tables["Recommending States"]
    assert len(rows) == len(made)
    for href, (name, supported, count) in rows:
        mine = made[slug_of(href)]
        assert number(count) == len(mine)
        assert supported == percent(sum(1 for r in mine if r.get("response") == "supported"), len(mine))


@pytest.mark.parametrize("field,hub", [("cycle", "upr-cycles"), ("session", "upr-sessions")])
def test_cycle_and_session_pages_count_states_reviewed_and_responses(corpus, field, hub):
    records, output = corpus
    groups = collections.defaultdict(list)
    for r in records:
        if r.get(field) is not None:
            groups[str(r[field])].append(r)
    assert len(groups) > 1
    assert sorted(p.name for p in (output / hub).iterdir() if p.is_dir()) == sorted(groups)
    hub_rows = read(output / hub / "index.html").tables
    assert len(next(iter(hub_rows.values()))) == len(groups)
    for key, mine in groups.items():
        page = read(output / hub / key / "index.html")
        for response in RESPONSES:
            n = sum(1 for r in mine if r.get("response") == response)
            assert page.facts[LABELS[response]] == f"{n} ({percent(n, len(mine))})", (key, response)
        reviewed = collections.Counter(r["country"].lower() for r in mine)
        assert {slug_of(h): number(c[-1]) for h, c in page.tables["By State"]} == dict(reviewed)
        recommenders = collections.Counter(s.lower() for r in mine for s in r.get("recommending_states") or [])
        assert {slug_of(h): number(c[-1]) for h, c in page.tables["By recommending State"]} == dict(recommenders)


def test_the_response_chart_of_country_pages(corpus):
    records, output = corpus
    by_country = collections.defaultdict(list)
    for r in records:
        by_country[r["country"].lower()].append(r)
    charted = 0
    for country, mine in by_country.items():
        page = read(output / "countries" / country / "index.html")
        answered = [r for r in mine if r.get("response")]
        assert ("UPR responses" in page.tables) == bool(answered), country
        if answered:
            charted += 1
            got = {name: number(n) for _, (name, n) in page.tables["UPR responses"]}
            assert got == {LABELS[x]: sum(1 for r in answered if r["response"] == x) for x in RESPONSES}
    assert charted > 10


def test_a_site_without_upr_recommendations_has_no_upr_hubs(tmp_path):
    content, output = tmp_path / "content", tmp_path / "site"
    subprocess.run([HRINDEX, "generate", "--count", "300", "--seed", "3", "--output", str(content)], check=True,
                   capture_output=True)
    removed = 0
    for path in (content / "recommendations").rglob("*.md"):
        if yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])["mechanism"] == "upr":
            path.unlink()
            removed += 1
    assert removed > 0
    subprocess.run([HRINDEX, "build", "--content", str(content), "--output", str(output)], check=True,
                   capture_output=True)
    assert (output / "countries" / "index.html").is_file()
    for hub in ["recommending-states", "upr-cycles", "upr-sessions"]:
        assert not (output / hub).exists(), hub
    assert "upr-cycles" not in (output / "sitemap.xml").read_text(encoding="utf-8")
