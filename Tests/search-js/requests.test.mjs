// How many requests a cold first page costs, on a site of 2,000 generated recommendations
// (`hrindex generate`, then `hrindex build`, with the binary in HRINDEX_BIN), counted through the
// fetch the engine is given; and that the records a page takes from the terms' heads are the
// records docs/ holds. Skipped when HRINDEX_BIN is not set.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./fixture.mjs";

const BASE_URL = "https://site.example/";
const bin = process.env.HRINDEX_BIN;
const skip = !bin ? "HRINDEX_BIN is not set (scripts/test sets it)" : !fs.existsSync(bin) ? `no hrindex at ${bin}` : false;

// An excerpt's text: without its <mark>s, entities and leading or trailing "…".
const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const plain = (html) => html.replace(/<\/?mark>/g, "").replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]).replace(/^…|…$/g, "");

describe("the requests of a cold first page (2,000 generated recommendations)", { skip }, () => {
  let root;
  let output;
  let createSearch;
  // Every record of docs/, read straight from the chunk files, by id; and each id's number.
  const records = new Map();
  const numbers = new Map();
  let readTitle;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "hrindex-requests-"));
    output = path.join(root, "site");
    execFileSync(bin, ["generate", "--count", "2000", "--output", path.join(root, "content")], { stdio: "ignore" });
    execFileSync(bin, [
      "build", "--content", path.join(root, "content"), "--output", output,
      "--templates", path.join(repoRoot, "Templates"), "--public", path.join(repoRoot, "Public"),
    ], { stdio: ["ignore", "ignore", "pipe"] });
    ({ createSearch, readTitle } = await import(pathToFileURL(path.join(output, "search/search.js")).href));
    const docs = path.join(output, "search/index/docs");
    for (let c = 0; fs.existsSync(path.join(docs, `${c}.json`)); c++) {
      for (const record of JSON.parse(fs.readFileSync(path.join(docs, `${c}.json`), "utf8"))) {
        numbers.set(record[0], numbers.size);
        records.set(record[0], record);
      }
    }
  });
  after(() => root && fs.rmSync(root, { recursive: true, force: true }));

  // A new engine (nothing cached) and the index paths it fetched.
  function coldEngine() {
    const log = [];
    const fetch = async (url) => {
      const file = path.join(output, decodeURIComponent(String(url).slice(BASE_URL.length)));
      if (!fs.existsSync(file)) return { ok: false, status: 404 };
      const bytes = fs.readFileSync(file);
      log.push(file.slice(output.length + 1));
      return {
        ok: true, status: 200,
        arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
        json: async () => JSON.parse(bytes.toString("utf8")),
      };
    };
    return { engine: createSearch({ baseUrl: BASE_URL, fetch }), log };
  }

  // The most frequent pairs of adjacent words of the English texts, both of `letters` letters or
  // more (five: no stop word), as quoted phrases.
  function frequentPhrases(count, letters = 5) {
    const pairs = new Map();
    for (const [, text, , , , language] of records.values()) {
      if (language !== "en") continue;
      const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
      for (let i = 1; i < words.length; i++) {
        if (words[i - 1].length < letters || words[i].length < letters) continue;
        pairs.set(`${words[i - 1]} ${words[i]}`, (pairs.get(`${words[i - 1]} ${words[i]}`) ?? 0) + 1);
      }
    }
    return [...pairs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count).map(([p]) => `"${p}"`);
  }

  // The generated texts' English words (bench/queries.json asks for the same kind).
  const WORDS = ["education", "police", "judges", "legislation", "resources", "trafficking", "society", "cooperation"];

  test("a one-word query in 20+ documents' text loads its first page from the word's head: at most 6 requests", async () => {
    // The layout: manifest.json; the word's names/ bucket; its dictionary shard; its postings
    // (keys/…p.bin, unless inline); its facet rows (keys/…r.bin, unless inline or replaced by
    // the counts in the postings); its head (keys/…h.json), which holds the word's first 20
    // documents in the order the query ranks them, so no docs/ chunk. The facets/ postings of
    // values the word names (matches ranked below every text match) come on top.
    let checked = 0;
    for (const word of WORDS) {
      const { engine, log } = coldEngine();
      const r = await engine.search(word, { limit: 20 });
      const textMatches = r.results.filter((x) => x.excerpt.includes("<mark>"));
      if (textMatches.length < 20) continue;
      checked++;
      const own = log.filter((p) => !p.startsWith("search/index/facets/"));
      assert.equal(own.filter((p) => p.startsWith("search/index/docs/")).length, 0, `${word}: ${own.join(" ")}`);
      assert.equal(own.filter((p) => p.endsWith(".h.json")).length, 1, `${word}: ${own.join(" ")}`);
      assert.ok(own.length <= 6, `${word}: ${own.length} requests: ${own.join(" ")}`);
    }
    assert.ok(checked >= 4, `only ${checked} of the words are in 20+ documents`);
  });

  test("a frequent two-word phrase loads its first page from its pair's head, not from docs/ chunks", async () => {
    // A pair in 50+ documents has a head (pairs/…h.json): the first 20 documents of its postings
    // by impact, the order a two-word phrase ranks its matches in. Its page then costs the
    // manifest, the pair's bucket (one per Latin stemmer whose texts the site has: the generated
    // texts are English, French and Spanish), the head, and what the facets need.
    let checked = 0;
    for (const q of frequentPhrases(6, 2)) {
      const { engine, log: requests } = coldEngine();
      const r = await engine.search(q, { limit: 20 });
      const log = [...requests];
      const all = JSON.parse(await engine.export(q, { format: "json" }));
      if (all.length < 50) continue;
      checked++;
      assert.deepEqual(r.results.map((x) => x.id), all.slice(0, 20).map((x) => x.id), q);
      // Spread over many chunks, so the head saves requests.
      const manifest = await engine.manifest();
      assert.ok(new Set(r.results.map((x) => Math.floor(numbers.get(x.id) / manifest.chunkSize))).size >= 8, q);
      assert.equal(log.filter((p) => p.startsWith("search/index/docs/")).length, 0, `${q}: ${log.join(" ")}`);
      assert.equal(log.filter((p) => /^search\/index\/pairs\/.*\.h\.json$/.test(p)).length, 1, `${q}: ${log.join(" ")}`);
      assert.ok(log.length <= 9, `${q}: ${log.length} requests: ${log.join(" ")}`);
    }
    assert.ok(checked >= 3, `only ${checked} frequent phrases have 50+ matches`);
  });

  test("a page of two words that ranks past each word's first 20 comes from the words' 128-record heads", async () => {
    // Each word's order is a one-word query's (its export: text matches rank first, and each of
    // these words is in 500+ texts): a term's head holds its first 128 documents in that order. A two-word page ranks the words' documents
    // by their sum, so it reaches past each word's first 20 (what a 20-record head held: the
    // rest would cost a docs/ chunk each), yet not past the first 128 of one of them.
    const orders = new Map();
    for (const word of WORDS) {
      const all = JSON.parse(await coldEngine().engine.export(word, { format: "json" }));
      orders.set(word, all.map((x) => numbers.get(x.id)));
    }
    const chunks = (docs) => new Set(docs.map((d) => Math.floor(d / 16))).size;
    let checked = 0;
    for (const [i, a] of WORDS.entries()) {
      for (const b of WORDS.slice(i + 1)) {
        const { engine, log } = coldEngine();
        const page = (await engine.search(`${a} ${b}`, { limit: 20 })).results.map((x) => numbers.get(x.id));
        const outside = (k) => { const held = new Set([...orders.get(a).slice(0, k), ...orders.get(b).slice(0, k)]); return page.filter((d) => !held.has(d)); };
        if (page.length < 20 || chunks(outside(20)) < 4 || outside(128).length > 0) continue;
        checked++;
        // One chunk may still beat a second head (the plan takes a head only when it saves two).
        assert.ok(log.filter((p) => p.includes("/docs/")).length <= 1, `${a} ${b}: ${log.join(" ")}`);
        assert.ok(log.filter((p) => p.endsWith(".h.json")).length <= 2, `${a} ${b}: ${log.join(" ")}`);
      }
    }
    assert.ok(checked >= 10, `only ${checked} word pairs rank past their first 20`);
  });

  test("a pair in 100+ documents has a 128-record head, one in 50 to 99 a 20-record head", async () => {
    // A two-word phrase ranks in its pair's order: its second page comes from a 128-record head
    // with no docs/ chunk, and from chunks past a 20-record one (whose records search.js must
    // not look for in the head: the records are checked against docs/).
    const large = [];
    const small = [];
    for (const q of frequentPhrases(300, 2)) {
      const count = (await coldEngine().engine.search(q, { limit: 1 })).total;
      if (count >= 100 && large.length < 3) large.push(q);
      if (count >= 60 && count < 100 && small.length < 3) small.push(q);
    }
    assert.ok(large.length === 3 && small.length >= 2, `${large.join(" ")} / ${small.join(" ")}`);
    for (const q of [...large, ...small]) {
      const all = JSON.parse(await coldEngine().engine.export(q, { format: "json" }));
      for (const offset of [0, 20]) {
        const { engine, log } = coldEngine();
        const r = await engine.search(q, { limit: 20, offset });
        assert.deepEqual(r.results.map((x) => x.id), all.slice(offset, offset + 20).map((x) => x.id), q);
        for (const x of r.results) {
          const [, , document, paragraph, date, , , country] = records.get(x.id);
          assert.deepEqual([x.document, x.paragraph, x.date, x.country], [document, paragraph, date, country], `${q}: ${x.id}`);
        }
        const chunks = log.filter((p) => p.includes("/docs/")).length;
        if (offset === 0 || large.includes(q)) assert.equal(chunks, 0, `${q} +${offset}: ${log.join(" ")}`);
        else assert.ok(chunks > 0, `${q} +${offset}: ${log.join(" ")}`);
      }
    }
  });

  test("a word with neither a term nor a name in the index ends the query before any postings", async () => {
    // "education" alone loads postings (and names its values' postings); with a word the index
    // lacks, the dictionary shards and names/ buckets show nothing can match.
    const loaded = (log) => log.filter((p) => /\.(p|r|h)\.(bin|json)$/.test(p) || p.includes("/docs/") || p.includes("/vectors/"));
    for (const q of ["education zzqxvw", "zzqxvw", "police OR judges zzqxvw", "droits zzqxvw"]) {
      for (const filters of [{}, { language: ["en"] }]) {
        const { engine, log } = coldEngine();
        const r = await engine.search(q, { limit: 20, filters });
        assert.equal(r.total, 0, q);
        assert.deepEqual(r.results, [], q);
        for (const values of Object.values(r.facets)) assert.deepEqual(values, {}, q);
        // A filter's postings start at once, beside the words' lookups (one file here).
        const words = loaded(log).filter((p) => !(filters.language && /^search\/index\/facets\/\d+\.p\.bin$/.test(p)));
        assert.deepEqual(words, [], `${q}: ${log.join(" ")}`);
        assert.ok(loaded(log).length <= (filters.language ? 1 : 0), `${q}: ${log.join(" ")}`);
      }
    }
    // The same word the index has costs postings: the check above can fail.
    const { engine, log } = coldEngine();
    assert.ok((await engine.search("education", { limit: 20 })).total > 0);
    assert.ok(loaded(log).length > 0, log.join(" "));
    // A word only a name has (no text says "Ecuador") is no reason to stop: it matches that
    // State's records, also beside another word.
    const ecuador = [...records.values()].filter((r) => r[7] === "ecu").map((r) => r[0]).sort();
    assert.ok(ecuador.length > 0 && ![...records.values()].some((r) => /ecuador/i.test(r[1])));
    for (const q of ["ecuador", "ecuador OR zzqxvw"]) {
      const r = await coldEngine().engine.search(q, { limit: 100 });
      assert.deepEqual(r.results.map((x) => x.id).sort(), ecuador, q);
    }
  });

  test("without heads the same page would cost a docs/ chunk for most results", async () => {
    // The heads matter: the first page's documents are spread over many chunks.
    const { engine } = coldEngine();
    const manifest = await engine.manifest();
    const r = await engine.search("education", { limit: 20 });
    const chunks = new Set(r.results.map((x) => Math.floor(numbers.get(x.id) / manifest.chunkSize)));
    assert.ok(chunks.size >= 8, `${chunks.size} chunks`);
  });

  test("every result taken from a head is the record docs/ holds for its id", async () => {
    for (const q of [...WORDS, "education police", "judges OR society", "\"civil society\"", "legislation -police", ...frequentPhrases(3, 2)]) {
      for (const offset of [0, 20]) {
        const { engine, log } = coldEngine();
        const r = await engine.search(q, { limit: 20, offset });
        // The export reads every match's record from docs/, in the search's order.
        const all = JSON.parse(await engine.export(q, { format: "json" }));
        assert.deepEqual(r.results.map((x) => x.id), all.slice(offset, offset + 20).map((x) => x.id), q);
        for (const x of r.results) {
          const [id, text, document, paragraph, date, language, title, country, body, url] = records.get(x.id);
          assert.deepEqual(
            [x.id, x.document, x.paragraph, x.date, x.country, x.body, x.url],
            [id, document, paragraph, date, country, body, BASE_URL + (url ?? `recommendations/${id}/`)], q);
          if (x.titleLanguage === language) assert.equal(x.title, readTitle(title, text), `${q}: ${id}`);
          if (x.language === language) assert.ok(text.includes(plain(x.excerpt)), `${q}: ${id}: ${x.excerpt}`);
        }
        if (offset === 0 && WORDS.includes(q)) assert.ok(log.some((p) => p.endsWith(".h.json")), `${q}: ${log.join(" ")}`);
      }
    }
  });

  test("a phrase's facet counts come from one word's rows, not a vectors/ block per match, and are exact", async () => {
    // Every match of a phrase has each of its words, so the rows of its rarest word count the
    // facets: a few requests, where the matches' vectors/ blocks would be one request per 64
    // documents. The counts must equal those of the export (every match with its values).
    const phrases = frequentPhrases(4);
    let checked = 0;
    for (const q of phrases) {
      const { engine, log } = coldEngine();
      const r = await engine.search(q, { limit: 20 });
      const searched = [...log];
      // The matches lie in many blocks (one request each), or the test proves nothing.
      const manifest = await engine.manifest();
      const all = JSON.parse(await engine.export(q, { format: "json" }));
      if (new Set(all.map((x) => Math.floor(numbers.get(x.id) / manifest.blockSize))).size < 10) continue;
      checked++;
      assert.ok(searched.filter((p) => p.includes("/vectors/")).length <= 2, `${q}: ${searched.join(" ")}`);
      const fields = await engine.facetFields();
      const expected = Object.fromEntries(fields.map((f) => [f, {}]));
      for (const row of all) {
        for (const f of fields) for (const v of [row[f]].flat().filter((x) => x !== undefined && x !== null && x !== "")) expected[f][v] = (expected[f][v] ?? 0) + 1;
      }
      assert.deepEqual(r.facets, expected, q);
    }
    assert.ok(checked >= 2, `only ${checked} of ${phrases.join(", ")} have matches in 10+ blocks`);
  });
});
