"""The XLSX downloads as a spreadsheet reader sees them: a valid zip (every CRC checked), one
sheet with a bold, frozen, filterable header row, and texts that read back exactly as the
content wrote them, even when they look like Excel's own `_xHHHH_` escapes."""

import re
import shutil
import subprocess
import zipfile

import openpyxl

from site_build import BASE, BINARY, REPO

TRICKY_TITLE = "Escapes kept: _x0041_ and _x005F_x0042_, a\ttab, <b>&amp;</b>"
RECORD = """---
document: A/HRC/98/2
paragraph: "7"
country: ECU
mechanism: upr
body: UPR
date: 2018-03-04
title: "Escapes kept: _x0041_ and _x005F_x0042_, a\\ttab, <b>&amp;</b>"
---
The text says \\_xABCD\\_ and \\_X00e9\\_ literally, and =SUM(A1:A2).
"""


def xstring(value):
    """A cell's text as Excel reads it: ECMA-376 Part 1, 22.9.2.19 (ST_Xstring) escapes a
    character as `_xHHHH_` (and a literal `_` that would open one as `_x005F_`), read left to
    right. openpyxl leaves inline strings as written, so the test applies the rule itself."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


def build(tmp):
    content = tmp / "Content"
    shutil.copytree(REPO / "Content", content)
    (content / "recommendations" / "tricky.md").write_text(RECORD, encoding="utf-8")
    out = tmp / "Output"
    subprocess.run([str(BINARY), "build", "--content", str(content), "--output", str(out), "--base-url", BASE],
                   check=True, capture_output=True)
    return out


def test_every_workbook_is_a_valid_zip_with_the_parts_of_a_workbook(tmp_path):
    out = build(tmp_path)
    books = sorted(out.rglob("*.xlsx"))
    assert len(books) >= 3
    for book in books:
        with zipfile.ZipFile(book) as z:
            assert z.testzip() is None, book
            names = set(z.namelist())
            assert {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml",
                    "xl/worksheets/sheet1.xml"} <= names, book


def test_texts_read_back_exactly_and_the_header_is_bold_frozen_and_filtered(tmp_path):
    out = build(tmp_path)
    book = openpyxl.load_workbook(out / "downloads" / "recommendations.xlsx")
    assert len(book.worksheets) == 1
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows())
    header = [c.value for c in rows[0]]
    assert all(c.font.b for c in rows[0]) and not any(c.font.b for c in rows[1])
    assert sheet.freeze_panes == "A2"
    last = openpyxl.utils.get_column_letter(len(header))
    assert sheet.auto_filter.ref == f"A1:{last}{len(rows)}"
    by_id = {r[header.index("id")].value: {h: xstring(c.value or "") for h, c in zip(header, r)} for r in rows[1:]}
    tricky = by_id["a-hrc-98-2-7"]
    assert tricky["title"] == TRICKY_TITLE
    assert "_xABCD_ and _X00e9_ literally, and =SUM(A1:A2)." in tricky["text"]
    assert all(c.data_type != "f" for r in rows for c in r)
