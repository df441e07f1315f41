"""The citations on each recommendation page, read back with bibtexparser and rispy (and Python's
HTML parser for the page): ids, document, paragraph, year and addresses against the content, and
text from content that stays text (TeX specials escaped in BibTeX, markup escaped in the page)."""

import html.parser

import bibtexparser
import rispy

from site_build import BASE

TEX = {"\\textbackslash ": "\\", "\\textbraceleft ": "{", "\\textbraceright ": "}", "\\%": "%", "\\&": "&", "\\$": "$",
       "\\#": "#", "\\_": "_", "\\textasciicircum ": "^", "\\textasciitilde ": "~"}


class Citations(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks, self.inside, self.scripts = [], False, 0

    def handle_starttag(self, tag, attrs):
        if tag == "pre" and ("class", "cite") in attrs:
            self.inside = True
            self.blocks.append("")
        if tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag):
        if tag == "pre":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.blocks[-1] += data


def untex(text):
    out, i = "", 0
    while i < len(text):
        for escaped, plain in TEX.items():
            if text.startswith(escaped, i):
                out, i = out + plain, i + len(escaped)
                break
        else:
            out, i = out + text[i], i + 1
    return out


def parse_bibtex(text):
    if hasattr(bibtexparser, "parse_string"):  # bibtexparser 2
        entry = bibtexparser.parse_string(text).entries[0]
        return {"ID": entry.key, **{f.key: f.value for f in entry.fields}}
    parser = bibtexparser.bparser.BibTexParser(common_strings=False)
    return bibtexparser.loads(text, parser=parser).entries[0]


def test_each_recommendation_page_offers_plain_bibtex_and_ris(site):
    records, out = site
    for rid, expected in records.items():
        page = (out / "recommendations" / rid / "index.html").read_text(encoding="utf-8")
        found = Citations()
        found.feed(page)
        assert found.scripts == 0, "no script on the page"
        plain, bibtex, ris = found.blocks
        source = expected["source_url"] or "https://undocs.org/" + expected["document"]
        reference = f'{expected["document"]}, para. {expected["paragraph"]}'
        assert reference in plain and (source in plain or expected["source_url"] == "none")
        entry = parse_bibtex(bibtex)
        assert entry["ID"] == rid and entry["year"] == expected["date"][:4] and entry["date"] == expected["date"]
        assert untex(entry["howpublished"]) == reference
        assert entry["author"].startswith("{") and entry["author"].endswith("}"), "a corporate author, in a group"
        if expected["source_url"] != "none":
            assert untex(entry["url"]) == source
        record = rispy.loads(ris)[0]
        assert record["type_of_reference"] == "GOVDOC" and record["id"] == rid and record["date"] == expected["date"].replace("-", "/")
        assert record["year"] == expected["date"][:4] and record["secondary_title"] == reference
        assert BASE + f"recommendations/{rid}/" in record["urls"]
        if expected["title"] and "en" not in expected["translations"]:  # else the page cites its English title
            assert untex(entry["title"]) == expected["title"] and record["title"] == expected["title"]
            assert expected["title"] in plain


def test_citations_keep_content_as_text(site):
    _, out = site
    page = (out / "recommendations" / "a-hrc-99-1-1-1" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page and "&lt;/pre&gt;&lt;script&gt;" in page
    found = Citations()
    found.feed(page)
    bibtex = found.blocks[1]
    depth = 0
    for c in bibtex:
        depth += {"{": 1, "}": -1}.get(c, 0)
        assert depth >= 0
    assert depth == 0, "balanced braces: the only braces are the entry's own"
    assert "\\textbraceleft 50\\%\\textbraceright " in bibtex and "\\#1\\_a" in bibtex and "\\textbackslash " in bibtex
