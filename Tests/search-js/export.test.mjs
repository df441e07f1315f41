// engine.export against the reference: the sample site built by hrindex, whose
// downloads/recommendations.jsonl (written by the build, not by the search index) says what each
// recommendation holds. The CSV is read back with a parser of this file's own.
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

/** RFC 4180: rows of cells (quoted cells may hold commas, quotes as "", and line breaks). */
function parseCSV(text) {
  assert.ok(text.startsWith("\ufeff"), "byte-order mark");
  const rows = [[]];
  let cell = "", quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { rows.at(-1).push(cell); cell = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { rows.at(-1).push(cell); cell = ""; rows.push([]); i++; }
    else cell += c;
  }
  assert.deepEqual(rows.pop(), [], "ends with CRLF");
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]])));
}

describe("engine.export over the sample site", { skip }, () => {
  let root, output, engine, reference, log, createSearch, fetch;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "hrindex-export-"));
    output = path.join(root, "site");
    execFileSync(bin, ["build", "--content", path.join(repoRoot, "Content"), "--output", output,
      "--templates", path.join(repoRoot, "Templates"), "--public", path.join(repoRoot, "Public")], { stdio: ["ignore", "ignore", "pipe"] });
    ({ createSearch } = await import(pathToFileURL(path.join(output, "search/search.js")).href));
    log = [];
    fetch = async (url) => {
      const href = String(url);
      const file = path.join(output, decodeURIComponent(href.slice(BASE_URL.length)));
      if (!href.startsWith(BASE_URL) || !fs.existsSync(file)) return { ok: false, status: 404 };
      log.push(href.slice(BASE_URL.length));
      const bytes = fs.readFileSync(file);
      return { ok: true, status: 200, json: async () => JSON.parse(bytes.toString("utf8")),
        arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
    };
    engine = createSearch({ baseUrl: BASE_URL, fetch });
    reference = fs.readFileSync(path.join(output, "downloads/recommendations.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
  });
  after(() => root && fs.rmSync(root, { recursive: true, force: true }));

  test("two filters: the whole result set as CSV, each row with its full text and fields", async () => {
    const expected = reference.filter((r) => r.country === "ECU" && r.mechanism === "treaty-body");
    assert.ok(expected.length > 3);
    log.length = 0;
    const progress = [];
    const csv = await engine.export("", { filters: { country: ["ecu"], mechanism: ["treaty-body"] }, format: "csv",
      onProgress: (p) => progress.push(p) });
    const rows = parseCSV(csv);
    assert.deepEqual(rows.map((r) => r.id), expected.map((r) => r.id), "the reference's rows, in list order");
    for (const [k, row] of rows.entries()) {
      assert.equal(row.text.replace(/^'/, ""), expected[k].text.replace(/^'/, ""));
      assert.equal(row.document, expected[k].document);
      assert.equal(row.paragraph, expected[k].paragraph);
      assert.equal(row.url, BASE_URL + `recommendations/${expected[k].id}/`);
      // The index keeps a record's facet values in its own order, not the file's.
      assert.deepEqual((row.theme ? row.theme.split("; ") : []).sort(), [...expected[k].themes].sort());
      assert.equal(row.country, "ecu");
    }
    const docs = log.filter((u) => u.startsWith("search/index/docs/"));
    assert.ok(docs.length < rows.length && new Set(docs).size === docs.length, `${docs.length} chunk requests for ${rows.length} rows`);
    assert.equal(progress.at(-1).done, progress.at(-1).total);
  });

  test("a word query as JSON: the same results, in the same order, as the search shows, with full texts", async () => {
    const all = await engine.search("education", { filters: { type: ["recommendation"] }, limit: 1000 });
    assert.ok(all.total > 1);
    const rows = JSON.parse(await engine.export("education", { filters: { type: ["recommendation"] }, format: "json" }));
    assert.deepEqual(rows.map((r) => r.id), all.results.map((r) => r.id));
    const byId = new Map(reference.map((r) => [r.id, r]));
    for (const row of rows) {
      assert.equal(row.text, byId.get(row.id).text);
      assert.equal(row.title, byId.get(row.id).title);
      assert.deepEqual([...row.theme].sort(), [...byId.get(row.id).themes].sort());
      assert.deepEqual(row.type, ["recommendation"]);
    }
  });

  test("the search page's sort and year range, in the reader's edition: the reference's rows of those years, oldest first, linked into it", async () => {
    const { readSearchState, searchOptions } = await import(pathToFileURL(path.join(output, "search/search.js")).href);
    const state = readSearchState("?country=ecu&sort=oldest&from=2015&to=2019&page=2", await engine.facetFields());
    const year = (r) => Number(r.date.slice(0, 4));
    const expected = reference.filter((r) => r.country === "ECU" && year(r) >= 2015 && year(r) <= 2019).reverse();
    assert.ok(expected.length > 3 && expected.length < reference.filter((r) => r.country === "ECU").length);
    const french = createSearch({ baseUrl: BASE_URL, fetch, language: "fr" });
    const rows = JSON.parse(await french.export(state.q, { ...searchOptions(state), format: "json" }));
    assert.deepEqual(rows.map((r) => r.id), expected.map((r) => r.id), "the reference's rows of 2015-2019, oldest first");
    for (const row of rows) {
      assert.ok(row.url.startsWith(BASE_URL + "fr/"), row.url);
      assert.ok(fs.existsSync(path.join(output, row.url.slice(BASE_URL.length), "index.html")), row.url);
    }
  });

  test("readSearchState reads the search page's URL: q, the facet fields' values, page, sort, four-digit years", async () => {
    const { readSearchState } = await import(pathToFileURL(path.join(output, "search/search.js")).href);
    assert.deepEqual(readSearchState("?q=water&country=ecu&country=&country=per&other=x&sort=oldest&from=2010&to=20x&page=3", ["country", "theme"]),
      { q: "water", filters: { country: ["ecu", "per"] }, page: 3, sort: "oldest", from: "2010", to: "" });
    assert.deepEqual(readSearchState("?sort=sideways&page=0", ["country"]), { q: "", filters: {}, page: 1, sort: "relevance", from: "", to: "" });
  });

  test("an unknown format is refused", async () => {
    await assert.rejects(engine.export("", { format: "pdf" }), /unknown export format "pdf"/);
  });
});
