"""The search page's "Download these results": a query with two filters, downloaded as CSV and as
JSON in Chromium, read back with Python's csv and json and compared with the build's own
downloads/recommendations.jsonl (the reference: written by the build, not by the search)."""

import csv
import io
import json

import pytest


def expected_rows(folder):
    rows = [json.loads(line) for line in (folder / "downloads" / "recommendations.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r["country"] == "ECU" and r["mechanism"] == "treaty-body"]


@pytest.mark.parametrize("where", ["root", "subpath"])
def test_download_the_results_of_a_query_with_two_filters(page, sites, where):
    base, folder = sites[where]
    expected = expected_rows(folder)
    assert len(expected) > 3
    page.goto(base + "search/?country=ecu&mechanism=treaty-body")
    page.wait_for_selector("#search-results li")
    export = page.locator("#search-export")
    assert export.is_visible()
    with page.expect_download() as started:
        export.get_by_role("button", name="CSV").click()
    download = started.value
    assert download.suggested_filename == "search-results.csv"
    raw = open(download.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [r["id"] for r in rows] == [r["id"] for r in expected]
    for row, want in zip(rows, expected):
        assert row["text"].lstrip("'") == want["text"].lstrip("'") and row["document"] == want["document"]
        assert row["country"] == "ecu" and row["mechanism"] == "treaty-body"
    assert page.locator("#search-export-status").inner_text() != ""
    with page.expect_download() as started:
        export.get_by_role("button", name="JSON").click()
    data = json.loads(open(started.value.path(), encoding="utf-8").read())
    assert [r["id"] for r in data] == [r["id"] for r in expected]
    assert all(r["text"] == w["text"] for r, w in zip(data, expected))
    assert page.problems.items == [], "\n".join(page.problems.items)


@pytest.mark.parametrize("where", ["root", "subpath"])
def test_the_download_follows_the_pages_sort_year_range_and_edition(page, sites, where):
    """The French search page sorted oldest first over 2015-2019: the file holds the reference's
    rows of those years in that order, each linking to a French page the build wrote."""
    base, folder = sites[where]
    rows = [json.loads(line) for line in (folder / "downloads" / "recommendations.jsonl").read_text(encoding="utf-8").splitlines()]
    ecu = [r for r in rows if r["country"] == "ECU"]
    expected = [r for r in ecu if 2015 <= int(r["date"][:4]) <= 2019][::-1]
    assert 3 < len(expected) < len(ecu)
    page.goto(base + "fr/search/?country=ecu&sort=oldest&from=2015&to=2019")
    page.wait_for_selector("#search-results li")
    with page.expect_download() as started:
        page.locator("#search-export").get_by_role("button", name="JSON").click()
    data = json.loads(open(started.value.path(), encoding="utf-8").read())
    assert [r["id"] for r in data] == [r["id"] for r in expected]
    for r in data:
        assert r["url"].startswith(base + "fr/recommendations/"), r["url"]
        assert (folder / r["url"][len(base):] / "index.html").exists(), r["url"]
    assert page.problems.items == [], "\n".join(page.problems.items)
