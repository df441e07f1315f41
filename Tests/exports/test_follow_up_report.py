"""The follow-up progress reports' files: each report's `report.csv` (read with Python's csv) and
`report.xlsx` (read with openpyxl) hold the same rows under the same columns, and both hold what
the content files say (read with PyYAML): the recommendations of that country's review, each
once, with its text, its current status (the latest dated update's) and its cluster."""

import csv
import re

import openpyxl
import yaml

import content as reference

from site_build import BASE, REPO, build

COLUMNS = ["cluster", "id", "document", "paragraph", "text", "status", "responsible", "due", "overdue",
           "actions", "latest_update_date", "latest_update_note", "url"]


AS_OF = yaml.safe_load((REPO / "Content" / "site.yml").read_text(encoding="utf-8"))["follow_up"]["as_of"].isoformat()


def strings(language):
    return yaml.load((REPO / "Templates" / "strings" / f"{language}.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def tracked(content):
    """Report folder (`ecu/upr-cycle-3`) → {id: (current status, cluster)}, from the files alone."""
    reports = {}
    for path in sorted((content / "recommendations").rglob("*.md")):
        if "." in path.name[: -len(".md")]:
            continue
        fields = yaml.load(path.read_text(encoding="utf-8").split("---\n", 2)[1], Loader=yaml.BaseLoader)
        follow = fields.get("follow_up")
        if not follow:
            continue
        updates = sorted(enumerate(follow.get("updates") or []), key=lambda u: (u[1]["date"], u[0]))
        status = updates[-1][1]["status"] if updates else follow.get("status")
        rid = fields.get("id") or reference.slug_id(fields["document"], fields["paragraph"])
        review = f"upr-cycle-{fields['cycle']}" if fields["mechanism"] == "upr" else slug(fields["body"])
        reports.setdefault(f"{fields['country'].lower()}/{review}", {})[rid] = (status, follow.get("cluster") or "")
    return reports


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(keepends=True)))
    return rows[0], rows[1:]


def read_xlsx(path):
    sheet = openpyxl.load_workbook(path).active
    rows = []
    for cells in sheet.iter_rows():
        assert all(c.data_type != "f" for c in cells), "no cell is a formula"
        rows.append(["" if c.value is None else str(c.value) for c in cells])
    width = len(rows[0])
    return rows[0], [r + [""] * (width - len(r)) for r in rows[1:]]


def neutralised(cell):
    """A cell as the CSV writes it: `'` before text a spreadsheet would run as a formula."""
    return "'" + cell if cell and cell[0] in "=+-@\t\r" else cell


def report_folders(out, prefix=""):
    return sorted(p.parent for p in (out / prefix / "countries").glob("*/follow-up/*/index.html"))


def test_each_report_has_its_csv_and_xlsx_with_the_same_rows_and_what_the_content_says(site):
    records, out = site
    expected = tracked(REPO / "Content") | {"ecu/upr-cycle-3": tracked(REPO / "Content")["ecu/upr-cycle-3"] | {
        "a-hrc-99-1-1-1": (None, 'Health, "care"\nand more')}}  # the edge record site_build adds
    for language, prefix in [("en", ""), ("fr", "fr")]:
        labels = strings(language)
        folders = report_folders(out, prefix)
        assert {f"{f.parent.parent.name}/{f.name}" for f in folders} == set(expected), language
        for folder in folders:
            key = f"{folder.parent.parent.name}/{folder.name}"
            header, rows = read_csv(folder / "report.csv")
            xheader, xrows = read_xlsx(folder / "report.xlsx")
            assert header == COLUMNS and xheader == COLUMNS, key
            assert len(xrows) == len(rows), key
            for row, xrow in zip(rows, xrows):
                assert row == [neutralised(c) for c in xrow], (key, xrow[1])
            ids = [r[1] for r in xrows]
            assert sorted(ids) == sorted(expected[key]), key  # each recommendation once
            clusters = [r[0] for r in xrows]
            assert clusters == sorted(clusters, key=lambda c: (c == "", c)), key  # grouped by cluster, none last
            for r in xrows:
                row = dict(zip(COLUMNS, r))
                status, cluster = expected[key][row["id"]]
                assert row["status"] == (labels[f"status_{status}"] if status else ""), (key, row["id"])
                assert row["cluster"] == cluster, (key, row["id"])
                assert reference.words(row["text"]) == records[row["id"]]["words"], (key, row["id"])
                assert row["url"] == BASE + "recommendations/" + row["id"] + "/"
            # Stamped with site.yml's follow_up.as_of, the same for every report (see writeReportWorkbook).
            created = openpyxl.load_workbook(folder / "report.xlsx").properties.created
            assert created.date().isoformat() == AS_OF, key
            page = (folder / "index.html").read_text(encoding="utf-8")
            assert 'href="report.csv" download' in page and 'href="report.xlsx" download' in page, key


def test_a_formula_like_text_is_a_text_cell_in_the_xlsx_and_neutralised_in_the_csv(site):
    _, out = site
    folder = out / "countries" / "ecu" / "follow-up" / "upr-cycle-3"
    _, rows = read_csv(folder / "report.csv")
    edge = next(r for r in rows if r[1] == "a-hrc-99-1-1-1")
    assert edge[4].startswith("'=1+2") and edge[6].startswith("'+Ministry of Health")
    sheet = openpyxl.load_workbook(folder / "report.xlsx").active
    cells = next(c for c in sheet.iter_rows(min_row=2) if c[1].value == "a-hrc-99-1-1-1")
    assert cells[4].value.startswith("=1+2") and cells[4].data_type == "s"
    assert cells[6].value.startswith("+Ministry of Health") and cells[6].data_type == "s"


def test_the_country_follow_up_page_links_each_report_s_csv_and_xlsx(site):
    _, out = site
    for country in (out / "countries").glob("*/follow-up/index.html"):
        page = country.read_text(encoding="utf-8")
        reports = sorted(p.name for p in country.parent.iterdir() if p.is_dir())
        for name in ("report.csv", "report.xlsx"):
            assert sorted(re.findall(r'href="([^"/]+)/' + re.escape(name) + '" download', page)) == reports, (country, name)


def test_the_report_files_follow_the_exports_setting_together(tmp_path):
    """Like the report page itself, its CSV and XLSX are written whatever `exports:` says (they
    are the page's own data, not a dataset download); the two always come together."""
    _, out = build(tmp_path, "exports: false\n")
    for folder in report_folders(out):
        assert (folder / "report.csv").exists() and (folder / "report.xlsx").exists(), folder
        _, rows = read_csv(folder / "report.csv")
        _, xrows = read_xlsx(folder / "report.xlsx")
        assert rows == [[neutralised(c) for c in r] for r in xrows], folder
