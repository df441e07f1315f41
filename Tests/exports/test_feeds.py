"""The Atom feeds: every feed.xml parsed (xml.etree) and checked against RFC 4287's rules, and its
entries compared with the latest recommendations of its group, worked out from the content."""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import datetime
from urllib.parse import urlparse

import content as reference
from site_build import BASE, BINARY, REPO, build

ATOM = "{http://www.w3.org/2005/Atom}"
LANGUAGES = ["", "fr/", "es/", "ru/", "zh/", "ar/"]
FEED_GROUPS = {"countries": "country", "themes": "themes", "affected-persons": "affected_persons", "sdgs": "sdg_goals"}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def one(element, name):
    found = element.findall(ATOM + name)
    assert len(found) == 1, f"{element.tag} has {len(found)} <{name}>"
    return found[0]


def when(text):
    assert RFC3339.match(text), text
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def check_atom(path, feed_url):
    """RFC 4287 4.1.1 and 4.1.2: the feed's and each entry's required elements; returns the entries' page addresses."""
    root = ET.parse(path).getroot()
    assert root.tag == ATOM + "feed"
    assert urlparse(one(root, "id").text).scheme, "the feed id is an absolute IRI"
    assert one(root, "title").text
    updated = when(one(root, "updated").text)
    links = root.findall(ATOM + "link")
    assert [l.get("href") for l in links if l.get("rel") == "self"] == [feed_url]
    assert len([l for l in links if l.get("rel") == "alternate" and l.get("type") == "text/html"]) == 1
    has_author = root.find(ATOM + "author") is not None and one(one(root, "author"), "name").text
    pages, ids = [], set()
    for entry in root.findall(ATOM + "entry"):
        entry_id = one(entry, "id").text
        assert urlparse(entry_id).scheme and entry_id not in ids
        ids.add(entry_id)
        assert one(entry, "title").text
        assert when(one(entry, "updated").text) <= updated
        assert has_author or entry.find(ATOM + "author") is not None
        alternates = [l for l in entry.findall(ATOM + "link") if l.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1
        content = one(entry, "content")
        assert content.get("type") == "html" and content.text.startswith("<")
        pages.append(alternates[0].get("href"))
    return pages


def latest(records, ids, n=50):
    ordered = sorted(ids, key=lambda rid: (-int(records[rid]["date"].replace("-", "")), rid))
    return ordered[:n]


def test_every_feed_is_valid_atom_with_the_latest_50_of_its_group(site):
    records, out = site
    checked = 0
    for prefix in LANGUAGES:
        home = check_atom(out / prefix / "feed.xml", BASE + prefix + "feed.xml")
        assert home == [BASE + prefix + f"recommendations/{rid}/" for rid in latest(records, records)]
        for folder, field in FEED_GROUPS.items():
            for key, ids in reference.groups(records, field).items():
                page = f"{prefix}{folder}/{key.lower()}/"
                pages = check_atom(out / page / "feed.xml", BASE + page + "feed.xml")
                assert pages == [BASE + prefix + f"recommendations/{rid}/" for rid in latest(records, ids)], page
                head = (out / page / "index.html").read_text(encoding="utf-8")
                assert '<link rel="alternate" type="application/atom+xml"' in head and 'feed.xml">' in head
                checked += 1
    # Bodies: one feed per body page.
    bodies = [p for p in (out / "bodies").iterdir() if p.is_dir()]
    for body in bodies:
        check_atom(body / "feed.xml", BASE + f"bodies/{body.name}/feed.xml")
    assert checked > 100 and bodies


def test_feeds_without_a_base_url_have_urn_ids_and_relative_links(tmp_path):
    content = tmp_path / "Content"
    shutil.copytree(REPO / "Content", content)
    out = tmp_path / "Output"
    subprocess.run([str(BINARY), "build", "--content", str(content), "--output", str(out)], check=True, capture_output=True)
    root = ET.parse(out / "countries" / "ecu" / "feed.xml").getroot()
    assert one(root, "id").text == "urn:hrindex:countries/ecu/feed.xml"
    for entry in root.findall(ATOM + "entry"):
        href = one(entry, "link").get("href")
        assert href.startswith("../../recommendations/") and (out / "countries" / "ecu" / href / "index.html").resolve().is_file()


def test_a_feed_can_be_turned_off(tmp_path):
    _, out = build(tmp_path, "exports:\n  feeds: false\n")
    assert not (out / "feed.xml").exists() and not (out / "countries" / "ecu" / "feed.xml").exists()
    assert "application/atom+xml" not in (out / "index.html").read_text(encoding="utf-8")
