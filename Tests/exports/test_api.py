"""The static JSON API: every file valid against its schema in docs/api.md (python-jsonschema),
and what the files say compared with an independent reading of the content and vocabularies."""

import html.parser
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

import content as reference

REPO = Path(__file__).resolve().parents[2]
TAXONOMY_FIELDS = {"countries": "country", "themes": "themes", "affected-persons": "affected_persons",
                   "mechanisms": "mechanism", "sdgs": "sdg_goals", "sdg-targets": "sdg_targets"}


def schemas():
    """The schemas of docs/api.md, each the ```json block after its `<!-- schema: NAME -->` line."""
    doc = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    found = dict(re.findall(r"<!-- schema: (\w+) -->\s*```json\n(.*?)```", doc, re.S))
    assert sorted(found) == ["index", "recommendation", "term"]
    out = {}
    for name, text in found.items():
        schema = json.loads(text)
        jsonschema.Draft202012Validator.check_schema(schema)
        out[name] = jsonschema.Draft202012Validator(schema)
    return out


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_api_file_matches_its_schema(site):
    _, out = site
    validators = schemas()
    api = out / "api" / "v1"
    files = sorted(api.rglob("*.json"))
    assert len(files) > 100
    for path in files:
        relative = path.relative_to(api).as_posix()
        kind = "index" if relative == "index.json" else "recommendation" if relative.startswith("recommendations/") else "term"
        errors = [f"{relative}: {e.message} at {list(e.path)}" for e in validators[kind].iter_errors(load(path))]
        assert not errors, "\n".join(errors[:10])


def test_the_schemas_refuse_what_they_should():
    """A schema that accepted anything would make the test above pass for nothing."""
    validators = schemas()
    assert list(validators["recommendation"].iter_errors({"id": "X Y"}))
    assert list(validators["term"].iter_errors({"taxonomy": "planets"}))
    good = {"api_version": 1, "title": "t", "language": "en", "languages": ["en"], "base_url": None,
            "recommendations": {"count": 0, "file": "recommendations/{id}.json"}, "taxonomies": [], "downloads": []}
    assert not list(validators["index"].iter_errors(good))
    assert list(validators["index"].iter_errors({**good, "extra": 1}))


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def test_each_recommendation_file_has_every_field_and_its_text_as_markdown_html_and_plain(site):
    records, out = site
    folder = out / "api" / "v1" / "recommendations"
    assert sorted(p.stem for p in folder.glob("*.json")) == sorted(records)
    for rid, expected in records.items():
        data = load(folder / f"{rid}.json")
        assert data["id"] == rid and data["document"] == expected["document"] and data["paragraph"] == expected["paragraph"]
        assert data["country"] == expected["country"] and data["mechanism"] == expected["mechanism"]
        assert data["body"].upper() == expected["body"].upper() and data["date"] == expected["date"]
        assert data["cycle"] == (int(expected["cycle"]) if expected["cycle"] else None)
        assert data["response"] == expected["response"]
        for field in ["recommending_states", "themes", "affected_persons"]:
            assert data[field] == expected[field], (rid, field)
        assert sorted(data["sdg_goals"]) == sorted(expected["sdg_goals"])
        assert data["text"]["markdown"].strip() == expected["markdown"].strip()
        text = Text()
        text.feed(data["text"]["html"])
        assert reference.words("".join(text.parts)) == expected["words"], rid
        assert reference.words(data["text"]["plain"]) == expected["words"], rid
        assert (out / data["page"] / "index.html").is_file()


def test_each_term_file_lists_its_members_counts_and_names(site):
    records, out = site
    api = out / "api" / "v1"
    for taxonomy, field in TAXONOMY_FIELDS.items():
        for key, ids in reference.groups(records, field).items():
            slug = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")
            data = load(api / taxonomy / f"{slug}.json")
            assert sorted(data["members"]) == sorted(ids), (taxonomy, key)
            assert data["count"] == len(ids) == sum(data["counts"]["by_mechanism"].values()) == sum(data["counts"]["by_year"].values())
            years = {}
            for rid in ids:
                years[records[rid]["date"][:4]] = years.get(records[rid]["date"][:4], 0) + 1
            assert data["counts"]["by_year"] == years
            assert (out / data["page"] / "index.html").is_file()
    # Names in every language the vocabulary gives, read from the vocabulary file itself.
    countries = {c["code"]: c["name"] for c in yaml.safe_load((REPO / "Vocabularies" / "countries.yml").read_text(encoding="utf-8"))}
    for code in {r["country"] for r in records.values()}:
        names = load(api / "countries" / f"{code.lower()}.json")["names"]
        assert names == countries[code], code


def test_the_index_says_what_exists(site):
    records, out = site
    api = out / "api" / "v1"
    index = load(api / "index.json")
    assert index["recommendations"]["count"] == len(records)
    assert index["base_url"] == "https://example.org/uhri/"
    listed = set()
    for taxonomy in index["taxonomies"]:
        assert taxonomy["count"] == len(taxonomy["terms"])
        for term in taxonomy["terms"]:
            assert load(api / term["file"])["count"] == term["count"]
            listed.add(term["file"])
    on_disk = {p.relative_to(api).as_posix() for p in api.rglob("*.json")} - {"index.json"}
    assert listed == {f for f in on_disk if not f.startswith("recommendations/")}
    for download in index["downloads"]:
        assert (out / download["path"]).stat().st_size == download["bytes"]
