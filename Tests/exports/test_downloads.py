"""The downloads read back with independent readers (Python's csv, json, sqlite3 and openpyxl) and
compared with the content read by tests/exports/content.py: row counts, ids, fields, full texts
and groups. Run after `swift build`: python3 -m pytest -q Tests/exports"""

import csv
import html.parser
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import openpyxl
import pytest
import yaml

import content as reference

from site_build import BASE, GROUP_FIELDS, REPO, build


def check_row(expected, row):
    """One exported row (lists as Python lists) against the content."""
    assert row["document"] == expected["document"] and row["paragraph"] == expected["paragraph"]
    assert row["country"] == expected["country"] and row["mechanism"] == expected["mechanism"]
    assert row["date"] == expected["date"]
    assert (row["response"] or None) == expected["response"]
    for field in ["recommending_states", "themes", "affected_persons"]:
        assert row[field] == expected[field], (expected["id"], field)
    for field in ["sdg_goals", "sdg_targets"]:  # derived values: their order is the build's
        assert sorted(row[field]) == sorted(expected[field]), (expected["id"], field)
    assert reference.words(row["text"]) == expected["words"], expected["id"]
    assert row["url"] == BASE + "recommendations/" + expected["id"] + "/"


def split(cell):
    return cell.split("; ") if cell else []


LISTS = ["recommending_states", "themes", "affected_persons", "sdg_goals", "sdg_targets", "follow_up_responsible"]


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark"
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n") + raw.count(b"\n") - raw.count(b"\r\n")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True)))
    for row in rows:
        for field in LISTS:
            row[field] = split(row[field])
    return rows


def test_csv_has_one_row_per_recommendation_with_every_field_and_the_full_text(site):
    records, out = site
    rows = read_csv(out / "downloads" / "recommendations.csv")
    assert sorted(r["id"] for r in rows) == sorted(records)
    for row in rows:
        check_row(records[row["id"]], row)


def test_csv_neutralises_formulas_and_keeps_quotes_and_line_breaks(site):
    _, out = site
    rows = {r["id"]: r for r in read_csv(out / "downloads" / "recommendations.csv")}
    edge = rows["a-hrc-99-1-1-1"]
    assert edge["title"].startswith("'=HYPERLINK(")
    assert edge["text"].startswith("'=1+2, said \u201cthe State\u201d")
    assert "حقوق الإنسان" in edge["text"] and "-5 and @once." in edge["text"]
    assert edge["follow_up_cluster"] == 'Health, "care"\nand more'  # quoted, the line break kept
    for row in rows.values():
        for value in row.values():
            for cell in value if isinstance(value, list) else [value]:
                assert not cell or cell[0] not in "=+-@\t\r", (row["id"], cell)


def test_jsonl_has_every_recommendation_with_lists_as_arrays(site):
    records, out = site
    lines = (out / "downloads" / "recommendations.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert sorted(r["id"] for r in rows) == sorted(records)
    for row in rows:
        expected = records[row["id"]]
        check_row(expected, row)
        assert row["cycle"] == (int(expected["cycle"]) if expected["cycle"] else None)
        assert row["follow_up_responsible"] == expected["follow_up_responsible"]
    edge = next(r for r in rows if r["id"] == "a-hrc-99-1-1-1")
    assert edge["title"].startswith("=HYPERLINK(")  # JSON is data, not a spreadsheet: kept as written


def xlsx_rows(path):
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[1]]
    rows = []
    for cells in sheet.iter_rows(min_row=2):
        assert all(c.data_type != "f" for c in cells), "no cell is a formula"
        row = {h: ("" if c.value is None else str(c.value)) for h, c in zip(header, cells)}
        for field in LISTS:
            row[field] = split(row[field])
        rows.append(row)
    return header, rows


def test_xlsx_has_one_row_per_recommendation_and_no_formula(site):
    records, out = site
    header, rows = xlsx_rows(out / "downloads" / "recommendations.xlsx")
    assert header[:3] == ["id", "document", "paragraph"] and "text" in header
    assert sorted(r["id"] for r in rows) == sorted(records)
    for row in rows:
        check_row(records[row["id"]], row)
    edge = next(r for r in rows if r["id"] == "a-hrc-99-1-1-1")
    assert edge["title"].startswith("=HYPERLINK(")  # a text cell, never run


def test_sqlite_has_a_table_per_entity_link_tables_and_full_text_search(site):
    records, out = site
    db = sqlite3.connect(out / "downloads" / "recommendations.sqlite")
    ids = [r for (r,) in db.execute("SELECT id FROM recommendations")]
    assert sorted(ids) == sorted(records)
    for rid, text, country in db.execute("SELECT id, text, country FROM recommendations"):
        assert reference.words(text) == records[rid]["words"]
        assert country == records[rid]["country"]
    for table, column, field in [("recommendation_themes", "theme", "themes"),
                                 ("recommendation_affected_persons", "affected_person", "affected_persons"),
                                 ("recommendation_recommending_states", "country", "recommending_states"),
                                 ("recommendation_sdg_targets", "sdg_target", "sdg_targets")]:
        pairs = set(db.execute(f"SELECT recommendation_id, {column} FROM {table}"))
        assert pairs == {(r["id"], v) for r in records.values() for v in r[field]}, table
    goals = set(db.execute("SELECT recommendation_id, sdg_goal FROM recommendation_sdg_goals"))
    assert goals == {(r["id"], int(g)) for r in records.values() for g in r["sdg_goals"]}
    # Every theme linked is in the themes table, with a name.
    assert not list(db.execute("SELECT theme FROM recommendation_themes WHERE theme NOT IN (SELECT slug FROM themes)"))
    # Full-text search: a word of one text finds exactly the texts holding it.
    word = "Roma"
    found = {r for (r,) in db.execute("SELECT r.id FROM recommendations_fts JOIN recommendations r "
                                      "ON r.rowid = recommendations_fts.rowid WHERE recommendations_fts MATCH ?", (word,))}
    holding = {r["id"] for r in records.values() if word.lower() in r["words"].lower()}
    assert found and found <= holding and len(found) >= 1


@pytest.mark.parametrize("folder", sorted(GROUP_FIELDS))
def test_each_group_page_offers_its_list_as_csv_and_countries_as_xlsx_too(site, folder):
    records, out = site
    expected = reference.groups(records, GROUP_FIELDS[folder])
    for key, ids in expected.items():
        base = out / folder / key.lower()
        rows = read_csv(base / "recommendations.csv")
        assert sorted(r["id"] for r in rows) == sorted(ids), (folder, key)
        offered = {str(base / "recommendations.csv")}
        if folder == "countries":
            _, xrows = xlsx_rows(base / "recommendations.xlsx")
            assert [r["id"] for r in xrows] == [r["id"] for r in rows]
            offered.add(str(base / "recommendations.xlsx"))
        else:
            assert not (base / "recommendations.xlsx").exists()
        links = {t for t in targets(base / "index.html") if t.endswith(("recommendations.csv", "recommendations.xlsx"))}
        assert links == offered, (folder, key)


def targets(page):
    """Every link of the page `page` (a path), resolved to a path of the output."""
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    return {os.path.normpath(page.parent / h) for h in links.links if h and "://" not in h}


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.links = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs).get("href"))


def test_downloads_page_lists_every_file_with_its_size_and_home_links_it(site):
    _, out = site
    page = (out / "downloads" / "index.html").read_text(encoding="utf-8")
    links = Links()
    links.feed(page)
    files = sorted(os.path.relpath(os.path.normpath(out / "downloads" / h), out / "downloads")
                   for h in links.links if h and "recommendations." in h)
    assert files == ["recommendations.csv", "recommendations.jsonl", "recommendations.sqlite", "recommendations.xlsx"]
    for name in files:
        size = (out / "downloads" / name).stat().st_size
        shown = f"{size / 1e6:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} kB"
        assert shown in page, (name, shown)
    assert str(out / "downloads") in targets(out / "index.html")
    french = Links()
    french.feed((out / "fr" / "downloads" / "index.html").read_text(encoding="utf-8"))
    assert {os.path.normpath(out / "fr" / "downloads" / h) for h in french.links if h and h.endswith(".csv")} == {
        str(out / "downloads" / "recommendations.csv")}


def test_site_yml_turns_each_kind_off(tmp_path):
    _, out = build(tmp_path, "exports:\n  xlsx: false\n  group_files: false\n")
    assert sorted(p.name for p in (out / "downloads").iterdir()) == [
        "index.html", "recommendations.csv", "recommendations.jsonl", "recommendations.sqlite"]
    assert not (out / "countries" / "ecu" / "recommendations.csv").exists()
    assert "recommendations.csv" not in (out / "countries" / "ecu" / "index.html").read_text(encoding="utf-8")
    assert "recommendations.xlsx" not in (out / "downloads" / "index.html").read_text(encoding="utf-8")


def test_site_yml_turns_every_export_off(tmp_path):
    _, out = build(tmp_path, "exports: false\n")
    assert not (out / "downloads").exists()
    assert str(out / "downloads") not in targets(out / "index.html")


def test_a_wrong_exports_setting_names_file_line_and_what_is_accepted(tmp_path):
    with pytest.raises(subprocess.CalledProcessError) as failure:
        build(tmp_path, "exports:\n  xlsx: maybe\n  pdf: true\n")
    message = failure.value.stderr.decode() + failure.value.stdout.decode()
    assert "site.yml:" in message and "exports.xlsx" in message and "\"maybe\" is not true or false" in message
    assert "unknown export \"pdf\"" in message and "group_files" in message


# A theme name is one text or one per language (its English name is the matrix's).
THEMES = {t["slug"]: t["name"]["en"] if isinstance(t["name"], dict) else t["name"] for t in yaml.safe_load((REPO / "Vocabularies" / "themes.yml").read_text(encoding="utf-8"))}


def test_country_matrix_csv_has_one_row_per_recommendation_with_full_text_and_groups_by_name(site):
    records, out = site
    for code, ids in reference.groups(records, "country").items():
        raw = (out / "countries" / code.lower() / "matrix.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True)))
        assert sorted(r["id"] for r in rows) == sorted(ids), code
        for row in rows:
            expected = records[row["id"]]
            if not expected["translations"]:  # a translated text shows in the page's language
                assert reference.words(row["text"]) == expected["words"], row["id"]
            assert row["themes"] == "; ".join(THEMES[t] for t in expected["themes"]), row["id"]
            assert row["url"] == BASE + "recommendations/" + row["id"] + "/"
