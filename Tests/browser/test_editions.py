"""The five non-English editions of the sample site are whole: the names of terms are in the
edition's language (counted from the built HTML with Python's own parser, against the English
pages), and free pages exist per language."""

import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]

EDITIONS = ["fr", "es", "ru", "zh", "ar"]
TAXONOMIES = ["themes", "affected-persons", "bodies", "mechanisms", "sdgs"]
# A name identical in every language by nature: a code such as CCPR, 16.a or A/HRC/36/4.
CODE = re.compile(r"^[A-Z0-9][A-Z0-9./()\-]*$")
# Or a word the language writes as English does (checked: the vocabulary gives exactly this word
# as the translation): French "Migrants", Spanish "General".
SAME_WORD = {"fr": {"Migrants"}, "es": {"General"}}


class Names(HTMLParser):
    """The page's <h1> and the text of every link in <main>, with the folder each link leads to."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_main = False
        self.stack = []  # open <a>/<h1>: (tag, href, text parts)
        self.found = []  # (what, text): what = "h1" or the link's target folder

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.in_main = True
        elif self.in_main and tag in ("a", "h1"):
            self.stack.append((tag, attrs.get("href"), []))

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        elif self.stack and self.stack[-1][0] == tag:
            kind, href, parts = self.stack.pop()
            text = " ".join("".join(parts).split())
            self.found.append(("h1" if kind == "h1" else href, text))

    def handle_data(self, data):
        for _, _, parts in self.stack:
            parts.append(data)


def names(path, prefix):
    """(key, text) of a page: its <h1>, and each link into a taxonomy folder, keyed by the
    folder it leads to without the edition's prefix (so English and French keys agree)."""
    parser = Names()
    parser.feed(path.read_text(encoding="utf-8"))
    result = []
    for target, text in parser.found:
        if target == "h1":
            result.append(("h1", text))
            continue
        if not target or target.startswith(("#", "http")):
            continue
        resolved = PurePosixPath(*[p for p in (path.parent / target).parts]).as_posix()
        parts = [p for p in re.sub(r"/+", "/", resolved).split("/") if p not in ("", ".")]
        stack = []
        for p in parts:
            if p == "..":
                stack and stack.pop()
            else:
                stack.append(p)
        if prefix and prefix in stack:
            stack = stack[stack.index(prefix) + 1:]
        if any(t in stack for t in TAXONOMIES):
            first = next(i for i, p in enumerate(stack) if p in TAXONOMIES)
            result.append(("/".join(stack[first:]), text))
    return result


def taxonomy_pages(root):
    return sorted(p.relative_to(root) for t in TAXONOMIES for p in (root / t).rglob("index.html"))


@pytest.mark.parametrize("edition", EDITIONS)
def test_names_on_term_pages_are_in_the_editions_language(sites, edition):
    root = sites["root"][1]
    pages = taxonomy_pages(root)
    assert len(pages) > 100, "the sample site should have many term pages"
    total, same = 0, []
    for page in pages:
        english = names(root / page, None)
        translated = dict(names(root / edition / page, edition))
        assert english, f"{page} shows no names"
        for key, text in english:
            if not text:
                continue
            assert key in translated, f"{edition}/{page} lacks the name of {key}"
            total += 1
            if translated[key] == text and not CODE.match(text) and text not in SAME_WORD.get(edition, ()):
                same.append(f"{page}: {text}")
    share = 1 - len(same) / total
    print(f"{edition}: {total} names, {len(same)} the same as in English")
    assert total > 1000
    assert share >= 0.99, f"{len(same)} of {total} names are still English: {same[:20]}"


class MainText(HTMLParser):
    """The text of <main>, and every lang attribute set inside it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text = []
        self.langs = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth = 1
        elif self.depth:
            self.langs += [v for k, v in attrs if k == "lang"]

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth = 0

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


@pytest.mark.parametrize("name", ["about", "methodology"])
def test_the_sample_sites_free_pages_exist_in_every_language(sites, name):
    root = sites["root"][1]
    english = MainText()
    english.feed((root / name / "index.html").read_text(encoding="utf-8"))
    english_words = set(re.findall(r"\w+", "".join(english.text).lower()))
    # Letters of the scripts the other editions are written in.
    script = {"ru": r"[а-яё]", "zh": r"[\u4e00-\u9fff]", "ar": r"[\u0600-\u06ff]"}
    for edition in EDITIONS:
        html = (root / edition / name / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{edition}"' in html
        page = MainText()
        page.feed(html)
        text = " ".join("".join(page.text).split())
        assert "en" not in page.langs, f"{edition}/{name} shows the English original"
        assert 'class="language-note"' not in html
        words = re.findall(r"\w+", text.lower())
        shared = sum(w in english_words for w in words) / len(words)
        assert shared < 0.3, f"{edition}/{name}: {shared:.0%} English words"
        if edition in script:
            assert len(re.findall(script[edition], text)) > 100, f"{edition}/{name} is not in its script: {text[:200]}"
        assert text != " ".join("".join(english.text).split())


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


class Fields(HTMLParser):
    """The recommendation page's fields (<dt> → text of <dd>, and the first link in it) and its notes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields, self.links, self.notes = {}, {}, []
        self.at = None  # "dt", "dd" or "note"
        self.label, self.buffer, self.note_links = "", [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("dt", "dd"):
            self.at, self.buffer = tag, []
        elif tag == "p" and attrs.get("class") == "language-note":
            self.at, self.buffer = "note", []
        elif tag == "a" and self.at == "dd":
            self.links.setdefault(self.label, attrs.get("href"))
        elif tag == "a" and self.at == "note":
            self.note_links.append(attrs.get("href"))

    def handle_endtag(self, tag):
        text = "".join(self.buffer).strip()
        if tag == "dt" and self.at == "dt":
            self.label, self.at = text, None
        elif tag == "dd" and self.at == "dd":
            self.fields[self.label], self.at = text, None
        elif tag == "p" and self.at == "note":
            self.notes.append(text)
            self.at = None

    def handle_data(self, data):
        if self.at:
            self.buffer.append(data)


def test_every_recommendation_says_which_language_its_text_is_in(sites):
    """For every record of the sample site and every edition: the language shown, whether it is a
    translation, and the link to the original — worked out from the content files themselves."""
    root = sites["root"][1]
    content = REPO / "Content"
    config = yaml.safe_load((content / "site.yml").read_text(encoding="utf-8"))
    languages = config["languages"]
    strings = {l: yaml.safe_load((REPO / "Templates" / "strings" / f"{l}.yml").read_text(encoding="utf-8")) for l in languages}
    seen = set()
    originals = [p for p in (content / "recommendations").rglob("*.md") if p.stem.count(".") == 0]
    assert len(originals) > 50
    for source in originals:
        meta = front_matter(source)
        rid = str(meta.get("id", source.stem))
        original = meta.get("language", config.get("language", "en"))
        translated = {p.stem.split(".")[1] for p in source.parent.glob(source.stem + ".*.md")}
        for edition in languages:
            prefix = "" if edition == languages[0] else edition + "/"
            page = Fields()
            page.feed((root / prefix / "recommendations" / rid / "index.html").read_text(encoding="utf-8"))
            s = strings[edition]
            is_translation = edition != original and edition in translated
            shown = edition if is_translation else original
            kind = "text_translation" if is_translation else "text_original"
            name = s["language_" + shown]
            assert page.fields[s["field_language"]] == s[kind].replace("{language}", name), f"{prefix}{rid}"
            seen.add((edition == original, is_translation))
            if is_translation:
                original_name = s["language_" + original]
                assert page.fields[s["field_original_language"]] == original_name, f"{prefix}{rid}"
                note = s["translation_note"].replace("{language}", original_name)
                assert any(n.startswith(note) for n in page.notes), f"{prefix}{rid}: {page.notes}"
                # The link leads to the page that shows the original, and it says so.
                target = (root / prefix / "recommendations" / rid / page.links[s["field_original_language"]]).resolve()
                assert page.note_links == [page.links[s["field_original_language"]]]
                there = Fields()
                there.feed((target / "index.html").read_text(encoding="utf-8"))
                target_strings = strings[original]
                assert there.fields[target_strings["field_language"]] == target_strings["text_original"].replace(
                    "{language}", target_strings["language_" + original])
            else:
                assert s["field_original_language"] not in page.fields
                if shown != edition:
                    assert page.notes == [s["language_note"].replace("{language}", name)], f"{prefix}{rid}"
                else:
                    assert page.notes == [], f"{prefix}{rid}"
    # Every combination occurs: the original in its own edition, a translation, the original elsewhere.
    assert seen == {(True, False), (False, True), (False, False)}


class Links(HTMLParser):
    """The links of <main>: (lang of the nearest element that sets one, href, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.langs, self.links, self.current, self.h1, self.in_h1 = [], [], None, "", False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in ("meta", "link", "br", "img"):
            self.langs.append(attrs.get("lang") or (self.langs[-1] if self.langs else None))
        if tag == "a":
            self.current = [self.langs[-1], attrs.get("href"), ""]
        self.in_h1 = self.in_h1 or tag == "h1"

    def handle_endtag(self, tag):
        if tag not in ("meta", "link", "br", "img") and self.langs:
            self.langs.pop()
        if tag == "a" and self.current:
            self.links.append(tuple(self.current))
            self.current = None
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        if self.current:
            self.current[2] += data
        if self.in_h1:
            self.h1 += data


def test_every_404_offers_each_editions_home_and_search_in_its_language(sites):
    root = sites["root"][1]
    languages = yaml.safe_load((REPO / "Content" / "site.yml").read_text(encoding="utf-8"))["languages"]
    strings = {l: yaml.safe_load((REPO / "Templates" / "strings" / f"{l}.yml").read_text(encoding="utf-8")) for l in languages}
    for edition in languages:
        prefix = "" if edition == languages[0] else edition + "/"
        html = (root / prefix / "404.html").read_text(encoding="utf-8")
        assert f'<html lang="{edition}"' in html
        page = Links()
        page.feed(html)
        assert page.h1.strip() == strings[edition]["not_found_title"]
        for other in languages:
            home = "/" + ("" if other == languages[0] else other + "/")
            s = strings[other]
            offered = {(href, text) for lang, href, text in page.links if lang == other}
            assert (home, s["not_found_home"]) in offered, f"{prefix}404.html: no {other} home link"
            assert (home + "search/", s["search_label"]) in offered, f"{prefix}404.html: no {other} search link"
            assert (root / home.lstrip("/") / "index.html").is_file() and (root / home.lstrip("/") / "search" / "index.html").is_file()


def test_a_reader_lost_on_the_root_404_reaches_the_french_edition(page, site):
    base, _ = site
    response = page.goto(base + "fr/no/such/page/")
    assert response.status == 404
    page.locator('main a[hreflang="fr"]').first.click()
    assert page.url == base + "fr/"
    assert page.evaluate("document.documentElement.lang") == "fr"
    # The missing page's own 404 answer is expected; nothing else may fail.
    assert [p for p in page.problems.items if "no/such/page" not in p and "status of 404" not in p] == []


def folded(name, edition):
    """An independent sort key: letters without accents (French, Spanish), ё as е (Russian),
    Arabic without the leading article and with hamza forms of alif as alif."""
    import unicodedata
    if edition == "ar":
        words = name.split(" ")
        if words[0].startswith("ال") and len(words[0]) > 3:
            words[0] = words[0][2:]
        return " ".join(words).translate(str.maketrans("أإآ", "ااا"))
    text = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return text.casefold().replace("ё", "е")


@pytest.mark.parametrize("edition", ["fr", "es", "ru", "ar"])
def test_country_names_are_listed_in_the_editions_alphabetical_order(sites, edition):
    root = sites["root"][1]
    page = Names()
    page.feed((root / edition / "countries" / "index.html").read_text(encoding="utf-8"))
    names = [text for target, text in page.found if target != "h1" and "/countries/" in (target or "")]
    assert len(names) > 15
    assert names == sorted(names, key=lambda n: folded(n, edition))
    # And not merely code point order, where it differs (É after Z; Ё before А; الـ under ا).
    if sorted(names) != sorted(names, key=lambda n: folded(n, edition)):
        assert names != sorted(names)


def test_follow_up_text_is_marked_with_the_records_language(sites):
    """A follow-up block's free text is in the record's language, whatever the edition."""
    root = sites["root"][1]
    content = REPO / "Content" / "recommendations"
    checked = 0
    for source in content.rglob("*.md"):
        meta = front_matter(source) if source.stem.count(".") == 0 else {}
        follow = meta.get("follow_up") or {}
        if not follow.get("cluster"):
            continue
        original = meta.get("language", "en")
        for edition in EDITIONS + ["en"]:
            html = (root / ("" if edition == "en" else edition) / "recommendations" / source.stem / "index.html").read_text(encoding="utf-8")
            cluster = follow["cluster"].replace("&", "&amp;").replace("'", "&#39;")
            # The follow-up row's own value (a theme of the same name is a link inside its <bdi>).
            value = re.search(r"<bdi([^>]*)>" + re.escape(cluster) + "</bdi>", html)
            assert value, f"{edition}/{source.stem}: no follow-up cluster"
            marked = f'lang="{original}"' in value.group(1)
            assert marked == (edition != original), f"{edition}/{source.stem}"
            checked += 1
    assert checked >= 6
