import test from "node:test";
import assert from "node:assert/strict";
import { createSearch, isCJK, normalize, pageNumbers, parseQuery, tokenize, wordTerm } from "../../Public/search/search.js";
import { BASE_URL, fileFetch, fixtureDocs, fixtureNames, fixtureRoot } from "./fixture.mjs";
import { dictionary, expectedSuggestion } from "./suggestion-reference.mjs";
import fs from "node:fs";
import path from "node:path";

const engine = (fetch = fileFetch()) => createSearch({ baseUrl: BASE_URL, fetch });
const FACET_FIELDS = await engine().facetFields();

// MARK: - A brute-force oracle of the contract's matching rules, straight from the tokenizer.

const itemMatches = (item, term) => term === item.exact || (item.also ?? []).includes(term) || item.prefixes.some((p) => term.startsWith(p));
const clauseMatches = (clause, tokens) => tokens.some((t0) => itemMatches(clause.items[0], t0.term) &&
  clause.items.every((it) => tokens.some((t) => t.position === t0.position - clause.items[0].offset + it.offset && itemMatches(it, t.term))));
// Names (the rule): a clause's `names` key also matches the names of the document's
// State, themes, affected groups, body, mechanism and SDGs: the terms of their tokens (no CJK
// tail), tokenized in the name's language ({"fr": "Équateur"}; a plain string has no known
// language and takes every Latin stemmer's terms), and their CJK runs of 2+ characters.
// Region and recommending States are not names.
const NAMED_FIELDS = ["country", "theme", "affected_persons", "body", "mechanism", "sdg_goal", "sdg_target"];
const nameTokens = (name) => (typeof name === "string"
  ? ["en", "fr", "es"].flatMap((l) => tokenize(name, l))
  : Object.entries(name).flatMap(([l, text]) => tokenize(text, l)));
const nameText = (name) => (typeof name === "string" ? name : Object.values(name).join(" "));
function nameTerms(doc) {
  const terms = new Set();
  for (const field of NAMED_FIELDS) for (const value of doc.facets[field] ?? []) {
    for (const name of fixtureNames[field]?.[value] ?? []) {
      for (const t of nameTokens(name)) if (!t.tail) terms.add(t.term);
      for (const run of Array.from(normalize(nameText(name))).reduce((runs, ch) => {
        if (isCJK(ch.codePointAt(0))) runs[runs.length - 1] += ch; else runs.push("");
        return runs;
      }, [""])) if (Array.from(run).length >= 2) terms.add(run);
    }
  }
  return [...terms];
}
const namesMatch = (key, terms) => key !== null &&
  terms.some((t) => t === key.exact || (key.also ?? []).includes(t) || key.prefixes.some((p) => Array.from(p).length >= 2 && t.startsWith(p)));

// Facets are disjunctive: a filtered field's values are counted over the documents that meet
// the query and every other filter; the other fields' over the matches.
// Query syntax: { any } matches when one alternative does; { not } clauses exclude.
function oracle(query, filters = {}, typing = false, language = "en") {
  const clauses = parseQuery(query, { typing, language });
  const textMatches = fixtureDocs.filter((doc) => {
    // Translations are searched with their record. Each text is tokenized in its own language
    // (French and Spanish words take their Snowball stems); symbols as English.
    const translations = Object.entries(doc.translations ?? {}).flatMap(([l, texts]) => texts.map((x) => tokenize(x, l)));
    const fields = [tokenize(doc.title, doc.language), tokenize(doc.text, doc.language), tokenize(doc.document), tokenize(doc.paragraph), ...translations];
    const names = nameTerms(doc);
    const satisfies = (c) => (c.any ? c.any.some(satisfies) : fields.some((tokens) => clauseMatches(c, tokens)) || namesMatch(c.names, names));
    // An optional clause (a CJK run as written) only ranks.
    return clauses.every((c) => c.optional || (c.not ? !satisfies({ ...c, not: undefined }) : satisfies(c)));
  });
  const passes = (doc, except) => Object.entries(filters).every(([field, values]) =>
    field === except || values.length === 0 || (doc.facets[field] ?? []).some((v) => values.includes(v)));
  const matches = textMatches.filter((doc) => passes(doc, null));
  const facets = Object.fromEntries(FACET_FIELDS.map((f) => [f, {}]));
  for (const field of FACET_FIELDS) {
    const docs = field in filters && filters[field].length > 0 ? textMatches.filter((doc) => passes(doc, field)) : matches;
    for (const doc of docs) for (const v of new Set(doc.facets[field] ?? [])) facets[field][v] = (facets[field][v] ?? 0) + 1;
  }
  return { ids: matches.map((d) => d.id).sort(), facets };
}
const newestFirst = (a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? 1 : -1);
const sortedFacets = (facets) => Object.fromEntries(Object.entries(facets).map(([f, vs]) =>
  [f, Object.fromEntries(Object.entries(vs).sort(([a], [b]) => (a < b ? -1 : 1)))]));

const QUERIES = [
  "", "right", "rights", "protect", "protected", "education", "right to education", "\"right to education\"",
  "women", "woman", "children", "child", "people", "persons", "égalité", "egalite", "ninas", "niñas", "educat",
  "A/HRC/39/6", "a/hrc/39/6 120.89", "120.89", "47(g)", "CRC/C/ECU/CO/5-6", "A/HRC/41/39/Add.1", "E/C.12",
  "国际合作", "国际", "国", "合作", "儿童权利", "権利", "子ども", "المرأة", "المراه", "حقوق الإنسان", "حُقُوق",
  "её", "ее", "журналистов", "climate change", "\"climate change\"", "violence", "script", "<script>", "defenders",
  "human rights defenders", "\"human rights\" women", "torture optional", "zzzz", "ratify", "the",
  "Ecuador", "Équateur", "equat", "Ecuador education", "mexico", "\"Mexico\"", "厄瓜多尔", "中国", "Китай", "Латин",
  "latin", "crc", "labor", "procedures", "journalistes", "decent work", "birth registration", "出生登记", "torture",
  "children OR women", "torture OR \"climate change\" OR 国际合作", "-children", "rights -children", "rights -\"human rights\"",
  "OR", "children OR", "- women", "-Ecuador education", "registration", "regist", "educat", "-国际", "women OR -girls",
  "合作国际", "儿童权利保护", "促进和平", "子どもの権利", "пытки", "пыток", "\"пыток\"", "пытками мигрантов", "защиту",
  "droits enfants", "\"droit à l'éducation\"", "niña", "niño indígena", "protegidos", "changement climatique", "garantiza",
];
const FILTERS = [
  {}, { country: ["ecu"] }, { country: ["ecu", "mex"] }, { country: ["ecu"], mechanism: ["treaty-body"] },
  { language: ["en"] }, { theme: ["right-to-education", "climate-change"] }, { sdg_goal: ["4"], response: ["supported"] },
  { affected_persons: ["children"], year: ["2018", "2019"] }, { country: ["nowhere"] },
  { country: ["ecu", "mex", "fra"], theme: ["right-to-education", "climate-change"], language: ["en", "es"] },
  { country: ["ecu"], nosuchfield: ["x"] },
];

test("gives exact totals, matches and facet counts for every query and filter combination", async () => {
  const e = engine();
  for (const query of QUERIES) {
    for (const filters of FILTERS) for (const typing of [false, true]) {
      const expected = oracle(query, filters, typing);
      const r = await e.search(query, { filters, limit: 1000, typing });
      const label = `${JSON.stringify(query)} ${JSON.stringify(filters)} typing=${typing}`;
      assert.equal(r.total, expected.ids.length, label);
      assert.deepEqual(r.results.map((x) => x.id).sort(), expected.ids, label);
      assert.deepEqual(sortedFacets(r.facets), expected.facets, label);
    }
  }
});

test("stems a query for the page's language and tries every other Latin stemmer (try all)", async () => {
  assert.ok(oracle("droits enfants", {}, false, "fr").ids.includes("a-hrc-38-10-126-12"));
  assert.ok(oracle("niña", {}, false, "en").ids.includes("a-hrc-40-8-131-5"));
  for (const language of ["fr", "es", "ru", "en"]) {
    const e = createSearch({ baseUrl: BASE_URL, fetch: fileFetch(), language });
    for (const query of ["droits enfants", "niña", "protegidos", "\"droit à l'éducation\"", "égalité", "children", "education", "garantiza"]) {
      for (const typing of [false, true]) {
        const r = await e.search(query, { limit: 1000, typing });
        assert.deepEqual(r.results.map((x) => x.id).sort(), oracle(query, {}, typing, language).ids, `${language} ${query} typing=${typing}`);
      }
    }
  }
});

test("counts a filtered field's values as if its own filter were not set (disjunctive facets)", async () => {
  const e = engine();
  for (const query of ["", "children", "rights"]) {
    const open = await e.search(query, { filters: { mechanism: ["upr", "treaty-body"] } });
    const one = await e.search(query, { filters: { country: ["ecu"], mechanism: ["upr", "treaty-body"] } });
    // Ticking one State leaves every State listed, with the count it would add.
    assert.deepEqual(one.facets.country, open.facets.country, query);
    assert.ok(Object.keys(one.facets.country).length > 1, query);
    const two = await e.search(query, { filters: { country: ["ecu", "mex"], mechanism: ["upr", "treaty-body"] } });
    assert.equal(two.total, (open.facets.country.ecu ?? 0) + (open.facets.country.mex ?? 0), query);
  }
});

test("lists every recommendation newest first for an empty query, with the global facet counts", async () => {
  const r = await engine().search("", { limit: 100 });
  const expected = [...fixtureDocs].sort(newestFirst).map((d) => d.id);
  assert.equal(r.total, fixtureDocs.length);
  assert.deepEqual(r.results.map((x) => x.id), expected);
  assert.deepEqual(sortedFacets(r.facets), oracle("").facets);
  assert.ok(r.results.every((x) => x.score === 0));
});

test("lists everything in the filters for an empty query with filters, newest first", async () => {
  const r = await engine().search("", { filters: { country: ["mex"], mechanism: ["upr"] }, limit: 50 });
  const expected = fixtureDocs.filter((d) => d.facets.country[0] === "mex" && d.facets.mechanism[0] === "upr")
    .sort(newestFirst).map((d) => d.id);
  assert.deepEqual(r.results.map((x) => x.id), expected);
  assert.equal(r.total, expected.length);
});

test("pages with limit and offset over one stable order", async () => {
  const e = engine();
  const all = await e.search("children", { limit: 100 });
  const pages = [];
  for (let offset = 0; offset < all.total; offset += 2) pages.push(...(await e.search("children", { limit: 2, offset })).results);
  assert.deepEqual(pages.map((x) => x.id), all.results.map((x) => x.id));
  const past = await e.search("children", { limit: 5, offset: 999 });
  assert.equal(past.total, all.total);
  assert.deepEqual(past.results, []);
  assert.equal((await e.search("children")).results.length, Math.min(20, all.total));
});

test("ranks by relevance, best first, ties newest first", async () => {
  const r = await engine().search("children", { limit: 100 });
  for (let i = 1; i < r.results.length; i++) {
    const [a, b] = [r.results[i - 1], r.results[i]];
    assert.ok(a.score > b.score || (a.score === b.score && !(b.date > a.date)), `${a.id} before ${b.id}`);
  }
});

test("weighs a match in the title or document symbol more than one in the text", async () => {
  const r = await engine().search("ilo", { limit: 10 });
  assert.equal(r.results[0].id, "a-hrc-42-4-6-45");
  const symbol = await engine().search("Add", { limit: 10 });
  assert.ok(symbol.results.length >= 2);
  assert.ok(symbol.results.slice(0, 2).every((x) => x.id.startsWith("a-hrc-41-39-add-1")));
});

test("returns results with id, absolute url, plain title, excerpt and score", async () => {
  const r = await engine().search("climate change", { limit: 1 });
  const [first] = r.results;
  assert.deepEqual(Object.keys(first).slice(0, 5), ["id", "url", "title", "excerpt", "score"]);
  assert.equal(first.url, BASE_URL + `recommendations/${first.id}/`);
  assert.ok(first.score > 0);
  assert.match(first.excerpt, /<mark>climate<\/mark> <mark>change<\/mark>/);
});

test("builds excerpts in which no text from content can become markup", async () => {
  const r = await engine().search("escaping children", { limit: 5 });
  const { excerpt } = r.results[0];
  assert.ok(!excerpt.includes("<script"), excerpt);
  assert.ok(excerpt.includes("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"), excerpt);
  assert.ok(excerpt.includes("<mark>children</mark>"), excerpt);
  assert.ok(!/</.test(excerpt.replace(/<\/?mark>/g, "")), excerpt);
});

test("cuts long texts to an excerpt around the first match", async () => {
  const r = await engine().search("disabilities", { limit: 1 });
  const { excerpt } = r.results[0];
  assert.ok(excerpt.startsWith("\u2026") && excerpt.length < 320, excerpt);
  assert.match(excerpt, /<mark>disabilities<\/mark>/);
});

test("matches Chinese words in any order (contiguous first) unquoted, and exactly quoted", async () => {
  const e = engine();
  const ids = async (q) => (await e.search(q, { limit: 100 })).results.map((x) => x.id);
  // 国际合作 (国际 + 合作): contiguous in a-hrc-40-6-28-7 and a Chinese translation, apart in 28-8.
  const found = await ids("国际合作");
  const contiguous = fixtureDocs.filter((d) => [d.text, ...Object.values(d.translations ?? {}).flat()].some((t) => t.includes("国际合作"))).map((d) => d.id);
  const apart = fixtureDocs.filter((d) => !contiguous.includes(d.id) && d.text.includes("国际") && d.text.includes("合作")).map((d) => d.id);
  assert.ok(contiguous.length === 2 && apart.length === 1);
  assert.deepEqual(found.slice(0, contiguous.length).sort(), contiguous.sort());
  assert.deepEqual(found.slice(contiguous.length), apart);
  // Quoted: the contiguous ones only.
  assert.deepEqual((await ids('"国际合作"')).sort(), contiguous.sort());
  // 国 alone is in both Chinese texts, a Chinese translation and the Japanese 国際協力.
  assert.deepEqual((await ids("国")).sort(), ["a-hrc-37-12-118-2", "a-hrc-39-6-120-89", "a-hrc-40-6-28-7", "a-hrc-40-6-28-8"]);
  for (const x of (await e.search('"国际合作"')).results) assert.match(x.excerpt, /<mark>国际合作<\/mark>|<mark>国际<\/mark>/);
  assert.deepEqual(await ids("権利"), ["a-hrc-37-12-118-2"]);
  // 就业歧视 (就业 + 歧视) finds 消除就业中的性别歧视 (a Chinese translation); quoted, it does not.
  assert.deepEqual(await ids("就业歧视"), ["cedaw-c-mex-co-9-24-a"]);
  assert.deepEqual(await ids('"就业歧视"'), []);
});

test("searches every language at once, and the language filter narrows it", async () => {
  const e = engine();
  // While typing, "educ" is a prefix of English education, French éducation, Spanish educación.
  const all = await e.search("educ", { limit: 50, typing: true });
  assert.ok(["en", "fr", "es"].every((l) => all.facets.language[l] > 0), JSON.stringify(all.facets.language));
  const fr = await e.search("education", { filters: { language: ["fr"] } });
  assert.deepEqual(fr.results.map((x) => x.id), ["a-hrc-38-10-126-12"]);
});

test("finds a recommendation by its document symbol and paragraph", async () => {
  const e = engine();
  assert.equal((await e.search("A/HRC/39/6")).total, 3);
  assert.deepEqual((await e.search("A/HRC/39/6 120.89")).results.map((x) => x.id), ["a-hrc-39-6-120-89"]);
  assert.deepEqual((await e.search("47(g)")).results.map((x) => x.id), ["crc-c-ecu-co-5-6-47-g"]);
});

test("downloads only the parts of the index that a query needs", async () => {
  const fetch = fileFetch();
  const e = engine(fetch);
  await e.search("torture", { limit: 5 });
  const paths = fetch.log.map((x) => x.url.slice(BASE_URL.length));
  assert.ok(paths.includes("search/index/manifest.json"));
  // Of the facet values, only the postings of the one named "Torture…" (a theme) are loaded.
  const manifest = await e.manifest();
  const themes = manifest.fields.indexOf("theme");
  const offset = manifest.values.slice(0, themes).reduce((a, vs) => a + vs.length, 0);
  const g = offset + manifest.values[themes].indexOf("torture-and-other-cruel-inhuman-or-degrading-treatment");
  assert.deepEqual(paths.filter((p) => p.startsWith("search/index/facets/")), [`search/index/facets/${g}.p.bin`]);
  assert.ok(paths.filter((p) => p.startsWith("search/index/docs/")).length <= 1, paths.join(" "));
});

test("reads OR, -word and -\"phrase\", and uses the last word as typed as a prefix only while typing", async () => {
  const e = engine();
  const ids = async (q, opts = {}) => (await e.search(q, { limit: 1000, ...opts })).results.map((x) => x.id).sort();
  const union = [...new Set([...(await ids("torture")), ...(await ids("climate"))])].sort();
  assert.deepEqual(await ids("torture OR climate"), union);
  const rights = await ids("rights");
  const children = new Set(await ids("children"));
  assert.deepEqual(await ids("rights -children"), rights.filter((id) => !children.has(id)));
  assert.ok((await ids("rights -children")).length < rights.length);
  // "registration" as typed is a prefix of no word of "registry"'s; a finished query is exact.
  const docsWith = (re) => fixtureDocs.filter((d) => re.test(d.text)).map((d) => d.id).sort();
  assert.deepEqual(await ids("regist", { typing: true }), docsWith(/\bregist/i));
  assert.deepEqual(await ids("regist"), []);
  // A word typed halfway finds the words it begins.
  assert.ok((await ids("educat", { typing: true })).length > 0);
});

// "Did you mean", brute force: every term of the fixture (documents and names) with its document
// count, spelled back as words (term + ending, or an irregular plural and its singular, that
// tokenize to the term), the closest within 1 edit (words of up to 4 letters) or 2.
// The fixture's dictionary (each text in its language) and names, for the suggestion reference.
const SUGGESTION_INDEX = {
  df: dictionary(fixtureDocs, (doc) => [[doc.title, doc.language], [doc.text, doc.language], [doc.document, "en"], [doc.paragraph, "en"],
    ...Object.entries(doc.translations ?? {}).flatMap(([l, texts]) => texts.map((x) => [x, l]))]),
  names: new Set(Object.values(fixtureNames).flatMap((byValue) => Object.values(byValue).flat()).flatMap((name) => nameTokens(name).filter((t) => !t.tail).map((t) => t.term))),
};

test("offers 'did you mean' from the term dictionary for a query without results, in every script", async () => {
  const e = engine();
  const manifest = JSON.parse(fs.readFileSync(path.join(fixtureRoot, "search/index/manifest.json"), "utf8"));
  // The reference takes every name: the fixture's names are in one bucket.
  assert.equal(manifest.nameBuckets, 1);
  const queries = ["torure", "educaton", "chldren rights", "childen", "Ecuadr", "registraton", "climat chnage", "zzzz", "Equateur",
    "educacón", "educacion", "derechoss", "égalitée", "egalitee", "droitt", "журнолистов", "образованиеее", "التعليمم", "المساوات", "niñass"];
  let suggested = 0;
  for (const language of ["en", "fr", "es"]) for (const query of queries) {
    const r = await createSearch({ baseUrl: BASE_URL, fetch: fileFetch(), language }).search(query);
    if (r.total > 0) { assert.equal(r.suggestion, undefined, query); continue; }
    assert.equal(r.suggestion, expectedSuggestion(query, { ...SUGGESTION_INDEX, shards: manifest.shards, language }), `${query} (${language})`);
    // A suggestion is a query with results.
    if (r.suggestion !== undefined) { suggested++; assert.ok((await e.search(r.suggestion)).total > 0, r.suggestion); }
  }
  assert.ok(suggested >= 40, `${suggested} suggestions`);
  // Spelled in the word's language and script (read from the fixture's texts).
  const expected = { "torure": "torture", "educacón": "educación", "égalitée": "égalité", "журнолистов": "журналистов", "التعليمم": "التعليم" };
  for (const [query, suggestion] of Object.entries(expected)) assert.equal((await e.search(query)).suggestion, suggestion, query);
  assert.equal((await e.search('"torure"')).suggestion, undefined);
});

test("sorts newest or oldest first, takes a year range, and gives each result its State and body", async () => {
  const e = engine();
  for (const query of ["", "children", "rights -women", "education OR climate"]) {
    const expected = oracle(query).ids;
    const byDate = fixtureDocs.filter((d) => expected.includes(d.id)).sort(newestFirst).map((d) => d.id);
    const newest = await e.search(query, { sort: "newest", limit: 1000 });
    assert.deepEqual(newest.results.map((x) => x.id), byDate, query);
    const oldest = await e.search(query, { sort: "oldest", limit: 1000 });
    assert.deepEqual(oldest.results.map((x) => x.id), [...byDate].reverse(), query);
    for (const [from, to] of [[2018, 2019], [null, 2017], [2019, null], [2030, 2040]]) {
      const inRange = (d) => (from === null || Number(d.date.slice(0, 4)) >= from) && (to === null || Number(d.date.slice(0, 4)) <= to);
      const r = await e.search(query, { years: [from, to], limit: 1000 });
      assert.deepEqual(r.results.map((x) => x.id).sort(), fixtureDocs.filter((d) => expected.includes(d.id) && inRange(d)).map((d) => d.id).sort(), `${query} ${from}-${to}`);
      // The year facet is counted without the range (disjunctive), the others within it.
      assert.deepEqual(r.facets.year, oracle(query).facets.year);
    }
  }
  const all = await e.search("", { limit: 1000 });
  for (const x of all.results) {
    const doc = fixtureDocs.find((d) => d.id === x.id);
    assert.equal(x.country, doc.facets.country?.[0] ?? "");
    assert.equal(x.body, doc.facets.body?.[0] ?? "");
  }
});

test("numbers the pager: first, last, and two pages either side of the current one", () => {
  for (let pages = 1; pages <= 30; pages++) for (let current = 1; current <= pages; current++) {
    const expected = [];
    for (let p = 1; p <= pages; p++) if (p === 1 || p === pages || Math.abs(p - current) <= 2) expected.push(p);
    assert.deepEqual(pageNumbers(current, pages), expected, `${current}/${pages}`);
  }
});

test("stems Russian (Snowball) and joins the fleeting vowel: пытки, пыток, пытками", async () => {
  const e = engine();
  const ids = async (q) => (await e.search(q, { limit: 100 })).results.map((x) => x.id).sort();
  // One record says пыток (its Russian translation), another пытками; neither says пытки.
  const withWord = (re) => fixtureDocs.filter((d) => Object.values(d.translations ?? {}).flat().some((t) => re.test(t))).map((d) => d.id).sort();
  const both = [...withWord(/пыток/), ...withWord(/пытками/)].sort();
  assert.equal(both.length, 2);
  for (const q of ["пытки", "пыток", "пытками", "Пытка"]) assert.deepEqual(await ids(q), both, q);
  // Quoted words match as written (their stem, without the fleeting vowel).
  assert.deepEqual(await ids('"пыток"'), withWord(/пыток/));
});

test("finds a State's recommendations by its name in any language, ranked below text matches", async () => {
  const e = engine();
  const ecuador = fixtureDocs.filter((d) => d.facets.country.includes("ecu")).map((d) => d.id).sort();
  for (const name of ["Ecuador", "Équateur", "equateur", "厄瓜多尔", "Эквадор"]) {
    assert.deepEqual((await e.search(name, { limit: 100 })).results.map((x) => x.id).sort(), ecuador, name);
  }
  // Recommending States are not names: "Mexico" finds Mexico's recommendations only.
  const mexico = fixtureDocs.filter((d) => d.facets.country.includes("mex")).map((d) => d.id).sort();
  assert.deepEqual((await e.search("Mexico", { limit: 100 })).results.map((x) => x.id).sort(), mexico);
  // "climate": the texts that say it come before the recommendations only tagged Climate change.
  const r = await e.search("climate", { limit: 100 });
  const inText = r.results.map((x) => tokenize(fixtureDocs.find((d) => d.id === x.id).text).some((t) => t.term.startsWith("climat")));
  assert.ok(inText.includes(false) && inText.indexOf(false) > inText.lastIndexOf(true), JSON.stringify(inText));
  // Quoted words match the text only.
  assert.equal((await e.search('"Équateur"')).total, 0);
});

test("links into the reader's edition, with its labels, and shows a translation where it matches", async () => {
  const fr = createSearch({ baseUrl: BASE_URL, fetch: fileFetch(), language: "fr" });
  const r = await fr.search("climate", { limit: 100 });
  assert.ok(r.results.length > 0);
  for (const x of r.results) assert.equal(x.url, `${BASE_URL}fr/recommendations/${x.id}/`);
  assert.equal((await fr.labels()).country.ecu, "Équateur");
  // The translated record: French title; its excerpt is French when the query matches there...
  const translated = fixtureDocs.find((d) => d.id === "a-hrc-39-6-120-89");
  const hit = (await fr.search("coopération")).results.find((x) => x.id === translated.id);
  assert.equal(hit.title, translated.translations.fr[0]);
  assert.equal(hit.titleLanguage, "fr");
  assert.equal(hit.language, "fr");
  assert.match(hit.excerpt, /<mark>coopération<\/mark>/);
  // ...and English (the text that matches) when it does not.
  const english = (await fr.search("address")).results.find((x) => x.id === translated.id);
  assert.equal(english.language, "en");
  assert.match(english.excerpt, /<mark>address<\/mark>/);
  // One result per record, whichever versions match.
  const both = await fr.search("international", { limit: 100 });
  assert.equal(new Set(both.results.map((x) => x.id)).size, both.results.length);
  // A language the site does not have: the default edition.
  const xx = createSearch({ baseUrl: BASE_URL, fetch: fileFetch(), language: "xx" });
  assert.equal((await xx.search("climate")).results[0].url.startsWith(`${BASE_URL}recommendations/`), true);
  assert.equal((await xx.labels()).country.ecu, "Ecuador");
});

test("defaults baseUrl to the site that served the module", () => {
  const e = createSearch({ fetch: fileFetch() });
  assert.ok(e.baseUrl.endsWith("/Public/"), e.baseUrl);
});

test("takes the facet fields from the manifest, and counts every one of them", async () => {
  const e = engine();
  const fields = await e.facetFields();
  assert.deepEqual(fields, (await e.manifest()).fields);
  assert.equal(fields.length, 17);
  assert.deepEqual(fields.slice(0, 3), ["country", "region", "body"]);
  assert.deepEqual(Object.keys((await e.search("zzzz")).facets), fields);
  assert.deepEqual(Object.keys((await e.search("children", { filters: { country: ["ecu"] } })).facets), fields);
});

test("offers the facet labels for the search page", async () => {
  const labels = await engine().labels();
  assert.equal(labels.country.ecu, "Ecuador");
  assert.equal(labels.body.crc, "Committee on the Rights of the Child");
  assert.equal(labels.theme["climate-change"], "climate-change");
});
