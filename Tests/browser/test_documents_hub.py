"""The documents hub and the UPR reviews of country pages, read from the built sample site and
checked against the content files (PyYAML) with a natural sort written here."""

import datetime
import re
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

import yaml

from conftest import REPO

TRANSLATION = re.compile(r"\.(en|fr|es|ru|zh|ar)\.md$")


def records():
    for path in sorted((REPO / "Content" / "recommendations").rglob("*.md")):
        if not TRANSLATION.search(path.name):
            yield yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def natural(symbol):
    """Digits compare as numbers, everything else as characters."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.findall(r"\d+|\D+", symbol)]


class Rows(HTMLParser):
    """The cells of table.documents, as texts, with each row's first link."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.in_table, self.pager = [], None, False, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and "documents" in (a.get("class") or ""):
            self.in_table = True
        if self.in_table and tag == "tr":
            self.rows.append([])
        if self.in_table and tag in ("td", "th") and self.rows:
            self.cell = ""
        if tag == "a" and a.get("rel") == "next":
            self.pager.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_table = False
        if self.in_table and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(self.cell.strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def hub_rows(folder, first):
    """Every row of every page of the order whose first page is `first`, following rel=next."""
    rows, page, pages = [], Path(folder) / first / "index.html", 0
    size = yaml.safe_load((REPO / "Content" / "site.yml").read_text())["page_size"]
    while True:
        parsed = Rows()
        parsed.feed(page.read_text(encoding="utf-8"))
        body = [r for r in parsed.rows if r and r[0] != "Document"]
        assert 0 < len(body) <= size
        rows += body
        pages += 1
        if not parsed.pager:
            return rows, pages
        page = (page.parent / parsed.pager[0]).resolve() / "index.html"


def english_date(iso):
    d = datetime.date.fromisoformat(str(iso))
    return f"{d.day} {d.strftime('%B')} {d.year}"


def test_documents_hub_lists_every_document_in_both_orders(site):
    folder = site[1]
    documents = defaultdict(list)
    for r in records():
        documents[r["document"]].append(r)
    by_date, date_pages = hub_rows(folder, "documents")
    by_symbol, symbol_pages = hub_rows(folder, "documents/by-symbol")
    assert date_pages == symbol_pages > 1
    for rows in (by_date, by_symbol):
        assert sorted(row[0] for row in rows) == sorted(documents)
        for symbol, state, body, kind, date, count in rows:
            members = documents[symbol]
            assert count == str(len(members))
            assert body == str(members[0]["body"])
            assert date == english_date(members[0]["date"])
            assert kind
    assert [row[0] for row in by_symbol] == sorted(documents, key=natural)
    dates = [str(documents[row[0]][0]["date"]) for row in by_date]
    assert dates == sorted(dates, reverse=True)


def test_upr_country_pages_group_documents_by_review(site):
    folder = site[1]
    upr = defaultdict(Counter)
    for r in records():
        if r["mechanism"] == "upr":
            upr[str(r["country"]).lower()][r["document"]] += 1
    assert upr
    for country, counts in upr.items():
        html = (folder / "countries" / country / "index.html").read_text(encoding="utf-8")
        section = re.search(r'<h2 id="reviews-heading">.*?</section>', html, re.S)
        assert section, f"{country}: no UPR reviews"
        found = dict(re.findall(r'<a href="[^"]*">([^<]+)</a> \((\d+) recommendations?\)', section.group(0)))
        assert found == {doc: str(n) for doc, n in counts.items()}, country
    for page in (folder / "countries").glob("*/index.html"):
        if page.parent.name not in upr:
            assert "reviews-heading" not in page.read_text(encoding="utf-8")
