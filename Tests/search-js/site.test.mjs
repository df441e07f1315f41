// The search module against real sites built by hrindex: the small build fixture and the sample
// content, each built into a temporary folder by the binary in HRINDEX_BIN (scripts/test sets
// it to the debug build), then searched through the site's own search/search.js with a fetch
// that reads the files. Skipped when HRINDEX_BIN is not set.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./fixture.mjs";

const BASE_URL = "https://site.example/uhri/";
const bin = process.env.HRINDEX_BIN;
const skip = !bin ? "HRINDEX_BIN is not set (scripts/test sets it)" : !fs.existsSync(bin) ? `no hrindex at ${bin}` : false;

/** Builds `content` into a new temporary folder; returns the folder and a search engine over it. */
async function buildSite(content, name) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `hrindex-search-${name}-`));
  const output = path.join(root, "site");
  execFileSync(bin, [
    "build", "--content", content, "--output", output,
    "--templates", path.join(repoRoot, "Templates"), "--public", path.join(repoRoot, "Public"),
  ], { stdio: ["ignore", "ignore", "pipe"] });
  const { createSearch } = await import(pathToFileURL(path.join(output, "search/search.js")).href);
  const log = [];
  const fetch = async (url) => {
    const href = String(url);
    assert.ok(href.startsWith(BASE_URL), href);
    const file = path.join(output, decodeURIComponent(href.slice(BASE_URL.length)));
    if (!file.startsWith(output + path.sep) || !fs.existsSync(file)) return { ok: false, status: 404 };
    const bytes = fs.readFileSync(file);
    log.push(href.slice(BASE_URL.length));
    return {
      ok: true, status: 200,
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      json: async () => JSON.parse(bytes.toString("utf8")),
    };
  };
  return { root, output, log, engine: createSearch({ baseUrl: BASE_URL, fetch }), createSearch, fetch };
}

const ids = (r) => r.results.map((x) => x.id);
const pageOf = (site, result) => path.join(site.output, result.url.slice(BASE_URL.length), "index.html");

describe("the search of a site built by hrindex (small fixture)", { skip }, () => {
  let site;
  before(async () => { site = await buildSite(path.join(repoRoot, "Tests/SiteBuildTests/Fixtures/small/Content"), "small"); });
  after(() => site && fs.rmSync(site.root, { recursive: true, force: true }));

  test("lists every recommendation newest first with the global facet counts", async () => {
    const r = await site.engine.search("", { limit: 10 });
    assert.equal(r.total, 5);
    assert.deepEqual(ids(r), ["a-hrc-40-52-add-4-80", "fra-upr3-ratification", "crc-c-ecu-co-5-6-28", "cmw-c-ecu-co-3-47-g", "a-hrc-36-4-118-64"]);
    assert.deepEqual(r.facets.country, { ecu: 3, fra: 2 });
    assert.deepEqual(r.facets.mechanism, { upr: 2, "treaty-body": 2, "special-procedure": 1 });
    assert.deepEqual(r.facets.type, { recommendation: 4, observation: 1 });
    assert.deepEqual(r.facets.response, { noted: 1, supported: 1 });
    assert.equal(r.facets.sdg_goal["16"], 3);
    assert.equal(r.facets.region["latin-american-and-caribbean-states"], 3);
    assert.equal(r.facets.recommending_state.gbr, 1);
  });

  test("filters by national follow-up: current status, responsible institution, overdue", async () => {
    // The fixture's one follow_up block: status in-progress, responsible "Ministerio de Relaciones Exteriores", no updates.
    assert.deepEqual(ids(await site.engine.search("", { filters: { status: ["in-progress"] } })), ["cmw-c-ecu-co-3-47-g"]);
    assert.deepEqual(ids(await site.engine.search("", { filters: { status: ["implemented"] } })), []);
    assert.deepEqual(ids(await site.engine.search("", { filters: { responsible: ["ministerio-de-relaciones-exteriores"] } })), ["cmw-c-ecu-co-3-47-g"]);
    const all = await site.engine.search("");
    assert.deepEqual(all.facets.status, { "in-progress": 1 });
    assert.deepEqual(all.facets.overdue, { no: 1 });
    const labels = await site.engine.labels();
    assert.equal(labels.status["in-progress"], "In progress");
    assert.equal(labels.responsible["ministerio-de-relaciones-exteriores"], "Ministerio de Relaciones Exteriores");
  });

  test("finds words in every language, stemmed and without diacritics", async () => {
    // Quoted: the text alone (unquoted, "migrant" also finds the recommendations about migrants).
    assert.deepEqual(ids(await site.engine.search('"migrant"')), ["fra-upr3-ratification"]);
    assert.equal(ids(await site.engine.search("migrant"))[0], "fra-upr3-ratification");
    // Quoted, the text alone (unquoted it also finds the theme named "Cooperación internacional").
    assert.deepEqual(ids(await site.engine.search('"cooperacion"')), ["cmw-c-ecu-co-3-47-g"]);
    assert.deepEqual(ids(await site.engine.search("Deuxieme phrase")), ["fra-upr3-ratification"]);
    // Quoted, the text alone (unquoted, 人权 is also in the Chinese names of themes).
    assert.deepEqual(ids(await site.engine.search('"人权"')), ["a-hrc-40-52-add-4-80"]);
    assert.deepEqual(ids(await site.engine.search('"人权维护者"')), ["a-hrc-40-52-add-4-80"]);
    // Unquoted, the words 维护 and 人权 may stand apart; quoted, they must stand together.
    assert.deepEqual(ids(await site.engine.search("维护人权")), ["a-hrc-40-52-add-4-80"]);
    assert.equal((await site.engine.search('"维护人权"')).total, 0);
  });

  test("matches quoted phrases only in order", async () => {
    assert.deepEqual(ids(await site.engine.search('"civil society"')), ["a-hrc-36-4-118-64"]);
    assert.equal((await site.engine.search('"society civil"')).total, 0);
    assert.deepEqual(ids(await site.engine.search('"violence against children"')), ["crc-c-ecu-co-5-6-28"]);
  });

  test("finds a recommendation by document symbol and paragraph", async () => {
    assert.deepEqual(ids(await site.engine.search("CRC/C/ECU/CO/5-6")), ["crc-c-ecu-co-5-6-28"]);
    assert.deepEqual(ids(await site.engine.search("47(g)")), ["cmw-c-ecu-co-3-47-g"]);
    assert.deepEqual(ids(await site.engine.search("A/HRC/40/52/Add.4 80")), ["a-hrc-40-52-add-4-80"]);
  });

  test("filters by facet values, OR inside a field and AND across fields", async () => {
    const r = await site.engine.search("", { filters: { country: ["ecu"], type: ["observation"] } });
    assert.deepEqual(ids(r), ["crc-c-ecu-co-5-6-28"]);
    const either = await site.engine.search("", { filters: { language: ["fr", "zh"] } });
    assert.deepEqual(ids(either).sort(), ["a-hrc-40-52-add-4-80", "fra-upr3-ratification"]);
    assert.equal((await site.engine.search("", { filters: { affected_persons: ["children"], sdg_target: ["16.2"] } })).total, 2);
  });

  test("returns each result's plain title, safe excerpt and a URL of a page the build wrote", async () => {
    const all = await site.engine.search("", { limit: 10 });
    for (const result of all.results) assert.ok(fs.existsSync(pageOf(site, result)), result.url);
    const cmw = (await site.engine.search("trata")).results[0];
    assert.equal(cmw.title, "Cooperación internacional contra la trata");
    assert.equal(cmw.document, "CMW/C/ECU/CO/3");
    assert.equal(cmw.paragraph, "47(g)");
    const ecu = (await site.engine.search("slavery")).results[0];
    assert.match(ecu.excerpt, /<mark>slavery<\/mark>/);
    assert.ok(!ecu.excerpt.includes("*"), ecu.excerpt);
    const crc = (await site.engine.search("children")).results.find((x) => x.id === "crc-c-ecu-co-5-6-28");
    assert.ok(!/<(?!\/?mark>)/.test(crc.excerpt), crc.excerpt);
    assert.ok(!crc.excerpt.includes("javascript:"), crc.excerpt);
  });

  test("offers the labels of the site's vocabularies", async () => {
    const labels = await site.engine.labels();
    assert.equal(labels.country.ecu, "Ecuador");
    assert.equal(labels.country.fra, "France");
    assert.ok(labels.theme["counter-terrorism"]);
  });

  test("defaults to the site that served the module", async () => {
    const { createSearch } = site;
    const engine = createSearch({ fetch: site.fetch });
    assert.ok(engine.baseUrl.startsWith("file://") && engine.baseUrl.endsWith("/site/"), engine.baseUrl);
  });
});

describe("the search of a site built by hrindex (sample content)", { skip }, () => {
  let site;
  before(async () => { site = await buildSite(path.join(repoRoot, "Content"), "sample"); });
  after(() => site && fs.rmSync(site.root, { recursive: true, force: true }));

  test("lists every recommendation, each linking to its page", async () => {
    const r = await site.engine.search("", { limit: 1000 });
    const count = (await site.engine.manifest()).documents;
    assert.ok(count >= 50, String(count));
    assert.equal(r.total, count);
    assert.equal(new Set(ids(r)).size, count);
    assert.equal(r.results.length, count);
    for (const result of r.results) assert.ok(fs.existsSync(pageOf(site, result)), result.url);
    assert.equal(Object.values(r.facets.country).reduce((a, b) => a + b, 0), count);
  });

  test("counts facets that agree with the totals of the filtered searches", async () => {
    for (const query of ["", "rights", "children education", '"human rights"', "torture", "educat"]) {
      const r = await site.engine.search(query, { limit: 0 });
      for (const field of ["country", "mechanism", "theme", "language"]) {
        for (const [value, n] of Object.entries(r.facets[field])) {
          const filtered = await site.engine.search(query, { filters: { [field]: [value] }, limit: 0 });
          assert.equal(filtered.total, n, `${JSON.stringify(query)} ${field}=${value}`);
        }
      }
    }
  });

  test("pages through results in one stable order", async () => {
    const all = await site.engine.search("rights", { limit: 1000 });
    assert.ok(all.total > 5);
    const paged = [];
    for (let offset = 0; offset < all.total; offset += 4) paged.push(...ids(await site.engine.search("rights", { limit: 4, offset })));
    assert.deepEqual(paged, ids(all));
  });

  // The sample's recommendations by State, read from the content files' front matter, and the
  // States' names in the six languages, read from Vocabularies/countries.yml.
  function contentByState() {
    const byState = new Map();
    const folder = path.join(repoRoot, "Content/recommendations");
    for (const file of fs.readdirSync(folder, { recursive: true })) {
      if (!file.endsWith(".md") || /\.[a-z]{2}\.md$/.test(file)) continue;
      const text = fs.readFileSync(path.join(folder, file), "utf8");
      const state = /^country: *(\w+)/m.exec(text)[1].toLowerCase();
      if (!byState.has(state)) byState.set(state, []);
      byState.get(state).push({ id: path.basename(file, ".md"), text: text.split("---")[2] });
    }
    return byState;
  }
  function stateNames() {
    const yml = fs.readFileSync(path.join(repoRoot, "Vocabularies/countries.yml"), "utf8");
    const names = new Map();
    for (const m of yml.matchAll(/- code: (\w+)\n  name: \{(.*)\}/g)) {
      names.set(m[1].toLowerCase(), [...m[2].matchAll(/(\w\w): "([^"]+)"/g)].map((x) => x[2]));
    }
    return names;
  }

  test("finds every record of a State by the State's name in any of the six languages", async () => {
    const names = stateNames();
    for (const [state, records] of contentByState()) {
      assert.equal(names.get(state).length, 6, state);
      for (const name of names.get(state)) {
        const found = new Set(ids(await site.engine.search(name, { limit: 1000 })));
        for (const r of records) assert.ok(found.has(r.id), `${name}: ${r.id}`);
      }
    }
  });

  test("searches for a reader of each edition: its pages, its labels, translations found", async () => {
    const yml = fs.readFileSync(path.join(repoRoot, "Vocabularies/countries.yml"), "utf8");
    const ecuador = /- code: ECU\n  name: \{(.*)\}/.exec(yml)[1];
    for (const language of ["fr", "es", "ru", "zh", "ar"]) {
      const engine = site.createSearch({ baseUrl: BASE_URL, fetch: site.fetch, language });
      const r = await engine.search("", { limit: 1000 });
      for (const x of r.results) {
        assert.ok(x.url.startsWith(`${BASE_URL}${language}/recommendations/`), x.url);
        assert.ok(fs.existsSync(pageOf(site, x)), x.url);
      }
      assert.equal((await engine.labels()).country.ecu, new RegExp(`${language}: "([^"]+)"`).exec(ecuador)[1]);
    }
    // Every translation file's first words find its recommendation (once).
    const folder = path.join(repoRoot, "Content/recommendations");
    for (const file of fs.readdirSync(folder, { recursive: true }).filter((f) => /\.(fr|es|ru|zh|ar)\.md$/.test(f))) {
      const language = file.slice(-5, -3);
      const id = path.basename(file).slice(0, -6);
      const text = fs.readFileSync(path.join(folder, file), "utf8").split("---")[2].trim();
      // The first three words (the first six characters of Chinese), as a phrase.
      const words = language === "zh" ? [[...text].slice(0, 6).join("")] : text.split(/\s+/).slice(0, 3);
      const query = `"${words.join(" ")}"`;
      const engine = site.createSearch({ baseUrl: BASE_URL, fetch: site.fetch, language });
      const found = (await engine.search(query, { limit: 1000 })).results.filter((x) => x.id === id);
      assert.equal(found.length, 1, `${file}: ${query}`);
      assert.equal(found[0].language, language, file);
    }
  });

  test("names SDG targets in the facet labels, as Vocabularies/sdgs.yml does", async () => {
    const yml = fs.readFileSync(path.join(repoRoot, "Vocabularies/sdgs.yml"), "utf8");
    const names = new Map([...yml.matchAll(/\{code: "([^"]+)", name: \{en: "([^"]+)"/g)].map((m) => [m[1], m[2]]));
    const labels = (await site.engine.labels()).sdg_target;
    assert.ok(Object.keys(labels).length > 0);
    for (const [code, label] of Object.entries(labels)) assert.equal(label, `${code} ${names.get(code)}`, code);
  });

  test("a State's name and a word find that State's records with the word", async () => {
    const records = contentByState().get("ecu");
    const r = await site.engine.search("Ecuador children", { limit: 1000 });
    const found = new Set(ids(r));
    const expected = records.filter((x) => /\bchild/i.test(x.text));
    assert.ok(expected.length > 0);
    for (const x of expected) assert.ok(found.has(x.id), x.id);
    const ecuador = new Set(records.map((x) => x.id));
    for (const x of r.results) assert.ok(ecuador.has(x.id) || /ecuador/i.test(x.title + x.excerpt), x.id);
  });

  test("downloads only part of the index for one query", async () => {
    site.log.length = 0;
    const engine = site.createSearch({ baseUrl: BASE_URL, fetch: site.fetch });
    await engine.search("torture", { limit: 5 });
    const files = fs.readdirSync(path.join(site.output, "search/index"), { recursive: true }).length;
    assert.ok(site.log.length < files / 4, `${site.log.length} of ${files}`);
    assert.ok(site.log.includes("search/index/manifest.json"));
  });
});
