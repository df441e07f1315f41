"""Recommendation pages of the sample site, read from the built HTML and checked against the content
files: the headline is not repeated, every grouped field links to a page or a search, and dates
(the follow-up due date too) are written the edition's way."""

import calendar
import datetime
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

import yaml

from conftest import REPO

TRANSLATION = re.compile(r"\.(en|fr|es|ru|zh|ar)\.md$")
UNGROUPED = {"Paragraph", "Date", "Identifier", "Status", "Responsible", "Cluster", "Due"}


def originals(english_edition=False):
    """Front matter and text of each recommendation file (with english_edition, only those whose
    English page shows them: no English translation beside them)."""
    for path in sorted((REPO / "Content" / "recommendations").rglob("*.md")):
        if english_edition and path.with_name(path.stem + ".en.md").exists():
            continue
        if not TRANSLATION.search(path.name):
            text = path.read_text(encoding="utf-8")
            _, matter, body = text.split("---", 2)
            yield yaml.safe_load(matter, ), body


class Page(HTMLParser):
    """The h1, the <title>, the text of <main>, and each field row: (label, [(text, href)])."""

    def __init__(self):
        super().__init__()
        self.stack, self.title, self.h1, self.main, self.rows = [], "", "", "", []
        self.value, self.text, self.text_depth = None, "", None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.stack.append(tag)
        if tag == "div" and a.get("class") == "rec-text":
            self.text_depth = len(self.stack)
        if tag == "dt":
            self.rows.append(["", []])
        elif tag == "dd":
            self.value = None
        elif tag == "a" and "dd" in self.stack:
            self.value = ["", a["href"]]
            self.rows[-1][1].append(self.value)

    def handle_endtag(self, tag):
        if self.text_depth is not None and tag == "div" and len(self.stack) == self.text_depth:
            self.text_depth = None
        while self.stack and self.stack.pop() != tag:
            pass
        if tag == "a":
            self.value = None

    def handle_data(self, data):
        if "title" in self.stack and "head" in self.stack:
            self.title += data
        if "h1" in self.stack:
            self.h1 += data
        if "main" in self.stack:
            self.main += data
        if self.text_depth is not None:
            self.text += data
        if "dt" in self.stack:
            self.rows[-1][0] += data
        elif "dd" in self.stack and self.rows:
            if self.value is None:
                if data.strip(" ,"):
                    self.value = [data, None]
                    self.rows[-1][1].append(self.value)
                    self.value = None
            else:
                self.value[0] += data


def read(path):
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def squash(text):
    return " ".join(text.split())


def english_date(iso):
    d = datetime.date.fromisoformat(str(iso))
    return f"{d.day} {calendar.month_name[d.month]} {d.year}"


def test_headline_is_never_repeated(site):
    """The heading never shows the words the text opens with (the page title does)."""
    folder = site[1]
    site_title = yaml.safe_load((REPO / "Content" / "site.yml").read_text())["title"]
    checked = 0
    for index in sorted(folder.glob("*/recommendations/*/index.html")) + sorted((folder / "recommendations").glob("*/index.html")):
        page = read(index)
        headline = squash(page.title).rsplit(" · ", 1)[0].removesuffix("…")
        assert squash(page.text), f"{index}: no text"
        if squash(page.text).startswith(headline):
            assert headline not in squash(page.h1), f"{index}: the heading repeats the text's opening"
            checked += 1
        else:
            assert squash(page.h1) == squash(page.title).rsplit(" · ", 1)[0], f"{index}: a distinct title heads the page"
    assert checked > 50


def test_given_title_heads_the_page_and_a_made_one_does_not(site):
    folder = site[1]
    for matter, body in originals(english_edition=True):
        page = read(folder / "recommendations" / recommendation_id(matter) / "index.html")
        first_words = squash(re.sub(r"[*_`]", "", body))[:30]
        if matter.get("title") and not squash(body).startswith(squash(matter["title"])):
            assert squash(page.h1) == squash(matter["title"])
        elif not matter.get("title"):
            assert first_words not in squash(page.h1)
            assert matter["document"] in page.h1 and str(matter["paragraph"]) in page.h1


def recommendation_id(matter):
    if "id" in matter:
        return matter["id"]
    return re.sub(r"[^a-z0-9]+", "-", f"{matter['document']} {matter['paragraph']}".lower()).strip("-")


def test_grouped_fields_link_to_a_page_or_a_search(site):
    folder = site[1]
    fields = json.loads((folder / "search/index/manifest.json").read_text())["fields"]
    for index in sorted((folder / "recommendations").glob("*/index.html")):
        url = "file://" + str(index)
        for label, values in read(index).rows:
            label = squash(label)
            assert values, f"{index}: {label} has no value"
            for text, href in values:
                if label in UNGROUPED:
                    assert href is None or label == "Document", f"{index}: {label} links"
                    continue
                assert href, f"{index}: {label} value {text!r} is not a link"
                target = urlsplit(urljoin(url, html.unescape(href)))
                if target.path.endswith("/search/"):
                    assert all(name in fields for name, _ in parse_qsl(target.query)), href
                assert (Path(target.path) / "index.html").is_file(), f"{index}: {href} leads nowhere"


def test_dates_are_written_the_editions_way(site):
    folder = site[1]
    seen = 0
    for matter, _ in originals():
        due = (matter.get("follow_up") or {}).get("due")
        if not due:
            continue
        rid = recommendation_id(matter)
        rows = {squash(label): values for label, values in read(folder / "recommendations" / rid / "index.html").rows}
        assert [t for t, _ in rows["Date"]] == [english_date(matter["date"])]
        assert [t for t, _ in rows["Due"]] == [english_date(due)]
        zh = {squash(label): values for label, values in read(folder / "zh" / "recommendations" / rid / "index.html").rows}
        d = datetime.date.fromisoformat(str(due))
        assert any(t == f"{d.year}年{d.month}月{d.day}日" for values in zh.values() for t, _ in values)
        seen += 1
    assert seen >= 2
