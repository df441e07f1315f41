"""Builds the sample site (plus one hostile recommendation) for the export tests."""

import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("HRINDEX_BIN", REPO / ".build" / "debug" / "hrindex"))
BASE = "https://example.org/uhri/"
GROUP_FIELDS = {"countries": "country", "themes": "themes", "affected-persons": "affected_persons",
                "mechanisms": "mechanism", "sdgs": "sdg_goals"}

# A text that a spreadsheet would run as a formula, with quotes, commas, line breaks and Arabic.
EDGE = """---
document: A/HRC/99/1
paragraph: "1.1"
country: ECU
mechanism: upr
body: UPR
date: 2019-01-02
cycle: 3
recommending_states: [FRA]
response: noted
themes: [right-to-health]
sdgs: ["3.8"]
title: "=HYPERLINK(\\"http://evil.example\\", \\"click\\") {50%} & </pre><script>alert(1)</script> #1_a \\\\ ~^$"
follow_up:
  cluster: "Health, \\"care\\"\\nand more"
  responsible: ["+Ministry of Health", "Ministry; of Labour"]
---
=1+2, said "the State", and *stressed* the [right](https://example.org/x) to health.

Second paragraph: حقوق الإنسان, -5 and @once.
"""


def build(tmp, site_yml_extra=""):
    content = tmp / "Content"
    shutil.copytree(REPO / "Content", content)
    (content / "recommendations" / "edge.md").write_text(EDGE, encoding="utf-8")
    if site_yml_extra:
        with open(content / "site.yml", "a", encoding="utf-8") as f:
            f.write(site_yml_extra)
    out = tmp / "Output"
    subprocess.run([str(BINARY), "build", "--content", str(content), "--output", str(out), "--base-url", BASE],
                   check=True, capture_output=True)
    return content, out
