"""Pagers and the main menu, read from the built HTML with Python's html.parser.

A generated site of 400 recommendations is built with page sizes that give the list of all
recommendations 1, 2, 7 and 400 pages; every page's pager is checked against a reference written
here: first and last page, the current page and two on each side, an ellipsis for a gap of two or
more pages (a gap of one shows the page), rel=prev/next, aria-current on the current page only,
and each link leading to the page whose number it shows."""

import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import BINARY

COUNT = 400


class Pager(HTMLParser):
    """The pagination nav's items in order (text, href, rel, current) and the main menu's links."""

    def __init__(self):
        super().__init__()
        self.items, self.menu, self.list_class, self.list_start = [], [], None, None
        self.depth = None  # inside nav.pagination: the open-element count
        self.in_li = False
        self.in_menu = False
        self.current = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "nav" and "pagination" in (a.get("class") or ""):
            self.depth = 0
        if tag == "nav" and a.get("aria-label") == "Main":
            self.in_menu = True
        if tag == "ol" and "rec-list" in (a.get("class") or ""):
            self.list_class, self.list_start = a["class"], int(a["start"])
        if self.in_menu and tag == "a":
            self.menu.append(a["href"])
        if self.depth is None:
            return
        if tag == "li":
            self.current = {"text": "", "href": None, "rel": None, "current": False}
            self.items.append(self.current)
        elif tag == "a" and self.current is not None:
            self.current.update(href=a.get("href"), rel=a.get("rel"))
        elif tag == "span" and a.get("aria-current") == "page" and self.current is not None:
            self.current["current"] = True

    def handle_endtag(self, tag):
        if tag == "nav":
            self.depth, self.in_menu, self.current = None, False, None

    def handle_data(self, data):
        if self.current is not None:
            self.current["text"] += data.strip()


def read(path):
    parser = Pager()
    parser.feed(Path(path).read_text(encoding="utf-8"))
    return parser


def expected(page, pages):
    """The reference: what the pager of page `page` of `pages` lists, as texts."""
    if pages == 1:
        return []
    shown = sorted({1, pages} | {n for n in range(page - 2, page + 3) if 1 <= n <= pages})
    out = []
    for n in shown:
        if out and n - out[-1] == 2:
            out.append(out[-1] + 1)
        elif out and n - out[-1] > 2:
            out.append("…")
        out.append(n)
    texts = [str(n) for n in out]
    return (["Previous page"] if page > 1 else []) + texts + (["Next page"] if page < pages else [])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pager") / "Content"
    subprocess.run([str(BINARY), "generate", "--count", str(COUNT), "--output", str(folder)], check=True, capture_output=True)
    return folder


def build(corpus, page_size, tmp_path):
    (corpus / "site.yml").write_text(f"title: Pager test\nlanguage: en\npage_size: {page_size}\n")
    out = tmp_path / f"out-{page_size}"
    subprocess.run([str(BINARY), "build", "--content", str(corpus), "--output", str(out)], check=True, capture_output=True)
    return out


def page_file(out, n):
    return out / ("recommendations/index.html" if n == 1 else f"recommendations/page/{n}/index.html")


@pytest.mark.parametrize("page_size,pages", [(COUNT, 1), (200, 2), (58, 7), (1, 400)])
def test_pager_markup(corpus, tmp_path, page_size, pages):
    out = build(corpus, page_size, tmp_path)
    assert not (out / f"recommendations/page/{pages + 1}").exists()
    for n in range(1, pages + 1):
        path = page_file(out, n)
        pager = read(path)
        assert [i["text"] for i in pager.items] == expected(n, pages), f"page {n} of {pages}"
        assert [int(i["text"]) for i in pager.items if i["current"]] == ([n] if pages > 1 else [])
        url = "file://" + str(path)
        for item in pager.items:
            if item["text"] == "…":
                assert item["href"] is None
                continue
            if item["current"]:
                continue
            target = {"Previous page": n - 1, "Next page": n + 1}.get(item["text"]) or int(item["text"])
            assert item["rel"] == {"Previous page": "prev", "Next page": "next"}.get(item["text"])
            assert urljoin(url, item["href"]) == "file://" + str(page_file(out, target).parent) + "/"
        # The list numbers continue across pages, with room for the longest position's digits.
        assert pager.list_start == (n - 1) * page_size + 1
        last = min(n * page_size, COUNT)
        assert f"rec-list-d{len(str(last))}" in pager.list_class.split()


def test_menu_reaches_every_list(corpus, tmp_path):
    """Every top-level list of the site (the folders of hub pages and of all recommendations) is in
    the main menu of every page kind checked: home, a list page, a recommendation."""
    out = build(corpus, 50, tmp_path)
    lists = sorted(p.name for p in out.iterdir() if p.is_dir() and (p / "index.html").is_file()
                   and p.name not in ("assets", "search", "downloads",
                   # reached from the home page, the country pages and the UPR mechanism page, not the menu
                   "follow-up", "institutions", "recommending-states", "upr-cycles", "upr-sessions"))
    assert "recommendations" in lists and "countries" in lists
    some_recommendation = next(p for p in (out / "recommendations").iterdir() if p.name != "page")
    for page in [out / "index.html", out / "countries/index.html", some_recommendation / "index.html"]:
        url = "file://" + str(page)
        reached = {urljoin(url, href)[len("file://" + str(out)) + 1:].strip("/") for href in read(page).menu}
        missing = [name for name in lists if name not in reached]
        assert not missing, f"{page}: the menu has no link to {missing}"


def test_list_markers_fit_up_to_seven_digits_on_a_phone(browser, site):
    """The list of all recommendations on a 390 px phone, in English and Arabic, given the start and
    the digit class the build writes for positions of 1 to 7 digits: the widest marker ("9999999.")
    measured in the list's own font is never cut by the screen's edge, and from three digits on it
    fits inside the padding the digit class gives the list."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for path in ["recommendations/", "ar/recommendations/"]:
        page.goto(site[0] + path)
        for digits in range(1, 8):
            fit = page.evaluate("""(digits) => {
                const ol = document.querySelector('ol.rec-list');
                const last = 10 ** digits - 1, count = ol.children.length;
                ol.start = Math.max(1, last - count + 1);
                ol.className = 'rec-list rec-list-d' + digits;
                const item = ol.lastElementChild, style = getComputedStyle(item);
                const canvas = document.createElement('canvas').getContext('2d');
                canvas.font = style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
                const marker = canvas.measureText(String(last) + '.').width;
                const padding = parseFloat(getComputedStyle(ol).paddingInlineStart);
                const box = ol.getBoundingClientRect();
                return {marker, padding, left: box.left, right: window.innerWidth - box.right};
            }""", digits)
            # Never cut by the screen's edge (the start side: left, or right in Arabic)...
            room = fit["padding"] + (fit["right"] if path.startswith("ar/") else fit["left"])
            assert fit["marker"] <= room, f"{path}: {digits} digits: marker {fit['marker']:.1f}px, room {room:.1f}px"
            # ...and from three digits on, inside the list's own padding, made for it.
            if digits >= 3:
                assert fit["marker"] <= fit["padding"], f"{path}: {digits} digits: marker {fit['marker']:.1f}px > padding {fit['padding']:.1f}px"
    context.close()
