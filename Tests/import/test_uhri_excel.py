"""`hrindex import uhri` on UHRI's Excel export, written here by an independent writer (openpyxl),
and on a CSV of the same rows written by Python's csv module. Every imported field is checked
against the rows as written, the vocabularies read with PyYAML, and the report read with csv."""

import csv
import datetime
import os
import pathlib
import subprocess

import openpyxl
import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
HRINDEX = os.environ.get("HRINDEX_BIN", str(ROOT / ".build" / "debug" / "hrindex"))

# The header row of UHRI's "Export to Excel", spellings as OHCHR writes them.
HEADER = [
    "Text", "Countries Concerned", "Reccomending Body", "Document Symbol", "Themes", "Affected Persons",
    "Sdgs", "Document Publication Date", "UPR Reccomending States", "UPR Position", "Type",
    "OHCHR Annotation Id", "UPR Session", "Regions Concerned", "Recommending Regions",
    "Date of publication on UHRI",
]


def items(*values):
    """A multi-valued cell: newline-separated `- ` items."""
    return "\n".join("- " + v for v in values)


def row(**cells):
    return [cells.get(h, None) for h in HEADER]


CRC = row(**{
    "Text": "4.The Committee urges the State party to ensure birth registration (para. 18).",
    "Countries Concerned": items("Peru"), "Reccomending Body": items("CRC"), "Document Symbol": "CRC/C/PER/CO/6-7",
    "Themes": items("Right to health", "Enforced disappearances"), "Affected Persons": items("Children", "Women & girls"),
    "Sdgs": items("16.2 - Protect children from abuse, exploitation, trafficking and violence", "5 - GENDER EQUALITY"),
    "Document Publication Date": datetime.datetime(2025, 2, 12), "Type": items("Recommendations"),
    "OHCHR Annotation Id": "a9ceae8c-fe1c-40f9-a326-1529e0ab678f", "Regions Concerned": items("Latin America and the Caribbean"),
    "Date of publication on UHRI": datetime.datetime(2025, 3, 3, 10, 53, 45),
})
UPR = row(**{
    "Text": "118.64 Abolish the death penalty.", "Countries Concerned": items("Netherlands"),
    "Reccomending Body": items("UPR"), "Document Symbol": "A/HRC/36/4", "Themes": items("Death penalty"),
    "Document Publication Date": datetime.datetime(2017, 7, 11), "UPR Reccomending States": items("France", "Turkey", "PK"),
    "UPR Position": items("Supported"), "Type": items("Recommendations"),
    "OHCHR Annotation Id": "7f1c2a9e-0b1d-4c55-9a8e-000000000001", "UPR Session": items("27"),
})
UUID_TYPE = row(**{
    "Text": "12. The Committee is concerned about the detention of children.", "Countries Concerned": None,
    "Reccomending Body": items("CRC"), "Document Symbol": "CRC/C/PER/CO/6-7",
    "Document Publication Date": datetime.datetime(2025, 2, 12), "Type": "3f9a2c7e-1b4d-4e8f-9a6b-2c5d7e8f9a0b",
    "OHCHR Annotation Id": "7f1c2a9e-0b1d-4c55-9a8e-000000000003", "Themes": items("Space exploration"),
})
DUPLICATE = list(CRC)
BLANK = row(**{
    "Text": "   ", "Countries Concerned": items("ES"), "Reccomending Body": items("CEDAW"),
    "Document Symbol": "CEDAW/C/ESP/CO/9", "Document Publication Date": datetime.datetime(2023, 5, 30),
    "OHCHR Annotation Id": "7f1c2a9e-0b1d-4c55-9a8e-000000000005",
})
ROWS = [CRC, UPR, UUID_TYPE, DUPLICATE, BLANK]


def excel_serial(value):
    return (value - datetime.datetime(1899, 12, 30)).days


def write_xlsx(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Export"
    sheet.append(HEADER)
    for r in ROWS:
        sheet.append(r)
    book.save(path)


def write_csv(path):
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for r in ROWS:
            writer.writerow([excel_serial(c) if isinstance(c, datetime.datetime) else ("" if c is None else c) for c in r])


def record_starts(path):
    """Record number (header = 1) → the line of the file it starts on, as Python's csv reads it."""
    starts, line = {}, 1
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        for n, _ in enumerate(reader, start=1):
            starts[n] = line
            line = reader.line_num + 1
    return starts


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def vocabulary(name):
    return yaml.safe_load((ROOT / "Vocabularies" / name).read_text(encoding="utf-8"))


def slug_of(label, terms):
    for term in terms:
        name = term["name"] if isinstance(term["name"], str) else term["name"]["en"]
        if label == name or label in term.get("aliases", []):
            return term["slug"]
    return None


def run_import(tmp_path, source):
    content = tmp_path / "Content"
    report = tmp_path / "report.csv"
    result = subprocess.run([HRINDEX, "import", "uhri", "--input", str(source), "--output", str(content), "--report", str(report)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return content, list(csv.DictReader(open(report, encoding="utf-8", newline=""))), result.stdout


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_every_field_of_every_row(tmp_path, kind):
    source = tmp_path / f"export.{kind}"
    (write_xlsx if kind == "xlsx" else write_csv)(source)
    content, report, summary = run_import(tmp_path, source)
    themes, groups = vocabulary("themes.yml"), vocabulary("affected-persons.yml")
    files = sorted(p.relative_to(content / "recommendations").as_posix() for p in (content / "recommendations").rglob("*.md"))
    assert files == [
        "nld/uhri-7f1c2a9e-0b1d-4c55-9a8e-000000000001.md",
        "per/uhri-7f1c2a9e-0b1d-4c55-9a8e-000000000003.md",
        "per/uhri-a9ceae8c-fe1c-40f9-a326-1529e0ab678f.md",
    ]

    crc, text = front_matter(content / "recommendations/per/uhri-a9ceae8c-fe1c-40f9-a326-1529e0ab678f.md")
    assert crc["id"] == "uhri-" + CRC[HEADER.index("OHCHR Annotation Id")]
    assert crc["document"] == CRC[HEADER.index("Document Symbol")]
    assert (crc["paragraph"], crc["country"], crc["mechanism"], crc["body"]) == ("4", "PER", "treaty-body", "CRC")
    assert str(crc["date"]) == CRC[HEADER.index("Document Publication Date")].date().isoformat()
    assert crc["themes"] == [slug_of("Right to health", themes), slug_of("Enforced disappearances", themes)]
    assert crc["affected_persons"] == [slug_of("Children", groups), slug_of("Women & girls", groups)]
    assert crc["sdgs"] == ["16.2", "5"]
    assert crc["language"] == "en" and "type" not in crc and "cycle" not in crc
    assert text == CRC[0].split(".", 1)[1] + "\n"

    upr, text = front_matter(content / "recommendations/nld/uhri-7f1c2a9e-0b1d-4c55-9a8e-000000000001.md")
    assert (upr["country"], upr["mechanism"], upr["body"], upr["document"]) == ("NLD", "upr", "UPR", "A/HRC/36/4")
    assert (upr["paragraph"], str(upr["date"]), upr["cycle"], upr["response"]) == ("118.64", "2017-07-11", 3, "supported")
    assert upr["recommending_states"] == ["FRA", "TUR", "PAK"]
    assert upr["themes"] == [slug_of("Death penalty", themes)] and text == "Abolish the death penalty.\n"

    typed, text = front_matter(content / "recommendations/per/uhri-7f1c2a9e-0b1d-4c55-9a8e-000000000003.md")
    assert (typed["country"], typed["type"], typed["paragraph"]) == ("PER", "observation", "12")
    assert "themes" not in typed and text == "The Committee is concerned about the detention of children.\n"

    # Rows are numbered as Excel shows them; lines of the CSV as a text editor does (cells span lines).
    starts = record_starts(source) if kind == "csv" else {n: n for n in range(1, 7)}
    problems = sorted((r["place"], r["field"], r["effect"]) for r in report)
    place = (lambda n: f"export.csv:{starts[n]}") if kind == "csv" else (lambda n: f"export.xlsx: row {n}")
    assert problems == sorted([
        (place(3), "recommending state", "labels mapped by alias"),
        (place(3), "recommending state", "labels mapped by alias"),
        (place(3), "country", "labels mapped by alias"),
        (place(4), "type", "types given by rule"),
        (place(4), "country", "States taken from the document symbol"),
        (place(4), "theme", "imported without the value"),
        (place(5), "duplicate id", "rows not imported"),
        (place(6), "text", "rows not imported"),
    ])
    assert [r["value"] for r in report][:3] == ["Turkey → TUR (alias)", "PK → PAK (ISO alpha-2 code)", "Netherlands → NLD (alias)"]
    assert "Read 5 rows" in summary and "3 rows imported, 2 not imported" in summary


def test_the_xlsx_and_the_csv_import_alike(tmp_path):
    write_xlsx(tmp_path / "export.xlsx")
    write_csv(tmp_path / "export.csv")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, _, _ = run_import(tmp_path / "a", tmp_path / "export.xlsx")
    b, _, _ = run_import(tmp_path / "b", tmp_path / "export.csv")
    read = lambda root: {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "recommendations").rglob("*.md")}
    assert read(a) == read(b) and len(read(a)) == 3


def test_a_sheet_without_the_required_columns_is_refused_by_name(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Text", "OHCHR Annotation Id", "Themes"])
    book.active.append(["1. Text.", "x", "- Right to health"])
    book.save(tmp_path / "partial.xlsx")
    result = subprocess.run([HRINDEX, "import", "uhri", "--input", str(tmp_path / "partial.xlsx"), "--output", str(tmp_path / "C")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert 'partial.xlsx: row 1: the header row has no column "Reccomending Body", "Document Symbol", "Document Publication Date"' in result.stderr
    assert not (tmp_path / "C").exists()


def test_a_csv_without_the_required_columns_is_refused_before_anything_is_created(tmp_path):
    with open(tmp_path / "partial.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["Text", "OHCHR Annotation Id", "Themes"])
        writer.writerow(["1. Text.", "x", "- Right to health"])
    result = subprocess.run([HRINDEX, "import", "uhri", "--input", str(tmp_path / "partial.csv"), "--output", str(tmp_path / "C")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert 'partial.csv:1: the header row has no column "Reccomending Body", "Document Symbol", "Document Publication Date"' in result.stderr
    assert not (tmp_path / "C").exists()
