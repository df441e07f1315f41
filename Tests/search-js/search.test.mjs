import test from "node:test";
import assert from "node:assert/strict";
import { createSearch, parseQuery, tokenize } from "../../Public/search/search.js";
import { BASE_URL, fileFetch, fixtureDocs } from "./fixture.mjs";

const engine = (fetch = fileFetch()) => createSearch({ baseUrl: BASE_URL, fetch });
const FACET_FIELDS = await engine().facetFields();

// MARK: - A brute-force oracle of the contract's matching rules, straight from the tokenizer.

const itemMatches = (item, term) => term === item.exact || item.prefixes.some((p) => term.startsWith(p));
const clauseMatches = (clause, tokens) => tokens.some((t0) => itemMatches(clause.items[0], t0.term) &&
  clause.items.every((it) => tokens.some((t) => t.position === t0.position - clause.items[0].offset + it.offset && itemMatches(it, t.term))));
function oracle(query, filters = {}) {
  const clauses = parseQuery(query);
  const matches = fixtureDocs.filter((doc) => {
    const fields = [doc.title, doc.text, doc.document, doc.paragraph].map(tokenize);
    if (!clauses.every((c) => fields.some((tokens) => clauseMatches(c, tokens)))) return false;
    return Object.entries(filters).every(([field, values]) => (doc.facets[field] ?? []).some((v) => values.includes(v)));
  });
  const facets = Object.fromEntries(FACET_FIELDS.map((f) => [f, {}]));
  for (const doc of matches) for (const [field, values] of Object.entries(doc.facets)) {
    for (const v of new Set(values)) facets[field][v] = (facets[field][v] ?? 0) + 1;
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
];
const FILTERS = [
  {}, { country: ["ecu"] }, { country: ["ecu", "mex"] }, { country: ["ecu"], mechanism: ["treaty-body"] },
  { language: ["en"] }, { theme: ["right-to-education", "climate-change"] }, { sdg_goal: ["4"], response: ["supported"] },
  { affected_persons: ["children"], year: ["2018", "2019"] }, { country: ["nowhere"] },
];

test("gives exact totals, matches and facet counts for every query and filter combination", async () => {
  const e = engine();
  for (const query of QUERIES) {
    for (const filters of FILTERS) {
      const expected = oracle(query, filters);
      const r = await e.search(query, { filters, limit: 1000 });
      const label = `${JSON.stringify(query)} ${JSON.stringify(filters)}`;
      assert.equal(r.total, expected.ids.length, label);
      assert.deepEqual(r.results.map((x) => x.id).sort(), expected.ids, label);
      assert.deepEqual(sortedFacets(r.facets), expected.facets, label);
    }
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

test("matches Chinese by contiguous substring, not by bigrams found apart", async () => {
  const e = engine();
  assert.deepEqual((await e.search("国际合作")).results.map((x) => x.id), ["a-hrc-40-6-28-7"]);
  // 国 alone is in both Chinese texts and in the Japanese 国際協力.
  assert.deepEqual((await e.search("国")).results.map((x) => x.id).sort(), ["a-hrc-37-12-118-2", "a-hrc-40-6-28-7", "a-hrc-40-6-28-8"]);
  assert.match((await e.search("国际合作")).results[0].excerpt, /<mark>国际合作<\/mark>|<mark>国际<\/mark>/);
  assert.deepEqual((await e.search("権利")).results.map((x) => x.id), ["a-hrc-37-12-118-2"]);
});

test("searches every language at once, and the language filter narrows it", async () => {
  const e = engine();
  const all = await e.search("education", { limit: 50 });
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
  await engine(fetch).search("torture", { limit: 5 });
  const paths = fetch.log.map((x) => x.url.slice(BASE_URL.length));
  assert.ok(paths.includes("search/index/manifest.json"));
  assert.ok(!paths.some((p) => p.startsWith("search/index/facets/")), paths.join(" "));
  assert.ok(paths.filter((p) => p.startsWith("search/index/docs/")).length <= 1, paths.join(" "));
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
