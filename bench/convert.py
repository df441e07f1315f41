#!/usr/bin/env python3
"""Benchmark converters (not part of HRIndex).

  convert.py upr-info CSV_DIR CONTENT_DIR   UPR Info CSV export -> an HRIndex Content folder
  convert.py hugo CONTENT_DIR HUGO_SITE_DIR HRIndex Content folder -> Hugo content/ in a copy of bench/hugo
  convert.py pages CONTENT_DIR PUBLIC_DIR   the recommendation pages bench/hugo would render, for Pagefind

The UPR Info export (MacRoman, bare CR line ends, RFC 4180 quoting) has no document symbols or
paragraph numbers: each (session, State under review) gets the synthetic symbol
A/HRC/UPR-<session>/<ALPHA-3> and its recommendations are numbered 1, 2, 3... in file order.
Session 1 is dated April 2008, then one session every four months (three a year).
The data stays in the temporary folder given; never copy it into the repository.
"""
import csv
import glob
import io
import json
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# UPR Info's spellings -> ISO 3166-1 alpha-3 (names that differ from Vocabularies/countries.yml).
ALIASES = {
    "antigua & barbuda": "ATG", "bolivia": "BOL", "bosnia & herzegovina": "BIH", "cape verde": "CPV",
    "cote d'ivoire": "CIV", "czech republic": "CZE", "dpr korea": "PRK", "democratic republic of congo": "COD",
    "guinea bissau": "GNB", "iran": "IRN", "laos": "LAO", "macedonia fyr": "MKD", "micronesia": "FSM",
    "moldova": "MDA", "netherlands": "NLD", "palestine": "PSE", "republic of congo": "COG",
    "sao tome & principe": "STP", "st kitts & nevis": "KNA", "st lucia": "LCA",
    "st vincent & the grenadines": "VCT", "swaziland": "SWZ", "syria": "SYR", "tanzania": "TZA",
    "trinidad & tobago": "TTO", "turkey": "TUR", "united kingdom": "GBR", "united states": "USA",
    "venezuela": "VEN", "russia": "RUS", "vietnam": "VNM", "viet nam": "VNM", "south korea": "KOR",
    "republic of korea": "KOR", "brunei": "BRN", "brunei darussalam": "BRN", "timor leste": "TLS",
    "holy see": "VAT", "kyrgyzstan": "KGZ", "gambia": "GMB", "the gambia": "GMB",
}
RESPONSES = {"Accepted": "supported", "Noted": "noted"}


def vocabulary():
    """code -> (English name, region) from the default countries vocabulary."""
    countries = {}
    code = None
    for line in open(os.path.join(REPO, "Vocabularies/countries.yml"), encoding="utf-8"):
        m = re.match(r"- code: (\w+)", line)
        if m:
            code = m.group(1)
            countries[code] = ["", None]
        m = re.search(r'name: \{en: "([^"]+)"', line) or re.match(r'\s+name: "?([^"{]+?)"?\s*$', line)
        if m and code:
            countries[code][0] = m.group(1)
        m = re.match(r"\s+region: (.+)", line)
        if m and code:
            countries[code][1] = m.group(1).strip()
    return countries


def name_lookup(countries):
    table = {name.lower(): code for code, (name, _) in countries.items() if name}
    for alias, code in ALIASES.items():
        if code in countries:
            table[alias] = code
    return table


def read_upr_csv(path):
    text = open(path, encoding="mac_roman", newline="").read()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    return [dict(zip(header, r)) for r in rows[1:] if any(x.strip() for x in r)]


def yaml_string(s):
    return json.dumps(s, ensure_ascii=False)


def upr_info(csv_dir, content):
    countries = vocabulary()
    lookup = name_lookup(countries)
    os.makedirs(os.path.join(content, "recommendations"), exist_ok=True)
    with open(os.path.join(content, "site.yml"), "w") as f:
        f.write("title: UPR Info recommendations, sessions 1-20\nlanguage: en\npage_size: 50\n")
    numbers = {}
    written = 0
    skipped = {"unknown State under review": 0, "no known recommending State": 0, "no text": 0, "other response": 0}
    unknown_names = {}
    for path in sorted(glob.glob(os.path.join(csv_dir, "*.csv"))):
        if os.path.basename(path).startswith("voluntary"):
            continue
        for row in read_upr_csv(path):
            to = lookup.get(row["To"].strip().lower())
            if to is None:
                skipped["unknown State under review"] += 1
                unknown_names[row["To"]] = unknown_names.get(row["To"], 0) + 1
                continue
            states = []
            for name in row["From"].split(","):
                code = lookup.get(name.strip().lower())
                if code and code not in states:
                    states.append(code)
                elif not code and name.strip():
                    unknown_names[name.strip()] = unknown_names.get(name.strip(), 0) + 1
            if not states:
                skipped["no known recommending State"] += 1
                continue
            text = " ".join(row["Text"].split())
            if not text:
                skipped["no text"] += 1
                continue
            response = RESPONSES.get(row["Response"].strip())
            if response is None:
                skipped["other response"] += 1
                continue
            session = int(row["Session"])
            months = 3 + 4 * (session - 1)  # session 1 = April 2008, then every four months
            date = f"{2008 + months // 12}-{months % 12 + 1:02d}-15"
            document = f"A/HRC/UPR-{session}/{to}"
            numbers[document] = numbers.get(document, 0) + 1
            paragraph = str(numbers[document])
            folder = os.path.join(content, "recommendations", to.lower())
            os.makedirs(folder, exist_ok=True)
            lines = [
                "---", f"document: {document}", f'paragraph: "{paragraph}"', f"country: {to}",
                "mechanism: upr", "body: UPR", f"date: {date}", f"cycle: {1 if session <= 12 else 2}",
                f"recommending_states: [{', '.join(states)}]", f"response: {response}", "language: en", "---",
                # A leading Markdown marker (#, -, 1.) would change the text's meaning: escape it.
                re.sub(r"^([#>*+-]|\d+[.)])", r"\\\1", text),
            ]
            with open(os.path.join(folder, f"s{session}-{paragraph}.md"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            written += 1
    print(json.dumps({"written": written, "skipped": skipped, "unknown_names": unknown_names}, ensure_ascii=False))


# MARK: - HRIndex Content -> Hugo

def parse_value(v):
    v = v.strip()
    if v.startswith("["):
        return [x.strip().strip('"') for x in v[1:-1].split(",") if x.strip()]
    if v.startswith('"'):
        return json.loads(v)
    return v


def read_recommendation(path):
    text = open(path, encoding="utf-8").read()
    _, front, body = text.split("---\n", 2)
    fields = {}
    for line in front.splitlines():
        if not line.strip() or line.startswith(" "):
            continue
        key, _, value = line.partition(":")
        fields[key.strip()] = parse_value(value)
    return fields, body.strip()


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def headline(text):
    plain = re.sub(r"[\\*_`]", "", text)
    m = re.search(r"[.!?。](\s|$)", plain)
    first = plain[: m.end()].strip() if m else plain
    return first if len(first) <= 120 else first[:119].rsplit(" ", 1)[0] + "…"


def hugo_front(fields, body, countries):
    """The front matter bench/hugo reads for one recommendation: title, date, terms and params."""
    rid = fields.get("id") or slug(fields["document"] + "-" + fields["paragraph"])
    sdgs = fields.get("sdgs", [])
    goals = sorted({s.split(".")[0] for s in sdgs}, key=lambda g: int(g) if g.isdigit() else 99)
    country = fields["country"]
    region = countries.get(country, ["", None])[1]
    # Pagefind filters carry the same values as HRIndex's facets (see SearchStage.swift).
    filters = {
        "country": [country.lower()], "body": [slug(fields["body"])], "mechanism": [fields["mechanism"]],
        "theme": fields.get("themes", []), "affected_persons": fields.get("affected_persons", []),
        "sdg_goal": goals, "sdg_target": [s for s in sdgs if "." in s], "year": [fields["date"][:4]],
        "language": [fields.get("language", "en")], "type": [fields.get("type", "recommendation")],
        "recommending_state": [s.lower() for s in fields.get("recommending_states", [])],
    }
    if region:
        filters["region"] = [slug(region)]
    if "response" in fields:
        filters["response"] = [fields["response"]]
    if "cycle" in fields:
        filters["cycle"] = [str(fields["cycle"])]
    front = {
        "title": fields.get("title") or headline(body),
        "date": fields["date"],
        "slug": rid,
        "countries": [country],
        "themes": fields.get("themes", []),
        "affected_persons": fields.get("affected_persons", []),
        "bodies": [fields["body"]],
        "mechanisms": [fields["mechanism"]],
        "documents": [fields["document"]],
        "sdgs": sdgs,
        "params": {
            "document": fields["document"], "paragraph": fields["paragraph"],
            "language": fields.get("language", "en"), "response": fields.get("response", ""),
            "recommending_states": fields.get("recommending_states", []),
            "filters": [f"{k}:{v}" for k, vs in filters.items() for v in vs],
        },
    }
    return rid, front


def hugo_records(content, countries):
    """Every recommendation of a Content folder as (id, Hugo front matter, Markdown body)."""
    for root, _, files in os.walk(os.path.join(content, "recommendations")):
        for name in sorted(files):
            if name.endswith(".md"):
                fields, body = read_recommendation(os.path.join(root, name))
                rid, front = hugo_front(fields, body, countries)
                yield rid, front, body


def hugo(content, site):
    """Writes the Hugo site: a copy of bench/hugo plus content/recommendations/<id>.md."""
    countries = vocabulary()
    if os.path.exists(site):
        shutil.rmtree(site)
    shutil.copytree(os.path.join(HERE, "hugo"), site)
    page_size = 50
    for line in open(os.path.join(content, "site.yml"), encoding="utf-8"):
        if line.startswith("page_size:"):
            page_size = int(line.split(":")[1])
    config = os.path.join(site, "config.yaml")
    with open(config, encoding="utf-8") as f:
        text = f.read().replace("paginate: 50", f"paginate: {page_size}")
    with open(config, "w", encoding="utf-8") as f:
        f.write(text)
    out = os.path.join(site, "content", "recommendations")
    os.makedirs(out, exist_ok=True)
    count = 0
    for rid, front, body in hugo_records(content, countries):
        lines = ["---"]
        for key, value in front.items():
            if key == "params":
                for k, v in value.items():
                    lines.append(f"{k}: {yaml_string(v)}")
            else:
                lines.append(f"{key}: {yaml_string(value)}")
        lines += ["---", body, ""]
        with open(os.path.join(out, rid + ".md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        count += 1
    print(json.dumps({"hugo_pages": count}))


TAXONOMIES = ["affected_persons", "bodies", "countries", "documents", "mechanisms", "sdgs", "themes"]


def typographic(text):
    """Text escaped as Hugo's Markdown renderer prints a plain paragraph: curly quotes and apostrophes."""
    import html
    out, opening = [], True
    for part in re.split(r'(")', html.escape(text, quote=False).replace("'", "&rsquo;")):
        if part == '"':
            out.append("&ldquo;" if opening else "&rdquo;")
            opening = not opening
        else:
            out.append(part)
    return "".join(out)


def term_path(value):
    """Hugo's URL for a term: lower case, spaces to dashes, slashes kept as folders."""
    return re.sub(r"[^\w/.-]+", "-", value.lower()).strip("-")


def pages(content, public):
    """The recommendation pages Pagefind indexes, written directly with the markup of bench/hugo's
    baseof.html + single.html, for corpora where Hugo itself takes too long (see bench/run.py)."""
    import html
    countries = vocabulary()
    title_site = "HRIndex benchmark (Hugo &#43; Pagefind)"
    nav = "".join(f'<a href="/{t}/">{t}</a> ' for t in TAXONOMIES)
    count = 0

    def e(text):
        return html.escape(text).replace("&#x27;", "&#39;").replace("&quot;", "&#34;")

    for rid, front, body in hugo_records(content, countries):
        p = front["params"]
        terms = ""
        for t in TAXONOMIES:
            values = front.get(t, [])
            if values:
                links = " ".join(f'<a href="/{t}/{term_path(v)}/">{e(v)}</a>' for v in values)
                terms += f"<dt>{t}</dt><dd>{links} </dd>"
        response = f"<dt>Response</dt><dd>{e(p['response'])}</dd>" if p["response"] else ""
        filters = "".join(f'<span data-pagefind-filter="{e(f)}"></span>' for f in p["filters"])
        page = (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                f'<title>{e(front["title"])} · {title_site}</title>\n'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">\n</head>\n<body>\n'
                f'<header><a href="/">{title_site}</a>\n<nav>{nav}</nav></header>\n\n'
                f'<main data-pagefind-body>\n<h1>{e(front["title"])}</h1>\n'
                f'<div class="text"><p>{typographic(body)}</p>\n</div>\n<dl>\n'
                f'<dt>Document</dt><dd>{e(p["document"])}, paragraph {e(p["paragraph"])}</dd>\n'
                f'<dt>Date</dt><dd>{front["date"]}</dd>\n{response}\n{terms}\n</dl>\n{filters}\n</main>\n\n'
                f'</body>\n</html>\n')
        folder = os.path.join(public, "recommendations", rid)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as f:
            f.write(page)
        count += 1
    print(json.dumps({"pages": count}))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "upr-info":
        upr_info(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "hugo":
        hugo(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "pages":
        pages(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
