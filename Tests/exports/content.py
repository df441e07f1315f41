"""An independent reading of a content folder for the export tests: the front matter with PyYAML
(every value as text, as the contract says), ids and SDG goals derived as docs/content-format.md
describes them, and the words of each text (Markdown markup and link targets left out)."""

import re
import unicodedata
from pathlib import Path

import yaml


def slug_id(document, paragraph):
    text = unicodedata.normalize("NFKD", f"{document}-{paragraph}".lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def words(text):
    """The letters and digits of a text, in order (no `_`, `*`, `#`, spaces or punctuation), link
    targets dropped: what the Markdown says, whatever its markup (`**全纳教育**` has no word breaks)."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"(?m)^\s*\d{1,9}[.)](?=\s)", "", text)  # ordered-list markers are markup too
    return "".join(re.findall(r"[^\W_]", text))


def read(content):
    records = {}
    for path in sorted(Path(content, "recommendations").rglob("*.md")):
        if "." in path.name[: -len(".md")]:
            continue  # a translation (`x.fr.md`), not a recommendation
        raw = path.read_text(encoding="utf-8")
        _, front, body = raw.split("---\n", 2)
        fields = yaml.load(front, Loader=yaml.BaseLoader)
        rid = fields.get("id") or slug_id(fields["document"], fields["paragraph"])
        sdgs = fields.get("sdgs") or []
        goals = []
        for code in sdgs:
            goal = code.split(".")[0]
            if goal not in goals:
                goals.append(goal)
        follow = fields.get("follow_up") or {}
        records[rid] = {
            "id": rid,
            "document": fields["document"],
            "paragraph": fields["paragraph"],
            "country": fields["country"].upper(),
            "mechanism": fields["mechanism"],
            "date": fields["date"],
            "cycle": fields.get("cycle"),
            "response": fields.get("response"),
            "recommending_states": [c.upper() for c in fields.get("recommending_states") or []],
            "themes": list(dict.fromkeys(fields.get("themes") or [])),
            "affected_persons": list(dict.fromkeys(fields.get("affected_persons") or [])),
            "sdg_goals": goals,
            "sdg_targets": [c.lower() for c in sdgs if "." in c],
            "follow_up_status": follow.get("status"),
            "follow_up_responsible": follow.get("responsible") or [],
            "words": words(body),
            "markdown": body,
            "body": fields["body"],
            "title": fields.get("title"),
            "source_url": fields.get("source_url"),
            "translations": sorted(p.name.split(".")[-2] for p in path.parent.glob(path.stem + ".*.md")),
        }
    return records


def groups(records, field):
    """Term → the ids filed under it, for a list field or a single one."""
    out = {}
    for r in records.values():
        values = r[field] if isinstance(r[field], list) else [r[field]]
        for v in values:
            out.setdefault(v, set()).add(r["id"])
    return out
